//! Monte Carlo of the period return: final price (GBM) × realized difficulty.
//!
//! Each path draws two correlated standard normals `Z₁, Z₂` and sets
//!
//! ```text
//! S_T = S₀ · exp((μ − σ²/2)·T + σ·√T·Z₁)                       final coin price
//! M   = (1 + g) · exp(σ_d²·T/2 + σ_d·√T·Z₂)                    realized / expected difficulty
//! f   = 1 / M                                                  realized / expected output
//! R   = V(S_T, f) / cost − 1                                   period return, per strategy
//! ```
//!
//! where `g` is a difficulty change over the period *beyond* what the expected output already
//! assumes (0 by default) and `σ_d` the annual difficulty volatility. The compensation
//! `+σ_d²·T/2` makes the *output* the expectation: `E[f] = 1/(1 + g)`, so with `g = 0` the
//! simulated output's mean is the expected output the table shows (output is `∝ 1/M`; a
//! difficulty drawn with mean 1 would put the output's mean `e^{σ_d²·T}` above it). A hedge is a fixed
//! quantity, so when difficulty runs away the hedged share of the realized output rises:
//! that volume risk shows up here and nowhere else. Every strategy is evaluated on the same
//! paths (common random numbers), so differences between strategies are not sampling noise.
//!
//! The run is deterministic for a given seed (PCG64) and independent of how it is chunked:
//! [`McRun::step`] advances a bounded number of paths so a page can spread a long run over
//! animation frames and drop a stale run without waiting for it.

use super::error::{DomainError, Result};
use super::field::Field;
use super::money::MAX_PRICE_F64;
use super::risk::PayoffProfile;
use super::validate::positive;
use crate::domain::range::Range;
use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// One simulated path: the final price (USD), the realized output as a share of the
/// expected (`1/M`) and the power price level (1 unless `pvol` moves the power contract's
/// hour prices).
pub type SimPath = (f64, f64, f64);

/// Named inputs of a Monte Carlo run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct McParams {
    /// Spot price today, USD, `0 < S₀ ≤ 1e9`.
    pub spot: f64,
    /// Annual price drift `μ` (continuous), `|μ| ≤ 10`.
    pub drift: f64,
    /// Annual price volatility `σ`, `0…10`.
    pub vol: f64,
    /// Period length in years, `0…10`.
    pub years: f64,
    /// Difficulty change over the period beyond the expected output's assumption, `g > −1`
    /// (fraction: 0.05 = +5 %), at most 10.
    pub difficulty_drift: f64,
    /// Annual difficulty volatility `σ_d`, `0…10`.
    pub difficulty_vol: f64,
    /// Correlation of price and difficulty shocks, `−1…1`.
    pub correlation: f64,
    /// Annual volatility of the power price level `σ_p`, `0…10` (a power contract's hour
    /// prices times `L = exp(σ_p·√T·Z_p − σ_p²·T/2)`, mean 1).
    pub power_vol: f64,
    /// Correlation of the power price's shock with the coin price's, `−1…1`.
    pub power_correlation: f64,
    /// Number of paths, `1 … 10,000,000`.
    pub paths: usize,
    /// Histogram bins, `1 … 1,000`.
    pub bins: usize,
    /// Seed of the generator.
    pub seed: u64,
}

impl Default for McParams {
    fn default() -> Self {
        McParams {
            spot: 100.0,
            drift: 0.0,
            vol: 0.8,
            years: crate::domain::daycount::Act365::years(30),
            difficulty_drift: 0.0,
            difficulty_vol: 0.0,
            correlation: 0.0,
            power_vol: 0.0,
            power_correlation: 0.0,
            paths: 100_000,
            bins: 40,
            seed: 1,
        }
    }
}

/// Histogram of period returns: `counts[i]` samples fell in `[edges[i], edges[i+1])` (the last
/// bin includes its right edge).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Histogram {
    /// Bin edges, ascending, `counts.len() + 1` of them.
    pub edges: Vec<f64>,
    /// Samples per bin.
    pub counts: Vec<u64>,
}

