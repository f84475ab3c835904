//! The treasury: the coins a miner keeps, lends, pledges and writes calls on, and its cash,
//! month by month beside the hedge program that produces them.
//!
//! **At the start** (`t = 0`): `hold0` coins and `cash0` USD, plus the loan's proceeds, less
//! every option premium of the program (paid at the start, not carried). `pledge` coins are
//! pledged to the loan (none without one; all the coins held at the start with one when not
//! given) until it is repaid at the end of the last month.
//!
//! **Each month** `m` ([`ledger`], the same steps for the plan and for each simulated path):
//!
//! 1. at its start, of the coins not pledged (`free`): a share `lend` is lent and a share `cc`
//!    written as one-month calls struck at `cck`·(the month's one-month forward), their premium
//!    received in cash;
//! 2. at its end, at the settlement price `S_m`: a share `sell` of the mined coins is sold, the
//!    rest kept; cash receives the hedge payoff and credits and pays the cost and the loan's
//!    interest `loan·lrate·days/365`;
//! 3. the lent coins come back with `lent·lendy·days/365` coins of interest, less
//!    `lent·lgd` when the borrower defaults (probability `1 − (1 − lpd)^{days/365}`; the plan
//!    subtracts the expected loss, a path draws the default);
//! 4. the calls: when `S_m` is above the strike the coins are delivered at the strike (cash
//!    receives `coins·K`; a treasury no longer holding them settles the rest at `S_m − K`);
//! 5. the loan: its LTV at `S_m` is `loan/(pledge·S_m)`; at or above `ltvmc` the month counts
//!    a margin call; at or above `ltvliq` the lender sells the pledged coins at `S_m` and is
//!    repaid (the rest is cash). At the end of the last month the loan is repaid from cash;
//! 6. negative cash is brought back to zero by selling unpledged coins at `S_m` (a forced
//!    sale); when they run out, the month shows the shortfall (cash stays negative).
//!
//! The month's value is `coins held·S + cash − loan`; the plan values at the month's forward
//! `F_m` (the path that settles every month at its forward). The program's month net cash
//! (its table) is unchanged: the value of the month's production.
//!
//! **Calls' premium.** Black-76 on the page's market (the smile included) on the one-month
//! forward `F¹_m`, strike `cck·F¹_m`, expiry the month's days/365, discounted at the rate.
//! Black-76 is homogeneous: the premium is `F¹_m·c_m` with `c_m` the price of the strike
//! `cck` on a forward of 1, so a path's premium at its own forward is the plan's ratio times
//! it. The plan's `F¹_m` is the curve's `F_m`; a path's is its price at the month's start
//! times `F_m/F_{m−1}` (`F_{−1}` the spot).
//!
//! ```
//! use chrono::NaiveDate;
//! use minerhedge::domain::program::*;
//! use minerhedge::domain::program::treasury::{Treasury, TreasuryParams};
//! use minerhedge::domain::strategy::StrategyKind;
//! use rust_decimal::Decimal;
//! let d = Decimal::from;
//! let p = Program::new(ProgramParams {
//!     economics: ProgramEconomics::Direct(DirectMonth { qty: d(10), cost: d(500_000) }),
//!     market: Market { spot: d(100_000), vol_pct: d(50), rate_pct: d(0), basis_pct: d(0) },
//!     calendar: CalendarParams { start: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), months: 2, halving: None },
//!     growth: Growth::default(),
//!     hedges: vec![MonthHedge::unhedged(); 2],
//!     forward_overrides: vec![None; 2],
//!     smile_pts: (d(0), d(0)),
//! })?;
//! // 100 coins held, half of each month's 10 coins kept, a $3M loan at 10 % against all 100.
//! let t = Treasury::new(&p, TreasuryParams {
//!     hold0: d(100),
//!     sell_pct: vec![d(50); 2],
//!     loan: d(3_000_000),
//!     loan_rate_pct: d(10),
//!     ..TreasuryParams::sell_all(2)
//! })?;
//! let plan = t.plan(&p)?;
//! // January: 5 coins sold at 100,000, cost 500,000, interest 3,000,000·10 %·31/365.
//! let interest = d(3_000_000) * d(10) / d(100) * d(31) / d(365);
//! assert_eq!(plan[0].record.end.cash, d(3_000_000) + d(500_000) - d(500_000) - interest);
//! assert_eq!(plan[0].record.end.held, d(105));
//! assert_eq!(plan[0].record.ltv, d(3_000_000) / (d(100) * d(100_000)));
//! // February: the loan is repaid at its end; the two months' interest is sold out of coins.
//! let interest2 = d(3_000_000) * d(10) / d(100) * d(28) / d(365);
//! assert_eq!(plan[1].record.end.loan, Decimal::ZERO);
//! let forced = (interest + interest2) / d(100_000);
//! assert!((plan[1].record.forced - forced).abs() < Decimal::new(1, 24));
//! assert_eq!(plan[1].record.end.cash, Decimal::ZERO);
//! # Ok::<(), minerhedge::domain::DomainError>(())
//! ```

