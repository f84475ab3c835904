//! The page's Monte Carlo runner (not a component): runs [`McRun`] in slices of about 10 ms,
//! each slice in its own `setTimeout(0)` task, so input events are handled between slices and
//! the page never freezes. A new input starts a new generation; a slice of an older generation
//! finds itself stale and stops. The run is deterministic for its seed whatever the slicing.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;

use crate::domain::montecarlo::{McRun, McStats};
use crate::view::montecarlo::MC_CHUNK;

use crate::present::display::Display;

/// Time one slice may take before it yields to the browser, ms.
const SLICE_MS: f64 = 10.0;

/// What the panels read from the runner.
#[derive(Debug, Clone, Copy)]
pub struct McState {
    /// Statistics of the finished run for the current inputs (`None` while it runs or when the
    /// inputs are invalid), one per strategy of the model.
    pub stats: RwSignal<Option<Vec<McStats>>>,
    /// `(done, total)` paths while a run has taken more than one slice; `None` otherwise.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Why no run could start (invalid inputs), for the page to show.
    pub error: RwSignal<Option<String>>,
    /// Runs started so far (changes with every new run; tests and the page read it).
    pub generation: RwSignal<u64>,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// One slice of run `gen`; schedules the next slice unless the run finished or went stale.
fn slice(mut run: McRun, gen: u64, current: Rc<Cell<u64>>, state: McState) {
    if current.get() != gen {
        return;
    }
    let start = now_ms();
    let mut progress = run.progress();
    while !progress.finished() {
        progress = run.step(MC_CHUNK);
        if now_ms() - start > SLICE_MS {
            break;
        }
    }
    if progress.finished() {
        state.progress.set(None);
        state.stats.set(Some(run.stats()));
    } else {
        state.progress.set(Some((progress.done, progress.total)));
        schedule(run, gen, current, state);
    }
}

/// Runs the next slice in a new task (`setTimeout(0)`): input events queued meanwhile run
/// first.
fn schedule(run: McRun, gen: u64, current: Rc<Cell<u64>>, state: McState) {
    set_timeout(move || slice(run, gen, current, state), Duration::ZERO);
}

/// Starts the runner: it re-runs whenever the Monte Carlo inputs of the displayed model
/// ([`crate::view::Model::monte_carlo`]) change, and only then.
pub fn use_monte_carlo(display: Memo<Display>) -> McState {
    let state = McState {
        stats: RwSignal::new(None),
        progress: RwSignal::new(None),
        error: RwSignal::new(None),
        generation: RwSignal::new(0),
    };
    let inputs = Memo::new(move |_| display.with(|d| d.model.monte_carlo()));
    let current = Rc::new(Cell::new(0u64));
    Effect::new(move |_| {
        let next = current.get().wrapping_add(1);
        current.set(next);
        state.generation.set(next);
        state.stats.set(None);
        state.progress.set(None);
        let Some((params, profiles)) = inputs.get() else {
            state.error.set(Some(
                "The simulation needs a valid spot, volatility and period.".to_owned(),
            ));
            return;
        };
        match McRun::new(params, profiles) {
            Ok(run) => {
                state.error.set(None);
                schedule(run, next, Rc::clone(&current), state);
            }
            Err(e) => state.error.set(Some(format!("Simulation: {e}"))),
        }
    });
    state
}
