//! Option pricing: textbook values, put–call parity, Greeks against finite differences,
//! limits, and implied-volatility round trips.

use minerhedge::domain::DomainError;
use minerhedge::domain::Field;
use minerhedge::domain::pricing::{
    ForwardModel, ForwardParams, Greeks, OptionKind, SpotModel, SpotParams,
};
use minerhedge::domain::tolerance::{IMPLIED_VOL, PARITY, approx_eq};
use proptest::prelude::*;

const KINDS: [OptionKind; 2] = [OptionKind::Call, OptionKind::Put];

fn spot(s: f64, r: f64, q: f64, vol: f64, t: f64) -> SpotModel {
    SpotModel::new(SpotParams {
        spot: s,
        rate: r,
        dividend_yield: q,
        vol,
        expiry_years: t,
    })
    .unwrap()
}

fn fwd(f: f64, r: f64, vol: f64, t: f64) -> ForwardModel {
    ForwardModel::new(ForwardParams {
        forward: f,
        rate: r,
        vol,
        expiry_years: t,
    })
    .unwrap()
}

/// Hull, *Options, Futures and Other Derivatives*, example 15.6: S 42, K 40, r 10 %, σ 20 %,
/// T 0.5 → call 4.76, put 0.81 (4.7594 and 0.8086 to four places).
#[test]
fn hull_textbook_case() {
    let m = spot(42.0, 0.10, 0.0, 0.20, 0.5);
    let call = m.price(OptionKind::Call, 40.0).unwrap();
    let put = m.price(OptionKind::Put, 40.0).unwrap();
    assert_eq!(format!("{call:.4}"), "4.7594");
    assert_eq!(format!("{put:.4}"), "0.8086");
    // Hull's intermediate values: d1 = 0.7693, d2 = 0.6278.
    let g = m.greeks(OptionKind::Call, 40.0).unwrap();
    assert_eq!(format!("{:.4}", g.delta), "0.7791"); // N(0.7693)
    // Black-76 on the forward S·e^(rT) gives the same premium.
    let f = fwd(42.0 * (0.05_f64).exp(), 0.10, 0.20, 0.5);
    assert!((f.price(OptionKind::Call, 40.0).unwrap() - call).abs() < 1e-12);
}

/// Residual of put–call parity `C − P = S·e^(−qT) − K·e^(−rT)`, relative to the size of the
/// terms (`max(S·e^(−qT), K·e^(−rT))`), which is what rounding scales with.
fn spot_parity_residual(m: &SpotModel, k: f64) -> f64 {
    let p = m.params();
    let sq = p.spot * (-p.dividend_yield * p.expiry_years).exp();
    let kd = k * m.discount();
    let c = m.price(OptionKind::Call, k).unwrap();
    let pu = m.price(OptionKind::Put, k).unwrap();
    ((c - pu) - (sq - kd)).abs() / sq.max(kd)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn put_call_parity_spot(
        s in 0.01_f64..1e6,
        moneyness in -2.0_f64..2.0,
        r in -0.2_f64..0.3,
        q in 0.0_f64..0.2,
        vol in 0.0_f64..3.0,
        t in 0.0_f64..10.0,
    ) {
        let m = spot(s, r, q, vol, t);
        let k = s * moneyness.exp();
        prop_assert!(spot_parity_residual(&m, k) <= PARITY);
    }

    #[test]
    fn put_call_parity_forward(
        f in 0.01_f64..1e6,
        moneyness in -2.0_f64..2.0,
        r in -0.2_f64..0.3,
        vol in 0.0_f64..3.0,
        t in 0.0_f64..10.0,
    ) {
        let m = fwd(f, r, vol, t);
        let k = f * moneyness.exp();
        let c = m.price(OptionKind::Call, k).unwrap();
        let p = m.price(OptionKind::Put, k).unwrap();
        let d = m.discount();
        prop_assert!(((c - p) - d * (f - k)).abs() <= PARITY * d * f.max(k));
    }

    /// Prices respect the no-arbitrage bounds and Greeks their signs.
    #[test]
    fn bounds_and_signs(
        s in 0.01_f64..1e6,
        moneyness in -3.0_f64..3.0,
        r in -0.2_f64..0.3,
        q in -0.1_f64..0.2,
        vol in 0.0_f64..5.0,
        t in 0.0_f64..30.0,
    ) {
        let m = spot(s, r, q, vol, t);
        let k = s * moneyness.exp();
        let sq = s * (-q * t).exp();
        let kd = k * m.discount();
        let slack = 1e-14 * sq.max(kd);
        for kind in KINDS {
            let g = m.greeks(kind, k).unwrap();
            let (lower, upper) = match kind {
                OptionKind::Call => ((sq - kd).max(0.0), sq),
                OptionKind::Put => ((kd - sq).max(0.0), kd),
            };
            prop_assert!(g.price >= lower - slack && g.price <= upper + slack);
            prop_assert!(g.gamma >= 0.0 && g.vega >= 0.0);
            prop_assert_eq!(g.theta_per_day, g.theta / 365.0);
            match kind {
                OptionKind::Call => prop_assert!(g.delta >= 0.0 && g.rho >= 0.0),
                OptionKind::Put => prop_assert!(g.delta <= 0.0 && g.rho <= 0.0),
            }
        }
    }
}