pub mod ledger;
pub mod loan;
pub(crate) mod paths;

pub use ledger::{Amount, Balances, LoanLimits, MonthMarket, MonthPolicy, MonthRecord};
pub use loan::{LoanRisk, LoanTerms, loan_risk};
pub use paths::{TreasuryMonthStats, TreasuryStats};

use super::Program;
use crate::domain::Field;
use crate::domain::error::{DomainError, Result};
use crate::domain::leg::Outcome;
use crate::domain::money;
use crate::domain::pricing::smile::SmileModel;
use crate::domain::pricing::{ForwardModel, ForwardParams, OptionKind};
use crate::domain::range::NumRange;
use crate::domain::validate::dec_f64;
use rust_decimal::Decimal;

/// The treasury's inputs: per-month values have one entry per month (percents as the page
/// shows them).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TreasuryParams {
    /// Coins held at the start, `[0, 10⁹]` (field `"coins held"`).
    pub hold0: Decimal,
    /// Cash at the start, USD, `[0, 10¹²]` (field `"cash"`).
    pub cash0: Decimal,
    /// Share of each month's mined coins sold, %, `[0, 100]` (field `"coins sold"`).
    pub sell_pct: Vec<Decimal>,
    /// Share of each month's unpledged coins lent, % (field `"coins lent"`).
    pub lend_pct: Vec<Decimal>,
    /// Lending yield, % a year in coin, `[0, 100]` (field `"lending yield"`).
    pub lend_yield_pct: Decimal,
    /// The borrower's annual default probability, %, `[0, 100]` (field `"lending default"`).
    pub default_pct: Decimal,
    /// Loss given default, % of the lent coins, `[0, 100]` (field `"lending default"`).
    pub loss_given_default_pct: Decimal,
    /// Loan, USD, `[0, 10¹²]` (field `"loan"`).
    pub loan: Decimal,
    /// Loan rate, % a year, `[0, 100]` (field `"loan"`).
    pub loan_rate_pct: Decimal,
    /// Coins pledged; `None`: all the coins held at the start with a loan, none without
    /// (field `"pledged coins"`).
    pub pledge: Option<Decimal>,
    /// Margin-call LTV, %, `(0, 100]` (field `"loan-to-value"`).
    pub ltv_call_pct: Decimal,
    /// Liquidation LTV, %, above the margin call's, at most 100 (field `"loan-to-value"`).
    pub ltv_liquidation_pct: Decimal,
    /// Target probability of a margin call for the pledge needed, %, `(0, 100)` (field
    /// `"target probability of a margin call"`).
    pub call_target_pct: Decimal,
    /// Share of each month's unpledged coins written as calls, % (field `"covered calls"`).
    pub calls_pct: Vec<Decimal>,
    /// Each month's call strike, % of its one-month forward, `(0, 1000]` (field
    /// `"covered calls"`).
    pub call_strike_pct: Vec<Decimal>,
}

