//! A volatility smile in delta: the at-the-money vol, the 25-delta risk reversal and the
//! 25-delta butterfly, as crypto option desks quote it.
//!
//! With `δ` the option's forward call delta `N(d1)` (of a put too: its call's delta) taken
//! with the option's own vol, clamped to `[0.05, 0.95]` for the lookup, and `x = δ − ½`:
//!
//! ```text
//! σ(δ) = σ_ATM − 2·RR·x + 16·BF·x²
//! ```
//!
//! so the 25-delta call (`δ = 0.25`) has `σ_ATM + RR/2 + BF` and the 25-delta put (`δ = 0.75`)
//! `σ_ATM − RR/2 + BF`: a negative risk reversal makes puts dearer than calls. A strike's vol
//! is the fixed point `σ = σ(N(d1(σ)))`, found by Halley's method from the at-the-money vol
//! (Brent's method should it leave the smile's range of vols, where the fixed point lies,
//! since `σ(δ)` does). With `RR = BF = 0` every strike has `σ_ATM` and [`SmileModel`]
//! prices exactly as [`ForwardModel`].

use super::root::{Bracket, brent};
use super::{Black, ForwardModel, ForwardParams, OptionKind, normal, vol};
use crate::domain::Field;
use crate::domain::error::Result;
use crate::domain::range::Range;
use crate::domain::tolerance::ROOT;

/// Deltas outside this range are looked up at its ends.
const DELTA_CLAMP: (f64, f64) = (0.05, 0.95);

/// A smile: at-the-money vol, 25-delta risk reversal and butterfly (fractions: 5 vol points
/// is `0.05`).
///
/// ```
/// use minerhedge::domain::pricing::smile::Smile;
/// let s = Smile::new(0.60, -0.05, 0.01)?;
/// assert!((s.at_delta(0.25) - (0.60 - 0.025 + 0.01)).abs() < 1e-15); // 25-delta call
/// assert!((s.at_delta(0.75) - (0.60 + 0.025 + 0.01)).abs() < 1e-15); // 25-delta put
/// assert_eq!(s.at_delta(0.5), 0.60);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Smile {
    atm: f64,
    rr: f64,
    bf: f64,
    /// The lowest and highest vol over the clamped deltas ([`Smile::bounds`]), kept: the
    /// fixed point lies between them, and its search stays there.
    lo: f64,
    hi: f64,
    /// `1/atm`, where the search starts.
    per_atm: f64,
    /// The smile as a quadratic in `x = δ − ½` inside the clamp: `atm + tilt·x + bend·x²`
    /// (`tilt = −2·RR`, `bend = 16·BF`).
    tilt: f64,
    bend: f64,
}

impl Smile {
    /// Validates the smile: `atm` a volatility, `rr` and `bf` within ±1 (100 vol points), and
    /// every vol of the smile above 0.
    ///
    /// ```
    /// use minerhedge::domain::pricing::smile::Smile;
    /// use minerhedge::domain::Field;
    /// let e = Smile::new(0.10, 0.50, 0.0).unwrap_err(); // the 5-delta call would be below 0
    /// assert_eq!(e.field(), Some(Field::RiskReversal));
    /// ```
    pub fn new(atm: f64, rr: f64, bf: f64) -> Result<Self> {
        let atm = vol(atm)?;
        let points = const { Range::closed(-1.0, 1.0) };
        let rr = points.check(Field::RiskReversal, rr)?;
        let bf = points.check(Field::Butterfly, bf)?;
        let mut smile = Smile {
            atm,
            rr,
            bf,
            lo: atm,
            hi: atm,
            per_atm: 1.0 / atm,
            tilt: -2.0 * rr,
            bend: 16.0 * bf,
        };
        (smile.lo, smile.hi) = smile.bounds();
        if smile.lo <= 0.0 {
            let field = if bf < 0.0 {
                Field::Butterfly
            } else {
                Field::RiskReversal
            };
            let value = if field == Field::Butterfly { bf } else { rr };
            return Err(crate::domain::DomainError::out_of_range(
                field,
                value,
                "small enough that every vol of the smile (deltas 5 % to 95 %) stays above 0",
            ));
        }
        Ok(smile)
    }

