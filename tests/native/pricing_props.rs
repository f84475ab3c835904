//! Property tests over every public function of `domain::pricing` with arbitrary `f64`
//! inputs (NaN, ±∞, ±0, negatives, subnormals, 1e308 and ordinary values): nothing panics,
//! every `Ok` value is finite, and invalid input gives the typed error naming the field.

use minerhedge::domain::DomainError;
use minerhedge::domain::pricing::implied::{Market, implied_vol};
use minerhedge::domain::pricing::normal::{cdf, pdf};
use minerhedge::domain::pricing::root::{Bracket, brent};
use minerhedge::domain::pricing::{
    ForwardModel, ForwardParams, Greeks, MAX_ABS_RATE, MAX_EXPIRY_YEARS, MAX_LEVEL, MAX_VOL,
    MIN_LEVEL, OptionKind, SpotModel, SpotParams,
};
use proptest::prelude::*;

/// Any `f64`, weighted towards the values that break naive code.
fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => any::<f64>(),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(0.0),
        1 => Just(-0.0),
        1 => Just(1e308),
        1 => Just(-1e308),
        1 => Just(f64::MIN_POSITIVE),
        1 => Just(5e-324),
        1 => Just(MIN_LEVEL),
        1 => Just(MAX_LEVEL),
        2 => -2.0_f64..2.0,
        2 => 0.0_f64..1e4,
    ]
}

fn kind() -> impl Strategy<Value = OptionKind> {
    prop_oneof![Just(OptionKind::Call), Just(OptionKind::Put)]
}

fn level_ok(v: f64) -> bool {
    v.is_finite() && (MIN_LEVEL..=MAX_LEVEL).contains(&v)
}
fn rate_ok(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_ABS_RATE
}
fn vol_ok(v: f64) -> bool {
    v.is_finite() && (0.0..=MAX_VOL).contains(&v)
}
fn expiry_ok(v: f64) -> bool {
    v.is_finite() && (0.0..=MAX_EXPIRY_YEARS).contains(&v)
}

fn all_finite(g: &Greeks) -> bool {
    [
        g.price,
        g.delta,
        g.gamma,
        g.vega,
        g.theta,
        g.theta_per_day,
        g.rho,
        g.dividend_rho,
    ]
    .iter()
    .all(|x| x.is_finite())
}

/// The error names one of `fields` (an input that is actually invalid).
fn names_one_of(e: &DomainError, fields: &[&str]) -> bool {
    matches!(e, DomainError::OutOfRange { field, .. } if fields.contains(&field.name()))
}

