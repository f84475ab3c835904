//! The page's view model: everything the page shows, computed from a [`Scenario`]. Pure.
//!
//! [`Model::build`] turns the scenario into economics, option premiums (model or quoted, with
//! the zero-cost collar solved when asked), every strategy as an exact [`Position`] and a fast
//! [`PayoffProfile`], the chosen strategy's table, Greeks and order ticket, and the 1,001-point
//! curves of the payoff chart. [`Model::readout`] answers the price slider from the built model
//! without rebuilding it, so a slider move costs one exact table row.
//!
//! Nothing here panics on any scenario: a value the engine refuses becomes a [`Message`] naming
//! the link key of the field, and whatever does not depend on it is still shown.

pub mod compare;
pub mod distribution;
pub mod edit;
pub mod frontier;
pub mod jobs;
pub mod keys;
pub mod margin;
pub mod montecarlo;
pub mod power;
pub mod pricing;
#[cfg(feature = "program")]
pub mod program;
pub mod rebalance;
pub mod rig;
pub mod saved;
pub mod select;
#[cfg(feature = "program")]
pub mod treasury;
pub mod volume_risk;

use crate::domain::daycount::Act365;
use crate::domain::economics::{DirectParams, PeriodEconomics, Rig, halving_subsidy};
use crate::domain::hedge::{Position, Row};
use crate::domain::margin::MarginRisk;
use crate::domain::montecarlo::McParams;
use crate::domain::pricing::{OptionKind, SpotModel, SpotParams};
use crate::domain::risk::{
    Bounds, Lognormal, LognormalParams, Outlook, PayoffProfile, PositionGreeks, PowerLeg,
    PriceGrid, ProfileParams, VolumeHeatmap,
};
use crate::domain::strategy::{
    HashTerms, LegPricer, LegSpec, ModelPricer, PricedLeg, StrategyInputs, StrikeInput, Strikes,
};
use crate::domain::validate::dec_f64;
use crate::domain::{DomainError, Field, Result, money};
use crate::link::{CallStrike, Key, Mode, Scenario, Settlement};
use keys::Blame;
use margin::margin_of;
use pricing::Pricing;
use rust_decimal::Decimal;
use std::cell::RefCell;

/// A problem to show next to a field (`key` is the share-link key) or above the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Link key of the field the message is about, if any.
    pub key: Option<Key>,
    /// The text, naming the field, the value and the valid range.
    pub text: String,
}

pub use crate::domain::strategy::StrategyKind;

/// Where a premium comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PremiumSource {
    /// Black–Scholes–Merton on the page's spot, volatility, rate and period.
    Model,
    /// Entered by the user (`pp`, `cp`).
    Quoted,
}

/// One option leg of the chosen strategy: its registry leg, strike and premium per coin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptionLeg {
    /// The registry's leg (type, side, share, the input of its strike).
    pub spec: LegSpec,
    /// Strike, USD per coin.
    pub strike: Decimal,
    /// `true` when the strike was solved for a zero cost.
    pub solved: bool,
    /// Premium per coin used in the payoffs, USD, paid (bought) or received (sold) at the
    /// start.
    pub premium: Decimal,
    /// Model or quote.
    pub source: PremiumSource,
    /// The model's premium, for comparison with a quote.
    pub model_premium: f64,
    /// Volatility implied by a quoted premium (fraction), when one exists.
    pub implied_vol: Option<f64>,
    /// The vol the model prices this strike at (fraction): the at-the-money `vol`, or the
    /// smile's vol of the strike.
    pub vol: f64,
}

/// The chosen strategy's options and net premium.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionsView {
    /// Its option legs, in its registry entry's order.
    pub legs: Vec<OptionLeg>,
    /// Net premium per coin of the chosen hedge, USD (positive = paid).
    pub net_per_coin: Decimal,
    /// Net premium of the chosen hedge on the hedged quantity, carried to the end of the
    /// period at the risk-free rate, USD.
    pub net_carried: Decimal,
}

impl OptionsView {
    /// The leg struck at `input`, when the strategy has one.
    ///
    /// ```
    /// use minerhedge::{domain::strategy::StrikeInput, link::Scenario, view::Model};
    /// let m = Model::build(&Scenario::from_query("hedge=putspread&kp=230&kp2=190").scenario);
    /// let o = m.options.unwrap();
    /// assert!(o.leg(StrikeInput::Kp2).unwrap().premium < o.leg(StrikeInput::Kp).unwrap().premium);
    /// assert!(o.leg(StrikeInput::Kc).is_none());
    /// ```
    pub fn leg(&self, input: StrikeInput) -> Option<&OptionLeg> {
        self.legs
            .iter()
            .find(|l| matches!(l.spec.option_of(), Some((_, i)) if i == input))
    }
}

