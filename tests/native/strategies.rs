//! The put spread, the three-way collar and the covered call against independent reference
//! values (`tests/data/strategies_reference.csv`, written by
//! `tests/data/strategies_reference.py` in mpmath at 50 digits and checked against QuantLib):
//! each leg's premium and vol, the solved call, floor, cap and breakevens, the hedged revenue
//! at the table's prices in exact decimals, and a program ladder of the three. Then a
//! structure that is only a registry entry written here (a put butterfly): it prices, draws
//! and compares with no edit outside its entry.

use chrono::NaiveDate;
use minerhedge::domain::collar::CallStrike;
use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
use minerhedge::domain::hedge::Position;
use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
use minerhedge::domain::risk::{Lognormal, LognormalParams, PriceGrid};
use minerhedge::domain::strategy::{
    LegSpec, ModelPricer, Side, StrategyInputs, StrategyKind, StrategySpec, StrikeInput,
    StrikeOrder, Strikes,
};
use minerhedge::domain::validate::dec_f64;
use minerhedge::link::{Key, Scenario};
use minerhedge::view::Model;
use minerhedge::view::compare::{Column, RowOf, best, comparison};
use minerhedge::view::program::ProgramModel;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;

/// `(case, strategy, quantity, index)` → `(value, value with premiums rounded to 10 dp)`.
type Reference = HashMap<(String, String, String, String), (String, String)>;

fn reference() -> Reference {
    let text = include_str!("../data/strategies_reference.csv");
    let mut out = Reference::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        assert_eq!(c.len(), 6, "{line}");
        out.insert(
            (c[0].into(), c[1].into(), c[2].into(), c[3].into()),
            (c[4].into(), c[5].into()),
        );
    }
    assert!(out.len() > 300, "{} reference values", out.len());
    out
}

struct Lookup<'a> {
    r: &'a Reference,
    case: &'a str,
    strategy: &'a str,
}

impl Lookup<'_> {
    fn raw(&self, quantity: &str, index: &str) -> &(String, String) {
        self.r
            .get(&(
                self.case.into(),
                self.strategy.into(),
                quantity.into(),
                index.into(),
            ))
            .unwrap_or_else(|| panic!("{} {} {quantity} {index}", self.case, self.strategy))
    }
    fn f64(&self, quantity: &str, index: &str) -> f64 {
        self.raw(quantity, index).0.parse().expect("number")
    }
    fn opt(&self, quantity: &str) -> Option<f64> {
        let v = &self.raw(quantity, "").1;
        (v != "none").then(|| v.parse().expect("number"))
    }
    /// The value with premiums rounded to 10 decimals, as an exact decimal.
    fn dp10(&self, quantity: &str, index: &str) -> Decimal {
        Decimal::from_str(&self.raw(quantity, index).1).expect("decimal")
    }
}

fn close(a: f64, b: f64, rel: f64, what: &str) {
    assert!(
        (a - b).abs() <= rel * b.abs().max(1.0),
        "{what}: {a} vs {b}"
    );
}

/// The period cases of the reference and their links.
const CASES: [(&str, &str); 3] = [
    (
        "flat",
        "v=2&mode=direct&cost=1100&qty=5&days=30&spot=250&vol=80&rate=5&cov=100",
    ),
    (
        "smile",
        "v=2&mode=direct&cost=1100&qty=5&days=30&spot=250&vol=80&rate=5&cov=100&rr25=-10&bf25=3",
    ),
    (
        "partial",
        "v=2&mode=direct&cost=1100&qty=5&days=45&spot=240&vol=65&rate=3&cov=60",
    ),
];

/// The reference's strategies: its name, the link's hedge and strikes.
const STRATEGIES: [(&str, &str); 4] = [
    ("putspread", "hedge=putspread&kp=230&kp2=190&kc=zero"),
    ("seagull-zero", "hedge=seagull&kp=230&kp2=190&kc=zero"),
    ("seagull-300", "hedge=seagull&kp=230&kp2=190&kc=300"),
    ("call", "hedge=call&kc=290"),
];

