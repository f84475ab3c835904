//! The page state, nested by concern, and the values that follow the market.
//!
//! [`Scenario`] holds what a link can say: the economics (coin, period, direct figures or the
//! rig), the market, the hedge, the view (chart range, final price, before-expiry and
//! rebalancing settings) and the simulation. The forward, the inverse quote, the put strike,
//! the final price and the price range may be left unset (`None`): they then follow the
//! market ([`Scenario::resolved`]), and a link does not carry them, so it reproduces them.

use super::{CallStrike, HedgeChoice, Mode, Page, ProgramInputs, Settlement};
use crate::domain::daycount::Act365;
use crate::domain::money;
use crate::domain::money::MAX_PRICE;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// The period's economics: what is mined and what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct EconomicsInputs {
    /// `coin`: coin label, 1–10 ASCII letters or digits.
    pub coin: String,
    /// `mode`.
    pub mode: Mode,
    /// `cost`: period cost, USD (direct mode).
    pub cost: Decimal,
    /// `qty`: expected output over the period, coins (direct mode).
    pub qty: Decimal,
    /// `days`: period and option tenor, days.
    pub days: u32,
    /// The rig (rig mode).
    pub rig: RigInputs,
    /// The rig's power contract (rig mode).
    pub power: super::PowerInputs,
}

/// The rig and the network it mines on (rig mode).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RigInputs {
    /// `hr`: hashrate, TH/s.
    pub hashrate_ths: Decimal,
    /// `eff`: efficiency, J/TH.
    pub efficiency_j_per_th: Decimal,
    /// `pwr`: power price, USD/kWh.
    pub power_usd_per_kwh: Decimal,
    /// `opex`: other fixed costs over the period, USD.
    pub opex: Decimal,
    /// `pool`: pool fee, %.
    pub pool_fee_pct: Decimal,
    /// `up`: uptime, %.
    pub uptime_pct: Decimal,
    /// `diff`: network difficulty at the start of the period.
    pub difficulty: Decimal,
    /// `dg`: difficulty growth over the period, %.
    pub difficulty_growth_pct: Decimal,
    /// `sub`: block subsidy, coins per block.
    pub subsidy: Decimal,
    /// `fee`: average fees per block, coins per block.
    pub fees_per_block: Decimal,
    /// `capex`: hardware cost, USD, amortized over `lifetime_days`.
    pub capex: Decimal,
    /// `life`: hardware lifetime, days.
    pub lifetime_days: u32,
    /// `halv`: day of the period on which the subsidy halves (≤ `days`); `None`: no halving.
    pub halving_day: Option<u32>,
}

/// The market the hedge is priced in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct MarketInputs {
    /// `spot`: coin price today, USD per coin.
    pub spot: Decimal,
    /// `vol`: price volatility, % per year.
    pub vol_pct: Decimal,
    /// `rate`: risk-free rate, % per year, continuously compounded.
    pub rate_pct: Decimal,
    /// `rr25`: the smile's 25-delta risk reversal, vol points.
    pub risk_reversal_pts: Decimal,
    /// `bf25`: the smile's 25-delta butterfly, vol points.
    pub butterfly_pts: Decimal,
}

