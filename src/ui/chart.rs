//! The payoff chart: two stacked canvases ([`super::canvas`]). The base canvas
//! (`data-testid="chart"`) holds the curves, axes and labels and is redrawn when the chart
//! data changes or the window is resized; the overlay on top holds what moves with the pointer
//! and the price slider — the slider-price line with a dot on each curve, and the hover
//! crosshair with its readout — drawn by [`crate::chart::payoff::draw_overlay`], so dragging
//! repaints only the overlay. The base paints the chart's lines with their straight runs
//! reduced to their ends ([`PayoffChart::lean`]): the same lines, a few segments each instead
//! of a thousand. Every repaint ends with the performance mark
//! `minerhedge:chart-drawn` (the browser benchmark measures input → mark).

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::chart::geometry::interpolate;
use crate::chart::payoff::{PayoffChart, draw, draw_overlay};
use crate::present::display::Display;
use crate::present::payoff::{HOVER_HINT, chart_summary, hover_text};

use super::canvas::{ChartCanvas, Layer, paint, theme, use_canvas};

use crate::web::first_paint::hand_over;
pub use crate::web::{DRAWN_MARK, mark_drawn};

/// The payoff chart (`data-testid="chart"` on the base canvas) with its hover readout.
/// `marker` is the price slider's value.
#[component]
pub fn PayoffCanvas(
    /// What the page shows (curves, marks, theme).
    display: Memo<Display>,
    /// The price slider's value, drawn as a mark on the overlay.
    marker: Memo<Option<f64>>,
) -> impl IntoView {
    let overlay_ref = NodeRef::<Canvas>::new();
    let crosshair = RwSignal::new(None::<(f64, f64)>);
    // What is painted: the chart's lines in a few segments each (the same lines).
    let base = use_canvas(
        move |theme| {
            Some(display.with(|d| PayoffChart {
                theme,
                ..d.chart.lean()
            }))
        },
        draw,
    );

    paint_overlay(Overlay {
        node: overlay_ref,
        base,
        display,
        marker,
        crosshair,
    });

    // Pointer events: a mouse hovering, a pen, or a finger tapping or dragging sideways.
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let css_x = f64::from(ev.offset_x());
        let hit = base
            .frame
            .with_untracked(|f| f.as_ref().and_then(|(f, _)| f.css_to_x(css_x)));
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
        crosshair
            .get()
            .map(|(x, y)| display.with_untracked(|d| hover_text(&d.chart, x, y)))
            .unwrap_or_else(|| HOVER_HINT.to_owned())
    };
    let points = move || {
        display.with(|d| {
            d.chart
                .series
                .first()
                .map(|s| s.points.len())
                .unwrap_or(0)
                .to_string()
        })
    };
    view! {
        <section class="panel chart" aria-label="Payoff chart">
            <div class="chart-stack">
                <canvas node_ref=base.node data-testid="chart" role="img" data-points=points
                    aria-label=move || display.with(|d| chart_summary(&d.chart))>
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
            <p class="hover-readout" data-testid="chart-hover">{readout}</p>
        </section>
    }
}

/// What the overlay canvas paints from.
struct Overlay {
    node: NodeRef<Canvas>,
    base: ChartCanvas,
    display: Memo<Display>,
    marker: Memo<Option<f64>>,
    crosshair: RwSignal<Option<(f64, f64)>>,
}

/// Paints the overlay (the slider's mark, the crosshair) on the base chart's frame whenever
/// either moves or the base is redrawn; hands the page over from the first paint once the
/// app's chart is on screen.
fn paint_overlay(o: Overlay) {
    let Overlay {
        node: overlay_ref,
        base,
        display,
        marker,
        crosshair,
    } = o;
    Effect::new(move |_| {
        let Some(canvas) = overlay_ref.get() else {
            return;
        };
        let marker = marker.get();
        let crosshair = crosshair.get();
        let theme = theme();
        base.frame.with(|f| {
            if let Some((frame, surface)) = f {
                display.with_untracked(|d| {
                    // Only the moving marks: the series are there for the dots.
                    let chart = PayoffChart {
                        series: d.chart.series.clone(),
                        y_format: d.chart.y_format,
                        marker,
                        crosshair,
                        theme,
                        ..PayoffChart::default()
                    };
                    paint(&canvas, surface, Layer::Overlay, |root, s| {
                        draw_overlay(root, &chart, frame, s)
                    })
                });
            }
            if f.is_some() {
                // The app's chart is on screen: the first paint's skeleton goes.
                hand_over();
            }
        });
        mark_drawn();
    });
}
