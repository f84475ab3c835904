//! The coverage frontier (`domain::risk::frontier`) on the Monte Carlo's own paths: its
//! endpoints (0 % is the unhedged strategy's statistics, 100 % the strategy's), a forward
//! without difficulty volatility (degenerate at 100 %, its CVaR falling with coverage), volume
//! risk (difficulty volatility correlated with the price moves the least-CVaR coverage below
//! 100 %), and the least coverage that reaches a cash-cost target.

use minerhedge::domain::montecarlo::{McParams, McRun};
use minerhedge::domain::risk::frontier::coverage_frontier;
use minerhedge::domain::risk::{PayoffProfile, ProfileParams};

fn forward() -> PayoffProfile {
    PayoffProfile::new(ProfileParams {
        output: 5.0,
        all_in_cost: 1100.0,
        cash_cost: 900.0,
        sold_coins: 5.0,
        locked_usd: 1300.0,
        ..Default::default()
    })
    .unwrap()
}

fn run(params: McParams, profiles: Vec<PayoffProfile>) -> McRun {
    let mut r = McRun::new(params, profiles).unwrap().keeping_paths();
    while !r.step(4096).finished() {}
    r
}

fn params(dvol: f64, corr: f64) -> McParams {
    McParams {
        spot: 250.0,
        drift: 0.05,
        vol: 0.8,
        years: 30.0 / 365.0,
        difficulty_vol: dvol,
        correlation: corr,
        paths: 10_000,
        bins: 40,
        seed: 7,
        ..Default::default()
    }
}

#[test]
fn the_endpoints_are_the_unhedged_and_the_full_strategy() {
    let full = forward();
    let unhedged = PayoffProfile::new(ProfileParams {
        sold_coins: 0.0,
        locked_usd: 0.0,
        ..full.params()
    })
    .unwrap();
    let r = run(params(0.3, 0.0), vec![unhedged, full.clone()]);
    let stats = r.stats();
    let f = coverage_frontier(r.paths().unwrap(), &full).unwrap();
    for (point, s) in [(&f.points[0], &stats[0]), (&f.points[100], &stats[1])] {
        assert!(
            (point.expected_return - s.mean).abs() < 1e-12,
            "{point:?} {s:?}"
        );
        assert!((point.cvar95 - s.cvar95).abs() < 1e-12, "{point:?} {s:?}");
    }
}

#[test]
fn a_forward_without_volume_risk_is_certain_at_full_coverage() {
    let r = run(params(0.0, 0.0), vec![forward()]);
    let f = coverage_frontier(r.paths().unwrap(), &forward()).unwrap();
    let full = &f.points[100];
    assert!((full.cvar95 + 2.0 / 11.0).abs() < 1e-12);
    assert!((full.expected_return - 2.0 / 11.0).abs() < 1e-12);
    assert_eq!(full.prob_short_of_cash, 0.0);
    // The tail only shrinks as coverage grows: CVaR falls at every step.
    assert!(f.points.windows(2).all(|w| w[1].cvar95 < w[0].cvar95));
    assert_eq!(f.min_cvar().map(|p| p.coverage_pct), Some(100));
}

#[test]
fn volume_risk_moves_the_least_cvar_below_full_coverage() {
    // Difficulty that rises with the price: a full forward is short coins just when they are
    // dear, so the least-CVaR coverage is below 100 %.
    let r = run(params(1.5, 0.8), vec![forward()]);
    let f = coverage_frontier(r.paths().unwrap(), &forward()).unwrap();
    let best = f.min_cvar().expect("101 points");
    assert!(best.coverage_pct < 100, "{best:?}");
    assert!(best.cvar95 < f.points[100].cvar95);
}

#[test]
fn the_least_coverage_that_covers_the_cash_cost() {
    let r = run(params(0.0, 0.0), vec![forward()]);
    let f = coverage_frontier(r.paths().unwrap(), &forward()).unwrap();
    let p = f
        .least_coverage_covering(0.95)
        .expect("full coverage always covers");
    assert!(1.0 - p.prob_short_of_cash >= 0.95);
    if p.coverage_pct > 0 {
        let below = &f.points[p.coverage_pct as usize - 1];
        assert!(1.0 - below.prob_short_of_cash < 0.95);
    }
    assert!(coverage_frontier(&[], &forward()).is_err());
    assert!(coverage_frontier(&[(f64::NAN, 1.0, 1.0)], &forward()).is_err());
}

