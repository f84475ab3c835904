//! What the page shows, as text, computed from the scenario. The single place where the UI asks
//! the engine for numbers; everything here is strings ready for the DOM.

use crate::chart::payoff::PayoffChart;
use crate::link::Scenario;

/// The final-price readout.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Readout {
    /// Final price, e.g. `$250`.
    pub price: String,
    /// Revenue of the period at that price.
    pub revenue: String,
    /// Hedge payoff at that price.
    pub hedge: String,
    /// Hedged total.
    pub total: String,
    /// Return on the period cost, one decimal, e.g. `18.2%`.
    pub ret: String,
}

/// Everything the page displays for one scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Display {
    /// Table header.
    pub header: Vec<String>,
    /// Table rows, one cell per header column.
    pub rows: Vec<Vec<String>>,
    /// Readout at the price slider.
    pub readout: Readout,
    /// Derived figures as `(testid, label, value)`.
    pub derived: Vec<(&'static str, &'static str, String)>,
    /// The payoff chart's data (the first series is the chosen strategy).
    pub chart: PayoffChart,
    /// Messages from the engine (inputs that are valid alone but not together).
    pub errors: Vec<String>,
}

/// Computes the display for `scenario`.
pub fn display(scenario: &Scenario) -> Display {
    let _ = scenario;
    Display {
        header: [
            "Price",
            "Revenue",
            "Hedge payoff",
            "Hedged revenue",
            "Return",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect(),
        ..Display::default()
    }
}
