//! The treasury's text (program page): its month table (each cell with its unrounded
//! `data-value`), the loan's figures, the summary's and the report's treasury lines. Pure.
//!
//! Shares are written in percent and their `data-value` is in percent too (`ltv`,
//! `p_margin_call`, the probabilities); coins and USD are exact where the plan is.
//!
//! ```
//! use chrono::NaiveDate;
//! use minerhedge::link::Scenario;
//! use minerhedge::present::treasury::{treasury_table, TREASURY_COLUMNS};
//! use minerhedge::view::program::ProgramModel;
//! let q = "v=2&view=program&start=2027-01-01&months=2&qty=10&cost=500000&spot=100000&basis=0&rate=0&hold0=100&sell=50";
//! let m = ProgramModel::build(&Scenario::from_query(q).scenario, NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?).map_err(|e| e.text)?;
//! let t = m.treasury.as_ref().ok_or("none")?.as_ref().map_err(|e| e.text.clone())?;
//! let rows = treasury_table(&m, t, None);
//! assert_eq!(rows[0].len(), TREASURY_COLUMNS.len());
//! assert_eq!((rows[0][1].col, rows[0][1].value.as_deref()), ("coins_held", Some("105")));
//! # Ok::<(), String>(())
//! ```

use rust_decimal::Decimal;

use super::program::{Cell, ReportLine, cell, f64_cell, line, month_label, percent_value};
use super::{DASH, Figure, FigureValue};
use crate::domain::program::ProgramStats;
use crate::domain::program::treasury::{LoanRisk, TreasuryMonthStats, TreasuryRow};
use crate::format;
use crate::view::program::ProgramModel;
use crate::view::treasury::TreasuryView;

/// The treasury table's columns: `(data-col, header)`, in order.
pub const TREASURY_COLUMNS: [(&str, &str); 20] = [
    ("month", "Month"),
    ("coins_held", "Coins held"),
    ("coins_pledged", "Pledged"),
    ("coins_lent", "Lent"),
    ("lending_income", "Lending income (coins)"),
    ("default_loss", "Expected default loss (coins)"),
    ("coins_sold", "Mined coins sold"),
    ("forced_sales", "Forced sales (coins)"),
    ("shortfall", "Shortfall"),
    ("cash", "Cash"),
    ("loan", "Loan"),
    ("ltv", "LTV at the forward"),
    ("cc_premium", "Call premium"),
    ("cc_strike", "Call strike"),
    ("treasury_value", "Treasury value"),
    ("value_p5", "Value P5"),
    ("value_p50", "Value P50"),
    ("value_p95", "Value P95"),
    ("sell_all_p50", "Selling every coin: value P50"),
    ("p_margin_call", "P(margin call) so far"),
];

/// One month's cells: the plan, then the simulation's (empty before it has run).
fn row_cells(coin: &str, r: &TreasuryRow, sim: Option<&TreasuryMonthStats>) -> Vec<Cell> {
    let coins = |d: Decimal| format::coin(d.round_dp(8), 8, coin);
    let rec = &r.record;
    let has_calls = rec.calls > Decimal::ZERO;
    let pct = |d: Decimal| format::percent(d, 1);
    let mut out = vec![
        Cell {
            col: "month",
            value: None,
            text: String::new(),
        },
        cell("coins_held", Some(rec.end.held), coins),
        cell("coins_pledged", Some(r.pledged), coins),
        cell("coins_lent", Some(rec.lent), coins),
        cell("lending_income", Some(rec.income), coins),
        cell("default_loss", Some(rec.default_loss), coins),
        cell("coins_sold", Some(rec.sold), coins),
        cell("forced_sales", Some(rec.forced), coins),
        cell("shortfall", Some(rec.shortfall), format::usd),
        cell("cash", Some(rec.end.cash), format::usd),
        cell("loan", Some(rec.end.loan), format::usd),
        Cell {
            value: (r.loan > Decimal::ZERO)
                .then(|| percent_value(rec.ltv).into_text())
                .flatten(),
            ..cell("ltv", (r.loan > Decimal::ZERO).then_some(rec.ltv), pct)
        },
        cell(
            "cc_premium",
            has_calls.then_some(rec.call_premium),
            format::usd,
        ),
        cell(
            "cc_strike",
            has_calls.then_some(rec.strike),
            format::usd_cents,
        ),
        cell("treasury_value", Some(r.value), format::usd),
    ];
    let q = sim.map(|s| s.value);
    out.extend([
        f64_cell("value_p5", q.map(|q| q.p5)),
        f64_cell("value_p50", q.map(|q| q.p50)),
        f64_cell("value_p95", q.map(|q| q.p95)),
        f64_cell("sell_all_p50", sim.map(|s| s.sell_all.p50)),
        percent_cell("p_margin_call", sim.map(|s| s.margin_call)),
    ]);
    out
}

