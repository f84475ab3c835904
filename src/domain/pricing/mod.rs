//! Option pricing: Black–Scholes–Merton, Black-76, Greeks, implied volatility.
//!
//! - [`SpotModel`] (in [`bsm`]): European options on a spot price `S` with continuously
//!   compounded rate `r` and carry / dividend yield `q` (Black–Scholes–Merton).
//! - [`ForwardModel`] (in [`black76`]): European options on a forward / futures price `F`
//!   (Black-76), discounted at `r`.
//! - [`normal`]: `N(x)` and `n(x)` from `libm::erfc`; on the pricing path `N(d1)`, `N(d2)` and
//!   `n(d1)` share one `exp` (Cody's rational approximations, see [`normal`]).
//! - [`implied`]: implied volatility from a premium, to [`IMPLIED_VOL`](crate::domain::tolerance::IMPLIED_VOL).
//! - [`root`]: Brent's bracketing root finder, reused by the collar solver.
//!
//! Both models share one Black formula on the forward `F` (for the spot model
//! `F = S·e^(−qT)/e^(−rT)`), with `D = e^(−rT)`, `s = σ√T`, `ω = +1` for a call, `−1` for a put:
//!
//! ```text
//! d1 = ln(F/K)/s + s/2,   d2 = d1 − s
//! V  = D·ω·(F·N(ω·d1) − K·N(ω·d2))
//! ```
//!
//! Greeks follow QuantLib's `AnalyticEuropeanEngine` / `BlackCalculator` conventions: vega
//! and rho per 1.00 (not per 1 %) change, theta per year of calendar time (`∂V/∂t = −∂V/∂T`),
//! `theta_per_day` is theta per day of [`Act365`].
//!
//! **Degenerate limit** (`s = σ√T < ε`, i.e. `T = 0` or `σ = 0`): the terminal price is
//! certain, `V = D·max(ω(F − K), 0)`, `N(ω·d)` is the step `1{ω(F−K) > 0}` (½ when `F = K`
//! exactly), gamma is 0 (a point mass at the strike, not representable), vega is its `σ → 0`
//! limit `D·F·√T·n(d1)` (0 unless `F = K`, where it is `D·F·√T/√(2π)`), and theta keeps the
//! drift terms only (`r·V − (r − q)·S·delta`, the `T → 0⁺` limit away from the strike;
//! QuantLib's `BlackCalculator::theta` returns 0 at `T = 0` instead). Everything stays finite;
//! no NaN. The threshold `ε` is QuantLib's (`QL_EPSILON`).
//!
//! **Strikes** must be in `[MIN_LEVEL, MAX_LEVEL]`; a zero strike is rejected with
//! [`DomainError::OutOfRange`](crate::domain::DomainError::OutOfRange) (a zero-strike call is just the discounted forward, which the
//! hedge module values directly).

pub mod black76;
pub mod bsm;
pub mod implied;
pub mod normal;
pub mod root;
pub mod smile;

pub use black76::{ForwardModel, ForwardParams};
pub use bsm::{SpotModel, SpotParams};
pub use root::{Bracket, brent};

use crate::domain::Field;
use crate::domain::daycount::Act365;
use crate::domain::error::Result;
use crate::domain::range::Range;

/// Smallest spot, forward or strike accepted (USD per coin). Keeps every Greek finite.
///
/// ```
/// use minerhedge::domain::pricing::{SpotModel, SpotParams, MAX_LEVEL, MIN_LEVEL};
/// let p = SpotParams { spot: MIN_LEVEL, rate: 0.0, dividend_yield: 0.0, vol: 0.5, expiry_years: 1.0 };
/// assert!(SpotModel::new(p).is_ok());
/// assert!(SpotModel::new(SpotParams { spot: MIN_LEVEL / 2.0, ..p }).is_err());
/// assert!(SpotModel::new(SpotParams { spot: MAX_LEVEL * 2.0, ..p }).is_err());
/// ```
pub const MIN_LEVEL: f64 = 1e-12;
/// Largest spot, forward or strike accepted (USD per coin).
pub const MAX_LEVEL: f64 = 1e12;
/// Largest `|r|` and `|q|` accepted (continuously compounded, as a fraction: 1.0 = 100 %).
pub const MAX_ABS_RATE: f64 = 1.0;
/// Largest volatility accepted (as a fraction: 10.0 = 1,000 % a year).
///
/// ```
/// use minerhedge::domain::pricing::{ForwardModel, ForwardParams, MAX_ABS_RATE, MAX_EXPIRY_YEARS, MAX_VOL};
/// let p = ForwardParams { forward: 1.0, rate: MAX_ABS_RATE, vol: MAX_VOL, expiry_years: MAX_EXPIRY_YEARS };
/// assert!(ForwardModel::new(p).is_ok());
/// assert!(ForwardModel::new(ForwardParams { vol: MAX_VOL + 0.1, ..p }).is_err());
/// ```
pub const MAX_VOL: f64 = 10.0;
/// Longest expiry accepted, in years.
pub const MAX_EXPIRY_YEARS: f64 = 100.0;

