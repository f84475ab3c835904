//! The coverage frontier chart: for each hedge, coverage 0 → 100 % as a line of expected
//! return against risk, in two panels side by side: against the 95 % CVaR (left) and
//! against the probability of not covering the cash cost (right). Every line starts at the
//! unhedged point (0 %); the chosen hedge is drawn on top with its marked coverages (now,
//! least CVaR, target) as labelled dots.
//!
//! ```
//! use minerhedge::chart::frontier::{draw, FrontierChart, FrontierSeries};
//! use minerhedge::chart::geometry::Surface;
//! use minerhedge::domain::risk::frontier::FrontierPoint;
//! use plotters::prelude::*;
//! let points: Vec<FrontierPoint> = (0..=100u32)
//!     .map(|c| FrontierPoint {
//!         coverage_pct: c,
//!         expected_return: 0.1 - 0.0002 * f64::from(c),
//!         cvar95: 0.4 - 0.004 * f64::from(c),
//!         prob_short_of_cash: 0.3 - 0.003 * f64::from(c),
//!         cvar95_se: 0.001,
//!     })
//!     .collect();
//! let chart = FrontierChart {
//!     series: vec![FrontierSeries { label: "Forward".into(), points: points.clone(), chosen: true }],
//!     marks: vec![("least CVaR 100%".into(), points[100])],
//!     ..FrontierChart::default()
//! };
//! let surface = Surface::new(640.0, 280.0, 1.0).unwrap();
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     draw(&root, &chart, &surface).unwrap();
//! }
//! assert!(svg.contains("Forward") && svg.contains("least CVaR") && svg.contains("CVaR 95%"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;

use super::geometry::{DataRange, Frame, Surface, is_plottable, ticks};
use super::render::{self, Axes, LegendItem, Swatch, drawing_err, ipx};
use super::{ChartError, Theme, TickFormat};
use crate::domain::risk::frontier::FrontierPoint;

/// One hedge's frontier.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontierSeries {
    /// Legend label.
    pub label: String,
    /// Coverages in order.
    pub points: Vec<FrontierPoint>,
    /// The chosen hedge (drawn thick, on top, with the marks).
    pub chosen: bool,
}

/// Everything the frontier chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontierChart {
    /// One line per hedge.
    pub series: Vec<FrontierSeries>,
    /// Labelled coverages of the chosen hedge (the label as drawn, e.g. `least CVaR 77% (74–79%)`).
    pub marks: Vec<(String, FrontierPoint)>,
    /// Colours.
    pub theme: Theme,
}

impl Default for FrontierChart {
    /// No series, light theme.
    fn default() -> Self {
        FrontierChart {
            series: Vec::new(),
            marks: Vec::new(),
            theme: Theme::light(),
        }
    }
}

/// The risk measure of one panel.
type Risk = fn(&FrontierPoint) -> f64;

/// CVaR as the page shows it: the signed result of the worst 5 % as a return on cost
/// (negative = a loss; the engine's `cvar95` is a loss, so negated).
fn cvar(p: &FrontierPoint) -> f64 {
    -p.cvar95
}

fn short(p: &FrontierPoint) -> f64 {
    p.prob_short_of_cash
}

/// A range over `values`, padded by 8 % (a degenerate one ±1 point of return).
fn padded(values: impl Iterator<Item = f64>) -> DataRange {
    let (lo, hi) = values
        .filter(|v| is_plottable(*v))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    let pad = ((hi - lo) * 0.08).max(0.01);
    DataRange::new(lo - pad, hi + pad).unwrap_or(DataRange::UNIT)
}

/// A series' colour and line width: the chosen hedge in the primary colour, wider.
fn colour(theme: &Theme, i: usize, s: &FrontierSeries) -> (RGBColor, f64) {
    if s.chosen {
        (theme.primary, 2.5)
    } else {
        (theme.faint[i % theme.faint.len()], 1.5)
    }
}

/// One panel: expected return against `risk` on `x` and `y`, every series' line (the chosen
/// one on top) and the marks as labelled dots.
fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &FrontierChart,
    (risk, label): (Risk, &str),
    (y, top): (DataRange, i32),
    (half, surface): (&Surface, &Surface),
) -> Result<Frame, ChartError> {
    let theme = &chart.theme;
    let x = padded(chart.series.iter().flat_map(|s| s.points.iter()).map(risk));
    let (max_x, max_y) = render::tick_budget(half);
    let (ctx, frame) = render::build_axes(
        area,
        Axes {
            x,
            y,
            x_ticks: ticks(&x, max_x),
            y_ticks: ticks(&y, max_y),
            x_format: TickFormat::Percent,
            y_format: TickFormat::Percent,
            x_label: label,
            y_label: "Expected return",
            top,
            right: ipx(surface, 12.0, 1),
        },
        half,
        theme,
    )?;
    // The chosen hedge last, so it lies on top.
    for (i, s) in chart.series.iter().enumerate().rev() {
        let (c, width) = colour(theme, i, s);
        let line: Vec<(f64, f64)> = s
            .points
            .iter()
            .map(|p| (risk(p), p.expected_return))
            .filter(|(a, b)| is_plottable(*a) && is_plottable(*b))
            .collect();
        ctx.plotting_area()
            .draw(&PathElement::new(
                line,
                c.stroke_width(ipx(surface, width, 1) as u32),
            ))
            .map_err(drawing_err)?;
    }
    let r = ipx(surface, 4.0, 2);
    let text = render::font(surface, render::TEXT_CSS - 1.0, theme.text);
    for (row, (name, p)) in chart.marks.iter().enumerate() {
        let at = (risk(p), p.expected_return);
        if !(x.contains(at.0) && y.contains(at.1)) {
            continue;
        }
        let dy = ipx(surface, 6.0 + 13.0 * row as f64, 1);
        ctx.plotting_area()
            .draw(
                &(EmptyElement::at(at)
                    + Circle::new((0, 0), r, theme.marker.filled())
                    + Text::new(name.clone(), (r + 2, -dy), text.clone())),
            )
            .map_err(drawing_err)?;
    }
    Ok(frame)
}

/// Draws both panels (see the module docs); a chart without series draws empty axes.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &FrontierChart,
    surface: &Surface,
) -> Result<Frame, ChartError> {
    render::check_surface(root, surface)?;
    let theme = &chart.theme;
    root.fill(&theme.background).map_err(drawing_err)?;
    let items: Vec<LegendItem> = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendItem {
            label: s.label.clone(),
            colour: colour(theme, i, s).0,
            swatch: Swatch::Line(ipx(surface, colour(theme, i, s).1, 1) as u32, 1.0),
        })
        .collect();
    let (legend, pad, top) = render::top_legend(root, &items, surface);
    render::draw_legend(root, &items, &legend, (pad, pad), surface, theme)?;
    let y = padded(
        chart
            .series
            .iter()
            .flat_map(|s| s.points.iter())
            .map(|p| p.expected_return),
    );
    let (w, _) = root.dim_in_pixel();
    let (left, right) = root.split_horizontally(w / 2);
    let half = Surface::new(
        surface.css_width() / 2.0,
        surface.css_height(),
        surface.dpr(),
    )?;
    let first = draw_panel(
        &left,
        chart,
        (cvar, "CVaR 95% (return on cost)"),
        (y, top),
        (&half, surface),
    )?;
    draw_panel(
        &right,
        chart,
        (short, "P(short of cash cost)"),
        (y, top),
        (&half, surface),
    )?;
    root.present().map_err(drawing_err)?;
    Ok(first)
}
