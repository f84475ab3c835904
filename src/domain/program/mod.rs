//! The hedge program: a treasurer hedges each month's production for up to 36 months.
//!
//! - [`calendar`]: the months (`start + m` calendar months, computed from the start) and their
//!   Actual/365 settlement tenors `T_m`;
//! - [`production`]: each month's expected output and cost, constant or from the period
//!   view's rig model with difficulty growth and the halving;
//! - [`curve`]: the forward `F_m` (basis or override) and Black-76 on it;
//! - [`ladder`]: each month's hedge, built through the strategy registry into a
//!   [`Position`](crate::domain::hedge::Position) that settles at `T_m`;
//! - [`rows`]: the table and totals; [`simulation`]: monthly price and difficulty paths;
//! - [`power`]: a rig on a power contract ([`Program::with_power`]): each month's output,
//!   power cost and credits at the price, the plan at the month's forward.
//!
//! Month net cash at final price `S` = mined coins·`S` + hedge payoff − net premium carried
//! by `e^{r·T_m}` to the month's settlement − cash cost: a one-month program is the period
//! view's position.
//!
//! ```
//! use chrono::NaiveDate;
//! use minerhedge::domain::program::*;
//! use minerhedge::domain::strategy::StrategyKind;
//! use rust_decimal::Decimal;
//! let d = Decimal::from;
//! let p = Program::new(ProgramParams {
//!     economics: ProgramEconomics::Direct(DirectMonth { qty: d(5), cost: d(1100) }),
//!     market: Market { spot: d(250), vol_pct: d(80), rate_pct: d(5), basis_pct: d(0) },
//!     calendar: CalendarParams { start: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), months: 3, halving: None },
//!     growth: Growth::default(),
//!     hedges: vec![MonthHedge::new(StrategyKind::Forward, d(100)); 3],
//!     forward_overrides: vec![None, Some(d(260)), None],
//!     smile_pts: (d(0), d(0)),
//! })?;
//! assert_eq!(p.rows()[1].locked, Some(d(1300)));
//! assert_eq!(p.rows()[1].floor, Some(d(200)));
//! assert_eq!(p.totals().output, d(15));
//! # Ok::<(), minerhedge::domain::DomainError>(())
//! ```

pub mod actuals;
pub mod calendar;
pub mod curve;
pub mod ladder;
pub mod power;
pub mod production;
pub mod rows;
pub mod simulation;
mod stats;
pub mod treasury;

pub use calendar::{Calendar, CalendarMonth, CalendarParams, MAX_MONTHS};
pub use curve::{Market, MonthCurve};
pub use ladder::{MonthHedge, MonthPosition};
pub use power::{MonthPower, ProgramPower};
pub use production::{DirectMonth, Growth, MonthProduction, MonthlyRig, ProgramEconomics};
pub use rows::{MonthPowerRow, MonthRow, Totals};
pub use simulation::{ProgramRun, SimulationParams};
pub use stats::{MonthStats, Payback, ProgramStats, Quantiles, SeriesStats, Summary};

use crate::domain::Field;
use crate::domain::error::{DomainError, Result};
use crate::domain::leg::Outcome;
use crate::domain::money;
use crate::domain::risk::{PayoffProfile, ProfileParams};
use rust_decimal::Decimal;

/// Inputs of [`Program::new`]: per-month vectors have one entry per month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramParams {
    /// Output and cost of the months.
    pub economics: ProgramEconomics,
    /// Spot, volatility, rate and basis.
    pub market: Market,
    /// Start, number of months and halving.
    pub calendar: CalendarParams,
    /// Difficulty growth.
    pub growth: Growth,
    /// Each month's hedge (field `"hedges"` when the length is not `months`).
    pub hedges: Vec<MonthHedge>,
    /// Each month's forward override, USD per coin (field `"forward overrides"`).
    pub forward_overrides: Vec<Option<Decimal>>,
    /// The volatility smile around `vol`: 25-delta risk reversal and butterfly, vol points
    /// (`(0, 0)`: one flat vol). Every month's options are priced on it.
    pub smile_pts: (Decimal, Decimal),
}

