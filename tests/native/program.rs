//! The hedge program (`domain::program`): calendar months, monthly production, Black-76
//! premiums against QuantLib, the zero-cost call per month, the simulation's fan, a
//! one-month program against the period view, slicing determinism, named errors and a
//! never-panics property.
//!
//! `tests/data/program_black76_reference.csv` is produced by
//! `python3 tests/data/program_black76.py` (QuantLib from PyPI).
//!
//! Run: `cargo test --test native program::`.

use crate::common::sane_dec;
use chrono::NaiveDate;
use minerhedge::domain::Field;
use minerhedge::domain::collar::{CallStrike, ZeroCostParams, zero_cost_collar};
use minerhedge::domain::daycount::Act365;
use minerhedge::domain::economics::{DirectParams, PeriodEconomics, Rig, RigParams};
use minerhedge::domain::hedge::{Hedge, Position, PositionParams};
use minerhedge::domain::leg::Outcome;
use minerhedge::domain::money::{self, dec_from_f64};
use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
use minerhedge::domain::program::*;
use minerhedge::domain::strategy::{StrategyKind, StrikeInput};
use minerhedge::domain::tolerance::{PRICING_RELATIVE, ZERO_COST, approx_eq};
use minerhedge::domain::validate::dec_f64;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("decimal literal")
}

fn calendar(start: NaiveDate, months: u32) -> Vec<CalendarMonth> {
    Calendar::new(CalendarParams {
        start,
        months,
        halving: None,
    })
    .expect("valid calendar")
    .months()
    .to_vec()
}

fn market() -> Market {
    Market {
        spot: d(100_000),
        vol_pct: d(60),
        rate_pct: d(5),
        basis_pct: d(5),
    }
}

/// A program of `months` months from 2027-01-01, every month hedged by `hedge`.
fn params(economics: ProgramEconomics, months: u32, hedge: MonthHedge) -> ProgramParams {
    ProgramParams {
        economics,
        market: market(),
        calendar: CalendarParams {
            start: date(2027, 1, 1),
            months,
            halving: None,
        },
        growth: Growth::default(),
        hedges: vec![hedge; months as usize],
        forward_overrides: vec![None; months as usize],
        smile_pts: (Decimal::ZERO, Decimal::ZERO),
    }
}

fn direct() -> ProgramEconomics {
    ProgramEconomics::Direct(DirectMonth {
        qty: d(5),
        cost: d(300_000),
    })
}

fn rig() -> MonthlyRig {
    MonthlyRig {
        opex_per_month: d(50),
        uptime: dec("0.9"),
        hardware_capex: d(3650),
        ..MonthlyRig::example()
    }
}

// ---------------------------------------------------------------- calendar

#[test]
fn months_of_31_30_29_and_28_days() {
    let days = |start, n| -> Vec<u32> { calendar(start, n).iter().map(|m| m.days).collect() };
    // Nov 2027 … Apr 2028: February 2028 is a leap month.
    assert_eq!(days(date(2027, 11, 1), 6), [30, 31, 31, 29, 31, 30]);
    assert_eq!(days(date(2027, 1, 1), 2), [31, 28]);
    let m = calendar(date(2027, 1, 1), 3);
    assert_eq!(m[0].end, date(2027, 2, 1));
    assert_eq!(m[1].start, m[0].end);
    assert_eq!(m[2].settle_days, 31 + 28 + 31);
}

#[test]
fn a_start_on_the_31st_returns_to_the_31st() {
    let m = calendar(date(2028, 1, 31), 5);
    let starts: Vec<NaiveDate> = m.iter().map(|m| m.start).collect();
    assert_eq!(
        starts,
        [
            date(2028, 1, 31),
            date(2028, 2, 29),
            date(2028, 3, 31),
            date(2028, 4, 30),
            date(2028, 5, 31)
        ]
    );
    assert_eq!(
        m.iter().map(|m| m.days).collect::<Vec<_>>(),
        [29, 31, 30, 31, 30]
    );
    let m = calendar(date(2027, 1, 31), 2);
    assert_eq!((m[0].end, m[1].end), (date(2027, 2, 28), date(2027, 3, 31)));
}

