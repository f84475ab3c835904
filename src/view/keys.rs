//! Which link key an engine error is about: one map from the engine's [`Field`] to the
//! [`Key`] of the input the page shows the message next to.
//!
//! The map is one table with a row per engine field, in the order of the fields, checked
//! by the compiler: a field added to the engine does not compile until it is given its key
//! here. An input of the engine maps to the key
//! that sets it (per month on the program page where the program has its own list); a
//! quantity the engine derives maps to the input of the step that derived it
//! ([`Blame::step`]): a root that could not be bracketed while solving the zero-cost call is
//! the call strike's (`kc` or `pkc`), a carry factor out of range is the rate's. On the
//! program page the curve's forward follows spot (and basis), so its errors are `spot`'s;
//! a month's override is `pfwd`'s.

use crate::domain::strategy::{LegShape, StrategyKind, StrikeInput};
use crate::domain::{DomainError, Field};
use crate::link::{Key, Mode, Page, Scenario};

/// What the page was computing when an engine error came.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::link::{Key, Page};
/// use minerhedge::view::keys::{key_of, Blame};
/// let period = Blame { page: Page::Period, step: Key::CallStrike };
/// assert_eq!(key_of(Field::Butterfly, period), Key::Butterfly);
/// assert_eq!(key_of(Field::RootBracket, period), Key::CallStrike);
/// let program = Blame { page: Page::Program, step: Key::MonthCallStrikes };
/// assert_eq!(key_of(Field::Coverage, program), Key::MonthCoverage);
/// assert_eq!(key_of(Field::Butterfly, program), Key::Butterfly);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blame {
    /// The view: the program has per-month keys for coverage, strikes and forwards.
    pub page: Page,
    /// The input of the step being computed: a derived quantity's error is blamed on it.
    pub step: Key,
}

impl Blame {
    /// A step of the period view.
    pub fn period(step: Key) -> Blame {
        Blame {
            page: Page::Period,
            step,
        }
    }

    /// A step of the program view.
    pub fn program(step: Key) -> Blame {
        Blame {
            page: Page::Program,
            step,
        }
    }

    /// The key of an engine error: its field's, or the step's when it names none.
    pub fn key(self, e: &DomainError) -> Key {
        e.field().map_or(self.step, |f| key_of(f, self))
    }
}

/// Who an engine field belongs to.
#[derive(Clone, Copy)]
enum Owner {
    /// An input: the key that sets it on the period page, and on the program page (where
    /// coverage, strikes and forwards are per month).
    Input(Key, Key),
    /// An input of the program page only (the treasury): its key there; on the period page,
    /// which never computes it, the step's input.
    Program(Key),
    /// A quantity the engine derives (or the chart's own sizes): the step's input.
    Derived,
}

