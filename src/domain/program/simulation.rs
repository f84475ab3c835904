//! Monthly paths of price and difficulty for a program ([`ProgramRun`]).
//!
//! Month by month, with `Δt_m = T_m − T_{m−1}` (`T_{−1} = 0`) and two correlated standard
//! normals per month (`Z_d = ρ·Z₁ + √(1 − ρ²)·Z₂`):
//!
//! ```text
//! S_m      = S_{m−1}·exp(g_m·Δt_m − σ²·Δt_m/2 + σ·√Δt_m·Z₁)      price (GBM)
//! W_m      = W_{m−1} + √Δt_m·Z_d                                 difficulty shock
//! D_m^path = D_m·exp(σ_d·W_m + σ_d²·T_m/2)                       lognormal around D_m
//! mined_m  = Q_m·D_m / D_m^path                                  coins (both modes)
//! ```
//!
//! The price's expectation is the forward curve: `g_m·Δt_m = ln(F_m/F_{m−1})` (`F_{−1}` the
//! spot), so `E[S_m] = F_m` and a hedge at market has no expected value; a drift `μ` given by
//! the user (`drift`, the treasurer's own view) replaces it, `g_m = μ`. The difficulty's
//! compensation `+σ_d²·T_m/2` makes the output the expectation: `E[mined_m] = Q_m`, the
//! month table's output (output is `∝ 1/D`; a difficulty drawn with mean `D_m` would put the
//! output's mean `e^{σ_d²·T_m}` above it).
//!
//! Month net cash on a path is the month's position valued at `S_m` with that output (its
//! hedged coins fixed) less its cash cost; the unhedged figure is `mined_m·S_m − cash cost` on
//! the same path. The generator is PCG64 seeded with `seed` and paths are drawn in order,
//! so a run is the same however [`ProgramRun::step`] slices it.
//!
//! **On a power contract** (index or ppa, [`super::power`]) the month's hour prices move
//! with a level `L_m` (lognormal, mean 1, annualized volatility `σ_p`, `pvol`) that multiplies
//! every hour price of the month (the lognormal's mean `pidx_m`, or each point of the curve):
//!
//! ```text
//! Z_p      = ρ_p·Z₁ + √(1 − ρ_p²)·Z₃                             power shock
//! V_m      = V_{m−1} + √Δt_m·Z_p
//! L_m      = exp(σ_p·V_m − σ_p²·T_m/2)                          E[L_m] = 1
//! ```
//!
//! with `Z₃` a third standard normal independent of `Z₁` and `Z₂`. The three shocks' correlation
//! matrix is `[[1, ρ, ρ_p], [ρ, 1, ρ·ρ_p], [ρ_p, ρ·ρ_p, 1]]`: each is a combination of
//! independent normals, so the matrix is valid for every `ρ, ρ_p ∈ [−1, 1]` (difficulty and
//! power are related only through the price). Each simulated month recomputes the run share,
//! output, power cost and credits at its `S_m`, output factor `D_m/D_m^path` and `L_m`
//! ([`PayoffProfile::value_with`]); net cash is revenue with credits, less the power and other
//! costs, plus the hedge. The unhedged figure is the mined leg alone. With `σ_p = 0` (or a
//! fixed-price contract) `L_m = 1`, no third normal is drawn, and every path is the
//! deterministic model's at its price and difficulty.

