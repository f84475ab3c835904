//! Position risk on the final coin price: grids, breakevens, floor and cap, and exact
//! lognormal statistics.
//!
//! Every strategy the page offers — unhedged, linear forward, inverse forward, put, collar —
//! settles at the end of the period to a USD amount that is *piecewise linear* in the final
//! price `S`:
//!
//! ```text
//! V(S) = f·Q·S + L − l·S + P·max(Kp − S, 0) − C·max(S − Kc, 0) − π
//! ```
//!
//! with `Q` the expected output (coins), `f` the realized share of it (1 unless difficulty
//! moved), `l` coins sold forward and `L` the USD they lock in (`c·Q·F` for a linear forward,
//! the notional `N` for an inverse forward: its coin settlement `N·(1/S − p)` sold at `S` is
//! worth `N − c·Q·S`), `P` puts bought at `Kp`, `C` calls sold at `Kc`, and `π` the net option
//! premium carried to the end of the period. [`PayoffProfile`] is that formula in `f64`: the fast
//! mirror of the exact (`Decimal`) position used for 1,001-point grids, lognormal statistics
//! and Monte Carlo. Because `V` is piecewise linear with at most two kinks, breakevens, floor,
//! cap, loss probabilities and expectations are computed in closed form, not by sampling.

use super::error::{DomainError, Result};
use super::pricing::normal::cdf as norm_cdf;
use super::pricing::{OptionKind, SpotModel};
use super::validate::{in_range, non_negative, positive, MAX_COINS, MAX_PRICE, MAX_USD};
use libm::{exp, log, sqrt};

/// The end-of-period USD value of a position, as the piecewise-linear formula of the module
/// docs. Build it with [`PayoffProfile::new`] from [`ProfileParams`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PayoffProfile {
    output: f64,
    all_in_cost: f64,
    cash_cost: f64,
    sold_coins: f64,
    locked_usd: f64,
    puts: f64,
    put_strike: f64,
    calls: f64,
    call_strike: f64,
    premium: f64,
}

/// Named inputs of a [`PayoffProfile`] (all `f64`, validated by [`PayoffProfile::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ProfileParams {
    /// Expected coin output of the period, `Q ≥ 0`.
    pub output: f64,
    /// All-in cost of the period in USD (cash costs plus amortized capex), `> 0`.
    pub all_in_cost: f64,
    /// Cash (fiat) cost of the period in USD, `0 ≤ cash ≤ all-in`.
    pub cash_cost: f64,
    /// Coins sold forward, `l ≥ 0` (linear or inverse forward).
    pub sold_coins: f64,
    /// USD locked in by the forward sale, `L ≥ 0`.
    pub locked_usd: f64,
    /// Puts bought (coins), `P ≥ 0`.
    pub puts: f64,
    /// Put strike, USD, `≥ 0` (ignored when `puts = 0`).
    pub put_strike: f64,
    /// Calls sold (coins), `C ≥ 0`.
    pub calls: f64,
    /// Call strike, USD, `≥ 0` (ignored when `calls = 0`).
    pub call_strike: f64,
    /// Net option premium paid, carried to the end of the period, USD (negative = received).
    pub premium: f64,
}