/// A share's cell, written and valued in percent.
fn percent_cell(col: &'static str, share: Option<f64>) -> Cell {
    let share = share.filter(|v| v.is_finite());
    Cell {
        col,
        value: share.and_then(|v| FigureValue::from(v * 100.0).into_text()),
        text: share.map(|v| format::percent_f64(v, 2)).unwrap_or_default(),
    }
}

/// Every month's cells (see [`TREASURY_COLUMNS`]).
pub fn treasury_table(
    model: &ProgramModel,
    t: &TreasuryView,
    stats: Option<&ProgramStats>,
) -> Vec<Vec<Cell>> {
    let sim = stats.and_then(|s| s.treasury.as_ref());
    t.rows
        .iter()
        .zip(model.program.rows())
        .enumerate()
        .map(|(i, (r, m))| {
            let mut cells = row_cells(&model.coin, r, sim.and_then(|s| s.months.get(i)));
            cells[0].text = month_label(m.start);
            cells
        })
        .collect()
}

/// The loan's figures: LTV at the start, the call and liquidation prices, the chance of
/// touching each before the end (continuous monitoring, closed form), the simulated share of
/// paths with a month-end margin call and liquidation (monthly monitoring), and the pledge
/// that keeps the margin call's chance at `pcall`. Empty without a loan.
pub fn loan_figures(
    model: &ProgramModel,
    t: &TreasuryView,
    stats: Option<&ProgramStats>,
) -> Vec<Figure> {
    let Some(loan) = t.loan else {
        return Vec::new();
    };
    let last = stats
        .and_then(|s| s.treasury.as_ref())
        .and_then(|s| s.months.last());
    let pct =
        |id, label, v: f64| Figure::new(id, label, format::percent_f64(v, 2)).with_value(v * 100.0);
    let sim = |id, label, v: Option<f64>| match v {
        Some(v) => pct(id, label, v),
        None => Figure::new(id, label, DASH.to_string()),
    };
    let usd = |id, label, v: f64| Figure::new(id, label, format::usd_f64(v)).with_value(v);
    vec![
        pct("ltv-start", "LTV at the start (at spot)", loan.ltv_start),
        usd("loan-call-price", "Margin-call price", loan.call_price),
        usd(
            "loan-liq-price",
            "Liquidation price",
            loan.liquidation_price,
        ),
        pct(
            "loan-call-prob",
            "P(price touches the margin-call price before the end), continuous",
            loan.call_probability,
        ),
        pct(
            "loan-liq-prob",
            "P(price touches the liquidation price before the end), continuous",
            loan.liquidation_probability,
        ),
        sim(
            "loan-call-prob-monthly",
            "P(a month ends at or above the margin-call LTV), simulated",
            last.map(|m| m.margin_call),
        ),
        sim(
            "loan-liq-prob-monthly",
            "P(a month ends at or above the liquidation LTV), simulated",
            last.map(|m| m.liquidation),
        ),
        pledge_needed(model, t, loan),
    ]
}

fn pledge_needed(model: &ProgramModel, t: &TreasuryView, loan: LoanRisk) -> Figure {
    let v = loan.pledge_needed;
    let target = t.treasury.params().call_target_pct.normalize();
    let label = "Coins to pledge for the target P(margin call) (pcall)";
    let text = match crate::domain::money::dec_from_f64(crate::domain::Field::PledgedCoins, v) {
        Ok(d) => format!(
            "{} for {target} %",
            format::coin(d.round_dp(4), 4, &model.coin)
        ),
        Err(_) => DASH.to_string(),
    };
    Figure::new("pledge-needed", label, text).with_value(v)
}

