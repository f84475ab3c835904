//! Hedge instruments on a period's output, exact payoffs, tables, the bridge to the `f64`
//! [`PayoffProfile`] of the risk module, and the
//! forward price / inverse quote a target return requires.
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

use super::economics::{price_field, validate_price, PeriodEconomics};
use super::error::{DomainError, Result};
use super::money::{self, grouped, MAX_PRICE};
use super::risk::{PayoffProfile, ProfileParams};
use super::validate::{dec_f64, dec_in_range};
use rust_decimal::Decimal;

/// A hedge instrument with its terms (per coin). Validated by [`Position::new`].
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
    /// Bought put.
    Put {
        /// Strike `K_p`, `(0, 1e9]` USD per coin.
        strike: Decimal,
        /// Premium per coin paid at the start, `[0, 1e9]` USD.
        premium: Decimal,
    },
    /// Sold (covered) call.
    SoldCall {
        /// Strike `K_c`, `(0, 1e9]` USD per coin.
        strike: Decimal,
        /// Premium per coin received at the start, `[0, 1e9]` USD.
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
    /// Short machine name: `unhedged`, `forward`, `inverse`, `put`, `call`, `collar`.
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
            Hedge::Put { .. } => "put",
            Hedge::SoldCall { .. } => "call",
            Hedge::Collar { .. } => "collar",
        }
    }

    fn validate(&self) -> Result<()> {
        match *self {
            Hedge::Unhedged => Ok(()),
            Hedge::Forward { price } => price_field("forward price", price).map(|_| ()),
            Hedge::InverseForward { quote } => InverseQuote::new(quote).map(|_| ()),
            Hedge::Put { strike, premium } => {
                price_field("put strike", strike)?;
                premium_field("put premium", premium)
            }
            Hedge::SoldCall { strike, premium } => {
                price_field("call strike", strike)?;
                premium_field("call premium", premium)
            }
            Hedge::Collar {
                put_strike,
                put_premium,
                call_strike,
                call_premium,
            } => {
                price_field("put strike", put_strike)?;
                premium_field("put premium", put_premium)?;
                price_field("call strike", call_strike)?;
                premium_field("call premium", call_premium)?;
                if call_strike < put_strike {
                    return Err(DomainError::out_of_range(
                        "call strike",
                        dec_f64(call_strike),
                        format!("at least the put strike {put_strike}"),
                    ));
                }
                Ok(())
            }
        }
    }
}

fn premium_field(field: &'static str, v: Decimal) -> Result<()> {
    dec_in_range(field, v, Decimal::ZERO, MAX_PRICE).map(|_| ())
}

/// An inverse forward quote `p` in COIN per USD, validated to `[1e-9, 1e9]`.
///
/// Long USD notional `N = h / p` for a hedged quantity `h`; settlement in coin
/// `N·(1/S − p)` (positive: the miner receives coin); the equivalent USD price is `1/p`.
///
/// ```
/// use minerhedge::domain::hedge::InverseQuote;
/// use rust_decimal::Decimal;
/// let q = InverseQuote::new(Decimal::new(4, 3))?;
/// assert_eq!(q.usd_price()?, Decimal::from(250));
/// let n = q.notional(Decimal::from(5))?;
/// assert_eq!(n, Decimal::from(1250));
/// assert_eq!(q.order_ticket(n, "ETH"), "Buy (Long) USD 1,250 at 0.004 ETH/USD");
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InverseQuote {
    quote: Decimal,
}

const QUOTE_MIN: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

impl InverseQuote {
    /// Validates `p ∈ [1e-9, 1e9]` (field `"inverse quote"`).
    ///
    /// ```
    /// use minerhedge::domain::hedge::InverseQuote;
    /// use rust_decimal::Decimal;
    /// assert_eq!(InverseQuote::new(Decimal::ZERO).unwrap_err().field(), Some("inverse quote"));
    /// ```
    pub fn new(quote: Decimal) -> Result<Self> {
        dec_in_range("inverse quote", quote, QUOTE_MIN, MAX_PRICE)?;
        Ok(Self {
            quote: quote.normalize(),
        })
    }