impl TreasuryParams {
    /// The treasury of a program that sells every coin and holds, lends and borrows nothing.
    ///
    /// ```
    /// use minerhedge::domain::program::treasury::TreasuryParams;
    /// assert!(!TreasuryParams::sell_all(3).is_active());
    /// ```
    pub fn sell_all(months: usize) -> Self {
        TreasuryParams {
            hold0: Decimal::ZERO,
            cash0: Decimal::ZERO,
            sell_pct: vec![Decimal::ONE_HUNDRED; months],
            lend_pct: vec![Decimal::ZERO; months],
            lend_yield_pct: Decimal::ZERO,
            default_pct: Decimal::ZERO,
            loss_given_default_pct: Decimal::ONE_HUNDRED,
            loan: Decimal::ZERO,
            loan_rate_pct: Decimal::ZERO,
            pledge: None,
            ltv_call_pct: Decimal::from(70),
            ltv_liquidation_pct: Decimal::from(85),
            call_target_pct: Decimal::ONE,
            calls_pct: vec![Decimal::ZERO; months],
            call_strike_pct: vec![Decimal::from(110); months],
        }
    }

    /// Whether the treasury holds, keeps, lends, borrows or writes anything (otherwise the
    /// page shows no treasury: every coin is sold in its month, as the program assumes).
    pub fn is_active(&self) -> bool {
        let any = |v: &[Decimal], default: Decimal| v.iter().any(|x| *x != default);
        !self.hold0.is_zero()
            || !self.cash0.is_zero()
            || !self.loan.is_zero()
            || any(&self.sell_pct, Decimal::ONE_HUNDRED)
            || any(&self.calls_pct, Decimal::ZERO)
    }

    /// The coins pledged ([`pledged`]).
    pub fn pledged(&self) -> Decimal {
        pledged(self.hold0, self.loan, self.pledge)
    }

    fn check(&self, months: usize) -> Result<()> {
        let pct = const { NumRange::closed(Decimal::ZERO, Decimal::ONE_HUNDRED) };
        let big = |n| NumRange::closed(Decimal::ZERO, Decimal::from(10u64.pow(n)));
        big(9).check(Field::CoinsHeld, self.hold0)?;
        big(12).check(Field::TreasuryCash, self.cash0)?;
        big(12).check(Field::Loan, self.loan)?;
        pct.check(Field::LendingYield, self.lend_yield_pct)?;
        pct.check(Field::LendingDefault, self.default_pct)?;
        pct.check(Field::LendingDefault, self.loss_given_default_pct)?;
        pct.check(Field::Loan, self.loan_rate_pct)?;
        for (field, list) in [
            (Field::CoinsSold, &self.sell_pct),
            (Field::CoinsLent, &self.lend_pct),
            (Field::CoveredCalls, &self.calls_pct),
        ] {
            if list.len() != months {
                return Err(per_month(field, list.len(), months));
            }
            for v in list {
                pct.check(field, *v)?;
            }
        }
        if self.call_strike_pct.len() != months {
            return Err(per_month(
                Field::CoveredCalls,
                self.call_strike_pct.len(),
                months,
            ));
        }
        for k in &self.call_strike_pct {
            const { NumRange::above(Decimal::ZERO, Decimal::from_parts(1000, 0, 0, false, 0)) }
                .check(Field::CoveredCalls, *k)?;
        }
        self.check_loan()
    }

