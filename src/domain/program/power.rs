//! A program on a power contract (module [`crate::domain::power`]): each month's mined coins
//! follow the contract, so a month's output, power cost and credits depend on the price.
//!
//! For month `m` the rig runs every available hour on that month's difficulty and average
//! subsidy (the halving) as [`super::production`] computes them: full-run output `Q_full,m`,
//! load `MW = H·eff/10⁶`, `N = 24·days_m` hours, uptime `up`. The month's contract
//! ([`PowerTerms`]) reads that month's hour prices (`pidx_m`, `psd_m`, or the curve).
//!
//! **The plan** is the contract at the month's forward `F_m`:
//!
//! ```text
//! expected output  Q_m   = output(F_m) = Q_full,m·u(F_m)     what coverage is a share of
//! cash cost        C_m   = power cost(F_m) + other costs
//! full cost              = C_m + amortization
//! ```
//!
//! and each month's profile carries the mined leg ([`PowerLeg`] with the plan's power cost),
//! so the month's value at `S` is `output(S)·S + credits(S) − (power cost(S) − power cost(F_m))
//! + hedge`, and net cash at `S` is that less `C_m`: revenue with credits, less the power and
//! other costs at `S`, plus the hedge. The fixed price (`pwr`) is the rig's.

use rust_decimal::Decimal;

use super::calendar::CalendarMonth;
use super::production::{MonthProduction, MonthlyRig};
use crate::domain::Field;
use crate::domain::economics::{DirectParams, PeriodEconomics};
use crate::domain::error::{DomainError, Result};
use crate::domain::money::{self, dec_from_f64};
use crate::domain::power::{Contract, HourPrices, PowerAt, PowerTerms, RigRun};
use crate::domain::range::Range;
use crate::domain::risk::PowerLeg;
use crate::domain::validate::dec_f64;

/// A program's power contract: the contract, each month's hour prices and the capacity
/// credit.
///
/// ```
/// use minerhedge::domain::power::{Contract, HourPrices};
/// use minerhedge::domain::program::ProgramPower;
/// let p = ProgramPower {
///     contract: Contract::Index,
///     prices: vec![HourPrices::Lognormal { mean: 45.0, log_sd: 0.6 }; 3],
///     capacity_credit: 0.0,
/// };
/// assert!(p.changes_anything());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramPower {
    /// How the rig buys its power.
    pub contract: Contract,
    /// The hour's price of each month (one entry per month, field `"power price"`).
    pub prices: Vec<HourPrices>,
    /// Capacity credit, USD per MW per 30 days, `[0, 1e9]` (field `"power contract"`).
    pub capacity_credit: f64,
}

impl ProgramPower {
    /// Whether the contract changes anything against paying the fixed price every hour: a
    /// contract other than `fixed`, or a capacity credit.
    pub fn changes_anything(&self) -> bool {
        self.contract != Contract::Fixed || self.capacity_credit > 0.0
    }

    /// Whether a month's figures move with the level of the hour prices (index and ppa):
    /// what the simulation's power price level acts on.
    pub fn reads_market_prices(&self) -> bool {
        self.contract != Contract::Fixed
    }
}

/// One month on a power contract: the mined leg its profile carries and the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthPower {
    /// The month's contract, the rig running every available hour, and the plan's power
    /// cost.
    pub leg: PowerLeg,
    /// The month's forward `F_m`, where the plan is valued, USD per coin.
    pub plan_price: f64,
    /// The contract at `F_m`: its output is the month's expected output.
    pub plan: PowerAt,
}

impl MonthPower {
    /// The mean of the month's hour prices, USD/MWh (`pidx_m`, or the curve's mean).
    pub fn mean_price(&self) -> f64 {
        self.leg.terms.prices.mean()
    }
}

/// Checks `power` for a program of `months` months: one hour-price model per month, each
/// valid, and the capacity credit.
pub(crate) fn check(power: &ProgramPower, months: u32) -> Result<()> {
    if power.prices.len() != months as usize {
        return Err(DomainError::out_of_range(
            Field::PowerPrice,
            power.prices.len() as f64,
            format!("one hour-price model per month ({months})"),
        ));
    }
    for p in &power.prices {
        p.check()?;
    }
    const { Range::closed(0.0, 1e9) }.check(Field::PowerContract, power.capacity_credit)?;
    Ok(())
}

/// Month `month`'s production on the contract and its power: the plan at `forward` replaces
/// the full-run economics of `production` (see the module docs).
pub(crate) fn plan_month(
    rig: &MonthlyRig,
    power: &ProgramPower,
    month: &CalendarMonth,
    production: MonthProduction,
    forward: Decimal,
) -> Result<(MonthProduction, MonthPower)> {
    let e = production.economics;
    let prices = power
        .prices
        .get(month.index as usize)
        .cloned()
        .ok_or_else(|| {
            DomainError::out_of_range(
                Field::PowerPrice,
                f64::from(month.index),
                "one hour-price model per month",
            )
        })?;
    let load = money::mul(Field::Energy, rig.hashrate_ths, rig.efficiency_j_per_th)?;
    let fixed = money::mul(
        Field::PowerPrice,
        rig.power_price_per_kwh,
        Decimal::ONE_THOUSAND,
    )?;
    let days = f64::from(month.days);
    let run = RigRun {
        output: dec_f64(e.output()),
        load_mw: dec_f64(load) / 1e6,
        hours: 24.0 * days,
        uptime: dec_f64(rig.uptime),
    };
    let terms = PowerTerms {
        contract: power.contract,
        prices,
        fixed_mwh: dec_f64(fixed),
        capacity_credit: power.capacity_credit,
        days,
    };
    let plan_price = dec_f64(forward);
    let plan = terms.at(&run, plan_price);
    let amortization = money::sub(Field::FullCost, e.cost(), e.cash_cost())?;
    let cash = dec_f64(rig.opex_per_month) + plan.power_cost;
    let full = cash + dec_f64(amortization);
    let economics = planned(full, cash, &plan, plan_price)?;
    Ok((
        MonthProduction {
            economics,
            ..production
        },
        MonthPower {
            leg: PowerLeg {
                terms,
                rig: run,
                plan_power_cost: plan.power_cost,
            },
            plan_price,
            plan,
        },
    ))
}

/// The plan's economics: its output and costs at the forward; a month the contract leaves
/// without output or cost is the power contract's error, saying what the rig would do.
fn planned(full: f64, cash: f64, plan: &PowerAt, price: f64) -> Result<PeriodEconomics> {
    let refuse = |why: String| {
        DomainError::out_of_range(
            Field::PowerContract,
            // The run share in percent, to a tenth.
            (plan.run_share * 1000.0).round() / 10.0,
            format!(
                "a month with output and cost at its forward: at {} the rig on this contract \
                 runs {} of its hours ({why})",
                crate::format::usd_f64(price),
                crate::format::percent_f64(plan.run_share, 1),
            ),
        )
    };
    let economics = || {
        let output = dec_from_f64(Field::ExpectedOutput, plan.output)?;
        let cost = dec_from_f64(Field::PeriodCost, full)?;
        let cash = dec_from_f64(Field::CashCost, cash.max(0.0))?.min(cost.max(Decimal::ZERO));
        PeriodEconomics::planned(
            DirectParams {
                period_cost: cost,
                expected_output: output,
            },
            cash,
        )
    };
    economics().map_err(|e| refuse(e.to_string()))
}
