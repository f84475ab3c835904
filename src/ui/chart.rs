//! The payoff chart canvas: backing store sized by devicePixelRatio (crisp on HiDPI), redrawn
//! whenever the display changes or the window is resized. Each redraw ends with the
//! performance mark `minerhedge:chart-drawn` (the browser benchmark measures input → mark).

use leptos::html::Canvas;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use super::display::Display;

/// Name of the performance mark set after every redraw.
pub const DRAWN_MARK: &str = "minerhedge:chart-drawn";

/// Resizes the backing store to the canvas's CSS size × devicePixelRatio; returns the ratio.
fn fit_backing_store(canvas: &web_sys::HtmlCanvasElement) -> f64 {
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0);
    let rect = canvas.get_bounding_client_rect();
    let w = (rect.width() * dpr).round().clamp(1.0, 16384.0) as u32;
    let h = (rect.height() * dpr).round().clamp(1.0, 16384.0) as u32;
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    dpr
}

/// Paints `display` onto the canvas.
fn paint(canvas: web_sys::HtmlCanvasElement, _dpr: f64, display: &Display) {
    let _ = display;
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let area = backend.into_drawing_area();
    let _ = area.fill(&WHITE);
    let _ = area.present();
}

fn mark_drawn() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(DRAWN_MARK);
    }
}

/// The payoff canvas (`data-testid="chart"`).
#[component]
pub fn PayoffCanvas(display: Memo<Display>) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let dpr = fit_backing_store(&canvas);
        display.with(|d| paint(canvas, dpr, d));
        mark_drawn();
    });
    view! {
        <section class="panel chart" aria-label="Payoff chart">
            <canvas node_ref=canvas_ref data-testid="chart" role="img"
                aria-label="Period result against the final coin price, unhedged and hedged">
            </canvas>
        </section>
    }
}
