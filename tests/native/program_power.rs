//! The program on a power contract (issue 25, "Program page"): each month's run share,
//! output, power cost and credits at its forward against the conventions' formulas computed
//! here from the rig's inputs (`N(x) = erfc(−x/√2)/2`); `ptype=fixed` without a capacity
//! credit leaves every figure as it was; the simulation's power price level (`pvol`,
//! `pcorr`) against its definition; and the link's round trip.
//!
//! Run: `cargo test --test native program_power`.

use chrono::NaiveDate;
use minerhedge::domain::program::{ProgramRun, ProgramStats};
use minerhedge::domain::validate::dec_f64;
use minerhedge::link::{Key, Scenario};
use minerhedge::present::program::{Cell, POWER_COLUMNS, columns, month_table, summary};
use minerhedge::view::program::ProgramModel;

/// A 6-month BTC rig program through the halving (2027-03-10), difficulty +2 % a month,
/// 200 PH/s at 17.5 J/TH (3.5 MW), 95 % uptime, $20,000 of other costs a month.
const RIG: &str = "v=2&view=program&mode=rig&coin=BTC&start=2027-01-01&months=6&spot=100000\
                   &rate=4&basis=3&hr=200000&eff=17.5&pwr=0.06&opex=20000&up=95&pool=2\
                   &diff=120000000000000&dgm=2&halvdate=2027-03-10&sub=3.125&fee=0.02";

/// A forward on 80 % of each month, at 50 % volatility.
const FORWARD: &str = "&ph=forward&pcov=80&vol=50";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_else(|| panic!("test date"))
}

fn model(query: &str) -> ProgramModel {
    let decoded = Scenario::from_query(query);
    assert!(decoded.errors.is_empty(), "{query}: {:?}", decoded.errors);
    ProgramModel::build(&decoded.scenario, today()).unwrap_or_else(|e| panic!("{}", e.text))
}

/// The standard normal distribution function, from `erfc` (not the crate's own `cdf`).
fn n(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1.0)
}

/// The number in a cell's `data-value`.
fn value(row: &[Cell], col: &str) -> f64 {
    let cell = row
        .iter()
        .find(|c| c.col == col)
        .unwrap_or_else(|| panic!("no column {col}"));
    let text = cell
        .value
        .as_deref()
        .unwrap_or_else(|| panic!("{col}: no data-value"));
    text.parse()
        .unwrap_or_else(|e| panic!("{col}: {text} is no number: {e}"))
}

/// Month `m`'s rig of the test link, running every available hour: `(Q_full, MW, N, up)` from
/// the conventions (`Q_full = H·10¹²·days·86,400·(sub + fee)·(1 − pool)·up / (D·2³²)`), on
/// the month's difficulty and average subsidy as the table shows them.
fn full_run(row: &[Cell]) -> (f64, f64, f64, f64) {
    let (h, eff, up, pool, fee) = (200_000.0, 17.5, 0.95, 0.02, 0.02);
    let days = value(row, "days");
    let q = h * 1e12 * days * 86_400.0 * (value(row, "subsidy") + fee) * (1.0 - pool) * up
        / (value(row, "difficulty") * 2f64.powi(32));
    (q, h * eff / 1e6, 24.0 * days, up)
}

/// Expected figures of a month at its forward `f`: `(run share, output, power cost,
/// credits)` for the lognormal of mean `pidx` and log-sd `psd`.
fn expected(contract: &str, row: &[Cell], pidx: f64, psd: f64, drc: f64) -> [f64; 4] {
    let (q, mw, hours, up) = full_run(row);
    let f = value(row, "forward");
    let e_full = mw * hours * up;
    let ehp = f * q / e_full;
    let d = ((ehp / pidx).ln() + psd * psd / 2.0) / psd;
    let u = n(d);
    let capacity = drc * mw * value(row, "days") / 30.0;
    match contract {
        "index" => [u, q * u, e_full * pidx * n(d - psd), capacity],
        "ppa" => {
            let block = mw * hours;
            let resale = block * ((1.0 - up) * pidx + up * pidx * n(psd - d));
            [u, q * u, block * 60.0, resale + capacity]
        }
        _ => panic!("contract {contract}"),
    }
}