/// Rig figures (rig mode only).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RigView {
    /// Expected blocks found over the period.
    pub expected_blocks: Decimal,
    /// Average difficulty over the period.
    pub average_difficulty: Decimal,
    /// Energy drawn over the period, kWh.
    pub energy_kwh: Decimal,
    /// Power cost over the period, USD.
    pub power_cost: Decimal,
    /// Hardware amortization for the period, USD.
    pub amortization: Decimal,
    /// Hashprice at spot, USD per TH/s per day.
    pub hashprice: Decimal,
    /// What a hashprice forward on this rig is written on (its fixed hashprice is `hpf`).
    pub hash: HashTerms,
}

/// The period's economics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EconomicsView {
    /// All-in cost of the period, USD.
    pub cost: Decimal,
    /// Cash (fiat) cost of the period, USD.
    pub cash_cost: Decimal,
    /// Expected output, coins.
    pub output: Decimal,
    /// All-in cost per coin mined = unhedged breakeven price, USD.
    pub breakeven: Decimal,
    /// Unhedged result at spot minus cost, USD.
    pub margin_at_spot: Decimal,
    /// Rig figures in rig mode.
    pub rig: Option<RigView>,
}

/// One strategy, built on the scenario's economics and coverage.
#[derive(Debug, Clone, PartialEq)]
pub struct Strategy {
    /// Which one.
    pub kind: StrategyKind,
    /// The exact position.
    pub position: Position,
    /// Its fast `f64` mirror.
    pub profile: PayoffProfile,
    /// Net premium paid at the start on the hedged quantity, USD (negative = received).
    pub upfront_premium: Decimal,
    /// Coins the scenario's coverage covers, `c·Q` (what a rebalance starts from).
    pub covered: Decimal,
    /// Floor, cap and breakevens of the USD result.
    pub bounds: Bounds,
    /// Lognormal loss probability and expected return (μ = r).
    pub outlook: Option<Outlook>,
    /// Worst and best return on the chart's price range.
    pub return_range: (f64, f64),
    /// Its option legs as priced, in its registry entry's order.
    pub options: Vec<PricedLeg>,
    /// Strike of its call at `kc` (given or solved), USD.
    pub call_strike: Option<Decimal>,
}

/// Everything the page shows for one scenario, but the price slider's readout.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The scenario it was built from.
    pub scenario: Scenario,
    /// Problems to show, each naming a field by its link key where it has one.
    pub messages: Vec<Message>,
    /// The period's economics, when its inputs are valid.
    pub economics: Option<EconomicsView>,
    /// Option premiums, when they could be priced.
    pub options: Option<OptionsView>,
    /// Every strategy that could be built, in [`StrategyKind::ALL`] order.
    pub strategies: Vec<Strategy>,
    /// The chosen strategy's index in `strategies`.
    pub chosen: Option<usize>,
    /// Greeks of the chosen position.
    pub greeks: Option<PositionGreeks>,
    /// Inverse forward: the order to place, e.g. `Buy (Long) USD 1,250 at 0.004 ETH/USD`.
    pub ticket: Option<String>,
    /// Inverse forward: return locked at full coverage (`N / cost − 1`).
    pub locked_return: Option<Decimal>,
    /// The chosen strategy's table at `lo, lo + step, …, hi`.
    pub table: Vec<Row>,
    /// Price grid of the chart.
    pub grid: Option<PriceGrid>,
    /// `(strategy, [(price, USD result)])` on the grid, for every strategy.
    pub curves: Vec<(StrategyKind, Vec<(f64, f64)>)>,
    /// The pricing model (spot, rate, volatility, period), when valid.
    pub market: Option<SpotModel>,
    /// The option market: the model and its smile (`rr25`, `bf25`), when valid.
    pub pricing: Option<Pricing>,
    /// The power contract, when it changes anything (rig mode, `ptype` other than `fixed`
    /// or a capacity credit).
    pub power: Option<power::PowerView>,
    /// Margin of the chosen hedge when it is a margined short (forward, inverse or hashprice
    /// forward): liquidation price, its touch probability and the collateral needed.
    pub margin: Option<MarginRisk>,
}

/// The period view's option market for the registry: the model's premium (BSM on spot at
/// the strike's smile vol, to 10 decimals), but the user's quote where one is given for that
/// option type and strike (`pp` for the put at `kp`, `cp` for the call at `kc`). Each premium
/// and solved strike is computed once per build.
struct PeriodPricer {
    model: Pricing,
    quotes: Vec<(OptionKind, Decimal, Decimal)>,
    premiums: RefCell<Vec<(OptionKind, Decimal, Decimal)>>,
    solved: RefCell<Vec<((Decimal, Decimal), Decimal)>>,
}

impl PeriodPricer {
    fn new(s: &Scenario, model: Pricing) -> Self {
        let r = s.resolved();
        let mut quotes = Vec::new();
        if let Some(pp) = s.hedge.put_premium {
            quotes.push((OptionKind::Put, r.put_strike, pp));
        }
        if let (Some(cp), CallStrike::Strike(kc)) = (s.hedge.call_premium, s.hedge.call_strike) {
            quotes.push((OptionKind::Call, kc, cp));
        }
        PeriodPricer {
            model,
            quotes,
            premiums: RefCell::new(Vec::new()),
            solved: RefCell::new(Vec::new()),
        }
    }

