//! Hedge-program benchmarks (criterion): a full recompute of a 36-month rig program (every
//! month's production, curve, Black-76 premiums, zero-cost solve, positions, rows, totals)
//! and a 10,000-path simulation of it. Run with `cargo bench --bench program`.
use chrono::NaiveDate;
use criterion::{Criterion, black_box, criterion_group, criterion_main};
use minerhedge::domain::program::{
    CalendarParams, Growth, Market, MonthHedge, MonthlyRig, Program, ProgramEconomics,
    ProgramParams, ProgramRun, SimulationParams,
};
use minerhedge::domain::strategy::StrategyKind;
use rust_decimal::Decimal;

/// 36 months of a rig: forwards, puts, zero-cost collars, inverse forwards and unhedged
/// months in turn, a halving in month 15 and 2 % difficulty growth a month.
fn params() -> ProgramParams {
    let d = Decimal::from;
    let kinds = [
        StrategyKind::Forward,
        StrategyKind::Put,
        StrategyKind::Collar,
        StrategyKind::Inverse,
        StrategyKind::Unhedged,
    ];
    let start = NaiveDate::from_ymd_opt(2027, 1, 31).expect("valid date");
    ProgramParams {
        economics: ProgramEconomics::Rig(MonthlyRig {
            hardware_capex: d(3650),
            ..MonthlyRig::example()
        }),
        market: Market {
            spot: d(100_000),
            vol_pct: d(55),
            rate_pct: d(4),
            basis_pct: d(6),
        },
        calendar: CalendarParams {
            start,
            months: 36,
            halving: NaiveDate::from_ymd_opt(2028, 4, 20),
        },
        growth: Growth {
            difficulty_pct_per_month: d(2),
        },
        hedges: (0..36)
            .map(|m| MonthHedge::new(kinds[m % kinds.len()], d(75)))
            .collect(),
        forward_overrides: vec![None; 36],
        smile_pts: (Decimal::ZERO, Decimal::ZERO),
    }
}

fn bench_program(c: &mut Criterion) {
    let p = params();
    c.bench_function("program: full recompute, 36 months", |b| {
        b.iter(|| Program::new(black_box(p.clone())).expect("valid benchmark inputs"))
    });
    let program = Program::new(p).expect("valid benchmark inputs");
    let sim = SimulationParams {
        paths: 10_000,
        seed: 1,
        difficulty_vol_pct: 30.0,
        correlation: 0.3,
        drift: None,
        ..Default::default()
    };
    c.bench_function(
        "program: simulation, 10,000 paths x 36 months, with stats",
        |b| {
            b.iter(|| {
                let mut run = ProgramRun::new(&program, sim).expect("valid benchmark inputs");
                run.step(sim.paths);
                black_box(run.stats())
            })
        },
    );
    let mut run = ProgramRun::new(&program, sim).expect("valid benchmark inputs");
    run.step(sim.paths);
    c.bench_function("program: stats only, 10,000 paths x 36 months", |b| {
        b.iter(|| black_box(run.stats()))
    });
}

criterion_group!(benches, bench_program);
criterion_main!(benches);
