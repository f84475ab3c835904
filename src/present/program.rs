//! The program view's text: the month table's cells (each with its unrounded value for
//! `data-value`), the summary figures and the simulation's status. Pure.
//!
//! ```
//! use chrono::NaiveDate;
//! use minerhedge::link::Scenario;
//! use minerhedge::present::program::{month_table, COLUMNS};
//! use minerhedge::view::program::ProgramModel;
//! let s = Scenario::from_query("v=2&view=program&start=2027-01-01&months=3&pcov=100&qty=5&cost=1100").scenario;
//! let today = NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?;
//! let m = ProgramModel::build(&s, today).map_err(|e| e.text)?;
//! let t = month_table(&m, None);
//! assert_eq!(t.len(), 3);
//! assert_eq!(t[0].len(), COLUMNS.len());
//! assert_eq!((t[0][0].col, t[0][0].text.as_str()), ("month", "2027-01"));
//! assert_eq!(t[0][4].value.as_deref(), Some("5")); // output, coins
//! assert_eq!(t[0][19].value, None); // cash_p95: before the simulation
//! # Ok::<(), String>(())
//! ```

use chrono::Datelike;
use rust_decimal::Decimal;

use super::{DASH, Figure, FigureValue};
use crate::domain::program::{MonthPowerRow, MonthRow, MonthStats, Payback, ProgramStats, Summary};
use crate::domain::strategy::StrikeInput;
use crate::format;
use crate::view::program::ProgramModel;

/// The month table's columns: `(data-col, header)`, in order.
pub const COLUMNS: [(&str, &str); 21] = [
    ("month", "Month"),
    ("days", "Days"),
    ("difficulty", "Difficulty"),
    ("subsidy", "Subsidy per block"),
    ("output", "Output"),
    ("cost", "Cash cost"),
    ("forward", "Forward"),
    ("hedge", "Hedge"),
    ("coverage", "Coverage"),
    ("hedged", "Hedged"),
    ("put_strike", "Put strike"),
    ("put2_strike", "Lower put strike"),
    ("call_strike", "Call strike"),
    ("premium", "Net premium per coin"),
    ("locked", "USD locked"),
    ("floor", "Floor"),
    ("collateral", "Collateral needed"),
    ("cash_p5", "Net cash VaR 95 % (P5)"),
    ("cash_cvar95", "Net cash CVaR 95 %"),
    ("cash_p50", "Net cash P50"),
    ("cash_p95", "Net cash P95"),
];

/// The month table's power columns, after `cost`, when the program is on a power contract
/// (rig mode, `ptype` other than `fixed` or a `drc`): the month's mean hour price (USD/MWh;
/// `pidx_m`, or the curve's mean), the share of the available hours the rig runs at the
/// month's forward (its `data-value` in percent), and the power cost and credits there.
pub const POWER_COLUMNS: [(&str, &str); 4] = [
    ("pidx", "Mean power price"),
    ("run_share", "Run share at the forward"),
    ("power_cost", "Power cost"),
    ("power_credits", "Resale and capacity credits"),
];

/// Where the power columns go among [`COLUMNS`]: after `cost`.
const POWER_AT: usize = 6;

/// The month table's columns of `model`: [`COLUMNS`], with [`POWER_COLUMNS`] after `cost` when
/// the program is on a power contract (each row's [`plan_cells`] follow the same order).
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::{link::Scenario, present::program::{columns, COLUMNS}, view::program::ProgramModel};
/// let today = NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?;
/// let m = |q: &str| ProgramModel::build(&Scenario::from_query(q).scenario, today).map_err(|e| e.text);
/// assert_eq!(columns(&m("v=2&view=program&mode=rig")?), COLUMNS.to_vec());
/// let cols = columns(&m("v=2&view=program&mode=rig&spot=100000&ptype=index&pidx=45")?);
/// assert_eq!(cols.len(), COLUMNS.len() + 4);
/// assert_eq!((cols[5].0, cols[6].0, cols[10].0), ("cost", "pidx", "forward"));
/// # Ok::<(), String>(())
/// ```
pub fn columns(model: &ProgramModel) -> Vec<(&'static str, &'static str)> {
    columns_of(model.program.has_power())
}

