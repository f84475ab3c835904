//! A loan against pledged coins: its call and liquidation prices, the chance the price
//! touches each before the program ends, and the pledge that keeps a margin call's chance at a
//! target.
//!
//! With `L` USD lent against `N` coins, the loan-to-value at price `S` is `L/(N·S)`; the
//! margin call comes at `ltvmc` and the liquidation at `ltvliq`:
//!
//! ```text
//! call price        S_c = L/(N·ltvmc)
//! liquidation price S_l = L/(N·ltvliq)   (below S_c: ltvliq > ltvmc)
//! ```
//!
//! The touch probabilities are the first passage of a geometric Brownian motion below a
//! barrier, continuously monitored, with the simulation's drift (the forward curve's growth to
//! the last month, `ln(F_last/spot)/T_end`: its basis when no forward is overridden; or the
//! user's `drift`) and the page's volatility over `T_end` (Actual/365 from the start to
//! the end of the last month): [`PricePath::touch_probability`], the hedge margin's closed
//! form. The pledge needed for a target `p` is `L/(B·ltvmc)` with `B` the barrier below spot
//! whose touch probability is `p` ([`PricePath::lower_barrier`]).

use crate::domain::error::Result;
use crate::domain::margin::PricePath;

/// What the loan risks (module docs). Prices in USD per coin; probabilities fractions.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LoanRisk {
    /// LTV at the start, at spot (a fraction).
    pub ltv_start: f64,
    /// The price at which the LTV reaches the margin call's.
    pub call_price: f64,
    /// The price at which the LTV reaches the liquidation's.
    pub liquidation_price: f64,
    /// Probability that the price touches the call price before the end (continuous).
    pub call_probability: f64,
    /// Probability that the price touches the liquidation price before the end.
    pub liquidation_probability: f64,
    /// Coins to pledge so that the margin call's touch probability is the target.
    pub pledge_needed: f64,
}

/// The terms of [`loan_risk`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoanTerms {
    /// USD borrowed (positive).
    pub loan: f64,
    /// Coins pledged (positive).
    pub pledged: f64,
    /// Margin-call LTV, a fraction.
    pub ltv_call: f64,
    /// Liquidation LTV, a fraction.
    pub ltv_liquidation: f64,
    /// Target touch probability of the call price for the pledge needed, in `(0, 1)`.
    pub target: f64,
}

/// The loan's risk on `path` (spot, `T_end`, drift, vol).
///
/// ```
/// use minerhedge::domain::margin::PricePath;
/// use minerhedge::domain::program::treasury::loan::{loan_risk, LoanTerms};
/// let path = PricePath { spot: 100_000.0, years: 1.0, drift: 0.05, vol: 0.5 };
/// let terms = LoanTerms { loan: 30e6, pledged: 1000.0, ltv_call: 0.7, ltv_liquidation: 0.85, target: 0.01 };
/// let r = loan_risk(terms, path)?;
/// assert!((r.ltv_start - 0.3).abs() < 1e-15);
/// assert!((r.call_price - 30e6 / 700.0).abs() < 1e-9);
/// assert!(r.liquidation_probability < r.call_probability);
/// let at_target = PricePath::touch_probability(&path, 30e6 / (r.pledge_needed * 0.7))?;
/// assert!((at_target - 0.01).abs() < 1e-9);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn loan_risk(terms: LoanTerms, path: PricePath) -> Result<LoanRisk> {
    let per_coin = terms.loan / terms.pledged;
    let call_price = per_coin / terms.ltv_call;
    let liquidation_price = per_coin / terms.ltv_liquidation;
    let touch = |b: f64| {
        if b >= path.spot {
            Ok(1.0)
        } else {
            path.touch_probability(b)
        }
    };
    let barrier = path.lower_barrier(terms.target)?;
    Ok(LoanRisk {
        ltv_start: per_coin / path.spot,
        call_price,
        liquidation_price,
        call_probability: touch(call_price)?,
        liquidation_probability: touch(liquidation_price)?,
        pledge_needed: terms.loan / (barrier * terms.ltv_call),
    })
}
