//! Statistics of a program's simulated net cash.
//!
//! **Quantiles are nearest-rank**: the `p`-quantile of `n` samples is the `k`-th smallest
//! with `k = ⌈p·n⌉` (at least 1), computed in integers (`k = ⌈n·pct/100⌉`); so P5, P50 and
//! P95 are always simulated values (the Monte Carlo panel's VaR reads the same rank).
//!
//! **Risk is a signed result** ([`crate::present::RISK_CONVENTION`]): VaR 95 % is the P5 of
//! the net cash (revenue + hedge payoff − cost), CVaR 95 % the mean of its worst 5 % (the
//! `⌈0.05·n⌉` smallest samples, at least one); negative is a loss.

/// P5, P50 and P95 (nearest rank) and the mean of the worst 5 %, USD.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Quantiles {
    /// 5th percentile: VaR 95 % as a signed result.
    pub p5: f64,
    /// Mean of the worst 5 % (the `⌈0.05·n⌉` smallest): CVaR 95 % as a signed result.
    pub cvar95: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// One month's simulated net cash and cumulative net cash, USD.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct MonthStats {
    /// Net cash of the month.
    pub net_cash: Quantiles,
    /// Mean net cash of the month.
    pub mean: f64,
    /// Cumulative net cash from the first month to this one.
    pub cumulative: Quantiles,
    /// Mean cumulative net cash.
    pub cumulative_mean: f64,
}

/// When the cumulative net cash covers the capex (median over paths).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Payback {
    /// In this month (0-based index of the program's rows).
    Month(usize),
    /// Not within the program's horizon.
    BeyondHorizon,
}

/// Summary of one series over the horizon.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Share of paths where some month's net cash is negative.
    pub prob_negative_month: f64,
    /// P5 of the lowest cumulative net cash over the horizon, USD.
    pub lowest_cumulative_p5: f64,
    /// Share of paths whose cumulative net cash at the end is negative.
    pub prob_negative_end: f64,
    /// Mean total (cumulative net cash at the end), USD.
    pub expected_total: f64,
    /// P5 of the total, USD: the program's VaR 95 % as a signed result.
    pub total_p5: f64,
    /// Mean of the worst 5 % of the totals, USD: the program's CVaR 95 % as a signed result.
    pub total_cvar95: f64,
    /// Median month of payback of the capex; `None` when the capex is 0.
    pub payback: Option<Payback>,
}

/// Per-month statistics and the summary of one series (the program or unhedged).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SeriesStats {
    /// One entry per month.
    pub months: Vec<MonthStats>,
    /// Over the horizon.
    pub summary: Summary,
}

/// The program and unhedged on the same paths.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProgramStats {
    /// Paths the statistics are over.
    pub paths: usize,
    /// With the program's hedges.
    pub program: SeriesStats,
    /// Without hedges.
    pub unhedged: SeriesStats,
    /// The treasury on the same paths, when the run keeps one
    /// ([`super::ProgramRun::with_treasury`]).
    pub treasury: Option<super::treasury::TreasuryStats>,
}

/// Which series a [`SeriesBuilder`] builds: the program's cumulative cash starts at `t = 0`
/// with the premiums paid then (each month's net cash carries its premium to its settlement:
/// the cumulative cash adds it back), unhedged's at 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Series {
    /// With the program's hedges.
    Program,
    /// Without hedges.
    Unhedged,
}

/// What the statistics are computed from: month-major net cash `[m·stride + path]` for the
/// first `paths` paths of each month.
pub(crate) struct Samples<'a> {
    pub program: &'a [f64],
    pub unhedged: &'a [f64],
    pub months: usize,
    pub paths: usize,
    pub stride: usize,
    pub capex: f64,
    /// The program's cumulative cash at `t = 0` (minus the premiums paid at the start).
    pub cash_start: f64,
    /// Each month's premium carried to its settlement, USD (empty: none).
    pub carried: &'a [f64],
}

pub(crate) fn program_stats(s: Samples<'_>) -> Option<ProgramStats> {
    if s.paths == 0 || s.months == 0 {
        return None;
    }
    Some(ProgramStats {
        paths: s.paths,
        program: series(s.program, &s, Series::Program),
        unhedged: series(s.unhedged, &s, Series::Unhedged),
        treasury: None,
    })
}

