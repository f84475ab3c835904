//! A position: the period's economics and a list of legs (the mined coins first), with exact
//! payoffs, table rows and its `f64` [`PayoffProfile`].

use super::{Hedge, InverseQuote};
use crate::domain::Field;
use crate::domain::economics::{PeriodEconomics, validate_price};
use crate::domain::error::{DomainError, Result};
use crate::domain::leg::{Currency, Leg, LegKind, Outcome};
use crate::domain::money;
use crate::domain::pricing::OptionKind;
use crate::domain::range::NumRange;
use crate::domain::risk::{OptionHolding, PayoffProfile, ProfileParams};
use crate::domain::ticket::{self, Amount};
use crate::domain::validate::dec_f64;
use rust_decimal::Decimal;

/// Inputs of [`Position::new`]: a single-instrument hedge on a share of the output.
///
/// ```
/// use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
/// use minerhedge::domain::hedge::{Hedge, PositionParams};
/// use rust_decimal::Decimal;
/// let p = PositionParams {
///     economics: PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?,
///     hedge: Hedge::Forward { price: Decimal::from(260) },
///     coverage: Decimal::ONE,
///     carry_factor: Decimal::ONE,
/// };
/// assert_eq!(p.coverage, Decimal::ONE);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PositionParams {
    /// Cost and expected output of the period.
    pub economics: PeriodEconomics,
    /// The instrument.
    pub hedge: Hedge,
    /// Coverage `c ∈ [0, 1]` of expected output.
    pub coverage: Decimal,
    /// Carry factor `k = e^{rT} ∈ (0, 100]` applied to premiums (see [`money::carry_factor`]).
    pub carry_factor: Decimal,
}

/// One row of a scenario table at a final price.
///
/// ```
/// use minerhedge::domain::hedge::Row;
/// use rust_decimal::Decimal;
/// let r = Row { price: Decimal::from(260), revenue: Decimal::from(1300), hedge_payoff: Decimal::ZERO,
///     settlement_coin: None, hedged_revenue: Decimal::from(1300), period_return: Decimal::TWO / Decimal::from(11),
///     output: Decimal::from(5), power_cost: None, credits: None };
/// assert_eq!(r.hedged_revenue, r.revenue + r.hedge_payoff);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Final price `S`.
    pub price: Decimal,
    /// Mining revenue `Q·S`.
    pub revenue: Decimal,
    /// Hedge payoff in USD (options: net of carried premiums).
    pub hedge_payoff: Decimal,
    /// Coin-settled legs only (the inverse forward): settlement in coin `N·(1/S − p)`.
    pub settlement_coin: Option<Decimal>,
    /// Revenue + hedge payoff ([`Position::hedged_total`]; for forwards computed as
    /// `(Q − h)·S + h·F` or `(Q − h)·S + N`, so it is exact even when `N` has 28 decimals).
    pub hedged_revenue: Decimal,
    /// `hedged_revenue / cost − 1`.
    pub period_return: Decimal,
    /// Coins mined at `S` (the expected output; fewer under a power contract that curtails).
    pub output: Decimal,
    /// Power paid at `S`, USD, when the period's power is known (rig mode).
    pub power_cost: Option<Decimal>,
    /// Resale and capacity credits at `S`, USD, when the period's power is known (rig mode).
    pub credits: Option<Decimal>,
}

/// Economics + legs + carry, validated, with exact payoffs.
///
/// ```
/// use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
/// use minerhedge::domain::hedge::{Hedge, Position, PositionParams};
/// use rust_decimal::Decimal;
/// let pos = Position::new(PositionParams {
///     economics: PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?,
///     hedge: Hedge::Forward { price: Decimal::from(260) },
///     coverage: Decimal::ONE,
///     carry_factor: Decimal::ONE,
/// })?;
/// assert_eq!(pos.hedge_payoff(Decimal::from(200))?, Decimal::from(300));
/// assert_eq!(pos.hedged_total(Decimal::from(200))?, Decimal::from(1300));
/// assert_eq!(pos.period_return(Decimal::from(300))?, Decimal::TWO / Decimal::from(11));
/// assert_eq!(pos.legs().len(), 2); // mined coins, forward
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    economics: PeriodEconomics,
    /// The mined coins first, then the hedge legs.
    legs: Vec<Leg>,
    carry: Decimal,
    hedged_qty: Decimal,
    /// Long USD notional of the inverse forwards, `Σ N`.
    notional: Decimal,
    /// USD locked by the forwards, `Σ h·F + Σ N`.
    locked: Decimal,
    carried_premium: Decimal,
    upfront_premium: Decimal,
    /// Net premium of the coin-settled options, paid in coin at the start (`Σ q·P/S₀`).
    coin_premium: Decimal,
}