/// Every engine field's owner, in the order of [`Field::ALL`] (checked at compile time
/// below): a field added to the engine does not compile until it has its row here.
const OWNERS: [(Field, Owner); Field::ALL.len()] = [
    (
        Field::ActualOutput,
        Owner::Input(Key::Qty, Key::ActualOutputs),
    ),
    (
        Field::ActualPrice,
        Owner::Input(Key::Price, Key::ActualPrices),
    ),
    (Field::Basis, Owner::Input(Key::Forward, Key::Basis)),
    (Field::Bins, Owner::Derived),
    (
        Field::BlockSubsidy,
        Owner::Input(Key::Subsidy, Key::Subsidy),
    ),
    (
        Field::Butterfly,
        Owner::Input(Key::Butterfly, Key::Butterfly),
    ),
    (
        Field::CallPremium,
        Owner::Input(Key::CallPremium, Key::MonthCallStrikes),
    ),
    (
        Field::CallStrike,
        Owner::Input(Key::CallStrike, Key::MonthCallStrikes),
    ),
    (Field::CallsSold, Owner::Derived),
    (Field::Capex, Owner::Input(Key::Capex, Key::Capex)),
    (Field::CarriedPremium, Owner::Derived),
    (Field::CarryFactor, Owner::Derived),
    (Field::CashCost, Owner::Derived),
    (Field::ChartHeight, Owner::Derived),
    (Field::ChartWidth, Owner::Derived),
    (Field::CoinsHeld, Owner::Program(Key::Hold0)),
    (Field::CoinsLent, Owner::Program(Key::Lend)),
    (Field::CoinsSold, Owner::Program(Key::Sell)),
    (Field::CoinsSoldForward, Owner::Derived),
    (
        Field::Collateral,
        Owner::Input(Key::Collateral, Key::MonthHedges),
    ),
    (
        Field::Correlation,
        Owner::Input(Key::Correlation, Key::Correlation),
    ),
    (
        Field::Coverage,
        Owner::Input(Key::Coverage, Key::MonthCoverage),
    ),
    (Field::CoveredCalls, Owner::Program(Key::CoveredCalls)),
    (Field::DevicePixelRatio, Owner::Derived),
    (
        Field::Difficulty,
        Owner::Input(Key::Difficulty, Key::Difficulty),
    ),
    (
        Field::DifficultyChange,
        Owner::Input(Key::Difficulty, Key::Difficulty),
    ),
    (
        Field::DifficultyChanges,
        Owner::Input(Key::Difficulty, Key::Difficulty),
    ),
    (
        Field::DifficultyDrift,
        Owner::Input(Key::DifficultyGrowth, Key::MonthlyGrowth),
    ),
    (
        Field::DifficultyGrowth,
        Owner::Input(Key::DifficultyGrowth, Key::MonthlyGrowth),
    ),
    (
        Field::DifficultyVolatility,
        Owner::Input(Key::DifficultyVol, Key::DifficultyVol),
    ),
    (Field::DiscountFactor, Owner::Derived),
    (Field::DividendYield, Owner::Derived),
    (Field::Drift, Owner::Input(Key::Drift, Key::Drift)),
    (
        Field::Efficiency,
        Owner::Input(Key::Efficiency, Key::Efficiency),
    ),
    (Field::Energy, Owner::Input(Key::Power, Key::Power)),
    (Field::ExpectedBlocks, Owner::Derived),
    (Field::ExpectedOutput, Owner::Input(Key::Qty, Key::Qty)),
    (Field::Expiry, Owner::Derived),
    (Field::FeesPerBlock, Owner::Input(Key::Fees, Key::Fees)),
    (Field::FinalPrice, Owner::Input(Key::Price, Key::Spot)),
    (Field::Floor, Owner::Derived),
    (Field::Forward, Owner::Input(Key::Forward, Key::Spot)),
    (
        Field::ForwardOverride,
        Owner::Input(Key::Forward, Key::MonthForwards),
    ),
    (
        Field::ForwardOverrides,
        Owner::Input(Key::Forward, Key::MonthForwards),
    ),
    (Field::ForwardPrice, Owner::Derived),
    (Field::FullCost, Owner::Derived),
    (Field::GridPoints, Owner::Derived),
    (
        Field::HalvingDate,
        Owner::Input(Key::Halving, Key::HalvingDate),
    ),
    (
        Field::HalvingDay,
        Owner::Input(Key::Halving, Key::HalvingDate),
    ),
    (Field::HardwareCapex, Owner::Input(Key::Capex, Key::Capex)),
    (
        Field::HardwareLifetime,
        Owner::Input(Key::Lifetime, Key::Lifetime),
    ),
    (Field::Hashprice, Owner::Derived),
    (
        Field::HashpriceFixed,
        Owner::Input(Key::HashpriceFixed, Key::MonthHedges),
    ),
    (Field::Hashrate, Owner::Input(Key::Hashrate, Key::Hashrate)),
    (Field::HeatMapValues, Owner::Derived),
    (Field::HeatMapX, Owner::Derived),
    (Field::HeatMapY, Owner::Derived),
    (Field::Hedge, Owner::Input(Key::Hedge, Key::MonthHedges)),
    (Field::HedgePayoff, Owner::Derived),
    (Field::HedgedQuantity, Owner::Derived),
    (Field::HedgedRevenue, Owner::Derived),
    (Field::Hedges, Owner::Input(Key::Hedge, Key::MonthHedges)),
    (Field::HighestPrice, Owner::Input(Key::Hi, Key::Spot)),
    (Field::HistogramEdge, Owner::Derived),
    (Field::HistogramEdges, Owner::Derived),
    (
        Field::InitialMargin,
        Owner::Input(Key::InitialMargin, Key::MonthHedges),
    ),
    (Field::InverseNotional, Owner::Derived),
    (
        Field::InverseQuote,
        Owner::Input(Key::InverseQuote, Key::MonthForwards),
    ),
    (Field::Legs, Owner::Derived),
    (Field::LendingDefault, Owner::Program(Key::LendDefault)),
    (Field::LendingYield, Owner::Program(Key::LendYield)),
    (Field::Loan, Owner::Program(Key::Loan)),
    (Field::LoanToValue, Owner::Program(Key::LtvLiquidation)),
    (Field::Locked, Owner::Derived),
    (Field::LockedUsd, Owner::Derived),
    (
        Field::LowestCallStrike,
        Owner::Input(Key::CallStrike, Key::MonthCallStrikes),
    ),
    (Field::LowestPrice, Owner::Input(Key::Lo, Key::Spot)),
    (
        Field::MaintenanceMargin,
        Owner::Input(Key::MaintenanceMargin, Key::MonthHedges),
    ),
    (Field::Margin, Owner::Derived),
    (Field::MarginCallTarget, Owner::Program(Key::CallTarget)),
    (Field::Market, Owner::Derived),
    (Field::Month, Owner::Input(Key::Days, Key::Months)),
    (Field::Months, Owner::Input(Key::Days, Key::Months)),
    (Field::NetCash, Owner::Derived),
    (Field::NetPremium, Owner::Derived),
    (Field::Notional, Owner::Derived),
    (Field::Options, Owner::Derived),
    (Field::OtherOpex, Owner::Input(Key::Opex, Key::Opex)),
    (Field::Paths, Owner::Input(Key::Paths, Key::Paths)),
    (Field::Payoff, Owner::Derived),
    (Field::PeriodCost, Owner::Input(Key::Cost, Key::Cost)),
    (Field::PeriodInYears, Owner::Input(Key::Days, Key::Months)),
    (Field::PeriodLength, Owner::Input(Key::Days, Key::Months)),
    (Field::PeriodReturn, Owner::Derived),
    (Field::PledgedCoins, Owner::Program(Key::Pledge)),
    (Field::PlotAreaSize, Owner::Derived),
    (Field::PoolFee, Owner::Input(Key::PoolFee, Key::PoolFee)),
    (
        Field::PowerContract,
        Owner::Input(Key::PowerContract, Key::PowerContract),
    ),
    (
        Field::PowerCorrelation,
        Owner::Input(Key::PowerCorrelation, Key::PowerCorrelation),
    ),
    (Field::PowerCost, Owner::Input(Key::Power, Key::Power)),
    (Field::PowerPrice, Owner::Input(Key::Power, Key::Power)),
    (
        Field::PowerVolatility,
        Owner::Input(Key::PowerVol, Key::PowerVol),
    ),
    (Field::Premium, Owner::Derived),
    (
        Field::PutPremium,
        Owner::Input(Key::PutPremium, Key::MonthPutStrikes),
    ),
    (
        Field::PutStrike,
        Owner::Input(Key::PutStrike, Key::MonthPutStrikes),
    ),
    (
        Field::Put2Strike,
        Owner::Input(Key::Put2Strike, Key::MonthPut2Strikes),
    ),
    (Field::PutsBought, Owner::Derived),
    (Field::Quote, Owner::Derived),
    (Field::RangeHigh, Owner::Input(Key::Hi, Key::Spot)),
    (Field::RangeLow, Owner::Input(Key::Lo, Key::Spot)),
    (Field::Rate, Owner::Input(Key::Rate, Key::Rate)),
    (Field::Revenue, Owner::Derived),
    // The rig's cost is derived, but a cost the engine refuses (free power) is the power
    // price's to change.
    (Field::RigCost, Owner::Input(Key::Power, Key::Power)),
    (
        Field::RiskReversal,
        Owner::Input(Key::RiskReversal, Key::RiskReversal),
    ),
    (Field::RiskFreeRate, Owner::Input(Key::Rate, Key::Rate)),
    (Field::RootBracket, Owner::Derived),
    (Field::RootFunction, Owner::Derived),
    (Field::RootTolerance, Owner::Derived),
    (
        Field::Settlement,
        Owner::Input(Key::Settle, Key::MonthHedges),
    ),
    (Field::Spot, Owner::Input(Key::Spot, Key::Spot)),
    (Field::SpotPrice, Owner::Input(Key::Spot, Key::Spot)),
    (Field::StartDate, Owner::Input(Key::Days, Key::Start)),
    (Field::Strategies, Owner::Derived),
    (Field::Strike, Owner::Derived),
    (Field::TargetReturn, Owner::Derived),
    (Field::Tenor, Owner::Input(Key::Days, Key::Months)),
    (
        Field::TouchProbability,
        Owner::Input(Key::TouchTarget, Key::MonthHedges),
    ),
    (Field::Total, Owner::Derived),
    (Field::TreasuryCash, Owner::Program(Key::Cash0)),
    (Field::Uptime, Owner::Input(Key::Uptime, Key::Uptime)),
    (Field::Volatility, Owner::Input(Key::Vol, Key::Vol)),
    (Field::WorstPrice, Owner::Derived),
    (Field::Years, Owner::Derived),
];