/// `∂V/∂x` by a central difference, step `h`.
fn central(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x - h)) / (2.0 * h)
}

/// Asserts an analytic Greek against its finite-difference estimate: relative 1e−6, or an
/// absolute `1e−8 × scale` for values near zero (central differences have an `O(h²)`
/// truncation error and an `ε·V/h` rounding error).
fn check(name: &str, case: &str, analytic: f64, fd: f64, scale: f64) {
    assert!(
        approx_eq(analytic, fd, 1e-6, 1e-8 * scale),
        "{case}: {name} analytic {analytic:e} vs finite difference {fd:e}"
    );
}

const SPOT_CASES: [(f64, f64, f64, f64, f64); 8] = [
    // (S, r, q, σ, T)
    (42.0, 0.10, 0.0, 0.20, 0.5),
    (250.0, 0.05, 0.0, 0.80, 30.0 / 365.0),
    (100.0, 0.03, 0.07, 0.25, 1.0),
    (100.0, -0.01, 0.02, 0.40, 2.0),
    (30000.0, 0.045, 0.0, 0.65, 0.25),
    (0.3, 0.02, 0.01, 1.5, 0.1),
    (100.0, 0.08, 0.03, 0.10, 10.0),
    (100.0, 0.05, 0.0, 2.5, 3.0),
];

#[test]
fn spot_greeks_match_central_differences() {
    for &(s, r, q, vol, t) in &SPOT_CASES {
        for ratio in [0.6, 0.9, 1.0, 1.1, 1.6] {
            let k = s * ratio;
            for kind in KINDS {
                let case = format!("S {s} K {k} r {r} q {q} σ {vol} T {t} {kind:?}");
                let g: Greeks = spot(s, r, q, vol, t).greeks(kind, k).unwrap();
                let v = |s: f64, r: f64, q: f64, vol: f64, t: f64| {
                    spot(s, r, q, vol, t).price(kind, k).unwrap()
                };
                let scale = s.max(k);
                let hs = 1e-4 * s;
                check(
                    "delta",
                    &case,
                    g.delta,
                    central(|x| v(x, r, q, vol, t), s, hs),
                    1.0,
                );
                let gamma_fd = (v(s + hs, r, q, vol, t) - 2.0 * v(s, r, q, vol, t)
                    + v(s - hs, r, q, vol, t))
                    / (hs * hs);
                assert!(
                    approx_eq(g.gamma, gamma_fd, 1e-4, 1e-6 / s),
                    "{case}: gamma {} vs {gamma_fd}",
                    g.gamma
                );
                check(
                    "vega",
                    &case,
                    g.vega,
                    central(|x| v(s, r, q, x, t), vol, 1e-5),
                    scale,
                );
                // theta = ∂V/∂t = −∂V/∂T.
                let theta_fd = -central(|x| v(s, r, q, vol, x), t, 1e-5 * t);
                check("theta", &case, g.theta, theta_fd, scale);
                check(
                    "rho",
                    &case,
                    g.rho,
                    central(|x| v(s, x, q, vol, t), r, 1e-5),
                    scale,
                );
                let drho = central(|x| v(s, r, x, vol, t), q, 1e-5);
                check("dividend rho", &case, g.dividend_rho, drho, scale);
                assert_eq!(g.price, v(s, r, q, vol, t));
            }
        }
    }
}