impl Position {
    /// Validates the hedge terms (fields `"forward price"`, `"inverse quote"`,
    /// `"put strike"`, `"put premium"`, `"call strike"` (≥ put strike in a collar),
    /// `"call premium"`), `"coverage"` ∈ [0, 1] and `"carry factor"` ∈ (0, 100], and
    /// builds the legs on `h = c·Q` (see [`Position::from_legs`]).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let bad = Position::new(PositionParams { economics: e, hedge: Hedge::Unhedged, coverage: Decimal::TWO, carry_factor: Decimal::ONE });
    /// use minerhedge::domain::Field;
    /// assert_eq!(bad.unwrap_err().field(), Some(Field::Coverage));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn new(p: PositionParams) -> Result<Self> {
        p.hedge.validate()?;
        let hedged_qty = hedged_quantity(p.coverage, p.economics.output())?;
        check_carry(p.carry_factor)?;
        Self::from_legs(p.economics, p.hedge.legs(hedged_qty), p.carry_factor)
    }

    /// The position of `economics` (its mined coins) and `hedge` legs, premiums carried by
    /// `carry_factor` ∈ (0, 100]. Validates every leg ([`Leg::validate`]) and precomputes the
    /// inverse notional `N = h/p`, the USD the forwards lock and the carried net premium
    /// `Σ q·P·k` (summed per leg size, so a collar's is `h·(P_p − P_c)·k`).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// use minerhedge::domain::leg::Leg;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let two = vec![
    ///     Leg::sold_forward(Decimal::from(2), Decimal::from(260)),
    ///     Leg::sold_forward(Decimal::from(3), Decimal::from(270)),
    /// ];
    /// let pos = Position::from_legs(e, two, Decimal::ONE)?;
    /// assert_eq!(pos.hedged_total(Decimal::from(100))?, Decimal::from(2 * 260 + 3 * 270));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn from_legs(
        economics: PeriodEconomics,
        hedge: Vec<Leg>,
        carry_factor: Decimal,
    ) -> Result<Self> {
        check_carry(carry_factor)?;
        let tenor = hedge.iter().find_map(|l| l.tenor_days);
        let mined = Leg::mined(economics.output());
        let mined = match tenor {
            Some(days) => mined.settling_on(days),
            None => mined,
        };
        let mut legs = Vec::with_capacity(hedge.len() + 1);
        legs.push(mined);
        let (mut hedged_qty, mut notional, mut locked, mut coin_premium) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        // Net premium per coin for each leg size: `(|q|, Σ ±P)`.
        let mut premiums: Vec<(Decimal, Decimal)> = Vec::new();
        for leg in hedge {
            leg.validate()?;
            if leg.tenor_days != tenor {
                return Err(DomainError::out_of_range(
                    Field::Tenor,
                    leg.tenor_days.map_or(0.0, f64::from),
                    "the same settlement date for every leg of a position",
                ));
            }
            let size = leg.quantity.abs().normalize();
            hedged_qty = hedged_qty.max(size);
            match leg.kind {
                LegKind::MinedCoins => {}
                LegKind::LinearForward => {
                    // h ≤ 1e12 and F ≤ 1e9: the product fits.
                    locked = money::add(
                        Field::HedgedRevenue,
                        locked,
                        money::mul(Field::HedgedRevenue, -leg.quantity, leg.price)?,
                    )?;
                }
                LegKind::InverseForward => {
                    let n = leg.notional()?;
                    notional = money::add(Field::InverseNotional, notional, n)?;
                    locked = money::add(Field::HedgedRevenue, locked, n)?;
                }
                LegKind::HashpriceForward => {
                    locked = money::add(Field::HedgedRevenue, locked, leg.hash_locked()?)?;
                }
                LegKind::Option(_) => {
                    let signed = if leg.quantity.is_sign_negative() {
                        -leg.premium
                    } else {
                        leg.premium
                    };
                    if leg.settlement == Currency::Coin {
                        // Paid in coin at the start: coins the position gives up.
                        let f = Field::CarriedPremium;
                        coin_premium = money::add(f, coin_premium, money::mul(f, size, signed)?)?;
                        legs.push(leg);
                        continue;
                    }
                    match premiums.iter_mut().find(|(q, _)| *q == size) {
                        Some((_, net)) => *net = money::add(Field::CarriedPremium, *net, signed)?,
                        None => premiums.push((size, signed)),
                    }
                }
            }
            legs.push(leg);
        }
        let mut upfront = Decimal::ZERO;
        for (size, net) in &premiums {
            upfront = money::add(
                Field::CarriedPremium,
                upfront,
                money::mul(Field::CarriedPremium, *size, *net)?,
            )?;
        }
        let carried_premium = money::mul(Field::CarriedPremium, upfront, carry_factor)?;
        Ok(Self {
            economics,
            legs,
            carry: carry_factor,
            hedged_qty,
            notional,
            locked,
            carried_premium,
            upfront_premium: upfront,
            coin_premium,
        })
    }

    /// The period economics.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::unhedged(e);
    /// assert_eq!(pos.economics().cost(), Decimal::from(1100));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn economics(&self) -> &PeriodEconomics {
        &self.economics
    }

    /// The unhedged position (infallible: no hedge terms to validate).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(Position::unhedged(e).hedge_payoff(Decimal::from(200))?, Decimal::ZERO);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn unhedged(economics: PeriodEconomics) -> Self {
        Self {
            economics,
            legs: vec![Leg::mined(economics.output())],
            carry: Decimal::ONE,
            hedged_qty: Decimal::ZERO,
            notional: Decimal::ZERO,
            locked: Decimal::ZERO,
            carried_premium: Decimal::ZERO,
            upfront_premium: Decimal::ZERO,
            coin_premium: Decimal::ZERO,
        }
    }

    /// Every leg: the mined coins first, then the hedge.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// use minerhedge::domain::leg::LegKind;
    /// assert_eq!(Position::unhedged(e).legs()[0].kind, LegKind::MinedCoins);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn legs(&self) -> &[Leg] {
        &self.legs
    }

    /// The hedge legs (every leg but the mined coins).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert!(Position::unhedged(e).hedge_legs().is_empty());
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hedge_legs(&self) -> &[Leg] {
        &self.legs[1..]
    }

    /// Carry factor `k = e^{rT}`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(Position::unhedged(e).carry_factor(), Decimal::ONE);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn carry_factor(&self) -> Decimal {
        self.carry
    }

    /// Hedged quantity: the largest size of a hedge leg, `h = c·Q` for the single-instrument
    /// hedges (coins; 0 unhedged).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::Forward { price: Decimal::from(260) }, coverage: Decimal::new(5, 1), carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.hedged_quantity(), Decimal::new(25, 1));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hedged_quantity(&self) -> Decimal {
        self.hedged_qty
    }

    /// Net option premium paid at the start, `Σ q·P` (USD; negative = received).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e,
    ///     hedge: Hedge::sold_call(Decimal::from(300), Decimal::from(4)),
    ///     coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.upfront_premium(), Decimal::from(-20));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn upfront_premium(&self) -> Decimal {
        self.upfront_premium
    }

    /// Net option premium per hedged coin, USD (positive = paid): `Σ ±P` when every option
    /// leg has the same size (a put, a call, a collar), else the upfront premium per coin of
    /// [`Position::hedged_quantity`]; 0 without options.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e,
    ///     hedge: Hedge::Collar { put_strike: Decimal::from(220), put_premium: Decimal::from(10),
    ///                            call_strike: Decimal::from(280), call_premium: Decimal::from(7) },
    ///     coverage: Decimal::new(5, 1), carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.net_premium_per_coin(), Decimal::from(3));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn net_premium_per_coin(&self) -> Decimal {
        let options = || self.hedge_legs().iter().filter(|l| l.kind.is_option());
        let Some(first) = options().next() else {
            return Decimal::ZERO;
        };
        if options().all(|l| l.quantity.abs() == first.quantity.abs()) {
            options().fold(Decimal::ZERO, |net, l| {
                if l.quantity.is_sign_negative() {
                    net - l.premium
                } else {
                    net + l.premium
                }
            })
        } else {
            money::checked_div(self.upfront_premium, self.hedged_qty).unwrap_or(Decimal::ZERO)
        }
    }

    /// Net option premium carried to the end of the period, `h·(P_p − P_c)·k` (USD; positive
    /// = a cost). Zero for forwards and the unhedged position.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e,
    ///     hedge: Hedge::bought_put(Decimal::from(220), Decimal::from(10)),
    ///     coverage: Decimal::ONE, carry_factor: Decimal::new(101, 2) })?;
    /// assert_eq!(pos.carried_net_premium(), Decimal::new(505, 1));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn carried_net_premium(&self) -> Decimal {
        self.carried_premium
    }

    /// Net premium of the coin-settled options, paid in coin at the start (coins; negative =
    /// received); 0 without coin-settled options.
    pub fn coin_premium(&self) -> Decimal {
        self.coin_premium
    }

    fn has(&self, kind: LegKind) -> bool {
        self.hedge_legs().iter().any(|l| l.kind == kind)
    }

    /// Inverse forwards only: their long USD notional `N = c·Q / p`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::InverseForward { quote: Decimal::new(4, 3) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.inverse_notional(), Some(Decimal::from(1250)));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn inverse_notional(&self) -> Option<Decimal> {
        self.has(LegKind::InverseForward).then_some(self.notional)
    }

    /// The order that opens the hedge: every hedge leg's phrase (see [`ticket`]: an inverse
    /// forward's as its USD notional at its quote); `None` unhedged.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::InverseForward { quote: Decimal::new(4, 3) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.order_ticket("ETH").as_deref(), Some("Buy (Long) USD 1,250 at 0.004 ETH/USD"));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn order_ticket(&self, coin: &str) -> Option<String> {
        ticket::order(self.hedge_legs(), coin, Amount::AsNeeded)
    }

    /// Mining revenue `Q·S`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(Position::unhedged(e).revenue(Decimal::from(230))?, Decimal::from(1150));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn revenue(&self, s: Decimal) -> Result<Decimal> {
        self.economics.revenue(s)
    }

    /// Sum of the options' payoffs at `S`, before premiums.
    fn options_at(&self, s: Decimal) -> Result<Decimal> {
        let mut sum = Decimal::ZERO;
        for leg in self.hedge_legs().iter().filter(|l| l.kind.is_option()) {
            sum = money::add(Field::HedgePayoff, sum, leg.value_at(s, Decimal::ZERO)?)?;
        }
        Ok(sum)
    }

    /// Hedge payoff in USD at `S`: the sum of the hedge legs' values (module [`crate::domain::leg`])
    /// net of the carried premium. Inverse forward: `N − h·S`, the USD value of its coin
    /// settlement sold at `S` (using `N·p = h`).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e,
    ///     hedge: Hedge::Collar { put_strike: Decimal::from(220), put_premium: Decimal::from(10),
    ///                            call_strike: Decimal::from(280), call_premium: Decimal::from(10) },
    ///     coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.hedge_payoff(Decimal::from(200))?, Decimal::from(100));
    /// assert_eq!(pos.hedge_payoff(Decimal::from(250))?, Decimal::ZERO);
    /// assert_eq!(pos.hedge_payoff(Decimal::from(300))?, Decimal::from(-100));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hedge_payoff(&self, s: Decimal) -> Result<Decimal> {
        validate_price(s)?;
        let f = Field::HedgePayoff;
        let mut gross = Decimal::ZERO;
        for leg in self.hedge_legs() {
            let n = if leg.kind == LegKind::InverseForward {
                leg.notional()?
            } else {
                Decimal::ZERO
            };
            gross = money::add(f, gross, leg.value_at(s, n)?)?;
        }
        let coin_premium = money::mul(f, self.coin_premium, s)?;
        money::sub(f, money::sub(f, gross, self.carried_premium)?, coin_premium)
    }

    /// Coin-settled legs only: their settlement in coin at `S`, `N·(1/S − p)` for an inverse
    /// forward (positive = received).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::InverseForward { quote: Decimal::new(4, 3) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.settlement_coin(Decimal::from(250))?, Some(Decimal::ZERO));
    /// assert_eq!(pos.settlement_coin(Decimal::from(500))?, Some(Decimal::new(-25, 1)));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn settlement_coin(&self, s: Decimal) -> Result<Option<Decimal>> {
        let coin_legs = self
            .hedge_legs()
            .iter()
            .filter(|l| l.settlement == Currency::Coin);
        let mut total: Option<Decimal> = None;
        for leg in coin_legs {
            let coin = if leg.kind.is_option() {
                // max(K − S, 0)/S coins (calls alike), signed by the quantity.
                money::div(Field::Settlement, leg.value_at(s, Decimal::ZERO)?, s)?
            } else {
                InverseQuote::new(leg.price)?.settlement_coin(leg.notional()?, s)?
            };
            total = Some(match total {
                Some(t) => money::add(Field::Settlement, t, coin)?,
                None => coin,
            });
        }
        match total {
            Some(t) => Ok(Some(t.normalize())),
            None => {
                validate_price(s)?;
                Ok(None)
            }
        }
    }

    /// Hedged total at `S`: `Q·S + hedge payoff` (USD), summed as
    /// `(Q − h)·S + locked + options − premium` with the coins sold forward `h` and the USD they
    /// lock (`h·F` linear, `N` inverse), so at full coverage a forward's total is exactly `h·F`
    /// or `N`, whatever the digits of `N`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::InverseForward { quote: Decimal::new(4, 3) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.hedged_total(Decimal::new(12345, 2))?, Decimal::from(1250));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hedged_total(&self, s: Decimal) -> Result<Decimal> {
        self.value(&Outcome::at_price(s))
    }

    /// Hedged total on an outcome: at its price, with the mined coins scaled by
    /// `1/(1 + d)` for its difficulty change `d` (the hedge legs do not change).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// use minerhedge::domain::leg::Outcome;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::Forward { price: Decimal::from(260) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// // +25 % difficulty: 4 coins mined against 5 sold at 260; at 300 the missing coin costs 300.
    /// let o = Outcome { price: Decimal::from(300), difficulty_change: Decimal::new(25, 2) };
    /// assert_eq!(pos.value(&o)?, Decimal::from(1000));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn value(&self, outcome: &Outcome) -> Result<Decimal> {
        let s = outcome.price;
        validate_price(s)?;
        let f = Field::HedgedRevenue;
        let d = outcome.difficulty_change;
        if d <= Decimal::NEGATIVE_ONE {
            return Err(DomainError::out_of_range(
                Field::DifficultyChange,
                dec_f64(d),
                "greater than -1 (−100 %)",
            ));
        }
        // Coins left open: the mined coins plus the (negative) forward quantities; those that
        // follow the difficulty (mined, hashprice forward) scaled by 1/(1 + d).
        let (mut fixed, mut following) = (Decimal::ZERO, Decimal::ZERO);
        for leg in self.legs.iter().filter(|l| l.kind.is_linear()) {
            let sum = if leg.kind.follows_difficulty() {
                &mut following
            } else {
                &mut fixed
            };
            *sum = money::add(f, *sum, leg.quantity)?;
        }
        let scaled = if d.is_zero() {
            following
        } else {
            money::div(f, following, Decimal::ONE + d)?
        };
        let open = money::sub(f, money::add(f, fixed, scaled)?, self.coin_premium)?;
        let options = money::sub(f, self.options_at(s)?, self.carried_premium)?;
        let linear = money::add(f, money::mul(f, open, s)?, self.locked)?;
        money::add(f, linear, options).map(|d| d.normalize())
    }

    /// Return at `S`: `hedged total / cost − 1`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(Position::unhedged(e).period_return(Decimal::from(220))?, Decimal::ZERO);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn period_return(&self, s: Decimal) -> Result<Decimal> {
        self.economics.return_of_total(self.hedged_total(s)?)
    }

    /// The table row at `S`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let row = Position::unhedged(e).row(Decimal::from(300))?;
    /// assert_eq!(row.revenue, Decimal::from(1500));
    /// assert_eq!(row.settlement_coin, None);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn row(&self, s: Decimal) -> Result<Row> {
        let revenue = self.revenue(s)?.normalize();
        let hedge_payoff = self.hedge_payoff(s)?.normalize();
        let hedged_revenue = self.hedged_total(s)?;
        Ok(Row {
            price: s.normalize(),
            revenue,
            hedge_payoff,
            settlement_coin: self.settlement_coin(s)?,
            hedged_revenue,
            period_return: self.economics.return_of_total(hedged_revenue)?,
            output: self.economics.output(),
            power_cost: None,
            credits: None,
        })
    }

    /// Rows for every price in `prices` (first error wins).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let rows = Position::unhedged(e).table((20..=30).map(|k| Decimal::from(10 * k)))?;
    /// assert_eq!(rows.len(), 11);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn table(&self, prices: impl IntoIterator<Item = Decimal>) -> Result<Vec<Row>> {
        prices.into_iter().map(|s| self.row(s)).collect()
    }

    /// The inputs of the risk module's [`PayoffProfile`] for this position (`f64`): output `Q`,
    /// all-in and cash cost, coins sold forward with the USD they lock (`h·F`, or `N` for the
    /// inverse forward), every option (bought or sold, any strike; legs of one type and strike
    /// summed) and the carried net premium.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::InverseForward { quote: Decimal::new(4, 3) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// let prof = pos.profile()?;
    /// assert_eq!(prof.value_at(321.0), 1250.0);
    /// assert_eq!(pos.profile_params()?.locked_usd, 1250.0);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn profile_params(&self) -> Result<ProfileParams> {
        let cost = dec_f64(self.economics.cost());
        let (mut sold, mut hash) = (Decimal::ZERO, Decimal::ZERO);
        // (type, strike, signed coins), one per type and strike.
        let mut options: Vec<(OptionKind, Decimal, Decimal)> = Vec::new();
        for leg in self.hedge_legs() {
            let q = leg.quantity;
            match leg.kind {
                LegKind::MinedCoins => {
                    return Err(DomainError::out_of_range(
                        Field::Legs,
                        self.hedge_legs().len() as f64,
                        "one mined-coins leg",
                    ));
                }
                LegKind::LinearForward | LegKind::InverseForward => {
                    sold = money::add(Field::CoinsSoldForward, sold, -q)?;
                }
                LegKind::HashpriceForward => {
                    sold = money::add(Field::CoinsSoldForward, sold, -q)?;
                    hash = money::add(Field::CoinsSoldForward, hash, -q)?;
                }
                LegKind::Option(kind) => {
                    match options
                        .iter_mut()
                        .find(|(k, strike, _)| *k == kind && *strike == leg.price)
                    {
                        Some((_, _, n)) => *n = money::add(Field::Options, *n, q)?,
                        None => options.push((kind, leg.price, q)),
                    }
                }
            }
        }
        Ok(ProfileParams {
            output: dec_f64(self.economics.output()),
            all_in_cost: cost,
            cash_cost: dec_f64(self.economics.cash_cost()).min(cost),
            sold_coins: dec_f64(sold),
            hash_coins: dec_f64(hash),
            premium_coins: dec_f64(self.coin_premium),
            locked_usd: dec_f64(self.locked),
            options: options
                .into_iter()
                .map(|(kind, strike, q)| OptionHolding {
                    kind,
                    strike: dec_f64(strike),
                    quantity: dec_f64(q),
                })
                .collect(),
            premium: dec_f64(self.carried_premium),
            power: None,
        })
    }

    /// USD locked by the forwards: `Σ h·F` of the linear forwards plus the inverse forwards'
    /// notionals `Σ N` (0 without forwards).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::Forward { price: Decimal::from(260) }, coverage: Decimal::new(5, 1), carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.locked_usd(), Decimal::from(650));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn locked_usd(&self) -> Decimal {
        self.locked
    }

    /// The lowest hedged total over every final price `S ≥ 0`, exact: the total is linear
    /// between option strikes, so its minimum is at `S = 0` or at a strike; `None` when it is
    /// unbounded below (more coins sold than mined: a negative slope above every strike).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e,
    ///     hedge: Hedge::bought_put(Decimal::from(220), Decimal::from(10)),
    ///     coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.floor()?, Some(Decimal::from(5 * 220 - 5 * 10)));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn floor(&self) -> Result<Option<Decimal>> {
        let f = Field::HedgedRevenue;
        let mut slope = Decimal::ZERO;
        for leg in &self.legs {
            if leg.kind != LegKind::Option(OptionKind::Put) {
                slope = money::add(f, slope, leg.quantity)?;
            }
        }
        slope = money::sub(f, slope, self.coin_premium)?;
        if slope.is_sign_negative() && !slope.is_zero() {
            return Ok(None);
        }
        let strikes = self.legs.iter().filter(|l| l.kind.is_option());
        let mut lowest = self.total_at(Decimal::ZERO)?;
        for leg in strikes {
            lowest = lowest.min(self.total_at(leg.price)?);
        }
        Ok(Some(lowest.normalize()))
    }

    /// Hedged total at `s ≥ 0` (0 allowed), expected output: every leg's value less the
    /// carried premium.
    fn total_at(&self, s: Decimal) -> Result<Decimal> {
        let f = Field::HedgedRevenue;
        let mut total = Decimal::ZERO;
        for leg in &self.legs {
            let n = if leg.kind == LegKind::InverseForward {
                leg.notional()?
            } else {
                Decimal::ZERO
            };
            total = money::add(f, total, leg.value_at(s, n)?)?;
        }
        let coin_premium = money::mul(f, self.coin_premium, s)?;
        money::sub(f, money::sub(f, total, self.carried_premium)?, coin_premium)
    }

    /// The risk module's [`PayoffProfile`] of this position (see
    /// [`Position::profile_params`]).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(Position::unhedged(e).profile()?.value_at(220.0), 1100.0);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn profile(&self) -> Result<PayoffProfile> {
        PayoffProfile::new(self.profile_params()?)
    }
}

