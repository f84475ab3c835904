//! One month of a treasury, in any number type ([`Amount`]): exact decimals for the plan,
//! `f64` on each simulated path. The two run the same steps, so the plan is the simulation on
//! the path that settles every month at its forward (with the expected default loss).

use rust_decimal::Decimal;

/// The arithmetic a ledger needs: `Decimal` (the plan) and `f64` (the paths).
///
/// Decimal operations saturate at `±Decimal::MAX` instead of failing: within the link's
/// ranges (coins ≤ 10⁹, prices ≤ 10⁹, USD ≤ 10¹²) no balance comes near it, and a ledger
/// never panics.
pub trait Amount: Copy + PartialOrd + std::fmt::Debug {
    /// Zero.
    const ZERO: Self;
    /// `self + o`.
    fn plus(self, o: Self) -> Self;
    /// `self − o`.
    fn minus(self, o: Self) -> Self;
    /// `self·o`.
    fn times(self, o: Self) -> Self;
    /// `self / o`; zero when `o` is zero.
    fn over(self, o: Self) -> Self;
}

impl Amount for f64 {
    const ZERO: f64 = 0.0;
    fn plus(self, o: f64) -> f64 {
        self + o
    }
    fn minus(self, o: f64) -> f64 {
        self - o
    }
    fn times(self, o: f64) -> f64 {
        self * o
    }
    fn over(self, o: f64) -> f64 {
        if o == 0.0 { 0.0 } else { self / o }
    }
}

/// `±Decimal::MAX` with the sign of the exact result of an operation that overflowed.
fn saturated(negative: bool) -> Decimal {
    if negative { Decimal::MIN } else { Decimal::MAX }
}

impl Amount for Decimal {
    const ZERO: Decimal = Decimal::ZERO;
    fn plus(self, o: Decimal) -> Decimal {
        crate::domain::money::checked_add(self, o)
            .unwrap_or_else(|| saturated(self.is_sign_negative()))
    }
    fn minus(self, o: Decimal) -> Decimal {
        crate::domain::money::checked_sub(self, o)
            .unwrap_or_else(|| saturated(self.is_sign_negative()))
    }
    fn times(self, o: Decimal) -> Decimal {
        crate::domain::money::checked_mul(self, o)
            .unwrap_or_else(|| saturated(self.is_sign_negative() != o.is_sign_negative()))
    }
    fn over(self, o: Decimal) -> Decimal {
        if o.is_zero() {
            return Decimal::ZERO;
        }
        crate::domain::money::checked_div(self, o)
            .unwrap_or_else(|| saturated(self.is_sign_negative() != o.is_sign_negative()))
    }
}

/// What the treasurer decided for one month (fractions, not percents).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthPolicy<N> {
    /// Share of the month's mined coins sold at its settlement.
    pub sell: N,
    /// Share of the unpledged coins held at the start that is lent.
    pub lend: N,
    /// Coin interest of the month per coin lent, `lendy·days/365`.
    pub lend_interest: N,
    /// Share of a defaulted loan lost, `lgd`.
    pub loss_given_default: N,
    /// Share of the unpledged coins held at the start written as calls.
    pub calls: N,
    /// The calls' strike as a share of the one-month forward.
    pub call_strike: N,
    /// Loan interest of the month per USD borrowed, `lrate·days/365`.
    pub loan_interest: N,
    /// Whether the loan is repaid at the month's end (the last month).
    pub repay: bool,
}

/// The month's market and mining on one path (or the plan).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthMarket<N> {
    /// Settlement price `S_m`, USD per coin.
    pub price: N,
    /// The one-month forward at the month's start, USD per coin.
    pub forward: N,
    /// The call's premium per coin written, USD (received at the start).
    pub call_premium: N,
    /// Coins mined.
    pub mined: N,
    /// The month's cash besides the coins sold: hedge payoff + credits − cost (USD; the
    /// hedge's premium was paid at the program's start).
    pub flow: N,
    /// The share of the lent coins' borrower that defaults: the plan's probability, or a
    /// path's 0 or 1.
    pub default_share: N,
}

/// The loan's limits as loan-to-value shares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoanLimits<N> {
    /// Margin call at or above this LTV.
    pub call: N,
    /// Liquidation at or above this LTV.
    pub liquidation: N,
}

/// Balances between months.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Balances<N> {
    /// Coins held, pledged ones included.
    pub held: N,
    /// Coins pledged to the loan.
    pub pledged: N,
    /// Cash, USD (negative: a shortfall no coin was left to cover).
    pub cash: N,
    /// Loan outstanding, USD.
    pub loan: N,
}

