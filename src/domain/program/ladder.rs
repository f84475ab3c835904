//! The hedge ladder: each month's hedge terms, turned into that month's [`Position`] through
//! the strategy registry ([`StrategyKind::spec`]), so a new instrument is one registry entry.
//!
//! Strikes are % of the month's forward `F_m` (`pkp`, `pkp2`, `pkc`); every option is priced
//! with Black-76 on the month's forward at its strike's smile vol, and a zero-cost call is
//! solved on those premiums by the registry ([`StrategySpec::priced`]), its premium set to
//! what it pays for so the net premium is exactly 0 (as the period view does). The inverse
//! forward trades at the quote `1/F_m` coin per USD.

use super::calendar::CalendarMonth;
use super::curve::MonthCurve;
use super::production::MonthProduction;
use crate::domain::Field;
use crate::domain::collar::CallStrike;
use crate::domain::error::{DomainError, Result};
use crate::domain::hedge::Position;
use crate::domain::money;
use crate::domain::pricing::smile::{Smile, SmileModel};
use crate::domain::range::NumRange;
use crate::domain::strategy::{
    HashTerms, LegPricer, ModelPricer, PricedLeg, StrategyInputs, StrategyKind, StrategySpec,
    StrikeInput, Strikes,
};
use crate::domain::validate::dec_f64;
use rust_decimal::Decimal;

/// One month's hedge terms.
///
/// ```
/// use minerhedge::domain::collar::CallStrike;
/// use minerhedge::domain::program::MonthHedge;
/// use minerhedge::domain::strategy::StrategyKind;
/// use rust_decimal::Decimal;
/// let h = MonthHedge::new(StrategyKind::Collar, Decimal::from(50));
/// assert_eq!((h.put_strike_pct, h.put2_strike_pct, h.call_strike), (Decimal::from(90), Decimal::from(75), CallStrike::Zero));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthHedge {
    /// The strategy: any registry entry (a collar with `pkc=zero` is the zero-cost collar).
    pub kind: StrategyKind,
    /// Coverage, % of the month's expected output, `[0, 100]` (field `"coverage"`).
    pub coverage_pct: Decimal,
    /// Put strike, % of the month's forward, `(0, 1000]` (field `"put strike"`).
    pub put_strike_pct: Decimal,
    /// The lower (sold) put's strike, % of the month's forward, below the put strike's %
    /// (field `"lower put strike"`).
    pub put2_strike_pct: Decimal,
    /// The call strike: % of the month's forward, at least the put strike's %, or
    /// zero-cost, solved on the month's premiums (field `"call strike"`).
    pub call_strike: CallStrike,
}

impl MonthHedge {
    /// `kind` on `coverage_pct` % with a put at 90 % of the forward, a lower put at 75 % and
    /// a zero-cost call.
    pub fn new(kind: StrategyKind, coverage_pct: Decimal) -> Self {
        MonthHedge {
            kind,
            coverage_pct,
            put_strike_pct: Decimal::from(90),
            put2_strike_pct: Decimal::from(75),
            call_strike: CallStrike::Zero,
        }
    }

    /// No hedge.
    pub fn unhedged() -> Self {
        Self::new(StrategyKind::Unhedged, Decimal::ZERO)
    }

    /// The registry entry that builds it: a collar with a zero call strike is the zero-cost
    /// collar.
    ///
    /// ```
    /// use minerhedge::domain::program::MonthHedge;
    /// use minerhedge::domain::strategy::StrategyKind;
    /// let h = MonthHedge::new(StrategyKind::Collar, 100.into());
    /// assert_eq!(h.strategy(), StrategyKind::ZeroCostCollar);
    /// ```
    pub fn strategy(&self) -> StrategyKind {
        match (self.kind, self.call_strike) {
            (StrategyKind::Collar, CallStrike::Zero) => StrategyKind::ZeroCostCollar,
            (k, _) => k,
        }
    }
}

/// A month's position and the option terms it was built from.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthPosition {
    /// The registry entry that built it.
    pub kind: StrategyKind,
    /// The month's economics and hedge legs, premiums carried to its settlement.
    pub position: Position,
    /// Its option legs as priced, in the entry's order (none without options).
    pub options: Vec<PricedLeg>,
}