/// The page's own inputs: the model of a link, its simulation kept, its frontiers.
fn page(
    query: &str,
) -> (
    minerhedge::view::Model,
    Vec<minerhedge::view::frontier::StrategyFrontier>,
) {
    use minerhedge::view::{Model, frontier::frontiers};
    let m = Model::build(&minerhedge::link::Scenario::from_query(query).scenario);
    let (params, profiles) = m.monte_carlo().unwrap();
    let r = run(params, profiles);
    let full = m.frontier_profiles().unwrap();
    let curves = frontiers(r.paths().unwrap(), &full).unwrap();
    (m, curves)
}

#[test]
fn the_page_frontier_of_a_forward_without_difficulty_volatility() {
    use minerhedge::view::frontier::summary;
    let (m, curves) = page("hedge=forward&cov=30&paths=10000");
    // Every hedge of the comparison but the unhedged one.
    assert_eq!(curves.len(), m.strategies.len() - 1);
    let s = summary(&m, &curves).unwrap();
    assert_eq!(s.min_cvar.coverage_pct, 100);
    // 0 % is the unhedged strategy, for every hedge.
    for c in &curves {
        assert_eq!(c.frontier.points[0], curves[0].frontier.points[0]);
    }
    // The forward's expected return is linear in its coverage, its shortfall probability
    // never rises (it locks $260 against a $220 cost per coin).
    let f = &curves
        .iter()
        .find(|c| c.kind == s.kind)
        .unwrap()
        .frontier
        .points;
    let slope = f[100].expected_return - f[0].expected_return;
    for p in f {
        let lin = f[0].expected_return + slope * f64::from(p.coverage_pct) / 100.0;
        assert!((p.expected_return - lin).abs() < 1e-12);
    }
    assert!(
        f.windows(2)
            .all(|w| w[1].prob_short_of_cash <= w[0].prob_short_of_cash)
    );
    // The mark at 30 % is the frontier's point at 30 %.
    assert_eq!(s.current.cvar95, f[30].cvar95);
    let why = minerhedge::present::frontier::why(&s);
    assert!(why.contains("full coverage"), "{why}");
}

#[test]
fn difficulty_rising_with_the_price_moves_the_page_least_cvar_below_full() {
    use minerhedge::view::frontier::summary;
    let (m, curves) = page("hedge=forward&dvol=150&corr=80&days=90");
    let s = summary(&m, &curves).unwrap();
    assert!(s.min_cvar.coverage_pct < 100, "{s:?}");
    let why = minerhedge::present::frontier::why(&s);
    assert!(
        why.contains("volume risk") && why.contains("correlation 80%"),
        "{why}"
    );
    // The least coverage reaching ptarget, to the step: the one below misses it. (With the
    // output's mean the plan's, a period this volatile covers its cash cost at most about
    // half the time.)
    let target = page("hedge=forward&dvol=150&corr=80&days=90&ptarget=40");
    let s = summary(&target.0, &target.1).unwrap();
    let r = s
        .reaching
        .expect("some coverage covers the cash cost 40 % of the time");
    assert!(1.0 - r.prob_short_of_cash >= 0.4);
    let f = &target
        .1
        .iter()
        .find(|c| c.kind == s.kind)
        .unwrap()
        .frontier
        .points;
    if r.coverage_pct > 0 {
        assert!(1.0 - f[r.coverage_pct as usize - 1].prob_short_of_cash < 0.4);
    }
}

#[test]
fn the_frontier_chart_draws_every_hedge_and_the_marks() {
    use minerhedge::chart::frontier::draw;
    use minerhedge::chart::geometry::Surface;
    use minerhedge::view::frontier::frontier_chart;
    use plotters::prelude::*;
    let (m, curves) = page("hedge=put&cov=50&dvol=40");
    let chart = frontier_chart(&m, &curves);
    assert!(chart.series[0].chosen && chart.series[0].label == "Put");
    assert_eq!(chart.marks[0].0, "now 50%");
    // The least CVaR's mark says the coverages within the simulation's noise, as its figure.
    let s = minerhedge::view::frontier::summary(&m, &curves).unwrap();
    let (lo, hi) = s.min_cvar_range;
    let least = &chart.marks[1].0;
    assert!(
        least.starts_with(&format!("least CVaR {}%", s.min_cvar.coverage_pct)),
        "{least}"
    );
    if lo != hi {
        assert!(least.ends_with(&format!("({lo}–{hi}%)")), "{least}");
    }
    let surface = Surface::new(720.0, 300.0, 2.0).unwrap();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        draw(&root, &chart, &surface).unwrap();
    }
    for s in &chart.series {
        assert!(svg.contains(&s.label), "{}", s.label);
    }
    assert!(svg.contains("least CVaR") && svg.contains("now 50%"));
    assert!(svg.matches("<polyline").count() >= 2 * chart.series.len());
}
