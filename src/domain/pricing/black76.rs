//! Black-76: European options on a forward / futures price `F`, discounted at `r`.
//!
//! With `D = e^(−rT)`, `s = σ√T`, `ω = ±1`:
//!
//! ```text
//! d1 = ln(F/K)/s + s/2,  d2 = d1 − s
//! V      = D·ω·(F·N(ω d1) − K·N(ω d2))
//! delta  = ω·D·N(ω d1)                      (∂V/∂F)
//! gamma  = D·n(d1) / (F·s)                  (∂²V/∂F²)
//! vega   = D·F·n(d1)·√T
//! theta  = r·V − D·F·n(d1)·σ/(2√T)          (per year, F fixed)
//! rho    = −T·V                             (∂V/∂r with F fixed)
//! ```
//!
//! These equal QuantLib's `AnalyticEuropeanEngine` results for a spot `S = F` with dividend
//! yield `q = r` (which makes the forward `F` for every `T`), with rho = QuantLib's
//! `rho + dividendRho` (moving `r` and `q` together keeps `F` fixed). `dividend_rho` is `0.0`.

use super::{Black, Greeks, OptionKind, check_strike, expiry, implied, level, rate, vol};
use crate::domain::Field;
use crate::domain::daycount::Act365;
use crate::domain::error::Result;

/// Inputs of [`ForwardModel::new`] (fractions, not percents: 80 % vol is `0.8`).
///
/// ```
/// use minerhedge::domain::pricing::{ForwardModel, ForwardParams};
/// let p = ForwardParams { forward: 260.0, rate: 0.05, vol: 0.8, expiry_years: 0.5 };
/// assert_eq!(ForwardModel::new(p).unwrap().params().forward, 260.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForwardParams {
    /// Forward / futures price `F` for delivery at expiry (USD per coin), in
    /// `[MIN_LEVEL, MAX_LEVEL]`.
    pub forward: f64,
    /// Risk-free rate `r` used to discount the payoff, continuously compounded, `|r| ≤ 1`.
    pub rate: f64,
    /// Volatility `σ` of the forward, fraction a year, in `[0, MAX_VOL]`.
    pub vol: f64,
    /// Time to expiry `T` in years (days by [`Act365`]), in `[0, MAX_EXPIRY_YEARS]`.
    pub expiry_years: f64,
}

/// A validated Black-76 market: forward, rate, volatility and expiry.
///
/// ```
/// use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind};
/// let m = ForwardModel::new(ForwardParams { forward: 260.0, rate: 0.05, vol: 0.8, expiry_years: 0.5 })?;
/// let c = m.price(OptionKind::Call, 260.0)?;
/// let p = m.price(OptionKind::Put, 260.0)?;
/// assert!((c - p).abs() < 1e-12); // at the money forward, call = put
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForwardModel {
    params: ForwardParams,
    df_r: f64,
    sqrt_t: f64,
    std_dev: f64,
}

impl ForwardModel {
    /// Validates the inputs and precomputes `D = e^(−rT)` and `σ√T`.
    ///
    /// Errors: [`DomainError::OutOfRange`](crate::domain::DomainError::OutOfRange) naming
    /// `"forward"`, `"risk-free rate"`, `"volatility"` or `"expiry (years)"`.
    ///
    /// ```
    /// use minerhedge::domain::pricing::{ForwardModel, ForwardParams};
    /// let e = ForwardModel::new(ForwardParams { forward: f64::NAN, rate: 0.0, vol: 0.5, expiry_years: 1.0 })
    ///     .unwrap_err();
    /// use minerhedge::domain::Field;
    /// assert_eq!(e.field(), Some(Field::Forward));
    /// ```
    pub fn new(params: ForwardParams) -> Result<ForwardModel> {
        level(Field::Forward, params.forward)?;
        let r = rate(Field::RiskFreeRate, params.rate)?;
        let sigma = vol(params.vol)?;
        let t = expiry(params.expiry_years)?;
        let sqrt_t = t.sqrt();
        Ok(ForwardModel {
            params,
            df_r: (-r * t).exp(),
            sqrt_t,
            std_dev: sigma * sqrt_t,
        })
    }

    /// The same market with another volatility (e.g. one from [`ForwardModel::implied_vol`]).
    ///
    /// Errors: [`DomainError::OutOfRange`](crate::domain::DomainError::OutOfRange) naming
    /// `"volatility"`.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{ForwardModel, ForwardParams};
    /// let m = ForwardModel::new(ForwardParams { forward: 260.0, rate: 0.05, vol: 0.8, expiry_years: 0.5 })?;
    /// assert_eq!(m.with_vol(0.6)?.params().vol, 0.6);
    /// assert_eq!(m.with_vol(0.6)?, ForwardModel::new(ForwardParams { vol: 0.6, ..m.params() })?);
    /// assert!(m.with_vol(f64::NAN).is_err());
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn with_vol(&self, vol: f64) -> Result<ForwardModel> {
        // The discount factor and √T do not depend on the vol: the result equals
        // `ForwardModel::new` with the new vol, without its exp and square root.
        let sigma = super::vol(vol)?;
        Ok(ForwardModel {
            params: ForwardParams {
                vol: sigma,
                ..self.params
            },
            std_dev: sigma * self.sqrt_t,
            ..*self
        })
    }

