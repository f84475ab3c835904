//! The program's simulation runner (not a component): the program's simulation, its
//! statistics and the suggested ladder run in the page's worker ([`super::super::worker`], a
//! `Kind::Program` job), so the page's thread never waits for them. A new program starts a
//! new generation at once (the old statistics go); its job starts once the inputs have not
//! changed for [`SETTLE`] (the first run starts at once, when the page has mounted). A new
//! target of the suggested ladder sends the job again at once: the worker rescans the paths
//! it kept. A response of an older job is dropped. The run is deterministic for its seed.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;

use crate::domain::program::ProgramStats;
use crate::view::jobs::{Body, Kind, Stage};
use crate::view::program::{Suggestion, suggestion_terms};

use super::super::schedule::SETTLE;
use super::super::state::{PageState, use_page};
use super::super::worker::{Event, Runner, could_not_start, runner};
use super::app::Built;

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
    /// The suggested ladder on the finished run's paths, for the current target (`None`
    /// while it is computed).
    pub suggestions: RwSignal<Option<Vec<Suggestion>>>,
}

/// What the runner does with an event of its job.
fn hear(state: RunState, event: Event) {
    match event {
        Event::Failed(why) => state.error.set(Some(could_not_start(&why))),
        Event::Body(Body::Progress {
            stage: Stage::Simulation,
            done,
            total,
        }) => state.progress.set(Some((done as usize, total as usize))),
        Event::Body(Body::Program(stats)) => {
            // A new target's job posts the same statistics again.
            if state.stats.with_untracked(|s| *s != stats) {
                state.stats.set(stats);
            }
        }
        Event::Body(Body::Suggestions(ladder)) => state.suggestions.set(Some(ladder)),
        Event::Body(Body::Error { text, .. }) => state.error.set(Some(text)),
        Event::Body(_) => {}
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

/// Sends the job of the page's scenario.
fn send(runner: Runner, state: RunState, page: PageState) {
    use chrono::Datelike;
    let today = crate::web::today();
    let query = page.scenario.with_untracked(|s| s.to_query());
    let kind = Kind::Program {
        query,
        today: (today.year(), today.month(), today.day()),
    };
    if let Err(why) = runner.send(kind) {
        state.error.set(Some(could_not_start(&why)));
    }
}

/// Starts the runner once `ready` (the page has mounted; the first run starts at once then):
/// it re-runs whenever the built program or its simulation inputs change, and sends the job
/// again when the suggested ladder's target changes.
pub fn use_program_run(built: Built, ready: Signal<bool>) -> RunState {
    let state = RunState {
        stats: RwSignal::new(None),
        progress: RwSignal::new(None),
        error: RwSignal::new(None),
        generation: RwSignal::new(0),
        suggestions: RwSignal::new(None),
    };
    let page = use_page();
    let runner = runner(move |event| hear(state, event));
    let current = Rc::new(Cell::new(0u64));
    // A generation waiting for its inputs to settle (its job not sent yet).
    let waiting = Rc::new(Cell::new(false));
    let wait_now = Rc::clone(&waiting);
    Effect::new(move |ran: Option<bool>| {
        if !ready.get() {
            return false;
        }
        let next = current.get().wrapping_add(1);
        current.set(next);
        state.generation.set(next);
        state.stats.set(None);
        state.progress.set(None);
        state.suggestions.set(None);
        // The last job's results are of older inputs: dropped from now on, while the new job
        // waits for its inputs to settle.
        runner.cancel();
        if built.with(|b| b.is_err()) {
            waiting.set(false);
            state
                .error
                .set(Some("The simulation needs a valid program.".to_owned()));
            return true;
        }
        state.error.set(None);
        let first = ran != Some(true);
        let wait = if first { Duration::ZERO } else { SETTLE };
        let (current, waiting) = (Rc::clone(&current), Rc::clone(&waiting));
        waiting.set(true);
        set_timeout(
            move || {
                if current.get() != next {
                    return;
                }
                waiting.set(false);
                if first {
                    mark_started();
                }
                send(runner, state, page);
            },
            wait,
        );
        true
    });
    follow_target(built, ready, runner, state, wait_now);
    state
}

/// Sends the job again when the suggested ladder's target changes (the worker rescans the
/// run it kept), unless a job is `waiting` to start (it reads the new target itself).
fn follow_target(
    built: Built,
    ready: Signal<bool>,
    runner: Runner,
    state: RunState,
    waiting: Rc<Cell<bool>>,
) {
    let page = use_page();
    let terms = Memo::new(move |_| page.scenario.with(suggestion_terms));
    Effect::new(move |ran: Option<()>| {
        terms.track();
        if ran.is_none() || waiting.get() || !ready.get_untracked() {
            return;
        }
        if built.with_untracked(|b| b.is_ok()) {
            state.suggestions.set(None);
            send(runner, state, page);
        }
    });
}
