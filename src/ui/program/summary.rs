//! The summary (`data-testid="program-summary"`): totals, premium, USD locked and the
//! simulated risk of the program (unhedged beside it, each number in its own element with
//! its `data-value`), the risk convention in one sentence, and the simulation's status.

use leptos::prelude::*;

use crate::present::program::{SummaryFigure, simulation_status};
use crate::present::treasury::summary_with_treasury;
use crate::present::{Figure, RISK_CONVENTION};
use crate::view::jobs::program_paths_note;

use super::app::Built;
use super::runner::RunState;

/// Unhedged's figure beside the program's: ` (unhedged X)`, X in its own element with its
/// `data-value`.
fn unhedged(u: Figure) -> impl IntoView {
    view! {
        " (unhedged "<span data-series="unhedged" data-value=u.value>{u.text}</span>")"
    }
}

/// A list of figures, each with its `data-figure` and unrounded `data-value` (on the figure
/// and on its `dd`; the summary's and the actuals' figures).
pub(super) fn figure_list(
    figures: impl Fn() -> Vec<SummaryFigure> + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <dl class="figures">
            {move || figures().into_iter().map(|SummaryFigure { figure: f, unhedged: u }| {
                let value = f.value.clone();
                view! {
                    <div class="figure" data-figure=f.id data-value=value>
                        <dt>{f.label}</dt>
                        <dd data-value=f.value>{f.text}{u.map(unhedged)}</dd>
                    </div>
                }
            }).collect_view()}
        </dl>
    }
}

/// The summary panel.
#[component]
pub fn ProgramSummary(
    /// The built program.
    built: Built,
    /// The simulation.
    run: RunState,
) -> impl IntoView {
    let figures = move || {
        built.with(|b| {
            run.stats.with(|s| {
                b.as_ref()
                    .map(|m| summary_with_treasury(m, s.as_ref()))
                    .unwrap_or_default()
            })
        })
    };
    // A program of more paths than the worker keeps says on how many it was simulated.
    let capped = move || {
        built.with(|b| {
            b.as_ref().ok().and_then(|m| {
                program_paths_note(m.simulation.paths as u32, matches!(m.treasury, Some(Ok(_))))
            })
        })
    };
    let status = move || {
        run.error.get().unwrap_or_else(|| {
            let s = simulation_status(run.progress.get(), run.stats.with(Option::is_some));
            match capped() {
                Some(note) => format!("{s}. {note}"),
                None => s,
            }
        })
    };
    let state = move || {
        if run.stats.with(Option::is_some) {
            "done"
        } else {
            "running"
        }
    };
    view! {
        <section class="panel program-summary" aria-labelledby="program-summary-title"
            data-testid="program-summary" data-mc=state>
            <h2 id="program-summary-title">"Summary"</h2>
            {figure_list(figures)}
            <p class="hint" data-testid="risk-convention">{RISK_CONVENTION}</p>
            <p class="mc-status" role="status" data-testid="program-mc-status">{status}</p>
        </section>
    }
}
