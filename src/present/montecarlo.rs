//! The simulation's status in words: the share done next to the progress bar and the summary
//! of a finished run.

use rust_decimal::Decimal;

use super::{Figure, FigureValue};
use crate::domain::montecarlo::McStats;
use crate::format::{number, percent_f64, usd_f64};
use crate::view::Model;
use crate::view::montecarlo::chosen_stats;

/// Label of the progress bar.
pub const PROGRESS_LABEL: &str = "Simulating ";

pub use super::RISK_CONVENTION;

/// A signed result of the period (revenue + hedge payoff − cost): VaR or CVaR 95 % under
/// [`RISK_CONVENTION`], in USD and as a return on the period's cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RiskResult {
    /// The result, USD (negative = a loss).
    pub usd: f64,
    /// The same result as a return on the cost (fraction; negative = a loss).
    pub ret: f64,
}

impl RiskResult {
    /// The result whose return on `cost` (USD) is `ret`.
    pub fn of_return(ret: f64, cost: f64) -> Self {
        RiskResult {
            usd: ret * cost,
            ret,
        }
    }

    /// VaR 95 % of the engine's statistics (whose `var95` is a loss: minus the 5th
    /// percentile of the return) for a period costing `cost`.
    ///
    /// ```
    /// use minerhedge::present::montecarlo::RiskResult;
    /// // The 5th percentile return is +74.6 %: a profit, shown positive.
    /// let v = RiskResult::of_loss(-0.746, 1000.0);
    /// assert_eq!(v.text(), "$746 (74.6%)");
    /// ```
    pub fn of_loss(loss: f64, cost: f64) -> Self {
        Self::of_return(-loss, cost)
    }

    /// `$(155) (-14.1%)`: the USD result, then the return on cost with one decimal.
    pub fn text(&self) -> String {
        format!("{} ({})", usd_f64(self.usd), percent_f64(self.ret, 1))
    }

    /// The return on cost alone as the chart labels it, `-14.1%`.
    pub fn return_text(&self) -> String {
        percent_f64(self.ret, 1)
    }

    /// A figure: the text of [`RiskResult::text`], `data-value` the USD result.
    pub fn figure(&self, id: &'static str, label: &'static str) -> Figure {
        Figure::new(id, label, self.text()).with_value(self.usd)
    }

    /// The return on cost in % (the `data-return` next to a figure's USD `data-value`), none
    /// when not finite.
    pub fn return_value(&self) -> Option<String> {
        FigureValue::from(self.ret * 100.0).0
    }
}

/// The chosen hedge's simulated figures (`None` when `stats` do not belong to `model` or
/// nothing is chosen), each with its `data-return` where it has one: mean return (`mc-mean`,
/// in %), its standard error (`mc-mean-se`, in points of %), VaR and CVaR 95 % (`mc-var`,
/// `mc-cvar`: `data-value` the USD result, `data-return` the return on cost in %) and the
/// path count (`mc-paths`).
///
/// ```
/// use minerhedge::domain::montecarlo::McRun;
/// use minerhedge::{link::Scenario, present::montecarlo::mc_figures, view::Model};
/// let m = Model::build(&Scenario::from_query("paths=1000").scenario);
/// let (p, profiles) = m.monte_carlo().unwrap();
/// let mut run = McRun::new(p, profiles).unwrap();
/// run.step(1000);
/// let f = mc_figures(&m, &run.stats()).unwrap();
/// let (var, ret) = &f[2];
/// assert_eq!((var.id, var.text.as_str()), ("mc-var", "$200 (18.2%)"));
/// assert!(ret.as_deref().is_some_and(|r| r.starts_with("18.18")));
/// ```
pub fn mc_figures(model: &Model, stats: &[McStats]) -> Option<Vec<(Figure, Option<String>)>> {
    let (_, st, paths) = chosen_stats(model, stats)?;
    let cost = model.chosen()?.profile.all_in_cost();
    let se = standard_error(st, paths);
    let risk = |r: RiskResult, id, label| (r.figure(id, label), r.return_value());
    Some(vec![
        (
            Figure::new("mc-mean", "Mean return", percent_f64(st.mean, 1))
                .with_value(st.mean * 100.0),
            None,
        ),
        (
            Figure::new(
                "mc-mean-se",
                "Its standard error",
                format!("± {}", percent_f64(se, 2)),
            )
            .with_value(se * 100.0),
            None,
        ),
        risk(RiskResult::of_loss(st.var95, cost), "mc-var", "VaR 95%"),
        risk(RiskResult::of_loss(st.cvar95, cost), "mc-cvar", "CVaR 95%"),
        (
            Figure::new("mc-paths", "Paths", number(Decimal::from(paths), 0))
                .with_value(paths as f64),
            None,
        ),
        (
            drift_figure(
                model.scenario.simulation.drift_pct,
                "the market's: the rate",
                Some(model.scenario.rate() * 100.0),
            ),
            None,
        ),
    ])
}