    /// The user's quote for `kind` at `strike`, when one is given.
    fn quote(&self, kind: OptionKind, strike: Decimal) -> Option<Decimal> {
        self.quotes
            .iter()
            .find(|(k, x, _)| *k == kind && *x == strike)
            .map(|q| q.2)
    }

    /// The figures of a priced leg: source, model premium, implied and smile vol.
    fn leg_view(&self, leg: &PricedLeg) -> Result<OptionLeg> {
        let Some((kind, _)) = leg.spec.option_of() else {
            return Err(DomainError::out_of_range(Field::Legs, 0.0, "an option leg"));
        };
        let k = dec_f64(leg.strike);
        let quoted = !leg.solved && self.quote(kind, leg.strike).is_some();
        Ok(OptionLeg {
            spec: leg.spec,
            strike: leg.strike,
            solved: leg.solved,
            premium: leg.premium,
            source: if quoted {
                PremiumSource::Quoted
            } else {
                PremiumSource::Model
            },
            model_premium: self.model.price(kind, k)?,
            implied_vol: quoted
                .then(|| {
                    self.model
                        .flat()
                        .implied_vol(kind, k, dec_f64(leg.premium))
                        .ok()
                })
                .flatten(),
            vol: self.model.vol(k)?,
        })
    }
}

impl LegPricer for PeriodPricer {
    fn premium(&self, kind: OptionKind, strike: Decimal) -> Result<Decimal> {
        if let Some(q) = self.quote(kind, strike) {
            return Ok(q);
        }
        if let Some(p) = self
            .premiums
            .borrow()
            .iter()
            .find(|(k, x, _)| *k == kind && *x == strike)
        {
            return Ok(p.2);
        }
        let p = ModelPricer {
            model: self.model,
            decimals: Some(10),
        }
        .premium(kind, strike)?;
        self.premiums.borrow_mut().push((kind, strike, p));
        Ok(p)
    }

    fn call_strike_for(&self, target: Decimal, min_strike: Decimal) -> Result<Decimal> {
        let key = (target, min_strike);
        if let Some(k) = self.solved.borrow().iter().find(|(x, _)| *x == key) {
            return Ok(k.1);
        }
        let k = ModelPricer {
            model: self.model,
            decimals: Some(10),
        }
        .call_strike_for(target, min_strike)?;
        self.solved.borrow_mut().push((key, k));
        Ok(k)
    }
}

/// The message of an engine error met while computing from `step` (the period view): its
/// key is the error's field's ([`keys::key_of`]).
fn msg(step: Key, e: DomainError) -> Message {
    Message {
        key: Some(Blame::period(step).key(&e)),
        text: e.to_string(),
    }
}

