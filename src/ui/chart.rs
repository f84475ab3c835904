//! The payoff chart canvas: backing store sized by devicePixelRatio (crisp on HiDPI), redrawn
//! whenever the chart data changes, the window is resized or the pointer moves (crosshair with
//! a readout). Each redraw ends with the performance mark `minerhedge:chart-drawn` (the
//! browser benchmark measures input → mark).

use leptos::html::Canvas;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::chart::geometry::{interpolate, Frame, Surface};
use crate::chart::payoff::{draw, PayoffChart};
use crate::chart::{Theme, TickFormat};
use crate::format::{percent_f64, usd_f64};

use super::display::Display;

/// Name of the performance mark set after every redraw.
pub const DRAWN_MARK: &str = "minerhedge:chart-drawn";

/// The canvas's CSS size and the device pixel ratio, as a chart surface.
fn surface_of(canvas: &web_sys::HtmlCanvasElement) -> Option<Surface> {
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite())
        .unwrap_or(1.0)
        .clamp(0.25, 8.0);
    let rect = canvas.get_bounding_client_rect();
    Surface::new(rect.width().max(1.0), rect.height().max(1.0), dpr).ok()
}

/// Whether the user prefers a dark colour scheme.
fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// Sizes the backing store to `surface` and draws `chart`; returns the data ↔ pixel frame.
fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    surface: &Surface,
    chart: &PayoffChart,
) -> Option<Frame> {
    let (w, h) = surface.backing_size();
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    let frame = draw(&root, chart, surface).ok();
    let _ = root.present();
    frame
}

fn mark_drawn() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(DRAWN_MARK);
    }
}

/// The payoff canvas (`data-testid="chart"`) with its hover readout.
#[component]
pub fn PayoffCanvas(display: Memo<Display>) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let crosshair = RwSignal::new(None::<(f64, f64)>);
    let frame = StoredValue::new(None::<Frame>);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let Some(surface) = surface_of(&canvas) else {
            return;
        };
        let hover = crosshair.get();
        display.with(|d| {
            let mut chart = d.chart.clone();
            chart.crosshair = hover;
            if prefers_dark() {
                chart.theme = Theme::dark();
            }
            let points = chart.series.first().map(|s| s.points.len()).unwrap_or(0);
            let _ = canvas.set_attribute("data-points", &points.to_string());
            frame.set_value(paint(&canvas, &surface, &chart));
        });
        mark_drawn();
    });

    let on_move = move |ev: web_sys::MouseEvent| {
        let css_x = f64::from(ev.offset_x());
        let hit = frame.with_value(|f| f.as_ref().and_then(|f| f.css_to_x(css_x)));
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
            <canvas node_ref=canvas_ref data-testid="chart" role="img"
                aria-label="Period result against the final coin price, unhedged and hedged"
                on:mousemove=on_move on:mouseleave=move |_| crosshair.set(None)>
            </canvas>
            <p class="hover-readout" data-testid="chart-hover" aria-live="off">
                {move || readout().unwrap_or_else(|| "Point at the chart to read a value.".to_owned())}
            </p>
        </section>
    }
}
