//! The final-price slider over the chart range, with its live readout.

use leptos::prelude::*;

use crate::link::Key;

use super::state::use_page;
use crate::present::display::{Readout, price_step, readout_sentence};

/// Slider `px` between `lo` and `hi` (1,000 steps; keyboard arrows and PageUp/PageDown work
/// as on any range input) and the readout at that price: revenue,
/// hedge payoff, hedged total and return.
#[component]
pub fn PriceSlider(
    /// The chosen hedge's figures at the slider's price.
    readout: Memo<Readout>,
) -> impl IntoView {
    let page = use_page();
    // Bounds from the (valid) scenario, not from what is being typed into lo / hi.
    let scenario = page.scenario;
    let lo = Memo::new(move |_| scenario.with(|s| s.resolved().lo));
    let hi = Memo::new(move |_| scenario.with(|s| s.resolved().hi));
    let step = move || price_step(lo.get(), hi.get());
    let r = move || readout.get();
    view! {
        <section class="panel slider" aria-label="Final price">
            <label for="price-slider">"Final price "<output data-value=move || r().values()[0].clone()>{move || r().price}</output></label>
            <input id="price-slider" data-testid="price-slider" type="range"
                min=move || lo.get().to_string() max=move || hi.get().to_string() step=step
                prop:value=move || scenario.with(|s| s.resolved().price.to_string())
                aria-valuetext=move || r().price
                on:input=move |ev| page.edit(Key::Price, event_target_value(&ev)) />
            <dl class="readout">
                <div><dt>"Revenue"</dt><dd data-testid="revenue-at-price" data-value=move || r().values()[1].clone()>{move || r().revenue}</dd></div>
                <div><dt>"Hedge payoff"</dt><dd data-testid="hedge-at-price" data-value=move || r().values()[2].clone()>{move || r().hedge}</dd></div>
                <div><dt>"Hedged total"</dt><dd data-testid="total-at-price" data-value=move || r().values()[3].clone()>{move || r().total}</dd></div>
                <div><dt>"Return"</dt><dd data-testid="return-at-price" data-value=move || r().values()[4].clone()>{move || r().ret}</dd></div>
            </dl>
            <p class="visually-hidden" data-testid="price-live" aria-live="polite" aria-atomic="true">
                {move || readout_sentence(&r())}
            </p>
        </section>
    }
}