#[test]
fn tenors_are_actual_365_from_the_start() {
    let year = f64::from(Act365::DAYS_PER_YEAR);
    let m = calendar(date(2027, 1, 1), 3);
    assert_eq!(m[0].years(), 31.0 / year);
    assert_eq!(m[1].years(), 59.0 / year);
    assert_eq!(
        m[2].years_exact(),
        d(90) / Decimal::from(Act365::DAYS_PER_YEAR)
    );
}

// ---------------------------------------------------------------- production

fn rig_program(start: NaiveDate, months: u32, halving: Option<NaiveDate>) -> Program {
    let mut p = params(ProgramEconomics::Rig(rig()), months, MonthHedge::unhedged());
    p.calendar = CalendarParams {
        start,
        months,
        halving,
    };
    Program::new(p).expect("valid rig program")
}

#[test]
fn the_halving_month_pays_the_day_weighted_subsidy() {
    // March full; April (30 days) halves on day 11: 10 days full, 20 days half; May half.
    let p = rig_program(date(2027, 3, 1), 3, Some(date(2027, 4, 11)));
    let full = dec("3.125");
    let half = dec("1.5625");
    let rows = p.rows();
    assert_eq!(rows[0].subsidy, Some(full));
    assert_eq!(rows[1].subsidy, Some((d(10) * full + d(20) * half) / d(30)));
    assert_eq!(rows[2].subsidy, Some(half));
    // A halving on the start: every month half.
    let p = rig_program(date(2027, 3, 1), 2, Some(date(2027, 3, 1)));
    assert!(p.rows().iter().all(|r| r.subsidy == Some(half)));
}

#[test]
fn output_and_cost_of_a_month_are_exact() {
    let mut p = params(ProgramEconomics::Rig(rig()), 2, MonthHedge::unhedged());
    p.growth.difficulty_pct_per_month = d(10);
    let prog = Program::new(p).unwrap();
    let r = &prog.rows()[1]; // February 2027: 28 days, D₁ = 1.2e14 × 1.1
    let seconds = d(28) * d(86_400);
    let difficulty = d(132_000_000_000_000);
    assert_eq!(r.difficulty, Some(difficulty));
    // Q = H·t·(subsidy + fees)·(1 − pool fee)·uptime / (D·2³²)
    let numerator =
        d(200) * d(1_000_000_000_000) * seconds * dec("3.145") * dec("0.98") * dec("0.9");
    let q = numerator / (difficulty * d(4_294_967_296));
    assert_eq!(r.output, q);
    // Power: 200 TH/s × 17.5 J/TH × 0.9 × 28 × 86 400 s / 3.6e6 = 2,116.8 kWh at $0.06.
    let power = dec("2116.8") * dec("0.06");
    assert_eq!(r.cash_cost, power + d(50));
    // Amortization 3,650 × 28 / 1,095.
    assert_eq!(r.full_cost, power + d(50) + d(3650) * d(28) / d(1095));
}

#[test]
fn direct_months_are_constant() {
    let p = Program::new(params(direct(), 4, MonthHedge::unhedged())).unwrap();
    for r in p.rows() {
        assert_eq!(
            (r.output, r.cash_cost, r.full_cost),
            (d(5), d(300_000), d(300_000))
        );
        assert_eq!((r.difficulty, r.subsidy), (None, None));
    }
    assert_eq!(p.totals().output, d(20));
    assert_eq!(p.totals().cash_cost, d(1_200_000));
}

// ---------------------------------------------------------------- curve and options

const REFERENCE: &str = include_str!("../data/program_black76_reference.csv");

struct RefRow {
    case: String,
    cols: Vec<String>,
}

