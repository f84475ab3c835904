//! The volume-risk heat map: hedged return over a grid of final price (x) × difficulty
//! change (y), coloured on a diverging scale symmetric around 0, with a colour bar.
//!
//! ```
//! use minerhedge::chart::geometry::Surface;
//! use minerhedge::chart::heatmap::{draw, Grid, HeatmapChart};
//! use plotters::prelude::*;
//!
//! let prices: Vec<f64> = (0..=10).map(|i| 200.0 + 10.0 * i as f64).collect();
//! let diffs: Vec<f64> = (0..=4).map(|j| -0.1 + 0.1 * j as f64).collect();
//! let mut values = Vec::new();
//! for d in &diffs {
//!     for p in &prices {
//!         values.push((p / 250.0) / (1.0 + d) - 1.0);
//!     }
//! }
//! let chart = HeatmapChart { grid: Grid::new(prices, diffs, values).unwrap(), ..HeatmapChart::default() };
//! let surface = Surface::new(640.0, 360.0, 1.0).unwrap();
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     draw(&root, &chart, &surface).unwrap();
//! }
//! assert!(svg.contains("Difficulty change"));
//! ```

use crate::domain::Field;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::geometry::{DataRange, Frame, Surface, is_plottable, ticks};
use super::render::{self, Axes, drawing_err, ipx};
use super::{ChartError, Theme, TickFormat};
use crate::domain::DomainError;

/// Values on a rectangular grid: `value(i, j)` at `(x[i], y[j])`, stored row by row
/// (`values[j * x.len() + i]`). Non-finite values are allowed and drawn as "missing".
///
/// ```
/// use minerhedge::chart::heatmap::Grid;
/// let g = Grid::new(vec![1.0, 2.0], vec![0.0], vec![0.5, f64::NAN]).unwrap();
/// assert!(g.value(1, 0).is_some_and(f64::is_nan));
/// assert_eq!(g.value(0, 0), Some(0.5));
/// assert!(Grid::new(vec![1.0, 2.0], vec![0.0], vec![0.5]).is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    x: Vec<f64>,
    y: Vec<f64>,
    values: Vec<f64>,
}

fn check_axis(field: Field, v: &[f64]) -> Result<(), ChartError> {
    if v.is_empty() {
        return Err(DomainError::out_of_range(field, 0.0, "at least one value").into());
    }
    for (i, c) in v.iter().enumerate() {
        if !is_plottable(*c) || (i > 0 && *c <= v[i - 1]) {
            return Err(DomainError::out_of_range(
                field,
                *c,
                "finite and greater than the previous value",
            )
            .into());
        }
    }
    Ok(())
}

impl Grid {
    /// A grid; `x` and `y` (cell centres) must be non-empty, plottable and strictly
    /// increasing, and `values.len() == x.len() × y.len()`.
    ///
    /// ```
    /// use minerhedge::chart::heatmap::Grid;
    /// assert!(Grid::new(vec![], vec![0.0], vec![]).is_err());
    /// assert!(Grid::new(vec![2.0, 1.0], vec![0.0], vec![0.0, 0.0]).is_err());
    /// ```
    pub fn new(x: Vec<f64>, y: Vec<f64>, values: Vec<f64>) -> Result<Grid, ChartError> {
        check_axis(Field::HeatMapX, &x)?;
        check_axis(Field::HeatMapY, &y)?;
        let expected = x.len().saturating_mul(y.len());
        if values.len() != expected {
            return Err(DomainError::out_of_range(
                Field::HeatMapValues,
                values.len() as f64,
                format!("exactly {expected} values (x × y)"),
            )
            .into());
        }
        Ok(Grid { x, y, values })
    }

    /// X cell centres.
    ///
    /// ```
    /// # use minerhedge::chart::heatmap::Grid;
    /// assert_eq!(Grid::new(vec![1.0], vec![2.0], vec![3.0]).unwrap().x(), &[1.0]);
    /// ```
    pub fn x(&self) -> &[f64] {
        &self.x
    }

    /// Y cell centres.
    ///
    /// ```
    /// # use minerhedge::chart::heatmap::Grid;
    /// assert_eq!(Grid::new(vec![1.0], vec![2.0], vec![3.0]).unwrap().y(), &[2.0]);
    /// ```
    pub fn y(&self) -> &[f64] {
        &self.y
    }