use super::Program;
use super::stats::{self, ProgramStats};
use super::treasury::Treasury;
use super::treasury::paths::{PathStep, TreasuryRun};
use crate::domain::Field;
use crate::domain::error::{DomainError, Result};
use crate::domain::montecarlo::{Progress, normal_pair};
use crate::domain::power::Contract;
use crate::domain::range::Range;
use crate::domain::risk::{PayoffProfile, PowerLeg};
use crate::domain::validate::dec_f64;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// Inputs of [`ProgramRun::new`] besides the program.
///
/// ```
/// use minerhedge::domain::program::SimulationParams;
/// assert_eq!(SimulationParams::default().paths, 10_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimulationParams {
    /// Paths, `1 ..= 1,000,000` (field `"paths"`).
    pub paths: usize,
    /// Seed of the generator.
    pub seed: u64,
    /// Annual difficulty volatility `σ_d`, %, `[0, 1000]` (field `"difficulty volatility"`).
    pub difficulty_vol_pct: f64,
    /// Correlation `ρ` of price and difficulty shocks, `[−1, 1]` (field `"correlation"`).
    pub correlation: f64,
    /// The price's annual drift `μ` (fraction, `[−10, 10]`, field `"drift"`) when the user
    /// states one; `None`: the forward curve (`E[S_m] = F_m`).
    pub drift: Option<f64>,
    /// Annual volatility `σ_p` of each month's power price level, %, `[0, 1000]` (field
    /// `"power price volatility"`; read on an index or ppa contract only).
    pub power_vol_pct: f64,
    /// Correlation `ρ_p` of price and power shocks, `[−1, 1]` (field
    /// `"price–power correlation"`).
    pub power_correlation: f64,
}

impl Default for SimulationParams {
    fn default() -> Self {
        SimulationParams {
            paths: 10_000,
            seed: 1,
            difficulty_vol_pct: 0.0,
            correlation: 0.0,
            drift: None,
            power_vol_pct: 0.0,
            power_correlation: 0.0,
        }
    }
}

/// Per-month constants of the paths.
#[derive(Debug, Clone)]
struct MonthStep {
    /// `(r − σ²/2)·Δt`.
    drift: f64,
    /// `σ·√Δt`.
    price_sd: f64,
    /// `√Δt`.
    sqrt_dt: f64,
    /// `−σ_d²·T_m/2`.
    diff_comp: f64,
    /// `−σ_p²·T_m/2`.
    power_comp: f64,
    /// The month's mined leg on a power contract (the unhedged figure).
    power: Option<PowerLeg>,
    profile: PayoffProfile,
    /// The month's hedge at full coverage ([`ProgramRun::with_full_coverage`]).
    full: Option<PayoffProfile>,
    output: f64,
    cash_cost: f64,
}

/// A simulation of a program in progress (see the module docs).
#[derive(Debug, Clone)]
pub struct ProgramRun {
    params: SimulationParams,
    spot: f64,
    sigma_d: f64,
    rho_c: f64,
    /// `σ_p`, 0 unless a month's figures read the hour prices.
    sigma_p: f64,
    /// `√(1 − ρ_p²)`.
    rho_p_c: f64,
    capex: f64,
    steps: Vec<MonthStep>,
    rng: Pcg64Mcg,
    done: usize,
    /// Net cash per month and path, month-major: `[m·paths + path]` (allocated up front).
    program: Vec<f64>,
    unhedged: Vec<f64>,
    /// Net cash at full coverage, as `program` (empty unless asked for).
    full: Vec<f64>,
    /// The statistics being built after the last path ([`ProgramRun::summarize`]).
    building: Option<[stats::SeriesBuilder; 2]>,
    /// The finished statistics of all paths.
    finished: Option<ProgramStats>,
    /// Cumulative cash at `t = 0`: minus the premiums paid at the start.
    cash_start: f64,
    /// Each month's premium carried to its settlement (in its net cash; paid at the start).
    carried: Vec<f64>,
    /// The treasury on the paths ([`Self::with_treasury`]).
    treasury: Option<TreasuryRun>,
    /// The months of the path being drawn, for the treasury.
    scratch: Vec<PathStep>,
}

impl ProgramRun {
    /// The largest run accepted.
    pub const MAX_PATHS: usize = 1_000_000;

