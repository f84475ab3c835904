//! Drawing helpers shared by the charts: fonts scaled to the surface, axes built on nice
//! ticks, a legend laid out above the plot, and mark lines.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::geometry::{DataRange, Frame, PixelRect, Surface};
use super::{ChartError, Theme, TickFormat};

/// The chart context every chart here draws into.
pub(crate) type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<TickedAxis, TickedAxis>>;

/// A linear f64 axis whose grid lines and labels sit exactly on the given ticks, mapping
/// values to pixels with the same formula as [`Frame`] (rounded to the nearest pixel).
pub(crate) struct TickedAxis {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Ranged for TickedAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let t = (value - self.lo) / (self.hi - self.lo);
        let px = f64::from(limit.0) + t * f64::from(limit.1 - limit.0);
        if px.is_nan() {
            return limit.0;
        }
        // `as` saturates, so far-out values cannot overflow.
        px.round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

/// Turns a backend error into a [`ChartError`].
pub(crate) fn drawing_err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Drawing(e.to_string())
}

/// Checks that the drawing area has the surface's backing size (±1 px for rounding).
pub(crate) fn check_surface<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    surface: &Surface,
) -> Result<(), ChartError> {
    let actual = root.dim_in_pixel();
    let expected = surface.backing_size();
    if actual.0.abs_diff(expected.0) > 1 || actual.1.abs_diff(expected.1) > 1 {
        return Err(ChartError::SurfaceMismatch { expected, actual });
    }
    Ok(())
}

/// Base text size in CSS pixels.
pub(crate) const TEXT_CSS: f64 = 12.0;

/// A sans-serif font of `css` CSS pixels in `colour`. (The family as
/// [`FontFamily::SansSerif`], not the string `"sans-serif"`: plotters lower-cases a family
/// given as text, which links the whole Unicode case table into the page, about 5 KB
/// gzipped.)
pub(crate) fn font(surface: &Surface, css: f64, colour: RGBColor) -> TextStyle<'static> {
    TextStyle {
        font: (FontFamily::SansSerif, surface.px(css)).into_font(),
        color: colour.to_backend_color(),
        pos: plotters::style::text_anchor::Pos::default(),
    }
}

/// At most how many ticks fit on the x and y axes: one per 80 CSS px across (2–10) and one
/// per 40 CSS px up (2–9).
pub(crate) fn tick_budget(surface: &Surface) -> (usize, usize) {
    (
        ((surface.css_width() / 80.0).floor() as usize).clamp(2, 10),
        ((surface.css_height() / 40.0).floor() as usize).clamp(2, 9),
    )
}

/// Device pixels as the integer plotters wants (at least `min`).
pub(crate) fn ipx(surface: &Surface, css: f64, min: i32) -> i32 {
    (surface.px(css).round() as i32).max(min)
}

/// Width of `text` in device pixels; falls back to 0.6 em per character when the backend
/// cannot measure.
pub(crate) fn text_width<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    surface: &Surface,
    css_size: f64,
) -> i32 {
    match root.estimate_text_size(text, style) {
        Ok((w, _)) => w as i32,
        Err(_) => (surface.px(css_size) * 0.6 * text.chars().count() as f64).round() as i32,
    }
}

/// How a legend entry shows its series.
#[derive(Clone, Copy)]
pub(crate) enum Swatch {
    /// A line sample of the given width (device px) and opacity.
    Line(u32, f64),
    /// A filled box with the given opacity.
    Box(f64),
}

/// One legend entry.
pub(crate) struct LegendItem {
    pub label: String,
    pub colour: RGBColor,
    pub swatch: Swatch,
}

/// Legend laid out in rows: item positions relative to the legend's top-left corner.
pub(crate) struct LegendLayout {
    pub positions: Vec<(i32, i32)>,
    pub height: i32,
}

const SWATCH_CSS: f64 = 18.0;

