//! The colour scheme: light, dark, or the system's (`prefers-color-scheme`), chosen in the
//! header and remembered in localStorage. The choice is written to `<html data-theme=…>`
//! (the stylesheet's dark and light variables follow it) and is shared as context, so the
//! charts switch between [`crate::chart::Theme::light`] and [`crate::chart::Theme::dark`] and
//! redraw when it changes.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// localStorage key of the remembered choice.
pub const STORAGE_KEY: &str = "minerhedge-theme";

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The user's choice of colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Scheme {
    /// Every choice, in the order the toggle lists them.
    pub const ALL: [Scheme; 3] = [Scheme::System, Scheme::Light, Scheme::Dark];

    /// The word stored in localStorage and in `data-theme`.
    pub fn word(self) -> &'static str {
        match self {
            Scheme::System => "system",
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    /// The choice named `word`, if any.
    pub fn parse(word: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.word() == word)
    }

    /// What the toggle shows.
    pub fn label(self) -> &'static str {
        match self {
            Scheme::System => "System",
            Scheme::Light => "Light",
            Scheme::Dark => "Dark",
        }
    }
}

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
        let remembered = storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|w| Scheme::parse(&w))
            .unwrap_or_default();
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
        None => web_sys::window()
            .and_then(|w| w.match_media(DARK_QUERY).ok().flatten())
            .is_some_and(|m| m.matches()),
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