/// Floor, cap and breakevens of a profile on final prices `S ≥ 0`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bounds {
    /// Lowest USD value over all `S ≥ 0`, `None` when unbounded below.
    pub floor: Option<f64>,
    /// Highest USD value over all `S ≥ 0`, `None` when unbounded above.
    pub cap: Option<f64>,
    /// Final prices where the value equals the all-in cost, ascending. Where the value equals
    /// the cost on a whole interval, its left end is listed.
    pub breakevens: Vec<f64>,
}

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
    /// Validates and builds a profile.
    ///
    /// ```
    /// use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// // The seed: 5 ETH for $1,100, all sold forward at $260.
    /// let p = PayoffProfile::new(ProfileParams {
    ///     output: 5.0, all_in_cost: 1100.0, cash_cost: 1100.0,
    ///     sold_coins: 5.0, locked_usd: 1300.0, ..Default::default()
    /// }).unwrap();
    /// assert_eq!(p.value_at(200.0), 1300.0);
    /// assert!((p.return_at(300.0) - 2.0 / 11.0).abs() < 1e-15);
    /// ```
    pub fn new(p: ProfileParams) -> Result<Self> {
        in_range("expected output", p.output, 0.0, MAX_COINS)?;
        positive("period cost", p.all_in_cost)?;
        in_range("period cost", p.all_in_cost, 0.0, MAX_USD)?;
        non_negative("cash cost", p.cash_cost)?;
        if p.cash_cost > p.all_in_cost {
            return Err(DomainError::out_of_range(
                "cash cost",
                p.cash_cost,
                format!("at most the all-in cost {}", p.all_in_cost),
            ));
        }
        in_range("coins sold forward", p.sold_coins, 0.0, MAX_COINS)?;
        in_range("USD locked by the forward", p.locked_usd, 0.0, MAX_USD)?;
        in_range("puts bought", p.puts, 0.0, MAX_COINS)?;
        in_range("put strike", p.put_strike, 0.0, MAX_PRICE)?;
        in_range("calls sold", p.calls, 0.0, MAX_COINS)?;
        in_range("call strike", p.call_strike, 0.0, MAX_PRICE)?;
        in_range("net premium", p.premium, -MAX_USD, MAX_USD)?;
        Ok(PayoffProfile {
            output: p.output,
            all_in_cost: p.all_in_cost,
            cash_cost: p.cash_cost,
            sold_coins: p.sold_coins,
            locked_usd: p.locked_usd,
            puts: p.puts,
            put_strike: p.put_strike,
            calls: p.calls,
            call_strike: p.call_strike,
            premium: p.premium,
        })
    }

    /// The inputs the profile was built from.
    ///
    /// ```
    /// use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let params = ProfileParams { output: 1.0, all_in_cost: 10.0, ..Default::default() };
    /// assert_eq!(PayoffProfile::new(params).unwrap().params(), params);
    /// ```
    pub fn params(&self) -> ProfileParams {
        ProfileParams {
            output: self.output,
            all_in_cost: self.all_in_cost,
            cash_cost: self.cash_cost,
            sold_coins: self.sold_coins,
            locked_usd: self.locked_usd,
            puts: self.puts,
            put_strike: self.put_strike,
            calls: self.calls,
            call_strike: self.call_strike,
            premium: self.premium,
        }
    }

    /// All-in cost of the period, USD.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 1.0, all_in_cost: 10.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.all_in_cost(), 10.0);
    /// ```
    pub fn all_in_cost(&self) -> f64 {
        self.all_in_cost
    }

    /// USD value at the end of the period at final price `s` when the realized output is
    /// `output_factor` times the expected one: the formula of the module docs. Finite for finite
    /// non-negative inputs.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// // Inverse forward on the seed: notional 1,250 USD on 5 ETH.
    /// let p = PayoffProfile::new(ProfileParams {
    ///     output: 5.0, all_in_cost: 1100.0, cash_cost: 1100.0,
    ///     sold_coins: 5.0, locked_usd: 1250.0, ..Default::default()
    /// }).unwrap();
    /// assert_eq!(p.value_with_output(200.0, 0.9), 0.9 * 5.0 * 200.0 + 1250.0 - 5.0 * 200.0);
    /// ```
    #[inline]
    pub fn value_with_output(&self, s: f64, output_factor: f64) -> f64 {
        let put = if self.put_strike > s {
            self.put_strike - s
        } else {
            0.0
        };
        let call = if s > self.call_strike {
            s - self.call_strike
        } else {
            0.0
        };
        output_factor * self.output * s + self.locked_usd - self.sold_coins * s + self.puts * put
            - self.calls * call
            - self.premium
    }

    /// USD value at the end of the period at final price `s`, expected output.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.value_at(220.0), 1100.0);
    /// ```
    #[inline]
    pub fn value_at(&self, s: f64) -> f64 {
        self.value_with_output(s, 1.0)
    }

    /// Period return at final price `s`: `V(s) / cost − 1`.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.return_at(220.0), 0.0);
    /// ```
    #[inline]
    pub fn return_at(&self, s: f64) -> f64 {
        self.value_at(s) / self.all_in_cost - 1.0
    }

    /// `dV/dS` for `S` above every strike: the exposure left to a rally.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1.0, sold_coins: 2.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.terminal_slope(), 3.0);
    /// ```
    pub fn terminal_slope(&self) -> f64 {
        self.output - self.sold_coins - self.calls
    }

    /// Prices where the slope changes (strikes of held options), ascending, deduplicated.
    fn kinks(&self) -> ([f64; 2], usize) {
        let mut k = [0.0; 2];
        let mut n = 0;
        if self.puts > 0.0 && self.put_strike > 0.0 {
            k[n] = self.put_strike;
            n += 1;
        }
        if self.calls > 0.0 && self.call_strike > 0.0 && (n == 0 || self.call_strike != k[0]) {
            k[n] = self.call_strike;
            n += 1;
        }
        if n == 2 && k[0] > k[1] {
            k.swap(0, 1);
        }
        (k, n)
    }

    /// Segment end points `0 = x₀ < x₁ < … < x_m` (kinks) of the piecewise-linear value; the
    /// last segment runs to +∞.
    fn breakpoints(&self) -> ([f64; 3], usize) {
        let (k, n) = self.kinks();
        let mut b = [0.0; 3];
        b[1..1 + n].copy_from_slice(&k[..n]);
        (b, n + 1)
    }

    /// Floor, cap and breakevens over `S ≥ 0`, exactly (the value is linear between strikes).
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// // Unhedged seed: breakeven at 1,100 / 5 = 220, floor 0 at S = 0, no cap.
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let b = p.bounds();
    /// assert_eq!(b.breakevens, vec![220.0]);
    /// assert_eq!(b.floor, Some(0.0));
    /// assert_eq!(b.cap, None);
    /// ```
    pub fn bounds(&self) -> Bounds {
        let (bp, m) = self.breakpoints();
        let slope = self.terminal_slope();
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for &x in &bp[..m] {
            let v = self.value_at(x);
            lo = lo.min(v);
            hi = hi.max(v);
        }
        let floor = (slope >= 0.0).then_some(lo);
        let cap = (slope <= 0.0).then_some(hi);
        let mut breakevens = Vec::new();
        let cost = self.all_in_cost;
        for i in 0..m {
            let a = bp[i];
            let va = self.value_at(a) - cost;
            let (b, vb) = if i + 1 < m {
                (bp[i + 1], self.value_at(bp[i + 1]) - cost)
            } else {
                // Last segment: linear with the terminal slope.
                if slope == 0.0 {
                    if va == 0.0 {
                        push_unique(&mut breakevens, a);
                    }
                    continue;
                }
                let root = a - va / slope;
                if root >= a && root.is_finite() {
                    push_unique(&mut breakevens, root);
                }
                continue;
            };
            if va == 0.0 {
                push_unique(&mut breakevens, a);
            } else if (va < 0.0) != (vb < 0.0) && vb != 0.0 {
                let root = a + (b - a) * va / (va - vb);
                push_unique(&mut breakevens, root.clamp(a, b));
            }
        }
        Bounds {
            floor,
            cap,
            breakevens,
        }
    }

    /// Fills `out` with `(price, USD value)` on `n` evenly spaced prices over `[lo, hi]`
    /// (`n ≥ 2`; both ends included). Reuses the buffer: no allocation once it has capacity.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams, PriceGrid};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let grid = PriceGrid::new(200.0, 300.0, 11).unwrap();
    /// let mut out = Vec::new();
    /// p.fill_values(&grid, &mut out);
    /// assert_eq!(out[0], (200.0, 1000.0));
    /// assert_eq!(out[10], (300.0, 1500.0));
    /// ```
    pub fn fill_values(&self, grid: &PriceGrid, out: &mut Vec<(f64, f64)>) {
        out.clear();
        out.extend(grid.prices().map(|s| (s, self.value_at(s))));
    }

    /// Like [`PayoffProfile::fill_values`] but with the period return `V/cost − 1`.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams, PriceGrid};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let mut out = Vec::new();
    /// p.fill_returns(&PriceGrid::new(220.0, 330.0, 2).unwrap(), &mut out);
    /// assert_eq!(out, vec![(220.0, 0.0), (330.0, 0.5)]);
    /// ```
    pub fn fill_returns(&self, grid: &PriceGrid, out: &mut Vec<(f64, f64)>) {
        out.clear();
        let inv = 1.0 / self.all_in_cost;
        out.extend(grid.prices().map(|s| (s, self.value_at(s) * inv - 1.0)));
    }

    /// Lowest and highest period return over the grid's price range `[lo, hi]` (exact: the
    /// extremes of a piecewise-linear function lie at the ends or at strikes inside).
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams, PriceGrid};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let (worst, best) = p.return_range(&PriceGrid::new(220.0, 330.0, 2).unwrap());
    /// assert_eq!((worst, best), (0.0, 0.5));
    /// ```
    pub fn return_range(&self, grid: &PriceGrid) -> (f64, f64) {
        let (k, n) = self.kinks();
        let mut worst = self.return_at(grid.lo).min(self.return_at(grid.hi));
        let mut best = self.return_at(grid.lo).max(self.return_at(grid.hi));
        for &x in &k[..n] {
            if x > grid.lo && x < grid.hi {
                let r = self.return_at(x);
                worst = worst.min(r);
                best = best.max(r);
            }
        }
        (worst, best)
    }

    /// Probabilities and expectation under a lognormal final price, in closed form: on each
    /// linear piece `[a, b]` of `V(S) = α + β·S`,
    /// `E[V; a<S<b] = α·(Φ(d₂(a)) − Φ(d₂(b))) + β·S₀e^{μT}·(Φ(d₁(a)) − Φ(d₁(b)))` with
    /// `d₂(x) = (ln(S₀/x) + (μ − σ²/2)T)/(σ√T)`, `d₁ = d₂ + σ√T`.
    ///
    /// ```
    /// use minerhedge::domain::risk::{Lognormal, LognormalParams, PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, cash_cost: 1100.0, ..Default::default() }).unwrap();
    /// let d = Lognormal::new(LognormalParams { spot: 250.0, drift: 0.0, vol: 0.8, years: 30.0 / 365.0 }).unwrap();
    /// let o = p.outlook(&d);
    /// // Unhedged: E[V] = Q·S₀·e^{μT} = 1,250, so the expected return is 1,250/1,100 − 1.
    /// assert!((o.expected_return - (1250.0 / 1100.0 - 1.0)).abs() < 1e-12);
    /// // Loss exactly when S_T < 220.
    /// assert!((o.prob_loss - d.cdf(220.0)).abs() < 1e-15);
    /// ```
    pub fn outlook(&self, dist: &Lognormal) -> Outlook {
        let (k, n) = self.kinks();
        // Segment end points: 0, kinks, breakevens vs both costs; sorted.
        let mut pts = [0.0f64; 9];
        let mut m = 0;
        pts[m] = 0.0;
        m += 1;
        for &x in &k[..n] {
            pts[m] = x;
            m += 1;
        }
        for cost in [self.all_in_cost, self.cash_cost] {
            for x in self.crossings(cost) {
                if m < pts.len() {
                    pts[m] = x;
                    m += 1;
                }
            }
        }
        let pts = &mut pts[..m];
        pts.sort_by(f64::total_cmp);
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

    /// Slope `dV/dS` at a price that is not a kink.
    fn slope_at(&self, s: f64) -> f64 {
        let mut b = self.output - self.sold_coins;
        if self.puts > 0.0 && s < self.put_strike {
            b -= self.puts;
        }
        if self.calls > 0.0 && s > self.call_strike {
            b -= self.calls;
        }
        b
    }

    /// Prices `S ≥ 0` where `V(S) = level`, at most one per linear piece.
    fn crossings(&self, level: f64) -> impl Iterator<Item = f64> {
        let (bp, m) = self.breakpoints();
        let mut out = [f64::NAN; 3];
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
                out[i] = root;
            }
        }
        out.into_iter().filter(|x| x.is_finite())
    }
}

