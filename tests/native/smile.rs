//! `domain::pricing::smile` against `tests/data/smile_reference.csv`, made by
//! `tests/data/smile_reference.py` (scipy: the fixed point by iteration, Black-76 with
//! `scipy.stats.norm`, the zero-cost call by `brentq`), and the flat-smile identity.

use minerhedge::domain::collar::{ZeroCostParams, zero_cost_collar};
use minerhedge::domain::pricing::smile::{Smile, SmileModel};
use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind};

const REFERENCE: &str = include_str!("../data/smile_reference.csv");

struct Row {
    case: usize,
    params: ForwardParams,
    smile: Smile,
    strike: f64,
    vol: f64,
    put: f64,
    call: f64,
    zero_cost: Option<(f64, f64)>,
}

fn rows() -> Vec<Row> {
    REFERENCE
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            let n =
                |i: usize| -> f64 { c[i].parse().unwrap_or_else(|_| panic!("column {i}: {l}")) };
            Row {
                case: c[0].parse().expect("case"),
                params: ForwardParams {
                    forward: n(1),
                    rate: n(2),
                    vol: n(4),
                    expiry_years: n(3),
                },
                smile: Smile::new(n(4), n(5), n(6)).expect("valid smile"),
                strike: n(7),
                vol: n(8),
                put: n(9),
                call: n(10),
                zero_cost: (!c[11].is_empty()).then(|| (n(11), n(12))),
            }
        })
        .collect()
}

#[test]
fn smile_vols_and_premiums_match_a_second_implementation() {
    let rows = rows();
    assert_eq!(rows.len(), 25);
    for r in &rows {
        let m = SmileModel::new(r.params, r.smile).expect("model");
        let v = m.vol(r.strike).expect("vol");
        assert!(
            (v - r.vol).abs() < 1e-10,
            "case {} K {}: vol {v} vs {}",
            r.case,
            r.strike,
            r.vol
        );
        let scale = r.params.forward;
        let put = m.price(OptionKind::Put, r.strike).expect("put");
        let call = m.price(OptionKind::Call, r.strike).expect("call");
        assert!(
            (put - r.put).abs() < 1e-9 * scale,
            "case {} K {}: put {put} vs {}",
            r.case,
            r.strike,
            r.put
        );
        assert!(
            (call - r.call).abs() < 1e-9 * scale,
            "case {} K {}: call {call} vs {}",
            r.case,
            r.strike,
            r.call
        );
    }
}

#[test]
fn the_zero_cost_call_on_the_smile_matches_a_second_implementation() {
    let rows = rows();
    let cases: Vec<&Row> = rows.iter().filter(|r| r.zero_cost.is_some()).collect();
    assert_eq!(cases.len(), 5);
    for r in cases {
        let (kp, kc) = r.zero_cost.expect("zero-cost row");
        let m = SmileModel::new(r.params, r.smile).expect("model");
        let z = zero_cost_collar(
            &m,
            ZeroCostParams {
                put_strike: kp,
                min_call_strike: kp,
            },
        )
        .expect("zero cost");
        assert!(
            (z.call_strike - kc).abs() < 1e-6 * kc,
            "case {}: {} vs {kc}",
            r.case,
            z.call_strike
        );
    }
}

#[test]
fn a_flat_smile_prices_exactly_as_the_flat_vol_model() {
    for r in rows() {
        let flat =
            SmileModel::new(r.params, Smile::flat(r.params.vol).expect("flat")).expect("model");
        let plain = ForwardModel::new(r.params).expect("model");
        for kind in [OptionKind::Put, OptionKind::Call] {
            assert_eq!(
                flat.price(kind, r.strike).expect("smile"),
                plain.price(kind, r.strike).expect("flat")
            );
        }
        let kp = r.strike;
        let a = zero_cost_collar(
            &flat,
            ZeroCostParams {
                put_strike: kp,
                min_call_strike: kp,
            },
        );
        let b = zero_cost_collar(
            &plain,
            ZeroCostParams {
                put_strike: kp,
                min_call_strike: kp,
            },
        );
        assert_eq!(a.map(|z| z.call_strike).ok(), b.map(|z| z.call_strike).ok());
    }
}

#[test]
fn the_25_delta_options_have_the_quoted_vols() {
    // The strike whose call delta (at its own vol) is 0.25 has atm + rr/2 + bf; the one at
    // 0.75 has atm − rr/2 + bf.
    let smile = Smile::new(0.6, -0.06, 0.015).expect("smile");
    let (f, t) = (100_000.0, 0.5);
    let strike_at = |delta: f64| {
        // Solve N(d1(K, σ(K))) = delta on K by bisection (delta falls with K).
        let (mut lo, mut hi) = (1_000.0f64, 1_000_000.0f64);
        for _ in 0..200 {
            let mid = (lo * hi).sqrt();
            let v = smile.vol(f, mid, t).expect("vol");
            let s = v * t.sqrt();
            let d = minerhedge::domain::pricing::normal::cdf((f / mid).ln() / s + 0.5 * s);
            if d > delta { lo = mid } else { hi = mid }
        }
        smile.vol(f, (lo * hi).sqrt(), t).expect("vol")
    };
    assert!((strike_at(0.25) - (0.6 - 0.03 + 0.015)).abs() < 1e-9);
    assert!((strike_at(0.75) - (0.6 + 0.03 + 0.015)).abs() < 1e-9);
}

