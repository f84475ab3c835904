//! A bracketing root finder (Brent's method), for reuse across the engine.
//!
//! [`brent`] finds `x` in `[lo, hi]` with `f(x) = 0` when `f(lo)` and `f(hi)` have opposite
//! signs (or one of them is zero). It combines bisection (guaranteed progress) with secant and
//! inverse quadratic interpolation (superlinear convergence on smooth functions), following
//! R. P. Brent, *Algorithms for Minimization without Derivatives* (1973), ch. 4, `zeroin`.
//!
//! Errors are typed:
//! - a bracket end that is not finite, `lo ≥ hi`, or a tolerance that is not positive →
//!   [`DomainError::OutOfRange`] naming `"root bracket"` or `"root tolerance"`;
//! - `f` not finite at a point it is evaluated at → [`DomainError::OutOfRange`] with field
//!   `"f(x)"` and the offending value;
//! - no sign change over the bracket → [`DomainError::OutOfRange`] with field
//!   `"root bracket"`, whose message gives `f(lo)` and `f(hi)`;
//! - `max_iter` evaluations without meeting the tolerance → [`DomainError::NoConvergence`].
//!
//! Callers that want a domain-specific message (the zero-cost collar reports
//! [`DomainError::NoZeroCostStrike`]) can check the sign change themselves first or map the
//! error.

use crate::domain::Field;
use crate::domain::error::{DomainError, Result};

/// The interval `[lo, hi]` searched by [`brent`].
///
/// ```
/// use minerhedge::domain::pricing::root::{brent, Bracket};
/// let b = Bracket { lo: 1.0, hi: 10.0 };
/// let x = brent(|x| x.ln() - 1.0, b, 1e-14, 100).unwrap(); // e
/// assert!((x - std::f64::consts::E).abs() < 1e-13);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bracket {
    /// Lower end (finite, `< hi`).
    pub lo: f64,
    /// Upper end (finite, `> lo`).
    pub hi: f64,
}

/// Finds a root of `f` in `bracket` with Brent's method.
///
/// Converges when the bracketing interval around the root is narrower than
/// `2·(2ε·|x| + tol/2)` (ε the machine epsilon), i.e. the returned `x` is within about `tol` of a
/// point where `f` changes sign; an exact zero `f(x) = 0` is returned at once. `max_iter` bounds
/// the number of evaluations of `f` after the two bracket ends (100 is plenty: bisection alone
/// halves a `1e300`-wide bracket to `1e−12` in about 1,050 steps, and Brent never needs more
/// than about `(log₂(width/tol))²`).
///
/// ```
/// use minerhedge::domain::pricing::root::{brent, Bracket};
/// use minerhedge::domain::tolerance::ROOT;
/// // √2 as the root of x² − 2 on [0, 2].
/// let x = brent(|x| x * x - 2.0, Bracket { lo: 0.0, hi: 2.0 }, ROOT, 100).unwrap();
/// assert!((x - std::f64::consts::SQRT_2).abs() < 1e-12);
/// // No sign change: a typed error, no panic.
/// assert!(brent(|x| x * x + 1.0, Bracket { lo: -1.0, hi: 1.0 }, ROOT, 100).is_err());
/// ```
pub fn brent<F: FnMut(f64) -> f64>(
    mut f: F,
    bracket: Bracket,
    tol: f64,
    max_iter: u32,
) -> Result<f64> {
    let Bracket { lo, hi } = bracket;
    check_inputs(bracket, tol)?;
    let eval = |f: &mut F, x: f64| finite(f(x), x);
    let mut a = lo;
    let mut b = hi;
    let mut fa = eval(&mut f, a)?;
    let mut fb = eval(&mut f, b)?;
    if fa == 0.0 {
        return Ok(a);
    }
    if fb == 0.0 {
        return Ok(b);
    }
    if (fa > 0.0) == (fb > 0.0) {
        return Err(DomainError::out_of_range(
            Field::RootBracket,
            lo,
            format!("an interval over which f changes sign (f({lo}) = {fa}, f({hi}) = {fb})"),
        ));
    }
    let mut c = a;
    let mut fc = fa;
    let mut d = b - a;
    let mut e = d;
    for _ in 0..max_iter {
        if (fb > 0.0) == (fc > 0.0) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol1 = 2.0 * f64::EPSILON * b.abs() + 0.5 * tol;
        let xm = 0.5 * (c - b);
        if xm.abs() <= tol1 || fb == 0.0 {
            return Ok(b);
        }
        (d, e) = if e.abs() >= tol1 && fa.abs() > fb.abs() {
            interpolate(
                Points {
                    a,
                    b,
                    c,
                    fa,
                    fb,
                    fc,
                },
                Steps { d, e },
                xm,
                tol1,
            )
        } else {
            (xm, xm)
        };
        a = b;
        fa = fb;
        b += if d.abs() > tol1 { d } else { tol1.copysign(xm) };
        fb = eval(&mut f, b)?;
    }
    Err(DomainError::NoConvergence {
        what: "Brent root finder",
    })
}

