//! The standard normal distribution: cumulative distribution function, density and quantile.
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
//!
//! The quantile `N⁻¹(p)` ([`inv_cdf`]) is M. J. Wichura's algorithm AS 241 (`PPND16`), good to
//! about one part in 10¹⁶; it is total too: `N⁻¹(0) = −∞`, `N⁻¹(1) = +∞`, NaN outside `[0, 1]`.
//!
//! **The pricing hot path** (the Black formula and the implied-volatility iteration) needs
//! `N(d1)`, `N(d2)` and `n(d1)` together. `erfc` spends up to two `exp` per call in the tail,
//! so there the engine computes `e^(−d1²/2)` once (`e^(−d2²/2) = e^(−d1²/2)·F/K`) and finishes
//! each `N` with W. J. Cody's rational approximations (`cdf_with_gauss`), which need the
//! Gaussian factor and no other transcendental. Both paths are checked against 50-digit
//! values of `N` in `tests/data/normal_cdf_reference.csv` (made by
//! `tests/data/generate_normal_reference.py`): relative error below `4e−16·(1 + x²)` for
//! `x ≤ 0` (the `x²` is the conditioning of `e^(−x²/2)` itself) and absolute error below
//! `2.3e−16` for `x > 0`, over `|x| ≤ 37`.

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

/// The standard normal quantile `N⁻¹(p)`: the `x` with `N(x) = p`.
///
/// M. J. Wichura's algorithm AS 241 (`PPND16`, Applied Statistics 37 (1988), 477–484):
/// rational approximations in `p − ½` near the centre and in `√(−ln min(p, 1 − p))` in the
/// tails, good to about one part in 10¹⁶ (the tests hold it to [`cdf`] over the 50-digit
/// reference table). Total: `N⁻¹(0) = −∞`, `N⁻¹(1) = +∞`, NaN for NaN or `p` outside `[0, 1]`.
///
/// ```
/// use minerhedge::domain::pricing::normal::{cdf, inv_cdf};
/// assert_eq!(inv_cdf(0.5), 0.0);
/// assert!((inv_cdf(0.975) - 1.959_963_984_540_054).abs() < 1e-15);
/// assert!((inv_cdf(cdf(-10.0)) + 10.0).abs() < 1e-13);
/// assert_eq!(inv_cdf(0.0), f64::NEG_INFINITY);
/// assert!(inv_cdf(1.5).is_nan());
/// ```
pub fn inv_cdf(p: f64) -> f64 {
    if !(p > 0.0 && p < 1.0) {
        return match p {
            0.0 => f64::NEG_INFINITY,
            1.0 => f64::INFINITY,
            _ => f64::NAN,
        };
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        return q * rising7(&AS241_A, r) / rising7(&AS241_B, r);
    }
    // The smaller tail: `1 − p` is exact for `p ≥ ½` (Sterbenz).
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-libm::log(tail)).sqrt();
    let z = if r <= 5.0 {
        rising7(&AS241_C, r - 1.6) / rising7(&AS241_D, r - 1.6)
    } else {
        rising7(&AS241_E, r - 5.0) / rising7(&AS241_F, r - 5.0)
    };
    if q < 0.0 { -z } else { z }
}

/// `c0 + c1·r + … + c7·r⁷` by Horner's rule.
fn rising7(c: &[f64; 8], r: f64) -> f64 {
    c.iter().rev().fold(0.0, |acc, k| acc * r + k)
}