/// Hedged period return over a grid of final prices × difficulty changes: the volume risk of
/// a fixed-quantity hedge.
///
/// A difficulty change `d` over the period (beyond what the expected output assumes) scales
/// the realized output by `1/(1 + d)`; the hedge does not change. Row `j` (difficulty change
/// `diff_changes[j]`), column `i` (price `grid.prices()[i]`) of the result is
/// `V(sᵢ, 1/(1 + dⱼ)) / cost − 1`, stored row-major in `values`.
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeHeatmap {
    /// Final prices (columns), USD.
    pub prices: Vec<f64>,
    /// Difficulty changes (rows), fractions: 0.1 = +10 %.
    pub diff_changes: Vec<f64>,
    /// Hedged returns, `values[j * prices.len() + i]`.
    pub values: Vec<f64>,
    /// Largest share of the *realized* output the hedge covers in the scenario range,
    /// `hedged coins · (1 + max d) / Q`; above 1 the position is over-hedged (short coins).
    pub max_realized_coverage: f64,
}

impl PayoffProfile {
    /// Coins the hedge delivers against: forwards sold plus puts bought (the quantity whose
    /// price is fixed or floored).
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1.0, sold_coins: 4.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.hedged_coins(), 4.0);
    /// ```
    pub fn hedged_coins(&self) -> f64 {
        self.sold_coins.max(self.puts.max(self.calls))
    }

    /// Share of the realized output covered by the hedge when difficulty changes by `d`
    /// (fraction, `d > −1`): `hedged coins · (1 + d) / Q`. `None` without expected output.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1.0, sold_coins: 5.0, ..Default::default() }).unwrap();
    /// // +25 % difficulty: only 4 coins are mined against 5 sold.
    /// assert_eq!(p.realized_coverage(0.25), Some(1.25));
    /// ```
    pub fn realized_coverage(&self, d: f64) -> Option<f64> {
        (self.output > 0.0 && d > -1.0).then(|| self.hedged_coins() * (1.0 + d) / self.output)
    }

    /// The volume-risk heat map over `grid` × `diff_changes` (each `d > −1`, finite; at most
    /// 1,001 rows).
    ///
    /// ```
    /// use minerhedge::domain::risk::{PayoffProfile, PriceGrid, ProfileParams};
    /// let fwd = PayoffProfile::new(ProfileParams {
    ///     output: 5.0, all_in_cost: 1100.0, sold_coins: 5.0, locked_usd: 1300.0, ..Default::default()
    /// }).unwrap();
    /// let h = fwd.volume_heatmap(&PriceGrid::new(200.0, 300.0, 3).unwrap(), &[0.0, 0.25]).unwrap();
    /// assert!((h.values[1] - 2.0 / 11.0).abs() < 1e-15);        // d = 0, S = 250: locked 18.2 %
    /// assert!(h.values[3 + 2] < h.values[3]);                   // d = +25 %: short 1 coin, hurt by a rally
    /// assert_eq!(h.max_realized_coverage, 1.25);
    /// ```
    pub fn volume_heatmap(&self, grid: &PriceGrid, diff_changes: &[f64]) -> Result<VolumeHeatmap> {
        if diff_changes.is_empty() || diff_changes.len() > 1001 {
            return Err(DomainError::out_of_range(
                "difficulty changes",
                diff_changes.len() as f64,
                "between 1 and 1001 rows",
            ));
        }
        for &d in diff_changes {
            if !(d.is_finite() && d > -1.0 && d <= 10.0) {
                return Err(DomainError::out_of_range(
                    "difficulty change",
                    d,
                    "greater than -1 (−100 %) and at most 10 (+1,000 %)",
                ));
            }
        }
        let prices: Vec<f64> = grid.prices().collect();
        let inv = 1.0 / self.all_in_cost;
        let mut values = Vec::with_capacity(prices.len() * diff_changes.len());
        for &d in diff_changes {
            let f = 1.0 / (1.0 + d);
            values.extend(
                prices
                    .iter()
                    .map(|&s| self.value_with_output(s, f) * inv - 1.0),
            );
        }
        let max_d = diff_changes
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        Ok(VolumeHeatmap {
            prices,
            diff_changes: diff_changes.to_vec(),
            values,
            max_realized_coverage: self.realized_coverage(max_d).unwrap_or(0.0),
        })
    }
}

