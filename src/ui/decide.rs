//! The decision panels under the payoff table: strategy comparison, return distribution,
//! coverage frontier, volume risk, rebalancing and export. Owns the Monte Carlo runner whose VaR/CVaR feed the
//! comparison and whose paths feed the coverage frontier.

use leptos::prelude::*;

use crate::present::compare::comparison_table;
use crate::present::display::Display;
use crate::view::compare::comparison;

use super::compare::StrategyCompare;
use super::distribution::DistributionPanel;
use super::export_bar::ExportBar;
use super::frontier::FrontierPanel;
use super::heatmap::VolumeRiskPanel;
use super::monte_carlo::use_monte_carlo;
use super::rebalance::RebalancePanel;

/// Every decision panel, computed from the displayed model (the comparison, the heat map and
/// the frontier's marks from `paused`).
#[component]
pub fn DecidePanels(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
    /// `display`, held while a slider is dragged until it pauses or ends
    /// (`ui::schedule::settled`).
    paused: Memo<Display>,
) -> impl IntoView {
    let mc = use_monte_carlo(display);
    let rows = Memo::new(move |_| {
        mc.stats.with(|s| {
            paused.with(|d| {
                // Statistics of another model (a run not yet restarted) are not shown.
                let stats = s.as_deref().filter(|s| s.len() == d.model.strategies.len());
                comparison(&d.model, stats)
            })
        })
    });
    let table = Memo::new(move |_| paused.with(|d| rows.with(|r| comparison_table(&d.model, r))));
    let running = Signal::derive(move || mc.stats.with(Option::is_none));
    // The heat map (41 × 15 values and a canvas repaint) and the frontier's marks wait until
    // a drag pauses (`paused`).
    view! {
        <StrategyCompare table=table running=running />
        <DistributionPanel display=display mc=mc />
        <FrontierPanel display=paused mc=mc />
        <VolumeRiskPanel display=paused />
        <RebalancePanel display=display />
        <ExportBar display=display comparison=rows />
    }
}
