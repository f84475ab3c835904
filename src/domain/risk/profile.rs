//! The piecewise-linear payoff of a position in `f64`: values, floor, cap and breakevens.

use super::PriceGrid;
use super::curtailed::PowerLeg;
use crate::domain::Field;
use crate::domain::error::{DomainError, Result};
use crate::domain::money::MAX_PRICE_F64;
use crate::domain::pricing::OptionKind;
use crate::domain::range::Range;
use crate::domain::validate::{MAX_COINS, MAX_USD, non_negative, positive};

/// One option the position holds, in `f64`: its type, strike and signed quantity (coins;
/// positive = bought, negative = sold).
///
/// ```
/// use minerhedge::domain::risk::OptionHolding;
/// let put = OptionHolding::put(5.0, 230.0);
/// assert_eq!(put.payoff(200.0), 150.0);
/// assert_eq!(OptionHolding::call(-5.0, 290.0).payoff(300.0), -50.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptionHolding {
    /// Put or call.
    pub kind: OptionKind,
    /// Strike, USD per coin, `≥ 0`.
    pub strike: f64,
    /// Coins, positive bought, negative sold.
    pub quantity: f64,
}

impl OptionHolding {
    /// `quantity` puts (negative: sold) at `strike`.
    pub const fn put(quantity: f64, strike: f64) -> Self {
        OptionHolding {
            kind: OptionKind::Put,
            strike,
            quantity,
        }
    }

    /// `quantity` calls (negative: sold) at `strike`.
    pub const fn call(quantity: f64, strike: f64) -> Self {
        OptionHolding {
            kind: OptionKind::Call,
            strike,
            quantity,
        }
    }

    /// Its payoff at the final price `s`, USD: `q·max(ω(S − K), 0)`.
    #[inline]
    pub fn payoff(&self, s: f64) -> f64 {
        let intrinsic = match self.kind {
            OptionKind::Put if self.strike > s => self.strike - s,
            OptionKind::Call if s > self.strike => s - self.strike,
            _ => return 0.0,
        };
        self.quantity * intrinsic
    }

    /// Its slope `d payoff / dS` at a price `s` that is not its strike.
    fn slope(&self, s: f64) -> f64 {
        match self.kind {
            OptionKind::Put if s < self.strike => -self.quantity,
            OptionKind::Call if s > self.strike => self.quantity,
            _ => 0.0,
        }
    }
}

/// A price where the value's slope changes, and by how much (coins).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kink {
    /// The price, USD per coin (a strike), `> 0`.
    pub price: f64,
    /// Slope to its right less slope to its left.
    pub slope_change: f64,
}

/// The end-of-period USD value of a position, as the piecewise-linear formula of the module
/// docs, for any list of options. Build it with [`PayoffProfile::new`] from [`ProfileParams`].
#[derive(Debug, Clone, PartialEq)]
pub struct PayoffProfile {
    pub(super) output: f64,
    pub(super) all_in_cost: f64,
    pub(super) cash_cost: f64,
    pub(super) sold_coins: f64,
    pub(super) hash_coins: f64,
    pub(super) premium_coins: f64,
    pub(super) locked_usd: f64,
    pub(super) options: Vec<OptionHolding>,
    /// The options' strikes where the slope changes, ascending, each once.
    pub(super) kinks: Vec<Kink>,
    pub(super) premium: f64,
    pub(super) power: Option<PowerLeg>,
}

/// Named inputs of a [`PayoffProfile`] (all `f64`, validated by [`PayoffProfile::new`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProfileParams {
    /// Expected coin output of the period, `Q ≥ 0`.
    pub output: f64,
    /// All-in cost of the period in USD (cash costs plus amortized capex), `> 0`.
    pub all_in_cost: f64,
    /// Cash (fiat) cost of the period in USD, `0 ≤ cash ≤ all-in`.
    pub cash_cost: f64,
    /// Coins sold forward, `l ≥ 0` (linear, inverse or hashprice forward).
    pub sold_coins: f64,
    /// The part of `sold_coins` that scales with the realized output like the mined coins
    /// (a hashprice forward's), `0 ≤ h ≤ l`.
    pub hash_coins: f64,
    /// Net option premium paid in coin at the start (coin-settled options; negative =
    /// received): coins the position no longer holds at the end, worth `premium_coins · S`.
    pub premium_coins: f64,
    /// USD locked in by the forward sale, `L ≥ 0`.
    pub locked_usd: f64,
    /// The options held, any number, bought or sold.
    pub options: Vec<OptionHolding>,
    /// Net option premium paid, carried to the end of the period, USD (negative = received).
    pub premium: f64,
    /// The mined coins under a power contract that curtails or resells ([`PowerLeg`]);
    /// `None`: `output` coins whatever the price.
    pub power: Option<PowerLeg>,
}

