//! The rebalancing helper (`data-testid="rebalance"`): spot now and difficulty change since the
//! hedge in, the new expected output, target, trade, order ticket
//! (`data-testid="rebalance-ticket"`) and delta-neutral quantity out.

use leptos::prelude::*;

use crate::link::KeySpec;
use crate::present::display::Display;
use crate::present::rebalance::{NOTHING_TO_REBALANCE, rebalance_figures};

use super::field::Field;

/// Inputs `rspot`, `rdg` and the figures of [`rebalance_figures`].
#[component]
pub fn RebalancePanel(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
) -> impl IntoView {
    let figures = Memo::new(move |_| display.with(|d| rebalance_figures(&d.model)));
    let shown = move || {
        match figures.get() {
        Some(items) => view! {
            <dl>
                {items.into_iter().map(|f| view! {
                    <div><dt>{f.label}</dt><dd data-testid=f.id data-value=f.value>{f.text}</dd></div>
                }).collect_view()}
            </dl>
        }
        .into_any(),
        None => view! { <p class="hint">{NOTHING_TO_REBALANCE}</p> }.into_any(),
    }
    };
    let fields = ["rspot", "rdg"]
        .iter()
        .filter_map(|k| KeySpec::get(k))
        .map(|s| view! { <Field spec=s /> })
        .collect_view();
    view! {
        <section class="panel rebalance" data-testid="rebalance" aria-labelledby="rebalance-title">
            <h2 id="rebalance-title">"Rebalance the hedge"</h2>
            <p class="hint">"After the spot or the expected difficulty moved: the trade that restores the chosen coverage of the new expected output. Spot now 0 = the spot above."</p>
            <div class="rebalance-inputs">{fields}</div>
            <div class="rebalance-figures" aria-live="polite">{shown}</div>
        </section>
    }
}