    /// The quote `p` (coin per USD).
    ///
    /// ```
    /// # use minerhedge::domain::hedge::InverseQuote; use rust_decimal::Decimal;
    /// assert_eq!(InverseQuote::new(Decimal::new(4, 3))?.quote(), Decimal::new(4, 3));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn quote(&self) -> Decimal {
        self.quote
    }

    /// Equivalent USD price per coin, `1/p`.
    ///
    /// ```
    /// # use minerhedge::domain::hedge::InverseQuote; use rust_decimal::Decimal;
    /// assert_eq!(InverseQuote::new(Decimal::new(5, 3))?.usd_price()?, Decimal::from(200));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn usd_price(&self) -> Result<Decimal> {
        money::div("inverse quote", Decimal::ONE, self.quote).map(|d| d.normalize())
    }

    /// Long USD notional `N = h / p` for hedged quantity `h` (coins, `≥ 0`).
    ///
    /// ```
    /// # use minerhedge::domain::hedge::InverseQuote; use rust_decimal::Decimal;
    /// let q = InverseQuote::new(Decimal::new(4, 3))?;
    /// assert_eq!(q.notional(Decimal::new(25, 1))?, Decimal::from(625));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn notional(&self, hedged_quantity: Decimal) -> Result<Decimal> {
        super::validate::dec_non_negative("hedged quantity", hedged_quantity)?;
        money::div("inverse notional", hedged_quantity, self.quote).map(|d| d.normalize())
    }

    /// Coin settlement at final price `S`: `N·(1/S − p)` coin (positive: received).
    ///
    /// ```
    /// # use minerhedge::domain::hedge::InverseQuote; use rust_decimal::Decimal;
    /// let q = InverseQuote::new(Decimal::new(4, 3))?;
    /// // at S = 200: 1250 × (0.005 − 0.004) = 1.25 ETH
    /// assert_eq!(q.settlement_coin(Decimal::from(1250), Decimal::from(200))?, Decimal::new(125, 2));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn settlement_coin(&self, notional: Decimal, s: Decimal) -> Result<Decimal> {
        validate_price(s)?;
        let a = money::div("settlement", notional, s)?;
        let b = money::mul("settlement", notional, self.quote)?;
        money::sub("settlement", a, b)
    }

    /// The order text, e.g. `"Buy (Long) USD 1,250 at 0.004 ETH/USD"`: notional grouped by
    /// thousands with cents only when needed (see [`money::grouped`]), quote as given.
    ///
    /// ```
    /// # use minerhedge::domain::hedge::InverseQuote; use rust_decimal::Decimal;
    /// let q = InverseQuote::new(Decimal::new(3, 3))?;
    /// let n = q.notional(Decimal::new(370370371, 8))?; // 1,234.56790…
    /// assert_eq!(q.order_ticket(n, "ETH"), "Buy (Long) USD 1,234.57 at 0.003 ETH/USD");
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn order_ticket(&self, notional: Decimal, coin: &str) -> String {
        format!(
            "Buy (Long) USD {} at {} {}/USD",
            grouped(notional),
            self.quote.normalize(),
            coin
        )
    }

    /// Return locked at full coverage: `N / cost − 1` with `N = Q / p`.
    ///
    /// ```
    /// use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
    /// use minerhedge::domain::hedge::InverseQuote;
    /// use minerhedge::domain::money::percent_rounded;
    /// use rust_decimal::Decimal;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let r = InverseQuote::new(Decimal::new(4, 3))?.locked_return(&e)?;
    /// assert_eq!(percent_rounded(r, 1), Decimal::new(136, 1));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn locked_return(&self, economics: &PeriodEconomics) -> Result<Decimal> {
        economics.return_of_total(self.notional(economics.output())?)
    }
}

