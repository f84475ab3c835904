//! The standard normal distribution: cumulative distribution function and density.
//!
//! `N(x)` is computed from the complementary error function of `libm` (a port of FreeBSD's
//! msun `erfc`, accurate to about one ulp), as
//!
//! ```text
//! N(x) = ½ · erfc(−x / √2)
//! ```
//!
//! which keeps full *relative* accuracy far into the lower tail (`N(−30) ≈ 4.9e−198`), unlike
//! `½ · (1 + erf(x/√2))`, which loses every digit once `N(x)` is below about `1e−16`.
//!
//! Both functions are total: NaN gives NaN, `N(−∞) = 0`, `N(+∞) = 1`, `n(±∞) = 0`. They never
//! panic. Callers in the engine validate their inputs first, so NaN never reaches them.

use std::f64::consts::FRAC_1_SQRT_2;

/// `1 / √(2π)`.
pub const FRAC_1_SQRT_2PI: f64 = 0.398_942_280_401_432_7;

/// Standard normal cumulative distribution function `N(x) = ½·erfc(−x/√2)`.
///
/// ```
/// use minerhedge::domain::pricing::normal::cdf;
/// assert_eq!(cdf(0.0), 0.5);
/// assert!((cdf(1.959_963_984_540_054) - 0.975).abs() < 1e-15);
/// // Full relative accuracy deep in the tail: N(−10) = 7.619853024160527e−24.
/// assert!((cdf(-10.0) / 7.619_853_024_160_527e-24 - 1.0).abs() < 1e-14);
/// ```
#[inline(always)]
pub fn cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x * FRAC_1_SQRT_2)
}

/// Standard normal density `n(x) = e^(−x²/2) / √(2π)`.
///
/// ```
/// use minerhedge::domain::pricing::normal::{pdf, FRAC_1_SQRT_2PI};
/// assert_eq!(pdf(0.0), FRAC_1_SQRT_2PI);
/// assert!((pdf(1.0) - 0.241_970_724_519_143_37).abs() < 1e-16);
/// assert_eq!(pdf(f64::INFINITY), 0.0);
/// ```
#[inline(always)]
pub fn pdf(x: f64) -> f64 {
    FRAC_1_SQRT_2PI * (-0.5 * x * x).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetry_and_limits() {
        for &x in &[0.1, 0.5, 1.0, 2.0, 5.0, 8.0] {
            assert!((cdf(x) + cdf(-x) - 1.0).abs() < 1e-15, "x = {x}");
            assert_eq!(pdf(x), pdf(-x));
        }
        assert_eq!(cdf(f64::NEG_INFINITY), 0.0);
        assert_eq!(cdf(f64::INFINITY), 1.0);
        assert!(cdf(f64::NAN).is_nan());
        assert_eq!(pdf(f64::NEG_INFINITY), 0.0);
    }

    #[test]
    fn derivative_of_cdf_is_pdf() {
        let h = 1e-5;
        for &x in &[-6.0, -2.5, -0.3, 0.0, 0.7, 3.0] {
            let fd = (cdf(x + h) - cdf(x - h)) / (2.0 * h);
            assert!((fd / pdf(x) - 1.0).abs() < 1e-8, "x = {x}");
        }
    }

    #[test]
    fn tail_matches_mills_ratio_expansion() {
        // N(x) = n(x)/|x| · (1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸ − …) for x → −∞.
        for &x in &[-25.0_f64, -30.0, -37.0] {
            let u = 1.0 / (x * x);
            let series =
                1.0 - u * (1.0 - 3.0 * u * (1.0 - 5.0 * u * (1.0 - 7.0 * u * (1.0 - 9.0 * u))));
            let approx = pdf(x) / x.abs() * series;
            assert!((cdf(x) / approx - 1.0).abs() < 1e-11, "x = {x}");
        }
    }
}
