//! The strategy registry: every hedge the page offers, once — its label, link word, glossary
//! text and its legs: each leg's kind, side, share of the covered coins, the input that gives
//! its strike and how that strike is solved. Everything the page shows of a strategy follows
//! from its entry: the inputs it needs ([`StrategySpec::strikes`] and the leg kinds), its
//! option figures, its comparison row, its chart curve and its order ticket; the period view
//! and the hedge program build every strategy with [`StrategySpec::legs`] on their own option
//! market (a [`LegPricer`]).
//!
//! A new structure is one [`StrategyKind`] variant with its [`StrategySpec`] in
//! [`STRATEGIES`] (plus a [`LegKind`](super::leg::LegKind) if its instrument is new).
//!
//! ```
//! use minerhedge::domain::strategy::StrategyKind;
//! let s = StrategyKind::ZeroCostCollar.spec();
//! assert_eq!((s.label, s.link_word), ("Zero-cost collar", "collar"));
//! assert_eq!(s.link_edits, &[("hedge", "collar"), ("kc", "zero")]);
//! assert_eq!(StrategyKind::Seagull.spec().legs.len(), 3);
//! ```

use super::Field;
use super::collar::{CallStrike, OptionPricer, call_for_premium};
use super::error::{DomainError, Result};
use super::hedge::hedged_quantity;
use super::leg::Leg;
pub use super::leg::Side;
use super::money::{self, dec_from_f64};
use super::pricing::OptionKind;
use super::validate::dec_f64;
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
    /// Put bought at `kp`, put sold at `kp2 < kp`.
    PutSpread,
    /// Put at `kp` bought, call at `kc` sold (solved when `kc=zero`).
    Collar,
    /// Put at `kp` bought, call sold at the strike that makes the collar cost nothing.
    ZeroCostCollar,
    /// Three-way collar: put bought at `kp`, put sold at `kp2`, call sold at `kc` (solved when
    /// `kc=zero`).
    Seagull,
    /// Covered call: a call sold at `kc` on the covered coins.
    CoveredCall,
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

/// The input that gives an option leg's strike: on the period page a price (`kp`, `kp2`,
/// `kc`), on the program page a % of the month's forward (`pkp`, `pkp2`, `pkc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StrikeInput {
    /// The put strike, `kp` / `pkp`.
    Kp,
    /// The lower (sold) put strike, `kp2` / `pkp2`.
    Kp2,
    /// The call strike, `kc` / `pkc` (`zero` asks for the zero-cost strike).
    Kc,
}

impl StrikeInput {
    /// Every strike input, in the inputs panel's order.
    pub const ALL: [StrikeInput; 3] = [StrikeInput::Kp, StrikeInput::Kp2, StrikeInput::Kc];

    /// Its option's name: `"put"`, `"lower put"`, `"call"`.
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrikeInput;
    /// assert_eq!(StrikeInput::Kp2.name(), "lower put");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            StrikeInput::Kp => "put",
            StrikeInput::Kp2 => "lower put",
            StrikeInput::Kc => "call",
        }
    }

    /// Its option's name to start a sentence or label a mark: `"Put"`, `"Lower put"`,
    /// `"Call"`.
    pub fn label(self) -> &'static str {
        match self {
            StrikeInput::Kp => "Put",
            StrikeInput::Kp2 => "Lower put",
            StrikeInput::Kc => "Call",
        }
    }

    /// The engine field of its strike (errors name it).
    pub fn field(self) -> Field {
        match self {
            StrikeInput::Kp => Field::PutStrike,
            StrikeInput::Kp2 => Field::Put2Strike,
            StrikeInput::Kc => Field::CallStrike,
        }
    }
}

/// What a leg is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegShape {
    /// A linear forward at `fwd` (the month's forward in the program).
    Forward,
    /// An inverse forward at the quote `inv` (`1/F` in the program).
    Inverse,
    /// A hashprice forward at `hpf` on the covered share of the rig's hashrate.
    Hashprice,
    /// A European option struck at an input.
    Option(OptionKind, StrikeInput),
}

