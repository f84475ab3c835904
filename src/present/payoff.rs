//! The payoff chart's data (curves, cost line, breakeven, spot) from the view model, its
//! description in words for the canvas's accessible name, and the hover readout's text.

use rust_decimal::Decimal;

use crate::chart::TickFormat;
use crate::chart::payoff::{PayoffChart, Series, SeriesStyle};
use crate::domain::validate::dec_f64;
use crate::format::{percent_f64, usd_cents_f64, usd_f64};
use crate::view::{Model, StrategyKind};

/// Shown under the chart while nothing is pointed at.
pub const HOVER_HINT: &str = "Point at the chart to read a value.";

/// A chart value in the chart's own unit: percent for returns, dollars otherwise.
fn value_text(chart: &PayoffChart, v: f64) -> String {
    match chart.y_format {
        TickFormat::Percent => percent_f64(v, 1),
        TickFormat::Usd | TickFormat::Number => usd_f64(v),
    }
}

/// The hover readout at final price `x` where the chosen curve is `y`: `At $250: $1,300`.
///
/// ```
/// use minerhedge::chart::payoff::PayoffChart;
/// use minerhedge::present::payoff::hover_text;
/// assert_eq!(hover_text(&PayoffChart::default(), 250.0, 1300.0), "At $250: $1,300");
/// assert_eq!(hover_text(&PayoffChart::default(), f64::NAN, 1.0), "At n/a: $1");
/// ```
pub fn hover_text(chart: &PayoffChart, x: f64, y: f64) -> String {
    format!("At {}: {}", usd_f64(x), value_text(chart, y))
}

/// The payoff chart of `m`: the chosen strategy first (bold), unhedged second, the others
/// faint; with days elapsed, the chosen position marked to market as the first faint line;
/// the period cost line, the breakeven and spot.
pub fn payoff_chart(m: &Model) -> PayoffChart {
    let chosen = m.chosen().map(|c| c.kind);
    let mut series: Vec<Series> = Vec::new();
    let mut rest: Vec<Series> = Vec::new();
    for (kind, points) in &m.curves {
        let style = if Some(*kind) == chosen {
            SeriesStyle::Primary
        } else if *kind == StrategyKind::Unhedged {
            SeriesStyle::Secondary
        } else {
            SeriesStyle::Faint
        };
        let s = Series::new(kind.label(), points.clone(), style);
        if style == SeriesStyle::Primary {
            series.insert(0, s);
        } else {
            rest.push(s);
        }
    }
    // The comparison (unhedged) first among the rest (a move, not a sort: a stable sort of
    // `Series` costs the page's wasm about 1 KB gzipped).
    if let Some(i) = rest.iter().position(|s| s.style == SeriesStyle::Secondary) {
        let s = rest.remove(i);
        rest.insert(0, s);
    }
    // Days elapsed > 0: the chosen position marked to market with the time left, as the first
    // faint line (the first faint colour).
    if let (Some(kind), true) = (chosen, m.scenario.view.elapsed_days > 0)
        && let Some(points) = m.curve_before_expiry()
    {
        let at = rest
            .iter()
            .position(|s| s.style == SeriesStyle::Faint)
            .unwrap_or(rest.len());
        let label = format!(
            "{} after {} of {} days",
            kind.label(),
            m.scenario.view.elapsed_days,
            m.scenario.economics.days
        );
        rest.insert(at, Series::new(label, points, SeriesStyle::Faint));
    }
    series.extend(rest);
    let f = |d: Decimal| Some(dec_f64(d)).filter(|v| v.is_finite());
    PayoffChart {
        series,
        y_label: if m.power.is_some() {
            "Hedged revenue less power above plan (USD)"
        } else {
            "Hedged revenue at the end of the period (USD)"
        }
        .to_owned(),
        zero_line: m.economics.as_ref().and_then(|e| f(e.cost)),
        zero_label: Some("Period cost".to_owned()),
        breakevens: m
            .economics
            .as_ref()
            .and_then(|e| f(e.breakeven))
            .into_iter()
            .collect(),
        spot: f(m.scenario.market.spot),
        liquidation: m.margin.and_then(|r| r.liquidation_price),
        ..PayoffChart::default()
    }
}

/// The payoff chart in words, for its accessible name: what is plotted over which price
/// range, each non-faint curve's value at both ends of the range, the other strategies drawn
/// faint, the cost line, the breakeven, the spot price and a short hedge's liquidation price.
///
/// ```
/// use minerhedge::{link::Scenario, present::payoff::{chart_summary, payoff_chart}, view::Model};
/// let text = chart_summary(&payoff_chart(&Model::build(&Scenario::default())));
/// assert!(text.contains("Forward (chosen, bold line): $1,300 at $200, $1,300 at $300."));
/// assert!(text.contains("Spot $250."));
/// assert!(text.contains("The short hedge is liquidated above $28"), "{text}");
/// ```
pub fn chart_summary(c: &PayoffChart) -> String {
    let y = |v: f64| value_text(c, v);
    let mut out = format!("Payoff chart: {} against the final coin price", c.y_label);
    let ends = c
        .series
        .first()
        .and_then(|s| Some((s.points.first()?.0, s.points.last()?.0)));
    if let Some((lo, hi)) = ends {
        out.push_str(&format!(", {} to {}", usd_f64(lo), usd_f64(hi)));
    }
    out.push('.');
    for (i, s) in c
        .series
        .iter()
        .filter(|s| s.style != SeriesStyle::Faint)
        .enumerate()
    {
        let (Some(first), Some(last)) = (s.points.first(), s.points.last()) else {
            continue;
        };
        let role = if i == 0 { " (chosen, bold line)" } else { "" };
        out.push_str(&format!(
            " {}{role}: {} at {}, {} at {}.",
            s.label,
            y(first.1),
            usd_f64(first.0),
            y(last.1),
            usd_f64(last.0)
        ));
    }
    let faint: Vec<&str> = c
        .series
        .iter()
        .filter(|s| s.style == SeriesStyle::Faint)
        .map(|s| s.label.as_str())
        .collect();
    if !faint.is_empty() {
        out.push_str(&format!(" Also drawn faint: {}.", faint.join(", ")));
    }
    if let Some(cost) = c.zero_line {
        out.push_str(&format!(" Period cost line at {}.", usd_f64(cost)));
    }
    for b in &c.breakevens {
        out.push_str(&format!(" Breakeven at {}.", usd_cents_f64(*b)));
    }
    if let Some(spot) = c.spot {
        out.push_str(&format!(" Spot {}.", usd_f64(spot)));
    }
    if let Some(liq) = c.liquidation {
        out.push_str(&format!(
            " The short hedge is liquidated above {}.",
            usd_f64(liq)
        ));
    }
    out
}