/// The coins a coverage `c ∈ [0, 1]` of the output `Q` hedges: `h = c·Q` (field
/// `"coverage"`).
///
/// ```
/// use minerhedge::domain::hedge::hedged_quantity;
/// use rust_decimal::Decimal;
/// assert_eq!(hedged_quantity(Decimal::new(5, 1), Decimal::from(5))?, Decimal::new(25, 1));
/// use minerhedge::domain::Field;
/// assert_eq!(hedged_quantity(Decimal::TWO, Decimal::ONE).unwrap_err().field(), Some(Field::Coverage));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn hedged_quantity(coverage: Decimal, output: Decimal) -> Result<Decimal> {
    NumRange::closed(Decimal::ZERO, Decimal::ONE).check(Field::Coverage, coverage)?;
    Ok(money::mul(Field::Coverage, coverage, output)?.normalize())
}

/// The largest carry factor: `e¹⁰ ≈ 22,026` (a rate of 100 % over ten years) fits.
pub(crate) const MAX_CARRY: u32 = 100_000;

fn check_carry(k: Decimal) -> Result<()> {
    // e^{r·T} with |r| ≤ 1 and T ≤ 10 years (a rate of 100 % over 3,650 days): at most e¹⁰.
    if !(k > Decimal::ZERO && k <= Decimal::from(MAX_CARRY)) {
        return Err(DomainError::out_of_range(
            Field::CarryFactor,
            dec_f64(k),
            "greater than 0 and at most 100,000",
        ));
    }
    Ok(())
}