/// One month of a built program: its dates, production, curve and position.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramMonth {
    /// Dates and tenor.
    pub calendar: CalendarMonth,
    /// Output and cost.
    pub production: MonthProduction,
    /// Forward, carry and option model.
    pub curve: MonthCurve,
    /// Coverage, % of the expected output.
    pub coverage_pct: Decimal,
    /// The position.
    pub hedge: MonthPosition,
    /// The month's power contract (a rig on a contract that changes anything; see
    /// [`power`]).
    pub power: Option<MonthPower>,
}

impl ProgramMonth {
    /// The month's payoff profile: its position's, with the mined leg of its power contract
    /// when it has one (the month's value at `S` then follows the contract).
    pub fn profile(&self) -> Result<PayoffProfile> {
        let params = self.hedge.position.profile_params()?;
        PayoffProfile::new(ProfileParams {
            power: self.power.as_ref().map(|p| p.leg.clone()),
            ..params
        })
    }
}

/// A validated, computed hedge program.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    market: Market,
    calendar: Calendar,
    months: Vec<ProgramMonth>,
    rows: Vec<MonthRow>,
    totals: Totals,
    smile: Option<crate::domain::pricing::smile::Smile>,
}

/// Adds the month (1-based) to an out-of-range error's description.
fn in_month(index: u32) -> impl Fn(DomainError) -> DomainError {
    move |e| match e {
        DomainError::OutOfRange {
            field,
            value,
            range,
        } => DomainError::OutOfRange {
            field,
            value,
            range: format!("{range} (month {})", index + 1),
        },
        other => other,
    }
}

fn check_len(field: Field, len: usize, months: u32) -> Result<()> {
    if len == months as usize {
        Ok(())
    } else {
        Err(DomainError::out_of_range(
            field,
            len as f64,
            format!("one entry per month ({months})"),
        ))
    }
}

/// The rig and the power contract of a program on one that changes anything (checked).
fn power_rig(
    economics: &ProgramEconomics,
    power: Option<ProgramPower>,
    months: u32,
) -> Result<Option<(MonthlyRig, ProgramPower)>> {
    match (economics, power.filter(ProgramPower::changes_anything)) {
        (_, None) => Ok(None),
        (ProgramEconomics::Rig(rig), Some(p)) => {
            power::check(&p, months)?;
            Ok(Some((*rig, p)))
        }
        (ProgramEconomics::Direct(_), Some(_)) => Err(DomainError::out_of_range(
            Field::PowerContract,
            0.0,
            "a rig's economics: in direct economics there is no rig to switch off",
        )),
    }
}

impl Program {
    /// Validates every input (errors name the field; per-month ones say which month) and
    /// computes every month.
    pub fn new(params: ProgramParams) -> Result<Self> {
        Self::with_power(params, None)
    }

