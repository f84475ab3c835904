//! The scenario and its share link: a public, versioned query-string format.
//!
//! The whole page state is one [`Scenario`]. [`Scenario::to_query`] writes it as a query string
//! and [`Scenario::from_query`] reads it back, so that a link opens exactly the same view.
//!
//! # Share-link format, version 1
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
//! - Every key is optional; a missing key takes its **default** from the table below (a link
//!   without `v` is read as version 1). Within version 1 defaults never change, and a key
//!   never changes its meaning.
//! - Unknown keys are ignored (so later additions do not break older pages).
//! - A bad value — not a number, out of range, unknown word, `v` other than `1` — is ignored:
//!   that field keeps its default and the decoder reports the key, the value and the valid
//!   range. The rest of the link still applies. When a key is repeated the first value is used.
//! - Numbers are exact decimals: `[+-]digits[.digits]`, optionally with an exponent
//!   (`1.2e14`); no thousands separators. `0.004` is read as exactly 0.004 (no binary
//!   floating point on the way). More than 28 decimals is refused, not rounded.
//! - Percent keys hold percents as written: `vol=80` is 80 %.
//! - Words (`mode`, `hedge`, `kc=zero`) are read ignoring ASCII case.
//! - Cross-key rules: `lo < hi` and `(hi - lo) / step ≤ 1,000` (else `lo`, `hi` and `step`
//!   all fall back to their defaults); `elapsed ≤ days` and `halv ≤ days` (else that key
//!   falls back); `sub + fee > 0` (else `sub` falls back).
//! - The ranges lie within the engine's input limits, so a decoded scenario is not refused by
//!   the engine because of a single value's range.
//!
//! Writers ([`Scenario::to_query`]) produce the canonical form: `v=1` first, then **every**
//! key in the order of the table (optional keys only when set), numbers normalized (no
//! trailing zeros, no exponent, no `+`), words in lower case. A link written by version 1 never
//! depends on defaults, and decoding then encoding a canonical link gives it back unchanged.
//!
//! A later version bumps `v` only if an old link would otherwise change meaning; links with
//! `v=1` keep opening as described here.
//!
//! ## Keys
//!
//! | key | meaning | unit | valid values | default |
//! | --- | --- | --- | --- | --- |
//! | `v` | format version | - | 1 | 1 |
//! | `coin` | coin label | - | 1 to 10 letters or digits (A-Z, a-z, 0-9) | ETH |
//! | `mode` | direct: period cost and expected output given; rig: derived from the rig | - | one of direct, rig | direct |
//! | `cost` | period cost (direct mode) | USD | between 0.01 and 1,000,000,000,000 | 1100 |
//! | `qty` | expected output over the period (direct mode) | coins | greater than 0 and at most 1,000,000,000,000 | 5 |
//! | `hr` | hashrate (rig) | TH/s | greater than 0 and at most 100,000,000 | 200 |
//! | `eff` | efficiency (rig) | J/TH | greater than 0 and at most 1,000,000 | 17.5 |
//! | `pwr` | power price (rig) | USD/kWh | between 0 and 100 | 0.06 |
//! | `opex` | other fixed costs over the period (rig) | USD | between 0 and 1,000,000,000,000 | 0 |
//! | `pool` | pool fee (rig) | % | at least 0 and less than 100 | 2 |
//! | `up` | uptime (rig) | % | greater than 0 and at most 100 | 97 |
//! | `diff` | network difficulty at the start (rig) | - | between 1 and 100,000,000,000,000,000 | 120000000000000 |
//! | `dg` | difficulty growth over the period (rig) | % | greater than -100 and at most 1,000 | 0 |
//! | `sub` | block subsidy (rig); `sub` + `fee` greater than 0 | coins per block | between 0 and 1,000,000 | 3.125 |
//! | `fee` | average fees per block (rig) | coins per block | between 0 and 1,000,000 | 0.02 |
//! | `capex` | hardware cost, amortized over its lifetime (rig) | USD | between 0 and 1,000,000,000,000 | 0 |
//! | `life` | hardware lifetime (rig) | days | whole number between 1 and 36,500 | 1095 |
//! | `days` | period and option tenor | days | whole number between 1 and 3,650 | 30 |
//! | `spot` | coin price today | USD per coin | greater than 0 and at most 1,000,000,000 | 250 |
//! | `vol` | price volatility, annualized | % | between 0 and 500 | 80 |
//! | `rate` | risk-free rate, continuously compounded, annualized | % | between -100 and 100 | 5 |
//! | `hedge` | hedge shown | - | one of none, forward, inverse, put, collar | forward |
//! | `cov` | coverage, share of expected output hedged | % | between 0 and 100 | 100 |
//! | `fwd` | forward price | USD per coin | greater than 0 and at most 1,000,000,000 | 260 |
//! | `inv` | inverse forward quote | coin per USD | between 0.000000001 and 1,000,000,000 | 0.004 |
//! | `kp` | put strike | USD per coin | greater than 0 and at most 1,000,000,000 | 230 |
//! | `kc` | call strike, or `zero` to solve the zero-cost collar | USD per coin | `zero`, or greater than 0 and at most 1,000,000,000 | zero |
//! | `pp` | quoted put premium; absent: priced by the model | USD per coin | between 0 and 1,000,000,000, or absent | absent |
//! | `cp` | quoted call premium; absent: priced by the model | USD per coin | between 0 and 1,000,000,000, or absent | absent |
//! | `px` | final price on the price slider | USD per coin | between 0 and 1,000,000,000 | 250 |
//! | `lo` | lowest price of chart and table; less than `hi` | USD per coin | between 0 and 1,000,000,000 | 200 |
//! | `hi` | highest price of chart and table | USD per coin | greater than 0 and at most 1,000,000,000 | 300 |
//! | `step` | price step of the table; (hi - lo) / step at most 1,000 | USD per coin | greater than 0 and at most 1,000,000,000 | 10 |
//! | `seed` | Monte Carlo seed | - | whole number between 0 and 18,446,744,073,709,551,615 | 1 |
//! | `paths` | Monte Carlo paths | - | whole number between 1 and 1,000,000 | 10000 |
//! | `dvol` | difficulty volatility, annualized | % | between 0 and 500 | 0 |
//! | `elapsed` | days elapsed, for the value before expiry; at most `days` | days | whole number between 0 and 3,650 | 0 |
//! | `halv` | day of the period on which the subsidy halves; absent: no halving; at most `days` | days | whole number between 0 and 3,650, or absent | absent |
//! | `rspot` | rebalancing: the coin price now; 0: the same as `spot` | USD per coin | between 0 and 1,000,000,000 | 0 |
//! | `rdg` | rebalancing: change of the expected difficulty since the hedge was placed | % | greater than -100 and at most 1,000 | 0 |
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
//! assert_eq!(bad.scenario.hedge, HedgeChoice::Inverse);
//! assert_eq!(bad.scenario.inverse_quote, Decimal::new(4, 3)); // exactly 0.004
//! assert_eq!(bad.scenario.vol_pct, Decimal::from(80)); // default kept
//! assert_eq!(
//!     bad.errors[0].to_string(),
//!     "vol = \"abc\": not a number; valid: between 0 and 500 %"
//! );
//! ```