    /// Validates the parameters and prepares the paths of `program`. Storage: 16 bytes per
    /// path and month (576 MB for 1,000,000 paths of 36 months).
    pub fn new(program: &Program, params: SimulationParams) -> Result<Self> {
        if !(1..=Self::MAX_PATHS).contains(&params.paths) {
            return Err(DomainError::out_of_range(
                Field::Paths,
                params.paths as f64,
                format!("between 1 and {}", Self::MAX_PATHS),
            ));
        }
        let dvol = const { Range::closed(0.0, 1000.0) }
            .check(Field::DifficultyVolatility, params.difficulty_vol_pct)?;
        let rho =
            const { Range::closed(-1.0, 1.0) }.check(Field::Correlation, params.correlation)?;
        let sigma_d = dvol / 100.0;
        if let Some(mu) = params.drift {
            const { Range::closed(-10.0, 10.0) }.check(Field::Drift, mu)?;
        }
        let pvol = const { Range::closed(0.0, 1000.0) }
            .check(Field::PowerVolatility, params.power_vol_pct)?;
        let rho_p = const { Range::closed(-1.0, 1.0) }
            .check(Field::PowerCorrelation, params.power_correlation)?;
        let reads_prices = program.months().iter().any(|m| {
            m.power
                .as_ref()
                .is_some_and(|p| p.leg.terms.contract != Contract::Fixed)
        });
        let sigma_p = if reads_prices { pvol / 100.0 } else { 0.0 };
        let steps = month_steps(program, sigma_d, sigma_p, params.drift)?;
        let capex = program
            .months()
            .first()
            .map_or(0.0, |m| dec_f64(m.production.capex));
        let cells = params.paths * steps.len();
        let upfront: f64 = program
            .months()
            .iter()
            .map(|m| dec_f64(m.hedge.position.upfront_premium()))
            .sum();
        let carried = program
            .months()
            .iter()
            .map(|m| dec_f64(m.hedge.position.carried_net_premium()))
            .collect();
        Ok(Self {
            cash_start: -upfront,
            carried,
            treasury: None,
            scratch: Vec::new(),
            spot: dec_f64(program.market().spot),
            sigma_d,
            rho_c: (1.0 - rho * rho).max(0.0).sqrt(),
            sigma_p,
            rho_p_c: (1.0 - rho_p * rho_p).max(0.0).sqrt(),
            capex,
            rng: Pcg64Mcg::seed_from_u64(params.seed),
            done: 0,
            program: vec![0.0; cells],
            unhedged: vec![0.0; cells],
            full: Vec::new(),
            building: None,
            finished: None,
            steps,
            params,
        })
    }

    /// Simulates up to `max_paths` more paths.
    pub fn step(&mut self, max_paths: usize) -> Progress {
        let n = max_paths.min(self.params.paths - self.done);
        for path in self.done..self.done + n {
            self.path(path);
        }
        self.done += n;
        self.progress()
    }

    /// Draws path `path` (the next one) and values every month on it.
    fn path(&mut self, path: usize) {
        let rho = self.params.correlation;
        let rho_p = self.params.power_correlation;
        let stride = self.params.paths;
        let (mut s, mut w, mut v) = (self.spot, 0.0, 0.0);
        for (i, m) in self.steps.iter().enumerate() {
            let (z1, z2) = normal_pair(&mut self.rng);
            // libm's exp, not std's: the same bits natively and in the browser.
            s *= libm::exp(m.drift + m.price_sd * z1);
            w += m.sqrt_dt * (rho * z1 + self.rho_c * z2);
            let factor = libm::exp(m.diff_comp - self.sigma_d * w);
            // The third normal only when the power level moves: a run without one draws
            // the same numbers as before power contracts.
            let level = if self.sigma_p > 0.0 {
                let (z3, _) = normal_pair(&mut self.rng);
                v += m.sqrt_dt * (rho_p * z1 + self.rho_p_c * z3);
                libm::exp(self.sigma_p * v + m.power_comp)
            } else {
                1.0
            };
            let cell = i * stride + path;
            let coins = if let Some(leg) = &m.power {
                // The month's profiles (its hedge, at full coverage) share its mined leg:
                // valued once.
                let (coins, mined) = leg.mined_at(s, factor, level);
                self.program[cell] = m.profile.value_with_mined(s, factor, mined) - m.cash_cost;
                self.unhedged[cell] = mined - m.cash_cost;
                if let Some(f) = &m.full {
                    self.full[cell] = f.value_with_mined(s, factor, mined) - m.cash_cost;
                }
                coins
            } else {
                self.program[cell] = m.profile.value_with_output(s, factor) - m.cash_cost;
                self.unhedged[cell] = factor * m.output * s - m.cash_cost;
                if let Some(f) = &m.full {
                    self.full[cell] = f.value_with_output(s, factor) - m.cash_cost;
                }
                factor * m.output
            };
            if self.treasury.is_some() {
                self.scratch[i] = PathStep {
                    price: s,
                    mined: coins,
                    net_cash: self.program[cell],
                };
            }
        }
        if let Some(t) = &mut self.treasury {
            t.path(path, &self.scratch);
        }
    }

