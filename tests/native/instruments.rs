//! The page's instruments of issue 10 through the whole path a link takes: coin-settled
//! options (exact decimals written out again here), the smile on the page's pricing (flat when
//! `rr25 = bf25 = 0`, puts dearer and the zero-cost cap lower with a negative risk reversal),
//! and the margin figures of the short hedges.

use minerhedge::domain::strategy::StrikeInput;
use minerhedge::link::Scenario;
use minerhedge::present::display::display;
use minerhedge::view::Model;
use rust_decimal::Decimal;

fn model(query: &str) -> Model {
    let d = Scenario::from_query(query);
    assert!(d.errors.is_empty(), "{query}: {:?}", d.errors);
    let m = Model::build(&d.scenario);
    assert!(m.messages.is_empty(), "{query}: {:?}", m.messages);
    m
}

fn figure(query: &str, id: &str) -> (String, Option<String>) {
    let d = display(&Scenario::from_query(query).scenario);
    let f = d
        .derived
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("{query}: no figure {id}"));
    (f.text.clone(), f.value.clone())
}

/// A coin-settled put: premium `P/S₀` coins per coin paid at the start, payoff
/// `max(K − S, 0)/S` coins; in USD at the final price `S`:
/// `Q·S + h·max(K − S, 0) − h·(P/S₀)·S`.
#[test]
fn a_coin_settled_put_pays_its_premium_in_coin() {
    let q = "v=2&hedge=put&kp=230&pp=12&settle=coin&spot=250&lo=100&hi=400&step=50";
    let m = model(q);
    let pos = &m.chosen().expect("put").position;
    let (h, k, p, s0) = (
        Decimal::from(5),
        Decimal::from(230),
        Decimal::from(12),
        Decimal::from(250),
    );
    assert_eq!(pos.coin_premium(), h * p / s0);
    for s in [100, 150, 230, 250, 400].map(Decimal::from) {
        let intrinsic = (k - s).max(Decimal::ZERO);
        let want = h * s + h * intrinsic - h * (p / s0) * s;
        assert_eq!(pos.hedged_total(s).unwrap(), want.normalize(), "at {s}");
        let row = pos.row(s).unwrap();
        assert_eq!(
            row.settlement_coin,
            Some((h * intrinsic / s).normalize()),
            "at {s}"
        );
    }
    // In USD the premium is carried at the rate instead; the difference is the coin's move.
    let usd = model("v=2&hedge=put&kp=230&pp=12&spot=250&lo=100&hi=400&step=50");
    let at = |m: &Model, s: i64| {
        m.chosen()
            .unwrap()
            .position
            .hedged_total(Decimal::from(s))
            .unwrap()
    };
    assert!(at(&m, 400) < at(&usd, 400) && at(&m, 100) > at(&usd, 100));
    let (text, value) = figure(q, "premium-coin");
    assert_eq!(value.as_deref(), Some("0.24"));
    assert_eq!(text, "0.24 ETH");
    // The table shows the coin settlement.
    let d = display(&Scenario::from_query(q).scenario);
    assert!(
        d.header.iter().any(|h| h == "Settlement (ETH)"),
        "{:?}",
        d.header
    );
}

/// `rr25 = bf25 = 0` is the flat-vol page: the same model, number for number.
#[test]
fn a_flat_smile_is_todays_page() {
    for base in [
        "hedge=collar&kc=zero",
        "hedge=put",
        "hedge=collar&kc=290",
        "mode=rig&hedge=hashprice",
    ] {
        let flat = Model::build(&Scenario::from_query(base).scenario);
        let zero = Model::build(&Scenario::from_query(&format!("{base}&rr25=0&bf25=0")).scenario);
        assert_eq!(flat.options, zero.options, "{base}");
        assert_eq!(flat.table, zero.table, "{base}");
        assert_eq!(flat.greeks, zero.greeks, "{base}");
        assert_eq!(flat.curves, zero.curves, "{base}");
    }
}

/// Puts richer than calls: the zero-cost call strike moves down (a flat vol overstates the
/// cap the miner keeps), and each leg shows its own vol.
#[test]
fn a_negative_risk_reversal_lowers_the_zero_cost_cap() {
    let flat = model("v=2&hedge=collar&kc=zero");
    let skew = model("v=2&hedge=collar&kc=zero&rr25=-10&bf25=2");
    let strike = |m: &Model| {
        m.options
            .as_ref()
            .and_then(|o| o.leg(StrikeInput::Kc))
            .map(|c| c.strike)
            .unwrap()
    };
    assert!(
        strike(&skew) < strike(&flat),
        "{} vs {}",
        strike(&skew),
        strike(&flat)
    );
    let o = skew.options.unwrap();
    let (put, call) = (
        o.leg(StrikeInput::Kp).unwrap(),
        o.leg(StrikeInput::Kc).unwrap(),
    );
    assert!(put.vol > 0.8 && call.vol < put.vol);
    let (_, put_vol) = figure("v=2&hedge=collar&kc=zero&rr25=-10&bf25=2", "put-vol");
    let v: f64 = put_vol.unwrap().parse().unwrap();
    assert!((v - put.vol * 100.0).abs() < 1e-12);
}

