//! The page's own URL: read the query at start, replace it (no new history entry) on change.

use std::time::Duration;

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::link::Scenario;

/// Keeps the address bar on the scenario's link: at most every 150 ms while a slider is
/// dragged (browsers throttle rapid replaceState calls); no history entries.
pub fn follow_scenario(scenario: RwSignal<Scenario>) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let query = scenario.with(|s| s.to_query());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle =
            set_timeout_with_handle(move || replace_query(&query), Duration::from_millis(150));
        pending.set_value(handle.ok());
    });
}

/// `window.location.search` (with its `?`), or empty when unavailable.
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment (`origin + pathname`).
pub fn base() -> String {
    web_sys::window()
        .and_then(|w| {
            let loc = w.location();
            Some(format!("{}{}", loc.origin().ok()?, loc.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// The full share link for a query (`base?query`).
pub fn link(query: &str) -> String {
    format!("{}?{query}", base())
}

/// Replaces the current history entry's URL with `?query`, keeping the path.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.location().search().ok().as_deref() == Some(&format!("?{query}")) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("?{query}")));
    }
}
