//! Properties of the risk and Monte Carlo modules over arbitrary inputs.

use minerhedge::domain::DomainError;
use minerhedge::domain::montecarlo::{McParams, McRun};
use minerhedge::domain::risk::{
    Lognormal, LognormalParams, OptionHolding, PayoffProfile, PriceGrid, ProfileParams,
};
use proptest::prelude::*;

use crate::common::any_f64;

fn valid_profile() -> impl Strategy<Value = PayoffProfile> {
    (
        0.0..1e3f64,
        1.0..1e6f64,
        0.0..1.0f64,
        0.0..1.5f64,
        0.0..1e4f64,
        0.0..1.5f64,
        0.0..1e4f64,
        0.0..1.5f64,
        0.0..1e4f64,
        -1e4..1e4f64,
    )
        .prop_map(|(q, cost, cash, l, f, p, kp, c, kc, prem)| {
            PayoffProfile::new(ProfileParams {
                options: vec![
                    OptionHolding::put(p * q, kp),
                    OptionHolding::call(-(c * q), kc),
                ],
                output: q,
                all_in_cost: cost,
                cash_cost: cash * cost,
                sold_coins: l * q,
                hash_coins: 0.0,
                premium_coins: 0.0,
                locked_usd: l * q * f,
                premium: prem,
                power: None,
            })
            .expect("generated inside the valid ranges")
        })
}

proptest! {
    #[test]
    fn profile_constructor_never_panics(
        a in any_f64(), b in any_f64(), c in any_f64(), d in any_f64(), e in any_f64(),
        f in any_f64(), g in any_f64(), h in any_f64(), i in any_f64(), j in any_f64(),
    ) {
        let r = PayoffProfile::new(ProfileParams {
            options: vec![OptionHolding::put(f, g), OptionHolding::call(-h, i)], output: a, all_in_cost: b, cash_cost: c, sold_coins: d, hash_coins: e.min(d), premium_coins: 0.0,
            locked_usd: e, premium: j, power: None,
        });
        match r {
            Ok(p) => {
                let b = p.bounds();
                prop_assert!(b.floor.is_none_or(|x| !x.is_nan()));
                prop_assert!(b.breakevens.iter().all(|x| !x.is_nan() && *x >= 0.0));
            }
            Err(e) => prop_assert!(matches!(e, DomainError::OutOfRange { .. }), "{:?}", e),
        }
    }

    #[test]
    fn floor_and_cap_bound_the_value(p in valid_profile(), s in 0.0..1e5f64) {
        let b = p.bounds();
        let v = p.value_at(s);
        let tol = 1e-9 * (1.0 + v.abs());
        if let Some(floor) = b.floor { prop_assert!(v >= floor - tol, "{v} < floor {floor}"); }
        if let Some(cap) = b.cap { prop_assert!(v <= cap + tol, "{v} > cap {cap}"); }
    }

    #[test]
    fn breakevens_are_where_value_meets_cost(p in valid_profile()) {
        for x in p.bounds().breakevens {
            let v = p.value_at(x);
            prop_assert!((v - p.all_in_cost()).abs() <= 1e-7 * (1.0 + v.abs() + p.all_in_cost()),
                "V({x}) = {v}, cost {}", p.all_in_cost());
        }
    }

    #[test]
    fn outlook_is_a_probability(
        p in valid_profile(),
        spot in any_f64(), drift in any_f64(), vol in any_f64(), years in any_f64(),
    ) {
        match Lognormal::new(LognormalParams { spot, drift, vol, years }) {
            Ok(d) => {
                let o = p.outlook(&d);
                prop_assert!((0.0..=1.0).contains(&o.prob_loss));
                prop_assert!((0.0..=1.0).contains(&o.prob_cover_cash));
                prop_assert!(o.expected_return.is_finite());
            }
            Err(e) => prop_assert!(matches!(e, DomainError::OutOfRange { .. }), "{:?}", e),
        }
    }

    #[test]
    fn return_range_brackets_the_grid(p in valid_profile(), lo in 0.0..1e4f64, w in 1e-3..1e4f64) {
        let g = PriceGrid::new(lo, lo + w, 101).expect("valid grid");
        let (worst, best) = p.return_range(&g);
        let mut out = Vec::new();
        p.fill_returns(&g, &mut out);
        for (_, r) in out {
            prop_assert!(r >= worst - 1e-9 * (1.0 + r.abs()) && r <= best + 1e-9 * (1.0 + r.abs()));
        }
    }

    #[test]
    fn grid_constructor_never_panics(lo in any_f64(), hi in any_f64(), n in any::<usize>()) {
        if let Ok(g) = PriceGrid::new(lo, hi, n) {
            prop_assert!(g.prices().all(f64::is_finite));
            prop_assert_eq!(g.prices().count(), g.len());
        }
    }

    #[test]
    fn monte_carlo_never_panics_and_stays_finite(
        p in valid_profile(),
        spot in any_f64(), drift in any_f64(), vol in any_f64(), years in any_f64(),
        dd in any_f64(), dv in any_f64(), rho in any_f64(), paths in 0usize..300, bins in 0usize..60,
        seed in any::<u64>(), pv in any_f64(), prho in any_f64(),
    ) {
        let params = McParams {
            spot, drift, vol, years, difficulty_drift: dd, difficulty_vol: dv,
            correlation: rho, power_vol: pv, power_correlation: prho, paths, bins, seed,
        };
        match McRun::new(params, vec![p]) {
            Ok(mut run) => {
                while !run.step(64).finished() {}
                for s in run.stats() {
                    for x in [s.mean, s.std_dev, s.prob_loss, s.var95, s.cvar95, s.min, s.max] {
                        prop_assert!(x.is_finite(), "{:?}", s);
                    }
                    prop_assert!(s.cvar95 >= s.var95 - 1e-12);
                    prop_assert_eq!(s.histogram.counts.iter().sum::<u64>(), paths as u64);
                    prop_assert!(s.histogram.edges.iter().all(|e| e.is_finite()));
                }
            }
            Err(e) => prop_assert!(matches!(e, DomainError::OutOfRange { .. }), "{:?}", e),
        }
    }
}