/// Floor, cap and breakevens of a profile on final prices `S ≥ 0`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bounds {
    /// Lowest USD value over all `S ≥ 0`, `None` when unbounded below.
    pub floor: Option<f64>,
    /// Highest USD value over all `S ≥ 0`, `None` when unbounded above.
    pub cap: Option<f64>,
    /// Final prices where the value equals the all-in cost, ascending. Where the value equals
    /// the cost on a whole interval, its left end is listed.
    pub breakevens: Vec<f64>,
}

impl ProfileParams {
    /// The same position with its hedge `scale` times as large: coins sold forward and the
    /// USD they lock, every option, and the premiums paid in coin and in USD.
    ///
    /// ```
    /// use minerhedge::domain::risk::{OptionHolding, ProfileParams};
    /// let p = ProfileParams { output: 5.0, sold_coins: 2.0, options: vec![OptionHolding::put(5.0, 230.0)], ..Default::default() };
    /// let half = p.with_hedge_scaled(0.5);
    /// assert_eq!((half.output, half.sold_coins, half.options[0].quantity), (5.0, 1.0, 2.5));
    /// ```
    pub fn with_hedge_scaled(self, scale: f64) -> Self {
        ProfileParams {
            sold_coins: self.sold_coins * scale,
            hash_coins: self.hash_coins * scale,
            premium_coins: self.premium_coins * scale,
            locked_usd: self.locked_usd * scale,
            options: self
                .options
                .iter()
                .map(|o| OptionHolding {
                    quantity: o.quantity * scale,
                    ..*o
                })
                .collect(),
            premium: self.premium * scale,
            ..self
        }
    }
}

impl PayoffProfile {
    /// Validates and builds a profile.
    ///
    /// ```
    /// use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// // The seed: 5 ETH for $1,100, all sold forward at $260.
    /// let p = PayoffProfile::new(ProfileParams {
    ///     output: 5.0, all_in_cost: 1100.0, cash_cost: 1100.0,
    ///     sold_coins: 5.0, locked_usd: 1300.0, ..Default::default()
    /// }).unwrap();
    /// assert_eq!(p.value_at(200.0), 1300.0);
    /// assert!((p.return_at(300.0) - 2.0 / 11.0).abs() < 1e-15);
    /// ```
    pub fn new(p: ProfileParams) -> Result<Self> {
        const { Range::closed(0.0, MAX_COINS) }.check(Field::ExpectedOutput, p.output)?;
        positive(Field::PeriodCost, p.all_in_cost)?;
        const { Range::closed(0.0, MAX_USD) }.check(Field::PeriodCost, p.all_in_cost)?;
        non_negative(Field::CashCost, p.cash_cost)?;
        if p.cash_cost > p.all_in_cost {
            return Err(DomainError::out_of_range(
                Field::CashCost,
                p.cash_cost,
                format!("at most the all-in cost {}", p.all_in_cost),
            ));
        }
        const { Range::closed(0.0, MAX_COINS) }.check(Field::CoinsSoldForward, p.sold_coins)?;
        Range::closed(0.0, p.sold_coins).check(Field::CoinsSoldForward, p.hash_coins)?;
        const { Range::closed(-MAX_COINS, MAX_COINS) }.check(Field::NetPremium, p.premium_coins)?;
        const { Range::closed(0.0, MAX_USD) }.check(Field::LockedUsd, p.locked_usd)?;
        for o in &p.options {
            const { Range::closed(-MAX_COINS, MAX_COINS) }.check(Field::Options, o.quantity)?;
            let field = match o.kind {
                OptionKind::Put => Field::PutStrike,
                OptionKind::Call => Field::CallStrike,
            };
            const { Range::closed(0.0, MAX_PRICE_F64) }.check(field, o.strike)?;
        }
        const { Range::closed(-MAX_USD, MAX_USD) }.check(Field::NetPremium, p.premium)?;
        if let Some(power) = &p.power {
            power.terms.prices.check()?;
            const { Range::closed(0.0, MAX_COINS) }
                .check(Field::ExpectedOutput, power.rig.output)?;
            const { Range::closed(-MAX_USD, MAX_USD) }
                .check(Field::PowerPrice, power.plan_power_cost)?;
        }
        let kinks = kinks_of(&p.options);
        Ok(PayoffProfile {
            output: p.output,
            all_in_cost: p.all_in_cost,
            cash_cost: p.cash_cost,
            sold_coins: p.sold_coins,
            hash_coins: p.hash_coins,
            premium_coins: p.premium_coins,
            locked_usd: p.locked_usd,
            options: p.options,
            kinks,
            premium: p.premium,
            power: p.power,
        })
    }