fn reference_rows() -> Vec<RefRow> {
    REFERENCE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("case,") && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<String> = l.split(',').map(str::to_owned).collect();
            assert_eq!(cols.len(), 16, "{l}");
            RefRow {
                case: cols[0].clone(),
                cols,
            }
        })
        .collect()
}

fn program_of_case(c: &[String]) -> Program {
    let months: u32 = c[2].parse().unwrap();
    let start: NaiveDate = c[1].parse().unwrap();
    let hedge = MonthHedge {
        kind: StrategyKind::Collar,
        coverage_pct: d(100),
        put_strike_pct: dec(&c[7]),
        put2_strike_pct: d(75),
        call_strike: CallStrike::Strike(dec(&c[8])),
    };
    Program::new(ProgramParams {
        economics: direct(),
        market: Market {
            spot: dec(&c[3]),
            basis_pct: dec(&c[4]),
            vol_pct: dec(&c[5]),
            rate_pct: dec(&c[6]),
        },
        calendar: CalendarParams {
            start,
            months,
            halving: None,
        },
        growth: Growth::default(),
        hedges: vec![hedge; months as usize],
        forward_overrides: vec![None; months as usize],
        smile_pts: (Decimal::ZERO, Decimal::ZERO),
    })
    .unwrap()
}

fn num(s: &str) -> f64 {
    s.parse().unwrap()
}

#[test]
fn month_premiums_match_quantlib() {
    let rows = reference_rows();
    assert!(rows.len() >= 100, "{} reference rows", rows.len());
    let mut checked = 0;
    let mut current: Option<(String, Program)> = None;
    for r in &rows {
        if current.as_ref().map(|(c, _)| c != &r.case).unwrap_or(true) {
            current = Some((r.case.clone(), program_of_case(&r.cols)));
        }
        let prog = &current.as_ref().unwrap().1;
        let c = &r.cols;
        let m: usize = c[9].parse().unwrap();
        let month = &prog.months()[m];
        let row = &prog.rows()[m];
        assert_eq!(month.calendar.settle_days, c[10].parse::<u32>().unwrap());
        assert_eq!(month.calendar.years(), num(&c[11]), "T of month {m}");
        let forward = num(&c[12]);
        assert!(
            approx_eq(dec_f64(row.forward), forward, 1e-14, 0.0),
            "F {m}"
        );
        let input = match c[13].as_str() {
            "put" => StrikeInput::Kp,
            _ => StrikeInput::Kc,
        };
        let leg = row.option_at(input).unwrap();
        let (strike, premium) = (dec_f64(leg.strike), dec_f64(leg.premium));
        assert!(approx_eq(strike, num(&c[14]), 1e-14, 0.0), "K {m}");
        let expected = num(&c[15]);
        let floor = 1e-13 * forward.max(strike) * month.calendar.years().max(1.0);
        assert!(
            approx_eq(premium, expected, PRICING_RELATIVE, floor),
            "case {} month {m} {}: {premium} vs {expected}",
            r.case,
            c[13]
        );
        checked += 1;
    }
    assert_eq!(checked, rows.len());
}

#[test]
fn forwards_follow_the_basis_and_overrides_win() {
    let mut p = params(direct(), 3, MonthHedge::unhedged());
    p.forward_overrides[1] = Some(d(123_456));
    let prog = Program::new(p).unwrap();
    let t = prog.months()[0].calendar.years();
    let f = 100_000.0 * (0.05 * t).exp();
    assert!(approx_eq(dec_f64(prog.rows()[0].forward), f, 1e-14, 0.0));
    assert_eq!(prog.rows()[1].forward, d(123_456));
    assert!(prog.rows()[2].forward > prog.rows()[0].forward);
}