fn model(query: &str) -> Model {
    let d = Scenario::from_query(query);
    assert!(d.errors.is_empty(), "{query}: {:?}", d.errors);
    Model::build(&d.scenario)
}

/// The reference's name of the leg struck at `input`.
fn leg_name(input: StrikeInput) -> &'static str {
    match input {
        StrikeInput::Kp => "put_kp",
        StrikeInput::Kp2 => "put_kp2",
        StrikeInput::Kc => "call",
    }
}

#[test]
fn each_legs_premium_and_the_solved_call_match_the_reference() {
    let r = reference();
    for (case, base) in CASES {
        for (strategy, hedge) in STRATEGIES {
            let q = format!("{base}&{hedge}&lo=200&hi=300&step=10");
            let m = model(&q);
            assert!(m.messages.is_empty(), "{q}: {:?}", m.messages);
            let at = Lookup {
                r: &r,
                case,
                strategy,
            };
            let o = m.options.as_ref().expect("options");
            assert_eq!(
                o.legs.len(),
                m.chosen().expect("chosen").kind.spec().legs.len()
            );
            for leg in &o.legs {
                let (kind, input) = leg.spec.option_of().expect("an option");
                let name = leg_name(input);
                let units = at.f64(&format!("units_{name}"), "");
                assert_eq!(
                    units,
                    f64::from(i8::from(leg.spec.side == Side::Long) * 2 - 1)
                );
                assert_eq!(kind == OptionKind::Put, input != StrikeInput::Kc);
                let what = format!("{case} {strategy} {name}");
                // A solved call's model premium is the target to the solver's 1e-9 per coin.
                let tol = if leg.solved { 1e-9 } else { 1e-12 };
                close(
                    leg.model_premium,
                    at.f64(&format!("premium_{name}"), ""),
                    tol,
                    &what,
                );
                close(leg.vol, at.f64(&format!("vol_{name}"), ""), 1e-12, &what);
                // The premium the payoffs use: to 10 decimals, exactly the reference's.
                assert_eq!(
                    leg.premium,
                    at.dp10(&format!("premium_{name}"), ""),
                    "{what}"
                );
                if leg.solved {
                    let k = at.f64("call_strike_solved", "");
                    close(dec_f64(leg.strike), k, 1e-10, &what);
                } else {
                    close(
                        dec_f64(leg.strike),
                        at.f64(&format!("strike_{name}"), ""),
                        0.0,
                        &what,
                    );
                }
            }
            assert_eq!(
                o.net_per_coin,
                at.dp10("net_premium", ""),
                "{case} {strategy}"
            );
        }
    }
}

