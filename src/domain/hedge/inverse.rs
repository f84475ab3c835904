//! The inverse forward's quote: coin per USD, its notional, coin settlement and order text.

use crate::domain::Field;
use crate::domain::economics::{PeriodEconomics, validate_price};
use crate::domain::error::Result;
use crate::domain::money::{self, MAX_PRICE};
use crate::domain::range::NumRange;
use crate::domain::ticket;
use rust_decimal::Decimal;

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
    pub(super) quote: Decimal,
}

const QUOTE_MIN: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

impl InverseQuote {
    /// Validates `p ∈ [1e-9, 1e9]` (field `"inverse quote"`).
    ///
    /// ```
    /// use minerhedge::domain::hedge::InverseQuote;
    /// use rust_decimal::Decimal;
    /// use minerhedge::domain::Field;
    /// assert_eq!(InverseQuote::new(Decimal::ZERO).unwrap_err().field(), Some(Field::InverseQuote));
    /// ```
    pub fn new(quote: Decimal) -> Result<Self> {
        const { NumRange::closed(QUOTE_MIN, MAX_PRICE) }.check(Field::InverseQuote, quote)?;
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
        money::div(Field::InverseQuote, Decimal::ONE, self.quote).map(|d| d.normalize())
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
        crate::domain::validate::dec_non_negative(Field::HedgedQuantity, hedged_quantity)?;
        money::div(Field::InverseNotional, hedged_quantity, self.quote).map(|d| d.normalize())
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
        let a = money::div(Field::Settlement, notional, s)?;
        let b = money::mul(Field::Settlement, notional, self.quote)?;
        money::sub(Field::Settlement, a, b)
    }

    /// The order text, e.g. `"Buy (Long) USD 1,250 at 0.004 ETH/USD"`: notional grouped by
    /// thousands with cents only when needed, quote as given (see [`ticket`]).
    ///
    /// ```
    /// # use minerhedge::domain::hedge::InverseQuote; use rust_decimal::Decimal;
    /// let q = InverseQuote::new(Decimal::new(3, 3))?;
    /// let n = q.notional(Decimal::new(370370371, 8))?; // 1,234.56790…
    /// assert_eq!(q.order_ticket(n, "ETH"), "Buy (Long) USD 1,234.57 at 0.003 ETH/USD");
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn order_ticket(&self, notional: Decimal, coin: &str) -> String {
        ticket::inverse_order(true, notional, self.quote, coin, ticket::Amount::AsNeeded)
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
