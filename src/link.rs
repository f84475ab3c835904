//! The scenario and its share link: a public, versioned query-string format.
//!
//! The whole page state is one [`Scenario`]. [`Scenario::to_query`] writes it as a query string
//! and [`Scenario::from_query`] reads it back, so that a link opens exactly the same view.
//!
//! # Share-link format, version 2
//!
//! A link is the page address followed by `?` and `key=value` pairs joined by `&`, in
//! `application/x-www-form-urlencoded` form, e.g. the seed scenario:
//!
//! ```text
//! ?v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge=forward&fwd=260&cov=100&lo=200&hi=300&step=10
//! ```
//!
//! Rules for readers (the decoder follows them):
//!
//! - `v` is the version, `1` or `2`. A link without `v` is read as version 1, except an
//!   address without any key of the format (the bare page), which opens the version-2
//!   defaults. Links with `v=1` open exactly as they always did.
//! - Every key is optional; a missing key takes its **default** from the table below. In
//!   version 2 the keys marked "follows the market" (`fwd`, `inv`, `kp`, `px`, `lo`, `hi`,
//!   `step`) are derived from spot, volatility, rate and period when missing, as the table
//!   says; in version 1 they take their version-1 defaults. Within a version defaults never
//!   change, and a key never changes its meaning.
//! - Unknown keys are ignored (so later additions do not break older pages).
//! - A bad value — not a number, out of range, unknown word, `v` other than `1` or `2` — is
//!   ignored: that field keeps its default and the decoder reports the key, the value and the
//!   valid range. The rest of the link still applies. When a key is repeated the first value
//!   is used. A bad `v` is read as its default, version 1.
//! - Numbers are exact decimals: `[+-]digits[.digits]`, optionally with an exponent
//!   (`1.2e14`); no thousands separators. `0.004` is read as exactly 0.004 (no binary
//!   floating point on the way). More than 28 decimals is refused, not rounded.
//! - Percent keys hold percents as written: `vol=80` is 80 %.
//! - Words (`mode`, `hedge`, `kc=zero`) are read ignoring ASCII case.
//! - List values (version 2, for keys that hold one value per month): `a,b,c`; a list
//!   shorter than needed repeats its last value ([`List`]). Each item follows the key's
//!   rules; a bad item refuses the whole list and names its position.
//! - Cross-key rules, on the values as resolved: `lo < hi` and `(hi - lo) / step ≤ 1,000`
//!   (else `lo`, `hi` and `step` all fall back to their defaults); `elapsed ≤ days` and
//!   `halv ≤ days` (else that key falls back); `sub + fee > 0` (else `sub` falls back).
//! - The ranges are the engine's: a decoded scenario is computed, or the page names the key
//!   to change where a value the engine derives would pass its limits (README, "One range
//!   per key"; `tests/native/ranges.rs`).
//!
//! Writers ([`Scenario::to_query`]) produce the canonical form: `v=2` first, then every key in
//! the order of the table, except optional keys that are not set and market-following keys
//! that follow the market; numbers normalized (no trailing zeros, no exponent, no `+`), words
//! in lower case. Decoding then encoding a canonical link gives it back unchanged.
//!
//! ## Keys
//!
//! | key | meaning | unit | valid values | default | page |
//! | --- | --- | --- | --- | --- | --- |
//! | `v` | format version | - | 1 or 2 | 1 | both |
//! | `coin` | coin label | - | 1 to 10 letters or digits (A-Z, a-z, 0-9) | ETH | both |
//! | `mode` | direct: period cost and expected output given; rig: derived from the rig | - | one of direct, rig | direct | both |
//! | `cost` | period cost (direct mode) | USD | between 0.01 and 1,000,000,000,000 | 1100 | both |
//! | `qty` | expected output over the period (direct mode) | coins | greater than 0 and at most 1,000,000,000,000 | 5 | both |
//! | `hr` | hashrate (rig) | TH/s | greater than 0 and at most 100,000,000 | 200 | both |
//! | `eff` | efficiency (rig) | J/TH | greater than 0 and at most 1,000,000 | 17.5 | both |
//! | `pwr` | power price (rig) | USD/kWh | between 0 and 100 | 0.06 | both |
//! | `opex` | other fixed costs over the period (rig) | USD | between 0 and 1,000,000,000,000 | 0 | both |
//! | `pool` | pool fee (rig) | % | at least 0 and less than 100 | 2 | both |
//! | `up` | uptime (rig) | % | greater than 0 and at most 100 | 97 | both |
//! | `diff` | network difficulty at the start (rig); a suffix k, M, G, T or P may follow (`120T`) | - | between 1 and 100,000,000,000,000,000 | 120000000000000 | both |
//! | `dg` | difficulty growth over the period (rig) | % | greater than -100 and at most 1,000 | 0 | period |
//! | `sub` | block subsidy (rig); `sub` + `fee` greater than 0 | coins per block | between 0 and 1,000,000 | 3.125 | both |
//! | `fee` | average fees per block (rig) | coins per block | between 0 and 1,000,000 | 0.02 | both |
//! | `capex` | hardware cost, amortized over its lifetime (rig) | USD | between 0 and 1,000,000,000,000 | 0 | both |
//! | `life` | hardware lifetime (rig) | days | whole number between 1 and 36,500 | 1095 | both |
//! | `ptype` | power contract (rig): `fixed`, every hour at `pwr`; `index`, each hour at the market's price, running only when mining pays for the hour; `ppa`, a take-or-pay block at `pwr` resold at the hour's price when the rig is off | - | one of fixed, index, ppa | fixed | both |
//! | `pidx` | index and ppa (rig): the mean of the hour's market power price; the program reads one per month (the power forward curve); an empty item: `1000·pwr` | USD/MWh | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each greater than 0 and at most 1,000,000, or absent | absent | both |
//! | `psd` | index and ppa (rig): standard deviation of the log of the hour's power price within a period (lognormal); the program reads one per month | - | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each greater than 0 and at most 5 | 0.5 | both |
//! | `pcurve` | index and ppa (rig): the hours' power prices, equally weighted (a price-duration curve, negative prices allowed); replaces the lognormal and `pidx` | USD/MWh | a list a,b,c of 1 to 48 numbers, each between -1,000,000 and 1,000,000 | absent | both |
//! | `drc` | capacity or demand-response credit (rig), any contract | USD per MW per 30 days | between 0 and 1,000,000,000 | 0 | both |
//! | `days` | period and option tenor | days | whole number between 1 and 3,650 | 30 | period |
//! | `spot` | coin price today | USD per coin | between 0.000000000001 and 1,000,000,000 | 250 | both |
//! | `vol` | price volatility, annualized | % | between 0 and 500 | 80 | both |
//! | `rate` | risk-free rate, continuously compounded, annualized | % | between -100 and 100 | 5 | both |
//! | `hedge` | hedge shown | - | one of none, forward, inverse, put, putspread, collar, seagull, call, hashprice | forward | period |
//! | `cov` | coverage, share of expected output hedged | % | between 0 and 100 | 100 | period |
//! | `fwd` | forward price | USD per coin | between 0.000000000001 and 1,000,000,000 | follows the market: the model's forward spot·e^(rate·days/365) (version 1: 260) | period |
//! | `inv` | inverse forward quote | coin per USD | between 0.000000001 and 1,000,000,000 | follows the market: the reciprocal of the forward, 1 / fwd (version 1: 0.004) | period |
//! | `kp` | put strike | USD per coin | between 0.000000000001 and 1,000,000,000 | follows the market: a round strike below spot, about 90 % of spot (version 1: 230) | period |
//! | `kp2` | the sold put's strike of a put spread or three-way collar; below `kp` | USD per coin | between 0.000000000001 and 1,000,000,000 | follows the market: a round strike below spot, about 75 % of spot (version 1: 190) | period |
//! | `kc` | call strike, or `zero` to solve the call that pays for the other legs (zero-cost collar, three-way collar) | USD per coin | `zero`, or between 0.000000000001 and 1,000,000,000 | zero | period |
//! | `pp` | quoted put premium; absent: priced by the model | USD per coin | between 0 and 1,000,000,000, or absent | absent | period |
//! | `cp` | quoted call premium; absent: priced by the model | USD per coin | between 0 and 1,000,000,000, or absent | absent | period |
//! | `px` | final price on the price slider | USD per coin | between 0 and 1,000,000,000 | follows the market: spot (version 1: 250) | both |
//! | `lo` | lowest price of chart and table; less than `hi` | USD per coin | between 0 and 1,000,000,000 | follows the market: spot less 3 standard deviations of the period's price, on the step grid, at least 0 (version 1: 200) | period |
//! | `hi` | highest price of chart and table | USD per coin | between 0.000000000001 and 1,000,000,000 | follows the market: spot plus 3 standard deviations of the period's price, on the step grid (version 1: 300) | period |
//! | `step` | price step of the table; (hi - lo) / step at most 1,000 | USD per coin | between 0.000000000001 and 1,000,000,000 | follows the market: a round step (1, 2 or 5 × 10ⁿ) giving 10 to 20 rows (version 1: 10) | period |
//! | `seed` | Monte Carlo seed | - | whole number between 0 and 18,446,744,073,709,551,615 | 1 | both |
//! | `paths` | Monte Carlo paths | - | whole number between 1 and 1,000,000 | 10000 | both |
//! | `dvol` | difficulty volatility, annualized | % | between 0 and 500 | 0 | both |
//! | `elapsed` | days elapsed, for the value before expiry; at most `days` | days | whole number between 0 and 3,650 | 0 | period |
//! | `halv` | day of the period on which the subsidy halves; absent: no halving; at most `days` | days | whole number between 0 and 3,650, or absent | absent | period |
//! | `rspot` | rebalancing: the coin price now; 0: the same as `spot` | USD per coin | between 0 and 1,000,000,000 | 0 | period |
//! | `rdg` | rebalancing: change of the expected difficulty since the hedge was placed | % | greater than -100 and at most 1,000 | 0 | period |
//! | `hpf` | hashprice forward: the fixed hashprice sold (rig mode); the notional is coverage × the rig's hashrate | USD per PH/s per day | between 0.000000000001 and 1,000,000,000, or absent | follows the market: the hashprice at the forward price and the period's average difficulty (version 1: ) | period |
//! | `rr25` | volatility smile: 25-delta call vol minus 25-delta put vol (negative: puts richer); 0 with bf25 = 0: one flat vol | vol points | between -50 and 50 | 0 | both |
//! | `bf25` | volatility smile: average of the 25-delta vols minus the at-the-money vol (`vol`) | vol points | between -50 and 50 | 0 | both |
//! | `settle` | options: usd (premium and payoff in USD) or coin (premium paid in coin at spot, payoff max(K − S, 0)/S coins, as on Deribit) | - | one of usd, coin | usd | period |
//! | `im` | margin: initial margin of a forward hedge, share of the notional at entry | % | between 0 and 100 | 20 | period |
//! | `mm` | margin: maintenance margin, share of the notional at the current price; at most `im` | % | between 0 and 100 | 10 | period |
//! | `coll` | margin: collateral posted for a forward hedge; absent: the initial margin | USD | between 0 and 1,000,000,000,000, or absent | absent | period |
//! | `pliq` | margin: the probability of touching the liquidation price before settlement that the collateral needed is sized for | % | between 0.000001 and 99.9 | 1 | period |
//! | `view` | the page's view: period (one period) or program (a hedge per month) | - | one of period, program | period | both |
//! | `start` | program: first day of the first month; absent: the first day of next month (the share link always carries it) | - | a date YYYY-MM-DD from 2000-01-01 to 2199-12-31, or absent | absent | program |
//! | `months` | program: number of months | months | whole number between 1 and 36 | 12 | program |
//! | `dgm` | program: difficulty growth per month, compounded (month m: diff·(1 + dgm)^m) | % | greater than -50 and at most 100 | 2 | program |
//! | `halvdate` | program: date the block subsidy halves (on or after `start`); absent: none | - | a date YYYY-MM-DD from 2000-01-01 to 2199-12-31, or absent | absent | program |
//! | `basis` | program: forward curve F = spot·e^(basis·T), annualized, continuously compounded | % | between -100 and 100 | 5 | program |
//! | `pfwd` | program: forward price of each month, overriding the curve where given; an empty item takes the curve | USD per coin | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each between 0.000000000001 and 1,000,000,000, or absent | absent | program |
//! | `ph` | program: hedge of each month | - | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each one of none, forward, inverse, put, putspread, collar, seagull, call, hashprice | forward | program |
//! | `pcov` | program: coverage of each month, share of that month's expected output | % | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each between 0 and 100 | 80,80,80,60,60,60,40 | program |
//! | `pkp` | program: put strike of each month, share of that month's forward | % of forward | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each greater than 0 and at most 1,000 | 90 | program |
//! | `pkp2` | program: the sold put's strike of each month's put spread or three-way collar, share of that month's forward; below `pkp` | % of forward | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each greater than 0 and at most 1,000 | 75 | program |
//! | `pkc` | program: call strike of each month, share of that month's forward, or `zero` for the zero-cost call on that month's premiums | % of forward | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each `zero`, or greater than 0 and at most 1,000 | zero | program |
//! | `corr` | simulation: correlation of price and difficulty shocks | % | between -100 and 100 | 0 | both |
//! | `pvol` | simulation (index and ppa): volatility of the period's (each month's) mean power price around `pidx`, annualized | % | between 0 and 500 | 0 | both |
//! | `pcorr` | simulation: correlation of the coin price's and the power price's shocks | % | between -100 and 100 | 0 | both |
//! | `drift` | simulation: the coin price's expected growth, annualized, continuously compounded, as the treasurer's own view; absent: the market's (the period's rate, the program's forward curve) | % a year | between -1,000 and 1,000, or absent | absent | both |
//! | `aq` | program: coins actually mined in each month that has passed | coins | a list a,b,c of up to 36 items, one per month from the first (an empty item, or a month beyond the list: not known yet), each greater than 0 and at most 1,000,000,000,000 | absent | program |
//! | `apx` | program: the price each month that has passed settled at | USD per coin | a list a,b,c of up to 36 items, one per month from the first (an empty item, or a month beyond the list: not known yet), each between 0.000000000001 and 1,000,000,000 | absent | program |
//! | `pneg` | program: the suggested ladder's target, the largest chance of a month's net cash below 0 | % | between 0 and 100 | 5 | program |
//! | `pmax` | program: the suggested ladder's cap on each month's coverage | % | between 0 and 100 | 100 | program |
//! | `hold0` | treasury: coins held at the start | coins | between 0 and 1,000,000,000 | 0 | program |
//! | `cash0` | treasury: cash at the start (before the loan and the premiums) | USD | between 0 and 1,000,000,000,000 | 0 | program |
//! | `sell` | treasury: share of each month's mined coins sold at its settlement; the rest is kept | % | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each between 0 and 100 | 100 | program |
//! | `lend` | treasury: share of the unpledged coins held at each month's start that is lent | % | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each between 0 and 100 | 0 | program |
//! | `lendy` | treasury: interest on coins lent, paid in coin at each month's end (lent·lendy·days/365) | % a year | between 0 and 100 | 0 | program |
//! | `lpd` | treasury: the coin borrower's default probability (month: 1 − (1 − lpd)^(days/365)) | % a year | between 0 and 100 | 0 | program |
//! | `lgd` | treasury: share of the lent coins a default loses | % | between 0 and 100 | 100 | program |
//! | `loan` | treasury: USD borrowed at the start against pledged coins, repaid at the end of the last month | USD | between 0 and 1,000,000,000,000 | 0 | program |
//! | `lrate` | treasury: the loan's interest, paid monthly from cash (loan·lrate·days/365) | % a year | between 0 and 100 | 0 | program |
//! | `pledge` | treasury: coins pledged to the loan (neither sold nor lent), at most `hold0`; absent: all the coins held at the start with a loan, none without | coins | between 0 and 1,000,000,000, or absent | absent | program |
//! | `ltvmc` | treasury: loan-to-value, loan / (pledge·price), of the margin call | % | greater than 0 and at most 100 | 70 | program |
//! | `ltvliq` | treasury: loan-to-value of the liquidation (the pledged coins sold), above `ltvmc` | % | greater than 0 and at most 100 | 85 | program |
//! | `pcall` | treasury: the chance of a margin call before the end that the pledge needed keeps to | % | greater than 0 and less than 100 | 1 | program |
//! | `cc` | treasury: share of the unpledged coins held at each month's start written as one-month calls | % | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each between 0 and 100 | 0 | program |
//! | `cck` | treasury: each month's covered-call strike, share of its one-month forward | % of forward | a list a,b,c of 1 to 36 items, one per month (a shorter list repeats its last value), each greater than 0 and at most 1,000 | 110 | program |
//! | `ptarget` | coverage frontier: the probability of covering the period's cash cost that the suggested coverage reaches | % | between 0 and 100 | 95 | period |
//!
//! The same table is available at run time as [`KEYS`] and as Markdown from
//! [`markdown_table`]; a test checks that this documentation equals it.
//!
//! ## Example
//!
//! ```
//! use minerhedge::link::{HedgeChoice, Scenario};
//! use rust_decimal::Decimal;
//!
//! let decoded = Scenario::from_query("?v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250\
//!     &hedge=forward&fwd=260&cov=100&lo=200&hi=300&step=10");
//! assert!(decoded.errors.is_empty());
//! assert_eq!(decoded.scenario, Scenario::default());
//!
//! let bad = Scenario::from_query("v=1&vol=abc&hedge=inverse&inv=0.004");
//! assert_eq!(bad.scenario.hedge.choice, HedgeChoice::Inverse);
//! assert_eq!(bad.scenario.hedge.inverse_quote, Some(Decimal::new(4, 3))); // exactly 0.004
//! assert_eq!(bad.scenario.market.vol_pct, Decimal::from(80)); // default kept
//! assert_eq!(
//!     bad.errors[0].to_string(),
//!     "vol = \"abc\": not a number; valid: between 0 and 500 %"
//! );
//! ```

