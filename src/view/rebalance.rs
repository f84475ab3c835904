//! Rebalancing: after the spot or the expected difficulty moved, the new expected output and
//! the trade that restores the chosen coverage, as an order ticket.

use super::{Model, StrategyKind};
use crate::domain::hedge::Hedge;
use crate::domain::pricing::{SpotModel, SpotParams};
use crate::domain::risk::{PayoffProfile, ProfileParams};
use crate::domain::validate::dec_f64;
use crate::format;
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

/// Rounds a coin quantity for a ticket (8 decimals, as exchanges quote coins).
fn coins(q: Decimal, coin: &str) -> String {
    format::coin(q.abs().round_dp(8).normalize(), 8, coin)
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
    let output_now = econ.output.checked_div(factor)?;
    let hedged = chosen.position.hedged_quantity();
    let target = output_now * s.coverage();
    let trade = target - hedged;
    let coin = s.economics.coin.as_str();
    let more = trade > Decimal::ZERO;
    let q = coins(trade, coin);
    let ticket = if trade.is_zero() {
        None
    } else {
        match (chosen.kind, chosen.position.hedge()) {
            (StrategyKind::Forward, Hedge::Forward { price }) => Some(format!(
                "{} {q} forward at {}",
                if more { "Sell" } else { "Buy back" },
                format::usd(*price)
            )),
            (StrategyKind::Inverse, Hedge::InverseForward { quote }) => {
                let notional = trade.checked_div(*quote)?;
                Some(format!(
                    "{} USD {} at {} {coin}/USD",
                    if more { "Buy (Long)" } else { "Sell (Short)" },
                    format::number(notional.abs().round_dp(2), 2),
                    quote.normalize()
                ))
            }
            (_, Hedge::Put { strike, .. }) => Some(format!(
                "{} puts on {q} at strike {}",
                if more { "Buy" } else { "Sell" },
                format::usd(*strike)
            )),
            (
                _,
                Hedge::Collar {
                    put_strike,
                    call_strike,
                    ..
                },
            ) => Some(if more {
                format!(
                    "Buy puts on {q} at strike {} and sell calls on {q} at strike {}",
                    format::usd(*put_strike),
                    format::usd(*call_strike)
                )
            } else {
                format!(
                    "Sell puts on {q} at strike {} and buy back calls on {q} at strike {}",
                    format::usd(*put_strike),
                    format::usd(*call_strike)
                )
            }),
            _ => None,
        }
    };
    let delta_neutral_sale = model.market.and_then(|m| {
        let p = m.params();
        let left = f64::from(s.economics.days.saturating_sub(s.view.elapsed_days)) / 365.0;
        let now = SpotModel::new(SpotParams {
            spot: dec_f64(spot_now),
            expiry_years: left,
            ..p
        })
        .ok()?;
        let scale = dec_f64(target) / dec_f64(hedged).max(f64::MIN_POSITIVE);
        let base = chosen.profile.params();
        let rebalanced = if hedged.is_zero() {
            ProfileParams {
                output: dec_f64(output_now),
                ..base
            }
        } else {
            ProfileParams {
                output: dec_f64(output_now),
                sold_coins: base.sold_coins * scale,
                locked_usd: base.locked_usd * scale,
                puts: base.puts * scale,
                calls: base.calls * scale,
                ..base
            }
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
