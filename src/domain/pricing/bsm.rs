//! Black–Scholes–Merton: European options on a spot price with rate `r` and carry `q`.
//!
//! With `D = e^(−rT)`, `Q = e^(−qT)`, forward `F = S·Q/D`, `s = σ√T`, `ω = ±1`:
//!
//! ```text
//! d1 = ln(F/K)/s + s/2,  d2 = d1 − s
//! V      = D·ω·(F·N(ω d1) − K·N(ω d2))  = ω·(S·Q·N(ω d1) − K·D·N(ω d2))
//! delta  = ω·Q·N(ω d1)
//! gamma  = Q·n(d1) / (S·s)
//! vega   = S·Q·n(d1)·√T
//! theta  = −S·Q·n(d1)·σ/(2√T) + ω·(q·S·Q·N(ω d1) − r·K·D·N(ω d2))     (per year)
//! rho    = ω·K·T·D·N(ω d2)
//! dividend_rho = −ω·S·T·Q·N(ω d1)
//! ```
//!
//! These are QuantLib's `AnalyticEuropeanEngine` results (its theta is the same quantity,
//! written as `−(ln D·V + ln(F/S)·S·delta + ½σ²T·S²·gamma)/T`). See the module docs of
//! [`pricing`](super) for the degenerate limit `σ√T → 0`.

use super::{Black, Greeks, OptionKind, check_strike, expiry, implied, level, rate, vol};
use crate::domain::Field;
use crate::domain::daycount::Act365;
use crate::domain::error::Result;

/// `e^(−x)`, without calling `exp` when `x = 0` (no carry, zero rate or `T = 0`), where the
/// result is exactly `1.0` either way.
#[inline]
fn discount_factor(x: f64) -> f64 {
    if x == 0.0 { 1.0 } else { (-x).exp() }
}

/// Inputs of [`SpotModel::new`] (fractions, not percents: 5 % is `0.05`).
///
/// ```
/// use minerhedge::domain::pricing::{SpotModel, SpotParams};
/// use minerhedge::domain::daycount::Act365;
/// let p = SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: Act365::years(90) };
/// assert!((SpotModel::new(p).unwrap().forward() - 250.0 * (0.05_f64 * Act365::years(90)).exp()).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpotParams {
    /// Spot price `S` (USD per coin), in `[MIN_LEVEL, MAX_LEVEL]`.
    pub spot: f64,
    /// Risk-free rate `r`, continuously compounded, fraction a year, `|r| ≤ 1`.
    pub rate: f64,
    /// Carry / dividend yield `q`, continuously compounded, fraction a year, `|q| ≤ 1`.
    pub dividend_yield: f64,
    /// Volatility `σ`, fraction a year, in `[0, MAX_VOL]`.
    pub vol: f64,
    /// Time to expiry `T` in years (days by [`Act365`]), in `[0, MAX_EXPIRY_YEARS]`.
    pub expiry_years: f64,
}

/// A validated Black–Scholes–Merton market: spot, rates, volatility and expiry.
///
/// Discount factors, forward and `σ√T` are computed once in [`SpotModel::new`]; pricing a
/// strike then costs one `ln`, one `exp` and two rational functions (`N(d1)`, `N(d2)`), with
/// no allocation.
///
/// ```
/// use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
/// // Hull, Options, Futures and Other Derivatives, example 15.6.
/// let m = SpotModel::new(SpotParams {
///     spot: 42.0, rate: 0.10, dividend_yield: 0.0, vol: 0.20, expiry_years: 0.5,
/// })?;
/// assert_eq!(format!("{:.4}", m.price(OptionKind::Call, 40.0)?), "4.7594");
/// assert_eq!(format!("{:.4}", m.price(OptionKind::Put, 40.0)?), "0.8086");
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpotModel {
    params: SpotParams,
    df_r: f64,
    df_q: f64,
    forward: f64,
    sqrt_t: f64,
    std_dev: f64,
}

