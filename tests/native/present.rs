//! The presentation layer, natively: what the page shows of a scenario (table, derived
//! figures, readout, chart data and its description), the decision panels' texts, and the
//! inputs' edit rules. The page only places these texts with Leptos `view!`.

use minerhedge::chart::TickFormat;
use minerhedge::chart::payoff::SeriesStyle;
use minerhedge::domain::montecarlo::McRun;
use minerhedge::format::percent_f64;
use minerhedge::link::{Key, Scenario};
use minerhedge::present::Figure;
use minerhedge::present::compare::{choose_label, comparison_table};
use minerhedge::present::display::{describe, display, readout, readout_sentence};
use minerhedge::present::montecarlo::{
    RISK_CONVENTION, RiskResult, mc_figures, mc_summary, progress_text,
};
use minerhedge::present::payoff::{HOVER_HINT, chart_summary, hover_text, payoff_chart};
use minerhedge::present::rebalance::rebalance_figures;
use minerhedge::present::volume_risk::overhedge_warning;
use minerhedge::view::Model;
use minerhedge::view::compare::comparison;
use minerhedge::view::edit::{Texts, apply};
use minerhedge::view::montecarlo::MC_CHUNK;
use minerhedge::view::volume_risk::volume_risk;
use rust_decimal::Decimal;

fn scenario(q: &str) -> Scenario {
    let d = Scenario::from_query(q);
    assert!(d.errors.is_empty(), "{q}: {:?}", d.errors);
    d.scenario
}

fn figure<'a>(figures: &'a [Figure], id: &str) -> &'a str {
    figures
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.text.as_str())
        .unwrap_or_else(|| panic!("no figure {id}"))
}

// ---- Moved from tests/wasm_ui.rs: pure, so native now. ----

#[test]
fn texts_of_a_scenario_apply_back_to_the_same_scenario() {
    let s = scenario("v=1&coin=BTC&spot=300&cov=50&hedge=collar");
    let (again, errors) = apply(&Scenario::default(), &Texts::of(&s));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(again, s);
}

#[test]
fn the_seed_scenario_displays_the_seed_table() {
    let d = display(&Scenario::default());
    assert_eq!(
        d.header,
        [
            "Price",
            "Revenue",
            "Hedge payoff",
            "Hedged revenue",
            "Return"
        ]
    );
    assert_eq!(d.rows.len(), 11);
    assert_eq!(
        d.row_texts(0),
        ["$200", "$1,000", "$300", "$1,300", "18.2%"]
    );
    assert_eq!(
        d.row_texts(10),
        ["$300", "$1,500", "$(200)", "$1,300", "18.2%"]
    );
    assert!(d.errors.is_empty(), "{:?}", d.errors);
    assert_eq!(d.chart.series[0].points.len(), 1001);
    let r = readout(&d, Decimal::from(230));
    assert_eq!((r.price.as_str(), r.ret.as_str()), ("$230", "18.2%"));
}

#[test]
fn the_inverse_forward_adds_a_settlement_column() {
    let d = display(&scenario("hedge=inverse&inv=0.004"));
    assert_eq!(d.header[4], "Settlement (ETH)");
    assert_eq!(d.rows[0].len(), 6);
    assert_eq!(d.rows[0][5].text, "13.6%");
}

// ---- Edit rules. ----

#[test]
fn an_invalid_text_is_named_and_keeps_the_last_valid_value() {
    let last = scenario("cov=40");
    let mut t = Texts::of(&last);
    t.set(Key::Coverage, "150".to_owned());
    let (s, errors) = apply(&last, &t);
    assert_eq!(s.get_key(Key::Coverage), "40");
    assert_eq!(errors.len(), 1);
    let message = describe(&errors[0]);
    assert!(message.contains("Coverage"), "{message}");
    assert!(message.contains("cov = \"150\""), "{message}");
    assert_eq!(
        t.get(Key::Coverage),
        "150",
        "the input keeps what was typed"
    );
    t.set(Key::Coverage, "75".to_owned());
    let (s, errors) = apply(&s, &t);
    assert!(errors.is_empty());
    assert_eq!(s.get_key(Key::Coverage), "75");
}