/// Value and sensitivities of a whole position today, per the conventions of
/// [`Greeks`](super::pricing::Greeks) (QuantLib's: `vega`, `rho` per 1.00; `theta` per year of
/// calendar time, `theta_per_day = theta / 365`).
///
/// The expected output counts as a long forward position: `Q` coins delivered at the end of the
/// period are worth `Q·S·e^{−qT}` today. A forward sale of `l` coins for `L` USD is worth
/// `L·e^{−rT} − l·S·e^{−qT}` (an inverse forward has the same USD form, `L = N`, `l = N·p`).
/// Options add `P·put − C·call` from the Black–Scholes–Merton model. The premium is cash paid
/// today and carries no sensitivity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PositionGreeks {
    /// Present value of output and hedge, USD.
    pub value: f64,
    /// `∂V/∂S`, coins.
    pub delta: f64,
    /// `∂²V/∂S²`, coins per USD.
    pub gamma: f64,
    /// `∂V/∂σ`, USD per 1.00 of volatility.
    pub vega: f64,
    /// `∂V/∂t`, USD per year.
    pub theta: f64,
    /// `theta / 365`, USD per day.
    pub theta_per_day: f64,
    /// `∂V/∂r`, USD per 1.00 of rate.
    pub rho: f64,
    /// Coins to sell forward (negative: buy) for a delta-neutral position:
    /// `delta / e^{−qT}`, since one coin sold forward has delta `−e^{−qT}`.
    pub delta_neutral_sale: f64,
}