#[test]
fn forward_greeks_match_central_differences() {
    for &(f, r, _, vol, t) in &SPOT_CASES {
        for ratio in [0.6, 0.9, 1.0, 1.1, 1.6] {
            let k = f * ratio;
            for kind in KINDS {
                let case = format!("F {f} K {k} r {r} σ {vol} T {t} {kind:?}");
                let g = fwd(f, r, vol, t).greeks(kind, k).unwrap();
                let v =
                    |f: f64, r: f64, vol: f64, t: f64| fwd(f, r, vol, t).price(kind, k).unwrap();
                let scale = f.max(k);
                let hf = 1e-4 * f;
                check(
                    "delta",
                    &case,
                    g.delta,
                    central(|x| v(x, r, vol, t), f, hf),
                    1.0,
                );
                let gamma_fd = (v(f + hf, r, vol, t) - 2.0 * v(f, r, vol, t)
                    + v(f - hf, r, vol, t))
                    / (hf * hf);
                assert!(
                    approx_eq(g.gamma, gamma_fd, 1e-4, 1e-6 / f),
                    "{case}: gamma {} vs {gamma_fd}",
                    g.gamma
                );
                check(
                    "vega",
                    &case,
                    g.vega,
                    central(|x| v(f, r, x, t), vol, 1e-5),
                    scale,
                );
                let theta_fd = -central(|x| v(f, r, vol, x), t, 1e-5 * t);
                check("theta", &case, g.theta, theta_fd, scale);
                check(
                    "rho",
                    &case,
                    g.rho,
                    central(|x| v(f, x, vol, t), r, 1e-5),
                    scale,
                );
                assert_eq!(g.dividend_rho, 0.0);
            }
        }
    }
}

/// `T → 0` and `σ → 0` converge to the discounted intrinsic value of the forward, continuously,
/// and the limit itself is finite.
#[test]
fn degenerate_limits_are_intrinsic_and_finite() {
    let (s, r, q) = (100.0, 0.05, 0.02);
    for k in [80.0, 100.0, 120.0] {
        for kind in KINDS {
            let w = kind.sign();
            // σ = 0, T = 1: discounted forward intrinsic value.
            let m = spot(s, r, q, 0.0, 1.0);
            let g = m.greeks(kind, k).unwrap();
            let expected = (w * (s * (-q).exp() - k * (-r).exp())).max(0.0);
            assert!((g.price - expected).abs() < 1e-12, "{kind:?} K {k}");
            assert_eq!(g.gamma, 0.0);
            for x in [
                g.price,
                g.delta,
                g.gamma,
                g.vega,
                g.theta,
                g.rho,
                g.dividend_rho,
            ] {
                assert!(x.is_finite());
            }
            // Tiny σ approaches it.
            let tiny = spot(s, r, q, 1e-9, 1.0).price(kind, k).unwrap();
            assert!(
                (tiny - expected).abs() < 1e-9,
                "{kind:?} K {k}: {tiny} vs {expected}"
            );
            // T = 0: intrinsic value; vega, gamma, rho all 0.
            let g0 = spot(s, r, q, 0.8, 0.0).greeks(kind, k).unwrap();
            assert_eq!(g0.price, (w * (s - k)).max(0.0));
            assert_eq!(
                (g0.gamma, g0.vega, g0.rho, g0.dividend_rho),
                (0.0, 0.0, 0.0, 0.0)
            );
            let near = spot(s, r, q, 0.8, 1e-12).price(kind, k).unwrap();
            assert!((near - g0.price).abs() < 1e-4);
            // Black-76 likewise.
            let f0 = fwd(s, r, 0.8, 0.0).greeks(kind, k).unwrap();
            assert_eq!(f0.price, (w * (s - k)).max(0.0));
            assert_eq!((f0.gamma, f0.vega), (0.0, 0.0));
        }
    }
    // Theta at T = 0 is the T → 0⁺ limit away from the strike: q·S − r·K for an in-the-money
    // call (r·V − (r − q)·S·delta).
    let at_expiry = spot(100.0, 0.05, 0.02, 0.8, 0.0)
        .greeks(OptionKind::Call, 80.0)
        .unwrap();
    assert!((at_expiry.theta - (0.02 * 100.0 - 0.05 * 80.0)).abs() < 1e-12);
    let just_before = spot(100.0, 0.05, 0.02, 0.8, 1e-6)
        .greeks(OptionKind::Call, 80.0)
        .unwrap();
    assert!((just_before.theta - at_expiry.theta).abs() < 1e-4);
    // At the money and degenerate: delta is ½ (of the discounted unit), vega its σ → 0 limit.
    let g = spot(100.0, 0.0, 0.0, 0.0, 1.0)
        .greeks(OptionKind::Call, 100.0)
        .unwrap();
    assert_eq!(g.delta, 0.5);
    assert!((g.vega - 100.0 / (2.0 * std::f64::consts::PI).sqrt()).abs() < 1e-12);
    let near = spot(100.0, 0.0, 0.0, 1e-10, 1.0)
        .greeks(OptionKind::Call, 100.0)
        .unwrap();
    assert!((near.vega - g.vega).abs() < 1e-6);
}