    /// The flat smile of `atm` (no skew, no wings).
    pub fn flat(atm: f64) -> Result<Self> {
        Smile::new(atm, 0.0, 0.0)
    }

    /// The at-the-money vol.
    pub fn atm(&self) -> f64 {
        self.atm
    }

    /// `true` when every strike has the at-the-money vol.
    pub fn is_flat(&self) -> bool {
        self.rr == 0.0 && self.bf == 0.0
    }

    /// The smile's vol at forward call delta `delta` (clamped to `[0.05, 0.95]`).
    pub fn at_delta(&self, delta: f64) -> f64 {
        self.at_centred(delta.clamp(DELTA_CLAMP.0, DELTA_CLAMP.1) - 0.5)
    }

    /// The smile's vol at `x = δ − ½` for `δ` inside the clamp.
    #[inline(always)]
    fn at_centred(&self, x: f64) -> f64 {
        self.atm + self.tilt * x + self.bend * x * x
    }

    /// The lowest and highest vol of the smile over the clamped deltas.
    fn bounds(&self) -> (f64, f64) {
        let (a, b) = (self.at_delta(DELTA_CLAMP.0), self.at_delta(DELTA_CLAMP.1));
        let (mut lo, mut hi) = (a.min(b), a.max(b));
        if self.bf != 0.0 {
            // Vertex of the parabola in x: x* = RR / (16·BF).
            let x = self.rr / (16.0 * self.bf);
            if (DELTA_CLAMP.0 - 0.5..=DELTA_CLAMP.1 - 0.5).contains(&x) {
                let v = self.at_delta(x + 0.5);
                (lo, hi) = (lo.min(v), hi.max(v));
            }
        }
        (lo, hi)
    }

    /// The vol of strike `strike` on forward `forward` with `years` to expiry: the fixed
    /// point `σ = σ(N(d1(σ)))` (the at-the-money vol when the smile is flat or `years` is 0).
    ///
    /// ```
    /// use minerhedge::domain::pricing::smile::Smile;
    /// let s = Smile::new(0.60, -0.10, 0.02)?;
    /// let low = s.vol(100_000.0, 70_000.0, 0.5)?;  // a low put strike: on the put wing
    /// let high = s.vol(100_000.0, 140_000.0, 0.5)?; // a high call strike
    /// assert!(low > high); // negative risk reversal: puts dearer
    /// assert_eq!(s.vol(100_000.0, 70_000.0, 0.0)?, 0.60); // at expiry: the at-the-money vol
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn vol(&self, forward: f64, strike: f64, years: f64) -> Result<f64> {
        let f = super::level(Field::Forward, forward)?;
        let k = super::check_strike(strike)?;
        let sqrt_t = super::expiry(years)?.sqrt();
        Ok(self
            .fixed_point(Moneyness::new(f / k, sqrt_t, 1.0 / sqrt_t))?
            .sigma)
    }

