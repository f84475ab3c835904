//! The volume-risk panel's message: the over-hedging warning, or why there is no heat map.

use crate::format::percent_f64;
use crate::view::volume_risk::VolumeRisk;

/// Shown instead of the heat map when there is none.
pub const NO_HEATMAP: &str = "No heat map: the chosen hedge or the price range is not valid.";

/// The warning to show when the hedge can exceed the output actually mined; `None` when it
/// cannot.
///
/// ```
/// use minerhedge::{link::Scenario, present::volume_risk::overhedge_warning, view::{volume_risk::volume_risk, Model}};
/// let full = volume_risk(&Model::build(&Scenario::default()), 41).unwrap();
/// assert!(overhedge_warning(&full).unwrap().contains("150.0%"));
/// let half = volume_risk(&Model::build(&Scenario::from_query("cov=50").scenario), 41).unwrap();
/// assert!(overhedge_warning(&half).is_none());
/// ```
pub fn overhedge_warning(risk: &VolumeRisk) -> Option<String> {
    risk.over_hedged().then(|| {
        let price = match risk.curtailed_at {
            Some((lo, run)) => format!(
                " and the price falls to {} (the rig then runs {} of its hours)",
                crate::format::usd_f64(lo),
                percent_f64(run, 1)
            ),
            None => String::new(),
        };
        format!(
            "Over-hedged: if difficulty rises by {}{price} the output actually mined falls, and \
             the hedge covers up to {} of it — the excess is a short position in the coin that \
             loses when the price rises.",
            percent_f64(risk.worst_rise, 0),
            percent_f64(risk.max_realized_coverage, 1)
        )
    })
}
