//! Risk benchmarks (criterion): 1,001-point grids, lognormal outlook, Monte Carlo and the
//! coverage frontier.
//! Run with `cargo bench --bench risk`.
use criterion::{Criterion, black_box, criterion_group, criterion_main};
use minerhedge::domain::montecarlo::{McParams, McRun};
use minerhedge::domain::risk::{
    Lognormal, LognormalParams, OptionHolding, PayoffProfile, PriceGrid, ProfileParams,
};
use minerhedge::link::Scenario;
use minerhedge::view::Model;
use rust_decimal::Decimal;

/// The six strategies of the page on the seed economics (5 coins for $1,100).
fn strategies() -> Vec<PayoffProfile> {
    let base = ProfileParams {
        output: 5.0,
        all_in_cost: 1100.0,
        cash_cost: 1100.0,
        ..Default::default()
    };
    [
        base.clone(),
        ProfileParams {
            sold_coins: 5.0,
            locked_usd: 1300.0,
            ..base.clone()
        },
        ProfileParams {
            sold_coins: 5.0,
            locked_usd: 1250.0,
            ..base.clone()
        },
        ProfileParams {
            options: vec![OptionHolding::put(5.0, 230.0)],
            premium: 80.0,
            ..base.clone()
        },
        ProfileParams {
            options: vec![
                OptionHolding::put(5.0, 230.0),
                OptionHolding::call(-5.0, 300.0),
            ],
            premium: 20.0,
            ..base.clone()
        },
        ProfileParams {
            options: vec![
                OptionHolding::put(5.0, 230.0),
                OptionHolding::call(-5.0, 330.0),
            ],
            premium: 0.0,
            ..base.clone()
        },
    ]
    .into_iter()
    .map(|p| PayoffProfile::new(p).expect("valid benchmark inputs"))
    .collect()
}

fn bench_risk(c: &mut Criterion) {
    let profiles = strategies();
    let grid = PriceGrid::new(100.0, 400.0, PriceGrid::DEFAULT_POINTS).expect("valid grid");
    let mut buffers: Vec<Vec<(f64, f64)>> = vec![Vec::with_capacity(1001); profiles.len()];
    c.bench_function("risk/grid 6 strategies x 1001 points", |b| {
        b.iter(|| {
            for (p, out) in profiles.iter().zip(buffers.iter_mut()) {
                black_box(p).fill_returns(&grid, out);
            }
        })
    });
    let dist = Lognormal::new(LognormalParams {
        spot: 250.0,
        drift: 0.05,
        vol: 0.8,
        years: 30.0 / 365.0,
    })
    .expect("valid distribution");
    c.bench_function("risk/bounds + outlook 6 strategies", |b| {
        b.iter(|| {
            for p in &profiles {
                black_box(black_box(p).bounds());
                black_box(p.outlook(black_box(&dist)));
            }
        })
    });
    let mut group = c.benchmark_group("montecarlo");
    group.sample_size(20);
    group.bench_function("100k paths x 6 strategies + stats", |b| {
        b.iter(|| {
            let params = McParams {
                spot: 250.0,
                drift: 0.05,
                vol: 0.8,
                difficulty_vol: 0.3,
                paths: 100_000,
                ..Default::default()
            };
            let mut run = McRun::new(params, profiles.clone()).expect("valid run");
            run.step(100_000);
            black_box(run.stats())
        })
    });
    group.bench_function("100k paths x 1 strategy + stats", |b| {
        b.iter(|| {
            let params = McParams {
                spot: 250.0,
                paths: 100_000,
                ..Default::default()
            };
            let mut run = McRun::new(params, vec![profiles[0].clone()]).expect("valid run");
            run.step(100_000);
            black_box(run.stats())
        })
    });
    group.finish();
}

/// Everything the page recomputes when an input (not the price slider) changes: economics,
/// premiums, the zero-cost collar, six strategies with bounds and outlook, Greeks, the table
/// and six 1,001-point curves.
fn bench_model(c: &mut Criterion) {
    let collar = Scenario::from_query("hedge=collar&kc=zero&cov=80").scenario;
    c.bench_function("view/full recompute, seed collar scenario", |b| {
        b.iter(|| black_box(Model::build(black_box(&collar))))
    });
    let rig = Scenario::from_query(
        "mode=rig&coin=BTC&spot=100000&lo=50000&hi=150000&step=5000&fwd=100300&kp=90000&hedge=put",
    )
    .scenario;
    c.bench_function("view/full recompute, rig put scenario", |b| {
        b.iter(|| black_box(Model::build(black_box(&rig))))
    });
    let model = Model::build(&collar);
    let px = Decimal::from(237);
    c.bench_function("view/price slider readout", |b| {
        b.iter(|| black_box(model.readout(black_box(px))))
    });
}

/// The coverage frontier of the six strategies (coverages 0–100 % in 1 % steps) on the paths
/// of a 10,000-path run with difficulty volatility.
fn bench_frontier(c: &mut Criterion) {
    use minerhedge::domain::risk::frontier::coverage_frontier;
    let profiles = strategies();
    let params = McParams {
        spot: 250.0,
        vol: 0.8,
        years: 30.0 / 365.0,
        difficulty_vol: 0.5,
        correlation: 0.3,
        paths: 10_000,
        ..Default::default()
    };
    let mut run = McRun::new(params, profiles.clone())
        .expect("valid run")
        .keeping_paths();
    run.step(10_000);
    let paths = run.paths().expect("kept").to_vec();
    c.bench_function("frontier/101 coverages x 6 strategies, 10k paths", |b| {
        b.iter(|| {
            for p in &profiles {
                black_box(coverage_frontier(black_box(&paths), p).expect("valid"));
            }
        })
    });
}

criterion_group!(benches, bench_risk, bench_model, bench_frontier);
criterion_main!(benches);
