//! A profile whose mined coins follow a power contract (module [`crate::domain::power`]):
//! the rig runs fewer hours as the price falls, so the mined leg is no longer linear in `S`.
//!
//! With the contract's figures at `S` ([`PowerTerms::at`]) the mined leg is worth
//!
//! ```text
//! M(S) = output(S)·S + credits(S) − (power cost(S) − power cost of the plan)
//! ```
//!
//! so that `V(S) − all-in cost` is the period's result at `S` (the all-in cost holds the
//! plan's power cost). `M` is convex in `S` (index: `E_full·E[(EHP − P)⁺]` plus constants;
//! ppa: `E_full·E[max(EHP, P)]`), and the hedge is linear between its strikes, so `V` is
//! convex on each piece between strikes. Floor, cap, breakevens and the return range are found
//! per piece: the maximum at its ends, the minimum by golden section, each root by Brent's
//! method on a side of the minimum where `V` is monotone — to far below a cent.

use super::outlook::{Lognormal, Outlook};
use super::{Bounds, PayoffProfile, PriceGrid};
use crate::domain::power::{HourPrices, PowerAt, PowerTerms, RigRun};
use crate::domain::pricing::root::{Bracket, brent};

/// The mined coins of a profile under a power contract.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerLeg {
    /// The contract and the hour's price.
    pub terms: PowerTerms,
    /// The rig running every available hour.
    pub rig: RigRun,
    /// The power cost the profile's all-in cost holds (the plan's), USD.
    pub plan_power_cost: f64,
}

impl PowerLeg {
    /// The contract's figures at `s` with the output `factor` times the expected one (a
    /// difficulty change `d` is `factor = 1/(1 + d)`: fewer coins for the same energy).
    pub fn at(&self, s: f64, factor: f64) -> PowerAt {
        self.at_level(s, factor, 1.0)
    }

    /// [`PowerLeg::at`] when every hour's market price is `level` times the model's (a
    /// simulated month's power price level, [`PowerTerms::at_level`]); `level = 1` is
    /// [`PowerLeg::at`] exactly.
    pub fn at_level(&self, s: f64, factor: f64, level: f64) -> PowerAt {
        let rig = RigRun {
            output: self.rig.output * factor,
            ..self.rig
        };
        self.terms.at_level(&rig, s, level)
    }

    /// `M(S)` of the module docs. Never inlined: the profile's value calls it from every loop
    /// (grids, simulations, the frontier), which would otherwise each carry a copy of the
    /// contracts' formulas.
    #[inline(never)]
    pub fn mined_value(&self, s: f64, factor: f64) -> f64 {
        self.mined_value_at(s, factor, 1.0)
    }

    /// `M(S)` of the module docs at power price level `level` ([`PowerLeg::at_level`]): the
    /// plan's power cost stays the plan's (the all-in cost holds it).
    ///
    /// ```
    /// use minerhedge::domain::power::{Contract, HourPrices, PowerTerms, RigRun};
    /// use minerhedge::domain::risk::PowerLeg;
    /// let leg = PowerLeg {
    ///     terms: PowerTerms { contract: Contract::Index, prices: HourPrices::Curve(vec![50.0]),
    ///         fixed_mwh: 60.0, capacity_credit: 0.0, days: 30.0 },
    ///     rig: RigRun { output: 1.0, load_mw: 1.0, hours: 720.0, uptime: 1.0 },
    ///     plan_power_cost: 720.0 * 50.0,
    /// };
    /// // EHP 100 at $72,000: the rig always runs; power at 1.2 times costs 20 % more.
    /// assert_eq!(leg.mined_value_at(72_000.0, 1.0, 1.0), 72_000.0);
    /// assert!((leg.mined_value_at(72_000.0, 1.0, 1.2) - (72_000.0 - 720.0 * 10.0)).abs() < 1e-9);
    /// ```
    ///
    /// Never inlined: the profile's value calls it from every loop (grids, simulations),
    /// which would otherwise each carry a copy of the contracts' formulas.
    #[inline(never)]
    pub fn mined_value_at(&self, s: f64, factor: f64, level: f64) -> f64 {
        self.mined_at(s, factor, level).1
    }

