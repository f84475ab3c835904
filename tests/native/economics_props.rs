//! Properties of the period economics: every public constructor and function over arbitrary
//! inputs (huge, tiny, negative, zero decimals; NaN/±∞/1e308 through `dec_from_f64`) never
//! panics, returns only in-range values, and rejects invalid input with an error naming a field.
//!
//! Run: `cargo test --test native economics_props::`.

use crate::common::{any_dec, any_f64, sane_dec};
use minerhedge::domain::DomainError;
use minerhedge::domain::Field;
use minerhedge::domain::economics::{
    DirectParams, PeriodEconomics, Rig, RigParams, halving_subsidy, validate_price,
};
use minerhedge::domain::money::{
    MAX_MONEY, MAX_PRICE, MAX_QUANTITY, carry_factor, carry_factor_f64, dec_from_f64, grouped,
    percent_rounded,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn either(sane: impl Strategy<Value = Decimal>) -> impl Strategy<Value = Decimal> {
    prop_oneof![12 => sane, 1 => any_dec()]
}

fn rig_params() -> impl Strategy<Value = RigParams> {
    (
        (
            either(sane_dec(1, 100_000_000, 2)),             // hashrate
            either(sane_dec(1, 1_000_000, 2)),               // J/TH
            either(sane_dec(0, 100_000, 4)),                 // $/kWh
            either(sane_dec(0, 10_000_000, 2)),              // opex
            either(sane_dec(0, 99, 2)),                      // pool fee
            either(sane_dec(1, 100, 2)),                     // uptime
            either(sane_dec(1, 100_000_000_000_000_000, 0)), // difficulty
        ),
        (
            either(sane_dec(-99, 1000, 2)),      // growth
            either(sane_dec(0, 1_000_000, 3)),   // subsidy
            either(sane_dec(0, 1_000_000, 3)),   // fees
            either(sane_dec(1, 36_500, 1)),      // days
            either(sane_dec(0, 100_000_000, 0)), // capex
            either(sane_dec(1, 36_500, 0)),      // lifetime
        ),
    )
        .prop_map(
            |((h, e, pp, op, pf, up, d), (g, sub, fee, days, capex, life))| RigParams {
                hashrate_ths: h,
                efficiency_j_per_th: e,
                power_price_per_kwh: pp,
                other_opex: op,
                pool_fee: pf,
                uptime: up,
                difficulty: d,
                difficulty_growth: g,
                block_subsidy: sub,
                fees_per_block: fee,
                period_days: days,
                hardware_capex: capex,
                hardware_lifetime_days: life,
            },
        )
}

fn is_typed(e: &DomainError) -> bool {
    match e {
        DomainError::OutOfRange { field, range, .. } => {
            !field.name().is_empty() && !range.is_empty()
        }
        _ => false,
    }
}

proptest! {
    #[test]
    fn direct_never_panics(cost in either(sane_dec(1, 1_000_000_000, 2)),
                           q in either(sane_dec(1, 1_000_000_000, 4)),
                           s in either(sane_dec(1, 1_000_000_000, 2))) {
        match PeriodEconomics::direct(DirectParams { period_cost: cost, expected_output: q }) {
            Ok(e) => {
                prop_assert!(e.cost() >= Decimal::new(1, 2) && e.cost() <= MAX_MONEY);
                prop_assert!(e.output() > Decimal::ZERO && e.output() <= MAX_QUANTITY);
                prop_assert!(e.breakeven_price() > Decimal::ZERO);
                match e.revenue(s) {
                    Ok(r) => {
                        prop_assert_eq!(r, e.output() * s);
                        let ret = e.period_return(s).unwrap();
                        prop_assert!(ret >= Decimal::NEGATIVE_ONE);
                    }
                    Err(err) => {
                        prop_assert!(is_typed(&err));
                        prop_assert!(validate_price(s).is_err());
                    }
                }
                let _ = e.return_of_total(s);
            }
            Err(err) => {
                prop_assert!(is_typed(&err));
                let f = err.field().unwrap().name();
                prop_assert!(f == "period cost" || f == "expected output", "{}", f);
            }
        }
    }

    #[test]
    fn rig_never_panics(p in rig_params(), s in either(sane_dec(1, 1_000_000_000, 2))) {
        match Rig::new(p) {
            Ok(rig) => {
                prop_assert!(rig.expected_output() >= Decimal::ZERO);
                prop_assert!(rig.energy_kwh() >= Decimal::ZERO);
                prop_assert!(rig.total_cost() >= rig.cash_cost());
                prop_assert!(rig.average_difficulty() > Decimal::ZERO);
                if let Err(e) = rig.cost_per_coin() { prop_assert!(is_typed(&e)); }
                if let Err(e) = rig.hashprice(s) { prop_assert!(is_typed(&e)); }
                if let Err(e) = rig.margin_at(s) { prop_assert!(is_typed(&e)); }
                match rig.economics() {
                    Ok(e) => {
                        prop_assert_eq!(e.cost(), rig.total_cost());
                        prop_assert!(e.cash_cost() <= e.cost());
                    }
                    Err(e) => prop_assert!(is_typed(&e)),
                }
            }
            Err(e) => prop_assert!(is_typed(&e), "{}", e),
        }
    }

    /// Uptime scales both coins and kWh (a rig that is down draws no power).
    #[test]
    fn uptime_scales_energy_and_output(up in 1i64..=100) {
        let full = Rig::new(RigParams::example()).unwrap();
        let mut p = RigParams::example();
        p.uptime = Decimal::new(up, 2);
        let part = Rig::new(p).unwrap();
        prop_assert_eq!(part.energy_kwh(), full.energy_kwh() * p.uptime);
        let diff = (part.expected_output() - full.expected_output() * p.uptime).abs();
        prop_assert!(diff < Decimal::new(1, 26));
    }

    /// Output is inversely proportional to the average difficulty D·(1 + g/2).
    #[test]
    fn growth_uses_average_difficulty(g in -99i64..=1000) {
        let base = Rig::new(RigParams::example()).unwrap();
        let mut p = RigParams::example();
        p.difficulty_growth = Decimal::new(g, 2);
        let grown = Rig::new(p).unwrap();
        let factor = Decimal::ONE + p.difficulty_growth / Decimal::TWO;
        let diff = (grown.expected_output() * factor - base.expected_output()).abs();
        prop_assert!(diff < Decimal::new(1, 24), "{}", diff);
    }

    #[test]
    fn f64_conversion_is_typed(v in any_f64()) {
        match dec_from_f64(Field::Quote, v) {
            Ok(d) => {
                prop_assert!(v.is_finite());
                let back: f64 = rust_decimal::prelude::ToPrimitive::to_f64(&d).unwrap();
                prop_assert!((back - v).abs() <= 1e-28_f64.max(v.abs() * 1e-15));
            }
            Err(e) => {
                prop_assert_eq!(e.field(), Some(Field::Quote));
                prop_assert!(!v.is_finite() || v.abs() >= 7.9e28);
            }
        }
    }

    #[test]
    fn money_helpers_never_panic(a in any_dec(), r in any_dec(), t in any_dec()) {
        let g = grouped(a);
        prop_assert!(!g.is_empty());
        let _ = percent_rounded(a, 0);
        let _ = percent_rounded(a, 1);
        match carry_factor(r, t) {
            Ok(k) => prop_assert!(k > Decimal::ZERO),
            Err(e) => prop_assert!(is_typed(&e)),
        }
        if let Ok(p) = validate_price(a) {
            prop_assert!(p >= Decimal::ZERO && p <= MAX_PRICE);
        }
    }

    #[test]
    fn carry_from_f64_never_panics(r in any_f64(), t in any_f64()) {
        match carry_factor_f64(r, t) {
            Ok(k) => {
                prop_assert!(k > Decimal::ZERO);
                let f = (r * t).exp();
                let kf: f64 = rust_decimal::prelude::ToPrimitive::to_f64(&k).unwrap();
                prop_assert!((kf - f).abs() <= 1e-12 * f, "{} vs {}", kf, f);
            }
            Err(e) => prop_assert!(is_typed(&e)),
        }
    }

    /// The halving subsidy lies between half and the full subsidy; bad input is typed.
    #[test]
    fn halving_subsidy_is_bounded(sub in either(sane_dec(0, 1_000_000, 3)),
                                  h in either(sane_dec(0, 3650, 0)),
                                  t in either(sane_dec(1, 3650, 0))) {
        match halving_subsidy(sub, h, t) {
            Ok(v) => {
                prop_assert!(v >= sub / Decimal::TWO - Decimal::new(1, 26));
                prop_assert!(v <= sub + Decimal::new(1, 26));
            }
            Err(e) => prop_assert!(is_typed(&e)),
        }
    }
}