/// What happened in one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthRecord<N> {
    /// Balances at the month's end.
    pub end: Balances<N>,
    /// Coins lent during the month.
    pub lent: N,
    /// Interest received in coin.
    pub income: N,
    /// Lent coins lost to a default (the plan: expected).
    pub default_loss: N,
    /// Mined coins sold at the settlement.
    pub sold: N,
    /// Coins sold to bring cash back to zero.
    pub forced: N,
    /// Cash still missing after selling every unpledged coin, USD.
    pub shortfall: N,
    /// Coins written as calls.
    pub calls: N,
    /// Their premium, USD.
    pub call_premium: N,
    /// Their strike, USD per coin.
    pub strike: N,
    /// Whether the calls were exercised (`S_m` above the strike): the coins delivered.
    pub exercised: bool,
    /// Loan-to-value at the settlement price, before any repayment (0 without a loan).
    pub ltv: N,
    /// Whether the month ended at or above the margin-call LTV.
    pub margin_call: bool,
    /// Whether the month ended at or above the liquidation LTV: the pledged coins were sold.
    pub liquidated: bool,
}

impl<N: Amount> Balances<N> {
    /// Coins not pledged.
    fn free(&self) -> N {
        self.held.minus(self.pledged)
    }

    /// Runs one month (see the module docs of [`super`] for the order of its steps).
    pub fn month(
        &mut self,
        policy: &MonthPolicy<N>,
        market: &MonthMarket<N>,
        limits: LoanLimits<N>,
    ) -> MonthRecord<N> {
        let s = market.price;
        let free = self.free();
        let lent = free.times(policy.lend);
        let calls = free.times(policy.calls);
        let strike = market.forward.times(policy.call_strike);
        let call_premium = calls.times(market.call_premium);
        self.cash = self.cash.plus(call_premium);
        // The month's end.
        let sold = market.mined.times(policy.sell);
        self.cash = self
            .cash
            .plus(sold.times(s))
            .plus(market.flow)
            .minus(self.loan.times(policy.loan_interest));
        let income = lent.times(policy.lend_interest);
        let default_loss = lent
            .times(market.default_share)
            .times(policy.loss_given_default);
        self.held = self
            .held
            .plus(market.mined.minus(sold))
            .plus(income)
            .minus(default_loss);
        let exercised = calls > N::ZERO && s > strike;
        if exercised {
            self.deliver(calls, strike, s);
        }
        let ltv = self.loan.over(self.pledged.times(s));
        let margin_call = self.loan > N::ZERO && ltv >= limits.call;
        let liquidated = self.loan > N::ZERO && ltv >= limits.liquidation;
        if liquidated || policy.repay {
            self.repay(s, liquidated);
        }
        let (forced, shortfall) = self.cover(s);
        MonthRecord {
            end: *self,
            lent,
            income,
            default_loss,
            sold,
            forced,
            shortfall,
            calls,
            call_premium,
            strike,
            exercised,
            ltv,
            margin_call,
            liquidated,
        }
    }

    /// Delivers `calls` coins at `strike`: from the unpledged coins; any the treasury no
    /// longer holds (lost to a default) are settled in cash at `S − strike` each.
    fn deliver(&mut self, calls: N, strike: N, s: N) {
        let free = self.free();
        let delivered = if calls > free { free.max_zero() } else { calls };
        let short = calls.minus(delivered);
        self.held = self.held.minus(delivered);
        self.cash = self
            .cash
            .plus(delivered.times(strike))
            .minus(short.times(s.minus(strike)));
    }

    /// Repays the loan from cash; on a liquidation the lender first sells the pledged coins
    /// at `s`.
    fn repay(&mut self, s: N, liquidated: bool) {
        if liquidated {
            self.cash = self.cash.plus(self.pledged.times(s));
            self.held = self.held.minus(self.pledged);
        }
        self.cash = self.cash.minus(self.loan);
        self.loan = N::ZERO;
        self.pledged = N::ZERO;
    }

    /// Sells unpledged coins at `s` to bring negative cash back to zero: `(coins sold, USD
    /// still missing)`.
    fn cover(&mut self, s: N) -> (N, N) {
        if self.cash >= N::ZERO {
            return (N::ZERO, N::ZERO);
        }
        let need = N::ZERO.minus(self.cash).over(s);
        let free = self.free().max_zero();
        let forced = if need > free { free } else { need };
        self.held = self.held.minus(forced);
        self.cash = if forced == need {
            N::ZERO
        } else {
            self.cash.plus(forced.times(s))
        };
        let shortfall = if self.cash < N::ZERO {
            N::ZERO.minus(self.cash)
        } else {
            N::ZERO
        };
        (forced, shortfall)
    }

    /// Coins × `price` + cash − loan, USD.
    pub fn value(&self, price: N) -> N {
        self.held.times(price).plus(self.cash).minus(self.loan)
    }
}

trait MaxZero {
    fn max_zero(self) -> Self;
}

impl<N: Amount> MaxZero for N {
    fn max_zero(self) -> N {
        if self > N::ZERO { self } else { N::ZERO }
    }
}
