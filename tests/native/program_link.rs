//! The program's link keys: list values, dates, the program view's canonical form, bad items
//! named by position, and the halving-date rule.

use chrono::NaiveDate;
use minerhedge::link::{CallStrike, HedgeChoice, KEYS, Key, Page, Pages, Scenario};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("bad test literal {s}: {e}"))
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad test date {y}-{m}-{day}"))
}

const LADDER: &str = "v=2&view=program&start=2027-01-31&months=18&dgm=1.5&halvdate=2028-04-15\
                      &basis=6&pfwd=98000,,97000,&ph=forward,forward,put,collar&pcov=80,80,80,60,60,60,40\
                      &pkp=90,85&pkc=zero,120&corr=-30";

#[test]
fn a_program_link_reads_every_key() {
    let decoded = Scenario::from_query(LADDER);
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    let s = decoded.scenario;
    let p = &s.program;
    assert_eq!(s.view.page, Page::Program);
    assert_eq!(p.start, Some(date(2027, 1, 31)));
    assert_eq!(p.months, 18);
    assert_eq!(p.difficulty_growth_pct, d("1.5"));
    assert_eq!(p.halving, Some(date(2028, 4, 15)));
    assert_eq!(p.basis_pct, d("6"));
    assert_eq!(
        p.forwards.expanded(5),
        vec![Some(d("98000")), None, Some(d("97000")), None, None]
    );
    let hedges = p.hedges.expanded(6);
    assert_eq!(hedges[2], HedgeChoice::Put);
    assert_eq!(hedges[5], HedgeChoice::Collar);
    let cov = p.coverage_pct.expanded(18);
    assert_eq!(
        (cov[0], cov[3], cov[6], cov[17]),
        (d("80"), d("60"), d("40"), d("40"))
    );
    assert_eq!(
        p.put_strike_pct.expanded(3),
        vec![d("90"), d("85"), d("85")]
    );
    assert_eq!(
        p.call_strike_pct.expanded(3),
        vec![
            CallStrike::Zero,
            CallStrike::Strike(d("120")),
            CallStrike::Strike(d("120"))
        ]
    );
    assert_eq!(s.simulation.correlation_pct, d("-30"));
}

#[test]
fn a_program_link_round_trips_in_canonical_form() {
    let s = Scenario::from_query(LADDER).scenario;
    let q = s.to_query();
    assert!(
        q.contains("&view=program&start=2027-01-31&months=18&"),
        "{q}"
    );
    assert!(q.contains("&pfwd=98000,,97000,&"), "{q}");
    assert!(q.contains("&pcov=80,80,80,60,60,60,40&"), "{q}");
    // The power keys at their defaults: a fixed contract, no credit, no power volatility.
    assert!(q.contains("&ptype=fixed&psd=0.5&drc=0&"), "{q}");
    assert!(
        q.ends_with(
            "&corr=-30&pvol=0&pcorr=0&pneg=5&pmax=100&hold0=0&cash0=0&sell=100&lend=0&lendy=0\
             &lpd=0&lgd=100&loan=0&lrate=0&ltvmc=70&ltvliq=85&pcall=1&cc=0&cck=110&ptarget=95"
        ),
        "{q}"
    );
    assert_eq!(Scenario::from_query(&q).scenario, s);
    assert_eq!(Scenario::from_query(&q).scenario.to_query(), q);
    // In the program view every key is written, defaults included.
    let full = Scenario::from_query("v=2&view=program&start=2027-01-01")
        .scenario
        .to_query();
    let keys: Vec<&str> = full
        .split('&')
        .filter_map(|kv| kv.split_once('=').map(|(k, _)| k))
        .collect();
    for k in KEYS
        .iter()
        .filter(|k| k.page == Pages::Program && k.key != "halvdate")
    {
        assert!(
            // A key whose default is absent (pfwd, aq, apx) is written when set.
            keys.contains(&k.key) || k.default.is_empty(),
            "{} missing",
            k.key
        );
    }
}

