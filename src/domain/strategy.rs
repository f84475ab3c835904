//! The strategy registry: every hedge the page offers, once — its label, link word, the
//! builder that turns the scenario's inputs into legs, its glossary text, and whether its
//! payoff is piecewise linear in the final price (then floor, cap and breakevens are exact,
//! from the risk module's [`PayoffProfile`](super::risk::PayoffProfile)).
//!
//! A new instrument is one [`LegKind`](super::leg::LegKind) (its value and validation) plus
//! one [`StrategyKind`] variant with its [`StrategySpec`] in [`STRATEGIES`].
//!
//! ```
//! use minerhedge::domain::strategy::StrategyKind;
//! let s = StrategyKind::ZeroCostCollar.spec();
//! assert_eq!((s.label, s.link_word), ("Zero-cost collar", "collar"));
//! assert_eq!(s.link_edits, &[("hedge", "collar"), ("kc", "zero")]);
//! ```

use super::error::Result;
use super::hedge::{check_collar_strikes, collar_legs, hedged_quantity};
use super::leg::Leg;
use rust_decimal::Decimal;

/// Which strategy: the registry's key. Its data live in [`STRATEGIES`] ([`StrategyKind::spec`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum StrategyKind {
    /// No hedge.
    #[default]
    Unhedged,
    /// Linear forward sold at `fwd`.
    Forward,
    /// Inverse (coin-quoted, coin-settled) forward at the quote `inv`.
    Inverse,
    /// Put bought at `kp`.
    Put,
    /// Put at `kp` bought, call at `kc` sold (solved when `kc=zero`).
    Collar,
    /// Put at `kp` bought, call sold at the strike that makes the collar cost nothing.
    ZeroCostCollar,
    /// The rig's hashrate (its covered share) sold at the fixed hashprice `hpf`.
    Hashprice,
}

/// What a hashprice forward is written on: the rig's hashrate, the period and the index.
///
/// ```
/// use minerhedge::domain::strategy::HashTerms;
/// use rust_decimal::Decimal;
/// let t = HashTerms { hashrate_ph: Decimal::ONE, days: 30, coins_per_ph_day: Decimal::new(5, 4), fixed: Decimal::from(50) };
/// assert_eq!(t.hashprice(Decimal::from(100_000))?, Decimal::from(50));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashTerms {
    /// The rig's hashrate, PH/s (the notional at full coverage).
    pub hashrate_ph: Decimal,
    /// Days the forward runs (the period).
    pub days: u32,
    /// Coins one PH/s earns a day at the period's average difficulty (no pool fee, no
    /// uptime): the index is `HP = S · coins_per_ph_day`.
    pub coins_per_ph_day: Decimal,
    /// Fixed hashprice sold, USD per PH/s per day.
    pub fixed: Decimal,
}

impl HashTerms {
    /// The hashprice index at coin price `s`, USD per PH/s per day.
    pub fn hashprice(&self, s: Decimal) -> Result<Decimal> {
        super::money::mul(super::Field::Hashprice, s, self.coins_per_ph_day).map(|v| v.normalize())
    }
}

/// An option's strike and premium per coin (USD, paid at the start).
///
/// ```
/// use minerhedge::domain::strategy::OptionQuote;
/// use rust_decimal::Decimal;
/// let put = OptionQuote { strike: Decimal::from(230), premium: Decimal::from(12) };
/// assert!(put.premium < put.strike);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionQuote {
    /// Strike, USD per coin.
    pub strike: Decimal,
    /// Premium per coin, USD.
    pub premium: Decimal,
}

/// What a builder reads: the scenario's inputs in engine terms.
///
/// ```
/// use minerhedge::domain::strategy::{StrategyInputs, StrategyKind};
/// use rust_decimal::Decimal;
/// let i = StrategyInputs::new(Decimal::from(5), Decimal::ONE, 30);
/// let legs = StrategyKind::Forward.spec().legs(&StrategyInputs { forward: Decimal::from(260), ..i }).unwrap()?;
/// assert_eq!(legs[0].quantity, Decimal::from(-5));
/// assert_eq!(legs[0].tenor_days, Some(30));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrategyInputs {
    /// Expected output `Q` of the period, coins.
    pub output: Decimal,
    /// Coverage `c ∈ [0, 1]`: the hedge covers `c·Q` coins.
    pub coverage: Decimal,
    /// Settlement of the hedge, days from the start.
    pub tenor_days: u32,
    /// Linear forward price, USD per coin.
    pub forward: Decimal,
    /// Inverse forward quote, coin per USD.
    pub inverse_quote: Decimal,
    /// The put, when it could be priced.
    pub put: Option<OptionQuote>,
    /// The collar's call (given or solved strike), when it could be priced.
    pub call: Option<OptionQuote>,
    /// The zero-cost collar's call, when one exists.
    pub zero_cost_call: Option<OptionQuote>,
    /// The hashprice forward's terms (rig mode only).
    pub hash: Option<HashTerms>,
    /// Options paid for and settled in coin at this spot (`settle=coin`); `None`: in USD.
    pub coin_settle_spot: Option<Decimal>,
}