impl Model {
    /// Builds the model of `s`. Never panics; see [`Model::messages`] for what could not be
    /// computed.
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::Model};
    /// // The seed: 5 ETH for $1,100 sold forward at $260 locks 2/11 = 18.2 % at every price.
    /// let m = Model::build(&Scenario::default());
    /// assert!(m.messages.is_empty());
    /// assert_eq!(m.table.len(), 11);
    /// assert!(m.table.iter().all(|r| r.period_return == rust_decimal::Decimal::TWO / rust_decimal::Decimal::from(11)));
    /// ```
    pub fn build(s: &Scenario) -> Model {
        Self::build_to::<true>(s)
    }

    /// What the first paint shows of `s` (the core module's model): [`Model::build`] without
    /// the comparison's lognormal outlooks, the table and the Greeks, which only the app
    /// shows (so the core module carries none of their code).
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::Model};
    /// let (full, first) = (Model::build(&Scenario::default()), Model::first_paint(&Scenario::default()));
    /// assert_eq!(full.curves, first.curves);
    /// assert!(first.table.is_empty() && first.greeks.is_none() && first.strategies[0].outlook.is_none());
    /// ```
    pub fn first_paint(s: &Scenario) -> Model {
        Self::build_to::<false>(s)
    }

    /// The model of `s`; `FULL = false` leaves out what only the app shows.
    fn build_to<const FULL: bool>(s: &Scenario) -> Model {
        let mut messages: Vec<Message> = s
            .validate()
            .into_iter()
            .map(|e| Message {
                key: Some(e.key),
                text: e.to_string(),
            })
            .collect();
        let mut model = Model::empty(s);
        let (market, pricing) = market_of(s, &mut messages);
        model.market = market;
        model.pricing = pricing;
        let carry = carry_of(s, &mut messages);
        let (economics, econ_view) = match economics_of(s) {
            Ok((e, v, power)) => {
                model.power = power;
                (e, v)
            }
            Err(NoEconomics { view, message }) => {
                model.economics = view.map(|v| *v);
                messages.push(message);
                model.messages = messages;
                return model;
            }
        };
        model.economics = Some(econ_view);

        let inputs = strategy_inputs(s, economics.output(), econ_view.rig.as_ref());
        let pricer = pricing.map(|p| PeriodPricer::new(s, p));
        model.build_strategies::<FULL>(economics, carry, &inputs, pricer.as_ref(), &mut messages);
        model.chosen = model
            .strategies
            .iter()
            .position(|st| st.kind == s.hedge.choice);
        model.fill_chosen::<FULL>(economics, &inputs, &mut messages);
        model.fill_power::<FULL>(&mut messages);
        if let (Some(chosen), Some(pricer)) = (model.chosen(), pricer.as_ref()) {
            match chosen
                .options
                .iter()
                .map(|l| pricer.leg_view(l))
                .collect::<Result<Vec<_>>>()
            {
                Ok(legs) if !legs.is_empty() => {
                    model.options = Some(OptionsView {
                        legs,
                        net_per_coin: chosen.position.net_premium_per_coin(),
                        net_carried: chosen.position.carried_net_premium(),
                    });
                }
                Ok(_) => {}
                Err(e) => messages.push(msg(Key::Vol, e)),
            }
        }
        model.fill_curves(&mut messages);
        model.messages = messages;
        model
    }

    /// The model with nothing computed yet.
    fn empty(s: &Scenario) -> Model {
        Model {
            scenario: s.clone(),
            messages: Vec::new(),
            economics: None,
            options: None,
            strategies: Vec::new(),
            chosen: None,
            greeks: None,
            ticket: None,
            locked_return: None,
            table: Vec::new(),
            grid: None,
            curves: Vec::new(),
            market: None,
            pricing: None,
            power: None,
            margin: None,
        }
    }

    /// Every strategy of the registry that can be built; the chosen one's error, if it
    /// cannot.
    fn build_strategies<const FULL: bool>(
        &mut self,
        economics: PeriodEconomics,
        carry: Decimal,
        inputs: &StrategyInputs,
        pricer: Option<&PeriodPricer>,
        messages: &mut Vec<Message>,
    ) {
        let s = &self.scenario;
        let want = s.hedge.choice;
        for kind in StrategyKind::ALL {
            let spec = kind.spec();
            let priced = match (spec.has_options(), pricer) {
                (false, _) => Some(Ok(Vec::new())),
                (true, None) => None,
                (true, Some(p)) => Some(spec.priced(&inputs.strikes, p)),
            };
            let built = priced.map(|options| {
                let options = options?;
                let legs = spec.legs_priced(inputs, &options)?;
                let position = Position::from_legs(economics, legs, carry)?;
                let power = self.power.as_ref().map(power::PowerView::leg);
                strategy_of::<FULL>(
                    kind,
                    position,
                    options,
                    inputs,
                    s,
                    self.market.as_ref(),
                    power,
                )
            });
            match built {
                Some(Ok(st)) => self.strategies.push(st),
                Some(Err(e)) if kind == want => messages.push(msg(keys::strategy_key(kind), e)),
                _ => {}
            }
        }
    }

    /// The chosen strategy's table, order ticket, locked return, Greeks and margin.
    fn fill_chosen<const FULL: bool>(
        &mut self,
        economics: PeriodEconomics,
        inputs: &StrategyInputs,
        messages: &mut Vec<Message>,
    ) {
        let Some(chosen) = self.chosen().cloned() else {
            return;
        };
        let s = &self.scenario;
        let pos = &chosen.position;
        if FULL {
            match pos.table(s.table_prices()) {
                Ok(t) => self.table = t,
                Err(e) => messages.push(msg(Key::Step, e)),
            }
        }
        self.ticket = pos.order_ticket(&s.economics.coin);
        if chosen.kind == StrategyKind::Inverse {
            self.locked_return = pos
                .inverse_notional()
                .and_then(|n| economics.return_of_total(n).ok());
        }
        let (Some(m), Some(p)) = (self.market, self.pricing) else {
            return;
        };
        // Each option at its strike's vol (the app's figures only).
        let greeks = FULL.then(|| {
            chosen
                .profile
                .options()
                .iter()
                .map(|o| p.at(o.strike))
                .collect::<Result<Vec<_>>>()
                .and_then(|models| chosen.profile.greeks_on_smile(&m, &models))
        });
        match greeks {
            Some(Ok(g)) => self.greeks = Some(g),
            Some(Err(e)) => messages.push(msg(Key::Vol, e)),
            None => {}
        }
        match margin_of(s, pos, chosen.kind, &m, inputs.hash) {
            Some(Ok(r)) => self.margin = Some(r),
            Some(Err(e)) => messages.push(msg(Key::TouchTarget, e)),
            None => {}
        }
    }

    /// The power contract's rows of the table (the contract at each price), the unhedged
    /// breakeven found on its curve, and what the rig would do on a curve it never runs on; in
    /// rig mode on fixed power, the table's power cost and credits.
    fn fill_power<const FULL: bool>(&mut self, messages: &mut Vec<Message>) {
        let Some(p) = &self.power else {
            if let Some(rig) = self.economics.and_then(|e| e.rig) {
                for row in &mut self.table {
                    row.power_cost = Some(rig.power_cost);
                    row.credits = Some(Decimal::ZERO);
                }
            }
            return;
        };
        for row in &mut self.table {
            p.adjust(row);
        }
        let breakeven = self
            .strategy(StrategyKind::Unhedged)
            .and_then(|u| u.bounds.breakevens.first().copied());
        if let (Some(e), Some(b)) = (self.economics.as_mut(), breakeven) {
            e.breakeven = power::dec(b);
        }
        if FULL {
            messages.extend(p.curve_warning(chart_range(&self.scenario).1));
        }
    }

    /// Every strategy's curve on the chart's grid.
    fn fill_curves(&mut self, messages: &mut Vec<Message>) {
        let (lo, hi) = chart_range(&self.scenario);
        match PriceGrid::new(lo, hi, PriceGrid::DEFAULT_POINTS) {
            Ok(grid) => {
                self.curves = self
                    .strategies
                    .iter()
                    .map(|st| {
                        let mut pts = Vec::with_capacity(grid.len());
                        st.profile.fill_values(&grid, &mut pts);
                        (st.kind, pts)
                    })
                    .collect();
                self.grid = Some(grid);
            }
            Err(e) => messages.push(msg(Key::Hi, e)),
        }
    }

    /// The chosen strategy, when it could be built.
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::{Model, StrategyKind}};
    /// assert_eq!(Model::build(&Scenario::default()).chosen().map(|s| s.kind), Some(StrategyKind::Forward));
    /// ```
    pub fn chosen(&self) -> Option<&Strategy> {
        self.chosen.and_then(|i| self.strategies.get(i))
    }

    /// A strategy by kind, when it could be built.
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::{Model, StrategyKind}};
    /// assert!(Model::build(&Scenario::default()).strategy(StrategyKind::Unhedged).is_some());
    /// ```
    pub fn strategy(&self, kind: StrategyKind) -> Option<&Strategy> {
        self.strategies.iter().find(|s| s.kind == kind)
    }

    /// The chosen strategy's exact row at final price `px` (the price slider's readout).
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::Model};
    /// use rust_decimal::Decimal;
    /// let m = Model::build(&Scenario::default());
    /// let r = m.readout(Decimal::from(200)).unwrap();
    /// assert_eq!((r.revenue, r.hedge_payoff, r.hedged_revenue), (Decimal::from(1000), Decimal::from(300), Decimal::from(1300)));
    /// ```
    pub fn readout(&self, px: Decimal) -> Option<Row> {
        let mut row = self.chosen().and_then(|c| c.position.row(px).ok())?;
        match (&self.power, self.economics.and_then(|e| e.rig)) {
            (Some(p), _) => p.adjust(&mut row),
            (None, Some(rig)) => {
                row.power_cost = Some(rig.power_cost);
                row.credits = Some(Decimal::ZERO);
            }
            (None, None) => {}
        }
        Some(row)
    }

    /// The rig's power at final price `px` (rig mode): the contract's figures, or on fixed
    /// power every available hour at `pwr` (run share 1, no credits, no curtailment value).
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::Model};
    /// use rust_decimal::Decimal;
    /// let m = Model::build(&Scenario::from_query("mode=rig").scenario);
    /// let at = m.power_at(Decimal::from(250)).ok_or("rig mode")?;
    /// assert_eq!((at.run_share, at.credits), (1.0, 0.0));
    /// assert!(Model::build(&Scenario::default()).power_at(Decimal::from(250)).is_none());
    /// # Ok::<(), &str>(())
    /// ```
    pub fn power_at(&self, px: Decimal) -> Option<crate::domain::power::PowerAt> {
        let s = dec_f64(px);
        if let Some(p) = &self.power {
            return Some(p.at(s));
        }
        let e = self.economics?;
        let rig = e.rig?;
        let (output, energy_mwh) = (dec_f64(e.output), dec_f64(rig.energy_kwh) / 1000.0);
        Some(crate::domain::power::PowerAt {
            ehp: if energy_mwh > 0.0 {
                s * output / energy_mwh
            } else {
                0.0
            },
            run_share: 1.0,
            output,
            power_cost: dec_f64(rig.power_cost),
            credits: 0.0,
            curtailment_value: 0.0,
        })
    }

    /// Monte Carlo inputs for the chosen scenario (price drift μ = r; difficulty volatility
    /// from `dvol` and its correlation with the price from `corr`; the expected output
    /// already holds the difficulty growth `dg`) and the strategies to simulate, in
    /// `strategies` order.
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::Model};
    /// let m = Model::build(&Scenario::default());
    /// let (params, profiles) = m.monte_carlo().unwrap();
    /// assert_eq!(profiles.len(), m.strategies.len());
    /// assert_eq!(params.paths, 10_000);
    /// ```
    pub fn monte_carlo(&self) -> Option<(McParams, Vec<PayoffProfile>)> {
        let m = self.market?;
        let p = m.params();
        let s = &self.scenario;
        let params = McParams {
            spot: p.spot,
            drift: s.price_drift(),
            vol: p.vol,
            years: p.expiry_years,
            difficulty_drift: 0.0,
            difficulty_vol: s.difficulty_vol(),
            correlation: dec_f64(s.simulation.correlation_pct) / 100.0,
            // Only hour prices move with the level: on fixed power it draws nothing.
            power_vol: if self.power.as_ref().is_some_and(power::PowerView::curtails) {
                dec_f64(s.simulation.power_vol_pct) / 100.0
            } else {
                0.0
            },
            power_correlation: dec_f64(s.simulation.power_corr_pct) / 100.0,
            paths: s.simulation.paths as usize,
            bins: 40,
            seed: s.simulation.seed,
        };
        Some((
            params,
            self.strategies
                .iter()
                .map(|st| st.profile.clone())
                .collect(),
        ))
    }

    /// The chosen position's value on the chart's grid as marked after `elapsed` days (the
    /// link's `elapsed`), with the time left `τ = (days − elapsed)` in years ([`Act365`]): options at their
    /// model value, carried to the end of the period (see
    /// [`PayoffProfile::value_before_expiry`]). `None` without a valid market or position.
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::Model};
    /// let m = Model::build(&Scenario::from_query("hedge=put&elapsed=10").scenario);
    /// let early = m.curve_before_expiry().unwrap();
    /// let expiry = &m.curves.iter().find(|(k, _)| Some(*k) == m.chosen().map(|c| c.kind)).unwrap().1;
    /// // At the put strike the option still has time value.
    /// let i = early.iter().position(|(s, _)| *s >= 230.0).unwrap();
    /// assert!(early[i].1 > expiry[i].1);
    /// ```
    pub fn curve_before_expiry(&self) -> Option<Vec<(f64, f64)>> {
        let m = self.market?;
        let grid = self.grid?;
        let chosen = self.chosen()?;
        let s = &self.scenario;
        let left = Act365::years(s.economics.days.saturating_sub(s.view.elapsed_days));
        let at = SpotModel::new(SpotParams {
            expiry_years: left,
            ..m.params()
        })
        .ok()?;
        let vols = self.leg_vols()?;
        grid.prices()
            .map(|x| {
                chosen
                    .profile
                    .value_before_expiry_on_smile(x.max(1e-9), &at, &vols)
                    .map(|v| (x, v))
            })
            .collect::<Result<Vec<_>>>()
            .ok()
    }

    /// The vols of the chosen position's options, in [`PayoffProfile::options`] order (the
    /// smile's; the at-the-money vol when flat).
    fn leg_vols(&self) -> Option<Vec<f64>> {
        let p = self.pricing?;
        self.chosen()?
            .profile
            .options()
            .iter()
            .map(|o| p.vol(o.strike).ok())
            .collect()
    }

    /// The smile chart: the vol of `points` strikes across the chart's price range, the
    /// at-the-money vol and the option legs (the put at `kp`, the collar's call) at their
    /// strikes. `None` without a priced market.
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::Model};
    /// let m = Model::build(&Scenario::from_query("hedge=collar&kc=zero&rr25=-10").scenario);
    /// let c = m.smile_chart(21).unwrap();
    /// assert_eq!(c.points.len(), 21);
    /// assert!(c.points[0].1 > c.points[20].1); // puts dearer
    /// assert_eq!(c.legs.len(), 2);
    /// ```
    pub fn smile_chart(&self, points: usize) -> Option<crate::chart::smile::SmileChart> {
        let p = self.pricing?;
        let grid = self.grid?;
        let lo = grid.lo().max(grid.hi() * 1e-3);
        let g = PriceGrid::new(lo, grid.hi(), points).ok()?;
        let curve = g
            .prices()
            .map(|k| p.vol(k).map(|v| (k, v)))
            .collect::<Result<Vec<_>>>()
            .ok()?;
        let legs = self
            .options
            .iter()
            .flat_map(|o| &o.legs)
            .filter_map(|l| {
                let (_, input) = l.spec.option_of()?;
                Some((input.label().to_string(), dec_f64(l.strike)))
            })
            .collect();
        Some(crate::chart::smile::SmileChart {
            points: curve,
            atm: p.flat().params().vol,
            legs,
            ..Default::default()
        })
    }

    /// The chosen hedge's volume-risk heat map: `price_points` prices over the chart range ×
    /// difficulty changes from −20 % to +50 % in 5 % steps.
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::Model};
    /// let h = Model::build(&Scenario::default()).heatmap(21).unwrap();
    /// assert_eq!(h.values.len(), 21 * 15);
    /// assert!(h.max_realized_coverage > 1.0); // a full forward over-hedges when difficulty rises
    /// ```
    pub fn heatmap(&self, price_points: usize) -> Option<VolumeHeatmap> {
        let grid = self.grid?;
        let g = PriceGrid::new(grid.lo(), grid.hi(), price_points).ok()?;
        let changes: Vec<f64> = (0..15).map(|i| -0.2 + 0.05 * f64::from(i)).collect();
        self.chosen()?.profile.volume_heatmap(&g, &changes).ok()
    }
}