    /// The coins mined and `M(S)` at power price level `level` (a simulated month needs
    /// both: the treasury keeps some of the coins).
    pub fn mined_at(&self, s: f64, factor: f64, level: f64) -> (f64, f64) {
        let at = self.at_level(s, factor, level);
        (
            at.output,
            at.output * s + at.credits - (at.power_cost - self.plan_power_cost),
        )
    }

    /// A price above which the rig runs every available hour (to `f64` precision), so the
    /// mined leg is linear beyond it: `EHP` above the dearest hour (the lognormal's
    /// `1 − 10⁻²³` quantile).
    fn full_run_price(&self) -> f64 {
        let dearest = match &self.terms.prices {
            HourPrices::Lognormal { mean, log_sd } => {
                mean * libm::exp(-0.5 * log_sd * log_sd + 10.0 * log_sd)
            }
            HourPrices::Curve(p) => p.iter().copied().fold(0.0, f64::max),
        };
        let per_coin = if self.rig.output > 0.0 {
            self.rig.energy_mwh() / self.rig.output
        } else {
            0.0
        };
        (dearest.max(0.0) * per_coin * 1.001).min(crate::domain::money::MAX_PRICE_F64)
    }
}

/// Golden-section iterations: the bracket shrinks by 0.618 each, to `10⁻⁴⁰` of its width.
const GOLDEN_STEPS: usize = 192;

impl PayoffProfile {
    /// The piece ends of a power profile: 0, the strikes, and the price beyond which the rig
    /// always runs; the last piece to +∞ is linear.
    fn power_pieces(&self, power: &PowerLeg) -> Vec<f64> {
        let mut pts: Vec<f64> = self.breakpoints().collect();
        let top = power.full_run_price();
        if pts.last().is_some_and(|last| top > *last) {
            pts.push(top);
        }
        pts
    }

