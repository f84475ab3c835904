//! Export: the payoff table and the strategy comparison as CSV (`data-testid="export-csv"`),
//! every chart as PNG (`data-testid="export-png"`), and printing (the print stylesheet puts
//! inputs, chart and tables on one page).

use std::time::Duration;

use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::export::{comparison_csv, table_csv};
use crate::view::compare::ComparisonRow;

use super::display::Display;

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
fn download_text(text: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
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

/// The export buttons and their status line.
#[component]
pub fn ExportBar(display: Memo<Display>, comparison: Memo<Vec<ComparisonRow>>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let report = move |what: &str, r: Result<(), JsValue>| match r {
        Ok(()) => status.set(format!("{what} downloaded")),
        Err(e) => status.set(format!("{what} failed: {}", describe(e))),
    };
    let table = move |_| {
        let csv = display.with_untracked(|d| table_csv(&d.model));
        report(
            "Table CSV",
            download_text(&csv, "text/csv", "minerhedge-table.csv"),
        );
    };
    let compare = move |_| {
        let csv = comparison.with_untracked(|rows| comparison_csv(rows));
        report(
            "Comparison CSV",
            download_text(&csv, "text/csv", "minerhedge-comparison.csv"),
        );
    };
    let png = move |testid: &'static str, file: &'static str, what: &'static str| {
        move |_| report(what, download_canvas(testid, file))
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="panel export" aria-label="Export">
            <h2>"Export"</h2>
            <div class="export-buttons">
                <button type="button" data-testid="export-csv" data-export="table" on:click=table>
                    "Table (CSV)"
                </button>
                <button type="button" data-testid="export-csv" data-export="comparison" on:click=compare>
                    "Comparison (CSV)"
                </button>
                <button type="button" data-testid="export-png" data-export="chart"
                    on:click=png("chart", "minerhedge-payoff.png", "Payoff chart PNG")>
                    "Payoff chart (PNG)"
                </button>
                <button type="button" data-testid="export-png" data-export="distribution-chart"
                    on:click=png("distribution-chart", "minerhedge-distribution.png", "Distribution PNG")>
                    "Distribution (PNG)"
                </button>
                <button type="button" data-testid="export-png" data-export="volume-heatmap"
                    on:click=png("volume-heatmap", "minerhedge-heatmap.png", "Heat map PNG")>
                    "Heat map (PNG)"
                </button>
                <button type="button" data-testid="print" on:click=print>"Print"</button>
            </div>
            <p class="export-status" role="status">{move || status.get()}</p>
        </section>
    }
}
