//! Import a price history: a CSV file of hourly power prices, read in the page (nothing leaves
//! it), becomes the hour price curve `pcurve` (module [`crate::domain::power::import`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::state::{PageState, use_page};
use crate::domain::power::Contract;
use crate::domain::power::import::{ImportError, PriceHistory, columns, read_prices};
use crate::link::Key;
use crate::present::power::{curve_text, import_summary};

/// The file's text, once read.
async fn file_text(input: web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// What a reading gave: the history, or why the file is not one.
type Reading = Option<Result<PriceHistory, ImportError>>;

/// Reads `text` at `column` (empty: the last numeric one) and, when it is a history, makes
/// its curve the page's `pcurve` (and an index contract of a fixed one, which reads no curve).
fn apply(page: PageState, text: &str, column: &str) -> Reading {
    let read = read_prices(text, (!column.is_empty()).then_some(column));
    if let Ok(h) = &read {
        if page.scenario.with_untracked(|s| s.economics.power.contract) == Contract::Fixed {
            page.edit(Key::PowerContract, "index".to_owned());
        }
        page.edit(Key::PowerCurve, curve_text(h));
    }
    Some(read)
}

/// A file picker and a column choice; the status says what was read, or names the line that
/// is not a price.
#[component]
pub fn PriceImport() -> impl IntoView {
    let page = use_page();
    let text = StoredValue::new(String::new());
    let names = RwSignal::new(Vec::<String>::new());
    let result = RwSignal::new(None::<Result<PriceHistory, ImportError>>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Some(t) = file_text(input).await {
                names.set(columns(&t).unwrap_or_default());
                result.set(apply(page, &t, ""));
                text.set_value(t);
            }
        });
    };
    let on_column = move |ev: leptos::ev::Event| {
        let column = event_target_value(&ev);
        result.set(text.with_value(|t| apply(page, t, &column)));
    };
    let status = move || {
        result.with(|r| match r {
            Some(Ok(h)) => view! { <p data-testid="price-import-status" role="status"
                data-hours=h.hours.to_string() data-min=h.min.to_string() data-max=h.max.to_string()>
                {import_summary(h)}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="field-error" data-testid="price-import-error" role="alert">{e.to_string()}</p> }.into_any(),
            None => ().into_any(),
        })
    };
    let few = move || names.with(|n| n.len() < 2);
    view! {
        <div class="field price-import">
            <label for="price-import">"Import hourly prices (CSV)"</label>
            <input id="price-import" data-testid="price-import" type="file"
                accept=".csv,text/csv,text/plain" on:change=on_file />
            <label for="price-import-column" hidden=few>"Price column"</label>
            <select id="price-import-column" data-testid="price-import-column" hidden=few on:change=on_column>
                <option value="">"Last numeric column"</option>
                {move || names.get().into_iter().map(|n| { let v = n.clone(); view! { <option value=v>{n}</option> } }).collect_view()}
            </select>
            {status}
        </div>
    }
}