#[test]
fn a_cross_key_error_keeps_that_key_and_applies_the_others() {
    let last = Scenario::default();
    let mut t = Texts::of(&last);
    t.set(Key::Lo, "400".to_owned());
    t.set(Key::Spot, "275".to_owned());
    let (s, errors) = apply(&last, &t);
    assert_eq!(errors.iter().map(|e| e.key).collect::<Vec<_>>(), ["lo"]);
    assert_eq!(s.get_key(Key::Lo), "200");
    assert_eq!(s.get_key(Key::Spot), "275");
}

// ---- What the page shows. ----

#[test]
fn derived_figures_of_the_seed_and_of_the_inverse_forward() {
    let d = display(&Scenario::default());
    assert_eq!(figure(&d.derived, "expected-output"), "5 ETH");
    assert_eq!(figure(&d.derived, "period-cost"), "$1,100");
    assert_eq!(figure(&d.derived, "breakeven"), "$220.00");
    // A forward holds no inverse forward and no option: its order ticket, no option figures.
    assert_eq!(
        figure(&d.derived, "order-ticket"),
        "Sell 5 ETH forward at $260"
    );
    for id in ["locked-return", "put-premium", "put-vol", "call-strike"] {
        assert!(d.derived.iter().all(|f| f.id != id), "{id}");
    }
    let inv = display(&scenario("hedge=inverse&inv=0.004"));
    assert_eq!(
        figure(&inv.derived, "order-ticket"),
        "Buy (Long) USD 1,250 at 0.004 ETH/USD"
    );
    assert_eq!(figure(&inv.derived, "locked-return"), "13.6%");
    let zc = display(&scenario("hedge=collar&kc=zero"));
    let label = zc
        .derived
        .iter()
        .find(|f| f.id == "call-strike")
        .expect("call strike")
        .label;
    assert_eq!(label, "Call strike (zero-cost, solved)");
}

#[test]
fn the_readout_sentence_and_a_price_without_a_row() {
    let d = display(&Scenario::default());
    let r = readout(&d, Decimal::from(250));
    assert_eq!(
        readout_sentence(&r),
        "At $250: hedged total $1,300, return 18.2%"
    );
    // A price the engine refuses has no row: only the price is shown.
    let r = readout(&d, Decimal::from(10_i64.pow(15)));
    assert_eq!(
        (r.price.as_str(), r.total.as_str()),
        ("$1,000,000,000,000,000", "")
    );
    assert_eq!(readout_sentence(&r), "At $1,000,000,000,000,000");
}

#[test]
fn the_chart_puts_the_chosen_strategy_first_and_describes_itself() {
    let c = payoff_chart(&Model::build(&scenario("hedge=put")));
    assert_eq!(c.series[0].label, "Put");
    assert_eq!(c.series[0].style, SeriesStyle::Primary);
    assert_eq!(c.series[1].label, "Unhedged");
    assert_eq!(c.series[1].style, SeriesStyle::Secondary);
    assert!(c.series[2..].iter().all(|s| s.style == SeriesStyle::Faint));
    assert_eq!(c.zero_line, Some(1100.0));
    let text = chart_summary(&c);
    assert!(text.starts_with("Payoff chart: Hedged revenue at the end of the period (USD) against the final coin price, $200 to $300."), "{text}");
    assert!(text.contains("Put (chosen, bold line): "), "{text}");
    assert!(text.contains(" Also drawn faint: Forward"), "{text}");
    assert!(
        text.contains(" Period cost line at $1,100. Breakeven at $220.00. Spot $250."),
        "{text}"
    );

    // Days elapsed: the marked-to-market curve is the first faint line.
    let later = payoff_chart(&Model::build(&scenario("hedge=put&elapsed=15")));
    assert_eq!(later.series[2].label, "Put after 15 of 30 days");
    assert_eq!(later.series.len(), c.series.len() + 1);
}

#[test]
fn the_hover_readout_follows_the_axis_unit() {
    let mut c = payoff_chart(&Model::build(&Scenario::default()));
    assert_eq!(hover_text(&c, 250.0, 1300.0), "At $250: $1,300");
    c.y_format = TickFormat::Percent;
    assert_eq!(hover_text(&c, 250.5, 0.1818), "At $250.50: 18.2%");
    assert!(!HOVER_HINT.is_empty());
}