    fn check_loan(&self) -> Result<()> {
        let ltv = const { NumRange::above(Decimal::ZERO, Decimal::ONE_HUNDRED) };
        ltv.check(Field::LoanToValue, self.ltv_call_pct)?;
        ltv.check(Field::LoanToValue, self.ltv_liquidation_pct)?;
        if self.ltv_liquidation_pct <= self.ltv_call_pct {
            return Err(DomainError::out_of_range(
                Field::LoanToValue,
                dec_f64(self.ltv_liquidation_pct),
                format!(
                    "above the margin call's LTV ({} %)",
                    self.ltv_call_pct.normalize()
                ),
            ));
        }
        const { NumRange::open(Decimal::ZERO, Decimal::ONE_HUNDRED) }
            .check(Field::MarginCallTarget, self.call_target_pct)?;
        let pledged = self.pledged();
        if pledged < Decimal::ZERO || pledged > self.hold0 {
            return Err(DomainError::out_of_range(
                Field::PledgedCoins,
                dec_f64(pledged),
                format!("between 0 and the coins held ({})", self.hold0.normalize()),
            ));
        }
        if self.loan > Decimal::ZERO && pledged.is_zero() {
            return Err(DomainError::out_of_range(
                Field::PledgedCoins,
                0.0,
                "greater than 0: a loan needs coins pledged",
            ));
        }
        Ok(())
    }
}

/// The coins pledged to a loan of `loan` USD: `pledge` when given, else all the `hold0` coins
/// held at the start with a loan and none without.
///
/// ```
/// use minerhedge::domain::program::treasury::pledged;
/// use rust_decimal::Decimal;
/// let d = Decimal::from;
/// assert_eq!(pledged(d(100), d(5), None), d(100));
/// assert_eq!(pledged(d(100), d(0), None), d(0));
/// assert_eq!(pledged(d(100), d(5), Some(d(40))), d(40));
/// ```
pub fn pledged(hold0: Decimal, loan: Decimal, pledge: Option<Decimal>) -> Decimal {
    match pledge {
        Some(p) => p,
        None if loan > Decimal::ZERO => hold0,
        None => Decimal::ZERO,
    }
}

fn per_month(field: Field, len: usize, months: usize) -> DomainError {
    DomainError::out_of_range(field, len as f64, format!("one entry per month ({months})"))
}

/// One month's terms the plan and the paths share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthTerms {
    /// The policy, exact.
    pub policy: MonthPolicy<Decimal>,
    /// The call premium per coin on a one-month forward of 1 (`c_m` of the module docs).
    pub call_ratio: f64,
    /// The plan's one-month forward `F_m` over the previous month's (`F_{−1}` the spot).
    pub forward_ratio: f64,
    /// The borrower's default probability in the month, `1 − (1 − lpd)^{days/365}`.
    pub default_prob: f64,
    /// The hedge's premium carried to the month's settlement (in the month's net cash), USD.
    pub carried_premium: Decimal,
}

/// A validated treasury on a program: the start and each month's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Treasury {
    params: TreasuryParams,
    start: Balances<Decimal>,
    months: Vec<MonthTerms>,
    limits: LoanLimits<Decimal>,
}

/// One month of the plan, as data (coins and USD exact; the call premium and the expected
/// default loss through their `f64` models).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TreasuryRow {
    /// What happened, at the month's forward.
    pub record: MonthRecord<Decimal>,
    /// The month's forward `F_m`, USD per coin.
    pub forward: Decimal,
    /// Coins held × `F_m` + cash − loan, USD.
    pub value: Decimal,
    /// The loan during the month (before any repayment at its end), USD.
    pub loan: Decimal,
    /// The coins pledged during the month, as `loan`.
    pub pledged: Decimal,
}