    /// The fixed point of [`Smile::vol`] at `x`.
    ///
    /// Halley's method from the at-the-money vol: `g(σ) = σ − σ(N(d1(σ)))` and its first two
    /// derivatives come from the one Gaussian factor `e^(−d1²/2)` that `N(d1)` needs (an
    /// `exp` at the first evaluation, then found from the last one's: [`Near::gauss_at`]),
    /// and the error after a step is about the cube of the step, so two evaluations usually
    /// settle it. Brent's method on the
    /// smile's range of vols (where the fixed point lies, since `σ(δ)` does) takes over
    /// should a step leave that range.
    ///
    /// Inlined into its two callers, [`Smile::vol`] and [`SmileModel::price`] (the page's
    /// build inlines it there already: its size does not change), so that a premium passes
    /// nothing through memory.
    #[inline(always)]
    fn fixed_point(&self, x: Moneyness) -> Result<FixedPoint> {
        let (lo, hi) = (self.lo, self.hi);
        if x.sqrt_t == 0.0 {
            return Ok(FixedPoint {
                sigma: self.atm,
                last: None,
            });
        }
        // A flat smile too (its `lo` and `hi` are the at-the-money vol).
        if hi - lo <= f64::EPSILON * hi {
            return Ok(FixedPoint {
                sigma: lo,
                last: None,
            });
        }
        // σ(½) is the at-the-money vol, so it lies in [lo, hi].
        let (mut sigma, mut per_sigma) = (self.atm, self.per_atm);
        // No evaluation yet: NaN, so that the first Gaussian factor takes `exp`.
        let mut last = Near {
            d1: f64::NAN,
            gauss: f64::NAN,
        };
        for _ in 0..HALLEY_STEPS {
            let at = self.gap(sigma, per_sigma, x, last);
            // The next vol and its reciprocal, two divisions side by side (not one after the
            // other: the iteration's time is the length of this chain).
            let (num, den) = at.halley_fraction();
            let next = num / den;
            if !(lo..=hi).contains(&next) {
                break;
            }
            if at.settled(next - sigma, sigma) {
                return Ok(FixedPoint {
                    sigma: next,
                    last: Some(Last {
                        sigma,
                        d1: at.d1,
                        gauss: at.gauss,
                        lower: at.lower,
                    }),
                });
            }
            (sigma, per_sigma) = (next, den / num);
            last = Near {
                d1: at.d1,
                gauss: at.gauss,
            };
        }
        // `g(lo) ≤ 0 ≤ g(hi)` (σ(δ) stays in [lo, hi]), so Brent's bracket holds.
        let sigma = brent(
            |sigma| sigma - self.at_delta(normal::cdf(x.d1(sigma, 1.0 / sigma))),
            Bracket { lo, hi },
            ROOT,
            100,
        )?;
        Ok(FixedPoint { sigma, last: None })
    }

    /// `g(σ) = σ − σ(N(d1(σ)))` at `sigma`, with `g'`, `g''` and the delta they come from.
    ///
    /// With `d1' = −d2/σ` and `d1'' = (d1 + d2)/σ²`: `δ' = n(d1)·d1'`,
    /// `δ'' = n(d1)·(d1'' − d1·d1'²)`, `g' = 1 − σ_δ·δ'` and `g'' = −σ_δδ·δ'² − σ_δ·δ''`, where
    /// `σ_δ = −2·RR + 32·BF·(δ − ½)` and `σ_δδ = 32·BF` inside the clamp (0 outside it).
    /// No division but `N`'s (`per_sigma` is `1/σ`): on this path a division costs about as
    /// much as the `exp`. `last` is the last evaluation (NaN before the first). Inlined into
    /// its one caller, the Halley loop.
    #[inline(always)]
    fn gap(&self, sigma: f64, per_sigma: f64, x: Moneyness, last: Near) -> Gap {
        let d1 = x.d1(sigma, per_sigma);
        let d2 = d1 - sigma * x.sqrt_t;
        // One Gaussian factor for N(d1) and n(d1), as in the Black formula.
        let gauss = last.gauss_at(d1);
        // N(d1) and N(−d1) from the smaller of the two: each then to its last digit, as
        // `cdf_with_gauss` computes the larger.
        let lower = if d1.abs() <= normal::GAUSS_RANGE {
            normal::cdf_with_gauss(-d1.abs(), gauss)
        } else {
            normal::cdf(-d1.abs())
        };
        let delta = from_lower(d1, lower);
        let density = normal::FRAC_1_SQRT_2PI * gauss;
        let dd1 = -d2 * per_sigma;
        let delta_slope = density * dd1;
        // Inside the clamp the smile is looked up without clamping (a shorter chain from
        // `delta` to the step, with the same value).
        let (value, slope, half_curvature) = if inside(delta) {
            let x = delta - 0.5;
            let s1 = self.tilt + 2.0 * self.bend * x;
            let half_s2 = self.bend;
            let half_delta_curve =
                density * (0.5 * ((d1 + d2) * per_sigma * per_sigma - d1 * dd1 * dd1));
            (
                sigma - self.at_centred(x),
                1.0 - s1 * delta_slope,
                -half_s2 * delta_slope * delta_slope - s1 * half_delta_curve,
            )
        } else {
            (sigma - self.at_delta(delta), 1.0, 0.0)
        };
        Gap {
            sigma,
            d1,
            gauss,
            value,
            slope,
            half_curvature,
            delta,
            lower,
            delta_slope,
        }
    }
}

