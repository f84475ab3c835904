//! The rebalancing helper (`data-testid="rebalance"`): spot now and difficulty change since the
//! hedge in, the new expected output, target, trade, order ticket
//! (`data-testid="rebalance-ticket"`) and delta-neutral quantity out.

use leptos::prelude::*;

use crate::link::KeySpec;
use crate::view::decide::{figures_html, rebalance_texts};

use super::display::Display;
use super::field::Field;

/// Inputs `rspot`, `rdg` and the figures of [`rebalance_texts`].
#[component]
pub fn RebalancePanel(display: Memo<Display>) -> impl IntoView {
    let texts = Memo::new(move |_| display.with(|d| rebalance_texts(&d.model)));
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
            <p class="hint" hidden=Signal::derive(move || texts.with(Option::is_some))>
                "Nothing to rebalance: choose a valid hedge."
            </p>
            <dl aria-live="polite"
                inner_html=Signal::derive(move || texts.with(|t| t.as_deref().map(figures_html).unwrap_or_default()))>
            </dl>
        </section>
    }
}
