//! The suggested ladder (`pneg`, `pmax`): on the simulation's own paths each month's
//! suggestion meets its target and is the least such coverage to 1 %, and the month's net
//! cash is linear in its coverage (the scan's premise, checked against the program's own
//! positions at another coverage).

use chrono::NaiveDate;
use minerhedge::domain::program::ProgramRun;
use minerhedge::link::Scenario;
use minerhedge::view::program::{ProgramModel, suggested_coverage_text, suggestion_terms};

fn run(q: &str) -> (ProgramModel, ProgramRun) {
    let s = Scenario::from_query(q).scenario;
    let m = ProgramModel::build(&s, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap();
    let mut r = ProgramRun::new(&m.program, m.simulation)
        .unwrap()
        .with_full_coverage(m.full.as_ref().unwrap())
        .unwrap();
    while !r.step(1000).finished() {}
    (m, r)
}

const RIG: &str = "v=2&view=program&start=2027-01-01&months=6&mode=rig&hr=300&pwr=0.07&spot=95000&vol=60&coin=BTC&diff=126000000000000&sub=3.125&fee=0.03&paths=4000&dvol=30";

#[test]
fn each_month_meets_its_target_with_the_least_coverage() {
    let (m, r) = run(&format!("{RIG}&ph=forward,put,collar&pcov=60"));
    let s = Scenario::from_query(&format!("{RIG}&pneg=20")).scenario;
    let (target, cap) = suggestion_terms(&s);
    assert_eq!((target, cap), (0.2, 100));
    let mut hedging = 0;
    for month in 0..m.program.rows().len() {
        let (program, unhedged, full) = r.month_samples(month).unwrap();
        // Linear in the coverage: at the program's 60 % the combination is its own net cash.
        for ((p, u), f) in program.iter().zip(unhedged).zip(full) {
            assert!(
                (u + 0.6 * (f - u) - p).abs() <= 1e-6 * p.abs().max(1.0),
                "month {month}"
            );
        }
        let share = |c: u32| {
            let k = f64::from(c) / 100.0;
            unhedged
                .iter()
                .zip(full)
                .filter(|(u, f)| *u + k * (*f - *u) < 0.0)
                .count() as f64
                / unhedged.len() as f64
        };
        let (c, p) = r.least_coverage(month, target, cap).unwrap();
        match c {
            Some(c) => {
                assert!(p <= target && p == share(c), "month {month}: {p} at {c}");
                assert!(
                    c == 0 || share(c - 1) > target,
                    "month {month}: {c} is not the least"
                );
                hedging += usize::from(c > 0);
            }
            None => assert!((0..=cap).all(|c| share(c) > target)),
        }
    }
    // The case is not trivial: some month needs a hedge to meet the target.
    assert!(hedging > 0);
}

#[test]
fn the_cap_and_the_applied_text() {
    let (m, r) = run(&format!("{RIG}&ph=forward&pcov=50"));
    // A cap of 0: only the unhedged month's chance can be had.
    let (c, p) = r.least_coverage(0, 0.0, 0).unwrap();
    let (_, unhedged, _) = r.month_samples(0).unwrap();
    let neg = unhedged.iter().filter(|u| **u < 0.0).count() as f64 / unhedged.len() as f64;
    assert_eq!(p, neg);
    assert_eq!(c, (neg == 0.0).then_some(0));
    let current: Vec<String> = m
        .program
        .rows()
        .iter()
        .map(|r| r.coverage_pct.to_string())
        .collect();
    let s: Vec<_> = (0..6)
        .filter_map(|i| {
            r.least_coverage(i, 0.05, 90)
                .map(|(c, p)| minerhedge::view::program::Suggestion {
                    month: i,
                    coverage_pct: c,
                    prob_negative: p,
                })
        })
        .collect();
    let text = suggested_coverage_text(&current, &s, 90);
    assert_eq!(text.split(',').count(), 6);
    assert!(
        text.split(',').all(|c| c.parse::<u32>().unwrap() <= 90),
        "{text}"
    );
    // Without the full-coverage run there is nothing to scan.
    let plain = ProgramRun::new(&m.program, m.simulation).unwrap();
    assert!(plain.least_coverage(0, 0.05, 100).is_none());
}