/// How an option leg's strike is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Solve {
    /// The input's strike; `kc=zero` is refused (it has no meaning for this leg).
    Given,
    /// The input's strike, or when the input is `zero` the strike whose premium pays for
    /// the other legs (the structure costs nothing).
    ZeroWhenAsked,
    /// Always the zero-cost strike, whatever the input says.
    ZeroCost,
}

/// One leg of a registry entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegSpec {
    /// What it is.
    pub shape: LegShape,
    /// Bought or sold.
    pub side: Side,
    /// Its size as a share of the covered coins `c·Q` (1: as many as covered).
    pub share: Decimal,
    /// How its strike is found (options only).
    pub solve: Solve,
}

impl LegSpec {
    /// `side` of the option `kind` at the strike of `strike`, on the covered coins.
    pub const fn option(side: Side, kind: OptionKind, strike: StrikeInput) -> Self {
        LegSpec {
            shape: LegShape::Option(kind, strike),
            side,
            share: Decimal::ONE,
            solve: Solve::Given,
        }
    }

    /// A forward-like leg (`Forward`, `Inverse`, `Hashprice`) sold on the covered coins.
    pub const fn sold(shape: LegShape) -> Self {
        LegSpec {
            shape,
            side: Side::Short,
            share: Decimal::ONE,
            solve: Solve::Given,
        }
    }

    /// The same leg with its strike solved as `solve`.
    pub const fn solved(self, solve: Solve) -> Self {
        LegSpec { solve, ..self }
    }

    /// The same leg on `share` of the covered coins.
    pub const fn times(self, share: Decimal) -> Self {
        LegSpec { share, ..self }
    }

    /// The option's type and strike input, for an option leg.
    pub fn option_of(&self) -> Option<(OptionKind, StrikeInput)> {
        match self.shape {
            LegShape::Option(kind, strike) => Some((kind, strike)),
            _ => None,
        }
    }
}

/// Strikes of the inputs, USD per coin, as the page gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Strikes {
    /// `kp`.
    pub kp: Decimal,
    /// `kp2`.
    pub kp2: Decimal,
    /// `kc`, or `zero`.
    pub kc: CallStrike,
}

impl Strikes {
    /// The strike an input gives; `None` for `kc=zero`.
    ///
    /// ```
    /// use minerhedge::domain::strategy::{StrikeInput, Strikes};
    /// use rust_decimal::Decimal;
    /// let s = Strikes { kp: Decimal::from(230), ..Default::default() };
    /// assert_eq!(s.given(StrikeInput::Kp), Some(Decimal::from(230)));
    /// assert_eq!(s.given(StrikeInput::Kc), None);
    /// ```
    pub fn given(&self, input: StrikeInput) -> Option<Decimal> {
        match input {
            StrikeInput::Kp => Some(self.kp),
            StrikeInput::Kp2 => Some(self.kp2),
            StrikeInput::Kc => match self.kc {
                CallStrike::Strike(k) => Some(k),
                CallStrike::Zero => None,
            },
        }
    }
}

/// Strikes that must be in order: `below`'s strike less than (`strict`) or at most
/// `above`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrikeOrder {
    /// The lower strike's input.
    pub below: StrikeInput,
    /// The higher strike's input (an error names it, or `below` when `strict`).
    pub above: StrikeInput,
    /// Strictly below.
    pub strict: bool,
}

/// An option market for the registry: the exact premium per coin (USD, paid at the start) of
/// an option, and the call strike whose premium pays for other legs. The period view's prices
/// with BSM on spot (and the user's quotes), the program's with Black-76 on the month's
/// forward; both at each strike's smile vol.
pub trait LegPricer {
    /// The premium per coin of `kind` at `strike`.
    fn premium(&self, kind: OptionKind, strike: Decimal) -> Result<Decimal>;
    /// The call strike at least `min_strike` whose premium is `target` (see
    /// [`call_for_premium`]).
    fn call_strike_for(&self, target: Decimal, min_strike: Decimal) -> Result<Decimal>;
}