mod number;
mod presets;
mod spec;

pub use presets::{Preset, PRESETS};
pub use spec::{
    markdown_table, KeySpec, Kind, NumRange, HEDGE_WORDS, KEYS, MAX_DAYS, MAX_PATHS,
    MAX_TABLE_STEPS, MODE_WORDS,
};

use number::{parse_decimal, MAX_VALUE_LEN};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::fmt;

/// The format version written by [`Scenario::to_query`] and understood by
/// [`Scenario::from_query`].
///
/// ```
/// use minerhedge::link::{Scenario, VERSION};
/// assert!(Scenario::default().to_query().starts_with(&format!("v={VERSION}&")));
/// ```
pub const VERSION: u32 = 1;

/// How the period's cost and expected output are given.
///
/// ```
/// use minerhedge::link::Mode;
/// assert_eq!(Mode::parse("RIG"), Some(Mode::Rig));
/// assert_eq!(Mode::Direct.as_str(), "direct");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Period cost and expected coin output typed in (the seed's cloud-mining contract).
    Direct,
    /// Derived from a rig: hashrate, efficiency, power price, difficulty, …
    Rig,
}

impl Mode {
    /// Both modes, in the order of the page's selector.
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Mode::ALL.len(), 2);
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

/// The collar's call strike: given, or solved so that the collar costs nothing.
///
/// ```
/// use minerhedge::link::CallStrike;
/// use rust_decimal::Decimal;
/// assert_eq!(CallStrike::Zero.to_string(), "zero");
/// assert_eq!(CallStrike::Strike(Decimal::from(300)).to_string(), "300");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CallStrike {
    /// Solve the strike whose call premium equals the put premium (link: `kc=zero`).
    Zero,
    /// This strike, USD per coin.
    Strike(Decimal),
}

