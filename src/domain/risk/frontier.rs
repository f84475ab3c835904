//! The coverage frontier: for one strategy, every coverage from 0 to 100 % in 1 % steps, the
//! expected period return against the 95 % CVaR and against the probability of not covering
//! the cash cost, on one set of simulated paths (the comparison's: common random numbers).
//!
//! A strategy's value is linear in its coverage `c` (every hedge quantity, the USD it locks and
//! its premium scale with `c`), so on each path `V(c) = U + c·(F − U)` with `U` the unhedged
//! value and `F` the value at full coverage: the frontier needs one evaluation of each profile
//! per path, then a pass per coverage for the tail (the worst 5 %, found by selection, not a
//! sort) and the cash-cost count.
//!
//! ```
//! use minerhedge::domain::risk::frontier::coverage_frontier;
//! use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
//! // The seed's forward at full coverage: 5 coins sold at 260 for a cost of 1,100.
//! let full = PayoffProfile::new(ProfileParams {
//!     output: 5.0, all_in_cost: 1100.0, cash_cost: 1100.0, sold_coins: 5.0, locked_usd: 1300.0,
//!     ..Default::default()
//! })?;
//! let paths: Vec<(f64, f64, f64)> = (1..=100).map(|i| (150.0 + 2.0 * i as f64, 1.0, 1.0)).collect();
//! let f = coverage_frontier(&paths, &full)?;
//! assert_eq!(f.points.len(), 101);
//! // Without volume risk the forward's tail shrinks all the way: least CVaR at 100 %.
//! assert_eq!(f.min_cvar().map(|p| p.coverage_pct), Some(100));
//! assert!((f.points[100].cvar95 + 2.0 / 11.0).abs() < 1e-12);
//! # Ok::<(), minerhedge::domain::DomainError>(())
//! ```

use super::{PayoffProfile, ProfileParams};
use crate::domain::Field;
use crate::domain::error::{DomainError, Result};
use crate::domain::montecarlo::SimPath;

/// One coverage of the frontier.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FrontierPoint {
    /// Coverage, % of the expected output (0 … 100).
    pub coverage_pct: u32,
    /// Mean simulated period return (fraction).
    pub expected_return: f64,
    /// 95 % conditional value at risk: minus the mean of the worst 5 % of returns (the
    /// definition of the comparison's CVaR; positive = a loss).
    pub cvar95: f64,
    /// Share of paths whose result does not cover the period's cash cost.
    pub prob_short_of_cash: f64,
    /// Standard error of `cvar95` as an estimate: the sample standard deviation of the worst
    /// 5 % of returns over `√k` (`k` = the number of them). It is the simulation's noise the
    /// page compares coverages against (0 when read from an older message).
    #[serde(default)]
    pub cvar95_se: f64,
}

/// The frontier of one strategy: coverages 0, 1, …, 100 %.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Frontier {
    /// One point per coverage, in order.
    pub points: Vec<FrontierPoint>,
}

impl Frontier {
    /// The coverage with the lowest CVaR (the lowest coverage among equals); `None` for a
    /// frontier without points.
    pub fn min_cvar(&self) -> Option<&FrontierPoint> {
        self.points
            .iter()
            .reduce(|best, p| if p.cvar95 < best.cvar95 { p } else { best })
    }

    /// The coverages around the least CVaR whose CVaR is within one standard error of the
    /// least's (`cvar95 ≤ min + min.cvar95_se`): the run of neighbours the simulation cannot
    /// tell from it, as `(lowest, highest)` coverage; `None` without points.
    ///
    /// ```
    /// use minerhedge::domain::risk::frontier::{Frontier, FrontierPoint};
    /// let p = |c: u32, cvar| FrontierPoint { coverage_pct: c, expected_return: 0.0, cvar95: cvar, prob_short_of_cash: 0.0, cvar95_se: 0.02 };
    /// let f = Frontier { points: vec![p(0, 0.5), p(1, 0.11), p(2, 0.1), p(3, 0.115), p(4, 0.3)] };
    /// assert_eq!(f.min_cvar_within_noise(), Some((1, 3)));
    /// ```
    pub fn min_cvar_within_noise(&self) -> Option<(u32, u32)> {
        let best = self.min_cvar()?;
        let limit = best.cvar95 + best.cvar95_se.max(0.0);
        let at = self.points.iter().position(|p| std::ptr::eq(p, best))?;
        let near = |p: &&FrontierPoint| p.cvar95 <= limit;
        let lo = self.points[..at]
            .iter()
            .rev()
            .take_while(near)
            .last()
            .unwrap_or(best);
        let hi = self.points[at..]
            .iter()
            .take_while(near)
            .last()
            .unwrap_or(best);
        Some((lo.coverage_pct, hi.coverage_pct))
    }

