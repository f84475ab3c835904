//! Volume risk: a fixed-quantity hedge against the realized output when difficulty moves.

use super::{PayoffProfile, PriceGrid};
use crate::domain::Field;
use crate::domain::error::{DomainError, Result};

/// Hedged period return over a grid of final prices × difficulty changes: the volume risk of
/// a fixed-quantity hedge.
///
/// A difficulty change `d` over the period (beyond what the expected output assumes) scales
/// the realized output by `1/(1 + d)`; the hedge does not change. Row `j` (difficulty change
/// `diff_changes[j]`), column `i` (price `grid.prices()[i]`) of the result is
/// `V(sᵢ, 1/(1 + dⱼ)) / cost − 1`, stored row-major in `values`.
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeHeatmap {
    /// Final prices (columns), USD.
    pub prices: Vec<f64>,
    /// Difficulty changes (rows), fractions: 0.1 = +10 %.
    pub diff_changes: Vec<f64>,
    /// Hedged returns, `values[j * prices.len() + i]`.
    pub values: Vec<f64>,
    /// Largest share of the *realized* output the hedge covers in the scenario range,
    /// `hedged coins · (1 + max d) / Q`; above 1 the position is over-hedged (short coins).
    pub max_realized_coverage: f64,
}

impl PayoffProfile {
    /// Coins the hedge delivers against: forwards sold plus puts bought (the quantity whose
    /// price is fixed or floored).
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1.0, sold_coins: 4.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.hedged_coins(), 4.0);
    /// ```
    pub fn hedged_coins(&self) -> f64 {
        self.sold_coins.max(self.option_coins())
    }

    /// The largest option leg, coins (0 without options).
    fn option_coins(&self) -> f64 {
        self.options
            .iter()
            .map(|o| o.quantity.abs())
            .fold(0.0, f64::max)
    }

    /// Share of the realized output covered by the hedge when difficulty changes by `d`
    /// (fraction, `d > −1`): `hedged coins · (1 + d) / Q`, but a hashprice forward's coins
    /// shrink with the output, so they cover the same share at every `d`. `None` without
    /// expected output.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1.0, sold_coins: 5.0, ..Default::default() }).unwrap();
    /// // +25 % difficulty: only 4 coins are mined against 5 sold.
    /// assert_eq!(p.realized_coverage(0.25), Some(1.25));
    /// ```
    pub fn realized_coverage(&self, d: f64) -> Option<f64> {
        let fixed = (self.sold_coins - self.hash_coins).max(self.option_coins());
        (self.output > 0.0 && d > -1.0).then(|| (fixed * (1.0 + d) + self.hash_coins) / self.output)
    }

    /// The volume-risk heat map over `grid` × `diff_changes` (each `d > −1`, finite; at most
    /// 1,001 rows).
    ///
    /// ```
    /// use minerhedge::domain::risk::{PayoffProfile, PriceGrid, ProfileParams};
    /// let fwd = PayoffProfile::new(ProfileParams {
    ///     output: 5.0, all_in_cost: 1100.0, sold_coins: 5.0, locked_usd: 1300.0, ..Default::default()
    /// }).unwrap();
    /// let h = fwd.volume_heatmap(&PriceGrid::new(200.0, 300.0, 3).unwrap(), &[0.0, 0.25]).unwrap();
    /// assert!((h.values[1] - 2.0 / 11.0).abs() < 1e-15);        // d = 0, S = 250: locked 18.2 %
    /// assert!(h.values[3 + 2] < h.values[3]);                   // d = +25 %: short 1 coin, hurt by a rally
    /// assert_eq!(h.max_realized_coverage, 1.25);
    /// ```
    pub fn volume_heatmap(&self, grid: &PriceGrid, diff_changes: &[f64]) -> Result<VolumeHeatmap> {
        if diff_changes.is_empty() || diff_changes.len() > 1001 {
            return Err(DomainError::out_of_range(
                Field::DifficultyChanges,
                diff_changes.len() as f64,
                "between 1 and 1001 rows",
            ));
        }
        for &d in diff_changes {
            if !(d.is_finite() && d > -1.0 && d <= 10.0) {
                return Err(DomainError::out_of_range(
                    Field::DifficultyChange,
                    d,
                    "greater than -1 (−100 %) and at most 10 (+1,000 %)",
                ));
            }
        }
        let prices: Vec<f64> = grid.prices().collect();
        let inv = 1.0 / self.all_in_cost;
        let mut values = Vec::with_capacity(prices.len() * diff_changes.len());
        for &d in diff_changes {
            let f = 1.0 / (1.0 + d);
            values.extend(
                prices
                    .iter()
                    .map(|&s| self.value_with_output(s, f) * inv - 1.0),
            );
        }
        let max_d = diff_changes
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        Ok(VolumeHeatmap {
            prices,
            diff_changes: diff_changes.to_vec(),
            values,
            max_realized_coverage: match &self.power {
                // The rig runs least at the lowest price: the hedge against what it mines there.
                Some(_) => grid.prices().next().map_or(0.0, |lo| {
                    self.realized_coverage_at(lo, max_d).unwrap_or(0.0)
                }),
                None => self.realized_coverage(max_d).unwrap_or(0.0),
            },
        })
    }

    /// Share of the coins mined at final price `s` covered by the hedge when difficulty
    /// changes by `d`: under a power contract that curtails, the rig mines fewer coins as the
    /// price falls (the hashprice forward's coins follow the difficulty, not the hours run);
    /// otherwise [`PayoffProfile::realized_coverage`]. `None` when nothing is mined.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1.0, sold_coins: 5.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.realized_coverage_at(100.0, 0.25), Some(1.25));
    /// ```
    pub fn realized_coverage_at(&self, s: f64, d: f64) -> Option<f64> {
        let Some(power) = &self.power else {
            return self.realized_coverage(d);
        };
        let f = 1.0 / (1.0 + d);
        let mined = power.at(s, f).output;
        let fixed = (self.sold_coins - self.hash_coins).max(self.option_coins());
        (mined > 0.0 && d > -1.0).then(|| (fixed + self.hash_coins * f) / mined)
    }
}
