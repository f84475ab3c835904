//! The derived panel: premiums, net premium, strikes, order ticket and the other figures the
//! engine derives from the inputs.

use leptos::prelude::*;

use super::glossary::Tip;
use crate::present::display::Display;

/// The glossary term explained next to a derived figure, by its `data-testid`.
fn term_of(testid: &str) -> Option<&'static str> {
    match testid {
        "hashprice" => Some("hashprice"),
        "breakeven" => Some("breakeven"),
        "position-delta" | "delta-neutral" => Some("delta"),
        "order-ticket" => Some("inverse"),
        "call-strike" => Some("zero-cost"),
        _ => None,
    }
}

/// One `<dt>/<dd>` pair per derived figure, each value carrying its `data-testid`.
#[component]
pub fn DerivedPanel(
    /// What the page shows.
    display: Memo<Display>,
) -> impl IntoView {
    view! {
        <section class="panel derived" aria-label="Derived figures">
            <dl>
                {move || display.with(|d| d.derived.iter().map(|(id, label, value)| view! {
                    <div><dt>{*label}{term_of(id).map(|t| view! { <Tip term=t /> })}</dt><dd data-testid=*id>{value.clone()}</dd></div>
                }).collect_view())}
            </dl>
            <ul class="engine-errors" hidden=move || display.with(|d| d.errors.is_empty())>
                {move || display.with(|d| d.errors.iter().map(|e| view! { <li role="alert">{e.clone()}</li> }).collect_view())}
            </ul>
        </section>
    }
}
