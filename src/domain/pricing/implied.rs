//! Implied volatility: the `σ` at which the Black price equals a quoted premium.
//!
//! # Method
//!
//! Following P. Jäckel, *Let's Be Rational* (2015), the problem is reduced to the normalized,
//! out-of-the-money Black call with log-moneyness `x = −|ln(F/K)| ≤ 0` and total deviation
//! `s = σ√T`:
//!
//! ```text
//! b(s)  = e^(x/2)·N(x/s + s/2) − e^(−x/2)·N(x/s − s/2),      0 < b < b_max = e^(x/2)
//! b'(s) = n(x/s)·e^(−s²/8)                (normalized vega, exact, no cancellation)
//! β     = premium / (D·√(F·K)) − (in-the-money) 2·sinh(|x|/2)
//! ```
//!
//! (a put with `x > 0` is the call with `−x`; an in-the-money option is reduced by put–call
//! parity.) `b` is convex below the inflection point `s_c = √(2|x|)` and concave above it.
//! Below `b(s_c)` the solver works on `ln b(s) − ln β` (nearly linear in `1/s²`), above it on
//! `ln(b_max − b(s)) − ln(b_max − β)` with `b_max − b = e^(x/2)N(−d1) + e^(−x/2)N(d2)` (a sum,
//! accurate even when `β → b_max`). Each side starts from an asymptotic guess and runs
//! Halley steps (second derivative `b'' = b'·(x²/s³ − s/4)`) inside a shrinking bracket, with
//! bisection whenever a step would leave it. It stops when the step is below a few ulps of `s`,
//! which in practice takes 2–5 iterations.
//!
//! # Accuracy
//!
//! The returned `σ` reprices the premium to within the rounding of the price itself. Where the
//! premium determines `σ` well (vega not tiny compared with the premium's own rounding), this
//! is far below [`IMPLIED_VOL`](crate::domain::tolerance::IMPLIED_VOL) = `1e−12`; a deep
//! in-the-money premium whose time value is lost in the rounding of the intrinsic value, or an
//! out-of-the-money premium that underflows to 0, carries no information on `σ` (the second is
//! rejected as out of bounds). Premiums below about `2.2e−308·D·√(FK)` are subnormal in the
//! solver's units and only as accurate as their fewer bits allow.
//!
//! `tests/pricing.rs` checks this over `ln(F/K) ∈ [−3, 3]`, `σ√T ∈ [0.01, 3]`, calls and puts,
//! four expiries and both models: every well-conditioned point round-trips to `1e−12`
//! (worst about `2.4e−13`), the rest to its conditioning bound.

use super::{level, normal, OptionKind, MAX_EXPIRY_YEARS};
use crate::domain::error::{DomainError, Result};
use crate::domain::validate;

/// The market an implied volatility is solved in: forward, discount factor and expiry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Market {
    /// Forward price `F` at expiry (for a spot model, `S·e^((r−q)T)`), in
    /// `[MIN_LEVEL, MAX_LEVEL]`.
    pub forward: f64,
    /// Discount factor `D = e^(−rT)` to expiry, in `(0, e^(MAX_ABS_RATE·MAX_EXPIRY_YEARS)]`.
    pub discount: f64,
    /// Time to expiry `T` in years, in `(0, MAX_EXPIRY_YEARS]`.
    pub expiry_years: f64,
}

/// Most Halley/bisection iterations before [`DomainError::NoConvergence`].
const MAX_ITER: u32 = 100;

