//! The colour scheme: light, dark, or the system's (`prefers-color-scheme`), chosen in the
//! header and remembered in localStorage. The choice is written to `<html data-theme=…>`
//! (the stylesheet's dark and light variables follow it) and is shared as context, so the
//! charts switch between [`crate::chart::Theme::light`] and [`crate::chart::Theme::dark`] and
//! redraw when it changes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

pub use crate::web::theme::Scheme;
use crate::web::theme::{DARK_QUERY, STORAGE_KEY, remembered, system_dark};

/// Reactive colour scheme, provided as context by the app.
#[derive(Debug, Clone, Copy)]
pub struct ColourScheme {
    /// What the user chose.
    pub choice: RwSignal<Scheme>,
    /// Whether the system asks for dark (kept up to date by a media-query listener).
    pub system_dark: RwSignal<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

impl ColourScheme {
    /// Reads the remembered choice and the system preference, listens for changes of the
    /// latter, and keeps `<html data-theme>` and localStorage in step with the choice.
    pub fn install() -> Self {
        let remembered = remembered();
        let query = web_sys::window().and_then(|w| w.match_media(DARK_QUERY).ok().flatten());
        let system_dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
        if let Some(q) = query {
            let watched = q.clone();
            let listener = Closure::<dyn FnMut()>::new(move || system_dark.set(watched.matches()));
            if q.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref())
                .is_ok()
            {
                // The page lives as long as the listener: hand it to the browser for good.
                listener.forget();
            }
        }
        let scheme = ColourScheme {
            choice: RwSignal::new(remembered),
            system_dark,
        };
        Effect::new(move |_| {
            let choice = scheme.choice.get();
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("data-theme", choice.word());
            }
            if let Some(s) = storage() {
                let _ = s.set_item(STORAGE_KEY, choice.word());
            }
        });
        scheme
    }

    /// Whether the page is dark now (tracked: effects reading it rerun when it changes).
    pub fn is_dark(&self) -> bool {
        match self.choice.get() {
            Scheme::Dark => true,
            Scheme::Light => false,
            Scheme::System => self.system_dark.get(),
        }
    }
}

/// The colour scheme the app provided; without one (a component mounted alone), the
/// system's preference at the time of the call.
pub fn is_dark() -> bool {
    match use_context::<ColourScheme>() {
        Some(s) => s.is_dark(),
        None => system_dark(),
    }
}

/// The light / dark / system select of the header (`data-testid="theme-toggle"`).
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let scheme = use_context::<ColourScheme>();
    let on_change = move |ev: leptos::ev::Event| {
        if let (Some(s), Some(choice)) = (scheme, Scheme::parse(&event_target_value(&ev))) {
            s.choice.set(choice);
        }
    };
    let current = move || scheme.map(|s| s.choice.get()).unwrap_or_default();
    view! {
        <div class="theme-toggle">
            <label for="theme-toggle">"Theme"</label>
            <select id="theme-toggle" data-testid="theme-toggle" on:change=on_change>
                {Scheme::ALL.into_iter().map(|s| view! {
                    <option value=s.word() selected=move || current() == s>{s.label()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
