//! The hashprice forward against `tests/data/hashprice_reference.csv`, made by
//! `tests/data/hashprice_reference.py` (Python's `decimal` at 60 digits, the formulas
//! written out again): the index, the forward's payoff and the hedged total, through the
//! whole path a link takes (link → view model → registry → position). Plus the property that
//! at coverage `(1 − pool)·uptime` the hedged revenue changes with neither price nor
//! difficulty.

use minerhedge::domain::leg::Outcome;
use minerhedge::link::Key;
use minerhedge::link::Scenario;
use minerhedge::view::{Model, StrategyKind};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

const REFERENCE: &str = include_str!("../data/hashprice_reference.csv");

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("decimal: {s}"))
}

fn close(got: Decimal, want: Decimal, what: &str) {
    let tol = Decimal::new(1, 18) * want.abs().max(Decimal::ONE);
    assert!((got - want).abs() <= tol, "{what}: {got} vs {want}");
}

fn model(query: &str) -> Model {
    let d = Scenario::from_query(query);
    assert!(d.errors.is_empty(), "{query}: {:?}", d.errors);
    let m = Model::build(&d.scenario);
    assert!(m.messages.is_empty(), "{query}: {:?}", m.messages);
    m
}

#[test]
fn index_payoff_and_total_match_exact_decimals() {
    let mut n = 0;
    for line in REFERENCE.lines().skip(1) {
        let r: Vec<&str> = line.split(',').collect();
        let q = format!(
            "v=2&mode=rig&hr={}&pool={}&up={}&diff={}&dg={}&sub={}&fee={}&days={}&spot={}\
             &cov={}&hpf={}&hedge=hashprice&eff=17.5&pwr=0.06&capex=0",
            r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]
        );
        let m = model(&q);
        let chosen = m.chosen().expect("the hashprice forward is built");
        assert_eq!(chosen.kind, StrategyKind::Hashprice);
        let s = dec(r[12]);
        let hash = m.economics.and_then(|e| e.rig).expect("rig").hash;
        close(hash.hashprice(s).unwrap(), dec(r[13]), "hashprice");
        close(
            chosen.position.hedge_payoff(s).unwrap(),
            dec(r[14]),
            "payoff",
        );
        close(
            chosen.position.hedged_total(s).unwrap(),
            dec(r[15]),
            "total",
        );
        n += 1;
    }
    assert_eq!(n, 9);
}

#[test]
fn the_default_fixed_hashprice_is_the_index_at_the_forward() {
    let m = model("v=2&mode=rig&hedge=hashprice&spot=95000&diff=120e12");
    let r = m.scenario.resolved();
    let hash = m.economics.and_then(|e| e.rig).expect("rig").hash;
    let at_forward = hash.hashprice(r.forward).unwrap();
    // Six significant digits, as every derived value of a link.
    let rel = ((r.hashprice_fixed - at_forward) / at_forward).abs();
    assert!(
        rel < Decimal::new(1, 5),
        "{} vs {at_forward}",
        r.hashprice_fixed
    );
}

#[test]
fn a_direct_mode_hashprice_hedge_is_refused_at_the_hedge() {
    let d = Scenario::from_query("hedge=hashprice");
    let m = Model::build(&d.scenario);
    assert!(m.chosen().is_none());
    assert!(
        m.messages
            .iter()
            .any(|msg| msg.key == Some(Key::Hedge) && msg.text.contains("hashrate")),
        "{:?}",
        m.messages
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// At coverage `(1 − pool)·uptime` the hashprice forward sells exactly what the rig
    /// earns: the hedged revenue is the same at every price and difficulty change.
    #[test]
    fn hedged_revenue_ignores_price_and_difficulty_at_the_locking_coverage(
        pool in 0u32..=500, up in 5000u32..=10000, hr in 1u32..=1_000_000,
        s1 in 1u32..=1_000_000, s2 in 1u32..=1_000_000,
        d1 in -500i64..=2000, d2 in -500i64..=2000,
    ) {
        let pool = Decimal::new(i64::from(pool), 2);
        let up = Decimal::new(i64::from(up), 2);
        let cov = (Decimal::ONE_HUNDRED - pool) * up / Decimal::ONE_HUNDRED;
        let q = format!("v=2&mode=rig&hedge=hashprice&hr={hr}&pool={pool}&up={up}&cov={cov}&spot=95000");
        let d = Scenario::from_query(&q);
        prop_assert!(d.errors.is_empty(), "{:?}", d.errors);
        let m = Model::build(&d.scenario);
        let pos = &m.chosen().expect("built").position;
        let at = |s: u32, dc: i64| pos.value(&Outcome {
            price: Decimal::from(s),
            difficulty_change: Decimal::new(dc, 3),
        }).unwrap();
        let (a, b) = (at(s1, d1), at(s2, d2));
        let tol = Decimal::new(1, 15) * a.abs().max(Decimal::ONE);
        prop_assert!((a - b).abs() <= tol, "{} vs {}", a, b);
        // The f64 profile agrees (heat map, Monte Carlo).
        let f = |s: u32, dc: i64| m.chosen().unwrap().profile.value_with_output(f64::from(s), 1.0 / (1.0 + dc as f64 / 1000.0));
        let (fa, fb) = (f(s1, d1), f(s2, d2));
        prop_assert!((fa - fb).abs() <= 1e-6 * fa.abs().max(1.0), "{} vs {}", fa, fb);
    }
}