/// Call or put.
///
/// ```
/// use minerhedge::domain::pricing::OptionKind;
/// assert_eq!(OptionKind::Call.sign(), 1.0);
/// assert_eq!(OptionKind::Put.sign(), -1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OptionKind {
    /// The right to buy at the strike: payoff `max(S_T − K, 0)`.
    Call,
    /// The right to sell at the strike: payoff `max(K − S_T, 0)`.
    Put,
}

impl OptionKind {
    /// `ω`: `+1.0` for a call, `−1.0` for a put, so that the payoff is `max(ω(S_T − K), 0)`.
    ///
    /// ```
    /// use minerhedge::domain::pricing::OptionKind;
    /// let payoff = |k: OptionKind, s: f64, strike: f64| (k.sign() * (s - strike)).max(0.0);
    /// assert_eq!(payoff(OptionKind::Put, 200.0, 250.0), 50.0);
    /// ```
    #[inline]
    pub fn sign(self) -> f64 {
        match self {
            OptionKind::Call => 1.0,
            OptionKind::Put => -1.0,
        }
    }
}

/// Price and sensitivities of one European option (per unit of underlying).
///
/// Conventions (QuantLib's): `vega = ∂V/∂σ` and `rho = ∂V/∂r` per 1.00 change (divide by 100
/// for "per vol point" / "per 1 %"); `theta = ∂V/∂t` per year of calendar time (negative for a
/// long option that loses time value); `theta_per_day` per day of [`Act365`].
///
/// For [`SpotModel`]: `delta = ∂V/∂S`, `gamma = ∂²V/∂S²`, `rho` holds `S` and `q` fixed,
/// `dividend_rho = ∂V/∂q`. For [`ForwardModel`]: `delta = ∂V/∂F`, `gamma = ∂²V/∂F²`, `rho`
/// holds `F` fixed (`= −T·V`) and `dividend_rho` is always `0.0` (Black-76 has no carry).
///
/// ```
/// use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
/// let m = SpotModel::new(SpotParams {
///     spot: 42.0, rate: 0.10, dividend_yield: 0.0, vol: 0.20, expiry_years: 0.5,
/// }).unwrap();
/// let g = m.greeks(OptionKind::Call, 40.0).unwrap();
/// assert!((g.delta - 0.7791).abs() < 1e-4);
/// assert_eq!(g.theta_per_day, minerhedge::domain::daycount::Act365::per_day(g.theta));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Greeks {
    /// Premium `V`.
    pub price: f64,
    /// `∂V/∂S` (spot model) or `∂V/∂F` (forward model).
    pub delta: f64,
    /// `∂²V/∂S²` (spot model) or `∂²V/∂F²` (forward model).
    pub gamma: f64,
    /// `∂V/∂σ`, per 1.00 of volatility.
    pub vega: f64,
    /// `∂V/∂t`, per year of calendar time.
    pub theta: f64,
    /// `theta` per day ([`Act365::per_day`]).
    pub theta_per_day: f64,
    /// `∂V/∂r`, per 1.00 of rate.
    pub rho: f64,
    /// `∂V/∂q`, per 1.00 of dividend yield (spot model); `0.0` for the forward model.
    pub dividend_rho: f64,
}

impl Greeks {
    /// Every field multiplied by `quantity` (a position of `quantity` options; negative for a
    /// short position). Greeks are linear, so a position's Greeks are the sum of its legs'
    /// scaled Greeks (see the `Add` impl).
    ///
    /// ```
    /// use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
    /// let m = SpotModel::new(SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: 0.25 })?;
    /// // A collar: long 10 puts at 220, short 10 calls at 300.
    /// let collar = m.greeks(OptionKind::Put, 220.0)?.scaled(10.0) + m.greeks(OptionKind::Call, 300.0)?.scaled(-10.0);
    /// assert!(collar.delta < 0.0);
    /// assert_eq!(collar.theta_per_day, minerhedge::domain::daycount::Act365::per_day(collar.theta));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn scaled(&self, quantity: f64) -> Greeks {
        Greeks {
            price: self.price * quantity,
            delta: self.delta * quantity,
            gamma: self.gamma * quantity,
            vega: self.vega * quantity,
            theta: self.theta * quantity,
            theta_per_day: Act365::per_day(self.theta * quantity),
            rho: self.rho * quantity,
            dividend_rho: self.dividend_rho * quantity,
        }
    }
}