impl fmt::Display for CallStrike {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallStrike::Zero => f.write_str("zero"),
            CallStrike::Strike(k) => write!(f, "{}", k.normalize()),
        }
    }
}

/// One bad value: which key, what it held, and why it was refused (including the valid
/// range). Shared by the link decoder, [`Scenario::set`] and [`Scenario::validate`].
///
/// ```
/// use minerhedge::link::Scenario;
/// let d = Scenario::from_query("cov=150");
/// let e = &d.errors[0];
/// assert_eq!((e.key, e.value.as_str()), ("cov", "150"));
/// assert_eq!(e.to_string(), "cov = \"150\": out of range; valid: between 0 and 100 %");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    /// The key: one of [`KEYS`], or `(unknown)` when [`Scenario::set`] is given a key the
    /// format does not have.
    pub key: &'static str,
    /// The refused value as written (cut to 64 characters).
    pub value: String,
    /// Why, followed by the valid values.
    pub reason: String,
}

/// The error type of per-field validation; the same type as [`LinkError`].
///
/// ```
/// use minerhedge::link::{FieldError, Scenario};
/// let s = Scenario { days: 0, ..Scenario::default() };
/// let errors: Vec<FieldError> = s.validate();
/// assert_eq!(errors[0].key, "days");
/// ```
pub type FieldError = LinkError;

impl LinkError {
    fn new(spec: &KeySpec, value: &str, why: &str) -> Self {
        LinkError {
            key: spec.key,
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
/// use minerhedge::link::Scenario;
/// let d = Scenario::from_query("cost=abc&qty=-1&foo=bar");
/// assert_eq!(d.bad_keys(), vec!["cost", "qty"]);
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
    pub fn bad_keys(&self) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = Vec::new();
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
                self.bad_keys().join(", ")
            ))
        }
    }
}

