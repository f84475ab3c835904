//! Hedges on a period's output: the position as a list of legs with exact payoffs and tables
//! ([`Position`]), the inverse forward's quote ([`InverseQuote`]), the forward price / inverse
//! quote a target return requires ([`Target`]), and [`Hedge`], the shorthand for the legs of
//! a single-instrument hedge.
//!
//! Coverage `c ∈ [0, 1]` hedges the quantity `h = c·Q` of the expected output `Q`. At final price
//! `S` (USD per coin), with carry factor `k = e^{rT}` for premiums paid at the start:
//!
//! | hedge | USD payoff at `S` |
//! | --- | --- |
//! | linear forward sold at `F` | `h·(F − S)` |
//! | inverse forward at `p` COIN/USD, long USD `N = h/p` | `N − h·S` (settles `N·(1/S − p)` coin) |
//! | bought put `K_p`, premium `P_p` | `h·max(K_p − S, 0) − h·P_p·k` |
//! | sold call `K_c`, premium `P_c` | `−h·max(S − K_c, 0) + h·P_c·k` |
//! | collar = long put + short call | sum of the two rows above |
//!
//! Hedged total = `Q·S` + payoff; return = total / cost − 1. Everything is exact `Decimal`
//! (quotients rounded at the 28th digit).

mod inverse;
mod position;
mod target;

pub use inverse::InverseQuote;
pub use position::{Position, PositionParams, Row, hedged_quantity};
pub use target::{Target, TargetParams, required_forward_price, required_inverse_quote};

use super::error::{DomainError, Result};
use super::leg::{Leg, Side};
use super::pricing::OptionKind;
use super::validate::dec_f64;
use crate::domain::Field;
use rust_decimal::Decimal;

/// The single-instrument hedges by their terms per coin: a shorthand for the legs of the
/// common hedges ([`Hedge::legs`]), used by [`Position::new`], the required-floor solvers and
/// tests. The page builds its strategies from the registry ([`super::strategy`]) instead.
///
/// ```
/// use minerhedge::domain::hedge::Hedge;
/// use rust_decimal::Decimal;
/// let h = Hedge::Forward { price: Decimal::from(260) };
/// assert_eq!(h.name(), "forward");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// No hedge: payoff 0.
    Unhedged,
    /// Linear forward sold at `price` (USD per coin): payoff `h·(F − S)`.
    Forward {
        /// Forward price `F`, `(0, 1e9]` USD per coin.
        price: Decimal,
    },
    /// Inverse forward: long USD at `quote` COIN/USD, settled in coin.
    InverseForward {
        /// Quote `p` in coin per USD, `[1e-9, 1e9]` (0.004 ETH/USD ↔ 250 USD/ETH).
        quote: Decimal,
    },
    /// One option, bought or sold (a bought put, a covered call, …).
    Option {
        /// Put or call.
        kind: OptionKind,
        /// Bought (premium paid) or sold (premium received).
        side: Side,
        /// Strike `K`, `(0, 1e9]` USD per coin.
        strike: Decimal,
        /// Premium per coin paid or received at the start, `[0, 1e9]` USD.
        premium: Decimal,
    },
    /// Collar: long put at `put_strike` + short call at `call_strike ≥ put_strike`.
    Collar {
        /// Put strike `K_p`.
        put_strike: Decimal,
        /// Put premium per coin (paid).
        put_premium: Decimal,
        /// Call strike `K_c ≥ K_p`.
        call_strike: Decimal,
        /// Call premium per coin (received).
        call_premium: Decimal,
    },
}

impl Hedge {
    /// A bought put at `strike` for `premium` per coin.
    ///
    /// ```
    /// use minerhedge::domain::hedge::Hedge;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Hedge::bought_put(Decimal::from(230), Decimal::TEN).name(), "put");
    /// ```
    pub const fn bought_put(strike: Decimal, premium: Decimal) -> Self {
        Hedge::Option {
            kind: OptionKind::Put,
            side: Side::Long,
            strike,
            premium,
        }
    }

    /// A sold (covered) call at `strike` for `premium` per coin.
    ///
    /// ```
    /// use minerhedge::domain::hedge::Hedge;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Hedge::sold_call(Decimal::from(300), Decimal::TEN).name(), "call");
    /// ```
    pub const fn sold_call(strike: Decimal, premium: Decimal) -> Self {
        Hedge::Option {
            kind: OptionKind::Call,
            side: Side::Short,
            strike,
            premium,
        }
    }

