//! The canvas plumbing every chart shares (not a component): a `<canvas>` whose backing store
//! follows its CSS size and the device pixel ratio (crisp on HiDPI), painted by one of the
//! chart module's draw functions, and repainted when the data it reads, the colour scheme or
//! the window size changes ([`use_canvas`]). Overlays (transparent, cleared before each
//! paint) go through [`paint`] as well.

use leptos::html::Canvas;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::geometry::{Frame, Surface};
use crate::chart::{ChartError, Theme};

use super::canvas_text::MeasuredCanvas;

/// The drawing area a chart draws on in the page.
/// Text is measured with the canvas's own `measureText` ([`MeasuredCanvas`]), so a repaint
/// forces no page layout.
pub type Root = DrawingArea<MeasuredCanvas, Shift>;

/// The canvas's CSS size and the device pixel ratio, as a chart surface.
pub fn surface_of(canvas: &web_sys::HtmlCanvasElement) -> Option<Surface> {
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite())
        .unwrap_or(1.0)
        .clamp(0.25, 8.0);
    let rect = canvas.get_bounding_client_rect();
    Surface::new(rect.width().max(1.0), rect.height().max(1.0), dpr).ok()
}

/// Sets the backing store of `canvas` to the surface's device-pixel size.
fn fit(canvas: &web_sys::HtmlCanvasElement, surface: &Surface) {
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

/// Whether a paint starts from a cleared (transparent) canvas: overlays do; charts paint their
/// own background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The chart fills its background.
    Base,
    /// Cleared to transparent first.
    Overlay,
}

/// Sizes `canvas`'s backing store to `surface` and runs `draw_fn` on it; `None` when the
/// canvas has no 2D context or the drawing failed.
pub fn paint<R>(
    canvas: &web_sys::HtmlCanvasElement,
    surface: &Surface,
    layer: Layer,
    draw_fn: impl FnOnce(&Root, &Surface) -> Result<R, ChartError>,
) -> Option<R> {
    fit(canvas, surface);
    if layer == Layer::Overlay {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())?;
        let (w, h) = surface.backing_size();
        ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
    }
    let backend = MeasuredCanvas::new(canvas.clone())?;
    let root = backend.into_drawing_area();
    let out = draw_fn(&root, surface).ok();
    let _ = root.present();
    out
}

/// A chart canvas set up by [`use_canvas`].
#[derive(Debug, Clone, Copy)]
pub struct ChartCanvas {
    /// The `<canvas>` (`node_ref=`).
    pub node: NodeRef<Canvas>,
    /// Successful paints so far (panels show it as `data-drawn`; tests wait on it).
    pub drawn: RwSignal<u32>,
    /// The data ↔ pixel frame and the surface of the last paint (`None` before the first one
    /// or after a failed one).
    pub frame: RwSignal<Option<(Frame, Surface)>>,
}

/// Sets up a chart canvas: `chart(theme)` gives the chart to draw in the page's colours —
/// reading signals inside it makes them repaint triggers; `None` keeps the last picture —
/// and `draw` (one of the chart module's `draw` functions) paints it. Repaints on every
/// change of what `chart` reads, of the colour scheme and of the window size.
pub fn use_canvas<C: 'static>(
    chart: impl Fn(Theme) -> Option<C> + 'static,
    draw: fn(&Root, &C, &Surface) -> Result<Frame, ChartError>,
) -> ChartCanvas {
    let node = NodeRef::<Canvas>::new();
    let drawn = RwSignal::new(0u32);
    let frame = RwSignal::new(None);
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = node.get() else {
            return;
        };
        let Some(c) = chart(theme()) else {
            return;
        };
        let Some(surface) = surface_of(&canvas) else {
            return;
        };
        let painted = paint(&canvas, &surface, Layer::Base, |root, s| draw(root, &c, s));
        if painted.is_some() {
            drawn.update(|n| *n += 1);
        }
        frame.set(painted.map(|f| (f, surface)));
    });
    ChartCanvas { node, drawn, frame }
}