#[test]
fn the_zero_cost_call_of_every_month_costs_the_put() {
    let hedge = MonthHedge::new(StrategyKind::Collar, d(80));
    let prog = Program::new(params(direct(), 24, hedge)).unwrap();
    for (m, row) in prog.months().iter().zip(prog.rows()) {
        assert_eq!(row.kind, StrategyKind::ZeroCostCollar);
        let kc = row.strike(StrikeInput::Kc).unwrap();
        assert!(
            kc > row.forward,
            "call strike {kc} above forward {}",
            row.forward
        );
        let call = m.curve.model.price(OptionKind::Call, dec_f64(kc)).unwrap();
        let put = dec_f64(row.premium(StrikeInput::Kp).unwrap());
        assert!((call - put).abs() <= ZERO_COST, "{call} vs {put}");
        assert_eq!(row.net_premium_per_coin, Decimal::ZERO);
        assert_eq!(row.hedged_coins, d(4));
    }
}

// ---------------------------------------------------------------- rows

#[test]
fn forward_and_put_rows_lock_and_floor() {
    let fwd = Program::new(params(
        direct(),
        2,
        MonthHedge::new(StrategyKind::Forward, d(60)),
    ))
    .unwrap();
    let r = &fwd.rows()[0];
    assert_eq!(r.hedged_coins, d(3));
    assert_eq!(r.locked, Some(d(3) * r.forward));
    assert_eq!(r.floor, Some(d(3) * r.forward - d(300_000)));
    assert_eq!(
        fwd.totals().locked,
        d(3) * (r.forward + fwd.rows()[1].forward)
    );
    assert_eq!(fwd.totals().upfront_premium, Decimal::ZERO);

    let put = Program::new(params(
        direct(),
        1,
        MonthHedge::new(StrategyKind::Put, d(100)),
    ))
    .unwrap();
    let r = &put.rows()[0];
    let carry = put.months()[0].curve.carry;
    let premium = r.premium(StrikeInput::Kp).unwrap();
    assert_eq!(r.locked, None);
    assert_eq!(r.net_premium_per_coin, premium);
    assert_eq!(
        r.floor,
        Some(d(5) * r.strike(StrikeInput::Kp).unwrap() - d(5) * premium * carry - d(300_000))
    );
    assert_eq!(put.totals().upfront_premium, d(5) * premium);
    // The floor is the net cash at any price below the strike.
    let low = Outcome::at_price(r.strike(StrikeInput::Kp).unwrap() / d(2));
    let net = put.net_cash(0, &low).unwrap();
    assert!((net - r.floor.unwrap()).abs() < dec("1e-15"), "{net}");
}

#[test]
fn inverse_forward_locks_what_the_linear_forward_locks() {
    let lin = Program::new(params(
        direct(),
        3,
        MonthHedge::new(StrategyKind::Forward, d(100)),
    ))
    .unwrap();
    let inv = Program::new(params(
        direct(),
        3,
        MonthHedge::new(StrategyKind::Inverse, d(100)),
    ))
    .unwrap();
    for m in 0..3 {
        let a = lin.rows()[m].locked.unwrap();
        let b = inv.rows()[m].locked.unwrap();
        assert!((a - b).abs() < dec("1e-15"), "{a} vs {b}");
        for s in [1_000, 100_000, 1_000_000] {
            let o = Outcome::at_price(d(s));
            let gap = lin.net_cash(m, &o).unwrap() - inv.net_cash(m, &o).unwrap();
            assert!(gap.abs() < dec("1e-12"), "{gap}");
        }
    }
}

// ---------------------------------------------------------------- one month = one period

/// The period view's put/call premium: BSM on spot with the rate as drift (its forward is
/// `S·e^{rT}`, the program's with basis = rate).
fn spot_model(days: u32) -> SpotModel {
    SpotModel::new(SpotParams {
        spot: 100_000.0,
        rate: 0.05,
        dividend_yield: 0.0,
        vol: 0.6,
        expiry_years: Act365::years(days),
    })
    .unwrap()
}