/// [`COLUMNS`], with [`POWER_COLUMNS`] after `cost` when `power`.
pub fn columns_of(power: bool) -> Vec<(&'static str, &'static str)> {
    let mut out = COLUMNS.to_vec();
    if power {
        out.splice(POWER_AT..POWER_AT, POWER_COLUMNS);
    }
    out
}

/// One cell: its column, the unrounded value as a plain decimal (numbers only; `None` when
/// the cell does not apply) and the text people read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The column's `data-col` name.
    pub col: &'static str,
    /// Unrounded value, plain decimal (`data-value`).
    pub value: Option<String>,
    /// Rounded, formatted text (empty when the cell does not apply).
    pub text: String,
}

pub(crate) fn cell(
    col: &'static str,
    value: Option<Decimal>,
    text: impl Fn(Decimal) -> String,
) -> Cell {
    Cell {
        col,
        value: value.and_then(|v| FigureValue::from(v).into_text()),
        text: value.map(text).unwrap_or_default(),
    }
}

pub(crate) fn f64_cell(col: &'static str, value: Option<f64>) -> Cell {
    let value = value.filter(|v| v.is_finite());
    Cell {
        col,
        value: value.and_then(|v| FigureValue::from(v).into_text()),
        text: value.map(format::usd_f64).unwrap_or_default(),
    }
}

/// A ratio's `data-value` in percent (`0.05` → `5`), as the page shows it.
pub(crate) fn percent_value(ratio: Decimal) -> FigureValue {
    match crate::domain::money::checked_mul(ratio, Decimal::ONE_HUNDRED) {
        Some(v) => FigureValue::from(v),
        None => FigureValue::from(f64::NAN),
    }
}

/// The month as `YYYY-MM`.
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2027, 3, 31).ok_or("date")?;
/// assert_eq!(minerhedge::present::program::month_label(d), "2027-03");
/// # Ok::<(), &str>(())
/// ```
pub fn month_label(d: chrono::NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// Difficulty with a T suffix: `120 T`, `139.52 T`.
fn difficulty_text(d: Decimal) -> String {
    format!(
        "{} T",
        format::number(d / Decimal::from(1_000_000_000_000u64), 2)
    )
}

/// The month table's simulated columns (the last four of [`COLUMNS`]).
pub const SIMULATED: usize = 4;

/// The cells of one month; the simulated columns are empty without `stats`.
pub fn month_cells(
    row: &MonthRow,
    coin: &str,
    collateral: Option<f64>,
    stats: Option<&MonthStats>,
) -> Vec<Cell> {
    let mut cells = plan_cells(row, coin, collateral);
    cells.extend(simulated_cells(stats));
    cells
}

/// The power cells of a month on a power contract ([`POWER_COLUMNS`]).
fn power_cells(p: &MonthPowerRow) -> [Cell; 4] {
    [
        cell("pidx", Some(p.mean_price), |d| {
            format!("{}/MWh", format::usd_cents(d))
        }),
        Cell {
            col: "run_share",
            value: percent_value(p.run_share).into_text(),
            text: format::percent(p.run_share, 1),
        },
        cell("power_cost", Some(p.power_cost), format::usd),
        cell("power_credits", Some(p.credits), format::usd),
    ]
}

/// The cells of one month that the plan fixes: every column but the [`SIMULATED`] last
/// (`collateral`: the month's collateral needed, [`ProgramModel::collateral`]); on a power
/// contract the [`POWER_COLUMNS`] after `cost` ([`columns`]).
pub fn plan_cells(row: &MonthRow, coin: &str, collateral: Option<f64>) -> Vec<Cell> {
    let mut cells = fixed_plan_cells(row, coin, collateral);
    if let Some(p) = &row.power {
        cells.splice(POWER_AT..POWER_AT, power_cells(p));
    }
    cells
}

/// [`plan_cells`] of the columns of [`COLUMNS`].
fn fixed_plan_cells(row: &MonthRow, coin: &str, collateral: Option<f64>) -> Vec<Cell> {
    let coins = |d: Decimal| format::coin(d, 8, coin);
    let pct = |d: Decimal| format::percent(d / Decimal::ONE_HUNDRED, 1);
    let has_options = !row.options.is_empty();
    let strike = |input| row.option_at(input).map(|l| l.strike);
    vec![
        Cell {
            col: "month",
            value: None,
            text: month_label(row.start),
        },
        cell("days", Some(Decimal::from(row.days)), |d| d.to_string()),
        cell("difficulty", row.difficulty, difficulty_text),
        cell("subsidy", row.subsidy, |d| format::coin(d, 8, "")),
        cell("output", Some(row.output), coins),
        cell("cost", Some(row.cash_cost), format::usd),
        cell("forward", Some(row.forward), format::usd),
        Cell {
            col: "hedge",
            value: None,
            text: row.kind.label().to_string(),
        },
        cell("coverage", Some(row.coverage_pct), pct),
        cell("hedged", Some(row.hedged_coins), coins),
        cell("put_strike", strike(StrikeInput::Kp), format::usd),
        cell("put2_strike", strike(StrikeInput::Kp2), format::usd),
        cell("call_strike", strike(StrikeInput::Kc), format::usd),
        cell(
            "premium",
            has_options.then_some(row.net_premium_per_coin),
            format::usd_cents,
        ),
        cell("locked", row.locked, format::usd),
        cell("floor", row.floor, format::usd),
        f64_cell("collateral", collateral),
    ]
}

/// The simulated cells of one month (net cash VaR 95 % = P5, CVaR 95 %, P50, P95; signed
/// results, see [`super::RISK_CONVENTION`]), empty without `stats`.
pub fn simulated_cells(stats: Option<&MonthStats>) -> [Cell; SIMULATED] {
    let q = stats.map(|s| s.net_cash);
    [
        f64_cell("cash_p5", q.map(|q| q.p5)),
        f64_cell("cash_cvar95", q.map(|q| q.cvar95)),
        f64_cell("cash_p50", q.map(|q| q.p50)),
        f64_cell("cash_p95", q.map(|q| q.p95)),
    ]
}

/// Every month's cells.
pub fn month_table(model: &ProgramModel, stats: Option<&ProgramStats>) -> Vec<Vec<Cell>> {
    model
        .program
        .rows()
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let s = stats.and_then(|s| s.program.months.get(i));
            let c = model.collateral.get(i).copied().flatten();
            month_cells(r, &model.coin, c, s)
        })
        .collect()
}

