//! Statistics of a program's simulated net cash.
//!
//! **Quantiles are nearest-rank**: the `p`-quantile of `n` samples is the `k`-th smallest
//! with `k = ⌈p·n⌉` (at least 1), computed in integers (`k = ⌈n·pct/100⌉`); so P5, P50 and
//! P95 are always simulated values (the Monte Carlo panel's VaR reads the same rank).

/// P5, P50 and P95 (nearest rank), USD.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Quantiles {
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// One month's simulated net cash and cumulative net cash, USD.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Payback {
    /// In this month (0-based index of the program's rows).
    Month(usize),
    /// Not within the program's horizon.
    BeyondHorizon,
}

/// Summary of one series over the horizon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Share of paths where some month's net cash is negative.
    pub prob_negative_month: f64,
    /// P5 of the lowest cumulative net cash over the horizon, USD.
    pub lowest_cumulative_p5: f64,
    /// Share of paths whose cumulative net cash at the end is negative.
    pub prob_negative_end: f64,
    /// Mean total (cumulative net cash at the end), USD.
    pub expected_total: f64,
    /// P5 of the total, USD.
    pub total_p5: f64,
    /// Median month of payback of the capex; `None` when the capex is 0.
    pub payback: Option<Payback>,
}

/// Per-month statistics and the summary of one series (the program or unhedged).
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesStats {
    /// One entry per month.
    pub months: Vec<MonthStats>,
    /// Over the horizon.
    pub summary: Summary,
}

/// The program and unhedged on the same paths.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramStats {
    /// Paths the statistics are over.
    pub paths: usize,
    /// With the program's hedges.
    pub program: SeriesStats,
    /// Without hedges.
    pub unhedged: SeriesStats,
}

/// What the statistics are computed from: path-major net cash `[path·months + m]`.
pub(crate) struct Samples<'a> {
    pub program: &'a [f64],
    pub unhedged: &'a [f64],
    pub months: usize,
    pub paths: usize,
    pub capex: f64,
}

pub(crate) fn program_stats(s: Samples<'_>) -> Option<ProgramStats> {
    if s.paths == 0 || s.months == 0 {
        return None;
    }
    Some(ProgramStats {
        paths: s.paths,
        program: series(s.program, &s),
        unhedged: series(s.unhedged, &s),
    })
}

/// The nearest-rank `pct`-th percentile of `buf` (reorders it); `buf` non-empty.
fn quantile(buf: &mut [f64], pct: usize) -> f64 {
    let n = buf.len();
    let k = (n * pct).div_ceil(100).clamp(1, n);
    *buf.select_nth_unstable_by(k - 1, f64::total_cmp).1
}

fn quantiles(buf: &mut [f64]) -> Quantiles {
    Quantiles {
        p5: quantile(buf, 5),
        p50: quantile(buf, 50),
        p95: quantile(buf, 95),
    }
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

fn share(v: impl Iterator<Item = bool>, n: usize) -> f64 {
    v.filter(|&b| b).count() as f64 / n as f64
}

/// Running per-path state: cumulative, lowest cumulative, a negative month seen, payback.
struct Paths {
    cum: Vec<f64>,
    low: Vec<f64>,
    negative: Vec<bool>,
    payback: Vec<usize>,
}

fn series(values: &[f64], s: &Samples<'_>) -> SeriesStats {
    let (n, months) = (s.paths, s.months);
    let mut p = Paths {
        cum: vec![0.0; n],
        low: vec![f64::INFINITY; n],
        negative: vec![false; n],
        payback: vec![months; n],
    };
    let mut col = vec![0.0; n];
    let mut scratch = vec![0.0; n];
    let mut out = Vec::with_capacity(months);
    for m in 0..months {
        for i in 0..n {
            let v = values[i * months + m];
            col[i] = v;
            p.cum[i] += v;
            p.low[i] = p.low[i].min(p.cum[i]);
            p.negative[i] |= v < 0.0;
            if s.capex > 0.0 && p.payback[i] == months && p.cum[i] >= s.capex {
                p.payback[i] = m;
            }
        }
        scratch.copy_from_slice(&p.cum);
        out.push(MonthStats {
            mean: mean(&col),
            net_cash: quantiles(&mut col),
            cumulative_mean: mean(&scratch),
            cumulative: quantiles(&mut scratch),
        });
    }
    SeriesStats {
        months: out,
        summary: summary(p, s),
    }
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
        lowest_cumulative_p5: quantile(&mut p.low, 5),
        prob_negative_end: share(p.cum.iter().map(|&c| c < 0.0), n),
        expected_total: mean(&p.cum),
        total_p5: quantile(&mut p.cum, 5),
        payback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_on_a_known_sample() {
        let mut v: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        assert_eq!(quantile(&mut v, 5), 5.0);
        assert_eq!(quantile(&mut v, 50), 50.0);
        assert_eq!(quantile(&mut v, 95), 95.0);
        let mut one = vec![7.0];
        assert_eq!(quantiles(&mut one), Quantiles { p5: 7.0, p50: 7.0, p95: 7.0 });
        let mut twenty: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(quantile(&mut twenty, 5), 1.0);
    }

    #[test]
    fn payback_and_cumulative() {
        // Two paths, three months: +5 each month, and −1, +20, +20; capex 10.
        let program = [5.0, 5.0, 5.0, -1.0, 20.0, 20.0];
        let s = Samples {
            program: &program,
            unhedged: &program,
            months: 3,
            paths: 2,
            capex: 10.0,
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