impl std::ops::Add for Greeks {
    type Output = Greeks;

    /// Field-wise sum (Greeks of a position of two legs on the same underlying).
    ///
    /// ```
    /// use minerhedge::domain::pricing::Greeks;
    /// let a = Greeks { price: 1.0, delta: 0.5, ..Greeks::default() };
    /// assert_eq!((a + a).delta, 1.0);
    /// ```
    fn add(self, o: Greeks) -> Greeks {
        let theta = self.theta + o.theta;
        Greeks {
            price: self.price + o.price,
            delta: self.delta + o.delta,
            gamma: self.gamma + o.gamma,
            vega: self.vega + o.vega,
            theta,
            theta_per_day: Act365::per_day(theta),
            rho: self.rho + o.rho,
            dividend_rho: self.dividend_rho + o.dividend_rho,
        }
    }
}

/// Validates a strike: finite, in `[MIN_LEVEL, MAX_LEVEL]`.
#[inline(always)]
pub(crate) fn check_strike(strike: f64) -> Result<f64> {
    level(Field::Strike, strike)
}

/// Validates a spot / forward / strike level.
///
/// The validators are forced inline: they sit on the per-option path of pricing, and the
/// accepted case is one range test (NaN and ±∞ fail it: the bounds are finite).
#[inline(always)]
pub(crate) fn level(field: Field, v: f64) -> Result<f64> {
    if (MIN_LEVEL..=MAX_LEVEL).contains(&v) {
        Ok(v)
    } else {
        level_error(field, v)
    }
}

/// The refusal of [`level`], out of line (it formats a message; the accepted case does not).
#[cold]
#[inline(never)]
fn level_error(field: Field, v: f64) -> Result<f64> {
    const { Range::closed(MIN_LEVEL, MAX_LEVEL) }.check(field, v)
}

/// [`Range::check`] of `[lo, hi]` with its accepted case inline: `lo ≤ v ≤ hi` for finite
/// bounds is exactly its test (`v` finite and in range); anything else goes to it for the
/// error.
#[inline(always)]
fn in_range(field: Field, v: f64, lo: f64, hi: f64) -> Result<f64> {
    if (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Range::closed(lo, hi).check(field, v)
    }
}

/// Validates a continuously compounded rate / yield.
#[inline(always)]
pub(crate) fn rate(field: Field, v: f64) -> Result<f64> {
    in_range(field, v, -MAX_ABS_RATE, MAX_ABS_RATE)
}

/// Validates a volatility.
#[inline(always)]
pub(crate) fn vol(v: f64) -> Result<f64> {
    in_range(Field::Volatility, v, 0.0, MAX_VOL)
}

/// Validates an expiry in years.
#[inline(always)]
pub(crate) fn expiry(v: f64) -> Result<f64> {
    in_range(Field::Expiry, v, 0.0, MAX_EXPIRY_YEARS)
}

/// `N(ω·d1)`, `N(ω·d2)` and `n(d1)` of the Black formula, computed once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Black {
    /// `ω`.
    pub w: f64,
    /// `N(ω·d1)`.
    pub cum1: f64,
    /// `N(ω·d2)`.
    pub cum2: f64,
    /// `n(d1)`.
    pub pdf1: f64,
    /// `true` when `σ√T < ε` (the deterministic limit).
    pub degenerate: bool,
}

impl Black {
    /// Evaluates the Black terms for forward `f`, strike `k` and total deviation `s = σ√T`.
    #[inline]
    pub fn new(kind: OptionKind, f: f64, k: f64, s: f64) -> Black {
        let fk = f / k;
        Black::with_log(kind, fk, fk.ln(), s)
    }