/// A [`LegPricer`] on an `f64` [`OptionPricer`]: premiums converted exactly, rounded to
/// `decimals` places when given.
#[derive(Debug, Clone, Copy)]
pub struct ModelPricer<P> {
    /// The model.
    pub model: P,
    /// Decimal places of a premium (`None`: every digit of the `f64`).
    pub decimals: Option<u32>,
}

impl<P: OptionPricer> LegPricer for ModelPricer<P> {
    fn premium(&self, kind: OptionKind, strike: Decimal) -> Result<Decimal> {
        let f = match kind {
            OptionKind::Put => Field::PutPremium,
            OptionKind::Call => Field::CallPremium,
        };
        let p = dec_from_f64(f, self.model.premium(kind, dec_f64(strike))?)?;
        Ok(match self.decimals {
            Some(dp) => p.round_dp(dp),
            None => p,
        })
    }

    fn call_strike_for(&self, target: Decimal, min_strike: Decimal) -> Result<Decimal> {
        let (k, _) = call_for_premium(&self.model, dec_f64(target), dec_f64(min_strike))?;
        dec_from_f64(Field::CallStrike, k)
    }
}

/// One option leg as priced: its entry, strike and premium per coin, and whether the strike
/// was solved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricedLeg {
    /// The registry's leg.
    pub spec: LegSpec,
    /// Strike, USD per coin.
    pub strike: Decimal,
    /// Premium per coin, USD (paid when long, received when short).
    pub premium: Decimal,
    /// `true` when the strike was solved for a zero cost.
    pub solved: bool,
}

/// What a builder reads: the scenario's inputs in engine terms.
///
/// ```
/// use minerhedge::domain::strategy::{StrategyInputs, StrategyKind};
/// use rust_decimal::Decimal;
/// let i = StrategyInputs::new(Decimal::from(5), Decimal::ONE, 30);
/// let legs = StrategyKind::Forward.spec().legs(&StrategyInputs { forward: Decimal::from(260), ..i }, None).unwrap()?;
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
    /// The option strikes the inputs give.
    pub strikes: Strikes,
    /// The hashprice forward's terms (rig mode only).
    pub hash: Option<HashTerms>,
    /// Options paid for and settled in coin at this spot (`settle=coin`); `None`: in USD.
    pub coin_settle_spot: Option<Decimal>,
}

impl StrategyInputs {
    /// Inputs with output, coverage and tenor; prices and strikes 0 (fill the rest with
    /// struct update syntax).
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrategyInputs;
    /// use rust_decimal::Decimal;
    /// assert_eq!(StrategyInputs::new(Decimal::ONE, Decimal::ONE, 30).forward, Decimal::ZERO);
    /// ```
    pub fn new(output: Decimal, coverage: Decimal, tenor_days: u32) -> Self {
        StrategyInputs {
            output,
            coverage,
            tenor_days,
            forward: Decimal::ZERO,
            inverse_quote: Decimal::ZERO,
            strikes: Strikes::default(),
            hash: None,
            coin_settle_spot: None,
        }
    }
}

/// One registry entry.
#[derive(Debug, Clone, Copy)]
pub struct StrategySpec {
    /// Its key in the page's registry ([`STRATEGIES`]); `None` for an entry outside it (a
    /// test's).
    pub kind: Option<StrategyKind>,
    /// Display name.
    pub label: &'static str,
    /// The link's `hedge=` word that selects it.
    pub link_word: &'static str,
    /// Every link edit that selects it (`hedge`, and `kc=zero` for the zero-cost collar).
    pub link_edits: &'static [(&'static str, &'static str)],
    /// Its glossary entry: `(id, definition)`; `None` when the page has none.
    pub glossary: Option<(&'static str, &'static str)>,
    /// Its legs, in the order of the order ticket.
    pub legs: &'static [LegSpec],
    /// Strikes that must be in order.
    pub order: &'static [StrikeOrder],
}