/// A strike as % of the forward: `(0, 1000]`.
fn strike_pct(field: Field, pct: Decimal, forward: Decimal) -> Result<Decimal> {
    if !(pct > Decimal::ZERO && pct <= Decimal::from(1000)) {
        return Err(DomainError::out_of_range(
            field,
            dec_f64(pct),
            "greater than 0 and at most 1000 (% of the month's forward)",
        ));
    }
    let k = money::mul(field, forward, pct)?;
    Ok(money::div(field, k, Decimal::ONE_HUNDRED)?.normalize())
}

/// The strikes in USD of the inputs `spec` reads (the others 0).
fn strikes(spec: &StrategySpec, hedge: &MonthHedge, forward: Decimal) -> Result<Strikes> {
    let mut out = Strikes::default();
    for input in spec.strikes() {
        match input {
            StrikeInput::Kp => {
                out.kp = strike_pct(input.field(), hedge.put_strike_pct, forward)?;
            }
            StrikeInput::Kp2 => {
                out.kp2 = strike_pct(input.field(), hedge.put2_strike_pct, forward)?;
            }
            StrikeInput::Kc => {
                out.kc = match hedge.call_strike {
                    CallStrike::Zero => CallStrike::Zero,
                    CallStrike::Strike(pct) => {
                        CallStrike::Strike(strike_pct(input.field(), pct, forward)?)
                    }
                };
            }
        }
    }
    Ok(out)
}

/// The month's option legs, priced on its curve: each strike at its own vol on the smile, or
/// the month's one vol.
fn options(
    spec: &StrategySpec,
    strikes: &Strikes,
    curve: &MonthCurve,
    smile: Option<Smile>,
) -> Result<Vec<PricedLeg>> {
    if !spec.has_options() {
        return Ok(Vec::new());
    }
    let pricer: Box<dyn LegPricer> = match smile {
        Some(s) => Box::new(ModelPricer {
            model: SmileModel::new(curve.model.params(), s)?,
            decimals: None,
        }),
        None => Box::new(ModelPricer {
            model: curve.model,
            decimals: None,
        }),
    };
    spec.priced(strikes, pricer.as_ref())
}

/// Builds month `month`'s position from its terms, curve and economics.
pub(crate) fn month_position(
    hedge: &MonthHedge,
    curve: &MonthCurve,
    smile: Option<Smile>,
    production: &MonthProduction,
    month: &CalendarMonth,
) -> Result<MonthPosition> {
    let economics = production.economics;
    let kind = hedge.strategy();
    let spec = kind.spec();
    let coverage = const { NumRange::closed(Decimal::ZERO, Decimal::ONE_HUNDRED) }
        .check(Field::Coverage, hedge.coverage_pct)?;
    let coverage = money::div(Field::Coverage, coverage, Decimal::ONE_HUNDRED)?;
    let strikes = strikes(spec, hedge, curve.forward)?;
    let options = options(spec, &strikes, curve, smile)?;
    let inverse_quote = if spec.has(crate::domain::strategy::LegShape::Inverse) {
        money::div(Field::InverseQuote, Decimal::ONE, curve.forward)?
    } else {
        Decimal::ZERO
    };
    let inputs = StrategyInputs {
        forward: curve.forward,
        inverse_quote,
        strikes,
        // A hashprice forward sells the month's hashrate at the index on the month's forward.
        hash: production
            .hash
            .map(|h| {
                Ok::<_, DomainError>(HashTerms {
                    fixed: money::mul(Field::HashpriceFixed, curve.forward, h.coins_per_ph_day)?
                        .normalize(),
                    ..h
                })
            })
            .transpose()?,
        ..StrategyInputs::new(economics.output(), coverage, month.settle_days)
    };
    let legs = spec.legs_priced(&inputs, &options)?;
    Ok(MonthPosition {
        kind,
        position: Position::from_legs(economics, legs, curve.carry)?,
        options,
    })
}