impl Treasury {
    /// Checks `params` on `program` (errors name the field) and prepares each month.
    pub fn new(program: &Program, params: TreasuryParams) -> Result<Self> {
        let n = program.months().len();
        params.check(n)?;
        let pct = |v: Decimal| v / Decimal::ONE_HUNDRED;
        let mut upfront = Decimal::ZERO;
        let mut prev_forward = program.market().spot;
        let rate = dec_f64(program.market().rate_pct) / 100.0;
        let smile = program.smile();
        let mut months = Vec::with_capacity(n);
        for (i, m) in program.months().iter().enumerate() {
            let pos = &m.hedge.position;
            upfront = money::add(Field::Premium, upfront, pos.upfront_premium())?;
            let year_share = Decimal::from(m.calendar.days) / Decimal::from(365);
            let years = dec_f64(year_share);
            let strike = pct(params.call_strike_pct[i]);
            let call_ratio = call_ratio(rate, m.curve.model.params().vol, smile, years, strike)?;
            let lpd = dec_f64(params.default_pct) / 100.0;
            months.push(MonthTerms {
                policy: MonthPolicy {
                    sell: pct(params.sell_pct[i]),
                    lend: pct(params.lend_pct[i]),
                    lend_interest: pct(params.lend_yield_pct) * year_share,
                    loss_given_default: pct(params.loss_given_default_pct),
                    calls: pct(params.calls_pct[i]),
                    call_strike: strike,
                    loan_interest: pct(params.loan_rate_pct) * year_share,
                    repay: i + 1 == n,
                },
                call_ratio,
                forward_ratio: dec_f64(m.curve.forward) / dec_f64(prev_forward),
                default_prob: 1.0 - libm::pow(1.0 - lpd, years),
                carried_premium: pos.carried_net_premium(),
            });
            prev_forward = m.curve.forward;
        }
        let start = Balances {
            held: params.hold0,
            pledged: params.pledged(),
            cash: params.cash0.plus(params.loan).minus(upfront),
            loan: params.loan,
        };
        let limits = LoanLimits {
            call: pct(params.ltv_call_pct),
            liquidation: pct(params.ltv_liquidation_pct),
        };
        Ok(Treasury {
            params,
            start,
            months,
            limits,
        })
    }

    /// The inputs.
    pub fn params(&self) -> &TreasuryParams {
        &self.params
    }

    /// The balances at `t = 0`: the premiums paid, the loan received.
    pub fn start(&self) -> Balances<Decimal> {
        self.start
    }

    /// Each month's terms.
    pub fn months(&self) -> &[MonthTerms] {
        &self.months
    }

    /// The loan's limits as shares.
    pub fn limits(&self) -> LoanLimits<Decimal> {
        self.limits
    }

    /// The plan: every month settles at its forward `F_m`, mines its expected output and
    /// loses the expected default (see the module docs). Errors: the program's month values.
    pub fn plan(&self, program: &Program) -> Result<Vec<TreasuryRow>> {
        let mut b = self.start;
        let mut rows = Vec::with_capacity(self.months.len());
        for (i, (m, t)) in program.months().iter().zip(&self.months).enumerate() {
            let f = m.curve.forward;
            let mined = m.hedge.position.economics().output();
            let net = program.net_cash(i, &Outcome::at_price(f))?;
            let credits = match &m.power {
                Some(p) => money::dec_from_f64(Field::Revenue, p.plan.credits)?,
                None => Decimal::ZERO,
            };
            let flow = net.plus(t.carried_premium).plus(credits).minus(money::mul(
                Field::Revenue,
                mined,
                f,
            )?);
            let market = MonthMarket {
                price: f,
                forward: f,
                call_premium: money::dec_from_f64(Field::CallPremium, t.call_ratio * dec_f64(f))?,
                mined,
                flow,
                default_share: money::dec_from_f64(Field::LendingDefault, t.default_prob)?,
            };
            let (loan, pledged) = (b.loan, b.pledged);
            let record = b.month(&t.policy, &market, self.limits);
            rows.push(TreasuryRow {
                value: b.value(f).normalize(),
                record,
                forward: f,
                loan,
                pledged,
            });
        }
        Ok(rows)
    }
}

/// Black-76 price of a call struck at `strike` on a forward of 1 (the smile's vol at that
/// moneyness when there is one), expiring in `years`, discounted at `rate`.
fn call_ratio(
    rate: f64,
    vol: f64,
    smile: Option<crate::domain::pricing::smile::Smile>,
    years: f64,
    strike: Decimal,
) -> Result<f64> {
    let params = ForwardParams {
        forward: 1.0,
        rate,
        vol,
        expiry_years: years,
    };
    let k = dec_f64(strike);
    match smile {
        Some(s) => SmileModel::new(params, s)?.price(OptionKind::Call, k),
        None => ForwardModel::new(params)?.price(OptionKind::Call, k),
    }
}
