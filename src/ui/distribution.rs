//! The return distribution: Monte Carlo histograms of the period return for the chosen hedge
//! and unhedged (canvas `data-testid="distribution-chart"`), the simulation inputs (paths,
//! seed, difficulty volatility and its correlation with the price) and the progress bar (`data-testid="mc-progress"`).

use leptos::prelude::*;

use crate::chart::distribution::{DistributionChart, draw};
use crate::link::KeySpec;
use crate::present::Figure;
use crate::present::display::Display;
use crate::present::montecarlo::{
    PROGRESS_LABEL, RISK_CONVENTION, mc_figures, mc_summary, models_differ, progress_text,
};
use crate::view::distribution::distribution_chart;

use super::canvas::use_canvas;
use super::field::Field;
use super::monte_carlo::McState;

/// The chosen hedge's simulated figures (each with its unrounded value: VaR and CVaR in
/// USD, with the return on cost in `data-return`), why their mean differs from the lognormal
/// expected return, and its VaR mark as the chart labels it (the canvas's text, for tests and
/// assistive technology).
#[allow(clippy::type_complexity)]
fn texts(
    display: Memo<Display>,
    mc: McState,
) -> (
    impl Fn() -> Vec<(Figure, Option<String>)> + Copy,
    impl Fn() -> Option<String> + Copy,
    impl Fn() -> Option<String> + Copy,
) {
    let figures = move || {
        mc.stats.with(|s| {
            s.as_deref()
                .and_then(|stats| display.with(|d| mc_figures(&d.model, stats)))
                .unwrap_or_default()
        })
    };
    let differ = move || {
        mc.stats.with(|s| {
            s.as_deref()
                .and_then(|stats| display.with(|d| models_differ(&d.model, stats)))
        })
    };
    let var_label = move || {
        mc.stats.with(|s| {
            let chart = s
                .as_deref()
                .and_then(|stats| display.with(|d| distribution_chart(&d.model, stats)))?;
            let v = chart.series.first()?.var?;
            Some(chart.var_label(v))
        })
    };
    (figures, differ, var_label)
}

/// Histogram canvas, inputs and progress.
#[component]
pub fn DistributionPanel(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
    /// The simulation runner's state.
    mc: McState,
) -> impl IntoView {
    // While a run is in progress the previous picture stays.
    let canvas = use_canvas(
        move |theme| {
            mc.stats.with(|s| {
                s.as_ref()
                    .and_then(|stats| display.with(|d| distribution_chart(&d.model, stats)))
                    .map(|chart| DistributionChart { theme, ..chart })
            })
        },
        draw,
    );

    let fields = ["paths", "seed", "dvol", "corr", "pvol", "pcorr"]
        .iter()
        .filter_map(|k| KeySpec::get(k))
        .map(|s| view! { <Field spec=s /> })
        .collect_view();
    let state = move || match (mc.stats.with(Option::is_some), mc.progress.get()) {
        (true, _) => "done".to_owned(),
        (false, Some(_)) => "running".to_owned(),
        (false, None) => "starting".to_owned(),
    };
    let summary = move || {
        mc.stats.with(|s| {
            s.as_ref()
                .and_then(|stats| display.with(|d| mc_summary(&d.model, stats)))
        })
    };
    let (figures, differ, var_label) = texts(display, mc);
    let progress = move || {
        mc.progress.get().map(|(done, total)| {
            view! {
                <span><label for="mc-progress">{PROGRESS_LABEL}</label>
                    <progress id="mc-progress" data-testid="mc-progress"
                        max=total.to_string() value=done.to_string()></progress>
                    " "{progress_text(done, total)}</span>
            }
        })
    };
    let error = move || {
        mc.error
            .get()
            .map(|e| view! { <span class="field-error" role="alert">{e}</span> })
    };
    let generation = Signal::derive(move || mc.generation.get().to_string());
    let drawn_text = Signal::derive(move || canvas.drawn.get().to_string());
    let state = Signal::derive(state);
    view! {
        <section class="panel distribution" aria-labelledby="distribution-title"
            data-mc=state data-generation=generation data-drawn=drawn_text>
            <h2 id="distribution-title">"Return distribution (Monte Carlo)"</h2>
            <div class="mc-inputs">{fields}</div>
            <div class="mc-status">
                {progress}
                <span class="mc-summary" role="status">{summary}</span>
                {error}
            </div>
            <dl class="mc-figures" data-testid="mc-figures">
                {move || figures().into_iter().map(|(f, ret)| {
                    view! { <div><dt>{f.label}</dt><dd data-testid=f.id data-value=f.value data-return=ret>{f.text}</dd></div> }
                }).collect_view()}
            </dl>
            <p class="hint risk-convention" data-testid="risk-convention">{RISK_CONVENTION}</p>
            <p class="hint" data-testid="mc-vs-lognormal">{differ}</p>
            <canvas node_ref=canvas.node class="decide-canvas" data-testid="distribution-chart" role="img"
                data-var-label=var_label
                aria-label="Histogram of the simulated period return: the chosen hedge against unhedged, with the 95% value at risk marked">
            </canvas>
        </section>
    }
}