/// One figure of the summary: the program's [`Figure`] (`data-figure`, label, text,
/// `data-value`) and, for a simulated figure once the simulation has run, unhedged's on the
/// same paths.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryFigure {
    /// The program's figure.
    pub figure: Figure,
    /// Unhedged, beside it.
    pub unhedged: Option<Figure>,
}

impl From<Figure> for SummaryFigure {
    fn from(figure: Figure) -> Self {
        SummaryFigure {
            figure,
            unhedged: None,
        }
    }
}

/// How a simulated summary figure is written: USD, or a share written in percent (its
/// `data-value` in percent too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Usd,
    Percent,
}

/// The simulated figure `id` of `s` (a dash before the simulation).
fn simulated_figure(id: &'static str, label: &'static str, unit: Unit, v: Option<f64>) -> Figure {
    let v = v.filter(|v| v.is_finite());
    let text = match (v, unit) {
        (None, _) => DASH.to_string(),
        (Some(v), Unit::Usd) => format::usd_f64(v),
        (Some(v), Unit::Percent) => format::percent_f64(v, 1),
    };
    let value = v.map(|v| if unit == Unit::Percent { v * 100.0 } else { v });
    Figure::new(id, label, text).with_value(value.unwrap_or(f64::NAN))
}

/// The simulated summary figures: id, label, unit and where each is in a [`Summary`].
type SimulatedRow = (&'static str, &'static str, Unit, fn(&Summary) -> f64);

const SIMULATED_SUMMARY: [SimulatedRow; 6] = [
    (
        "prob_negative_month",
        "P(some month's net cash < 0)",
        Unit::Percent,
        |s| s.prob_negative_month,
    ),
    (
        "lowest_cumulative_p5",
        "P5 of the lowest cumulative cash",
        Unit::Usd,
        |s| s.lowest_cumulative_p5,
    ),
    (
        "prob_negative_end",
        "P(cumulative cash at the end < 0)",
        Unit::Percent,
        |s| s.prob_negative_end,
    ),
    (
        "expected_total",
        "Expected total net cash",
        Unit::Usd,
        |s| s.expected_total,
    ),
    (
        "total_p5",
        "VaR 95 % of the total net cash (its P5)",
        Unit::Usd,
        |s| s.total_p5,
    ),
    (
        "total_cvar95",
        "CVaR 95 % of the total net cash (mean of the worst 5 %)",
        Unit::Usd,
        |s| s.total_cvar95,
    ),
];

