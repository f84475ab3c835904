//! The month table (`data-testid="program-table"`): one row per month, each cell a `<td>`
//! with `data-col` and, for numbers, `data-value` (the unrounded value; the text is rounded
//! for people).

use leptos::prelude::*;

use crate::present::program::{month_table, COLUMNS};

use super::app::Built;
use super::runner::RunState;

/// The table.
#[component]
pub fn ProgramTable(
    /// The built program.
    built: Built,
    /// The simulation (the cash percentile columns).
    run: RunState,
) -> impl IntoView {
    let rows = move || {
        built.with(|b| {
            run.stats.with(|s| {
                b.as_ref()
                    .map(|m| month_table(m, s.as_ref()))
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <section class="panel program-months" aria-labelledby="program-table-title">
            <h2 id="program-table-title">"Months"</h2>
            <div class="table-scroll">
                <table data-testid="program-table">
                    <thead><tr>
                        {COLUMNS.iter().map(|(col, h)| view! { <th scope="col" data-col=*col>{*h}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|cells| view! {
                            <tr>
                                {cells.into_iter().map(|c| view! {
                                    <td data-col=c.col data-value=c.value>{c.text}</td>
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
