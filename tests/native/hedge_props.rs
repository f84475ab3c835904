//! Properties of hedges, positions, required prices and collars:
//! - the inverse settlement identity for random (Q, p, S, c);
//! - the `f64` mirror (and the risk profile built from a position) agree with the exact path
//!   to 1e-9 relative;
//! - every public constructor/function over arbitrary inputs never panics, returns finite
//!   values, and rejects invalid input with a typed error;
//! - solved zero-cost collars have equal premiums to 1e-9 and required floors guarantee the
//!   target.
//!
//! Run: `cargo test --test native hedge_props::`.

use crate::common::{any_dec, sane_dec};
use minerhedge::domain::Field;
use minerhedge::domain::collar::{
    OptionPricer, ZeroCostParams, priced_collar, priced_put, priced_sold_call, required_put_strike,
    required_zero_cost_collar, zero_cost_collar,
};
use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
use minerhedge::domain::hedge::{
    Hedge, InverseQuote, Position, PositionParams, Target, TargetParams, required_forward_price,
    required_inverse_quote,
};
use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind, SpotModel, SpotParams};
use minerhedge::domain::tolerance::ZERO_COST;
use minerhedge::domain::validate::dec_f64;
use minerhedge::domain::{DomainError, Result};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn either(s: impl Strategy<Value = Decimal>) -> impl Strategy<Value = Decimal> {
    prop_oneof![8 => s, 1 => any_dec()]
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => 1e-3..1e4f64,
        1 => any::<f64>(),
        1 => prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(0.0),
            Just(-1.0),
            Just(1e308),
        ],
    ]
}

fn economics() -> impl Strategy<Value = PeriodEconomics> {
    (
        sane_dec(1, 100_000_000_000, 2),
        sane_dec(1, 1_000_000_000_000, 6),
    )
        .prop_map(|(cost, q)| {
            PeriodEconomics::direct(DirectParams {
                period_cost: cost,
                expected_output: q,
            })
            .unwrap()
        })
}

/// Valid hedges with prices and premiums in realistic ranges.
fn hedge() -> impl Strategy<Value = Hedge> {
    let price = || sane_dec(1, 1_000_000_000, 2);
    prop_oneof![
        Just(Hedge::Unhedged),
        price().prop_map(|price| Hedge::Forward { price }),
        sane_dec(1, 1_000_000_000, 9).prop_map(|quote| Hedge::InverseForward { quote }),
        (price(), sane_dec(0, 10_000_000, 2))
            .prop_map(|(strike, premium)| Hedge::bought_put(strike, premium)),
        (price(), sane_dec(0, 10_000_000, 2))
            .prop_map(|(strike, premium)| Hedge::sold_call(strike, premium)),
        (
            price(),
            price(),
            sane_dec(0, 10_000_000, 2),
            sane_dec(0, 10_000_000, 2)
        )
            .prop_map(|(a, b, pp, cp)| Hedge::Collar {
                put_strike: a.min(b),
                put_premium: pp,
                call_strike: a.max(b),
                call_premium: cp,
            }),
    ]
}

/// Any hedge, including invalid terms.
fn any_hedge() -> impl Strategy<Value = Hedge> {
    prop_oneof![
        3 => hedge(),
        1 => any_dec().prop_map(|price| Hedge::Forward { price }),
        1 => any_dec().prop_map(|quote| Hedge::InverseForward { quote }),
        1 => (any_dec(), any_dec()).prop_map(|(strike, premium)| Hedge::bought_put(strike, premium)),
        1 => (any_dec(), any_dec())
            .prop_map(|(strike, premium)| Hedge::sold_call(strike, premium)),
        1 => (any_dec(), any_dec(), any_dec(), any_dec()).prop_map(|(a, b, c, d)| Hedge::Collar {
            put_strike: a,
            put_premium: b,
            call_strike: c,
            call_premium: d
        }),
    ]
}

fn is_typed(e: &DomainError) -> bool {
    match e {
        DomainError::OutOfRange { field, range, .. } => {
            !field.name().is_empty() && !range.is_empty()
        }
        DomainError::NoZeroCostStrike { put_premium, .. } => put_premium.is_finite(),
        DomainError::NoConvergence { .. } => true,
        DomainError::PremiumOutOfBounds { .. } => true,
    }
}

fn bsm(spot: f64, rate: f64, vol: f64, years: f64) -> Result<SpotModel> {
    SpotModel::new(SpotParams {
        spot,
        rate,
        dividend_yield: 0.0,
        vol,
        expiry_years: years,
    })
}

