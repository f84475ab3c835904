//! The strategy comparison as the page shows it: one text per cell, the best cells of each
//! column and the strategy the page shows.

use super::montecarlo::RiskResult;
use super::{DASH, Figure, FigureValue};
use crate::format::{percent_f64, usd, usd_f64};
use crate::view::compare::{Column, ComparisonRow, best, collar_is_zero_cost};
use crate::view::select::shows;
use crate::view::{Model, StrategyKind};

/// One line of the comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonLine {
    /// The strategy's registry key (`None` for a structure outside the page's registry).
    pub kind: Option<StrategyKind>,
    /// Its label.
    pub label: &'static str,
    /// One cell per column of [`Column::ALL`] (its `data-col` as the figure's id).
    pub cells: Vec<Figure>,
    /// Per column, the return on cost in % of a VaR or CVaR cell (`data-return`, next to its
    /// USD `data-value`); `None` for the other columns.
    pub returns: Vec<Option<String>>,
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
    /// Said above the table: that the collar is the zero-cost collar ([`ZERO_COST_NOTE`]).
    pub note: Option<&'static str>,
}

impl ComparisonTable {
    /// The line of `kind`, if the table has one.
    pub fn line(&self, kind: StrategyKind) -> Option<&ComparisonLine> {
        self.lines.iter().find(|l| l.kind == Some(kind))
    }
}

/// The text of a breakeven that does not exist because no final price makes a loss.
pub const COVERS_EVERY_PRICE: &str = "none: covers the cost at every price";

/// A USD figure (`$1,250`, `$(50)`), [`DASH`] when it does not exist.
fn opt_usd(id: &'static str, x: Option<f64>) -> Figure {
    match x {
        Some(v) => Figure::new(id, "", usd_f64(v)).with_value(v),
        None => Figure::new(id, "", DASH.to_owned()),
    }
}

/// A return or probability in % with one decimal (`data-value` in %), [`DASH`] when it does
/// not exist.
fn opt_pct(id: &'static str, x: Option<f64>) -> Figure {
    match x {
        Some(v) => Figure::new(id, "", percent_f64(v, 1)).with_value(v * 100.0),
        None => Figure::new(id, "", DASH.to_owned()),
    }
}

/// A VaR or CVaR cell: the signed result in USD and its return on cost
/// ([`super::montecarlo::RISK_CONVENTION`]), `data-value` in USD.
fn risk(id: &'static str, ret: Option<f64>, cost: f64) -> Figure {
    match ret {
        Some(r) => RiskResult::of_return(r, cost).figure(id, ""),
        None => Figure::new(id, "", DASH.to_owned()),
    }
}

/// One cell: its `data-col` as the figure's id, its text and its unrounded `data-value` —
/// USD as `$1,250` (`$(50)` when negative), returns and probabilities as percent with one
/// decimal (`data-value` in %), VaR and CVaR as signed results in USD and return on cost,
/// [`DASH`] where the value does not exist; a position that covers its cost at every price
/// has no breakeven ([`COVERS_EVERY_PRICE`]).
///
/// ```
/// use minerhedge::{link::Scenario, present::compare::cell, view::{compare::{comparison, Column}, Model}};
/// let rows = comparison(&Model::build(&Scenario::default()), None);
/// assert_eq!(cell(&rows[1], Column::Floor).text, "$1,300");
/// assert_eq!(cell(&rows[1], Column::Floor).value.as_deref(), Some("1300"));
/// assert_eq!(cell(&rows[1], Column::Var).text, "—");
/// ```
pub fn cell(r: &ComparisonRow, column: Column) -> Figure {
    let id = column.id();
    match column {
        Column::Upfront => {
            Figure::new(id, "", usd(r.upfront_premium)).with_value(r.upfront_premium)
        }
        Column::Floor => opt_usd(id, r.floor),
        Column::Cap => opt_usd(id, r.cap),
        Column::Breakeven if r.never_loses => Figure::new(id, "", COVERS_EVERY_PRICE.to_owned()),
        Column::Breakeven => opt_usd(id, r.breakeven),
        Column::Worst => opt_pct(id, Some(r.worst_return)),
        Column::Best => opt_pct(id, Some(r.best_return)),
        Column::ProbLoss => opt_pct(id, r.prob_loss),
        Column::ProbCover => opt_pct(id, r.prob_cover_cash),
        Column::Expected => opt_pct(id, r.expected_return),
        Column::Var => risk(id, r.var95, r.cost),
        Column::Cvar => risk(id, r.cvar95, r.cost),
    }
}