    /// The same run, also keeping `treasury` on every path (module
    /// [`super::treasury`]): its value, and that of selling every mined coin, per month, and
    /// its month-end margin calls. Call it before the first step; 16 more bytes per path and
    /// month.
    pub fn with_treasury(mut self, treasury: &Treasury) -> Self {
        self.scratch = vec![PathStep::default(); self.steps.len()];
        self.treasury = Some(TreasuryRun::new(
            treasury,
            self.spot,
            self.params.paths,
            self.params.seed,
        ));
        self
    }

    /// The same run, also valuing each month's hedge at full coverage on every path (what
    /// [`ProgramRun::least_coverage`] scans). `full` is the program with each month's hedge at
    /// 100 % (same months; field `"months"` otherwise). Call it before the first step.
    pub fn with_full_coverage(mut self, full: &Program) -> Result<Self> {
        let steps = month_steps(full, self.sigma_d, self.sigma_p, self.params.drift)?;
        if steps.len() != self.steps.len() {
            return Err(DomainError::out_of_range(
                Field::Months,
                steps.len() as f64,
                format!("{} months, as the program", self.steps.len()),
            ));
        }
        for (m, f) in self.steps.iter_mut().zip(steps) {
            m.full = Some(f.profile);
        }
        self.full = vec![0.0; self.program.len()];
        Ok(self)
    }

    /// The least whole coverage `c` (% of the month's expected output, `0 ..= cap`) of month
    /// `month`'s hedge at which the share of paths with net cash below 0 is at most `target`
    /// (a fraction), with that share; `None` before the last path, without
    /// [`Self::with_full_coverage`] or for a month out of range. When no coverage up to `cap`
    /// reaches the target, `(None, share at cap)`. Net cash is linear in the coverage:
    /// `u + c/100·(f − u)` on each path, with `u` unhedged and `f` at full coverage.
    pub fn least_coverage(
        &self,
        month: usize,
        target: f64,
        cap: u32,
    ) -> Option<(Option<u32>, f64)> {
        if self.done < self.params.paths || self.full.is_empty() || month >= self.steps.len() {
            return None;
        }
        let stride = self.params.paths;
        let range = month * stride..month * stride + self.done;
        let (u, f) = (&self.unhedged[range.clone()], &self.full[range]);
        let n = self.done as f64;
        let share = |c: u32| {
            let k = f64::from(c) / 100.0;
            let neg = u
                .iter()
                .zip(f)
                .filter(|(u, f)| *u + k * (*f - *u) < 0.0)
                .count();
            neg as f64 / n
        };
        let cap = cap.min(100);
        for c in 0..=cap {
            let p = share(c);
            if p <= target + 1e-12 {
                return Some((Some(c), p));
            }
        }
        Some((None, share(cap)))
    }

    /// Month `month`'s net cash on the paths so far: `(with the program's hedge, unhedged,
    /// at full coverage)` (the last empty without [`Self::with_full_coverage`]); `None` for a
    /// month out of range.
    pub fn month_samples(&self, month: usize) -> Option<(&[f64], &[f64], &[f64])> {
        if month >= self.steps.len() {
            return None;
        }
        let r = month * self.params.paths..month * self.params.paths + self.done;
        let full = if self.full.is_empty() {
            &self.full[..]
        } else {
            &self.full[r.clone()]
        };
        Some((&self.program[r.clone()], &self.unhedged[r], full))
    }

