//! The hedge program's cash-flow chart: monthly net cash (left) with the P5–P95 band and the
//! median of the hedged program against unhedged, the halving month marked; cumulative net
//! cash (right) with the same bands. Net cash is after the cost, so the one threshold on
//! either axis is $0 (drawn solid, in the legend); the cost itself is not drawn (on a
//! net-cash axis it would read as a threshold). Before the simulation the panels are empty
//! and say so.
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
//!     halving_month: Some(1),
//!     ..CashFlowChart::default()
//! };
//! let surface = Surface::new(720.0, 300.0, 1.0)?;
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     draw(&root, &chart, &surface)?;
//! }
//! assert!(svg.contains("Halving") && svg.contains("Cumulative") && svg.contains("Net cash $0"));
//! # Ok::<(), minerhedge::chart::ChartError>(())
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;

use super::geometry::{DataRange, Frame, Surface, is_plottable, ticks};
use super::render::{self, Axes, Chart, LegendItem, Swatch, drawing_err, ipx};
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
    /// Months of the program (the x axis; at least the bands' length).
    pub months: usize,
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
            months: 0,
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
    let theme = &chart.theme;
    let zero = [Level {
        y: 0.0,
        colour: theme.breakeven,
        dashed: false,
    }];
    let monthly = Panel {
        bands: [&chart.monthly[0], &chart.monthly[1]],
        colours: [theme.primary, theme.secondary],
        title: "Net cash per month",
        halving: chart.halving_month,
        levels: &zero,
        months: months_of(chart),
        top: 0,
        empty: EMPTY_LABEL,
    };
    let cumulative = Panel {
        bands: [&chart.cumulative[0], &chart.cumulative[1]],
        title: "Cumulative net cash",
        ..monthly
    };
    side_by_side(
        root,
        surface,
        theme,
        &legend(chart),
        0.58,
        [monthly, cumulative],
    )
}

/// Draws `panels` side by side on `root` (the whole area; the first `share` of its width)
/// under a legend of `items`, and returns the first panel's frame.
pub(crate) fn side_by_side<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    surface: &Surface,
    theme: &Theme,
    items: &[LegendItem],
    share: f64,
    panels: [Panel<'_>; 2],
) -> Result<Frame, ChartError> {
    render::check_surface(root, surface)?;
    root.fill(&theme.background).map_err(drawing_err)?;
    let (w, _) = surface.backing_size();
    let (legend, pad, top) = render::top_legend(root, items, surface);
    let (left, right) = root.split_horizontally((f64::from(w) * share).round() as u32);
    let [first, second] = panels.map(|p| Panel { top, ..p });
    let frame = panel(&left, &first, theme, surface)?;
    panel(&right, &second, theme, surface)?;
    render::draw_legend(root, items, &legend, (pad, pad), surface, theme)?;
    root.present().map_err(drawing_err)?;
    Ok(frame)
}

fn months_of(chart: &CashFlowChart) -> usize {
    chart
        .monthly
        .iter()
        .chain(&chart.cumulative)
        .map(|b| b.p50.len())
        .chain([chart.months])
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
            label: ZERO_LABEL.to_string(),
            colour: t.breakeven,
            swatch: Swatch::Line(2, 1.0),
        },
    ]
}

/// The legend's name of the $0 line: net cash is after the cost, so below it a month (or
/// the program so far) does not cover its cost.
pub const ZERO_LABEL: &str = "Net cash $0 (below: the cost is not covered)";

/// Said in an empty panel before the simulation has run.
pub const EMPTY_LABEL: &str = "The net cash shows once the simulation has run";

/// A horizontal line across a panel: a threshold of its y axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Level {
    /// Where, in the panel's units.
    pub y: f64,
    /// Its colour.
    pub colour: RGBColor,
    /// Dashed (a price to watch) or solid (the $0 line).
    pub dashed: bool,
}

/// One panel's data: two bands (the first on top), each month at x = m + 1.
#[derive(Clone, Copy)]
pub(crate) struct Panel<'a> {
    pub bands: [&'a Band; 2],
    pub colours: [RGBColor; 2],
    pub title: &'a str,
    pub halving: Option<usize>,
    pub levels: &'a [Level],
    pub months: usize,
    pub top: i32,
    /// Said while both bands are empty.
    pub empty: &'a str,
}

