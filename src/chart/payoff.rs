//! The payoff chart: period result (or return) against the final coin price, one line per
//! strategy, with the cost / zero line, breakeven marks, spot and slider-price marks and an
//! optional hover crosshair.
//!
//! Each run of consecutive finite points of a series is one path (one `stroke()` on a
//! canvas), so 6 series × 1,001 points draw as 6 paths. Points with a non-finite coordinate
//! (or a magnitude above [`MAX_ABS_VALUE`](super::geometry::MAX_ABS_VALUE)) are skipped and
//! break the line there.
//!
//! ```
//! use minerhedge::chart::geometry::Surface;
//! use minerhedge::chart::payoff::{draw, PayoffChart, Series, SeriesStyle};
//! use plotters::prelude::*;
//!
//! let hedged: Vec<(f64, f64)> = (0..=100).map(|i| (200.0 + i as f64, 1300.0)).collect();
//! let unhedged: Vec<(f64, f64)> = (0..=100).map(|i| (200.0 + i as f64, 5.0 * (200.0 + i as f64))).collect();
//! let chart = PayoffChart {
//!     series: vec![
//!         Series::new("Forward", hedged, SeriesStyle::Primary),
//!         Series::new("Unhedged", unhedged, SeriesStyle::Secondary),
//!     ],
//!     zero_line: Some(1100.0),
//!     breakevens: vec![220.0],
//!     spot: Some(250.0),
//!     marker: Some(270.0),
//!     ..PayoffChart::default()
//! };
//! let surface = Surface::new(640.0, 360.0, 1.0).unwrap();
//! let mut svg = String::new();
//! let frame = {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     draw(&root, &chart, &surface).unwrap()
//! };
//! assert!(svg.contains("Forward") && svg.contains("Unhedged"));
//! // Mouse at the spot's CSS column → the spot price (within a pixel's worth of price).
//! let x = frame.css_to_x(frame.x_to_css(250.0)).unwrap();
//! assert!((x - 250.0).abs() < 1e-9);
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::geometry::{
    DataRange, Frame, Surface, interpolate, is_plottable, plottable_runs, ticks, without_collinear,
};
use super::render::{self, Axes, LegendItem, Swatch, drawing_err, ipx};
use super::{ChartError, Theme, TickFormat};

/// How prominently a series is drawn.
///
/// ```
/// use minerhedge::chart::payoff::SeriesStyle;
/// assert_eq!(SeriesStyle::default(), SeriesStyle::Primary);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SeriesStyle {
    /// The chosen strategy: thick, [`Theme::primary`], drawn on top.
    #[default]
    Primary,
    /// The comparison (usually unhedged): medium, [`Theme::secondary`].
    Secondary,
    /// Other strategies: thin and translucent, colours from [`Theme::faint`] in turn.
    Faint,
}

/// One line of the payoff chart.
///
/// ```
/// use minerhedge::chart::payoff::{Series, SeriesStyle};
/// let s = Series::new("Put", vec![(200.0, 1.0), (300.0, 2.0)], SeriesStyle::Faint);
/// assert_eq!(s.points.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    /// Legend label.
    pub label: String,
    /// `(final price, value)` points in drawing order (usually ascending price).
    pub points: Vec<(f64, f64)>,
    /// Prominence.
    pub style: SeriesStyle,
}

impl Series {
    /// A series from its parts.
    ///
    /// ```
    /// use minerhedge::chart::payoff::{Series, SeriesStyle};
    /// assert_eq!(Series::new("Unhedged", vec![], SeriesStyle::Secondary).label, "Unhedged");
    /// ```
    pub fn new(label: impl Into<String>, points: Vec<(f64, f64)>, style: SeriesStyle) -> Series {
        Series {
            label: label.into(),
            points,
            style,
        }
    }
}

