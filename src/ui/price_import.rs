//! Import a price history: a CSV file of hourly power prices, read in the page (nothing leaves
//! it), becomes the hour price curve `pcurve` (module [`crate::domain::power::import`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::state::use_page;
use crate::domain::power::import::{columns, read_prices};
use crate::link::Key;
use crate::present::power::{curve_text, import_summary};

/// The file's text, once read.
async fn file_text(input: web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// A file picker and a column choice; the curve replaces `pcurve` (and an index contract
/// replaces `fixed`, which reads no curve). The status says what was read, or names the line
/// that is not a price.
#[component]
pub fn PriceImport() -> impl IntoView {
    let page = use_page();
    let text = RwSignal::new(String::new());
    let column = RwSignal::new(String::new());
    let names = Memo::new(move |_| text.with(|t| columns(t).unwrap_or_default()));
    let result = Memo::new(move |_| {
        text.with(|t| {
            (!t.is_empty())
                .then(|| column.with(|c| read_prices(t, (!c.is_empty()).then_some(c.as_str()))))
        })
    });
    // Each new reading sets the curve.
    Effect::new(move |_| {
        if let Some(Ok(h)) = result.get() {
            if page.scenario.with_untracked(|s| s.economics.power.contract)
                == crate::domain::power::Contract::Fixed
            {
                page.edit(Key::PowerContract, "index".to_owned());
            }
            page.edit(Key::PowerCurve, curve_text(&h));
        }
    });
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Some(t) = file_text(input).await {
                column.set(String::new());
                text.set(t);
            }
        });
    };
    let status = move || {
        match result.get() {
        Some(Ok(h)) => view! { <p data-testid="price-import-status" role="status"
            data-hours=h.hours.to_string() data-min=h.min.to_string() data-max=h.max.to_string()>
            {import_summary(&h)}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="field-error" data-testid="price-import-error" role="alert">{e.to_string()}</p> }.into_any(),
        None => ().into_any(),
    }
    };
    view! {
        <div class="field price-import">
            <label for="price-import">"Import hourly prices (CSV)"</label>
            <input id="price-import" data-testid="price-import" type="file"
                accept=".csv,text/csv,text/plain" on:change=on_file />
            <label for="price-import-column" hidden=move || names.with(|n| n.len() < 2)>"Price column"</label>
            <select id="price-import-column" data-testid="price-import-column"
                hidden=move || names.with(|n| n.len() < 2)
                on:change=move |ev| column.set(event_target_value(&ev))>
                <option value="" selected=move || column.with(String::is_empty)>"Last numeric column"</option>
                {move || names.get().into_iter().map(|n| {
                    let v = n.clone();
                    view! { <option value=v.clone() selected=move || column.with(|c| *c == v)>{n}</option> }
                }).collect_view()}
            </select>
            {status}
        </div>
    }
}