/// The margin figures of a short forward: the liquidation price of the rule
/// `S_liq = (C + h·F) / (h·(1 + mm))`, its touch probability, and the collateral that brings it
/// to `pliq`.
#[test]
fn a_short_forward_shows_its_margin() {
    let q = "v=2&hedge=forward&fwd=260&im=20&mm=10&pliq=1";
    let m = model(q);
    let r = m.margin.expect("margin of a forward");
    let (h, f) = (5.0, 260.0);
    assert_eq!(r.collateral, 0.2 * h * f);
    let liq = (r.collateral + h * f) / (h * 1.1);
    assert!((r.liquidation_price.unwrap() - liq).abs() < 1e-9);
    assert!(r.liquidation_probability > 0.01 && r.collateral_needed > r.collateral);
    let (_, v) = figure(q, "liq-price");
    assert!((v.unwrap().parse::<f64>().unwrap() - liq).abs() < 1e-9);
    // Enough collateral: the target is met with what is posted.
    let rich = model("v=2&hedge=forward&fwd=260&coll=100000");
    assert!(rich.margin.unwrap().liquidation_probability < 1e-6);
    // A put is not margined.
    assert!(model("v=2&hedge=put").margin.is_none());
    // mm above im is named.
    let bad = Scenario::from_query("v=2&im=10&mm=20");
    assert!(bad.errors.iter().any(|e| e.key == "mm"), "{:?}", bad.errors);
}

/// The two presets of the instruments build without a message; the hashprice farm's revenue
/// is locked (95.06 % = (1 − 2 %)·97 %), the skewed collar's cap is below the flat one.
#[test]
fn the_instrument_presets_show_what_they_say() {
    use minerhedge::link::PRESETS;
    let farm = PRESETS
        .iter()
        .find(|p| p.name == "Bitcoin farm, hashprice forward")
        .unwrap();
    let m = model(farm.query);
    let pos = &m.chosen().expect("hashprice forward").position;
    let (lo, hi) = (
        pos.hedged_total(Decimal::from(55_000)).unwrap(),
        pos.hedged_total(Decimal::from(135_000)).unwrap(),
    );
    assert!((lo - hi).abs() < Decimal::new(1, 12), "{lo} vs {hi}");
    assert!(m.margin.is_some());
    let collar = PRESETS
        .iter()
        .find(|p| p.name == "Put-skewed zero-cost collar")
        .unwrap();
    let skew = model(collar.query);
    let flat = model(&collar.query.replace("&rr25=-8&bf25=2", ""));
    let cap = |m: &Model| {
        m.options
            .as_ref()
            .and_then(|o| o.leg(StrikeInput::Kc))
            .map(|c| c.strike)
            .unwrap()
    };
    assert!(cap(&skew) < cap(&flat));
}

/// The payoff chart marks the liquidation price of a short hedge, and says so in words.
#[test]
fn the_payoff_chart_marks_the_liquidation_price() {
    use minerhedge::chart::geometry::Surface;
    use minerhedge::chart::payoff::draw;
    use minerhedge::present::payoff::{chart_summary, payoff_chart};
    use plotters::prelude::*;
    let m = model("v=2&hedge=forward&fwd=260&im=20&mm=10");
    let chart = payoff_chart(&m);
    let liq = chart.liquidation.expect("a forward is margined");
    assert!((liq - (260.0 + 1300.0) / 5.5).abs() < 1e-9);
    let words = chart_summary(&chart);
    assert!(words.contains("liquidated above $28"), "{words}");
    let surface = Surface::new(640.0, 360.0, 1.0).unwrap();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        draw(&root, &chart, &surface).unwrap();
    }
    assert!(svg.contains("Liquidation $284"), "no liquidation label");
    assert!(payoff_chart(&model("v=2&hedge=put")).liquidation.is_none());
}

/// A smile with hedges that hold no option (or one leg only) prices without a message: the
/// Greeks value only the options the position holds at their strikes' vols.
#[test]
fn a_smile_with_a_forward_or_a_put_has_no_message() {
    for q in [
        "v=2&hedge=forward&rr25=-8&bf25=2",
        "v=2&hedge=put&rr25=-8&bf25=2",
        "v=2&hedge=inverse&rr25=5",
        "v=2&mode=rig&hedge=hashprice&rr25=-8&bf25=2",
        "v=2&hedge=none&bf25=3",
    ] {
        let m = model(q);
        assert!(m.greeks.is_some(), "{q}");
    }
}
