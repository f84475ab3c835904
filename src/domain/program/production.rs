//! Expected output and cost of each month: constant (direct) or from the period view's rig
//! model ([`Rig`]) with the month's own days, difficulty and average subsidy.
//!
//! - Difficulty `D_m = D₀·(1 + g)^m`, constant within month `m` (`g` per month).
//! - Average subsidy: with a halving on day `h` of month `m` (the days before it pay the full
//!   subsidy), [`halving_subsidy`] `= subsidy·(1 + h/days)/2`, the day-weighted average; a
//!   month wholly on or after the halving pays half, one before it the full subsidy.
//! - Output, power, opex (per month) and amortization (`capex·days/lifetime`) are the rig's.

use super::calendar::{Calendar, CalendarMonth};
use crate::domain::Field;
use crate::domain::economics::{DirectParams, PeriodEconomics, Rig, RigParams, halving_subsidy};
use crate::domain::error::Result;
use crate::domain::money;
use crate::domain::range::{NumRange, int, neg};
use crate::domain::strategy::HashTerms;
use rust_decimal::Decimal;

/// Direct economics: the same coins and cash cost every month.
///
/// ```
/// use minerhedge::domain::program::DirectMonth;
/// use rust_decimal::Decimal;
/// let d = DirectMonth { qty: Decimal::from(5), cost: Decimal::from(1100) };
/// assert_eq!(d.qty, Decimal::from(5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DirectMonth {
    /// Coins mined per month, `(0, 1e12]` (field `"expected output"`).
    pub qty: Decimal,
    /// Cash cost per month, USD, `[0.01, 1e15]` (field `"period cost"`).
    pub cost: Decimal,
}

/// A rig mined month after month: the period view's [`RigParams`] without the period's own
/// length and growth (those come from the calendar and [`Growth`]). Ranges and error fields
/// are [`RigParams`]'s.
///
/// ```
/// use minerhedge::domain::program::MonthlyRig;
/// let r = MonthlyRig::example();
/// assert_eq!(r.rig_params(30.into(), r.difficulty, r.block_subsidy).period_days, 30.into());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthlyRig {
    /// Hashrate in TH/s.
    pub hashrate_ths: Decimal,
    /// Efficiency in J/TH.
    pub efficiency_j_per_th: Decimal,
    /// Power price in USD per kWh.
    pub power_price_per_kwh: Decimal,
    /// Other fixed operating cost per month, USD.
    pub opex_per_month: Decimal,
    /// Pool fee as a fraction, `[0, 1)`.
    pub pool_fee: Decimal,
    /// Uptime as a fraction, `(0, 1]` (scales output and power).
    pub uptime: Decimal,
    /// Network difficulty in the first month, `D₀`.
    pub difficulty: Decimal,
    /// Block subsidy before the halving, coins.
    pub block_subsidy: Decimal,
    /// Average transaction fees per block, coins.
    pub fees_per_block: Decimal,
    /// Hardware capital expenditure, USD (amortized per day of lifetime).
    pub hardware_capex: Decimal,
    /// Hardware lifetime in days.
    pub hardware_lifetime_days: Decimal,
}

impl MonthlyRig {
    /// [`RigParams::example`] as a monthly rig.
    pub fn example() -> Self {
        let p = RigParams::example();
        MonthlyRig {
            hashrate_ths: p.hashrate_ths,
            efficiency_j_per_th: p.efficiency_j_per_th,
            power_price_per_kwh: p.power_price_per_kwh,
            opex_per_month: p.other_opex,
            pool_fee: p.pool_fee,
            uptime: p.uptime,
            difficulty: p.difficulty,
            block_subsidy: p.block_subsidy,
            fees_per_block: p.fees_per_block,
            hardware_capex: p.hardware_capex,
            hardware_lifetime_days: p.hardware_lifetime_days,
        }
    }

