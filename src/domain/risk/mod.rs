//! Position risk on the final coin price: grids, breakevens, floor and cap, and exact
//! lognormal statistics.
//!
//! Every strategy the page offers — unhedged, linear forward, inverse forward, put, collar —
//! settles at the end of the period to a USD amount that is *piecewise linear* in the final
//! price `S`:
//!
//! ```text
//! V(S) = f·Q·S + L − l·S + P·max(Kp − S, 0) − C·max(S − Kc, 0) − π
//! ```
//!
//! with `Q` the expected output (coins), `f` the realized share of it (1 unless difficulty
//! moved; a hashprice forward's coins `h ≤ l` follow it too: `f·(Q − h)·S − (l − h)·S`, and a
//! coin-paid premium `π_c` is `π_c·S` more coins given up), `l` coins sold forward and `L` the USD they lock in (`c·Q·F` for a linear forward,
//! the notional `N` for an inverse forward: its coin settlement `N·(1/S − p)` sold at `S` is
//! worth `N − c·Q·S`), `P` puts bought at `Kp`, `C` calls sold at `Kc`, and `π` the net option
//! premium carried to the end of the period. [`PayoffProfile`] is that formula in `f64`: the fast
//! mirror of the exact (`Decimal`) position used for 1,001-point grids, lognormal statistics
//! and Monte Carlo. Because `V` is piecewise linear with at most two kinks, breakevens, floor,
//!
//! Submodules: [`PayoffProfile`] and its [`Bounds`] (`profile`), the [`Lognormal`] final price
//! and [`Outlook`] (`outlook`), the [`PriceGrid`] (`grid`), the [`VolumeHeatmap`] (`volume`)
//! and the [`PositionGreeks`] (`greeks`); [`frontier`] is the coverage frontier of a
//! strategy on simulated paths (coverages 0–100 %: expected return, CVaR, cash-cost shortfall).

mod curtailed;
mod greeks;
mod grid;
mod outlook;
mod profile;
mod volume;

pub mod frontier;
pub use curtailed::PowerLeg;
pub use greeks::PositionGreeks;
pub use grid::PriceGrid;
pub use outlook::{Lognormal, LognormalParams, Outlook};
pub use profile::{Bounds, Kink, OptionHolding, PayoffProfile, ProfileParams};
pub use volume::VolumeHeatmap;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::daycount::Act365;

    fn seed(p: ProfileParams) -> PayoffProfile {
        PayoffProfile::new(ProfileParams {
            output: 5.0,
            all_in_cost: 1100.0,
            cash_cost: 1100.0,
            ..p
        })
        .unwrap()
    }

    #[test]
    fn forward_is_flat_with_floor_equal_cap() {
        let p = seed(ProfileParams {
            sold_coins: 5.0,
            locked_usd: 1300.0,
            ..Default::default()
        });
        let b = p.bounds();
        assert_eq!(b.floor, Some(1300.0));
        assert_eq!(b.cap, Some(1300.0));
        assert!(b.breakevens.is_empty());
    }

    #[test]
    fn collar_has_floor_and_cap_and_one_breakeven() {
        // Put 230 and call 280 on all 5 coins, net premium 10 USD paid.
        let p = seed(ProfileParams {
            options: vec![
                OptionHolding::put(5.0, 230.0),
                OptionHolding::call(-5.0, 280.0),
            ],
            premium: 10.0,
            ..Default::default()
        });
        let b = p.bounds();
        assert_eq!(b.floor, Some(5.0 * 230.0 - 10.0));
        assert_eq!(b.cap, Some(5.0 * 280.0 - 10.0));
        // Floor 1,140 > cost 1,100: never a loss, so no breakeven.
        assert!(b.breakevens.is_empty());
    }

    #[test]
    fn put_breakeven_includes_premium() {
        // Put at 200 on all coins, 20 USD premium: breakeven where 5·S − 20 = 1100.
        let p = seed(ProfileParams {
            options: vec![OptionHolding::put(5.0, 200.0)],
            premium: 20.0,
            ..Default::default()
        });
        assert_eq!(p.bounds().breakevens, vec![224.0]);
        assert_eq!(p.bounds().floor, Some(980.0));
        assert_eq!(p.bounds().cap, None);
    }

    #[test]
    fn outlook_matches_numerical_integration() {
        let p = seed(ProfileParams {
            options: vec![
                OptionHolding::put(3.0, 230.0),
                OptionHolding::call(-3.0, 290.0),
            ],
            premium: 4.0,
            cash_cost: 0.0,
            ..Default::default()
        });
        let p = PayoffProfile::new(ProfileParams {
            cash_cost: 900.0,
            ..p.params()
        })
        .unwrap();
        let d = Lognormal::new(LognormalParams {
            spot: 250.0,
            drift: 0.05,
            vol: 0.8,
            years: Act365::years(30),
        })
        .unwrap();
        let o = p.outlook(&d);
        // Midpoint rule in z-space with 400,000 points over ±10 sd.
        let n = 400_000;
        let (mut ev, mut pl, mut pc) = (0.0, 0.0, 0.0);
        let h = 20.0 / n as f64;
        for i in 0..n {
            let z = -10.0 + (i as f64 + 0.5) * h;
            let s = 250.0
                * ((0.05 - 0.32) * (Act365::years(30)) + 0.8 * Act365::years(30).sqrt() * z).exp();
            let w = (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt() * h;
            let v = p.value_at(s);
            ev += v * w;
            if v < 1100.0 {
                pl += w;
            }
            if v >= 900.0 {
                pc += w;
            }
        }
        assert!(
            (o.expected_value - ev).abs() < 1e-6,
            "{} vs {}",
            o.expected_value,
            ev
        );
        assert!((o.prob_loss - pl).abs() < 1e-5, "{} vs {}", o.prob_loss, pl);
        assert!(
            (o.prob_cover_cash - pc).abs() < 1e-5,
            "{} vs {}",
            o.prob_cover_cash,
            pc
        );
    }

    #[test]
    fn zero_vol_outlook_is_deterministic() {
        let p = seed(ProfileParams::default());
        let d = Lognormal::new(LognormalParams {
            spot: 250.0,
            drift: 0.0,
            vol: 0.0,
            years: 0.1,
        })
        .unwrap();
        let o = p.outlook(&d);
        assert_eq!(o.prob_loss, 0.0);
        assert_eq!(o.prob_cover_cash, 1.0);
        assert!((o.expected_value - 1250.0).abs() < 1e-9);
    }

    #[test]
    fn return_range_sees_strikes_inside_the_range() {
        // Over-hedged with puts (coverage well above the output): value falls between the strike and hi.
        let p = seed(ProfileParams {
            options: vec![OptionHolding::put(10.0, 250.0)],
            ..Default::default()
        });
        let g = PriceGrid::new(200.0, 300.0, 3).unwrap();
        let (worst, best) = p.return_range(&g);
        assert_eq!(worst, p.return_at(250.0));
        assert_eq!(best, p.return_at(300.0).max(p.return_at(200.0)));
    }
}