mod list;
use crate::domain::number;
mod power;
mod presets;
mod program;
mod scenario;
mod spec;
mod treasury;
mod value;

pub use list::{List, MAX_ITEMS as MAX_LIST_ITEMS};
pub use power::{PowerInputs, PriceCurve};
pub use presets::{PRESETS, PROGRAM_PRESETS, Preset};
pub use program::{Page, ProgramInputs, date_text, first_of_next_month, parse_date};
pub use scenario::{
    EconomicsInputs, HedgeInputs, MarketInputs, Resolved, RigInputs, Scenario, SimulationInputs,
    ViewInputs, round_step_at_least,
};
pub use spec::{
    HEDGE_WORDS, KEYS, Key, KeySpec, Kind, MAX_DAYS, MAX_MONTHS, MAX_PATHS, MAX_TABLE_STEPS,
    MODE_WORDS, NumRange, PAGE_WORDS, POWER_WORDS, Pages, SETTLE_WORDS, Written, markdown_table,
};
pub use treasury::TreasuryInputs;

use crate::domain::money;
use number::{MAX_VALUE_LEN, parse_decimal};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::fmt;
use value::dec_text;
pub use value::{Place, Slot, Value, Why};

/// The format version written by [`Scenario::to_query`]; [`Scenario::from_query`] reads it
/// and version 1.
///
/// ```
/// use minerhedge::link::{Scenario, VERSION};
/// assert!(Scenario::default().to_query().starts_with(&format!("v={VERSION}&")));
/// ```
pub const VERSION: u32 = 2;

