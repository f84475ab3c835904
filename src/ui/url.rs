//! The page's own URL follows the scenario (no new history entry on change); reading and
//! replacing it is [`crate::web::url`]'s.

use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;

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

pub use crate::web::url::{base, link, replace_query, search};