/// Halley steps before the fixed point falls back to Brent's method.
const HALLEY_STEPS: usize = 12;

/// A Halley step at most this share of `σ` settles the fixed point: the error after it is
/// about `C·step³`, with `C` below 0.5 over smiles of up to ±30 vol points of risk reversal
/// and 8 of butterfly, expiries of 2 days to 5 years and strikes ×0.2…×4.5 the forward
/// (`tests/native/smile.rs` holds the result to a bisection of `g` within `1e−14·σ` there).
const CUBIC_STOP: f64 = 1e-5;

/// A step this small settles the fixed point anywhere, even at the clamp's kink.
const TINY_STOP: f64 = 1e-13;

/// `true` when `delta` is looked up as it is (not at an end of the clamp).
#[inline]
fn inside(delta: f64) -> bool {
    (DELTA_CLAMP.0..=DELTA_CLAMP.1).contains(&delta)
}

/// A strike's place against the forward, as the fixed point and the premium use it.
#[derive(Debug, Clone, Copy)]
struct Moneyness {
    /// `F/K`.
    fk: f64,
    /// `ln(F/K)`.
    ln_fk: f64,
    /// `√T`.
    sqrt_t: f64,
    /// `1/√T` (∞ when `T` is 0: unused then).
    per_sqrt_t: f64,
}

impl Moneyness {
    /// `d1 = ln(F/K)/(σ√T) + σ√T/2` at `sigma` (`per_sigma` is `1/σ`).
    #[inline(always)]
    fn d1(&self, sigma: f64, per_sigma: f64) -> f64 {
        self.ln_fk * (per_sigma * self.per_sqrt_t) + 0.5 * (sigma * self.sqrt_t)
    }

    fn new(fk: f64, sqrt_t: f64, per_sqrt_t: f64) -> Moneyness {
        Moneyness {
            fk,
            ln_fk: fk.ln(),
            sqrt_t,
            per_sqrt_t,
        }
    }
}

/// The fixed point, with Halley's last evaluation when it settled there.
#[derive(Debug, Clone, Copy)]
struct FixedPoint {
    /// The strike's vol.
    sigma: f64,
    /// Halley's last evaluation, at a vol within [`CUBIC_STOP`] of `sigma` (none after
    /// Brent's method or without a smile).
    last: Option<Last>,
}

/// What the premium needs of the fixed point's last evaluation.
#[derive(Debug, Clone, Copy)]
struct Last {
    /// Its `σ`.
    sigma: f64,
    /// `d1` and `e^(−d1²/2)` there.
    d1: f64,
    gauss: f64,
    /// `N(−|d1|)` there.
    lower: f64,
}

impl Last {
    /// `N(ω·d1)` to its last digit.
    fn cum1(&self, kind: OptionKind) -> f64 {
        from_lower(kind.sign() * self.d1, self.lower)
    }
}

/// `N(x)` from `lower = N(−|x|)`: the smaller tail as it is, the larger as `1 −` it (as
/// `cdf_with_gauss` computes the larger), so each keeps its last digit.
#[inline(always)]
fn from_lower(x: f64, lower: f64) -> f64 {
    if x > 0.0 { 1.0 - lower } else { lower }
}

/// The last evaluation's `d1` and `e^(−d1²/2)`, from which the next one's Gaussian factor
/// is found.
#[derive(Debug, Clone, Copy)]
struct Near {
    d1: f64,
    gauss: f64,
}

