//! The page: layout and the state every component shares.

use leptos::prelude::*;

use super::before_expiry::ElapsedSlider;
use super::chart::PayoffCanvas;
use super::coverage_slider::CoverageSlider;
use super::decide::DecidePanels;
use super::derived::DerivedPanel;
use super::glossary_panel::GlossaryPanel;
use super::hour_prices::HourPricesPanel;
use super::presets::PresetsPanel;
use super::schedule::{SETTLE, mount_after_paint, settled};
use super::theme::{ColourScheme, ThemeToggle};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::inputs::InputsPanel;
use super::link_error::LinkErrorBanner;
use super::price_slider::PriceSlider;
use super::share::ShareBar;
use super::smile::SmilePanel;
use super::state::PageState;
use super::table::PayoffTable;
use super::url;
use crate::present::display::{display, readout};

/// Root component: reads the scenario from the URL, provides the state, keeps the URL in step
/// (replaceState, no history entries) and lays out the panels.
#[component]
pub fn App() -> impl IntoView {
    let page = PageState::from_location();
    provide_context(page);
    provide_context(ColourScheme::install());
    // Everything but the final price: moving the price slider recomputes only the readout and
    // repaints only the chart overlay.
    let without_price = Memo::new(move |_| {
        page.scenario.with(|s| {
            let mut s = s.clone();
            s.view.price = Some(Decimal::ZERO);
            s
        })
    });
    let shown = Memo::new(move |_| without_price.with(display));
    let price = Memo::new(move |_| page.scenario.with(|s| s.resolved().price));
    let at_price = Memo::new(move |_| shown.with(|d| readout(d, price.get())));
    let marker = Memo::new(move |_| price.get().to_f64());
    // During a slider drag only the chart and the slider's own figure (the price readout)
    // follow every step; every panel below follows the shown model through `paused`: at once
    // for a typed value or a click, and when a drag pauses or ends.
    let paused = settled(shown, SETTLE, page.dragging);
    // The decision panels and the rest below the table mount once the first frame with the
    // chart is painted, in a root of their own: the app's first task stays short (one task
    // of 60–80 ms mounted them all).
    let below = NodeRef::<leptos::html::Div>::new();
    let inputs = NodeRef::<leptos::html::Div>::new();
    let scheme = expect_context::<ColourScheme>();
    let provide = move || {
        provide_context(page);
        provide_context(scheme);
    };
    // The inputs (some seventy fields) in a task of their own, then the panels below.
    mount_after_paint(inputs, provide, || view! { <InputsPanel /> });
    mount_after_paint(below, provide, move || {
        view! {
            <HourPricesPanel display=paused price=price />
            <DecidePanels display=paused />
            <SmilePanel display=paused />
            <ShareBar />
            <GlossaryPanel />
        }
    });
    url::follow_scenario(page.scenario);
    // The program view is its own page; its link carries the whole scenario (written when
    // followed, not on every change).
    let open_program = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let mut s = page.scenario.get_untracked();
        s.view.page = crate::link::Page::Program;
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign(&format!("program/?{}", s.to_query()));
        }
    };
    view! {
        <header class="top">
            <h1>"minerhedge"</h1>
            <nav class="views" aria-label="Views">
                <span aria-current="page" data-testid="view-period">"Period"</span>
                <a href="program/" data-testid="view-program" on:click=open_program>"Program"</a>
            </nav>
            <ThemeToggle />
            <p class="tagline">"What a period of mining earns at any final coin price — unhedged, or hedged with a forward, an inverse forward, a put, a collar or a hashprice forward."</p>
        </header>
        <LinkErrorBanner />
        <main class="layout">
            <div class="side">
                <PresetsPanel />
                <div class="below" node_ref=inputs></div>
            </div>
            <div class="results">
                <section class="panel hedge-controls" aria-label="Coverage">
                    <CoverageSlider />
                </section>
                <DerivedPanel display=paused price=price />
                <PayoffCanvas display=shown marker=marker />
                <ElapsedSlider />
                <PriceSlider readout=at_price />
                <PayoffTable display=paused />
                <div class="below" node_ref=below></div>
            </div>
        </main>
    }
}