impl StrategySpec {
    /// The strike inputs its option legs read, each once, in [`StrikeInput::ALL`] order.
    ///
    /// ```
    /// use minerhedge::domain::strategy::{StrategyKind, StrikeInput};
    /// assert_eq!(StrategyKind::PutSpread.spec().strikes(), vec![StrikeInput::Kp, StrikeInput::Kp2]);
    /// assert!(StrategyKind::Forward.spec().strikes().is_empty());
    /// ```
    pub fn strikes(&self) -> Vec<StrikeInput> {
        StrikeInput::ALL
            .into_iter()
            .filter(|i| {
                self.legs
                    .iter()
                    .any(|l| matches!(l.option_of(), Some((_, s)) if s == *i))
            })
            .collect()
    }

    /// Whether it has a leg of `shape`.
    pub fn has(&self, shape: LegShape) -> bool {
        self.legs.iter().any(|l| l.shape == shape)
    }

    /// Whether it holds options.
    pub fn has_options(&self) -> bool {
        self.legs.iter().any(|l| l.option_of().is_some())
    }

    /// Its option legs priced on `pricer`, in leg order: each at its input's strike, a
    /// solved leg at the strike whose premium pays for the others; the strikes' order checked.
    ///
    /// ```
    /// use minerhedge::domain::collar::CallStrike;
    /// use minerhedge::domain::pricing::{SpotModel, SpotParams};
    /// use minerhedge::domain::strategy::{ModelPricer, StrategyKind, Strikes};
    /// use rust_decimal::Decimal;
    /// let m = SpotModel::new(SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: 30.0 / 365.0 })?;
    /// let pricer = ModelPricer { model: m, decimals: Some(10) };
    /// let strikes = Strikes { kp: Decimal::from(230), kp2: Decimal::from(190), kc: CallStrike::Zero };
    /// let legs = StrategyKind::Seagull.spec().priced(&strikes, &pricer)?;
    /// // The solved call pays exactly for the put spread.
    /// assert_eq!(legs[2].premium, legs[0].premium - legs[1].premium);
    /// assert!(legs[2].solved && legs[2].strike > Decimal::from(230));
    /// let bad = Strikes { kp2: Decimal::from(230), ..strikes };
    /// use minerhedge::domain::Field;
    /// assert_eq!(StrategyKind::PutSpread.spec().priced(&bad, &pricer).unwrap_err().field(), Some(Field::Put2Strike));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn priced(&self, strikes: &Strikes, pricer: &dyn LegPricer) -> Result<Vec<PricedLeg>> {
        let mut priced: Vec<PricedLeg> = Vec::new();
        let mut solved: Option<(usize, LegSpec)> = None;
        for spec in self.legs {
            let Some((kind, input)) = spec.option_of() else {
                continue;
            };
            let given = strikes.given(input);
            match (spec.solve, given) {
                (Solve::ZeroCost, _) | (Solve::ZeroWhenAsked, None) => {
                    solved = Some((priced.len(), *spec));
                    priced.push(PricedLeg {
                        spec: *spec,
                        strike: Decimal::ZERO,
                        premium: Decimal::ZERO,
                        solved: true,
                    });
                }
                (_, Some(k)) => priced.push(PricedLeg {
                    spec: *spec,
                    strike: k,
                    premium: pricer.premium(kind, k)?,
                    solved: false,
                }),
                (Solve::Given, None) => {
                    return Err(DomainError::out_of_range(
                        input.field(),
                        0.0,
                        "a strike: `zero` solves the call that pays for other legs, and this \
                         structure has none for it to pay for",
                    ));
                }
            }
        }
        // The given strikes' order first (a solve on strikes out of order means nothing), then
        // the solved strike's.
        self.check_order(&priced)?;
        if let Some((i, spec)) = solved {
            priced[i] = self.solve(&priced, i, spec, pricer)?;
            self.check_order(&priced)?;
        }
        Ok(priced)
    }

    /// Leg `i`'s zero-cost strike: the premium it pays for is the others' net premium over
    /// its share (it must be a sold call); its strike is at least the others' highest.
    fn solve(
        &self,
        priced: &[PricedLeg],
        i: usize,
        spec: LegSpec,
        pricer: &dyn LegPricer,
    ) -> Result<PricedLeg> {
        let f = Field::CallPremium;
        let mut net = Decimal::ZERO;
        let mut min_strike = Decimal::ZERO;
        for (_, leg) in priced.iter().enumerate().filter(|(j, _)| *j != i) {
            let signed = money::mul(f, leg.spec.side.sign(), leg.spec.share)?;
            net = money::add(f, net, money::mul(f, signed, leg.premium)?)?;
            min_strike = min_strike.max(leg.strike);
        }
        // Σ others + side·share·P = 0.
        let target = money::div(f, -net, money::mul(f, spec.side.sign(), spec.share)?)?;
        let strike = pricer.call_strike_for(target, min_strike)?;
        Ok(PricedLeg {
            spec,
            strike,
            premium: target,
            solved: true,
        })
    }

    /// The entry's strike order on the priced legs (a strike still to be solved is left out).
    fn check_order(&self, priced: &[PricedLeg]) -> Result<()> {
        let strike = |input: StrikeInput| {
            priced
                .iter()
                .find(|l| matches!(l.spec.option_of(), Some((_, s)) if s == input))
                .filter(|l| !(l.solved && l.strike.is_zero()))
                .map(|l| l.strike)
        };
        for o in self.order {
            let (Some(lo), Some(hi)) = (strike(o.below), strike(o.above)) else {
                continue;
            };
            let ok = if o.strict { lo < hi } else { lo <= hi };
            if !ok {
                let (input, value, range) = if o.strict {
                    (
                        o.below,
                        lo,
                        format!("less than the {} {hi}", o.above.field().name()),
                    )
                } else {
                    (
                        o.above,
                        hi,
                        format!("at least the {} {lo}", o.below.field().name()),
                    )
                };
                return Err(DomainError::out_of_range(
                    input.field(),
                    dec_f64(value),
                    range,
                ));
            }
        }
        Ok(())
    }

    /// The hedge legs on the inputs' `c·Q` coins, settling on their tenor, with its options
    /// priced on `pricer`: `None` when it holds options and there is no option market; an
    /// error names the field (coverage, a strike, …).
    ///
    /// ```
    /// use minerhedge::domain::strategy::{StrategyInputs, StrategyKind};
    /// use rust_decimal::Decimal;
    /// let i = StrategyInputs::new(Decimal::from(5), Decimal::ONE, 30);
    /// assert!(StrategyKind::Put.spec().legs(&i, None).is_none()); // no option market
    /// assert!(StrategyKind::Unhedged.spec().legs(&i, None).unwrap()?.is_empty());
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn legs(
        &self,
        inputs: &StrategyInputs,
        pricer: Option<&dyn LegPricer>,
    ) -> Option<Result<Vec<Leg>>> {
        let options = match (self.has_options(), pricer) {
            (false, _) => Vec::new(),
            (true, None) => return None,
            (true, Some(p)) => match self.priced(&inputs.strikes, p) {
                Ok(o) => o,
                Err(e) => return Some(Err(e)),
            },
        };
        Some(self.legs_priced(inputs, &options))
    }

    /// The hedge legs with its options as `options` ([`StrategySpec::priced`]).
    pub fn legs_priced(&self, inputs: &StrategyInputs, options: &[PricedLeg]) -> Result<Vec<Leg>> {
        let coins = hedged_quantity(inputs.coverage, inputs.output)?;
        let mut options = options.iter();
        let mut out = Vec::with_capacity(self.legs.len());
        for spec in self.legs {
            let q = money::mul(Field::Notional, coins, spec.share)?.normalize();
            let leg = match spec.shape {
                LegShape::Forward => Leg::sold_forward(q, inputs.forward),
                LegShape::Inverse => Leg::inverse_forward(q, inputs.inverse_quote),
                LegShape::Hashprice => hashprice(inputs, spec.share)?,
                LegShape::Option(kind, _) => {
                    let o = options.next().ok_or_else(|| {
                        DomainError::out_of_range(Field::Legs, 0.0, "a priced option")
                    })?;
                    Leg::option(
                        kind,
                        money::mul(Field::Notional, spec.side.sign(), q)?,
                        o.strike,
                        o.premium,
                    )
                }
            };
            let leg = match inputs.coin_settle_spot {
                Some(spot) if spec.option_of().is_some() => leg.settled_in_coin(spot)?,
                _ => leg,
            };
            out.push(leg.settling_on(inputs.tenor_days));
        }
        Ok(out)
    }
}

