//! The return distribution: Monte Carlo histograms of the period return for the chosen hedge
//! and unhedged (canvas `data-testid="distribution-chart"`), the simulation inputs (paths,
//! seed, difficulty volatility) and the progress bar (`data-testid="mc-progress"`).

use leptos::html::Canvas;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;

use crate::chart::distribution::{draw, DistributionChart};
use crate::link::KeySpec;
use crate::view::decide::{distribution_chart, mc_status_html, mc_summary};

use super::chart::{paint_with, surface_of, theme};
use super::display::Display;
use super::field::Field;
use super::monte_carlo::McState;

fn paint(canvas: &web_sys::HtmlCanvasElement, chart: &DistributionChart) -> bool {
    surface_of(canvas)
        .and_then(|surface| {
            paint_with(canvas, &surface, |root, surface| draw(root, chart, surface))
        })
        .is_some()
}

/// Histogram canvas, inputs and progress.
#[component]
pub fn DistributionPanel(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
    /// The simulation runner's state.
    mc: McState,
) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    let drawn = RwSignal::new(0u32);

    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let chart = mc.stats.with(|s| {
            s.as_ref()
                .and_then(|stats| display.with(|d| distribution_chart(&d.model, stats)))
        });
        // While a run is in progress the previous picture stays.
        if let Some(mut chart) = chart {
            chart.theme = theme();
            if paint(&canvas, &chart) {
                drawn.update(|n| *n += 1);
            }
        }
    });

    let fields = ["paths", "seed", "dvol"]
        .iter()
        .filter_map(|k| KeySpec::get(k))
        .map(|s| view! { <Field spec=s /> })
        .collect_view();
    let state = move || match (mc.stats.with(Option::is_some), mc.progress.get()) {
        (true, _) => "done".to_owned(),
        (false, Some(_)) => "running".to_owned(),
        (false, None) => "starting".to_owned(),
    };
    let status = Signal::derive(move || {
        let summary = mc.stats.with(|s| {
            s.as_ref()
                .and_then(|stats| display.with(|d| mc_summary(&d.model, stats)))
        });
        mc.error
            .with(|e| mc_status_html(mc.progress.get(), summary.as_deref(), e.as_deref()))
    });
    let generation = Signal::derive(move || mc.generation.get().to_string());
    let drawn_text = Signal::derive(move || drawn.get().to_string());
    let state = Signal::derive(state);
    view! {
        <section class="panel distribution" aria-labelledby="distribution-title"
            data-mc=state data-generation=generation data-drawn=drawn_text>
            <h2 id="distribution-title">"Return distribution (Monte Carlo)"</h2>
            <div class="mc-inputs">{fields}</div>
            <div class="mc-status" inner_html=status></div>
            <canvas node_ref=canvas_ref class="decide-canvas" data-testid="distribution-chart" role="img"
                aria-label="Histogram of the simulated period return: the chosen hedge against unhedged, with the 95% value at risk marked">
            </canvas>
        </section>
    }
}
