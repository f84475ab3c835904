//! The inputs' edit rules: the text every input shows, and how texts become a scenario. Inputs
//! accept and refuse exactly what a link does: every edit goes through [`Scenario::set_key`] and
//! [`Scenario::validate`] of the link codec. Pure; the page keeps these in its state.

use crate::link::{Key, LinkError, Scenario};

/// The text each input shows, keyed by share-link key (every key but `v`, which no input
/// edits: it reads as empty and an edit of it is ignored).
///
/// ```
/// use minerhedge::{link::{Key, Scenario}, view::edit::Texts};
/// let mut t = Texts::of(&Scenario::default());
/// assert_eq!(t.get(Key::Coverage), "100");
/// t.set(Key::Coverage, "12".to_owned());
/// assert_eq!(t.get(Key::Coverage), "12");
/// assert_eq!(t.get(Key::Version), "");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts(Vec<(Key, String)>);

impl Texts {
    /// The canonical text of every key of `scenario`.
    pub fn of(scenario: &Scenario) -> Self {
        Texts(
            Key::ALL
                .iter()
                .filter(|k| **k != Key::Version)
                .map(|k| (*k, scenario.get_key(*k)))
                .collect(),
        )
    }

    /// The text of `key`.
    pub fn get(&self, key: Key) -> &str {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Sets the text of `key`.
    pub fn set(&mut self, key: Key, text: String) {
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
/// use minerhedge::{link::{Key, Scenario}, view::edit::{apply, Texts}};
/// let last = Scenario::default();
/// let mut t = Texts::of(&last);
/// t.set(Key::Coverage, "150".to_owned());
/// t.set(Key::Spot, "275".to_owned());
/// let (s, errors) = apply(&last, &t);
/// assert_eq!(errors.iter().map(|e| e.key).collect::<Vec<_>>(), ["cov"]);
/// assert_eq!((s.get_key(Key::Coverage), s.get_key(Key::Spot)), ("100".into(), "275".into()));
/// ```
pub fn apply(last_valid: &Scenario, texts: &Texts) -> (Scenario, Vec<LinkError>) {
    let mut candidate = last_valid.clone();
    let mut errors: Vec<LinkError> = Vec::new();
    for (key, text) in &texts.0 {
        if let Err(e) = candidate.set_key(*key, text) {
            errors.push(e);
        }
    }
    let cross = candidate.validate();
    if !cross.is_empty() {
        for e in &cross {
            let _ = candidate.set_key(e.key, &last_valid.get_key(e.key));
        }
        errors.extend(cross);
        if !candidate.validate().is_empty() {
            candidate = last_valid.clone();
        }
    }
    (candidate, errors)
}

/// A per-month list's text with month `i` (from 0) set to `item` and every other month as it
/// was: the list is written out up to month `i + 1` (so later months keep their value) and
/// trailing repeats are dropped. `list` is the key's canonical text.
///
/// ```
/// use minerhedge::view::edit::with_item;
/// assert_eq!(with_item("80,60", 3, "10"), "80,60,60,10,60");
/// assert_eq!(with_item("80", 0, "50"), "50,80");
/// assert_eq!(with_item("80,60,40", 2, "40"), "80,60,40");
/// ```
pub fn with_item(list: &str, i: usize, item: &str) -> String {
    let mut items: Vec<String> = list.split(',').map(|t| t.trim().to_string()).collect();
    let last = items.last().cloned().unwrap_or_default();
    while items.len() < i + 2 {
        items.push(last.clone());
    }
    items[i] = item.trim().to_string();
    while items.len() > 1 && items[items.len() - 1] == items[items.len() - 2] {
        items.pop();
    }
    items.join(",")
}

/// The quick fill "declining": `months` coverages from `first` to `last` % in equal steps,
/// to one decimal (one value when `months` is 1).
///
/// ```
/// use minerhedge::view::edit::declining;
/// use rust_decimal::Decimal;
/// assert_eq!(declining(Decimal::from(80), Decimal::from(20), 4), "80,60,40,20");
/// assert_eq!(declining(Decimal::from(90), Decimal::from(40), 3), "90,65,40");
/// assert_eq!(declining(Decimal::from(75), Decimal::from(0), 1), "75");
/// ```
pub fn declining(first: rust_decimal::Decimal, last: rust_decimal::Decimal, months: u32) -> String {
    use rust_decimal::Decimal;
    if months <= 1 {
        return first.normalize().to_string();
    }
    let span = Decimal::from(months - 1);
    (0..months)
        .map(|m| {
            let v = first + (last - first) * Decimal::from(m) / span;
            v.round_dp(1).normalize().to_string()
        })
        .collect::<Vec<_>>()
        .join(",")
}