/// Checks price, greeks and implied vol of a model for one strike/premium.
fn check_strike_fns(
    price: Result<f64, DomainError>,
    greeks: Result<Greeks, DomainError>,
    iv: Result<f64, DomainError>,
    strike: f64,
) -> Result<(), TestCaseError> {
    if level_ok(strike) {
        let p = price.map_err(|e| TestCaseError::fail(format!("price: {e}")))?;
        let g = greeks.map_err(|e| TestCaseError::fail(format!("greeks: {e}")))?;
        prop_assert!(p.is_finite() && p >= 0.0);
        prop_assert!(all_finite(&g), "{:?}", g);
        prop_assert_eq!(g.price, p);
        match iv {
            Ok(v) => prop_assert!(v.is_finite() && v >= 0.0),
            Err(e) => prop_assert!(
                matches!(
                    e,
                    DomainError::PremiumOutOfBounds { .. } | DomainError::NoConvergence { .. }
                ) || names_one_of(&e, &["premium", "expiry (years)"]),
                "{e}"
            ),
        }
    } else {
        for e in [price.unwrap_err(), greeks.unwrap_err(), iv.unwrap_err()] {
            prop_assert!(names_one_of(&e, &["strike"]), "{e}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn normal_functions_are_total(x in wild()) {
        let (c, p) = (cdf(x), pdf(x));
        if x.is_nan() {
            prop_assert!(c.is_nan() && p.is_nan());
        } else {
            prop_assert!((0.0..=1.0).contains(&c));
            prop_assert!(p.is_finite() && p >= 0.0);
        }
    }

    #[test]
    fn spot_model_never_panics(
        spot in wild(), rate in wild(), q in wild(), vol in wild(), t in wild(),
        k in wild(), premium in wild(), kd in kind(),
    ) {
        let params = SpotParams { spot, rate, dividend_yield: q, vol, expiry_years: t };
        let valid = level_ok(spot) && rate_ok(rate) && rate_ok(q) && vol_ok(vol) && expiry_ok(t);
        match SpotModel::new(params) {
            Ok(m) => {
                prop_assert!(valid);
                prop_assert!(m.forward().is_finite() && m.discount().is_finite());
                match m.with_vol(premium) {
                    Ok(m2) => prop_assert!(vol_ok(premium) && m2.params().vol == premium),
                    Err(e) => prop_assert!(!vol_ok(premium) && names_one_of(&e, &["volatility"])),
                }
                check_strike_fns(m.price(kd, k), m.greeks(kd, k), m.implied_vol(kd, k, premium), k)?;
                // Ordinary strikes around the money, whatever the market.
                let near = spot * 1.1;
                check_strike_fns(
                    m.price(kd, near), m.greeks(kd, near), m.implied_vol(kd, near, premium), near,
                )?;
            }
            Err(e) => {
                prop_assert!(!valid);
                prop_assert!(names_one_of(&e, &[
                    "spot", "risk-free rate", "dividend yield", "volatility", "expiry (years)",
                ]), "{e}");
            }
        }
    }

    #[test]
    fn forward_model_never_panics(
        forward in wild(), rate in wild(), vol in wild(), t in wild(),
        k in wild(), premium in wild(), kd in kind(),
    ) {
        let params = ForwardParams { forward, rate, vol, expiry_years: t };
        let valid = level_ok(forward) && rate_ok(rate) && vol_ok(vol) && expiry_ok(t);
        match ForwardModel::new(params) {
            Ok(m) => {
                prop_assert!(valid);
                match m.with_vol(premium) {
                    Ok(m2) => prop_assert!(vol_ok(premium) && m2.params().vol == premium),
                    Err(e) => prop_assert!(!vol_ok(premium) && names_one_of(&e, &["volatility"])),
                }
                check_strike_fns(m.price(kd, k), m.greeks(kd, k), m.implied_vol(kd, k, premium), k)?;
                let near = forward * 0.9;
                check_strike_fns(
                    m.price(kd, near), m.greeks(kd, near), m.implied_vol(kd, near, premium), near,
                )?;
            }
            Err(e) => {
                prop_assert!(!valid);
                prop_assert!(names_one_of(&e, &[
                    "forward", "risk-free rate", "volatility", "expiry (years)",
                ]), "{e}");
            }
        }
    }

    /// Extreme but valid markets (corners of every range): all Greeks finite.
    #[test]
    fn extreme_valid_markets_have_finite_greeks(
        spot in prop_oneof![Just(MIN_LEVEL), Just(MAX_LEVEL), Just(1.0)],
        k in prop_oneof![Just(MIN_LEVEL), Just(MAX_LEVEL), Just(1.0)],
        rate in prop_oneof![Just(-MAX_ABS_RATE), Just(MAX_ABS_RATE), Just(0.0)],
        q in prop_oneof![Just(-MAX_ABS_RATE), Just(MAX_ABS_RATE), Just(0.0)],
        vol in prop_oneof![Just(0.0), Just(1e-300), Just(f64::EPSILON), Just(MAX_VOL)],
        t in prop_oneof![Just(0.0), Just(1e-300), Just(1.0 / 365.0), Just(MAX_EXPIRY_YEARS)],
        kd in kind(),
    ) {
        let m = SpotModel::new(SpotParams { spot, rate, dividend_yield: q, vol, expiry_years: t })
            .unwrap();
        let g = m.greeks(kd, k).unwrap();
        prop_assert!(all_finite(&g), "{:?}", g);
        let f = ForwardModel::new(ForwardParams { forward: spot, rate, vol, expiry_years: t })
            .unwrap();
        let g = f.greeks(kd, k).unwrap();
        prop_assert!(all_finite(&g), "{:?}", g);
        // Any error is about the premium (e.g. worth exactly its bound), never the market.
        match m.implied_vol(kd, k, m.price(kd, k).unwrap()) {
            Ok(v) => prop_assert!(v.is_finite()),
            Err(e) => prop_assert!(
                matches!(e, DomainError::PremiumOutOfBounds { .. })
                    || (t == 0.0 && names_one_of(&e, &["expiry (years)"])),
                "{e}"
            ),
        }
    }

    #[test]
    fn implied_vol_free_fn_never_panics(
        forward in wild(), discount in wild(), t in wild(), k in wild(), premium in wild(),
        kd in kind(),
    ) {
        let market = Market { forward, discount, expiry_years: t };
        match implied_vol(market, kd, k, premium) {
            Ok(v) => prop_assert!(v.is_finite() && v >= 0.0),
            Err(e) => prop_assert!(
                matches!(e, DomainError::PremiumOutOfBounds { .. })
                    || names_one_of(&e, &[
                        "forward", "strike", "discount factor", "expiry (years)", "premium",
                    ]),
                "{e}"
            ),
        }
    }

    /// Any premium strictly inside the bounds of a sane market has an implied volatility.
    #[test]
    fn every_arbitrage_free_premium_has_a_vol(
        f in 1.0_f64..1e5,
        moneyness in prop_oneof![-3.0_f64..3.0, -25.0_f64..25.0],
        r in -0.1_f64..0.2,
        t in prop_oneof![0.01_f64..10.0, 1e-6_f64..100.0],
        u in prop_oneof![0.0_f64..1.0, Just(1e-9), Just(1.0 - 1e-9), 0.0_f64..1e-6],
        kd in kind(),
    ) {
        let k = (f * moneyness.exp()).clamp(MIN_LEVEL, MAX_LEVEL);
        let d = (-r * t).exp();
        let w = kd.sign();
        let lower = d * (w * (f - k)).max(0.0);
        let upper = d * if w > 0.0 { f } else { k };
        let premium = lower + u * (upper - lower);
        let m = Market { forward: f, discount: d, expiry_years: t };
        match implied_vol(m, kd, k, premium) {
            Ok(v) => {
                prop_assert!(v.is_finite() && v > 0.0);
                // Reprices to the premium within the rounding of the premium's scale.
                let model = ForwardModel::new(ForwardParams { forward: f, rate: r, vol: v.min(MAX_VOL), expiry_years: t });
                if let (Ok(model), true) = (model, v <= MAX_VOL) {
                    let back = model.price(kd, k).unwrap();
                    prop_assert!((back - premium).abs() <= 1e-12 * d * f.max(k), "{back} vs {premium}");
                }
            }
            Err(DomainError::PremiumOutOfBounds { .. }) => {
                // Only when the premium is within rounding of a bound.
                let eps = 8.0 * f64::EPSILON * d * f.max(k);
                prop_assert!(premium - lower <= eps || upper - premium <= eps);
            }
            Err(e) => prop_assert!(false, "{e}"),
        }
    }

    #[test]
    fn brent_never_panics(lo in wild(), hi in wild(), tol in wild(), c in wild(), iters in 0u32..200) {
        match brent(|x| x - c, Bracket { lo, hi }, tol, iters) {
            Ok(x) => {
                prop_assert!(x.is_finite());
                prop_assert!(x >= lo && x <= hi);
            }
            Err(e) => prop_assert!(
                matches!(e, DomainError::NoConvergence { .. })
                    || names_one_of(&e, &["root bracket", "root tolerance", "f(x)"]),
                "{e}"
            ),
        }
        // A function that returns NaN/∞ somewhere inside must give a typed error, not a panic.
        let r = brent(|x| if x > c { f64::NAN } else { x - c }, Bracket { lo, hi }, tol, iters);
        if let Ok(x) = r {
            prop_assert!(x.is_finite());
        }
    }

    #[test]
    fn brent_finds_bracketed_roots(
        lo in -1e6_f64..0.0, hi in 0.0_f64..1e6, c in 0.0_f64..1.0, p in 1i32..6,
    ) {
        prop_assume!(hi > lo);
        let root = lo + c * (hi - lo);
        let x = brent(|x| (x - root) * (1.0 + (x - root).powi(2 * p)), Bracket { lo, hi }, 1e-12, 200)
            .unwrap();
        prop_assert!((x - root).abs() <= 1e-12 + 4.0 * f64::EPSILON * root.abs());
    }
}