proptest! {
    /// N = c·Q/p; mined coins + settlement sold at S = Q·S + N − c·Q·S exactly, = N at c = 1,
    /// and the coin settlement N·(1/S − p) is worth the USD payoff to 1e-20 relative.
    #[test]
    fn inverse_settlement_identity(q in sane_dec(1, 1_000_000_000, 4),
                                   p in sane_dec(1, 1_000_000, 7),
                                   s in sane_dec(1, 10_000_000, 2),
                                   c in sane_dec(0, 100, 2)) {
        let econ = PeriodEconomics::direct(DirectParams {
            period_cost: Decimal::from(1000),
            expected_output: q,
        }).unwrap();
        let pos = Position::new(PositionParams {
            economics: econ,
            hedge: Hedge::InverseForward { quote: p },
            coverage: c,
            carry_factor: Decimal::ONE,
        }).unwrap();
        let n = pos.inverse_notional().unwrap();
        prop_assert_eq!(n, InverseQuote::new(p).unwrap().notional(c * q).unwrap());
        let total = pos.hedged_total(s).unwrap();
        prop_assert_eq!(total, (q - c * q) * s + n);
        prop_assert!((total - (q * s + n - c * q * s)).abs() <= (q * s + n) * Decimal::new(1, 24));
        if c == Decimal::ONE {
            prop_assert_eq!(total, n);
        }
        let coin = pos.settlement_coin(s).unwrap().unwrap();
        let usd = pos.hedge_payoff(s).unwrap();
        let scale = n.abs() + (c * q * s).abs() + Decimal::ONE;
        prop_assert!((coin * s - usd).abs() <= scale * Decimal::new(1, 20),
            "coin {} × S {} vs payoff {}", coin, s, usd);
    }

    /// The f64 mirror and the risk profile agree with the exact path to 1e-9 relative of
    /// the result's scale (|Q·S| + cost + |hedge payoff| + |carried premium|).
    #[test]
    fn f64_mirror_matches_exact(econ in economics(), h in hedge(), c in sane_dec(0, 100, 2),
                                k in sane_dec(90, 120, 2), s in sane_dec(1, 1_000_000_000, 2)) {
        let pos = Position::new(PositionParams {
            economics: econ, hedge: h, coverage: c, carry_factor: k,
        }).unwrap();
        let exact = pos.hedged_total(s).unwrap();
        let sf = dec_f64(s);
        let scale = dec_f64(pos.revenue(s).unwrap().abs() + econ.cost()
            + pos.hedge_payoff(s).unwrap().abs() + pos.carried_net_premium().abs());
        let prof = pos.profile().unwrap();
        let perr = (prof.value_at(sf) - dec_f64(exact)).abs();
        prop_assert!(perr <= 1e-9 * scale, "profile {} exact {} scale {}", prof.value_at(sf), exact, scale);
        let ret_err = (prof.return_at(sf) - dec_f64(pos.period_return(s).unwrap())).abs();
        prop_assert!(ret_err <= 1e-9 * scale / dec_f64(econ.cost()));
    }

    /// Position::new and every method over arbitrary terms: no panic; Ok rows are consistent;
    /// invalid input is a typed error.
    #[test]
    fn position_never_panics(econ in economics(), h in any_hedge(), c in either(sane_dec(0, 100, 2)),
                             k in either(sane_dec(1, 10_000, 2)), s in either(sane_dec(1, 1_000_000_000, 2))) {
        match Position::new(PositionParams { economics: econ, hedge: h, coverage: c, carry_factor: k }) {
            Ok(pos) => {
                match pos.row(s) {
                    Ok(row) => {
                        // Relative 1e-24, and a few units of Decimal's last place (1e-28): values
                        // near 1e-23 carry only a handful of significant digits at scale 28.
                        let sum = row.revenue + row.hedge_payoff;
                        prop_assert!((row.hedged_revenue - sum).abs()
                            <= (row.revenue.abs() + row.hedge_payoff.abs()) * Decimal::new(1, 24)
                                + Decimal::new(1, 27));
                        prop_assert_eq!(row.settlement_coin.is_some(),
                            matches!(h, Hedge::InverseForward { .. }));
                        if let Ok(p) = pos.profile() {
                            prop_assert!(p.value_at(dec_f64(s)).is_finite());
                        }
                    }
                    Err(e) => prop_assert!(is_typed(&e), "{}", e),
                }
                let _ = pos.order_ticket("BTC");
                if let Err(e) = pos.profile() {
                    prop_assert!(is_typed(&e), "{}", e);
                }
            }
            Err(e) => prop_assert!(is_typed(&e), "{}", e),
        }
    }

    /// Required forward / inverse quote: the forward at the required price guarantees the
    /// target at every price ≥ the worst price.
    #[test]
    fn required_forward_guarantees_target(econ in economics(),
                                          t in either(sane_dec(-100, 10_000, 2)),
                                          c in either(sane_dec(0, 100, 2)),
                                          w in either(sane_dec(0, 1_000_000, 2)),
                                          bump in sane_dec(0, 1000, 2)) {
        match Target::new(TargetParams { target_return: t, coverage: c, worst_price: w }) {
            Ok(target) => {
                match required_forward_price(&econ, &target) {
                    Ok(f) => {
                        prop_assert!(f >= Decimal::ZERO);
                        let p = required_inverse_quote(&econ, &target).unwrap();
                        prop_assert_eq!(p.is_none(), f.is_zero());
                        if f > Decimal::ZERO && f <= Decimal::from(1_000_000_000) {
                            let pos = Position::new(PositionParams {
                                economics: econ, hedge: Hedge::Forward { price: f },
                                coverage: c, carry_factor: Decimal::ONE }).unwrap();
                            let s = (w + bump).max(Decimal::new(1, 2));
                            let r = pos.period_return(s).unwrap();
                            prop_assert!(r >= t - Decimal::new(1, 18), "r {} < t {}", r, t);
                        }
                    }
                    Err(e) => prop_assert!(is_typed(&e)),
                }
            }
            Err(e) => prop_assert!(is_typed(&e)),
        }
    }

    /// Zero-cost collars under BSM with arbitrary f64 strikes: no panic; Ok → premiums equal
    /// to 1e-9 and a call strike ≥ the lowest allowed; otherwise a typed error.
    #[test]
    fn zero_cost_collar_never_panics(kp in any_f64(), kmin in any_f64(),
                                     vol in 0.05..3.0f64, days in 1.0..730.0f64) {
        let m = bsm(250.0, 0.03, vol, days / 365.0).unwrap();
        match zero_cost_collar(&m, ZeroCostParams { put_strike: kp, min_call_strike: kmin }) {
            Ok(z) => {
                prop_assert!(z.call_strike.is_finite() && z.call_strike >= kmin);
                prop_assert!((z.call_premium - z.put_premium).abs() <= ZERO_COST);
                let call = m.premium(OptionKind::Call, z.call_strike).unwrap();
                let put = m.premium(OptionKind::Put, kp).unwrap();
                prop_assert!((call - put).abs() <= ZERO_COST);
            }
            Err(e) => prop_assert!(is_typed(&e), "{}", e),
        }
    }

    /// Zero-cost collars for put strikes below the forward always solve under BSM.
    #[test]
    fn zero_cost_collar_solves_below_forward(pct in 0.3..0.999f64, vol in 0.1..2.0f64,
                                             days in 7.0..365.0f64) {
        let m = bsm(250.0, 0.03, vol, days / 365.0).unwrap();
        let fwd = 250.0 * (0.03 * days / 365.0f64).exp();
        let kp = pct * fwd;
        let z = zero_cost_collar(&m, ZeroCostParams { put_strike: kp, min_call_strike: kp }).unwrap();
        prop_assert!(z.call_strike > fwd);
        prop_assert!((z.call_premium - z.put_premium).abs() <= ZERO_COST);
    }

    /// The required put strike guarantees the target at the worst price; the required
    /// zero-cost collar has the required floor as its put strike.
    #[test]
    fn required_floors_guarantee_target(econ in economics(), t in sane_dec(-50, 200, 2),
                                        c in sane_dec(1, 100, 2), vol in 0.1..2.0f64,
                                        w in sane_dec(0, 300, 0)) {
        let spot = dec_f64(econ.breakeven_price()).clamp(1.0, 1e8);
        let m = bsm(spot, 0.03, vol, 30.0 / 365.0).unwrap();
        let carry = (0.03f64 * 30.0 / 365.0).exp();
        let target = Target::new(TargetParams { target_return: t, coverage: c, worst_price: w }).unwrap();
        match required_put_strike(&m, &econ, &target, carry) {
            Ok(Some(floor)) => {
                prop_assert!(floor.strike.is_finite() && floor.premium.is_finite());
                // Floor per hedged coin: K − k·P(K) ≈ L.
                let level = dec_f64(target.required_level(&econ).unwrap());
                let g = floor.strike - carry * floor.premium;
                prop_assert!((g - level).abs() <= 1e-6 * level.max(1.0), "g {} L {}", g, level);
            }
            Ok(None) => prop_assert!(target.required_level(&econ).unwrap() <= Decimal::ZERO),
            Err(e) => prop_assert!(is_typed(&e), "{}", e),
        }
        match required_zero_cost_collar(&m, &econ, &target, 0.0) {
            Ok(Some(z)) => {
                let level = dec_f64(target.required_level(&econ).unwrap());
                prop_assert!((z.put_strike - level).abs() <= 1e-9 * level);
                prop_assert!(z.net_premium().abs() <= ZERO_COST);
            }
            Ok(None) => {}
            Err(e) => prop_assert!(is_typed(&e), "{}", e),
        }
    }

    /// Required-floor functions with arbitrary f64 inputs never panic.
    #[test]
    fn required_floor_arbitrary_inputs(carry in any_f64(), kmin in any_f64(), vol in any_f64()) {
        let econ = PeriodEconomics::direct(DirectParams {
            period_cost: Decimal::from(1100), expected_output: Decimal::from(5) }).unwrap();
        let m = match bsm(250.0, 0.03, vol, 0.1) {
            Ok(m) => m,
            Err(e) => { prop_assert!(is_typed(&e)); return Ok(()); }
        };
        let target = Target::full_coverage(Decimal::new(1, 1)).unwrap();
        if let Err(e) = required_put_strike(&m, &econ, &target, carry) {
            prop_assert!(is_typed(&e));
        }
        if let Err(e) = required_zero_cost_collar(&m, &econ, &target, kmin) {
            prop_assert!(is_typed(&e));
        }
    }

    /// Model-priced hedges over arbitrary strikes: no panic; Ok hedges build valid positions.
    #[test]
    fn priced_hedges_never_panic(a in any_dec(), b in any_dec(), vol in 0.05..3.0f64) {
        let m = bsm(250.0, 0.03, vol, 0.1).unwrap();
        let econ = PeriodEconomics::direct(DirectParams {
            period_cost: Decimal::from(1100), expected_output: Decimal::from(5) }).unwrap();
        for h in [priced_put(&m, a), priced_sold_call(&m, a), priced_collar(&m, a, b)] {
            match h {
                Ok(h) => {
                    let pos = Position::new(PositionParams {
                        economics: econ, hedge: h, coverage: Decimal::ONE,
                        carry_factor: Decimal::ONE });
                    prop_assert!(pos.is_ok(), "{:?}", pos);
                }
                Err(e) => prop_assert!(is_typed(&e), "{}", e),
            }
        }
    }

    /// InverseQuote and its methods over arbitrary decimals.
    #[test]
    fn inverse_quote_never_panics(p in either(sane_dec(1, 1_000_000_000, 9)), q in any_dec(),
                                  s in any_dec(), econ in economics()) {
        match InverseQuote::new(p) {
            Ok(iq) => {
                let usd = iq.usd_price().unwrap();
                prop_assert!(usd > Decimal::ZERO);
                match iq.notional(q) {
                    Ok(n) => {
                        prop_assert!(n >= Decimal::ZERO);
                        let t = iq.order_ticket(n, "ETH");
                        prop_assert!(t.starts_with("Buy (Long) USD "), "{}", t);
                        prop_assert!(t.ends_with(" ETH/USD"), "{}", t);
                        if let Err(e) = iq.settlement_coin(n, s) { prop_assert!(is_typed(&e)); }
                    }
                    Err(e) => prop_assert!(is_typed(&e)),
                }
                match iq.locked_return(&econ) {
                    Ok(r) => prop_assert!(r >= Decimal::NEGATIVE_ONE),
                    Err(e) => prop_assert!(is_typed(&e)),
                }
            }
            Err(e) => prop_assert_eq!(e.field(), Some(Field::InverseQuote)),
        }
    }

    /// Black-76 on a quoted forward: zero-cost collars for put strikes below the forward solve,
    /// with equal premiums to 1e-9 and the call strike above the forward.
    #[test]
    fn zero_cost_collar_black76(pct in 0.3..0.999f64, vol in 0.1..2.0f64, days in 7.0..365.0f64,
                                fwd in 1.0..1e6f64) {
        let m = ForwardModel::new(ForwardParams {
            forward: fwd, rate: 0.04, vol, expiry_years: days / 365.0,
        }).unwrap();
        let kp = pct * fwd;
        let z = zero_cost_collar(&m, ZeroCostParams { put_strike: kp, min_call_strike: kp }).unwrap();
        prop_assert!(z.call_strike > fwd);
        let call = m.premium(OptionKind::Call, z.call_strike).unwrap();
        let put = m.premium(OptionKind::Put, kp).unwrap();
        prop_assert!((call - put).abs() <= ZERO_COST, "{} vs {}", call, put);
    }
}