impl SpotModel {
    /// Validates the inputs and precomputes `D = e^(−rT)`, `Q = e^(−qT)`, `F = S·Q/D`, `σ√T`.
    ///
    /// Errors: [`DomainError::OutOfRange`](crate::domain::DomainError::OutOfRange) naming
    /// `"spot"`, `"risk-free rate"`, `"dividend yield"`, `"volatility"` or `"expiry (years)"`
    /// for a non-finite or out-of-range value.
    ///
    /// ```
    /// use minerhedge::domain::pricing::{SpotModel, SpotParams};
    /// let p = SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: 0.25 };
    /// assert!(SpotModel::new(p).is_ok());
    /// let e = SpotModel::new(SpotParams { vol: -0.1, ..p }).unwrap_err();
    /// use minerhedge::domain::Field;
    /// assert_eq!(e.field(), Some(Field::Volatility));
    /// ```
    #[inline(always)]
    pub fn new(params: SpotParams) -> Result<SpotModel> {
        let spot = level(Field::Spot, params.spot)?;
        let r = rate(Field::RiskFreeRate, params.rate)?;
        let q = rate(Field::DividendYield, params.dividend_yield)?;
        let sigma = vol(params.vol)?;
        let t = expiry(params.expiry_years)?;
        let df_r = discount_factor(r * t);
        let df_q = discount_factor(q * t);
        let sqrt_t = t.sqrt();
        Ok(SpotModel {
            params,
            df_r,
            df_q,
            forward: spot * df_q / df_r,
            sqrt_t,
            std_dev: sigma * sqrt_t,
        })
    }