#[test]
fn zero_and_invalid_strikes_are_typed_errors() {
    let m = spot(100.0, 0.05, 0.0, 0.5, 1.0);
    let f = fwd(100.0, 0.05, 0.5, 1.0);
    for k in [0.0, -0.0, -5.0, f64::NAN, f64::INFINITY, 1e-300, 1e300] {
        for kind in KINDS {
            for e in [
                m.price(kind, k).unwrap_err(),
                m.greeks(kind, k).unwrap_err(),
                m.implied_vol(kind, k, 1.0).unwrap_err(),
                f.price(kind, k).unwrap_err(),
                f.greeks(kind, k).unwrap_err(),
                f.implied_vol(kind, k, 1.0).unwrap_err(),
            ] {
                assert_eq!(e.field(), Some(Field::Strike), "K = {k}: {e}");
            }
        }
    }
}

#[test]
fn implied_vol_rejects_premiums_outside_the_no_arbitrage_bounds() {
    let m = spot(100.0, 0.05, 0.01, 0.0, 1.0);
    let d = m.discount();
    let sq = 100.0 * (-0.01_f64).exp();
    // Call, K 80: lower bound S·e^(−qT) − K·e^(−rT), upper S·e^(−qT).
    let lower = sq - 80.0 * d;
    for p in [0.0, -1.0, lower, lower - 1e-9, sq, sq + 1.0] {
        match m.implied_vol(OptionKind::Call, 80.0, p) {
            Err(DomainError::PremiumOutOfBounds {
                premium,
                lower: lo,
                upper,
            }) => {
                assert_eq!(premium, p);
                assert!((lo - lower).abs() < 1e-12 && (upper - sq).abs() < 1e-12);
            }
            other => panic!("premium {p}: {other:?}"),
        }
    }
    assert!(matches!(
        m.implied_vol(OptionKind::Call, 80.0, f64::NAN),
        Err(DomainError::OutOfRange {
            field: Field::Premium,
            ..
        })
    ));
    // No implied volatility at expiry.
    let expired = spot(100.0, 0.05, 0.0, 0.0, 0.0);
    assert_eq!(
        expired
            .implied_vol(OptionKind::Call, 100.0, 1.0)
            .unwrap_err()
            .field(),
        Some(Field::Expiry)
    );
}

