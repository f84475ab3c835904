//! The return distribution's chart data: Monte Carlo histograms of the chosen strategy and of
//! the unhedged position.

use super::{Model, StrategyKind};
use crate::chart::distribution::{DistributionChart, Histogram, HistogramSeries};
use crate::domain::montecarlo::McStats;

/// The return distribution of the chosen strategy and of the unhedged position (chosen first,
/// so it takes the primary colour) with their VaR 95 % marks, from `stats` (one per strategy of
/// `model`, in order: the Monte Carlo of [`Model::monte_carlo`]). `None` when the statistics do
/// not belong to the model or hold no path.
///
/// ```
/// use minerhedge::domain::montecarlo::McRun;
/// use minerhedge::{link::Scenario, view::{distribution::distribution_chart, Model}};
/// let m = Model::build(&Scenario::from_query("hedge=put&paths=2000").scenario);
/// let (p, profiles) = m.monte_carlo().unwrap();
/// let mut run = McRun::new(p, profiles).unwrap();
/// run.step(2000);
/// let chart = distribution_chart(&m, &run.stats()).unwrap();
/// assert_eq!(chart.series[0].label, "Put");
/// assert_eq!(chart.series[1].label, "Unhedged");
/// ```
pub fn distribution_chart(model: &Model, stats: &[McStats]) -> Option<DistributionChart> {
    if stats.len() != model.strategies.len() {
        return None;
    }
    let series_of = |i: usize| -> Option<HistogramSeries> {
        let st = model.strategies.get(i)?;
        let s = stats.get(i)?;
        if s.histogram.counts.iter().sum::<u64>() == 0 {
            return None;
        }
        let h = Histogram::new(s.histogram.edges.clone(), s.histogram.counts.clone()).ok()?;
        Some(HistogramSeries::new(st.kind.label(), h).with_var(-s.var95))
    };
    let unhedged = model
        .strategies
        .iter()
        .position(|s| s.kind == StrategyKind::Unhedged);
    let mut series = Vec::new();
    if let Some(c) = model.chosen.filter(|c| Some(*c) != unhedged) {
        series.push(series_of(c)?);
    }
    if let Some(u) = unhedged {
        series.push(series_of(u)?);
    }
    if series.is_empty() {
        return None;
    }
    Some(DistributionChart {
        series,
        ..DistributionChart::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::montecarlo::McRun;
    use crate::link::Scenario;

    #[test]
    fn unhedged_distribution_is_one_series() {
        let m = Model::build(&Scenario::from_query("hedge=none&paths=500").scenario);
        let (p, profiles) = m.monte_carlo().expect("inputs");
        let mut run = McRun::new(p, profiles).expect("run");
        run.step(500);
        let chart = distribution_chart(&m, &run.stats()).expect("chart");
        assert_eq!(chart.series.len(), 1);
        assert_eq!(chart.series[0].label, "Unhedged");
    }
}
