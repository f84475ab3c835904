//! The page's own URL (no reactivity): read its query, replace it without a history entry.
//! The app ([`crate::ui::url`]) and the first paint's slider both write through
//! [`replace_query`].

use wasm_bindgen::JsValue;

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