/// The header texts: `"Strategy"` then every column's header.
pub fn header() -> Vec<String> {
    std::iter::once("Strategy".to_owned())
        .chain(Column::ALL.iter().map(|c| c.header().to_owned()))
        .collect()
}

/// Said above the table when the collar is the zero-cost collar (one row for both).
pub const ZERO_COST_NOTE: &str =
    "The collar's call strike is solved for zero cost (kc=zero): it is the zero-cost collar's row.";

/// The comparison table of `rows` (from [`crate::view::compare::comparison`] of `model`).
/// When the collar is the zero-cost collar (`kc=zero`) the rows hold it once
/// ([`collar_is_zero_cost`]): its row is selected when either is shown, and the table says
/// so ([`ZERO_COST_NOTE`]).
///
/// ```
/// use minerhedge::{link::Scenario, present::compare::comparison_table, view::{compare::comparison, Model, StrategyKind}};
/// let m = Model::build(&Scenario::from_query("hedge=collar&kc=zero").scenario);
/// let t = comparison_table(&m, &comparison(&m, None));
/// assert_eq!(t.header[0], "Strategy");
/// let zc = t.lines.iter().find(|l| l.selected).unwrap();
/// assert_eq!(zc.kind, Some(StrategyKind::ZeroCostCollar));
/// assert!(t.note.is_some() && t.line(StrategyKind::Collar).is_none());
/// assert_eq!(zc.cells[0].text, "$0"); // a zero-cost collar pays nothing upfront
/// ```
pub fn comparison_table(model: &Model, rows: &[ComparisonRow]) -> ComparisonTable {
    let merged = collar_is_zero_cost(model);
    let bests: Vec<Vec<usize>> = Column::ALL.iter().map(|c| best(rows, *c)).collect();
    let lines = rows
        .iter()
        .enumerate()
        .map(|(i, r)| ComparisonLine {
            kind: r.kind,
            label: r.label,
            cells: Column::ALL.iter().map(|c| cell(r, *c)).collect(),
            best: bests.iter().map(|b| b.contains(&i)).collect(),
            returns: Column::ALL
                .iter()
                .map(|c| match c {
                    Column::Var => r.var95,
                    Column::Cvar => r.cvar95,
                    _ => None,
                })
                .map(|v| v.and_then(|v| FigureValue::from(v * 100.0).0))
                .collect(),
            selected: r.kind.is_some_and(|k| shows(model, k))
                || (merged
                    && r.kind == Some(StrategyKind::ZeroCostCollar)
                    && shows(model, StrategyKind::Collar)),
        })
        .collect();
    ComparisonTable {
        header: header(),
        lines,
        note: merged.then_some(ZERO_COST_NOTE),
    }
}

/// The accessible name of a row's choose button: `Put: select this hedge`.
///
/// ```
/// use minerhedge::{present::compare::choose_label, view::StrategyKind};
/// assert_eq!(choose_label(StrategyKind::Put), "Put: select this hedge");
/// ```
pub fn choose_label(kind: StrategyKind) -> String {
    format!("{}: select this hedge", kind.label())
}

/// Tooltip and accessible description of a best cell.
pub const BEST_TITLE: &str = "Best in this column";