/// The exact totals of the program.
fn total_figures(model: &ProgramModel) -> [Figure; 5] {
    let t = model.program.totals();
    let usd = |id, label, v: Decimal| Figure::new(id, label, format::usd(v)).with_value(v);
    [
        Figure::new(
            "output",
            "Expected output",
            format::coin(t.output, 8, &model.coin),
        )
        .with_value(t.output),
        usd("cost", "Cash cost", t.cash_cost),
        usd("full_cost", "Full cost (with amortization)", t.full_cost),
        usd("premium", "Premium paid at the start", t.upfront_premium),
        usd("locked", "USD locked by forwards", t.locked),
    ]
}

/// The summary: exact totals, then the simulated figures of the program (dashes until the
/// simulation has run), each with unhedged beside it once it has. Shares are written in
/// percent, their `data-value` too; VaR and CVaR are signed results
/// ([`super::RISK_CONVENTION`]).
pub fn summary(model: &ProgramModel, stats: Option<&ProgramStats>) -> Vec<SummaryFigure> {
    let mut out: Vec<SummaryFigure> = total_figures(model).into_iter().map(Into::into).collect();
    if model.program.has_power() {
        out.push(credits_figure(model).into());
    }
    let (p, u) = match stats {
        Some(s) => (Some(&s.program.summary), Some(&s.unhedged.summary)),
        None => (None, None),
    };
    out.extend(
        SIMULATED_SUMMARY
            .iter()
            .map(|&(id, label, unit, pick)| SummaryFigure {
                figure: simulated_figure(id, label, unit, p.map(pick)),
                unhedged: u.map(|u| simulated_figure(id, "Unhedged", unit, Some(pick(u)))),
            }),
    );
    out.push(
        super::montecarlo::drift_figure(
            model.drift_pct,
            "the forward curve (a hedge at market gains nothing on average)",
            None,
        )
        .into(),
    );
    if model.capex > Decimal::ZERO {
        out.push(payback_figure(model, p).into());
    }
    if let Some(peak) = model.peak_collateral() {
        out.push(
            simulated_figure(
                "collateral_peak",
                "Collateral needed at the start (peak)",
                Unit::Usd,
                Some(peak),
            )
            .into(),
        );
    }
    out
}

/// On a power contract: the resale and capacity credits of every month at its forward (the
/// simulated figures hold them on every path: net cash is revenue with credits, less the
/// power and other costs, plus the hedge).
fn credits_figure(model: &ProgramModel) -> Figure {
    let c = model.program.totals().credits;
    Figure::new(
        "power_credits",
        "Resale and capacity credits at the forwards (in net cash)",
        format::usd(c),
    )
    .with_value(c)
}

fn payback_figure(model: &ProgramModel, p: Option<&Summary>) -> Figure {
    let rows = model.program.rows();
    let (value, text) = match p.and_then(|s| s.payback) {
        Some(Payback::Month(i)) => (
            Some((i + 1).to_string()),
            rows.get(i)
                .map(|r| format!("month {} ({})", i + 1, month_label(r.start)))
                .unwrap_or_else(|| DASH.to_string()),
        ),
        Some(Payback::BeyondHorizon) => (None, "not within the program".to_string()),
        None => (None, DASH.to_string()),
    };
    Figure {
        id: "payback",
        label: "Capex payback (median)",
        text,
        value,
    }
}

/// The simulation's status line.
///
/// ```
/// use minerhedge::present::program::simulation_status;
/// assert_eq!(simulation_status(Some((2_500, 10_000)), false), "Simulating: 2,500 of 10,000 paths");
/// assert_eq!(simulation_status(Some((10_000, 10_000)), true), "10,000 paths simulated");
/// ```
pub fn simulation_status(progress: Option<(usize, usize)>, done: bool) -> String {
    let n = |x: usize| format::number(Decimal::from(x), 0);
    match (progress, done) {
        (Some((_, total)), true) => format!("{} paths simulated", n(total)),
        (Some((d, total)), false) => format!("Simulating: {} of {} paths", n(d), n(total)),
        (None, _) => "Simulation starting".to_string(),
    }
}