impl PayoffProfile {
    /// Greeks of output plus hedge today under `model` (spot, rates, volatility and time to
    /// the end of the period).
    ///
    /// ```
    /// use minerhedge::domain::pricing::{SpotModel, SpotParams};
    /// use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let m = SpotModel::new(SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: 30.0 / 365.0 }).unwrap();
    /// // Unhedged: long 5 coins, nothing else.
    /// let unhedged = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let g = unhedged.greeks(&m).unwrap();
    /// assert_eq!((g.delta, g.gamma, g.vega), (5.0, 0.0, 0.0));
    /// assert_eq!(g.delta_neutral_sale, 5.0);
    /// // Fully sold forward: delta-neutral.
    /// let fwd = PayoffProfile::new(ProfileParams { sold_coins: 5.0, locked_usd: 1300.0, ..unhedged.params() }).unwrap();
    /// assert_eq!(fwd.greeks(&m).unwrap().delta, 0.0);
    /// ```
    pub fn greeks(&self, model: &SpotModel) -> Result<PositionGreeks> {
        let p = model.params();
        let (s, r, q, t) = (p.spot, p.rate, p.dividend_yield, p.expiry_years);
        let df_q = (-q * t).exp();
        let df_r = (-r * t).exp();
        let coins = self.output - self.sold_coins;
        let mut g = PositionGreeks {
            value: coins * s * df_q + self.locked_usd * df_r,
            delta: coins * df_q,
            gamma: 0.0,
            vega: 0.0,
            theta: q * coins * s * df_q + r * self.locked_usd * df_r,
            theta_per_day: 0.0,
            rho: -t * self.locked_usd * df_r,
            delta_neutral_sale: 0.0,
        };
        for (qty, kind, strike) in [
            (self.puts, OptionKind::Put, self.put_strike),
            (-self.calls, OptionKind::Call, self.call_strike),
        ] {
            if qty == 0.0 {
                continue;
            }
            let o = model.greeks(kind, strike)?;
            g.value += qty * o.price;
            g.delta += qty * o.delta;
            g.gamma += qty * o.gamma;
            g.vega += qty * o.vega;
            g.theta += qty * o.theta;
            g.rho += qty * o.rho;
        }
        g.theta_per_day = g.theta / 365.0;
        g.delta_neutral_sale = g.delta / df_q;
        Ok(g)
    }

