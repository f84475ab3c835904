//! The return distribution chart: histograms of the period return of two or more strategies,
//! overlaid as translucent filled steps with an outline, a legend and optional VaR marks.
//!
//! Bars show the *share* of each series' total count, so series of different path counts
//! compare directly.
//!
//! ```
//! use minerhedge::chart::distribution::{draw, DistributionChart, Histogram, HistogramSeries};
//! use minerhedge::chart::geometry::Surface;
//! use plotters::prelude::*;
//!
//! let edges: Vec<f64> = (0..=10).map(|i| -0.5 + 0.1 * i as f64).collect();
//! let chart = DistributionChart {
//!     series: vec![
//!         HistogramSeries::new("Unhedged", Histogram::new(edges.clone(), vec![1, 3, 8, 15, 22, 22, 15, 8, 4, 2]).unwrap()),
//!         HistogramSeries::new("Collar", Histogram::new(edges, vec![0, 0, 0, 20, 40, 30, 10, 0, 0, 0]).unwrap())
//!             .with_var(-0.2),
//!     ],
//!     ..DistributionChart::default()
//! };
//! let surface = Surface::new(640.0, 320.0, 1.0).unwrap();
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     draw(&root, &chart, &surface).unwrap();
//! }
//! assert!(svg.contains("Collar") && svg.contains("VaR"));
//! ```

use crate::domain::Field;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::geometry::{DataRange, Frame, Surface, is_plottable, ticks};
use super::render::{self, Axes, LegendItem, Swatch, drawing_err, ipx};
use super::{ChartError, Theme, TickFormat};
use crate::domain::DomainError;

/// Bin edges and counts: bin `i` is `[edges[i], edges[i+1])`.
///
/// ```
/// use minerhedge::chart::distribution::Histogram;
/// let h = Histogram::new(vec![0.0, 1.0, 2.0], vec![3, 1]).unwrap();
/// assert_eq!(h.total(), 4);
/// assert!(Histogram::new(vec![0.0, 1.0], vec![3, 1]).is_err());
/// assert!(Histogram::new(vec![1.0, 0.0], vec![3]).is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    edges: Vec<f64>,
    counts: Vec<u64>,
}

impl Histogram {
    /// A histogram; `edges` must be plottable and strictly increasing, with
    /// `edges.len() == counts.len() + 1` and at least one bin.
    ///
    /// ```
    /// use minerhedge::chart::distribution::Histogram;
    /// assert!(Histogram::new(vec![0.0, f64::NAN], vec![1]).is_err());
    /// assert!(Histogram::new(vec![0.0], vec![]).is_err());
    /// ```
    pub fn new(edges: Vec<f64>, counts: Vec<u64>) -> Result<Histogram, ChartError> {
        if counts.is_empty() || edges.len() != counts.len() + 1 {
            return Err(DomainError::out_of_range(
                Field::HistogramEdges,
                edges.len() as f64,
                format!("one more edge than bins ({} bins)", counts.len().max(1)),
            )
            .into());
        }
        for (i, e) in edges.iter().enumerate() {
            if !is_plottable(*e) || (i > 0 && *e <= edges[i - 1]) {
                return Err(DomainError::out_of_range(
                    Field::HistogramEdge,
                    *e,
                    "finite and greater than the previous edge",
                )
                .into());
            }
        }
        Ok(Histogram { edges, counts })
    }

    /// Bin edges.
    ///
    /// ```
    /// # use minerhedge::chart::distribution::Histogram;
    /// assert_eq!(Histogram::new(vec![0.0, 1.0], vec![2]).unwrap().edges(), &[0.0, 1.0]);
    /// ```
    pub fn edges(&self) -> &[f64] {
        &self.edges
    }

    /// Counts per bin.
    ///
    /// ```
    /// # use minerhedge::chart::distribution::Histogram;
    /// assert_eq!(Histogram::new(vec![0.0, 1.0], vec![2]).unwrap().counts(), &[2]);
    /// ```
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Sum of the counts (saturating).
    ///
    /// ```
    /// # use minerhedge::chart::distribution::Histogram;
    /// assert_eq!(Histogram::new(vec![0.0, 1.0, 2.0], vec![u64::MAX, 1]).unwrap().total(), u64::MAX);
    /// ```
    pub fn total(&self) -> u64 {
        self.counts.iter().fold(0u64, |a, c| a.saturating_add(*c))
    }