/// Everything the payoff chart shows. Marks whose value is not finite or lies outside the
/// x range are not drawn.
///
/// ```
/// use minerhedge::chart::payoff::PayoffChart;
/// use minerhedge::chart::TickFormat;
/// let c = PayoffChart::default();
/// assert_eq!(c.y_format, TickFormat::Usd);
/// assert_eq!(c.x_label, "Final price (USD per coin)");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PayoffChart {
    /// The lines, drawn Faint first, then Secondary, then Primary on top.
    pub series: Vec<Series>,
    /// X-axis title.
    pub x_label: String,
    /// Y-axis title, e.g. "Period result (USD)" or "Return".
    pub y_label: String,
    /// How y values print ([`TickFormat::Percent`] for returns given as fractions).
    pub y_format: TickFormat,
    /// Cost line (for results) or zero line (for returns); always inside the y range.
    pub zero_line: Option<f64>,
    /// Label of the cost / zero line, e.g. "Cost $1,100".
    pub zero_label: Option<String>,
    /// Breakeven prices: dashed vertical marks with a dot on the cost line.
    pub breakevens: Vec<f64>,
    /// Spot price: dashed vertical mark labelled "Spot".
    pub spot: Option<f64>,
    /// Liquidation price of a margined short hedge: dashed vertical mark labelled
    /// "Liquidation".
    pub liquidation: Option<f64>,
    /// Slider price: solid vertical mark with a dot on each non-faint series.
    pub marker: Option<f64>,
    /// Hover position `(price, value)`: thin cross lines and a readout box.
    pub crosshair: Option<(f64, f64)>,
    /// Colours.
    pub theme: Theme,
}

impl PayoffChart {
    /// The same chart with each series' straight runs reduced to their ends
    /// ([`without_collinear`]): the same lines in a few segments each, which is what the
    /// page paints (a payoff's 1,001 grid points are mostly on straight runs).
    ///
    /// ```
    /// use minerhedge::chart::payoff::{PayoffChart, Series, SeriesStyle};
    /// let pts: Vec<(f64, f64)> = (0..=1000).map(|i| (f64::from(i), 1300.0)).collect();
    /// let c = PayoffChart { series: vec![Series::new("Forward", pts, SeriesStyle::Primary)], ..PayoffChart::default() };
    /// assert_eq!(c.lean().series[0].points, vec![(0.0, 1300.0), (1000.0, 1300.0)]);
    /// ```
    pub fn lean(&self) -> PayoffChart {
        let series = self
            .series
            .iter()
            .map(|s| Series::new(s.label.clone(), without_collinear(&s.points), s.style))
            .collect();
        PayoffChart {
            series,
            x_label: self.x_label.clone(),
            y_label: self.y_label.clone(),
            zero_label: self.zero_label.clone(),
            breakevens: self.breakevens.clone(),
            ..*self
        }
    }
}

impl Default for PayoffChart {
    /// No series, no marks, dollars on y, light theme.
    ///
    /// ```
    /// use minerhedge::chart::payoff::PayoffChart;
    /// assert!(PayoffChart::default().series.is_empty());
    /// ```
    fn default() -> Self {
        PayoffChart {
            series: Vec::new(),
            x_label: "Final price (USD per coin)".to_string(),
            y_label: "Period result (USD)".to_string(),
            y_format: TickFormat::Usd,
            zero_line: None,
            zero_label: None,
            breakevens: Vec::new(),
            spot: None,
            liquidation: None,
            marker: None,
            crosshair: None,
            theme: Theme::light(),
        }
    }
}

/// Colour, stroke width (CSS px) and opacity of a series.
fn series_look(theme: &Theme, style: SeriesStyle, faint_index: usize) -> (RGBColor, f64, f64) {
    match style {
        SeriesStyle::Primary => (theme.primary, 2.5, 1.0),
        SeriesStyle::Secondary => (theme.secondary, 2.0, 1.0),
        SeriesStyle::Faint => (theme.faint[faint_index % theme.faint.len()], 1.5, 0.6),
    }
}

/// The data ranges the chart uses: x over all plottable points (exactly, no padding), y over
/// all plottable points and the zero line, padded by 6 %. Defaults when there is no point:
/// x from the marks or `[0, 1]`, y `[0, 1]` around the zero line.
///
/// ```
/// use minerhedge::chart::payoff::{ranges, PayoffChart, Series, SeriesStyle};
/// let chart = PayoffChart {
///     series: vec![Series::new("a", vec![(200.0, 0.0), (300.0, 100.0)], SeriesStyle::Primary)],
///     zero_line: Some(-50.0),
///     ..PayoffChart::default()
/// };
/// let (x, y) = ranges(&chart);
/// assert_eq!((x.lo(), x.hi()), (200.0, 300.0));
/// assert!(y.lo() < -50.0 && y.hi() > 100.0);
/// ```
pub fn ranges(chart: &PayoffChart) -> (DataRange, DataRange) {
    let pts = || {
        chart
            .series
            .iter()
            .flat_map(|s| s.points.iter())
            .filter(|p| is_plottable(p.0) && is_plottable(p.1))
    };
    let x = DataRange::from_values(pts().map(|p| p.0))
        .or_else(|| {
            DataRange::from_values(
                chart
                    .spot
                    .iter()
                    .chain(chart.marker.iter())
                    .chain(chart.breakevens.iter())
                    .copied(),
            )
        })
        .unwrap_or(DataRange::UNIT);
    let y = DataRange::from_values(pts().map(|p| p.1).chain(chart.zero_line))
        .map(|r| r.padded(0.06))
        .unwrap_or(DataRange::UNIT);
    (x, y)
}

