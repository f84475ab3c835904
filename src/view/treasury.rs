//! The program view's treasury: the scenario's treasury keys turned into the engine's
//! [`Treasury`], its plan month by month, the loan's risk and the price fan the loan's prices
//! are drawn against. Pure.
//!
//! ```
//! use chrono::NaiveDate;
//! use minerhedge::link::Scenario;
//! use minerhedge::view::program::ProgramModel;
//! let q = "v=2&view=program&start=2027-01-01&months=3&spot=100000&hold0=1000&loan=30000000&lend=50&lendy=2";
//! let m = ProgramModel::build(&Scenario::from_query(q).scenario, NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?).map_err(|e| e.text)?;
//! let t = m.treasury.ok_or("no treasury")?.map_err(|e| e.text)?;
//! assert_eq!(t.rows.len(), 3);
//! let loan = t.loan.ok_or("no loan")?;
//! assert!((loan.ltv_start - 0.3).abs() < 1e-12);
//! # Ok::<(), String>(())
//! ```

use rust_decimal::Decimal;

use super::Message;
use super::keys::Blame;
use crate::domain::margin::PricePath;
use crate::domain::program::Program;
use crate::domain::program::treasury::{
    LoanRisk, LoanTerms, Treasury, TreasuryParams, TreasuryRow, loan_risk,
};
use crate::domain::validate::dec_f64;
use crate::link::{Key, Scenario};

/// The treasury of a program, built.
#[derive(Debug, Clone, PartialEq)]
pub struct TreasuryView {
    /// The engine's treasury (what the simulation runs on every path).
    pub treasury: Treasury,
    /// The plan: each month at its forward.
    pub rows: Vec<TreasuryRow>,
    /// The loan's risk, with a loan.
    pub loan: Option<LoanRisk>,
    /// The price path the loan's touch probabilities are on (spot, `T_end`, drift, vol).
    pub path: PricePath,
    /// The price's P5, P50 and P95 at each month's settlement (lognormal, the simulation's
    /// law): what the loan's prices are drawn against.
    pub price_fan: Vec<[f64; 3]>,
}

/// The engine's treasury inputs of `s` (lists expanded to the program's months).
pub fn treasury_params(s: &Scenario) -> TreasuryParams {
    let t = &s.program.treasury;
    let n = s.program.months as usize;
    TreasuryParams {
        hold0: t.hold0,
        cash0: t.cash0,
        sell_pct: t.sell_pct.expanded(n),
        lend_pct: t.lend_pct.expanded(n),
        lend_yield_pct: t.lend_yield_pct,
        default_pct: t.default_pct,
        loss_given_default_pct: t.loss_given_default_pct,
        loan: t.loan,
        loan_rate_pct: t.loan_rate_pct,
        pledge: t.pledge,
        ltv_call_pct: t.ltv_call_pct,
        ltv_liquidation_pct: t.ltv_liquidation_pct,
        call_target_pct: t.call_target_pct,
        calls_pct: t.calls_pct.expanded(n),
        call_strike_pct: t.call_strike_pct.expanded(n),
    }
}

/// The treasury of `s` on `program`; `None` when it holds, keeps, lends, borrows and writes
/// nothing ([`TreasuryParams::is_active`]: every coin sold in its month, as the program
/// assumes). An input the engine refuses is a [`Message`] naming its key.
pub fn treasury_of(s: &Scenario, program: &Program) -> Option<Result<TreasuryView, Message>> {
    let params = treasury_params(s);
    params
        .is_active()
        .then(|| build(s, program, params).map_err(|e| message(&e)))
}

fn message(e: &crate::domain::DomainError) -> Message {
    let key = Blame::program(Key::Hold0).key(e);
    Message {
        key: Some(key),
        text: format!("{}: {e}", key.as_str()),
    }
}

fn build(
    s: &Scenario,
    program: &Program,
    params: TreasuryParams,
) -> crate::domain::error::Result<TreasuryView> {
    let treasury = Treasury::new(program, params)?;
    let rows = treasury.plan(program)?;
    let path = price_path(s, program);
    let p = treasury.params();
    let loan = if p.loan > Decimal::ZERO {
        Some(loan_risk(
            LoanTerms {
                loan: dec_f64(p.loan),
                pledged: dec_f64(p.pledged()),
                ltv_call: dec_f64(p.ltv_call_pct) / 100.0,
                ltv_liquidation: dec_f64(p.ltv_liquidation_pct) / 100.0,
                target: dec_f64(p.call_target_pct) / 100.0,
            },
            path,
        )?)
    } else {
        None
    };
    Ok(TreasuryView {
        price_fan: price_fan(s, program),
        treasury,
        rows,
        loan,
        path,
    })
}

