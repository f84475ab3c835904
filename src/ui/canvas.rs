//! The canvas plumbing every chart shares (not a component): a `<canvas>` whose backing store
//! follows its CSS size and the device pixel ratio (crisp on HiDPI), painted by one of the
//! chart module's draw functions, and repainted when the data it reads, the colour scheme, the
//! canvas's size changes (a `ResizeObserver` tells, so a paint never forces a layout;
//! [`use_canvas`]). Overlays (transparent, cleared before each
//! paint) go through [`paint`] as well.

use leptos::html::Canvas;
use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::chart::geometry::{Frame, Surface};
use crate::chart::{ChartError, Theme};

use crate::web::canvas::surface_of;
pub use crate::web::canvas::{Layer, Root, paint};

/// Keeps `size` at the CSS size of the canvas in `node` through a `ResizeObserver`, counting
/// each change in `changed`. The observer's callback runs after the browser's layout, where
/// reading the size costs nothing, so a repaint never forces a layout of the page (reading it
/// while painting did, on every step of a drag). `size` stays `None` until the canvas is laid
/// out.
fn observe_size(node: NodeRef<Canvas>, size: Rc<Cell<Option<(f64, f64)>>>, changed: RwSignal<u32>) {
    Effect::new(move |_| {
        let Some(canvas) = node.get() else {
            return;
        };
        let target = canvas.clone();
        let size = Rc::clone(&size);
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            let rect = target.get_bounding_client_rect();
            let now = Some((rect.width(), rect.height()));
            if size.replace(now) != now {
                changed.try_update(|n| *n = n.wrapping_add(1));
            }
        });
        if let Ok(ro) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            ro.observe(&canvas);
            // Both live until the canvas goes (or the component does).
            let kept = SendWrapper::new((ro, on_resize));
            on_cleanup(move || kept.0.disconnect());
        }
    });
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
/// change of what `chart` reads, of the colour scheme and of the canvas's size.
pub fn use_canvas<C: 'static>(
    chart: impl Fn(Theme) -> Option<C> + 'static,
    draw: fn(&Root, &C, &Surface) -> Result<Frame, ChartError>,
) -> ChartCanvas {
    let node = NodeRef::<Canvas>::new();
    let drawn = RwSignal::new(0u32);
    let frame = RwSignal::new(None);
    let size = Rc::new(Cell::new(None));
    let resized = RwSignal::new(0u32);
    observe_size(node, Rc::clone(&size), resized);
    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = node.get() else {
            return;
        };
        let Some(c) = chart(theme()) else {
            return;
        };
        let Some(surface) = size.get().and_then(surface_of) else {
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