/// Draws panel `p` on `area` and returns its frame.
pub(crate) fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: &Panel<'_>,
    theme: &Theme,
    surface: &Surface,
) -> Result<Frame, ChartError> {
    let area_surface = Surface::new(
        f64::from(area.dim_in_pixel().0) / surface.dpr(),
        f64::from(area.dim_in_pixel().1) / surface.dpr(),
        surface.dpr(),
    )?;
    let (mut ctx, frame) = render::build_axes(area, axes(p, &area_surface), &area_surface, theme)?;
    let line_w = ipx(surface, 2.0, 1) as u32;
    if p.bands.iter().all(|b| b.values().next().is_none()) {
        empty_note(&mut ctx, &frame, theme, p.empty, &area_surface)?;
    }
    // The second band first, so the first lies on top.
    for i in [1, 0] {
        draw_band(&mut ctx, p.bands[i], p.colours[i], i, line_w)?;
    }
    for l in p.levels.iter().filter(|l| is_plottable(l.y)) {
        let (lo, hi) = (frame.x_range().lo(), frame.x_range().hi());
        let style = l.colour.stroke_width(line_w);
        if l.dashed {
            let dash = (hi - lo) / 60.0;
            let mut x = lo;
            while x < hi {
                let end = (x + dash).min(hi);
                ctx.plotting_area()
                    .draw(&PathElement::new(vec![(x, l.y), (end, l.y)], style))
                    .map_err(drawing_err)?;
                x += 2.0 * dash;
            }
        } else {
            ctx.plotting_area()
                .draw(&PathElement::new(vec![(lo, l.y), (hi, l.y)], style))
                .map_err(drawing_err)?;
        }
    }
    if let Some(h) = p.halving {
        let x = h as f64 + 1.0;
        let halving = Some("Halving");
        render::vertical_mark(
            &mut ctx,
            &frame,
            x,
            theme.spot,
            true,
            halving,
            &area_surface,
            0,
        )?;
    }
    Ok(frame)
}

/// The axes of panel `p`: months on x, USD on y over the bands and $0 (no y ticks while the
/// panel is empty).
fn axes<'a>(p: &Panel<'a>, surface: &Surface) -> Axes<'a> {
    let n = p.months.max(1) as f64;
    let x = DataRange::new(0.5, n + 0.5).unwrap_or(DataRange::UNIT);
    let values: Vec<f64> = p.bands.iter().flat_map(|b| b.values()).collect();
    let levels = p.levels.iter().map(|l| l.y).filter(|y| is_plottable(*y));
    let y = DataRange::from_values(values.iter().copied().chain(levels))
        .unwrap_or(DataRange::UNIT)
        .padded(0.06);
    let (max_x, max_y) = render::tick_budget(surface);
    let x_ticks: Vec<f64> = ticks(&x, max_x.min(p.months.max(1)))
        .into_iter()
        .filter(|t| t.fract() == 0.0 && *t >= 1.0)
        .collect();
    let y_ticks = if values.is_empty() {
        Vec::new()
    } else {
        ticks(&y, max_y)
    };
    Axes {
        x,
        y,
        x_ticks,
        y_ticks,
        x_format: TickFormat::Number,
        y_format: TickFormat::Usd,
        x_label: "Month",
        y_label: p.title,
        top: p.top,
        right: ipx(surface, 12.0, 1),
    }
}

/// Band `i` (0 on top, 1 beneath) in `colour`: its P5–P95 area and its median.
fn draw_band<DB: DrawingBackend>(
    ctx: &mut Chart<'_, DB>,
    band: &Band,
    colour: RGBColor,
    i: usize,
    line_w: u32,
) -> Result<(), ChartError> {
    let points = |v: &[f64]| -> Vec<(f64, f64)> {
        v.iter()
            .enumerate()
            .filter(|(_, y)| is_plottable(**y))
            .map(|(m, y)| (m as f64 + 1.0, *y))
            .collect()
    };
    let (lo, hi) = (points(&band.p5), points(&band.p95));
    if !lo.is_empty() && lo.len() == hi.len() {
        let mut polygon = hi;
        polygon.extend(lo.iter().rev().copied());
        let alpha = if i == 0 { 0.25 } else { 0.15 };
        ctx.plotting_area()
            .draw(&Polygon::new(polygon, colour.mix(alpha).filled()))
            .map_err(drawing_err)?;
    }
    ctx.plotting_area()
        .draw(&PathElement::new(
            points(&band.p50),
            colour.stroke_width(line_w),
        ))
        .map_err(drawing_err)?;
    Ok(())
}

/// `label` (e.g. [`EMPTY_LABEL`]), centred in the plot, above its middle.
fn empty_note<DB: DrawingBackend>(
    ctx: &mut Chart<'_, DB>,
    frame: &Frame,
    theme: &Theme,
    label: &str,
    surface: &Surface,
) -> Result<(), ChartError> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let plot = frame.plot();
    let style = render::font(surface, 12.0, theme.text).pos(Pos::new(HPos::Center, VPos::Bottom));
    let at = (plot.width() / 2, plot.height() / 2 - ipx(surface, 6.0, 1));
    ctx.plotting_area()
        .strip_coord_spec()
        .draw(&Text::new(label.to_string(), at, style))
        .map_err(drawing_err)?;
    Ok(())
}