/// Runs the model's simulation to the end: its run and statistics.
fn simulate(m: &ProgramModel) -> (ProgramRun, ProgramStats) {
    let mut run = ProgramRun::new(&m.program, m.simulation).unwrap_or_else(|e| panic!("{e}"));
    while !run.step(1_000).finished() {}
    let stats = run.stats().unwrap_or_else(|| panic!("statistics"));
    (run, stats)
}

#[test]
fn a_fixed_contract_without_a_credit_changes_no_figure() {
    let plain = model(&format!("{RIG}{FORWARD}"));
    // Every power key but `drc` at a value other than its default: none of them is read.
    let keyed = model(&format!(
        "{RIG}{FORWARD}&ptype=fixed&pidx=45,50&psd=0.7&pcurve=-5,30,200&drc=0&pvol=40&pcorr=-50"
    ));
    assert_eq!(plain.program, keyed.program);
    assert!(!keyed.program.has_power());
    assert_eq!(columns(&keyed), columns(&plain));
    let (_, a) = simulate(&plain);
    let (_, b) = simulate(&keyed);
    assert_eq!(a, b, "the simulation draws the same paths");
    assert_eq!(month_table(&plain, Some(&a)), month_table(&keyed, Some(&b)));
    assert_eq!(summary(&plain, Some(&a)), summary(&keyed, Some(&b)));
    // The table's columns are today's.
    let cols: Vec<&str> = columns(&plain).iter().map(|(c, _)| *c).collect();
    assert!(!cols.contains(&"run_share") && !cols.contains(&"pidx"));
}

#[test]
fn an_index_month_runs_pays_and_mines_as_the_formulas_say() {
    let m = model(&format!(
        "{RIG}{FORWARD}&ptype=index&pidx=60,80,100&psd=0.6"
    ));
    assert!(m.program.has_power());
    let cols: Vec<&str> = columns(&m).iter().map(|(c, _)| *c).collect();
    for (c, _) in POWER_COLUMNS {
        assert!(cols.contains(&c), "{c}");
    }
    let table = month_table(&m, None);
    assert_eq!(table[0].len(), cols.len());
    let pidx = [60.0, 80.0, 100.0, 100.0, 100.0, 100.0];
    for (i, row) in table.iter().enumerate() {
        let [u, output, cost, credits] = expected("index", row, pidx[i], 0.6, 0.0);
        assert!(
            u > 0.2 && u < 0.999,
            "month {i}: a curtailing run share {u}"
        );
        let tol = 1e-11;
        assert!(close(value(row, "pidx"), pidx[i], tol), "pidx of month {i}");
        assert!(
            close(value(row, "run_share"), 100.0 * u, tol),
            "run share of month {i}"
        );
        assert!(
            close(value(row, "output"), output, tol),
            "output of month {i}"
        );
        assert!(
            close(value(row, "power_cost"), cost, tol),
            "power cost of month {i}"
        );
        assert_eq!(value(row, "power_credits"), credits, "credits of month {i}");
        // The cash cost is the plan's power and the other costs; the hedge is on the plan's
        // output.
        assert!(
            close(value(row, "cost"), cost + 20_000.0, tol),
            "cost of month {i}"
        );
        assert!(
            close(value(row, "hedged"), 0.8 * output, tol),
            "hedged of month {i}"
        );
    }
    // The halving month earns less than the month before it, so its EHP and run share fall.
    assert!(value(&table[2], "run_share") < value(&table[1], "run_share"));
}