    /// [`Program::new`] of a rig on a power contract (module [`power`]): each month's
    /// expected output, cost and credits are the contract's at the month's forward, and its
    /// profile values the mined coins with the contract. `None`, or a contract that changes
    /// nothing ([`ProgramPower::changes_anything`]), is [`Program::new`] exactly. A contract
    /// needs a rig (field `"power contract"` in direct economics).
    pub fn with_power(params: ProgramParams, power: Option<ProgramPower>) -> Result<Self> {
        let calendar = Calendar::new(params.calendar)?;
        let n = params.calendar.months;
        check_len(Field::Hedges, params.hedges.len(), n)?;
        check_len(Field::ForwardOverrides, params.forward_overrides.len(), n)?;
        let power = power_rig(&params.economics, power, n)?;
        let rates = params.market.rates()?;
        let smile = curve::smile(&rates, params.smile_pts)?;
        let production = production::produce(&params.economics, params.growth, &calendar)?;
        let mut months = Vec::with_capacity(n as usize);
        for (((month, prod), hedge), fwd) in calendar
            .months()
            .iter()
            .zip(production)
            .zip(&params.hedges)
            .zip(&params.forward_overrides)
        {
            let tag = in_month(month.index);
            let curve = curve::month_curve(&rates, month, *fwd).map_err(&tag)?;
            let (prod, month_power) = match &power {
                Some((rig, p)) => {
                    let (prod, mp) =
                        power::plan_month(rig, p, month, prod, curve.forward).map_err(&tag)?;
                    (prod, Some(mp))
                }
                None => (prod, None),
            };
            let position =
                ladder::month_position(hedge, &curve, smile, &prod, month).map_err(&tag)?;
            months.push(ProgramMonth {
                calendar: *month,
                production: prod,
                curve,
                coverage_pct: hedge.coverage_pct.normalize(),
                hedge: position,
                power: month_power,
            });
        }
        let rows = months
            .iter()
            .map(|m| rows::row(m).map_err(in_month(m.calendar.index)))
            .collect::<Result<Vec<_>>>()?;
        let totals = rows::totals(&months)?;
        Ok(Self {
            market: params.market,
            calendar,
            months,
            rows,
            totals,
            smile,
        })
    }

    /// The volatility smile every month's options are priced on (`None`: one flat vol).
    pub fn smile(&self) -> Option<crate::domain::pricing::smile::Smile> {
        self.smile
    }

    /// The market.
    pub fn market(&self) -> &Market {
        &self.market
    }

    /// The calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Every month, built.
    pub fn months(&self) -> &[ProgramMonth] {
        &self.months
    }

    /// Whether the months are on a power contract ([`Program::with_power`]).
    pub fn has_power(&self) -> bool {
        self.months.iter().any(|m| m.power.is_some())
    }

    /// The table, one row per month.
    pub fn rows(&self) -> &[MonthRow] {
        &self.rows
    }

    /// The sums over the program.
    pub fn totals(&self) -> Totals {
        self.totals
    }

    /// Net cash of month `index` (0-based) on `outcome`: mined coins·`S` (scaled by
    /// `1/(1 + d)` for the outcome's difficulty change) + hedge payoff − carried net premium −
    /// cash cost. Errors: `"month"` out of range, the outcome's fields.
    ///
    /// ```
    /// # use chrono::NaiveDate; use minerhedge::domain::program::*; use rust_decimal::Decimal;
    /// use minerhedge::domain::leg::Outcome;
    /// # let d = Decimal::from;
    /// let p = Program::new(ProgramParams {
    ///     economics: ProgramEconomics::Direct(DirectMonth { qty: d(5), cost: d(1100) }),
    ///     market: Market { spot: d(250), vol_pct: d(80), rate_pct: d(5), basis_pct: d(0) },
    ///     calendar: CalendarParams { start: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), months: 1, halving: None },
    ///     growth: Growth::default(),
    ///     hedges: vec![MonthHedge::unhedged()],
    ///     forward_overrides: vec![None],
    ///     smile_pts: (Decimal::ZERO, Decimal::ZERO),
    /// })?;
    /// assert_eq!(p.net_cash(0, &Outcome::at_price(d(300)))?, d(400));
    /// use minerhedge::domain::Field;
    /// assert_eq!(p.net_cash(1, &Outcome::at_price(d(300))).unwrap_err().field(), Some(Field::Month));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn net_cash(&self, index: usize, outcome: &Outcome) -> Result<Decimal> {
        let m = self.months.get(index).ok_or_else(|| {
            DomainError::out_of_range(
                Field::Month,
                index as f64,
                format!("between 0 and {}", self.months.len() - 1),
            )
        })?;
        let pos = &m.hedge.position;
        let total = pos.value(outcome)?;
        money::sub(Field::NetCash, total, pos.economics().cash_cost()).map(|v| v.normalize())
    }
}
