//! Import a price history: a CSV file of hourly power prices, read in the page (nothing leaves
//! it), becomes the hour price curve `pcurve` (module [`crate::domain::power::import`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::state::{PageState, use_page};
use crate::domain::power::Contract;
use crate::domain::power::import::{columns, read_prices};
use crate::link::Key;
use crate::present::power::{curve_text, import_summary};

/// What the status line shows: the summary or the error, and the figures of a history read
/// (`hours min max`). Plain text signals: the page's other panels use the same types.
#[derive(Clone, Copy)]
struct Status {
    summary: RwSignal<String>,
    error: RwSignal<String>,
    figures: RwSignal<String>,
}

/// Reads `text` at `column` (empty: the last numeric one) into the status and, when it is a
/// history, makes its curve the page's `pcurve` (and an index contract of a fixed one, which
/// reads no curve).
fn apply(page: PageState, status: Status, text: &str, column: &str) {
    match read_prices(text, (!column.is_empty()).then_some(column)) {
        Ok(h) => {
            if page.scenario.with_untracked(|s| s.economics.power.contract) == Contract::Fixed {
                page.edit(Key::PowerContract, "index".to_owned());
            }
            page.edit(Key::PowerCurve, curve_text(&h));
            status.summary.set(import_summary(&h));
            status.error.set(String::new());
            status
                .figures
                .set(format!("{} {} {}", h.hours, h.min, h.max));
        }
        Err(e) => {
            status.summary.set(String::new());
            status.error.set(e.to_string());
        }
    }
}

/// Reads the input's file as text (a `FileReader`: the page's other callbacks are closures
/// too) and hands it to `done`.
fn read_file(input: &web_sys::HtmlInputElement, done: impl FnOnce(String) + 'static) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let r = reader.clone();
    let on_load = Closure::once_into_js(move || {
        if let Some(text) = r.result().ok().and_then(|v| v.as_string()) {
            done(text);
        }
    });
    reader.set_onload(Some(on_load.unchecked_ref()));
    let _ = reader.read_as_text(&file);
}

/// A file picker and a column choice; the status says what was read, or names the line that
/// is not a price.
#[component]
pub fn PriceImport() -> impl IntoView {
    let page = use_page();
    let text = RwSignal::new(String::new());
    let names = RwSignal::new(String::new());
    let status = Status {
        summary: RwSignal::new(String::new()),
        error: RwSignal::new(String::new()),
        figures: RwSignal::new(String::new()),
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            read_file(&input, move |t| {
                names.set(columns(&t).unwrap_or_default().join("\n"));
                apply(page, status, &t, "");
                text.set(t);
            });
        }
    };
    let on_column = move |ev: leptos::ev::Event| {
        let column = event_target_value(&ev);
        text.with_untracked(|t| apply(page, status, t, &column));
    };
    let figure = move |i: usize| {
        move || {
            status
                .figures
                .with(|f| f.split(' ').nth(i).unwrap_or_default().to_owned())
        }
    };
    view! {
        <div class="field price-import">
            <label for="price-import">"Import hourly prices (CSV)"</label>
            <input id="price-import" data-testid="price-import" type="file"
                accept=".csv,text/csv,text/plain" on:change=on_file />
            <label for="price-import-column">"Price column"</label>
            <select id="price-import-column" data-testid="price-import-column" on:change=on_column>
                <option value="">"Last numeric column"</option>
                {move || names.with(|n| n.lines().map(|n| {
                    let (v, label) = (n.to_owned(), n.to_owned());
                    view! { <option value=v>{label}</option> }
                }).collect_view())}
            </select>
            <p data-testid="price-import-status" role="status" hidden=move || status.summary.with(String::is_empty)
                data-hours=figure(0) data-min=figure(1) data-max=figure(2)>{status.summary}</p>
            <p class="field-error" data-testid="price-import-error" role="alert"
                hidden=move || status.error.with(String::is_empty)>{status.error}</p>
        </div>
    }
}
