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
//! is the fixed point `σ = σ(N(d1(σ)))`, found by Newton's method from the at-the-money vol
//! (Brent's method should it leave the smile's range of vols, where the fixed point lies,
//! since `σ(δ)` does). With `RR = BF = 0` every
//! strike has `σ_ATM` and [`SmileModel`] prices exactly as [`ForwardModel`].

use super::root::{brent, Bracket};
use super::{normal, vol, ForwardModel, ForwardParams, OptionKind};
use crate::domain::error::Result;
use crate::domain::range::Range;
use crate::domain::tolerance::ROOT;
use crate::domain::Field;

/// Deltas outside this range are looked up at its ends.
const DELTA_CLAMP: (f64, f64) = (0.05, 0.95);

/// Newton steps before the fixed point falls back to Brent's method.
const NEWTON_STEPS: usize = 8;

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
        let smile = Smile { atm, rr, bf };
        let (lo, _) = smile.bounds();
        if lo <= 0.0 {
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
        let x = delta.clamp(DELTA_CLAMP.0, DELTA_CLAMP.1) - 0.5;
        self.atm - 2.0 * self.rr * x + 16.0 * self.bf * x * x
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
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn vol(&self, forward: f64, strike: f64, years: f64) -> Result<f64> {
        let f = super::level(Field::Forward, forward)?;
        let k = super::check_strike(strike)?;
        let sqrt_t = super::expiry(years)?.sqrt();
        if self.is_flat() || sqrt_t == 0.0 {
            return Ok(self.atm);
        }
        let ln_fk = (f / k).ln();
        let (lo, hi) = self.bounds();
        if hi - lo <= f64::EPSILON * hi {
            return Ok(lo);
        }
        // g(σ) = σ − σ(N(d1(σ))): Newton's method from the at-the-money vol (two or three
        // steps: the smile is gentle), Brent's method on [lo, hi] should it stray.
        let g = |sigma: f64| {
            let s = sigma * sqrt_t;
            let d1 = ln_fk / s + 0.5 * s;
            // One exp for N(d1) and n(d1), as in the Black formula.
            let (delta, density) = if d1.abs() <= normal::GAUSS_RANGE {
                let gauss = (-0.5 * d1 * d1).exp();
                (
                    normal::cdf_with_gauss(d1, gauss),
                    normal::FRAC_1_SQRT_2PI * gauss,
                )
            } else {
                (normal::cdf(d1), normal::pdf(d1))
            };
            let value = sigma - self.at_delta(delta);
            let inside = (DELTA_CLAMP.0..=DELTA_CLAMP.1).contains(&delta);
            let slope = if inside {
                let x = delta - 0.5;
                let ds_ddelta = -2.0 * self.rr + 32.0 * self.bf * x;
                let dd1 = -ln_fk / (sigma * s) + 0.5 * sqrt_t;
                1.0 - ds_ddelta * density * dd1
            } else {
                1.0
            };
            (value, slope)
        };
        let mut sigma = self.atm.clamp(lo, hi);
        for _ in 0..NEWTON_STEPS {
            let (value, slope) = g(sigma);
            let next = sigma - value / slope;
            if !(lo..=hi).contains(&next) {
                break;
            }
            // Newton's error after a step is about the square of the step (times g''/2g',
            // of order 1 here): a step under 1e-8 leaves an error under 1e-15.
            if (next - sigma).abs() <= 1e-8 * sigma {
                return Ok(next);
            }
            sigma = next;
        }
        brent(|sigma| g(sigma).0, Bracket { lo, hi }, ROOT, 100)
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
}

impl SmileModel {
    /// The market `params` (its `vol` is replaced by each strike's smile vol) and the smile.
    pub fn new(params: ForwardParams, smile: Smile) -> Result<Self> {
        let base = ForwardModel::new(ForwardParams {
            vol: smile.atm,
            ..params
        })?;
        Ok(SmileModel { base, smile })
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
    pub fn price(&self, kind: OptionKind, strike: f64) -> Result<f64> {
        self.at_strike(strike)?.price(kind, strike)
    }
}