#[test]
fn a_months_value_follows_the_contract_at_every_price() {
    let m = model(&format!("{RIG}{FORWARD}&ptype=index&pidx=80&psd=0.6"));
    let table = month_table(&m, None);
    for (i, (month, row)) in m.program.months().iter().zip(&table).enumerate() {
        let profile = month.profile().unwrap_or_else(|e| panic!("{e}"));
        let (q, mw, hours, up) = full_run(row);
        let e_full = mw * hours * up;
        let (f, hedged) = (value(row, "forward"), value(row, "hedged"));
        let cash = value(row, "cost");
        for s in [30_000.0, 70_000.0, 100_000.0, 160_000.0] {
            let d = ((s * q / e_full / 80.0).ln() + 0.18) / 0.6;
            let revenue = q * n(d) * s;
            let power = e_full * 80.0 * n(d - 0.6);
            // Net cash: revenue with credits (none here) − power at S − other costs + the
            // forward's gain.
            let want = revenue - power - 20_000.0 + hedged * (f - s);
            let got = profile.value_at(s) - cash;
            assert!(close(got, want, 1e-9), "month {i} at {s}: {got} vs {want}");
        }
        // The floor is the lowest net cash over every price (numerically, to a cent).
        let floor = value(row, "floor");
        let lowest = (1..=4_000)
            .map(|k| profile.value_at(f64::from(k) * 75.0) - cash)
            .fold(f64::INFINITY, f64::min);
        assert!(
            floor <= lowest + 0.01,
            "month {i}: floor {floor} above {lowest}"
        );
        assert!(
            floor > lowest - 5.0,
            "month {i}: floor {floor} far below {lowest}"
        );
    }
}

#[test]
fn a_ppa_month_resells_its_power_and_earns_its_capacity_credit() {
    let m = model(&format!("{RIG}&ptype=ppa&pidx=90,110&psd=0.5&drc=2500"));
    let table = month_table(&m, None);
    let pidx = [90.0, 110.0, 110.0, 110.0, 110.0, 110.0];
    let mut credits = 0.0;
    for (i, row) in table.iter().enumerate() {
        let [u, output, cost, credit] = expected("ppa", row, pidx[i], 0.5, 2500.0);
        let tol = 1e-11;
        assert!(
            close(value(row, "run_share"), 100.0 * u, tol),
            "run share of month {i}"
        );
        assert!(
            close(value(row, "output"), output, tol),
            "output of month {i}"
        );
        assert!(
            close(value(row, "power_cost"), cost, tol),
            "power cost of month {i}"
        );
        assert!(
            close(value(row, "power_credits"), credit, tol),
            "credits of month {i}"
        );
        assert!(
            credit > 2500.0 * 3.5 * 28.0 / 30.0,
            "resale and capacity in month {i}"
        );
        credits += credit;
    }
    let total = summary(&m, None)
        .into_iter()
        .find(|f| f.figure.id == "power_credits")
        .unwrap_or_else(|| panic!("the summary's credits"));
    let total: f64 = total
        .figure
        .value
        .as_deref()
        .unwrap_or("x")
        .parse()
        .unwrap_or(f64::NAN);
    assert!(close(total, credits, 1e-12), "{total} vs {credits}");
}

#[test]
fn a_curve_replaces_the_lognormal_and_its_mean_is_the_months_price() {
    let m = model(&format!("{RIG}&ptype=index&pcurve=-10,20,40,60,250,900"));
    let table = month_table(&m, None);
    let points = [-10.0, 20.0, 40.0, 60.0, 250.0, 900.0];
    for (i, row) in table.iter().enumerate() {
        let (q, mw, hours, up) = full_run(row);
        let e_full = mw * hours * up;
        let ehp = value(row, "forward") * q / e_full;
        let run: Vec<f64> = points.iter().copied().filter(|p| *p < ehp).collect();
        let u = run.len() as f64 / 6.0;
        assert!(close(value(row, "pidx"), 1260.0 / 6.0, 1e-12), "month {i}");
        assert!(
            close(value(row, "run_share"), 100.0 * u, 1e-12),
            "month {i}"
        );
        assert!(close(value(row, "output"), q * u, 1e-11), "month {i}");
        let cost = e_full * run.iter().sum::<f64>() / 6.0;
        assert!(close(value(row, "power_cost"), cost, 1e-11), "month {i}");
    }
}

