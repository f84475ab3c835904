//! The payoff chart: two stacked canvases with backing stores sized by devicePixelRatio (crisp
//! on HiDPI). The base canvas (`data-testid="chart"`) holds the curves, axes and labels and is
//! redrawn when the chart data changes or the window is resized; the overlay on top holds what
//! moves with the pointer and the price slider — the slider-price line with a dot on each
//! curve, and the hover crosshair with its readout — so dragging repaints only the overlay.
//! Every repaint ends with the performance mark `minerhedge:chart-drawn` (the browser
//! benchmark measures input → mark).

use std::cell::Cell;
use std::rc::Rc;

use leptos::html::Canvas;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;
use plotters::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::chart::geometry::{interpolate, Frame, Surface};
use crate::chart::payoff::{draw, PayoffChart, SeriesStyle};
use crate::chart::{Theme, TickFormat};
use crate::format::{percent_f64, usd_f64};

use super::canvas_text::MeasuredCanvas;
use super::display::{chart_summary, Display};

/// Name of the performance mark set after every repaint.
pub const DRAWN_MARK: &str = "minerhedge:chart-drawn";

/// A CSS size and the device pixel ratio, as a chart surface.
fn surface_at((width, height): (f64, f64)) -> Option<Surface> {
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite())
        .unwrap_or(1.0)
        .clamp(0.25, 8.0);
    Surface::new(width.max(1.0), height.max(1.0), dpr).ok()
}

/// The canvas's CSS size (read from layout: forces one when the page changed) and the device
/// pixel ratio, as a chart surface.
pub fn surface_of(canvas: &web_sys::HtmlCanvasElement) -> Option<Surface> {
    let rect = canvas.get_bounding_client_rect();
    surface_at((rect.width(), rect.height()))
}

/// A canvas's CSS width and height.
type CssSize = (f64, f64);

/// The CSS size of the canvas in `node`, kept by a `ResizeObserver` (it reports after layout,
/// so painting never reads layout: during a drag, a read after the page's other updates would
/// force a layout of the whole page). `None` until the first report; the second value tells
/// whether an observer runs (without one, measure with [`surface_of`]).
fn observed_size(node: NodeRef<Canvas>) -> (RwSignal<Option<CssSize>>, Rc<Cell<bool>>) {
    let size = RwSignal::new(None::<CssSize>);
    let observing = Rc::new(Cell::new(true));
    let failed = Rc::clone(&observing);
    Effect::new(move |_| {
        let Some(canvas) = node.get() else {
            return;
        };
        let target = canvas.clone();
        let report = Closure::<dyn FnMut()>::new(move || {
            let rect = target.get_bounding_client_rect();
            size.set(Some((rect.width(), rect.height())));
        });
        match web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
            Ok(o) => {
                o.observe(&canvas);
                // Observer and callback live as long as the page (one chart, never unmounted).
                report.forget();
                std::mem::forget(o);
            }
            Err(_) => failed.set(false),
        }
    });
    (size, observing)
}

/// Sets the backing store of `canvas` to the surface's device-pixel size.
pub fn fit(canvas: &web_sys::HtmlCanvasElement, surface: &Surface) {
    let (w, h) = surface.backing_size();
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
}

/// The chart's colours for the page's colour scheme (the header's light / dark / system
/// choice, see [`super::theme`]). Reactive: an effect calling it redraws when the scheme changes.
pub fn theme() -> Theme {
    if super::theme::is_dark() {
        Theme::dark()
    } else {
        Theme::light()
    }
}

fn css(c: RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// Sizes `canvas`'s backing store to `surface` and runs one of the chart module's draw
/// functions on it; `None` when the canvas has no 2D context or the drawing failed.
pub fn paint_with<F>(
    canvas: &web_sys::HtmlCanvasElement,
    surface: &Surface,
    draw_fn: F,
) -> Option<Frame>
where
    F: FnOnce(
        &DrawingArea<MeasuredCanvas, plotters::coord::Shift>,
        &Surface,
    ) -> Result<Frame, crate::chart::ChartError>,
{
    fit(canvas, surface);
    let backend = MeasuredCanvas::new(canvas.clone())?;
    let root = backend.into_drawing_area();
    let frame = draw_fn(&root, surface).ok();
    let _ = root.present();
    frame
}

/// Draws `chart` on the base canvas; returns the data ↔ pixel frame.
fn paint_base(
    canvas: &web_sys::HtmlCanvasElement,
    surface: &Surface,
    chart: &PayoffChart,
) -> Option<Frame> {
    paint_with(canvas, surface, |root, surface| draw(root, chart, surface))
}

/// Draws the slider-price line (with a dot on each non-faint curve) and the crosshair.
fn paint_overlay(
    canvas: &web_sys::HtmlCanvasElement,
    surface: &Surface,
    frame: &Frame,
    chart: &PayoffChart,
    marker: Option<f64>,
    crosshair: Option<(f64, f64)>,
) {
    fit(canvas, surface);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let (w, h) = surface.backing_size();
    ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
    let plot = frame.plot();
    let (top, bottom) = (f64::from(plot.top), f64::from(plot.bottom));
    let (left, right) = (f64::from(plot.left), f64::from(plot.right));
    let theme = theme();
    let px = surface.px(1.0);
    let vertical = |x: f64, colour: &str, width: f64| {
        ctx.begin_path();
        ctx.set_stroke_style_str(colour);
        ctx.set_line_width(width);
        ctx.move_to(x, top);
        ctx.line_to(x, bottom);
        ctx.stroke();
    };
    let dot = |x: f64, y: f64, colour: &str| {
        ctx.begin_path();
        ctx.set_fill_style_str(colour);
        let _ = ctx.arc(x, y, 3.5 * px, 0.0, std::f64::consts::TAU);
        ctx.fill();
    };
    if let Some(m) = marker.filter(|m| frame.x_range().contains(*m)) {
        let x = frame.x_to_px(m);
        vertical(x, &css(theme.marker), 1.5 * px);
        for s in chart
            .series
            .iter()
            .filter(|s| s.style != SeriesStyle::Faint)
        {
            if let Some(y) = interpolate(&s.points, m) {
                let colour = match s.style {
                    SeriesStyle::Primary => theme.primary,
                    _ => theme.secondary,
                };
                dot(x, frame.y_to_px(y), &css(colour));
            }
        }
    }
    if let Some((cx, cy)) = crosshair {
        let (x, y) = (frame.x_to_px(cx), frame.y_to_px(cy));
        let colour = css(theme.crosshair);
        vertical(x, &colour, px);
        ctx.begin_path();
        ctx.move_to(left, y);
        ctx.line_to(right, y);
        ctx.stroke();
        dot(x, y, &colour);
    }
}

fn mark_drawn() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(DRAWN_MARK);
    }
}