#[test]
fn floor_cap_breakevens_and_the_table_match_the_reference_exactly() {
    let r = reference();
    for (case, base) in CASES {
        for (strategy, hedge) in STRATEGIES {
            let q = format!("{base}&{hedge}&lo=200&hi=300&step=10");
            let m = model(&q);
            let at = Lookup {
                r: &r,
                case,
                strategy,
            };
            let what = format!("{case} {strategy}");
            let chosen = m.chosen().expect("chosen");
            let b = &chosen.bounds;
            match (b.floor, at.opt("floor")) {
                (Some(f), Some(x)) => close(f, x, 1e-12, &what),
                (f, x) => assert_eq!(f.is_some(), x.is_some(), "{what} floor"),
            }
            match (b.cap, at.opt("cap")) {
                (Some(c), Some(x)) => close(c, x, 1e-12, &what),
                (c, x) => assert_eq!(c.is_some(), x.is_some(), "{what} cap"),
            }
            let count = at.f64("breakeven_count", "") as usize;
            assert_eq!(b.breakevens.len(), count, "{what}");
            for (i, be) in b.breakevens.iter().enumerate() {
                close(
                    *be,
                    dec_f64(at.dp10("breakeven", &(i + 1).to_string())),
                    1e-12,
                    &what,
                );
            }
            // The table: each hedged revenue to 1e-12 USD of the reference (its carry factor
            // has 50 digits, the engine's 28; above a solved call strike, plus the coins
            // times that strike's distance from the reference's, which the solver finds to
            // 1e-9 of premium), and exactly the sum of its parts.
            assert_eq!(m.table.len(), 11);
            let carry = chosen.position.carry_factor();
            let options = &m.options.as_ref().expect("options").legs;
            let covered = chosen.position.hedged_quantity();
            let solved = options.iter().find(|l| l.solved).map(|l| {
                let reference = Decimal::from_str(&at.raw("call_strike_solved", "").0).unwrap();
                (l.strike, covered * (l.strike - reference).abs())
            });
            for row in &m.table {
                let expected = at.dp10("hedged_revenue", &row.price.to_string());
                let slack = match solved {
                    Some((k, off)) if row.price > k => off,
                    _ => Decimal::ZERO,
                };
                assert!(
                    (row.hedged_revenue - expected).abs() < Decimal::new(1, 12) + slack,
                    "{what} at {}: {} vs {expected}",
                    row.price,
                    row.hedged_revenue
                );
                let mut sum = chosen.position.economics().output() * row.price;
                for leg in options {
                    let (kind, _) = leg.spec.option_of().expect("an option");
                    let intrinsic = match kind {
                        OptionKind::Put => (leg.strike - row.price).max(Decimal::ZERO),
                        OptionKind::Call => (row.price - leg.strike).max(Decimal::ZERO),
                    };
                    let sign = leg.spec.side.sign();
                    sum += sign * covered * (intrinsic - leg.premium * carry);
                }
                assert_eq!(
                    row.hedged_revenue,
                    sum.normalize(),
                    "{what} at {}",
                    row.price
                );
            }
        }
    }
}