    /// The same market with another volatility (e.g. one from [`SpotModel::implied_vol`]).
    ///
    /// Errors: [`DomainError::OutOfRange`](crate::domain::DomainError::OutOfRange) naming
    /// `"volatility"`.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
    /// let market = SpotModel::new(SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.0, expiry_years: 0.5 })?;
    /// let iv = market.implied_vol(OptionKind::Put, 230.0, 30.0)?;
    /// let call = market.with_vol(iv)?.price(OptionKind::Call, 300.0)?;
    /// assert!(call > 0.0);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn with_vol(&self, vol: f64) -> Result<SpotModel> {
        SpotModel::new(SpotParams { vol, ..self.params })
    }

    /// The validated inputs.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{SpotModel, SpotParams};
    /// let p = SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: 0.25 };
    /// assert_eq!(SpotModel::new(p).unwrap().params(), p);
    /// ```
    pub fn params(&self) -> SpotParams {
        self.params
    }

    /// The forward price `F = S·e^((r−q)T)` (computed as `S·e^(−qT)/e^(−rT)`).
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{SpotModel, SpotParams};
    /// let m = SpotModel::new(SpotParams { spot: 100.0, rate: 0.05, dividend_yield: 0.01, vol: 0.3, expiry_years: 2.0 }).unwrap();
    /// assert!((m.forward() - 100.0 * (0.08_f64).exp()).abs() < 1e-12);
    /// ```
    pub fn forward(&self) -> f64 {
        self.forward
    }

    /// The discount factor `D = e^(−rT)`.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{SpotModel, SpotParams};
    /// let m = SpotModel::new(SpotParams { spot: 100.0, rate: 0.05, dividend_yield: 0.0, vol: 0.3, expiry_years: 2.0 }).unwrap();
    /// assert_eq!(m.discount(), (-0.1_f64).exp());
    /// ```
    pub fn discount(&self) -> f64 {
        self.df_r
    }

    /// Premium `V = ω·(S·e^(−qT)·N(ω d1) − K·e^(−rT)·N(ω d2))`.
    ///
    /// Errors: [`DomainError::OutOfRange`](crate::domain::DomainError::OutOfRange) for a strike
    /// outside `[MIN_LEVEL, MAX_LEVEL]` (zero included).
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
    /// // σ = 0: the discounted forward intrinsic value.
    /// let m = SpotModel::new(SpotParams { spot: 100.0, rate: 0.05, dividend_yield: 0.0, vol: 0.0, expiry_years: 1.0 }).unwrap();
    /// let v = m.price(OptionKind::Call, 90.0).unwrap();
    /// assert!((v - (100.0 - 90.0 * (-0.05_f64).exp())).abs() < 1e-12);
    /// assert!(m.price(OptionKind::Call, 0.0).is_err());
    /// ```
    #[inline]
    pub fn price(&self, kind: OptionKind, strike: f64) -> Result<f64> {
        let k = check_strike(strike)?;
        let b = Black::new(kind, self.forward, k, self.std_dev);
        Ok(self.df_r * b.forward_value(self.forward, k))
    }

    /// Premium and all Greeks (see [`Greeks`] for units and signs), sharing one evaluation of
    /// `d1`, `d2`, `N(·)` and `n(·)`.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
    /// let m = SpotModel::new(SpotParams { spot: 42.0, rate: 0.1, dividend_yield: 0.0, vol: 0.2, expiry_years: 0.5 }).unwrap();
    /// let g = m.greeks(OptionKind::Put, 40.0).unwrap();
    /// assert!((g.price - 0.8086).abs() < 5e-5);
    /// assert!(g.delta < 0.0 && g.gamma > 0.0 && g.vega > 0.0 && g.rho < 0.0);
    /// ```
    #[inline]
    pub fn greeks(&self, kind: OptionKind, strike: f64) -> Result<Greeks> {
        let k = check_strike(strike)?;
        let SpotParams {
            spot: s,
            rate: r,
            dividend_yield: q,
            vol: sigma,
            expiry_years: t,
        } = self.params;
        let b = Black::new(kind, self.forward, k, self.std_dev);
        let w = b.w;
        let price = self.df_r * b.forward_value(self.forward, k);
        let sq = s * self.df_q;
        let kd = k * self.df_r;
        let vega = sq * b.pdf1 * self.sqrt_t;
        let (gamma, diffusion_theta) = if b.degenerate {
            (0.0, 0.0)
        } else {
            (
                self.df_q * b.pdf1 / (s * self.std_dev),
                -sq * b.pdf1 * sigma / (2.0 * self.sqrt_t),
            )
        };
        let theta = diffusion_theta + w * (q * sq * b.cum1 - r * kd * b.cum2);
        Ok(Greeks {
            price,
            delta: w * self.df_q * b.cum1,
            gamma,
            vega,
            theta,
            theta_per_day: Act365::per_day(theta),
            rho: w * kd * t * b.cum2,
            dividend_rho: -w * sq * t * b.cum1,
        })
    }

    /// Implied volatility of a quoted premium, in this model's market (spot, `r`, `q`, `T`;
    /// the model's own `vol` is ignored, so construct it with any valid vol, e.g. `0.0`).
    ///
    /// Solves `V(σ) = premium` to [`IMPLIED_VOL`](crate::domain::tolerance::IMPLIED_VOL);
    /// see [`implied`] for the method and accuracy.
    ///
    /// Errors: [`DomainError::PremiumOutOfBounds`](crate::domain::DomainError::PremiumOutOfBounds)
    /// unless `D·max(ω(F−K), 0) < premium < (call: S·e^(−qT); put: K·e^(−rT))`;
    /// [`DomainError::OutOfRange`](crate::domain::DomainError::OutOfRange) for a non-finite
    /// premium, an invalid strike or `T = 0`.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
    /// let p = SpotParams { spot: 250.0, rate: 0.04, dividend_yield: 0.0, vol: 0.75, expiry_years: 0.25 };
    /// let premium = SpotModel::new(p)?.price(OptionKind::Put, 220.0)?;
    /// let market = SpotModel::new(SpotParams { vol: 0.0, ..p })?;
    /// let iv = market.implied_vol(OptionKind::Put, 220.0, premium)?;
    /// assert!((iv - 0.75).abs() < 1e-12);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn implied_vol(&self, kind: OptionKind, strike: f64, premium: f64) -> Result<f64> {
        let k = check_strike(strike)?;
        implied::implied_vol(
            implied::Market {
                forward: self.forward,
                discount: self.df_r,
                expiry_years: self.params.expiry_years,
            },
            kind,
            k,
            premium,
        )
    }
}
