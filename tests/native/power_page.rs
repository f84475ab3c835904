//! The period page on a power contract: the plan at the forward, the table's output, power
//! cost, credits and return against the contract's formulas computed here from scratch, the
//! numeric floor, cap and breakevens against a fine scan, the outlook against numerical
//! integration, `ptype=fixed` the page as before, and the named errors.

use minerhedge::domain::pricing::normal::cdf;
use minerhedge::link::{Key, PRESETS, Scenario};
use minerhedge::present::display::{display, power_figures};
use minerhedge::view::Model;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A 200 PH/s farm at BTC prices on an index contract around 50 USD/MWh.
const INDEX: &str = "v=2&coin=BTC&mode=rig&hr=200000&eff=17.5&pwr=0.05&opex=20000&pool=2&up=97\
                     &diff=126T&sub=3.125&fee=0.03&days=30&spot=95000&vol=50&rate=4\
                     &ptype=index&pidx=50&psd=0.6&hedge=forward&cov=80&lo=20000&hi=160000\
                     &step=10000";

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

fn model(q: &str) -> Model {
    let d = Scenario::from_query(q);
    assert!(d.errors.is_empty(), "{q}: {:?}", d.errors);
    Model::build(&d.scenario)
}

/// The farm's full-run output (coins), energy (MWh) and other costs, from the rig's inputs.
fn farm() -> (f64, f64) {
    let (h, eff, up, pool, d, reward, days) = (200_000.0, 17.5, 0.97, 0.02, 126e12, 3.155, 30.0);
    let q = h * 1e12 * days * 86_400.0 * reward * (1.0 - pool) * up / (d * 2f64.powi(32));
    let e = h * eff / 1e6 * 24.0 * days * up;
    (q, e)
}

/// The index contract at `s` from its formulas: (run share, output, power cost).
fn index_at(s: f64, mean: f64, sd: f64) -> (f64, f64, f64) {
    let (q, e) = farm();
    let ehp = s * q / e;
    let d = ((ehp / mean).ln() + 0.5 * sd * sd) / sd;
    (cdf(d), q * cdf(d), e * mean * cdf(d - sd))
}

#[test]
fn the_index_table_is_the_contract_at_each_price() {
    let m = model(INDEX);
    assert!(m.messages.is_empty(), "{:?}", m.messages);
    let plan_price = 95_000.0 * (0.04f64 * 30.0 / 365.0).exp();
    let (_, plan_q, plan_cost) = index_at(plan_price, 50.0, 0.6);
    let e = m.economics.expect("economics");
    assert!(
        (f(e.output) / plan_q - 1.0).abs() < 1e-12,
        "{} {plan_q}",
        e.output
    );
    assert!((f(e.cost) - (20_000.0 + plan_cost)).abs() < 1e-6);
    let hedged = 0.8 * plan_q;
    for row in &m.table {
        let s = f(row.price);
        let (_, q, cost) = index_at(s, 50.0, 0.6);
        let rel = |a: f64, b: f64| (a - b).abs() / b.abs().max(1.0);
        assert!(
            rel(f(row.output), q) < 1e-12,
            "{s}: output {} {q}",
            row.output
        );
        assert!(rel(f(row.power_cost.expect("power cost")), cost) < 1e-12);
        assert_eq!(row.credits, Some(Decimal::ZERO));
        assert!(rel(f(row.revenue), q * s) < 1e-12);
        // A forward on 80 % of the plan: (F − S)·h.
        let fwd = f(m.scenario.resolved().forward);
        assert!(rel(f(row.hedge_payoff), (fwd - s) * hedged) < 1e-9);
        let ret = (q * s + (fwd - s) * hedged - cost - 20_000.0) / f(e.cost);
        assert!(
            (f(row.period_return) - ret).abs() < 1e-12,
            "{s}: {} {ret}",
            row.period_return
        );
    }
}