/// The chart's price range in `f64`: `lo` and `hi` as resolved, `lo` moved down to the next
/// `f64` when the two exact decimals round to the same one (`lo=999999999.999999999` under
/// `hi=1000000000`).
fn chart_range(s: &Scenario) -> (f64, f64) {
    let r = s.resolved();
    let (lo, hi) = (dec_f64(r.lo), dec_f64(r.hi));
    if r.lo < r.hi && lo >= hi {
        (hi.next_down().max(0.0), hi)
    } else {
        (lo, hi)
    }
}

/// The pricing model (spot, rate, volatility, period) and the option market on its smile.
fn market_of(s: &Scenario, messages: &mut Vec<Message>) -> (Option<SpotModel>, Option<Pricing>) {
    let market = SpotModel::new(SpotParams {
        spot: dec_f64(s.market.spot),
        rate: s.rate(),
        dividend_yield: 0.0,
        vol: s.vol(),
        expiry_years: Act365::years(s.economics.days),
    });
    let market = match market {
        Ok(m) => m,
        Err(e) => {
            messages.push(msg(Key::Days, e));
            return (None, None);
        }
    };
    let (rr, bf) = s.smile_wings();
    match Pricing::new(market, rr, bf) {
        Ok(p) => (Some(market), Some(p)),
        Err(e) => {
            messages.push(msg(Key::RiskReversal, e));
            (Some(market), None)
        }
    }
}