/// Statistics of one strategy's simulated period return (fractions: 0.1 = 10 %).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct McStats {
    /// Mean return.
    pub mean: f64,
    /// Sample standard deviation of the return.
    pub std_dev: f64,
    /// Share of paths with a negative return.
    pub prob_loss: f64,
    /// 95 % value at risk: minus the 5th-percentile return (positive = a loss).
    pub var95: f64,
    /// 95 % conditional value at risk: minus the mean of the worst 5 % of returns.
    pub cvar95: f64,
    /// Worst simulated return.
    pub min: f64,
    /// Best simulated return.
    pub max: f64,
    /// Histogram on bins shared by every strategy of the run.
    pub histogram: Histogram,
}

/// How far a run has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Paths simulated so far.
    pub done: usize,
    /// Paths in the run.
    pub total: usize,
}

impl Progress {
    /// `true` when every path has been simulated.
    ///
    /// ```
    /// use minerhedge::domain::montecarlo::Progress;
    /// assert!(Progress { done: 5, total: 5 }.finished());
    /// ```
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

/// A Monte Carlo run in progress over one or more strategies.
#[derive(Debug, Clone)]
pub struct McRun {
    params: McParams,
    profiles: Vec<PayoffProfile>,
    rng: Pcg64Mcg,
    /// `returns[k]` holds strategy k's simulated returns so far.
    returns: Vec<Vec<f64>>,
    /// `(final price, realized / expected output)` of each path so far, when kept.
    paths: Option<Vec<SimPath>>,
    done: usize,
    // Per-path constants.
    price_mu: f64,
    price_sd: f64,
    diff_mu: f64,
    diff_sd: f64,
    rho_c: f64,
}

impl McRun {
    /// The largest run accepted.
    pub const MAX_PATHS: usize = 10_000_000;

    /// Validates the parameters and prepares a run over `profiles` (at least one).
    ///
    /// ```
    /// use minerhedge::domain::montecarlo::{McParams, McRun};
    /// use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let unhedged = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let mut run = McRun::new(McParams { spot: 250.0, paths: 10_000, ..Default::default() }, vec![unhedged]).unwrap();
    /// while !run.step(4_096).finished() {}
    /// let stats = run.stats();
    /// assert!(stats[0].prob_loss > 0.2 && stats[0].prob_loss < 0.6);
    /// ```
    pub fn new(params: McParams, profiles: Vec<PayoffProfile>) -> Result<Self> {
        positive(Field::Spot, params.spot)?;
        const { Range::closed(0.0, MAX_PRICE_F64) }.check(Field::Spot, params.spot)?;
        const { Range::closed(-10.0, 10.0) }.check(Field::Drift, params.drift)?;
        const { Range::closed(0.0, 10.0) }.check(Field::Volatility, params.vol)?;
        const { Range::closed(0.0, 10.0) }.check(Field::PeriodInYears, params.years)?;
        if !(params.difficulty_drift.is_finite()
            && params.difficulty_drift > -1.0
            && params.difficulty_drift <= 10.0)
        {
            return Err(DomainError::out_of_range(
                Field::DifficultyDrift,
                params.difficulty_drift,
                "greater than -1 (−100 %) and at most 10 (+1,000 %)",
            ));
        }
        const { Range::closed(0.0, 10.0) }
            .check(Field::DifficultyVolatility, params.difficulty_vol)?;
        const { Range::closed(-1.0, 1.0) }.check(Field::Correlation, params.correlation)?;
        const { Range::closed(0.0, 10.0) }.check(Field::PowerVolatility, params.power_vol)?;
        const { Range::closed(-1.0, 1.0) }
            .check(Field::PowerCorrelation, params.power_correlation)?;
        if !(1..=Self::MAX_PATHS).contains(&params.paths) {
            return Err(DomainError::out_of_range(
                Field::Paths,
                params.paths as f64,
                format!("between 1 and {}", Self::MAX_PATHS),
            ));
        }
        if !(1..=1000).contains(&params.bins) {
            return Err(DomainError::out_of_range(
                Field::Bins,
                params.bins as f64,
                "between 1 and 1000",
            ));
        }
        if profiles.is_empty() {
            return Err(DomainError::out_of_range(
                Field::Strategies,
                0.0,
                "at least one strategy",
            ));
        }
        let t = params.years;
        let sqrt_t = t.sqrt();
        let n = profiles.len();
        Ok(McRun {
            rng: Pcg64Mcg::seed_from_u64(params.seed),
            returns: (0..n).map(|_| Vec::with_capacity(params.paths)).collect(),
            paths: None,
            profiles,
            done: 0,
            price_mu: (params.drift - 0.5 * params.vol * params.vol) * t,
            price_sd: params.vol * sqrt_t,
            // E[1/M] = e^{−μ_d + σ_d²T/2} = 1/(1 + g) with μ_d = ln(1 + g) + σ_d²T/2.
            diff_mu: params.difficulty_drift.ln_1p()
                + 0.5 * params.difficulty_vol * params.difficulty_vol * t,
            diff_sd: params.difficulty_vol * sqrt_t,
            rho_c: (1.0 - params.correlation * params.correlation).sqrt(),
            params,
        })
    }