/// The hashprice forward on `share` of the covered share `c` of the rig's hashrate `P`:
/// `c·P·d` PH/s·days at the fixed hashprice. Without a rig (direct mode) it cannot be built:
/// the error is the hedge's (it needs a rig's hashrate).
fn hashprice(i: &StrategyInputs, share: Decimal) -> Result<Leg> {
    let Some(t) = i.hash else {
        return Err(DomainError::out_of_range(
            Field::Hedge,
            0.0,
            "a rig's hashrate (mode=rig): a hashprice forward sells hashrate",
        ));
    };
    let ph = money::mul(Field::Notional, i.coverage, t.hashrate_ph)?;
    let ph = money::mul(Field::Notional, ph, share)?;
    let ph_days = money::mul(Field::Notional, ph, Decimal::from(t.days))?;
    Leg::sold_hashprice(ph_days.normalize(), t.fixed, t.coins_per_ph_day)
}

const PUT: LegSpec = LegSpec::option(Side::Long, OptionKind::Put, StrikeInput::Kp);
const PUT2: LegSpec = LegSpec::option(Side::Short, OptionKind::Put, StrikeInput::Kp2);
const CALL: LegSpec = LegSpec::option(Side::Short, OptionKind::Call, StrikeInput::Kc);
const KP2_BELOW_KP: StrikeOrder = StrikeOrder {
    below: StrikeInput::Kp2,
    above: StrikeInput::Kp,
    strict: true,
};
const KP_AT_MOST_KC: StrikeOrder = StrikeOrder {
    below: StrikeInput::Kp,
    above: StrikeInput::Kc,
    strict: false,
};