/// Inputs of [`Position::new`].
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
///     settlement_coin: None, hedged_revenue: Decimal::from(1300), period_return: Decimal::TWO / Decimal::from(11) };
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
    /// Inverse forward only: settlement in coin `N·(1/S − p)`.
    pub settlement_coin: Option<Decimal>,
    /// Revenue + hedge payoff ([`Position::hedged_total`]; for forwards computed as
    /// `(Q − h)·S + h·F` or `(Q − h)·S + N`, so it is exact even when `N` has 28 decimals).
    pub hedged_revenue: Decimal,
    /// `hedged_revenue / cost − 1`.
    pub period_return: Decimal,
}

/// Economics + hedge + coverage + carry, validated, with exact payoffs.
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
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    economics: PeriodEconomics,
    hedge: Hedge,
    coverage: Decimal,
    carry: Decimal,
    hedged_qty: Decimal,
    notional: Decimal,
    carried_premium: Decimal,
}

impl Position {
    /// Validates the hedge terms (fields `"forward price"`, `"inverse quote"`,
    /// `"put strike"`, `"put premium"`, `"call strike"` (≥ put strike in a collar),
    /// `"call premium"`), `"coverage"` ∈ [0, 1] and `"carry factor"` ∈ (0, 100], and
    /// precomputes `h = c·Q`, the inverse notional `N = h/p` and the carried net premium
    /// `h·(P_p − P_c)·k`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let bad = Position::new(PositionParams { economics: e, hedge: Hedge::Unhedged, coverage: Decimal::TWO, carry_factor: Decimal::ONE });
    /// assert_eq!(bad.unwrap_err().field(), Some("coverage"));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn new(p: PositionParams) -> Result<Self> {
        p.hedge.validate()?;
        dec_in_range("coverage", p.coverage, Decimal::ZERO, Decimal::ONE)?;
        if !(p.carry_factor > Decimal::ZERO && p.carry_factor <= Decimal::ONE_HUNDRED) {
            return Err(DomainError::out_of_range(
                "carry factor",
                dec_f64(p.carry_factor),
                "greater than 0 and at most 100",
            ));
        }
        let q = p.economics.output();
        let hedged_qty = money::mul("coverage", p.coverage, q)?.normalize();
        let notional = match p.hedge {
            Hedge::InverseForward { quote } => InverseQuote::new(quote)?.notional(hedged_qty)?,
            _ => Decimal::ZERO,
        };
        let net_premium = match p.hedge {
            Hedge::Put { premium, .. } => premium,
            Hedge::SoldCall { premium, .. } => -premium,
            Hedge::Collar {
                put_premium,
                call_premium,
                ..
            } => put_premium - call_premium,
            _ => Decimal::ZERO,
        };
        let carried_premium = money::mul(
            "carried premium",
            money::mul("carried premium", hedged_qty, net_premium)?,
            p.carry_factor,
        )?;
        Ok(Self {
            economics: p.economics,
            hedge: p.hedge,
            coverage: p.coverage,
            carry: p.carry_factor,
            hedged_qty,
            notional,
            carried_premium,
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
            hedge: Hedge::Unhedged,
            coverage: Decimal::ZERO,
            carry: Decimal::ONE,
            hedged_qty: Decimal::ZERO,
            notional: Decimal::ZERO,
            carried_premium: Decimal::ZERO,
        }
    }

