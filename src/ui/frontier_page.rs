//! The coverage frontier's page (frontier.html, its own wasm; `frontier/?…` with the period
//! page's link): the period scenario's inputs and coverage, its simulation and the
//! [`FrontierPanel`] on the simulation's paths, and the share link. "Period" goes back to the
//! period page with the same scenario, at the coverage chosen here.

use leptos::prelude::*;

use super::coverage_slider::CoverageSlider;
use super::frontier::FrontierPanel;
use super::inputs::{fields, InputsPanel};
use super::link_error::LinkErrorBanner;
use super::monte_carlo::use_monte_carlo;
use super::share::ShareBar;
use super::state::PageState;
use super::theme::{ColourScheme, ThemeToggle};
use super::url;
use crate::link::Key;
use crate::present::display::display;

/// Root component: the state from the URL, kept in the URL, and the panels.
#[component]
pub fn FrontierApp() -> impl IntoView {
    let page = PageState::from_location();
    provide_context(page);
    provide_context(ColourScheme::install());
    url::follow_scenario(page.scenario);
    let shown = Memo::new(move |_| page.scenario.with(display));
    let mc = use_monte_carlo(shown, true);
    let period_link = move || format!("../?{}", page.scenario.with(|s| s.to_query()));
    view! {
        <header class="top">
            <h1>"minerhedge"</h1>
            <nav class="views" aria-label="Views">
                <a href=period_link data-testid="view-period">"Period"</a>
                <span aria-current="page" data-testid="view-frontier">"Frontier"</span>
            </nav>
            <ThemeToggle />
            <p class="tagline">"How much of the period's output to hedge: every coverage of each hedge on the same simulated prices and difficulty."</p>
        </header>
        <LinkErrorBanner />
        <main class="layout">
            <div class="side">
                <InputsPanel />
                <section class="panel inputs" aria-label="Simulation">
                    <fieldset>
                        <legend>"Simulation"</legend>
                        {fields(&[Key::Paths, Key::Seed, Key::DifficultyVol, Key::Correlation, Key::CashTarget])}
                    </fieldset>
                </section>
            </div>
            <div class="results">
                <section class="panel hedge-controls" aria-label="Coverage">
                    <CoverageSlider />
                </section>
                <FrontierPanel display=shown mc=mc />
                <ShareBar />
            </div>
        </main>
    }
}

/// Mounts the page.
pub fn start() {
    leptos::mount::mount_to_body(FrontierApp);
}