/// The actuals table's columns: `(data-col, header)`, in order.
pub const ACTUAL_COLUMNS: [(&str, &str); 11] = [
    ("month", "Month"),
    ("output", "Actual output"),
    ("price", "Settlement price"),
    ("revenue", "Revenue"),
    ("hedge_effect", "Hedge effect"),
    ("net_cash", "Net cash"),
    ("unhedged", "Net cash unhedged"),
    ("plan_p50", "Plan P50"),
    ("plan_p5", "Plan P5 (VaR 95 %)"),
    ("plan_p95", "Plan P95"),
    ("in_band", "Within the plan's P5–P95"),
];

/// One row per month with an actual: what it did against the plan (the plan's median and
/// P5–P95 band of the month's net cash from `stats`, empty before the simulation has run).
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::{link::Scenario, present::program::actuals_table, view::program::ProgramModel};
/// let s = Scenario::from_query("v=2&view=program&start=2027-01-01&months=3&pcov=100&qty=5&cost=1100&aq=4.5&apx=200").scenario;
/// let m = ProgramModel::build(&s, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap();
/// let t = actuals_table(&m, None);
/// assert_eq!(t.len(), 1);
/// assert_eq!((t[0][1].value.as_deref(), t[0][3].value.as_deref()), (Some("4.5"), Some("900")));
/// assert_eq!(t[0][7].value, None); // before the simulation
/// ```
pub fn actuals_table(model: &ProgramModel, stats: Option<&ProgramStats>) -> Vec<Vec<Cell>> {
    let Ok(view) = &model.actuals else {
        return Vec::new();
    };
    view.actuals
        .months
        .iter()
        .map(|a| {
            let q = stats
                .and_then(|s| s.program.months.get(a.index))
                .map(|s| s.net_cash);
            actual_cells(model, a, q)
        })
        .collect()
}

/// The cells of one month's actual `a` against the plan's quantiles `q` of its net cash.
fn actual_cells(
    model: &ProgramModel,
    a: &crate::domain::program::actuals::MonthActual,
    q: Option<crate::domain::program::Quantiles>,
) -> Vec<Cell> {
    let row = &model.program.rows()[a.index];
    let net = crate::domain::validate::dec_f64(a.net_cash);
    let in_band = q.map(|q| {
        if q.p5 <= net && net <= q.p95 {
            "yes"
        } else {
            "no"
        }
    });
    vec![
        Cell {
            col: "month",
            value: None,
            text: month_label(row.start),
        },
        cell("output", Some(a.actual.output), |d| {
            format::coin(d, 8, &model.coin)
        }),
        cell("price", Some(a.actual.price), format::usd_cents),
        cell("revenue", Some(a.revenue), format::usd),
        cell("hedge_effect", Some(a.hedge_effect), format::usd),
        cell("net_cash", Some(a.net_cash), format::usd),
        cell("unhedged", Some(a.unhedged), format::usd),
        f64_cell("plan_p50", q.map(|q| q.p50)),
        f64_cell("plan_p5", q.map(|q| q.p5)),
        f64_cell("plan_p95", q.map(|q| q.p95)),
        Cell {
            col: "in_band",
            value: None,
            text: in_band.unwrap_or_default().to_string(),
        },
    ]
}