fn period_hedge(kind: StrategyKind, row: &MonthRow) -> Hedge {
    let m = spot_model(31);
    let strike = |input| row.option_at(input).unwrap().strike;
    let prem = |k: OptionKind, strike: Decimal| {
        dec_from_f64(Field::Premium, m.price(k, dec_f64(strike)).unwrap()).unwrap()
    };
    match kind {
        StrategyKind::Forward => Hedge::Forward { price: row.forward },
        StrategyKind::Put => Hedge::bought_put(
            strike(StrikeInput::Kp),
            prem(OptionKind::Put, strike(StrikeInput::Kp)),
        ),
        StrategyKind::Collar => Hedge::Collar {
            put_strike: strike(StrikeInput::Kp),
            put_premium: prem(OptionKind::Put, strike(StrikeInput::Kp)),
            call_strike: strike(StrikeInput::Kc),
            call_premium: prem(OptionKind::Call, strike(StrikeInput::Kc)),
        },
        _ => unreachable!("the test's hedges"),
    }
}

fn assert_one_month_is_a_period(economics: ProgramEconomics, period: PeriodEconomics) {
    let call = MonthHedge {
        kind: StrategyKind::Collar,
        coverage_pct: d(70),
        put_strike_pct: d(90),
        put2_strike_pct: d(75),
        call_strike: CallStrike::Strike(d(125)),
    };
    for hedge in [
        MonthHedge::new(StrategyKind::Forward, d(70)),
        MonthHedge::new(StrategyKind::Put, d(70)),
        call,
    ] {
        let prog = Program::new(params(economics, 1, hedge)).unwrap();
        let row = &prog.rows()[0];
        assert_eq!(row.days, 31);
        assert_eq!(
            (row.output, row.cash_cost, row.full_cost),
            (period.output(), period.cash_cost(), period.cost())
        );
        let carry = money::carry_factor(dec("0.05"), Act365::years_exact(31)).unwrap();
        let pos = Position::new(PositionParams {
            economics: period,
            hedge: period_hedge(hedge.kind, row),
            coverage: dec("0.7"),
            carry_factor: carry,
        })
        .unwrap();
        assert_eq!(row.hedged_coins, pos.hedged_quantity());
        for s in [20_000, 95_000, 100_000, 180_000] {
            let o = Outcome::at_price(d(s));
            let program = dec_f64(prog.net_cash(0, &o).unwrap() + row.cash_cost);
            let period = dec_f64(pos.hedged_total(d(s)).unwrap());
            assert!(
                approx_eq(program, period, 1e-9, 0.0),
                "{:?} at {s}: {program} vs {period}",
                hedge.kind
            );
        }
    }
}

#[test]
fn a_one_month_program_is_the_period_view() {
    // Direct mode.
    let period = PeriodEconomics::direct(DirectParams {
        period_cost: d(300_000),
        expected_output: d(5),
    })
    .unwrap();
    assert_one_month_is_a_period(direct(), period);
    // Rig mode: the period view's rig over the same 31 days, no growth, no halving.
    let period = Rig::new(RigParams {
        period_days: d(31),
        other_opex: d(50),
        uptime: dec("0.9"),
        hardware_capex: d(3650),
        ..RigParams::example()
    })
    .unwrap()
    .economics()
    .unwrap();
    assert_one_month_is_a_period(ProgramEconomics::Rig(rig()), period);
}

#[test]
fn a_one_month_zero_cost_collar_is_the_period_views() {
    let prog = Program::new(params(
        direct(),
        1,
        MonthHedge::new(StrategyKind::Collar, d(100)),
    ))
    .unwrap();
    let row = &prog.rows()[0];
    let kp = dec_f64(row.strike(StrikeInput::Kp).unwrap());
    let z = zero_cost_collar(
        &spot_model(31),
        ZeroCostParams {
            put_strike: kp,
            min_call_strike: kp,
        },
    )
    .unwrap();
    assert!(approx_eq(
        dec_f64(row.strike(StrikeInput::Kc).unwrap()),
        z.call_strike,
        1e-8,
        0.0
    ));
}

// ---------------------------------------------------------------- simulation

