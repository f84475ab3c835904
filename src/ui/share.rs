//! The share bar: the current link (as text and as the `value` and `href` attributes, so a
//! serialized DOM shows it too) and a "Copy link" button.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::state::use_page;
use super::url;

/// Writes `text` to the clipboard; `Err` carries the browser's reason.
async fn copy_to_clipboard(text: String) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(&text);
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "clipboard refused".to_owned())
    })
}

/// Read-only link field, a plain link, and the copy button with its status.
#[component]
pub fn ShareBar() -> impl IntoView {
    let page = use_page();
    let link = Memo::new(move |_| url::link(&page.scenario.with(|s| s.to_query())));
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            match copy_to_clipboard(text).await {
                Ok(()) => status.set("Link copied".to_owned()),
                Err(e) => status.set(format!("Copy failed ({e}): select the link and copy it")),
            }
        });
    };
    view! {
        <section class="panel share" aria-label="Share this scenario">
            <label for="share-url">"Share link"</label>
            <input id="share-url" data-testid="share-url" type="url" readonly
                value=move || link.get() prop:value=move || link.get()
                on:focus=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                } />
            <button type="button" data-testid="copy-link" on:click=copy>"Copy link"</button>
            <a class="permalink" href=move || link.get()>"Open this link"</a>
            <span class="copy-status" role="status">{move || status.get()}</span>
        </section>
    }
}