/// The legend laid out across the top of `root` inside the chart's padding, with the padding
/// and the top margin the plot below it needs: `(legend, pad, top)`.
pub(crate) fn top_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[LegendItem],
    surface: &Surface,
) -> (LegendLayout, i32, i32) {
    let (w, _) = root.dim_in_pixel();
    let pad = ipx(surface, 8.0, 1);
    let legend = layout_legend(root, items, surface, w as i32 - 2 * pad);
    let top = pad + legend.height + if legend.height > 0 { pad / 2 } else { 0 };
    (legend, pad, top)
}

/// Lays the items out left to right, wrapping at `width` device pixels.
pub(crate) fn layout_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[LegendItem],
    surface: &Surface,
    width: i32,
) -> LegendLayout {
    if items.is_empty() {
        return LegendLayout {
            positions: Vec::new(),
            height: 0,
        };
    }
    let style = font(surface, TEXT_CSS, RGBColor(0, 0, 0));
    let row_h = ipx(surface, TEXT_CSS * 1.6, 1);
    let gap = ipx(surface, 16.0, 1);
    let sw = ipx(surface, SWATCH_CSS + 6.0, 1);
    let (mut x, mut y) = (0, 0);
    let mut positions = Vec::with_capacity(items.len());
    for item in items {
        let w = sw + text_width(root, &item.label, &style, surface, TEXT_CSS);
        if x > 0 && x + w > width {
            x = 0;
            y += row_h;
        }
        positions.push((x, y));
        x += w + gap;
    }
    LegendLayout {
        positions,
        height: y + row_h,
    }
}

/// Draws the legend at `origin` (device px).
pub(crate) fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[LegendItem],
    layout: &LegendLayout,
    origin: (i32, i32),
    surface: &Surface,
    theme: &Theme,
) -> Result<(), ChartError> {
    let style = font(surface, TEXT_CSS, theme.text).pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Left,
        plotters::style::text_anchor::VPos::Center,
    ));
    let row_mid = ipx(surface, TEXT_CSS * 0.8, 1);
    let sw = ipx(surface, SWATCH_CSS, 1);
    let text_dx = ipx(surface, SWATCH_CSS + 6.0, 1);
    for (item, (dx, dy)) in items.iter().zip(&layout.positions) {
        let (x, y) = (origin.0 + dx, origin.1 + dy + row_mid);
        match item.swatch {
            Swatch::Line(w, alpha) => root
                .draw(&PathElement::new(
                    vec![(x, y), (x + sw, y)],
                    item.colour.mix(alpha).stroke_width(w),
                ))
                .map_err(drawing_err)?,
            Swatch::Box(alpha) => {
                let h = ipx(surface, 5.0, 1);
                root.draw(&Rectangle::new(
                    [(x, y - h), (x + sw, y + h)],
                    item.colour.mix(alpha).filled(),
                ))
                .map_err(drawing_err)?;
                root.draw(&Rectangle::new(
                    [(x, y - h), (x + sw, y + h)],
                    item.colour.stroke_width(1),
                ))
                .map_err(drawing_err)?
            }
        }
        root.draw(&Text::new(
            item.label.clone(),
            (x + text_dx, y),
            style.clone(),
        ))
        .map_err(drawing_err)?;
    }
    Ok(())
}

/// What the axes show.
pub(crate) struct Axes<'s> {
    pub x: DataRange,
    pub y: DataRange,
    pub x_ticks: Vec<f64>,
    pub y_ticks: Vec<f64>,
    pub x_format: TickFormat,
    pub y_format: TickFormat,
    pub x_label: &'s str,
    pub y_label: &'s str,
    /// Space above the plot (device px), e.g. for the legend.
    pub top: i32,
    /// Space right of the plot (device px).
    pub right: i32,
}

fn tick_step(t: &[f64]) -> f64 {
    match t {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    }
}