    /// Value of the position at the end of the period as marked at an earlier date, at spot
    /// `s`, with `model` giving rates, volatility and the time *remaining* `τ` (its spot is
    /// ignored): the position's present value carried forward at `r`,
    /// `Q·F + L − l·F + e^{rτ}·(P·put(s, τ) − C·call(s, τ)) − π` with `F = s·e^{(r−q)τ}`.
    /// At `τ = 0` it is [`PayoffProfile::value_at`]; the page draws it beside the expiry curve.
    ///
    /// ```
    /// use minerhedge::domain::pricing::{SpotModel, SpotParams};
    /// use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let put = PayoffProfile::new(ProfileParams {
    ///     output: 5.0, all_in_cost: 1100.0, puts: 5.0, put_strike: 230.0, premium: 60.0, ..Default::default()
    /// }).unwrap();
    /// let at_expiry = SpotModel::new(SpotParams { spot: 1.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: 0.0 }).unwrap();
    /// assert!((put.value_before_expiry(200.0, &at_expiry).unwrap() - put.value_at(200.0)).abs() < 1e-9);
    /// let early = SpotModel::new(SpotParams { expiry_years: 20.0 / 365.0, ..at_expiry.params() }).unwrap();
    /// // With time left the put still has time value above its intrinsic value.
    /// assert!(put.value_before_expiry(230.0, &early).unwrap() > put.value_at(230.0));
    /// ```
    pub fn value_before_expiry(&self, s: f64, model: &SpotModel) -> Result<f64> {
        let p = model.params();
        let m = SpotModel::new(super::pricing::SpotParams { spot: s, ..p })?;
        let tau = p.expiry_years;
        let fwd = m.forward();
        let growth = (p.rate * tau).exp();
        let mut v = (self.output - self.sold_coins) * fwd + self.locked_usd - self.premium;
        if self.puts > 0.0 {
            v += growth * self.puts * m.price(OptionKind::Put, self.put_strike)?;
        }
        if self.calls > 0.0 {
            v -= growth * self.calls * m.price(OptionKind::Call, self.call_strike)?;
        }
        Ok(v)
    }
}