/// The legend's items: one per series, in the series' colour, width and alpha.
fn legend_items(chart: &PayoffChart, surface: &Surface) -> Vec<LegendItem> {
    let theme = &chart.theme;
    let mut faint_i = 0;
    chart
        .series
        .iter()
        .map(|s| {
            let (colour, w, alpha) = series_look(theme, s.style, faint_i);
            if s.style == SeriesStyle::Faint {
                faint_i += 1;
            }
            LegendItem {
                label: s.label.clone(),
                colour,
                swatch: Swatch::Line(ipx(surface, w, 1) as u32, alpha),
            }
        })
        .collect()
}

/// The cost (zero) line across the plot and its label at the right end.
fn draw_zero_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ctx: &mut render::Chart<'_, DB>,
    chart: &PayoffChart,
    frame: &Frame,
    surface: &Surface,
) -> Result<(), ChartError> {
    let Some(z) = chart.zero_line else {
        return Ok(());
    };
    let label = chart.zero_label.as_deref().map(|l| (l, HPos::Right));
    render::horizontal_mark(root, ctx, frame, z, chart.theme.zero_line, label, surface)
}

/// Spot, a short hedge's liquidation price and the breakevens (drawn under the lines).
fn draw_marks<DB: DrawingBackend>(
    ctx: &mut render::Chart<'_, DB>,
    chart: &PayoffChart,
    frame: &Frame,
    (x, y): (DataRange, DataRange),
    surface: &Surface,
) -> Result<(), ChartError> {
    let theme = &chart.theme;
    let marks = [
        (chart.spot, "Spot", theme.spot, 0),
        (chart.liquidation, "Liquidation", theme.negative, 2),
    ];
    for (at, name, colour, row) in marks {
        if let Some(s) = at.filter(|s| is_plottable(*s)) {
            let label = format!("{name} {}", TickFormat::Usd.readout(s));
            render::vertical_mark(ctx, frame, s, colour, true, Some(&label), surface, row)?;
        }
    }
    for (i, b) in chart
        .breakevens
        .iter()
        .copied()
        .filter(|b| is_plottable(*b))
        .enumerate()
    {
        let label = format!("Breakeven {}", TickFormat::Usd.readout(b));
        render::vertical_mark(
            ctx,
            frame,
            b,
            theme.breakeven,
            true,
            Some(&label),
            surface,
            1 + i as i32 % 2,
        )?;
        if let Some(z) = chart.zero_line.filter(|z| y.contains(*z))
            && x.contains(b)
        {
            ctx.plotting_area()
                .draw(&Circle::new(
                    (b, z),
                    ipx(surface, 4.0, 1),
                    theme.breakeven.filled(),
                ))
                .map_err(drawing_err)?;
        }
    }

    Ok(())
}

/// The series: faint first, primary last (on top); one path per run of finite points.
fn draw_series<DB: DrawingBackend>(
    ctx: &mut render::Chart<'_, DB>,
    chart: &PayoffChart,
    surface: &Surface,
) -> Result<(), ChartError> {
    let theme = &chart.theme;
    for pass in [
        SeriesStyle::Faint,
        SeriesStyle::Secondary,
        SeriesStyle::Primary,
    ] {
        let mut faint_i = 0;
        for s in &chart.series {
            let this_faint = faint_i;
            if s.style == SeriesStyle::Faint {
                faint_i += 1;
            }
            if s.style != pass {
                continue;
            }
            let (colour, w, alpha) = series_look(theme, s.style, this_faint);
            let style = colour.mix(alpha).stroke_width(ipx(surface, w, 1) as u32);
            for run in plottable_runs(&s.points) {
                if run.len() == 1 {
                    ctx.plotting_area()
                        .draw(&Circle::new(run[0], ipx(surface, w, 1), style.filled()))
                        .map_err(drawing_err)?;
                } else {
                    ctx.plotting_area()
                        .draw(&PathElement::new(run, style))
                        .map_err(drawing_err)?;
                }
            }
        }
    }

    Ok(())
}

