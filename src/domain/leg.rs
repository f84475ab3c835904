//! Legs: the instruments a position is made of, and the outcome they settle on.
//!
//! A [`Leg`] has a [`LegKind`], a signed quantity of coins (`+` long: mined or bought; `−`
//! short: sold), a price (forward price, inverse quote or strike), a premium per coin for
//! options, a settlement date ([`Leg::tenor_days`]) and a settlement [`Currency`]. Its value
//! on an [`Outcome`] (USD, before premiums) is, with `q` the quantity and `S` the final price:
//!
//! | kind | price | value at `S` | settles in |
//! | --- | --- | --- | --- |
//! | mined coins | – | `q·S` (`q` scaled by `1/(1 + d)` for a difficulty change `d`) | coin |
//! | linear forward | `F` USD per coin | `q·(S − F)` | USD |
//! | inverse forward | `p` coin per USD | `q·S + N`, `N = −q/p` USD long (coin `N·(1/S − p)`) | coin |
//! | put | strike `K` | `q·max(K − S, 0)` | USD |
//! | call | strike `K` | `q·max(S − K, 0)` | USD |
//! | hashprice forward | fixed hashprice `H` USD per PH/s per day | `P·d·(H − k·S)` = `q·S + P·d·H` | USD |
//!
//! The hashprice forward sells `P` PH/s for `d` days at `H` and settles on the hashprice index
//! `HP = k·S`, `k` the coins one PH/s earns a day at the period's average difficulty (no pool
//! fee, no uptime). Its quantity is the coins that index stands for, `q = −P·d·k`, and, like
//! the mined coins, it scales by `1/(1 + d)` for a difficulty change `d`: it hedges price and
//! difficulty at once.
//!
//! A new instrument is one more kind here (its validation and value) plus one entry of the
//! strategy registry ([`super::strategy::STRATEGIES`]) that builds it.

use super::economics::price_field;
use super::error::{DomainError, Result};
use super::field::Field;
use super::hedge::InverseQuote;
use super::money::{self, MAX_PRICE};
use super::pricing::OptionKind;
use super::validate::dec_f64;
use crate::domain::range::NumRange;
use rust_decimal::Decimal;

/// Bought or sold: the sign of a leg's quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Bought (an option's premium paid).
    Long,
    /// Sold (an option's premium received; a forward sells the coin).
    Short,
}

impl Side {
    /// `+1` long, `−1` short.
    pub fn sign(self) -> Decimal {
        match self {
            Side::Long => Decimal::ONE,
            Side::Short => Decimal::NEGATIVE_ONE,
        }
    }
}

/// What a leg is.
///
/// ```
/// use minerhedge::domain::leg::LegKind;
/// use minerhedge::domain::pricing::OptionKind;
/// assert!(LegKind::Option(OptionKind::Put).is_option() && !LegKind::LinearForward.is_option());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegKind {
    /// The period's expected output: long coins, delivered by the rig.
    MinedCoins,
    /// A forward in USD per coin (short: coins sold at `F`).
    LinearForward,
    /// A forward quoted in coin per USD and settled in coin (short coin = long USD).
    InverseForward,
    /// A European option on the coin: a put (long: bought) or a call (short: sold).
    Option(OptionKind),
    /// A hashprice forward (short: hashrate's revenue sold at a fixed hashprice).
    HashpriceForward,
}

impl LegKind {
    /// Whether the leg is an option (has a strike and a premium).
    ///
    /// ```
    /// use minerhedge::domain::{leg::LegKind, pricing::OptionKind};
    /// assert!(LegKind::Option(OptionKind::Call).is_option());
    /// ```
    pub fn is_option(self) -> bool {
        self.option_kind().is_some()
    }

    /// The option's kind, put or call; `None` for the linear kinds.
    ///
    /// ```
    /// use minerhedge::domain::{leg::LegKind, pricing::OptionKind};
    /// assert_eq!(LegKind::Option(OptionKind::Put).option_kind(), Some(OptionKind::Put));
    /// assert_eq!(LegKind::MinedCoins.option_kind(), None);
    /// ```
    pub fn option_kind(self) -> Option<OptionKind> {
        match self {
            LegKind::Option(kind) => Some(kind),
            _ => None,
        }
    }

