//! The presentation layer: view-model data ([`crate::view`]) turned into text for people —
//! labels, formatted numbers ([`crate::format`]) and status sentences. Pure and native; the
//! page's components (`ui`) only place these texts with Leptos `view!`, which escapes them.
//!
//! - [`display`]: the payoff table, the derived figures, the final-price readout and the
//!   engine's messages of one scenario ([`display::display`]).
//! - [`payoff`]: the payoff chart's data and its description in words.
//! - [`compare`]: the strategy comparison's cells.
//! - [`montecarlo`]: the simulation's progress and summary; [`frontier`]: the coverage
//!   frontier's figures and why its least CVaR lies where it does.
//! - [`volume_risk`]: the over-hedging warning.
//! - [`power`]: an imported power price history and its curve.
//! - [`rebalance`]: the rebalancing figures; [`saved`]: the scenario lists.

pub mod compare;
pub mod display;
pub mod frontier;
pub mod montecarlo;
pub mod payoff;
pub mod power;
#[cfg(feature = "program")]
pub mod program;
pub mod rebalance;
pub mod saved;
#[cfg(feature = "program")]
pub mod treasury;
pub mod volume_risk;

/// How the page states risk, next to every VaR and CVaR it shows.
pub const RISK_CONVENTION: &str = "VaR 95% is the result (revenue + hedge payoff − cost) \
     that 95% of simulated outcomes reach or beat, the 5th percentile; CVaR 95% is the average \
     result of the worst 5%. Both are in USD, and as a return on the cost where returns are \
     shown; negative is a loss.";

/// An engine message as the page shows it: its link key first, when it has one.
///
/// ```
/// use minerhedge::link::Key;
/// use minerhedge::present::message_text;
/// use minerhedge::view::Message;
/// let m = Message { key: Some(Key::Butterfly), text: "25-delta butterfly = -0.5 is out of range".into() };
/// assert_eq!(message_text(&m), "bf25: 25-delta butterfly = -0.5 is out of range");
/// ```
pub fn message_text(m: &crate::view::Message) -> String {
    match m.key {
        Some(k) => format!("{k}: {}", m.text),
        None => m.text.clone(),
    }
}

/// Shown where a value does not exist (an unbounded cap, VaR before the simulation ran, …).
pub const DASH: &str = "—";

/// One figure the page shows: its `data-testid`, label and text, and, where a check needs
/// the number unrounded, its `data-value`.
///
/// ```
/// use minerhedge::present::Figure;
/// let f = Figure::new("liq-price", "Liquidation price", "$312.50".into()).with_value(312.5);
/// assert_eq!(f.value.as_deref(), Some("312.5"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The `data-testid`.
    pub id: &'static str,
    /// The label shown.
    pub label: &'static str,
    /// The text shown.
    pub text: String,
    /// The unrounded number (`data-value`), when it has one.
    pub value: Option<String>,
}

impl Figure {
    /// A figure without `data-value`.
    pub fn new(id: &'static str, label: &'static str, text: String) -> Self {
        Figure {
            id,
            label,
            text,
            value: None,
        }
    }

    /// The same figure with the unrounded `value` as its `data-value` (none when not finite).
    pub fn with_value(self, value: impl Into<FigureValue>) -> Self {
        Figure {
            value: value.into().0,
            ..self
        }
    }
}

/// A `data-value`: an exact decimal as written, or a finite `f64` in Rust's shortest
/// round-trip form (nothing when not finite).
pub struct FigureValue(pub Option<String>);

impl FigureValue {
    /// The `data-value` text, when there is one.
    pub fn into_text(self) -> Option<String> {
        self.0
    }
}

impl From<f64> for FigureValue {
    fn from(x: f64) -> Self {
        FigureValue(x.is_finite().then(|| x.to_string()))
    }
}

impl From<rust_decimal::Decimal> for FigureValue {
    fn from(d: rust_decimal::Decimal) -> Self {
        FigureValue(Some(d.normalize().to_string()))
    }
}