/// The hedge shown and its terms.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct HedgeInputs {
    /// `hedge`: the hedge shown.
    pub choice: HedgeChoice,
    /// `cov`: coverage, % of expected output.
    pub coverage_pct: Decimal,
    /// `fwd`: forward price, USD per coin; `None`: the model's forward.
    pub forward: Option<Decimal>,
    /// `inv`: inverse forward quote, coin per USD; `None`: the forward's reciprocal.
    pub inverse_quote: Option<Decimal>,
    /// `kp`: put strike, USD per coin; `None`: a round strike below spot.
    pub put_strike: Option<Decimal>,
    /// `kp2`: the lower (sold) put strike of a put spread or three-way collar, USD per coin;
    /// `None`: a round strike about 75 % of spot.
    pub put2_strike: Option<Decimal>,
    /// `kc`: call strike, or zero-cost.
    pub call_strike: CallStrike,
    /// `pp`: quoted put premium, USD per coin; `None`: priced by the model.
    pub put_premium: Option<Decimal>,
    /// `cp`: quoted call premium, USD per coin; `None`: priced by the model.
    pub call_premium: Option<Decimal>,
    /// `hpf`: fixed hashprice of the hashprice forward, USD per PH/s per day; `None`: the
    /// hashprice at the forward price.
    pub hashprice_fixed: Option<Decimal>,
    /// `settle`: options paid for and settled in USD, or in coin (as on Deribit).
    pub settlement: Settlement,
    /// `im`: initial margin of a forward hedge, % of the notional at entry.
    pub initial_margin_pct: Decimal,
    /// `mm`: maintenance margin, % of the notional at the current price.
    pub maintenance_margin_pct: Decimal,
    /// `coll`: collateral posted, USD; `None`: the initial margin.
    pub collateral: Option<Decimal>,
    /// `pliq`: target probability of touching the liquidation price, %.
    pub liquidation_target_pct: Decimal,
}

/// What the chart and table show, and the what-if settings of the decision panels.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ViewInputs {
    /// `view`: which view the page opens.
    pub page: Page,
    /// `px`: final price on the price slider, USD per coin; `None`: spot.
    pub price: Option<Decimal>,
    /// `lo`: lowest price of chart and table, USD per coin; `None`: follows the market.
    pub lo: Option<Decimal>,
    /// `hi`: highest price of chart and table, USD per coin; `None`: follows the market.
    pub hi: Option<Decimal>,
    /// `step`: price step of the table, USD per coin; `None`: a round step.
    pub step: Option<Decimal>,
    /// `elapsed`: days elapsed, for the mark-to-market curve (≤ `days`).
    pub elapsed_days: u32,
    /// `rspot`: rebalancing, the coin price now (0: the same as `spot`).
    pub rebalance_spot: Decimal,
    /// `rdg`: rebalancing, % change of the expected difficulty since the hedge was placed.
    pub rebalance_difficulty_pct: Decimal,
}

/// The Monte Carlo simulation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct SimulationInputs {
    /// `seed`: Monte Carlo seed.
    pub seed: u64,
    /// `paths`: Monte Carlo paths.
    pub paths: u32,
    /// `dvol`: difficulty volatility, % per year.
    pub difficulty_vol_pct: Decimal,
    /// `corr`: correlation of price and difficulty shocks, %.
    pub correlation_pct: Decimal,
    /// `pvol`: volatility of the mean power price, % per year.
    pub power_vol_pct: Decimal,
    /// `pcorr`: correlation of price and power price shocks, %.
    pub power_corr_pct: Decimal,
    /// `drift`: the price's expected growth the user states, % a year; `None`: the market's.
    pub drift_pct: Option<Decimal>,
    /// `ptarget`: the coverage frontier's target probability of covering the cash cost, %.
    pub cash_target_pct: Decimal,
}

/// The whole page state, nested by concern. Field docs name the link key; the key table in
/// the [module docs](super) gives units, ranges and defaults.
///
/// `Default` is the seed's ProDerivatives case, which is also what a version-1 link's missing
/// keys mean: $1,100 for 5 ETH over 30 days, spot $250, forward at $260 covering 100 %, table
/// from $200 to $300 in steps of $10. [`Scenario::following_market`] is the same case with
/// the forward, strikes, final price and range left to follow the market (the bare page).
///
/// ```
/// use minerhedge::link::{Mode, Scenario};
/// use rust_decimal::Decimal;
/// let s = Scenario::default();
/// assert_eq!(s.economics.mode, Mode::Direct);
/// assert_eq!((s.economics.cost, s.economics.qty), (Decimal::from(1100), Decimal::from(5)));
/// assert!(s.validate().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scenario {
    /// What is mined and what it costs.
    pub economics: EconomicsInputs,
    /// Spot, volatility, rate.
    pub market: MarketInputs,
    /// The hedge and its terms.
    pub hedge: HedgeInputs,
    /// Chart range, final price, before-expiry and rebalancing settings.
    pub view: ViewInputs,
    /// The Monte Carlo simulation.
    pub simulation: SimulationInputs,
    /// The hedge program (the program view).
    pub program: ProgramInputs,
}

