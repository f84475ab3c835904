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
pub fn RebalancePanel(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
) -> impl IntoView {
    let html = Signal::derive(move || {
        display.with(|d| match rebalance_texts(&d.model) {
            Some(t) => format!("<dl>{}</dl>", figures_html(&t)),
            None => "<p class=\"hint\">Nothing to rebalance: choose a valid hedge.</p>".to_owned(),
        })
    });
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
            <div class="rebalance-figures" aria-live="polite" inner_html=html></div>
        </section>
    }
}
