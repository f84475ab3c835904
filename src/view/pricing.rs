//! The page's option market: the flat Black–Scholes–Merton model of `spot`, `vol`, `rate` and
//! `days`, and, when `rr25` or `bf25` is set, the volatility smile that gives each strike its
//! own vol ([`Smile`]). With `rr25 = bf25 = 0` every price is the flat model's, bit for bit.

use crate::domain::Result;
use crate::domain::collar::OptionPricer;
use crate::domain::pricing::smile::Smile;
use crate::domain::pricing::{OptionKind, SpotModel};

/// The flat model and the smile on it (`None`: flat).
///
/// ```
/// use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
/// use minerhedge::view::pricing::Pricing;
/// let flat = SpotModel::new(SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: 30.0 / 365.0 })?;
/// let skewed = Pricing::new(flat, -0.10, 0.0)?;
/// assert!(skewed.vol(200.0)? > 0.8 && skewed.vol(300.0)? < 0.8); // puts dearer
/// assert_eq!(Pricing::new(flat, 0.0, 0.0)?.price(OptionKind::Put, 230.0)?, flat.price(OptionKind::Put, 230.0)?);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pricing {
    flat: SpotModel,
    smile: Option<Smile>,
}

impl Pricing {
    /// The flat model with the 25-delta risk reversal `rr` and butterfly `bf` (fractions: 5
    /// vol points is `0.05`); both 0: flat. Errors name `rr25` or `bf25`.
    pub fn new(flat: SpotModel, rr: f64, bf: f64) -> Result<Self> {
        let smile = if rr == 0.0 && bf == 0.0 {
            None
        } else {
            Some(Smile::new(flat.params().vol, rr, bf)?)
        };
        Ok(Pricing { flat, smile })
    }

    /// The flat model (the at-the-money vol).
    pub fn flat(&self) -> &SpotModel {
        &self.flat
    }

    /// Whether every strike has the at-the-money vol.
    pub fn is_flat(&self) -> bool {
        self.smile.is_none()
    }

    /// The vol of `strike` (the smile's fixed point in the option's forward delta).
    pub fn vol(&self, strike: f64) -> Result<f64> {
        let p = self.flat.params();
        match self.smile {
            None => Ok(p.vol),
            Some(s) => s.vol(self.flat.forward(), strike, p.expiry_years),
        }
    }

    /// The model at the vol of `strike`.
    pub fn at(&self, strike: f64) -> Result<SpotModel> {
        match self.smile {
            None => Ok(self.flat),
            Some(_) => self.flat.with_vol(self.vol(strike)?),
        }
    }

    /// Premium of `kind` at `strike`, at that strike's vol.
    pub fn price(&self, kind: OptionKind, strike: f64) -> Result<f64> {
        self.at(strike)?.price(kind, strike)
    }
}

impl OptionPricer for Pricing {
    fn premium(&self, leg: OptionKind, strike: f64) -> Result<f64> {
        self.price(leg, strike)
    }
}