fn push_unique(v: &mut Vec<f64>, x: f64) {
    if v.last() != Some(&x) {
        v.push(x);
    }
}

/// Evenly spaced final prices `lo = s₀ < s₁ < … < s_{n−1} = hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriceGrid {
    lo: f64,
    hi: f64,
    n: usize,
}

impl PriceGrid {
    /// The default number of points of the page's curves.
    pub const DEFAULT_POINTS: usize = 1001;
    /// The largest grid accepted.
    pub const MAX_POINTS: usize = 100_001;

    /// Validated grid: `0 ≤ lo < hi ≤ 1e9`, `2 ≤ n ≤ 100,001`.
    ///
    /// ```
    /// use minerhedge::domain::risk::PriceGrid;
    /// let g = PriceGrid::new(100.0, 200.0, 3).unwrap();
    /// assert_eq!(g.prices().collect::<Vec<_>>(), vec![100.0, 150.0, 200.0]);
    /// assert!(PriceGrid::new(200.0, 100.0, 3).is_err());
    /// ```
    pub fn new(lo: f64, hi: f64, n: usize) -> Result<Self> {
        in_range("lowest price", lo, 0.0, MAX_PRICE)?;
        in_range("highest price", hi, 0.0, MAX_PRICE)?;
        if hi <= lo {
            return Err(DomainError::out_of_range(
                "highest price",
                hi,
                format!("greater than the lowest price {lo}"),
            ));
        }
        if !(2..=Self::MAX_POINTS).contains(&n) {
            return Err(DomainError::out_of_range(
                "grid points",
                n as f64,
                format!("between 2 and {}", Self::MAX_POINTS),
            ));
        }
        Ok(PriceGrid { lo, hi, n })
    }

    /// Lowest price.
    ///
    /// ```
    /// # use minerhedge::domain::risk::PriceGrid;
    /// assert_eq!(PriceGrid::new(1.0, 2.0, 2).unwrap().lo(), 1.0);
    /// ```
    pub fn lo(&self) -> f64 {
        self.lo
    }

    /// Highest price.
    ///
    /// ```
    /// # use minerhedge::domain::risk::PriceGrid;
    /// assert_eq!(PriceGrid::new(1.0, 2.0, 2).unwrap().hi(), 2.0);
    /// ```
    pub fn hi(&self) -> f64 {
        self.hi
    }