/// The whole page state. Field docs name the link key; the key table in the
/// [module docs](self) gives units, ranges and defaults.
///
/// `Default` is the seed's ProDerivatives case: $1,100 for 5 ETH over 30 days, spot $250,
/// forward at $260 covering 100 %, table from $200 to $300 in steps of $10.
///
/// ```
/// use minerhedge::link::{Mode, Scenario};
/// use rust_decimal::Decimal;
/// let s = Scenario::default();
/// assert_eq!(s.mode, Mode::Direct);
/// assert_eq!((s.cost, s.qty), (Decimal::from(1100), Decimal::from(5)));
/// assert!(s.validate().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scenario {
    /// `coin`: coin label, 1–10 ASCII letters or digits.
    pub coin: String,
    /// `mode`.
    pub mode: Mode,
    /// `cost`: period cost, USD (direct mode).
    pub cost: Decimal,
    /// `qty`: expected output over the period, coins (direct mode).
    pub qty: Decimal,
    /// `hr`: hashrate, TH/s (rig).
    pub hashrate_ths: Decimal,
    /// `eff`: efficiency, J/TH (rig).
    pub efficiency_j_per_th: Decimal,
    /// `pwr`: power price, USD/kWh (rig).
    pub power_usd_per_kwh: Decimal,
    /// `opex`: other fixed costs over the period, USD (rig).
    pub opex: Decimal,
    /// `pool`: pool fee, % (rig).
    pub pool_fee_pct: Decimal,
    /// `up`: uptime, % (rig).
    pub uptime_pct: Decimal,
    /// `diff`: network difficulty at the start of the period (rig).
    pub difficulty: Decimal,
    /// `dg`: difficulty growth over the period, % (rig).
    pub difficulty_growth_pct: Decimal,
    /// `sub`: block subsidy, coins per block (rig).
    pub subsidy: Decimal,
    /// `fee`: average fees per block, coins per block (rig).
    pub fees_per_block: Decimal,
    /// `capex`: hardware cost, USD, amortized over `lifetime_days` (rig).
    pub capex: Decimal,
    /// `life`: hardware lifetime, days (rig).
    pub lifetime_days: u32,
    /// `days`: period and option tenor, days.
    pub days: u32,
    /// `spot`: coin price today, USD per coin.
    pub spot: Decimal,
    /// `vol`: price volatility, % per year.
    pub vol_pct: Decimal,
    /// `rate`: risk-free rate, % per year, continuously compounded.
    pub rate_pct: Decimal,
    /// `hedge`: the hedge shown.
    pub hedge: HedgeChoice,
    /// `cov`: coverage, % of expected output.
    pub coverage_pct: Decimal,
    /// `fwd`: forward price, USD per coin.
    pub forward: Decimal,
    /// `inv`: inverse forward quote, coin per USD.
    pub inverse_quote: Decimal,
    /// `kp`: put strike, USD per coin.
    pub put_strike: Decimal,
    /// `kc`: call strike, or zero-cost.
    pub call_strike: CallStrike,
    /// `pp`: quoted put premium, USD per coin; `None`: priced by the model.
    pub put_premium: Option<Decimal>,
    /// `cp`: quoted call premium, USD per coin; `None`: priced by the model.
    pub call_premium: Option<Decimal>,
    /// `px`: final price on the price slider, USD per coin.
    pub price: Decimal,
    /// `lo`: lowest price of chart and table, USD per coin.
    pub lo: Decimal,
    /// `hi`: highest price of chart and table, USD per coin.
    pub hi: Decimal,
    /// `step`: price step of the table, USD per coin.
    pub step: Decimal,
    /// `seed`: Monte Carlo seed.
    pub mc_seed: u64,
    /// `paths`: Monte Carlo paths.
    pub mc_paths: u32,
    /// `dvol`: difficulty volatility, % per year.
    pub difficulty_vol_pct: Decimal,
    /// `elapsed`: days elapsed, for the mark-to-market curve (≤ `days`).
    pub elapsed_days: u32,
    /// `halv`: day of the period on which the subsidy halves (≤ `days`); `None`: no halving.
    pub halving_day: Option<u32>,
    /// `rspot`: rebalancing, the coin price now (0: the same as `spot`).
    pub rebalance_spot: Decimal,
    /// `rdg`: rebalancing, % change of the expected difficulty since the hedge was placed.
    pub rebalance_difficulty_pct: Decimal,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            coin: "ETH".to_string(),
            mode: Mode::Direct,
            cost: Decimal::from(1100),
            qty: Decimal::from(5),
            hashrate_ths: Decimal::from(200),
            efficiency_j_per_th: Decimal::new(175, 1),
            power_usd_per_kwh: Decimal::new(6, 2),
            opex: Decimal::ZERO,
            pool_fee_pct: Decimal::from(2),
            uptime_pct: Decimal::from(97),
            difficulty: Decimal::from(120_000_000_000_000_u64),
            difficulty_growth_pct: Decimal::ZERO,
            subsidy: Decimal::new(3125, 3),
            fees_per_block: Decimal::new(2, 2),
            capex: Decimal::ZERO,
            lifetime_days: 1095,
            days: 30,
            spot: Decimal::from(250),
            vol_pct: Decimal::from(80),
            rate_pct: Decimal::from(5),
            hedge: HedgeChoice::Forward,
            coverage_pct: Decimal::ONE_HUNDRED,
            forward: Decimal::from(260),
            inverse_quote: Decimal::new(4, 3),
            put_strike: Decimal::from(230),
            call_strike: CallStrike::Zero,
            put_premium: None,
            call_premium: None,
            price: Decimal::from(250),
            lo: Decimal::from(200),
            hi: Decimal::from(300),
            step: Decimal::from(10),
            mc_seed: 1,
            mc_paths: 10_000,
            difficulty_vol_pct: Decimal::ZERO,
            elapsed_days: 0,
            halving_day: None,
            rebalance_spot: Decimal::ZERO,
            rebalance_difficulty_pct: Decimal::ZERO,
        }
    }
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