    /// The hedge instrument.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(Position::unhedged(e).hedge(), &Hedge::Unhedged);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hedge(&self) -> &Hedge {
        &self.hedge
    }

    /// Coverage `c`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(Position::unhedged(e).coverage(), Decimal::ZERO);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn coverage(&self) -> Decimal {
        self.coverage
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

    /// Hedged quantity `h = c·Q` (coins).
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

    /// Net option premium carried to the end of the period, `h·(P_p − P_c)·k` (USD; positive
    /// = a cost). Zero for forwards and the unhedged position.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e,
    ///     hedge: Hedge::Put { strike: Decimal::from(220), premium: Decimal::from(10) },
    ///     coverage: Decimal::ONE, carry_factor: Decimal::new(101, 2) })?;
    /// assert_eq!(pos.carried_net_premium(), Decimal::new(505, 1));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn carried_net_premium(&self) -> Decimal {
        self.carried_premium
    }

    /// Inverse forward only: long USD notional `N = c·Q / p`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::InverseForward { quote: Decimal::new(4, 3) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.inverse_notional(), Some(Decimal::from(1250)));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn inverse_notional(&self) -> Option<Decimal> {
        match self.hedge {
            Hedge::InverseForward { .. } => Some(self.notional),
            _ => None,
        }
    }

    /// Inverse forward only: the order text (see [`InverseQuote::order_ticket`]).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::InverseForward { quote: Decimal::new(4, 3) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.order_ticket("ETH").as_deref(), Some("Buy (Long) USD 1,250 at 0.004 ETH/USD"));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn order_ticket(&self, coin: &str) -> Option<String> {
        match self.hedge {
            Hedge::InverseForward { quote } => {
                Some(InverseQuote { quote }.order_ticket(self.notional, coin))
            }
            _ => None,
        }
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

    /// Hedge payoff in USD at `S` (formulas in the module docs; options net of the carried
    /// premium). Inverse forward: `N − h·S`, the USD value of its coin settlement sold at `S`
    /// (using `N·p = h`).
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
        let h = self.hedged_qty;
        let f = "hedge payoff";
        let gross = match self.hedge {
            Hedge::Unhedged => Decimal::ZERO,
            Hedge::Forward { price } => money::mul(f, h, price - s)?,
            Hedge::InverseForward { .. } => money::sub(f, self.notional, money::mul(f, h, s)?)?,
            Hedge::Put { strike, .. } => money::mul(f, h, (strike - s).max(Decimal::ZERO))?,
            Hedge::SoldCall { strike, .. } => -money::mul(f, h, (s - strike).max(Decimal::ZERO))?,
            Hedge::Collar {
                put_strike,
                call_strike,
                ..
            } => {
                let put = money::mul(f, h, (put_strike - s).max(Decimal::ZERO))?;
                let call = money::mul(f, h, (s - call_strike).max(Decimal::ZERO))?;
                money::sub(f, put, call)?
            }
        };
        money::sub(f, gross, self.carried_premium)
    }

    /// Inverse forward only: settlement in coin `N·(1/S − p)` (positive = received).
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
        match self.hedge {
            Hedge::InverseForward { quote } => InverseQuote { quote }
                .settlement_coin(self.notional, s)
                .map(|d| Some(d.normalize())),
            _ => {
                validate_price(s)?;
                Ok(None)
            }
        }
    }

    /// Hedged total at `S`: `Q·S + hedge payoff` (USD). Forwards are summed as
    /// `(Q − h)·S + h·F` (linear) or `(Q − h)·S + N` (inverse), so at full coverage the total
    /// is exactly `h·F` or `N`, whatever the digits of `N`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::InverseForward { quote: Decimal::new(4, 3) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// assert_eq!(pos.hedged_total(Decimal::new(12345, 2))?, Decimal::from(1250));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hedged_total(&self, s: Decimal) -> Result<Decimal> {
        match self.hedge {
            // (Q − h)·S + locked: exact for any quote (the notional N may carry 28 decimals).
            Hedge::Forward { .. } | Hedge::InverseForward { .. } => {
                validate_price(s)?;
                let open = self.economics.output() - self.hedged_qty;
                let f = "hedged revenue";
                money::add(f, money::mul(f, open, s)?, self.locked_usd()).map(|d| d.normalize())
            }
            _ => {
                let rev = self.revenue(s)?;
                money::add("hedged revenue", rev, self.hedge_payoff(s)?).map(|d| d.normalize())
            }
        }
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

    /// The inputs of the risk module's [`PayoffProfile`]
    /// for this position (`f64`): output `Q`, all-in and cash cost, coins sold forward `h`
    /// with the USD they lock (`h·F`, or `N` for the inverse forward), puts/calls `h` at their
    /// strikes and the carried net premium.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let pos = Position::new(PositionParams { economics: e, hedge: Hedge::InverseForward { quote: Decimal::new(4, 3) }, coverage: Decimal::ONE, carry_factor: Decimal::ONE })?;
    /// let prof = pos.profile()?;
    /// assert_eq!(prof.value_at(321.0), 1250.0);
    /// assert_eq!(pos.profile_params().locked_usd, 1250.0);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn profile_params(&self) -> ProfileParams {
        let h = dec_f64(self.hedged_qty);
        let cost = dec_f64(self.economics.cost());
        let mut p = ProfileParams {
            output: dec_f64(self.economics.output()),
            all_in_cost: cost,
            cash_cost: dec_f64(self.economics.cash_cost()).min(cost),
            locked_usd: dec_f64(self.locked_usd()),
            premium: dec_f64(self.carried_premium),
            ..ProfileParams::default()
        };
        match self.hedge {
            Hedge::Unhedged => {}
            Hedge::Forward { .. } | Hedge::InverseForward { .. } => p.sold_coins = h,
            Hedge::Put { strike, .. } => {
                p.puts = h;
                p.put_strike = dec_f64(strike);
            }
            Hedge::SoldCall { strike, .. } => {
                p.calls = h;
                p.call_strike = dec_f64(strike);
            }
            Hedge::Collar {
                put_strike,
                call_strike,
                ..
            } => {
                p.puts = h;
                p.put_strike = dec_f64(put_strike);
                p.calls = h;
                p.call_strike = dec_f64(call_strike);
            }
        }
        p
    }

    /// USD locked by a forward sale: `h·F` (forward), `N` (inverse), else 0.
    fn locked_usd(&self) -> Decimal {
        match self.hedge {
            // h ≤ 1e12 and F ≤ 1e9: the product fits.
            Hedge::Forward { price } => self.hedged_qty.checked_mul(price).unwrap_or(Decimal::ZERO),
            Hedge::InverseForward { .. } => self.notional,
            _ => Decimal::ZERO,
        }
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
        PayoffProfile::new(self.profile_params())
    }
}