/// Every strategy, in the comparison's order (the order of [`StrategyKind`]'s variants).
pub const STRATEGIES: [StrategySpec; 10] = [
    StrategySpec {
        kind: Some(StrategyKind::Unhedged),
        label: "Unhedged",
        link_word: "none",
        link_edits: &[("hedge", "none")],
        glossary: None,
        legs: &[],
        order: &[],
    },
    StrategySpec {
        kind: Some(StrategyKind::Forward),
        label: "Forward",
        link_word: "forward",
        link_edits: &[("hedge", "forward")],
        glossary: Some((
            "forward",
            "An agreement to sell the covered coins at a fixed price at the end of the period: no upside, no downside.",
        )),
        legs: &[LegSpec::sold(LegShape::Forward)],
        order: &[],
    },
    StrategySpec {
        kind: Some(StrategyKind::Inverse),
        label: "Inverse forward",
        link_word: "inverse",
        link_edits: &[("hedge", "inverse")],
        glossary: Some((
            "inverse",
            "A forward quoted and settled in the coin (coin per USD), as on coin-margined exchanges; buying USD forward sells the coin.",
        )),
        legs: &[LegSpec::sold(LegShape::Inverse)],
        order: &[],
    },
    StrategySpec {
        kind: Some(StrategyKind::Put),
        label: "Put",
        link_word: "put",
        link_edits: &[("hedge", "put")],
        glossary: Some((
            "put",
            "The right to sell the covered coins at the strike: a floor under the price, bought for a premium.",
        )),
        legs: &[PUT],
        order: &[],
    },
    StrategySpec {
        kind: Some(StrategyKind::PutSpread),
        label: "Put spread",
        link_word: "putspread",
        link_edits: &[("hedge", "putspread")],
        glossary: Some((
            "putspread",
            "A put bought at the strike and a cheaper put sold at a lower strike: a floor that stops at the lower strike, for a smaller premium.",
        )),
        legs: &[PUT, PUT2],
        order: &[KP2_BELOW_KP],
    },
    StrategySpec {
        kind: Some(StrategyKind::Collar),
        label: "Collar",
        link_word: "collar",
        link_edits: &[("hedge", "collar")],
        glossary: Some((
            "collar",
            "A bought put (floor) plus a sold call (cap): the call's premium pays for some or all of the put.",
        )),
        legs: &[PUT, CALL.solved(Solve::ZeroWhenAsked)],
        order: &[KP_AT_MOST_KC],
    },
    StrategySpec {
        kind: Some(StrategyKind::ZeroCostCollar),
        label: "Zero-cost collar",
        link_word: "collar",
        link_edits: &[("hedge", "collar"), ("kc", "zero")],
        glossary: Some((
            "zero-cost",
            "A collar whose call strike is solved so that the call's premium equals the put's: no net premium.",
        )),
        legs: &[PUT, CALL.solved(Solve::ZeroCost)],
        order: &[KP_AT_MOST_KC],
    },
    StrategySpec {
        kind: Some(StrategyKind::Seagull),
        label: "Three-way collar",
        link_word: "seagull",
        link_edits: &[("hedge", "seagull")],
        glossary: Some((
            "seagull",
            "A put spread paid for by a sold call (a \"seagull\"): the sold lower put pays for part of the floor, so the call can sit higher than a collar's; below the lower strike the price falls through again.",
        )),
        legs: &[PUT, PUT2, CALL.solved(Solve::ZeroWhenAsked)],
        order: &[KP2_BELOW_KP, KP_AT_MOST_KC],
    },
    StrategySpec {
        kind: Some(StrategyKind::CoveredCall),
        label: "Covered call",
        link_word: "call",
        link_edits: &[("hedge", "call")],
        glossary: Some((
            "covered-call",
            "A call sold on the covered coins: its premium is received at the start, and the upside above the strike is given up; no floor.",
        )),
        legs: &[CALL],
        order: &[],
    },
    StrategySpec {
        kind: Some(StrategyKind::Hashprice),
        label: "Hashprice forward",
        link_word: "hashprice",
        link_edits: &[("hedge", "hashprice")],
        glossary: Some((
            "hashprice-forward",
            "A forward on hashprice (USD per PH/s per day): the miner sells its hashrate's revenue at a fixed hashprice and is paid the difference to the index, so price and difficulty are hedged at once.",
        )),
        legs: &[LegSpec::sold(LegShape::Hashprice)],
        order: &[],
    },
];