/// The carry factor `e^{r·T}` of premiums paid at the start (1 when it cannot be computed,
/// with a message).
fn carry_of(s: &Scenario, messages: &mut Vec<Message>) -> Decimal {
    match money::carry_factor(
        s.market.rate_pct / Decimal::ONE_HUNDRED,
        Act365::years_exact(s.economics.days),
    ) {
        Ok(c) => c,
        Err(e) => {
            messages.push(msg(Key::Rate, e));
            Decimal::ONE
        }
    }
}

/// Why there are no economics to hedge: the message, and the figures that could still be
/// computed (a rig that costs nothing still mines: its output and revenue are shown).
struct NoEconomics {
    view: Option<Box<EconomicsView>>,
    message: Message,
}

impl From<Message> for NoEconomics {
    fn from(message: Message) -> Self {
        NoEconomics {
            view: None,
            message,
        }
    }
}

/// Economics of the scenario's mode, and their view.
/// The period's economics, their view and the power contract (rig mode).
type Economics = (PeriodEconomics, EconomicsView, Option<power::PowerView>);

fn economics_of(s: &Scenario) -> std::result::Result<Economics, NoEconomics> {
    let spot = s.market.spot;
    match s.economics.mode {
        Mode::Direct => {
            let e = PeriodEconomics::direct(DirectParams {
                period_cost: s.economics.cost,
                expected_output: s.economics.qty,
            })
            .map_err(|e| msg(Key::Cost, e))?;
            let (e, v) = summarize(e, spot, None)?;
            Ok((e, v, None))
        }
        Mode::Rig => rig_economics(s),
    }
}

