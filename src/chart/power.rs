//! The hour's power price against the energy-adjusted hashprice (EHP): how many of the
//! period's hours a rig on an index contract runs.
//!
//! The geometry is the price-duration curve: the hours sorted from the cheapest to the
//! dearest, the curve `P(x)` the price's `x`-quantile ([`HourPriceChart::points`]). The page
//! draws it the other way round, as the share of hours priced below each price (the
//! price's distribution function) with the smile chart's drawing ([`HourPriceChart::chart`]):
//! x the price in USD per MWh, y the share of hours, EHP marked, and a dashed level at the
//! run share `u = Pr(P < EHP)` ([`HourPrices::run_share`]) where the curve crosses it.
//!
//! - **Lognormal** hours (`ln P ~ N(ln m − s²/2, s²)`, `m` the mean, `s` the log-sd):
//!   sampled by price, `(F(p), p)` at `p = top·i/n` for `i = 0..=n` (`F` the price's
//!   distribution function, the engine's run share at `p`), with the point at EHP inserted at
//!   its place and `(1, top)` last (the dearer hours clipped to the top).
//! - A **curve** of `n` equally weighted prices: a step function, the sorted prices each
//!   `1/n` of the hours wide (its run share is a multiple of `1/n`).
//!
//! **The price axis** runs from `min(0, lowest price, EHP)` (a little lower when that is
//! negative) up to the *top*: the higher of
//! - the 99th percentile of the lognormal price (a curve: its dearest price plus 5 % of the
//!   distance from `min(0, cheapest)`, so the top step stays inside the plot), and
//! - `EHP + 0.2·|EHP|` (`1.2·EHP` for a positive EHP), so EHP and its label always show.
//!
//! The lognormal's upper tail is unbounded: its samples are clipped at the top (`P(1) = +∞`
//! becomes the top), and the curve leaves the plot through its upper edge.
//!
//! ```
//! use minerhedge::chart::geometry::Surface;
//! use minerhedge::chart::power::HourPriceChart;
//! use minerhedge::chart::smile::draw;
//! use minerhedge::domain::power::HourPrices;
//! use plotters::prelude::*;
//!
//! let prices = HourPrices::Lognormal { mean: 60.0, log_sd: 0.6 };
//! let chart = HourPriceChart::from_prices(&prices, 75.0, 200).unwrap();
//! let surface = Surface::new(360.0, 200.0, 1.0).unwrap();
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     draw(&root, &chart.chart(), &surface).unwrap();
//! }
//! assert!(svg.contains("EHP $75.00/MWh"));
//! ```
//!

use super::smile::SmileChart;
use super::{ChartError, TickFormat};
use crate::domain::Field;
use crate::domain::power::HourPrices;
use crate::domain::range::Range;

/// The most samples [`HourPriceChart::from_prices`] takes of a lognormal price.
pub const MAX_SAMPLES: usize = 10_000;

/// The price-duration curve of the hour's power price, with EHP and the run share.
///
/// Built by [`HourPriceChart::from_prices`] (its data is checked there).
///
/// ```
/// use minerhedge::chart::power::HourPriceChart;
/// use minerhedge::domain::power::HourPrices;
/// let chart = HourPriceChart::from_prices(&HourPrices::Curve(vec![80.0, 20.0]), 50.0, 0).unwrap();
/// // Two hours, each half: $20 (runs), then $80 (off).
/// assert_eq!(chart.points(), &[(0.0, 20.0), (0.5, 20.0), (0.5, 80.0), (1.0, 80.0)]);
/// assert_eq!((chart.ehp(), chart.run_share()), (50.0, 0.5));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct HourPriceChart {
    points: Vec<(f64, f64)>,
    ehp: f64,
    run_share: f64,
    top: f64,
}

