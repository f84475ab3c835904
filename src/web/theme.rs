//! The colour scheme as the page stores it (no reactivity: [`crate::ui::theme`] makes it
//! reactive; the first paint reads it once, [`remembered`] and [`is_dark`]).

/// localStorage key of the remembered choice.
pub const STORAGE_KEY: &str = "minerhedge-theme";

/// The media query of the system's dark preference.
pub const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

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

/// The remembered choice (localStorage), [`Scheme::System`] when none or unreadable.
pub fn remembered() -> Scheme {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|w| Scheme::parse(&w))
        .unwrap_or_default()
}

/// Whether the system asks for dark now.
pub fn system_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(DARK_QUERY).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Whether the page is dark now under `scheme`: the choice, or for [`Scheme::System`] the
/// system's preference.
pub fn is_dark(scheme: Scheme) -> bool {
    match scheme {
        Scheme::Dark => true,
        Scheme::Light => false,
        Scheme::System => system_dark(),
    }
}
