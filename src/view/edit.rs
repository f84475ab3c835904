//! The inputs' edit rules: the text every input shows, and how texts become a scenario. Inputs
//! accept and refuse exactly what a link does: every edit goes through [`Scenario::set`] and
//! [`Scenario::validate`] of the link codec. Pure; the page keeps these in its state.

use crate::link::{LinkError, Scenario, KEYS};

/// The text each input shows, keyed by share-link key (every key but `v`).
///
/// ```
/// use minerhedge::{link::Scenario, view::edit::Texts};
/// let mut t = Texts::of(&Scenario::default());
/// assert_eq!(t.get("cov"), "100");
/// t.set("cov", "12".to_owned());
/// assert_eq!(t.get("cov"), "12");
/// t.set("nope", "1".to_owned());
/// assert_eq!(t.get("nope"), "");
/// ```
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
///
/// ```
/// use minerhedge::{link::Scenario, view::edit::{apply, Texts}};
/// let last = Scenario::default();
/// let mut t = Texts::of(&last);
/// t.set("cov", "150".to_owned());
/// t.set("spot", "275".to_owned());
/// let (s, errors) = apply(&last, &t);
/// assert_eq!(errors.iter().map(|e| e.key).collect::<Vec<_>>(), ["cov"]);
/// assert_eq!((s.get("cov").unwrap(), s.get("spot").unwrap()), ("100".into(), "275".into()));
/// ```
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