fn run(prog: &Program, sim: SimulationParams, slice: usize) -> ProgramStats {
    let mut r = ProgramRun::new(prog, sim).unwrap();
    while !r.step(slice).finished() {}
    r.stats().unwrap()
}

#[test]
fn a_fully_forward_sold_direct_program_has_no_fan() {
    let prog = Program::new(params(
        direct(),
        12,
        MonthHedge::new(StrategyKind::Forward, d(100)),
    ))
    .unwrap();
    let st = run(
        &prog,
        SimulationParams {
            paths: 2_000,
            ..Default::default()
        },
        2_000,
    );
    for (m, row) in st.program.months.iter().zip(prog.rows()) {
        let want = dec_f64(d(5) * row.forward - d(300_000));
        for v in [m.net_cash.p5, m.net_cash.p50, m.net_cash.p95, m.mean] {
            assert!(approx_eq(v, want, 1e-9, 0.0), "{v} vs {want}");
        }
    }
    // Unhedged on the same paths does fan out.
    let u = &st.unhedged.months[11].net_cash;
    assert!(u.p5 < u.p50 && u.p50 < u.p95);
}

#[test]
fn slicing_does_not_change_the_run() {
    let prog = rig_program(date(2027, 1, 1), 12, Some(date(2027, 6, 15)));
    let sim = SimulationParams {
        paths: 600,
        seed: 7,
        difficulty_vol_pct: 40.0,
        correlation: 0.3,
        drift: None,
        ..Default::default()
    };
    let whole = run(&prog, sim, 600);
    assert_eq!(whole, run(&prog, sim, 1));
    assert_eq!(whole, run(&prog, sim, 37));
    assert_ne!(whole, run(&prog, SimulationParams { seed: 8, ..sim }, 600));
    assert_eq!(whole.paths, 600);
}

#[test]
fn hedging_narrows_the_fan_and_payback_is_reported() {
    let mut p = params(
        ProgramEconomics::Rig(rig()),
        36,
        MonthHedge::new(StrategyKind::Forward, d(100)),
    );
    p.market.vol_pct = d(80);
    let prog = Program::new(p).unwrap();
    let st = run(
        &prog,
        SimulationParams {
            paths: 3_000,
            difficulty_vol_pct: 20.0,
            ..Default::default()
        },
        1_000,
    );
    let (h, u) = (
        &st.program.months[35].cumulative,
        &st.unhedged.months[35].cumulative,
    );
    assert!(h.p95 - h.p5 < u.p95 - u.p5);
    assert!(st.program.summary.payback.is_some());
    assert!(st.program.summary.prob_negative_month <= 1.0);
    let direct = Program::new(params(direct(), 3, MonthHedge::unhedged())).unwrap();
    let st = run(
        &direct,
        SimulationParams {
            paths: 100,
            ..Default::default()
        },
        100,
    );
    assert_eq!(st.unhedged.summary.payback, None);
}

// ---------------------------------------------------------------- errors

fn field_of(p: ProgramParams) -> Option<&'static str> {
    Program::new(p).unwrap_err().field().map(|f| f.name())
}

