//! The treasury (`domain::program::treasury`) against independent reference values
//! (`tests/data/treasury_reference.csv`, written by `tests/data/treasury_reference.py` in
//! Python `decimal` and mpmath at 50 digits): the loan's call and liquidation prices, its touch
//! probabilities (closed form, checked there by quadrature of the first-passage density) and
//! the pledge needed; the plan's ledger month by month on three programs built from their
//! links (so the treasury's keys are covered too). Then the treasury on the simulated paths:
//! a deterministic run is the plan, the month-end margin-call share stays under the continuous
//! touch probability, the treasury leaves the program's paths alone, and the program's
//! cumulative cash starts at `t = 0` with the premiums.
//!
//! Tolerances (the CSV's `compare` column): `exact` values (terminating decimals a
//! `rust_decimal` holds) must be equal; `rel20` values (a division by 365 somewhere) within
//! `1e-20·max(1, |value|)`, as the engine's 28-digit arithmetic rounds in its own order; `f64`
//! values (through the call premium's Black-76 or the default probability, both `f64` in the
//! engine) within `1e-9·max(1, |value|)`.

use chrono::NaiveDate;
use minerhedge::domain::margin::PricePath;
use minerhedge::domain::program::treasury::{
    LoanTerms, Treasury, TreasuryParams, TreasuryRow, loan_risk,
};
use minerhedge::domain::program::{Program, ProgramRun, ProgramStats};
use minerhedge::link::Scenario;
use minerhedge::view::program::ProgramModel;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::collections::HashMap;
use std::str::FromStr;

const REFERENCE: &str = include_str!("../data/treasury_reference.csv");

/// The reference's plan cases as links (the same inputs as `CASES` in the script).
const CASE_A: &str = "v=2&view=program&start=2027-01-01&months=6&mode=direct&qty=2&cost=850000\
                      &spot=100000&vol=50&rate=4&basis=0\
                      &pfwd=100000,80000,70000,55000,50000,40000\
                      &ph=forward,none,forward,none,forward,none&pcov=100\
                      &hold0=50&cash0=100000&pledge=40&loan=2000000&lrate=10&ltvmc=70&ltvliq=85\
                      &sell=50,100,25,100&lend=20,20,0,10,0&lendy=5&lpd=0&lgd=100";
const CASE_B: &str = "v=2&view=program&start=2027-01-01&months=4&mode=direct&qty=3&cost=250000\
                      &spot=100000&vol=60&rate=3&pfwd=100000,110000,120000,125000\
                      &ph=forward&pcov=50\
                      &hold0=30&loan=1000000&lrate=8&ltvmc=60&ltvliq=80\
                      &sell=100,60,0&lend=0,50,50,25&lendy=4";
const CASE_C: &str = "v=2&view=program&start=2027-01-01&months=4&mode=direct&qty=4&cost=100000\
                      &spot=100000&vol=55&rate=4.5&pfwd=100000,105000,98000,102000&ph=none\
                      &hold0=100&cash0=2000000&sell=0&lend=30,30,40&lendy=3&lpd=5&lgd=60\
                      &cc=50,40,50,60&cck=90,120,95,130";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).expect("date")
}