impl Scenario {
    /// Every field at its type's empty value (zeros, nothing set): what
    /// [`Scenario::default`] fills from the key table.
    fn blank() -> Scenario {
        Scenario {
            economics: EconomicsInputs::default(),
            market: MarketInputs::default(),
            hedge: HedgeInputs::default(),
            view: ViewInputs::default(),
            simulation: SimulationInputs::default(),
            program: ProgramInputs::default(),
        }
    }
}

/// The defaults of the key table ([`KeySpec::default`](super::KeySpec::default)): each key
/// set from its row's default text, so the table is the one place a default is written. (A
/// test checks every row's default reads.)
impl Default for Scenario {
    fn default() -> Self {
        let mut s = Scenario::blank();
        for spec in super::KEYS {
            // Every default reads (`key_table_defaults_read`); an error would leave the
            // field blank, never panic.
            let _ = s.set_key(spec.id, spec.default);
        }
        s
    }
}

/// The values that follow the market, resolved: set ones as set, the others derived from
/// spot, volatility, rate and period ([`Scenario::resolved`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    /// Forward price, USD per coin.
    pub forward: Decimal,
    /// Inverse forward quote, coin per USD.
    pub inverse_quote: Decimal,
    /// Put strike, USD per coin.
    pub put_strike: Decimal,
    /// Lower put strike, USD per coin.
    pub put2_strike: Decimal,
    /// Final price on the price slider, USD per coin.
    pub price: Decimal,
    /// Lowest price of chart and table.
    pub lo: Decimal,
    /// Highest price of chart and table.
    pub hi: Decimal,
    /// Table step.
    pub step: Decimal,
    /// Fixed hashprice of the hashprice forward, USD per PH/s per day.
    pub hashprice_fixed: Decimal,
}

impl Resolved {
    /// The resolved value of a market-following key (`fwd`, `inv`, `kp`, `px`, `lo`, `hi`,
    /// `step`); `None` for any other key. The page shows it in the empty field.
    ///
    /// ```
    /// use minerhedge::link::{Key, Scenario};
    /// use rust_decimal::Decimal;
    /// let r = Scenario::following_market().resolved();
    /// assert_eq!(r.get(Key::Price), Some(Decimal::from(250)));
    /// assert_eq!(r.get(Key::Spot), None);
    /// ```
    pub fn get(&self, key: super::Key) -> Option<Decimal> {
        use super::Key;
        match key {
            Key::Forward => Some(self.forward),
            Key::InverseQuote => Some(self.inverse_quote),
            Key::PutStrike => Some(self.put_strike),
            Key::Put2Strike => Some(self.put2_strike),
            Key::Price => Some(self.price),
            Key::Lo => Some(self.lo),
            Key::Hi => Some(self.hi),
            Key::Step => Some(self.step),
            Key::HashpriceFixed => Some(self.hashprice_fixed),
            _ => None,
        }
    }
}

/// Smallest inverse quote a link accepts, coin per USD.
const MIN_QUOTE: Decimal = Decimal::from_parts(1, 0, 0, false, 9);
/// Significant digits of a derived forward and quote.
const DERIVED_DIGITS: u32 = 6;
/// Standard deviations of the period's price on each side of spot in the derived range.
const RANGE_SIGMAS: f64 = 3.0;
/// Most rows of a derived table step: `(hi − lo) / step ≤ 20`.
const DERIVED_ROWS: u32 = 20;

/// `10^e` exactly, for `-28 ≤ e ≤ 28`.
fn pow10(e: i32) -> Decimal {
    if e >= 0 {
        (0..e).fold(Decimal::ONE, |acc, _| acc * Decimal::TEN)
    } else {
        Decimal::new(1, e.unsigned_abs().min(Decimal::MAX_SCALE))
    }
}