    /// The period view's rig for one month: `days` long, at `difficulty` with no growth
    /// inside the month, paying `subsidy` per block.
    pub fn rig_params(&self, days: Decimal, difficulty: Decimal, subsidy: Decimal) -> RigParams {
        RigParams {
            hashrate_ths: self.hashrate_ths,
            efficiency_j_per_th: self.efficiency_j_per_th,
            power_price_per_kwh: self.power_price_per_kwh,
            other_opex: self.opex_per_month,
            pool_fee: self.pool_fee,
            uptime: self.uptime,
            difficulty,
            difficulty_growth: Decimal::ZERO,
            block_subsidy: subsidy,
            fees_per_block: self.fees_per_block,
            period_days: days,
            hardware_capex: self.hardware_capex,
            hardware_lifetime_days: self.hardware_lifetime_days,
        }
    }
}

/// Where the months' output and cost come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProgramEconomics {
    /// The same coins and cost every month.
    Direct(DirectMonth),
    /// A rig, with difficulty growth and the halving.
    Rig(MonthlyRig),
}

/// Difficulty growth of the program.
///
/// ```
/// use minerhedge::domain::program::Growth;
/// assert_eq!(Growth::default().difficulty_pct_per_month, 0.into());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Growth {
    /// Difficulty growth per month, %, `[−50, 100]` (field `"difficulty growth"`).
    pub difficulty_pct_per_month: Decimal,
}

/// One month's expected output and cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthProduction {
    /// Network difficulty of the month, `D_m` (rig only).
    pub difficulty: Option<Decimal>,
    /// Average block subsidy of the month (rig only).
    pub subsidy: Option<Decimal>,
    /// The month's economics: expected output, cash cost and full cost (cash + amortization).
    pub economics: PeriodEconomics,
    /// Hardware capital expenditure behind the full cost (0 in direct mode).
    pub capex: Decimal,
    /// What a hashprice forward on the month's hashrate is written on (rig only; its fixed
    /// hashprice is set by the ladder).
    pub hash: Option<HashTerms>,
}

/// Validates the growth and computes every month's production.
pub(crate) fn produce(
    economics: &ProgramEconomics,
    growth: Growth,
    calendar: &Calendar,
) -> Result<Vec<MonthProduction>> {
    let g = const { NumRange::closed(neg(50), int(100)) }
        .check(Field::DifficultyGrowth, growth.difficulty_pct_per_month)?;
    match economics {
        ProgramEconomics::Direct(p) => {
            let e = PeriodEconomics::direct(DirectParams {
                period_cost: p.cost,
                expected_output: p.qty,
            })?;
            let one = MonthProduction {
                difficulty: None,
                subsidy: None,
                economics: e,
                capex: Decimal::ZERO,
                hash: None,
            };
            Ok(vec![one; calendar.months().len()])
        }
        ProgramEconomics::Rig(rig) => {
            let step = Decimal::ONE + money::div(Field::DifficultyGrowth, g, Decimal::ONE_HUNDRED)?;
            let mut difficulty = rig.difficulty;
            let mut out = Vec::with_capacity(calendar.months().len());
            for month in calendar.months() {
                out.push(rig_month(rig, month, difficulty, calendar)?);
                difficulty = money::mul(Field::Difficulty, difficulty, step)?;
            }
            Ok(out)
        }
    }
}

fn rig_month(
    rig: &MonthlyRig,
    month: &CalendarMonth,
    difficulty: Decimal,
    calendar: &Calendar,
) -> Result<MonthProduction> {
    let days = Decimal::from(month.days);
    let subsidy = match calendar.params().halving {
        Some(h) => halving_subsidy(rig.block_subsidy, month.days_before(h).into(), days)?,
        None => rig.block_subsidy,
    };
    let r = Rig::new(rig.rig_params(days, difficulty.normalize(), subsidy))?;
    Ok(MonthProduction {
        difficulty: Some(difficulty.normalize()),
        subsidy: Some(subsidy),
        economics: r.economics()?,
        capex: rig.hardware_capex,
        hash: Some(HashTerms {
            hashrate_ph: money::div(Field::Hashrate, rig.hashrate_ths, Decimal::ONE_THOUSAND)?,
            days: month.days,
            coins_per_ph_day: r.coins_per_ph_day()?,
            fixed: Decimal::ZERO,
        }),
    })
}
