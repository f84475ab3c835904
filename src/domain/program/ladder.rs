//! The hedge ladder: each month's hedge terms, turned into that month's [`Position`] through
//! the strategy registry ([`StrategyKind::spec`]), so a new instrument is one registry entry.
//!
//! Strikes are % of the month's forward `F_m`; the zero-cost call is the existing solver's
//! ([`zero_cost_collar`]) on the month's Black-76 premiums, its premium set to the put's so
//! the collar's net premium is exactly 0 (as the period view does). The inverse forward
//! trades at the quote `1/F_m` coin per USD.

use super::calendar::CalendarMonth;
use super::curve::MonthCurve;
use super::production::MonthProduction;
use crate::domain::Field;
use crate::domain::collar::{
    CallStrike, OptionPricer, ZeroCostParams, priced_put, priced_sold_call, zero_cost_collar,
};
use crate::domain::error::{DomainError, Result};
use crate::domain::hedge::{Hedge, Position};
use crate::domain::money::{self, dec_from_f64};
use crate::domain::pricing::smile::{Smile, SmileModel};
use crate::domain::range::NumRange;
use crate::domain::strategy::{HashTerms, OptionQuote, StrategyInputs, StrategyKind};
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
/// assert_eq!((h.put_strike_pct, h.call_strike), (Decimal::from(90), CallStrike::Zero));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthHedge {
    /// The strategy: Unhedged, Forward, Inverse, Put, Collar (or ZeroCostCollar).
    pub kind: StrategyKind,
    /// Coverage, % of the month's expected output, `[0, 100]` (field `"coverage"`).
    pub coverage_pct: Decimal,
    /// Put strike, % of the month's forward, `(0, 1000]` (field `"put strike"`).
    pub put_strike_pct: Decimal,
    /// The collar's call strike: % of the month's forward, at least the put strike's %, or
    /// zero-cost, solved on the month's premiums (field `"call strike"`).
    pub call_strike: CallStrike,
}

impl MonthHedge {
    /// `kind` on `coverage_pct` % with a put at 90 % of the forward and a zero-cost call.
    pub fn new(kind: StrategyKind, coverage_pct: Decimal) -> Self {
        MonthHedge {
            kind,
            coverage_pct,
            put_strike_pct: Decimal::from(90),
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
    /// The bought put, when the hedge has one.
    pub put: Option<OptionQuote>,
    /// The sold call, when the hedge has one.
    pub call: Option<OptionQuote>,
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

fn quote(h: Hedge) -> Option<OptionQuote> {
    match h {
        Hedge::Put { strike, premium } | Hedge::SoldCall { strike, premium } => {
            Some(OptionQuote { strike, premium })
        }
        _ => None,
    }
}

/// The put and call a strategy needs, priced on the month's curve.
fn options(
    kind: StrategyKind,
    hedge: &MonthHedge,
    curve: &MonthCurve,
    smile: Option<Smile>,
) -> Result<(Option<OptionQuote>, Option<OptionQuote>)> {
    if !matches!(
        kind,
        StrategyKind::Put | StrategyKind::Collar | StrategyKind::ZeroCostCollar
    ) {
        return Ok((None, None));
    }
    let kp = strike_pct(Field::PutStrike, hedge.put_strike_pct, curve.forward)?;
    // Each strike at its own vol on the smile, or the month's one vol.
    let on_smile = smile
        .map(|s| SmileModel::new(curve.model.params(), s))
        .transpose()?;
    let pricer: &dyn OptionPricer = match &on_smile {
        Some(m) => m,
        None => &curve.model,
    };
    let put = quote(priced_put(pricer, kp)?);
    let call = match (kind, hedge.call_strike) {
        (StrategyKind::Collar, CallStrike::Strike(pct)) => {
            let kc = strike_pct(Field::CallStrike, pct, curve.forward)?;
            quote(priced_sold_call(pricer, kc)?)
        }
        (StrategyKind::ZeroCostCollar, _) | (StrategyKind::Collar, CallStrike::Zero) => {
            let k = dec_f64(kp);
            let z = zero_cost_collar(
                pricer,
                ZeroCostParams {
                    put_strike: k,
                    min_call_strike: k,
                },
            )?;
            let strike = dec_from_f64(Field::CallStrike, z.call_strike)?;
            // The collar's exact premiums: the call's is the put's, so the net is exactly 0.
            put.map(|p| OptionQuote {
                strike,
                premium: p.premium,
            })
        }
        _ => None,
    };
    Ok((put, call))
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
    let coverage = const { NumRange::closed(Decimal::ZERO, Decimal::ONE_HUNDRED) }
        .check(Field::Coverage, hedge.coverage_pct)?;
    let coverage = money::div(Field::Coverage, coverage, Decimal::ONE_HUNDRED)?;
    let (put, call) = options(kind, hedge, curve, smile)?;
    let inverse_quote = if kind == StrategyKind::Inverse {
        money::div(Field::InverseQuote, Decimal::ONE, curve.forward)?
    } else {
        Decimal::ZERO
    };
    let inputs = StrategyInputs {
        forward: curve.forward,
        inverse_quote,
        put,
        call,
        zero_cost_call: call,
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
    let legs = kind.spec().legs(&inputs).ok_or_else(|| {
        DomainError::out_of_range(Field::Hedge, f64::from(month.index), "a priced option")
    })??;
    Ok(MonthPosition {
        kind,
        position: Position::from_legs(economics, legs, curve.carry)?,
        put,
        call,
    })
}