/// The smallest of 1, 2 or 5 × 10ⁿ that is at least `x` (`x > 0`).
///
/// ```
/// use minerhedge::link::round_step_at_least;
/// use rust_decimal::Decimal;
/// assert_eq!(round_step_at_least(Decimal::from(34)), Decimal::from(50));
/// assert_eq!(round_step_at_least(Decimal::new(11, 3)), Decimal::new(2, 2));
/// assert_eq!(round_step_at_least(Decimal::from(5000)), Decimal::from(5000));
/// ```
pub fn round_step_at_least(x: Decimal) -> Decimal {
    if x <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let exponent = x
        .to_f64()
        .filter(|v| *v > 0.0)
        .map(|v| libm::floor(libm::log10(v)) as i32)
        .unwrap_or(0)
        .clamp(-27, 27);
    let mut e = exponent - 1;
    loop {
        let base = pow10(e);
        for m in [1, 2, 5] {
            let step = base * Decimal::from(m);
            if step >= x {
                return step.normalize();
            }
        }
        if e >= 27 {
            return base.normalize();
        }
        e += 1;
    }
}

/// `x` rounded to `digits` significant digits, within `[min, max]`.
#[inline(never)]
fn derived(x: f64, min: Decimal, max: Decimal) -> Decimal {
    Decimal::from_f64(x)
        .and_then(|d| d.round_sf(DERIVED_DIGITS))
        .unwrap_or(min)
        .clamp(min, max)
        .normalize()
}

impl Scenario {
    /// The keys [`Scenario::market_warnings`] may name (the page watches only these fields).
    pub const WARNED_KEYS: [super::Key; 5] = [
        super::Key::Forward,
        super::Key::InverseQuote,
        super::Key::PutStrike,
        super::Key::Put2Strike,
        super::Key::CallStrike,
    ];

    /// The seed's economics with everything that can follow the market left unset: the page
    /// a new visitor opens (an address without a query).
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// let s = Scenario::following_market();
    /// assert_eq!(s.hedge.forward, None);
    /// assert_eq!(s.resolved().price, s.market.spot);
    /// ```
    pub fn following_market() -> Scenario {
        let mut s = Scenario::default();
        s.hedge.forward = None;
        s.hedge.inverse_quote = None;
        s.hedge.put_strike = None;
        s.hedge.put2_strike = None;
        s.view.price = None;
        s.view.lo = None;
        s.view.hi = None;
        s.view.step = None;
        s
    }

    /// The forward, strikes, final price and price range: each as set, or derived from the
    /// market when unset (the key table's "follows the market" column says how).
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// use rust_decimal::Decimal;
    /// let mut s = Scenario::following_market();
    /// s.market.spot = Decimal::from(95_000);
    /// let r = s.resolved();
    /// assert!(r.lo < s.market.spot && s.market.spot < r.hi);
    /// assert_eq!(r.price, Decimal::from(95_000));
    /// assert_eq!(r.put_strike, Decimal::from(85_000));
    /// assert_eq!(r.forward, Decimal::new(953_912, 1)); // 95,000·e^(0.05·30/365), 6 digits
    /// ```
    pub fn resolved(&self) -> Resolved {
        let spot = self.market.spot;
        let forward = self.hedge.forward.unwrap_or_else(|| self.model_forward());
        let inverse_quote = self.hedge.inverse_quote.unwrap_or_else(|| {
            let f = forward.to_f64().unwrap_or(0.0);
            derived(1.0 / f, MIN_QUOTE, MAX_PRICE)
        });
        let put_strike = self
            .hedge
            .put_strike
            .unwrap_or_else(|| round_strike(spot, Decimal::new(9, 1)));
        let put2_strike = self
            .hedge
            .put2_strike
            .unwrap_or_else(|| round_strike(spot, Decimal::new(75, 2)));
        let (lo, hi, step) = self.price_range();
        let hashprice_fixed = self
            .hedge
            .hashprice_fixed
            .unwrap_or_else(|| self.model_hashprice(forward));
        Resolved {
            hashprice_fixed,
            forward,
            inverse_quote,
            put_strike,
            put2_strike,
            price: self.view.price.unwrap_or(spot),
            lo,
            hi,
            step,
        }
    }