/// The hedge's effectiveness over the months so far and the re-projection: dollar-offset
/// ratio, reduction of the standard deviation of monthly net cash, output against plan
/// (each a percentage, its `data-value` in percent), hedge effect in all.
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::{link::Scenario, present::program::actuals_figures, view::program::ProgramModel};
/// let s = Scenario::from_query("v=2&view=program&start=2027-01-01&months=3&rate=0&basis=0&pcov=100&qty=5&cost=1100&pfwd=260&aq=5,5&apx=200,300").scenario;
/// let m = ProgramModel::build(&s, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap();
/// let f = actuals_figures(&m);
/// assert_eq!((f[0].id, f[0].value.as_deref(), f[0].text.as_str()), ("dollar_offset", Some("100"), "100.0%"));
/// assert_eq!(f[1].value.as_deref(), Some("100"));
/// ```
pub fn actuals_figures(model: &ProgramModel) -> Vec<Figure> {
    let Ok(view) = &model.actuals else {
        return Vec::new();
    };
    let a = &view.actuals;
    let ratio = |id, label, r: Option<Decimal>| {
        let text = r.map_or_else(|| DASH.to_string(), |d| format::percent(d, 1));
        Figure::new(id, label, text).with_value(r.map_or(FigureValue(None), percent_value))
    };
    let effect = a.months.iter().try_fold(Decimal::ZERO, |s, m| {
        crate::domain::money::checked_add(s, m.hedge_effect)
    });
    vec![
        ratio(
            "dollar_offset",
            "Dollar-offset ratio (hedge effect / revenue moved from the forward)",
            a.dollar_offset,
        ),
        simulated_figure(
            "sd_reduction",
            "Reduction of the monthly net cash's standard deviation",
            Unit::Percent,
            a.sd_reduction,
        ),
        ratio("output_ratio", "Output so far against plan", a.output_ratio),
        Figure::new(
            "hedge_effect_total",
            "Hedge effect so far",
            effect.map_or_else(|| DASH.to_string(), format::usd),
        )
        .with_value(effect.map_or(FigureValue(None), FigureValue::from)),
    ]
}

/// The rebalancing on the actuals, in words: one line per month to come with its trade, or
/// why there is none.
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::{link::Scenario, present::program::rebalance_lines, view::program::ProgramModel};
/// let s = Scenario::from_query("v=2&view=program&start=2027-01-01&months=3&pcov=80&qty=5&cost=1100&aq=4.5&apx=200").scenario;
/// let m = ProgramModel::build(&s, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap();
/// let lines = rebalance_lines(&m);
/// // 90 % of the planned output: the months to come hedge 72 % of their plan, 0.4 ETH less each.
/// assert_eq!(lines.len(), 2);
/// assert!(lines[0].contains("buy back 0.4 ETH"), "{}", lines[0]);
/// ```
pub fn rebalance_lines(model: &ProgramModel) -> Vec<String> {
    let Some(r) = model
        .actuals
        .as_ref()
        .ok()
        .and_then(|v| v.rebalance.as_ref())
    else {
        return Vec::new();
    };
    r.trades
        .iter()
        .map(|(i, coins)| {
            let row = &model.program.rows()[*i];
            let verb = if coins.is_sign_negative() {
                "buy back"
            } else {
                "sell"
            };
            format!(
                "{}: {verb} {} ({} coverage {} → {})",
                month_label(row.start),
                format::coin(coins.abs(), 8, &model.coin),
                row.kind.label(),
                format::percent(row.coverage_pct / Decimal::ONE_HUNDRED, 2),
                format::percent(r.coverage[*i] / Decimal::ONE_HUNDRED, 2),
            )
        })
        .collect()
}

/// One line of the monthly report: its section, stable id, label, unrounded value (numbers)
/// and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    /// The section's heading.
    pub section: &'static str,
    /// A stable id of the line (`data-col`): the actuals' column, the figure's id, or
    /// `collateral`, `month_to_come`, `trade`, `actuals`.
    pub col: &'static str,
    /// What the line is (a month's label, or a figure's).
    pub label: String,
    /// Unrounded value as a plain decimal, when there is one.
    pub value: Option<String>,
    /// Text for people.
    pub text: String,
}

/// The report's sections, in order.
pub const REPORT_SECTIONS: [&str; 6] = [
    "The month",
    "The hedge so far",
    "Collateral in use",
    super::treasury::REPORT_SECTION,
    "The months to come",
    "Rebalance on the actual output",
];

pub(crate) fn line(
    section: &'static str,
    col: &'static str,
    label: impl Into<String>,
    value: Option<String>,
    text: String,
) -> ReportLine {
    ReportLine {
        section,
        col,
        label: label.into(),
        value,
        text,
    }
}

