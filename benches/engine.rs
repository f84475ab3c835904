//! Engine benchmarks (criterion). Run with `cargo bench --bench engine`; one group per
//! module, e.g. `cargo bench --bench engine -- pricing`.
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use minerhedge::domain::pricing::root::{brent, Bracket};
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

    // Implied volatility: at the money, out of the money, in the money, far out of the money.
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

criterion_group!(benches, bench_pricing);
criterion_main!(benches);