    /// The model's forward `spot·e^(rT)`, to six significant digits.
    fn model_forward(&self) -> Decimal {
        let s = self.market.spot.to_f64().unwrap_or(0.0);
        let f = s * libm::exp(self.rate() * self.years());
        derived(f, Decimal::new(1, 9), MAX_PRICE)
    }

    /// The hashprice index at coin price `forward` and the period's average difficulty, USD
    /// per PH/s per day, to six significant digits: `F·(subsidy + fees)·86,400·10¹⁵ /
    /// (D·(1 + dg/2)·2³²)`, with the period-average subsidy when it halves in the period.
    fn model_hashprice(&self, forward: Decimal) -> Decimal {
        let r = &self.economics.rig;
        let days = f64::from(self.economics.days.max(1));
        let subsidy = to_f64(r.subsidy);
        let subsidy = match r.halving_day {
            Some(h) if h < self.economics.days => {
                let h = f64::from(h);
                subsidy * (h + (days - h) / 2.0) / days
            }
            _ => subsidy,
        };
        let growth = to_f64(super::fraction(r.difficulty_growth_pct));
        let difficulty = to_f64(r.difficulty) * (1.0 + growth / 2.0);
        let k = (subsidy + to_f64(r.fees_per_block)) * 86_400e15 / (difficulty * 4_294_967_296.0);
        derived(to_f64(forward) * k, Decimal::new(1, 9), MAX_PRICE)
    }

    /// `lo`, `hi` and `step`, each as set or derived: spot ± 3 standard deviations of the
    /// period's price (±20 % of spot without volatility), on a round step's grid.
    fn price_range(&self) -> (Decimal, Decimal, Decimal) {
        let spot = self.market.spot;
        let sd = self.vol() * self.years().sqrt();
        let half_fraction = if sd.is_finite() && sd > 0.0 {
            RANGE_SIGMAS * sd
        } else {
            0.2
        };
        let half = Decimal::from_f64(half_fraction)
            .and_then(|h| money::checked_mul(h, spot))
            .filter(|h| *h > Decimal::ZERO)
            .unwrap_or(Decimal::ONE);
        let width = match (self.view.lo, self.view.hi) {
            (Some(lo), Some(hi)) if hi > lo => money::checked_sub(hi, lo).unwrap_or(half),
            _ => money::checked_mul(half, Decimal::TWO).unwrap_or(half),
        };
        let step = self
            .view
            .step
            .unwrap_or_else(|| round_step_at_least(width / Decimal::from(DERIVED_ROWS)));
        // Any value may arrive here (validation reports the bad ones): no operation may panic.
        let on_grid = |x: Option<Decimal>, up: bool| on_step(x?, step, up);
        // A derived range starts one step above 0 at the lowest (while that is below spot):
        // the table has no row at a final price of 0 (the engine refuses it).
        let lowest = if step < spot { step } else { Decimal::ZERO };
        let lo = self.view.lo.unwrap_or_else(|| {
            let from_spot = on_grid(money::checked_sub(spot, half), false)
                .unwrap_or(lowest)
                .max(lowest);
            match self.view.hi {
                Some(hi) if from_spot >= hi => on_grid(money::checked_sub(hi, width), false)
                    .unwrap_or(Decimal::ZERO)
                    .max(Decimal::ZERO),
                _ => from_spot,
            }
        });
        let hi = self.view.hi.unwrap_or_else(|| {
            let from_spot = on_grid(money::checked_add(spot, half), true)
                .unwrap_or(MAX_PRICE)
                .min(MAX_PRICE);
            if from_spot <= lo {
                on_grid(money::checked_add(lo, width), true)
                    .unwrap_or(MAX_PRICE)
                    .min(MAX_PRICE)
            } else {
                from_spot
            }
        });
        (lo.normalize(), hi.normalize(), step.normalize())
    }