/// The bracket and tolerance [`brent`] accepts: a finite `[lo, hi]` with `lo < hi`, `tol > 0`.
fn check_inputs(Bracket { lo, hi }: Bracket, tol: f64) -> Result<()> {
    if !lo.is_finite() || !hi.is_finite() || lo >= hi {
        return Err(DomainError::out_of_range(
            Field::RootBracket,
            if lo.is_finite() { hi } else { lo },
            format!("a finite interval [lo, hi] with lo < hi (got [{lo}, {hi}])"),
        ));
    }
    if !(tol.is_finite() && tol > 0.0) {
        return Err(DomainError::out_of_range(
            Field::RootTolerance,
            tol,
            "greater than 0",
        ));
    }
    Ok(())
}

/// `y = f(x)` when finite; a typed error naming `x` otherwise.
fn finite(y: f64, x: f64) -> Result<f64> {
    if y.is_finite() {
        Ok(y)
    } else {
        Err(DomainError::out_of_range(
            Field::RootFunction,
            y,
            format!("a finite number (at x = {x})"),
        ))
    }
}

/// Brent's three points: `b` the best estimate, `a` the previous one, `c` the far end of the
/// bracket, with their function values.
struct Points {
    a: f64,
    b: f64,
    c: f64,
    fa: f64,
    fb: f64,
    fc: f64,
}

/// The last step `d` and the one before it `e`.
struct Steps {
    d: f64,
    e: f64,
}

/// The next `(d, e)`: inverse quadratic interpolation (secant when only two points are
/// distinct) when it stays well inside the bracket and shrinks fast enough, else bisection
/// (`xm` is half the bracket, `tol1` the convergence tolerance at `b`).
fn interpolate(pts: Points, last: Steps, xm: f64, tol1: f64) -> (f64, f64) {
    let Points {
        a,
        b,
        c,
        fa,
        fb,
        fc,
    } = pts;
    let s = fb / fa;
    let (mut p, mut q);
    if a == c {
        p = 2.0 * xm * s;
        q = 1.0 - s;
    } else {
        let qa = fa / fc;
        let r = fb / fc;
        p = s * (2.0 * xm * qa * (qa - r) - (b - a) * (r - 1.0));
        q = (qa - 1.0) * (r - 1.0) * (s - 1.0);
    }
    if p > 0.0 {
        q = -q;
    }
    p = p.abs();
    let min1 = 3.0 * xm * q - (tol1 * q).abs();
    let min2 = (last.e * q).abs();
    if 2.0 * p < min1.min(min2) {
        (p / q, last.d)
    } else {
        (xm, xm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_roots_of_smooth_and_nasty_functions() {
        let b = Bracket { lo: 0.0, hi: 4.0 };
        let x = brent(|x| x.cos() - x, Bracket { lo: 0.0, hi: 1.0 }, 1e-14, 100).unwrap();
        assert!((x.cos() - x).abs() < 1e-14);
        // A step function: Brent degrades to bisection but still converges.
        let x = brent(|x| if x < 1.5 { -1.0 } else { 1.0 }, b, 1e-12, 200).unwrap();
        assert!((x - 1.5).abs() < 1e-11);
        // Very flat near the root.
        let x = brent(|x| (x - 1.0).powi(5), b, 1e-12, 200).unwrap();
        assert!((x - 1.0).abs() < 1e-2);
    }

    #[test]
    fn typed_errors() {
        let b = Bracket { lo: 0.0, hi: 1.0 };
        assert!(matches!(
            brent(|x| x + 1.0, b, 1e-12, 100),
            Err(DomainError::OutOfRange {
                field: Field::RootBracket,
                ..
            })
        ));
        assert!(matches!(
            brent(|_| f64::NAN, b, 1e-12, 100),
            Err(DomainError::OutOfRange {
                field: Field::RootFunction,
                ..
            })
        ));
        assert!(matches!(
            brent(|x| x, Bracket { lo: 1.0, hi: 0.0 }, 1e-12, 100),
            Err(DomainError::OutOfRange {
                field: Field::RootBracket,
                ..
            })
        ));
        assert!(matches!(
            brent(|x| x - 0.3, b, 0.0, 100),
            Err(DomainError::OutOfRange {
                field: Field::RootTolerance,
                ..
            })
        ));
        assert!(matches!(
            brent(|x| x - 0.3, b, 1e-12, 0),
            Err(DomainError::NoConvergence { .. })
        ));
    }
}