#[test]
fn period_links_do_not_grow_program_keys() {
    let q = Scenario::default().to_query();
    assert!(!q.contains("view=") && !q.contains("pcov="), "{q}");
    // A program value that differs from its default survives a period link.
    let mut s = Scenario::default();
    s.program.months = 24;
    assert!(s.to_query().contains("&months=24"));
    assert_eq!(Scenario::from_query(&s.to_query()).scenario, s);
}

#[test]
fn a_bad_list_item_is_named_and_the_field_keeps_its_default() {
    let d = Scenario::from_query("v=2&view=program&pcov=80,80,x,60&pkp=90,0&ph=forward,swap");
    let texts: Vec<String> = d.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(d.bad_keys(), vec!["pcov", "pkp", "ph"], "{texts:?}");
    assert!(
        texts[0].contains("item 3 (\"x\"): not a number"),
        "{}",
        texts[0]
    );
    assert!(
        texts[1].contains("item 2 (\"0\"): out of range"),
        "{}",
        texts[1]
    );
    assert!(
        texts[2].contains("item 2 (\"swap\"): unknown word"),
        "{}",
        texts[2]
    );
    let defaults = Scenario::default().program;
    assert_eq!(d.scenario.program.coverage_pct, defaults.coverage_pct);
    assert_eq!(d.scenario.program.put_strike_pct, defaults.put_strike_pct);
    assert_eq!(d.scenario.view.page, Page::Program);
    let long = format!("v=2&pcov={}", vec!["50"; 37].join(","));
    assert!(
        Scenario::from_query(&long).errors[0]
            .to_string()
            .contains("more than 36 items")
    );
}

#[test]
fn dates_are_checked_and_the_halving_follows_the_start() {
    for bad in [
        "2027-02-29",
        "2027-13-01",
        "27-01-01",
        "2027-1-1",
        "1999-12-31",
    ] {
        let d = Scenario::from_query(&format!("v=2&start={bad}"));
        assert_eq!(d.bad_keys(), vec!["start"], "{bad}");
        assert_eq!(d.scenario.program.start, None);
    }
    let d = Scenario::from_query("v=2&start=2027-06-01&halvdate=2027-05-31");
    assert_eq!(d.bad_keys(), vec!["halvdate"]);
    assert_eq!(d.scenario.program.halving, None);
    assert!(
        d.errors[0]
            .reason
            .contains("on or after start = 2027-06-01")
    );
    assert!(
        Scenario::from_query("v=2&start=2027-06-01&halvdate=2027-06-01")
            .errors
            .is_empty()
    );
}

#[test]
fn months_and_view_ranges() {
    for (q, key) in [
        ("months=0", "months"),
        ("months=37", "months"),
        ("view=chart", "view"),
    ] {
        assert_eq!(
            Scenario::from_query(&format!("v=2&{q}")).bad_keys(),
            vec![key],
            "{q}"
        );
    }
    assert_eq!(Key::parse("pcov"), Some(Key::MonthCoverage));
}

#[test]
fn per_month_edits_change_one_month() {
    let mut s = Scenario::from_query("v=2&view=program&pcov=80,60").scenario;
    s.program.coverage_pct = s
        .program
        .coverage_pct
        .with(4, d("10"))
        .unwrap_or_else(|| panic!("month 5 exists"));
    assert_eq!(
        s.program.coverage_pct.expanded(7),
        vec![
            d("80"),
            d("60"),
            d("60"),
            d("60"),
            d("10"),
            d("60"),
            d("60")
        ]
    );
    assert!(s.to_query().contains("&pcov=80,60,60,60,10,60&"));
}

#[test]
fn program_presets_build_twelve_months_through_the_halving() {
    use minerhedge::link::PROGRAM_PRESETS;
    use minerhedge::view::program::ProgramModel;
    for p in PROGRAM_PRESETS {
        let s = Scenario::from_query(p.query).scenario;
        let m = ProgramModel::build(&s, date(2026, 12, 2))
            .unwrap_or_else(|e| panic!("{}: {}", p.name, e.text));
        let rows = m.program.rows();
        assert_eq!(rows.len(), 12, "{}", p.name);
        assert_eq!(
            m.halving_month,
            Some(5),
            "{}: April 2028 is month 6",
            p.name
        );
        assert!(rows[6].subsidy < rows[0].subsidy, "{}", p.name);
        assert!(rows.iter().all(|r| r.floor.is_some()), "{}", p.name);
    }
}

