//! Order tickets: the one text of an order on legs, for opening a hedge and for rebalancing it.
//!
//! Each traded leg is a signed quantity in the leg's own convention (`−` sells or goes
//! shorter, `+` buys or goes longer) at the leg's price. Its phrase:
//!
//! | leg | `−` | `+` |
//! | --- | --- | --- |
//! | linear forward | `Sell 1 ETH forward at $260` | `Buy back 1 ETH forward at $260` |
//! | inverse forward | `Buy (Long) USD 250 at 0.004 ETH/USD` | `Sell (Short) USD 250 at 0.004 ETH/USD` |
//! | put | `Sell puts on 1 ETH at strike $230` | `Buy puts on 1 ETH at strike $230` |
//! | call | `Sell calls on 1 ETH at strike $300` | `Buy back calls on 1 ETH at strike $300` |
//!
//! Phrases are joined with `and`. Coins show at most 8 decimals; the inverse forward's USD
//! notional `|q|/p` with cents when needed ([`Amount::AsNeeded`]) or always
//! ([`Amount::Cents`]); USD prices as [`format::usd`].

use super::hedge::InverseQuote;
use super::leg::{Leg, LegKind};
use super::money::grouped;
use super::pricing::OptionKind;
use crate::format;
use rust_decimal::Decimal;

/// How an order shows the inverse forward's USD notional.
///
/// ```
/// use minerhedge::domain::ticket::{inverse_order, Amount};
/// use rust_decimal::Decimal;
/// let n = Decimal::from(250);
/// let q = Decimal::new(4, 3);
/// assert_eq!(inverse_order(true, n, q, "ETH", Amount::AsNeeded), "Buy (Long) USD 250 at 0.004 ETH/USD");
/// assert_eq!(inverse_order(false, n, q, "ETH", Amount::Cents), "Sell (Short) USD 250.00 at 0.004 ETH/USD");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// Thousands separators, cents only when the amount has them (an opening order).
    AsNeeded,
    /// Thousands separators and always two decimals (a rebalancing trade).
    Cents,
}

/// The text of an order on `trades` (see the module docs); `None` when nothing is traded (no
/// leg, or only mined coins).
///
/// ```
/// use minerhedge::domain::leg::Leg;
/// use minerhedge::domain::ticket::{order, Amount};
/// use rust_decimal::Decimal;
/// let d = Decimal::from;
/// let collar = [Leg::bought_put(d(2), d(230), d(9)), Leg::sold_call(d(2), d(300), d(9))];
/// assert_eq!(
///     order(&collar, "ETH", Amount::Cents).as_deref(),
///     Some("Buy puts on 2 ETH at strike $230 and sell calls on 2 ETH at strike $300")
/// );
/// assert_eq!(order(&[Leg::sold_forward(d(1), d(260))], "ETH", Amount::Cents).as_deref(),
///            Some("Sell 1 ETH forward at $260"));
/// assert_eq!(order(&[], "ETH", Amount::Cents), None);
/// ```
pub fn order(trades: &[Leg], coin: &str, amount: Amount) -> Option<String> {
    let phrases: Vec<String> = trades
        .iter()
        .filter_map(|leg| phrase(leg, coin, amount))
        .collect();
    if phrases.is_empty() {
        return None;
    }
    Some(capitalized(phrases.join(" and ")))
}

/// The inverse forward's order: buy (`true`) or sell USD `notional` at `quote` coin per USD.
///
/// ```
/// use minerhedge::domain::ticket::{inverse_order, Amount};
/// use rust_decimal::Decimal;
/// assert_eq!(inverse_order(true, Decimal::new(123456789, 5), Decimal::new(3, 3), "ETH", Amount::AsNeeded),
///            "Buy (Long) USD 1,234.57 at 0.003 ETH/USD");
/// ```
pub fn inverse_order(
    buy_usd: bool,
    notional: Decimal,
    quote: Decimal,
    coin: &str,
    amount: Amount,
) -> String {
    capitalized(inverse_phrase(buy_usd, notional, quote, coin, amount))
}

/// `text` with its first letter upper-cased. A phrase starts with one of this module's own
/// words (`sell`, `buy`: ASCII), so ASCII upper-casing is exact, and it keeps the Unicode case
/// tables (15 KB) out of the pages.
fn capitalized(mut text: String) -> String {
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

fn inverse_phrase(
    buy_usd: bool,
    notional: Decimal,
    quote: Decimal,
    coin: &str,
    amount: Amount,
) -> String {
    let n = match amount {
        Amount::AsNeeded => grouped(notional),
        Amount::Cents => format::number(notional.abs().round_dp(2), 2),
    };
    let side = if buy_usd {
        "buy (Long)"
    } else {
        "sell (Short)"
    };
    format!("{side} USD {n} at {} {coin}/USD", quote.normalize())
}

fn coins(q: Decimal, coin: &str) -> String {
    format::coin(q.abs().round_dp(8).normalize(), 8, coin)
}

fn phrase(leg: &Leg, coin: &str, amount: Amount) -> Option<String> {
    let short = leg.quantity.is_sign_negative();
    let q = coins(leg.quantity, coin);
    let at = format::usd(leg.price);
    Some(match leg.kind {
        LegKind::MinedCoins => return None,
        LegKind::LinearForward => {
            let side = if short { "sell" } else { "buy back" };
            format!("{side} {q} forward at {at}")
        }
        LegKind::InverseForward => {
            let notional = InverseQuote::new(leg.price)
                .ok()?
                .notional(leg.quantity.abs())
                .ok()?;
            inverse_phrase(short, notional, leg.price, coin, amount)
        }
        LegKind::Option(OptionKind::Put) => {
            let side = if short { "sell" } else { "buy" };
            format!("{side} puts on {q} at strike {at}")
        }
        LegKind::Option(OptionKind::Call) => {
            let side = if short { "sell" } else { "buy back" };
            format!("{side} calls on {q} at strike {at}")
        }
        LegKind::HashpriceForward => {
            let side = if short { "sell" } else { "buy back" };
            let ph_days = format::number(leg.hash_days.abs().round_dp(4).normalize(), 4);
            format!(
                "{side} {ph_days} PH/s·days of hashprice at {}/PH/day",
                format::usd_cents(leg.price)
            )
        }
    })
}