/// Row `i` of [`OWNERS`] is the `i`-th field: the compiler checks it.
const _: () = {
    let mut i = 0;
    while i < OWNERS.len() {
        assert!(
            OWNERS[i].0 as usize == i,
            "OWNERS is in the order of Field::ALL"
        );
        i += 1;
    }
};

/// The key an error about `field` belongs to, computing `at`.
pub fn key_of(field: Field, at: Blame) -> Key {
    match OWNERS[field as usize].1 {
        Owner::Input(_, program) if at.page == Page::Program => program,
        Owner::Input(period, _) => period,
        Owner::Program(program) if at.page == Page::Program => program,
        Owner::Program(_) | Owner::Derived => at.step,
    }
}

/// The keys of a strike input: its strike on the period page, on the program page, and the
/// quoted premium the period page takes for it (`pp` for the put at `kp`, `cp` for the call
/// at `kc`).
///
/// ```
/// use minerhedge::domain::strategy::StrikeInput;
/// use minerhedge::link::Key;
/// use minerhedge::view::keys::strike_keys;
/// assert_eq!(strike_keys(StrikeInput::Kp2), (Key::Put2Strike, Key::MonthPut2Strikes, None));
/// ```
pub fn strike_keys(input: StrikeInput) -> (Key, Key, Option<Key>) {
    match input {
        StrikeInput::Kp => (Key::PutStrike, Key::MonthPutStrikes, Some(Key::PutPremium)),
        StrikeInput::Kp2 => (Key::Put2Strike, Key::MonthPut2Strikes, None),
        StrikeInput::Kc => (
            Key::CallStrike,
            Key::MonthCallStrikes,
            Some(Key::CallPremium),
        ),
    }
}