#[test]
fn monte_carlo_agrees_with_the_closed_form() {
    // Unhedged seed economics: the sample mean and loss probability converge to the lognormal
    // closed form (standard error of the mean ≈ 0.23 / √200,000 ≈ 5e-4).
    let p = PayoffProfile::new(ProfileParams {
        output: 5.0,
        all_in_cost: 1100.0,
        cash_cost: 1100.0,
        ..Default::default()
    })
    .expect("valid");
    let years = 30.0 / 365.0;
    let d = Lognormal::new(LognormalParams {
        spot: 250.0,
        drift: 0.05,
        vol: 0.8,
        years,
    })
    .expect("valid");
    let o = p.outlook(&d);
    let mut run = McRun::new(
        McParams {
            spot: 250.0,
            drift: 0.05,
            vol: 0.8,
            years,
            paths: 200_000,
            seed: 7,
            ..Default::default()
        },
        vec![p],
    )
    .expect("valid");
    run.step(200_000);
    let s = &run.stats()[0];
    assert!(
        (s.mean - o.expected_return).abs() < 3e-3,
        "{} vs {}",
        s.mean,
        o.expected_return
    );
    assert!(
        (s.prob_loss - o.prob_loss).abs() < 5e-3,
        "{} vs {}",
        s.prob_loss,
        o.prob_loss
    );
}

#[test]
fn difficulty_runaway_over_hedges_a_forward() {
    // Fully forward-sold: with +20 % difficulty the output is 1/1.2 of the expected one but
    // the forward still delivers 5 coins' worth, so the position is short the missing coins.
    let fwd = PayoffProfile::new(ProfileParams {
        output: 5.0,
        all_in_cost: 1100.0,
        cash_cost: 1100.0,
        sold_coins: 5.0,
        locked_usd: 1300.0,
        ..Default::default()
    })
    .expect("valid");
    let mut run = McRun::new(
        McParams {
            spot: 250.0,
            vol: 0.0,
            difficulty_drift: 0.2,
            paths: 10,
            ..Default::default()
        },
        vec![fwd],
    )
    .expect("valid");
    run.step(10);
    let s = &run.stats()[0];
    // S_T = 250 exactly (σ = 0, μ = 0); V = 5/1.2·250 + 1300 − 5·250.
    let expected = (5.0 / 1.2 * 250.0 + 1300.0 - 1250.0) / 1100.0 - 1.0;
    assert!(
        (s.mean - expected).abs() < 1e-12,
        "{} vs {expected}",
        s.mean
    );
}

