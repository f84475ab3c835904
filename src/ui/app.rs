//! The page: layout and the state every component shares.

use leptos::prelude::*;

use super::chart::PayoffCanvas;
use super::coverage_slider::CoverageSlider;
use super::derived::DerivedPanel;
use super::display::display;
use super::inputs::InputsPanel;
use super::link_error::LinkErrorBanner;
use super::price_slider::PriceSlider;
use super::share::ShareBar;
use super::state::PageState;
use super::table::PayoffTable;
use super::url;

/// Root component: reads the scenario from the URL, provides the state, keeps the URL in step
/// (replaceState, no history entries) and lays out the panels.
#[component]
pub fn App() -> impl IntoView {
    let page = PageState::from_location();
    provide_context(page);
    let shown = Memo::new(move |_| page.scenario.with(display));
    Effect::new(move |_| url::replace_query(&page.scenario.with(|s| s.to_query())));
    view! {
        <header class="top">
            <h1>"minerhedge"</h1>
            <p class="tagline">"What a period of mining earns at any final coin price — unhedged, or hedged with a forward, an inverse forward, a put or a collar."</p>
        </header>
        <LinkErrorBanner />
        <main class="layout">
            <InputsPanel />
            <div class="results">
                <section class="panel hedge-controls" aria-label="Coverage">
                    <CoverageSlider />
                </section>
                <DerivedPanel display=shown />
                <PayoffCanvas display=shown />
                <PriceSlider display=shown />
                <PayoffTable display=shown />
                <ShareBar />
            </div>
        </main>
    }
}
