//! The page's state: the last valid [`Scenario`], the text of every input, the inline errors,
//! and the opening link's rejected keys. Inputs accept and refuse exactly what a link does:
//! every edit goes through [`Scenario::set`] and [`Scenario::validate`] of the link codec.

use leptos::prelude::*;

use crate::link::{KeySpec, LinkError, Scenario, KEYS};

use super::url;

/// The text each input shows, keyed by share-link key (every key but `v`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts(Vec<(&'static str, String)>);

impl Texts {
    /// The canonical text of every key of `scenario`.
    pub fn of(scenario: &Scenario) -> Self {
        Texts(
            KEYS.iter()
                .filter(|k| k.key != "v")
                .map(|k| (k.key, scenario.get(k.key).unwrap_or_default()))
                .collect(),
        )
    }

    /// The text of `key` (empty for an unknown key).
    pub fn get(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Sets the text of `key`; unknown keys are ignored.
    pub fn set(&mut self, key: &str, text: String) {
        if let Some(slot) = self.0.iter_mut().find(|(k, _)| *k == key) {
            slot.1 = text;
        }
    }
}

/// Applies every text to `last_valid`. Returns the scenario to show — `last_valid` with every
/// acceptable edit applied — and the errors, one per offending key. A text the codec refuses,
/// or that breaks a cross-key rule (`lo < hi`, …), leaves that key at its last valid value.
pub fn apply(last_valid: &Scenario, texts: &Texts) -> (Scenario, Vec<LinkError>) {
    let mut candidate = last_valid.clone();
    let mut errors: Vec<LinkError> = Vec::new();
    for (key, text) in &texts.0 {
        if let Err(e) = candidate.set(key, text) {
            errors.push(e);
        }
    }
    let cross = candidate.validate();
    if !cross.is_empty() {
        for e in &cross {
            if let Some(old) = last_valid.get(e.key) {
                let _ = candidate.set(e.key, &old);
            }
        }
        errors.extend(cross);
        if !candidate.validate().is_empty() {
            candidate = last_valid.clone();
        }
    }
    (candidate, errors)
}

/// Reactive handles shared by the components (provided as context by the app).
#[derive(Debug, Clone, Copy)]
pub struct PageState {
    /// The scenario everything is computed from (always valid).
    pub scenario: RwSignal<Scenario>,
    /// What the inputs show (may be invalid while the user types).
    pub texts: RwSignal<Texts>,
    /// Current problems of the inputs, one per offending key.
    pub field_errors: RwSignal<Vec<LinkError>>,
    /// The opening link's rejected values (empty when it was clean).
    pub link_errors: RwSignal<Vec<LinkError>>,
}

impl PageState {
    /// State from a query string (`?a=1&b=2` or `a=1&b=2`).
    pub fn from_query(query: &str) -> Self {
        let decoded = Scenario::from_query(query);
        PageState {
            texts: RwSignal::new(Texts::of(&decoded.scenario)),
            scenario: RwSignal::new(decoded.scenario),
            field_errors: RwSignal::new(Vec::new()),
            link_errors: RwSignal::new(decoded.errors),
        }
    }

    /// State from the page's own URL.
    pub fn from_location() -> Self {
        Self::from_query(&url::search())
    }

    /// The user typed `text` into the input of `key`.
    pub fn edit(&self, key: &'static str, text: String) {
        self.texts.update(|t| t.set(key, text));
        let (scenario, errors) = self
            .texts
            .with_untracked(|t| self.scenario.with_untracked(|s| apply(s, t)));
        if self.scenario.with_untracked(|s| *s != scenario) {
            self.scenario.set(scenario);
        }
        if self.field_errors.with_untracked(|e| *e != errors) {
            self.field_errors.set(errors);
        }
    }

    /// A derived signal of one input's text.
    pub fn text(&self, key: &'static str) -> Signal<String> {
        let texts = self.texts;
        Signal::derive(move || texts.with(|t| t.get(key).to_owned()))
    }

    /// A derived signal of the inline message for `key` (field label, key, value and range).
    pub fn error(&self, key: &'static str) -> Signal<Option<String>> {
        let errors = self.field_errors;
        Signal::derive(move || errors.with(|es| es.iter().find(|e| e.key == key).map(describe)))
    }
}

/// A link or input error as the page shows it: `Volatility: vol = "-3": out of range; …`.
pub fn describe(e: &LinkError) -> String {
    match KeySpec::get(e.key) {
        Some(spec) => format!("{}: {e}", spec.label),
        None => e.to_string(),
    }
}

/// The state the app provided.
pub fn use_page() -> PageState {
    expect_context::<PageState>()
}