#[test]
fn a_month_the_rig_never_runs_in_is_the_power_contracts_error() {
    let s = Scenario::from_query(&format!("{RIG}&ptype=index&pcurve=5000,6000")).scenario;
    let e = ProgramModel::build(&s, today())
        .err()
        .unwrap_or_else(|| panic!("an error"));
    assert_eq!(e.key, Some(Key::PowerContract), "{}", e.text);
    assert!(e.text.contains("runs 0.0% of its hours"), "{}", e.text);
    // In direct mode the power keys are the link's error and the program has no contract.
    let s = Scenario::from_query("v=2&view=program&months=2&ptype=index").scenario;
    let m = ProgramModel::build(&s, today()).unwrap_or_else(|e| panic!("{}", e.text));
    assert!(!m.program.has_power());
}

/// `E[X]` by Simpson's rule on the normal quantile of `ln S`, `S` lognormal with mean `f`
/// and log-sd `sd`.
fn lognormal_mean(f: f64, sd: f64, x: impl Fn(f64) -> f64) -> f64 {
    let (k, lo, hi) = (4_000, -9.0, 9.0);
    let h = (hi - lo) / f64::from(k);
    let mut sum = 0.0;
    for j in 0..=k {
        let z = lo + h * f64::from(j);
        let s = f * (sd * z - sd * sd / 2.0).exp();
        let w = if j == 0 || j == k {
            1.0
        } else if j % 2 == 1 {
            4.0
        } else {
            2.0
        };
        sum += w * x(s) * (-z * z / 2.0).exp();
    }
    sum * h / 3.0 / (2.0 * std::f64::consts::PI).sqrt()
}

