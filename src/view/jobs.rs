//! The simulation worker's protocol and jobs (pure; the browser side is `web::worker` in the
//! worker and `ui::worker` on the page).
//!
//! The page sends a [`Request`] (a job id and a [`Kind`]: the scenario as its link query) and
//! the worker answers with [`Response`]s of that id: progress, results, or an error text. Both
//! directions are bytes ([`encode`], [`decode`]: postcard, which keeps every `f64` exactly), so
//! a job's results equal bit for bit what the engine gives on the page's thread for the same
//! seed. Bad bytes decode to an error, never a panic.
//!
//! [`Jobs`] holds the worker's one job: [`Jobs::submit`] replaces it (a newer request cancels
//! the running one) and [`Jobs::step`] runs one bounded chunk of it (a chunk of paths, a few
//! coverages of the frontier, a month of statistics or of the suggested ladder), so the
//! worker can yield between chunks and notice a newer request.
//!
//! Each page's worker runs its own page's jobs only: [`Jobs`] is of one [`PageJob`] type,
//! [`PeriodJob`] or `ProgramJob`, chosen by the page's entry point (`src/main.rs`,
//! `src/bin/program.rs`), so the program page's module carries no period simulation or
//! frontier, and the period page's (built without the feature) no program. A request of the
//! other page's kind is answered with an error.
//!
//! - The period page's job ([`Kind::Period`]): the Monte Carlo of the scenario's model
//!   ([`Model::monte_carlo`], built as the page builds it: the final price zeroed), keeping
//!   its paths, then the coverage frontier on them when it applies
//!   ([`Model::frontier_profiles`]). The last frontier is kept: a job with the same
//!   parameters and hedges at full coverage (a coverage change) answers it at once.
//! - The program page's job (`Kind::Program`, cargo feature `program`): the program's
//!   simulation with every month's hedge also at full coverage, its statistics a month per
//!   step, then the suggested ladder. The finished run is kept: a job of the same program
//!   (a new target of the ladder) rescans its paths without simulating again. Its paths are
//!   capped at [`PROGRAM_MAX_PATHS`] (memory).
//!
//! The program variants come last in [`Kind`] and [`Body`], so the period page (built
//! without the feature) reads the same bytes.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::Model;
use super::frontier::{FrontierJob, StrategyFrontier};
use super::montecarlo::MC_CHUNK;
use crate::domain::montecarlo::{McParams, McRun, McStats};
use crate::domain::risk::PayoffProfile;
use crate::domain::strategy::StrategyKind;
use crate::link::Scenario;

#[cfg(feature = "program")]
pub use program::{PROGRAM_MAX_PATHS, ProgramJob, TREASURY_MAX_PATHS, program_paths_note};

/// Coverages of the frontier per step.
const FRONTIER_POINTS: usize = 8;

/// What the page says when the period's model has no simulation.
pub const NO_SIMULATION: &str = "The simulation needs a valid spot, volatility and period.";

/// A job for the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The job's id: every response carries it (the page drops those of older jobs).
    pub id: u64,
    /// What to run.
    pub kind: Kind,
}

/// What a job runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Kind {
    /// The period page's simulation and frontier of the scenario (its link query).
    Period {
        /// [`Scenario::to_query`] of the page's scenario.
        query: String,
    },
    /// The program page's simulation and suggested ladder of the scenario.
    #[cfg(feature = "program")]
    Program {
        /// [`Scenario::to_query`] of the page's scenario.
        query: String,
        /// The page's today `(year, month, day)`: the start of a program without one.
        today: (i32, u32, u32),
    },
}

/// Which part of a job a progress or an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// The simulation's paths (and, on the program page, its statistics).
    Simulation,
    /// The coverage frontier (`done` and `total` count hedges).
    Frontier,
    /// The suggested ladder (months).
    Suggestions,
}

/// An answer of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The id of the job it belongs to (0 when the request could not be read).
    pub id: u64,
    /// What it says.
    pub body: Body,
}