mod position_greeks {
    use minerhedge::domain::pricing::{SpotModel, SpotParams};
    use minerhedge::domain::risk::{OptionHolding, PayoffProfile, ProfileParams};

    fn model(spot: f64, rate: f64, vol: f64, years: f64) -> SpotModel {
        SpotModel::new(SpotParams {
            spot,
            rate,
            dividend_yield: 0.01,
            vol,
            expiry_years: years,
        })
        .expect("valid model")
    }

    /// A collar over 80 % of 5 coins plus a partial forward: every leg contributes.
    fn book() -> PayoffProfile {
        PayoffProfile::new(ProfileParams {
            options: vec![
                OptionHolding::put(4.0, 230.0),
                OptionHolding::call(-4.0, 290.0),
            ],
            output: 5.0,
            all_in_cost: 1100.0,
            cash_cost: 1000.0,
            sold_coins: 1.0,
            hash_coins: 0.0,
            premium_coins: 0.0,
            locked_usd: 260.0,
            premium: 12.0,
            power: None,
        })
        .expect("valid profile")
    }

    #[test]
    fn greeks_agree_with_central_differences() {
        let (s, r, v, t) = (250.0, 0.05, 0.8, 45.0 / 365.0);
        let g = book().greeks(&model(s, r, v, t)).expect("greeks");
        let val = |s: f64, r: f64, v: f64, t: f64| {
            book().greeks(&model(s, r, v, t)).expect("greeks").value
        };
        let h = 1e-3;
        let delta = (val(s + h, r, v, t) - val(s - h, r, v, t)) / (2.0 * h);
        let gamma = (val(s + h, r, v, t) - 2.0 * val(s, r, v, t) + val(s - h, r, v, t)) / (h * h);
        let vega = (val(s, r, v + 1e-6, t) - val(s, r, v - 1e-6, t)) / 2e-6;
        let rho = (val(s, r + 1e-6, v, t) - val(s, r - 1e-6, v, t)) / 2e-6;
        let theta = -(val(s, r, v, t + 1e-7) - val(s, r, v, t - 1e-7)) / 2e-7;
        assert!(
            (g.delta - delta).abs() < 1e-6,
            "delta {} vs {delta}",
            g.delta
        );
        assert!(
            (g.gamma - gamma).abs() < 1e-4,
            "gamma {} vs {gamma}",
            g.gamma
        );
        assert!(
            (g.vega - vega).abs() < 1e-5 * (1.0 + vega.abs()),
            "vega {} vs {vega}",
            g.vega
        );
        assert!(
            (g.rho - rho).abs() < 1e-5 * (1.0 + rho.abs()),
            "rho {} vs {rho}",
            g.rho
        );
        assert!(
            (g.theta - theta).abs() < 1e-4 * (1.0 + theta.abs()),
            "theta {} vs {theta}",
            g.theta
        );
        assert_eq!(g.theta_per_day, g.theta / 365.0);
        // Selling the delta-neutral quantity forward leaves no delta.
        let hedged = PayoffProfile::new(ProfileParams {
            sold_coins: 1.0 + g.delta_neutral_sale,
            locked_usd: 260.0 + g.delta_neutral_sale * 255.0,
            ..book().params()
        })
        .expect("valid profile");
        assert!(
            hedged
                .greeks(&model(s, r, v, t))
                .expect("greeks")
                .delta
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn mark_to_market_converges_to_the_expiry_value() {
        let b = book();
        for s in [150.0, 229.0, 231.0, 260.0, 289.0, 291.0, 400.0] {
            let at_end = b
                .value_before_expiry(s, &model(1.0, 0.05, 0.8, 0.0))
                .expect("value");
            let nearly = b
                .value_before_expiry(s, &model(1.0, 0.05, 0.8, 1e-9))
                .expect("value");
            assert!(
                (at_end - b.value_at(s)).abs() < 1e-9,
                "{s}: {at_end} vs {}",
                b.value_at(s)
            );
            assert!(
                (nearly - b.value_at(s)).abs() < 1e-3,
                "{s}: {nearly} vs {}",
                b.value_at(s)
            );
        }
    }
}