impl StrategyInputs {
    /// Inputs with output, coverage and tenor; prices 0 and no options (fill the rest with
    /// struct update syntax).
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrategyInputs;
    /// use rust_decimal::Decimal;
    /// assert_eq!(StrategyInputs::new(Decimal::ONE, Decimal::ONE, 30).put, None);
    /// ```
    pub fn new(output: Decimal, coverage: Decimal, tenor_days: u32) -> Self {
        StrategyInputs {
            output,
            coverage,
            tenor_days,
            forward: Decimal::ZERO,
            inverse_quote: Decimal::ZERO,
            put: None,
            call: None,
            zero_cost_call: None,
            hash: None,
            coin_settle_spot: None,
        }
    }
}

/// A builder: the hedge legs of a strategy on `coins` hedged, or `None` when an input it needs
/// (an option premium) is missing.
pub type Builder = fn(&StrategyInputs, Decimal) -> Option<Result<Vec<Leg>>>;

/// One registry entry.
#[derive(Debug, Clone, Copy)]
pub struct StrategySpec {
    /// The key.
    pub kind: StrategyKind,
    /// Display name.
    pub label: &'static str,
    /// The link's `hedge=` word that selects it.
    pub link_word: &'static str,
    /// Every link edit that selects it (`hedge`, and `kc=zero` for the zero-cost collar).
    pub link_edits: &'static [(&'static str, &'static str)],
    /// Its glossary entry: `(id, definition)`; `None` when the page has none.
    pub glossary: Option<(&'static str, &'static str)>,
    /// Whether the payoff is piecewise linear in the final price at one date (floor, cap and
    /// breakevens exact from the profile).
    pub piecewise_linear: bool,
    /// The legs from the scenario's inputs.
    pub build: Builder,
}

impl StrategySpec {
    /// The hedge legs on the inputs' `c·Q` coins, settling on their tenor: `None` when an
    /// input is missing; an error names the field (`"coverage"`, `"call strike"`, …).
    ///
    /// ```
    /// use minerhedge::domain::strategy::{StrategyInputs, StrategyKind};
    /// use rust_decimal::Decimal;
    /// let i = StrategyInputs::new(Decimal::from(5), Decimal::ONE, 30);
    /// assert!(StrategyKind::Put.spec().legs(&i).is_none()); // no priced put
    /// assert!(StrategyKind::Unhedged.spec().legs(&i).unwrap()?.is_empty());
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn legs(&self, inputs: &StrategyInputs) -> Option<Result<Vec<Leg>>> {
        let coins = match hedged_quantity(inputs.coverage, inputs.output) {
            Ok(h) => h,
            Err(e) => return Some(Err(e)),
        };
        let legs = (self.build)(inputs, coins)?;
        Some(legs.and_then(|v| {
            v.into_iter()
                .map(|l| match inputs.coin_settle_spot {
                    Some(spot) => l.settled_in_coin(spot),
                    None => Ok(l),
                })
                .map(|l| l.map(|l| l.settling_on(inputs.tenor_days)))
                .collect()
        }))
    }
}

fn unhedged(_: &StrategyInputs, _: Decimal) -> Option<Result<Vec<Leg>>> {
    Some(Ok(Vec::new()))
}

fn forward(i: &StrategyInputs, h: Decimal) -> Option<Result<Vec<Leg>>> {
    Some(Ok(vec![Leg::sold_forward(h, i.forward)]))
}

fn inverse(i: &StrategyInputs, h: Decimal) -> Option<Result<Vec<Leg>>> {
    Some(Ok(vec![Leg::inverse_forward(h, i.inverse_quote)]))
}

fn put(i: &StrategyInputs, h: Decimal) -> Option<Result<Vec<Leg>>> {
    let p = i.put?;
    Some(Ok(vec![Leg::bought_put(h, p.strike, p.premium)]))
}

fn collar_on(p: OptionQuote, c: OptionQuote, h: Decimal) -> Result<Vec<Leg>> {
    check_collar_strikes(p.strike, c.strike)?;
    Ok(collar_legs(h, p.strike, p.premium, c.strike, c.premium))
}

