//! The margin of a short hedge on either page: the chosen hedge's (period view, with the
//! scenario's `coll`) and each margined month's (program view, the collateral needed), from
//! the engine's [`crate::domain::margin`] with the scenario's `im`, `mm` and `pliq`.

use super::StrategyKind;
use crate::domain::Result;
use crate::domain::hedge::Position;
use crate::domain::margin::{MarginRisk, MarginTerms, PricePath, Short, margin_risk};
use crate::domain::pricing::SpotModel;
use crate::domain::strategy::{HashTerms, LegShape};
use crate::domain::validate::dec_f64;
use crate::link::Scenario;
use rust_decimal::Decimal;

/// The margin of the chosen hedge when it is a margined short (forward, inverse forward,
/// hashprice forward; `None` for the others or without a short): `im`, `mm`, `coll` and
/// `pliq` on the price path of `spot`, `rate` and `vol` to settlement.
pub(crate) fn margin_of(
    s: &Scenario,
    position: &Position,
    kind: StrategyKind,
    m: &SpotModel,
    hash: Option<HashTerms>,
) -> Option<Result<MarginRisk>> {
    let r = s.resolved();
    let price = match kind.spec().legs.first()?.shape {
        LegShape::Forward => dec_f64(r.forward),
        LegShape::Inverse => 1.0 / dec_f64(r.inverse_quote),
        LegShape::Hashprice => dec_f64(r.hashprice_fixed) / dec_f64(hash?.coins_per_ph_day),
        LegShape::Option(..) => return None,
    };
    let p = m.params();
    let path = PricePath {
        spot: p.spot,
        years: p.expiry_years,
        drift: p.rate,
        vol: p.vol,
    };
    margin_on(
        s,
        position,
        kind,
        price,
        path,
        s.hedge.collateral.map(dec_f64),
    )
}

/// The margin of a short hedge of `kind` in `position` sold at `price` USD per coin (the
/// forward; the inverse forward's `1/quote`; the hashprice forward's fixed hashprice over
/// the index per coin), on `path`, with the scenario's `im`, `mm` and `pliq` and `collateral`
/// posted (the initial margin when `None`). `None` when the position has no such short.
pub(crate) fn margin_on(
    s: &Scenario,
    position: &Position,
    kind: StrategyKind,
    price: f64,
    path: PricePath,
    collateral: Option<f64>,
) -> Option<Result<MarginRisk>> {
    let coins = -dec_f64(position.hedge_legs().first()?.quantity);
    if coins <= 0.0 {
        return None;
    }
    let short = match kind.spec().legs.first()?.shape {
        LegShape::Forward | LegShape::Hashprice => Short::linear(coins, price),
        LegShape::Inverse => Short::inverse(dec_f64(position.inverse_notional()?), price),
        LegShape::Option(..) => return None,
    };
    let h = &s.hedge;
    let pct = |d: Decimal| dec_f64(crate::link::fraction(d));
    Some(short.and_then(|short| {
        margin_risk(
            short,
            MarginTerms::new(pct(h.initial_margin_pct), pct(h.maintenance_margin_pct))?,
            path,
            collateral,
            // A target just below 100 % (or just above 0) that rounds to 1 (or 0) in f64
            // is the nearest probability inside (0, 1).
            pct(h.liquidation_target_pct).clamp(f64::MIN_POSITIVE, 1.0 - f64::EPSILON / 2.0),
        )
    }))
}