/// How options are paid for and settled (`settle`).
///
/// ```
/// use minerhedge::link::Settlement;
/// assert_eq!(Settlement::parse("COIN"), Some(Settlement::Coin));
/// assert_eq!(Settlement::Usd.as_str(), "usd");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Settlement {
    /// Premium and payoff in USD.
    #[default]
    Usd,
    /// Premium paid in coin at spot, payoff max(K − S, 0)/S coins (as on Deribit).
    Coin,
}

impl Settlement {
    /// The word used in the link.
    pub fn as_str(self) -> &'static str {
        SETTLE_WORDS[self as usize]
    }

    /// The settlement of a link word (ignoring ASCII case).
    pub fn parse(word: &str) -> Option<Settlement> {
        [Settlement::Usd, Settlement::Coin]
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(word.trim()))
    }
}

/// How the period's cost and expected output are given.
///
/// ```
/// use minerhedge::link::Mode;
/// assert_eq!(Mode::parse("RIG"), Some(Mode::Rig));
/// assert_eq!(Mode::Direct.as_str(), "direct");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Period cost and expected coin output typed in (the seed's cloud-mining contract).
    #[default]
    Direct,
    /// Derived from a rig: hashrate, efficiency, power price, difficulty, …
    Rig,
}

impl Mode {
    /// Both modes, in the order of the page's selector.
    ///
    /// ```
    /// use minerhedge::link::{Mode, MODE_WORDS};
    /// // One mode per word of the link, in the selector's order.
    /// let words: Vec<_> = Mode::ALL.iter().map(|m| m.as_str()).collect();
    /// assert_eq!(words, MODE_WORDS);
    /// ```
    pub const ALL: [Mode; 2] = [Mode::Direct, Mode::Rig];

