//! The program view's model: the scenario's program inputs (link lists expanded to one value
//! per month) turned into the engine's [`Program`], its month rows and totals, and the
//! simulation's parameters. Pure.
//!
//! ```
//! use chrono::NaiveDate;
//! use minerhedge::link::Scenario;
//! use minerhedge::view::program::ProgramModel;
//! let s = Scenario::from_query("v=2&view=program&start=2027-01-01&months=6&pcov=80,60").scenario;
//! let today = NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?;
//! let m = ProgramModel::build(&s, today).map_err(|e| e.text)?;
//! assert_eq!(m.program.rows().len(), 6);
//! assert_eq!(m.program.rows()[5].coverage_pct, 60.into());
//! # Ok::<(), String>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Message;
use super::keys::Blame;
use super::rig::monthly_rig;
use crate::domain::power::HourPrices;
use crate::domain::program::actuals::{Actual, Actuals};
use crate::domain::program::{
    CalendarParams, DirectMonth, Growth, Market, MonthHedge, Program, ProgramEconomics,
    ProgramParams, ProgramPower, SimulationParams,
};
use crate::domain::validate::dec_f64;
use crate::domain::{DomainError, Field};
use crate::link::{Key, Mode, Scenario};

/// The program of a scenario, built.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramModel {
    /// The coin's label.
    pub coin: String,
    /// The engine's program: months, rows, totals.
    pub program: Program,
    /// The month (from 0) in which the subsidy halves, when it does within the horizon.
    pub halving_month: Option<usize>,
    /// Hardware capex, USD (rig mode; 0 in direct mode).
    pub capex: Decimal,
    /// The simulation's parameters.
    pub simulation: SimulationParams,
    /// The price drift the user states (`drift`, % a year); `None`: the forward curve.
    pub drift_pct: Option<Decimal>,
    /// Each month's collateral needed (USD): for a forward, inverse or hashprice forward,
    /// the collateral that keeps the chance of touching its liquidation price before the
    /// month's settlement at `pliq` (never below the initial margin `im`); `None` for the
    /// other hedges.
    pub collateral: Vec<Option<f64>>,
    /// The months that have passed (`aq`, `apx`) against the plan, and the ladder
    /// re-projected on their output; or why they could not be read.
    pub actuals: Result<ActualsView, Message>,
    /// The same program with every month's hedge at 100 % coverage (what the suggested
    /// ladder scans; [`ProgramRun::with_full_coverage`](crate::domain::program::ProgramRun::with_full_coverage)).
    pub full: Option<Program>,
    /// The treasury (module [`super::treasury`]) when the scenario holds, keeps, lends,
    /// borrows or writes anything; or why it could not be built (the program still stands).
    pub treasury: Option<Result<super::treasury::TreasuryView, Message>>,
}

/// One month of the suggested ladder: the least coverage of its hedge that keeps the chance of
/// a negative net cash at or under `pneg` (at most `pmax`), and that chance.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Suggestion {
    /// The month (0-based).
    pub month: usize,
    /// The least such coverage, %; `None` when none up to `pmax` reaches the target.
    pub coverage_pct: Option<u32>,
    /// The share of paths with net cash below 0 at that coverage (at `pmax` when none).
    pub prob_negative: f64,
}

/// The suggested ladder's target and cap of `s`: (`pneg` as a fraction, `pmax` in %).
pub fn suggestion_terms(s: &Scenario) -> (f64, u32) {
    use rust_decimal::prelude::ToPrimitive;
    let p = &s.program;
    (
        dec_f64(p.negative_target_pct) / 100.0,
        p.max_coverage_pct.floor().to_u32().unwrap_or(100),
    )
}

