//! The page's Monte Carlo runner (not a component): runs [`McRun`] in slices of the browser's
//! idle time ([`super::schedule::when_idle`], at most about 10 ms each), so input events and
//! animation frames come first and the page never freezes. A new input starts a new
//! generation at once (the old statistics are gone); its run starts once the inputs have not
//! changed for [`SETTLE`] (a drag restarts nothing until it pauses; the first run starts at
//! once). A slice of an older generation finds itself stale and stops. The run is
//! deterministic for its seed whatever the slicing.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;

use crate::domain::montecarlo::{McParams, McRun, McStats};
use crate::view::montecarlo::MC_CHUNK;

use super::schedule::{when_idle, Deadline, SETTLE};
use crate::present::display::Display;

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
    /// The paths of the last finished run and its parameters (the coverage frontier's input;
    /// kept across runs of the same parameters, so a coverage change does not replace them).
    pub paths: RwSignal<Option<KeptPaths>>,
}

/// A finished run's `(final price, realized / expected output)` paths (the first
/// [`McRun::MAX_KEPT`]) and the parameters they were drawn with.
pub type KeptPaths = (McParams, Arc<Vec<(f64, f64)>>);

/// One slice of run `gen`, until `deadline` (at least one chunk); schedules the next slice
/// unless the run finished or went stale.
fn slice(mut run: McRun, gen: u64, current: Rc<Cell<u64>>, state: McState, deadline: Deadline) {
    if current.get() != gen {
        return;
    }
    let mut progress = run.progress();
    while !progress.finished() {
        progress = run.step(MC_CHUNK);
        if deadline.passed() {
            break;
        }
    }
    if progress.finished() {
        state.progress.set(None);
        state.stats.set(Some(run.stats()));
        let params = *run.params();
        if state
            .paths
            .with_untracked(|k| k.as_ref().map(|k| k.0) != Some(params))
        {
            let kept = run.paths().map(|p| (params, Arc::new(p.to_vec())));
            state.paths.set(kept);
        }
    } else {
        state.progress.set(Some((progress.done, progress.total)));
        schedule(run, gen, current, state);
    }
}

/// Runs the next slice in idle time: input events and frames due meanwhile come first.
fn schedule(run: McRun, gen: u64, current: Rc<Cell<u64>>, state: McState) {
    when_idle(move |deadline| slice(run, gen, current, state, deadline));
}

/// Starts the runner: it re-runs whenever the Monte Carlo inputs of the displayed model
/// ([`crate::view::Model::monte_carlo`]) change, and only then. A finished run publishes its
/// paths ([`McState::paths`]).
pub fn use_monte_carlo(display: Memo<Display>) -> McState {
    let state = McState {
        stats: RwSignal::new(None),
        progress: RwSignal::new(None),
        error: RwSignal::new(None),
        generation: RwSignal::new(0),
        paths: RwSignal::new(None),
    };
    let inputs = Memo::new(move |_| display.with(|d| d.model.monte_carlo()));
    let current = Rc::new(Cell::new(0u64));
    Effect::new(move |ran: Option<()>| {
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
        state.error.set(None);
        let current = Rc::clone(&current);
        // The first run starts at once; a later one when the inputs have settled (a newer
        // generation by then means they have not: this one never starts).
        let wait = if ran.is_some() {
            SETTLE
        } else {
            Duration::ZERO
        };
        set_timeout(
            move || {
                if current.get() != next {
                    return;
                }
                match McRun::new(params, profiles) {
                    Ok(run) => schedule(run.keeping_paths(), next, current, state),
                    Err(e) => state.error.set(Some(format!("Simulation: {e}"))),
                }
            },
            wait,
        );
    });
    state
}