/// The fixed point `σ = σ(N(d1(σ)))` against bisection of `g(σ) = σ − σ(N(d1(σ)))` (with
/// `libm`'s `erfc` for `N`), over steep and flat smiles, expiries of 2 days to 5 years and
/// strikes ×0.2…×4.5 the forward: Halley's early stop leaves no error above `1e−14·σ`.
#[test]
fn the_fixed_point_matches_bisection_to_the_last_digits() {
    use minerhedge::domain::pricing::normal::cdf;
    let f: f64 = 100_000.0;
    let mut cases = 0;
    for atm in [0.3, 0.8, 1.4] {
        for rr in [-0.3, -0.1, 0.05, 0.3] {
            for bf in [0.0, 0.02, 0.08] {
                let Ok(smile) = Smile::new(atm, rr, bf) else {
                    continue;
                };
                for t in [0.005_f64, 0.1, 1.0, 5.0] {
                    for m in [0.2, 0.5, 0.9, 1.0, 1.1, 2.0, 4.5] {
                        let k = f * m;
                        let (ln_fk, sqrt_t) = ((f / k).ln(), t.sqrt());
                        let g = |sigma: f64| {
                            let s = sigma * sqrt_t;
                            let x = cdf(ln_fk / s + 0.5 * s).clamp(0.05, 0.95) - 0.5;
                            sigma - (atm - 2.0 * rr * x + 16.0 * bf * x * x)
                        };
                        let (mut lo, mut hi) = (0.01, 5.0);
                        assert!(g(lo) < 0.0 && g(hi) > 0.0);
                        for _ in 0..200 {
                            let mid = 0.5 * (lo + hi);
                            if g(mid) < 0.0 { lo = mid } else { hi = mid }
                        }
                        let v = smile.vol(f, k, t).expect("vol");
                        assert!(
                            (v - lo).abs() <= 1e-14 * lo,
                            "atm {atm} rr {rr} bf {bf} T {t} K {k}: {v} vs {lo}"
                        );
                        cases += 1;
                    }
                }
            }
        }
    }
    assert!(cases > 900, "{cases} cases");
}

/// The premium from the fixed point's last evaluation (Black there plus two Taylor terms)
/// equals Black-76 at the strike's own vol, computed afresh, to the last digits.
#[test]
fn the_premium_is_black_76_at_the_strikes_vol() {
    let mut cases = 0;
    for atm in [0.3, 0.8, 1.4] {
        for (rr, bf) in [(-0.3, 0.0), (-0.1, 0.02), (0.05, 0.08), (0.3, 0.02)] {
            let Ok(smile) = Smile::new(atm, rr, bf) else {
                continue;
            };
            for t in [0.005, 0.1, 1.0, 5.0] {
                let p = ForwardParams {
                    forward: 100_000.0,
                    rate: 0.04,
                    vol: atm,
                    expiry_years: t,
                };
                let m = SmileModel::new(p, smile).expect("model");
                for k in [
                    20_000.0, 50_000.0, 90_000.0, 100_000.0, 110_000.0, 200_000.0, 450_000.0,
                ] {
                    let fresh = m.at_strike(k).expect("vol");
                    for kind in [OptionKind::Put, OptionKind::Call] {
                        let want = fresh.price(kind, k).expect("premium");
                        let got = m.price(kind, k).expect("premium");
                        // The vol's last bit moves a short option's premium by about 2e−14 of
                        // it (vega · ulp(σ)): the two agree to that.
                        assert!(
                            (got - want).abs() <= 1e-13 * want.max(1.0),
                            "atm {atm} rr {rr} bf {bf} T {t} K {k} {kind:?}: {got} vs {want}"
                        );
                        cases += 1;
                    }
                }
            }
        }
    }
    assert!(cases > 300, "{cases} cases");
}

/// Far from the money, where a premium is a tiny share of the forward, it keeps its relative
/// digits: `N(ω·d1)` comes from the fixed point's smaller tail, never as `1 − N` of the
/// other (which would leave an absolute error of about 1e−16 in a premium of 1e−10 or less).
#[test]
fn a_far_premium_keeps_its_relative_digits() {
    let mut cases = 0;
    let smile = Smile::new(0.6, -0.1, 0.02).expect("smile");
    for t in [0.02, 0.25, 1.0] {
        let p = ForwardParams {
            forward: 100_000.0,
            rate: 0.04,
            vol: 0.6,
            expiry_years: t,
        };
        let m = SmileModel::new(p, smile).expect("model");
        for (kind, k) in [
            (OptionKind::Put, 20_000.0),
            (OptionKind::Put, 40_000.0),
            (OptionKind::Call, 300_000.0),
            (OptionKind::Call, 600_000.0),
        ] {
            let want = m
                .at_strike(k)
                .expect("vol")
                .price(kind, k)
                .expect("premium");
            let got = m.price(kind, k).expect("premium");
            if want < 1e-250 {
                continue;
            }
            assert!(
                (got / want - 1.0).abs() < 1e-11,
                "T {t} K {k} {kind:?}: {got:e} vs {want:e}"
            );
            cases += 1;
        }
    }
    assert!(cases >= 8, "{cases} cases");
}
