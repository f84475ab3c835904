//! The page's state: the text of every field, keyed by its share-link key. The URL query is
//! this state; every edit rewrites it with `history.replaceState` (no history entries).

use leptos::prelude::*;

use super::fields::{self, SPECS};
use super::url;

/// The text of every field, in share-link order, plus the keys of the opening link that were
/// rejected.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    values: Vec<(&'static str, String)>,
}

impl Fields {
    /// Every field at its default.
    pub fn defaults() -> Self {
        Fields {
            values: SPECS.iter().map(|s| (s.key, s.default.to_owned())).collect(),
        }
    }

    /// Fields from a query string (`?a=1&b=2` or `a=1&b=2`): known keys with valid text are
    /// taken, unknown keys ignored; the messages name every rejected key (its field keeps the
    /// default).
    pub fn from_query(query: &str) -> (Self, Vec<String>) {
        let mut out = Self::defaults();
        let mut errors = Vec::new();
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(query.trim_start_matches('?')).unwrap_or_default();
        for (key, value) in pairs {
            if key == "v" {
                if value != "1" {
                    errors.push(format!(
                        "v = \"{value}\": unknown link format version, read as version 1"
                    ));
                }
                continue;
            }
            let Some(spec) = fields::spec(&key) else {
                continue;
            };
            match fields::check(spec, &value) {
                Ok(()) => out.set(spec.key, value),
                Err(message) => errors.push(message),
            }
        }
        (out, errors)
    }

    /// The text of `key` (empty for an unknown key).
    pub fn get(&self, key: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Sets the text of `key`; unknown keys are ignored.
    pub fn set(&mut self, key: &str, value: String) {
        if let Some(slot) = self.values.iter_mut().find(|(k, _)| *k == key) {
            slot.1 = value;
        }
    }

    /// The share-link query (without `?`), format version first.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = vec![("v", "1")];
        pairs.extend(self.values.iter().map(|(k, v)| (*k, v.as_str())));
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

/// Reactive handles shared by the components (provided as context by the app).
#[derive(Debug, Clone, Copy)]
pub struct PageState {
    /// Current text of every field.
    pub fields: RwSignal<Fields>,
    /// Messages about the opening link's rejected keys (empty when it was clean).
    pub link_errors: RwSignal<Vec<String>>,
}

impl PageState {
    /// State from the page's own URL.
    pub fn from_location() -> Self {
        let (fields, errors) = Fields::from_query(&url::search());
        PageState {
            fields: RwSignal::new(fields),
            link_errors: RwSignal::new(errors),
        }
    }

    /// Sets one field's text.
    pub fn set(&self, key: &'static str, value: String) {
        self.fields.update(|f| f.set(key, value));
    }

    /// A derived signal of one field's text.
    pub fn text(&self, key: &'static str) -> Signal<String> {
        let fields = self.fields;
        Signal::derive(move || fields.with(|f| f.get(key).to_owned()))
    }
}

/// The state the app provided.
pub fn use_page() -> PageState {
    expect_context::<PageState>()
}
