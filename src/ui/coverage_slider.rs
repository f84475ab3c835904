//! The hedge coverage slider, 0–100 % of expected output.

use leptos::prelude::*;

use crate::link::Key;

use super::glossary::Tip;
use super::state::use_page;

/// Slider bound to `cov` (percent of expected output, step 1).
#[component]
pub fn CoverageSlider() -> impl IntoView {
    let page = use_page();
    let cov = page.text(Key::Coverage);
    view! {
        <div class="coverage">
            <label for="coverage-slider">"Coverage "<output data-value=move || cov.get()>{move || format!("{}%", cov.get())}</output></label>
            <Tip term="coverage" />
            <input id="coverage-slider" data-testid="coverage-slider" type="range"
                min="0" max="100" step="1"
                prop:value=move || cov.get()
                aria-valuetext=move || format!("{}% of expected output", cov.get())
                on:input=move |ev| page.slide(Key::Coverage, event_target_value(&ev))
                on:change=move |_| page.release() />
        </div>
    }
}