/// The period page's inputs of a leg: a forward's price and margin, an option's strike (and
/// its quote, where the page takes one).
fn leg_inputs(shape: LegShape) -> Vec<Key> {
    let margined = |price: Key| {
        vec![
            price,
            Key::InitialMargin,
            Key::MaintenanceMargin,
            Key::Collateral,
            Key::TouchTarget,
        ]
    };
    match shape {
        LegShape::Forward => margined(Key::Forward),
        LegShape::Inverse => margined(Key::InverseQuote),
        LegShape::Hashprice => margined(Key::HashpriceFixed),
        LegShape::Option(_, input) => {
            let (strike, _, quote) = strike_keys(input);
            std::iter::once(strike).chain(quote).collect()
        }
    }
}

/// The input a strategy is built from: the key its building errors are blamed on when they
/// name no input of their own (its last leg's first input; coverage without legs).
///
/// ```
/// use minerhedge::link::Key;
/// use minerhedge::view::{keys::strategy_key, StrategyKind};
/// assert_eq!(strategy_key(StrategyKind::ZeroCostCollar), Key::CallStrike);
/// assert_eq!(strategy_key(StrategyKind::PutSpread), Key::Put2Strike);
/// ```
pub fn strategy_key(kind: StrategyKind) -> Key {
    kind.spec()
        .legs
        .last()
        .and_then(|l| leg_inputs(l.shape).first().copied())
        .unwrap_or(Key::Coverage)
}