#[test]
fn the_month_tables_plan_and_simulated_cells_make_its_rows() {
    use minerhedge::domain::program::ProgramRun;
    use minerhedge::present::program::{
        COLUMNS, SIMULATED, month_cells, month_table, plan_cells, simulated_cells,
    };
    use minerhedge::view::program::ProgramModel;
    let s = Scenario::from_query(
        "v=2&view=program&start=2027-01-01&months=4&mode=rig&coin=BTC&spot=95000&pcov=80,60&ph=forward,collar&paths=200",
    )
    .scenario;
    let m = ProgramModel::build(&s, date(2026, 12, 2)).unwrap_or_else(|e| panic!("{}", e.text));
    let mut run = ProgramRun::new(&m.program, m.simulation).unwrap_or_else(|e| panic!("{e}"));
    run.step(usize::MAX);
    let stats = run.stats().expect("statistics after every path");
    let table = month_table(&m, Some(&stats));
    assert_eq!(table.len(), 4);
    for (i, row) in m.program.rows().iter().enumerate() {
        let month = stats.program.months.get(i);
        let c = m.collateral[i];
        let mut joined = plan_cells(row, &m.coin, c);
        assert_eq!(joined.len() + SIMULATED, COLUMNS.len());
        let simulated = simulated_cells(month);
        assert!(
            simulated
                .iter()
                .all(|c| c.value.is_some() && !c.text.is_empty()),
            "month {i}: {simulated:?}"
        );
        joined.extend(simulated);
        assert_eq!(joined, month_cells(row, &m.coin, c, month));
        assert_eq!(joined, table[i]);
        let cols: Vec<&str> = joined.iter().map(|c| c.col).collect();
        let expected: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
        assert_eq!(cols, expected);
    }
    // Before the simulation the simulated cells are empty, with their columns.
    let empty = simulated_cells(None);
    assert!(empty.iter().all(|c| c.value.is_none() && c.text.is_empty()));
    assert_eq!(
        empty.map(|c| c.col),
        ["cash_p5", "cash_cvar95", "cash_p50", "cash_p95"]
    );
}

/// The program's hashprice forward per month (`ph=hashprice`, rig mode): each month sells its
/// hashrate at the index on its forward, so at coverage (1 − pool)·uptime a month's hedged
/// total is the same at every final price; its collateral is in the month table, the peak in
/// the summary.
#[test]
fn hashprice_months_lock_their_revenue_and_need_collateral() {
    use minerhedge::domain::leg::Outcome;
    use minerhedge::present::program::{month_table, summary};
    use minerhedge::view::program::ProgramModel;
    let s = Scenario::from_query(
        "v=2&view=program&start=2027-01-01&months=3&mode=rig&coin=BTC&hr=50000&spot=95000&pool=2&up=97\
         &ph=hashprice,forward,put&pcov=95.06&rr25=-5",
    )
    .scenario;
    let m = ProgramModel::build(&s, date(2026, 12, 2)).unwrap_or_else(|e| panic!("{}", e.text));
    let month = &m.program.months()[0];
    let pos = &month.hedge.position;
    let at = |p: i64, d: i64| {
        pos.value(&Outcome {
            price: rust_decimal::Decimal::from(p),
            difficulty_change: rust_decimal::Decimal::new(d, 2),
        })
        .unwrap()
    };
    let a = at(60_000, 0);
    for (p, d) in [(95_000, 0), (150_000, 10), (40_000, -5)] {
        assert!(
            (at(p, d) - a).abs() < rust_decimal::Decimal::new(1, 12),
            "{p} {d}"
        );
    }
    assert!(m.collateral[0].is_some() && m.collateral[1].is_some() && m.collateral[2].is_none());
    let table = month_table(&m, None);
    let cell = table[0].iter().find(|c| c.col == "collateral").unwrap();
    assert_eq!(cell.value, m.collateral[0].map(|c| c.to_string()));
    let peak = summary(&m, None)
        .into_iter()
        .find(|f| f.figure.id == "collateral_peak")
        .unwrap();
    assert_eq!(
        peak.figure.value,
        m.peak_collateral().map(|c| c.to_string())
    );
}