/// A percent as a fraction: `80 → 0.8`, exactly.
///
/// ```
/// use minerhedge::link::fraction;
/// use rust_decimal::Decimal;
/// assert_eq!(fraction(Decimal::from(80)), Decimal::new(8, 1));
/// ```
pub fn fraction(pct: Decimal) -> Decimal {
    pct.checked_div(Decimal::ONE_HUNDRED)
        .unwrap_or(Decimal::ZERO)
        .normalize()
}

fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Canonical text of a decimal: normalized, no exponent.
fn dec_text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Reader and writer of the plain decimal fields, by link key, from one list.
macro_rules! decimal_fields {
    ($($key:literal => $field:ident),* $(,)?) => {
        fn decimal(&self, key: &str) -> Option<Decimal> {
            match key {
                $($key => Some(self.$field),)*
                _ => None,
            }
        }

        fn decimal_mut(&mut self, key: &str) -> Option<&mut Decimal> {
            match key {
                $($key => Some(&mut self.$field),)*
                _ => None,
            }
        }
    };
}

impl Scenario {
    /// Reads a link's query string (with or without the leading `?`).
    ///
    /// Never fails and never panics: unknown keys are ignored, every refused value leaves
    /// its field at the default and is reported in [`Decoded::errors`]. The rules are in the
    /// [module docs](self).
    ///
    /// ```
    /// use minerhedge::link::{CallStrike, Scenario};
    /// use rust_decimal::Decimal;
    /// let d = Scenario::from_query("?hedge=collar&kp=220&kc=290&v=2");
    /// assert_eq!(d.scenario.call_strike, CallStrike::Strike(Decimal::from(290)));
    /// assert_eq!(d.bad_keys(), vec!["v"]);
    /// ```
    pub fn from_query(q: &str) -> Decoded {
        let q = q.strip_prefix('?').unwrap_or(q);
        let mut scenario = Scenario::default();
        let mut errors = Vec::new();
        // Form decoding is lossy, not fallible (bad escapes and invalid UTF-8 become U+FFFD),
        // so the fallback to "no pairs" is never taken in practice.
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(q).unwrap_or_default();
        let mut seen: Vec<&'static str> = Vec::new();
        for (key, value) in &pairs {
            let Some(spec) = KeySpec::get(key) else {
                continue;
            };
            if seen.contains(&spec.key) {
                errors.push(LinkError::new(
                    spec,
                    value,
                    "repeated key, the first value is used",
                ));
                continue;
            }
            seen.push(spec.key);
            if let Err(e) = scenario.set(spec.key, value) {
                errors.push(e);
            }
        }
        let cross = scenario.cross_errors();
        for e in &cross {
            scenario.reset_for(e.key);
        }
        errors.extend(cross);
        Decoded { scenario, errors }
    }

