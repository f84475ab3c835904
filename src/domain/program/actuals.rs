//! What the hedge did: the months that have passed, with their actual output and settlement
//! price, against the plan.
//!
//! For a month `m` with actual output `a` (coins) and settlement price `S`, expected output
//! `Q` and forward `F`:
//!
//! ```text
//! revenue      = a·S                                   (exact decimals)
//! net cash     = value of the month's position at S with its mined coins a − cash cost
//!                (the difficulty change the output implies, Q/a − 1, scales what follows it:
//!                 the mined coins and a hashprice forward)
//! unhedged     = a·S − cash cost
//! hedge effect = net cash − unhedged                   (payoff net of the carried premium)
//! item change  = a·(S − F)                             (revenue against the month's forward)
//! ```
//!
//! Over the months so far, the **dollar-offset ratio** is `−Σ hedge effect / Σ item change`
//! (1 = the hedge offset every dollar the price moved the revenue from its forward; hedge
//! accounting's effectiveness band is 80–125 %), the **reduction of the standard deviation**
//! of monthly net cash is `1 − sd(net cash)/sd(unhedged)` (sample standard deviations, at
//! least two months), and the **output ratio** `Σa/ΣQ` re-projects the months to come.
//!
//! ```
//! # use chrono::NaiveDate; use minerhedge::domain::program::*; use rust_decimal::Decimal;
//! use minerhedge::domain::program::actuals::Actual;
//! # let d = Decimal::from;
//! // Two months of 5 ETH for $1,100, each sold forward in full at $260 (no basis, no rate).
//! let p = Program::new(ProgramParams {
//!     economics: ProgramEconomics::Direct(DirectMonth { qty: d(5), cost: d(1100) }),
//!     market: Market { spot: d(260), vol_pct: d(80), rate_pct: d(0), basis_pct: d(0) },
//!     calendar: CalendarParams { start: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), months: 2, halving: None },
//!     growth: Growth::default(),
//!     hedges: vec![MonthHedge::new(minerhedge::domain::strategy::StrategyKind::Forward, d(100)); 2],
//!     forward_overrides: vec![None; 2],
//!     smile_pts: (Decimal::ZERO, Decimal::ZERO),
//! })?;
//! let a = p.actuals(&[Some(Actual { output: d(5), price: d(200) }), Some(Actual { output: d(5), price: d(300) })])?;
//! // At $200 the forward pays 5·60 = 300; the unhedged month is 1,000 − 1,100 = −100.
//! assert_eq!((a.months[0].unhedged, a.months[0].net_cash, a.months[0].hedge_effect), (d(-100), d(200), d(300)));
//! assert_eq!(a.months[1].hedge_effect, d(-200));
//! assert_eq!(a.dollar_offset, Some(d(1)));
//! assert_eq!(a.sd_reduction, Some(1.0));
//! # Ok::<(), minerhedge::domain::DomainError>(())
//! ```

use rust_decimal::Decimal;

use super::Program;
use crate::domain::error::{DomainError, Result};
use crate::domain::leg::Outcome;
use crate::domain::validate::dec_f64;
use crate::domain::{Field, money};

/// One month's actual output and settlement price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actual {
    /// Coins mined in the month, `> 0`.
    pub output: Decimal,
    /// The price the month settled at, USD per coin, `> 0`.
    pub price: Decimal,
}

/// One month that has passed, against its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthActual {
    /// The month (0-based).
    pub index: usize,
    /// Its actual output and price.
    pub actual: Actual,
    /// `a·S`, USD.
    pub revenue: Decimal,
    /// Net cash with the month's hedge, USD.
    pub net_cash: Decimal,
    /// Net cash without it, USD.
    pub unhedged: Decimal,
    /// `net cash − unhedged`, USD.
    pub hedge_effect: Decimal,
    /// `a·(S − F)`, USD.
    pub item_change: Decimal,
}

/// The months that have passed and what the hedge did over them.
#[derive(Debug, Clone, PartialEq)]
pub struct Actuals {
    /// Each month with an actual, in order.
    pub months: Vec<MonthActual>,
    /// `−Σ hedge effect / Σ item change`; `None` without a month or when the price sat on
    /// the forward (`Σ item change = 0`).
    pub dollar_offset: Option<Decimal>,
    /// `1 − sd(net cash)/sd(unhedged)`; `None` with fewer than two months or no variation
    /// unhedged.
    pub sd_reduction: Option<f64>,
    /// `Σa/ΣQ` over the months so far; `None` without a month.
    pub output_ratio: Option<Decimal>,
}