    /// The value of cell `(i, j)`, `None` outside the grid.
    ///
    /// ```
    /// # use minerhedge::chart::heatmap::Grid;
    /// let g = Grid::new(vec![1.0, 2.0], vec![5.0], vec![3.0, 4.0]).unwrap();
    /// assert_eq!(g.value(1, 0), Some(4.0));
    /// assert_eq!(g.value(2, 0), None);
    /// ```
    pub fn value(&self, i: usize, j: usize) -> Option<f64> {
        if i >= self.x.len() || j >= self.y.len() {
            return None;
        }
        self.values.get(j * self.x.len() + i).copied()
    }

    /// Largest finite |value| (0 when none is finite).
    ///
    /// ```
    /// # use minerhedge::chart::heatmap::Grid;
    /// let g = Grid::new(vec![1.0, 2.0], vec![5.0], vec![-3.0, f64::INFINITY]).unwrap();
    /// assert_eq!(g.max_abs(), 3.0);
    /// ```
    pub fn max_abs(&self) -> f64 {
        self.values
            .iter()
            .filter(|v| is_plottable(**v))
            .fold(0.0, |a, v| a.max(v.abs()))
    }

    /// The cell whose area holds data point `(x, y)` (cells extend halfway to their
    /// neighbours), e.g. for a hover readout. `None` outside the grid.
    ///
    /// ```
    /// # use minerhedge::chart::heatmap::Grid;
    /// let g = Grid::new(vec![200.0, 250.0, 300.0], vec![0.0, 0.1], vec![0.0; 6]).unwrap();
    /// assert_eq!(g.cell_at(260.0, 0.08), Some((1, 1)));
    /// assert_eq!(g.cell_at(400.0, 0.0), None);
    /// ```
    pub fn cell_at(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let find = |centres: &[f64], v: f64| {
            let e = cell_edges(centres);
            (0..centres.len()).find(|k| v >= e[*k] && v <= e[k + 1])
        };
        Some((find(&self.x, x)?, find(&self.y, y)?))
    }
}

/// Cell boundaries around strictly increasing centres: midpoints between neighbours, the
/// outer cells as wide as their neighbour's half-gap (a single centre `c` gets
/// `c ± max(|c| × 5 %, 0.5)`).
///
/// ```
/// use minerhedge::chart::heatmap::cell_edges;
/// assert_eq!(cell_edges(&[0.0, 1.0, 3.0]), vec![-0.5, 0.5, 2.0, 4.0]);
/// assert_eq!(cell_edges(&[10.0]), vec![9.5, 10.5]);
/// ```
pub fn cell_edges(centres: &[f64]) -> Vec<f64> {
    match centres {
        [] => Vec::new(),
        [c] => {
            let h = (c.abs() * 0.05).max(0.5);
            vec![c - h, c + h]
        }
        _ => {
            let n = centres.len();
            let mut e = Vec::with_capacity(n + 1);
            e.push(centres[0] - (centres[1] - centres[0]) / 2.0);
            for w in centres.windows(2) {
                e.push(w[0] / 2.0 + w[1] / 2.0);
            }
            e.push(centres[n - 1] + (centres[n - 1] - centres[n - 2]) / 2.0);
            e
        }
    }
}

/// The diverging colour of `t` in `[-1, 1]` (clamped): [`Theme::negative`] at −1, through
/// [`Theme::neutral`] at 0, to [`Theme::positive`] at +1, linear in RGB. Non-finite `t` →
/// [`Theme::missing`].
///
/// ```
/// use minerhedge::chart::heatmap::diverging_colour;
/// use minerhedge::chart::Theme;
/// let t = Theme::light();
/// assert_eq!(diverging_colour(&t, -1.0), t.negative);
/// assert_eq!(diverging_colour(&t, 0.0), t.neutral);
/// assert_eq!(diverging_colour(&t, 7.0), t.positive);
/// assert_eq!(diverging_colour(&t, f64::NAN), t.missing);
/// ```
pub fn diverging_colour(theme: &Theme, t: f64) -> RGBColor {
    if !t.is_finite() {
        return theme.missing;
    }
    let t = t.clamp(-1.0, 1.0);
    let (a, b, f) = if t < 0.0 {
        (theme.neutral, theme.negative, -t)
    } else {
        (theme.neutral, theme.positive, t)
    };
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Everything the heat map shows.
///
/// ```
/// use minerhedge::chart::heatmap::HeatmapChart;
/// let c = HeatmapChart::default();
/// assert_eq!(c.y_label, "Difficulty change");
/// assert_eq!(c.grid.x().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapChart {
    /// The values.
    pub grid: Grid,
    /// X-axis title.
    pub x_label: String,
    /// How x values print.
    pub x_format: TickFormat,
    /// Y-axis title.
    pub y_label: String,
    /// How y values print (difficulty change as a fraction → percent).
    pub y_format: TickFormat,
    /// Colour-bar title.
    pub value_label: String,
    /// How values print on the colour bar.
    pub value_format: TickFormat,
    /// A mark (e.g. current price and 0 % difficulty change): a ring at `(x, y)`.
    pub marker: Option<(f64, f64)>,
    /// Colours.
    pub theme: Theme,
}

