//! The strategy comparison of the seed scenario as the page must show it, computed by the
//! engine and kept in `tests/e2e/specs/decide-expected.json` for the browser test
//! (`tests/e2e/specs/decide.spec.js`), which compares the page's table with it cell by cell.
//!
//! This test fails when the file is not what the engine gives today; regenerate it with
//! `UPDATE_FIXTURES=1 cargo test --test native decide_fixture`.

use crate::common::{check_fixture, json_str};
use minerhedge::domain::montecarlo::McRun;
use minerhedge::link::Scenario;
use minerhedge::present::compare::comparison_table;
use minerhedge::view::Model;
use minerhedge::view::compare::comparison;
use minerhedge::view::montecarlo::MC_CHUNK;

const SEED: &str = "v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge=forward&fwd=260&cov=100&lo=200&hi=300&step=10";

fn json_list(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(", "))
}

fn expected() -> String {
    let decoded = Scenario::from_query(SEED);
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    let model = Model::build(&decoded.scenario);
    let (params, profiles) = model.monte_carlo().expect("Monte Carlo inputs");
    let mut run = McRun::new(params, profiles).expect("valid run");
    while !run.step(MC_CHUNK).finished() {}
    let stats = run.stats();
    let table = comparison_table(&model, &comparison(&model, Some(&stats)));
    let rows = table.lines.iter().map(|l| {
        json_list(
            std::iter::once(json_str(l.label)).chain(l.cells.iter().map(|c| json_str(&c.text))),
        )
    });
    let best = table
        .lines
        .iter()
        .map(|l| json_list(l.best.iter().map(|b| b.to_string())));
    let selected = table.lines.iter().map(|l| l.selected.to_string());
    format!(
        "{{\n  \"query\": {},\n  \"header\": {},\n  \"rows\": [\n    {}\n  ],\n  \"best\": [\n    {}\n  ],\n  \"selected\": {}\n}}\n",
        json_str(SEED),
        json_list(table.header.iter().map(|h| json_str(h))),
        rows.collect::<Vec<_>>().join(",\n    "),
        best.collect::<Vec<_>>().join(",\n    "),
        json_list(selected),
    )
}

#[test]
fn browser_fixture_matches_the_engine() {
    check_fixture("decide-expected.json", &expected(), "decide_fixture");
}

#[test]
fn seed_comparison_holds_the_known_values() {
    // Independent of the fixture: the seed's locked results and the zero-cost collar.
    let want = expected();
    assert!(want.contains("[\"Forward\", \"$0\", \"$1,300\", \"$1,300\""));
    assert!(want.contains("[\"Inverse forward\", \"$0\", \"$1,250\", \"$1,250\""));
    assert!(want.contains("[\"Zero-cost collar\", \"$0\","));
    assert!(want.contains("[\"Unhedged\", \"$0\", \"$0\", \"—\", \"$220\""));
}