impl Near {
    /// `e^(−d1²/2)` at `d1` from this evaluation's: `e^(−d0²/2)·e^u` with
    /// `u = −(d1 − d0)·(d1 + d0)/2`, and `e^u` by its Taylor series to `u⁷` when
    /// `|u| ≤ 1/64` (the series' remainder is then below `1e−19` of it: a later Halley step
    /// moves `d1` little), by `exp` otherwise.
    #[inline(always)]
    fn gauss_at(&self, d1: f64) -> f64 {
        let u = -0.5 * (d1 - self.d1) * (d1 + self.d1);
        // NaN (no evaluation yet) fails the test too.
        if u.abs() <= 1.0 / 64.0 {
            // e^u − 1 = u + u²/2! + … + u⁷/7!, by Estrin's scheme; the 1 is added last, to
            // the product, so that it is rounded once.
            let u2 = u * u;
            let low = u + u2 * (1.0 / 2.0 + u * (1.0 / 6.0));
            let high = (1.0 / 24.0 + u * (1.0 / 120.0)) + u2 * (1.0 / 720.0 + u * (1.0 / 5040.0));
            self.gauss + self.gauss * (low + high * (u2 * u2))
        } else {
            (-0.5 * d1 * d1).exp()
        }
    }
}

/// [`Smile::gap`]'s result at one `σ`.
#[derive(Debug, Clone, Copy)]
struct Gap {
    /// `σ`.
    sigma: f64,
    /// `d1` at `σ`.
    d1: f64,
    /// `e^(−d1²/2)`.
    gauss: f64,
    /// `g(σ)`.
    value: f64,
    /// `g'(σ)`.
    slope: f64,
    /// `g''(σ)/2`.
    half_curvature: f64,
    /// `N(d1)`.
    delta: f64,
    /// `N(−|d1|)`, to its last digit.
    lower: f64,
    /// `dN(d1)/dσ`.
    delta_slope: f64,
}

impl Gap {
    /// Halley's next vol `σ − g·g'/(g'² − g·g''/2)` as a fraction `(numerator, denominator)`,
    /// or Newton's `σ − g/g'` when Halley's correction would more than double the step (its
    /// denominator below half of `g'²`).
    #[inline]
    fn halley_fraction(&self) -> (f64, f64) {
        let slope2 = self.slope * self.slope;
        let den = slope2 - self.value * self.half_curvature;
        if den > 0.5 * slope2 {
            (self.sigma * den - self.value * self.slope, den)
        } else {
            (self.sigma * self.slope - self.value, self.slope)
        }
    }

    /// Whether `sigma + step` is the fixed point to the last digits: a step under
    /// [`CUBIC_STOP`] when the delta stays on this side of the clamp's kink until the
    /// fixed point (Halley's cubic error needs `g` smooth in between), any step under
    /// [`TINY_STOP`].
    #[inline]
    fn settled(&self, step: f64, sigma: f64) -> bool {
        let size = step.abs();
        if size > CUBIC_STOP * sigma {
            return false;
        }
        if size <= TINY_STOP * sigma {
            return true;
        }
        // The delta moves by about `delta_slope·step` until the fixed point: settled when
        // twice that does not reach the kink at `|δ − ½| = 0.45`, on either side of it.
        let reach = 2.0 * (self.delta_slope * step).abs();
        let margin = (self.delta - 0.5).abs() - (DELTA_CLAMP.1 - 0.5);
        margin.abs() > reach
    }
}

/// Black-76 with a smile: each strike is priced at its own vol ([`Smile::vol`]).
///
/// ```
/// use minerhedge::domain::pricing::smile::{Smile, SmileModel};
/// use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind};
/// let p = ForwardParams { forward: 100_000.0, rate: 0.04, vol: 0.6, expiry_years: 0.25 };
/// let flat = SmileModel::new(p, Smile::flat(0.6)?)?;
/// let plain = ForwardModel::new(p)?;
/// assert_eq!(flat.price(OptionKind::Put, 90_000.0)?, plain.price(OptionKind::Put, 90_000.0)?);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SmileModel {
    base: ForwardModel,
    smile: Smile,
    /// `1/√T` (∞ at expiry: unused then).
    per_sqrt_t: f64,
}

impl SmileModel {
    /// The market `params` (its `vol` is replaced by each strike's smile vol) and the smile.
    pub fn new(params: ForwardParams, smile: Smile) -> Result<Self> {
        let base = ForwardModel::new(ForwardParams {
            vol: smile.atm,
            ..params
        })?;
        Ok(SmileModel {
            base,
            smile,
            per_sqrt_t: 1.0 / base.sqrt_t(),
        })
    }

