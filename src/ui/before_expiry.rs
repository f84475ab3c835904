//! The "days elapsed" slider (`data-testid="elapsed-slider"`, link key `elapsed`): above 0 the
//! payoff chart adds the position's mark-to-market curve with the time left.

use leptos::prelude::*;

use crate::link::Key;

use super::state::use_page;

/// Slider from 0 to the period's days, one step per day (arrow keys, PageUp/PageDown).
#[component]
pub fn ElapsedSlider() -> impl IntoView {
    let page = use_page();
    let elapsed = page.text(Key::Elapsed);
    let days = page.text(Key::Days);
    let error = page.error(Key::Elapsed);
    let readout = Signal::derive(move || {
        let e = elapsed.get();
        match e.as_str() {
            "0" | "" => "0 days: the chart shows the value at expiry only".to_owned(),
            "1" => "1 day: value marked to market with the time left".to_owned(),
            _ => format!("{e} days: value marked to market with the time left"),
        }
    });
    let no_error = Signal::derive(move || error.with(Option::is_none));
    let error_text = Signal::derive(move || error.get().unwrap_or_default());
    view! {
        <section class="panel slider elapsed" aria-label="Days elapsed">
            <label for="elapsed-slider">"Days elapsed "<output data-value=move || { let e = elapsed.get(); if e.is_empty() { "0".to_owned() } else { e } }>{readout}</output></label>
            <input id="elapsed-slider" data-testid="elapsed-slider" type="range"
                min="0" max=days step="1"
                prop:value=elapsed
                aria-valuetext=readout
                on:input=move |ev| page.slide(Key::Elapsed, event_target_value(&ev))
                on:change=move |_| page.release() />
            <p class="field-error" role="alert" hidden=no_error>{error_text}</p>
        </section>
    }
}
