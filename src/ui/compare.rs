//! The strategy comparison table: one row per strategy, the best value of each column
//! highlighted, a click (or Enter/Space on a focused row) selects that hedge. The rows are
//! rendered as one HTML string ([`crate::view::decide::comparison_html`], escaped) with delegated events: a small
//! page for a table that changes as a whole.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::view::decide::{kind_of_label, select_edits};

use super::state::use_page;

/// The label of the strategy row an event happened in.
fn row_label(ev: &web_sys::Event) -> Option<String> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("tr[data-strategy]")
        .ok()??
        .get_attribute("data-strategy")
}

/// The comparison (`data-testid="strategy-compare"`); `html` is the table's inner HTML from
/// [`crate::view::decide::comparison_html`], `running` tells whether VaR/CVaR are still being
/// simulated.
#[component]
pub fn StrategyCompare(
    /// The table's inner HTML.
    html: Signal<String>,
    /// `true` while the simulation for VaR/CVaR runs.
    running: Signal<bool>,
) -> impl IntoView {
    let page = use_page();
    let select = move |ev: &web_sys::Event| {
        if let Some(kind) = row_label(ev).as_deref().and_then(kind_of_label) {
            for (key, value) in select_edits(kind) {
                page.edit(key, value.to_owned());
            }
        }
    };
    let note = Signal::derive(move || if running.get() { " (running…)" } else { "" });
    view! {
        <section class="panel compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Strategy comparison"</h2>
            <p class="hint">"At the current coverage and inputs. Click a row (or focus it and press Enter) to show that hedge; "
                <span class="best-key">"highlighted"</span>" = best in its column. P(·) and expected return: lognormal price; VaR/CVaR 95%: the simulation below"
                {note}"."</p>
            <div class="table-scroll">
                <table data-testid="strategy-compare" role="grid" aria-readonly="true"
                    inner_html=html
                    on:click=move |ev| select(&ev)
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        let k = ev.key();
                        if k == "Enter" || k == " " {
                            ev.prevent_default();
                            select(&ev);
                        }
                    }>
                </table>
            </div>
        </section>
    }
}
