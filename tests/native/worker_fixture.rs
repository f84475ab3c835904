//! The program page's summary after its simulation, as the engine gives it when stepped
//! directly on one thread (no worker, no protocol), kept in
//! `tests/e2e/specs/worker-expected.json` for the browser test
//! (`tests/e2e/specs/worker.spec.js`), which reads the same figures' `data-value`s from the
//! page, where the simulation ran in its Web Worker.
//!
//! This test fails when the file is not what the engine gives today; regenerate it with
//! `UPDATE_FIXTURES=1 cargo test --test native worker_fixture`.

use crate::common::{check_fixture, json_str};
use chrono::NaiveDate;
use minerhedge::domain::program::ProgramRun;
use minerhedge::link::Scenario;
use minerhedge::present::program::summary;
use minerhedge::view::program::ProgramModel;

/// A program that starts after any day the test runs on (the page's "today" changes only which
/// months have passed, and none has).
const PROGRAM: &str = "v=2&view=program&start=2027-01-01&months=12&mode=rig&coin=BTC&spot=95000&vol=50&rate=4\
&ph=forward,collar,put&pcov=80,60,40&paths=4000&seed=7&dvol=20&corr=30";

fn expected() -> String {
    let decoded = Scenario::from_query(PROGRAM);
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    let s = decoded.scenario;
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let model = ProgramModel::build(&s, s.program.start_or(today)).expect("program");
    let mut run = ProgramRun::new(&model.program, model.simulation).expect("run");
    if let Some(full) = &model.full {
        run = run.with_full_coverage(full).expect("full coverage");
    }
    while !run.step(100).finished() {}
    while !run.summarize(1) {}
    let stats = run.stats().expect("statistics");
    let figures: Vec<String> = summary(&model, Some(&stats))
        .into_iter()
        .map(|f| f.figure)
        .map(|f| {
            let value = f.value.as_deref().map_or("null".to_owned(), json_str);
            format!("    {}: {value}", json_str(f.id))
        })
        .collect();
    format!(
        "{{\n  \"query\": {},\n  \"figures\": {{\n{}\n  }}\n}}\n",
        json_str(PROGRAM),
        figures.join(",\n")
    )
}

#[test]
fn browser_fixture_matches_the_engine() {
    check_fixture("worker-expected.json", &expected(), "worker_fixture");
}

#[test]
fn the_fixture_holds_simulated_figures() {
    // The simulated figures are there (not dashes): the browser test compares them.
    let want = expected();
    for id in ["prob_negative_month", "expected_total", "total_p5"] {
        let line = want.lines().find(|l| l.contains(&format!("\"{id}\"")));
        assert!(
            line.is_some_and(|l| !l.ends_with("null") && !l.ends_with("null,")),
            "{id}: {want}"
        );
    }
}