/// What a response says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Body {
    /// `(done, total)` of a stage.
    Progress {
        /// The stage.
        stage: Stage,
        /// Done so far.
        done: u64,
        /// In all.
        total: u64,
    },
    /// The stage could not run; the text says why (the simulation's starts with
    /// "Simulation:", the page shows it as is).
    Error {
        /// The stage.
        stage: Stage,
        /// Why.
        text: String,
    },
    /// The period simulation's statistics, one per strategy of the model.
    Mc(Vec<McStats>),
    /// The coverage frontier of every hedge.
    Frontier(Vec<StrategyFrontier>),
    /// The program simulation's statistics.
    #[cfg(feature = "program")]
    Program(Option<crate::domain::program::ProgramStats>),
    /// The suggested ladder, by month.
    #[cfg(feature = "program")]
    Suggestions(Vec<super::program::Suggestion>),
}

/// Bytes that are no message of the protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unreadable message: {}", self.0)
    }
}

/// `value` as bytes (empty if it cannot be written, which postcard never refuses for the
/// protocol's types: an empty message decodes as an error).
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

/// The message in `bytes`, or why they are none.
///
/// ```
/// use minerhedge::view::jobs::{decode, encode, Kind, Request};
/// let r = Request { id: 7, kind: Kind::Period { query: "seed=3".into() } };
/// assert_eq!(decode::<Request>(&encode(&r)), Ok(r));
/// assert!(decode::<Request>(&[0xff, 0xff, 0xff]).is_err());
/// ```
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    postcard::from_bytes(bytes).map_err(|e| DecodeError(e.to_string()))
}

/// The scenario of a link query as the page builds it: its final price zeroed (the model
/// the page's panels read does not depend on it).
pub fn scenario_of(query: &str) -> Scenario {
    let mut s = Scenario::from_query(query).scenario;
    s.view.price = Some(Decimal::ZERO);
    s
}

/// The frontier's inputs: the simulation's parameters and the hedges at full coverage.
type FrontierKey = (McParams, Vec<(StrategyKind, PayoffProfile)>);

/// Where a period job is.
#[derive(Debug)]
enum PeriodPhase {
    /// Simulating, keeping paths.
    Simulation(McRun),
    /// The frontier on the kept paths.
    Frontier(FrontierJob),
    /// Finished.
    Done,
}

/// The period page's job (see the module docs).
#[derive(Debug)]
pub struct PeriodJob {
    phase: PeriodPhase,
    /// The frontier's inputs, when it applies.
    frontier: Option<FrontierKey>,
}

/// What the period page's worker keeps between jobs: the last finished frontier and its
/// inputs.
type KeptFrontier = Option<(FrontierKey, Arc<[StrategyFrontier]>)>;

impl PeriodJob {
    /// The job of the scenario in `query`, or why its simulation cannot start (the text the
    /// page shows).
    pub fn new(query: &str) -> Result<Self, String> {
        let model = Model::build(&scenario_of(query));
        let (params, profiles) = model.monte_carlo().ok_or(NO_SIMULATION)?;
        let run = McRun::new(params, profiles).map_err(|e| format!("Simulation: {e}"))?;
        Ok(PeriodJob {
            phase: PeriodPhase::Simulation(run.keeping_paths()),
            frontier: model.frontier_profiles().map(|f| (params, f)),
        })
    }
}

impl PageJob for PeriodJob {
    type Kept = KeptFrontier;

    fn start(kind: Kind, previous: Option<Self>, _: &mut KeptFrontier) -> Result<Self, String> {
        // The old job's memory (its kept paths) goes before the new one's is taken.
        drop(previous);
        match kind {
            Kind::Period { query } => PeriodJob::new(&query),
            #[cfg(feature = "program")]
            Kind::Program { .. } => Err(OTHER_PAGE.to_string()),
        }
    }

    /// The progress of its current stage.
    fn progress(&self) -> Option<Body> {
        let (stage, done, total) = match &self.phase {
            PeriodPhase::Simulation(run) => {
                let p = run.progress();
                (Stage::Simulation, p.done, p.total)
            }
            PeriodPhase::Frontier(job) => {
                let (done, of) = job.progress();
                (Stage::Frontier, done, of)
            }
            PeriodPhase::Done => return None,
        };
        Some(progress(stage, done, total))
    }