    /// Paths a run keeps at most ([`McRun::keeping_paths`]): the first 100,000 (1.6 MB).
    pub const MAX_KEPT: usize = 100_000;

    /// The same run, keeping each path's `(final price, realized / expected output)` (what
    /// the coverage frontier re-evaluates every coverage on; 16 bytes a path), for the first
    /// [`McRun::MAX_KEPT`] paths.
    ///
    /// ```
    /// # use minerhedge::domain::montecarlo::{McParams, McRun};
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// # let p = PayoffProfile::new(ProfileParams { output: 1.0, all_in_cost: 100.0, ..Default::default() }).unwrap();
    /// let mut run = McRun::new(McParams { paths: 10, ..Default::default() }, vec![p]).unwrap().keeping_paths();
    /// run.step(10);
    /// assert_eq!(run.paths().map(<[_]>::len), Some(10));
    /// ```
    pub fn keeping_paths(mut self) -> Self {
        self.paths = Some(Vec::with_capacity(self.params.paths.min(Self::MAX_KEPT)));
        self
    }

    /// The run's parameters.
    pub fn params(&self) -> &McParams {
        &self.params
    }

    /// The paths simulated so far, when the run keeps them ([`McRun::keeping_paths`]).
    pub fn paths(&self) -> Option<&[SimPath]> {
        self.paths.as_deref()
    }

    /// Simulates up to `max_paths` more paths and tells how far the run is.
    ///
    /// ```
    /// # use minerhedge::domain::montecarlo::{McParams, McRun};
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// # let p = PayoffProfile::new(ProfileParams { output: 1.0, all_in_cost: 100.0, ..Default::default() }).unwrap();
    /// let mut run = McRun::new(McParams { paths: 10, ..Default::default() }, vec![p]).unwrap();
    /// assert_eq!(run.step(4).done, 4);
    /// assert!(run.step(100).finished());
    /// ```
    pub fn step(&mut self, max_paths: usize) -> Progress {
        let n = max_paths.min(self.params.paths - self.done);
        let inv_costs: Vec<f64> = self
            .profiles
            .iter()
            .map(|p| 1.0 / p.all_in_cost())
            .collect();
        let rho = self.params.correlation;
        for _ in 0..n {
            let (z1, z2) = normal_pair(&mut self.rng);
            // libm's exp and log, not std's: the same bits natively and in the browser (std
            // calls the platform's), so the page's simulation is the native engine's.
            let s = self.params.spot * libm::exp(self.price_mu + self.price_sd * z1);
            let zd = rho * z1 + self.rho_c * z2;
            let factor = libm::exp(-(self.diff_mu + self.diff_sd * zd));
            let level = self.power_level(z1);
            if let Some(p) = self.paths.as_mut().filter(|p| p.len() < Self::MAX_KEPT) {
                p.push((s, factor, level));
            }
            for ((p, out), inv) in self
                .profiles
                .iter()
                .zip(self.returns.iter_mut())
                .zip(&inv_costs)
            {
                out.push(p.value_with(s, factor, level) * inv - 1.0);
            }
        }
        self.done += n;
        self.progress()
    }

