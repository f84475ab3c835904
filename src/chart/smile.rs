//! The volatility smile chart: the vol of each strike (the smile's fixed point in the option's
//! forward delta) across the payoff chart's price range, the at-the-money vol as a dashed
//! level, and the hedge's option legs marked at their strikes. The same drawing shows the
//! hour's power price ([`super::power`]): a share of hours against a price, a level and a
//! marked price, with its own axis titles.
//!
//! ```
//! use minerhedge::chart::geometry::Surface;
//! use minerhedge::chart::smile::{draw, SmileChart};
//! use plotters::prelude::*;
//! let chart = SmileChart {
//!     points: vec![(200.0, 0.9), (250.0, 0.8), (300.0, 0.75)],
//!     atm: 0.8,
//!     legs: vec![("Put".to_string(), 230.0), ("Call".to_string(), 290.0)],
//!     ..SmileChart::default()
//! };
//! let surface = Surface::new(480.0, 200.0, 1.0).unwrap();
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     draw(&root, &chart, &surface).unwrap();
//! }
//! assert!(svg.contains("Put") && svg.contains("Call"));
//! ```

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::geometry::{DataRange, Frame, Surface, is_plottable, ticks};
use super::render::{self, Axes, drawing_err, ipx};
use super::{ChartError, Theme, TickFormat};

/// Everything the smile chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct SmileChart {
    /// `(strike, vol)` points, vols as fractions, strikes ascending.
    pub points: Vec<(f64, f64)>,
    /// The at-the-money vol (`vol`), a fraction.
    pub atm: f64,
    /// The hedge's option legs: `(label, strike)`.
    pub legs: Vec<(String, f64)>,
    /// X-axis title (`Strike`).
    pub x_label: &'static str,
    /// Y-axis title (`Vol`).
    pub y_label: &'static str,
    /// Colours.
    pub theme: Theme,
}

impl Default for SmileChart {
    /// No points, light theme.
    fn default() -> Self {
        SmileChart {
            points: Vec::new(),
            atm: 0.0,
            legs: Vec::new(),
            x_label: "Strike",
            y_label: "Vol",
            theme: Theme::light(),
        }
    }
}

/// Draws the smile (see the module docs); an empty chart draws its axes only.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &SmileChart,
    surface: &Surface,
) -> Result<Frame, ChartError> {
    render::check_surface(root, surface)?;
    let theme = &chart.theme;
    root.fill(&theme.background).map_err(drawing_err)?;
    let points: Vec<(f64, f64)> = chart
        .points
        .iter()
        .copied()
        .filter(|(k, v)| is_plottable(*k) && is_plottable(*v))
        .collect();
    let x = DataRange::from_values(points.iter().map(|p| p.0)).unwrap_or(DataRange::UNIT);
    let (lo, hi) = points
        .iter()
        .map(|p| p.1)
        .chain(is_plottable(chart.atm).then_some(chart.atm))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    // At least ±2 vol points around the smile, so a flat smile is a level line mid-chart.
    let pad = ((hi - lo) * 0.15).max(0.02);
    let y = DataRange::new((lo - pad).max(0.0), hi + pad).unwrap_or(DataRange::UNIT);
    let (max_x_ticks, max_y_ticks) = render::tick_budget(surface);
    let (mut ctx, frame) = render::build_axes(
        root,
        Axes {
            x,
            y,
            x_ticks: ticks(&x, max_x_ticks),
            y_ticks: ticks(&y, max_y_ticks.min(4)),
            x_format: TickFormat::Usd,
            y_format: TickFormat::Percent,
            x_label: chart.x_label,
            y_label: chart.y_label,
            top: ipx(surface, 12.0, 1),
            right: ipx(surface, 16.0, 1),
        },
        surface,
        theme,
    )?;
    if is_plottable(chart.atm) {
        let (a, b) = (x.lo(), x.hi());
        ctx.plotting_area()
            .draw(&DashedPathElement::new(
                vec![(a, chart.atm), (b, chart.atm)],
                ipx(surface, 5.0, 1),
                ipx(surface, 4.0, 1),
                theme.secondary.stroke_width(ipx(surface, 1.0, 1) as u32),
            ))
            .map_err(drawing_err)?;
    }
    ctx.plotting_area()
        .draw(&PathElement::new(
            points,
            theme.primary.stroke_width(ipx(surface, 2.0, 1) as u32),
        ))
        .map_err(drawing_err)?;
    for (i, (label, strike)) in chart.legs.iter().enumerate() {
        if is_plottable(*strike) {
            render::vertical_mark(
                &mut ctx,
                &frame,
                *strike,
                theme.secondary,
                true,
                Some(label),
                surface,
                i as i32,
            )?;
        }
    }
    root.present().map_err(drawing_err)?;
    Ok(frame)
}