/// The treasury as of month `i` (its end; the start when `None`): coins held, lent and
/// pledged, the LTV at `price` (the month's forward, or its actual price), the distance from
/// `price` down to the margin call, and the lending income and expected default loss to
/// date. `id`s are the summary's `data-figure`s.
pub fn treasury_figures(
    model: &ProgramModel,
    t: &TreasuryView,
    i: Option<usize>,
    price: Option<Decimal>,
) -> Vec<Figure> {
    let coins = |d: Decimal| format::coin(d.round_dp(8), 8, &model.coin);
    let start = t.treasury.start();
    let row = i.and_then(|i| t.rows.get(i));
    let (held, pledged, loan) = match row {
        Some(r) => (r.record.end.held, r.pledged, r.loan),
        None => (start.held, start.pledged, start.loan),
    };
    let lent = row.map_or(Decimal::ZERO, |r| r.record.lent);
    let upto = i.map_or(0, |i| i + 1);
    let sum = |pick: fn(&TreasuryRow) -> Decimal| {
        t.rows[..upto.min(t.rows.len())]
            .iter()
            .map(pick)
            .fold(Decimal::ZERO, |a, b| a + b)
    };
    let c = |id, label, d: Decimal| Figure::new(id, label, coins(d)).with_value(d);
    let mut out = vec![
        c("treasury_held", "Coins held", held),
        c("treasury_lent", "Coins lent", lent),
        c("treasury_pledged", "Coins pledged", pledged),
        c(
            "lending_income_to_date",
            "Lending income to date",
            sum(|r| r.record.income),
        ),
        c(
            "default_loss_to_date",
            "Expected default loss to date",
            sum(|r| r.record.default_loss),
        ),
    ];
    let price = price.unwrap_or(model.program.market().spot);
    if loan > Decimal::ZERO && pledged > Decimal::ZERO {
        let ltv = crate::domain::money::checked_div(loan, pledged * price);
        let limit = t.treasury.limits().call;
        // The margin call comes at loan/(pledge·ltvmc): the price may fall this share first.
        let call = crate::domain::money::checked_div(loan, pledged * limit);
        let distance = call.and_then(|c| crate::domain::money::checked_div(price - c, price));
        if let Some(ltv) = ltv {
            out.push(
                Figure::new("treasury_ltv", "LTV", format::percent(ltv, 1))
                    .with_value(percent_value(ltv)),
            );
        }
        if let Some(d) = distance {
            out.push(
                Figure::new(
                    "margin_call_distance",
                    "Fall to the margin call",
                    format::percent(d, 1),
                )
                .with_value(percent_value(d)),
            );
        }
    }
    out
}

/// The summary's treasury: as planned at the end of the last month, and the simulated
/// treasury value's P5 and median there beside selling every coin's.
pub fn summary_figures(
    model: &ProgramModel,
    t: &TreasuryView,
    stats: Option<&ProgramStats>,
) -> Vec<Figure> {
    let last = t.rows.len().checked_sub(1);
    let price = last.and_then(|i| t.rows.get(i)).map(|r| r.forward);
    let mut out = treasury_figures(model, t, last, price);
    let end = t.rows.last().map_or(Decimal::ZERO, |r| r.value);
    out.push(
        Figure::new(
            "treasury_value_end",
            "Treasury value at the end (plan)",
            format::usd(end),
        )
        .with_value(end),
    );
    let sim = stats
        .and_then(|s| s.treasury.as_ref())
        .and_then(|s| s.months.last());
    let usd = |id, label, v: Option<f64>| match v.filter(|v| v.is_finite()) {
        Some(v) => Figure::new(id, label, format::usd_f64(v)).with_value(v),
        None => Figure::new(id, label, DASH.to_string()),
    };
    out.push(usd(
        "treasury_value_p5",
        "Treasury value at the end, P5",
        sim.map(|s| s.value.p5),
    ));
    out.push(usd(
        "treasury_value_p50",
        "Treasury value at the end, median",
        sim.map(|s| s.value.p50),
    ));
    out.push(usd(
        "sell_all_value_p50",
        "Selling every coin: value at the end, median",
        sim.map(|s| s.sell_all.p50),
    ));
    out
}

/// The program page's summary ([`super::program::summary`]) with the treasury's figures
/// after it when there is one (the first paint draws the summary without them).
pub fn summary_with_treasury(
    model: &ProgramModel,
    stats: Option<&ProgramStats>,
) -> Vec<super::program::SummaryFigure> {
    let mut out = super::program::summary(model, stats);
    if let Some(Ok(t)) = &model.treasury {
        out.extend(summary_figures(model, t, stats).into_iter().map(Into::into));
    }
    out
}

/// The report's section on the treasury.
pub const REPORT_SECTION: &str = "The treasury";

/// The report's treasury lines as of the report's month `i` (the latest with an actual; the
/// start when none), at its actual price when known.
pub fn report_lines(
    model: &ProgramModel,
    t: &TreasuryView,
    i: Option<usize>,
    price: Option<Decimal>,
) -> Vec<ReportLine> {
    // Its value: the months elapsed (0 at the start).
    let (when, months) = match i.and_then(|i| Some((i, model.program.rows().get(i)?))) {
        Some((i, r)) => (format!("at the end of {}", month_label(r.start)), i + 1),
        None => ("at the start".to_string(), 0),
    };
    let value = Some(months.to_string());
    let mut out = vec![line(REPORT_SECTION, "treasury_as_of", "As of", value, when)];
    out.extend(
        treasury_figures(model, t, i, price)
            .into_iter()
            .map(|f| line(REPORT_SECTION, f.id, f.label, f.value, f.text)),
    );
    out
}
