//! The treasury chart (program page): the treasury's value month by month (left; P5–P95 band
//! and median) against selling every coin, and the price fan (right) with the loan's
//! margin-call and liquidation prices. Before the simulation the value panel is empty and
//! says so; the price fan is the simulation's law in closed form, drawn at once.
//!
//! ```
//! use minerhedge::chart::program::Band;
//! use minerhedge::chart::treasury::{draw, TreasuryChart};
//! use minerhedge::chart::geometry::Surface;
//! use plotters::prelude::*;
//!
//! let band = |m: f64| Band { p5: vec![m - 2.0, m - 3.0], p50: vec![m, m], p95: vec![m + 2.0, m + 3.0] };
//! let chart = TreasuryChart {
//!     value: [band(100.0), band(90.0)],
//!     price: band(50.0),
//!     call_price: Some(40.0),
//!     liquidation_price: Some(30.0),
//!     ..TreasuryChart::default()
//! };
//! let surface = Surface::new(720.0, 300.0, 1.0)?;
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     draw(&root, &chart, &surface)?;
//! }
//! assert!(svg.contains("Margin call") && svg.contains("Liquidation") && svg.contains("Treasury value"));
//! # Ok::<(), minerhedge::chart::ChartError>(())
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;

use super::geometry::{Frame, Surface};
use super::program::{Band, Level, Panel, side_by_side};
use super::render::{LegendItem, Swatch};
use super::{ChartError, Theme};

/// What the treasury chart shows; month `m` is drawn at x = m + 1.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TreasuryChart {
    /// The treasury's value, and selling every coin's (USD).
    pub value: [Band; 2],
    /// The price at each month's settlement (USD per coin).
    pub price: Band,
    /// The loan's margin-call price, with a loan.
    pub call_price: Option<f64>,
    /// The loan's liquidation price, with a loan.
    pub liquidation_price: Option<f64>,
    /// Months of the program.
    pub months: usize,
    /// The month (from 0) in which the subsidy halves.
    pub halving_month: Option<usize>,
    /// Colours.
    pub theme: Theme,
}

/// Said in the value panel before the simulation has run.
pub const EMPTY_LABEL: &str = "The treasury's value shows once the simulation has run";

fn legend(chart: &TreasuryChart) -> Vec<LegendItem> {
    let t = &chart.theme;
    let mut items = vec![
        LegendItem {
            label: "Treasury value (median, P5–P95)".to_string(),
            colour: t.primary,
            swatch: Swatch::Box(0.25),
        },
        LegendItem {
            label: "Selling every coin (median, P5–P95)".to_string(),
            colour: t.secondary,
            swatch: Swatch::Box(0.15),
        },
        LegendItem {
            label: "Price (median, P5–P95)".to_string(),
            colour: t.neutral,
            swatch: Swatch::Box(0.2),
        },
    ];
    if chart.call_price.is_some() {
        items.push(LegendItem {
            label: "Margin call".to_string(),
            colour: t.spot,
            swatch: Swatch::Line(2, 1.0),
        });
    }
    if chart.liquidation_price.is_some() {
        items.push(LegendItem {
            label: "Liquidation".to_string(),
            colour: t.negative,
            swatch: Swatch::Line(2, 1.0),
        });
    }
    items
}

/// Draws both panels on `root` (the whole area) and returns the value panel's frame.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TreasuryChart,
    surface: &Surface,
) -> Result<Frame, ChartError> {
    let theme = &chart.theme;
    let months = chart
        .value
        .iter()
        .chain([&chart.price])
        .map(|b| b.p50.len())
        .chain([chart.months])
        .max()
        .unwrap_or(0);
    let zero = [Level {
        y: 0.0,
        colour: theme.breakeven,
        dashed: false,
    }];
    let value = Panel {
        bands: [&chart.value[0], &chart.value[1]],
        colours: [theme.primary, theme.secondary],
        title: "Treasury value",
        halving: chart.halving_month,
        levels: &zero,
        months,
        top: 0,
        empty: EMPTY_LABEL,
    };
    let loan: Vec<Level> = [
        (chart.call_price, theme.spot),
        (chart.liquidation_price, theme.negative),
    ]
    .into_iter()
    .filter_map(|(y, colour)| {
        y.map(|y| Level {
            y,
            colour,
            dashed: true,
        })
    })
    .collect();
    let none = Band::default();
    let price = Panel {
        bands: [&chart.price, &none],
        colours: [theme.neutral, theme.secondary],
        title: "Price",
        levels: &loan,
        empty: "",
        ..value
    };
    side_by_side(root, surface, theme, &legend(chart), 0.55, [value, price])
}