    /// Share of the total in each bin (all 0 when the total is 0).
    ///
    /// ```
    /// # use minerhedge::chart::distribution::Histogram;
    /// let h = Histogram::new(vec![0.0, 1.0, 2.0], vec![1, 3]).unwrap();
    /// assert_eq!(h.shares(), vec![0.25, 0.75]);
    /// ```
    pub fn shares(&self) -> Vec<f64> {
        let total = self.total();
        if total == 0 {
            return vec![0.0; self.counts.len()];
        }
        self.counts
            .iter()
            .map(|c| *c as f64 / total as f64)
            .collect()
    }
}

/// One strategy's histogram with its legend label and optional VaR mark.
///
/// ```
/// use minerhedge::chart::distribution::{Histogram, HistogramSeries};
/// let s = HistogramSeries::new("Put", Histogram::new(vec![0.0, 1.0], vec![1]).unwrap()).with_var(0.1);
/// assert_eq!(s.var, Some(0.1));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramSeries {
    /// Legend label.
    pub label: String,
    /// The bins.
    pub histogram: Histogram,
    /// Value-at-risk threshold on the x axis (same units as the edges), drawn as a dashed
    /// vertical line in the series' colour labelled "VaR".
    pub var: Option<f64>,
}

impl HistogramSeries {
    /// A series without a VaR mark.
    ///
    /// ```
    /// use minerhedge::chart::distribution::{Histogram, HistogramSeries};
    /// let s = HistogramSeries::new("Unhedged", Histogram::new(vec![0.0, 1.0], vec![1]).unwrap());
    /// assert!(s.var.is_none());
    /// ```
    pub fn new(label: impl Into<String>, histogram: Histogram) -> HistogramSeries {
        HistogramSeries {
            label: label.into(),
            histogram,
            var: None,
        }
    }

    /// The same series with a VaR mark at `x`.
    ///
    /// ```
    /// use minerhedge::chart::distribution::{Histogram, HistogramSeries};
    /// let s = HistogramSeries::new("a", Histogram::new(vec![0.0, 1.0], vec![1]).unwrap()).with_var(-0.3);
    /// assert_eq!(s.var, Some(-0.3));
    /// ```
    pub fn with_var(mut self, x: f64) -> HistogramSeries {
        self.var = Some(x);
        self
    }
}

/// Everything the distribution chart shows.
///
/// ```
/// use minerhedge::chart::distribution::DistributionChart;
/// use minerhedge::chart::TickFormat;
/// assert_eq!(DistributionChart::default().x_format, TickFormat::Percent);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DistributionChart {
    /// Histograms, drawn in order (colours: primary, secondary, then the faint palette).
    pub series: Vec<HistogramSeries>,
    /// X-axis title.
    pub x_label: String,
    /// How x values print (returns as fractions → [`TickFormat::Percent`]).
    pub x_format: TickFormat,
    /// Y-axis title.
    pub y_label: String,
    /// Colours.
    pub theme: Theme,
}

impl DistributionChart {
    /// The label of a VaR mark at `x`: the signed return with the page's percent formatter
    /// (the same text the Monte Carlo figures and the comparison show), e.g. `VaR -14.1%`.
    ///
    /// ```
    /// use minerhedge::chart::distribution::DistributionChart;
    /// assert_eq!(DistributionChart::default().var_label(-0.1412), "VaR -14.1%");
    /// ```
    pub fn var_label(&self, x: f64) -> String {
        match self.x_format {
            TickFormat::Percent => format!("VaR {}", crate::format::percent_f64(x, 1)),
            f => format!("VaR {}", f.readout(x)),
        }
    }
}

impl Default for DistributionChart {
    /// No series, returns in percent, light theme.
    ///
    /// ```
    /// use minerhedge::chart::distribution::DistributionChart;
    /// assert_eq!(DistributionChart::default().y_label, "Share of paths");
    /// ```
    fn default() -> Self {
        DistributionChart {
            series: Vec::new(),
            x_label: "Period return".to_string(),
            x_format: TickFormat::Percent,
            y_label: "Share of paths".to_string(),
            theme: Theme::light(),
        }
    }
}