#[test]
fn no_text_shows_nan_for_odd_scenarios() {
    for q in [
        "",
        "hedge=put&vol=1",
        "hedge=collar&kc=zero&vol=500",
        "hedge=inverse&inv=0.000001",
        "mode=rig&hr=0.001&diff=1",
        "spot=0.0001&lo=0.00001&hi=0.001&step=0.0001",
        "cov=0&hedge=none",
    ] {
        let s = Scenario::from_query(q).scenario;
        let d = display(&s);
        let mut texts: Vec<String> = d.header.clone();
        texts.extend(d.rows.iter().flatten().map(|c| c.text.clone()));
        texts.extend(d.derived.iter().map(|f| f.text.clone()));
        texts.extend(d.errors.iter().cloned());
        texts.push(chart_summary(&d.chart));
        let table = comparison_table(&d.model, &comparison(&d.model, None));
        texts.extend(
            table
                .lines
                .iter()
                .flat_map(|l| l.cells.iter().map(|c| c.text.clone())),
        );
        if let Some(f) = rebalance_figures(&d.model) {
            texts.extend(f.into_iter().map(|f| f.text));
        }
        for t in &texts {
            assert!(!t.contains("NaN") && !t.contains("inf"), "{q}: {t}");
        }
    }
}

// ---- Decision panels. ----

#[test]
fn comparison_rows_are_named_for_choosing() {
    let m = Model::build(&Scenario::default());
    let t = comparison_table(&m, &comparison(&m, None));
    let names: Vec<String> = t
        .lines
        .iter()
        .filter_map(|l| l.kind.map(choose_label))
        .collect();
    assert_eq!(names[0], "Unhedged: select this hedge");
    // The default collar is the zero-cost collar: its one row is the zero-cost collar's.
    assert_eq!(names[5], "Zero-cost collar: select this hedge");
    assert_eq!(names.len(), 7);
    assert_eq!(t.header[0], "Strategy");
}

#[test]
fn the_simulation_summary_and_progress() {
    let m = Model::build(&scenario("hedge=put&paths=3000&dvol=30"));
    let (p, profiles) = m.monte_carlo().expect("inputs");
    let mut run = McRun::new(p, profiles).expect("run");
    let first = run.step(MC_CHUNK);
    assert_eq!(progress_text(first.done, first.total), "66%");
    while !run.step(MC_CHUNK).finished() {}
    let stats = run.stats();
    let put = &stats[m.chosen.expect("chosen")];
    let text = mc_summary(&m, &stats).expect("summary");
    assert_eq!(
        text,
        format!(
            "Put: mean return {}, VaR 95% {}, CVaR 95% {} over 3,000 paths.",
            percent_f64(put.mean, 1),
            RiskResult::of_loss(put.var95, 1100.0).text(),
            RiskResult::of_loss(put.cvar95, 1100.0).text()
        )
    );
    // Statistics of another model say nothing.
    assert!(mc_summary(&m, &stats[..3]).is_none());
}

#[test]
fn the_overhedge_warning_names_the_rise_and_the_coverage() {
    let full = volume_risk(&Model::build(&Scenario::default()), 21).expect("heat map");
    assert_eq!(
        overhedge_warning(&full).expect("over-hedged"),
        "Over-hedged: if difficulty rises by 50% the output actually mined falls, and the \
         hedge covers up to 150.0% of it — the excess is a short position in the coin that \
         loses when the price rises."
    );
    let part = volume_risk(&Model::build(&scenario("cov=60")), 21).expect("heat map");
    assert!(overhedge_warning(&part).is_none());
}

#[test]
fn rebalance_figures_of_a_difficulty_rise() {
    let m = Model::build(&scenario("rdg=25"));
    let f = rebalance_figures(&m).expect("figures");
    assert_eq!(figure(&f, "rebalance-output"), "4 ETH");
    assert_eq!(figure(&f, "rebalance-trade"), "-1 ETH");
    assert_eq!(
        figure(&f, "rebalance-ticket"),
        "Buy back 1 ETH forward at $260"
    );
    assert_eq!(
        figure(
            &rebalance_figures(&Model::build(&Scenario::default())).expect("figures"),
            "rebalance-ticket"
        ),
        "No trade needed"
    );
}

