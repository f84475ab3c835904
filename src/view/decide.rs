//! What the decision panels show, as text and chart data: the strategy comparison table, the
//! return distribution, the volume-risk heat map and the rebalancing figures, formatted with
//! [`crate::format`]. Pure: the page only places these on screen.

use super::compare::{best, Column, ComparisonRow};
use super::rebalance::rebalance;
use super::{Model, StrategyKind};
use crate::chart::distribution::{DistributionChart, Histogram, HistogramSeries};
use crate::chart::heatmap::{Grid, HeatmapChart};
use crate::domain::montecarlo::McStats;
use crate::domain::validate::dec_f64;
use crate::format::{coin, number, percent_f64, usd, usd_f64};
use crate::link::{CallStrike, HedgeChoice};
use rust_decimal::Decimal;

/// Shown where a value does not exist (an unbounded cap, VaR before the simulation ran, …).
pub const DASH: &str = "—";

/// One line of the comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonLine {
    /// The strategy.
    pub kind: StrategyKind,
    /// One text per column of [`Column::ALL`].
    pub cells: Vec<String>,
    /// `best[i]`: this row holds the best value of column `i`.
    pub best: Vec<bool>,
    /// The page currently shows this strategy.
    pub selected: bool,
}

/// The comparison as the page shows it: header texts (strategy first) and one line per
/// strategy.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonTable {
    /// `"Strategy"` then [`Column::header`] of every column.
    pub header: Vec<String>,
    /// One line per strategy, in the model's order.
    pub lines: Vec<ComparisonLine>,
}

fn opt_usd(x: Option<f64>) -> String {
    x.map(usd_f64).unwrap_or_else(|| DASH.to_owned())
}

fn opt_pct(x: Option<f64>) -> String {
    x.map(|v| percent_f64(v, 1))
        .unwrap_or_else(|| DASH.to_owned())
}

/// The text of one cell: USD as `$1,250` (`$(50)` when negative), returns and probabilities
/// as percent with one decimal, [`DASH`] where the value does not exist.
///
/// ```
/// use minerhedge::{link::Scenario, view::{compare::{comparison, Column}, decide::cell, Model}};
/// let rows = comparison(&Model::build(&Scenario::default()), None);
/// assert_eq!(cell(&rows[1], Column::Floor), "$1,300");
/// assert_eq!(cell(&rows[1], Column::Var), "—");
/// ```
pub fn cell(r: &ComparisonRow, column: Column) -> String {
    match column {
        Column::Upfront => usd(r.upfront_premium),
        Column::Floor => opt_usd(r.floor),
        Column::Cap => opt_usd(r.cap),
        Column::Breakeven => opt_usd(r.breakeven),
        Column::Worst => percent_f64(r.worst_return, 1),
        Column::Best => percent_f64(r.best_return, 1),
        Column::ProbLoss => opt_pct(r.prob_loss),
        Column::ProbCover => opt_pct(r.prob_cover_cash),
        Column::Expected => opt_pct(r.expected_return),
        Column::Var => opt_pct(r.var95),
        Column::Cvar => opt_pct(r.cvar95),
    }
}

/// `true` when the page shows `kind`: the chosen strategy, or the zero-cost collar when the
/// scenario asks for a collar with `kc=zero`.
fn is_selected(model: &Model, kind: StrategyKind) -> bool {
    let s = &model.scenario;
    let chosen = s.hedge.choice;
    let zero = s.hedge.choice == HedgeChoice::Collar && s.hedge.call_strike == CallStrike::Zero;
    match kind {
        StrategyKind::ZeroCostCollar => zero,
        StrategyKind::Collar => chosen == StrategyKind::Collar && !zero,
        k => k == chosen,
    }
}