fn collar(i: &StrategyInputs, h: Decimal) -> Option<Result<Vec<Leg>>> {
    Some(collar_on(i.put?, i.call?, h))
}

fn zero_cost_collar(i: &StrategyInputs, h: Decimal) -> Option<Result<Vec<Leg>>> {
    Some(collar_on(i.put?, i.zero_cost_call?, h))
}

/// The hashprice forward on the covered share `c` of the rig's hashrate `P`: `c·P·d`
/// PH/s·days at the fixed hashprice. Without a rig (direct mode) it cannot be built: the
/// error is the hedge's (it needs a rig's hashrate).
fn hashprice(i: &StrategyInputs, _: Decimal) -> Option<Result<Vec<Leg>>> {
    use super::{Field, error::DomainError, money};
    let Some(t) = i.hash else {
        return Some(Err(DomainError::out_of_range(
            Field::Hedge,
            0.0,
            "a rig's hashrate (mode=rig): a hashprice forward sells hashrate",
        )));
    };
    Some((|| {
        let ph = money::mul(Field::Notional, i.coverage, t.hashrate_ph)?;
        let ph_days = money::mul(Field::Notional, ph, Decimal::from(t.days))?;
        Ok(vec![Leg::sold_hashprice(
            ph_days.normalize(),
            t.fixed,
            t.coins_per_ph_day,
        )?])
    })())
}

/// Every strategy, in the comparison's order (the order of [`StrategyKind`]'s variants).
pub const STRATEGIES: [StrategySpec; 7] = [
    StrategySpec {
        kind: StrategyKind::Unhedged,
        label: "Unhedged",
        link_word: "none",
        link_edits: &[("hedge", "none")],
        glossary: None,
        piecewise_linear: true,
        build: unhedged,
    },
    StrategySpec {
        kind: StrategyKind::Forward,
        label: "Forward",
        link_word: "forward",
        link_edits: &[("hedge", "forward")],
        glossary: Some((
            "forward",
            "An agreement to sell the covered coins at a fixed price at the end of the period: no upside, no downside.",
        )),
        piecewise_linear: true,
        build: forward,
    },
    StrategySpec {
        kind: StrategyKind::Inverse,
        label: "Inverse forward",
        link_word: "inverse",
        link_edits: &[("hedge", "inverse")],
        glossary: Some((
            "inverse",
            "A forward quoted and settled in the coin (coin per USD), as on coin-margined exchanges; buying USD forward sells the coin.",
        )),
        piecewise_linear: true,
        build: inverse,
    },
    StrategySpec {
        kind: StrategyKind::Put,
        label: "Put",
        link_word: "put",
        link_edits: &[("hedge", "put")],
        glossary: Some((
            "put",
            "The right to sell the covered coins at the strike: a floor under the price, bought for a premium.",
        )),
        piecewise_linear: true,
        build: put,
    },
    StrategySpec {
        kind: StrategyKind::Collar,
        label: "Collar",
        link_word: "collar",
        link_edits: &[("hedge", "collar")],
        glossary: Some((
            "collar",
            "A bought put (floor) plus a sold call (cap): the call's premium pays for some or all of the put.",
        )),
        piecewise_linear: true,
        build: collar,
    },
    StrategySpec {
        kind: StrategyKind::ZeroCostCollar,
        label: "Zero-cost collar",
        link_word: "collar",
        link_edits: &[("hedge", "collar"), ("kc", "zero")],
        glossary: Some((
            "zero-cost",
            "A collar whose call strike is solved so that the call's premium equals the put's: no net premium.",
        )),
        piecewise_linear: true,
        build: zero_cost_collar,
    },
    StrategySpec {
        kind: StrategyKind::Hashprice,
        label: "Hashprice forward",
        link_word: "hashprice",
        link_edits: &[("hedge", "hashprice")],
        glossary: Some((
            "hashprice-forward",
            "A forward on hashprice (USD per PH/s per day): the miner sells its hashrate's revenue at a fixed hashprice and is paid the difference to the index, so price and difficulty are hedged at once.",
        )),
        piecewise_linear: true,
        build: hashprice,
    },
];

const fn all() -> [StrategyKind; STRATEGIES.len()] {
    let mut out = [StrategyKind::Unhedged; STRATEGIES.len()];
    let mut i = 0;
    while i < STRATEGIES.len() {
        out[i] = STRATEGIES[i].kind;
        i += 1;
    }
    out
}