#[test]
fn bad_inputs_name_their_field() {
    let base = || {
        params(
            ProgramEconomics::Rig(rig()),
            6,
            MonthHedge::new(StrategyKind::Collar, d(50)),
        )
    };
    let with = |f: &dyn Fn(&mut ProgramParams)| {
        let mut p = base();
        f(&mut p);
        field_of(p)
    };
    assert_eq!(with(&|p| p.calendar.months = 0), Some("months"));
    assert_eq!(with(&|p| p.calendar.months = 37), Some("months"));
    assert_eq!(
        with(&|p| p.calendar.halving = Some(date(2026, 12, 31))),
        Some("halving date")
    );
    assert_eq!(
        with(&|p| p.hedges[2].coverage_pct = d(101)),
        Some("coverage")
    );
    assert_eq!(with(&|p| p.market.vol_pct = d(-1)), Some("volatility"));
    assert_eq!(
        with(&|p| p.market.rate_pct = d(101)),
        Some("risk-free rate")
    );
    assert_eq!(with(&|p| p.market.basis_pct = d(-101)), Some("basis"));
    assert_eq!(with(&|p| p.market.spot = d(0)), Some("spot"));
    assert_eq!(
        with(&|p| p.growth.difficulty_pct_per_month = d(101)),
        Some("difficulty growth")
    );
    assert_eq!(
        with(&|p| p.hedges.pop().map(|_| ()).unwrap_or(())),
        Some("hedges")
    );
    assert_eq!(
        with(&|p| p.forward_overrides.push(None)),
        Some("forward overrides")
    );
    assert_eq!(
        with(&|p| p.forward_overrides[0] = Some(d(0))),
        Some("forward override")
    );
    assert_eq!(
        with(&|p| p.hedges[0].put_strike_pct = d(0)),
        Some("put strike")
    );
    assert_eq!(
        with(&|p| p.hedges[0].call_strike = CallStrike::Strike(d(80))),
        Some("call strike")
    );
    assert_eq!(
        with(&|p| p.economics = ProgramEconomics::Rig(MonthlyRig {
            uptime: d(0),
            ..rig()
        })),
        Some("uptime")
    );
    assert_eq!(
        with(&|p| p.economics = ProgramEconomics::Direct(DirectMonth {
            qty: d(0),
            cost: d(1)
        })),
        Some("expected output")
    );
    // Per-month errors say which month.
    let mut p = base();
    p.hedges[2].coverage_pct = d(101);
    let text = Program::new(p).unwrap_err().to_string();
    assert!(
        text.contains("coverage = 101") && text.contains("(month 3)"),
        "{text}"
    );
}

#[test]
fn bad_simulation_inputs_name_their_field() {
    let prog = Program::new(params(direct(), 2, MonthHedge::unhedged())).unwrap();
    let field = |s: SimulationParams| {
        ProgramRun::new(&prog, s)
            .unwrap_err()
            .field()
            .map(|f| f.name())
    };
    let ok = SimulationParams::default();
    assert_eq!(field(SimulationParams { paths: 0, ..ok }), Some("paths"));
    assert_eq!(
        field(SimulationParams {
            paths: 1_000_001,
            ..ok
        }),
        Some("paths")
    );
    assert_eq!(
        field(SimulationParams {
            correlation: 1.5,
            ..ok
        }),
        Some("correlation")
    );
    assert_eq!(
        field(SimulationParams {
            difficulty_vol_pct: -1.0,
            ..ok
        }),
        Some("difficulty volatility")
    );
    assert_eq!(
        field(SimulationParams {
            difficulty_vol_pct: f64::NAN,
            ..ok
        }),
        Some("difficulty volatility")
    );
    let r = ProgramRun::new(&prog, ok).unwrap();
    assert_eq!(r.stats(), None);
}

// ---------------------------------------------------------------- never panics

fn kind() -> impl Strategy<Value = StrategyKind> {
    prop::sample::select(StrategyKind::ALL.to_vec())
}

fn month_hedge() -> impl Strategy<Value = MonthHedge> {
    // Mostly valid terms (puts at 10–100 % of the forward, calls above them), sometimes not.
    let put = prop_oneof![9 => sane_dec(1_000, 10_000, 2), 1 => sane_dec(1, 100_000, 2)];
    (
        kind(),
        sane_dec(0, 10_000, 2),
        put,
        prop::option::of(sane_dec(-1_000, 30_000, 2)),
    )
        .prop_map(|(kind, coverage_pct, put_strike_pct, call)| MonthHedge {
            kind,
            coverage_pct,
            put_strike_pct,
            put2_strike_pct: put_strike_pct * Decimal::new(8, 1),
            call_strike: call.map_or(CallStrike::Zero, |c| CallStrike::Strike(put_strike_pct + c)),
        })
}