/// The program of `query` (start 2027-01), simulated to the end.
fn simulated(
    query: &str,
) -> (
    minerhedge::view::program::ProgramModel,
    minerhedge::domain::program::ProgramRun,
    minerhedge::domain::program::ProgramStats,
) {
    use minerhedge::domain::program::ProgramRun;
    use minerhedge::view::program::ProgramModel;
    let s = Scenario::from_query(query).scenario;
    let m = ProgramModel::build(&s, date(2026, 12, 2)).unwrap_or_else(|e| panic!("{}", e.text));
    let mut run = ProgramRun::new(&m.program, m.simulation).expect("run");
    while !run.step(500).finished() {}
    while !run.summarize(1) {}
    let stats = run.stats().expect("statistics");
    (m, run, stats)
}

/// Every percentage the program page shows has its `data-value` in percent: the summary's
/// chances, the actuals' ratios (and the report's lines made of them), the coverage.
#[test]
fn percentages_carry_their_data_value_in_percent() {
    use minerhedge::present::program::{actuals_figures, report, summary};
    let q = "v=2&view=program&start=2027-01-01&months=3&mode=direct&qty=5&cost=1100&spot=250\
             &vol=60&paths=2000&rate=0&basis=0&pcov=100&pfwd=260&aq=5,4&apx=200,300";
    let (m, _, stats) = simulated(q);
    let figures = summary(&m, Some(&stats));
    let find = |id: &str| {
        figures
            .iter()
            .find(|f| f.figure.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    for (id, fraction) in [
        (
            "prob_negative_month",
            stats.program.summary.prob_negative_month,
        ),
        ("prob_negative_end", stats.program.summary.prob_negative_end),
    ] {
        let f = find(id);
        let v: f64 = f.figure.value.as_deref().unwrap().parse().unwrap();
        assert!(
            (v - fraction * 100.0).abs() < 1e-9,
            "{id}: {v} vs {fraction}"
        );
        assert_eq!(f.figure.text, minerhedge::format::percent_f64(fraction, 1));
        let u = f.unhedged.as_ref().expect("unhedged beside it");
        let uv: f64 = u.value.as_deref().unwrap().parse().unwrap();
        assert!((0.0..=100.0).contains(&uv), "{id} unhedged {uv}");
    }
    // Some month is negative unhedged at 60 % volatility: a chance in percent, not a fraction.
    let u = find("prob_negative_month").unhedged.clone().unwrap();
    assert!(u.value.as_deref().unwrap().parse::<f64>().unwrap() > 1.0);
    // The actuals: dollar offset 100/140, output 90 % of plan, σ reduction −50 %.
    let a = actuals_figures(&m);
    let value = |i: usize| a[i].value.as_deref().unwrap().parse::<f64>().unwrap();
    assert!(
        (value(0) - 100.0 * 100.0 / 140.0).abs() < 1e-9,
        "{:?}",
        a[0]
    );
    assert_eq!(a[0].text, "71.4%");
    assert!((value(1) + 50.0).abs() < 1e-9, "{:?}", a[1]);
    assert_eq!(a[2].value.as_deref(), Some("90"));
    let r = report(&m, Some(&stats));
    let line = r.iter().find(|l| l.col == "output_ratio").unwrap();
    assert_eq!(
        (line.value.as_deref(), line.text.as_str()),
        (Some("90"), "90.0%")
    );
}

/// VaR 95 % and CVaR 95 % are signed results on the program page (the README's convention,
/// `present::RISK_CONVENTION`): a month's VaR is the 5th percentile of its net cash (nearest
/// rank), its CVaR the mean of the worst 5 %; the program's are those of the total.
#[test]
fn var_and_cvar_are_signed_results_of_the_simulated_paths() {
    use minerhedge::present::RISK_CONVENTION;
    use minerhedge::present::program::{COLUMNS, month_table, report_months, summary};
    // Unhedged, cost above the expected revenue: most months lose.
    let q = "v=2&view=program&start=2027-01-01&months=2&mode=direct&qty=5&cost=1500&spot=250\
             &vol=80&paths=1000&ph=none";
    let (m, run, stats) = simulated(q);
    let (cash, _, _) = run.month_samples(0).unwrap();
    let mut sorted = cash.to_vec();
    sorted.sort_by(f64::total_cmp);
    let k = sorted.len().div_ceil(20);
    assert_eq!(k, 50);
    let var = sorted[k - 1];
    let cvar = sorted[..k].iter().sum::<f64>() / k as f64;
    assert!(var < 0.0 && cvar < var, "a loss: {var}, {cvar}");
    let q0 = stats.program.months[0].net_cash;
    assert_eq!(q0.p5, var);
    assert!((q0.cvar95 - cvar).abs() < 1e-9 * cvar.abs());
    let row = &month_table(&m, Some(&stats))[0];
    let at = |col: &str| {
        let i = COLUMNS.iter().position(|(c, _)| *c == col).unwrap();
        &row[i]
    };
    assert_eq!(at("cash_p5").value, Some(var.to_string()));
    assert_eq!(at("cash_p5").text, minerhedge::format::usd_f64(var));
    let shown: f64 = at("cash_cvar95").value.as_deref().unwrap().parse().unwrap();
    assert_eq!(shown, q0.cvar95);
    assert!(
        COLUMNS
            .iter()
            .any(|(c, h)| *c == "cash_p5" && h.contains("VaR 95 %"))
    );
    // The report's months to come show the same numbers the same way.
    let months = report_months(&m, Some(&stats));
    let p5 = months[0].iter().find(|c| c.col == "cash_p5").unwrap();
    assert_eq!(
        (&p5.value, &p5.text),
        (&at("cash_p5").value, &at("cash_p5").text)
    );
    // The program's: the total's P5 and the mean of its worst 5 %, both signed.
    let figures = summary(&m, Some(&stats));
    let total = |id: &str| {
        let f = figures.iter().find(|f| f.figure.id == id).unwrap();
        f.figure.value.as_deref().unwrap().parse::<f64>().unwrap()
    };
    let s = &stats.program.summary;
    assert_eq!(total("total_p5"), s.total_p5);
    assert_eq!(total("total_cvar95"), s.total_cvar95);
    assert!(s.total_cvar95 <= s.total_p5 && s.total_p5 < 0.0);
    assert!(
        RISK_CONVENTION.contains("the 5th percentile")
            && RISK_CONVENTION.contains("negative is a loss")
    );
}

/// The cash-flow chart draws net cash (after the cost) with $0 as its threshold: the cost is
/// not on its axis (a sold-forward month nets about $150 against a $1,100 cost, so the axis
/// ends well below $1,100), and the legend names the $0 line.
#[test]
fn the_cash_flow_chart_does_not_draw_the_cost_on_the_net_cash_axis() {
    use minerhedge::chart::geometry::Surface;
    use minerhedge::chart::program::{ZERO_LABEL, draw};
    use minerhedge::view::program::cash_flow_chart;
    use plotters::prelude::*;
    let q = "v=2&view=program&start=2027-01-01&months=6&mode=direct&qty=5&cost=1100&spot=250\
             &vol=0.0001&ph=forward&pcov=100&dvol=0&paths=200";
    let (m, _, stats) = simulated(q);
    for stats in [None, Some(&stats)] {
        let chart = cash_flow_chart(&m, stats);
        let surface = Surface::new(720.0, 300.0, 1.0).unwrap();
        let mut svg = String::new();
        let frame = {
            let root =
                SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
            draw(&root, &chart, &surface).unwrap()
        };
        let y = frame.y_range();
        assert!(y.contains(0.0), "{y:?}");
        assert!(y.hi() < 500.0, "the axis reaches for the cost: {y:?}");
        assert!(!svg.contains("Cash cost"));
        assert!(svg.contains(ZERO_LABEL));
        if stats.is_none() {
            assert!(svg.contains(minerhedge::chart::program::EMPTY_LABEL));
        }
    }
}