// AS 241's coefficients (Wichura 1988), rising powers; the denominators are monic at r⁰.
// Central range, `|p − ½| ≤ 0.425`, in `r = 0.180625 − (p − ½)²`.
const AS241_A: [f64; 8] = [
    3.387_132_872_796_366_5,
    133.141_667_891_784_38,
    1_971.590_950_306_551_3,
    13_731.693_765_509_46,
    45_921.953_931_549_87,
    67_265.770_927_008_7,
    33_430.575_583_588_13,
    2_509.080_928_730_122_7,
];
const AS241_B: [f64; 8] = [
    1.0,
    42.313_330_701_600_91,
    687.187_007_492_057_9,
    5_394.196_021_424_751,
    21_213.794_301_586_597,
    39_307.895_800_092_71,
    28_729.085_735_721_943,
    5_226.495_278_852_854,
];
// Intermediate tail, `√(−ln tail) ≤ 5`, in `r − 1.6`.
const AS241_C: [f64; 8] = [
    1.423_437_110_749_683_5,
    4.630_337_846_156_546,
    5.769_497_221_460_691,
    3.647_848_324_763_204_5,
    1.270_458_252_452_368_4,
    0.241_780_725_177_450_6,
    0.022_723_844_989_269_184,
    7.745_450_142_783_414e-4,
];
const AS241_D: [f64; 8] = [
    1.0,
    2.053_191_626_637_759,
    1.676_384_830_183_803_8,
    0.689_767_334_985_1,
    0.148_103_976_427_480_08,
    0.015_198_666_563_616_457,
    5.475_938_084_995_345e-4,
    1.050_750_071_644_416_9e-9,
];
// Far tail, `√(−ln tail) > 5`, in `r − 5`.
const AS241_E: [f64; 8] = [
    6.657_904_643_501_103,
    5.463_784_911_164_114,
    1.784_826_539_917_291_3,
    0.296_560_571_828_504_87,
    0.026_532_189_526_576_124,
    0.001_242_660_947_388_078_4,
    2.711_555_568_743_487_6e-5,
    2.010_334_399_292_288_1e-7,
];
const AS241_F: [f64; 8] = [
    1.0,
    0.599_832_206_555_888,
    0.136_929_880_922_735_8,
    0.014_875_361_290_850_615,
    7.868_691_311_456_133e-4,
    1.846_318_317_510_054_8e-5,
    1.421_511_758_316_446e-7,
    2.044_263_103_389_939_7e-15,
];

/// Largest `|x|` for which [`cdf_with_gauss`] is used: there `e^(−x²/2) ≥ 1.7e−297` is still a
/// normal float, and `N(−x)` is representable (it underflows to 0 below about −37.5).
pub(crate) const GAUSS_RANGE: f64 = 37.0;

// W. J. Cody's rational Chebyshev approximations of the normal distribution function
// (W. J. Cody, "Algorithm 715: SPECFUN", ACM TOMS 19 (1993), 22–32; the coefficients are the
// published ones, as used by R's `pnorm`, written as the nearest doubles). Three ranges of
// `|x|`:
// [0, 0.674 489 75]: N(x) = ½ + x·A(x²)/B(x²);
// (0.674 489 75, √32]: N(−|x|) = e^(−x²/2)·C(|x|)/D(|x|);
// (√32, 37]: N(−|x|) = e^(−x²/2)·(1/√(2π) − x⁻²·P(x⁻²)/Q(x⁻²))/|x|.
const CODY_A: [f64; 5] = [
    2.235_252_035_460_683_7,
    161.028_231_068_555_87,
    1_067.689_485_460_370_9,
    18_154.981_253_343_56,
    0.065_682_337_918_207_45,
];
const CODY_B: [f64; 4] = [
    47.202_581_904_688_245,
    976.098_551_737_776_7,
    10_260.932_208_618_979,
    45_507.789_335_026_73,
];
const CODY_C: [f64; 9] = [
    0.398_941_512_088_134_66,
    8.883_149_794_388_377,
    93.506_656_132_177_85,
    597.270_276_394_800_2,
    2_494.537_585_290_372_6,
    6_848.190_450_536_283,
    11_602.651_437_647_35,
    9_842.714_838_383_978,
    1.0765576773720192e-08,
];
const CODY_D: [f64; 8] = [
    22.266_688_044_328_117,
    235.387_901_782_625,
    1_519.377_599_407_554_7,
    6_485.558_298_266_761,
    18_615.571_640_885_097,
    34_900.952_721_145_98,
    38_912.003_286_093_27,
    19_685.429_676_859_992,
];
const CODY_P: [f64; 6] = [
    0.215_898_534_057_957,
    0.127_401_161_160_247_36,
    0.022_235_277_870_649_807,
    0.001_421_619_193_227_893_4,
    2.9112874951168793e-05,
    0.023_073_441_764_940_174,
];
const CODY_Q: [f64; 5] = [
    1.284_260_096_144_911,
    0.468_238_212_480_865_1,
    0.065_988_137_868_928_56,
    0.003_782_396_332_027_582_4,
    7.297515550839662e-05,
];

