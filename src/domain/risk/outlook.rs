//! The lognormal final price and a profile's probabilities and expectation under it, in
//! closed form.

use super::PayoffProfile;
use crate::domain::Field;
use crate::domain::error::Result;
use crate::domain::money::MAX_PRICE_F64;
use crate::domain::pricing::normal::cdf as norm_cdf;
use crate::domain::range::Range;
use crate::domain::validate::positive;
use libm::{exp, log, sqrt};

/// Final price distribution: `S_T = S₀·exp((μ − σ²/2)·T + σ·√T·Z)`, `Z ~ N(0, 1)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lognormal {
    spot: f64,
    drift: f64,
    vol: f64,
    years: f64,
}

/// Named inputs of a [`Lognormal`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LognormalParams {
    /// Spot price today, USD, `0 < S₀ ≤ 1e9`.
    pub spot: f64,
    /// Annual drift `μ` (continuous), `|μ| ≤ 10`; the page uses `μ = r` by default.
    pub drift: f64,
    /// Annual volatility `σ`, `0 ≤ σ ≤ 10`.
    pub vol: f64,
    /// Horizon `T` in years, `0 ≤ T ≤ 10`.
    pub years: f64,
}

/// Probabilities and expectation of a profile under a [`Lognormal`] final price.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outlook {
    /// `P(V(S_T) < all-in cost)`.
    pub prob_loss: f64,
    /// `P(V(S_T) ≥ cash cost)`: the period pays its fiat bills.
    pub prob_cover_cash: f64,
    /// `E[V(S_T)] / all-in cost − 1`.
    pub expected_return: f64,
    /// `E[V(S_T)]`, USD.
    pub expected_value: f64,
}

impl PayoffProfile {
    /// Probabilities and expectation under a lognormal final price, in closed form: on each
    /// linear piece `[a, b]` of `V(S) = α + β·S`,
    /// `E[V; a<S<b] = α·(Φ(d₂(a)) − Φ(d₂(b))) + β·S₀e^{μT}·(Φ(d₁(a)) − Φ(d₁(b)))` with
    /// `d₂(x) = (ln(S₀/x) + (μ − σ²/2)T)/(σ√T)`, `d₁ = d₂ + σ√T`.
    ///
    /// ```
    /// use minerhedge::domain::daycount::Act365;
    /// use minerhedge::domain::risk::{Lognormal, LognormalParams, PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, cash_cost: 1100.0, ..Default::default() }).unwrap();
    /// let d = Lognormal::new(LognormalParams { spot: 250.0, drift: 0.0, vol: 0.8, years: Act365::years(30) }).unwrap();
    /// let o = p.outlook(&d);
    /// // Unhedged: E[V] = Q·S₀·e^{μT} = 1,250, so the expected return is 1,250/1,100 − 1.
    /// assert!((o.expected_return - (1250.0 / 1100.0 - 1.0)).abs() < 1e-12);
    /// // Loss exactly when S_T < 220.
    /// assert!((o.prob_loss - d.cdf(220.0)).abs() < 1e-15);
    /// ```
    pub fn outlook(&self, dist: &Lognormal) -> Outlook {
        if let Some(power) = &self.power {
            return self.power_outlook(power, dist);
        }
        // Segment end points: 0, kinks (ascending), then the breakevens vs both costs, each
        // inserted at its place.
        let mut pts: Vec<f64> = self.breakpoints().collect();
        for cost in [self.all_in_cost, self.cash_cost] {
            for x in self.crossings(cost) {
                let at = pts.partition_point(|p| *p < x);
                pts.insert(at, x);
            }
        }
        let m = pts.len();
        let mut prob_loss = 0.0;
        let mut prob_cover = 0.0;
        let mut ev = 0.0;
        for i in 0..m {
            let a = pts[i];
            let b = if i + 1 < m { pts[i + 1] } else { f64::INFINITY };
            if b <= a {
                continue;
            }
            let p = dist.prob_between(a, b);
            if p == 0.0 {
                continue;
            }
            let mid = if b.is_finite() {
                0.5 * (a + b)
            } else {
                a + 1.0 + a
            };
            let v_mid = self.value_at(mid);
            if v_mid < self.all_in_cost {
                prob_loss += p;
            }
            if v_mid >= self.cash_cost {
                prob_cover += p;
            }
            // Linear piece through the segment: α + β·S.
            let beta = self.slope_at(mid);
            let alpha = v_mid - beta * mid;
            ev += alpha * p + beta * dist.partial_expectation(a, b);
        }
        let prob_loss = prob_loss.clamp(0.0, 1.0);
        let prob_cover_cash = prob_cover.clamp(0.0, 1.0);
        Outlook {
            prob_loss,
            prob_cover_cash,
            expected_return: ev / self.all_in_cost - 1.0,
            expected_value: ev,
        }
    }

