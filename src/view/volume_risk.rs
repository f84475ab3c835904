//! Volume risk: the heat map of the chosen hedge's return over final price × difficulty
//! change, and how much of the realized output the hedge can cover.

use super::Model;
use crate::chart::heatmap::{Grid, HeatmapChart};
use crate::domain::validate::dec_f64;

/// The volume-risk heat map of the chosen hedge and what its over-hedging warning says.
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeRisk {
    /// The chart: hedged return over final price × difficulty change, spot at 0 % marked.
    pub chart: HeatmapChart,
    /// Largest share of the realized output the hedge covers in the range (1 = 100 %).
    pub max_realized_coverage: f64,
    /// The largest difficulty rise of the range (0.5 = +50 %).
    pub worst_rise: f64,
    /// Under a power contract that curtails: the range's lowest price and the share of its
    /// hours the rig runs there (the coverage above is against what it mines there).
    pub curtailed_at: Option<(f64, f64)>,
}

impl VolumeRisk {
    /// `true` when the hedge can exceed the output actually mined somewhere in the range.
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::{volume_risk::volume_risk, Model}};
    /// assert!(volume_risk(&Model::build(&Scenario::default()), 21).unwrap().over_hedged());
    /// ```
    pub fn over_hedged(&self) -> bool {
        self.max_realized_coverage > 1.0 + 1e-9
    }
}

/// The heat map of `model`'s chosen hedge over `price_points` prices × difficulty changes
/// −20 %…+50 % ([`Model::heatmap`]); `None` without a valid chosen strategy and price range.
///
/// ```
/// use minerhedge::{link::Scenario, view::{volume_risk::volume_risk, Model}};
/// let full = volume_risk(&Model::build(&Scenario::default()), 41).unwrap();
/// assert!((full.max_realized_coverage - 1.5).abs() < 1e-9);
/// let half = volume_risk(&Model::build(&Scenario::from_query("cov=50").scenario), 41).unwrap();
/// assert!(!half.over_hedged());
/// ```
pub fn volume_risk(model: &Model, price_points: usize) -> Option<VolumeRisk> {
    let h = model.heatmap(price_points)?;
    let grid = Grid::new(h.prices.clone(), h.diff_changes.clone(), h.values.clone()).ok()?;
    let spot = dec_f64(model.scenario.market.spot);
    let in_range = h.prices.first().is_some_and(|lo| spot >= *lo)
        && h.prices.last().is_some_and(|hi| spot <= *hi);
    Some(VolumeRisk {
        chart: HeatmapChart {
            grid,
            marker: in_range.then_some((spot, 0.0)),
            ..HeatmapChart::default()
        },
        max_realized_coverage: h.max_realized_coverage,
        worst_rise: h.diff_changes.last().copied().unwrap_or(0.0),
        curtailed_at: model.power.as_ref().and_then(|p| {
            let lo = h.prices.first().copied()?;
            Some((lo, p.at(lo).run_share))
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::Scenario;

    #[test]
    fn heatmap_marks_spot_and_changes_with_coverage() {
        let a = volume_risk(&Model::build(&Scenario::default()), 21).expect("heat map");
        assert_eq!(a.chart.marker, Some((250.0, 0.0)));
        let b = volume_risk(&Model::build(&Scenario::from_query("cov=40").scenario), 21)
            .expect("heat map");
        assert_ne!(a.chart.grid, b.chart.grid);
        assert!(b.max_realized_coverage < 1.0);
    }
}
