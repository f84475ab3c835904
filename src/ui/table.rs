//! The payoff table: one row per price over the range, as in the seed.

use leptos::prelude::*;

use crate::present::display::Display;

/// Header row first, then one row per price; money as `$1,250` / `(50)`, returns as `18.2%`;
/// each cell with its column (`data-col`) and its unrounded `data-value` (USD, coin, % ).
#[component]
pub fn PayoffTable(
    /// What the page shows (the table rows).
    display: Memo<Display>,
) -> impl IntoView {
    view! {
        <section class="panel table" aria-label="Payoff table" tabindex="0">
            <table data-testid="payoff-table">
                <thead>
                    <tr>{move || display.with(|d| d.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())}</tr>
                </thead>
                <tbody>
                    {move || display.with(|d| d.rows.iter().map(|row| view! {
                        <tr>{row.iter().map(|c| view! { <td data-col=c.id data-value=c.value.clone()>{c.text.clone()}</td> }).collect_view()}</tr>
                    }).collect_view())}
                </tbody>
            </table>
        </section>
    }
}
