//! The non-blocking notice listing the opening link's rejected keys.

use leptos::prelude::*;

use crate::present::display::describe;

use super::state::use_page;

/// Shown only when the opening link had bad values; each message names the key, the value and
/// what would have been valid. Those fields keep their defaults; the page works as usual.
#[component]
pub fn LinkErrorBanner() -> impl IntoView {
    let page = use_page();
    let errors = page.link_errors;
    view! {
        <div class="link-error" data-testid="link-error" role="alert"
            hidden=move || errors.with(|e| e.is_empty())>
            <p>"Some values in this link were not valid; those fields use their defaults:"</p>
            <ul>{move || errors.with(|e| e.iter().map(|m| view! { <li>{describe(m)}</li> }).collect_view())}</ul>
            <button type="button" on:click=move |_| errors.set(Vec::new())>"Dismiss"</button>
        </div>
    }
}