    /// The inputs the profile was built from.
    ///
    /// ```
    /// use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let params = ProfileParams { output: 1.0, all_in_cost: 10.0, ..Default::default() };
    /// assert_eq!(PayoffProfile::new(params.clone()).unwrap().params(), params);
    /// ```
    pub fn params(&self) -> ProfileParams {
        ProfileParams {
            output: self.output,
            all_in_cost: self.all_in_cost,
            cash_cost: self.cash_cost,
            sold_coins: self.sold_coins,
            hash_coins: self.hash_coins,
            premium_coins: self.premium_coins,
            locked_usd: self.locked_usd,
            options: self.options.clone(),
            premium: self.premium,
            power: self.power.clone(),
        }
    }

    /// The options held.
    ///
    /// ```
    /// use minerhedge::domain::risk::{OptionHolding, PayoffProfile, ProfileParams};
    /// let put = OptionHolding::put(1.0, 9.0);
    /// let p = PayoffProfile::new(ProfileParams { output: 1.0, all_in_cost: 10.0, options: vec![put], ..Default::default() }).unwrap();
    /// assert_eq!(p.options(), &[put]);
    /// ```
    pub fn options(&self) -> &[OptionHolding] {
        &self.options
    }

    /// The prices where the value's slope changes (the options' strikes above 0), ascending,
    /// each once, with the change of slope there.
    ///
    /// ```
    /// use minerhedge::domain::risk::{OptionHolding, PayoffProfile, ProfileParams};
    /// // A put spread: 5 puts bought at 230, 5 sold at 190.
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0,
    ///     options: vec![OptionHolding::put(5.0, 230.0), OptionHolding::put(-5.0, 190.0)], ..Default::default() }).unwrap();
    /// let k: Vec<(f64, f64)> = p.kinks().iter().map(|k| (k.price, k.slope_change)).collect();
    /// assert_eq!(k, vec![(190.0, -5.0), (230.0, 5.0)]);
    /// ```
    pub fn kinks(&self) -> &[Kink] {
        &self.kinks
    }

    /// Coins the position gives up at the end whatever the price: sold forward plus a coin
    /// premium paid (`l + π_c`).
    #[inline]
    pub(super) fn short_coins(&self) -> f64 {
        self.sold_coins + self.premium_coins
    }

    /// All-in cost of the period, USD.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 1.0, all_in_cost: 10.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.all_in_cost(), 10.0);
    /// ```
    pub fn all_in_cost(&self) -> f64 {
        self.all_in_cost
    }

    /// USD value at the end of the period at final price `s` when the realized output is
    /// `output_factor` times the expected one: the formula of the module docs, with the
    /// hashprice forward's coins (`hash_coins`) scaled like the output. Finite for finite
    /// non-negative inputs.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// // Inverse forward on the seed: notional 1,250 USD on 5 ETH.
    /// let p = PayoffProfile::new(ProfileParams {
    ///     output: 5.0, all_in_cost: 1100.0, cash_cost: 1100.0,
    ///     sold_coins: 5.0, locked_usd: 1250.0, ..Default::default()
    /// }).unwrap();
    /// assert_eq!(p.value_with_output(200.0, 0.9), 0.9 * 5.0 * 200.0 + 1250.0 - 5.0 * 200.0);
    /// ```
    #[inline]
    pub fn value_with_output(&self, s: f64, output_factor: f64) -> f64 {
        self.value_with(s, output_factor, 1.0)
    }

    /// [`PayoffProfile::value_with_output`] when the power contract's hour prices are
    /// `power_level` times the model's (a simulated month's power price level; the mined leg
    /// at [`PowerLeg::mined_value_at`]). Without a power contract the level changes nothing;
    /// `power_level = 1` is [`PayoffProfile::value_with_output`] exactly.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.value_with(200.0, 0.9, 1.7), p.value_with_output(200.0, 0.9));
    /// ```
    #[inline]
    pub fn value_with(&self, s: f64, output_factor: f64, power_level: f64) -> f64 {
        match &self.power {
            None => {
                let options: f64 = self.options.iter().map(|o| o.payoff(s)).sum();
                let mined = output_factor * (self.output - self.hash_coins) * s;
                mined + self.locked_usd - (self.short_coins() - self.hash_coins) * s + options
                    - self.premium
            }
            Some(p) => {
                let mined = p.mined_value_at(s, output_factor, power_level);
                self.value_with_mined(s, output_factor, mined)
            }
        }
    }