fn economics() -> impl Strategy<Value = ProgramEconomics> {
    prop_oneof![
        (sane_dec(1, 1_000_000, 3), sane_dec(1, 100_000_000, 2))
            .prop_map(|(qty, cost)| ProgramEconomics::Direct(DirectMonth { qty, cost })),
        (
            sane_dec(1, 1_000_000, 0),
            sane_dec(1, 1_000, 3),
            sane_dec(1, 100, 0),
            sane_dec(0, 1_000_000, 0)
        )
            .prop_map(|(hashrate_ths, uptime, diff_e12, hardware_capex)| {
                ProgramEconomics::Rig(MonthlyRig {
                    hashrate_ths,
                    uptime,
                    difficulty: diff_e12 * d(1_000_000_000_000),
                    hardware_capex,
                    ..MonthlyRig::example()
                })
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn random_valid_programs_never_panic_nor_give_nan(
        economics in economics(),
        day in 1u32..=28, month in 1u32..=12, year in 2024i32..2040,
        months in 1u32..=36,
        halving_days in prop::option::of(0i64..1200),
        spot in sane_dec(1, 100_000_000, 2),
        vol in sane_dec(0, 300, 0), rate in sane_dec(-2000, 2000, 2), basis in sane_dec(-5000, 5000, 2),
        growth in sane_dec(-50, 100, 0),
        hedges in prop::collection::vec(month_hedge(), 36),
        dvol in 0.0..200.0f64, corr in -1.0..=1.0f64, seed in any::<u64>(),
    ) {
        let start = date(year, month, day);
        let n = months as usize;
        let p = ProgramParams {
            economics,
            market: Market { spot, vol_pct: vol, rate_pct: rate, basis_pct: basis },
            calendar: CalendarParams {
                start,
                months,
                halving: halving_days.map(|h| start + chrono::Days::new(h as u64)),
            },
            growth: Growth { difficulty_pct_per_month: growth },
            hedges: hedges[..n].to_vec(),
            forward_overrides: vec![None; n],
            smile_pts: (Decimal::ZERO, Decimal::ZERO),
        };
        let Ok(prog) = Program::new(p) else { return Ok(()) };
        prop_assert_eq!(prog.rows().len(), n);
        let Ok(mut run) = ProgramRun::new(&prog, SimulationParams {
            paths: 20, seed, difficulty_vol_pct: dvol, correlation: corr, drift: None,
            ..Default::default()
        }) else { return Ok(()) };
        run.step(20);
        let st = run.stats().unwrap();
        for s in [&st.program, &st.unhedged] {
            for m in &s.months {
                for v in [m.mean, m.net_cash.p5, m.net_cash.p50, m.net_cash.p95, m.cumulative.p5] {
                    prop_assert!(!v.is_nan(), "{v}");
                }
            }
            prop_assert!(!s.summary.expected_total.is_nan());
            prop_assert!(!s.summary.lowest_cumulative_p5.is_nan());
        }
    }
}

#[test]
fn statistics_built_month_by_month_equal_those_built_at_once() {
    let p = rig_program(date(2027, 1, 1), 7, Some(date(2027, 3, 10)));
    let params = SimulationParams {
        paths: 500,
        seed: 9,
        difficulty_vol_pct: 30.0,
        correlation: -0.4,
        drift: None,
        ..Default::default()
    };
    let mut a = ProgramRun::new(&p, params).unwrap_or_else(|e| panic!("{e}"));
    let mut b = a.clone();
    a.step(500);
    b.step(500);
    let at_once = a.stats();
    assert!(!b.summarize(1), "one month of several is not all");
    let mut calls = 1;
    while !b.summarize(1) {
        calls += 1;
    }
    assert_eq!(calls + 1, p.rows().len(), "one call per month");
    assert_eq!(b.stats(), at_once);
    let mut c = ProgramRun::new(&p, params).unwrap_or_else(|e| panic!("{e}"));
    assert!(!c.summarize(5), "nothing to summarize before the last path");
}
