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

/// Every decision panel, computed from the displayed model as it stands when a slider drag
/// pauses or ends (`ui::schedule::settled`): no step of a drag restarts the simulation or
/// redraws a panel.
#[component]
pub fn DecidePanels(
    /// What the page shows (the view model of the scenario), held during a drag.
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
    let table = Memo::new(move |_| display.with(|d| rows.with(|r| comparison_table(&d.model, r))));
    let running = Signal::derive(move || mc.stats.with(Option::is_none));
    view! {
        <StrategyCompare table=table running=running />
        <DistributionPanel display=display mc=mc />
        <FrontierPanel display=display mc=mc />
        <VolumeRiskPanel display=display />
        <RebalancePanel display=display />
        <ExportBar display=display comparison=rows />
    }
}