    /// The lowest value on `[a, b]` where the value is convex: golden section; `(S, V)`.
    fn convex_min(&self, a: f64, b: f64) -> (f64, f64) {
        let inv_phi = 0.5 * (libm::sqrt(5.0) - 1.0);
        let (mut lo, mut hi) = (a, b);
        let mut x1 = hi - inv_phi * (hi - lo);
        let mut x2 = lo + inv_phi * (hi - lo);
        let (mut f1, mut f2) = (self.value_at(x1), self.value_at(x2));
        for _ in 0..GOLDEN_STEPS {
            if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
                break;
            }
            if f1 <= f2 {
                hi = x2;
                (x2, f2) = (x1, f1);
                x1 = hi - inv_phi * (hi - lo);
                f1 = self.value_at(x1);
            } else {
                lo = x1;
                (x1, f1) = (x2, f2);
                x2 = lo + inv_phi * (hi - lo);
                f2 = self.value_at(x2);
            }
        }
        // The ends may be lower (a minimum at an end of the piece).
        [(a, self.value_at(a)), (x1, f1), (b, self.value_at(b))]
            .into_iter()
            .fold((a, f64::INFINITY), |m, p| if p.1 < m.1 { p } else { m })
    }

    /// Where the value crosses `level` on `[a, b]` (convex there): at most two roots, one on
    /// each side of the minimum.
    fn convex_roots(&self, a: f64, b: f64, level: f64, out: &mut Vec<f64>) {
        let g = |s: f64| self.value_at(s) - level;
        let (m, vm) = self.convex_min(a, b);
        if vm - level > 0.0 {
            return;
        }
        for (lo, hi) in [(a, m), (m, b)] {
            let (glo, ghi) = (g(lo), g(hi));
            let root = if glo == 0.0 {
                Some(lo)
            } else if (glo > 0.0) != (ghi > 0.0) && ghi != 0.0 {
                let tol = 1e-12 * hi.abs().max(1.0);
                brent(g, Bracket { lo, hi }, tol, 200).ok()
            } else {
                None
            };
            if let Some(r) = root
                && out
                    .last()
                    .is_none_or(|l| (r - l).abs() > 1e-9 * r.abs().max(1.0))
            {
                out.push(r);
            }
        }
    }

    /// Roots of `V(S) = level` over `S ≥ 0` for a power profile, ascending.
    pub(super) fn power_crossings(&self, power: &PowerLeg, level: f64) -> Vec<f64> {
        let pts = self.power_pieces(power);
        let mut out = Vec::new();
        for w in pts.windows(2) {
            self.convex_roots(w[0], w[1], level, &mut out);
        }
        // The last piece is linear with the terminal slope.
        let a = pts.last().copied().unwrap_or(0.0);
        let (va, slope) = (self.value_at(a) - level, self.terminal_slope());
        if slope != 0.0 {
            let root = a - va / slope;
            if root > a && root.is_finite() {
                out.push(root);
            }
        }
        out
    }

    /// [`PayoffProfile::bounds`] of a power profile.
    pub(super) fn power_bounds(&self, power: &PowerLeg) -> Bounds {
        let pts = self.power_pieces(power);
        let slope = self.terminal_slope();
        let hi = pts
            .iter()
            .map(|x| self.value_at(*x))
            .fold(f64::NEG_INFINITY, f64::max);
        let lo = pts
            .windows(2)
            .map(|w| self.convex_min(w[0], w[1]).1)
            .chain(pts.last().map(|x| self.value_at(*x)))
            .fold(f64::INFINITY, f64::min);
        Bounds {
            floor: (slope >= 0.0).then_some(lo),
            cap: (slope <= 0.0).then_some(hi),
            breakevens: self.power_crossings(power, self.all_in_cost),
        }
    }

    /// [`PayoffProfile::return_range`] of a power profile.
    pub(super) fn power_return_range(&self, grid: &PriceGrid) -> (f64, f64) {
        let mut ends = vec![grid.lo];
        ends.extend(
            self.kinks
                .iter()
                .map(|k| k.price)
                .filter(|x| *x > grid.lo && *x < grid.hi),
        );
        ends.push(grid.hi);
        let best = ends
            .iter()
            .map(|x| self.return_at(*x))
            .fold(f64::NEG_INFINITY, f64::max);
        let worst = ends
            .windows(2)
            .map(|w| self.convex_min(w[0], w[1]).1 / self.all_in_cost - 1.0)
            .fold(f64::INFINITY, f64::min);
        (worst, best)
    }

    /// [`PayoffProfile::outlook`] of a power profile: the probabilities exact between the
    /// crossings of each cost, the expectation by Simpson's rule on the normal quantile of
    /// `ln S_T` (4,000 intervals over ±10 standard deviations).
    pub(super) fn power_outlook(&self, power: &PowerLeg, dist: &Lognormal) -> Outlook {
        let below = |level: f64| -> f64 {
            let roots = self.power_crossings(power, level);
            let mut pts = vec![0.0];
            pts.extend(roots);
            pts.push(f64::INFINITY);
            pts.windows(2)
                .filter(|w| {
                    let mid = if w[1].is_finite() {
                        0.5 * (w[0] + w[1])
                    } else {
                        2.0 * w[0] + 1.0
                    };
                    self.value_at(mid) < level
                })
                .map(|w| (dist.cdf(w[1]) - dist.cdf(w[0])).max(0.0))
                .sum::<f64>()
                .clamp(0.0, 1.0)
                + 0.0
        };
        let kinks: Vec<f64> = self.kinks.iter().map(|k| k.price).collect();
        let ev = dist.expectation(|s| self.value_at(s), &kinks);
        Outlook {
            prob_loss: below(self.all_in_cost),
            prob_cover_cash: 1.0 - below(self.cash_cost),
            expected_return: ev / self.all_in_cost - 1.0,
            expected_value: ev,
        }
    }
}