impl HourPriceChart {
    /// The duration curve of `prices` against `ehp` (USD per MWh); `n_samples` is the number
    /// of steps `n` a lognormal price is sampled at (`p = top·i/n`, 2 to [`MAX_SAMPLES`]; a curve
    /// is drawn from its own prices and does not read it). See the [module docs](self).
    ///
    /// # Errors
    /// [`ChartError::Invalid`] when `prices` fail [`HourPrices::check`], `ehp` is not finite or
    /// beyond ±1,000,000 USD/MWh (field "hashprice"), or a lognormal's `n_samples` is out of
    /// range (field "grid points").
    ///
    /// ```
    /// use minerhedge::chart::power::HourPriceChart;
    /// use minerhedge::domain::power::HourPrices;
    /// let hours = HourPrices::Lognormal { mean: 50.0, log_sd: 0.5 };
    /// let chart = HourPriceChart::from_prices(&hours, 50.0, 64).unwrap();
    /// // 65 samples at p = top·i/64, the point at EHP, and the hours above the top (P99).
    /// assert_eq!(chart.points().len(), 67);
    /// assert!(chart.points().contains(&(chart.run_share(), 50.0)));
    /// // Half the hours cost less than the median, mean·exp(−sd²/2).
    /// assert!((hours.run_share(50.0 * (-0.125f64).exp()) - 0.5).abs() < 1e-15);
    /// assert!(HourPriceChart::from_prices(&hours, f64::NAN, 100).is_err());
    /// assert!(HourPriceChart::from_prices(&hours, 50.0, 1).is_err());
    /// ```
    pub fn from_prices(
        prices: &HourPrices,
        ehp: f64,
        n_samples: usize,
    ) -> Result<HourPriceChart, ChartError> {
        prices.check()?;
        const { Range::closed(-1e6, 1e6) }.check(Field::Hashprice, ehp)?;
        let headroom = ehp + 0.2 * ehp.abs();
        let (points, top) = match prices {
            HourPrices::Lognormal { mean, log_sd } => {
                const { Range::closed(2.0, MAX_SAMPLES as f64) }
                    .check(Field::GridPoints, n_samples as f64)?;
                let top = (mean * (log_sd * Z99 - 0.5 * log_sd * log_sd).exp()).max(headroom);
                let points = lognormal_points(prices, n_samples, ehp, top);
                (points, top)
            }
            HourPrices::Curve(prices) => {
                let steps = curve_steps(prices);
                let (cheapest, dearest) = match (steps.first(), steps.last()) {
                    (Some(a), Some(b)) => (a.1, b.1),
                    _ => (0.0, 0.0),
                };
                let top = dearest + 0.05 * (dearest - cheapest.min(0.0));
                (steps, top.max(headroom))
            }
        };
        Ok(HourPriceChart {
            points,
            ehp,
            run_share: prices.run_share(ehp),
            top,
        })
    }

    /// The curve as `(share of hours, price)` points from share 0 to 1, both non-decreasing
    /// (a curve's step rises at a repeated share); a lognormal's prices are clipped at
    /// [`HourPriceChart::top`].
    ///
    /// ```
    /// use minerhedge::chart::power::HourPriceChart;
    /// use minerhedge::domain::power::HourPrices;
    /// let chart = HourPriceChart::from_prices(&HourPrices::Curve(vec![30.0]), 40.0, 0).unwrap();
    /// assert_eq!(chart.points(), &[(0.0, 30.0), (1.0, 30.0)]);
    /// ```
    pub fn points(&self) -> &[(f64, f64)] {
        &self.points
    }

    /// The energy-adjusted hashprice, USD per MWh.
    ///
    /// ```
    /// use minerhedge::chart::power::HourPriceChart;
    /// use minerhedge::domain::power::HourPrices;
    /// let chart = HourPriceChart::from_prices(&HourPrices::Curve(vec![30.0]), 40.0, 0).unwrap();
    /// assert_eq!(chart.ehp(), 40.0);
    /// ```
    pub fn ehp(&self) -> f64 {
        self.ehp
    }

    /// The share of the hours priced below EHP, `Pr(P < EHP)`: the engine's run share.
    ///
    /// ```
    /// use minerhedge::chart::power::HourPriceChart;
    /// use minerhedge::domain::power::HourPrices;
    /// let chart = HourPriceChart::from_prices(&HourPrices::Curve(vec![30.0]), 20.0, 0).unwrap();
    /// assert_eq!(chart.run_share(), 0.0);
    /// ```
    pub fn run_share(&self) -> f64 {
        self.run_share
    }

    /// The top of the price axis (see the [module docs](self)).
    ///
    /// ```
    /// use minerhedge::chart::power::HourPriceChart;
    /// use minerhedge::domain::power::HourPrices;
    /// // EHP + 20 % is above the dearest hour: the axis makes room for it.
    /// let chart = HourPriceChart::from_prices(&HourPrices::Curve(vec![30.0]), 100.0, 0).unwrap();
    /// assert_eq!(chart.top(), 120.0);
    /// ```
    pub fn top(&self) -> f64 {
        self.top
    }

    /// The label of the EHP line, e.g. `EHP $45.20/MWh` (the chart's dollar readout).
    ///
    /// ```
    /// use minerhedge::chart::power::HourPriceChart;
    /// use minerhedge::domain::power::HourPrices;
    /// let chart = HourPriceChart::from_prices(&HourPrices::Curve(vec![30.0]), 45.2, 0).unwrap();
    /// assert_eq!(chart.ehp_label(), "EHP $45.20/MWh");
    /// ```
    pub fn ehp_label(&self) -> String {
        format!("EHP {}/MWh", TickFormat::Usd.readout(self.ehp))
    }