    /// The power price level of a path whose price shock is `z1`: 1 without a power volatility
    /// (and then no draw, so runs without one keep their random numbers), else
    /// `exp(σ_p·√T·Z_p − σ_p²·T/2)` with `Z_p = ρ_p·Z₁ + √(1 − ρ_p²)·Z₃`, `Z₃` a fresh
    /// normal.
    fn power_level(&mut self, z1: f64) -> f64 {
        let (vol, rho) = (self.params.power_vol, self.params.power_correlation);
        if vol == 0.0 {
            return 1.0;
        }
        let (z3, _) = normal_pair(&mut self.rng);
        let zp = rho * z1 + libm::sqrt(1.0 - rho * rho) * z3;
        let t = self.params.years;
        libm::exp(vol * libm::sqrt(t) * zp - 0.5 * vol * vol * t)
    }

    /// How far the run is.
    ///
    /// ```
    /// # use minerhedge::domain::montecarlo::{McParams, McRun};
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// # let p = PayoffProfile::new(ProfileParams { output: 1.0, all_in_cost: 100.0, ..Default::default() }).unwrap();
    /// let run = McRun::new(McParams { paths: 10, ..Default::default() }, vec![p]).unwrap();
    /// assert_eq!(run.progress().done, 0);
    /// ```
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: self.params.paths,
        }
    }

    /// Statistics of every strategy over the paths simulated so far (empty histograms and zero
    /// statistics before the first path), with histogram bins shared by all strategies.
    ///
    /// ```
    /// # use minerhedge::domain::montecarlo::{McParams, McRun};
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// // A fully forward-sold period with no difficulty risk has one certain return.
    /// let fwd = PayoffProfile::new(ProfileParams {
    ///     output: 5.0, all_in_cost: 1100.0, sold_coins: 5.0, locked_usd: 1300.0, ..Default::default()
    /// }).unwrap();
    /// let mut run = McRun::new(McParams { spot: 250.0, paths: 1000, ..Default::default() }, vec![fwd]).unwrap();
    /// run.step(1000);
    /// let s = &run.stats()[0];
    /// assert!((s.mean - 2.0 / 11.0).abs() < 1e-12 && s.std_dev < 1e-12);
    /// ```
    pub fn stats(&self) -> Vec<McStats> {
        let (lo, hi) = self
            .returns
            .iter()
            .flat_map(|r| r.iter())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
                (lo.min(x), hi.max(x))
            });
        let edges = bin_edges(lo, hi, self.params.bins);
        self.returns.iter().map(|r| summarize(r, &edges)).collect()
    }
}

/// Two independent standard normals by Marsaglia's polar method: draw `(u, v)` uniform on
/// the square `(−1, 1)²` until `0 < s = u² + v² < 1`, then `(u, v)·√(−2 ln s / s)`.
pub(crate) fn normal_pair<R: Rng>(rng: &mut R) -> (f64, f64) {
    loop {
        let u = 2.0 * rng.random::<f64>() - 1.0;
        let v = 2.0 * rng.random::<f64>() - 1.0;
        let s = u * u + v * v;
        if s > 0.0 && s < 1.0 {
            let f = (-2.0 * libm::log(s) / s).sqrt();
            return (u * f, v * f);
        }
    }
}

/// `bins + 1` equal-width edges covering `[lo, hi]`, widened when the range is empty.
fn bin_edges(lo: f64, hi: f64, bins: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) {
        return (0..=bins).map(|i| i as f64 / bins as f64 - 0.5).collect();
    }
    let (lo, hi) = if hi - lo > 1e-9 * (1.0 + lo.abs()) {
        (lo, hi)
    } else {
        let pad = 0.01 * (1.0 + lo.abs());
        (lo - pad, hi + pad)
    };
    let w = (hi - lo) / bins as f64;
    (0..=bins)
        .map(|i| if i == bins { hi } else { lo + w * i as f64 })
        .collect()
}

