//! `domain::margin` against `tests/data/margin_reference.csv`, made by
//! `tests/data/margin_reference.py` (numpy): touch probabilities by a Brownian-bridge Monte
//! Carlo (no closed form), liquidation prices by bisection on the exchange's rule written out
//! from first principles. Plus the identities the closed forms must keep.

use minerhedge::domain::Field;
use minerhedge::domain::margin::{MarginTerms, PricePath, Short, margin_risk};
use rust_decimal::Decimal;
use std::str::FromStr;

const REFERENCE: &str = include_str!("../data/margin_reference.csv");

fn rows(kind: &str) -> Vec<Vec<&'static str>> {
    REFERENCE
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|r| r[0] == kind)
        .collect()
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("number: {s}"))
}

#[test]
fn touch_probabilities_match_a_brownian_bridge_monte_carlo() {
    let cases = rows("touch");
    assert_eq!(cases.len(), 7);
    for r in cases {
        let path = PricePath {
            spot: num(r[2]),
            years: num(r[3]),
            drift: num(r[4]),
            vol: num(r[5]),
        };
        let (mc, se) = (num(r[7]), num(r[8]));
        let p = path.touch_probability(num(r[6])).expect("valid path");
        // Four standard errors of 400,000 paths (about 0.003).
        assert!(
            (p - mc).abs() < 4.0 * se,
            "case {}: {p} vs {mc} ± {se}",
            r[1]
        );
    }
}

#[test]
fn liquidation_prices_match_the_exchange_rule() {
    let cases = rows("liq");
    assert_eq!(cases.len(), 8);
    for r in cases {
        let (spot, size, price, k, coll, mm) = (
            num(r[2]),
            num(r[10]),
            num(r[11]),
            num(r[12]),
            num(r[13]),
            num(r[14]),
        );
        let short = match r[9] {
            "linear" => Short::linear(size, price),
            "inverse" => Short::inverse(size, price),
            // size = PH/s × days
            _ => Short::hashprice(size, 1.0, price, k),
        }
        .expect("valid short");
        let terms = MarginTerms::new(mm.max(0.25), mm).expect("valid terms");
        let liq = short.liquidation_price(coll, spot, terms);
        match r[15] {
            "" => assert_eq!(liq, None, "{}", r[1]),
            want => {
                let want = num(want);
                let got = liq.unwrap_or_else(|| panic!("{}: no liquidation price", r[1]));
                assert!(
                    (got - want).abs() <= 1e-9 * want,
                    "{}: {got} vs {want}",
                    r[1]
                );
            }
        }
    }
}

#[test]
fn the_linear_liquidation_price_is_exact_in_decimals() {
    // (C + h·F) / (h·(1 + mm)) for C = 250,000, h = 10, F = 100,000, mm = 10 %: 1,250,000 / 11.
    let exact = Decimal::from(1_250_000) / Decimal::from(11);
    let s = Short::linear(10.0, 100_000.0).expect("short");
    let t = MarginTerms::new(0.25, 0.10).expect("terms");
    let got = s
        .liquidation_price(250_000.0, 100_000.0, t)
        .expect("a price");
    let want = f64::from_str(&exact.round_dp(10).to_string()).expect("decimal");
    assert!((got - want).abs() < 1e-9, "{got} vs {exact}");
}

#[test]
fn the_collateral_for_a_barrier_inverts_the_liquidation_price() {
    let t = MarginTerms::new(0.3, 0.08).expect("terms");
    for short in [
        Short::linear(7.5, 98_000.0).expect("linear"),
        Short::inverse(750_000.0, 98_000.0).expect("inverse"),
        Short::hashprice(12.0, 30.0, 52.0, 0.00051).expect("hashprice"),
    ] {
        for barrier in [110_000.0, 150_000.0, 400_000.0] {
            let c = short.collateral_for(barrier, 95_000.0, t);
            assert!(c > 0.0, "{short:?} at {barrier}");
            let liq = short.liquidation_price(c, 95_000.0, t).expect("liquidable");
            assert!(
                (liq - barrier).abs() < 1e-6 * barrier,
                "{short:?}: {liq} vs {barrier}"
            );
        }
    }
}

