//! The presentation layer: view-model data ([`crate::view`]) turned into text for people —
//! labels, formatted numbers ([`crate::format`]) and status sentences. Pure and native; the
//! page's components (`ui`) only place these texts with Leptos `view!`, which escapes them.
//!
//! - [`display`]: the payoff table, the derived figures, the final-price readout and the
//!   engine's messages of one scenario ([`display::display`]).
//! - [`payoff`]: the payoff chart's data and its description in words.
//! - [`compare`]: the strategy comparison's cells.
//! - [`montecarlo`]: the simulation's progress and summary.
//! - [`volume_risk`]: the over-hedging warning.
//! - [`rebalance`]: the rebalancing figures; [`saved`]: the scenario lists.

pub mod compare;
pub mod display;
pub mod montecarlo;
pub mod payoff;
#[cfg(feature = "program")]
pub mod program;
pub mod rebalance;
pub mod saved;
pub mod volume_risk;

/// Shown where a value does not exist (an unbounded cap, VaR before the simulation ran, …).
pub const DASH: &str = "—";

/// One figure the page shows: `(data-testid, label, value)`.
pub type Figure = (&'static str, &'static str, String);