    /// One chunk; pushes what it finished to `out`. `cache` is the last finished frontier.
    fn step(&mut self, out: &mut Vec<Body>, cache: &mut KeptFrontier) {
        match std::mem::replace(&mut self.phase, PeriodPhase::Done) {
            PeriodPhase::Simulation(mut run) => {
                if !run.step(MC_CHUNK).finished() {
                    self.phase = PeriodPhase::Simulation(run);
                    return;
                }
                out.push(Body::Mc(run.stats()));
                let Some(key) = &self.frontier else { return };
                if let Some((_, curves)) = cache.as_ref().filter(|(k, _)| k == key) {
                    return out.push(Body::Frontier(curves.to_vec()));
                }
                if let Some(paths) = run.paths() {
                    self.phase =
                        PeriodPhase::Frontier(FrontierJob::new(paths.to_vec(), key.1.clone()));
                }
            }
            PeriodPhase::Frontier(mut job) => match job.step(FRONTIER_POINTS) {
                Ok(false) => self.phase = PeriodPhase::Frontier(job),
                Ok(true) => {
                    let curves = job.into_curves();
                    if let Some(key) = self.frontier.clone() {
                        *cache = Some((key, curves.clone().into()));
                    }
                    out.push(Body::Frontier(curves));
                }
                Err(e) => out.push(Body::Error {
                    stage: Stage::Frontier,
                    text: e.to_string(),
                }),
            },
            PeriodPhase::Done => {}
        }
    }
}

/// A progress body.
fn progress(stage: Stage, done: usize, total: usize) -> Body {
    Body::Progress {
        stage,
        done: done as u64,
        total: total as u64,
    }
}

/// What a worker answers to a request of the other page's kind (a page sends its own only).
pub const OTHER_PAGE: &str = "Simulation: this page's worker runs this page's jobs only.";

/// A page's job in its worker: started from a request, stepped a bounded chunk at a time.
/// The page's entry point picks the type ([`Jobs`] of it), so a page's module carries only
/// its own page's simulation.
pub trait PageJob: Sized {
    /// What the worker keeps between this page's jobs, beyond the job itself (the period's
    /// last frontier; nothing for the program, whose finished job is kept whole).
    type Kept: Default;

    /// The job of `kind`, or why it cannot start (the text the page shows). `previous`, the
    /// worker's last job, may lend what it computed; `kept` is what the worker keeps.
    fn start(kind: Kind, previous: Option<Self>, kept: &mut Self::Kept) -> Result<Self, String>;

    /// The progress of its current stage (`None` when it has finished).
    fn progress(&self) -> Option<Body>;

    /// One chunk; pushes what it finished to `out`.
    fn step(&mut self, out: &mut Vec<Body>, kept: &mut Self::Kept);
}

/// The worker's state: its one job (the latest request's) and what it keeps between jobs.
#[derive(Debug)]
pub struct Jobs<J: PageJob> {
    /// The latest request's id and its job (kept when finished: a program's paths).
    job: Option<(u64, J)>,
    /// What the page's jobs keep (the period's last frontier).
    kept: J::Kept,
    /// Responses due before the next step's (an error of a request).
    pending: Vec<Response>,
}

impl<J: PageJob> Default for Jobs<J> {
    fn default() -> Self {
        Jobs {
            job: None,
            kept: J::Kept::default(),
            pending: Vec::new(),
        }
    }
}

impl<J: PageJob> Jobs<J> {
    /// Replaces the job by `request`'s (the running one stops here).
    pub fn submit(&mut self, request: Request) {
        let id = request.id;
        let previous = self.job.take().map(|(_, job)| job);
        match J::start(request.kind, previous, &mut self.kept) {
            Ok(job) => self.job = Some((id, job)),
            Err(text) => self.pending.push(Response {
                id,
                body: Body::Error {
                    stage: Stage::Simulation,
                    text,
                },
            }),
        }
    }

    /// Whether a job has work left.
    pub fn busy(&self) -> bool {
        !self.pending.is_empty() || self.progress().is_some()
    }

    /// The running job's progress (`None` when there is none).
    pub fn progress(&self) -> Option<Response> {
        let (id, job) = self.job.as_ref()?;
        let body = job.progress()?;
        Some(Response { id: *id, body })
    }

    /// Runs one chunk of the job; returns what finished (results, errors) in order.
    pub fn step(&mut self) -> Vec<Response> {
        let mut out = Vec::new();
        let Some((id, job)) = self.job.as_mut() else {
            return std::mem::take(&mut self.pending);
        };
        job.step(&mut out, &mut self.kept);
        let id = *id;
        let mut responses = std::mem::take(&mut self.pending);
        responses.extend(out.into_iter().map(|body| Response { id, body }));
        responses
    }