    /// The chart the page draws (the smile chart's drawing, [`crate::chart::smile::draw`]):
    /// the share of hours priced below each price (the curve with its axes swapped), EHP
    /// marked with [`HourPriceChart::ehp_label`], and a dashed level at the run share.
    ///
    /// ```
    /// use minerhedge::chart::power::HourPriceChart;
    /// use minerhedge::domain::power::HourPrices;
    /// let c = HourPriceChart::from_prices(&HourPrices::Curve(vec![80.0, 20.0]), 50.0, 0).unwrap().chart();
    /// assert_eq!(c.points, [(20.0, 0.0), (20.0, 0.5), (80.0, 0.5), (80.0, 1.0)]);
    /// assert_eq!((c.atm, c.legs[0].1), (0.5, 50.0));
    /// ```
    pub fn chart(&self) -> SmileChart {
        let mut points: Vec<(f64, f64)> = self.points.iter().map(|&(x, p)| (p, x)).collect();
        // No hour below the cheapest or above the dearest: the share is 0 and 1 out to EHP,
        // so EHP always lies on the price axis.
        if points.first().is_some_and(|p| self.ehp < p.0) {
            points.insert(0, (self.ehp, 0.0));
        }
        if points.last().is_some_and(|p| self.ehp > p.0) {
            points.push((self.ehp, 1.0));
        }
        SmileChart {
            points,
            atm: self.run_share,
            legs: vec![(self.ehp_label(), self.ehp)],
            x_label: "Power price of an hour (USD/MWh)",
            y_label: "Share of hours below",
            ..SmileChart::default()
        }
    }

    /// The legend's two labels, the run share rounded to a whole percent and the rest off:
    /// `("Runs 63% of hours", "Off 37% of hours")`.
    ///
    /// ```
    /// use minerhedge::chart::power::HourPriceChart;
    /// use minerhedge::domain::power::HourPrices;
    /// let chart = HourPriceChart::from_prices(&HourPrices::Curve(vec![10.0, 20.0, 30.0]), 25.0, 0).unwrap();
    /// assert_eq!(chart.share_labels(), ("Runs 67% of hours".to_string(), "Off 33% of hours".to_string()));
    /// ```
    pub fn share_labels(&self) -> (String, String) {
        let runs = (self.run_share * 100.0).round() / 100.0;
        (
            format!("Runs {} of hours", crate::format::percent_f64(runs, 0)),
            format!("Off {} of hours", crate::format::percent_f64(1.0 - runs, 0)),
        )
    }
}

/// `N⁻¹(0.99)`: the lognormal's 99th percentile is `m·exp(−s²/2 + s·z₀.₉₉)`.
const Z99: f64 = 2.326_347_874_040_841;

/// The lognormal curve sampled by price: `(F(p), p)` for `p = top·i/n`, `i = 0..=n`, `F` the
/// price's distribution function (the engine's run share at `p`), with the point at EHP
/// inserted at its place, then `(1, top)`: the hours dearer than the top, clipped to it.
fn lognormal_points(prices: &HourPrices, n: usize, ehp: f64, top: f64) -> Vec<(f64, f64)> {
    let mut points: Vec<(f64, f64)> = (0..=n)
        .map(|i| {
            let p = top * i as f64 / n as f64;
            (prices.run_share(p), p)
        })
        .collect();
    if ehp > 0.0 && ehp < top {
        let at = points.partition_point(|q| q.1 < ehp);
        if points.get(at).is_some_and(|q| q.1 != ehp) {
            points.insert(at, (prices.run_share(ehp), ehp));
        }
    }
    points.push((1.0, top));
    points
}

/// The sorted prices as steps `1/n` wide: `(0, p₁), (1/n, p₁), (1/n, p₂), …, (1, pₙ)`.
fn curve_steps(prices: &[f64]) -> Vec<(f64, f64)> {
    // Sorted by successive selections: a curve has at most 48 prices, and the page then
    // carries no sort of its own for it.
    let mut sorted = prices.to_vec();
    for i in 0..sorted.len() {
        sorted[i..].select_nth_unstable_by(0, f64::total_cmp);
    }
    let n = sorted.len() as f64;
    sorted
        .iter()
        .enumerate()
        .flat_map(|(i, p)| [(i as f64 / n, *p), ((i + 1) as f64 / n, *p)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curve_steps_are_the_sorted_prices() {
        let steps = curve_steps(&[30.0, 10.0, -5.0, 10.0]);
        assert_eq!(
            steps,
            vec![
                (0.0, -5.0),
                (0.25, -5.0),
                (0.25, 10.0),
                (0.5, 10.0),
                (0.5, 10.0),
                (0.75, 10.0),
                (0.75, 30.0),
                (1.0, 30.0)
            ]
        );
    }
}