    /// Writes the canonical query string (without `?`): `v=1` first, then every key in the
    /// order of [`KEYS`]; `pp`, `cp` and `halv` only when set.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// let q = Scenario::default().to_query();
    /// assert!(q.starts_with("v=1&coin=ETH&mode=direct&cost=1100&qty=5&hr=200&eff=17.5&pwr=0.06"));
    /// assert_eq!(Scenario::from_query(&q).scenario, Scenario::default());
    /// ```
    pub fn to_query(&self) -> String {
        let pairs: Vec<(&str, String)> = KEYS
            .iter()
            .filter_map(|s| self.get(s.key).map(|v| (s.key, v)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }

    /// The canonical text of one key's value (what [`Self::to_query`] writes); `Some("")`
    /// for an optional key that is not set, `None` for a key the format does not have.
    /// Handy to fill the page's input fields.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// let s = Scenario::default();
    /// assert_eq!(s.get("inv").as_deref(), Some("0.004"));
    /// assert_eq!(s.get("kc").as_deref(), Some("zero"));
    /// assert_eq!(s.get("pp").as_deref(), Some(""));
    /// assert_eq!(s.get("nope"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<String> {
        let text = match key {
            "v" => VERSION.to_string(),
            "coin" => self.coin.clone(),
            "mode" => self.mode.as_str().to_string(),
            "hedge" => self.hedge.as_str().to_string(),
            "kc" => self.call_strike.to_string(),
            "pp" => self.put_premium.map(dec_text).unwrap_or_default(),
            "cp" => self.call_premium.map(dec_text).unwrap_or_default(),
            "seed" => self.mc_seed.to_string(),
            "halv" => self.halving_day.map(|d| d.to_string()).unwrap_or_default(),
            _ => {
                if let Some(d) = self.decimal(key) {
                    dec_text(d)
                } else {
                    self.whole(key)?.to_string()
                }
            }
        };
        Some(text)
    }

    /// Sets one key from text, exactly as the link decoder reads it (the page's inputs use
    /// this, so they accept and refuse the same values as a link). On error the field is
    /// unchanged. An empty value clears an optional key (`pp`, `cp`, `halv`). Cross-key rules
    /// (`lo < hi`, …) are checked by [`Self::validate`], not here.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// use rust_decimal::Decimal;
    /// let mut s = Scenario::default();
    /// s.set("cov", "50")?;
    /// assert_eq!(s.coverage_pct, Decimal::from(50));
    /// let e = s.set("vol", "-3").unwrap_err();
    /// assert_eq!(e.to_string(), "vol = \"-3\": out of range; valid: between 0 and 500 %");
    /// assert_eq!(s.vol_pct, Decimal::from(80));
    /// # Ok::<(), minerhedge::link::LinkError>(())
    /// ```
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), LinkError> {
        let Some(spec) = KeySpec::get(key) else {
            return Err(LinkError {
                key: "(unknown)",
                value: key.chars().take(MAX_VALUE_LEN).collect(),
                reason: "not a key of the share-link format".to_string(),
            });
        };
        let err = |why: &str| LinkError::new(spec, value, why);
        let text = value.trim();
        match spec.kind {
            Kind::Version => match parse_decimal(text) {
                Ok(v) if v == Decimal::from(VERSION) => Ok(()),
                _ => Err(err("unsupported format version")),
            },
            Kind::Label => {
                if is_valid_coin(text) {
                    self.coin = text.to_string();
                    Ok(())
                } else {
                    Err(err("not a coin label"))
                }
            }
            Kind::Choice(_) => match spec.key {
                "mode" => {
                    self.mode = Mode::parse(text).ok_or_else(|| err("unknown word"))?;
                    Ok(())
                }
                _ => {
                    self.hedge = HedgeChoice::parse(text).ok_or_else(|| err("unknown word"))?;
                    Ok(())
                }
            },
            Kind::ZeroOrNumber(r) => {
                if text.eq_ignore_ascii_case("zero") {
                    self.call_strike = CallStrike::Zero;
                    return Ok(());
                }
                let v = checked_number(text, r).map_err(err)?;
                self.call_strike = CallStrike::Strike(v);
                Ok(())
            }
            Kind::OptionalNumber(r) => {
                let v = if text.is_empty() {
                    None
                } else {
                    Some(checked_number(text, r).map_err(err)?)
                };
                if spec.key == "pp" {
                    self.put_premium = v;
                } else {
                    self.call_premium = v;
                }
                Ok(())
            }
            Kind::Number(r) => {
                let v = checked_number(text, r).map_err(err)?;
                if let Some(slot) = self.decimal_mut(spec.key) {
                    *slot = v;
                }
                Ok(())
            }
            Kind::Whole(r) => {
                let v = checked_whole(text, r).map_err(err)?;
                if spec.key == "seed" {
                    self.mc_seed = v;
                } else if let Some(slot) = self.whole_mut(spec.key) {
                    *slot = u32::try_from(v).map_err(|_| err("out of range"))?;
                }
                Ok(())
            }
            Kind::OptionalWhole(r) => {
                self.halving_day = if text.is_empty() {
                    None
                } else {
                    let v = checked_whole(text, r).map_err(err)?;
                    Some(u32::try_from(v).map_err(|_| err("out of range"))?)
                };
                Ok(())
            }
        }
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
    /// s.lo = Decimal::from(400);
    /// s.vol_pct = Decimal::from(900);
    /// let keys: Vec<_> = s.validate().iter().map(|e| e.key).collect();
    /// assert_eq!(keys, vec!["vol", "lo"]);
    /// ```
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut probe = Scenario::default();
        for spec in KEYS {
            if let Some(text) = self.get(spec.key) {
                if let Err(e) = probe.set(spec.key, &text) {
                    errors.push(e);
                }
            }
        }
        // Only meaningful when the fields involved are each valid.
        let bad: Vec<&str> = errors.iter().map(|e| e.key).collect();
        errors.extend(
            self.cross_errors()
                .into_iter()
                .filter(|e| !bad.contains(&e.key)),
        );
        errors
    }

