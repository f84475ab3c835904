//! Engine benchmarks (criterion). Run with `cargo bench --bench engine`; one group per
//! module, e.g. `cargo bench --bench engine -- pricing`.
use criterion::{Criterion, black_box, criterion_group, criterion_main};
use minerhedge::domain::pricing::root::{Bracket, brent};
use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind, SpotModel, SpotParams};
use minerhedge::domain::tolerance::ROOT;

/// Option pricing: price + all Greeks (target ≤ 60 ns), implied volatility (target ≤ 300 ns).
fn bench_pricing(c: &mut Criterion) {
    let mut g = c.benchmark_group("pricing");
    let spot = SpotModel::new(SpotParams {
        spot: 250.0,
        rate: 0.05,
        dividend_yield: 0.01,
        vol: 0.8,
        expiry_years: 0.25,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let fwd = ForwardModel::new(ForwardParams {
        forward: 260.0,
        rate: 0.05,
        vol: 0.8,
        expiry_years: 0.25,
    })
    .unwrap_or_else(|e| panic!("{e}"));

    g.bench_function("bsm_price", |b| {
        b.iter(|| spot.price(black_box(OptionKind::Call), black_box(270.0)))
    });
    g.bench_function("bsm_price_and_greeks", |b| {
        b.iter(|| spot.greeks(black_box(OptionKind::Put), black_box(230.0)))
    });
    g.bench_function("black76_price_and_greeks", |b| {
        b.iter(|| fwd.greeks(black_box(OptionKind::Call), black_box(280.0)))
    });
    g.bench_function("bsm_model_new_and_greeks", |b| {
        b.iter(|| {
            SpotModel::new(black_box(SpotParams {
                spot: 250.0,
                rate: 0.05,
                dividend_yield: 0.01,
                vol: 0.8,
                expiry_years: 0.25,
            }))
            .and_then(|m| m.greeks(OptionKind::Put, 230.0))
        })
    });

    bench_implied_vol(&mut g, &spot);
    g.bench_function("brent_cubic", |b| {
        b.iter(|| {
            brent(
                |x| x * x * x - 2.0 * x - 5.0,
                black_box(Bracket { lo: 2.0, hi: 3.0 }),
                ROOT,
                100,
            )
        })
    });
    g.finish();
}

/// Implied volatility: at the money, out of the money, in the money, far out of the money.
fn bench_implied_vol(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    spot: &SpotModel,
) {
    let market = SpotModel::new(SpotParams {
        vol: 0.0,
        ..spot.params()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let quotes: Vec<(OptionKind, f64, f64)> = [
        (OptionKind::Call, 250.0, 0.8),
        (OptionKind::Put, 200.0, 0.9),
        (OptionKind::Call, 180.0, 0.7),
        (OptionKind::Call, 600.0, 0.6),
    ]
    .iter()
    .map(|&(k, strike, vol)| {
        let m = SpotModel::new(SpotParams {
            vol,
            ..spot.params()
        })
        .unwrap_or_else(|e| panic!("{e}"));
        (
            k,
            strike,
            m.price(k, strike).unwrap_or_else(|e| panic!("{e}")),
        )
    })
    .collect();
    for (name, &(kind, strike, premium)) in ["atm", "otm_put", "itm_call", "far_otm_call"]
        .iter()
        .zip(&quotes)
    {
        g.bench_function(format!("implied_vol_{name}"), |b| {
            b.iter(|| market.implied_vol(black_box(kind), black_box(strike), black_box(premium)))
        });
    }
}

criterion_group!(benches, bench_pricing);

// ---- hedge: exact positions, f64 mirror grids, zero-cost collar solve ----

use minerhedge::domain::collar::{ZeroCostParams, zero_cost_collar};
use minerhedge::domain::economics::{DirectParams, PeriodEconomics, Rig, RigParams};
use minerhedge::domain::hedge::{Hedge, Position, PositionParams};
use minerhedge::domain::risk::PriceGrid;
use rust_decimal::Decimal;

/// The six strategies of the page on the seed economics, as exact positions.
fn hedge_positions() -> Vec<Position> {
    let e = PeriodEconomics::direct(DirectParams {
        period_cost: Decimal::from(1100),
        expected_output: Decimal::from(5),
    })
    .unwrap();
    let d = Decimal::from;
    [
        Hedge::Unhedged,
        Hedge::Forward { price: d(260) },
        Hedge::InverseForward {
            quote: Decimal::new(4, 3),
        },
        Hedge::bought_put(d(230), d(16)),
        Hedge::sold_call(d(300), d(12)),
        Hedge::Collar {
            put_strike: d(230),
            put_premium: d(16),
            call_strike: d(300),
            call_premium: d(12),
        },
    ]
    .into_iter()
    .map(|hedge| {
        Position::new(PositionParams {
            economics: e,
            hedge,
            coverage: Decimal::new(8, 1),
            carry_factor: Decimal::new(1004, 3),
        })
        .unwrap()
    })
    .collect()
}

fn bench_hedge(c: &mut Criterion) {
    let positions = hedge_positions();
    let grid = PriceGrid::new(100.0, 400.0, 1001).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::with_capacity(grid.len());

    c.bench_function("hedge/grid_1001_all_strategies_from_exact", |b| {
        b.iter(|| {
            // What an input change costs for the curves: rebuild the f64 profiles from the
            // exact positions, then evaluate every strategy on 1,001 prices.
            let mut acc = 0.0;
            for p in black_box(&positions) {
                if let Ok(profile) = p.profile() {
                    profile.fill_values(&grid, &mut out);
                    acc += out[500].1;
                }
            }
            acc
        })
    });

    let pricer = SpotModel::new(SpotParams {
        spot: 250.0,
        rate: 0.05,
        dividend_yield: 0.0,
        vol: 0.8,
        expiry_years: 30.0 / 365.0,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("hedge/zero_cost_collar_solve", |b| {
        b.iter(|| {
            zero_cost_collar(
                black_box(&pricer),
                ZeroCostParams {
                    put_strike: black_box(220.0),
                    min_call_strike: 220.0,
                },
            )
        })
    });

    let prices: Vec<Decimal> = (20..=30).map(|k| Decimal::from(10 * k)).collect();
    c.bench_function("hedge/exact_seed_table_11_rows", |b| {
        b.iter(|| positions[1].table(black_box(prices.iter().copied())))
    });

    c.bench_function("hedge/rig_economics", |b| {
        b.iter(|| Rig::new(black_box(RigParams::example())).and_then(|r| r.economics()))
    });

    c.bench_function("hedge/position_new", |b| {
        let e = *positions[5].economics();
        let legs = positions[5].hedge_legs().to_vec();
        b.iter(|| Position::from_legs(black_box(e), black_box(legs.clone()), Decimal::new(1004, 3)))
    });
}

criterion_group!(hedge_benches, bench_hedge);

/// The smile (`domain::pricing::smile`): one premium on the smile against the same premium at
/// a flat vol (target ≤ 3×), and the zero-cost call solved on the smile (target ≤ 10 µs).
fn bench_smile(c: &mut Criterion) {
    use minerhedge::domain::collar::{ZeroCostParams, zero_cost_collar};
    use minerhedge::domain::pricing::smile::{Smile, SmileModel};
    let p = ForwardParams {
        forward: 100_000.0,
        rate: 0.04,
        vol: 0.6,
        expiry_years: 0.25,
    };
    let flat = ForwardModel::new(p).unwrap_or_else(|e| panic!("{e}"));
    let smile = Smile::new(0.6, -0.05, 0.01).unwrap_or_else(|e| panic!("{e}"));
    let model = SmileModel::new(p, smile).unwrap_or_else(|e| panic!("{e}"));
    let mut g = c.benchmark_group("smile");
    g.bench_function("flat_premium", |b| {
        b.iter(|| flat.price(black_box(OptionKind::Put), black_box(85_000.0)))
    });
    g.bench_function("smile_premium", |b| {
        b.iter(|| model.price(black_box(OptionKind::Put), black_box(85_000.0)))
    });
    // The same premiums one after another, each strike moved by the last premium (as in the
    // zero-cost solver, where each strike waits on the last premium): the time of one
    // premium's chain of dependent operations, not of many overlapped.
    let chained = |price: &dyn Fn(f64) -> f64| {
        let mut strike = 85_000.0;
        for _ in 0..100 {
            strike = 85_000.0 + 1e-9 * price(black_box(strike));
        }
        strike
    };
    g.bench_function("flat_premium_chained_x100", |b| {
        b.iter(|| chained(&|k| flat.price(OptionKind::Put, k).unwrap_or(0.0)))
    });
    g.bench_function("smile_premium_chained_x100", |b| {
        b.iter(|| chained(&|k| model.price(OptionKind::Put, k).unwrap_or(0.0)))
    });
    g.bench_function("zero_cost_call_on_the_smile", |b| {
        b.iter(|| {
            zero_cost_collar(
                black_box(&model),
                ZeroCostParams {
                    put_strike: black_box(85_000.0),
                    min_call_strike: 85_000.0,
                },
            )
        })
    });
    g.finish();
}

criterion_group!(smile_benches, bench_smile);

criterion_main!(benches, hedge_benches, smile_benches);