    /// Number of points.
    ///
    /// ```
    /// # use minerhedge::domain::risk::PriceGrid;
    /// assert_eq!(PriceGrid::new(1.0, 2.0, 5).unwrap().len(), 5);
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.n
    }

    /// The prices, `sᵢ = lo + i·(hi − lo)/(n − 1)`, with the last one exactly `hi`.
    ///
    /// ```
    /// # use minerhedge::domain::risk::PriceGrid;
    /// let g = PriceGrid::new(0.0, 1.0, 4).unwrap();
    /// assert_eq!(g.prices().last(), Some(1.0));
    /// ```
    pub fn prices(&self) -> impl Iterator<Item = f64> + '_ {
        let step = (self.hi - self.lo) / (self.n - 1) as f64;
        let (lo, hi, last) = (self.lo, self.hi, self.n - 1);
        (0..self.n).map(move |i| if i == last { hi } else { lo + step * i as f64 })
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
        positive("spot", p.spot)?;
        in_range("spot", p.spot, 0.0, MAX_PRICE)?;
        super::validate::in_range("drift", p.drift, -10.0, 10.0)?;
        super::validate::in_range("volatility", p.vol, 0.0, 10.0)?;
        super::validate::in_range("period in years", p.years, 0.0, 10.0)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(p: ProfileParams) -> PayoffProfile {
        PayoffProfile::new(ProfileParams {
            output: 5.0,
            all_in_cost: 1100.0,
            cash_cost: 1100.0,
            ..p
        })
        .unwrap()
    }

    #[test]
    fn forward_is_flat_with_floor_equal_cap() {
        let p = seed(ProfileParams {
            sold_coins: 5.0,
            locked_usd: 1300.0,
            ..Default::default()
        });
        let b = p.bounds();
        assert_eq!(b.floor, Some(1300.0));
        assert_eq!(b.cap, Some(1300.0));
        assert!(b.breakevens.is_empty());
    }

    #[test]
    fn collar_has_floor_and_cap_and_one_breakeven() {
        // Put 230 and call 280 on all 5 coins, net premium 10 USD paid.
        let p = seed(ProfileParams {
            puts: 5.0,
            put_strike: 230.0,
            calls: 5.0,
            call_strike: 280.0,
            premium: 10.0,
            ..Default::default()
        });
        let b = p.bounds();
        assert_eq!(b.floor, Some(5.0 * 230.0 - 10.0));
        assert_eq!(b.cap, Some(5.0 * 280.0 - 10.0));
        // Floor 1,140 > cost 1,100: never a loss, so no breakeven.
        assert!(b.breakevens.is_empty());
    }

    #[test]
    fn put_breakeven_includes_premium() {
        // Put at 200 on all coins, 20 USD premium: breakeven where 5·S − 20 = 1100.
        let p = seed(ProfileParams {
            puts: 5.0,
            put_strike: 200.0,
            premium: 20.0,
            ..Default::default()
        });
        assert_eq!(p.bounds().breakevens, vec![224.0]);
        assert_eq!(p.bounds().floor, Some(980.0));
        assert_eq!(p.bounds().cap, None);
    }

    #[test]
    fn outlook_matches_numerical_integration() {
        let p = seed(ProfileParams {
            puts: 3.0,
            put_strike: 230.0,
            calls: 3.0,
            call_strike: 290.0,
            premium: 4.0,
            cash_cost: 0.0,
            ..Default::default()
        });
        let p = PayoffProfile::new(ProfileParams {
            cash_cost: 900.0,
            ..p.params()
        })
        .unwrap();
        let d = Lognormal::new(LognormalParams {
            spot: 250.0,
            drift: 0.05,
            vol: 0.8,
            years: 30.0 / 365.0,
        })
        .unwrap();
        let o = p.outlook(&d);
        // Midpoint rule in z-space with 400,000 points over ±10 sd.
        let n = 400_000;
        let (mut ev, mut pl, mut pc) = (0.0, 0.0, 0.0);
        let h = 20.0 / n as f64;
        for i in 0..n {
            let z = -10.0 + (i as f64 + 0.5) * h;
            let s =
                250.0 * ((0.05 - 0.32) * (30.0 / 365.0) + 0.8 * (30.0f64 / 365.0).sqrt() * z).exp();
            let w = (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt() * h;
            let v = p.value_at(s);
            ev += v * w;
            if v < 1100.0 {
                pl += w;
            }
            if v >= 900.0 {
                pc += w;
            }
        }
        assert!(
            (o.expected_value - ev).abs() < 1e-6,
            "{} vs {}",
            o.expected_value,
            ev
        );
        assert!((o.prob_loss - pl).abs() < 1e-5, "{} vs {}", o.prob_loss, pl);
        assert!(
            (o.prob_cover_cash - pc).abs() < 1e-5,
            "{} vs {}",
            o.prob_cover_cash,
            pc
        );
    }

    #[test]
    fn zero_vol_outlook_is_deterministic() {
        let p = seed(ProfileParams::default());
        let d = Lognormal::new(LognormalParams {
            spot: 250.0,
            drift: 0.0,
            vol: 0.0,
            years: 0.1,
        })
        .unwrap();
        let o = p.outlook(&d);
        assert_eq!(o.prob_loss, 0.0);
        assert_eq!(o.prob_cover_cash, 1.0);
        assert!((o.expected_value - 1250.0).abs() < 1e-9);
    }

    #[test]
    fn return_range_sees_strikes_inside_the_range() {
        // Over-hedged with puts (coverage well above the output): value falls between the strike and hi.
        let p = seed(ProfileParams {
            puts: 10.0,
            put_strike: 250.0,
            ..Default::default()
        });
        let g = PriceGrid::new(200.0, 300.0, 3).unwrap();
        let (worst, best) = p.return_range(&g);
        assert_eq!(worst, p.return_at(250.0));
        assert_eq!(best, p.return_at(300.0).max(p.return_at(200.0)));
    }
}