/// The monthly report for a board or a lender: the latest month with an actual against its
/// plan, the hedge's effect so far, the collateral the months to come hold, each month to come
/// (hedge, coverage, coins hedged, forward, USD locked or floor, and its simulated net cash
/// P50, VaR 95 % and CVaR 95 % with `stats`), and the rebalancing. Without an actual, "The
/// month" and "The hedge so far" say so and every month is to come.
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::{link::Scenario, present::program::report, view::program::ProgramModel};
/// let s = Scenario::from_query("v=2&view=program&start=2027-01-01&months=3&qty=5&cost=1100&rate=0&basis=0&pfwd=260&pcov=100&aq=5&apx=200").scenario;
/// let m = ProgramModel::build(&s, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap();
/// let r = report(&m, None);
/// let month: Vec<_> = r.iter().filter(|l| l.section == "The month").collect();
/// assert_eq!(month[0].text, "2027-01");
/// assert!(r.iter().any(|l| l.section == "The hedge so far" && l.label.starts_with("Dollar-offset")));
/// assert_eq!(r.iter().filter(|l| l.section == "The months to come").count(), 2);
/// ```
pub fn report(model: &ProgramModel, stats: Option<&ProgramStats>) -> Vec<ReportLine> {
    let mut out = report_month(model, stats);
    out.push(report_collateral(model));
    out.extend(report_treasury(model));
    out.extend(report_months_to_come(model, stats));
    out.extend(report_trades(model));
    out
}

/// Whether month `i` has an actual.
fn known(model: &ProgramModel, i: usize) -> bool {
    model
        .actuals
        .as_ref()
        .is_ok_and(|v| v.actuals.months.iter().any(|m| m.index == i))
}

/// "The month" (the latest month with an actual, column by column) and "The hedge so far".
fn report_month(model: &ProgramModel, stats: Option<&ProgramStats>) -> Vec<ReportLine> {
    let table = actuals_table(model, stats);
    let Some(cells) = table.last() else {
        return vec![line(
            REPORT_SECTIONS[0],
            "actuals",
            "Actuals",
            None,
            "No month has an actual yet (aq, apx).".to_string(),
        )];
    };
    let month = cells.iter().zip(ACTUAL_COLUMNS).map(|(c, (col, header))| {
        line(
            REPORT_SECTIONS[0],
            col,
            header,
            c.value.clone(),
            c.text.clone(),
        )
    });
    let figures = actuals_figures(model)
        .into_iter()
        .map(|f| line(REPORT_SECTIONS[1], f.id, f.label, f.value, f.text));
    month.chain(figures).collect()
}

/// "The treasury" as of the report's month (the latest with an actual, at its actual price;
/// the start when none), or why there is none.
fn report_treasury(model: &ProgramModel) -> Vec<ReportLine> {
    let section = super::treasury::REPORT_SECTION;
    match &model.treasury {
        None => vec![line(
            section,
            "treasury",
            "Treasury",
            None,
            "none: every mined coin is sold in its month".to_string(),
        )],
        Some(Err(m)) => vec![line(
            section,
            "treasury",
            "Treasury",
            None,
            super::message_text(m),
        )],
        Some(Ok(t)) => {
            let latest = model
                .actuals
                .as_ref()
                .ok()
                .and_then(|v| v.actuals.months.last());
            let (i, price) = match latest {
                Some(m) => (Some(m.index), Some(m.actual.price)),
                None => (None, None),
            };
            super::treasury::report_lines(model, t, i, price)
        }
    }
}

/// "Collateral in use": what the months not yet settled hold.
fn report_collateral(model: &ProgramModel) -> ReportLine {
    let held: Vec<f64> = model
        .collateral
        .iter()
        .enumerate()
        .filter(|(i, _)| !known(model, *i))
        .filter_map(|(_, c)| *c)
        .collect();
    let total = (!held.is_empty()).then(|| held.iter().sum::<f64>());
    line(
        REPORT_SECTIONS[2],
        "collateral",
        "Collateral the months to come hold",
        total.and_then(|t| FigureValue::from(t).into_text()),
        total.map_or_else(
            || "none (no margined hedge to come)".to_string(),
            format::usd_f64,
        ),
    )
}