fn mean_sd(v: &[f64]) -> (f64, f64) {
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

#[test]
fn without_power_volatility_the_simulation_expects_the_deterministic_month() {
    let m = model(&format!(
        "{RIG}&vol=50&ptype=index&pidx=70,90&psd=0.6&pvol=0&pcorr=-50&paths=20000&seed=5\
         &ph=collar&pkp=90&pcov=80"
    ));
    let (run, _) = simulate(&m);
    let vol = 0.5;
    for (i, month) in m.program.months().iter().enumerate() {
        let profile = month.profile().unwrap_or_else(|e| panic!("{e}"));
        let leg = month.power.as_ref().unwrap_or_else(|| panic!("power"));
        let cash = dec_f64(month.hedge.position.economics().cash_cost());
        let f = dec_f64(month.curve.forward);
        let sd = vol * month.calendar.years().sqrt();
        let (program, unhedged, _) = run.month_samples(i).unwrap_or_else(|| panic!("month"));
        let want_program = lognormal_mean(f, sd, |s| profile.value_at(s)) - cash;
        let want_unhedged = lognormal_mean(f, sd, |s| leg.leg.mined_value(s, 1.0)) - cash;
        for (name, got, want) in [
            ("program", program, want_program),
            ("unhedged", unhedged, want_unhedged),
        ] {
            let (mean, sd) = mean_sd(got);
            let se = sd / (got.len() as f64).sqrt();
            assert!(
                (mean - want).abs() < 4.0 * se,
                "month {i} {name}: simulated {mean} vs {want} (se {se})"
            );
        }
    }
}

#[test]
fn the_power_level_has_mean_one_and_moves_against_the_price() {
    // One hour price of $1/MWh, far below the EHP: the rig runs every hour and pays 1·L per
    // MWh, so a month hedged by a forward on all its output nets `Q·F − E·L − opex`
    // (`E` the plan's power cost) and unhedged `Q·S − E·L − opex`: L and S read off each path.
    let m = model(&format!(
        "{RIG}&vol=30&ptype=index&pcurve=1&ph=forward&pcov=100&pvol=60&pcorr=-50&paths=20000\
         &seed=11"
    ));
    let (run, _) = simulate(&m);
    for (i, month) in m.program.months().iter().enumerate() {
        let p = month.power.as_ref().unwrap_or_else(|| panic!("power"));
        assert_eq!(p.plan.run_share, 1.0);
        let q = p.plan.output;
        let f = dec_f64(month.curve.forward);
        let e = p.plan.power_cost;
        let (program, unhedged, _) = run.month_samples(i).unwrap_or_else(|| panic!("month"));
        let level: Vec<f64> = program
            .iter()
            .map(|net| (q * f - 20_000.0 - net) / e)
            .collect();
        let price: Vec<f64> = unhedged
            .iter()
            .zip(&level)
            .map(|(u, l)| (u + e * l + 20_000.0) / q)
            .collect();
        let (mean, sd) = mean_sd(&level);
        let se = sd / (level.len() as f64).sqrt();
        assert!(
            (mean - 1.0).abs() < 4.0 * se,
            "month {i}: E[L] = {mean} (se {se})"
        );
        let want_sd = ((0.36 * month.calendar.years()).exp() - 1.0).sqrt();
        assert!(
            close(sd, want_sd, 0.05),
            "month {i}: sd of L {sd} vs {want_sd}"
        );
        let (ls, ll): (Vec<f64>, Vec<f64>) = price
            .iter()
            .zip(&level)
            .map(|(s, l)| (s.ln(), l.ln()))
            .unzip();
        let (ms, ss) = mean_sd(&ls);
        let (ml, sl) = mean_sd(&ll);
        let cov = ls
            .iter()
            .zip(&ll)
            .map(|(a, b)| (a - ms) * (b - ml))
            .sum::<f64>()
            / (ls.len() as f64 - 1.0);
        let corr = cov / (ss * sl);
        assert!(
            (corr + 0.5).abs() < 0.03,
            "month {i}: corr(ln S, ln L) = {corr}"
        );
    }
}

#[test]
fn a_program_link_with_power_keys_round_trips() {
    let q = format!(
        "{RIG}&ptype=ppa&pidx=45,,60&psd=0.6,0.4&drc=1200&pvol=35&pcorr=-40&dvol=20&corr=-30"
    );
    let decoded = Scenario::from_query(&q);
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    let s = decoded.scenario;
    let written = s.to_query();
    for part in [
        "ptype=ppa",
        "pidx=45,,60",
        "psd=0.6,0.4",
        "drc=1200",
        "pvol=35",
        "pcorr=-40",
    ] {
        assert!(written.contains(part), "{part} in {written}");
    }
    let again = Scenario::from_query(&written);
    assert!(again.errors.is_empty(), "{:?}", again.errors);
    assert_eq!(again.scenario, s);
    assert_eq!(again.scenario.to_query(), written);
    let (a, b) = (model(&q), model(&written));
    assert_eq!(a, b);
    assert_eq!(a.simulation.power_vol_pct, 35.0);
    assert_eq!(a.simulation.power_correlation, -0.4);
    // The month with an empty `pidx` item is at `1000·pwr` = $60/MWh.
    let table = month_table(&a, None);
    assert_eq!(value(&table[1], "pidx"), 60.0);
    // A program link writes every key, the power keys at their defaults too (`pidx` and
    // `pcurve` are empty then): a fixed contract without a credit, which changes nothing.
    let plain = Scenario::from_query(RIG).scenario.to_query();
    assert!(plain.contains("&ptype=fixed&psd=0.5&drc=0&"), "{plain}");
    assert!(plain.contains("&pvol=0&pcorr=0&"), "{plain}");
    assert!(
        !plain.contains("pidx=") && !plain.contains("pcurve="),
        "{plain}"
    );
    assert!(!model(&plain).program.has_power());
}