    /// Whether the leg's coins scale with the difficulty like the mined coins (the hashprice
    /// forward settles on the revenue of a hashrate).
    ///
    /// ```
    /// use minerhedge::domain::leg::LegKind;
    /// assert!(LegKind::HashpriceForward.follows_difficulty() && !LegKind::LinearForward.follows_difficulty());
    /// ```
    pub fn follows_difficulty(self) -> bool {
        matches!(self, LegKind::MinedCoins | LegKind::HashpriceForward)
    }

    /// Whether the leg's value is linear in the final price (mined coins and forwards).
    ///
    /// ```
    /// assert!(minerhedge::domain::leg::LegKind::InverseForward.is_linear());
    /// ```
    pub fn is_linear(self) -> bool {
        !self.is_option()
    }
}

/// The currency a leg settles in.
///
/// ```
/// use minerhedge::domain::leg::{Currency, Leg};
/// use rust_decimal::Decimal;
/// assert_eq!(Leg::inverse_forward(Decimal::ONE, Decimal::new(4, 3)).settlement, Currency::Coin);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    /// US dollars.
    Usd,
    /// The mined coin.
    Coin,
}

/// One instrument of a position. Build with the constructors; validated by
/// [`Leg::validate`] (and by [`super::hedge::Position::from_legs`]).
///
/// ```
/// use minerhedge::domain::leg::{Leg, LegKind};
/// use minerhedge::domain::pricing::OptionKind;
/// use rust_decimal::Decimal;
/// let put = Leg::bought_put(Decimal::from(5), Decimal::from(230), Decimal::from(12)).settling_on(30);
/// assert_eq!((put.kind, put.quantity, put.tenor_days), (LegKind::Option(OptionKind::Put), Decimal::from(5), Some(30)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Leg {
    /// What it is.
    pub kind: LegKind,
    /// Coins, signed: `+` long (mined, bought), `−` short (sold).
    pub quantity: Decimal,
    /// Forward price `F` (USD per coin), inverse quote `p` (coin per USD), strike `K`
    /// (USD per coin) or fixed hashprice `H` (USD per PH/s per day); 0 for mined coins.
    pub price: Decimal,
    /// Hashprice forward: its notional times its days, `P·d` (PH/s·days); 0 for other kinds.
    pub hash_days: Decimal,
    /// Option premium per coin, paid at the start when bought (`quantity > 0`) and received
    /// when sold: USD, or coin per coin for a coin-settled option; 0 for other kinds.
    pub premium: Decimal,
    /// Settlement date in days from the start; `None`: at the end of the period.
    pub tenor_days: Option<u32>,
    /// Settlement currency.
    pub settlement: Currency,
}

impl Leg {
    fn of(kind: LegKind, quantity: Decimal, price: Decimal, premium: Decimal) -> Self {
        let settlement = match kind {
            LegKind::MinedCoins | LegKind::InverseForward => Currency::Coin,
            LegKind::LinearForward | LegKind::Option(_) | LegKind::HashpriceForward => {
                Currency::Usd
            }
        };
        Leg {
            kind,
            quantity,
            price,
            hash_days: Decimal::ZERO,
            premium,
            tenor_days: None,
            settlement,
        }
    }

    /// The period's expected output `q` (coins, long).
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// assert_eq!(Leg::mined(Decimal::from(5)).quantity, Decimal::from(5));
    /// ```
    pub fn mined(quantity: Decimal) -> Self {
        Self::of(LegKind::MinedCoins, quantity, Decimal::ZERO, Decimal::ZERO)
    }

    /// `coins` sold forward at `price` USD per coin (quantity `−coins`).
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// assert_eq!(Leg::sold_forward(Decimal::from(5), Decimal::from(260)).quantity, Decimal::from(-5));
    /// ```
    pub fn sold_forward(coins: Decimal, price: Decimal) -> Self {
        Self::of(LegKind::LinearForward, -coins, price, Decimal::ZERO)
    }

    /// An inverse forward that sells `coins` at `quote` coin per USD: long USD `coins / quote`,
    /// settled in coin (quantity `−coins`).
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// assert_eq!(Leg::inverse_forward(Decimal::from(5), Decimal::new(4, 3)).price, Decimal::new(4, 3));
    /// ```
    pub fn inverse_forward(coins: Decimal, quote: Decimal) -> Self {
        Self::of(LegKind::InverseForward, -coins, quote, Decimal::ZERO)
    }