    /// The cross-key rules: price range, `elapsed ≤ days`, `sub + fee > 0`, `halv ≤ days`.
    fn cross_errors(&self) -> Vec<LinkError> {
        let mut errors = Vec::new();
        if self.lo >= self.hi {
            errors.push(LinkError {
                key: "lo",
                value: dec_text(self.lo),
                reason: format!(
                    "must be less than hi = {}; lo, hi and step fall back to their defaults",
                    dec_text(self.hi)
                ),
            });
        } else if self.table_steps().is_none() {
            errors.push(LinkError {
                key: "step",
                value: dec_text(self.step),
                reason: format!(
                    "(hi - lo) / step must be at most {MAX_TABLE_STEPS} (hi = {}, lo = {}); \
                     lo, hi and step fall back to their defaults",
                    dec_text(self.hi),
                    dec_text(self.lo)
                ),
            });
        }
        if self.elapsed_days > self.days {
            errors.push(LinkError {
                key: "elapsed",
                value: self.elapsed_days.to_string(),
                reason: format!("must be at most days = {}", self.days),
            });
        }
        let reward = self.subsidy.checked_add(self.fees_per_block);
        if reward.is_some_and(|r| r <= Decimal::ZERO) {
            errors.push(LinkError {
                key: "sub",
                value: dec_text(self.subsidy),
                reason: format!(
                    "sub + fee must be greater than 0 (fee = {})",
                    dec_text(self.fees_per_block)
                ),
            });
        }
        if let Some(h) = self.halving_day {
            if h > self.days {
                errors.push(LinkError {
                    key: "halv",
                    value: h.to_string(),
                    reason: format!("must be at most days = {}", self.days),
                });
            }
        }
        errors
    }

    /// Puts back the defaults of the keys a cross-key error is about.
    fn reset_for(&mut self, key: &str) {
        let d = Scenario::default();
        match key {
            "lo" | "hi" | "step" => {
                self.lo = d.lo;
                self.hi = d.hi;
                self.step = d.step;
            }
            "elapsed" => self.elapsed_days = d.elapsed_days,
            "sub" => self.subsidy = d.subsidy,
            "halv" => self.halving_day = d.halving_day,
            _ => {}
        }
    }

    /// Number of table intervals `floor((hi - lo) / step)` when `lo < hi`, `step > 0` and it is
    /// at most [`MAX_TABLE_STEPS`]; `None` otherwise.
    fn table_steps(&self) -> Option<u32> {
        if self.lo >= self.hi || self.step <= Decimal::ZERO {
            return None;
        }
        let n = self.hi.checked_sub(self.lo)?.checked_div(self.step)?;
        if n > Decimal::from(MAX_TABLE_STEPS) {
            return None;
        }
        n.floor().to_u32()
    }