    /// The lowest coverage whose probability of covering the cash cost reaches `target`
    /// (a fraction); `None` when no coverage does.
    pub fn least_coverage_covering(&self, target: f64) -> Option<&FrontierPoint> {
        self.points
            .iter()
            .find(|p| 1.0 - p.prob_short_of_cash >= target - 1e-12)
    }
}

/// The profile of the same position without its hedge (coverage 0).
fn unhedged(full: &PayoffProfile) -> Result<PayoffProfile> {
    let p = full.params();
    PayoffProfile::new(ProfileParams {
        output: p.output,
        all_in_cost: p.all_in_cost,
        cash_cost: p.cash_cost,
        ..Default::default()
    })
}

/// A strategy's per-path returns at coverage 0 and what full coverage adds to them: every
/// coverage's point is one pass over them ([`CoverageReturns::point`]), so a caller can spread
/// the 101 points of a frontier over slices of work.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageReturns {
    base: Vec<f64>,
    hedge: Vec<f64>,
    mean_base: f64,
    mean_hedge: f64,
    short_of_cash: f64,
    tail: usize,
    buf: Vec<f64>,
}

impl CoverageReturns {
    /// The returns of the strategy whose full-coverage profile is `full` on `paths` of
    /// `(final price, realized / expected output)` (at least one; prices and factors finite
    /// and non-negative).
    pub fn new(paths: &[SimPath], full: &PayoffProfile) -> Result<Self> {
        if paths.is_empty() {
            return Err(DomainError::out_of_range(
                Field::Paths,
                0.0,
                "at least one simulated path",
            ));
        }
        if let Some(&(s, f, _)) = paths.iter().find(|(s, f, l)| {
            !(s.is_finite() && *s >= 0.0 && f.is_finite() && *f >= 0.0 && l.is_finite() && *l > 0.0)
        }) {
            let (field, value) = if s.is_finite() && s >= 0.0 {
                (Field::DifficultyChange, f)
            } else {
                (Field::FinalPrice, s)
            };
            return Err(DomainError::out_of_range(
                field,
                value,
                "finite and at least 0",
            ));
        }
        let bare = unhedged(full)?;
        let inv = 1.0 / full.all_in_cost();
        // Returns unhedged, and what full coverage adds, per path.
        let (base, hedge): (Vec<f64>, Vec<f64>) = paths
            .iter()
            .map(|&(s, f, level)| {
                let u = bare.value_with(s, f, level);
                (u * inv - 1.0, (full.value_with(s, f, level) - u) * inv)
            })
            .unzip();
        let n = paths.len();
        let mean = |v: &[f64]| v.iter().sum::<f64>() / n as f64;
        Ok(CoverageReturns {
            mean_base: mean(&base),
            mean_hedge: mean(&hedge),
            short_of_cash: full.params().cash_cost * inv - 1.0,
            tail: (n as f64 * 0.05).ceil().max(1.0) as usize,
            buf: vec![0.0; n],
            base,
            hedge,
        })
    }

    /// The point at coverage `pct` % (0 … 100; more is read as 100).
    pub fn point(&mut self, pct: u32) -> FrontierPoint {
        let pct = pct.min(100);
        let c = f64::from(pct) / 100.0;
        let mut short = 0usize;
        for ((out, b), h) in self.buf.iter_mut().zip(&self.base).zip(&self.hedge) {
            let r = b + c * h;
            short += usize::from(r < self.short_of_cash);
            *out = r;
        }
        let k = self.tail;
        let (smaller, kth, _) = self.buf.select_nth_unstable_by(k - 1, f64::total_cmp);
        let kth = *kth;
        let tail_mean = (smaller.iter().sum::<f64>() + kth) / k as f64;
        let squares = smaller
            .iter()
            .chain(std::iter::once(&kth))
            .map(|x| (x - tail_mean) * (x - tail_mean))
            .sum::<f64>();
        let tail_sd = if k > 1 {
            (squares / (k - 1) as f64).sqrt()
        } else {
            0.0
        };
        let n = self.base.len() as f64;
        FrontierPoint {
            coverage_pct: pct,
            expected_return: self.mean_base + c * self.mean_hedge,
            cvar95: -tail_mean,
            prob_short_of_cash: short as f64 / n,
            cvar95_se: tail_sd / (k as f64).sqrt(),
        }
    }
}

/// The frontier of the strategy whose full-coverage profile is `full`, on `paths` (see
/// [`CoverageReturns::new`]).
pub fn coverage_frontier(paths: &[SimPath], full: &PayoffProfile) -> Result<Frontier> {
    let mut r = CoverageReturns::new(paths, full)?;
    Ok(Frontier {
        points: (0..=100).map(|c| r.point(c)).collect(),
    })
}