/// How many entries a `hedge=` word selects on its own.
const fn choice_count() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < STRATEGIES.len() {
        if STRATEGIES[i].link_edits.len() == 1 {
            n += 1;
        }
        i += 1;
    }
    n
}

const fn choice_words() -> [&'static str; choice_count()] {
    let mut out = [""; choice_count()];
    let (mut i, mut n) = (0, 0);
    while i < STRATEGIES.len() {
        if STRATEGIES[i].link_edits.len() == 1 {
            out[n] = STRATEGIES[i].link_word;
            n += 1;
        }
        i += 1;
    }
    out
}

const CHOICE_WORDS: [&str; choice_count()] = choice_words();

/// The `hedge=` words, in the registry's order (the link's `hedge` and `ph` keys accept
/// exactly these).
///
/// ```
/// assert!(minerhedge::domain::strategy::HEDGE_WORDS.contains(&"seagull"));
/// ```
pub const HEDGE_WORDS: &[&str] = &CHOICE_WORDS;

const fn all() -> [StrategyKind; STRATEGIES.len()] {
    let mut out = [StrategyKind::Unhedged; STRATEGIES.len()];
    let mut i = 0;
    while i < STRATEGIES.len() {
        out[i] = match STRATEGIES[i].kind {
            Some(k) if k as usize == i => k,
            _ => panic!("entry i of the page's registry has the key of variant i"),
        };
        i += 1;
    }
    out
}