/// The inputs a strategy reads beyond the period, market and coverage (the page shows them
/// when it is the chosen hedge), from its registry entry's legs, each once; `settle` with
/// options.
///
/// ```
/// use minerhedge::link::Key;
/// use minerhedge::view::{keys::strategy_inputs, StrategyKind};
/// assert!(strategy_inputs(StrategyKind::Forward).contains(&Key::Forward));
/// assert!(!strategy_inputs(StrategyKind::Forward).contains(&Key::PutStrike));
/// assert_eq!(strategy_inputs(StrategyKind::PutSpread), vec![Key::PutStrike, Key::PutPremium, Key::Put2Strike, Key::Settle]);
/// ```
pub fn strategy_inputs(kind: StrategyKind) -> Vec<Key> {
    let spec = kind.spec();
    let mut keys: Vec<Key> = Vec::new();
    for k in spec.legs.iter().flat_map(|l| leg_inputs(l.shape)) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    if spec.has_options() {
        keys.push(Key::Settle);
    }
    keys
}

/// Every input some strategy reads ([`strategy_inputs`]), in the key table's order: the
/// hedge group of the period page's inputs panel.
///
/// ```
/// use minerhedge::link::Key;
/// use minerhedge::view::keys::hedge_inputs;
/// let keys = hedge_inputs();
/// assert!(keys.contains(&Key::Put2Strike) && keys.contains(&Key::TouchTarget));
/// assert!(!keys.contains(&Key::Spot));
/// ```
pub fn hedge_inputs() -> Vec<Key> {
    let read: Vec<Key> = StrategyKind::ALL
        .iter()
        .flat_map(|k| strategy_inputs(*k))
        .collect();
    crate::link::KEYS
        .iter()
        .map(|s| s.id)
        .filter(|k| read.contains(k))
        .collect()
}

/// The rig's inputs, then its power contract's (both read in rig mode only).
const RIG_AND_POWER: &[Key] = &[
    Key::Hashrate,
    Key::Efficiency,
    Key::Power,
    Key::Opex,
    Key::PoolFee,
    Key::Uptime,
    Key::Difficulty,
    Key::DifficultyGrowth,
    Key::Subsidy,
    Key::Fees,
    Key::Capex,
    Key::Lifetime,
    Key::PowerContract,
    Key::PowerIndex,
    Key::PowerSpread,
    Key::PowerCurve,
    Key::CapacityCredit,
];

/// The inputs of each way of giving the economics (rig mode: the rig's and its power
/// contract's).
pub fn mode_inputs(mode: Mode) -> &'static [Key] {
    match mode {
        Mode::Direct => &[Key::Cost, Key::Qty],
        Mode::Rig => RIG_AND_POWER,
    }
}

/// Whether the period page shows `key`'s input for `s`: a strategy's input only when that
/// strategy is the chosen hedge, a mode's only in that mode, every other input always.
///
/// ```
/// use minerhedge::link::{Key, Scenario};
/// use minerhedge::view::keys::input_shown;
/// let s = Scenario::from_query("hedge=forward").scenario;
/// assert!(input_shown(&s, Key::Forward) && input_shown(&s, Key::InitialMargin));
/// assert!(!input_shown(&s, Key::PutStrike) && !input_shown(&s, Key::InverseQuote));
/// assert!(input_shown(&s, Key::Cost) && !input_shown(&s, Key::Hashrate));
/// ```
pub fn input_shown(s: &Scenario, key: Key) -> bool {
    let of_strategy = StrategyKind::ALL
        .iter()
        .any(|k| strategy_inputs(*k).contains(&key));
    let of_mode = [Mode::Direct, Mode::Rig]
        .iter()
        .any(|m| mode_inputs(*m).contains(&key));
    (!of_strategy || strategy_inputs(s.hedge.choice).contains(&key))
        && (!of_mode || mode_inputs(s.economics.mode).contains(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_key_on_both_pages() {
        // The match is exhaustive (the compiler keeps that); this checks the keys a page
        // does not have are never named.
        for f in Field::ALL {
            let k = key_of(*f, Blame::period(Key::Spot));
            assert!(k.spec().page.has_period(), "{}: {k}", f.name());
            let k = key_of(*f, Blame::program(Key::Spot));
            assert!(k.spec().page.has_program(), "{}: {k}", f.name());
        }
    }
}
