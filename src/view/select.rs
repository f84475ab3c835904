//! Choosing a strategy: which one the page shows, and the link edits that show another.

use super::{Model, StrategyKind};
use crate::link::{CallStrike, HedgeChoice};

/// `true` when the page shows `kind`: the chosen strategy, or the zero-cost collar when the
/// scenario asks for a collar with `kc=zero`.
///
/// ```
/// use minerhedge::{link::Scenario, view::{select::shows, Model, StrategyKind}};
/// let m = Model::build(&Scenario::default());
/// assert!(shows(&m, StrategyKind::Forward));
/// assert!(!shows(&m, StrategyKind::Put));
/// ```
pub fn shows(model: &Model, kind: StrategyKind) -> bool {
    let s = &model.scenario;
    let chosen = s.hedge.choice;
    let zero = s.hedge.choice == HedgeChoice::Collar && s.hedge.call_strike == CallStrike::Zero;
    match kind {
        StrategyKind::ZeroCostCollar => zero,
        StrategyKind::Collar => chosen == StrategyKind::Collar && !zero,
        k => k == chosen,
    }
}

/// The strategy whose [`StrategyKind::label`] is `label`.
///
/// ```
/// use minerhedge::view::{select::kind_of_label, StrategyKind};
/// assert_eq!(kind_of_label("Zero-cost collar"), Some(StrategyKind::ZeroCostCollar));
/// assert_eq!(kind_of_label("nope"), None);
/// ```
pub fn kind_of_label(label: &str) -> Option<StrategyKind> {
    StrategyKind::ALL.into_iter().find(|k| k.label() == label)
}

/// The link edits that make the page show `kind`: `hedge`, and `kc=zero` for the zero-cost
/// collar.
///
/// ```
/// use minerhedge::view::{select::select_edits, StrategyKind};
/// assert_eq!(select_edits(StrategyKind::ZeroCostCollar), vec![("hedge", "collar"), ("kc", "zero")]);
/// assert_eq!(select_edits(StrategyKind::Unhedged), vec![("hedge", "none")]);
/// ```
pub fn select_edits(kind: StrategyKind) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![("hedge", kind.hedge_choice().as_str())];
    if kind == StrategyKind::ZeroCostCollar {
        out.push(("kc", "zero"));
    }
    out
}
