//! Tolerances of the engine, in one place.
//!
//! Numerical methods and tests use these instead of literal epsilons so that the accuracy
//! promised in the docs is the accuracy checked.

/// Convergence target of the implied-volatility solver (absolute, in volatility units).
pub const IMPLIED_VOL: f64 = 1e-12;
/// Convergence target of bracketing root finders (absolute, in the unknown's units,
/// relative to the bracket's scale).
pub const ROOT: f64 = 1e-12;
/// Zero-cost collar: |call premium − put premium| after solving, per coin.
pub const ZERO_COST: f64 = 1e-9;
/// Relative agreement of prices and Greeks with QuantLib's analytic European engine.
pub const PRICING_RELATIVE: f64 = 1e-10;
/// Put–call parity residual (absolute, scaled by spot).
pub const PARITY: f64 = 1e-12;

/// `true` when `a` and `b` agree to `rel` relative to the larger magnitude, or to `abs`
/// absolutely (for values near zero).
///
/// ```
/// use minerhedge::domain::tolerance::approx_eq;
/// assert!(approx_eq(1.0, 1.0 + 1e-13, 1e-12, 0.0));
/// assert!(!approx_eq(1.0, 1.1, 1e-12, 1e-12));
/// ```
pub fn approx_eq(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    if a == b {
        return true;
    }
    let diff = (a - b).abs();
    diff <= abs || diff <= rel * a.abs().max(b.abs())
}