/// Inputs of a required-price question: "what hedge gives at least `target_return` for every
/// final price ≥ `worst_price`, hedging a fraction `coverage` of output?"
///
/// At full coverage `worst_price` plays no role. With partial coverage the unhedged part
/// `(1 − c)·Q` is valued at `worst_price` (0 = the strict worst case), so the answer is a
/// guarantee, not a hedged-part-only figure.
///
/// ```
/// use minerhedge::domain::hedge::TargetParams;
/// use rust_decimal::Decimal;
/// let t = TargetParams { target_return: Decimal::new(15, 2), coverage: Decimal::ONE, worst_price: Decimal::ZERO };
/// assert_eq!(t.coverage, Decimal::ONE);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetParams {
    /// Target period return as a fraction, `[−1, 100]` (0.15 = 15 %).
    pub target_return: Decimal,
    /// Coverage `c ∈ (0, 1]`.
    pub coverage: Decimal,
    /// Lowest final price guarded against, `[0, 1e9]` USD per coin.
    pub worst_price: Decimal,
}

/// A validated [`TargetParams`].
///
/// ```
/// use minerhedge::domain::hedge::{Target, TargetParams};
/// use rust_decimal::Decimal;
/// let bad = Target::new(TargetParams { target_return: Decimal::ZERO, coverage: Decimal::ZERO, worst_price: Decimal::ZERO });
/// assert_eq!(bad.unwrap_err().field(), Some("coverage"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    params: TargetParams,
}

impl Target {
    /// Validates `"target return"` ∈ [−1, 100], `"coverage"` ∈ (0, 1], `"worst price"` ∈
    /// [0, 1e9].
    ///
    /// ```
    /// use minerhedge::domain::hedge::{Target, TargetParams};
    /// use rust_decimal::Decimal;
    /// assert!(Target::new(TargetParams { target_return: Decimal::new(15, 2), coverage: Decimal::ONE, worst_price: Decimal::ZERO }).is_ok());
    /// ```
    pub fn new(p: TargetParams) -> Result<Self> {
        dec_in_range(
            "target return",
            p.target_return,
            Decimal::NEGATIVE_ONE,
            Decimal::ONE_HUNDRED,
        )?;
        if !(p.coverage > Decimal::ZERO && p.coverage <= Decimal::ONE) {
            return Err(DomainError::out_of_range(
                "coverage",
                dec_f64(p.coverage),
                "greater than 0 and at most 1",
            ));
        }
        dec_in_range("worst price", p.worst_price, Decimal::ZERO, MAX_PRICE)?;
        Ok(Self { params: p })
    }