#[test]
fn a_program_ladder_of_a_put_spread_a_three_way_collar_and_a_covered_call() {
    let r = reference();
    for (case, smile) in [("program-flat", ""), ("program-smile", "&rr25=-10&bf25=3")] {
        let q = format!(
            "v=2&view=program&mode=direct&start=2027-01-01&months=3&spot=250&basis=5&vol=80&rate=5\
             &ph=putspread,seagull,call&pcov=100&pkp=90&pkp2=75&pkc=zero,zero,110{smile}"
        );
        let d = Scenario::from_query(&q);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        let m = ProgramModel::build(&d.scenario, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
            .unwrap_or_else(|e| panic!("{}", e.text));
        let rows = m.program.rows();
        for (i, (row, strategy)) in rows
            .iter()
            .zip(["putspread", "seagull", "call"])
            .enumerate()
        {
            let at = Lookup {
                r: &r,
                case,
                strategy,
            };
            let month = i.to_string();
            let what = format!("{case} month {i}");
            assert_eq!(row.kind.as_str(), strategy);
            close(
                dec_f64(row.forward),
                at.f64("forward", &month),
                1e-12,
                &what,
            );
            assert_eq!(row.options.len(), row.kind.spec().legs.len(), "{what}");
            for leg in &row.options {
                let (_, input) = leg.spec.option_of().expect("an option");
                let name = leg_name(input);
                let k = at.f64(&format!("strike_{name}"), &month);
                let tol = if leg.solved { 1e-10 } else { 1e-14 };
                close(
                    dec_f64(leg.strike),
                    k,
                    tol,
                    &format!("{what} {name} strike"),
                );
                let p = at.f64(&format!("premium_{name}"), &month);
                close(dec_f64(leg.premium), p, 1e-11, &format!("{what} {name}"));
            }
            close(
                dec_f64(row.net_premium_per_coin),
                at.f64("net_premium", &month),
                1e-11,
                &what,
            );
        }
        // The three-way collar's call pays for its put spread exactly.
        assert_eq!(rows[1].net_premium_per_coin, Decimal::ZERO);
        assert!(rows[1].options[2].solved);
    }
}

#[test]
fn wrong_strikes_name_their_key() {
    let m = model("hedge=putspread&kp=230&kp2=230");
    assert!(m.chosen().is_none());
    assert!(
        m.messages
            .iter()
            .any(|x| x.key == Some(Key::Put2Strike)
                && x.text.contains("less than the put strike 230")),
        "{:?}",
        m.messages
    );
    let m = model("hedge=seagull&kp=230&kp2=250&kc=zero");
    assert!(m.messages.iter().any(|x| x.key == Some(Key::Put2Strike)));
    let m = model("hedge=call&kc=zero");
    assert!(
        m.messages
            .iter()
            .any(|x| x.key == Some(Key::CallStrike) && x.text.contains("none for it to pay for")),
        "{:?}",
        m.messages
    );
    // The rest of the page still works: the comparison has every other strategy.
    assert!(comparison(&m, None).len() >= 6);
    // The program names the month's list.
    let d = Scenario::from_query("v=2&view=program&ph=putspread&pkp=90&pkp2=95");
    let Err(e) = ProgramModel::build(&d.scenario, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
    else {
        panic!("pkp2 above pkp is refused");
    };
    assert_eq!(e.key, Some(Key::MonthPut2Strikes), "{}", e.text);
}

// ---- A structure that is only its registry entry. ----

/// A put butterfly, written only here: a put bought at `kc`, two sold at `kp`, one bought at
/// `kp2` (`kp2 < kp < kc`): it pays most at `kp` and nothing outside `[kp2, kc]`.
static BUTTERFLY: StrategySpec = StrategySpec {
    kind: None,
    label: "Put butterfly",
    link_word: "butterfly",
    link_edits: &[],
    glossary: None,
    legs: &[
        LegSpec::option(Side::Long, OptionKind::Put, StrikeInput::Kc),
        LegSpec::option(Side::Short, OptionKind::Put, StrikeInput::Kp).times(Decimal::TWO),
        LegSpec::option(Side::Long, OptionKind::Put, StrikeInput::Kp2),
    ],
    order: &[
        StrikeOrder {
            below: StrikeInput::Kp2,
            above: StrikeInput::Kp,
            strict: true,
        },
        StrikeOrder {
            below: StrikeInput::Kp,
            above: StrikeInput::Kc,
            strict: true,
        },
    ],
};

const DAYS: u32 = 30;

/// The page's default market: spot 250, vol 80 %, rate 5 %, 30 days.
fn market() -> SpotModel {
    SpotModel::new(SpotParams {
        spot: 250.0,
        rate: 0.05,
        dividend_yield: 0.0,
        vol: 0.8,
        expiry_years: f64::from(DAYS) / 365.0,
    })
    .unwrap()
}

/// The butterfly at 190 / 230 / 270 on 5 coins of the seed (cost 1,100), priced on BSM.
fn butterfly() -> (Position, Strikes) {
    let pricer = ModelPricer {
        model: market(),
        decimals: Some(10),
    };
    let inputs = StrategyInputs {
        strikes: Strikes {
            kp: Decimal::from(230),
            kp2: Decimal::from(190),
            kc: CallStrike::Strike(Decimal::from(270)),
        },
        ..StrategyInputs::new(Decimal::from(5), Decimal::ONE, DAYS)
    };
    let legs = BUTTERFLY.legs(&inputs, Some(&pricer)).unwrap().unwrap();
    let economics = PeriodEconomics::direct(DirectParams {
        period_cost: Decimal::from(1100),
        expected_output: Decimal::from(5),
    })
    .unwrap();
    (
        Position::from_legs(economics, legs, Decimal::ONE).unwrap(),
        inputs.strikes,
    )
}

#[test]
fn a_registry_entry_alone_prices() {
    let (pos, strikes) = butterfly();
    // Each leg at its strike: net premium P(270) − 2·P(230) + P(190) per covered coin.
    let p = |k: f64| market().price(OptionKind::Put, k).unwrap();
    let net = p(270.0) - 2.0 * p(230.0) + p(190.0);
    close(
        dec_f64(pos.upfront_premium()),
        5.0 * net,
        1e-9,
        "net premium",
    );
    // The payoff: nothing below 190 or above 270, 5·40 at 230, less the premium.
    let profile = pos.profile().unwrap();
    assert_eq!(profile.kinks().len(), 3);
    let premium = dec_f64(pos.carried_net_premium());
    for (s, options) in [
        (100.0, 0.0),
        (190.0, 0.0),
        (230.0, 200.0),
        (270.0, 0.0),
        (400.0, 0.0),
    ] {
        close(
            profile.value_at(s),
            5.0 * s + options - premium,
            1e-12,
            "butterfly payoff",
        );
        let exact = pos
            .hedged_total(Decimal::from_str(&s.to_string()).unwrap())
            .unwrap();
        close(
            dec_f64(exact),
            profile.value_at(s),
            1e-12,
            "exact vs profile",
        );
    }
    let bounds = profile.bounds();
    assert_eq!(bounds.cap, None);
    close(bounds.floor.unwrap(), -premium, 1e-12, "floor at 0");
    // Its order of strikes is the entry's.
    let pricer = ModelPricer {
        model: market(),
        decimals: Some(10),
    };
    let bad = Strikes {
        kp2: Decimal::from(240),
        ..strikes
    };
    assert!(BUTTERFLY.priced(&bad, &pricer).is_err());
}

#[test]
fn a_registry_entry_alone_compares() {
    let (pos, _) = butterfly();
    let profile = pos.profile().unwrap();
    let bounds = profile.bounds();
    // The comparison's row, beside the page's put spread on the same market.
    let page = model("v=2&hedge=putspread&kp=230&kp2=190&lo=200&hi=300&step=10");
    let grid = PriceGrid::new(200.0, 300.0, 2).unwrap();
    let dist = Lognormal::new(LognormalParams {
        spot: 250.0,
        drift: 0.05,
        vol: 0.8,
        years: f64::from(DAYS) / 365.0,
    })
    .unwrap();
    let row = RowOf {
        label: BUTTERFLY.label,
        kind: BUTTERFLY.kind,
        upfront_premium: pos.upfront_premium(),
        profile: &profile,
        bounds: &bounds,
        return_range: profile.return_range(&grid),
        outlook: Some(profile.outlook(&dist)),
    }
    .row(None);
    let mut rows = comparison(&page, None);
    rows.push(row);
    let csv = minerhedge::export::comparison_csv(&rows);
    assert!(
        csv.lines().any(|l| l.starts_with("Put butterfly,")),
        "{csv}"
    );
    assert!(csv.lines().any(|l| l.starts_with("Put spread,")), "{csv}");
    let butterfly = rows.last().unwrap();
    assert_eq!(butterfly.upfront_premium, pos.upfront_premium());
    assert_eq!((butterfly.floor, butterfly.cap), (bounds.floor, None));
    assert!(butterfly.prob_loss.unwrap() > 0.0);
    // Ranked with the page's rows: uncapped like the put spread, so both share the best cap.
    let spread = rows
        .iter()
        .position(|r| r.kind == Some(StrategyKind::PutSpread))
        .unwrap();
    let best_cap = best(&rows, Column::Cap);
    assert!(best_cap.contains(&spread) && best_cap.contains(&(rows.len() - 1)));
}

#[test]
fn a_registry_entry_alone_draws() {
    use minerhedge::chart::geometry::Surface;
    use minerhedge::chart::payoff::{PayoffChart, Series, SeriesStyle, draw};
    use plotters::prelude::*;

    let (pos, _) = butterfly();
    let profile = pos.profile().unwrap();
    // Its curve on the payoff chart, in SVG, with its label in the legend.
    let chart_grid = PriceGrid::new(150.0, 320.0, 341).unwrap();
    let mut points = Vec::new();
    profile.fill_values(&chart_grid, &mut points);
    let chart = PayoffChart {
        series: vec![Series::new(BUTTERFLY.label, points, SeriesStyle::Primary)],
        ..Default::default()
    };
    let surface = Surface::new(640.0, 400.0, 1.0).unwrap();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        draw(&root, &chart, &surface).unwrap();
    }
    assert!(svg.contains("Put butterfly"), "the legend names it");
    assert!(svg.contains("<polyline") || svg.contains("<path"));
}
