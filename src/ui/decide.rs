//! The decision panels under the payoff table: strategy comparison, return distribution,
//! volume risk, rebalancing and export. Owns the Monte Carlo runner whose VaR/CVaR feed the
//! comparison.

use leptos::prelude::*;

use crate::view::compare::comparison;
use crate::view::decide::{comparison_html, comparison_table};

use super::compare::StrategyCompare;
use super::display::Display;
use super::distribution::DistributionPanel;
use super::export_bar::ExportBar;
use super::heatmap::VolumeRiskPanel;
use super::monte_carlo::use_monte_carlo;
use super::rebalance::RebalancePanel;
use super::schedule::{settled, SETTLE};

/// Every decision panel, computed from the displayed model.
#[component]
pub fn DecidePanels(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
) -> impl IntoView {
    let mc = use_monte_carlo(display);
    let rows = Memo::new(move |_| {
        mc.stats.with(|s| {
            display.with(|d| {
                // Statistics of another model (a run not yet restarted) are not shown.
                let stats = s.as_deref().filter(|s| s.len() == d.model.strategies.len());
                comparison(&d.model, stats)
            })
        })
    });
    let html = Signal::derive(move || {
        display.with(|d| rows.with(|r| comparison_html(&comparison_table(&d.model, r))))
    });
    let running = Signal::derive(move || mc.stats.with(Option::is_none));
    // The heat map (41 × 15 values and a canvas repaint) waits until a drag pauses.
    let paused = settled(display, SETTLE);
    view! {
        <StrategyCompare html=html running=running />
        <DistributionPanel display=display mc=mc />
        <VolumeRiskPanel display=paused />
        <RebalancePanel display=display />
        <ExportBar display=display comparison=rows />
    }
}
