//! Volume risk: the heat map of the hedged return over final price × difficulty change
//! (canvas `data-testid="volume-heatmap"`), the over-hedging warning
//! (`data-testid="overhedge-warning"`) and the halving-day input (rig mode).

use leptos::html::Canvas;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;

use crate::chart::heatmap::{draw, HeatmapChart};
use crate::link::KeySpec;
use crate::view::decide::{volume_risk, volume_risk_html};

use super::chart::{paint_with, surface_of, theme};
use super::display::Display;
use super::field::Field;
use super::state::use_page;

/// Prices across the heat map.
const PRICE_POINTS: usize = 41;

fn paint(canvas: &web_sys::HtmlCanvasElement, chart: &HeatmapChart) -> bool {
    surface_of(canvas)
        .and_then(|surface| {
            paint_with(canvas, &surface, |root, surface| draw(root, chart, surface))
        })
        .is_some()
}

/// Heat map, warning and halving day.
#[component]
pub fn VolumeRiskPanel(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
) -> impl IntoView {
    let page = use_page();
    let mode = page.text("mode");
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    let risk = Memo::new(move |_| display.with(|d| volume_risk(&d.model, PRICE_POINTS)));
    let drawn = RwSignal::new(0u32);

    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let chart = risk.with(|r| r.as_ref().map(|r| r.chart.clone()));
        if let Some(mut chart) = chart {
            chart.theme = theme();
            if paint(&canvas, &chart) {
                drawn.update(|n| *n += 1);
            }
        }
    });

    let messages = Signal::derive(move || risk.with(|r| volume_risk_html(r.as_ref())));
    let not_rig = Signal::derive(move || mode.with(|m| m != "rig"));
    let drawn_text = Signal::derive(move || drawn.get().to_string());
    let halving = KeySpec::get("halv").map(|s| view! { <Field spec=s /> });
    view! {
        <section class="panel heatmap" aria-labelledby="heatmap-title" data-drawn=drawn_text>
            <h2 id="heatmap-title">"Volume risk: difficulty × price"</h2>
            <p class="hint">"A hedge is a fixed quantity of coin; when difficulty rises, fewer coins are mined. Hedged return of the chosen hedge for each final price and difficulty change over the period (−20% … +50%); the ring marks spot at the expected difficulty."</p>
            <div class="heatmap-messages" inner_html=messages></div>
            <canvas node_ref=canvas_ref class="decide-canvas" data-testid="volume-heatmap" role="img"
                aria-label="Heat map of the hedged period return over final price and difficulty change">
            </canvas>
            <div class="halving" hidden=not_rig>{halving}</div>
        </section>
    }
}
