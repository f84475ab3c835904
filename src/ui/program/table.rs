//! The month table (`data-testid="program-table"`): one row per month, each cell a `<td>`
//! with `data-col` and, for numbers, `data-value` (the unrounded value; the text is rounded
//! for people).
//!
//! The rows follow the built program; a finished simulation only rewrites the text and
//! `data-value` of each row's three simulated cells (no row is rebuilt), so the task that
//! publishes the statistics stays short.

use leptos::prelude::*;

use crate::present::RISK_CONVENTION;
use crate::present::program::{Cell, SIMULATED, columns_of, plan_cells, simulated_cells};

use super::app::Built;
use super::runner::RunState;

fn td(c: Cell) -> impl IntoView {
    view! { <td data-col=c.col data-value=c.value>{c.text}</td> }
}

/// The simulated cells of month `i`: each follows the run's statistics.
fn simulated(run: RunState, i: usize) -> impl IntoView {
    let cells = Memo::new(move |_| {
        run.stats
            .with(|s| simulated_cells(s.as_ref().and_then(|s| s.program.months.get(i))))
    });
    (0..SIMULATED)
        .map(|k| {
            let col = cells.with_untracked(|c| c[k].col);
            view! {
                <td data-col=col data-value=move || cells.with(|c| c[k].value.clone())>
                    {move || cells.with(|c| c[k].text.clone())}
                </td>
            }
        })
        .collect_view()
}

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
            b.as_ref()
                .map(|m| {
                    m.program
                        .rows()
                        .iter()
                        .zip(&m.collateral)
                        .map(|(r, c)| plan_cells(r, &m.coin, *c))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // The power columns appear with a power contract (`present::program::columns`).
    let header = move || {
        let power = built.with(|b| b.as_ref().is_ok_and(|m| m.program.has_power()));
        columns_of(power)
            .into_iter()
            .map(|(col, h)| view! { <th scope="col" data-col=col>{h}</th> })
            .collect_view()
    };
    view! {
        <section class="panel program-months" aria-labelledby="program-table-title">
            <h2 id="program-table-title">"Months"</h2>
            <p class="hint">{RISK_CONVENTION}</p>
            <div class="table-scroll">
                <table data-testid="program-table">
                    <thead><tr>
                        {header}
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().enumerate().map(|(i, cells)| view! {
                            <tr>
                                {cells.into_iter().map(td).collect_view()}
                                {simulated(run, i)}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
