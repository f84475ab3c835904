//! The strategy comparison as the page shows it: one text per cell, the best cells of each
//! column and the strategy the page shows.

use super::DASH;
use crate::format::{percent_f64, usd, usd_f64};
use crate::view::compare::{best, Column, ComparisonRow};
use crate::view::select::shows;
use crate::view::{Model, StrategyKind};

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

impl ComparisonTable {
    /// The line of `kind`, if the table has one.
    pub fn line(&self, kind: StrategyKind) -> Option<&ComparisonLine> {
        self.lines.iter().find(|l| l.kind == kind)
    }
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
/// use minerhedge::{link::Scenario, present::compare::cell, view::{compare::{comparison, Column}, Model}};
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

/// The header texts: `"Strategy"` then every column's header.
pub fn header() -> Vec<String> {
    std::iter::once("Strategy".to_owned())
        .chain(Column::ALL.iter().map(|c| c.header().to_owned()))
        .collect()
}

/// The comparison table of `rows` (from [`crate::view::compare::comparison`] of `model`).
///
/// ```
/// use minerhedge::{link::Scenario, present::compare::comparison_table, view::{compare::comparison, Model}};
/// let m = Model::build(&Scenario::from_query("hedge=collar&kc=zero").scenario);
/// let t = comparison_table(&m, &comparison(&m, None));
/// assert_eq!(t.header[0], "Strategy");
/// let zc = t.lines.iter().find(|l| l.selected).unwrap();
/// assert_eq!(zc.cells[0], "$0"); // a zero-cost collar pays nothing upfront
/// ```
pub fn comparison_table(model: &Model, rows: &[ComparisonRow]) -> ComparisonTable {
    let bests: Vec<Vec<usize>> = Column::ALL.iter().map(|c| best(rows, *c)).collect();
    let lines = rows
        .iter()
        .enumerate()
        .map(|(i, r)| ComparisonLine {
            kind: r.kind,
            cells: Column::ALL.iter().map(|c| cell(r, *c)).collect(),
            best: bests.iter().map(|b| b.contains(&i)).collect(),
            selected: shows(model, r.kind),
        })
        .collect();
    ComparisonTable {
        header: header(),
        lines,
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
        for (l, s) in t.lines.iter().zip(&stats) {
            assert_eq!(l.cells[9], percent_f64(s.var95, 1));
            assert_eq!(l.cells[10], percent_f64(s.cvar95, 1));
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
            if kind == StrategyKind::Collar {
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
                .map(|l| l.kind)
                .collect();
            assert_eq!(selected, vec![kind]);
        }
    }
}