    /// The prices of the table: `lo, lo + step, …` up to and including `hi` when it falls on
    /// the grid (at most [`MAX_TABLE_STEPS`]` + 1` rows), exact decimals. Empty when the
    /// price range is invalid.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// use rust_decimal::Decimal;
    /// let p = Scenario::default().table_prices();
    /// assert_eq!(p.len(), 11);
    /// assert_eq!((p[0], p[10]), (Decimal::from(200), Decimal::from(300)));
    /// ```
    pub fn table_prices(&self) -> Vec<Decimal> {
        let Some(n) = self.table_steps() else {
            return Vec::new();
        };
        (0..=n)
            // lo + step·i ≤ hi for i ≤ n, so neither operation can overflow.
            .map(|i| (self.lo + self.step * Decimal::from(i)).normalize())
            .collect()
    }

    /// Period length in years ([`Act365`](crate::domain::daycount::Act365)).
    ///
    /// ```
    /// use minerhedge::domain::daycount::Act365;
    /// let s = minerhedge::link::Scenario::default();
    /// assert_eq!(s.years(), Act365::years(30));
    /// ```
    pub fn years(&self) -> f64 {
        crate::domain::daycount::Act365::years(self.days)
    }

    /// Coverage as a fraction in `[0, 1]`, exact: `cov / 100`.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// assert_eq!(minerhedge::link::Scenario::default().coverage(), Decimal::ONE);
    /// ```
    pub fn coverage(&self) -> Decimal {
        fraction(self.coverage_pct)
    }

    /// Volatility as a fraction per year: `vol / 100` (80 → 0.8).
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Scenario::default().vol(), 0.8);
    /// ```
    pub fn vol(&self) -> f64 {
        to_f64(fraction(self.vol_pct))
    }

    /// Risk-free rate as a fraction per year: `rate / 100` (5 → 0.05).
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Scenario::default().rate(), 0.05);
    /// ```
    pub fn rate(&self) -> f64 {
        to_f64(fraction(self.rate_pct))
    }

    /// Difficulty volatility as a fraction per year: `dvol / 100`.
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Scenario::default().difficulty_vol(), 0.0);
    /// ```
    pub fn difficulty_vol(&self) -> f64 {
        to_f64(fraction(self.difficulty_vol_pct))
    }

    decimal_fields! {
        "cost" => cost,
        "qty" => qty,
        "hr" => hashrate_ths,
        "eff" => efficiency_j_per_th,
        "pwr" => power_usd_per_kwh,
        "opex" => opex,
        "pool" => pool_fee_pct,
        "up" => uptime_pct,
        "diff" => difficulty,
        "dg" => difficulty_growth_pct,
        "sub" => subsidy,
        "fee" => fees_per_block,
        "capex" => capex,
        "spot" => spot,
        "vol" => vol_pct,
        "rate" => rate_pct,
        "cov" => coverage_pct,
        "fwd" => forward,
        "inv" => inverse_quote,
        "kp" => put_strike,
        "px" => price,
        "lo" => lo,
        "hi" => hi,
        "step" => step,
        "dvol" => difficulty_vol_pct,
        "rspot" => rebalance_spot,
        "rdg" => rebalance_difficulty_pct,
    }

    fn whole(&self, key: &str) -> Option<u32> {
        match key {
            "life" => Some(self.lifetime_days),
            "days" => Some(self.days),
            "paths" => Some(self.mc_paths),
            "elapsed" => Some(self.elapsed_days),
            _ => None,
        }
    }

    fn whole_mut(&mut self, key: &str) -> Option<&mut u32> {
        match key {
            "life" => Some(&mut self.lifetime_days),
            "days" => Some(&mut self.days),
            "paths" => Some(&mut self.mc_paths),
            "elapsed" => Some(&mut self.elapsed_days),
            _ => None,
        }
    }
}

/// Parses an exact decimal and checks it against `range`.
fn checked_number(text: &str, range: NumRange) -> Result<Decimal, &'static str> {
    let v = parse_decimal(text)?;
    if range.contains(v) {
        Ok(v)
    } else {
        Err("out of range")
    }
}

/// Parses a whole number (written as a decimal without fraction, e.g. `30` or `3e1`) and
/// checks it against `range`.
fn checked_whole(text: &str, range: NumRange) -> Result<u64, &'static str> {
    let v = parse_decimal(text)?;
    if !v.is_integer() {
        return Err("not a whole number");
    }
    if !range.contains(v) {
        return Err("out of range");
    }
    v.to_u64().ok_or("out of range")
}