/// The report's table of the months to come: `(data-col, header)`, in order.
pub const REPORT_MONTH_COLUMNS: [(&str, &str); 10] = [
    ("month", "Month"),
    ("hedge", "Hedge"),
    ("coverage", "Coverage"),
    ("output", "Output"),
    ("hedged", "Hedged"),
    ("forward", "Forward"),
    ("locked", "USD locked or floor"),
    ("cash_p50", "Net cash P50"),
    ("cash_p5", "Net cash VaR 95 % (P5)"),
    ("cash_cvar95", "Net cash CVaR 95 %"),
];

/// The months to come (those without an actual), one row of [`REPORT_MONTH_COLUMNS`] each:
/// what the page shows of "The months to come", cell by cell.
pub fn report_months(model: &ProgramModel, stats: Option<&ProgramStats>) -> Vec<Vec<Cell>> {
    let coins = |d: Decimal| format::coin(d, 8, &model.coin);
    let pct = |d: Decimal| format::percent(d / Decimal::ONE_HUNDRED, 1);
    let rows = model.program.rows().iter().enumerate();
    rows.filter(|(i, _)| !known(model, *i))
        .map(|(i, row)| {
            let q = stats
                .and_then(|s| s.program.months.get(i))
                .map(|s| s.net_cash);
            vec![
                Cell {
                    col: "month",
                    value: None,
                    text: month_label(row.start),
                },
                Cell {
                    col: "hedge",
                    value: None,
                    text: row.kind.label().to_string(),
                },
                cell("coverage", Some(row.coverage_pct), pct),
                cell("output", Some(row.output), coins),
                cell("hedged", Some(row.hedged_coins), coins),
                cell("forward", Some(row.forward), format::usd_cents),
                cell("locked", row.locked.or(row.floor), format::usd),
                f64_cell("cash_p50", q.map(|q| q.p50)),
                f64_cell("cash_p5", q.map(|q| q.p5)),
                f64_cell("cash_cvar95", q.map(|q| q.cvar95)),
            ]
        })
        .collect()
}

/// "The months to come" as lines (the report's CSV): one sentence per month.
fn report_months_to_come<'a>(
    model: &'a ProgramModel,
    stats: Option<&'a ProgramStats>,
) -> impl Iterator<Item = ReportLine> + 'a {
    let coins = |d: Decimal| format::coin(d, 8, &model.coin);
    let rows = model.program.rows().iter().enumerate();
    rows.filter(|(i, _)| !known(model, *i))
        .map(move |(i, row)| {
            let s = stats.and_then(|s| s.program.months.get(i));
            let locked = row
                .locked
                .map(|l| format!("locks {}", format::usd(l)))
                .or_else(|| row.floor.map(|f| format!("floor {}", format::usd(f))))
                .unwrap_or_default();
            let sim = s.map_or_else(String::new, |s| {
                format!(
                    "; net cash P50 {}, VaR 95 % {}, CVaR 95 % {}",
                    format::usd_f64(s.net_cash.p50),
                    format::usd_f64(s.net_cash.p5),
                    format::usd_f64(s.net_cash.cvar95),
                )
            });
            line(
                REPORT_SECTIONS[4],
                "month_to_come",
                month_label(row.start),
                Some(row.hedged_coins.normalize().to_string()),
                format!(
                    "{} {} of {} ({} hedged) at the forward {} {locked}{sim}",
                    row.kind.label(),
                    format::percent(row.coverage_pct / Decimal::ONE_HUNDRED, 1),
                    coins(row.output),
                    coins(row.hedged_coins),
                    format::usd_cents(row.forward),
                ),
            )
        })
}

/// "Rebalance on the actual output": one line per trade (its value the coins to sell,
/// negative to buy back), or why there is none.
fn report_trades(model: &ProgramModel) -> Vec<ReportLine> {
    let lines = rebalance_lines(model);
    if lines.is_empty() {
        return vec![line(
            REPORT_SECTIONS[5],
            "trade",
            "Trades",
            None,
            "none: the months to come are hedged on the planned output".to_string(),
        )];
    }
    let trades = model
        .actuals
        .as_ref()
        .ok()
        .and_then(|v| v.rebalance.as_ref())
        .map_or(&[][..], |r| &r.trades[..]);
    lines
        .into_iter()
        .zip(trades)
        .map(|(l, (_, coins))| {
            let value = FigureValue::from(*coins).into_text();
            line(REPORT_SECTIONS[5], "trade", "Trade", value, l)
        })
        .collect()
}
