//! The power contracts (`domain::power`) against independent reference values
//! (`tests/data/power_reference.csv`, written by `tests/data/power_reference.py` in mpmath at
//! 50 digits, the curtailment value also by numerical integration): energy-adjusted
//! hashprice, run share, output, power cost, credits, curtailment value and margin for each
//! contract, lognormal hours and a price curve, with and without a capacity credit. Then the
//! shape: the index-priced margin is convex in the price and never below running every hour.

use minerhedge::domain::power::{Contract, HourPrices, PowerTerms, RigRun};
use proptest::prelude::*;
use std::collections::HashMap;

const C1: [f64; 16] = [
    -20.0, 5.0, 18.0, 22.0, 25.0, 31.0, 35.0, 40.0, 44.0, 52.0, 60.0, 75.0, 90.0, 140.0, 260.0,
    1200.0,
];

/// A rig of the reference: `(H TH/s, eff J/TH, up, pool, D, sub, fee, days, pwr USD/kWh)`.
fn rig_of(name: &str) -> (RigRun, f64, f64) {
    let (h, eff, up, pool, d, sub, fee, days, pwr): (f64, f64, f64, f64, f64, f64, f64, f64, f64) =
        match name {
            "R1" => (200.0, 17.5, 0.97, 0.02, 1.2e14, 3.125, 0.02, 30.0, 0.06),
            "R2" => (
                2_857_143.0,
                17.5,
                0.95,
                0.01,
                1.1e14,
                3.125,
                0.05,
                31.0,
                0.045,
            ),
            other => panic!("rig {other}"),
        };
    let output = h * 1e12 * days * 86_400.0 * (sub + fee) * (1.0 - pool) * up / (d * 2f64.powi(32));
    (
        RigRun {
            output,
            load_mw: h * eff / 1e6,
            hours: 24.0 * days,
            uptime: up,
        },
        days,
        1000.0 * pwr,
    )
}

fn prices_of(model: &str) -> HourPrices {
    if model == "curve-C1" {
        return HourPrices::Curve(C1.to_vec());
    }
    let parts: Vec<&str> = model.split('-').collect();
    assert_eq!(parts[0], "ln", "{model}");
    HourPrices::Lognormal {
        mean: parts[1].parse().unwrap(),
        log_sd: parts[2].parse().unwrap(),
    }
}

fn contract_of(word: &str) -> Contract {
    match word {
        "fixed" => Contract::Fixed,
        "index" => Contract::Index,
        "ppa" => Contract::Ppa,
        other => panic!("contract {other}"),
    }
}

/// A reference point: rig, model, contract, capacity credit and coin price (as written).
type Point = (String, String, String, String, String);

#[test]
fn every_contract_matches_the_reference() {
    let text = include_str!("../data/power_reference.csv");
    let mut cases: HashMap<Point, HashMap<String, f64>> = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        assert_eq!(c.len(), 8, "{line}");
        let key = (
            c[1].into(),
            c[2].into(),
            c[3].into(),
            c[4].into(),
            c[5].into(),
        );
        cases
            .entry(key)
            .or_default()
            .insert(c[6].into(), c[7].parse().expect("number"));
    }
    assert!(cases.len() > 200, "{} reference points", cases.len());
    let mut checked = 0;
    for ((rig, model, contract, drc, s), q) in &cases {
        if s.is_empty() {
            continue;
        }
        let (run, days, fixed) = rig_of(rig);
        let terms = PowerTerms {
            contract: contract_of(contract),
            prices: prices_of(model),
            fixed_mwh: fixed,
            capacity_credit: drc.parse().unwrap(),
            days,
        };
        terms.prices.check().unwrap();
        let s: f64 = s.parse().unwrap();
        let at = terms.at(&run, s);
        let what = format!("{rig} {model} {contract} drc {drc} at {s}");
        let close = |name: &str, got: f64| {
            let want = q[name];
            assert!(
                (got - want).abs() <= 1e-10 * want.abs().max(1.0),
                "{what} {name}: {got} vs {want}"
            );
        };
        close("ehp", at.ehp);
        close("run_share", at.run_share);
        close("output", at.output);
        close("power_cost", at.power_cost);
        close("credits", at.credits);
        close("curtailment_value", at.curtailment_value);
        close("margin", at.margin(s));
        checked += 1;
    }
    assert!(checked > 200, "{checked}");
}

#[test]
fn a_near_zero_spread_is_the_step_function() {
    let (run, days, fixed) = rig_of("R1");
    let terms = PowerTerms {
        contract: Contract::Index,
        prices: HourPrices::Lognormal {
            mean: 60.0,
            log_sd: 1e-6,
        },
        fixed_mwh: fixed,
        capacity_credit: 0.0,
        days,
    };
    for s in [10_000.0, 50_000.0, 100_000.0, 200_000.0] {
        let at = terms.at(&run, s);
        let step = if at.ehp > 60.0 { 1.0 } else { 0.0 };
        assert!((at.run_share - step).abs() < 1e-9, "at {s}: {at:?}");
    }
}

proptest! {
    /// The index-priced margin is convex in the coin price (the rig runs more hours as it
    /// rises) and never below the margin of running every available hour at the index.
    #[test]
    fn the_index_margin_is_convex_and_beats_running_every_hour(
        mean in 5.0..500.0f64, log_sd in 0.01..3.0f64, s in 1_000.0..300_000.0f64,
        h in 100.0..20_000.0f64,
    ) {
        let (base, days, fixed) = rig_of("R1");
        let run = RigRun { output: base.output * h / 200.0, load_mw: base.load_mw * h / 200.0, ..base };
        let terms = PowerTerms {
            contract: Contract::Index,
            prices: HourPrices::Lognormal { mean, log_sd },
            fixed_mwh: fixed,
            capacity_credit: 0.0,
            days,
        };
        let m = |x: f64| terms.at(&run, x).margin(x);
        let always = run.output * s - run.energy_mwh() * mean;
        let scale = run.output * s + run.energy_mwh() * mean;
        prop_assert!(m(s) >= always - 1e-9 * scale, "{} < {}", m(s), always);
        let step = 0.05 * s;
        let second = m(s + step) - 2.0 * m(s) + m(s - step);
        prop_assert!(second >= -1e-7 * scale, "second difference {}", second);
    }
}