    /// The word used in the link.
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Mode::Rig.as_str(), "rig");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Direct => "direct",
            Mode::Rig => "rig",
        }
    }

    /// A label for the page.
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Mode::Direct.label(), "Direct (cost and output)");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Mode::Direct => "Direct (cost and output)",
            Mode::Rig => "Rig (hashrate and power)",
        }
    }

    /// Reads the link word, ignoring ASCII case.
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Mode::parse("Direct"), Some(minerhedge::link::Mode::Direct));
    /// assert_eq!(minerhedge::link::Mode::parse("cloud"), None);
    /// ```
    pub fn parse(word: &str) -> Option<Mode> {
        Mode::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(word.trim()))
    }
}

/// The hedge the page shows: the strategy registry's key, read and written by its `hedge=`
/// word ([`StrategyKind::parse`](crate::domain::strategy::StrategyKind::parse),
/// [`StrategyKind::as_str`](crate::domain::strategy::StrategyKind::as_str)).
///
/// ```
/// use minerhedge::link::HedgeChoice;
/// assert_eq!(HedgeChoice::parse("collar"), Some(HedgeChoice::Collar));
/// assert_eq!(HedgeChoice::Inverse.as_str(), "inverse");
/// ```
pub use crate::domain::strategy::StrategyKind as HedgeChoice;