#[test]
fn the_power_figures_at_the_slider_price_name_their_values() {
    let m = model(INDEX);
    let figs = power_figures(&m, Decimal::from(60_000));
    let value = |id: &str| -> f64 {
        figs.iter()
            .find(|x| x.id == id)
            .and_then(|x| x.value.as_deref())
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    let (u, _, cost) = index_at(60_000.0, 50.0, 0.6);
    let (q, e) = farm();
    let ehp = 60_000.0 * q / e;
    assert!((value("ehp") - ehp).abs() < 1e-9 * ehp);
    assert!((value("run-share") - 100.0 * u).abs() < 1e-10);
    assert!((value("power-cost") - cost).abs() < 1e-6);
    assert_eq!(value("power-credits"), 0.0);
    // E[(P − EHP)⁺]·E_full = E·(mean·N(sd − d) − EHP·N(−d)).
    let d = ((ehp / 50.0).ln() + 0.18) / 0.6;
    let cv = e * (50.0 * cdf(0.6 - d) - ehp * cdf(-d));
    assert!((value("curtailment-value") - cv).abs() < 1e-6 * cv, "{cv}");
}

/// A fine scan of the chosen strategy's value: its floor, breakevens and outlook agree with
/// the numeric ones to a cent (and the probabilities to 1e-9).
#[test]
fn floor_breakevens_and_outlook_of_a_curtailed_position_agree_with_a_scan() {
    for hedge in [
        "none",
        "forward",
        "put",
        "collar&kc=zero",
        "seagull&kc=zero",
        "call&kc=110000",
    ] {
        let q = INDEX
            .replace("opex=20000", "opex=160000")
            .replace("hedge=forward", &format!("hedge={hedge}"));
        let m = model(&q);
        let st = m
            .chosen()
            .unwrap_or_else(|| panic!("{hedge}: {:?}", m.messages));
        let p = &st.profile;
        let cost = p.all_in_cost();
        let scan: Vec<(f64, f64)> = (0..=400_000)
            .map(|i| {
                let s = f64::from(i) * 1.0;
                (s, p.value_at(s))
            })
            .collect();
        let lo = scan.iter().map(|x| x.1).fold(f64::INFINITY, f64::min);
        if let Some(floor) = st.bounds.floor {
            assert!(
                floor <= lo + 1e-6 && floor >= lo - 0.01,
                "{hedge}: {floor} {lo}"
            );
        }
        for b in &st.bounds.breakevens {
            assert!((p.value_at(*b) - cost).abs() < 0.01, "{hedge}: {b}");
        }
        let crossings = scan
            .windows(2)
            .filter(|w| (w[0].1 < cost) != (w[1].1 < cost))
            .count();
        assert_eq!(crossings, st.bounds.breakevens.len(), "{hedge}");
        // The outlook's expectation by the trapezoid rule in S on the lognormal density.
        let o = st.outlook.expect("outlook");
        let (sigma, t, s0): (f64, f64, f64) = (0.5, 30.0 / 365.0, 95_000.0);
        let sd = sigma * f64::sqrt(t);
        let mu = s0.ln() + (0.04 - 0.5 * sigma * sigma) * t;
        let (mut ev, mut loss) = (0.0, 0.0);
        let n = 200_000;
        for i in 0..n {
            let z = -9.0 + 18.0 * (f64::from(i) + 0.5) / f64::from(n);
            let w =
                (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt() * 18.0 / f64::from(n);
            let v = p.value_at((mu + sd * z).exp());
            ev += w * v;
            if v < cost {
                loss += w;
            }
        }
        assert!(
            (o.expected_value - ev).abs() < 0.01,
            "{hedge}: {} {ev}",
            o.expected_value
        );
        assert!(
            (o.prob_loss - loss).abs() < 1e-4,
            "{hedge}: {} {loss}",
            o.prob_loss
        );
    }
}

#[test]
fn fixed_power_is_the_page_as_before() {
    let links: Vec<String> = PRESETS
        .iter()
        .map(|p| p.query.to_string())
        .filter(|q| q.contains("mode=rig") && !q.contains("ptype="))
        .chain(["mode=rig&hedge=collar&kc=zero".to_string()])
        .collect();
    assert!(links.len() >= 4);
    for q in links {
        let before = Model::build(&Scenario::from_query(&q).scenario);
        let after = Model::build(&Scenario::from_query(&format!("{q}&ptype=fixed&psd=2")).scenario);
        assert!(after.power.is_none());
        assert_eq!(before.table, after.table, "{q}");
        assert_eq!(before.curves, after.curves, "{q}");
        assert_eq!(before.economics, after.economics, "{q}");
        for (a, b) in before.strategies.iter().zip(&after.strategies) {
            assert_eq!(
                (&a.bounds, a.outlook, a.return_range),
                (&b.bounds, b.outlook, b.return_range)
            );
        }
        let d = display(&after.scenario);
        let cols: Vec<&str> = d.rows[0].iter().map(|c| c.id).collect();
        assert!(
            cols.ends_with(&["output", "power_cost", "credits"]),
            "{cols:?}"
        );
    }
}

#[test]
fn power_keys_in_direct_mode_are_named() {
    let d = Scenario::from_query("mode=direct&ptype=index");
    assert_eq!(d.errors.len(), 1, "{:?}", d.errors);
    assert_eq!(d.errors[0].key, Key::PowerContract);
    assert!(
        d.errors[0].to_string().contains("mode=rig"),
        "{}",
        d.errors[0]
    );
    let d = Scenario::from_query("mode=direct&drc=100");
    assert_eq!(d.errors[0].key, Key::CapacityCredit);
}

#[test]
fn bad_power_values_are_named_with_their_range() {
    for (q, key, words) in [
        (
            "mode=rig&psd=0",
            Key::PowerSpread,
            "greater than 0 and at most 5",
        ),
        ("mode=rig&pidx=-3", Key::PowerIndex, "greater than 0"),
        (
            "mode=rig&ptype=spot",
            Key::PowerContract,
            "one of fixed, index, ppa",
        ),
        ("mode=rig&pcurve=1,x", Key::PowerCurve, "price 2"),
        ("mode=rig&pvol=600", Key::PowerVol, "between 0 and 500"),
        (
            "mode=rig&pcorr=-101",
            Key::PowerCorrelation,
            "between -100 and 100",
        ),
        ("mode=rig&drc=-1", Key::CapacityCredit, "between 0 and"),
    ] {
        let d = Scenario::from_query(q);
        assert_eq!(d.errors.len(), 1, "{q}: {:?}", d.errors);
        assert_eq!(d.errors[0].key, key, "{q}");
        assert!(
            d.errors[0].to_string().contains(words),
            "{q}: {}",
            d.errors[0]
        );
    }
    let long = vec!["40"; 49].join(",");
    let d = Scenario::from_query(&format!("mode=rig&ptype=index&pcurve={long}"));
    assert!(
        d.errors[0].to_string().contains("more than 48 prices"),
        "{}",
        d.errors[0]
    );
}

#[test]
fn a_curve_the_rig_never_or_always_runs_on_says_what_it_does() {
    let base = INDEX.replace("&pidx=50&psd=0.6", "");
    let m = model(&format!("{base}&pcurve=-3,-1,-0.5"));
    let text: Vec<&str> = m.messages.iter().map(|x| x.text.as_str()).collect();
    assert!(
        text.iter().any(|t| t.contains("the rig runs every hour")),
        "{text:?}"
    );
    // Every hour dearer than mining pays at the chart's top: the plan has nothing to hedge.
    let m = model(&format!("{base}&pcurve=90000,100000"));
    let text: Vec<&str> = m.messages.iter().map(|x| x.text.as_str()).collect();
    assert!(
        text.iter().any(|t| t.contains("runs 0.0% of its hours")),
        "{text:?}"
    );
    assert!(
        m.messages
            .iter()
            .all(|x| x.key == Some(Key::PowerContract) || x.key == Some(Key::PowerCurve))
    );
}

#[test]
fn ppa_credits_are_the_resale_of_the_hours_off() {
    let q = INDEX.replace("ptype=index", "ptype=ppa");
    let m = model(&q);
    let (qf, e) = farm();
    for row in &m.table {
        let s = f(row.price);
        let ehp = s * qf / e;
        let d = ((ehp / 50.0).ln() + 0.18) / 0.6;
        let block = e / 0.97;
        let credits = block * (0.03 * 50.0 + 0.97 * 50.0 * cdf(0.6 - d));
        let got = f(row.credits.expect("credits"));
        assert!(
            (got - credits).abs() < 1e-9 * credits.max(1.0),
            "{s}: {got} {credits}"
        );
        assert!((f(row.power_cost.expect("cost")) - block * 50.0).abs() < 1e-6);
    }
}