/// The payoff chart (`data-testid="chart"` on the base canvas) with its hover readout.
/// `marker` is the price slider's value.
#[component]
pub fn PayoffCanvas(
    /// What the page shows (curves, marks, theme).
    display: Memo<Display>,
    /// The price slider's value, drawn as a mark on the overlay.
    marker: Memo<Option<f64>>,
) -> impl IntoView {
    let base_ref = NodeRef::<Canvas>::new();
    let overlay_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let crosshair = RwSignal::new(None::<(f64, f64)>);
    let frame = RwSignal::new(None::<Frame>);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    let (size, observing) = observed_size(base_ref);
    let surface = move |canvas: &web_sys::HtmlCanvasElement| match size.get() {
        Some(css) => surface_at(css),
        None if !observing.get() => surface_of(canvas),
        None => None,
    };
    let overlay_surface = surface.clone();

    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = base_ref.get() else {
            return;
        };
        let Some(surface) = surface(&canvas) else {
            return;
        };
        let drawn = display.with(|d| {
            let mut chart = d.chart.clone();
            chart.theme = theme();
            let points = chart.series.first().map(|s| s.points.len()).unwrap_or(0);
            let _ = canvas.set_attribute("data-points", &points.to_string());
            paint_base(&canvas, &surface, &chart)
        });
        frame.set(drawn);
    });

    Effect::new(move |_| {
        let (Some(canvas), Some(base)) = (overlay_ref.get(), base_ref.get()) else {
            return;
        };
        let Some(surface) = overlay_surface(&base) else {
            return;
        };
        let marker = marker.get();
        let hover = crosshair.get();
        frame.with(|f| {
            if let Some(f) = f {
                display.with_untracked(|d| {
                    paint_overlay(&canvas, &surface, f, &d.chart, marker, hover)
                });
            }
        });
        mark_drawn();
    });

    // Pointer events: a mouse hovering, a pen, or a finger tapping or dragging sideways.
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let css_x = f64::from(ev.offset_x());
        let hit = frame.with_untracked(|f| f.as_ref().and_then(|f| f.css_to_x(css_x)));
        let point = hit.and_then(|x| {
            display.with_untracked(|d| {
                d.chart
                    .series
                    .first()
                    .and_then(|s| interpolate(&s.points, x))
                    .map(|y| (x, y))
            })
        });
        crosshair.set(point);
    };
    let readout = move || {
        crosshair.get().map(|(x, y)| {
            let value = display.with_untracked(|d| match d.chart.y_format {
                TickFormat::Percent => percent_f64(y, 1),
                TickFormat::Usd | TickFormat::Number => usd_f64(y),
            });
            format!("At {}: {value}", usd_f64(x))
        })
    };
    view! {
        <section class="panel chart" aria-label="Payoff chart">
            <div class="chart-stack">
                <canvas node_ref=base_ref data-testid="chart" role="img"
                    aria-label=move || display.with(chart_summary)>
                </canvas>
                <canvas node_ref=overlay_ref class="chart-overlay" aria-hidden="true"
                    on:pointermove=on_move on:pointerdown=on_move
                    on:pointerleave=move |ev: leptos::ev::PointerEvent| {
                        // A lifted finger "leaves" at once: keep what it tapped.
                        if ev.pointer_type() != "touch" {
                            crosshair.set(None);
                        }
                    }>
                </canvas>
            </div>
            <p class="hover-readout" data-testid="chart-hover">
                {move || readout().unwrap_or_else(|| "Point at the chart to read a value.".to_owned())}
            </p>
        </section>
    }
}