/// The simulated price's drift (`data-testid="sim-drift"`): the user's `drift`, said to be
/// their view, or the market's (`market`, and its % a year when it is one number).
///
/// ```
/// use minerhedge::present::montecarlo::drift_figure;
/// use rust_decimal::Decimal;
/// let mine = drift_figure(Some(Decimal::from(30)), "the forward curve", None);
/// assert_eq!(mine.text, "30% a year (your view, not the market's)");
/// assert_eq!(drift_figure(None, "the forward curve", None).text, "the forward curve");
/// ```
pub fn drift_figure(user_pct: Option<Decimal>, market: &str, market_pct: Option<f64>) -> Figure {
    const LABEL: &str = "Simulated price drift";
    match (user_pct, market_pct) {
        (Some(d), _) => Figure::new(
            "sim-drift",
            LABEL,
            format!(
                "{} a year (your view, not the market's)",
                crate::format::percent(d / Decimal::ONE_HUNDRED, 1).replace(".0%", "%")
            ),
        )
        .with_value(d),
        (None, Some(r)) => Figure::new(
            "sim-drift",
            LABEL,
            format!("{market}, {} a year", percent_f64(r / 100.0, 1)),
        )
        .with_value(r),
        (None, None) => Figure::new("sim-drift", LABEL, market.to_string()),
    }
}

/// The standard error of a run's mean return: `std / √n`.
fn standard_error(st: &McStats, paths: u64) -> f64 {
    st.std_dev / (paths.max(1) as f64).sqrt()
}

/// One sentence on the chosen hedge's simulated return: mean, VaR and CVaR 95 % (as signed
/// results, [`RISK_CONVENTION`]) and the path count; `None` when `stats` do not belong to
/// `model` or nothing is chosen.
///
/// ```
/// use minerhedge::domain::montecarlo::McRun;
/// use minerhedge::{link::Scenario, present::montecarlo::mc_summary, view::Model};
/// let m = Model::build(&Scenario::from_query("paths=1000").scenario);
/// let (p, profiles) = m.monte_carlo().unwrap();
/// let mut run = McRun::new(p, profiles).unwrap();
/// run.step(1000);
/// // A full forward with no difficulty volatility locks 18.2 %: $200 on a cost of $1,100.
/// let s = mc_summary(&m, &run.stats()).unwrap();
/// assert!(s.starts_with("Forward: mean return 18.2%, VaR 95% $200 (18.2%)"), "{s}");
/// ```
pub fn mc_summary(model: &Model, stats: &[McStats]) -> Option<String> {
    let (kind, st, paths) = chosen_stats(model, stats)?;
    let cost = model.chosen()?.profile.all_in_cost();
    Some(format!(
        "{}: mean return {}, VaR 95% {}, CVaR 95% {} over {} paths.",
        kind.label(),
        percent_f64(st.mean, 1),
        RiskResult::of_loss(st.var95, cost).text(),
        RiskResult::of_loss(st.cvar95, cost).text(),
        number(Decimal::from(paths), 0)
    ))
}

/// Why the simulated mean return differs from the comparison's lognormal expected return of
/// the same hedge, when both exist: the lognormal figure is the closed form at the expected
/// output (the price alone is random, drifting at the rate); the simulation draws the same
/// price and also the difficulty (output) shocks (`dvol`, `corr`), and its mean carries
/// sampling error (± one standard error, `std / √paths`).
///
/// ```
/// use minerhedge::domain::montecarlo::McRun;
/// use minerhedge::{link::Scenario, present::montecarlo::models_differ, view::Model};
/// let m = Model::build(&Scenario::from_query("hedge=put&paths=2000&dvol=40").scenario);
/// let (p, profiles) = m.monte_carlo().unwrap();
/// let mut run = McRun::new(p, profiles).unwrap();
/// run.step(2000);
/// let s = models_differ(&m, &run.stats()).unwrap();
/// assert!(s.contains("closed form at the expected output") && s.contains("difficulty"), "{s}");
/// ```
pub fn models_differ(model: &Model, stats: &[McStats]) -> Option<String> {
    let (_, st, paths) = chosen_stats(model, stats)?;
    let lognormal = model.chosen()?.outlook?.expected_return;
    let se = standard_error(st, paths);
    let output = if model.scenario.difficulty_vol() > 0.0 {
        format!(
            "the simulation also draws the difficulty, so the output varies (volatility {}",
            percent_f64(model.scenario.difficulty_vol(), 0)
        ) + &if model.scenario.simulation.correlation_pct != Decimal::ZERO {
            ", correlated with the price)".to_owned()
        } else {
            ")".to_owned()
        }
    } else {
        "the simulation draws the same price with the output at its expectation".to_owned()
    };
    Some(format!(
        "Expected return {} (comparison) is the lognormal closed form at the expected output; \
         the simulated mean {} ± {} (one standard error over {} paths) differs because {output} \
         and because it is a sample.",
        percent_f64(lognormal, 1),
        percent_f64(st.mean, 1),
        percent_f64(se, 1),
        number(Decimal::from(paths), 0)
    ))
}

/// Share of a run done, as the text next to the progress bar: `42%`.
///
/// ```
/// use minerhedge::present::montecarlo::progress_text;
/// assert_eq!(progress_text(420_000, 1_000_000), "42%");
/// assert_eq!(progress_text(250, 1000), "25%");
/// assert_eq!(progress_text(0, 0), "100%");
/// ```
pub fn progress_text(done: usize, total: usize) -> String {
    if total == 0 {
        return "100%".to_owned();
    }
    format!("{}%", (done.min(total) as u128 * 100 / total as u128))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_never_exceeds_100() {
        assert_eq!(progress_text(5, 3), "100%");
        assert_eq!(progress_text(1, 3), "33%");
    }
}