    /// The value of a profile on a power contract at `s` and `output_factor` given its mined
    /// leg's value `mined` there ([`PowerLeg::mined_value_at`] of [`PayoffProfile::power`]):
    /// the hedge added to it. A simulation valuing several profiles of one month (its hedge,
    /// at full coverage) on the same mined leg computes the leg once.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// // 2 coins sold forward for $600 on a mined leg worth $1,000 at $250.
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, sold_coins: 2.0, locked_usd: 600.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.value_with_mined(250.0, 1.0, 1000.0), 1000.0 + 600.0 - 500.0);
    /// ```
    #[inline]
    pub fn value_with_mined(&self, s: f64, output_factor: f64, mined: f64) -> f64 {
        let options: f64 = self.options.iter().map(|o| o.payoff(s)).sum();
        mined - output_factor * self.hash_coins * s + self.locked_usd
            - (self.short_coins() - self.hash_coins) * s
            + options
            - self.premium
    }

    /// USD value at the end of the period at final price `s`, expected output.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.value_at(220.0), 1100.0);
    /// ```
    #[inline]
    pub fn value_at(&self, s: f64) -> f64 {
        self.value_with_output(s, 1.0)
    }

    /// Period return at final price `s`: `V(s) / cost − 1`.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.return_at(220.0), 0.0);
    /// ```
    #[inline]
    pub fn return_at(&self, s: f64) -> f64 {
        self.value_at(s) / self.all_in_cost - 1.0
    }

    /// `dV/dS` for `S` above every strike: the exposure left to a rally.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1.0, sold_coins: 2.0, ..Default::default() }).unwrap();
    /// assert_eq!(p.terminal_slope(), 3.0);
    /// ```
    pub fn terminal_slope(&self) -> f64 {
        self.full_run_output() - self.short_coins()
            + self
                .options
                .iter()
                .filter(|o| o.kind == OptionKind::Call)
                .map(|o| o.quantity)
                .sum::<f64>()
    }

    /// The coins mined when the rig runs every available hour: the output, or the power
    /// contract's full-run output.
    pub(super) fn full_run_output(&self) -> f64 {
        self.power.as_ref().map_or(self.output, |p| p.rig.output)
    }

    /// The mined coins under a power contract, if the profile has one.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1.0, ..Default::default() }).unwrap();
    /// assert!(p.power().is_none());
    /// ```
    pub fn power(&self) -> Option<&PowerLeg> {
        self.power.as_ref()
    }

    /// Slope `dV/dS` at a price that is not a kink.
    pub(super) fn slope_at(&self, s: f64) -> f64 {
        self.output - self.short_coins() + self.options.iter().map(|o| o.slope(s)).sum::<f64>()
    }

    /// Segment end points `0 = x₀ < x₁ < … < x_m` (kinks) of the piecewise-linear value; the
    /// last segment runs to +∞.
    pub(super) fn breakpoints(&self) -> impl Iterator<Item = f64> + '_ {
        std::iter::once(0.0).chain(self.kinks.iter().map(|k| k.price))
    }

    /// Floor, cap and breakevens over `S ≥ 0`, exactly (the value is linear between strikes).
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// // Unhedged seed: breakeven at 1,100 / 5 = 220, floor 0 at S = 0, no cap.
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let b = p.bounds();
    /// assert_eq!(b.breakevens, vec![220.0]);
    /// assert_eq!(b.floor, Some(0.0));
    /// assert_eq!(b.cap, None);
    /// ```
    pub fn bounds(&self) -> Bounds {
        if let Some(power) = &self.power {
            return self.power_bounds(power);
        }
        let bp: Vec<f64> = self.breakpoints().collect();
        let m = bp.len();
        let slope = self.terminal_slope();
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for &x in &bp {
            let v = self.value_at(x);
            lo = lo.min(v);
            hi = hi.max(v);
        }
        let floor = (slope >= 0.0).then_some(lo);
        let cap = (slope <= 0.0).then_some(hi);
        let mut breakevens = Vec::new();
        let cost = self.all_in_cost;
        for i in 0..m {
            let a = bp[i];
            let va = self.value_at(a) - cost;
            let (b, vb) = if i + 1 < m {
                (bp[i + 1], self.value_at(bp[i + 1]) - cost)
            } else {
                // Last segment: linear with the terminal slope.
                if slope == 0.0 {
                    if va == 0.0 {
                        push_unique(&mut breakevens, a);
                    }
                    continue;
                }
                let root = a - va / slope;
                if root >= a && root.is_finite() {
                    push_unique(&mut breakevens, root);
                }
                continue;
            };
            if va == 0.0 {
                push_unique(&mut breakevens, a);
            } else if (va < 0.0) != (vb < 0.0) && vb != 0.0 {
                let root = a + (b - a) * va / (va - vb);
                push_unique(&mut breakevens, root.clamp(a, b));
            }
        }
        Bounds {
            floor,
            cap,
            breakevens,
        }
    }

    /// Fills `out` with `(price, USD value)` on `n` evenly spaced prices over `[lo, hi]`
    /// (`n ≥ 2`; both ends included). Reuses the buffer: no allocation once it has capacity.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams, PriceGrid};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let grid = PriceGrid::new(200.0, 300.0, 11).unwrap();
    /// let mut out = Vec::new();
    /// p.fill_values(&grid, &mut out);
    /// assert_eq!(out[0], (200.0, 1000.0));
    /// assert_eq!(out[10], (300.0, 1500.0));
    /// ```
    pub fn fill_values(&self, grid: &PriceGrid, out: &mut Vec<(f64, f64)>) {
        out.clear();
        out.extend(grid.prices().map(|s| (s, self.value_at(s))));
    }

    /// Like [`PayoffProfile::fill_values`] but with the period return `V/cost − 1`.
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams, PriceGrid};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let mut out = Vec::new();
    /// p.fill_returns(&PriceGrid::new(220.0, 330.0, 2).unwrap(), &mut out);
    /// assert_eq!(out, vec![(220.0, 0.0), (330.0, 0.5)]);
    /// ```
    pub fn fill_returns(&self, grid: &PriceGrid, out: &mut Vec<(f64, f64)>) {
        out.clear();
        let inv = 1.0 / self.all_in_cost;
        out.extend(grid.prices().map(|s| (s, self.value_at(s) * inv - 1.0)));
    }

    /// Lowest and highest period return over the grid's price range `[lo, hi]` (exact: the
    /// extremes of a piecewise-linear function lie at the ends or at strikes inside).
    ///
    /// ```
    /// # use minerhedge::domain::risk::{PayoffProfile, ProfileParams, PriceGrid};
    /// let p = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let (worst, best) = p.return_range(&PriceGrid::new(220.0, 330.0, 2).unwrap());
    /// assert_eq!((worst, best), (0.0, 0.5));
    /// ```
    pub fn return_range(&self, grid: &PriceGrid) -> (f64, f64) {
        if self.power.is_some() {
            return self.power_return_range(grid);
        }
        let mut worst = self.return_at(grid.lo).min(self.return_at(grid.hi));
        let mut best = self.return_at(grid.lo).max(self.return_at(grid.hi));
        for x in self.kinks.iter().map(|k| k.price) {
            if x > grid.lo && x < grid.hi {
                let r = self.return_at(x);
                worst = worst.min(r);
                best = best.max(r);
            }
        }
        (worst, best)
    }
}

/// The kinks of `options`: their strikes above 0, ascending, each once with the sum of the
/// slope changes there (a put's `+q` as a call's: `q·max(K − S, 0)` turns from slope `−q` to 0);
/// a strike where they cancel is no kink.
fn kinks_of(options: &[OptionHolding]) -> Vec<Kink> {
    let mut kinks: Vec<Kink> = Vec::with_capacity(options.len());
    for o in options
        .iter()
        .filter(|o| o.strike > 0.0 && o.quantity != 0.0)
    {
        // Kept in order as they come: each one inserted at its place.
        let at = kinks.partition_point(|k| k.price < o.strike);
        match kinks.get_mut(at).filter(|k| k.price == o.strike) {
            Some(k) => k.slope_change += o.quantity,
            None => kinks.insert(
                at,
                Kink {
                    price: o.strike,
                    slope_change: o.quantity,
                },
            ),
        }
    }
    kinks.retain(|k| k.slope_change != 0.0);
    kinks
}

fn push_unique(v: &mut Vec<f64>, x: f64) {
    if v.last() != Some(&x) {
        v.push(x);
    }
}
