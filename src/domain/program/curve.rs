//! The forward curve and the options' market of each month.
//!
//! `F_m = spot·e^{b·T_m}` (`b` the annualized, continuously compounded basis) unless the month
//! has an override; options of month `m` are European, expire at `T_m` and are priced with
//! Black-76 ([`ForwardModel`]) on `F_m`, discounted at the rate `r`; premiums are paid at the
//! start and carried to the month's settlement by `e^{r·T_m}` ([`money::carry_factor`]).

use super::calendar::CalendarMonth;
use crate::domain::Field;
use crate::domain::economics::price_field;
use crate::domain::error::Result;
use crate::domain::money;
use crate::domain::pricing::{ForwardModel, ForwardParams};
use crate::domain::range::{NumRange, int, neg};
use crate::domain::validate::dec_f64;
use rust_decimal::Decimal;

/// The market the program is priced in (percents, as the page shows them).
///
/// ```
/// use minerhedge::domain::program::Market;
/// use rust_decimal::Decimal;
/// let m = Market { spot: Decimal::from(100_000), vol_pct: Decimal::from(50), rate_pct: Decimal::from(4), basis_pct: Decimal::from(6) };
/// assert_eq!(m.vol_pct, Decimal::from(50));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Market {
    /// Spot price today, USD per coin, `(0, 1e9]` (field `"spot"`).
    pub spot: Decimal,
    /// Volatility, % per year, `[0, 1000]` (field `"volatility"`).
    pub vol_pct: Decimal,
    /// Risk-free rate, % per year, continuously compounded, `[−100, 100]` (field
    /// `"risk-free rate"`).
    pub rate_pct: Decimal,
    /// Basis of the forward curve, % per year, continuously compounded, `[−100, 100]` (field
    /// `"basis"`).
    pub basis_pct: Decimal,
}

/// The market as fractions, validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rates {
    pub spot: Decimal,
    pub rate: Decimal,
    pub basis: Decimal,
    pub vol: f64,
}

impl Market {
    pub(crate) fn rates(&self) -> Result<Rates> {
        let pct = |v: Decimal| money::div(Field::Market, v, Decimal::ONE_HUNDRED);
        price_field(Field::Spot, self.spot)?;
        const { NumRange::closed(int(0), int(1000)) }.check(Field::Volatility, self.vol_pct)?;
        const { NumRange::closed(neg(100), int(100)) }.check(Field::RiskFreeRate, self.rate_pct)?;
        const { NumRange::closed(neg(100), int(100)) }.check(Field::Basis, self.basis_pct)?;
        Ok(Rates {
            spot: self.spot,
            rate: pct(self.rate_pct)?,
            basis: pct(self.basis_pct)?,
            vol: dec_f64(pct(self.vol_pct)?),
        })
    }
}

/// One month's forward, carry and option model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthCurve {
    /// Forward price `F_m`, USD per coin (the override when given).
    pub forward: Decimal,
    /// Whether `F_m` is the month's override.
    pub overridden: bool,
    /// Carry factor `e^{r·T_m}` of premiums paid at the start.
    pub carry: Decimal,
    /// Black-76 on `F_m`, expiring at `T_m`.
    pub model: ForwardModel,
}

/// The curve of one month (`"forward"` when `F_m` leaves `(0, 1e9]`; `"forward override"`
/// for a bad override).
pub(crate) fn month_curve(
    r: &Rates,
    month: &CalendarMonth,
    forward_override: Option<Decimal>,
) -> Result<MonthCurve> {
    let years = month.years_exact();
    let forward = match forward_override {
        Some(f) => price_field(Field::ForwardOverride, f)?.normalize(),
        None => {
            // e^{b·T} with |b| ≤ 1 and T ≤ 3.1 years: the carry factor's formula.
            let growth = money::carry_factor(r.basis, years)?;
            let f = money::mul(Field::Forward, r.spot, growth)?;
            price_field(Field::Forward, f)?.normalize()
        }
    };
    let model = ForwardModel::new(ForwardParams {
        forward: dec_f64(forward),
        rate: dec_f64(r.rate),
        vol: r.vol,
        expiry_years: month.years(),
    })?;
    Ok(MonthCurve {
        forward,
        overridden: forward_override.is_some(),
        carry: money::carry_factor(r.rate, years)?,
        model,
    })
}

/// The program's smile from `(rr25, bf25)` in vol points around the rates' vol; `None` when
/// both are 0 (every strike at `vol`). Errors name the risk reversal or the butterfly.
pub(crate) fn smile(
    rates: &Rates,
    (rr, bf): (Decimal, Decimal),
) -> Result<Option<crate::domain::pricing::smile::Smile>> {
    if rr.is_zero() && bf.is_zero() {
        return Ok(None);
    }
    let pts = |d: Decimal| dec_f64(d) / 100.0;
    crate::domain::pricing::smile::Smile::new(rates.vol, pts(rr), pts(bf)).map(Some)
}