/// Draws the payoff chart on `root`, which must be [`Surface::backing_size`] large, and
/// returns the [`Frame`] of the plotting area (for hover mapping and mark positions).
///
/// Never panics; non-finite points are skipped; an empty chart draws axes only.
///
/// # Errors
/// [`ChartError::SurfaceMismatch`] when `root` has another size, [`ChartError::Drawing`]
/// when the backend fails or the surface is too small for a plotting area.
///
/// ```
/// use minerhedge::chart::geometry::Surface;
/// use minerhedge::chart::payoff::{draw, PayoffChart};
/// use plotters::prelude::*;
/// let surface = Surface::new(300.0, 200.0, 2.0).unwrap();
/// let mut svg = String::new();
/// let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
/// let frame = draw(&root, &PayoffChart::default(), &surface).unwrap();
/// assert!(frame.plot().width() > 0);
/// ```
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &PayoffChart,
    surface: &Surface,
) -> Result<Frame, ChartError> {
    render::check_surface(root, surface)?;
    let theme = &chart.theme;
    root.fill(&theme.background).map_err(drawing_err)?;

    let (x, y) = ranges(chart);
    let (max_x_ticks, max_y_ticks) = render::tick_budget(surface);
    let x_ticks = ticks(&x, max_x_ticks);
    let y_ticks = ticks(&y, max_y_ticks);

    // Legend above the plot.
    let legend_items = legend_items(chart, surface);
    let (legend, pad, top) = render::top_legend(root, &legend_items, surface);

    let (mut ctx, frame) = render::build_axes(
        root,
        Axes {
            x,
            y,
            x_ticks,
            y_ticks,
            x_format: TickFormat::Usd,
            y_format: chart.y_format,
            x_label: &chart.x_label,
            y_label: &chart.y_label,
            top,
            right: ipx(surface, 16.0, 1),
        },
        surface,
        theme,
    )?;
    render::draw_legend(root, &legend_items, &legend, (pad, pad), surface, theme)?;

    draw_zero_line(root, &mut ctx, chart, &frame, surface)?;
    draw_marks(&mut ctx, chart, &frame, (x, y), surface)?;
    draw_series(&mut ctx, chart, surface)?;

    draw_moving(root, chart, &frame, surface)?;

    root.present().map_err(drawing_err)?;
    Ok(frame)
}

/// Draws only what moves with the pointer and the price slider — the slider marker with a
/// dot on each non-faint series, and the hover crosshair with its readout box — on a
/// transparent `root` laid over a base drawn by [`draw`] from the same `chart`; `frame` is
/// what that [`draw`] returned. The marks are the ones [`draw`] paints: a page can repaint
/// this overlay alone on every slider move.
///
/// # Errors
/// [`ChartError::SurfaceMismatch`] when `root` has another size than `surface`,
/// [`ChartError::Drawing`] when the backend fails.
///
/// ```
/// use minerhedge::chart::geometry::Surface;
/// use minerhedge::chart::payoff::{draw, draw_overlay, PayoffChart, Series, SeriesStyle};
/// use plotters::prelude::*;
/// let chart = PayoffChart {
///     series: vec![Series::new("Forward", vec![(200.0, 1300.0), (300.0, 1300.0)], SeriesStyle::Primary)],
///     marker: Some(250.0),
///     ..PayoffChart::default()
/// };
/// let surface = Surface::new(400.0, 240.0, 1.0).unwrap();
/// let mut base = String::new();
/// let frame = draw(&SVGBackend::with_string(&mut base, surface.backing_size()).into_drawing_area(), &chart, &surface).unwrap();
/// let mut overlay = String::new();
/// draw_overlay(&SVGBackend::with_string(&mut overlay, surface.backing_size()).into_drawing_area(), &chart, &frame, &surface).unwrap();
/// assert!(overlay.contains("<circle") && !overlay.contains("Forward"));
/// ```
pub fn draw_overlay<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &PayoffChart,
    frame: &Frame,
    surface: &Surface,
) -> Result<(), ChartError> {
    render::check_surface(root, surface)?;
    draw_moving(root, chart, frame, surface)?;
    root.present().map_err(drawing_err)
}

