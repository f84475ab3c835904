//! The program's table: one [`MonthRow`] per month and the [`Totals`].

use super::{MonthPower, ProgramMonth};
use crate::domain::Field;
use crate::domain::error::Result;
use crate::domain::money;
use crate::domain::strategy::{LegShape, PricedLeg, StrategyKind, StrikeInput};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One month of the program, as data (money exact).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRow {
    /// First day of the month.
    pub start: NaiveDate,
    /// Days in the month.
    pub days: u32,
    /// Network difficulty `D_m` (rig only).
    pub difficulty: Option<Decimal>,
    /// Average block subsidy of the month (rig only).
    pub subsidy: Option<Decimal>,
    /// Expected output, coins.
    pub output: Decimal,
    /// Cash cost (power + opex), USD.
    pub cash_cost: Decimal,
    /// Full cost: cash cost + amortization, USD.
    pub full_cost: Decimal,
    /// Forward `F_m`, USD per coin.
    pub forward: Decimal,
    /// The hedge (the registry entry that built it).
    pub kind: StrategyKind,
    /// Coverage, % of expected output.
    pub coverage_pct: Decimal,
    /// Coins hedged, `h = c·Q_m`.
    pub hedged_coins: Decimal,
    /// The hedge's option legs as priced (strike, premium per coin), in its entry's order.
    pub options: Vec<PricedLeg>,
    /// Net premium per hedged coin, USD (bought less sold; positive = paid; 0 without
    /// options).
    pub net_premium_per_coin: Decimal,
    /// USD fixed by a forward (`h·F_m`, or the inverse forward's notional); `None` otherwise.
    pub locked: Option<Decimal>,
    /// Worst net cash of the month over every final price at expected output (revenue +
    /// hedge payoff − carried premium − cash cost; on a power contract revenue with credits
    /// less the power cost at the price, found numerically); `None` when unbounded below.
    pub floor: Option<Decimal>,
    /// The month's power contract at its forward (a rig on a contract that changes
    /// anything).
    pub power: Option<MonthPowerRow>,
}

/// A month's power contract at its forward `F_m` (the plan), each figure the engine's `f64`
/// as the shortest decimal that gives it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthPowerRow {
    /// The mean hour price of the month, USD/MWh (`pidx_m`, or the curve's mean).
    pub mean_price: Decimal,
    /// The share of the available hours the rig runs at `F_m`, a fraction.
    pub run_share: Decimal,
    /// Power paid at `F_m`, USD (in the cash cost).
    pub power_cost: Decimal,
    /// Resale and capacity credits at `F_m`, USD.
    pub credits: Decimal,
}

impl MonthRow {
    /// The leg struck at `input`: its strike and premium per coin, when the hedge has one.
    pub fn option_at(&self, input: StrikeInput) -> Option<&PricedLeg> {
        self.options
            .iter()
            .find(|l| matches!(l.spec.option_of(), Some((_, i)) if i == input))
    }

    /// The strike of the leg struck at `input`, USD.
    pub fn strike(&self, input: StrikeInput) -> Option<Decimal> {
        self.option_at(input).map(|l| l.strike)
    }

    /// The premium per coin of the leg struck at `input`, USD.
    pub fn premium(&self, input: StrikeInput) -> Option<Decimal> {
        self.option_at(input).map(|l| l.premium)
    }
}

/// Sums over the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Expected output, coins.
    pub output: Decimal,
    /// Cash cost, USD.
    pub cash_cost: Decimal,
    /// Full cost, USD.
    pub full_cost: Decimal,
    /// Net option premium paid at the start (not carried), USD.
    pub upfront_premium: Decimal,
    /// USD locked by the forwards.
    pub locked: Decimal,
    /// Resale and capacity credits at the forwards, USD (0 without a power contract).
    pub credits: Decimal,
}

pub(crate) fn row(m: &ProgramMonth) -> Result<MonthRow> {
    let pos = &m.hedge.position;
    let e = pos.economics();
    let spec = m.hedge.kind.spec();
    let locked =
        (spec.has(LegShape::Forward) || spec.has(LegShape::Inverse)).then(|| pos.locked_usd());
    let lowest = match &m.power {
        None => pos.floor()?,
        Some(_) => match m.profile()?.bounds().floor {
            Some(f) => Some(money::dec_from_f64(Field::Floor, f)?),
            None => None,
        },
    };
    let floor = match lowest {
        Some(f) => Some(money::sub(Field::Floor, f, e.cash_cost())?.normalize()),
        None => None,
    };
    let power = m.power.as_ref().map(power_row).transpose()?;
    Ok(MonthRow {
        start: m.calendar.start,
        days: m.calendar.days,
        difficulty: m.production.difficulty,
        subsidy: m.production.subsidy,
        output: e.output(),
        cash_cost: e.cash_cost(),
        full_cost: e.cost(),
        forward: m.curve.forward,
        kind: m.hedge.kind,
        coverage_pct: m.coverage_pct,
        hedged_coins: pos.hedged_quantity(),
        options: m.hedge.options.clone(),
        net_premium_per_coin: pos.net_premium_per_coin(),
        locked,
        floor,
        power,
    })
}

fn power_row(p: &MonthPower) -> Result<MonthPowerRow> {
    let d = |field, v| money::dec_from_f64(field, v);
    Ok(MonthPowerRow {
        mean_price: d(Field::PowerPrice, p.mean_price())?,
        run_share: d(Field::PowerContract, p.plan.run_share)?,
        power_cost: d(Field::PowerCost, p.plan.power_cost)?,
        credits: d(Field::Revenue, p.plan.credits)?,
    })
}

pub(crate) fn totals(months: &[ProgramMonth]) -> Result<Totals> {
    let mut t = Totals::default();
    for m in months {
        let pos = &m.hedge.position;
        let e = pos.economics();
        t.output = money::add(Field::ExpectedOutput, t.output, e.output())?;
        t.cash_cost = money::add(Field::CashCost, t.cash_cost, e.cash_cost())?;
        t.full_cost = money::add(Field::FullCost, t.full_cost, e.cost())?;
        t.upfront_premium = money::add(Field::Premium, t.upfront_premium, pos.upfront_premium())?;
        t.locked = money::add(Field::Locked, t.locked, pos.locked_usd())?;
        if let Some(p) = &m.power {
            let credits = money::dec_from_f64(Field::Revenue, p.plan.credits)?;
            t.credits = money::add(Field::Revenue, t.credits, credits)?;
        }
    }
    Ok(t)
}
