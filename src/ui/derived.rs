//! The derived panel: premiums, net premium, strikes, order ticket and the other figures the
//! engine derives from the inputs.

use leptos::prelude::*;

use super::glossary::Tip;
use super::state::use_page;
use crate::link::Key;
use crate::present::display::{Display, power_group};
use rust_decimal::Decimal;

/// The glossary term explained next to a derived figure, by its `data-testid`.
fn term_of(testid: &str) -> Option<&'static str> {
    match testid {
        "hashprice" => Some("hashprice"),
        "breakeven" => Some("breakeven"),
        "position-delta" | "delta-neutral" => Some("delta"),
        "call-strike" => Some("zero-cost"),
        "put2-strike" => Some("putspread"),
        "put-vol" | "put2-vol" | "call-vol" => Some("smile"),
        "liq-price" | "liq-prob" | "coll-needed" => Some("margin"),
        "hashprice-fixed" | "hash-coverage" => Some("hashprice-forward"),
        "ehp" | "run-share" | "curtailment-value" => Some("curtailment"),
        _ => None,
    }
}

/// The derived figures that apply to the chosen strategy under their headings (mining,
/// hedge, options, margin, Greeks): one `<dt>/<dd>` pair per figure, each value carrying its
/// `data-testid` and unrounded `data-value`.
#[component]
pub fn DerivedPanel(
    /// What the page shows.
    display: Memo<Display>,
    /// The final price (the rig's power there).
    price: Memo<Decimal>,
) -> impl IntoView {
    let page = use_page();
    let dragging = page.dragging;
    // The coverage that locks a hashprice-hedged revenue, set with one click.
    let use_value = move |f: &crate::present::Figure| {
        (f.id == "hash-coverage")
            .then(|| f.value.clone())
            .flatten()
            .map(|v| {
                view! {
                    <button type="button" class="use" data-testid="use-hash-coverage"
                        on:click=move |_| page.edit(Key::Coverage, v.clone())>"use"</button>
                }
            })
    };
    view! {
        <section class="panel derived" aria-label="Derived figures">
            {move || {
                // The power at the final price: at the price where a drag paused or ended.
                let px = if dragging.get() { price.get_untracked() } else { price.get() };
                display.with(|d| d.groups.iter().cloned().chain(power_group(&d.model, px)).map(|g| view! {
                    <h3 class="derived-group">{g.heading}</h3>
                    <dl data-group=g.heading>
                        {g.figures.iter().map(|f| view! {
                            <div><dt>{f.label}{term_of(f.id).map(|t| view! { <Tip term=t /> })}</dt><dd data-testid=f.id data-value=f.value.clone()>{f.text.clone()}</dd>{use_value(f)}</div>
                        }).collect_view()}
                    </dl>
                }).collect_view())
            }}
            <ul class="engine-errors" hidden=move || display.with(|d| d.errors.is_empty())>
                {move || display.with(|d| d.errors.iter().map(|e| view! { <li role="alert">{e.clone()}</li> }).collect_view())}
            </ul>
        </section>
    }
}