    /// Prices `S ≥ 0` where `V(S) = level`, at most one per linear piece.
    fn crossings(&self, level: f64) -> Vec<f64> {
        let bp: Vec<f64> = self.breakpoints().collect();
        let m = bp.len();
        let mut out = Vec::new();
        for i in 0..m {
            let a = bp[i];
            let va = self.value_at(a) - level;
            let slope = if i + 1 < m {
                self.slope_at(0.5 * (a + bp[i + 1]))
            } else {
                self.terminal_slope()
            };
            if slope == 0.0 {
                continue;
            }
            let root = a - va / slope;
            let end = if i + 1 < m { bp[i + 1] } else { f64::INFINITY };
            if root > a && root < end && root.is_finite() {
                out.push(root);
            }
        }
        out
    }
}

impl Lognormal {
    /// Validated distribution.
    ///
    /// ```
    /// use minerhedge::domain::risk::{Lognormal, LognormalParams};
    /// assert!(Lognormal::new(LognormalParams { spot: 250.0, drift: 0.05, vol: 0.8, years: 0.1 }).is_ok());
    /// assert!(Lognormal::new(LognormalParams { spot: -1.0, drift: 0.05, vol: 0.8, years: 0.1 }).is_err());
    /// ```
    pub fn new(p: LognormalParams) -> Result<Self> {
        positive(Field::Spot, p.spot)?;
        const { Range::closed(0.0, MAX_PRICE_F64) }.check(Field::Spot, p.spot)?;
        const { Range::closed(-10.0, 10.0) }.check(Field::Drift, p.drift)?;
        const { Range::closed(0.0, 10.0) }.check(Field::Volatility, p.vol)?;
        const { Range::closed(0.0, 10.0) }.check(Field::PeriodInYears, p.years)?;
        Ok(Lognormal {
            spot: p.spot,
            drift: p.drift,
            vol: p.vol,
            years: p.years,
        })
    }

    /// `σ·√T`, the standard deviation of `ln S_T`.
    fn sd(&self) -> f64 {
        self.vol * sqrt(self.years)
    }

    /// Mean final price `E[S_T] = S₀·e^{μT}`.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{Lognormal, LognormalParams};
    /// let d = Lognormal::new(LognormalParams { spot: 100.0, drift: 0.0, vol: 0.5, years: 1.0 }).unwrap();
    /// assert_eq!(d.mean(), 100.0);
    /// ```
    pub fn mean(&self) -> f64 {
        self.spot * exp(self.drift * self.years)
    }

    /// `P(S_T ≤ x) = Φ((ln(x/S₀) − (μ − σ²/2)T)/(σ√T))`; a step at `E[S_T]` when `σ√T = 0`.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{Lognormal, LognormalParams};
    /// let d = Lognormal::new(LognormalParams { spot: 100.0, drift: 0.0, vol: 0.0, years: 1.0 }).unwrap();
    /// assert_eq!((d.cdf(99.0), d.cdf(100.0)), (0.0, 1.0));
    /// ```
    pub fn cdf(&self, x: f64) -> f64 {
        if x.is_nan() || x <= 0.0 {
            return 0.0;
        }
        if x == f64::INFINITY {
            return 1.0;
        }
        let sd = self.sd();
        if sd == 0.0 {
            return if x >= self.mean() { 1.0 } else { 0.0 };
        }
        let z = (log(x / self.spot) - (self.drift - 0.5 * self.vol * self.vol) * self.years) / sd;
        norm_cdf(z)
    }