    /// Short machine name: `unhedged`, `forward`, `inverse`, `put`, `call` (a sold call),
    /// `sold put`, `bought call`, `collar`.
    ///
    /// ```
    /// use minerhedge::domain::hedge::Hedge;
    /// assert_eq!(Hedge::Unhedged.name(), "unhedged");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Hedge::Unhedged => "unhedged",
            Hedge::Forward { .. } => "forward",
            Hedge::InverseForward { .. } => "inverse",
            Hedge::Option { kind, side, .. } => match (kind, side) {
                (OptionKind::Put, Side::Long) => "put",
                (OptionKind::Put, Side::Short) => "sold put",
                (OptionKind::Call, Side::Long) => "bought call",
                (OptionKind::Call, Side::Short) => "call",
            },
            Hedge::Collar { .. } => "collar",
        }
    }

    /// The hedge's legs on `coins` hedged (no mined-coins leg; settling at the end of the
    /// period).
    ///
    /// ```
    /// use minerhedge::domain::hedge::Hedge;
    /// use minerhedge::domain::leg::Leg;
    /// use rust_decimal::Decimal;
    /// let h = Hedge::Forward { price: Decimal::from(260) };
    /// assert_eq!(h.legs(Decimal::from(5)), vec![Leg::sold_forward(Decimal::from(5), Decimal::from(260))]);
    /// assert!(Hedge::Unhedged.legs(Decimal::ONE).is_empty());
    /// ```
    pub fn legs(&self, coins: Decimal) -> Vec<Leg> {
        match *self {
            Hedge::Unhedged => Vec::new(),
            Hedge::Forward { price } => vec![Leg::sold_forward(coins, price)],
            Hedge::InverseForward { quote } => vec![Leg::inverse_forward(coins, quote)],
            Hedge::Option {
                kind,
                side,
                strike,
                premium,
            } => vec![Leg::option(
                kind,
                if side == Side::Long { coins } else { -coins },
                strike,
                premium,
            )],
            Hedge::Collar {
                put_strike,
                put_premium,
                call_strike,
                call_premium,
            } => collar_legs(coins, put_strike, put_premium, call_strike, call_premium),
        }
    }

    /// The terms of every leg (see [`Leg::validate`]), and the collar's `call strike ≥ put
    /// strike`.
    fn validate(&self) -> Result<()> {
        for leg in self.legs(Decimal::ONE) {
            leg.validate()?;
        }
        if let Hedge::Collar {
            put_strike,
            call_strike,
            ..
        } = *self
        {
            check_collar_strikes(put_strike, call_strike)?;
        }
        Ok(())
    }
}

/// A collar's legs on `coins`: puts bought at `put_strike`, calls sold at `call_strike`.
pub(crate) fn collar_legs(
    coins: Decimal,
    put_strike: Decimal,
    put_premium: Decimal,
    call_strike: Decimal,
    call_premium: Decimal,
) -> Vec<Leg> {
    vec![
        Leg::bought_put(coins, put_strike, put_premium),
        Leg::sold_call(coins, call_strike, call_premium),
    ]
}

/// A collar's call strike must be at least its put strike (field `"call strike"`).
pub(crate) fn check_collar_strikes(put_strike: Decimal, call_strike: Decimal) -> Result<()> {
    if call_strike < put_strike {
        return Err(DomainError::out_of_range(
            Field::CallStrike,
            dec_f64(call_strike),
            format!("at least the put strike {put_strike}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::economics::tests::seed;

    fn pos(hedge: Hedge, c: Decimal) -> Position {
        Position::new(PositionParams {
            economics: seed(),
            hedge,
            coverage: c,
            carry_factor: Decimal::ONE,
        })
        .unwrap()
    }

    #[test]
    fn partial_forward_return_is_a_blend() {
        // r(S) = c·t_F + (1 − c)·r_u(S) with t_F = 5·260/1100 − 1 = 2/11
        let c = Decimal::new(4, 1);
        let p = pos(
            Hedge::Forward {
                price: Decimal::from(260),
            },
            c,
        );
        for s in [150, 220, 333] {
            let s = Decimal::from(s);
            let blend = c * (Decimal::from(1300) / Decimal::from(1100) - Decimal::ONE)
                + (Decimal::ONE - c) * seed().period_return(s).unwrap();
            assert!((p.period_return(s).unwrap() - blend).abs() < Decimal::new(1, 25));
        }
    }

    #[test]
    fn required_level_with_worst_case_guarantees_target() {
        let t = Target::new(TargetParams {
            target_return: Decimal::new(1, 1),
            coverage: Decimal::new(5, 1),
            worst_price: Decimal::from(150),
        })
        .unwrap();
        let l = t.required_level(&seed()).unwrap();
        // (1210 − 2.5·150) / 2.5 = 334
        assert_eq!(l, Decimal::from(334));
        let p = pos(Hedge::Forward { price: l }, Decimal::new(5, 1));
        assert_eq!(
            p.period_return(Decimal::from(150)).unwrap(),
            Decimal::new(1, 1)
        );
        assert!(p.period_return(Decimal::from(151)).unwrap() > Decimal::new(1, 1));
    }

    #[test]
    fn zero_level_means_no_hedge_needed() {
        let t = Target::new(TargetParams {
            target_return: Decimal::NEGATIVE_ONE,
            coverage: Decimal::new(5, 1),
            worst_price: Decimal::from(100),
        })
        .unwrap();
        assert_eq!(required_forward_price(&seed(), &t).unwrap(), Decimal::ZERO);
        assert_eq!(required_inverse_quote(&seed(), &t).unwrap(), None);
    }

    #[test]
    fn collar_rejects_inverted_strikes() {
        let e = Position::new(PositionParams {
            economics: seed(),
            hedge: Hedge::Collar {
                put_strike: Decimal::from(300),
                put_premium: Decimal::ONE,
                call_strike: Decimal::from(200),
                call_premium: Decimal::ONE,
            },
            coverage: Decimal::ONE,
            carry_factor: Decimal::ONE,
        })
        .unwrap_err();
        assert_eq!(e.field(), Some(Field::CallStrike));
    }

    #[test]
    fn sold_call_caps_upside() {
        let p = pos(
            Hedge::sold_call(Decimal::from(250), Decimal::from(4)),
            Decimal::ONE,
        );
        assert_eq!(
            p.hedged_total(Decimal::from(300)).unwrap(),
            Decimal::from(1270)
        );
        assert_eq!(
            p.hedged_total(Decimal::from(200)).unwrap(),
            Decimal::from(1020)
        );
    }
}
