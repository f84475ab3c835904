//! CSV export of the page's tables (RFC 4180, plain numbers: no thousands separators, no
//! currency signs, `.` as the decimal point), pure.

use crate::format::{csv_field, plain};
use crate::view::Model;
use crate::view::compare::{Column, ComparisonRow};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

/// An `f64` as CSV text with `dp` decimals, empty when absent or not finite.
fn num(x: Option<f64>, dp: u32) -> String {
    x.and_then(Decimal::from_f64)
        .map(|d| plain(d, dp))
        .unwrap_or_default()
}

/// The scenario table of the chosen hedge: price, revenue, hedge payoff, settlement in coin
/// (inverse forward), hedged revenue (USD) and return (fraction), exact to the cent
/// (coin to 8 decimals, return to 6).
///
/// ```
/// use minerhedge::{export::table_csv, link::Scenario, view::Model};
/// let csv = table_csv(&Model::build(&Scenario::default()));
/// let mut lines = csv.lines();
/// assert_eq!(lines.next(), Some("Price (USD),Revenue (USD),Hedge payoff (USD),Settlement (ETH),Hedged revenue (USD),Return"));
/// assert_eq!(lines.next(), Some("200.00,1000.00,300.00,,1300.00,0.181818"));
/// ```
pub fn table_csv(model: &Model) -> String {
    let coin = &model.scenario.economics.coin;
    let mut out = format!(
        "Price (USD),Revenue (USD),Hedge payoff (USD),{},Hedged revenue (USD),Return\r\n",
        csv_field(&format!("Settlement ({coin})"))
    );
    for r in &model.table {
        out.push_str(&format!(
            "{},{},{},{},{},{}\r\n",
            plain(r.price, 2),
            plain(r.revenue, 2),
            plain(r.hedge_payoff, 2),
            r.settlement_coin.map(|c| plain(c, 8)).unwrap_or_default(),
            plain(r.hedged_revenue, 2),
            plain(r.period_return, 6),
        ));
    }
    out
}

/// The strategy comparison: one line per strategy, the columns of [`Column::ALL`] (USD to
/// the cent, returns and probabilities as fractions to 6 decimals; empty where a value does
/// not exist, e.g. the cap of an unhedged position). VaR and CVaR 95 % are signed results
/// ([`crate::present::montecarlo::RISK_CONVENTION`]: negative is a loss), each in two
/// columns: USD and return on the period's cost.
///
/// ```
/// use minerhedge::{export::comparison_csv, link::Scenario, view::{compare::comparison, Model}};
/// let m = Model::build(&Scenario::default());
/// let csv = comparison_csv(&comparison(&m, None));
/// assert!(csv.starts_with("Strategy,Upfront premium (USD),Floor (USD),Cap (USD),"));
/// assert!(csv.lines().any(|l| l.starts_with("Forward,0.00,1300.00,1300.00,,")));
/// ```
pub fn comparison_csv(rows: &[ComparisonRow]) -> String {
    let headers: Vec<String> = Column::ALL
        .iter()
        .flat_map(|c| match c {
            Column::Upfront | Column::Floor | Column::Cap | Column::Breakeven => {
                vec![format!("{} (USD)", c.header())]
            }
            Column::Var | Column::Cvar => vec![
                format!("{} (USD)", c.header()),
                format!("{} (return)", c.header()),
            ],
            _ => vec![c.header().to_string()],
        })
        .map(|h| csv_field(&h))
        .collect();
    let mut out = format!("Strategy,{}\r\n", headers.join(","));
    for r in rows {
        let cells = [
            plain(r.upfront_premium, 2),
            num(r.floor, 2),
            num(r.cap, 2),
            num(r.breakeven, 2),
            num(Some(r.worst_return), 6),
            num(Some(r.best_return), 6),
            num(r.prob_loss, 6),
            num(r.prob_cover_cash, 6),
            num(r.expected_return, 6),
            num(r.var95.map(|v| v * r.cost), 2),
            num(r.var95, 6),
            num(r.cvar95.map(|v| v * r.cost), 2),
            num(r.cvar95, 6),
        ];
        out.push_str(&csv_field(r.label));
        for c in cells {
            out.push(',');
            out.push_str(&c);
        }
        out.push_str("\r\n");
    }
    out
}

/// The program's month table as CSV: the table's columns, each number unrounded as a plain
/// decimal (the cells' `data-value`), month as `YYYY-MM`, hedge by name; cells that do not
/// apply are empty.
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::{export::program_csv, link::Scenario, view::program::ProgramModel};
/// let s = Scenario::from_query("v=2&view=program&start=2027-01-01&months=2&pcov=100").scenario;
/// let today = NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?;
/// let m = ProgramModel::build(&s, today).map_err(|e| e.text)?;
/// let csv = program_csv(&m, None);
/// let mut lines = csv.lines();
/// assert!(lines.next().is_some_and(|h| h.starts_with("Month,Days,Difficulty")));
/// assert!(lines.next().is_some_and(|r| r.starts_with("2027-01,31,")));
/// # Ok::<(), String>(())
/// ```
#[cfg(feature = "program")]
pub fn program_csv(
    model: &crate::view::program::ProgramModel,
    stats: Option<&crate::domain::program::ProgramStats>,
) -> String {
    use crate::present::program::{columns, month_table};
    let header: Vec<String> = columns(model).iter().map(|(_, h)| csv_field(h)).collect();
    let mut out = header.join(",") + "\r\n";
    for row in month_table(model, stats) {
        let fields: Vec<String> = row
            .iter()
            .map(|c| csv_field(c.value.as_deref().unwrap_or(&c.text)))
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// CSV of the monthly report ([`crate::present::program::report`]): section, item, value
/// (unrounded where there is one) and text.
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::{export::report_csv, link::Scenario, view::program::ProgramModel};
/// let s = Scenario::from_query("v=2&view=program&start=2027-01-01&months=2&pcov=100&aq=5&apx=200").scenario;
/// let m = ProgramModel::build(&s, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap();
/// let csv = report_csv(&m, None);
/// assert!(csv.starts_with("Section,Item,Value,Text\r\nThe month,Month,,2027-01\r\n"));
/// ```
#[cfg(feature = "program")]
pub fn report_csv(
    model: &crate::view::program::ProgramModel,
    stats: Option<&crate::domain::program::ProgramStats>,
) -> String {
    let mut out = String::from("Section,Item,Value,Text\r\n");
    for l in crate::present::program::report(model, stats) {
        let fields = [
            csv_field(l.section),
            csv_field(&l.label),
            csv_field(l.value.as_deref().unwrap_or("")),
            csv_field(&l.text),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}
