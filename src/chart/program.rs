//! The hedge program's cash-flow chart: monthly net cash (left) with the P5–P95 band and the
//! median of the hedged program against unhedged, the monthly cost, the halving month marked;
//! cumulative net cash (right) with the same bands.
//!
//! ```
//! use minerhedge::chart::program::{draw, Band, CashFlowChart};
//! use minerhedge::chart::geometry::Surface;
//! use plotters::prelude::*;
//!
//! let band = |m: f64| Band { p5: vec![m - 2.0, m - 3.0], p50: vec![m, m], p95: vec![m + 2.0, m + 3.0] };
//! let chart = CashFlowChart {
//!     monthly: [band(10.0), band(9.0)],
//!     cumulative: [band(10.0), band(19.0)],
//!     cost: vec![5.0, 5.0],
//!     halving_month: Some(1),
//!     ..CashFlowChart::default()
//! };
//! let surface = Surface::new(720.0, 300.0, 1.0)?;
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     draw(&root, &chart, &surface)?;
//! }
//! assert!(svg.contains("Halving") && svg.contains("Cumulative"));
//! # Ok::<(), minerhedge::chart::ChartError>(())
//! ```

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::geometry::{is_plottable, ticks, DataRange, Frame, Surface};
use super::render::{self, drawing_err, ipx, Axes, LegendItem, Swatch};
use super::{ChartError, Theme, TickFormat};

/// Percentiles of one series, one value per month (USD).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Band {
    /// 5th percentile.
    pub p5: Vec<f64>,
    /// Median.
    pub p50: Vec<f64>,
    /// 95th percentile.
    pub p95: Vec<f64>,
}

impl Band {
    fn values(&self) -> impl Iterator<Item = f64> + '_ {
        self.p5
            .iter()
            .chain(&self.p50)
            .chain(&self.p95)
            .copied()
            .filter(|v| is_plottable(*v))
    }
}

/// What the cash-flow chart shows. `monthly[0]` and `cumulative[0]` are the hedged program,
/// index 1 unhedged; month `m` is drawn at x = m + 1.
#[derive(Debug, Clone, PartialEq)]
pub struct CashFlowChart {
    /// Monthly net cash: program, unhedged.
    pub monthly: [Band; 2],
    /// Cumulative net cash: program, unhedged.
    pub cumulative: [Band; 2],
    /// Cash cost per month (USD).
    pub cost: Vec<f64>,
    /// The month (from 0) in which the subsidy halves.
    pub halving_month: Option<usize>,
    /// Series names: program, unhedged.
    pub labels: [String; 2],
    /// Colours.
    pub theme: Theme,
}

impl Default for CashFlowChart {
    fn default() -> Self {
        CashFlowChart {
            monthly: [Band::default(), Band::default()],
            cumulative: [Band::default(), Band::default()],
            cost: Vec::new(),
            halving_month: None,
            labels: ["Hedged program".to_string(), "Unhedged".to_string()],
            theme: Theme::light(),
        }
    }
}

/// Draws both panels on `root` (the whole area) and returns the monthly panel's frame.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &CashFlowChart,
    surface: &Surface,
) -> Result<Frame, ChartError> {
    render::check_surface(root, surface)?;
    let theme = &chart.theme;
    root.fill(&theme.background).map_err(drawing_err)?;
    let (w, _) = surface.backing_size();
    let items = legend(chart);
    let (legend, pad, top) = render::top_legend(root, &items, surface);
    let split = (f64::from(w) * 0.58).round() as u32;
    let (left, right) = root.split_horizontally(split);
    let months = months_of(chart);
    let monthly = Panel {
        bands: &chart.monthly,
        cost: Some(&chart.cost),
        title: "Net cash per month",
        halving: chart.halving_month,
        months,
        top,
    };
    let frame = panel(&left, &monthly, chart, surface)?;
    let cumulative = Panel {
        bands: &chart.cumulative,
        cost: None,
        title: "Cumulative net cash",
        ..monthly
    };
    panel(&right, &cumulative, chart, surface)?;
    render::draw_legend(root, &items, &legend, (pad, pad), surface, theme)?;
    root.present().map_err(drawing_err)?;
    Ok(frame)
}

fn months_of(chart: &CashFlowChart) -> usize {
    chart
        .monthly
        .iter()
        .chain(&chart.cumulative)
        .map(|b| b.p50.len())
        .chain([chart.cost.len()])
        .max()
        .unwrap_or(0)
}