    /// Steps until the job has finished; every response in order (tests, benchmarks).
    pub fn run_to_end(&mut self) -> Vec<Response> {
        let mut all = Vec::new();
        while self.busy() {
            all.extend(self.step());
        }
        all
    }
}

#[cfg(feature = "program")]
mod program {
    //! The program page's job.

    use chrono::NaiveDate;

    use super::{Body, Kind, OTHER_PAGE, PageJob, Stage, progress};
    use crate::domain::program::treasury::Treasury;
    use crate::domain::program::{Program, ProgramRun, SimulationParams};
    use crate::domain::strategy::StrategyKind;
    use crate::view::program::{ProgramModel, Suggestion, suggestion_terms};

    /// The most paths the worker simulates for a program: every path of every month is kept
    /// (24 bytes a path and month with the full coverage: 173 MB for 200,000 paths of 36
    /// months), and the worker stays within 256 MB. A program with more is simulated on its
    /// first `PROGRAM_MAX_PATHS` paths (the same ones: paths are drawn in order), and the page
    /// says so ([`program_paths_note`]).
    pub const PROGRAM_MAX_PATHS: usize = 200_000;

    /// The most paths the worker simulates for a program with a treasury: it keeps 16 more
    /// bytes a path and month (the treasury's value and selling every coin's), so half as many.
    pub const TREASURY_MAX_PATHS: usize = 100_000;

    /// Paths per step (a step of 36 months takes well under 1 ms).
    const CHUNK: usize = 100;

    /// What the page says of a program of `paths` paths when they are more than the worker
    /// simulates.
    ///
    /// ```
    /// use minerhedge::view::jobs::program_paths_note;
    /// assert_eq!(program_paths_note(1_000, false), None);
    /// assert_eq!(
    ///     program_paths_note(1_000_000, false).unwrap(),
    ///     "Simulated on the first 200,000 of the 1,000,000 paths."
    /// );
    /// assert_eq!(
    ///     program_paths_note(150_000, true).unwrap(),
    ///     "Simulated on the first 100,000 of the 150,000 paths."
    /// );
    /// ```
    pub fn program_paths_note(paths: u32, treasury: bool) -> Option<String> {
        let n = |p: usize| crate::format::number(rust_decimal::Decimal::from(p), 0);
        let most = max_paths(treasury);
        (paths as usize > most).then(|| {
            format!(
                "Simulated on the first {} of the {} paths.",
                n(most),
                n(paths as usize)
            )
        })
    }

    /// The most paths the worker simulates, with or without a treasury.
    fn max_paths(treasury: bool) -> usize {
        if treasury {
            TREASURY_MAX_PATHS
        } else {
            PROGRAM_MAX_PATHS
        }
    }

    /// What determines a program's paths: the program, at full coverage, the parameters.
    type RunKey = (Program, Option<Program>, SimulationParams, Option<Treasury>);