/// Implied volatility `σ` with `D·ω·(F·N(ω d1) − K·N(ω d2)) = premium`.
///
/// Errors: [`DomainError::OutOfRange`] for an invalid forward, discount, expiry (`T = 0`
/// included: no volatility can be implied at expiry), strike or a non-finite premium;
/// [`DomainError::PremiumOutOfBounds`] unless `D·max(ω(F−K), 0) < premium < D·F` (call) or
/// `D·K` (put); [`DomainError::NoConvergence`] if the iteration fails (not observed).
///
/// ```
/// use minerhedge::domain::pricing::implied::{implied_vol, Market};
/// use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind};
/// use minerhedge::domain::DomainError;
/// let market = Market { forward: 100.0, discount: (-0.05_f64).exp(), expiry_years: 1.0 };
/// let v = ForwardModel::new(ForwardParams { forward: 100.0, rate: 0.05, vol: 0.3, expiry_years: 1.0 })?
///     .price(OptionKind::Call, 120.0)?;
/// assert!((implied_vol(market, OptionKind::Call, 120.0, v)? - 0.3).abs() < 1e-12);
/// // Below intrinsic value: no volatility exists.
/// assert!(matches!(
///     implied_vol(market, OptionKind::Put, 120.0, 1.0),
///     Err(DomainError::PremiumOutOfBounds { .. })
/// ));
/// # Ok::<(), DomainError>(())
/// ```
pub fn implied_vol(market: Market, kind: OptionKind, strike: f64, premium: f64) -> Result<f64> {
    let f = level("forward", market.forward)?;
    let k = level("strike", strike)?;
    let d = market.discount;
    if !(d.is_finite() && d > 0.0 && d <= (super::MAX_ABS_RATE * MAX_EXPIRY_YEARS).exp()) {
        return Err(DomainError::out_of_range(
            "discount factor",
            d,
            "greater than 0 and at most e^100",
        ));
    }
    let t = market.expiry_years;
    if !(t.is_finite() && t > 0.0 && t <= MAX_EXPIRY_YEARS) {
        return Err(DomainError::out_of_range(
            "expiry (years)",
            t,
            format!("greater than 0 and at most {MAX_EXPIRY_YEARS} for an implied volatility"),
        ));
    }
    let premium = validate::finite("premium", premium)?;
    let w = kind.sign();
    let lower = d * (w * (f - k)).max(0.0);
    let upper = d * if w > 0.0 { f } else { k };
    let out_of_bounds = DomainError::PremiumOutOfBounds {
        premium,
        lower,
        upper,
    };
    if !(premium > lower && premium < upper) {
        return Err(out_of_bounds);
    }
    let x = (f / k).ln();
    let beta = premium / d / (f * k).sqrt();
    // Reduce to the out-of-the-money normalized call with x ≤ 0.
    let beta_otm = if w * x > 0.0 {
        beta - 2.0 * (0.5 * x.abs()).sinh()
    } else {
        beta
    };
    let xn = -x.abs();
    let s = match normalized_std_dev(xn, beta_otm) {
        Some(s) => s,
        None => return Err(out_of_bounds),
    }?;
    let sigma = s / t.sqrt();
    if sigma.is_finite() {
        Ok(sigma)
    } else {
        Err(DomainError::NoConvergence {
            what: "implied volatility",
        })
    }
}

/// Normalized OTM call price `b(x, s)` for `x ≤ 0`, `s > 0`.
#[inline]
fn b_otm(x: f64, s: f64, ex2: f64) -> f64 {
    let d1 = x / s + 0.5 * s;
    let d2 = d1 - s;
    ex2 * normal::cdf(d1) - normal::cdf(d2) / ex2
}

/// `b_max − b(x, s) = e^(x/2)·N(−d1) + e^(−x/2)·N(d2)` for `x ≤ 0`, `s > 0`.
#[inline]
fn b_gap(x: f64, s: f64, ex2: f64) -> f64 {
    let d1 = x / s + 0.5 * s;
    let d2 = d1 - s;
    ex2 * normal::cdf(-d1) + normal::cdf(d2) / ex2
}

/// Normalized vega `∂b/∂s = n(x/s)·e^(−s²/8)` and `(∂²b/∂s²)/(∂b/∂s) = x²/s³ − s/4`.
#[inline]
fn vega_and_ratio(x: f64, s: f64) -> (f64, f64) {
    let xs = x / s;
    let v = normal::FRAC_1_SQRT_2PI * (-0.5 * xs * xs - 0.125 * s * s).exp();
    (v, xs * xs / s - 0.25 * s)
}

/// Inverse of `N(−z) = p` for `p ∈ (0, ½]`, to about 4.5e−4 (Abramowitz & Stegun 26.2.23);
/// used for starting points only.
#[inline]
fn rough_upper_quantile(p: f64) -> f64 {
    let t = (-2.0 * p.ln()).sqrt();
    t - (2.515_517 + t * (0.802_853 + t * 0.010_328))
        / (1.0 + t * (1.432_788 + t * (0.189_269 + t * 0.001_308)))
}

/// Solves `b(x, s) = beta` for `s > 0`, `x ≤ 0`. `None` when `beta` is outside `(0, b_max)`.
fn normalized_std_dev(x: f64, beta: f64) -> Option<Result<f64>> {
    let ex2 = (0.5 * x).exp();
    let b_max = ex2;
    if !(beta > 0.0 && beta < b_max) {
        return None;
    }
    let s_c = (-2.0 * x).sqrt();
    let b_c = if s_c > 0.0 { b_otm(x, s_c, ex2) } else { 0.0 };
    Some(if beta < b_c {
        solve_lower(x, beta, ex2, s_c)
    } else {
        solve_upper(x, beta, ex2, s_c)
    })
}