    /// The smile.
    pub fn smile(&self) -> Smile {
        self.smile
    }

    /// The vol of `strike`.
    pub fn vol(&self, strike: f64) -> Result<f64> {
        let p = self.base.params();
        self.smile.vol(p.forward, strike, p.expiry_years)
    }

    /// The Black-76 model at the vol of `strike`.
    pub fn at_strike(&self, strike: f64) -> Result<ForwardModel> {
        self.base.with_vol(self.vol(strike)?)
    }

    /// Premium of `kind` at `strike`, at that strike's vol.
    ///
    /// The fixed point's last evaluation has `d1` and `e^(−d1²/2)` at a vol `σₙ` within
    /// `1e−5·σ` of the strike's vol `σ`: the premium is Black's there plus the Taylor
    /// terms to `σ`, `vega·h + ½·volga·h²` (`h = σ − σₙ`, `volga = vega·d1·d2/σₙ`). The next
    /// term is of order `(h/σₙ)³·(1 + d1²·d2²) ≤ 1e−15·(1 + d1²·d2²)` of `vega·σ`: the premium
    /// to the last digits without a second `exp` (`tests/native/smile.rs` holds it to Black-76
    /// at the strike's vol within `1e−13` of the premium).
    pub fn price(&self, kind: OptionKind, strike: f64) -> Result<f64> {
        let k = super::check_strike(strike)?;
        let f = self.base.params().forward;
        let x = Moneyness::new(f / k, self.base.sqrt_t(), self.per_sqrt_t);
        let point = self.smile.fixed_point(x)?;
        let sigma = vol(point.sigma)?;
        let near = point.last.and_then(|at| {
            let d2 = at.d1 - at.sigma * x.sqrt_t;
            let inside = at.d1.abs() <= normal::GAUSS_RANGE && d2.abs() <= normal::GAUSS_RANGE;
            inside.then(|| {
                (
                    at,
                    d2,
                    Black::with_cum1(kind, x.fk, d2, at.gauss, at.cum1(kind)),
                )
            })
        });
        let Some((at, d2, b)) = near else {
            return Ok(self.base.price_at_vol(kind, k, x.ln_fk, sigma));
        };
        let h = sigma - at.sigma;
        let vega = f * x.sqrt_t * b.pdf1;
        let value = b.forward_value(f, k) + vega * h * (1.0 + 0.5 * at.d1 * d2 * h / at.sigma);
        Ok(self.base.discount() * value.max(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Gaussian factor found from the last evaluation's is a direct `exp`'s to its
    /// rounding (each carries the rounding of its own `d²/2`, about `d²·ε`), over `d1` from
    /// −12 to 12 and moves of either sign, inside the series' range and beyond it.
    #[test]
    fn the_gaussian_factor_from_the_last_evaluation_is_exp_s() {
        let (mut worst, mut by_series) = (0.0_f64, 0);
        for i in 0..=480 {
            let d0 = -12.0 + 24.0 * f64::from(i) / 480.0 + 1e-3;
            let last = Near {
                d1: d0,
                gauss: (-0.5 * d0 * d0).exp(),
            };
            for j in -40..=40 {
                let d1 = d0 + f64::from(j) * 1e-3 * (1.0 + d0.abs()).recip();
                let exact = (-0.5 * d1 * d1).exp();
                let error = (last.gauss_at(d1) / exact - 1.0).abs() / (1.0 + d1 * d1);
                worst = worst.max(error);
                let u = 0.5 * (d1 - d0) * (d1 + d0);
                by_series += usize::from(u.abs() <= 1.0 / 64.0 && j != 0);
            }
        }
        assert!(worst < 3e-16, "worst {worst:e}");
        assert!(by_series > 15_000, "{by_series} moves by the series");
    }

    /// Before the first evaluation (NaN) the factor is the `exp` itself.
    #[test]
    fn the_first_gaussian_factor_is_exp() {
        let none = Near {
            d1: f64::NAN,
            gauss: f64::NAN,
        };
        assert_eq!(none.gauss_at(1.5), (-0.5_f64 * 1.5 * 1.5).exp());
    }
}