/// A decimal of the reference: at most 27 significant digits kept (the rest cut, an error
/// below 1e-26 relative; the CSV writes up to 40).
fn dec(s: &str) -> Decimal {
    let mut out = String::new();
    let mut significant = 0;
    let mut point = false;
    for c in s.chars() {
        match c {
            '.' => point = true,
            '0'..='9' => {
                if significant > 0 || c != '0' {
                    significant += 1;
                }
                if significant > 27 && point {
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    Decimal::from_str(&out).unwrap_or_else(|e| panic!("reference decimal {s}: {e}"))
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

/// `(kind, case, month, quantity) → (value, compare)`.
fn reference() -> HashMap<(String, String, String, String), (String, String)> {
    let mut out = HashMap::new();
    for line in REFERENCE.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        assert_eq!(c.len(), 6, "{line}");
        let key = (c[0].into(), c[1].into(), c[2].into(), c[3].into());
        assert!(
            out.insert(key, (c[4].into(), c[5].into())).is_none(),
            "{line}"
        );
    }
    out
}

/// The program and the treasury of a link.
fn build(q: &str) -> (ProgramModel, Treasury) {
    let decoded = Scenario::from_query(q);
    assert!(decoded.errors.is_empty(), "{q}: {:?}", decoded.errors);
    let s = decoded.scenario;
    let model = ProgramModel::build(&s, today()).unwrap_or_else(|e| panic!("{q}: {}", e.text));
    let t = Treasury::new(
        &model.program,
        minerhedge::view::treasury::treasury_params(&s),
    )
    .unwrap_or_else(|e| panic!("{q}: {e}"));
    (model, t)
}

/// The engine's value of a reference quantity: month 0 the start, month `m` the plan's row
/// `m − 1`.
fn engine_value(t: &Treasury, plan: &[TreasuryRow], month: usize, q: &str) -> Decimal {
    let b = |x: bool| Decimal::from(u8::from(x));
    if month == 0 {
        let s = t.start();
        return match q {
            "held" => s.held,
            "pledged" => s.pledged,
            "cash" => s.cash,
            "loan" => s.loan,
            other => panic!("start quantity {other}"),
        };
    }
    let row = &plan[month - 1];
    let r = &row.record;
    match q {
        "forward" => row.forward,
        "lent" => r.lent,
        "income" => r.income,
        "default_share" => {
            Decimal::try_from(t.months()[month - 1].default_prob).expect("default probability")
        }
        "default_loss" => r.default_loss,
        "sold" => r.sold,
        "calls" => r.calls,
        "strike" => r.strike,
        "call_premium_per_coin" if r.calls.is_zero() => Decimal::ZERO,
        "call_premium_per_coin" => r.call_premium / r.calls,
        "call_premium" => r.call_premium,
        "exercised" => b(r.exercised),
        "ltv" => r.ltv,
        "margin_call" => b(r.margin_call),
        "liquidated" => b(r.liquidated),
        "loan_before" => row.loan,
        "forced" => r.forced,
        "shortfall" => r.shortfall,
        "held" => r.end.held,
        "pledged" => r.end.pledged,
        "cash" => r.end.cash,
        "loan" => r.end.loan,
        "value" => row.value,
        other => panic!("quantity {other}"),
    }
}

#[test]
fn the_plan_matches_the_reference_month_by_month() {
    let reference = reference();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (case, link, months) in [("A", CASE_A, 6), ("B", CASE_B, 4), ("C", CASE_C, 4)] {
        let (model, t) = build(link);
        let plan = t.plan(&model.program).expect("plan");
        assert_eq!(plan.len(), months, "{case}");
        let mut seen = 0;
        for ((kind, c, month, q), (want, how)) in &reference {
            if kind != "plan" || c != case {
                continue;
            }
            seen += 1;
            let m: usize = month.parse().expect("month");
            let got = engine_value(&t, &plan, m, q);
            let what = format!("case {case} month {m} {q}: engine {got}, reference {want}");
            match how.as_str() {
                "exact" => assert_eq!(got, dec(want), "{what}"),
                "rel20" => {
                    // Not a terminating decimal: the engine's 28 digits round in their own
                    // order (a division by 365 first, then the products).
                    let want = dec(want);
                    let tol = Decimal::new(1, 20) * want.abs().max(Decimal::ONE);
                    assert!((got - want).abs() <= tol, "{what}");
                }
                "f64" => {
                    let want: f64 = want.parse().expect("number");
                    assert!(
                        (f(got) - want).abs() <= 1e-9 * want.abs().max(1.0),
                        "{what}"
                    );
                }
                other => panic!("compare {other}"),
            }
            *counts.entry(how_name(how)).or_default() += 1;
        }
        // 4 start values and 22 a month.
        assert_eq!(seen, 4 + 22 * months, "case {case}");
    }
    assert!(counts["exact"] > 150 && counts["rel20"] > 40 && counts["f64"] > 20);
}

fn how_name(how: &str) -> &'static str {
    match how {
        "exact" => "exact",
        "rel20" => "rel20",
        _ => "f64",
    }
}

/// What each case is there for, read off the engine's plan (the reference agrees above).
#[test]
fn the_cases_cover_every_step() {
    let (ma, a) = build(CASE_A);
    let pa = a.plan(&ma.program).unwrap();
    // Pledge 40 of 50 coins; a margin call at 70,000 (LTV 71 %), the liquidation at 55,000
    // (91 % ≥ 85 %); coins sold to cover cash in month 3 and 4, then nothing left: shortfalls.
    assert_eq!(a.start().pledged, Decimal::from(40));
    assert!(pa[2].record.margin_call && !pa[2].record.liquidated);
    assert!(pa[2].record.forced > Decimal::ZERO && pa[2].record.shortfall.is_zero());
    assert!(pa[3].record.liquidated && pa[3].record.end.loan.is_zero());
    assert!(pa[3].record.shortfall > Decimal::ZERO && pa[3].record.end.held.is_zero());
    assert!(pa[5].record.shortfall > pa[4].record.shortfall);
    // Case B: every coin pledged (no `pledge`), the loan repaid at the end of the last month
    // by a forced sale.
    let (mb, b) = build(CASE_B);
    let pb = b.plan(&mb.program).unwrap();
    assert_eq!(b.start().pledged, Decimal::from(30));
    assert_eq!(pb[3].loan, Decimal::from(1_000_000));
    assert!(pb[3].record.end.loan.is_zero() && pb[3].record.forced > Decimal::ZERO);
    assert!(pb[1].record.lent.is_zero() && pb[2].record.lent > Decimal::ZERO);
    // Case C: calls struck below the forward exercised, above it not.
    let (mc, c) = build(CASE_C);
    let pc = c.plan(&mc.program).unwrap();
    let exercised: Vec<bool> = pc.iter().map(|r| r.record.exercised).collect();
    assert_eq!(exercised, [true, false, true, false]);
    assert!(pc.iter().all(|r| r.record.default_loss > Decimal::ZERO));
}

#[test]
fn the_loan_risk_matches_the_reference() {
    let reference = reference();
    let mut cases: HashMap<&str, HashMap<&str, &str>> = HashMap::new();
    for ((kind, case, _, q), (v, _)) in &reference {
        if kind == "loan" {
            cases
                .entry(case.as_str())
                .or_default()
                .insert(q.as_str(), v.as_str());
        }
    }
    assert_eq!(cases.len(), 6);
    for (case, q) in &cases {
        let num = |k: &str| -> f64 { q[k].parse().unwrap_or_else(|_| panic!("{case} {k}")) };
        let days: u32 = q["in_days"].parse().unwrap();
        let path = PricePath {
            spot: num("in_spot"),
            years: f64::from(days) / 365.0,
            drift: num("in_drift"),
            vol: num("in_vol"),
        };
        for target in ["0.01", "0.05"] {
            let terms = LoanTerms {
                loan: num("in_loan"),
                pledged: num("in_pledged"),
                ltv_call: num("in_ltv_call"),
                ltv_liquidation: num("in_ltv_liquidation"),
                target: target.parse().unwrap(),
            };
            let r = loan_risk(terms, path).expect("loan risk");
            let close = |name: &str, got: f64, rel: f64| {
                let want = num(name);
                assert!(
                    (got - want).abs() <= rel * want.abs(),
                    "{case} {name}: {got} vs {want}"
                );
            };
            close("ltv_start", r.ltv_start, 1e-15);
            close("call_price", r.call_price, 1e-15);
            close("liquidation_price", r.liquidation_price, 1e-15);
            // The closed form in f64 (the normal CDF's accuracy), against the reference's
            // closed form and its quadrature of the first-passage density.
            for name in ["call_probability", "call_probability_quad"] {
                close(name, r.call_probability, 1e-12);
            }
            for name in ["liquidation_probability", "liquidation_probability_quad"] {
                close(name, r.liquidation_probability, 1e-12);
            }
            // The root finder's tolerance (1e-12 in ln B) and the CDF's.
            close(&format!("pledge_needed_{target}"), r.pledge_needed, 1e-11);
            let barrier = path.lower_barrier(target.parse().unwrap()).unwrap();
            close(&format!("barrier_{target}"), barrier, 1e-11);
        }
    }
}

/// A run of `paths` paths of the link's program with its treasury.
fn run(model: &ProgramModel, t: &Treasury, paths: usize, with_treasury: bool) -> ProgramStats {
    let mut params = model.simulation;
    params.paths = paths;
    let mut r = ProgramRun::new(&model.program, params).expect("run");
    if with_treasury {
        r = r.with_treasury(t);
    }
    r.step(paths);
    r.stats().expect("stats")
}

fn sell_all(t: &Treasury, program: &Program) -> Vec<TreasuryRow> {
    let n = program.months().len();
    let params = TreasuryParams {
        sell_pct: vec![Decimal::ONE_HUNDRED; n],
        ..t.params().clone()
    };
    Treasury::new(program, params)
        .unwrap()
        .plan(program)
        .unwrap()
}

/// With no volatility (and no default to draw) every path is the plan's path: the value's
/// quantiles are the plan's values, and the sell-everything figure the plan that sells every
/// mined coin; the month-end events are all or nothing.
#[test]
fn a_deterministic_run_is_the_plan() {
    let c_no_default = CASE_C.replace("&lpd=5", "&lpd=0");
    for link in [CASE_A, CASE_B, c_no_default.as_str()] {
        let q = vol_zero(link);
        let (model, t) = build(&q);
        let plan = t.plan(&model.program).unwrap();
        let all = sell_all(&t, &model.program);
        let st = run(&model, &t, 200, true);
        let ts = st.treasury.expect("treasury stats");
        assert_eq!(ts.months.len(), plan.len());
        for (i, (m, row)) in ts.months.iter().zip(&plan).enumerate() {
            let near = |got: f64, want: Decimal, what: &str| {
                let want = f(want);
                assert!(
                    (got - want).abs() <= 1e-6 * want.abs().max(1.0),
                    "{q} month {}: {what} {got} vs plan {want}",
                    i + 1
                );
            };
            for v in [m.value.p5, m.value.p50, m.value.p95, m.value.cvar95] {
                near(v, row.value, "value");
            }
            for v in [m.sell_all.p5, m.sell_all.p50, m.sell_all.p95] {
                near(v, all[i].value, "sell all");
            }
            let called = plan[..=i].iter().any(|r| r.record.margin_call);
            let liquidated = plan[..=i].iter().any(|r| r.record.liquidated);
            let short = plan[..=i]
                .iter()
                .any(|r| r.record.shortfall > Decimal::ZERO);
            assert_eq!(m.margin_call, if called { 1.0 } else { 0.0 }, "{q}");
            assert_eq!(m.liquidation, if liquidated { 1.0 } else { 0.0 }, "{q}");
            assert_eq!(m.shortfall, if short { 1.0 } else { 0.0 }, "{q}");
        }
    }
}

/// `link` with `vol=0` in place of its volatility.
fn vol_zero(link: &str) -> String {
    link.split('&')
        .map(|kv| if kv.starts_with("vol=") { "vol=0" } else { kv })
        .collect::<Vec<_>>()
        .join("&")
}

/// Month-end monitoring sees fewer margin calls than the continuous touch probability of the
/// call price over the horizon (a path can dip below it within a month and come back).
#[test]
fn month_end_margin_calls_stay_under_the_continuous_touch_probability() {
    const LOAN: &str = "v=2&view=program&start=2027-01-01&months=12&mode=direct&qty=2\
                        &cost=100000&spot=100000&vol=50&rate=4&basis=5&ph=none\
                        &hold0=100&loan=4000000&ltvmc=70&ltvliq=85&seed=11";
    for (extra, drift) in [("", 0.05), ("&drift=-20", -0.2)] {
        let (model, t) = build(&format!("{LOAN}{extra}"));
        assert_eq!(model.drift_pct.map(f), (!extra.is_empty()).then_some(-20.0));
        let last = model.program.months().last().unwrap().calendar;
        // T_end: 2027-01-01 to 2028-01-01.
        assert_eq!(last.settle_days, 365);
        let path = PricePath {
            spot: 100_000.0,
            years: last.years(),
            drift,
            vol: 0.5,
        };
        let terms = LoanTerms {
            loan: 4e6,
            pledged: 100.0,
            ltv_call: 0.7,
            ltv_liquidation: 0.85,
            target: 0.01,
        };
        let risk = loan_risk(terms, path).unwrap();
        let n = 20_000;
        let st = run(&model, &t, n, true);
        let ts = st.treasury.unwrap();
        let end = ts.months.last().unwrap();
        for (share, p) in [
            (end.margin_call, risk.call_probability),
            (end.liquidation, risk.liquidation_probability),
        ] {
            let se = (p * (1.0 - p) / n as f64).sqrt();
            assert!(share <= p + 3.0 * se, "{extra}: {share} vs {p} ± {se}");
            // Not vacuous: most of the continuous touches are still below at a month's end.
            assert!(share >= 0.5 * p, "{extra}: {share} vs {p}");
        }
        // The shares accumulate month by month.
        assert!(
            ts.months
                .windows(2)
                .all(|w| w[0].margin_call <= w[1].margin_call)
        );
    }
}

/// The treasury draws its defaults from a generator of its own: the program's and unhedged
/// series are the same with or without it (an active treasury, and the sell-everything one of
/// a link without treasury keys).
#[test]
fn the_treasury_leaves_the_program_paths_alone() {
    const PUTS: &str = "v=2&view=program&start=2027-01-01&months=6&mode=direct&qty=3\
                        &cost=150000&spot=100000&vol=60&rate=4&basis=5&ph=put,collar,forward\
                        &pcov=80&pkp=90&seed=5";
    let active = format!(
        "{PUTS}&hold0=40&loan=1500000&lrate=9&sell=30&lend=50&lendy=4&lpd=20&lgd=50&cc=25&cck=115"
    );
    for q in [PUTS.to_string(), active] {
        let (model, t) = build(&q);
        let with = run(&model, &t, 3000, true);
        let without = run(&model, &t, 3000, false);
        assert!(with.treasury.is_some() && without.treasury.is_none());
        assert_eq!(with.program, without.program, "{q}");
        assert_eq!(with.unhedged, without.unhedged, "{q}");
    }
    let (_, t) = build(PUTS);
    assert!(!t.params().is_active());
}

/// The program's cumulative cash starts at `t = 0` less every premium paid then, and adds
/// back each month's carried premium (its net cash carries the premium to its settlement);
/// the treasury's start cash is the same `t = 0` payment.
#[test]
fn cumulative_cash_starts_with_the_premiums_paid_upfront() {
    const PUTS: &str = "v=2&view=program&start=2027-01-01&months=6&mode=direct&qty=3\
                        &cost=150000&spot=100000&vol=60&rate=5&basis=5&ph=put&pcov=80&pkp=90\
                        &seed=3&hold0=10&cash0=50000";
    let (model, t) = build(PUTS);
    let months = model.program.months();
    let upfront: Decimal = months
        .iter()
        .map(|m| m.hedge.position.upfront_premium())
        .sum();
    assert!(upfront > Decimal::from(10_000), "{upfront}");
    assert_eq!(t.start().cash, Decimal::from(50_000) - upfront);
    let st = run(&model, &t, 4000, true);
    let mut cum = -f(upfront);
    for (k, (m, s)) in months.iter().zip(&st.program.months).enumerate() {
        let carried = f(m.hedge.position.carried_net_premium());
        assert!(carried > f(m.hedge.position.upfront_premium()), "month {k}");
        cum += s.mean + carried;
        assert!(
            (s.cumulative_mean - cum).abs() <= 1e-6 * cum.abs().max(1.0),
            "month {k}: {} vs {cum}",
            s.cumulative_mean
        );
    }
    // Unhedged: from 0, the sum of the month means.
    let mut un = 0.0;
    for s in &st.unhedged.months {
        un += s.mean;
        assert!((s.cumulative_mean - un).abs() <= 1e-6 * un.abs().max(1.0));
    }
}
