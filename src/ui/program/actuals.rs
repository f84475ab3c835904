//! Actuals against the plan (`data-testid="program-actuals"`): the months that have passed,
//! with their actual output (`aq`) and settlement price (`apx`), each against the plan's
//! median and P5–P95 band of its net cash; the hedge's effectiveness so far (dollar-offset
//! ratio, reduction of the standard deviation of monthly net cash); and the rebalancing that
//! brings the months to come back to the ladder's coverage of the re-projected output (the
//! orders to place; the ladder stays a share of the output).

use leptos::prelude::*;

use crate::link::Key;
use crate::present::program::{ACTUAL_COLUMNS, actuals_figures, actuals_table, rebalance_lines};

use super::super::inputs::fields;
use super::app::Built;
use super::cell_table::CellTable;
use super::runner::RunState;
use super::summary::figure_list;

/// The panel.
#[component]
pub fn ProgramActuals(
    /// The built program.
    built: Built,
    /// The simulation (the plan's bands).
    run: RunState,
) -> impl IntoView {
    let rows = move || {
        built.with(|b| {
            run.stats.with(|s| {
                b.as_ref()
                    .map(|m| actuals_table(m, s.as_ref()))
                    .unwrap_or_default()
            })
        })
    };
    let figures = move || {
        built.with(|b| {
            b.as_ref()
                .map(|m| actuals_figures(m).into_iter().map(Into::into).collect())
                .unwrap_or_default()
        })
    };
    let lines = move || built.with(|b| b.as_ref().map(rebalance_lines).unwrap_or_default());
    let error = move || {
        built.with(|b| {
            b.as_ref()
                .ok()
                .and_then(|m| m.actuals.as_ref().err())
                .map(|e| view! { <p class="field-error" role="alert" data-testid="actuals-error">{e.text.clone()}</p> })
        })
    };
    view! {
        <section class="panel program-actuals" aria-labelledby="program-actuals-title" data-testid="program-actuals">
            <h2 id="program-actuals-title">"Actuals against the plan"</h2>
            <p class="hint">"For the months that have passed: the coins mined (aq) and the price each settled at (apx), a comma-separated list from the first month; leave a month empty until it is known."</p>
            <div class="mc-inputs">{fields(&[Key::ActualOutputs, Key::ActualPrices])}</div>
            {error}
            <CellTable testid="actuals-table" columns=&ACTUAL_COLUMNS rows=Signal::derive(rows) />
            {figure_list(figures)}
            <h3>"Rebalance on the actual output"</h3>
            <p class="hint">"The months to come re-projected on the output so far; each trade brings its hedge back to the ladder's coverage of that output."</p>
            <ul data-testid="actuals-rebalance">
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}