/// The comparison table of `rows` (from [`super::compare::comparison`] of `model`).
///
/// ```
/// use minerhedge::{link::Scenario, view::{compare::comparison, decide::comparison_table, Model}};
/// let m = Model::build(&Scenario::from_query("hedge=collar&kc=zero").scenario);
/// let t = comparison_table(&m, &comparison(&m, None));
/// assert_eq!(t.header[0], "Strategy");
/// let zc = t.lines.iter().find(|l| l.selected).unwrap();
/// assert_eq!(zc.cells[0], "$0"); // a zero-cost collar pays nothing upfront
/// ```
pub fn comparison_table(model: &Model, rows: &[ComparisonRow]) -> ComparisonTable {
    let header = std::iter::once("Strategy".to_owned())
        .chain(Column::ALL.iter().map(|c| c.header().to_owned()))
        .collect();
    let bests: Vec<Vec<usize>> = Column::ALL.iter().map(|c| best(rows, *c)).collect();
    let lines = rows
        .iter()
        .enumerate()
        .map(|(i, r)| ComparisonLine {
            kind: r.kind,
            cells: Column::ALL.iter().map(|c| cell(r, *c)).collect(),
            best: bests.iter().map(|b| b.contains(&i)).collect(),
            selected: is_selected(model, r.kind),
        })
        .collect();
    ComparisonTable { header, lines }
}

