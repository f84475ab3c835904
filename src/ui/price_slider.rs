//! The final-price slider over the chart range, with its live readout.

use leptos::prelude::*;

use super::display::Readout;
use super::state::use_page;

/// Slider `px` between `lo` and `hi` (1,000 steps) and the readout at that price: revenue,
/// hedge payoff, hedged total and return.
#[component]
pub fn PriceSlider(readout: Memo<Readout>) -> impl IntoView {
    let page = use_page();
    let px = page.text("px");
    let lo = page.text("lo");
    let hi = page.text("hi");
    let step = move || {
        let (a, b) = (
            lo.get().parse::<f64>().unwrap_or(0.0),
            hi.get().parse::<f64>().unwrap_or(0.0),
        );
        let s = (b - a) / 1000.0;
        if s.is_finite() && s > 0.0 {
            s.to_string()
        } else {
            "any".to_owned()
        }
    };
    let r = move || readout.get();
    view! {
        <section class="panel slider" aria-label="Final price">
            <label for="price-slider">"Final price "<output>{move || r().price}</output></label>
            <input id="price-slider" data-testid="price-slider" type="range"
                min=move || lo.get() max=move || hi.get() step=step
                prop:value=move || px.get()
                aria-valuetext=move || r().price
                on:input=move |ev| page.edit("px", event_target_value(&ev)) />
            <dl class="readout" aria-live="polite">
                <div><dt>"Revenue"</dt><dd data-testid="revenue-at-price">{move || r().revenue}</dd></div>
                <div><dt>"Hedge payoff"</dt><dd data-testid="hedge-at-price">{move || r().hedge}</dd></div>
                <div><dt>"Hedged total"</dt><dd data-testid="total-at-price">{move || r().total}</dd></div>
                <div><dt>"Return"</dt><dd data-testid="return-at-price">{move || r().ret}</dd></div>
            </dl>
        </section>
    }
}