/// Cody's middle-range numerator and denominator, `C(y)` and `D(y)`, as coefficients of
/// `1, y, …, y⁸` (his arrays run `c[8]·y⁸ + c[0]·y⁷ + … + c[7]`; `D` is monic).
const CODY_C_RISING: [f64; 9] = rising(CODY_C, CODY_C[8]);
const CODY_D_RISING: [f64; 9] = rising_monic(CODY_D);

/// `[c7, c6, …, c0, top]`: Cody's order, made rising.
const fn rising(c: [f64; 9], top: f64) -> [f64; 9] {
    [c[7], c[6], c[5], c[4], c[3], c[2], c[1], c[0], top]
}

/// [`rising`] for a monic polynomial of degree 8 given its other eight coefficients.
const fn rising_monic(d: [f64; 8]) -> [f64; 9] {
    rising([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], 0.0], 1.0)
}

/// `c0 + c1·y + … + c8·y⁸` as its even and odd parts, each by Horner's rule in `y²`
/// (`y2`): as many operations as Horner's rule in `y`, in two chains of four side by side
/// instead of one of eight. For `y > 0` and positive coefficients (Cody's `C` and `D`) no
/// term cancels another, and it is as accurate as Horner's rule.
#[inline(always)]
fn even_odd8(c: &[f64; 9], y: f64, y2: f64) -> f64 {
    let even = (((c[8] * y2 + c[6]) * y2 + c[4]) * y2 + c[2]) * y2 + c[0];
    let odd = ((c[7] * y2 + c[5]) * y2 + c[3]) * y2 + c[1];
    even + y * odd
}

/// `N(x)` for `|x| ≤ GAUSS_RANGE`, given `gauss = e^(−x²/2)` already computed by the caller.
///
/// The Black formula needs `N(d1)`, `N(d2)` and `n(d1)`: [`cdf`] costs up to two `exp` per
/// call inside `erfc`, while here one `e^(−d1²/2)` serves all three (`e^(−d2²/2)` is
/// `e^(−d1²/2)·F/K`). Cody's approximations keep relative accuracy in the lower tail like
/// `erfc`; the tests hold this function to [`cdf`] within `2e−15` relative (lower half) and
/// `2e−16` absolute over `|x| ≤ 37`.
#[inline(never)]
pub(crate) fn cdf_with_gauss(x: f64, gauss: f64) -> f64 {
    let y = x.abs();
    if y <= 0.674_489_75 {
        let x2 = x * x;
        let mut num = CODY_A[4] * x2;
        let mut den = x2;
        for (a, b) in CODY_A[..3].iter().zip(&CODY_B[..3]) {
            num = (num + a) * x2;
            den = (den + b) * x2;
        }
        return 0.5 + x * (num + CODY_A[3]) / (den + CODY_B[3]);
    }
    let lower = if y <= SQRT_32 {
        let y2 = x * x;
        gauss * even_odd8(&CODY_C_RISING, y, y2) / even_odd8(&CODY_D_RISING, y, y2)
    } else {
        let u = 1.0 / (x * x);
        let mut num = CODY_P[5] * u;
        let mut den = u;
        for (p, q) in CODY_P[..4].iter().zip(&CODY_Q[..4]) {
            num = (num + p) * u;
            den = (den + q) * u;
        }
        let r = u * (num + CODY_P[4]) / (den + CODY_Q[4]);
        gauss * (FRAC_1_SQRT_2PI - r) / y
    };
    if x > 0.0 { 1.0 - lower } else { lower }
}