    /// How far the run is.
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: self.params.paths,
        }
    }

    fn samples(&self) -> stats::Samples<'_> {
        stats::Samples {
            program: &self.program,
            unhedged: &self.unhedged,
            months: self.steps.len(),
            paths: self.done,
            stride: self.params.paths,
            capex: self.capex,
            cash_start: self.cash_start,
            carried: &self.carried,
        }
    }

    /// Statistics over the paths so far; `None` before the first path. Once every path is
    /// simulated and [`Self::summarize`] has finished, the statistics it built.
    pub fn stats(&self) -> Option<ProgramStats> {
        if let Some(done) = &self.finished {
            return Some(done.clone());
        }
        let mut stats = stats::program_stats(self.samples())?;
        stats.treasury = self.treasury.as_ref().and_then(|t| t.stats(self.done));
        Some(stats)
    }

    /// After the last path, builds the statistics `months` months at a time (a caller spreads
    /// the work over slices); `true` once they are complete ([`Self::stats`] then returns
    /// them without recomputing). Before the last path it does nothing and returns `false`.
    /// The result equals [`Self::stats`] computed in one go.
    pub fn summarize(&mut self, months: usize) -> bool {
        if self.finished.is_some() {
            return true;
        }
        if self.done < self.params.paths || self.steps.is_empty() {
            return false;
        }
        let mut building = self.building.take().unwrap_or_else(|| {
            let s = self.samples();
            [
                stats::SeriesBuilder::new(&s, stats::Series::Program),
                stats::SeriesBuilder::new(&s, stats::Series::Unhedged),
            ]
        });
        let complete = {
            let s = self.samples();
            for _ in 0..months.max(1) {
                building[0].next_month(s.program, &s);
                building[1].next_month(s.unhedged, &s);
            }
            building[0].months_done() >= s.months
        };
        if !complete {
            self.building = Some(building);
            return false;
        }
        let [program, unhedged] = building;
        let s = self.samples();
        let stats = ProgramStats {
            paths: s.paths,
            program: program.finish(&s),
            unhedged: unhedged.finish(&s),
            treasury: self.treasury.as_ref().and_then(|t| t.stats(s.paths)),
        };
        self.finished = Some(stats);
        true
    }
}

fn month_steps(
    program: &Program,
    sigma_d: f64,
    sigma_p: f64,
    drift: Option<f64>,
) -> Result<Vec<MonthStep>> {
    let mut prev = 0.0;
    let mut prev_forward = dec_f64(program.market().spot);
    let mut out = Vec::with_capacity(program.months().len());
    for m in program.months() {
        let t = m.calendar.years();
        let dt = t - prev;
        prev = t;
        let market = m.curve.model.params();
        let forward = dec_f64(m.curve.forward);
        // The month's growth: along the forward curve, or the user's drift.
        let growth = match drift {
            Some(mu) => mu * dt,
            None => libm::log(forward / prev_forward),
        };
        prev_forward = forward;
        let pos = &m.hedge.position;
        out.push(MonthStep {
            drift: growth - 0.5 * market.vol * market.vol * dt,
            price_sd: market.vol * dt.sqrt(),
            sqrt_dt: dt.sqrt(),
            // E[D_m / D_m^path] = 1: the month's output is the expectation.
            diff_comp: -0.5 * sigma_d * sigma_d * t,
            // E[L_m] = 1: the month's hour prices are the model's on average.
            power_comp: -0.5 * sigma_p * sigma_p * t,
            power: m.power.as_ref().map(|p| p.leg.clone()),
            profile: m.profile()?,
            full: None,
            output: dec_f64(pos.economics().output()),
            cash_cost: dec_f64(pos.economics().cash_cost()),
        });
    }
    Ok(out)
}