/// The sizes around the plot of `axes`: the x and y label areas and the right margin that
/// holds half of the last x tick label.
fn label_areas<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    axes: &Axes<'_>,
    surface: &Surface,
    tick_font: &TextStyle<'static>,
) -> (i32, i32, i32) {
    let (xs, ys) = (tick_step(&axes.x_ticks), tick_step(&axes.y_ticks));
    let y_labels: Vec<String> = axes
        .y_ticks
        .iter()
        .map(|v| axes.y_format.format(*v, ys))
        .collect();
    let widest = y_labels
        .iter()
        .map(|l| text_width(root, l, tick_font, surface, TEXT_CSS - 1.0))
        .max()
        .unwrap_or(0);
    let desc_h = ipx(surface, TEXT_CSS * 1.5, 1);
    let tick_len = ipx(surface, 4.0, 1);
    // Huge tick labels (e.g. a 1e14 value) may not take more than 40 % of the width: the plot
    // keeps its space and the labels are clipped instead.
    let max_y_area = (surface.backing_size().0 as f64 * 0.4) as i32;
    let y_area = (widest
        + tick_len
        + ipx(surface, 6.0, 1)
        + if axes.y_label.is_empty() { 0 } else { desc_h })
    .min(max_y_area);
    let x_area = ipx(surface, TEXT_CSS * 1.4, 1)
        + tick_len
        + if axes.x_label.is_empty() { 0 } else { desc_h };

    // The last x tick label is centred on its tick, which may sit at the plot's right edge:
    // the right margin holds half of it, so it is never clipped (`$140,000` on a narrow chart).
    let last_x_half = axes
        .x_ticks
        .last()
        .map(|v| {
            text_width(
                root,
                &axes.x_format.format(*v, xs),
                tick_font,
                surface,
                TEXT_CSS - 1.0,
            )
        })
        .map_or(0, |w| w / 2 + ipx(surface, 2.0, 1))
        // On a tiny chart the plot keeps its space (the label may be clipped instead).
        .min((surface.backing_size().0 as f64 * 0.1) as i32);
    (x_area, y_area, last_x_half)
}

/// Builds the chart on nice ticks, draws grid, axes, tick labels and axis titles, and returns
/// the chart with the plotting area's [`Frame`].
pub(crate) fn build_axes<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    axes: Axes<'_>,
    surface: &Surface,
    theme: &Theme,
) -> Result<(Chart<'a, DB>, Frame), ChartError> {
    let tick_font = font(surface, TEXT_CSS - 1.0, theme.text);
    let desc_font = font(surface, TEXT_CSS, theme.text);
    let (xs, ys) = (tick_step(&axes.x_ticks), tick_step(&axes.y_ticks));
    let (x_area, y_area, last_x_half) = label_areas(root, &axes, surface, &tick_font);
    let tick_len = ipx(surface, 4.0, 1);
    let mut chart = ChartBuilder::on(root)
        .margin_top(axes.top.max(0))
        .margin_right(axes.right.max(last_x_half).max(0))
        .margin_left(ipx(surface, 6.0, 0))
        .margin_bottom(ipx(surface, 4.0, 0))
        .x_label_area_size(x_area)
        .y_label_area_size(y_area)
        .build_cartesian_2d(
            TickedAxis {
                lo: axes.x.lo(),
                hi: axes.x.hi(),
                ticks: axes.x_ticks.clone(),
            },
            TickedAxis {
                lo: axes.y.lo(),
                hi: axes.y.hi(),
                ticks: axes.y_ticks.clone(),
            },
        )
        .map_err(drawing_err)?;

    let xf = |v: &f64| axes.x_format.format(*v, xs);
    let yf = |v: &f64| axes.y_format.format(*v, ys);
    let line_w = ipx(surface, 1.0, 1) as u32;
    let mut mesh = chart.configure_mesh();
    mesh.x_labels(axes.x_ticks.len().max(2))
        .y_labels(axes.y_ticks.len().max(2))
        .bold_line_style(theme.grid.stroke_width(line_w))
        .light_line_style(TRANSPARENT)
        .axis_style(theme.axis.stroke_width(line_w))
        .label_style(tick_font.clone())
        .axis_desc_style(desc_font.clone())
        .set_all_tick_mark_size(tick_len)
        .x_label_formatter(&xf)
        .y_label_formatter(&yf);
    if !axes.x_label.is_empty() {
        mesh.x_desc(axes.x_label);
    }
    if !axes.y_label.is_empty() {
        mesh.y_desc(axes.y_label);
    }
    mesh.draw().map_err(drawing_err)?;

    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let rect = PixelRect::new(xr.start, yr.start, xr.end - 1, yr.end - 1).ok_or_else(|| {
        ChartError::Drawing("the surface is too small for a plotting area".to_string())
    })?;
    let frame =
        Frame::new(rect, axes.x, axes.y, surface.dpr())?.with_ticks(axes.x_ticks, axes.y_ticks);
    Ok((chart, frame))
}

