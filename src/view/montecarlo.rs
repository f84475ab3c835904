//! The simulation the page runs: its chunk size and the statistics of the chosen strategy.

use super::{Model, StrategyKind};
use crate::domain::montecarlo::McStats;

/// Chunk of Monte Carlo paths the page simulates between two checks of the clock.
pub const MC_CHUNK: usize = 2_000;

/// The chosen strategy and its simulated statistics, with the number of paths asked for;
/// `None` when `stats` do not belong to `model` (one per strategy) or nothing is chosen.
///
/// ```
/// use minerhedge::domain::montecarlo::McRun;
/// use minerhedge::{link::Scenario, view::{montecarlo::chosen_stats, Model, StrategyKind}};
/// let m = Model::build(&Scenario::from_query("paths=1000").scenario);
/// let (p, profiles) = m.monte_carlo().unwrap();
/// let mut run = McRun::new(p, profiles).unwrap();
/// run.step(1000);
/// let stats = run.stats();
/// let (kind, st, paths) = chosen_stats(&m, &stats).unwrap();
/// assert_eq!((kind, paths), (StrategyKind::Forward, 1000));
/// assert!((st.mean - 0.1818).abs() < 1e-3);
/// assert!(chosen_stats(&m, &stats[..1]).is_none());
/// ```
pub fn chosen_stats<'a>(
    model: &Model,
    stats: &'a [McStats],
) -> Option<(StrategyKind, &'a McStats, u64)> {
    if stats.len() != model.strategies.len() {
        return None;
    }
    let c = model.chosen?;
    Some((
        model.strategies.get(c)?.kind,
        stats.get(c)?,
        u64::from(model.scenario.simulation.paths),
    ))
}
