//! The page's state: the last valid [`Scenario`], the text of every input, the inline errors,
//! and the opening link's rejected keys. The edit rules are [`crate::view::edit`]'s: inputs
//! accept and refuse exactly what a link does.

use leptos::prelude::*;

use crate::link::{Key, LinkError, Scenario};
use crate::present::display::describe;
use crate::view::edit::{Texts, apply};

use super::url;

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
    /// A slider whose moves change the shown model is being dragged: its `input` events
    /// before the `change` of its release ([`PageState::slide`]).
    pub dragging: RwSignal<bool>,
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
            dragging: RwSignal::new(false),
        }
    }

    /// State from the page's own URL.
    pub fn from_location() -> Self {
        Self::from_query(&url::search())
    }

    /// The user typed `text` into the input of `key`.
    pub fn edit(&self, key: Key, text: String) {
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

    /// The slider of `key` moved to `text` (its `input` event): an edit, and a drag until
    /// [`PageState::release`].
    pub fn slide(&self, key: Key, text: String) {
        if !self.dragging.get_untracked() {
            self.dragging.set(true);
        }
        self.edit(key, text);
    }

    /// A slider was released (its `change` event: a pointer let go, or a keyboard step).
    pub fn release(&self) {
        self.dragging.set(false);
    }

    /// A derived signal of one input's text.
    pub fn text(&self, key: Key) -> Signal<String> {
        let texts = self.texts;
        Signal::derive(move || texts.with(|t| t.get(key).to_owned()))
    }

    /// A derived signal of the inline message for `key` (field label, key, value and range).
    pub fn error(&self, key: Key) -> Signal<Option<String>> {
        let errors = self.field_errors;
        let word = key.as_str();
        Signal::derive(move || errors.with(|es| es.iter().find(|e| e.key == word).map(describe)))
    }
}

/// The state the app provided.
pub fn use_page() -> PageState {
    expect_context::<PageState>()
}