fn summarize(r: &[f64], edges: &[f64]) -> McStats {
    let bins = edges.len() - 1;
    let mut counts = vec![0u64; bins];
    let n = r.len();
    if n == 0 {
        return McStats {
            mean: 0.0,
            std_dev: 0.0,
            prob_loss: 0.0,
            var95: 0.0,
            cvar95: 0.0,
            min: 0.0,
            max: 0.0,
            histogram: Histogram {
                edges: edges.to_vec(),
                counts,
            },
        };
    }
    let lo = edges[0];
    let width = (edges[bins] - lo) / bins as f64;
    let (mut sum, mut losses) = (0.0, 0usize);
    let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
    for &x in r {
        sum += x;
        if x < 0.0 {
            losses += 1;
        }
        min = min.min(x);
        max = max.max(x);
        let i = (((x - lo) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    let mean = sum / n as f64;
    let var = if n > 1 {
        r.iter().map(|&x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64
    } else {
        0.0
    };
    // Worst 5 %: the k smallest returns, k = ⌈0.05·n⌉ ≥ 1; VaR is the largest of them.
    let k = (n as f64 * 0.05).ceil().max(1.0) as usize;
    let mut tail: Vec<f64> = r.to_vec();
    let (smaller, kth, _) = tail.select_nth_unstable_by(k - 1, f64::total_cmp);
    let kth = *kth;
    let tail_sum: f64 = smaller.iter().sum::<f64>() + kth;
    McStats {
        mean,
        std_dev: var.sqrt(),
        prob_loss: losses as f64 / n as f64,
        var95: -kth,
        cvar95: -(tail_sum / k as f64),
        min,
        max,
        histogram: Histogram {
            edges: edges.to_vec(),
            counts,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::risk::ProfileParams;

    fn unhedged() -> PayoffProfile {
        PayoffProfile::new(ProfileParams {
            output: 5.0,
            all_in_cost: 1100.0,
            cash_cost: 1100.0,
            ..Default::default()
        })
        .unwrap()
    }

    #[test]
    fn chunking_does_not_change_the_result() {
        let p = McParams {
            spot: 250.0,
            paths: 5_000,
            difficulty_vol: 0.3,
            correlation: 0.4,
            ..Default::default()
        };
        let mut a = McRun::new(p, vec![unhedged()]).unwrap();
        a.step(5_000);
        let mut b = McRun::new(p, vec![unhedged()]).unwrap();
        while !b.step(333).finished() {}
        assert_eq!(a.stats(), b.stats());
    }

    #[test]
    fn polar_normals_have_unit_moments() {
        let mut rng = Pcg64Mcg::seed_from_u64(42);
        let n = 200_000;
        let (mut s1, mut s2, mut q1, mut q2, mut c) = (0.0, 0.0, 0.0, 0.0, 0.0);
        let mut below = 0usize;
        for _ in 0..n {
            let (a, b) = normal_pair(&mut rng);
            s1 += a;
            s2 += b;
            q1 += a * a;
            q2 += b * b;
            c += a * b;
            if a < -1.644_853_626_951_472_2 {
                below += 1;
            }
        }
        let n = n as f64;
        // Standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032.
        assert!((s1 / n).abs() < 0.01 && (s2 / n).abs() < 0.01);
        assert!((q1 / n - 1.0).abs() < 0.015 && (q2 / n - 1.0).abs() < 0.015);
        assert!((c / n).abs() < 0.01);
        // The 5 % lower tail (what VaR 95 % reads).
        assert!((below as f64 / n - 0.05).abs() < 0.002);
    }

    #[test]
    fn seed_changes_the_sample() {
        let p = McParams {
            spot: 250.0,
            paths: 1_000,
            ..Default::default()
        };
        let mut a = McRun::new(p, vec![unhedged()]).unwrap();
        a.step(1_000);
        let mut b = McRun::new(McParams { seed: 2, ..p }, vec![unhedged()]).unwrap();
        b.step(1_000);
        assert_ne!(a.stats()[0].mean, b.stats()[0].mean);
    }

    #[test]
    fn var_and_cvar_on_a_known_sample() {
        let edges = bin_edges(-1.0, 1.0, 4);
        // 100 returns −0.99, −0.98, …, 0.00: the worst 5 are −0.99 … −0.95.
        let r: Vec<f64> = (0..100).map(|i| -(99 - i) as f64 / 100.0).collect();
        let s = summarize(&r, &edges);
        assert!((s.var95 - 0.95).abs() < 1e-12);
        assert!((s.cvar95 - 0.97).abs() < 1e-12);
        assert_eq!(s.histogram.counts.iter().sum::<u64>(), 100);
    }
}