    /// A full-coverage target (worst price irrelevant).
    ///
    /// ```
    /// use minerhedge::domain::hedge::Target;
    /// use rust_decimal::Decimal;
    /// assert!(Target::full_coverage(Decimal::new(15, 2)).is_ok());
    /// ```
    pub fn full_coverage(target_return: Decimal) -> Result<Self> {
        Self::new(TargetParams {
            target_return,
            coverage: Decimal::ONE,
            worst_price: Decimal::ZERO,
        })
    }

    /// The validated inputs.
    ///
    /// ```
    /// # use minerhedge::domain::hedge::Target; use rust_decimal::Decimal;
    /// assert_eq!(Target::full_coverage(Decimal::ZERO)?.params().coverage, Decimal::ONE);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn params(&self) -> &TargetParams {
        &self.params
    }

    /// Required price level per hedged coin
    /// `L = (cost·(1 + t) − (1 − c)·Q·S_w) / (c·Q)`: the effective sale price (forward price,
    /// collar floor, put strike net of carried premium) that guarantees the target. `L ≤ 0`
    /// means the unhedged part alone already meets it.
    ///
    /// Then the return at any `S ≥ S_w` is at least `c·(Q·L/cost − 1) + …`; at `c = 1`,
    /// `L = cost·(1 + t)/Q` and the return is exactly `t`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let t = Target::full_coverage(Decimal::TWO / Decimal::from(11))?;
    /// assert!((t.required_level(&e)? - Decimal::from(260)).abs() < Decimal::new(1, 20));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn required_level(&self, economics: &PeriodEconomics) -> Result<Decimal> {
        let p = &self.params;
        let f = "target return";
        let need = money::mul(f, economics.cost(), Decimal::ONE + p.target_return)?;
        let unhedged = money::mul(
            "worst price",
            money::mul("worst price", Decimal::ONE - p.coverage, economics.output())?,
            p.worst_price,
        )?;
        let hedged = money::mul("coverage", p.coverage, economics.output())?;
        if hedged.is_zero() {
            return Err(DomainError::out_of_range(
                "coverage",
                dec_f64(p.coverage),
                "large enough that coverage × output is not 0",
            ));
        }
        money::div("coverage", money::sub(f, need, unhedged)?, hedged).map(|d| d.normalize())
    }
}

/// Required forward price for a target: `F = max(L, 0)` with `L` from
/// [`Target::required_level`]; at full coverage `F = cost·(1 + t) / Q`. A quoted forward
/// below `F` means the target is out of reach: "forego the investment".
///
/// ```
/// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
/// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
/// let f = required_forward_price(&e, &Target::full_coverage(Decimal::new(25, 2))?)?;
/// assert_eq!(f, Decimal::from(275));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn required_forward_price(economics: &PeriodEconomics, target: &Target) -> Result<Decimal> {
    Ok(target.required_level(economics)?.max(Decimal::ZERO))
}

/// Highest inverse quote (COIN/USD) that meets the target: `p = 1 / L`; any quote ≤ `p` is
/// at least as good. `None` when `L ≤ 0` (every quote meets it).
///
/// ```
/// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
/// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
/// let p = required_inverse_quote(&e, &Target::full_coverage(Decimal::new(25, 2))?)?;
/// assert_eq!(p, Some(Decimal::ONE / Decimal::from(275)));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn required_inverse_quote(
    economics: &PeriodEconomics,
    target: &Target,
) -> Result<Option<Decimal>> {
    let level = target.required_level(economics)?;
    if level <= Decimal::ZERO {
        return Ok(None);
    }
    money::div("target return", Decimal::ONE, level).map(|d| Some(d.normalize()))
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
        assert_eq!(e.field(), Some("call strike"));
    }

    #[test]
    fn sold_call_caps_upside() {
        let p = pos(
            Hedge::SoldCall {
                strike: Decimal::from(250),
                premium: Decimal::from(4),
            },
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
