//! The program's simulation runner (not a component): [`ProgramRun`] in slices of the
//! browser's idle time ([`super::super::schedule::when_idle`]), so input events and frames come
//! first. A new program starts a new generation at once (the old statistics go); its run
//! starts once the inputs have not changed for [`SETTLE`] (the first run starts at once, when
//! the page has mounted). A slice of an older generation finds itself stale and stops. The
//! run is deterministic for its seed whatever the slicing.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;

use crate::domain::program::{ProgramRun, ProgramStats};

use super::super::schedule::{when_idle, Deadline, SETTLE};
use super::app::Built;

/// Paths per step between deadline checks (a step of 36 months takes well under 1 ms).
const CHUNK: usize = 100;

/// What the panels read from the runner.
#[derive(Debug, Clone, Copy)]
pub struct RunState {
    /// Statistics of the finished run for the current program (`None` while it runs).
    pub stats: RwSignal<Option<ProgramStats>>,
    /// `(done, total)` paths of the current run.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Why no run could start.
    pub error: RwSignal<Option<String>>,
    /// Runs started so far.
    pub generation: RwSignal<u64>,
    /// The finished run of the current program (its paths: the suggested ladder scans them),
    /// with the generation it belongs to; [`RunState::stats`] changes when it does.
    pub finished: StoredValue<Option<Rc<ProgramRun>>, LocalStorage>,
}

fn slice(
    mut run: ProgramRun,
    gen: u64,
    current: Rc<Cell<u64>>,
    state: RunState,
    deadline: Deadline,
) {
    if current.get() != gen {
        return;
    }
    // At least one chunk of paths, or of the statistics, per slice: a run always advances.
    let mut progress = run.progress();
    let mut complete = false;
    loop {
        if progress.finished() {
            // After the last path the statistics, a month at a time: no slice blocks a frame.
            complete = run.summarize(1);
        } else {
            progress = run.step(CHUNK);
        }
        if complete || deadline.passed() {
            break;
        }
    }
    state.progress.set(Some((progress.done, progress.total)));
    if complete {
        let stats = run.stats();
        state.finished.set_value(Some(Rc::new(run)));
        state.stats.set(stats);
    } else {
        when_idle(move |d| slice(run, gen, current, state, d));
    }
}

/// Marks when the page's first simulation starts (the browser benchmark times from it).
fn mark_started() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(STARTED_MARK);
    }
}

/// The `performance` mark of the first simulation's start.
pub const STARTED_MARK: &str = "minerhedge:simulation-started";

/// Starts the runner once `ready` (the page has mounted; the first run starts at once then):
/// it re-runs whenever the built program or its simulation inputs change.
pub fn use_program_run(built: Built, ready: Signal<bool>) -> RunState {
    let state = RunState {
        stats: RwSignal::new(None),
        progress: RwSignal::new(None),
        error: RwSignal::new(None),
        generation: RwSignal::new(0),
        finished: StoredValue::new_local(None),
    };
    let current = Rc::new(Cell::new(0u64));
    Effect::new(move |ran: Option<bool>| {
        if !ready.get() {
            return false;
        }
        let next = current.get().wrapping_add(1);
        current.set(next);
        state.generation.set(next);
        state.stats.set(None);
        state.progress.set(None);
        state.finished.set_value(None);
        let Some((program, full, params)) = built.with(|b| {
            b.as_ref()
                .ok()
                .map(|m| (m.program.clone(), m.full.clone(), m.simulation))
        }) else {
            state
                .error
                .set(Some("The simulation needs a valid program.".to_owned()));
            return true;
        };
        state.error.set(None);
        let current = Rc::clone(&current);
        let first = ran != Some(true);
        let wait = if first { Duration::ZERO } else { SETTLE };
        set_timeout(
            move || {
                if current.get() != next {
                    return;
                }
                if first {
                    mark_started();
                }
                let run = ProgramRun::new(&program, params).and_then(|r| match &full {
                    Some(f) => r.with_full_coverage(f),
                    None => Ok(r),
                });
                match run {
                    Ok(run) => when_idle(move |d| slice(run, next, current, state, d)),
                    Err(e) => state.error.set(Some(format!("Simulation: {e}"))),
                }
            },
            wait,
        );
        true
    });
    state
}
