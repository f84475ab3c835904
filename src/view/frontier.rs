//! The coverage frontier panel's data: each hedge at full coverage (its frontier runs from 0 %
//! to 100 % of it on the comparison's simulated paths), the chosen hedge's least-CVaR coverage
//! and the least coverage that reaches the target probability of covering the cash cost
//! (`ptarget`), and the chart's series.
//!
//! ```
//! use minerhedge::domain::montecarlo::McRun;
//! use minerhedge::{link::Scenario, view::{frontier, Model}};
//! let m = Model::build(&Scenario::from_query("paths=2000&cov=40").scenario);
//! let (params, profiles) = m.monte_carlo().unwrap();
//! let mut run = McRun::new(params, profiles).unwrap().keeping_paths();
//! while !run.step(1000).finished() {}
//! let full = m.frontier_profiles().unwrap();
//! let curves = frontier::frontiers(run.paths().unwrap(), &full).unwrap();
//! let s = frontier::summary(&m, &curves).unwrap();
//! // A forward without difficulty volatility: the least CVaR is at full coverage.
//! assert_eq!(s.min_cvar.coverage_pct, 100);
//! assert_eq!(s.current_pct, 40.0);
//! # Ok::<(), minerhedge::domain::DomainError>(())
//! ```

use super::{Model, StrategyKind};
use crate::chart::frontier::{FrontierChart, FrontierSeries};
use crate::domain::Result;
use crate::domain::montecarlo::SimPath;
use crate::domain::risk::PayoffProfile;
use crate::domain::risk::frontier::{CoverageReturns, Frontier, FrontierPoint, coverage_frontier};
use crate::domain::validate::dec_f64;
use crate::link::Scenario;
use rust_decimal::Decimal;

/// One hedge's frontier.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StrategyFrontier {
    /// Which hedge.
    pub kind: StrategyKind,
    /// Coverages 0 … 100 %.
    pub frontier: Frontier,
}

/// What the panel says about the chosen hedge.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontierSummary {
    /// The chosen hedge.
    pub kind: StrategyKind,
    /// The scenario's coverage, %.
    pub current_pct: f64,
    /// The frontier at the scenario's coverage (between the two whole coverages around it).
    pub current: FrontierPoint,
    /// The coverage with the lowest CVaR.
    pub min_cvar: FrontierPoint,
    /// The coverages around it whose CVaR is within the simulation's noise of it (one
    /// standard error of its CVaR), `(lowest, highest)` %.
    pub min_cvar_range: (u32, u32),
    /// The period's all-in cost, USD (the base of the returns).
    pub cost: f64,
    /// The target probability of covering the cash cost (`ptarget`), a fraction.
    pub target: f64,
    /// The least coverage that reaches it, when one does.
    pub reaching: Option<FrontierPoint>,
    /// Annual difficulty volatility of the simulation (fraction).
    pub difficulty_vol: f64,
    /// Correlation of its price and difficulty shocks (fraction).
    pub correlation: f64,
}

impl Model {
    /// Every hedge of the model at full coverage (the frontier's 100 %), in `strategies`
    /// order, without the unhedged one; `None` when the model at full coverage has no hedge.
    pub fn frontier_profiles(&self) -> Option<Vec<(StrategyKind, PayoffProfile)>> {
        let mut s: Scenario = self.scenario.clone();
        s.hedge.coverage_pct = Decimal::ONE_HUNDRED;
        let full = if s == self.scenario {
            None
        } else {
            Some(Model::build(&s))
        };
        let m = full.as_ref().unwrap_or(self);
        let v: Vec<_> = m
            .strategies
            .iter()
            .filter(|st| st.kind != StrategyKind::Unhedged)
            .map(|st| (st.kind, st.profile.clone()))
            .collect();
        (!v.is_empty()).then_some(v)
    }
}

/// The frontier of every hedge in `full` on `paths` (`(final price, realized / expected
/// output)`, the comparison's run).
pub fn frontiers(
    paths: &[SimPath],
    full: &[(StrategyKind, PayoffProfile)],
) -> Result<Vec<StrategyFrontier>> {
    full.iter().map(|(k, p)| one(paths, *k, p)).collect()
}

/// The frontier of one hedge.
pub fn one(
    paths: &[SimPath],
    kind: StrategyKind,
    full: &PayoffProfile,
) -> Result<StrategyFrontier> {
    Ok(StrategyFrontier {
        kind,
        frontier: coverage_frontier(paths, full)?,
    })
}

/// The frontiers of several hedges computed a few points at a time (the simulation worker
/// runs one [`FrontierJob::step`] between looks at its messages, so a newer job need not wait
/// for the 101 × six passes: [`crate::view::jobs`]).
///
/// ```
/// use minerhedge::domain::montecarlo::McRun;
/// use minerhedge::{link::Scenario, view::{frontier::{frontiers, FrontierJob}, Model}};
/// let m = Model::build(&Scenario::from_query("paths=500&dvol=40").scenario);
/// let (params, profiles) = m.monte_carlo().unwrap();
/// let mut run = McRun::new(params, profiles).unwrap().keeping_paths();
/// run.step(500);
/// let full = m.frontier_profiles().unwrap();
/// let mut job = FrontierJob::new(run.paths().unwrap().to_vec(), full.clone());
/// let mut steps = 0;
/// while !job.step(16).unwrap() { steps += 1; }
/// assert!(steps > full.len());
/// assert_eq!(job.curves(), &frontiers(run.paths().unwrap(), &full).unwrap()[..]);
/// ```
#[derive(Debug, Clone)]
pub struct FrontierJob {
    paths: Vec<SimPath>,
    full: Vec<(StrategyKind, PayoffProfile)>,
    current: Option<CoverageReturns>,
    points: Vec<FrontierPoint>,
    done: Vec<StrategyFrontier>,
}

