//! The coverage frontier (`data-testid="coverage-frontier"`): every hedge from 0 to 100 %
//! coverage on the simulation's paths, the chosen hedge's least-CVaR coverage and the least
//! coverage reaching `ptarget`, each with a "use" button that sets the coverage.
//!
//! The frontier is computed in the page's worker after the simulation, on its kept paths
//! (the runner's job: [`super::monte_carlo`], [`crate::view::jobs`]), so no frame waits for
//! it; a new market or hedge starts a new job. A coverage change keeps the frontier (its
//! paths and the hedges at full coverage do not change) and moves the marks only, once the
//! drag pauses (the panel follows the settled model).

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::frontier::{FrontierChart, draw};
use crate::domain::montecarlo::McRun;
use crate::format::number;
use crate::link::Key;
use crate::present::Figure;
use crate::present::display::Display;
use crate::present::frontier::{figures, why};
use crate::view::frontier::{StrategyFrontier, frontier_chart, summary};
use rust_decimal::Decimal;

use super::canvas::use_canvas;
use super::field::Field;
use super::glossary::Tip;
use super::monte_carlo::McState;
use super::state::use_page;

/// Where the frontier is (the runner's [`McState::frontier`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// The simulation for these inputs has not finished.
    Waiting,
    /// `(hedges done, hedges)`.
    Running(usize, usize),
    /// Done.
    Done(Arc<Vec<StrategyFrontier>>),
    /// The engine refused the inputs, or the simulation could not start: why.
    Failed(String),
}

/// Which paths the frontier ran on.
fn kept_note(paths: u32) -> String {
    let n = |p: usize| number(Decimal::from(p), 0);
    let paths = paths as usize;
    if paths > McRun::MAX_KEPT {
        format!(
            "On the first {} of the simulation's {} paths.",
            n(McRun::MAX_KEPT),
            n(paths)
        )
    } else {
        format!("On the simulation's {} paths.", n(paths))
    }
}

/// The panel: chart, figures with their "use" buttons, the target input and the reason.
#[component]
pub fn FrontierPanel(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
    /// The simulation runner's state (its frontier).
    mc: McState,
) -> impl IntoView {
    let page = use_page();
    let status = mc.frontier;
    let canvas = use_canvas(
        move |theme| {
            status.with(|s| match s {
                Status::Done(c) => Some(FrontierChart {
                    theme,
                    ..display.with(|d| frontier_chart(&d.model, c))
                }),
                _ => None,
            })
        },
        draw,
    );
    // The chosen hedge's figures and the reason, once the frontier is done.
    let text = Memo::new(move |_| {
        status.with(|s| match s {
            Status::Done(c) => display
                .with(|d| summary(&d.model, c))
                .map(|s| (figures(&s), why(&s))),
            _ => None,
        })
    });
    let note = move || match status.get() {
        Status::Waiting => "Waiting for the simulation…".to_owned(),
        Status::Running(done, of) => format!("Computing: {done} of {of} hedges…"),
        Status::Failed(e) => format!("Frontier: {e}"),
        Status::Done(_) => display.with(|d| kept_note(d.model.scenario.simulation.paths)),
    };
    // The two figures keep their places (and their testids) while the frontier computes.
    let field = move |i: usize, get: fn(&Figure) -> Option<String>| {
        move || text.with(|t| t.as_ref().and_then(|t| t.0.get(i)).and_then(get))
    };
    let row = move |i: usize, id: &'static str, use_id: &'static str| {
        let value = field(i, |f| f.value.clone());
        view! {
            <div>
                <dt>{move || field(i, |f| Some(f.label.to_owned()))().unwrap_or_default()}</dt>
                <dd data-testid=id data-value=value>{move || field(i, |f| Some(f.text.clone()))().unwrap_or_default()}</dd>
                <button type="button" class="use" data-testid=use_id hidden=move || value().is_none()
                    on:click=move |_| if let Some(v) = value() { page.edit(Key::Coverage, v) }>"use"</button>
            </div>
        }
    };
    let reason = move || text.with(|t| t.as_ref().map(|t| t.1.clone()).unwrap_or_default());
    let drawn_text = Signal::derive(move || canvas.drawn.get().to_string());
    let state = move || match status.get() {
        Status::Waiting => "waiting",
        Status::Running(..) => "running",
        Status::Done(_) => "done",
        Status::Failed(_) => "failed",
    };
    view! {
        <section class="panel frontier" aria-labelledby="frontier-title" data-testid="coverage-frontier"
            data-state=state data-drawn=drawn_text>
            <h2 id="frontier-title">"How much to hedge: the coverage frontier"<Tip term="frontier" /></h2>
            <p class="hint">"Each hedge from 0% (the unhedged point) to 100% coverage: expected return against the 95% CVaR and against the chance of not covering the cash cost, on the simulation's paths."</p>
            <div class="mc-inputs"><Field spec=Key::CashTarget.spec() /></div>
            <p class="mc-status" role="status">{note}</p>
            <dl class="frontier-figures">
                {row(0, "frontier-min-cvar", "use-frontier-min-cvar")}
                {row(1, "frontier-target", "use-frontier-target")}
            </dl>
            <p class="frontier-why" data-testid="frontier-why">{reason}</p>
            <canvas node_ref=canvas.node class="decide-canvas" data-testid="frontier-chart" role="img"
                aria-label="Expected return against CVaR 95% and against the probability of not covering the cash cost, for every coverage of each hedge">
            </canvas>
        </section>
    }
}
