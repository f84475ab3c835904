//! The presentation layer, natively: what the page shows of a scenario (table, derived
//! figures, readout, chart data and its description), the decision panels' texts, and the
//! inputs' edit rules. The page only places these texts with Leptos `view!`.

use minerhedge::chart::payoff::SeriesStyle;
use minerhedge::chart::TickFormat;
use minerhedge::domain::montecarlo::McRun;
use minerhedge::format::percent_f64;
use minerhedge::link::{Key, Scenario};
use minerhedge::present::compare::{choose_label, comparison_table};
use minerhedge::present::display::{describe, display, readout, readout_sentence};
use minerhedge::present::montecarlo::{mc_summary, progress_text};
use minerhedge::present::payoff::{chart_summary, hover_text, payoff_chart, HOVER_HINT};
use minerhedge::present::rebalance::rebalance_figures;
use minerhedge::present::volume_risk::overhedge_warning;
use minerhedge::present::Figure;
use minerhedge::present::DASH;
use minerhedge::view::compare::comparison;
use minerhedge::view::edit::{apply, Texts};
use minerhedge::view::montecarlo::MC_CHUNK;
use minerhedge::view::volume_risk::volume_risk;
use minerhedge::view::Model;
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
    assert_eq!(d.rows[0], ["$200", "$1,000", "$300", "$1,300", "18.2%"]);
    assert_eq!(d.rows[10], ["$300", "$1,500", "$(200)", "$1,300", "18.2%"]);
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
    assert_eq!(d.rows[0][5], "13.6%");
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
    assert_eq!(figure(&d.derived, "order-ticket"), DASH);
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
        texts.extend(d.rows.iter().flatten().cloned());
        texts.extend(d.derived.iter().map(|f| f.text.clone()));
        texts.extend(d.errors.iter().cloned());
        texts.push(chart_summary(&d.chart));
        let table = comparison_table(&d.model, &comparison(&d.model, None));
        texts.extend(table.lines.iter().flat_map(|l| l.cells.iter().cloned()));
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
    let names: Vec<String> = t.lines.iter().map(|l| choose_label(l.kind)).collect();
    assert_eq!(names[0], "Unhedged: select this hedge");
    assert_eq!(names[5], "Zero-cost collar: select this hedge");
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
            percent_f64(put.var95, 1),
            percent_f64(put.cvar95, 1)
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
                assert!(
                    l.points.len() <= 6,
                    "{q} {}: {} points",
                    d.label,
                    l.points.len()
                );
            }
        }
    }
}