/// `√32`, where Cody's middle range ends.
const SQRT_32: f64 = 5.656_854_249_492_381;

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

    /// (x, N(x)) from `tests/data/normal_cdf_reference.csv` (50-digit mpmath values).
    fn reference() -> Vec<(f64, f64)> {
        include_str!("../../../tests/data/normal_cdf_reference.csv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with('x'))
            .map(|l| {
                let (x, p) = l.split_once(',').expect("two columns");
                (x.parse().expect("x"), p.parse().expect("N(x)"))
            })
            .collect()
    }

    /// Worst relative error below 0 (where N is small; scaled by the argument's own
    /// condition number `1 + x²`, since `e^(−x²/2)` cannot be better than `x²/2` ulps of
    /// its exponent) and worst absolute error above 0.
    fn worst(f: impl Fn(f64) -> f64) -> (f64, f64) {
        let (mut rel, mut abs) = (0.0_f64, 0.0_f64);
        for (x, p) in reference() {
            let v = f(x);
            if x <= 0.0 {
                rel = rel.max((v / p - 1.0).abs() / (1.0 + x * x));
            } else {
                abs = abs.max((v - p).abs());
            }
        }
        (rel, abs)
    }

    #[test]
    fn reference_table_is_complete() {
        let r = reference();
        assert_eq!(r.len(), 2369);
        assert_eq!(r.first().map(|p| p.0), Some(-37.0));
        assert_eq!(r.last().map(|p| p.0), Some(37.0));
    }

    #[test]
    fn libm_cdf_matches_50_digit_reference() {
        let (rel, abs) = worst(cdf);
        assert!(rel < 4e-16, "relative error / (1 + x²): {rel:e}");
        assert!(abs < 2.3e-16, "absolute error: {abs:e}");
    }

    #[test]
    fn cody_with_shared_gauss_matches_50_digit_reference() {
        let (rel, abs) = worst(|x| cdf_with_gauss(x, (-0.5 * x * x).exp()));
        assert!(rel < 4e-16, "relative error / (1 + x²): {rel:e}");
        assert!(abs < 2.3e-16, "absolute error: {abs:e}");
        assert_eq!(cdf_with_gauss(0.0, 1.0), 0.5);
        // Continuous across Cody's range boundaries (0.674 489 75 and √32).
        for b in [0.674_489_75_f64, SQRT_32] {
            for x in [-b, b] {
                let below = f64::from_bits(x.abs().to_bits() - 1).copysign(x);
                let above = f64::from_bits(x.abs().to_bits() + 1).copysign(x);
                for y in [below, above] {
                    let g = (-0.5 * y * y).exp();
                    let tol = 4e-16 * (1.0 + y * y);
                    assert!((cdf_with_gauss(y, g) / cdf(y) - 1.0).abs() < tol, "x = {y}");
                }
            }
        }
    }

    #[test]
    fn inv_cdf_inverts_cdf_over_the_50_digit_reference() {
        // Below 0, N(x) carries full relative accuracy, so N⁻¹(N(x)) must give x back: the
        // error of N (4e−16·(1 + x²) relative) moves x by at most about that over |x|.
        let mut worst = 0.0_f64;
        for (x, p) in reference().into_iter().filter(|(x, _)| *x <= 0.0) {
            let err = (inv_cdf(p) - x).abs() / x.abs().max(1.0);
            worst = worst.max(err);
            // The upper half through the symmetry N⁻¹(1 − p) = −N⁻¹(p) where 1 − p is exact.
            let up = 1.0 - p;
            if 1.0 - up == p {
                assert_eq!(inv_cdf(up), -inv_cdf(p), "x = {x}");
            }
        }
        assert!(worst < 2e-15, "relative error: {worst:e}");
        assert_eq!(inv_cdf(0.5), 0.0);
        assert_eq!(inv_cdf(1.0), f64::INFINITY);
        assert!(inv_cdf(f64::NAN).is_nan() && inv_cdf(-0.1).is_nan());
        // Deep in the tail: N⁻¹(1e−300) ≈ −37.0471.
        assert!((cdf(inv_cdf(1e-300)) / 1e-300 - 1.0).abs() < 1e-12);
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
