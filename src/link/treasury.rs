//! The treasury's keys (program page): the coins held, sold, lent, pledged to a loan and
//! written as covered calls (engine: [`crate::domain::program::treasury`]).

use super::List;
use rust_decimal::Decimal;

/// The treasury of a program. Per-month values are [`List`]s (a shorter list repeats its last
/// value).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TreasuryInputs {
    /// `hold0`: coins held at the start.
    pub hold0: Decimal,
    /// `cash0`: cash at the start, USD.
    pub cash0: Decimal,
    /// `sell`: share of each month's mined coins sold, %.
    pub sell_pct: List<Decimal>,
    /// `lend`: share of each month's unpledged coins lent, %.
    pub lend_pct: List<Decimal>,
    /// `lendy`: lending yield, % a year, paid in coin.
    pub lend_yield_pct: Decimal,
    /// `lpd`: the borrower's default probability, % a year.
    pub default_pct: Decimal,
    /// `lgd`: loss given default, % of the lent coins.
    pub loss_given_default_pct: Decimal,
    /// `loan`: USD borrowed against pledged coins at the start.
    pub loan: Decimal,
    /// `lrate`: the loan's rate, % a year.
    pub loan_rate_pct: Decimal,
    /// `pledge`: coins pledged; `None`: all the coins held at the start with a loan.
    pub pledge: Option<Decimal>,
    /// `ltvmc`: margin-call LTV, %.
    pub ltv_call_pct: Decimal,
    /// `ltvliq`: liquidation LTV, %.
    pub ltv_liquidation_pct: Decimal,
    /// `pcall`: the pledge needed's target chance of a margin call, %.
    pub call_target_pct: Decimal,
    /// `cc`: share of each month's unpledged coins written as calls, %.
    pub calls_pct: List<Decimal>,
    /// `cck`: each month's call strike, % of its one-month forward.
    pub call_strike_pct: List<Decimal>,
}

impl TreasuryInputs {
    /// The coins pledged ([`pledged`](crate::domain::program::treasury::pledged)).
    pub fn pledged(&self) -> Decimal {
        crate::domain::program::treasury::pledged(self.hold0, self.loan, self.pledge)
    }
}

/// The treasury's cross-key rules are the program page's (the period page carries the keys
/// as written and never builds a treasury).
#[cfg(feature = "program")]
mod rules {
    use super::super::value::dec_text;
    use super::super::{Key, LinkError, Scenario};
    use crate::domain::money;
    use rust_decimal::Decimal;

    impl Scenario {
        /// The treasury's cross-key rules: `pledge ≤ hold0`, `ltvliq > ltvmc`, a loan with
        /// coins pledged, and a loan whose LTV at spot is below the margin call's.
        ///
        /// ```
        /// use minerhedge::link::{Key, Scenario};
        /// let keys = |q: &str| Scenario::from_query(q).bad_keys();
        /// assert_eq!(keys("v=2&view=program&hold0=10&pledge=11"), vec![Key::Pledge]);
        /// assert_eq!(keys("v=2&view=program&ltvmc=80&ltvliq=80"), vec![Key::LtvLiquidation]);
        /// assert_eq!(keys("v=2&view=program&loan=1000"), vec![Key::Loan]);
        /// assert_eq!(keys("v=2&view=program&spot=100&hold0=10&loan=800"), vec![Key::Loan]);
        /// assert!(keys("v=2&view=program&spot=100&hold0=10&loan=600").is_empty());
        /// ```
        pub(in crate::link) fn treasury_errors(&self) -> Vec<LinkError> {
            let t = &self.program.treasury;
            let mut errors = Vec::new();
            let mut err = |key: Key, value: Decimal, reason: String| {
                errors.push(LinkError {
                    key,
                    value: dec_text(value),
                    reason,
                })
            };
            if t.ltv_liquidation_pct <= t.ltv_call_pct {
                err(
                    Key::LtvLiquidation,
                    t.ltv_liquidation_pct,
                    format!("must be above ltvmc = {}", dec_text(t.ltv_call_pct)),
                );
            }
            let pledged = t.pledged();
            if pledged > t.hold0 {
                err(
                    Key::Pledge,
                    pledged,
                    format!(
                        "must be at most the coins held, hold0 = {}",
                        dec_text(t.hold0)
                    ),
                );
            } else if t.loan > Decimal::ZERO && pledged.is_zero() {
                let reason = "a loan needs coins pledged (pledge, or hold0 with pledge absent)";
                err(Key::Loan, t.loan, reason.to_string());
            } else if t.loan > Decimal::ZERO {
                let collateral = money::checked_mul(pledged, self.market.spot);
                let limit = collateral
                    .and_then(|c| money::checked_mul(c, t.ltv_call_pct / Decimal::ONE_HUNDRED));
                if limit.is_some_and(|l| t.loan >= l) {
                    err(
                        Key::Loan,
                        t.loan,
                        format!(
                            "its LTV at spot, loan / (pledge·spot), must be below ltvmc = {} % \
                         (at most {} USD against {} coins at {})",
                            dec_text(t.ltv_call_pct),
                            dec_text(limit.unwrap_or_default().round_dp(2)),
                            dec_text(pledged),
                            dec_text(self.market.spot)
                        ),
                    );
                }
            }
            errors
        }

        /// Puts back `base`'s values of a treasury key a cross-key error is about.
        pub(in crate::link) fn reset_treasury(&mut self, key: Key, base: &Scenario) {
            let (t, b) = (&mut self.program.treasury, &base.program.treasury);
            match key {
                Key::LtvLiquidation => {
                    t.ltv_call_pct = b.ltv_call_pct;
                    t.ltv_liquidation_pct = b.ltv_liquidation_pct;
                }
                Key::Pledge | Key::Loan => {
                    t.pledge = b.pledge;
                    t.loan = b.loan;
                }
                _ => {}
            }
        }
    }
}