/// The simulation's price law to the end of the last month, as one geometric Brownian motion:
/// the page's volatility, and the user's `drift` or else the forward curve's growth to the last
/// month, `ln(F_last/spot)/T_end` (the basis when no month's forward is overridden; with
/// overrides, the growth that gives the simulation's expected price at the end,
/// `E[S_T] = F_last`).
fn price_path(s: &Scenario, program: &Program) -> PricePath {
    let spot = dec_f64(s.market.spot);
    let last = program.months().last();
    let years = last.map_or(0.0, |m| m.calendar.years());
    let drift = match (s.simulation.drift_pct, last) {
        (Some(d), _) => dec_f64(d) / 100.0,
        (None, Some(m)) if years > 0.0 => libm::log(dec_f64(m.curve.forward) / spot) / years,
        (None, _) => dec_f64(s.program.basis_pct) / 100.0,
    };
    PricePath {
        spot,
        years,
        drift,
        vol: s.vol(),
    }
}

/// The 5th, 50th and 95th percentiles of each month's simulated price (module
/// [`crate::domain::program::simulation`]): `S_m = F_m·exp(−σ²T_m/2 + σ√T_m·z)` along the
/// curve, or `spot·exp((μ − σ²/2)·T_m + σ√T_m·z)` with the user's drift `μ`.
fn price_fan(s: &Scenario, program: &Program) -> Vec<[f64; 3]> {
    // The standard normal's 5th percentile.
    const Z95: f64 = 1.644_853_626_951_472_2;
    let vol = s.vol();
    let spot = dec_f64(s.market.spot);
    program
        .months()
        .iter()
        .map(|m| {
            let t = m.calendar.years();
            let centre = match s.simulation.drift_pct {
                Some(d) => spot * libm::exp(dec_f64(d) / 100.0 * t),
                None => dec_f64(m.curve.forward),
            } * libm::exp(-0.5 * vol * vol * t);
            let w = vol * t.sqrt() * Z95;
            [centre * libm::exp(-w), centre, centre * libm::exp(w)]
        })
        .collect()
}

/// The treasury chart's data: the simulated value bands of the treasury and of selling every
/// coin (empty before the simulation), the price fan and the loan's prices.
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::link::Scenario;
/// use minerhedge::view::{program::ProgramModel, treasury::treasury_chart};
/// let q = "v=2&view=program&start=2027-01-01&months=4&spot=100000&hold0=1000&loan=30000000";
/// let m = ProgramModel::build(&Scenario::from_query(q).scenario, NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?).map_err(|e| e.text)?;
/// let t = m.treasury.as_ref().ok_or("none")?.as_ref().map_err(|e| e.text.clone())?;
/// let c = treasury_chart(&m, t, None);
/// assert_eq!(c.price.p50.len(), 4);
/// assert!(c.value[0].p50.is_empty());
/// assert!((c.call_price.ok_or("no loan")? - 30e6 / (1000.0 * 0.7)).abs() < 1e-6);
/// # Ok::<(), String>(())
/// ```
pub fn treasury_chart(
    model: &super::program::ProgramModel,
    t: &TreasuryView,
    stats: Option<&crate::domain::program::ProgramStats>,
) -> crate::chart::treasury::TreasuryChart {
    use crate::chart::program::Band;
    use crate::domain::program::Quantiles;
    let band = |q: Vec<Quantiles>| Band {
        p5: q.iter().map(|q| q.p5).collect(),
        p50: q.iter().map(|q| q.p50).collect(),
        p95: q.iter().map(|q| q.p95).collect(),
    };
    let sim = stats.and_then(|s| s.treasury.as_ref());
    let value = match sim {
        Some(s) => [
            band(s.months.iter().map(|m| m.value).collect()),
            band(s.months.iter().map(|m| m.sell_all).collect()),
        ],
        None => Default::default(),
    };
    crate::chart::treasury::TreasuryChart {
        value,
        price: Band {
            p5: t.price_fan.iter().map(|q| q[0]).collect(),
            p50: t.price_fan.iter().map(|q| q[1]).collect(),
            p95: t.price_fan.iter().map(|q| q[2]).collect(),
        },
        call_price: t.loan.map(|l| l.call_price),
        liquidation_price: t.loan.map(|l| l.liquidation_price),
        months: model.program.rows().len(),
        halving_month: model.halving_month,
        ..Default::default()
    }
}