    /// The validated inputs.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{ForwardModel, ForwardParams};
    /// let p = ForwardParams { forward: 260.0, rate: 0.05, vol: 0.8, expiry_years: 0.5 };
    /// assert_eq!(ForwardModel::new(p).unwrap().params(), p);
    /// ```
    pub fn params(&self) -> ForwardParams {
        self.params
    }

    /// The discount factor `D = e^(−rT)`.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{ForwardModel, ForwardParams};
    /// let m = ForwardModel::new(ForwardParams { forward: 260.0, rate: 0.05, vol: 0.8, expiry_years: 2.0 }).unwrap();
    /// assert_eq!(m.discount(), (-0.1_f64).exp());
    /// ```
    pub fn discount(&self) -> f64 {
        self.df_r
    }

    /// Premium `V = D·ω·(F·N(ω d1) − K·N(ω d2))`.
    ///
    /// Errors: [`DomainError::OutOfRange`](crate::domain::DomainError::OutOfRange) for a strike
    /// outside `[MIN_LEVEL, MAX_LEVEL]`.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind};
    /// // T = 0: intrinsic value.
    /// let m = ForwardModel::new(ForwardParams { forward: 260.0, rate: 0.05, vol: 0.8, expiry_years: 0.0 }).unwrap();
    /// assert_eq!(m.price(OptionKind::Put, 300.0).unwrap(), 40.0);
    /// ```
    #[inline]
    pub fn price(&self, kind: OptionKind, strike: f64) -> Result<f64> {
        let k = check_strike(strike)?;
        let f = self.params.forward;
        let b = Black::new(kind, f, k, self.std_dev);
        Ok(self.df_r * b.forward_value(f, k))
    }

    /// `√T`.
    pub(crate) fn sqrt_t(&self) -> f64 {
        self.sqrt_t
    }

    /// [`ForwardModel::price`] at vol `sigma` (validated by the caller) for a checked strike
    /// `k` whose `ln(F/K)` the caller has: the smile's fixed point computed it already.
    #[inline]
    pub(crate) fn price_at_vol(&self, kind: OptionKind, k: f64, ln_fk: f64, sigma: f64) -> f64 {
        let f = self.params.forward;
        let b = Black::with_log(kind, f / k, ln_fk, sigma * self.sqrt_t);
        self.df_r * b.forward_value(f, k)
    }

    /// Premium and all Greeks (see [`Greeks`]; delta and gamma are with respect to `F`,
    /// `dividend_rho` is `0.0`).
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind};
    /// let m = ForwardModel::new(ForwardParams { forward: 260.0, rate: 0.05, vol: 0.8, expiry_years: 0.5 }).unwrap();
    /// let g = m.greeks(OptionKind::Call, 280.0).unwrap();
    /// assert_eq!(g.rho, -0.5 * g.price);
    /// assert_eq!(g.dividend_rho, 0.0);
    /// ```
    #[inline]
    pub fn greeks(&self, kind: OptionKind, strike: f64) -> Result<Greeks> {
        let k = check_strike(strike)?;
        let ForwardParams {
            forward: f,
            rate: r,
            vol: sigma,
            expiry_years: t,
        } = self.params;
        let b = Black::new(kind, f, k, self.std_dev);
        let price = self.df_r * b.forward_value(f, k);
        let df = self.df_r * f;
        let (gamma, diffusion_theta) = if b.degenerate {
            (0.0, 0.0)
        } else {
            (
                self.df_r * b.pdf1 / (f * self.std_dev),
                -df * b.pdf1 * sigma / (2.0 * self.sqrt_t),
            )
        };
        let theta = r * price + diffusion_theta;
        Ok(Greeks {
            price,
            delta: b.w * self.df_r * b.cum1,
            gamma,
            vega: df * b.pdf1 * self.sqrt_t,
            theta,
            theta_per_day: Act365::per_day(theta),
            rho: -t * price,
            dividend_rho: 0.0,
        })
    }

    /// Implied volatility of a quoted premium in this market (`F`, `r`, `T`; the model's
    /// own `vol` is ignored). Same method, accuracy and errors as
    /// [`SpotModel::implied_vol`](super::SpotModel::implied_vol), with upper bound `D·F` for
    /// a call and `D·K` for a put.
    ///
    /// ```
    /// # use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind};
    /// let p = ForwardParams { forward: 260.0, rate: 0.05, vol: 0.65, expiry_years: 1.0 };
    /// let premium = ForwardModel::new(p)?.price(OptionKind::Call, 400.0)?;
    /// let iv = ForwardModel::new(p)?.implied_vol(OptionKind::Call, 400.0, premium)?;
    /// assert!((iv - 0.65).abs() < 1e-12);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn implied_vol(&self, kind: OptionKind, strike: f64, premium: f64) -> Result<f64> {
        let k = check_strike(strike)?;
        implied::implied_vol(
            implied::Market {
                forward: self.params.forward,
                discount: self.df_r,
                expiry_years: self.params.expiry_years,
            },
            kind,
            k,
            premium,
        )
    }
}