impl StrategyKind {
    /// Every strategy, in the comparison's order: each registry entry once, in its order.
    ///
    /// ```
    /// use minerhedge::domain::strategy::{StrategyKind, STRATEGIES};
    /// assert!(StrategyKind::ALL.iter().zip(STRATEGIES).all(|(k, s)| Some(*k) == s.kind));
    /// ```
    pub const ALL: [StrategyKind; STRATEGIES.len()] = all();

    /// The registry entry.
    ///
    /// ```
    /// use minerhedge::domain::strategy::StrategyKind;
    /// assert_eq!(StrategyKind::Put.spec().kind, Some(StrategyKind::Put));
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
    /// assert_eq!(StrategyKind::choices().count(), 9);
    /// ```
    pub fn choices() -> impl Iterator<Item = StrategyKind> {
        STRATEGIES
            .iter()
            .filter(|s| s.link_edits.len() == 1)
            .filter_map(|s| s.kind)
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
            let kind = s.kind.expect("a key");
            assert_eq!(kind as usize, i, "{}", s.label);
            assert_eq!(kind.spec().label, s.label);
            assert_eq!(s.link_edits[0], ("hedge", s.link_word));
        }
    }

    #[test]
    fn link_words_are_the_key_tables() {
        let words: Vec<&str> = StrategyKind::choices().map(StrategyKind::as_str).collect();
        assert_eq!(words, crate::link::HEDGE_WORDS);
    }

    /// Every entry's `f64` profile equals its exact position at every price of a grid (so
    /// floor, cap and breakevens from it are the position's), whatever its legs.
    #[test]
    fn every_entry_matches_its_profile() {
        use crate::domain::pricing::{SpotModel, SpotParams};
        let d = Decimal::from;
        let model = SpotModel::new(SpotParams {
            spot: 250.0,
            rate: 0.05,
            dividend_yield: 0.0,
            vol: 0.8,
            expiry_years: 30.0 / 365.0,
        })
        .unwrap();
        let pricer = ModelPricer {
            model,
            decimals: Some(10),
        };
        let inputs = StrategyInputs {
            forward: d(260),
            inverse_quote: Decimal::new(4, 3),
            strikes: Strikes {
                kp: d(230),
                kp2: d(190),
                kc: CallStrike::Strike(d(290)),
            },
            hash: Some(HashTerms {
                hashrate_ph: Decimal::new(25, 1),
                days: 30,
                coins_per_ph_day: Decimal::new(7, 2),
                fixed: d(17),
            }),
            ..StrategyInputs::new(d(5), Decimal::new(8, 1), 30)
        };
        for spec in &STRATEGIES {
            let legs = spec.legs(&inputs, Some(&pricer)).unwrap().unwrap();
            assert_eq!(legs.len(), spec.legs.len(), "{}", spec.label);
            let pos = Position::from_legs(seed(), legs, Decimal::new(1004, 3)).unwrap();
            let prof = pos.profile().unwrap();
            for s in (0..=80).map(|i| d(10 * i)) {
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