    /// Forwards and strikes more than 50 % away from spot: the key and a sentence for the
    /// field, so that a value left over from another market does not go unnoticed.
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// use rust_decimal::Decimal;
    /// let mut s = Scenario::default();
    /// assert!(s.market_warnings().is_empty());
    /// s.market.spot = Decimal::from(3000);
    /// let keys: Vec<_> = s.market_warnings().iter().map(|(k, _)| k.as_str()).collect();
    /// assert_eq!(keys, vec!["fwd", "inv", "kp", "kp2"]);
    /// ```
    pub fn market_warnings(&self) -> Vec<(super::Key, String)> {
        use super::Key;
        let spot = self.market.spot;
        let r = self.resolved();
        let mut out = Vec::new();
        let mut check = |key: Key, what: &str, value: Decimal| {
            let Some(ratio) = money::checked_div(value, spot) else {
                return;
            };
            let off = (ratio - Decimal::ONE).abs();
            if off > Decimal::new(5, 1) {
                let pct = money::checked_mul(off, Decimal::ONE_HUNDRED)
                    .unwrap_or(off)
                    .round();
                let side = if ratio > Decimal::ONE {
                    "above"
                } else {
                    "below"
                };
                out.push((
                    key,
                    format!(
                        "{what} is {} % {side} spot ({}): is it from another market?",
                        crate::format::number(pct, 0),
                        crate::format::usd(spot)
                    ),
                ));
            }
        };
        if self.hedge.forward.is_some() {
            check(Key::Forward, "The forward", r.forward);
        }
        if let Some(q) = self.hedge.inverse_quote
            && let Some(price) = money::checked_div(Decimal::ONE, q)
        {
            check(Key::InverseQuote, "The quote's price (1 / quote)", price);
        }
        if self.hedge.put_strike.is_some() {
            check(Key::PutStrike, "The put strike", r.put_strike);
        }
        if self.hedge.put2_strike.is_some() {
            check(Key::Put2Strike, "The lower put strike", r.put2_strike);
        }
        if let CallStrike::Strike(k) = self.hedge.call_strike {
            check(Key::CallStrike, "The call strike", k);
        }
        out
    }

    /// Period length in years (Actual/365).
    ///
    /// ```
    /// let s = minerhedge::link::Scenario::default();
    /// assert_eq!(s.years(), 30.0 / 365.0);
    /// ```
    pub fn years(&self) -> f64 {
        Act365::years(self.economics.days)
    }

    /// Coverage as a fraction in `[0, 1]`, exact: `cov / 100`.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// assert_eq!(minerhedge::link::Scenario::default().coverage(), Decimal::ONE);
    /// ```
    pub fn coverage(&self) -> Decimal {
        super::fraction(self.hedge.coverage_pct)
    }

    /// Volatility as a fraction per year: `vol / 100` (80 → 0.8).
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Scenario::default().vol(), 0.8);
    /// ```
    pub fn vol(&self) -> f64 {
        to_f64(super::fraction(self.market.vol_pct))
    }

    /// Risk-free rate as a fraction per year: `rate / 100` (5 → 0.05).
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Scenario::default().rate(), 0.05);
    /// ```
    pub fn rate(&self) -> f64 {
        to_f64(super::fraction(self.market.rate_pct))
    }

    /// The smile's 25-delta risk reversal and butterfly as fractions (`rr25 / 100`,
    /// `bf25 / 100`).
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Scenario::default().smile_wings(), (0.0, 0.0));
    /// ```
    pub fn smile_wings(&self) -> (f64, f64) {
        let f = |d: Decimal| to_f64(super::fraction(d));
        (
            f(self.market.risk_reversal_pts),
            f(self.market.butterfly_pts),
        )
    }

    /// The period view's simulated price drift, a fraction per year: the user's `drift`, or
    /// the rate (the period's forward is `spot·e^(rate·T)`).
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// assert_eq!(Scenario::default().price_drift(), 0.05);
    /// assert_eq!(Scenario::from_query("drift=30").scenario.price_drift(), 0.3);
    /// ```
    pub fn price_drift(&self) -> f64 {
        match self.simulation.drift_pct {
            Some(d) => to_f64(super::fraction(d)),
            None => self.rate(),
        }
    }

    /// Difficulty volatility as a fraction per year: `dvol / 100`.
    ///
    /// ```
    /// assert_eq!(minerhedge::link::Scenario::default().difficulty_vol(), 0.0);
    /// ```
    pub fn difficulty_vol(&self) -> f64 {
        to_f64(super::fraction(self.simulation.difficulty_vol_pct))
    }
}

