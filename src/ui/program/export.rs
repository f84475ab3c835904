//! CSV export of the month table (`data-testid="program-csv"`): every column, numbers
//! unrounded.

use leptos::prelude::*;

use crate::export::program_csv;

use super::super::export_bar::download_text;
use super::app::Built;
use super::runner::RunState;

/// The export button and its status.
#[component]
pub fn ProgramExport(
    /// The built program.
    built: Built,
    /// The simulation (its percentile columns are in the CSV once it has run).
    run: RunState,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let export = move |_| {
        let csv = built.with_untracked(|b| {
            run.stats
                .with_untracked(|s| b.as_ref().ok().map(|m| program_csv(m, s.as_ref())))
        });
        let result = match csv {
            Some(csv) => download_text(&csv, "text/csv", "minerhedge-program.csv")
                .map(|_| "Month table downloaded".to_string())
                .map_err(|_| "Download failed".to_string()),
            None => Err("Nothing to export: the program has an invalid input".to_string()),
        };
        status.set(result.unwrap_or_else(|e| e));
    };
    view! {
        <section class="panel export" aria-label="Export">
            <button type="button" data-testid="program-csv" on:click=export>"Download the month table (CSV)"</button>
            <span role="status">{move || status.get()}</span>
        </section>
    }
}