/// Accessible description of a best cell.
pub const BEST_DESCRIPTION: &str = "best in this column";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::montecarlo::McRun;
    use crate::link::Scenario;
    use crate::view::compare::comparison;
    use crate::view::montecarlo::MC_CHUNK;

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
        // The seed's collar is the zero-cost collar: one row, not two identical ones; the
        // covered call needs a call strike (`kc=zero` pays for nothing).
        assert_eq!(t.lines.len(), 7);
        assert!(t.line(StrategyKind::CoveredCall).is_none());
        assert!(t.line(StrategyKind::Collar).is_none());
        assert!(t.line(StrategyKind::ZeroCostCollar).is_some() && t.note.is_some());
        let fwd = &t.lines[1];
        assert_eq!(fwd.kind, Some(StrategyKind::Forward));
        assert!(fwd.selected);
        assert_eq!(fwd.cells[0].text, "$0");
        assert_eq!(fwd.cells[1].text, "$1,300");
        assert_eq!(fwd.cells[2].text, "$1,300");
        assert_eq!(fwd.cells[4].text, "18.2%");
        assert_eq!(fwd.cells[6].text, "0.0%");
        // The forward holds the best floor.
        assert!(fwd.best[1]);
        let inv = &t.lines[2];
        assert_eq!(inv.cells[1].text, "$1,250");
        // Unhedged: uncapped, breakeven at cost per coin.
        assert_eq!(t.lines[0].cells[2].text, DASH);
        assert_eq!(t.lines[0].cells[3].text, "$220");
        // No Monte Carlo yet: VaR and CVaR not available.
        assert!(
            t.lines
                .iter()
                .all(|l| l.cells[9].text == DASH && l.cells[10].text == DASH)
        );
        assert_eq!(t.lines.iter().filter(|l| l.selected).count(), 1);
        assert_eq!(t.line(StrategyKind::Forward), Some(fwd));
    }

    #[test]
    fn var_texts_come_from_the_run() {
        let m = model("hedge=put&paths=3000&dvol=30");
        let (p, profiles) = m.monte_carlo().expect("inputs");
        let mut run = McRun::new(p, profiles).expect("run");
        while !run.step(MC_CHUNK).finished() {}
        let stats = run.stats();
        let t = comparison_table(&m, &comparison(&m, Some(&stats)));
        for (st, s) in m.strategies.iter().zip(&stats) {
            let Some(l) = t.line(st.kind) else {
                // The collar is the zero-cost collar's row.
                assert_eq!(st.kind, StrategyKind::Collar);
                continue;
            };
            let cost = st.profile.all_in_cost();
            assert_eq!(l.cells[9].text, RiskResult::of_loss(s.var95, cost).text());
            assert_eq!(l.cells[10].text, RiskResult::of_loss(s.cvar95, cost).text());
            // A signed result: the 5th percentile return, negative = a loss.
            assert_eq!(l.returns[9], Some((-s.var95 * 100.0).to_string()));
        }
        let chart = crate::view::distribution::distribution_chart(&m, &stats).expect("chart");
        assert_eq!(chart.series.len(), 2);
        // Stale statistics (another strategy count) draw nothing.
        assert!(crate::view::distribution::distribution_chart(&m, &stats[..2]).is_none());
    }

    #[test]
    fn selection_edits_select_the_row() {
        for kind in StrategyKind::ALL {
            let mut s = Scenario::default();
            // With `kc=zero` (the default) the collar row *is* the zero-cost collar; a plain
            // collar needs a call strike.
            if matches!(kind, StrategyKind::Collar | StrategyKind::CoveredCall) {
                s.set_key(crate::link::Key::CallStrike, "300")
                    .expect("valid strike");
            }
            // A hashprice forward sells a rig's hashrate.
            if kind == StrategyKind::Hashprice {
                s.set_key(crate::link::Key::Mode, "rig")
                    .expect("valid mode");
            }
            for (k, v) in crate::view::select::select_edits(kind) {
                s.set_key(k, v).expect("valid edit");
            }
            let m = Model::build(&s);
            let t = comparison_table(&m, &comparison(&m, None));
            let selected: Vec<StrategyKind> = t
                .lines
                .iter()
                .filter(|l| l.selected)
                .filter_map(|l| l.kind)
                .collect();
            assert_eq!(selected, vec![kind]);
        }
    }
}