/// The `pcov` text of the suggestion: each month at its suggested coverage (at the cap where
/// none reaches the target); months without a suggestion keep `current`'s.
///
/// ```
/// use minerhedge::view::program::{suggested_coverage_text, Suggestion};
/// let s = |month, c| Suggestion { month, coverage_pct: c, prob_negative: 0.0 };
/// assert_eq!(suggested_coverage_text(&["80".into(), "60".into(), "40".into()], &[s(0, Some(35)), s(1, None)], 90), "35,90,40");
/// ```
pub fn suggested_coverage_text(current: &[String], suggestions: &[Suggestion], cap: u32) -> String {
    current
        .iter()
        .enumerate()
        .map(|(i, c)| match suggestions.iter().find(|s| s.month == i) {
            Some(s) => s.coverage_pct.unwrap_or(cap).to_string(),
            None => c.clone(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The actuals of the months that have passed and what they change for the months to come.
#[derive(Debug, Clone, PartialEq)]
pub struct ActualsView {
    /// Each month with an actual against its plan, and the ratios over them.
    pub actuals: Actuals,
    /// The ladder on the re-projected output; `None` without an actual.
    pub rebalance: Option<Rebalance>,
}

/// The rebalancing the actuals call for: each month still to come re-projected on the output
/// so far (`Σa/ΣQ`), its hedge brought back to the ladder's coverage of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rebalance {
    /// `Σa/ΣQ` over the months so far.
    pub output_ratio: Decimal,
    /// `(month, coins)` to add to (sell more; negative: buy back) each hedged month to come.
    pub trades: Vec<(usize, Decimal)>,
    /// What each month's hedge covers of its *planned* output once traded: the months so far
    /// unchanged, the months to come at coverage × ratio (at most 100 %). The ladder (`pcov`)
    /// stays the policy (a share of the output); the trades are the orders that keep to it.
    pub coverage: Vec<Decimal>,
}

/// The actuals of `s` on `program` (see [`ActualsView`]).
fn actuals_of(s: &Scenario, program: &Program) -> Result<ActualsView, Message> {
    let p = &s.program;
    let msg = |key: Key, text: String| Message {
        key: Some(key),
        text,
    };
    let n = p.actual_outputs.len().max(p.actual_prices.len());
    for i in 0..n {
        let (a, x) = (
            p.actual_outputs.get(i).copied().flatten(),
            p.actual_prices.get(i).copied().flatten(),
        );
        match (a, x) {
            (Some(_), None) => {
                return Err(msg(
                    Key::ActualPrices,
                    format!(
                        "apx: month {} has an actual output (aq) but no price",
                        i + 1
                    ),
                ));
            }
            (None, Some(_)) => {
                return Err(msg(
                    Key::ActualOutputs,
                    format!(
                        "aq: month {} has an actual price (apx) but no output",
                        i + 1
                    ),
                ));
            }
            _ => {}
        }
    }
    let pairs: Vec<Option<Actual>> = p
        .actuals()
        .into_iter()
        .map(|a| a.map(|(output, price)| Actual { output, price }))
        .collect();
    let actuals = program.actuals(&pairs).map_err(|e| {
        let key = Blame::program(Key::ActualOutputs).key(&e);
        msg(key, format!("{}: {e}", key.as_str()))
    })?;
    let rebalance = actuals
        .output_ratio
        .map(|r| rebalance(program, &actuals, r));
    Ok(ActualsView { actuals, rebalance })
}

/// The ladder re-projected on the output ratio `r` (see [`Rebalance`]).
fn rebalance(program: &Program, actuals: &Actuals, r: Decimal) -> Rebalance {
    let known = |i: usize| actuals.months.iter().any(|m| m.index == i);
    let mut trades = Vec::new();
    let coverage = program
        .rows()
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let c = row.coverage_pct;
            if known(i) || c.is_zero() {
                return c;
            }
            let new = crate::domain::money::checked_mul(c, r)
                .map_or(Decimal::ONE_HUNDRED, |v| v.min(Decimal::ONE_HUNDRED))
                .round_dp(2);
            let trade = crate::domain::money::checked_div(new, c)
                .and_then(|k| crate::domain::money::checked_sub(k, Decimal::ONE))
                .and_then(|k| crate::domain::money::checked_mul(k, row.hedged_coins));
            if let Some(t) = trade.filter(|t| !t.is_zero()) {
                trades.push((i, t.round_dp(8).normalize()));
            }
            new.normalize()
        })
        .collect();
    Rebalance {
        output_ratio: r,
        trades,
        coverage,
    }
}

impl ProgramModel {
    /// The collateral the program needs at its start, when every month's hedge is on:
    /// `Σ` of the months' collateral needed (the peak: each month's is released at its
    /// settlement). `None` without a margined month.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use minerhedge::{link::Scenario, view::program::ProgramModel};
    /// let s = Scenario::from_query("v=2&view=program&months=3&ph=forward,put,forward").scenario;
    /// let m = ProgramModel::build(&s, NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()).unwrap();
    /// assert!(m.collateral[0].is_some() && m.collateral[1].is_none());
    /// let peak = m.peak_collateral().unwrap();
    /// assert_eq!(peak, m.collateral[0].unwrap() + m.collateral[2].unwrap());
    /// ```
    pub fn peak_collateral(&self) -> Option<f64> {
        self.collateral
            .iter()
            .flatten()
            .copied()
            .reduce(|a, b| a + b)
    }
}

impl ProgramModel {
    /// Builds the program of `s`; `today` dates a program without `start` (it begins on the
    /// first day of the next month). An input the engine refuses becomes a [`Message`] naming
    /// its link key.
    pub fn build(s: &Scenario, today: NaiveDate) -> Result<ProgramModel, Message> {
        Self::build_to::<true>(s, today)
    }

    /// What the first paint draws: [`Self::build`] without the treasury (its figures and
    /// chart come with the app), so the first paint's module does not carry it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use minerhedge::{link::Scenario, view::program::ProgramModel};
    /// let s = Scenario::from_query("v=2&view=program&start=2027-01-01&hold0=10").scenario;
    /// let today = NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?;
    /// let first = ProgramModel::first_paint(&s, today).map_err(|e| e.text)?;
    /// assert!(first.treasury.is_none());
    /// let full = ProgramModel::build(&s, today).map_err(|e| e.text)?;
    /// assert_eq!(first.program, full.program);
    /// assert!(full.treasury.is_some());
    /// # Ok::<(), String>(())
    /// ```
    pub fn first_paint(s: &Scenario, today: NaiveDate) -> Result<ProgramModel, Message> {
        Self::build_to::<false>(s, today)
    }

    fn build_to<const TREASURY: bool>(
        s: &Scenario,
        today: NaiveDate,
    ) -> Result<ProgramModel, Message> {
        let power = power_of(s)?;
        let program = Program::with_power(params(s, today), power.clone()).map_err(message)?;
        let halving_month = s.program.halving.and_then(|h| {
            program
                .calendar()
                .months()
                .iter()
                .position(|m| m.start <= h && h < m.end)
        });
        let capex = match s.economics.mode {
            Mode::Rig => s.economics.rig.capex,
            Mode::Direct => Decimal::ZERO,
        };
        let mut full = params(s, today);
        for h in &mut full.hedges {
            h.coverage_pct = Decimal::ONE_HUNDRED;
        }
        let full = program
            .rows()
            .iter()
            .any(|r| r.kind != crate::domain::strategy::StrategyKind::Unhedged)
            .then(|| Program::with_power(full, power).ok())
            .flatten();
        Ok(ProgramModel {
            full,
            treasury: if TREASURY {
                super::treasury::treasury_of(s, &program)
            } else {
                None
            },
            coin: s.economics.coin.clone(),
            collateral: collateral(s, &program),
            actuals: actuals_of(s, &program),
            program,
            halving_month,
            capex,
            simulation: simulation(s),
            drift_pct: s.simulation.drift_pct,
        })
    }
}

/// The engine's inputs: every list expanded to one value per month.
fn params(s: &Scenario, today: NaiveDate) -> ProgramParams {
    let p = &s.program;
    let n = p.months as usize;
    let economics = match s.economics.mode {
        Mode::Direct => ProgramEconomics::Direct(DirectMonth {
            qty: s.economics.qty,
            cost: s.economics.cost,
        }),
        Mode::Rig => ProgramEconomics::Rig(monthly_rig(&s.economics.rig)),
    };
    let hedges = (0..n)
        .map(|m| MonthHedge {
            kind: *p.hedges.at(m),
            coverage_pct: *p.coverage_pct.at(m),
            put_strike_pct: *p.put_strike_pct.at(m),
            put2_strike_pct: *p.put2_strike_pct.at(m),
            call_strike: *p.call_strike_pct.at(m),
        })
        .collect();
    ProgramParams {
        economics,
        market: Market {
            spot: s.market.spot,
            vol_pct: s.market.vol_pct,
            rate_pct: s.market.rate_pct,
            basis_pct: p.basis_pct,
        },
        calendar: CalendarParams {
            start: p.start_or(today),
            months: p.months,
            // A halving before the program starts (`halvdate` with `start` left to follow
            // today) has already happened: the subsidy given is the one the months earn.
            halving: p.halving.filter(|h| *h >= p.start_or(today)),
        },
        growth: Growth {
            difficulty_pct_per_month: p.difficulty_growth_pct,
        },
        hedges,
        forward_overrides: p.forwards.expanded(n),
        smile_pts: (s.market.risk_reversal_pts, s.market.butterfly_pts),
    }
}

/// The simulation's parameters of `s`.
/// Each month's collateral needed (see [`ProgramModel::collateral`]): the month's short sold
/// at its forward, on the price path of `spot`, `rate` and `vol` to the month's settlement.
fn collateral(s: &Scenario, program: &crate::domain::program::Program) -> Vec<Option<f64>> {
    use crate::domain::daycount::Act365;
    use crate::domain::margin::PricePath;
    program
        .months()
        .iter()
        .map(|m| {
            let path = PricePath {
                spot: dec_f64(s.market.spot),
                years: Act365::years(m.calendar.settle_days),
                drift: s.rate(),
                vol: s.vol(),
            };
            let price = dec_f64(m.curve.forward);
            super::margin::margin_on(s, &m.hedge.position, m.hedge.kind, price, path, None)
                .and_then(|r| r.ok())
                .map(|r| r.collateral_needed)
        })
        .collect()
}

fn simulation(s: &Scenario) -> SimulationParams {
    SimulationParams {
        paths: s.simulation.paths as usize,
        seed: s.simulation.seed,
        difficulty_vol_pct: dec_f64(s.simulation.difficulty_vol_pct),
        correlation: dec_f64(s.simulation.correlation_pct) / 100.0,
        drift: s.simulation.drift_pct.map(|d| dec_f64(d) / 100.0),
        power_vol_pct: dec_f64(s.simulation.power_vol_pct),
        power_correlation: dec_f64(s.simulation.power_corr_pct) / 100.0,
    }
}

/// The program's power contract (rig mode, a contract that changes anything: `ptype`
/// other than `fixed`, or `drc`): each month's hour prices from `pidx`, `psd` (per month) or
/// `pcurve`. A bad price model is the message of its key (`pcurve`, `psd` or `pidx`).
///
/// ```
/// use minerhedge::{link::Scenario, view::program::power_of};
/// let s = |q: &str| Scenario::from_query(q).scenario;
/// assert_eq!(power_of(&s("v=2&view=program&mode=rig&ptype=fixed&psd=0.8")), Ok(None));
/// let p = power_of(&s("v=2&view=program&mode=rig&months=3&ptype=index&pidx=40,50")).unwrap().unwrap();
/// assert_eq!(p.prices.len(), 3);
/// assert_eq!(p.prices[2].mean(), 50.0);
/// ```
pub fn power_of(s: &Scenario) -> Result<Option<ProgramPower>, Message> {
    let e = &s.economics;
    if e.mode != Mode::Rig || !e.power.is_active() {
        return Ok(None);
    }
    let pwr = e.rig.power_usd_per_kwh;
    let prices = (0..s.program.months as usize)
        .map(|m| {
            let p = e.power.prices(m, pwr);
            let Err(err) = p.check() else { return Ok(p) };
            let key = match (&p, err.field()) {
                (HourPrices::Curve(_), _) => Key::PowerCurve,
                (_, Some(Field::Volatility)) => Key::PowerSpread,
                _ => Key::PowerIndex,
            };
            Err(Message {
                key: Some(key),
                text: format!("{}: {err} (month {})", key.as_str(), m + 1),
            })
        })
        .collect::<Result<Vec<_>, Message>>()?;
    Ok(Some(ProgramPower {
        contract: e.power.contract,
        prices,
        capacity_credit: dec_f64(e.power.capacity_credit),
    }))
}

/// The message of an engine error met while building the program: its key is the error's
/// field's ([`super::keys::key_of`]); a quantity the program derives is the ladder's (`ph`).
fn message(e: DomainError) -> Message {
    Message {
        key: Some(Blame::program(Key::MonthHedges).key(&e)),
        text: e.to_string(),
    }
}

/// The cash-flow chart's data: the simulated bands of the program and of unhedged, monthly
/// and cumulative (net cash, after the cost: the chart's threshold is $0, and it does not
/// draw the cost), and the halving month. Before the simulation has run the bands are empty
/// and the chart says so.
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::link::Scenario;
/// use minerhedge::view::program::{cash_flow_chart, ProgramModel};
/// let s = Scenario::from_query("v=2&view=program&start=2027-01-01&months=4").scenario;
/// let today = NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?;
/// let m = ProgramModel::build(&s, today).map_err(|e| e.text)?;
/// let c = cash_flow_chart(&m, None);
/// assert_eq!(c.months, 4);
/// assert!(c.monthly[0].p50.is_empty());
/// # Ok::<(), String>(())
/// ```
pub fn cash_flow_chart(
    model: &ProgramModel,
    stats: Option<&crate::domain::program::ProgramStats>,
) -> crate::chart::program::CashFlowChart {
    use crate::chart::program::{Band, CashFlowChart};
    use crate::domain::program::{MonthStats, Quantiles, SeriesStats};
    let band = |s: &SeriesStats, pick: fn(&MonthStats) -> Quantiles| Band {
        p5: s.months.iter().map(|m| pick(m).p5).collect(),
        p50: s.months.iter().map(|m| pick(m).p50).collect(),
        p95: s.months.iter().map(|m| pick(m).p95).collect(),
    };
    let (monthly, cumulative) = match stats {
        Some(st) => (
            [
                band(&st.program, |m| m.net_cash),
                band(&st.unhedged, |m| m.net_cash),
            ],
            [
                band(&st.program, |m| m.cumulative),
                band(&st.unhedged, |m| m.cumulative),
            ],
        ),
        None => Default::default(),
    };
    CashFlowChart {
        monthly,
        cumulative,
        months: model.program.rows().len(),
        halving_month: model.halving_month,
        ..CashFlowChart::default()
    }
}
