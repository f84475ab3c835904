//! The rebalancing panel's figures.

use rust_decimal::Decimal;

use super::{DASH, Figure};
use crate::format::{coin, usd};
use crate::view::Model;
use crate::view::rebalance::rebalance;

/// Shown instead of the figures when there is no chosen hedge to rebalance.
pub const NOTHING_TO_REBALANCE: &str = "Nothing to rebalance: choose a valid hedge.";

/// The rebalancing panel's figures; `None` when there is no chosen hedge to rebalance.
///
/// ```
/// use minerhedge::{link::Scenario, present::rebalance::rebalance_figures, view::Model};
/// let m = Model::build(&Scenario::from_query("rdg=25").scenario);
/// let t = rebalance_figures(&m).unwrap();
/// let get = |id: &str| t.iter().find(|f| f.id == id).unwrap().text.clone();
/// assert_eq!(get("rebalance-output"), "4 ETH");
/// assert_eq!(get("rebalance-trade"), "-1 ETH");
/// assert_eq!(get("rebalance-ticket"), "Buy back 1 ETH forward at $260");
/// ```
pub fn rebalance_figures(model: &Model) -> Option<Vec<Figure>> {
    let r = rebalance(model)?;
    let c = model.scenario.economics.coin.as_str();
    let q = |d: Decimal| coin(d.round_dp(8).normalize(), 8, c);
    Some(vec![
        Figure::new("rebalance-spot", "Spot now", usd(r.spot_now)).with_value(r.spot_now),
        Figure::new("rebalance-output", "Expected output now", q(r.output_now))
            .with_value(r.output_now),
        Figure::new("rebalance-hedged", "Hedged as placed", q(r.hedged)).with_value(r.hedged),
        Figure::new("rebalance-target", "Target for the coverage", q(r.target))
            .with_value(r.target),
        Figure::new(
            "rebalance-trade",
            "Trade (+ hedge more, − unwind)",
            q(r.trade),
        )
        .with_value(r.trade),
        // The ticket's number: the coins it trades (signed as the trade).
        match r.ticket {
            Some(t) => Figure::new("rebalance-ticket", "Order ticket", t).with_value(r.trade),
            None => Figure::new(
                "rebalance-ticket",
                "Order ticket",
                "No trade needed".to_owned(),
            ),
        },
        {
            let f = Figure::new(
                "rebalance-delta-neutral",
                "Sell for delta-neutral now (coins)",
                r.delta_neutral_sale
                    .filter(|x| x.is_finite())
                    .map(|x| format!("{x:.4}"))
                    .unwrap_or_else(|| DASH.to_owned()),
            );
            match r.delta_neutral_sale {
                Some(x) => f.with_value(x),
                None => f,
            }
        },
    ])
}
