//! The simulation's status in words: the share done next to the progress bar and the summary
//! of a finished run.

use rust_decimal::Decimal;

use crate::domain::montecarlo::McStats;
use crate::format::{number, percent_f64};
use crate::view::montecarlo::chosen_stats;
use crate::view::Model;

/// Label of the progress bar.
pub const PROGRESS_LABEL: &str = "Simulating ";

/// One sentence on the chosen hedge's simulated return: mean, VaR and CVaR 95 % and the path
/// count; `None` when `stats` do not belong to `model` or nothing is chosen.
///
/// ```
/// use minerhedge::domain::montecarlo::McRun;
/// use minerhedge::{link::Scenario, present::montecarlo::mc_summary, view::Model};
/// let m = Model::build(&Scenario::from_query("paths=1000").scenario);
/// let (p, profiles) = m.monte_carlo().unwrap();
/// let mut run = McRun::new(p, profiles).unwrap();
/// run.step(1000);
/// // A full forward with no difficulty volatility locks 18.2 %.
/// assert!(mc_summary(&m, &run.stats()).unwrap().starts_with("Forward: mean return 18.2%"));
/// ```
pub fn mc_summary(model: &Model, stats: &[McStats]) -> Option<String> {
    let (kind, st, paths) = chosen_stats(model, stats)?;
    Some(format!(
        "{}: mean return {}, VaR 95% {}, CVaR 95% {} over {} paths.",
        kind.label(),
        percent_f64(st.mean, 1),
        percent_f64(st.var95, 1),
        percent_f64(st.cvar95, 1),
        number(Decimal::from(paths), 0)
    ))
}

/// Share of a run done, as the text next to the progress bar: `42%`.
///
/// ```
/// use minerhedge::present::montecarlo::progress_text;
/// assert_eq!(progress_text(420_000, 1_000_000), "42%");
/// assert_eq!(progress_text(250, 1000), "25%");
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

    #[test]
    fn progress_never_exceeds_100() {
        assert_eq!(progress_text(5, 3), "100%");
        assert_eq!(progress_text(1, 3), "33%");
    }
}