impl FrontierJob {
    /// A job over `paths` for the hedges `full` (each at full coverage).
    pub fn new(paths: Vec<SimPath>, full: Vec<(StrategyKind, PayoffProfile)>) -> Self {
        FrontierJob {
            paths,
            full,
            current: None,
            points: Vec::with_capacity(101),
            done: Vec::new(),
        }
    }

    /// Computes up to `points` more coverages; `Ok(true)` once every hedge's frontier is done.
    pub fn step(&mut self, points: usize) -> Result<bool> {
        for _ in 0..points {
            let Some((kind, profile)) = self.full.get(self.done.len()) else {
                return Ok(true);
            };
            let kind = *kind;
            let returns = match self.current.as_mut() {
                Some(r) => r,
                None => self
                    .current
                    .insert(CoverageReturns::new(&self.paths, profile)?),
            };
            self.points.push(returns.point(self.points.len() as u32));
            if self.points.len() == 101 {
                self.current = None;
                self.done.push(StrategyFrontier {
                    kind,
                    frontier: Frontier {
                        points: std::mem::replace(&mut self.points, Vec::with_capacity(101)),
                    },
                });
            }
        }
        Ok(self.done.len() == self.full.len())
    }

    /// `(hedges done, hedges)`.
    pub fn progress(&self) -> (usize, usize) {
        (self.done.len(), self.full.len())
    }

    /// The frontiers done so far.
    pub fn curves(&self) -> &[StrategyFrontier] {
        &self.done
    }

    /// The frontiers, when every one is done.
    pub fn into_curves(self) -> Vec<StrategyFrontier> {
        self.done
    }
}

/// The point between the whole coverages around `pct` (linear in the mean and the share short
/// of cash's neighbours; CVaR is convex in the coverage, so this is within the 1 % step of it).
fn between(points: &[FrontierPoint], pct: f64) -> Option<FrontierPoint> {
    let pct = pct.clamp(0.0, 100.0);
    let lo = points.get(pct.floor() as usize)?;
    let hi = points.get(pct.ceil() as usize)?;
    let t = pct - pct.floor();
    let mix = |a: f64, b: f64| a + t * (b - a);
    Some(FrontierPoint {
        coverage_pct: lo.coverage_pct,
        expected_return: mix(lo.expected_return, hi.expected_return),
        cvar95: mix(lo.cvar95, hi.cvar95),
        prob_short_of_cash: mix(lo.prob_short_of_cash, hi.prob_short_of_cash),
        cvar95_se: mix(lo.cvar95_se, hi.cvar95_se),
    })
}

/// The chosen hedge's figures; `None` when the chosen strategy has no frontier in `curves`
/// (unhedged, or frontiers of another model).
pub fn summary(model: &Model, curves: &[StrategyFrontier]) -> Option<FrontierSummary> {
    let kind = model.chosen()?.kind;
    let f = &curves.iter().find(|c| c.kind == kind)?.frontier;
    let s = &model.scenario;
    let current_pct = dec_f64(s.hedge.coverage_pct);
    let target = dec_f64(s.simulation.cash_target_pct) / 100.0;
    Some(FrontierSummary {
        kind,
        current_pct,
        current: between(&f.points, current_pct)?,
        min_cvar: *f.min_cvar()?,
        min_cvar_range: f.min_cvar_within_noise()?,
        cost: model.chosen()?.profile.all_in_cost(),
        target,
        reaching: f.least_coverage_covering(target).copied(),
        difficulty_vol: s.difficulty_vol(),
        correlation: dec_f64(s.simulation.correlation_pct) / 100.0,
    })
}

/// The chart: every hedge's frontier, the chosen one first, with its current, least-CVaR and
/// target coverages marked.
pub fn frontier_chart(model: &Model, curves: &[StrategyFrontier]) -> FrontierChart {
    let chosen = model.chosen().map(|c| c.kind);
    let is = |c: &&StrategyFrontier| Some(c.kind) == chosen;
    let series = curves
        .iter()
        .filter(is)
        .chain(curves.iter().filter(|c| !is(c)))
        .map(|c| FrontierSeries {
            label: c.kind.label().to_string(),
            points: c.frontier.points.clone(),
            chosen: is(&c),
        })
        .collect();
    let mut marks = Vec::new();
    if let Some(s) = summary(model, curves) {
        let (lo, hi) = s.min_cvar_range;
        marks.push((format!("now {}%", s.current.coverage_pct), s.current));
        // The least CVaR with the coverages within the simulation's noise of it, as the
        // figure beside the chart says.
        let least = if lo == hi {
            format!("least CVaR {}%", s.min_cvar.coverage_pct)
        } else {
            format!("least CVaR {}% ({lo}–{hi}%)", s.min_cvar.coverage_pct)
        };
        marks.push((least, s.min_cvar));
        if let Some(r) = s.reaching {
            marks.push((format!("target {}%", r.coverage_pct), r));
        }
    }
    FrontierChart {
        series,
        marks,
        ..FrontierChart::default()
    }
}