    /// Where a program job is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Phase {
        /// Simulating paths.
        Paths,
        /// The statistics, a month per step.
        Statistics,
        /// The statistics are ready: post them.
        Post,
        /// The suggested ladder, a month per step.
        Suggest,
        /// Finished (its run is kept).
        Done,
    }

    /// The program page's job (see the module docs of [`super`]).
    #[derive(Debug)]
    pub struct ProgramJob {
        key: RunKey,
        run: ProgramRun,
        phase: Phase,
        /// `(pneg, pmax)` of the suggested ladder.
        terms: (f64, u32),
        /// The hedged months left to scan, the first last.
        todo: Vec<usize>,
        /// Hedged months in all.
        months: usize,
        done: Vec<Suggestion>,
    }

    impl ProgramJob {
        /// The job of the scenario in `query` (its start `today` when it has none); `kept`,
        /// the previous job, lends its run when it simulates the same program.
        pub fn new(
            query: &str,
            today: (i32, u32, u32),
            kept: Option<ProgramJob>,
        ) -> Result<Self, String> {
            let s = super::scenario_of(query);
            let today = NaiveDate::from_ymd_opt(today.0, today.1, today.2).unwrap_or_default();
            let model = ProgramModel::build(&s, s.program.start_or(today))
                .map_err(|m| format!("Simulation: {}", m.text))?;
            let key = key(&model);
            let terms = suggestion_terms(&s);
            let todo = hedged(&model.program);
            if let Some(mut job) = kept.filter(|k| k.key == key) {
                job.terms = terms;
                job.months = todo.len();
                job.todo = todo;
                job.done.clear();
                if matches!(job.phase, Phase::Suggest | Phase::Done) {
                    job.phase = Phase::Post;
                }
                return Ok(job);
            }
            // A kept run of another program is gone (dropped by the filter) before the new
            // one's memory is taken.
            let run = ProgramRun::new(&key.0, key.2)
                .and_then(|r| match &key.1 {
                    Some(f) => r.with_full_coverage(f),
                    None => Ok(r),
                })
                .map(|r| match &key.3 {
                    Some(t) => r.with_treasury(t),
                    None => r,
                })
                .map_err(|e| format!("Simulation: {e}"))?;
            Ok(ProgramJob {
                key,
                run,
                phase: Phase::Paths,
                terms,
                months: todo.len(),
                todo,
                done: Vec::new(),
            })
        }

        /// Scans the next hedged month; posts the ladder after the last.
        fn suggest(&mut self, out: &mut Vec<Body>) {
            let (target, cap) = self.terms;
            if let Some(month) = self.todo.pop()
                && let Some((c, p)) = self.run.least_coverage(month, target, cap)
            {
                self.done.push(Suggestion {
                    month,
                    coverage_pct: c,
                    prob_negative: p,
                });
            }
            if self.todo.is_empty() {
                let mut ladder = std::mem::take(&mut self.done);
                ladder.sort_unstable_by_key(|s| s.month);
                out.push(Body::Suggestions(ladder));
                self.phase = Phase::Done;
            }
        }
    }

    impl PageJob for ProgramJob {
        type Kept = ();

        fn start(kind: Kind, previous: Option<Self>, _: &mut ()) -> Result<Self, String> {
            match kind {
                Kind::Program { query, today } => ProgramJob::new(&query, today, previous),
                Kind::Period { .. } => Err(OTHER_PAGE.to_string()),
            }
        }

        /// The progress: paths while simulating and summarizing, months of the ladder.
        fn progress(&self) -> Option<Body> {
            let p = self.run.progress();
            match self.phase {
                Phase::Paths | Phase::Statistics | Phase::Post => {
                    Some(progress(Stage::Simulation, p.done, p.total))
                }
                Phase::Suggest => Some(progress(
                    Stage::Suggestions,
                    self.months - self.todo.len(),
                    self.months,
                )),
                Phase::Done => None,
            }
        }

        /// One chunk; pushes what it finished to `out`.
        fn step(&mut self, out: &mut Vec<Body>, _: &mut ()) {
            match self.phase {
                Phase::Paths => {
                    if self.run.step(CHUNK).finished() {
                        self.phase = Phase::Statistics;
                    }
                }
                Phase::Statistics => {
                    if self.run.summarize(1) {
                        self.phase = Phase::Post;
                    }
                }
                Phase::Post => {
                    let p = self.run.progress();
                    out.push(progress(Stage::Simulation, p.done, p.total));
                    out.push(Body::Program(self.run.stats()));
                    self.phase = Phase::Suggest;
                }
                Phase::Suggest => self.suggest(out),
                Phase::Done => {}
            }
        }
    }

    /// The run's inputs of `model`, its paths capped at [`PROGRAM_MAX_PATHS`].
    fn key(model: &ProgramModel) -> RunKey {
        let treasury = match &model.treasury {
            Some(Ok(t)) => Some(t.treasury.clone()),
            _ => None,
        };
        let mut params = model.simulation;
        params.paths = params.paths.min(max_paths(treasury.is_some()));
        (model.program.clone(), model.full.clone(), params, treasury)
    }

    /// The hedged months of `program`, the first last (scanned by popping).
    fn hedged(program: &Program) -> Vec<usize> {
        let mut months: Vec<usize> = program
            .rows()
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind != StrategyKind::Unhedged)
            .map(|(i, _)| i)
            .collect();
        months.reverse();
        months
    }
}