impl Default for HeatmapChart {
    /// A single zero cell at (0, 0), price × difficulty-change axes, light theme.
    ///
    /// ```
    /// use minerhedge::chart::heatmap::HeatmapChart;
    /// assert_eq!(HeatmapChart::default().value_label, "Hedged return");
    /// ```
    fn default() -> Self {
        HeatmapChart {
            grid: Grid {
                x: vec![0.0],
                y: vec![0.0],
                values: vec![0.0],
            },
            x_label: "Final price (USD per coin)".to_string(),
            x_format: TickFormat::Usd,
            y_label: "Difficulty change".to_string(),
            y_format: TickFormat::Percent,
            value_label: "Hedged return".to_string(),
            value_format: TickFormat::Percent,
            marker: None,
            theme: Theme::light(),
        }
    }
}

/// Width of the colour bar and its labels, CSS px.
const BAR_CSS: f64 = 14.0;

/// The colour bar's geometry and labels.
struct ColourBar {
    gap: i32,
    bar_w: i32,
    pad: i32,
    vrange: DataRange,
    ticks: Vec<f64>,
    labels: Vec<String>,
    font: TextStyle<'static>,
}

/// The grid's cells in their diverging colours and the marker.
fn draw_cells<DB: DrawingBackend>(
    ctx: &mut render::Chart<'_, DB>,
    chart: &HeatmapChart,
    (xe, ye): (&[f64], &[f64]),
    (x, y): (DataRange, DataRange),
    vmax: f64,
    surface: &Surface,
) -> Result<(), ChartError> {
    let theme = &chart.theme;
    let grid = &chart.grid;
    for (j, yw) in ye.windows(2).enumerate() {
        for (i, xw) in xe.windows(2).enumerate() {
            let v = grid.value(i, j).unwrap_or(f64::NAN);
            let c = if is_plottable(v) {
                diverging_colour(theme, v / vmax)
            } else {
                theme.missing
            };
            ctx.plotting_area()
                .draw(&Rectangle::new(
                    [(xw[0], yw[0]), (xw[1], yw[1])],
                    c.filled(),
                ))
                .map_err(drawing_err)?;
        }
    }
    if let Some((mx, my)) = chart
        .marker
        .filter(|(a, b)| x.contains(*a) && y.contains(*b))
    {
        ctx.plotting_area()
            .draw(&Circle::new(
                (mx, my),
                ipx(surface, 6.0, 1),
                theme.text.stroke_width(ipx(surface, 2.0, 1) as u32),
            ))
            .map_err(drawing_err)?;
    }

    Ok(())
}

/// The colour bar beside the plot (same height), its tick labels and its title.
fn draw_colour_bar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &HeatmapChart,
    frame: &Frame,
    bar: ColourBar,
    surface: &Surface,
) -> Result<(), ChartError> {
    let theme = &chart.theme;
    let ColourBar {
        gap,
        bar_w,
        pad,
        vrange,
        ticks: v_ticks,
        labels: v_labels,
        font: tick_font,
    } = bar;
    let p = frame.plot();
    let bx = p.right + gap;
    let steps = 64;
    let h = f64::from(p.height());
    for k in 0..steps {
        let y0 = f64::from(p.bottom) - h * k as f64 / steps as f64;
        let y1 = f64::from(p.bottom) - h * (k + 1) as f64 / steps as f64;
        let t = -1.0 + 2.0 * (k as f64 + 0.5) / steps as f64;
        root.draw(&Rectangle::new(
            [(bx, y1.floor() as i32), (bx + bar_w, y0.ceil() as i32)],
            diverging_colour(theme, t).filled(),
        ))
        .map_err(drawing_err)?;
    }
    root.draw(&Rectangle::new(
        [(bx, p.top), (bx + bar_w, p.bottom)],
        theme.axis.stroke_width(1),
    ))
    .map_err(drawing_err)?;
    let label_style = tick_font.pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Left,
        plotters::style::text_anchor::VPos::Center,
    ));
    for (v, l) in v_ticks.iter().zip(v_labels) {
        let py = (f64::from(p.bottom) - (v - vrange.lo()) / vrange.span() * h).round() as i32;
        root.draw(&PathElement::new(
            vec![(bx + bar_w, py), (bx + bar_w + ipx(surface, 4.0, 1), py)],
            theme.axis.stroke_width(1),
        ))
        .map_err(drawing_err)?;
        root.draw(&Text::new(
            l,
            (bx + bar_w + ipx(surface, 6.0, 1), py),
            label_style.clone(),
        ))
        .map_err(drawing_err)?;
    }
    if !chart.value_label.is_empty() {
        let style = render::font(surface, render::TEXT_CSS, theme.text).pos(
            plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Right,
                plotters::style::text_anchor::VPos::Bottom,
            ),
        );
        let (w, _) = root.dim_in_pixel();
        root.draw(&Text::new(
            chart.value_label.clone(),
            (w as i32 - pad, p.top - ipx(surface, 6.0, 1)),
            style,
        ))
        .map_err(drawing_err)?;
    }
    Ok(())
}