/// `x` as an integer with the order of [`f64::total_cmp`] (the map is its own inverse).
fn key(x: f64) -> i64 {
    let b = x.to_bits() as i64;
    b ^ ((((b >> 63) as u64) >> 1) as i64)
}

fn value(k: i64) -> f64 {
    f64::from_bits((k ^ ((((k >> 63) as u64) >> 1) as i64)) as u64)
}

/// The nearest-rank `pct`-th percentile of `v` (non-empty).
fn quantile(v: &[f64], pct: usize) -> f64 {
    let n = v.len();
    let k = (n * pct).div_ceil(100).clamp(1, n);
    let mut keys: Vec<i64> = v.iter().map(|&x| key(x)).collect();
    value(*keys.select_nth_unstable(k - 1).1)
}

/// P5, P50 and P95 of `v` (non-empty), selecting on integer keys in `keys` (reused): one
/// selection for the median, then P5 among the values below it and P95 among those above.
pub(crate) fn quantiles(v: &[f64], keys: &mut Vec<i64>) -> Quantiles {
    let n = v.len();
    keys.clear();
    keys.extend(v.iter().map(|&x| key(x)));
    let rank = |pct: usize| (n * pct).div_ceil(100).clamp(1, n) - 1;
    let (k5, k50, k95) = (rank(5), rank(50), rank(95));
    let (below, median, above) = keys.select_nth_unstable(k50);
    let p50 = *median;
    let p5 = if k5 < k50 {
        *below.select_nth_unstable(k5).1
    } else {
        p50
    };
    let p95 = if k95 > k50 {
        *above.select_nth_unstable(k95 - k50 - 1).1
    } else {
        p50
    };
    // After both selections the k5 + 1 smallest are keys[..=k5], in some order.
    let tail = &keys[..=k5];
    let cvar95 = tail.iter().map(|&k| value(k)).sum::<f64>() / tail.len() as f64;
    Quantiles {
        p5: value(p5),
        cvar95,
        p50: value(p50),
        p95: value(p95),
    }
}

