//! The view model against the seed, the engine and arbitrary links.

use minerhedge::domain::strategy::StrikeInput;
use minerhedge::format;
use minerhedge::link::Key;
use minerhedge::link::{CallStrike, HedgeChoice, Mode, Scenario};
use minerhedge::view::{Model, PremiumSource, StrategyKind};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal literal")
}

fn seed(hedge: &str) -> Scenario {
    let q = format!(
        "v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge={hedge}&fwd=260&inv=0.004&cov=100&lo=200&hi=300&step=10"
    );
    let decoded = Scenario::from_query(&q);
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    decoded.scenario
}

#[test]
fn seed_unhedged_table() {
    let m = Model::build(&seed("none"));
    assert!(m.messages.is_empty(), "{:?}", m.messages);
    let returns: Vec<String> = m
        .table
        .iter()
        .map(|r| format::percent(r.period_return, 0))
        .collect();
    assert_eq!(
        returns,
        [
            "-9%", "-5%", "0%", "5%", "9%", "14%", "18%", "23%", "27%", "32%", "36%"
        ]
    );
    let revenue: Vec<String> = m.table.iter().map(|r| format::usd(r.revenue)).collect();
    assert_eq!(revenue[0], "$1,000");
    assert_eq!(revenue[10], "$1,500");
}

#[test]
fn seed_forward_table() {
    let m = Model::build(&seed("forward"));
    let payoffs: Vec<String> = m
        .table
        .iter()
        .map(|r| format::usd(r.hedge_payoff))
        .collect();
    assert_eq!(
        payoffs,
        [
            "$300", "$250", "$200", "$150", "$100", "$50", "$0", "$(50)", "$(100)", "$(150)",
            "$(200)"
        ]
    );
    for r in &m.table {
        assert_eq!(r.period_return, Decimal::TWO / Decimal::from(11));
        assert_eq!(format::percent(r.period_return, 1), "18.2%");
    }
}

#[test]
fn seed_inverse_forward() {
    let m = Model::build(&seed("inverse"));
    assert_eq!(
        m.ticket.as_deref(),
        Some("Buy (Long) USD 1,250 at 0.004 ETH/USD")
    );
    let locked = m.locked_return.expect("locked return");
    assert_eq!(format::percent(locked, 1), "13.6%");
    for r in &m.table {
        assert_eq!(r.hedged_revenue, Decimal::from(1250), "at {}", r.price);
    }
    // Settlement in coin at 200: 1,250/200 − 5 = 1.25 ETH received.
    assert_eq!(m.table[0].settlement_coin, Some(d("1.25")));
}

#[test]
fn zero_cost_collar_nets_to_zero() {
    let mut s = seed("collar");
    s.hedge.call_strike = CallStrike::Zero;
    let m = Model::build(&s);
    assert!(m.messages.is_empty(), "{:?}", m.messages);
    let o = m.options.clone().expect("options");
    let call = *o.leg(StrikeInput::Kc).expect("solved call");
    let put = *o.leg(StrikeInput::Kp).expect("put");
    assert!(call.solved);
    assert!(call.strike >= put.strike);
    assert!((call.model_premium - put.model_premium).abs() < 1e-9);
    assert_eq!(o.net_per_coin, Decimal::ZERO);
    assert_eq!(m.chosen().map(|c| c.kind), Some(StrategyKind::Collar));
    // Floor and cap of the zero-cost collar: Q·Kp and Q·Kc.
    let b = &m.chosen().expect("collar").bounds;
    let kp = put.strike.to_string().parse::<f64>().expect("f64");
    assert!((b.floor.expect("floor") - 5.0 * kp).abs() < 1e-9);
}

#[test]
fn quoted_premium_is_used_and_implied() {
    let mut s = seed("put");
    let model_put = Model::build(&s).options.expect("options").legs[0].model_premium;
    s.hedge.put_premium = Some(d("12.5"));
    let m = Model::build(&s);
    let put = m.options.clone().expect("options").legs[0];
    assert_eq!(put.source, PremiumSource::Quoted);
    assert_eq!(put.premium, d("12.5"));
    let iv = put
        .implied_vol
        .expect("implied vol exists for an arbitrage-free quote");
    assert!(iv > 0.0);
    // A quote below the model premium implies a lower volatility, and vice versa.
    assert_eq!(iv < s.vol(), 12.5 < model_put);
    // The upfront premium of the put row is 12.5 per coin on 5 coins.
    assert_eq!(m.chosen().expect("put").upfront_premium, d("62.5"));
}