fn legend(chart: &CashFlowChart) -> Vec<LegendItem> {
    let t = &chart.theme;
    vec![
        LegendItem {
            label: format!("{} (median, P5–P95)", chart.labels[0]),
            colour: t.primary,
            swatch: Swatch::Box(0.25),
        },
        LegendItem {
            label: format!("{} (median, P5–P95)", chart.labels[1]),
            colour: t.secondary,
            swatch: Swatch::Box(0.15),
        },
        LegendItem {
            label: "Cash cost".to_string(),
            colour: t.breakeven,
            swatch: Swatch::Line(2, 1.0),
        },
    ]
}

/// One panel's data.
#[derive(Clone, Copy)]
struct Panel<'a> {
    bands: &'a [Band; 2],
    cost: Option<&'a [f64]>,
    title: &'a str,
    halving: Option<usize>,
    months: usize,
    top: i32,
}

fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Panel<'_>,
    chart: &CashFlowChart,
    surface: &Surface,
) -> Result<Frame, ChartError> {
    let theme = &chart.theme;
    let n = p.months.max(1) as f64;
    let x = DataRange::new(0.5, n + 0.5).unwrap_or(DataRange::UNIT);
    let values = p.bands.iter().flat_map(Band::values).chain(
        p.cost
            .unwrap_or(&[])
            .iter()
            .copied()
            .filter(|v| is_plottable(*v)),
    );
    let y = DataRange::from_values(values.chain([0.0]))
        .unwrap_or(DataRange::UNIT)
        .padded(0.06);
    let area_surface = Surface::new(
        f64::from(area.dim_in_pixel().0) / surface.dpr(),
        f64::from(area.dim_in_pixel().1) / surface.dpr(),
        surface.dpr(),
    )?;
    let (max_x, max_y) = render::tick_budget(&area_surface);
    let x_ticks: Vec<f64> = ticks(&x, max_x.min(p.months.max(1)))
        .into_iter()
        .filter(|t| t.fract() == 0.0 && *t >= 1.0)
        .collect();
    let (mut ctx, frame) = render::build_axes(
        area,
        Axes {
            x,
            y,
            x_ticks,
            y_ticks: ticks(&y, max_y),
            x_format: TickFormat::Number,
            y_format: TickFormat::Usd,
            x_label: "Month",
            y_label: p.title,
            top: p.top,
            right: ipx(surface, 12.0, 1),
        },
        &area_surface,
        theme,
    )?;
    let line_w = ipx(surface, 2.0, 1) as u32;
    let colours = [theme.primary, theme.secondary];
    // Unhedged first, so the program's band lies on top.
    for i in [1, 0] {
        let band = &p.bands[i];
        let points = |v: &[f64]| -> Vec<(f64, f64)> {
            v.iter()
                .enumerate()
                .filter(|(_, y)| is_plottable(**y))
                .map(|(m, y)| (m as f64 + 1.0, *y))
                .collect()
        };
        let (lo, hi) = (points(&band.p5), points(&band.p95));
        if !lo.is_empty() && lo.len() == hi.len() {
            let mut polygon = hi.clone();
            polygon.extend(lo.iter().rev().copied());
            let alpha = if i == 0 { 0.25 } else { 0.15 };
            ctx.plotting_area()
                .draw(&Polygon::new(polygon, colours[i].mix(alpha).filled()))
                .map_err(drawing_err)?;
        }
        ctx.plotting_area()
            .draw(&PathElement::new(
                points(&band.p50),
                colours[i].stroke_width(line_w),
            ))
            .map_err(drawing_err)?;
    }
    if let Some(cost) = p.cost {
        let points: Vec<(f64, f64)> = cost
            .iter()
            .enumerate()
            .filter(|(_, y)| is_plottable(**y))
            .map(|(m, y)| (m as f64 + 1.0, *y))
            .collect();
        ctx.plotting_area()
            .draw(&DashedPathElement::new(
                points,
                ipx(surface, 5.0, 1),
                ipx(surface, 3.0, 1),
                theme.breakeven.stroke_width(line_w),
            ))
            .map_err(drawing_err)?;
    }
    if let Some(h) = p.halving {
        render::vertical_mark(
            &mut ctx,
            &frame,
            h as f64 + 1.0,
            theme.spot,
            true,
            Some("Halving"),
            &area_surface,
            0,
        )?;
    }
    Ok(frame)
}
