//! The page's Monte Carlo runner (not a component): the simulation of the displayed model and
//! the coverage frontier on its paths run in the page's worker ([`super::worker`], a
//! [`Kind::Period`] job), so the page's thread never waits for them. A new input starts a new
//! generation at once (the old statistics are gone); its job starts once the inputs have not
//! changed for [`SETTLE`] (a drag restarts nothing until it pauses; the first run starts at
//! once). A response of an older job is dropped. The run is deterministic for its seed.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;

use crate::domain::montecarlo::{McParams, McStats};
use crate::domain::risk::PayoffProfile;
use crate::domain::strategy::StrategyKind;
use crate::view::jobs::{Body, Kind, NO_SIMULATION, Stage};

use super::frontier::Status;
use super::schedule::SETTLE;
use super::worker::{Event, Runner, could_not_start, runner};
use crate::present::display::Display;

/// What the panels read from the runner.
#[derive(Debug, Clone, Copy)]
pub struct McState {
    /// Statistics of the finished run for the current inputs (`None` while it runs or when the
    /// inputs are invalid), one per strategy of the model.
    pub stats: RwSignal<Option<Vec<McStats>>>,
    /// `(done, total)` paths while a run is under way; `None` otherwise.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Why no run could start (invalid inputs, no worker), for the page to show.
    pub error: RwSignal<Option<String>>,
    /// Runs started so far (changes with every new run; tests and the page read it).
    pub generation: RwSignal<u64>,
    /// The coverage frontier on the run's paths (kept across runs of the same parameters and
    /// hedges at full coverage, so a coverage change does not recompute it on the page).
    pub frontier: RwSignal<Status>,
}

/// The frontier's inputs: the simulation's parameters and the hedges at full coverage.
type FrontierKey = (McParams, Vec<(StrategyKind, PayoffProfile)>);

/// The runner's bookkeeping besides the signals.
#[derive(Clone)]
struct Books {
    /// The current generation.
    current: Rc<Cell<u64>>,
    /// The frontier inputs of the job sent last, and of the frontier shown.
    sent: StoredValue<Option<FrontierKey>, LocalStorage>,
    shown: StoredValue<Option<FrontierKey>, LocalStorage>,
}

/// What the runner does with an event of its job.
fn hear(state: McState, books: &Books, event: Event) {
    match event {
        Event::Failed(why) => {
            state.progress.set(None);
            state.error.set(Some(could_not_start(&why)));
            state.frontier.set(Status::Failed(why));
        }
        Event::Body(body) => match body {
            Body::Progress { stage, done, total } => {
                let (done, total) = (done as usize, total as usize);
                match stage {
                    Stage::Simulation => state.progress.set(Some((done, total))),
                    Stage::Frontier => state.frontier.set(Status::Running(done, total)),
                    Stage::Suggestions => {}
                }
            }
            Body::Mc(stats) => {
                state.progress.set(None);
                state.stats.set(Some(stats));
            }
            Body::Frontier(curves) => {
                books.shown.set_value(books.sent.get_value());
                state.frontier.set(Status::Done(Arc::new(curves)));
            }
            Body::Error { stage, text } => match stage {
                Stage::Frontier => state.frontier.set(Status::Failed(text)),
                _ => {
                    state.progress.set(None);
                    state.error.set(Some(text));
                }
            },
            #[cfg(feature = "program")]
            _ => {}
        },
    }
}

/// Sends the job of generation `generation` unless a newer one has begun.
fn send(runner: Runner, state: McState, books: &Books, generation: u64, display: Memo<Display>) {
    if books.current.get() != generation {
        return;
    }
    let (query, key) = display.with_untracked(|d| {
        let key = d.model.monte_carlo().zip(d.model.frontier_profiles());
        (d.model.scenario.to_query(), key.map(|((p, _), f)| (p, f)))
    });
    books.sent.set_value(key);
    if let Err(why) = runner.send(Kind::Period { query }) {
        state.error.set(Some(could_not_start(&why)));
        state.frontier.set(Status::Failed(why));
    }
}

/// Starts the runner: it re-runs whenever the Monte Carlo inputs of the displayed model
/// ([`crate::view::Model::monte_carlo`]) change, and only then.
pub fn use_monte_carlo(display: Memo<Display>) -> McState {
    let state = McState {
        stats: RwSignal::new(None),
        progress: RwSignal::new(None),
        error: RwSignal::new(None),
        generation: RwSignal::new(0),
        frontier: RwSignal::new(Status::Waiting),
    };
    let inputs = Memo::new(move |_| display.with(|d| d.model.monte_carlo()));
    let books = Books {
        current: Rc::new(Cell::new(0u64)),
        sent: StoredValue::new_local(None),
        shown: StoredValue::new_local(None),
    };
    let heard = books.clone();
    let runner = runner(move |event| hear(state, &heard, event));
    Effect::new(move |ran: Option<()>| {
        let next = books.current.get().wrapping_add(1);
        books.current.set(next);
        state.generation.set(next);
        state.stats.set(None);
        state.progress.set(None);
        // The last job's results are of older inputs: dropped from now on, while the new job
        // waits for its inputs to settle.
        runner.cancel();
        let Some((params, _)) = inputs.get() else {
            state.frontier.set(Status::Waiting);
            state.error.set(Some(NO_SIMULATION.to_owned()));
            return;
        };
        state.error.set(None);
        // The frontier shown stays while its inputs do (a coverage change).
        let full = display.with_untracked(|d| d.model.frontier_profiles());
        let same = books.shown.with_value(|k| {
            k.as_ref()
                .is_some_and(|k| k.0 == params && Some(&k.1) == full.as_ref())
        });
        if !same {
            state.frontier.set(Status::Waiting);
        }
        // The first run starts at once; a later one when the inputs have settled (a newer
        // generation by then means they have not: this one never starts).
        let wait = if ran.is_some() {
            SETTLE
        } else {
            Duration::ZERO
        };
        let books = books.clone();
        set_timeout(move || send(runner, state, &books, next, display), wait);
    });
    state
}
