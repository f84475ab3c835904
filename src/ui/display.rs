//! What the page shows, as text and chart data: the view model ([`crate::view::Model`])
//! formatted with [`crate::format`]. No computation here beyond choosing what to show.

use rust_decimal::Decimal;

use crate::chart::payoff::{PayoffChart, Series, SeriesStyle};
use crate::chart::TickFormat;
use crate::domain::validate::dec_f64;
use crate::format::{coin, number, percent, percent_f64, usd, usd_cents, usd_cents_f64, usd_f64};
use crate::link::Scenario;
use crate::view::{Model, PremiumSource, StrategyKind};

/// The final-price readout.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Readout {
    /// Final price, e.g. `$250`.
    pub price: String,
    /// Revenue of the period at that price.
    pub revenue: String,
    /// Hedge payoff at that price.
    pub hedge: String,
    /// Hedged total.
    pub total: String,
    /// Return on the period cost, one decimal, e.g. `18.2%`.
    pub ret: String,
}

/// Everything the page displays for one scenario (its final price aside: see [`readout`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Display {
    /// The view model it was formatted from.
    pub model: Model,
    /// Table header.
    pub header: Vec<String>,
    /// Table rows, one cell per header column.
    pub rows: Vec<Vec<String>>,
    /// Derived figures as `(testid, label, value)`.
    pub derived: Vec<(&'static str, &'static str, String)>,
    /// The payoff chart's data (the first series is the chosen strategy).
    pub chart: PayoffChart,
    /// The engine's messages, each prefixed with the link key it is about.
    pub errors: Vec<String>,
}

const DASH: &str = "—";

/// An engine `f64` with `dp` decimals and thousands separators; a dash when not finite.
fn number_f64(x: f64, dp: u32) -> String {
    use rust_decimal::prelude::FromPrimitive;
    Decimal::from_f64(x)
        .map(|d| number(d, dp))
        .unwrap_or_else(|| DASH.to_owned())
}

fn money_or_dash(v: Option<Decimal>) -> String {
    v.map(usd_cents).unwrap_or_else(|| DASH.to_owned())
}

fn derived(m: &Model) -> Vec<(&'static str, &'static str, String)> {
    let s = &m.scenario;
    let mut out = Vec::new();
    if let Some(e) = &m.economics {
        out.push((
            "expected-output",
            "Expected output",
            coin(e.output, 6, &s.economics.coin),
        ));
        out.push(("period-cost", "Period cost", usd(e.cost)));
        out.push((
            "breakeven",
            "Breakeven (cost per coin)",
            usd_cents(e.breakeven),
        ));
        out.push(("margin-at-spot", "Margin at spot", usd(e.margin_at_spot)));
        if let Some(r) = &e.rig {
            out.push((
                "hashprice",
                "Hashprice (USD/TH/day)",
                usd_cents(r.hashprice),
            ));
            out.push(("power-cost", "Power cost", usd(r.power_cost)));
        }
    }
    let opt = m.options.as_ref();
    let source = |src: PremiumSource| match src {
        PremiumSource::Model => "",
        PremiumSource::Quoted => " (quoted)",
    };
    out.push((
        "put-premium",
        "Put premium per coin",
        opt.map(|o| format!("{}{}", usd_cents(o.put.premium), source(o.put.source)))
            .unwrap_or_else(|| DASH.to_owned()),
    ));
    out.push((
        "call-premium",
        "Call premium per coin",
        opt.and_then(|o| o.call)
            .map(|c| format!("{}{}", usd_cents(c.premium), source(c.source)))
            .unwrap_or_else(|| DASH.to_owned()),
    ));
    out.push((
        "call-strike",
        if opt.is_some_and(|o| o.call_solved) {
            "Call strike (zero-cost, solved)"
        } else {
            "Call strike"
        },
        money_or_dash(opt.and_then(|o| o.call).map(|c| c.strike)),
    ));
    out.push((
        "net-premium",
        "Net premium per coin (paid)",
        money_or_dash(opt.map(|o| o.net_per_coin)),
    ));
    out.push((
        "net-premium-carried",
        "Net premium carried to the end",
        money_or_dash(opt.map(|o| o.net_carried)),
    ));
    out.push((
        "order-ticket",
        "Order ticket (inverse forward)",
        m.ticket.clone().unwrap_or_else(|| DASH.to_owned()),
    ));
    out.push((
        "locked-return",
        "Locked return (inverse forward)",
        m.locked_return
            .map(|r| percent(r, 1))
            .unwrap_or_else(|| DASH.to_owned()),
    ));
    if let Some(g) = &m.greeks {
        out.push((
            "position-delta",
            "Position delta (coins)",
            number_f64(g.delta, 4),
        ));
        out.push(("position-gamma", "Position gamma", number_f64(g.gamma, 6)));
        out.push((
            "position-vega",
            "Position vega (per 1.00)",
            usd_cents_f64(g.vega),
        ));
        out.push((
            "position-theta",
            "Position theta per day",
            usd_cents_f64(g.theta_per_day),
        ));
        out.push((
            "delta-neutral",
            "Sell for delta-neutral (coins)",
            number_f64(g.delta_neutral_sale, 4),
        ));
    }
    out
}