/// What the page paints (`PayoffChart::lean`) is the same lines as the chart's 1,001-point
/// curves: every grid point of every curve lies on the painted line, the ends are kept, and
/// a payoff (piecewise linear in the price) needs only its ends and the grid points beside
/// its kinks. The marked-to-market curve (smooth) keeps its points.
#[test]
fn the_painted_chart_is_the_same_lines_in_a_few_segments() {
    use minerhedge::chart::geometry::interpolate;
    for q in [
        "",
        "hedge=put",
        "hedge=collar&kc=300",
        "hedge=inverse",
        "mode=rig&hedge=hashprice",
        "hedge=put&elapsed=15",
        "hedge=collar&kc=zero&rr25=-5&bf25=1&settle=coin",
    ] {
        let dense = payoff_chart(&Model::build(&scenario(q)));
        let lean = dense.lean();
        assert_eq!(lean.series.len(), dense.series.len(), "{q}");
        for (d, l) in dense.series.iter().zip(&lean.series) {
            assert_eq!(d.label, l.label);
            assert_eq!(d.points.first(), l.points.first(), "{q} {}", d.label);
            assert_eq!(d.points.last(), l.points.last(), "{q} {}", d.label);
            let scale = d.points.iter().fold(1.0_f64, |m, p| m.max(p.1.abs()));
            for &(x, y) in &d.points {
                let on = interpolate(&l.points, x).expect("covered");
                assert!(
                    (on - y).abs() <= 1e-6 * scale,
                    "{q} {} at {x}: {on} vs {y}",
                    d.label
                );
            }
            if d.label.contains(" after ") {
                assert!(
                    l.points.len() > 100,
                    "{q}: the smooth curve keeps its points"
                );
            } else {
                // The ends and two grid points around each of at most three kinks.
                assert!(
                    l.points.len() <= 8,
                    "{q} {}: {} points",
                    d.label,
                    l.points.len()
                );
            }
        }
    }
}

// ---- Figures that apply, risk in results, one row per position. ----

fn ids(d: &minerhedge::present::display::Display) -> Vec<&'static str> {
    d.derived.iter().map(|f| f.id).collect()
}

#[test]
fn a_forward_shows_no_option_or_inverse_figures_and_groups_the_rest() {
    let d = display(&scenario("hedge=forward"));
    let shown = ids(&d);
    for id in [
        "put-premium",
        "put-vol",
        "call-vol",
        "call-premium",
        "call-strike",
        "net-premium",
        "net-premium-carried",
        "locked-return",
        "premium-coin",
    ] {
        assert!(!shown.contains(&id), "a forward shows {id}");
    }
    assert!(shown.contains(&"liq-price") && shown.contains(&"position-delta"));
    assert!(shown.contains(&"order-ticket"));
    let headings: Vec<&str> = d.groups.iter().map(|g| g.heading).collect();
    assert_eq!(headings, ["Mining", "Hedge", "Margin", "Greeks"]);
    // Every figure with a digit carries its unrounded value.
    for f in &d.derived {
        if f.text.chars().any(|c| c.is_ascii_digit()) {
            assert!(f.value.is_some(), "{} has no data-value", f.id);
        }
    }
    // The put shows the put's figures and no call's; the inverse its ticket, no option.
    let put = ids(&display(&scenario("hedge=put")));
    assert!(put.contains(&"put-vol") && !put.contains(&"call-strike"));
    let collar = ids(&display(&scenario("hedge=collar&kc=zero")));
    assert!(collar.contains(&"call-strike") && collar.contains(&"put-premium"));
    let inv = ids(&display(&scenario("hedge=inverse&inv=0.004")));
    assert!(inv.contains(&"order-ticket") && !inv.contains(&"put-premium"));
}

#[test]
fn table_cells_carry_their_column_and_value_in_the_unit_shown() {
    let d = display(&Scenario::default());
    let cols: Vec<&str> = d.rows[0].iter().map(|c| c.id).collect();
    assert_eq!(
        cols,
        [
            "price",
            "revenue",
            "hedge_payoff",
            "hedged_revenue",
            "return"
        ]
    );
    // 18.2 % is 2/11 = 18.1818… %: the value in percent, unrounded.
    let ret: f64 = d.rows[0][4]
        .value
        .as_deref()
        .expect("value")
        .parse()
        .expect("number");
    assert!((ret - 200.0 / 11.0).abs() < 1e-9, "{ret}");
    assert_eq!(d.rows[0][0].value.as_deref(), Some("200"));
}

