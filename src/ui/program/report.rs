//! The monthly report (`data-testid="program-report"`): the latest month's actuals against
//! the plan, the hedge's effect so far, the collateral in use and the months to come, for a
//! board or a lender; "Print the report" prints this panel alone (A4, the page's other panels
//! hidden while it prints) and "Download the report (CSV)" writes the same lines. Every
//! line's `dd` carries its `data-col` and `data-value`; "The months to come" is a table (one
//! row per month, each cell with its `data-col` and `data-value`; the CSV writes each month
//! as one sentence of the same figures).

use leptos::prelude::*;

use crate::export::report_csv;
use crate::present::RISK_CONVENTION;
use crate::present::program::{REPORT_MONTH_COLUMNS, REPORT_SECTIONS, report, report_months};

use super::super::export_bar::download_text;
use super::app::Built;
use super::cell_table::CellTable;
use super::runner::RunState;

/// Prints the report alone: the document is marked `data-print="report"` while the browser
/// prints (print styles hide everything else).
fn print_report() {
    let Some(w) = web_sys::window() else { return };
    let root = w.document().and_then(|d| d.document_element());
    if let Some(r) = &root {
        let _ = r.set_attribute("data-print", "report");
    }
    let _ = w.print();
    if let Some(r) = &root {
        let _ = r.remove_attribute("data-print");
    }
}

/// "The months to come": one row per month, cell by cell, with the risk convention.
fn months_to_come(built: Built, run: RunState) -> impl IntoView {
    let rows = move || {
        built.with(|b| {
            run.stats.with(|s| {
                b.as_ref()
                    .map(|m| report_months(m, s.as_ref()))
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <h3>{REPORT_SECTIONS[4]}</h3>
        <p class="hint">{RISK_CONVENTION}</p>
        <CellTable testid="report-months" columns=&REPORT_MONTH_COLUMNS rows=Signal::derive(rows) />
    }
}

/// The report panel.
#[component]
pub fn ProgramReport(
    /// The built program.
    built: Built,
    /// The simulation (the plan's bands and the months to come).
    run: RunState,
) -> impl IntoView {
    let lines = Memo::new(move |_| {
        built.with(|b| {
            run.stats.with(|s| {
                b.as_ref()
                    .map(|m| report(m, s.as_ref()))
                    .unwrap_or_default()
            })
        })
    });
    let status = RwSignal::new(String::new());
    let csv = move |_| {
        let text = built.with_untracked(|b| {
            run.stats
                .with_untracked(|s| b.as_ref().ok().map(|m| report_csv(m, s.as_ref())))
        });
        let done = match text {
            Some(t) => download_text(&t, "text/csv", "minerhedge-report.csv")
                .map(|_| "Report downloaded".to_string())
                .unwrap_or_else(|_| "Download failed".to_string()),
            None => "Nothing to report: the program has an invalid input".to_string(),
        };
        status.set(done);
    };
    let section = move |heading: &'static str| {
        if heading == REPORT_SECTIONS[4] {
            return months_to_come(built, run).into_any();
        }
        view! {
            <h3>{heading}</h3>
            <dl class="report-lines">
                {move || lines.with(|ls| ls.iter().filter(|l| l.section == heading).map(|l| view! {
                    <div data-value=l.value.clone()><dt>{l.label.clone()}</dt>
                        <dd data-col=l.col data-value=l.value.clone()>{l.text.clone()}</dd></div>
                }).collect_view())}
            </dl>
        }
        .into_any()
    };
    view! {
        <section class="panel program-report" aria-labelledby="program-report-title" data-testid="program-report">
            <h2 id="program-report-title">"Monthly report"</h2>
            {REPORT_SECTIONS.iter().map(|h| section(h)).collect_view()}
            <div class="report-actions">
                <button type="button" data-testid="report-print" on:click=|_| print_report()>"Print the report"</button>
                <button type="button" data-testid="report-csv" on:click=csv>"Download the report (CSV)"</button>
                <span role="status">{move || status.get()}</span>
            </div>
        </section>
    }
}