/// `text` with `&`, `<`, `>`, `"` and `'` escaped for HTML text and attribute values.
///
/// ```
/// use minerhedge::view::decide::escape_html;
/// assert_eq!(escape_html(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The comparison as the inner HTML of a `<table>`: a header row, then one focusable row per
/// strategy (`data-strategy` = its label, `aria-selected`), best cells with class `best` and
/// an accessible description. Every text is escaped.
///
/// ```
/// use minerhedge::{link::Scenario, view::{compare::comparison, decide::{comparison_html, comparison_table}, Model}};
/// let m = Model::build(&Scenario::default());
/// let html = comparison_html(&comparison_table(&m, &comparison(&m, None)));
/// assert!(html.contains(r#"<tr tabindex="0" class="selected" aria-selected="true" data-strategy="Forward""#));
/// assert!(html.contains(r#"<td class="best" aria-description="best in this column" title="Best in this column">$1,300</td>"#));
/// ```
pub fn comparison_html(table: &ComparisonTable) -> String {
    let mut out = String::from("<thead><tr>");
    for (i, h) in table.header.iter().enumerate() {
        // Column headers after "Strategy" carry their definition as a tooltip.
        match i.checked_sub(1).and_then(|c| Column::ALL.get(c)) {
            Some(col) => out.push_str(&format!(
                "<th scope=\"col\" title=\"{}\">{}</th>",
                escape_html(col.tip()),
                escape_html(h)
            )),
            None => out.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(h))),
        }
    }
    out.push_str("</tr></thead><tbody>");
    for l in &table.lines {
        let label = escape_html(l.kind.label());
        out.push_str(&format!(
            "<tr tabindex=\"0\" class=\"{}\" aria-selected=\"{}\" data-strategy=\"{label}\" \
             aria-label=\"{label}: select this hedge\"><th scope=\"row\">{label}</th>",
            if l.selected { "selected" } else { "" },
            l.selected,
        ));
        for (text, best) in l.cells.iter().zip(&l.best) {
            if *best {
                out.push_str(&format!(
                    "<td class=\"best\" aria-description=\"best in this column\" \
                     title=\"Best in this column\">{}</td>",
                    escape_html(text)
                ));
            } else {
                out.push_str(&format!("<td>{}</td>", escape_html(text)));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody>");
    out
}

/// `(testid, label, value)` figures as the inner HTML of a `<dl>`: one `<div><dt>…</dt>
/// <dd data-testid=…>…</dd></div>` per figure, escaped.
///
/// ```
/// use minerhedge::view::decide::figures_html;
/// assert_eq!(
///     figures_html(&[("x", "Spot & co", "$1<2".to_owned())]),
///     r#"<div><dt>Spot &amp; co</dt><dd data-testid="x">$1&lt;2</dd></div>"#
/// );
/// ```
pub fn figures_html(items: &[(&str, &str, String)]) -> String {
    items
        .iter()
        .map(|(id, label, value)| {
            format!(
                "<div><dt>{}</dt><dd data-testid=\"{}\">{}</dd></div>",
                escape_html(label),
                escape_html(id),
                escape_html(value)
            )
        })
        .collect()
}

/// The strategy whose [`StrategyKind::label`] is `label`.
///
/// ```
/// use minerhedge::view::{decide::kind_of_label, StrategyKind};
/// assert_eq!(kind_of_label("Zero-cost collar"), Some(StrategyKind::ZeroCostCollar));
/// assert_eq!(kind_of_label("nope"), None);
/// ```
pub fn kind_of_label(label: &str) -> Option<StrategyKind> {
    StrategyKind::ALL.into_iter().find(|k| k.label() == label)
}

/// The link edits that make the page show `kind`: `hedge`, and `kc=zero` for the zero-cost
/// collar.
///
/// ```
/// use minerhedge::view::{decide::select_edits, StrategyKind};
/// assert_eq!(select_edits(StrategyKind::ZeroCostCollar), vec![("hedge", "collar"), ("kc", "zero")]);
/// assert_eq!(select_edits(StrategyKind::Unhedged), vec![("hedge", "none")]);
/// ```
pub fn select_edits(kind: StrategyKind) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![("hedge", kind.hedge_choice().as_str())];
    if kind == StrategyKind::ZeroCostCollar {
        out.push(("kc", "zero"));
    }
    out
}

/// The return distribution of the chosen strategy and of the unhedged position (chosen first,
/// so it takes the primary colour) with their VaR 95 % marks, from `stats` (one per strategy of
/// `model`, in order: the Monte Carlo of [`Model::monte_carlo`]). `None` when the statistics do
/// not belong to the model or hold no path.
///
/// ```
/// use minerhedge::domain::montecarlo::McRun;
/// use minerhedge::{link::Scenario, view::{decide::distribution_chart, Model}};
/// let m = Model::build(&Scenario::from_query("hedge=put&paths=2000").scenario);
/// let (p, profiles) = m.monte_carlo().unwrap();
/// let mut run = McRun::new(p, profiles).unwrap();
/// run.step(2000);
/// let chart = distribution_chart(&m, &run.stats()).unwrap();
/// assert_eq!(chart.series[0].label, "Put");
/// assert_eq!(chart.series[1].label, "Unhedged");
/// ```
pub fn distribution_chart(model: &Model, stats: &[McStats]) -> Option<DistributionChart> {
    if stats.len() != model.strategies.len() {
        return None;
    }
    let series_of = |i: usize| -> Option<HistogramSeries> {
        let st = model.strategies.get(i)?;
        let s = stats.get(i)?;
        if s.histogram.counts.iter().sum::<u64>() == 0 {
            return None;
        }
        let h = Histogram::new(s.histogram.edges.clone(), s.histogram.counts.clone()).ok()?;
        Some(HistogramSeries::new(st.kind.label(), h).with_var(-s.var95))
    };
    let unhedged = model
        .strategies
        .iter()
        .position(|s| s.kind == StrategyKind::Unhedged);
    let mut series = Vec::new();
    if let Some(c) = model.chosen.filter(|c| Some(*c) != unhedged) {
        series.push(series_of(c)?);
    }
    if let Some(u) = unhedged {
        series.push(series_of(u)?);
    }
    if series.is_empty() {
        return None;
    }
    Some(DistributionChart {
        series,
        ..DistributionChart::default()
    })
}

/// The volume-risk heat map of the chosen hedge and its over-hedging warning.
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeRisk {
    /// The chart: hedged return over final price × difficulty change, spot at 0 % marked.
    pub chart: HeatmapChart,
    /// Largest share of the realized output the hedge covers in the range (1 = 100 %).
    pub max_realized_coverage: f64,
    /// The warning to show when the hedge can exceed the output actually mined.
    pub warning: Option<String>,
}

/// The heat map of `model`'s chosen hedge over `price_points` prices × difficulty changes
/// −20 %…+50 % ([`Model::heatmap`]); `None` without a valid chosen strategy and price range.
///
/// ```
/// use minerhedge::{link::Scenario, view::{decide::volume_risk, Model}};
/// let full = volume_risk(&Model::build(&Scenario::default()), 41).unwrap();
/// assert!(full.warning.unwrap().contains("150.0%"));
/// let half = volume_risk(&Model::build(&Scenario::from_query("cov=50").scenario), 41).unwrap();
/// assert!(half.warning.is_none());
/// ```
pub fn volume_risk(model: &Model, price_points: usize) -> Option<VolumeRisk> {
    let h = model.heatmap(price_points)?;
    let grid = Grid::new(h.prices.clone(), h.diff_changes.clone(), h.values.clone()).ok()?;
    let spot = dec_f64(model.scenario.market.spot);
    let in_range = h.prices.first().is_some_and(|lo| spot >= *lo)
        && h.prices.last().is_some_and(|hi| spot <= *hi);
    let worst_rise = h.diff_changes.last().copied().unwrap_or(0.0);
    let warning = (h.max_realized_coverage > 1.0 + 1e-9).then(|| {
        format!(
            "Over-hedged: if difficulty rises by {} the output actually mined falls, and the \
             hedge covers up to {} of it — the excess is a short position in the coin that \
             loses when the price rises.",
            percent_f64(worst_rise, 0),
            percent_f64(h.max_realized_coverage, 1)
        )
    });
    Some(VolumeRisk {
        chart: HeatmapChart {
            grid,
            marker: in_range.then_some((spot, 0.0)),
            ..HeatmapChart::default()
        },
        max_realized_coverage: h.max_realized_coverage,
        warning,
    })
}

/// The volume-risk panel's message as HTML: the over-hedging warning
/// (`data-testid="overhedge-warning"`) when there is one, or why there is no heat map.
/// Escaped.
///
/// ```
/// use minerhedge::{link::Scenario, view::{decide::{volume_risk, volume_risk_html}, Model}};
/// let html = volume_risk_html(volume_risk(&Model::build(&Scenario::default()), 21).as_ref());
/// assert!(html.contains(r#"data-testid="overhedge-warning""#));
/// assert!(volume_risk_html(None).contains("No heat map"));
/// ```
pub fn volume_risk_html(risk: Option<&VolumeRisk>) -> String {
    match risk {
        Some(r) => r
            .warning
            .as_deref()
            .map(|w| {
                format!(
                    "<p class=\"overhedge-warning\" data-testid=\"overhedge-warning\" \
                     role=\"alert\">{}</p>",
                    escape_html(w)
                )
            })
            .unwrap_or_default(),
        None => "<p class=\"hint\">No heat map: the chosen hedge or the price range is not \
                 valid.</p>"
            .to_owned(),
    }
}

/// The rebalancing panel's figures as `(testid, label, value)`; `None` when there is no
/// chosen hedge to rebalance.
///
/// ```
/// use minerhedge::{link::Scenario, view::{decide::rebalance_texts, Model}};
/// let m = Model::build(&Scenario::from_query("rdg=25").scenario);
/// let t = rebalance_texts(&m).unwrap();
/// let get = |id: &str| t.iter().find(|(k, _, _)| *k == id).unwrap().2.clone();
/// assert_eq!(get("rebalance-output"), "4 ETH");
/// assert_eq!(get("rebalance-trade"), "-1 ETH");
/// assert_eq!(get("rebalance-ticket"), "Buy back 1 ETH forward at $260");
/// ```
pub fn rebalance_texts(model: &Model) -> Option<Vec<(&'static str, &'static str, String)>> {
    let r = rebalance(model)?;
    let c = model.scenario.economics.coin.as_str();
    let q = |d: Decimal| coin(d.round_dp(8).normalize(), 8, c);
    Some(vec![
        ("rebalance-spot", "Spot now", usd(r.spot_now)),
        ("rebalance-output", "Expected output now", q(r.output_now)),
        ("rebalance-hedged", "Hedged as placed", q(r.hedged)),
        ("rebalance-target", "Target for the coverage", q(r.target)),
        (
            "rebalance-trade",
            "Trade (+ hedge more, − unwind)",
            q(r.trade),
        ),
        (
            "rebalance-ticket",
            "Order ticket",
            r.ticket.unwrap_or_else(|| "No trade needed".to_owned()),
        ),
        (
            "rebalance-delta-neutral",
            "Sell for delta-neutral now (coins)",
            r.delta_neutral_sale
                .filter(|x| x.is_finite())
                .map(|x| format!("{x:.4}"))
                .unwrap_or_else(|| DASH.to_owned()),
        ),
    ])
}

/// One sentence on the chosen hedge's simulated return: mean, VaR and CVaR 95 % and the path
/// count; `None` when `stats` do not belong to `model` or nothing is chosen.
///
/// ```
/// use minerhedge::domain::montecarlo::McRun;
/// use minerhedge::{link::Scenario, view::{decide::mc_summary, Model}};
/// let m = Model::build(&Scenario::from_query("paths=1000").scenario);
/// let (p, profiles) = m.monte_carlo().unwrap();
/// let mut run = McRun::new(p, profiles).unwrap();
/// run.step(1000);
/// // A full forward with no difficulty volatility locks 18.2 %.
/// assert!(mc_summary(&m, &run.stats()).unwrap().starts_with("Forward: mean return 18.2%"));
/// ```
pub fn mc_summary(model: &Model, stats: &[McStats]) -> Option<String> {
    if stats.len() != model.strategies.len() {
        return None;
    }
    let c = model.chosen?;
    let st = stats.get(c)?;
    Some(format!(
        "{}: mean return {}, VaR 95% {}, CVaR 95% {} over {} paths.",
        model.strategies.get(c)?.kind.label(),
        percent_f64(st.mean, 1),
        percent_f64(st.var95, 1),
        percent_f64(st.cvar95, 1),
        number(Decimal::from(model.scenario.simulation.paths), 0)
    ))
}

/// The simulation status line as HTML: while a run is under way a labelled `<progress>`
/// (`data-testid="mc-progress"`) with the percent done, then the summary of the finished run
/// and the error that kept a run from starting, each when present. Every text is escaped.
///
/// ```
/// use minerhedge::view::decide::mc_status_html;
/// let running = mc_status_html(Some((250, 1000)), None, None);
/// assert!(running.contains(r#"<progress id="mc-progress" data-testid="mc-progress" max="1000" value="250"></progress> 25%"#));
/// assert!(!mc_status_html(None, Some("done"), None).contains("progress"));
/// ```
pub fn mc_status_html(
    progress: Option<(usize, usize)>,
    summary: Option<&str>,
    error: Option<&str>,
) -> String {
    let mut out = String::new();
    if let Some((done, total)) = progress {
        out.push_str(&format!(
            "<span><label for=\"mc-progress\">Simulating </label><progress id=\"mc-progress\" \
             data-testid=\"mc-progress\" max=\"{total}\" value=\"{done}\"></progress> {}</span>",
            progress_text(done, total)
        ));
    }
    if let Some(s) = summary {
        out.push_str(&format!(
            "<span class=\"mc-summary\" role=\"status\">{}</span>",
            escape_html(s)
        ));
    }
    if let Some(e) = error {
        out.push_str(&format!(
            "<span class=\"field-error\" role=\"alert\">{}</span>",
            escape_html(e)
        ));
    }
    out
}

/// Chunk of Monte Carlo paths the page simulates between two checks of the clock.
pub const MC_CHUNK: usize = 2_000;

/// Share of a run done, as the text next to the progress bar: `42%`.
///
/// ```
/// use minerhedge::view::decide::progress_text;
/// assert_eq!(progress_text(420_000, 1_000_000), "42%");
/// assert_eq!(progress_text(0, 0), "100%");
/// ```
pub fn progress_text(done: usize, total: usize) -> String {
    if total == 0 {
        return "100%".to_owned();
    }
    format!("{}%", (done.min(total) as u128 * 100 / total as u128))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::montecarlo::McRun;
    use crate::link::Scenario;
    use crate::view::compare::comparison;

    fn model(q: &str) -> Model {
        let d = Scenario::from_query(q);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        Model::build(&d.scenario)
    }

    #[test]
    fn seed_comparison_texts() {
        let m = model("v=1");
        let t = comparison_table(&m, &comparison(&m, None));
        assert_eq!(t.header.len(), Column::ALL.len() + 1);
        assert_eq!(t.lines.len(), 6);
        let fwd = &t.lines[1];
        assert_eq!(fwd.kind, StrategyKind::Forward);
        assert!(fwd.selected);
        assert_eq!(fwd.cells[0], "$0");
        assert_eq!(fwd.cells[1], "$1,300");
        assert_eq!(fwd.cells[2], "$1,300");
        assert_eq!(fwd.cells[4], "18.2%");
        assert_eq!(fwd.cells[6], "0.0%");
        // The forward holds the best floor.
        assert!(fwd.best[1]);
        let inv = &t.lines[2];
        assert_eq!(inv.cells[1], "$1,250");
        // Unhedged: uncapped, breakeven at cost per coin.
        assert_eq!(t.lines[0].cells[2], DASH);
        assert_eq!(t.lines[0].cells[3], "$220");
        // No Monte Carlo yet: VaR and CVaR not available.
        assert!(t
            .lines
            .iter()
            .all(|l| l.cells[9] == DASH && l.cells[10] == DASH));
        assert_eq!(t.lines.iter().filter(|l| l.selected).count(), 1);
    }

    #[test]
    fn var_texts_come_from_the_run() {
        let m = model("hedge=put&paths=3000&dvol=30");
        let (p, profiles) = m.monte_carlo().expect("inputs");
        let mut run = McRun::new(p, profiles).expect("run");
        while !run.step(MC_CHUNK).finished() {}
        let stats = run.stats();
        let t = comparison_table(&m, &comparison(&m, Some(&stats)));
        for (l, s) in t.lines.iter().zip(&stats) {
            assert_eq!(l.cells[9], percent_f64(s.var95, 1));
            assert_eq!(l.cells[10], percent_f64(s.cvar95, 1));
        }
        let chart = distribution_chart(&m, &stats).expect("chart");
        assert_eq!(chart.series.len(), 2);
        // Stale statistics (another strategy count) draw nothing.
        assert!(distribution_chart(&m, &stats[..2]).is_none());
    }

    #[test]
    fn unhedged_distribution_is_one_series() {
        let m = model("hedge=none&paths=500");
        let (p, profiles) = m.monte_carlo().expect("inputs");
        let mut run = McRun::new(p, profiles).expect("run");
        run.step(500);
        let chart = distribution_chart(&m, &run.stats()).expect("chart");
        assert_eq!(chart.series.len(), 1);
        assert_eq!(chart.series[0].label, "Unhedged");
    }

    #[test]
    fn selection_edits_select_the_row() {
        for kind in StrategyKind::ALL {
            let mut s = Scenario::default();
            // With `kc=zero` (the default) the collar row *is* the zero-cost collar; a plain
            // collar needs a call strike.
            if kind == StrategyKind::Collar {
                s.set("kc", "300").expect("valid strike");
            }
            for (k, v) in select_edits(kind) {
                s.set(k, v).expect("valid edit");
            }
            let m = Model::build(&s);
            let t = comparison_table(&m, &comparison(&m, None));
            let selected: Vec<StrategyKind> = t
                .lines
                .iter()
                .filter(|l| l.selected)
                .map(|l| l.kind)
                .collect();
            assert_eq!(selected, vec![kind]);
        }
    }

    #[test]
    fn heatmap_marks_spot_and_changes_with_coverage() {
        let a = volume_risk(&model(""), 21).expect("heat map");
        assert_eq!(a.chart.marker, Some((250.0, 0.0)));
        let b = volume_risk(&model("cov=40"), 21).expect("heat map");
        assert_ne!(a.chart.grid, b.chart.grid);
        assert!(b.max_realized_coverage < 1.0);
    }

    #[test]
    fn progress_never_exceeds_100() {
        assert_eq!(progress_text(5, 3), "100%");
        assert_eq!(progress_text(1, 3), "33%");
    }
}