/// Sample standard deviation (at least two values).
fn sd(v: &[f64]) -> Option<f64> {
    let n = v.len() as f64;
    (v.len() >= 2).then(|| {
        let mean = v.iter().sum::<f64>() / n;
        (v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0)).sqrt()
    })
}

impl Program {
    /// The program's months that have an actual (`actuals[m]`, `None` or beyond the list:
    /// not known yet) against the plan. Errors: an actual beyond the horizon (`"month"`), an
    /// output or price not above 0.
    pub fn actuals(&self, actuals: &[Option<Actual>]) -> Result<Actuals> {
        if let Some(extra) = actuals
            .iter()
            .skip(self.months.len())
            .position(Option::is_some)
        {
            return Err(DomainError::out_of_range(
                Field::Month,
                (self.months.len() + extra + 1) as f64,
                format!("a month of the program, 1 to {}", self.months.len()),
            ));
        }
        let mut months = Vec::new();
        let (mut mined, mut expected) = (Decimal::ZERO, Decimal::ZERO);
        for (index, a) in actuals.iter().enumerate() {
            let Some(a) = *a else { continue };
            let m = &self.months[index];
            let out = m.production.economics.output();
            let month = self.actual(index, a)?;
            mined = money::add(Field::ActualOutput, mined, a.output)?;
            expected = money::add(Field::ExpectedOutput, expected, out)?;
            months.push(month);
        }
        let sum = |f: fn(&MonthActual) -> Decimal| {
            months
                .iter()
                .try_fold(Decimal::ZERO, |s, m| money::add(Field::NetCash, s, f(m)))
        };
        let (effect, item) = (sum(|m| m.hedge_effect)?, sum(|m| m.item_change)?);
        let dollar_offset = if item.is_zero() {
            None
        } else {
            Some(money::div(Field::NetCash, -effect, item)?.normalize())
        };
        let series = |f: fn(&MonthActual) -> Decimal| -> Vec<f64> {
            months.iter().map(|m| dec_f64(f(m))).collect()
        };
        let sd_reduction = match (sd(&series(|m| m.net_cash)), sd(&series(|m| m.unhedged))) {
            (Some(h), Some(u)) if u > 0.0 => Some(1.0 - h / u),
            _ => None,
        };
        let output_ratio = if months.is_empty() {
            None
        } else {
            Some(money::div(Field::ActualOutput, mined, expected)?.normalize())
        };
        Ok(Actuals {
            months,
            dollar_offset,
            sd_reduction,
            output_ratio,
        })
    }

    /// Month `index` at its actual.
    fn actual(&self, index: usize, a: Actual) -> Result<MonthActual> {
        if a.output <= Decimal::ZERO {
            return Err(DomainError::out_of_range(
                Field::ActualOutput,
                dec_f64(a.output),
                "greater than 0",
            ));
        }
        if a.price <= Decimal::ZERO {
            return Err(DomainError::out_of_range(
                Field::ActualPrice,
                dec_f64(a.price),
                "greater than 0",
            ));
        }
        let m = &self.months[index];
        let out = m.production.economics.output();
        let cost = m.production.economics.cash_cost();
        // Mined coins a = Q/(1 + d): the difficulty change the output implies.
        let d = money::sub(
            Field::ActualOutput,
            money::div(Field::ActualOutput, out, a.output)?,
            Decimal::ONE,
        )?;
        let outcome = Outcome {
            price: a.price,
            difficulty_change: d,
        };
        let revenue = money::mul(Field::ActualPrice, a.output, a.price)?;
        let net_cash = self.net_cash(index, &outcome)?;
        let unhedged = money::sub(Field::NetCash, revenue, cost)?;
        let item = money::sub(Field::ActualPrice, a.price, m.curve.forward)?;
        Ok(MonthActual {
            index,
            actual: a,
            revenue: revenue.normalize(),
            net_cash,
            unhedged: unhedged.normalize(),
            hedge_effect: money::sub(Field::NetCash, net_cash, unhedged)?.normalize(),
            item_change: money::mul(Field::ActualPrice, a.output, item)?.normalize(),
        })
    }
}