fn chart(m: &Model) -> PayoffChart {
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
    rest.sort_by_key(|s| s.style != SeriesStyle::Secondary);
    // Days elapsed > 0: the chosen position marked to market with the time left, as the first
    // faint line (the first faint colour).
    if let (Some(kind), true) = (chosen, m.scenario.view.elapsed_days > 0) {
        if let Some(points) = m.curve_before_expiry() {
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
    }
    series.extend(rest);
    let f = |d: Decimal| Some(dec_f64(d)).filter(|v| v.is_finite());
    PayoffChart {
        series,
        y_label: "Hedged revenue at the end of the period (USD)".to_owned(),
        zero_line: m.economics.as_ref().and_then(|e| f(e.cost)),
        zero_label: Some("Period cost".to_owned()),
        breakevens: m
            .economics
            .as_ref()
            .and_then(|e| f(e.breakeven))
            .into_iter()
            .collect(),
        spot: f(m.scenario.market.spot),
        ..PayoffChart::default()
    }
}

/// Formats the view model of `scenario`.
pub fn display(scenario: &Scenario) -> Display {
    let model = Model::build(scenario);
    // The inverse forward settles in coin: one more column before the return.
    let settles = model.table.iter().any(|r| r.settlement_coin.is_some());
    let mut header: Vec<String> = ["Price", "Revenue", "Hedge payoff", "Hedged revenue"]
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
    if settles {
        header.push(format!("Settlement ({})", scenario.economics.coin));
    }
    header.push("Return".to_owned());
    let rows = model
        .table
        .iter()
        .map(|r| {
            let mut row = vec![
                usd(r.price),
                usd(r.revenue),
                usd(r.hedge_payoff),
                usd(r.hedged_revenue),
            ];
            if settles {
                row.push(
                    r.settlement_coin
                        .map(|c| coin(c, 6, ""))
                        .unwrap_or_else(|| DASH.to_owned()),
                );
            }
            row.push(percent(r.period_return, 1));
            row
        })
        .collect();
    let errors = model
        .messages
        .iter()
        .map(|m| match m.key {
            Some(k) => format!("{k}: {}", m.text),
            None => m.text.clone(),
        })
        .collect();
    Display {
        header,
        rows,
        derived: derived(&model),
        chart: chart(&model),
        errors,
        model,
    }
}

/// The readout at the final price `price`, from the built model (one exact table row).
pub fn readout(d: &Display, price: Decimal) -> Readout {
    match d.model.readout(price) {
        Some(row) => Readout {
            price: usd(row.price),
            revenue: usd(row.revenue),
            hedge: usd(row.hedge_payoff),
            total: usd(row.hedged_revenue),
            ret: percent(row.period_return, 1),
        },
        None => Readout {
            price: usd(price),
            ..Readout::default()
        },
    }
}

/// The payoff chart in words, for its accessible name: what is plotted over which price
/// range, each non-faint curve's value at both ends of the range, the other strategies drawn
/// faint, the cost line, the breakeven and the spot price.
pub fn chart_summary(d: &Display) -> String {
    let c = &d.chart;
    let y = |v: f64| match c.y_format {
        TickFormat::Percent => percent_f64(v, 1),
        TickFormat::Usd | TickFormat::Number => usd_f64(v),
    };
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
    out
}

/// One sentence for the price slider's live region, e.g.
/// `At $250: hedged total $1,300, return 18.2%`.
pub fn readout_sentence(r: &Readout) -> String {
    if r.total.is_empty() {
        format!("At {}", r.price)
    } else {
        format!("At {}: hedged total {}, return {}", r.price, r.total, r.ret)
    }
}