/// The mean of the worst 5 % of `v` (non-empty): its `⌈0.05·n⌉` smallest values.
fn worst_mean(v: &[f64]) -> f64 {
    let k = v.len().div_ceil(20).max(1);
    let mut keys: Vec<i64> = v.iter().map(|&x| key(x)).collect();
    keys.select_nth_unstable(k - 1);
    keys[..k].iter().map(|&x| value(x)).sum::<f64>() / k as f64
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

fn share(v: impl Iterator<Item = bool>, n: usize) -> f64 {
    v.filter(|&b| b).count() as f64 / n as f64
}

/// Running per-path state: cumulative, lowest cumulative, a negative month seen, payback.
#[derive(Debug, Clone)]
struct Paths {
    cum: Vec<f64>,
    low: Vec<f64>,
    negative: Vec<bool>,
    payback: Vec<usize>,
}

/// One series' statistics, built a month at a time (so a caller can spread the work over
/// several slices); [`series`] runs it in one go.
#[derive(Debug, Clone)]
pub(crate) struct SeriesBuilder {
    p: Paths,
    keys: Vec<i64>,
    out: Vec<MonthStats>,
    series: Series,
}

impl SeriesBuilder {
    pub(crate) fn new(s: &Samples<'_>, series: Series) -> Self {
        let n = s.paths;
        let start = match series {
            Series::Program => s.cash_start,
            Series::Unhedged => 0.0,
        };
        SeriesBuilder {
            series,
            p: Paths {
                cum: vec![start; n],
                // The lowest cumulative cash counts the start when premiums were paid then.
                low: vec![if start == 0.0 { f64::INFINITY } else { start }; n],
                negative: vec![false; n],
                payback: vec![s.months; n],
            },
            keys: Vec::with_capacity(n),
            out: Vec::with_capacity(s.months),
        }
    }

    /// Months done so far.
    pub(crate) fn months_done(&self) -> usize {
        self.out.len()
    }

    /// Adds the next month of `values`; nothing once every month is in.
    pub(crate) fn next_month(&mut self, values: &[f64], s: &Samples<'_>) {
        let m = self.out.len();
        if m >= s.months {
            return;
        }
        let (n, p) = (s.paths, &mut self.p);
        let col = &values[m * s.stride..m * s.stride + n];
        let back = match self.series {
            Series::Program => s.carried.get(m).copied().unwrap_or(0.0),
            Series::Unhedged => 0.0,
        };
        for (i, &v) in col.iter().enumerate() {
            p.cum[i] += v + back;
            p.low[i] = p.low[i].min(p.cum[i]);
            p.negative[i] |= v < 0.0;
            if s.capex > 0.0 && p.payback[i] == s.months && p.cum[i] >= s.capex {
                p.payback[i] = m;
            }
        }
        self.out.push(MonthStats {
            mean: mean(col),
            net_cash: quantiles(col, &mut self.keys),
            cumulative_mean: mean(&p.cum),
            cumulative: quantiles(&p.cum, &mut self.keys),
        });
    }

    /// The statistics, once every month is in.
    pub(crate) fn finish(self, s: &Samples<'_>) -> SeriesStats {
        SeriesStats {
            months: self.out,
            summary: summary(self.p, s),
        }
    }
}

fn series(values: &[f64], s: &Samples<'_>, which: Series) -> SeriesStats {
    let mut b = SeriesBuilder::new(s, which);
    for _ in 0..s.months {
        b.next_month(values, s);
    }
    b.finish(s)
}

fn summary(mut p: Paths, s: &Samples<'_>) -> Summary {
    let n = s.paths;
    let payback = (s.capex > 0.0).then(|| {
        let k = n.div_ceil(2).max(1);
        let median = *p.payback.select_nth_unstable(k - 1).1;
        if median >= s.months {
            Payback::BeyondHorizon
        } else {
            Payback::Month(median)
        }
    });
    Summary {
        prob_negative_month: share(p.negative.iter().copied(), n),
        lowest_cumulative_p5: quantile(&p.low, 5),
        prob_negative_end: share(p.cum.iter().map(|&c| c < 0.0), n),
        expected_total: mean(&p.cum),
        total_p5: quantile(&p.cum, 5),
        total_cvar95: worst_mean(&p.cum),
        payback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_on_a_known_sample() {
        let v: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        assert_eq!(quantile(&v, 5), 5.0);
        assert_eq!(quantile(&v, 50), 50.0);
        assert_eq!(quantile(&v, 95), 95.0);
        let mut keys = Vec::new();
        let q = quantiles(&v, &mut keys);
        assert_eq!((q.p5, q.p50, q.p95), (5.0, 50.0, 95.0));
        // VaR 95 % is the 5th smallest; CVaR 95 % the mean of the 5 smallest: (1+…+5)/5.
        assert_eq!(q.cvar95, 3.0);
        assert_eq!(worst_mean(&v), 3.0);
        // 21 samples: the worst ⌈1.05⌉ = 2.
        let signed: Vec<f64> = (-10..=10).map(f64::from).collect();
        assert_eq!(quantiles(&signed, &mut keys).cvar95, -9.5);
        assert_eq!(worst_mean(&signed), -9.5);
        let one = quantiles(&[7.0], &mut keys);
        assert_eq!(
            one,
            Quantiles {
                p5: 7.0,
                cvar95: 7.0,
                p50: 7.0,
                p95: 7.0
            }
        );
        let twenty: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(quantile(&twenty, 5), 1.0);
        let signed = [-0.0, 0.0, -3.5, 2.25, f64::MIN, f64::MAX];
        for x in signed {
            assert_eq!(value(key(x)).to_bits(), x.to_bits());
        }
        assert_eq!(quantiles(&signed, &mut keys).p5, f64::MIN);
    }

    #[test]
    fn payback_and_cumulative() {
        // Two paths, three months (month-major): +5 each month, and −1, +20, +20; capex 10.
        let program = [5.0, -1.0, 5.0, 20.0, 5.0, 20.0];
        let s = Samples {
            program: &program,
            unhedged: &program,
            months: 3,
            paths: 2,
            stride: 2,
            capex: 10.0,
            cash_start: 0.0,
            carried: &[],
        };
        let st = program_stats(s).unwrap().program;
        // Paybacks: month 1 (cum 10) and month 1 (cum 19): median month 1.
        assert_eq!(st.summary.payback, Some(Payback::Month(1)));
        assert_eq!(st.summary.prob_negative_month, 0.5);
        assert_eq!(st.summary.lowest_cumulative_p5, -1.0);
        assert_eq!(st.months[2].cumulative.p95, 39.0);
        assert_eq!(st.summary.expected_total, 27.0);
    }
}