impl StrategyKind {
    /// Every strategy, in the comparison's order: each registry entry once, in its order.
    ///
    /// ```
    /// use minerhedge::domain::strategy::{StrategyKind, STRATEGIES};
    /// assert!(StrategyKind::ALL.iter().zip(STRATEGIES).all(|(k, s)| *k == s.kind));
    /// ```
    pub const ALL: [StrategyKind; STRATEGIES.len()] = all();

    /// The registry entry.
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrategyKind;
    /// assert_eq!(StrategyKind::Put.spec().kind, StrategyKind::Put);
    /// ```
    pub const fn spec(self) -> &'static StrategySpec {
        &STRATEGIES[self as usize]
    }

    /// Display name.
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrategyKind;
    /// assert_eq!(StrategyKind::Inverse.label(), "Inverse forward");
    /// ```
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// The link's `hedge=` word.
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrategyKind;
    /// assert_eq!(StrategyKind::Unhedged.as_str(), "none");
    /// ```
    pub fn as_str(self) -> &'static str {
        self.spec().link_word
    }

    /// The strategy the link's `hedge=` word alone selects (`collar` is the collar; the
    /// zero-cost collar also needs `kc=zero`).
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrategyKind;
    /// assert_eq!(StrategyKind::ZeroCostCollar.hedge_choice(), StrategyKind::Collar);
    /// ```
    pub fn hedge_choice(self) -> StrategyKind {
        Self::parse(self.as_str()).unwrap_or(self)
    }

    /// The strategies a `hedge=` word selects on its own, in the page's order.
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrategyKind;
    /// assert_eq!(StrategyKind::choices().count(), 6);
    /// ```
    pub fn choices() -> impl Iterator<Item = StrategyKind> {
        STRATEGIES
            .iter()
            .filter(|s| s.link_edits.len() == 1)
            .map(|s| s.kind)
    }

    /// Reads the link's `hedge=` word, ignoring ASCII case.
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrategyKind;
    /// assert_eq!(StrategyKind::parse("FORWARD"), Some(StrategyKind::Forward));
    /// assert_eq!(StrategyKind::parse("collar"), Some(StrategyKind::Collar));
    /// assert_eq!(StrategyKind::parse("swap"), None);
    /// ```
    pub fn parse(word: &str) -> Option<StrategyKind> {
        Self::choices().find(|k| k.as_str().eq_ignore_ascii_case(word.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::economics::tests::seed;
    use crate::domain::hedge::Position;

    #[test]
    fn registry_order_is_the_variant_order() {
        for (i, s) in STRATEGIES.iter().enumerate() {
            assert_eq!(s.kind as usize, i, "{}", s.label);
            assert_eq!(s.kind.spec().label, s.label);
            assert_eq!(s.link_edits[0], ("hedge", s.link_word));
        }
    }

    #[test]
    fn link_words_are_the_key_tables() {
        let words: Vec<&str> = StrategyKind::choices().map(StrategyKind::as_str).collect();
        assert_eq!(words, crate::link::HEDGE_WORDS);
    }

    /// Where the registry says the payoff is piecewise linear, the `f64` profile equals the
    /// exact position at every price of a grid (so floor, cap and breakevens from it are the
    /// position's).
    #[test]
    fn piecewise_linear_entries_match_their_profile() {
        let d = Decimal::from;
        let q = |strike: i64, premium: i64| OptionQuote {
            strike: d(strike),
            premium: d(premium),
        };
        let inputs = StrategyInputs {
            forward: d(260),
            inverse_quote: Decimal::new(4, 3),
            put: Some(q(230, 16)),
            call: Some(q(290, 9)),
            zero_cost_call: Some(q(300, 16)),
            hash: Some(HashTerms {
                hashrate_ph: Decimal::new(25, 1),
                days: 30,
                coins_per_ph_day: Decimal::new(7, 2),
                fixed: d(17),
            }),
            ..StrategyInputs::new(d(5), Decimal::new(8, 1), 30)
        };
        for spec in STRATEGIES.iter().filter(|s| s.piecewise_linear) {
            let legs = spec.legs(&inputs).unwrap().unwrap();
            let pos = Position::from_legs(seed(), legs, Decimal::new(1004, 3)).unwrap();
            let prof = pos.profile().unwrap();
            for s in (1..=80).map(|i| d(10 * i)) {
                let exact = crate::domain::validate::dec_f64(pos.hedged_total(s).unwrap());
                let fast = prof.value_at(crate::domain::validate::dec_f64(s));
                assert!(
                    (exact - fast).abs() <= 1e-9 * exact.abs().max(1.0),
                    "{} at {s}",
                    spec.label
                );
            }
        }
    }
}