#[test]
fn an_impossible_collar_names_its_field_and_keeps_the_rest() {
    let mut s = seed("collar");
    s.hedge.put_strike = Some(d("240"));
    s.hedge.call_strike = CallStrike::Strike(d("230"));
    let m = Model::build(&s);
    assert!(
        m.messages.iter().any(|x| x.key == Some(Key::CallStrike)),
        "{:?}",
        m.messages
    );
    assert!(m.economics.is_some());
    assert!(m.strategy(StrategyKind::Forward).is_some());
    assert!(m.chosen().is_none());
    assert!(m.table.is_empty());
}

#[test]
fn rig_mode_builds_and_a_halving_cuts_output() {
    let mut s = Scenario::default();
    s.economics.mode = Mode::Rig;
    s.hedge.choice = HedgeChoice::Put;
    s.economics.days = 30;
    let m = Model::build(&s);
    assert!(m.messages.is_empty(), "{:?}", m.messages);
    let e = m.economics.expect("economics");
    let rig = e.rig.expect("rig figures");
    assert!(rig.hashprice > Decimal::ZERO && rig.power_cost > Decimal::ZERO);
    s.economics.rig.halving_day = Some(15);
    let halved = Model::build(&s).economics.expect("economics").output;
    // Subsidy 3.125 halves mid-period: the average subsidy is 3.125·3/4.
    let expected_ratio = (d("3.125") * d("0.75") + d("0.02")) / (d("3.125") + d("0.02"));
    assert_eq!(
        (halved / e.output).round_dp(20),
        expected_ratio.round_dp(20)
    );
}

#[test]
fn readout_matches_the_table() {
    let m = Model::build(&seed("inverse"));
    for r in &m.table {
        assert_eq!(m.readout(r.price).as_ref(), Some(r));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_link_builds_without_panic_or_nan(
        pairs in prop::collection::vec(
            (prop::sample::select(vec![
                "mode", "cost", "qty", "hr", "eff", "pwr", "diff", "sub", "fee", "days", "spot", "vol",
                "rate", "hedge", "cov", "fwd", "inv", "kp", "kc", "pp", "cp", "px", "lo", "hi", "step",
                "pool", "up", "dg", "capex", "life", "halv", "dvol",
            ]),
            prop_oneof![
                Just("0".to_string()), Just("1e308".to_string()), Just("-5".to_string()),
                Just("zero".to_string()), Just("rig".to_string()), Just("collar".to_string()),
                Just("put".to_string()), Just("inverse".to_string()), Just("0.000000001".to_string()),
                (0.0..2000.0f64).prop_map(|x| format!("{x:.3}")),
                (0u32..5000).prop_map(|x| x.to_string()),
            ]),
            0..12,
        )
    ) {
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let s = Scenario::from_query(&q.join("&")).scenario;
        let m = Model::build(&s);
        for (_, pts) in &m.curves {
            prop_assert!(pts.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
        }
        for st in &m.strategies {
            if let Some(o) = st.outlook {
                prop_assert!((0.0..=1.0).contains(&o.prob_loss));
                prop_assert!(o.expected_return.is_finite());
            }
        }
        if let Some(g) = m.greeks {
            for x in [g.value, g.delta, g.gamma, g.vega, g.theta, g.rho, g.delta_neutral_sale] {
                prop_assert!(x.is_finite());
            }
        }
        let _ = m.readout(s.resolved().price);
        for msg in &m.messages {
            prop_assert!(!msg.text.is_empty());
        }
    }
}

#[test]
fn every_strategys_link_edits_show_that_strategy() {
    use minerhedge::domain::strategy::STRATEGIES;
    use minerhedge::link::Key;
    use minerhedge::view::select::{select_edits, shown};
    for spec in STRATEGIES {
        assert_eq!(
            select_edits(spec.kind.expect("a key")).len(),
            spec.link_edits.len(),
            "{:?}",
            spec.kind
        );
        for (word, _) in spec.link_edits {
            assert!(
                Key::parse(word).is_some(),
                "{:?}: {word} is not a link key",
                spec.kind
            );
        }
    }
    for start in ["hedge=put&kc=300", "hedge=collar&kc=zero", ""] {
        for kind in StrategyKind::ALL {
            let mut s = Scenario::from_query(start).scenario;
            if kind == StrategyKind::Collar && s.get_key(Key::CallStrike) == "zero" {
                // The collar's edits leave the call strike as it is; with `kc=zero` the page
                // keeps showing the zero-cost collar (its call is the solved one).
                continue;
            }
            for (key, value) in select_edits(kind) {
                s.set_key(key, value)
                    .expect("a registry edit is a valid link edit");
            }
            assert_eq!(shown(&s), kind, "{kind:?} from {start:?}");
        }
    }
}
