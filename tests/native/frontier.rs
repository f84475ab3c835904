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
    let r = run(params(0.3, 0.0), vec![unhedged, full]);
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
    assert!(coverage_frontier(&[(f64::NAN, 1.0)], &forward()).is_err());
}