#[test]
fn margin_risk_meets_its_target_and_never_asks_less_than_initial_margin() {
    let path = PricePath {
        spot: 95_000.0,
        years: 0.25,
        drift: 0.04,
        vol: 0.55,
    };
    let t = MarginTerms::new(0.25, 0.10).expect("terms");
    for short in [
        Short::linear(10.0, 96_000.0).expect("linear"),
        Short::inverse(960_000.0, 96_000.0).expect("inverse"),
    ] {
        let r = margin_risk(short, t, path, None, 0.01).expect("risk");
        assert_eq!(r.collateral, r.initial_margin);
        let at_need = margin_risk(short, t, path, Some(r.collateral_needed), 0.01).expect("risk");
        assert!(
            at_need.liquidation_probability <= 0.01 + 1e-9,
            "{short:?}: {at_need:?}"
        );
        assert!(r.collateral_needed >= r.initial_margin);
        // More collateral, a higher liquidation price (or none), a lower probability.
        let more =
            margin_risk(short, t, path, Some(1.1 * r.collateral_needed), 0.01).expect("risk");
        let higher = |a: Option<f64>, b: Option<f64>| {
            a.unwrap_or(f64::INFINITY) > b.unwrap_or(f64::INFINITY)
        };
        assert!(higher(more.liquidation_price, at_need.liquidation_price));
        assert!(more.liquidation_probability < at_need.liquidation_probability);
    }
    // Fully covered inverse short: never liquidated.
    let covered = Short::inverse(950_000.0, 95_000.0).expect("inverse");
    let r = margin_risk(covered, t, path, Some(950_000.0), 0.01).expect("risk");
    assert_eq!(
        (r.liquidation_price, r.liquidation_probability),
        (None, 0.0)
    );
    // No collateral: a linear short is liquidated at once (its liquidation price is below spot).
    let thin = margin_risk(
        Short::linear(2.0, 95_000.0).expect("linear"),
        t,
        path,
        Some(0.0),
        0.01,
    )
    .expect("risk");
    assert_eq!(thin.liquidation_probability, 1.0);
}

#[test]
fn bad_margin_inputs_are_named() {
    let e = MarginTerms::new(1.5, 0.1).unwrap_err();
    assert_eq!(e.field(), Some(Field::InitialMargin));
    let e = MarginTerms::new(0.1, 0.2).unwrap_err();
    assert_eq!(e.field(), Some(Field::MaintenanceMargin));
    let path = PricePath {
        spot: 100.0,
        years: 1.0,
        drift: 0.0,
        vol: 0.5,
    };
    assert_eq!(
        path.upper_barrier(1.0).unwrap_err().field(),
        Some(Field::TouchProbability)
    );
    assert_eq!(
        path.upper_barrier(0.0).unwrap_err().field(),
        Some(Field::TouchProbability)
    );
    let nan = PricePath {
        vol: f64::NAN,
        ..path
    };
    assert_eq!(
        nan.touch_probability(120.0).unwrap_err().field(),
        Some(Field::Volatility)
    );
    assert_eq!(
        Short::linear(-1.0, 100.0).unwrap_err().field(),
        Some(Field::HedgedQuantity)
    );
    let t = MarginTerms::new(0.2, 0.1).expect("terms");
    let e = margin_risk(
        Short::linear(1.0, 100.0).expect("short"),
        t,
        path,
        Some(-5.0),
        0.01,
    );
    assert_eq!(e.unwrap_err().field(), Some(Field::Collateral));
}

#[test]
fn a_sure_path_touches_only_what_it_reaches() {
    let p = PricePath {
        spot: 100.0,
        years: 1.0,
        drift: 0.1,
        vol: 0.0,
    };
    assert_eq!(p.touch_probability(110.0).expect("p"), 1.0); // e^0.1 ≈ 1.105
    assert_eq!(p.touch_probability(111.0).expect("p"), 0.0);
    assert_eq!(p.touch_probability(90.0).expect("p"), 0.0);
}