/// Below the inflection point: `g(s) = ln b(s) − ln β`, increasing, on `(0, s_c]`.
fn solve_lower(x: f64, beta: f64, ex2: f64, s_c: f64) -> Result<f64> {
    let ln_beta = beta.ln();
    let (mut lo, mut hi) = (0.0_f64, s_c);
    // Leading asymptotics: ln b ≈ −x²/(2s²) + ln(s³/(x²√(2π))) − s²/8; one refinement of
    // s = |x|/√(−2 ln β) on the remaining terms.
    let s0 = (-x) / (-2.0 * ln_beta).sqrt();
    let corr = 3.0 * s0.ln() - 2.0 * (-x).ln() - 0.918_938_533_204_672_7 - 0.125 * s0 * s0;
    let rhs = -2.0 * (ln_beta - corr);
    let mut s = if rhs > 0.0 { (-x) / rhs.sqrt() } else { s0 };
    if !(s > lo && s < hi) {
        s = if s0 > lo && s0 < hi { s0 } else { 0.5 * hi };
    }
    for _ in 0..MAX_ITER {
        let b = b_otm(x, s, ex2);
        let g = b.ln() - ln_beta;
        if g == 0.0 {
            return Ok(s);
        }
        if g < 0.0 {
            lo = s;
        } else {
            hi = s;
        }
        let (v, ratio) = vega_and_ratio(x, s);
        let g1 = v / b;
        let g2 = g1 * ratio - g1 * g1;
        let next = halley(s, g, g1, g2);
        let next = if next.is_finite() && next > lo && next < hi {
            next
        } else if lo > 0.0 {
            (lo * hi).sqrt()
        } else {
            0.5 * hi
        };
        if converged(s, next, lo, hi) {
            return Ok(next);
        }
        s = next;
    }
    Err(DomainError::NoConvergence {
        what: "implied volatility",
    })
}

/// Above the inflection point: `h(s) = ln(b_max − b(s)) − ln(b_max − β)`, decreasing, on
/// `[s_c, ∞)`.
fn solve_upper(x: f64, beta: f64, ex2: f64, s_c: f64) -> Result<f64> {
    let gap_beta = ex2 - beta;
    let ln_gap = gap_beta.ln();
    let (mut lo, mut hi) = (s_c, f64::INFINITY);
    // b_max − b ≈ (e^(x/2) + e^(−x/2))·N(−s/2) when s ≫ |x|/s.
    let p = (gap_beta / (ex2 + 1.0 / ex2)).min(0.5);
    let mut s = (2.0 * rough_upper_quantile(p)).max(s_c);
    if s <= 0.0 || !s.is_finite() {
        s = s_c.max(1.0);
    }
    for _ in 0..MAX_ITER {
        let gap = b_gap(x, s, ex2);
        let h = gap.ln() - ln_gap;
        if h == 0.0 {
            return Ok(s);
        }
        if h > 0.0 {
            lo = s;
        } else {
            hi = s;
        }
        let (v, ratio) = vega_and_ratio(x, s);
        let h1 = -v / gap;
        let h2 = h1 * ratio - h1 * h1;
        let next = halley(s, h, h1, h2);
        let next = if next.is_finite() && next > lo && next < hi {
            next
        } else if hi.is_finite() {
            0.5 * (lo + hi)
        } else {
            2.0 * lo.max(s).max(1.0)
        };
        if converged(s, next, lo, hi) {
            return Ok(next);
        }
        s = next;
    }
    Err(DomainError::NoConvergence {
        what: "implied volatility",
    })
}

/// Stop when the step, or the bracket, is a few ulps of `s`.
#[inline]
fn converged(s: f64, next: f64, lo: f64, hi: f64) -> bool {
    let eps = 4.0 * f64::EPSILON * next;
    (next - s).abs() <= eps || (hi.is_finite() && hi - lo <= eps)
}

/// One Halley step for `f(s) = 0` with `f`, `f'`, `f''`; falls back to Newton when the Halley
/// denominator is not safely positive.
#[inline]
fn halley(s: f64, f: f64, f1: f64, f2: f64) -> f64 {
    let newton = f / f1;
    let denom = 1.0 - 0.5 * newton * f2 / f1;
    if denom > 0.5 {
        s - newton / denom
    } else {
        s - newton
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_round_trip_on_a_grid() {
        let mut worst: f64 = 0.0;
        for i in 0..=60 {
            let x = -3.0 * f64::from(i) / 60.0;
            for j in 0..=60 {
                let s = 0.01 * (300.0_f64).powf(f64::from(j) / 60.0);
                let ex2 = (0.5 * x).exp();
                let beta = b_otm(x, s, ex2);
                // Subnormal prices carry fewer than 53 bits: no round trip to expect.
                if !(beta > 1e-300 && beta < ex2) {
                    continue;
                }
                let back = normalized_std_dev(x, beta).unwrap().unwrap();
                worst = worst.max((back - s).abs() / s.max(1.0));
                assert!(
                    (back - s).abs() <= 1e-13 * s.max(1.0),
                    "x = {x}, s = {s}, back = {back}"
                );
            }
        }
        assert!(worst < 1e-13);
    }
}