/// A rig's economics and their view. A rig whose period costs less than the engine's
/// smallest cost (free power, no other costs) has no return on its cost, so nothing to
/// hedge: its output, revenue and cost are still shown, and the message names `pwr`.
fn rig_economics(s: &Scenario) -> std::result::Result<Economics, NoEconomics> {
    let spot = s.market.spot;
    let days = Decimal::from(s.economics.days);
    // A halving inside the period: the period-average subsidy.
    let subsidy = match s.economics.rig.halving_day {
        Some(h) if h < s.economics.days => {
            halving_subsidy(s.economics.rig.subsidy, Decimal::from(h), days)
                .map_err(|e| msg(Key::Halving, e))?
        }
        _ => s.economics.rig.subsidy,
    };
    let rig = Rig::new(rig::period_rig(&s.economics.rig, days, subsidy))
        .map_err(|e| msg(Key::Hashrate, e))?;
    let view = RigView {
        expected_blocks: rig.expected_blocks(),
        average_difficulty: rig.average_difficulty(),
        energy_kwh: rig.energy_kwh(),
        power_cost: rig.power_cost(),
        amortization: rig.amortization(),
        hashprice: rig.hashprice(spot).map_err(|e| msg(Key::Spot, e))?,
        hash: HashTerms {
            hashrate_ph: s.economics.rig.hashrate_ths / Decimal::ONE_THOUSAND,
            days: s.economics.days,
            coins_per_ph_day: rig
                .coins_per_ph_day()
                .map_err(|e| msg(Key::Difficulty, e))?,
            fixed: Decimal::ZERO,
        },
    };
    if let Some(p) = power::PowerView::of(s, &rig)? {
        return planned_economics(p, spot, view);
    }
    match rig.economics() {
        Ok(e) => {
            let (e, v) = summarize(e, spot, Some(view))?;
            Ok((e, v, None))
        }
        Err(e) => Err(NoEconomics {
            view: free_rig_view(&rig, spot, view).map(Box::new),
            message: Message {
                key: Some(Key::Power),
                text: format!(
                    "{e}: returns are on the period's cost, so a rig that costs nothing has \
                     none to hedge; set a power price, other costs or hardware cost above 0"
                ),
            },
        }),
    }
}