/// Draws the heat map on `root` ([`Surface::backing_size`] large) and returns the main plot's
/// [`Frame`] (x: price, y: difficulty change).
///
/// # Errors
/// [`ChartError::SurfaceMismatch`] for a wrong-size `root`, [`ChartError::Drawing`] when the
/// backend fails or the surface is too small.
///
/// ```
/// use minerhedge::chart::geometry::Surface;
/// use minerhedge::chart::heatmap::{draw, HeatmapChart};
/// use plotters::prelude::*;
/// let surface = Surface::new(400.0, 240.0, 1.0).unwrap();
/// let mut svg = String::new();
/// let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
/// let frame = draw(&root, &HeatmapChart::default(), &surface).unwrap();
/// assert!(frame.x_range().contains(0.0));
/// ```
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &HeatmapChart,
    surface: &Surface,
) -> Result<Frame, ChartError> {
    render::check_surface(root, surface)?;
    let theme = &chart.theme;
    root.fill(&theme.background).map_err(drawing_err)?;
    let grid = &chart.grid;
    let xe = cell_edges(&grid.x);
    let ye = cell_edges(&grid.y);
    let x = DataRange::from_values(xe.iter().copied()).unwrap_or(DataRange::UNIT);
    let y = DataRange::from_values(ye.iter().copied()).unwrap_or(DataRange::UNIT);
    let vmax = match grid.max_abs() {
        m if m > 0.0 => m,
        _ => 1.0,
    };
    let vrange = DataRange::new(-vmax, vmax).unwrap_or(DataRange::UNIT);

    // Colour bar on the right: bar + tick labels.
    let tick_font = render::font(surface, render::TEXT_CSS - 1.0, theme.text);
    let v_ticks = ticks(&vrange, render::tick_budget(surface).1);
    let v_step = match v_ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => 1.0,
    };
    let v_labels: Vec<String> = v_ticks
        .iter()
        .map(|v| chart.value_format.format(*v, v_step))
        .collect();
    let label_w = v_labels
        .iter()
        .map(|l| render::text_width(root, l, &tick_font, surface, render::TEXT_CSS - 1.0))
        .max()
        .unwrap_or(0);
    let bar_w = ipx(surface, BAR_CSS, 1);
    let gap = ipx(surface, 12.0, 1);
    let right = gap + bar_w + ipx(surface, 6.0, 1) + label_w + ipx(surface, 8.0, 1);
    let pad = ipx(surface, 8.0, 1);
    let title_h = if chart.value_label.is_empty() {
        0
    } else {
        ipx(surface, render::TEXT_CSS * 1.6, 1)
    };

    let (max_x_ticks, max_y_ticks) = render::tick_budget(surface);
    let (mut ctx, frame) = render::build_axes(
        root,
        Axes {
            x,
            y,
            x_ticks: ticks(&x, max_x_ticks),
            y_ticks: ticks(&y, max_y_ticks),
            x_format: chart.x_format,
            y_format: chart.y_format,
            x_label: &chart.x_label,
            y_label: &chart.y_label,
            top: pad + title_h,
            right,
        },
        surface,
        theme,
    )?;

    draw_cells(&mut ctx, chart, (&xe, &ye), (x, y), vmax, surface)?;
    let bar = ColourBar {
        gap,
        bar_w,
        pad,
        vrange,
        ticks: v_ticks,
        labels: v_labels,
        font: tick_font,
    };
    draw_colour_bar(root, chart, &frame, bar, surface)?;
    root.present().map_err(drawing_err)?;
    Ok(frame)
}
