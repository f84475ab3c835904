//! Export: the payoff table and the strategy comparison as CSV (`data-testid="export-csv"`),
//! every chart as PNG (`data-testid="export-png"`), and printing (the print stylesheet puts
//! inputs, chart and tables on one page).

use std::time::Duration;

use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::export::{comparison_csv, table_csv};
use crate::view::compare::ComparisonRow;

use crate::present::display::Display;

/// Clicks a temporary `<a download>` for `href`.
fn click_download(href: &str, filename: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(href);
    a.set_download(filename);
    a.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    let _ = body.remove_child(&a);
    Ok(())
}

/// Downloads `text` as a file (Blob + object URL, revoked a moment later).
pub(crate) fn download_text(text: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let result = click_download(&url, filename);
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    result
}

/// Downloads the canvas with `data-testid=testid` as a PNG.
fn download_canvas(testid: &str, filename: &str) -> Result<(), JsValue> {
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("canvas[data-testid=\"{testid}\"]"))
                .ok()
                .flatten()
        })
        .ok_or_else(|| JsValue::from_str("chart not found"))?
        .dyn_into()?;
    let url = canvas.to_data_url_with_type("image/png")?;
    click_download(&url, filename)
}

fn describe(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// What an export button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    TableCsv,
    ComparisonCsv,
    Png(&'static str, &'static str),
    Print,
}

/// `(testid, data-export, label, action)` of every button, in order.
const BUTTONS: [(&str, &str, &str, Action); 6] = [
    ("export-csv", "table", "Table (CSV)", Action::TableCsv),
    (
        "export-csv",
        "comparison",
        "Comparison (CSV)",
        Action::ComparisonCsv,
    ),
    (
        "export-png",
        "chart",
        "Payoff chart (PNG)",
        Action::Png("chart", "minerhedge-payoff.png"),
    ),
    (
        "export-png",
        "distribution-chart",
        "Distribution (PNG)",
        Action::Png("distribution-chart", "minerhedge-distribution.png"),
    ),
    (
        "export-png",
        "volume-heatmap",
        "Heat map (PNG)",
        Action::Png("volume-heatmap", "minerhedge-heatmap.png"),
    ),
    ("print", "print", "Print", Action::Print),
];

/// The export buttons and their status line.
#[component]
pub fn ExportBar(
    /// What the page shows (the payoff table's model).
    display: Memo<Display>,
    /// The strategy comparison's rows (with the simulation's VaR/CVaR when done).
    comparison: Memo<Vec<ComparisonRow>>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let run = move |action: Action, label: &str| {
        let result = match action {
            Action::TableCsv => {
                let csv = display.with_untracked(|d| table_csv(&d.model));
                download_text(&csv, "text/csv", "minerhedge-table.csv")
            }
            Action::ComparisonCsv => {
                let csv = comparison.with_untracked(|rows| comparison_csv(rows));
                download_text(&csv, "text/csv", "minerhedge-comparison.csv")
            }
            Action::Png(testid, file) => download_canvas(testid, file),
            Action::Print => {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
                return;
            }
        };
        match result {
            Ok(()) => status.set(format!("{label} downloaded")),
            Err(e) => status.set(format!("{label} failed: {}", describe(e))),
        }
    };
    let buttons = BUTTONS
        .iter()
        .map(|&(testid, what, label, action)| {
            view! {
                <button type="button" data-testid=testid data-export=what
                    on:click=move |_| run(action, label)>
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="panel export" aria-label="Export">
            <h2>"Export"</h2>
            <div class="export-buttons">{buttons}</div>
            <p class="export-status" role="status">{status}</p>
        </section>
    }
}