/// The collar's call strike, the domain's `collar::CallStrike`: given (`kc` in USD per coin,
/// `pkc` in % of each month's forward), or `zero`, solved so that the collar costs nothing.
pub use crate::domain::collar::CallStrike;

/// The link word: `zero`, or the strike normalized (`300`, not `300.0`).
///
/// ```
/// use minerhedge::link::CallStrike;
/// use rust_decimal::Decimal;
/// assert_eq!(CallStrike::Zero.to_string(), "zero");
/// assert_eq!(CallStrike::Strike(Decimal::from(300)).to_string(), "300");
/// ```
impl fmt::Display for CallStrike {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallStrike::Zero => f.write_str("zero"),
            CallStrike::Strike(k) => write!(f, "{}", k.normalize()),
        }
    }
}

/// One bad value: which key, what it held, and why it was refused (including the valid
/// range). Shared by the link decoder, [`Scenario::set_key`] and [`Scenario::validate`].
///
/// ```
/// use minerhedge::link::Scenario;
/// let d = Scenario::from_query("cov=150");
/// let e = &d.errors[0];
/// assert_eq!((e.key, e.value.as_str()), (minerhedge::link::Key::Coverage, "150"));
/// assert_eq!(e.to_string(), "cov = \"150\": out of range; valid: between 0 and 100 %");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    /// The key whose value was refused.
    pub key: Key,
    /// The refused value as written (cut to 64 characters).
    pub value: String,
    /// Why, followed by the valid values.
    pub reason: String,
}

/// The error type of per-field validation; the same type as [`LinkError`].
///
/// ```
/// use minerhedge::link::{FieldError, Scenario};
/// let mut s = Scenario::default();
/// s.economics.days = 0;
/// let errors: Vec<FieldError> = s.validate();
/// assert_eq!(errors[0].key, minerhedge::link::Key::Days);
/// ```
pub type FieldError = LinkError;

impl LinkError {
    fn new(spec: &KeySpec, value: &str, why: &str) -> Self {
        LinkError {
            key: spec.id,
            value: value.chars().take(MAX_VALUE_LEN).collect(),
            reason: format!("{why}; valid: {}", spec.valid_with_unit()),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = {:?}: {}", self.key, self.value, self.reason)
    }
}

impl std::error::Error for LinkError {}

/// The result of reading a link: the scenario (never missing) and every value that was
/// refused.
///
/// ```
/// use minerhedge::link::{Key, Scenario};
/// let d = Scenario::from_query("cost=abc&qty=-1&foo=bar");
/// assert_eq!(d.bad_keys(), vec![Key::Cost, Key::Qty]);
/// assert_eq!(d.scenario, Scenario::default());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The scenario: link values where valid, defaults elsewhere.
    pub scenario: Scenario,
    /// One entry per refused value, in the order met.
    pub errors: Vec<LinkError>,
}

