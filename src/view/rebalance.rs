//! Rebalancing: after the spot or the expected difficulty moved, the new expected output and
//! the trade that restores the chosen coverage, as an order ticket.

use super::Model;
use crate::domain::daycount::Act365;
use crate::domain::leg::Leg;
use crate::domain::money;
use crate::domain::pricing::{SpotModel, SpotParams};
use crate::domain::risk::{PayoffProfile, ProfileParams};
use crate::domain::ticket::{self, Amount};
use crate::domain::validate::dec_f64;
use rust_decimal::Decimal;

/// The rebalancing figures of the chosen hedge.
#[derive(Debug, Clone, PartialEq)]
pub struct Rebalance {
    /// Coin price now, USD (`rspot`, or `spot` when 0).
    pub spot_now: Decimal,
    /// Expected output now: `Q / (1 + Δd)` for a difficulty change `Δd` (`rdg`), coins.
    pub output_now: Decimal,
    /// Coins hedged by the position as placed: `c·Q`.
    pub hedged: Decimal,
    /// Coins to hedge for the chosen coverage of the new output: `c·Q/(1 + Δd)`.
    pub target: Decimal,
    /// `target − hedged`: positive to hedge more, negative to unwind.
    pub trade: Decimal,
    /// The order that makes the trade, `None` when unhedged or nothing to trade.
    pub ticket: Option<String>,
    /// Coins to sell forward now (negative: buy) to make the rebalanced position delta-neutral
    /// at the new spot with the time left (`days − elapsed`).
    pub delta_neutral_sale: Option<f64>,
}

/// The rebalancing of `model`'s chosen hedge for its scenario's `rspot` and `rdg`.
///
/// ```
/// use minerhedge::{link::Scenario, view::{rebalance::rebalance, Model}};
/// use rust_decimal::Decimal;
/// // Seed forward on 5 ETH; difficulty now expected 25 % higher: only 4 ETH will be mined.
/// let s = Scenario::from_query("rdg=25").scenario;
/// let r = rebalance(&Model::build(&s)).unwrap();
/// assert_eq!(r.output_now, Decimal::from(4));
/// assert_eq!(r.trade, Decimal::from(-1));
/// assert_eq!(r.ticket.as_deref(), Some("Buy back 1 ETH forward at $260"));
/// ```
pub fn rebalance(model: &Model) -> Option<Rebalance> {
    let s = &model.scenario;
    let chosen = model.chosen()?;
    let econ = model.economics?;
    let spot_now = if s.view.rebalance_spot > Decimal::ZERO {
        s.view.rebalance_spot
    } else {
        s.market.spot
    };
    let factor = Decimal::ONE + s.view.rebalance_difficulty_pct / Decimal::ONE_HUNDRED;
    if factor <= Decimal::ZERO {
        return None;
    }
    let output_now = money::checked_div(econ.output, factor)?;
    let hedged = chosen.covered;
    let target = output_now * s.coverage();
    let trade = target - hedged;
    let coin = s.economics.coin.as_str();
    let ticket = if trade.is_zero() {
        None
    } else {
        // The same legs, traded by `trade` coins in each leg's direction.
        let trades: Vec<Leg> = chosen
            .position
            .hedge_legs()
            .iter()
            .map(|l| Leg {
                quantity: if l.quantity.is_sign_negative() {
                    -trade
                } else {
                    trade
                },
                ..*l
            })
            .collect();
        ticket::order(&trades, coin, Amount::Cents)
    };
    let delta_neutral_sale = model.market.and_then(|m| {
        let p = m.params();
        let left = Act365::years(s.economics.days.saturating_sub(s.view.elapsed_days));
        let now = SpotModel::new(SpotParams {
            spot: dec_f64(spot_now),
            expiry_years: left,
            ..p
        })
        .ok()?;
        let scale = dec_f64(target) / dec_f64(hedged).max(f64::MIN_POSITIVE);
        let base = chosen.profile.params();
        let base = if hedged.is_zero() {
            base
        } else {
            base.with_hedge_scaled(scale)
        };
        let rebalanced = ProfileParams {
            output: dec_f64(output_now),
            ..base
        };
        let g = PayoffProfile::new(rebalanced).ok()?.greeks(&now).ok()?;
        Some(g.delta_neutral_sale)
    });
    Some(Rebalance {
        spot_now,
        output_now,
        hedged,
        target,
        trade,
        ticket,
        delta_neutral_sale,
    })
}
