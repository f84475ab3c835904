//! The simulations' two conventions: the plan's output is the simulated output's mean (the
//! difficulty is drawn so that `E[output]` is the table's output), and the simulated price's
//! expectation is the forward curve (a hedge at market has no expected value) unless the
//! user states a drift (`drift`). Each check is within four standard errors of its sample.

use chrono::NaiveDate;
use minerhedge::domain::montecarlo::McRun;
use minerhedge::domain::program::{ProgramRun, ProgramStats};
use minerhedge::domain::validate::dec_f64;
use minerhedge::link::Scenario;
use minerhedge::view::program::ProgramModel;
use minerhedge::view::{Model, StrategyKind};

const PATHS: u32 = 40_000;

fn program(query: &str) -> (ProgramModel, ProgramStats) {
    let d = Scenario::from_query(query);
    assert!(d.errors.is_empty(), "{query}: {:?}", d.errors);
    let m = ProgramModel::build(&d.scenario, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
        .unwrap_or_else(|e| panic!("{}", e.text));
    let mut run = ProgramRun::new(&m.program, m.simulation).unwrap();
    while !run.step(5_000).finished() {}
    let stats = run.stats().unwrap();
    (m, stats)
}

/// The standard deviation of `value·X` for a lognormal factor `X` of mean 1 and log-variance
/// `σ²·t`: `value·√(e^{σ²t} − 1)`.
fn lognormal_sd(value: f64, sigma: f64, t: f64) -> f64 {
    value * ((sigma * sigma * t).exp() - 1.0).sqrt()
}

/// `|mean − expected| ≤ 4·sd/√n`.
fn within_noise(mean: f64, expected: f64, sd: f64, n: u32, what: &str) {
    let se = sd / f64::from(n).sqrt();
    assert!(
        (mean - expected).abs() <= 4.0 * se + 1e-9 * expected.abs(),
        "{what}: mean {mean} vs {expected} (standard error {se})"
    );
}

#[test]
fn the_programs_simulated_output_has_the_tables_mean() {
    // No price risk (vol 0): a month's unhedged net cash is its mined coins × F_m − cost, so
    // its mean is the table's output × F_m − cost exactly when E[mined] is the table's output.
    let dvol = 0.3;
    let (m, st) = program(&format!(
        "v=2&view=program&mode=direct&start=2027-01-01&months=12&vol=0&ph=none&pcov=0\
         &dvol=30&paths={PATHS}&seed=3"
    ));
    for (i, row) in m.program.rows().iter().enumerate() {
        let plan = dec_f64(row.output) * dec_f64(row.forward) - dec_f64(row.cash_cost);
        let t = m.program.months()[i].calendar.years();
        let sd = lognormal_sd(dec_f64(row.output) * dec_f64(row.forward), dvol, t);
        within_noise(
            st.unhedged.months[i].mean,
            plan,
            sd,
            PATHS,
            &format!("month {i}"),
        );
    }
}

#[test]
fn the_programs_price_expectation_is_the_forward_curve() {
    // No difficulty risk: a month's unhedged net cash is Q_m × S_m − cost, its mean
    // Q_m × F_m − cost when E[S_m] = F_m (the curve, basis 8 %, not the rate 5 %).
    let vol: f64 = 0.8;
    let (m, st) = program(&format!(
        "v=2&view=program&mode=direct&start=2027-01-01&months=12&vol=80&rate=5&basis=8\
         &ph=forward&pcov=100&paths={PATHS}&seed=5"
    ));
    let mut hedged_gain = 0.0;
    for (i, row) in m.program.rows().iter().enumerate() {
        let q = dec_f64(row.output);
        let f = dec_f64(row.forward);
        let t = m.program.months()[i].calendar.years();
        let sd = lognormal_sd(q * f, vol, t);
        let plan = q * f - dec_f64(row.cash_cost);
        within_noise(
            st.unhedged.months[i].mean,
            plan,
            sd,
            PATHS,
            &format!("month {i}"),
        );
        // The forward ladder locks exactly the plan: no expected gain over unhedged.
        hedged_gain += st.program.months[i].mean - st.unhedged.months[i].mean;
        assert!((st.program.months[i].mean - plan).abs() < 1e-6 * plan.abs());
    }
    let total_sd: f64 = m
        .program
        .rows()
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let t = m.program.months()[i].calendar.years();
            lognormal_sd(dec_f64(r.output) * dec_f64(r.forward), vol, t)
        })
        .sum();
    within_noise(
        hedged_gain,
        0.0,
        total_sd,
        PATHS,
        "the forward ladder's expected gain",
    );
}

#[test]
fn a_stated_drift_is_the_programs_price_expectation() {
    let vol: f64 = 0.5;
    let mu: f64 = 0.3;
    let (m, st) = program(&format!(
        "v=2&view=program&mode=direct&start=2027-01-01&months=6&vol=50&spot=250&basis=5\
         &ph=none&pcov=0&drift=30&paths={PATHS}&seed=11"
    ));
    for (i, row) in m.program.rows().iter().enumerate() {
        let q = dec_f64(row.output);
        let t = m.program.months()[i].calendar.years();
        let expected = q * 250.0 * (mu * t).exp() - dec_f64(row.cash_cost);
        let sd = lognormal_sd(q * 250.0 * (mu * t).exp(), vol, t);
        within_noise(
            st.unhedged.months[i].mean,
            expected,
            sd,
            PATHS,
            &format!("month {i}"),
        );
    }
}

#[test]
fn the_periods_simulated_output_has_the_expected_mean() {
    // The period view: no price risk, difficulty volatility 60 % over 90 days; the unhedged
    // return's mean is the expected output × the forward / cost − 1.
    let q = format!("v=2&hedge=none&vol=0&dvol=60&days=90&paths={PATHS}&seed=2");
    let m = Model::build(&Scenario::from_query(&q).scenario);
    let (params, profiles) = m.monte_carlo().unwrap();
    let mut run = McRun::new(params, profiles).unwrap();
    while !run.step(5_000).finished() {}
    let stats = run.stats();
    let i = m
        .strategies
        .iter()
        .position(|s| s.kind == StrategyKind::Unhedged)
        .unwrap();
    let e = m.economics.unwrap();
    let t: f64 = 90.0 / 365.0;
    let forward = 250.0 * (0.05 * t).exp();
    let expected = dec_f64(e.output) * forward / dec_f64(e.cost) - 1.0;
    let sd = lognormal_sd(dec_f64(e.output) * forward / dec_f64(e.cost), 0.6, t);
    within_noise(stats[i].mean, expected, sd, PATHS, "unhedged return");
    // And it agrees with the lognormal expected return (the same convention).
    let lognormal = m.strategies[i].outlook.unwrap().expected_return;
    within_noise(stats[i].mean, lognormal, sd, PATHS, "against the lognormal");
}