#[test]
fn var_is_a_signed_result_in_usd_and_return_on_cost() {
    // A known sample: a 5th-percentile return of +74.6 % on a cost of $1,100 is a profit.
    let v = RiskResult::of_loss(-0.746, 1100.0);
    assert!((v.usd - 820.6).abs() < 1e-9);
    assert_eq!(v.text(), "$820.60 (74.6%)");
    let loss = RiskResult::of_loss(0.141, 1000.0);
    assert_eq!(loss.text(), "$(141) (-14.1%)");
    assert_eq!(loss.return_text(), "-14.1%");
    assert!(RISK_CONVENTION.contains("negative is a loss"));
    // The page's figures, the comparison and the chart label agree on a simulated run.
    let m = Model::build(&scenario("hedge=put&paths=3000&dvol=30"));
    let (p, profiles) = m.monte_carlo().expect("inputs");
    let mut run = McRun::new(p, profiles).expect("run");
    while !run.step(MC_CHUNK).finished() {}
    let stats = run.stats();
    let figures = mc_figures(&m, &stats).expect("figures");
    let (var, ret) = &figures[2];
    let table = comparison_table(&m, &comparison(&m, Some(&stats)));
    let put = table
        .line(minerhedge::view::StrategyKind::Put)
        .expect("put");
    assert_eq!(put.cells[9].text, var.text);
    assert_eq!(put.returns[9], *ret);
    let chart = minerhedge::view::distribution::distribution_chart(&m, &stats).expect("chart");
    let label = chart.var_label(chart.series[0].var.expect("var"));
    let shown = var
        .text
        .rsplit_once('(')
        .expect("return")
        .1
        .trim_end_matches(')');
    assert_eq!(label, format!("VaR {shown}"));
}

#[test]
fn the_default_collar_is_one_row_and_never_a_zero_breakeven() {
    use minerhedge::present::compare::COVERS_EVERY_PRICE;
    use minerhedge::view::StrategyKind;
    use minerhedge::view::compare::Column;
    let m = Model::build(&scenario("hedge=collar&kc=zero"));
    let t = comparison_table(&m, &comparison(&m, None));
    assert!(t.line(StrategyKind::Collar).is_none());
    assert!(
        t.line(StrategyKind::ZeroCostCollar)
            .is_some_and(|l| l.selected)
    );
    assert!(t.note.is_some());
    // A collar with a set call strike is its own row again.
    let m2 = Model::build(&scenario("hedge=collar&kc=300"));
    let t2 = comparison_table(&m2, &comparison(&m2, None));
    assert!(t2.line(StrategyKind::Collar).is_some() && t2.note.is_none());
    // A position that covers the cost at every price has no breakeven, not $0.
    for q in [
        "hedge=collar&kc=zero&kp=240",
        "v=1",
        "hedge=forward&fwd=300",
    ] {
        let m = Model::build(&scenario(q));
        for r in comparison(&m, None) {
            let c = minerhedge::present::compare::cell(&r, Column::Breakeven);
            assert_ne!(c.text, "$0", "{q}: {:?}", r.kind);
            if r.never_loses {
                assert_eq!(c.text, COVERS_EVERY_PRICE);
            }
        }
    }
}

#[test]
fn the_least_cvar_is_shown_with_the_coverages_within_noise() {
    use minerhedge::domain::risk::frontier::{Frontier, FrontierPoint};
    use minerhedge::present::frontier::figures;
    use minerhedge::view::{StrategyKind, frontier::FrontierSummary};
    // A curve flat within 0.01 points from 74 to 79 %, noise 0.05 points.
    let p = |c: u32| FrontierPoint {
        coverage_pct: c,
        expected_return: 0.05,
        cvar95: if (74..=79).contains(&c) {
            -0.10 + 0.0001 * f64::from(c.abs_diff(77))
        } else {
            -0.09 + 0.01 * f64::from(c.abs_diff(77))
        },
        prob_short_of_cash: 0.0,
        cvar95_se: 0.0005,
    };
    let f = Frontier {
        points: (0..=100).map(p).collect(),
    };
    assert_eq!(f.min_cvar().map(|p| p.coverage_pct), Some(77));
    assert_eq!(f.min_cvar_within_noise(), Some((74, 79)));
    let s = FrontierSummary {
        kind: StrategyKind::Forward,
        current_pct: 100.0,
        current: p(100),
        min_cvar: p(77),
        min_cvar_range: (74, 79),
        cost: 1000.0,
        target: 0.95,
        reaching: None,
        difficulty_vol: 0.3,
        correlation: 0.0,
    };
    let least = &figures(&s)[0];
    assert_eq!(least.value.as_deref(), Some("77"));
    assert!(
        least
            .text
            .starts_with("77% (74–79% within the simulation's noise"),
        "{}",
        least.text
    );
}
