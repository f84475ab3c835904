//! Painting a chart on a `<canvas>` (no reactivity): the backing store sized to the CSS size
//! and the device pixel ratio, and one of the chart module's draw functions run on it. The
//! page's charts ([`crate::ui::canvas`]) and the first paint ([`super::first_paint`]) both
//! paint through [`paint`], so they give the same pixels for the same chart and size.

use plotters::coord::Shift;
use plotters::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::ChartError;
use crate::chart::geometry::Surface;

use super::canvas_text::MeasuredCanvas;

/// The drawing area a chart draws on in the page.
/// Text is measured with the canvas's own `measureText` ([`MeasuredCanvas`]), so a repaint
/// forces no page layout.
pub type Root = DrawingArea<MeasuredCanvas, Shift>;

/// A canvas's CSS size (width, height) and the device pixel ratio, as a chart surface.
pub fn surface_of((width, height): (f64, f64)) -> Option<Surface> {
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite())
        .unwrap_or(1.0)
        .clamp(0.25, 8.0);
    Surface::new(width.max(1.0), height.max(1.0), dpr).ok()
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