    /// [`Black::new`] given `F/K` and `ln(F/K)` already computed (the smile's fixed point
    /// has them).
    #[inline]
    pub fn with_log(kind: OptionKind, fk: f64, ln_fk: f64, s: f64) -> Black {
        let w = kind.sign();
        if s >= f64::EPSILON {
            let d1 = ln_fk / s + 0.5 * s;
            let d2 = d1 - s;
            if d1.abs() <= normal::GAUSS_RANGE && d2.abs() <= normal::GAUSS_RANGE {
                return Black::with_gauss(kind, fk, d1, d2, (-0.5 * d1 * d1).exp());
            }
            Black {
                w,
                cum1: normal::cdf(w * d1),
                cum2: normal::cdf(w * d2),
                pdf1: normal::pdf(d1),
                degenerate: false,
            }
        } else {
            // `F/K` rounds to 1 only when `F = K` (neighbouring doubles differ by more than
            // half an ulp of 1 in ratio), and has the sign of `F − K` against 1.
            let (cum, pdf1) = if fk == 1.0 {
                (0.5, normal::FRAC_1_SQRT_2PI)
            } else if w * (fk - 1.0) > 0.0 {
                (1.0, 0.0)
            } else {
                (0.0, 0.0)
            };
            Black {
                w,
                cum1: cum,
                cum2: cum,
                pdf1,
                degenerate: true,
            }
        }
    }

    /// The Black terms from `d1`, `d2` (both within [`normal::GAUSS_RANGE`]) and
    /// `gauss = e^(−d1²/2)`: one exp serves all three, as `e^(−d2²/2) = e^(−d1²/2)·F/K`
    /// (`d1²/2 − d2²/2 = d1·s − s²/2 = ln(F/K)`).
    #[inline]
    pub fn with_gauss(kind: OptionKind, fk: f64, d1: f64, d2: f64, gauss: f64) -> Black {
        let cum1 = normal::cdf_with_gauss(kind.sign() * d1, gauss);
        Black::with_cum1(kind, fk, d2, gauss, cum1)
    }

    /// [`Black::with_gauss`] given `cum1 = N(ω·d1)` already computed (the smile's fixed
    /// point has it).
    #[inline]
    pub fn with_cum1(kind: OptionKind, fk: f64, d2: f64, gauss: f64, cum1: f64) -> Black {
        let w = kind.sign();
        Black {
            w,
            cum1,
            cum2: normal::cdf_with_gauss(w * d2, gauss * fk),
            pdf1: normal::FRAC_1_SQRT_2PI * gauss,
            degenerate: false,
        }
    }

    /// Undiscounted value `ω·(F·N(ω·d1) − K·N(ω·d2))`, never below 0.
    #[inline(always)]
    pub fn forward_value(&self, f: f64, k: f64) -> f64 {
        (self.w * (f * self.cum1 - k * self.cum2)).max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared-`exp` path of [`Black::new`] against `libm::erfc` for every `N` and a direct
    /// `exp` for `n`, over forwards and strikes 1e−6…1e6 apart and `σ√T` from 1e−4 to 10.
    #[test]
    fn shared_exp_path_agrees_with_erfc_path() {
        let mut worst = 0.0_f64;
        let mut fast_cases = 0;
        for i in 0..=60 {
            let ln_fk = -14.0 + 28.0 * f64::from(i) / 60.0 + 1e-3;
            for j in 0..=40 {
                let s = 1e-4 * 10f64.powf(5.0 * f64::from(j) / 40.0);
                for kind in [OptionKind::Call, OptionKind::Put] {
                    let (f, k) = (250.0 * ln_fk.exp(), 250.0);
                    let b = Black::new(kind, f, k, s);
                    let w = kind.sign();
                    let d1 = (f / k).ln() / s + 0.5 * s;
                    let d2 = d1 - s;
                    if d1.abs() > normal::GAUSS_RANGE || d2.abs() > normal::GAUSS_RANGE {
                        continue;
                    }
                    fast_cases += 1;
                    // Each value's own conditioning: e^(−d²/2) is good to about d²/2 ulps.
                    let scale = 1.0 + d1 * d1 + d2 * d2;
                    for (got, want) in [
                        (b.cum1, normal::cdf(w * d1)),
                        (b.cum2, normal::cdf(w * d2)),
                        (b.pdf1, normal::pdf(d1)),
                    ] {
                        let err = if want < 0.5 {
                            (got / want - 1.0).abs()
                        } else {
                            (got - want).abs()
                        };
                        worst = worst.max(err / scale);
                        assert!(
                            err <= 1e-15 * scale,
                            "f = {f}, k = {k}, s = {s}: {got} vs {want}"
                        );
                    }
                }
            }
        }
        assert!(
            fast_cases > 1800,
            "{fast_cases} cases on the shared-exp path"
        );
        assert!(worst <= 1e-15, "worst scaled error {worst:e}");
    }
}