/// A round strike below spot: `share` of spot (0.9 for `kp`, 0.75 for `kp2`), rounded down to
/// two significant digits of spot's magnitude (250 → 220 and 180, 95,000 → 85,000 and 71,000).
#[inline(never)]
fn round_strike(spot: Decimal, share: Decimal) -> Decimal {
    let target = money::checked_mul(spot, share).unwrap_or(spot);
    let magnitude = spot
        .to_f64()
        .filter(|v| *v > 0.0)
        .map(|v| libm::floor(libm::log10(v)) as i32)
        .unwrap_or(0)
        .clamp(-26, 27);
    let step = pow10(magnitude - 1);
    let k = on_step(target, step, false).unwrap_or(target);
    if k > Decimal::ZERO {
        k.normalize()
    } else {
        target.normalize()
    }
}

/// `x` rounded down (or up) to a multiple of `step`; `None` on overflow or a zero step. One
/// function (never inlined): the derived values round on a grid in several places.
#[inline(never)]
fn on_step(x: Decimal, step: Decimal, up: bool) -> Option<Decimal> {
    let q = money::checked_div(x, step)?;
    let whole = if up { q.ceil() } else { q.floor() };
    money::checked_mul(whole, step)
}

#[inline(never)]
fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_strikes() {
        assert_eq!(
            round_strike(Decimal::from(250), Decimal::new(9, 1)),
            Decimal::from(220)
        );
        assert_eq!(
            round_strike(Decimal::from(3000), Decimal::new(9, 1)),
            Decimal::from(2700)
        );
        assert_eq!(
            round_strike(Decimal::new(15, 2), Decimal::new(9, 1)),
            Decimal::new(13, 2)
        );
    }

    #[test]
    fn derived_range_is_on_its_grid_and_contains_spot() {
        for spot in [1u64, 250, 3000, 95_000, 999_999_999] {
            let mut s = Scenario::following_market();
            s.market.spot = Decimal::from(spot);
            let r = s.resolved();
            assert!(
                r.lo < s.market.spot && s.market.spot < r.hi,
                "{spot}: {r:?}"
            );
            assert!(
                ((r.hi - r.lo) / r.step) <= Decimal::from(DERIVED_ROWS + 2),
                "{r:?}"
            );
            assert_eq!((r.lo / r.step).fract(), Decimal::ZERO, "{r:?}");
        }
    }

    /// A wide derived range (90 days at 80 % vol: spot ± 3σ reaches below 0) starts one step
    /// above 0, so the table has every row.
    #[test]
    fn a_wide_derived_range_has_no_row_at_zero() {
        let d = Scenario::from_query("v=2&days=90&spot=104000.5");
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        let r = d.scenario.resolved();
        assert!(r.lo > Decimal::ZERO && r.lo == r.step, "{r:?}");
        let m = crate::view::Model::build(&d.scenario);
        assert!(m.messages.is_empty(), "{:?}", m.messages);
        assert_eq!(m.table.len(), d.scenario.table_prices().len());
    }

    #[test]
    fn a_set_end_keeps_the_other_derived() {
        let mut s = Scenario::following_market();
        s.view.lo = Some(Decimal::from(1000));
        let r = s.resolved();
        assert_eq!(r.lo, Decimal::from(1000));
        assert!(r.hi > r.lo);
        s.view.lo = None;
        s.view.hi = Some(Decimal::from(10));
        let r = s.resolved();
        assert!(r.lo < r.hi && r.hi == Decimal::from(10), "{r:?}");
    }
}