/// Colour of the `i`-th histogram: primary, secondary, then the faint palette.
///
/// ```
/// use minerhedge::chart::distribution::series_colour;
/// use minerhedge::chart::Theme;
/// let t = Theme::light();
/// assert_eq!(series_colour(&t, 0), t.primary);
/// assert_eq!(series_colour(&t, 2), t.faint[0]);
/// ```
pub fn series_colour(theme: &Theme, i: usize) -> RGBColor {
    match i {
        0 => theme.primary,
        1 => theme.secondary,
        n => theme.faint[(n - 2) % theme.faint.len()],
    }
}

/// Draws the distribution chart on `root` ([`Surface::backing_size`] large) and returns the
/// plotting area's [`Frame`] (x: the return axis, y: share of paths).
///
/// # Errors
/// [`ChartError::SurfaceMismatch`] for a wrong-size `root`, [`ChartError::Drawing`] when the
/// backend fails.
///
/// ```
/// use minerhedge::chart::distribution::{draw, DistributionChart};
/// use minerhedge::chart::geometry::Surface;
/// use plotters::prelude::*;
/// let surface = Surface::new(400.0, 240.0, 1.0).unwrap();
/// let mut svg = String::new();
/// let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
/// assert!(draw(&root, &DistributionChart::default(), &surface).is_ok());
/// ```
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &DistributionChart,
    surface: &Surface,
) -> Result<Frame, ChartError> {
    render::check_surface(root, surface)?;
    let theme = &chart.theme;
    root.fill(&theme.background).map_err(drawing_err)?;

    let shares: Vec<Vec<f64>> = chart.series.iter().map(|s| s.histogram.shares()).collect();
    let x = DataRange::from_values(
        chart
            .series
            .iter()
            .flat_map(|s| s.histogram.edges().iter().copied()),
    )
    .unwrap_or(DataRange::UNIT);
    let top_share = shares.iter().flatten().copied().fold(0.0, f64::max);
    let y = if top_share > 0.0 {
        DataRange::new(0.0, top_share * 1.08).unwrap_or(DataRange::UNIT)
    } else {
        DataRange::UNIT
    };
    let (max_x_ticks, max_y_ticks) = render::tick_budget(surface);

    let items: Vec<LegendItem> = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendItem {
            label: s.label.clone(),
            colour: series_colour(theme, i),
            swatch: Swatch::Box(0.3),
        })
        .collect();
    let (legend, pad, top) = render::top_legend(root, &items, surface);

    let (mut ctx, frame) = render::build_axes(
        root,
        Axes {
            x,
            y,
            x_ticks: ticks(&x, max_x_ticks),
            y_ticks: ticks(&y, max_y_ticks),
            x_format: chart.x_format,
            y_format: TickFormat::Percent,
            x_label: &chart.x_label,
            y_label: &chart.y_label,
            top,
            right: ipx(surface, 16.0, 1),
        },
        surface,
        theme,
    )?;
    render::draw_legend(root, &items, &legend, (pad, pad), surface, theme)?;

    let line_w = ipx(surface, 1.5, 1) as u32;
    for (i, (s, sh)) in chart.series.iter().zip(&shares).enumerate() {
        let colour = series_colour(theme, i);
        let outline = step_outline(s.histogram.edges(), sh);
        let mut polygon = Vec::with_capacity(outline.len() + 2);
        polygon.push((s.histogram.edges()[0], 0.0));
        polygon.extend(outline.iter().copied());
        polygon.push((s.histogram.edges()[s.histogram.edges().len() - 1], 0.0));
        ctx.plotting_area()
            .draw(&Polygon::new(polygon, colour.mix(0.28).filled()))
            .map_err(drawing_err)?;
        ctx.plotting_area()
            .draw(&PathElement::new(outline, colour.stroke_width(line_w)))
            .map_err(drawing_err)?;
    }
    for (i, s) in chart.series.iter().enumerate() {
        if let Some(v) = s.var.filter(|v| is_plottable(*v)) {
            let label = chart.var_label(v);
            render::vertical_mark(
                &mut ctx,
                &frame,
                v,
                series_colour(theme, i),
                true,
                Some(&label),
                surface,
                i as i32,
            )?;
        }
    }
    root.present().map_err(drawing_err)?;
    Ok(frame)
}

/// The top outline of a histogram as a step path: `(e0, s0), (e1, s0), (e1, s1), …, (en, sn−1)`.
fn step_outline(edges: &[f64], shares: &[f64]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(shares.len() * 2);
    for (i, s) in shares.iter().enumerate() {
        out.push((edges[i], *s));
        out.push((edges[i + 1], *s));
    }
    out
}