/// The economics of a rig on a power contract: the plan's cost and output (the contract at
/// the model's forward), and the margin at spot valued with the contract at spot.
fn planned_economics(
    p: power::PowerView,
    spot: Decimal,
    view: RigView,
) -> std::result::Result<Economics, NoEconomics> {
    let e = PeriodEconomics::planned(
        DirectParams {
            period_cost: power::dec(p.plan_cost()),
            expected_output: power::dec(p.plan.output),
        },
        power::dec(p.plan_cash_cost().max(0.0)),
    )
    .map_err(|e| Message {
        key: Some(Key::PowerContract),
        text: if p.plan.output > 0.0 {
            format!(
                "{e}: at the forward ({}) power costs {} (negative prices pay the rig), so the \
                 period costs nothing to earn a return on; add other costs or a hardware cost",
                crate::format::usd_f64(p.plan_price),
                crate::format::usd_f64(p.plan.power_cost)
            )
        } else {
            format!(
                "{e}: at the forward ({}) the rig runs {} of its hours and mines nothing to \
                 hedge",
                crate::format::usd_f64(p.plan_price),
                crate::format::percent_f64(p.plan.run_share, 1)
            )
        },
    })?;
    let s = dec_f64(spot);
    let at = p.at(s);
    let margin = at.margin(s) - p.other_cost;
    let v = EconomicsView {
        cost: e.cost(),
        cash_cost: e.cash_cost(),
        output: e.output(),
        breakeven: e.breakeven_price(),
        margin_at_spot: power::dec(margin),
        rig: Some(RigView {
            power_cost: power::dec(p.plan.power_cost),
            ..view
        }),
    };
    Ok((e, v, Some(p)))
}

/// The figures of a rig whose cost the engine refuses: output, cost, breakeven and the
/// result at spot, exact.
fn free_rig_view(rig: &Rig, spot: Decimal, view: RigView) -> Option<EconomicsView> {
    let output = rig.expected_output();
    let cost = rig.total_cost();
    Some(EconomicsView {
        cost,
        cash_cost: rig.cash_cost(),
        output,
        breakeven: money::checked_div(cost, output)?,
        margin_at_spot: money::checked_sub(money::checked_mul(output, spot)?, cost)?,
        rig: Some(view),
    })
}

/// The economics and their view, with the margin at `spot`.
fn summarize(
    e: PeriodEconomics,
    spot: Decimal,
    rig: Option<RigView>,
) -> std::result::Result<(PeriodEconomics, EconomicsView), Message> {
    let margin = e.revenue(spot).map_err(|err| msg(Key::Spot, err))? - e.cost();
    Ok((
        e,
        EconomicsView {
            cost: e.cost(),
            cash_cost: e.cash_cost(),
            output: e.output(),
            breakeven: e.breakeven_price(),
            margin_at_spot: margin,
            rig,
        },
    ))
}

/// The registry builders' inputs from the scenario.
fn strategy_inputs(s: &Scenario, output: Decimal, rig: Option<&RigView>) -> StrategyInputs {
    let r = s.resolved();
    StrategyInputs {
        forward: r.forward,
        inverse_quote: r.inverse_quote,
        strikes: Strikes {
            kp: r.put_strike,
            kp2: r.put2_strike,
            kc: s.hedge.call_strike,
        },
        hash: rig.map(|r| HashTerms {
            fixed: s.resolved().hashprice_fixed,
            ..r.hash
        }),
        coin_settle_spot: (s.hedge.settlement == Settlement::Coin).then_some(s.market.spot),
        ..StrategyInputs::new(output, s.coverage(), s.economics.days)
    }
}

fn strategy_of<const FULL: bool>(
    kind: StrategyKind,
    position: Position,
    options: Vec<PricedLeg>,
    inputs: &StrategyInputs,
    s: &Scenario,
    market: Option<&SpotModel>,
    power: Option<PowerLeg>,
) -> Result<Strategy> {
    let profile = PayoffProfile::new(ProfileParams {
        power,
        ..position.profile_params()?
    })?;
    let (lo, hi) = chart_range(s);
    let grid = PriceGrid::new(lo, hi, 2)?;
    let outlook = market.filter(|_| FULL).and_then(|m| {
        let p = m.params();
        Lognormal::new(LognormalParams {
            spot: p.spot,
            drift: s.price_drift(),
            vol: p.vol,
            years: p.expiry_years,
        })
        .ok()
        .map(|d| profile.outlook(&d))
    });
    let call_strike = options
        .iter()
        .find(|l| matches!(l.spec.option_of(), Some((_, StrikeInput::Kc))))
        .map(|l| l.strike);
    Ok(Strategy {
        kind,
        upfront_premium: position.upfront_premium(),
        covered: money::mul(Field::Coverage, inputs.coverage, inputs.output)?.normalize(),
        bounds: profile.bounds(),
        return_range: profile.return_range(&grid),
        outlook,
        profile,
        position,
        options,
        call_strike,
    })
}