    /// Puts on `coins` bought at `strike` for `premium` per coin.
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// assert_eq!(Leg::bought_put(Decimal::ONE, Decimal::from(230), Decimal::TEN).premium, Decimal::TEN);
    /// ```
    pub fn bought_put(coins: Decimal, strike: Decimal, premium: Decimal) -> Self {
        Self::of(LegKind::Option(OptionKind::Put), coins, strike, premium)
    }

    /// `quantity` options of `kind` (negative: sold) at `strike` for `premium` per coin.
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// use minerhedge::domain::pricing::OptionKind;
    /// let sold_put = Leg::option(OptionKind::Put, Decimal::NEGATIVE_ONE, Decimal::from(190), Decimal::TWO);
    /// assert_eq!(sold_put, Leg::bought_put(Decimal::NEGATIVE_ONE, Decimal::from(190), Decimal::TWO));
    /// ```
    pub fn option(kind: OptionKind, quantity: Decimal, strike: Decimal, premium: Decimal) -> Self {
        Self::of(LegKind::Option(kind), quantity, strike, premium)
    }

    /// Calls on `coins` sold at `strike` for `premium` per coin (quantity `−coins`).
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// assert_eq!(Leg::sold_call(Decimal::ONE, Decimal::from(300), Decimal::TEN).quantity, Decimal::NEGATIVE_ONE);
    /// ```
    pub fn sold_call(coins: Decimal, strike: Decimal, premium: Decimal) -> Self {
        Self::of(LegKind::Option(OptionKind::Call), -coins, strike, premium)
    }

