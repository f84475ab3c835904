//! A table of [`Cell`]s under fixed columns: each header and cell names its column
//! (`data-col`), each cell carries its unrounded value (`data-value`). The actuals and the
//! report's months to come are such tables.

use leptos::prelude::*;

use crate::present::program::Cell;

/// The table `testid`, with a header per `(data-col, heading)` of `columns` and the rows that
/// `rows` gives, cell by cell.
#[component]
pub fn CellTable(
    /// Its `data-testid`.
    testid: &'static str,
    /// `(data-col, heading)` of each column.
    columns: &'static [(&'static str, &'static str)],
    /// The rows, cell by cell.
    rows: Signal<Vec<Vec<Cell>>>,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table data-testid=testid>
                <thead><tr>
                    {columns.iter().map(|(col, h)| view! { <th scope="col" data-col=*col>{*h}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|cells| view! {
                        <tr>{cells.into_iter().map(|c| view! { <td data-col=c.col data-value=c.value>{c.text}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