/// A vertical line at data `x` over the full plot height, dashed or solid, with an optional
/// label at its top. Nothing is drawn when `x` lies outside the x range.
#[allow(clippy::too_many_arguments)]
pub(crate) fn vertical_mark<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    frame: &Frame,
    x: f64,
    colour: RGBColor,
    dashed: bool,
    label: Option<&str>,
    surface: &Surface,
    label_row: i32,
) -> Result<(), ChartError> {
    if !frame.x_range().contains(x) {
        return Ok(());
    }
    let (lo, hi) = (frame.y_range().lo(), frame.y_range().hi());
    let style = colour.stroke_width(ipx(surface, 1.5, 1) as u32);
    if dashed {
        chart
            .plotting_area()
            .draw(&DashedPathElement::new(
                vec![(x, lo), (x, hi)],
                ipx(surface, 5.0, 1),
                ipx(surface, 4.0, 1),
                style,
            ))
            .map_err(drawing_err)?;
    } else {
        chart
            .plotting_area()
            .draw(&PathElement::new(vec![(x, lo), (x, hi)], style))
            .map_err(drawing_err)?;
    }
    if let Some(text) = label {
        let anchor = if frame.x_to_px(x) > f64::from(frame.plot().left + frame.plot().right) / 2.0 {
            plotters::style::text_anchor::HPos::Right
        } else {
            plotters::style::text_anchor::HPos::Left
        };
        let dx = if matches!(anchor, plotters::style::text_anchor::HPos::Right) {
            -ipx(surface, 4.0, 1)
        } else {
            ipx(surface, 4.0, 1)
        };
        let px = frame.x_to_px(x).round() as i32 + dx;
        let py =
            frame.plot().top + ipx(surface, 4.0, 0) + label_row * ipx(surface, TEXT_CSS * 1.3, 1);
        let style = font(surface, TEXT_CSS - 1.0, colour).pos(
            plotters::style::text_anchor::Pos::new(anchor, plotters::style::text_anchor::VPos::Top),
        );
        chart
            .plotting_area()
            .strip_coord_spec()
            .draw(&Text::new(
                text.to_string(),
                (px - frame.plot().left, py - frame.plot().top),
                style,
            ))
            .map_err(drawing_err)?;
    }
    Ok(())
}

/// A solid horizontal line at data `y` across the plot, with an optional label just above it
/// at the plot's left or right end (`HPos::Left` / `HPos::Right`). Nothing is drawn when `y`
/// lies outside the y range.
pub(crate) fn horizontal_mark<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &mut Chart<'_, DB>,
    frame: &Frame,
    y: f64,
    colour: RGBColor,
    label: Option<(&str, HPos)>,
    surface: &Surface,
) -> Result<(), ChartError> {
    if !frame.y_range().contains(y) {
        return Ok(());
    }
    let (lo, hi) = (frame.x_range().lo(), frame.x_range().hi());
    chart
        .plotting_area()
        .draw(&PathElement::new(
            vec![(lo, y), (hi, y)],
            colour.stroke_width(ipx(surface, 1.25, 1) as u32),
        ))
        .map_err(drawing_err)?;
    if let Some((text, side)) = label {
        let style = font(surface, TEXT_CSS - 1.0, colour).pos(Pos::new(side, VPos::Bottom));
        let px = match side {
            HPos::Right => frame.plot().right - ipx(surface, 4.0, 0),
            _ => frame.plot().left + ipx(surface, 4.0, 0),
        };
        let py = frame.y_to_px(y).round() as i32 - ipx(surface, 3.0, 0);
        root.draw(&Text::new(text.to_string(), (px, py), style))
            .map_err(drawing_err)?;
    }
    Ok(())
}
