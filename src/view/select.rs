//! Choosing a strategy: which one the page shows, and the link edits that show another.

use super::{Model, StrategyKind};
use crate::domain::strategy::{STRATEGIES, StrategySpec};
use crate::link::{Key, Scenario};

/// The strategy the scenario shows: the registry entry whose link edits the scenario all
/// holds, the most specific one when several do (`hedge=collar&kc=zero` holds both the
/// collar's and the zero-cost collar's edits and shows the zero-cost collar).
///
/// ```
/// use minerhedge::{link::{Key, Scenario}, view::{select::shown, StrategyKind}};
/// let mut s = Scenario::default();
/// s.set_key(Key::Hedge, "collar").unwrap();
/// s.set_key(Key::CallStrike, "zero").unwrap();
/// assert_eq!(shown(&s), StrategyKind::ZeroCostCollar);
/// s.set_key(Key::CallStrike, "300").unwrap();
/// assert_eq!(shown(&s), StrategyKind::Collar);
/// ```
pub fn shown(s: &Scenario) -> StrategyKind {
    let holds = |spec: &&StrategySpec| {
        spec.link_edits
            .iter()
            .all(|(key, value)| Key::parse(key).is_some_and(|k| s.get_key(k) == *value))
    };
    STRATEGIES
        .iter()
        .filter(holds)
        .max_by_key(|spec| spec.link_edits.len())
        .and_then(|spec| spec.kind)
        .unwrap_or(s.hedge.choice)
}

/// `true` when the page shows `kind` (see [`shown`]).
///
/// ```
/// use minerhedge::{link::Scenario, view::{select::shows, Model, StrategyKind}};
/// let m = Model::build(&Scenario::default());
/// assert!(shows(&m, StrategyKind::Forward));
/// assert!(!shows(&m, StrategyKind::Put));
/// ```
pub fn shows(model: &Model, kind: StrategyKind) -> bool {
    shown(&model.scenario) == kind
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

/// The link edits that make the page show `kind`: its registry entry's (`hedge`, and
/// `kc=zero` for the zero-cost collar), as typed keys. (The registry lives in the engine,
/// below the link codec, so it names keys by their link words; a native test checks that
/// every word is a key.)
///
/// ```
/// use minerhedge::link::Key;
/// use minerhedge::view::{select::select_edits, StrategyKind};
/// assert_eq!(
///     select_edits(StrategyKind::ZeroCostCollar),
///     vec![(Key::Hedge, "collar"), (Key::CallStrike, "zero")]
/// );
/// assert_eq!(select_edits(StrategyKind::Unhedged), vec![(Key::Hedge, "none")]);
/// ```
pub fn select_edits(kind: StrategyKind) -> Vec<(Key, &'static str)> {
    kind.spec()
        .link_edits
        .iter()
        .filter_map(|(word, value)| Some((Key::parse(word)?, *value)))
        .collect()
}