/// vol → price → vol across ln(F/K) ∈ [−3, 3], σ√T ∈ [0.01, 3], calls and puts, both models,
/// several expiries.
///
/// The premium itself is rounded to about `ε·D·max(F, K)`; a volatility is only determined to
/// that rounding divided by vega. Where that is below [`IMPLIED_VOL`] (every out-of-the-money
/// and most in-the-money points) the round trip must hit 1e−12; elsewhere (deep in the money
/// with little time value) it must hit the conditioning bound, and a premium whose time value
/// is lost entirely (equal to the bound) must be rejected as out of bounds.
#[test]
fn implied_vol_round_trip_on_a_wide_grid() {
    let mut strict = 0;
    let mut conditioned = 0;
    let mut rejected = 0;
    let mut worst: f64 = 0.0;
    for t in [1.0_f64 / 365.0, 30.0 / 365.0, 1.0, 5.0] {
        for i in 0..=48 {
            let x = -3.0 + 6.0 * f64::from(i) / 48.0;
            for j in 0..=48 {
                let total = 0.01 * 300.0_f64.powf(f64::from(j) / 48.0);
                let vol = total / t.sqrt();
                if vol > minerhedge::domain::pricing::MAX_VOL {
                    continue;
                }
                let f = 250.0;
                let k = f / x.exp();
                for (model_name, r) in [("spot", 0.05), ("forward", -0.01)] {
                    for kind in KINDS {
                        let (g, iv) = if model_name == "spot" {
                            // Spot chosen so that the forward is f.
                            let s = f * (-(0.05_f64 - 0.02) * t).exp();
                            let m = spot(s, r, 0.02, vol, t);
                            let g = m.greeks(kind, k).unwrap();
                            (g, m.implied_vol(kind, k, g.price))
                        } else {
                            let m = fwd(f, r, vol, t);
                            let g = m.greeks(kind, k).unwrap();
                            (g, m.implied_vol(kind, k, g.price))
                        };
                        let d = (-r * t).exp();
                        let itm = kind.sign() * x > 0.0;
                        // Rounding of the premium: relative for an out-of-the-money option
                        // (no intrinsic part; plus the spacing of subnormal numbers, which the
                        // solver meets in units of D·√(FK)), of the intrinsic part's size when
                        // in the money.
                        let rounding = if itm {
                            4.0 * f64::EPSILON * d * f.max(k)
                        } else {
                            4.0 * f64::EPSILON * g.price + 4.0 * 4.9e-324 * d * (f * k).sqrt()
                        };
                        let case = format!(
                            "{model_name} {kind:?} x {x} σ√T {total} T {t}: premium {:e}",
                            g.price
                        );
                        match iv {
                            Ok(v) => {
                                let err = (v - vol).abs();
                                let bound = rounding / g.vega;
                                if bound <= IMPLIED_VOL {
                                    strict += 1;
                                    worst = worst.max(err);
                                    assert!(err <= IMPLIED_VOL, "{case}: got {v}, error {err:e}");
                                } else {
                                    conditioned += 1;
                                    assert!(
                                        err <= bound,
                                        "{case}: got {v}, error {err:e} > {bound:e}"
                                    );
                                }
                            }
                            Err(DomainError::PremiumOutOfBounds {
                                premium,
                                lower,
                                upper,
                            }) => {
                                rejected += 1;
                                assert!(
                                    premium - lower <= rounding || upper - premium <= rounding,
                                    "{case}: rejected with time value {:e}",
                                    premium - lower
                                );
                            }
                            Err(e) => panic!("{case}: {e}"),
                        }
                    }
                }
            }
        }
    }
    eprintln!(
        "round trips: {strict} to 1e-12 (worst {worst:e}), {conditioned} to the conditioning \
         bound, {rejected} premiums indistinguishable from a bound"
    );
    assert!(strict > conditioned + rejected);
}

/// A long call and a short put at the same strike are a forward: `scaled` and `+` give its
/// Greeks, delta `e^(−qT)`, no gamma or vega, rho `K·T·e^(−rT)`.
#[test]
fn position_greeks_of_a_synthetic_forward() {
    let (s, r, q, t, k) = (250.0, 0.05, 0.01, 0.5, 260.0);
    let m = spot(s, r, q, 0.8, t);
    let fwd = m.greeks(OptionKind::Call, k).unwrap().scaled(3.0)
        + m.greeks(OptionKind::Put, k).unwrap().scaled(-3.0);
    let qd = (-q * t).exp();
    assert!((fwd.delta - 3.0 * qd).abs() < 1e-14);
    assert!(fwd.gamma.abs() < 1e-15 && fwd.vega.abs() < 1e-12);
    assert!((fwd.rho - 3.0 * k * t * m.discount()).abs() < 1e-11);
    assert!((fwd.dividend_rho + 3.0 * s * t * qd).abs() < 1e-11);
    assert!((fwd.price - 3.0 * (s * qd - k * m.discount())).abs() < 1e-11);
    assert_eq!(fwd.theta_per_day, fwd.theta / 365.0);
}