impl Decoded {
    /// The keys whose values were refused, in order, without repeats.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// assert!(Scenario::from_query("v=1").bad_keys().is_empty());
    /// ```
    pub fn bad_keys(&self) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for e in &self.errors {
            if !keys.contains(&e.key) {
                keys.push(e.key);
            }
        }
        keys
    }

    /// One line for the page's non-blocking notice, naming every bad key; `None` when the
    /// link was fine.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// let d = Scenario::from_query("vol=abc&cov=150");
    /// assert_eq!(
    ///     d.summary().as_deref(),
    ///     Some("Ignored invalid link values (defaults used): vol, cov")
    /// );
    /// assert_eq!(Scenario::from_query("").summary(), None);
    /// ```
    pub fn summary(&self) -> Option<String> {
        if self.errors.is_empty() {
            None
        } else {
            Some(format!(
                "Ignored invalid link values (defaults used): {}",
                self.bad_keys()
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
    }
}

/// A percent as a fraction: `80 → 0.8`, exactly.
///
/// ```
/// use minerhedge::link::fraction;
/// use rust_decimal::Decimal;
/// assert_eq!(fraction(Decimal::from(80)), Decimal::new(8, 1));
/// ```
pub fn fraction(pct: Decimal) -> Decimal {
    money::checked_div(pct, Decimal::ONE_HUNDRED)
        .unwrap_or(Decimal::ZERO)
        .normalize()
}

/// Whether `s` is a valid coin label: 1–10 ASCII letters or digits.
///
/// ```
/// use minerhedge::link::is_valid_coin;
/// assert!(is_valid_coin("ETH") && is_valid_coin("btc2"));
/// assert!(!is_valid_coin("") && !is_valid_coin("ET H") && !is_valid_coin("ABCDEFGHIJK"));
/// ```
pub fn is_valid_coin(s: &str) -> bool {
    (1..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `%2C` (an escaped comma) back to `,` (split on `%`: no substring search in the page).
fn unescape_commas(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    for (i, part) in query.split('%').enumerate() {
        match part.strip_prefix("2C") {
            Some(rest) if i > 0 => {
                out.push(',');
                out.push_str(rest);
            }
            _ => {
                if i > 0 {
                    out.push('%');
                }
                out.push_str(part);
            }
        }
    }
    out
}

/// The version a link is read as: its `v` when that is 1 or 2 (a bad `v`: version 1, its
/// default); version 1 when it has no `v` but other keys; version 2 for an address without any key (the bare page).
fn version_of(pairs: &[(String, String)]) -> u32 {
    match pairs.iter().find(|(k, _)| k == "v") {
        Some((_, v)) => match parse_decimal(v.trim()) {
            Ok(d) if d == Decimal::from(VERSION) => VERSION,
            // `v=1`, or a bad `v`, which keeps its default: version 1.
            _ => 1,
        },
        None if pairs.iter().any(|(k, _)| KeySpec::get(k).is_some()) => 1,
        None => VERSION,
    }
}

impl Scenario {
    /// Reads a link's query string (with or without the leading `?`).
    ///
    /// Never fails and never panics: unknown keys are ignored, every refused value leaves
    /// its field at the default and is reported in [`Decoded::errors`]. The rules are in the
    /// [module docs](self).
    ///
    /// ```
    /// use minerhedge::link::{CallStrike, Key, Scenario};
    /// use rust_decimal::Decimal;
    /// let d = Scenario::from_query("?hedge=collar&kp=220&kc=290&v=3");
    /// assert_eq!(d.scenario.hedge.call_strike, CallStrike::Strike(Decimal::from(290)));
    /// assert_eq!(d.bad_keys(), vec![Key::Version]);
    /// ```
    pub fn from_query(q: &str) -> Decoded {
        let q = q.strip_prefix('?').unwrap_or(q);
        // Form decoding is lossy, not fallible (bad escapes and invalid UTF-8 become U+FFFD),
        // so the fallback to "no pairs" is never taken in practice.
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(q).unwrap_or_default();
        let version = version_of(&pairs);
        let base = if version == 1 {
            Scenario::default()
        } else {
            Scenario::following_market()
        };
        let mut scenario = base.clone();
        let mut errors = Vec::new();
        let mut seen: Vec<Key> = Vec::new();
        for (key, value) in &pairs {
            let Some(spec) = KeySpec::get(key) else {
                continue;
            };
            if seen.contains(&spec.id) {
                errors.push(LinkError::new(
                    spec,
                    value,
                    "repeated key, the first value is used",
                ));
                continue;
            }
            seen.push(spec.id);
            // Version 1 has no market-following values: an empty one is refused there.
            let result = if version == 1 && spec.follows_market() && value.trim().is_empty() {
                Err(LinkError::new(spec, value, "empty value"))
            } else {
                scenario.set_key(spec.id, value)
            };
            if let Err(e) = result {
                errors.push(e);
            }
        }
        let cross = scenario.cross_errors();
        for e in &cross {
            scenario.reset_for(e.key, &base);
        }
        errors.extend(cross);
        Decoded { scenario, errors }
    }

    /// Writes the canonical query string (without `?`): `v=2` first, then every key in the
    /// order of [`KEYS`]; optional keys (`pp`, `cp`, `halv`) only when set, and keys that
    /// follow the market only when set.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// let q = Scenario::default().to_query();
    /// assert!(q.starts_with("v=2&coin=ETH&mode=direct&cost=1100&qty=5&hr=200&eff=17.5&pwr=0.06"));
    /// assert_eq!(Scenario::from_query(&q).scenario, Scenario::default());
    /// assert!(!Scenario::following_market().to_query().contains("fwd="));
    /// ```
    pub fn to_query(&self) -> String {
        let period = self.view.page == Page::Period;
        let pairs: Vec<(&str, String)> = Key::ALL
            .iter()
            .map(|k| (*k, self.get_key(*k)))
            .filter(|(k, v)| !(v.is_empty() || period && k.spec().omitted_from_period_link(v)))
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        // Commas separate list items; a query may hold them as they are (RFC 3986 sub-delims),
        // which keeps `pcov=80,80,60` readable. No other value holds a comma.
        unescape_commas(&serde_urlencoded::to_string(&pairs).unwrap_or_default())
    }

    /// The canonical text of one key's value (what [`Self::to_query`] writes); empty for an
    /// optional key that is not set or a key that follows the market. The key table says
    /// where the value lives ([`KeySpec::at`]); its type says how it is written.
    ///
    /// ```
    /// use minerhedge::link::{Key, Scenario};
    /// assert_eq!(Scenario::default().get_key(Key::Forward), "260");
    /// assert_eq!(Scenario::default().get_key(Key::CallStrike), "zero");
    /// assert_eq!(Scenario::following_market().get_key(Key::Forward), "");
    /// ```
    pub fn get_key(&self, key: Key) -> String {
        key.spec().at.get(self)
    }

    /// Sets one key from text, exactly as the link decoder reads it (the page's inputs use
    /// this, so they accept and refuse the same values as a link). On error the field is
    /// unchanged. An empty value clears an optional key (`pp`, `cp`, `halv`) and lets a
    /// market-following key (`fwd`, `inv`, `kp`, `px`, `lo`, `hi`, `step`) follow the market.
    /// Cross-key rules (`lo < hi`, …) are checked by [`Self::validate`], not here.
    ///
    /// ```
    /// use minerhedge::link::{Key, Scenario};
    /// use rust_decimal::Decimal;
    /// let mut s = Scenario::default();
    /// s.set_key(Key::Forward, "")?;
    /// assert_eq!(s.hedge.forward, None);
    /// s.set_key(Key::Coverage, "50")?;
    /// assert_eq!(s.hedge.coverage_pct, Decimal::from(50));
    /// let e = s.set_key(Key::Vol, "-3").unwrap_err();
    /// assert_eq!(e.key, Key::Vol);
    /// assert_eq!(e.to_string(), "vol = \"-3\": out of range; valid: between 0 and 500 %");
    /// assert_eq!(s.market.vol_pct, Decimal::from(80));
    /// # Ok::<(), minerhedge::link::LinkError>(())
    /// ```
    pub fn set_key(&mut self, key: Key, value: &str) -> Result<(), LinkError> {
        let spec = key.spec();
        spec.at
            .set(self, spec.kind, value.trim())
            .map_err(|why| LinkError::new(spec, value, &why))
    }

    /// Every problem of the current values: each field against its range (the same check as
    /// the link decoder), then the cross-key rules. Empty when the scenario is valid. The
    /// page shows each error next to the field named by its `key`.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// use rust_decimal::Decimal;
    /// let mut s = Scenario::default();
    /// assert!(s.validate().is_empty());
    /// s.view.lo = Some(Decimal::from(400));
    /// s.market.vol_pct = Decimal::from(900);
    /// let keys: Vec<_> = s.validate().iter().map(|e| e.key.as_str()).collect();
    /// assert_eq!(keys, vec!["vol", "lo"]);
    /// ```
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut probe = Scenario::default();
        for key in Key::ALL {
            let text = self.get_key(*key);
            if let Err(e) = probe.set_key(*key, &text) {
                errors.push(e);
            }
        }
        // Only meaningful when the fields involved are each valid.
        let bad: Vec<Key> = errors.iter().map(|e| e.key).collect();
        errors.extend(
            self.cross_errors()
                .into_iter()
                .filter(|e| !bad.contains(&e.key)),
        );
        errors
    }

    /// The cross-key rules: price range, `elapsed ≤ days`, `sub + fee > 0`, `halv ≤ days`.
    /// The price range is checked as resolved (set values, or those that follow the market).
    fn cross_errors(&self) -> Vec<LinkError> {
        let mut errors = Vec::new();
        let r = self.resolved();
        let (e, v) = (&self.economics, &self.view);
        if r.lo >= r.hi {
            errors.push(LinkError {
                key: Key::Lo,
                value: dec_text(r.lo),
                reason: format!(
                    "must be less than hi = {}; lo, hi and step fall back to their defaults",
                    dec_text(r.hi)
                ),
            });
        } else if table_steps(&r).is_none() {
            errors.push(LinkError {
                key: Key::Step,
                value: dec_text(r.step),
                reason: format!(
                    "(hi - lo) / step must be at most {MAX_TABLE_STEPS} (hi = {}, lo = {}); \
                     lo, hi and step fall back to their defaults",
                    dec_text(r.hi),
                    dec_text(r.lo)
                ),
            });
        }
        if v.elapsed_days > e.days {
            errors.push(LinkError {
                key: Key::Elapsed,
                value: v.elapsed_days.to_string(),
                reason: format!("must be at most days = {}", e.days),
            });
        }
        let reward = money::checked_add(e.rig.subsidy, e.rig.fees_per_block);
        if reward.is_some_and(|r| r <= Decimal::ZERO) {
            errors.push(LinkError {
                key: Key::Subsidy,
                value: dec_text(e.rig.subsidy),
                reason: format!(
                    "sub + fee must be greater than 0 (fee = {})",
                    dec_text(e.rig.fees_per_block)
                ),
            });
        }
        let hedge = &self.hedge;
        if hedge.maintenance_margin_pct > hedge.initial_margin_pct {
            errors.push(LinkError {
                key: Key::MaintenanceMargin,
                value: dec_text(hedge.maintenance_margin_pct),
                reason: format!(
                    "must be at most im = {}",
                    dec_text(hedge.initial_margin_pct)
                ),
            });
        }
        errors.extend(self.program.cross_errors());
        errors.extend(self.power_errors());
        #[cfg(feature = "program")]
        errors.extend(self.treasury_errors());
        if let Some(h) = e.rig.halving_day
            && h > e.days
        {
            errors.push(LinkError {
                key: Key::Halving,
                value: h.to_string(),
                reason: format!("must be at most days = {}", e.days),
            });
        }
        errors
    }

    /// Puts back the `base` values of the keys a cross-key error is about.
    fn reset_for(&mut self, key: Key, base: &Scenario) {
        match key {
            Key::Lo | Key::Hi | Key::Step => {
                self.view.lo = base.view.lo;
                self.view.hi = base.view.hi;
                self.view.step = base.view.step;
            }
            Key::Elapsed => self.view.elapsed_days = base.view.elapsed_days,
            Key::PowerContract | Key::PowerIndex | Key::PowerCurve | Key::CapacityCredit => {
                self.economics.power = base.economics.power.clone();
            }
            Key::Subsidy => self.economics.rig.subsidy = base.economics.rig.subsidy,
            Key::Halving => self.economics.rig.halving_day = base.economics.rig.halving_day,
            Key::MaintenanceMargin => {
                self.hedge.maintenance_margin_pct = base.hedge.maintenance_margin_pct;
                self.hedge.initial_margin_pct = base.hedge.initial_margin_pct;
            }
            Key::HalvingDate => self.program.reset_halving(&base.program),
            #[cfg(feature = "program")]
            Key::LtvLiquidation | Key::Pledge | Key::Loan => self.reset_treasury(key, base),
            _ => {}
        }
    }

    /// The prices of the table: `lo, lo + step, …` up to and including `hi` when it falls on
    /// the grid (at most [`MAX_TABLE_STEPS`]` + 1` rows), exact decimals, from the resolved
    /// range. Empty when the price range is invalid.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// use rust_decimal::Decimal;
    /// let p = Scenario::default().table_prices();
    /// assert_eq!(p.len(), 11);
    /// assert_eq!((p[0], p[10]), (Decimal::from(200), Decimal::from(300)));
    /// ```
    pub fn table_prices(&self) -> Vec<Decimal> {
        let r = self.resolved();
        let Some(n) = table_steps(&r) else {
            return Vec::new();
        };
        // lo + step·i ≤ hi for i ≤ n but for the rounding of (hi − lo)/step (lo = 0.5,
        // hi = step = Decimal::MAX gives n = 1): a price past hi, or one that overflows, ends
        // the table.
        (0..=n)
            .map_while(|i| {
                money::checked_mul(r.step, Decimal::from(i))
                    .and_then(|d| money::checked_add(r.lo, d))
                    .filter(|p| *p <= r.hi)
            })
            .map(|p| p.normalize())
            .collect()
    }
}

/// Number of table intervals `floor((hi - lo) / step)` when `lo < hi`, `step > 0` and it is
/// at most [`MAX_TABLE_STEPS`]; `None` otherwise.
fn table_steps(r: &Resolved) -> Option<u32> {
    if r.lo >= r.hi || r.step <= Decimal::ZERO {
        return None;
    }
    let n = money::checked_div(money::checked_sub(r.hi, r.lo)?, r.step)?;
    if n > Decimal::from(MAX_TABLE_STEPS) {
        return None;
    }
    n.floor().to_u32()
}