    /// `E[g(S_T)]` by Simpson's rule over `ln S_T` within ±10 standard deviations, split at
    /// the prices `kinks` where `g` may bend (each piece exact to the rule's order, about
    /// 4,000 intervals in all); `g(E[S_T])` when the price cannot move.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{Lognormal, LognormalParams};
    /// let d = Lognormal::new(LognormalParams { spot: 100.0, drift: 0.03, vol: 0.4, years: 2.0 }).unwrap();
    /// assert!((d.expectation(|s| s, &[]) - d.mean()).abs() < 1e-9 * d.mean());
    /// // A call struck at 120: the kink is a piece end, so the rule stays exact to its order.
    /// let call = d.expectation(|s| (s - 120.0).max(0.0), &[120.0]);
    /// assert!((call - (d.partial_expectation(120.0, f64::INFINITY) - 120.0 * (1.0 - d.cdf(120.0)))).abs() < 1e-9);
    /// ```
    pub fn expectation(&self, g: impl Fn(f64) -> f64, kinks: &[f64]) -> f64 {
        const Z: f64 = 10.0;
        const INTERVALS: f64 = 4000.0;
        let sd = self.sd();
        if sd == 0.0 {
            return g(self.mean());
        }
        let mu = log(self.spot) + (self.drift - 0.5 * self.vol * self.vol) * self.years;
        let mut ends = vec![-Z];
        ends.extend(
            kinks
                .iter()
                .filter(|k| **k > 0.0)
                .map(|k| (log(*k) - mu) / sd)
                .filter(|z| z.abs() < Z),
        );
        ends.push(Z);
        let f = |z: f64| g(exp(mu + sd * z)) * crate::domain::pricing::normal::pdf(z);
        let mut sum = 0.0;
        for w in ends.windows(2) {
            let (a, b) = (w[0], w[1]);
            if b <= a {
                continue;
            }
            // An even number of intervals, at least 2, in proportion to the piece's length.
            let n = 2 * ((INTERVALS * (b - a) / (4.0 * Z)).ceil() as usize).max(1);
            let h = (b - a) / n as f64;
            let mut piece = f(a) + f(b);
            for i in 1..n {
                piece += if i % 2 == 1 { 4.0 } else { 2.0 } * f(a + h * i as f64);
            }
            sum += piece * h / 3.0;
        }
        sum
    }

    /// `P(a < S_T ≤ b)`.
    fn prob_between(&self, a: f64, b: f64) -> f64 {
        (self.cdf(b) - self.cdf(a)).max(0.0)
    }

    /// `E[S_T · 1{a < S_T ≤ b}] = S₀e^{μT}·(Φ(d₁(a)) − Φ(d₁(b)))`, `d₁(x) = (ln(S₀/x) + (μ + σ²/2)T)/(σ√T)`.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{Lognormal, LognormalParams};
    /// let d = Lognormal::new(LognormalParams { spot: 100.0, drift: 0.03, vol: 0.4, years: 2.0 }).unwrap();
    /// assert!((d.partial_expectation(0.0, f64::INFINITY) - d.mean()).abs() < 1e-12);
    /// ```
    pub fn partial_expectation(&self, a: f64, b: f64) -> f64 {
        let m = self.mean();
        let sd = self.sd();
        if sd == 0.0 {
            return if a < m && m <= b { m } else { 0.0 };
        }
        let d1 = |x: f64| -> f64 {
            if x <= 0.0 {
                f64::INFINITY
            } else if x == f64::INFINITY {
                f64::NEG_INFINITY
            } else {
                (log(self.spot / x) + (self.drift + 0.5 * self.vol * self.vol) * self.years) / sd
            }
        };
        (m * (norm_cdf(d1(a)) - norm_cdf(d1(b)))).max(0.0)
    }
}
