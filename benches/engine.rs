//! Engine benchmarks (criterion). Run with `cargo bench --bench engine`.
use criterion::{criterion_group, criterion_main, Criterion};

fn placeholder_free(_c: &mut Criterion) {}

criterion_group!(benches, placeholder_free);

// ---- hedge: exact positions, f64 mirror grids, zero-cost collar solve ----

use criterion::black_box;
use minerhedge::domain::collar::{zero_cost_collar, CollarLeg, OptionPricer, ZeroCostParams};
use minerhedge::domain::economics::{DirectParams, PeriodEconomics, Rig, RigParams};
use minerhedge::domain::hedge::{FastPosition, Hedge, Position, PositionParams};
use rust_decimal::Decimal;

/// Closed-form BSM on spot (libm::erfc) as the collar's pricer.
struct BenchBsm {
    spot: f64,
    rate: f64,
    vol: f64,
    years: f64,
}

impl OptionPricer for BenchBsm {
    fn premium(&self, leg: CollarLeg, k: f64) -> minerhedge::domain::Result<f64> {
        let n = |x: f64| 0.5 * libm::erfc(-x / std::f64::consts::SQRT_2);
        let sd = self.vol * self.years.sqrt();
        let df = (-self.rate * self.years).exp();
        let fwd = self.spot * (self.rate * self.years).exp();
        let d1 = ((fwd / k).ln() + 0.5 * sd * sd) / sd;
        let d2 = d1 - sd;
        Ok(match leg {
            CollarLeg::Call => df * (fwd * n(d1) - k * n(d2)),
            CollarLeg::Put => df * (k * n(-d2) - fwd * n(-d1)),
        })
    }
}

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
        Hedge::Put {
            strike: d(230),
            premium: d(16),
        },
        Hedge::SoldCall {
            strike: d(300),
            premium: d(12),
        },
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
    let grid: Vec<f64> = (0..1001).map(|i| 100.0 + 0.3 * i as f64).collect();
    let mut out = vec![0.0; grid.len()];

    c.bench_function("hedge/grid_1001_all_strategies_from_exact", |b| {
        b.iter(|| {
            // What a slider move costs: rebuild the f64 mirrors from the exact positions,
            // then evaluate every strategy on 1,001 prices.
            let mut acc = 0.0;
            for p in black_box(&positions) {
                let f: FastPosition = p.fast();
                f.results_into(black_box(&grid), &mut out);
                acc += out[500];
            }
            acc
        })
    });

    let fasts: Vec<FastPosition> = positions.iter().map(Position::fast).collect();
    c.bench_function("hedge/grid_1001_all_strategies_returns", |b| {
        b.iter(|| {
            let mut acc = 0.0;
            for f in black_box(&fasts) {
                for (o, &s) in out.iter_mut().zip(black_box(&grid)) {
                    *o = f.return_at(s);
                }
                acc += out[500];
            }
            acc
        })
    });

    let pricer = BenchBsm {
        spot: 250.0,
        rate: 0.05,
        vol: 0.8,
        years: 30.0 / 365.0,
    };
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
        let h = *positions[5].hedge();
        b.iter(|| {
            Position::new(PositionParams {
                economics: black_box(e),
                hedge: black_box(h),
                coverage: Decimal::new(8, 1),
                carry_factor: Decimal::new(1004, 3),
            })
        })
    });
}

criterion_group!(hedge_benches, bench_hedge);

criterion_main!(benches, hedge_benches);