/// The marker and the crosshair of `chart`, in the pixels of `frame`.
fn draw_moving<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &PayoffChart,
    frame: &Frame,
    surface: &Surface,
) -> Result<(), ChartError> {
    if let Some(m) = chart.marker {
        draw_marker(root, frame, chart, m, surface)?;
    }
    if let Some((cx, cy)) = chart.crosshair {
        draw_crosshair(root, frame, (cx, cy), chart.y_format, surface, &chart.theme)?;
    }
    Ok(())
}

/// The slider marker at price `m`: a solid vertical line over the plot height and a dot on
/// each non-faint series. Nothing outside the x range.
fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    chart: &PayoffChart,
    m: f64,
    surface: &Surface,
) -> Result<(), ChartError> {
    if !frame.x_range().contains(m) {
        return Ok(());
    }
    let theme = &chart.theme;
    let p = frame.plot();
    let px = frame.x_to_px(m).round() as i32;
    root.draw(&PathElement::new(
        vec![(px, p.bottom), (px, p.top)],
        theme.marker.stroke_width(ipx(surface, 1.5, 1) as u32),
    ))
    .map_err(drawing_err)?;
    let mut faint_i = 0;
    for s in &chart.series {
        if s.style == SeriesStyle::Faint {
            faint_i += 1;
            continue;
        }
        let (colour, _, _) = series_look(theme, s.style, faint_i);
        if let Some(v) = interpolate(&s.points, m).filter(|v| frame.y_range().contains(*v)) {
            let centre = (px, frame.y_to_px(v).round() as i32);
            let r = ipx(surface, 5.0, 1);
            root.draw(&Circle::new(centre, r, colour.filled()))
                .map_err(drawing_err)?;
            root.draw(&Circle::new(
                centre,
                r,
                theme.background.stroke_width(ipx(surface, 1.5, 1) as u32),
            ))
            .map_err(drawing_err)?;
        }
    }
    Ok(())
}

/// Thin cross lines through `(cx, cy)` and a readout box "price · value" next to it.
fn draw_crosshair<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    (cx, cy): (f64, f64),
    y_format: TickFormat,
    surface: &Surface,
    theme: &Theme,
) -> Result<(), ChartError> {
    if !(frame.x_range().contains(cx) && frame.y_range().contains(cy)) {
        return Ok(());
    }
    let p = frame.plot();
    let (px, py) = (
        frame.x_to_px(cx).round() as i32,
        frame.y_to_px(cy).round() as i32,
    );
    let style = theme.crosshair.stroke_width(ipx(surface, 1.0, 1) as u32);
    root.draw(&PathElement::new(vec![(px, p.top), (px, p.bottom)], style))
        .map_err(drawing_err)?;
    root.draw(&PathElement::new(vec![(p.left, py), (p.right, py)], style))
        .map_err(drawing_err)?;
    let text = format!("{} · {}", TickFormat::Usd.readout(cx), y_format.readout(cy));
    let font = render::font(surface, render::TEXT_CSS, theme.text);
    let tw = render::text_width(root, &text, &font, surface, render::TEXT_CSS);
    let (bw, bh) = (tw + ipx(surface, 12.0, 1), ipx(surface, TEXT_CSS_BOX, 1));
    let gap = ipx(surface, 8.0, 1);
    let bx = if px + gap + bw <= p.right {
        px + gap
    } else {
        px - gap - bw
    };
    let by = if py - gap - bh >= p.top {
        py - gap - bh
    } else {
        py + gap
    };
    root.draw(&Rectangle::new(
        [(bx, by), (bx + bw, by + bh)],
        theme.background.mix(0.92).filled(),
    ))
    .map_err(drawing_err)?;
    root.draw(&Rectangle::new(
        [(bx, by), (bx + bw, by + bh)],
        theme.crosshair.stroke_width(1),
    ))
    .map_err(drawing_err)?;
    let font = font.pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Left,
        plotters::style::text_anchor::VPos::Center,
    ));
    root.draw(&Text::new(
        text,
        (bx + ipx(surface, 6.0, 1), by + bh / 2),
        font,
    ))
    .map_err(drawing_err)?;
    Ok(())
}

const TEXT_CSS_BOX: f64 = 22.0;