    /// A hashprice forward selling `hash_days` = `P·d` PH/s·days at the fixed hashprice
    /// `fixed` (USD per PH/s per day), settled on `k·S` with `k` = `coins_per_ph_day` (coins
    /// one PH/s earns a day at the expected difficulty): quantity `−P·d·k` coins.
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// // 2 PH/s for 30 days at $50/PH/day; k = 0.0005 coin per PH/s per day.
    /// let l = Leg::sold_hashprice(Decimal::from(60), Decimal::from(50), Decimal::new(5, 4))?;
    /// assert_eq!(l.quantity, Decimal::new(-3, 2));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn sold_hashprice(
        hash_days: Decimal,
        fixed: Decimal,
        coins_per_ph_day: Decimal,
    ) -> Result<Self> {
        let coins = money::mul(Field::Notional, hash_days, coins_per_ph_day)?;
        Ok(Leg {
            hash_days,
            ..Self::of(LegKind::HashpriceForward, -coins, fixed, Decimal::ZERO)
        })
    }

    /// The same option paid for and settled in coin, as on Deribit: its premium `P` (USD)
    /// becomes `P / spot` coin per coin, paid at the start at `spot`, and its payoff
    /// `max(K − S, 0)/S` coins (calls alike), worth the USD payoff at the final price. Other
    /// kinds are returned as they are.
    ///
    /// ```
    /// # use minerhedge::domain::leg::{Currency, Leg}; use rust_decimal::Decimal;
    /// let put = Leg::bought_put(Decimal::ONE, Decimal::from(230), Decimal::TEN).settled_in_coin(Decimal::from(250))?;
    /// assert_eq!((put.premium, put.settlement), (Decimal::new(4, 2), Currency::Coin));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn settled_in_coin(self, spot: Decimal) -> Result<Self> {
        if !self.kind.is_option() {
            return Ok(self);
        }
        Ok(Leg {
            premium: money::div(Field::Premium, self.premium, spot)?,
            settlement: Currency::Coin,
            ..self
        })
    }

    /// The same leg settling `days` after the start.
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// assert_eq!(Leg::mined(Decimal::ONE).settling_on(30).tenor_days, Some(30));
    /// ```
    pub fn settling_on(self, days: u32) -> Self {
        Leg {
            tenor_days: Some(days),
            ..self
        }
    }

    /// Checks the terms, naming the field: `"forward price"`, `"inverse quote"`,
    /// `"put strike"`, `"put premium"`, `"call strike"`, `"call premium"`, and the quantity
    /// (`"hedged quantity"`, at most 1e12 coins either way).
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// let bad = Leg::sold_forward(Decimal::ONE, Decimal::ZERO).validate().unwrap_err();
    /// use minerhedge::domain::Field;
    /// assert_eq!(bad.field(), Some(Field::ForwardPrice));
    /// ```
    pub fn validate(&self) -> Result<()> {
        let q = self.quantity.abs();
        if q > money::MAX_QUANTITY {
            return Err(DomainError::out_of_range(
                Field::HedgedQuantity,
                dec_f64(self.quantity),
                "at most 1,000,000,000,000 coins",
            ));
        }
        match self.kind {
            LegKind::MinedCoins => Ok(()),
            LegKind::LinearForward => price_field(Field::ForwardPrice, self.price).map(|_| ()),
            LegKind::InverseForward => InverseQuote::new(self.price).map(|_| ()),
            LegKind::Option(OptionKind::Put) => {
                price_field(Field::PutStrike, self.price)?;
                premium_field(Field::PutPremium, self.premium)
            }
            LegKind::Option(OptionKind::Call) => {
                price_field(Field::CallStrike, self.price)?;
                premium_field(Field::CallPremium, self.premium)
            }
            LegKind::HashpriceForward => {
                price_field(Field::HashpriceFixed, self.price)?;
                NumRange::closed(Decimal::ZERO, money::MAX_QUANTITY)
                    .check(Field::Notional, self.hash_days)
                    .map(|_| ())
            }
        }
    }

    /// USD the leg locks whatever the price: `P·d·H` for a hashprice forward (`−q·F` for a
    /// linear forward is summed by the position; 0 for other kinds).
    pub(crate) fn hash_locked(&self) -> Result<Decimal> {
        match self.kind {
            LegKind::HashpriceForward => {
                money::mul(Field::HedgedRevenue, self.hash_days, self.price)
            }
            _ => Ok(Decimal::ZERO),
        }
    }

    /// Long USD notional of an inverse forward, `N = −q/p` (0 for other kinds).
    ///
    /// ```
    /// # use minerhedge::domain::leg::Leg; use rust_decimal::Decimal;
    /// assert_eq!(Leg::inverse_forward(Decimal::from(5), Decimal::new(4, 3)).notional()?, Decimal::from(1250));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn notional(&self) -> Result<Decimal> {
        match self.kind {
            LegKind::InverseForward => InverseQuote::new(self.price)?.notional(-self.quantity),
            _ => Ok(Decimal::ZERO),
        }
    }

    /// Value in USD at final price `s`, before premiums, for a position whose inverse notional
    /// is `notional` (see [`Leg::notional`]); mined coins at their expected quantity.
    pub(crate) fn value_at(&self, s: Decimal, notional: Decimal) -> Result<Decimal> {
        let f = Field::HedgePayoff;
        let q = self.quantity;
        match self.kind {
            LegKind::MinedCoins => money::mul(Field::Revenue, q, s),
            LegKind::LinearForward => money::mul(f, q, s - self.price),
            LegKind::InverseForward => money::add(f, notional, money::mul(f, q, s)?),
            LegKind::Option(OptionKind::Put) => {
                money::mul(f, q, (self.price - s).max(Decimal::ZERO))
            }
            LegKind::Option(OptionKind::Call) => {
                money::mul(f, q, (s - self.price).max(Decimal::ZERO))
            }
            LegKind::HashpriceForward => money::add(f, money::mul(f, q, s)?, self.hash_locked()?),
        }
    }
}

fn premium_field(field: Field, v: Decimal) -> Result<()> {
    NumRange::closed(Decimal::ZERO, MAX_PRICE)
        .check(field, v)
        .map(|_| ())
}

/// What a position is valued on: the final price and, for instruments that depend on it, the
/// difficulty.
///
/// ```
/// use minerhedge::domain::leg::Outcome;
/// use rust_decimal::Decimal;
/// let o = Outcome::at_price(Decimal::from(250));
/// assert_eq!(o.difficulty_change, Decimal::ZERO);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Outcome {
    /// Final coin price at settlement, USD per coin.
    pub price: Decimal,
    /// Change of the difficulty over the period beyond what the expected output assumes, as a
    /// fraction (`0.1` = +10 %; the mined coins scale by `1/(1 + d)`), `> −1`.
    pub difficulty_change: Decimal,
}

impl Outcome {
    /// The final price `price` with the expected difficulty.
    ///
    /// ```
    /// # use minerhedge::domain::leg::Outcome; use rust_decimal::Decimal;
    /// assert_eq!(Outcome::at_price(Decimal::ONE).price, Decimal::ONE);
    /// ```
    pub fn at_price(price: Decimal) -> Self {
        Outcome {
            price,
            difficulty_change: Decimal::ZERO,
        }
    }
}
