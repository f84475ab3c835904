//! Which link key an engine error is about: one map from the engine's [`Field`] to the
//! [`Key`] of the input the page shows the message next to.
//!
//! The map is one exhaustive `match` with no fallback arm, so a field added to the engine
//! does not compile until it is given its key here. An input of the engine maps to the key
//! that sets it (per month on the program page where the program has its own list); a
//! quantity the engine derives maps to the input of the step that derived it
//! ([`Blame::step`]): a root that could not be bracketed while solving the zero-cost call is
//! the call strike's (`kc` or `pkc`), a carry factor out of range is the rate's.

use crate::domain::strategy::StrategyKind;
use crate::domain::{DomainError, Field};
use crate::link::{Key, Page};

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

/// The key an error about `field` belongs to, computing `at`.
pub fn key_of(field: Field, at: Blame) -> Key {
    let program = at.page == Page::Program;
    let per_month = |period: Key, month: Key| if program { month } else { period };
    match field {
        // Inputs: the key that sets them.
        Field::ActualOutput => per_month(Key::Qty, Key::ActualOutputs),
        Field::ActualPrice => per_month(Key::Price, Key::ActualPrices),
        Field::Basis => per_month(Key::Forward, Key::Basis),
        Field::BlockSubsidy => Key::Subsidy,
        Field::Butterfly => Key::Butterfly,
        Field::RiskReversal => Key::RiskReversal,
        Field::CallPremium => per_month(Key::CallPremium, Key::MonthCallStrikes),
        Field::CallStrike | Field::LowestCallStrike => {
            per_month(Key::CallStrike, Key::MonthCallStrikes)
        }
        Field::PutPremium => per_month(Key::PutPremium, Key::MonthPutStrikes),
        Field::PutStrike => per_month(Key::PutStrike, Key::MonthPutStrikes),
        Field::Capex | Field::HardwareCapex => Key::Capex,
        Field::HardwareLifetime => Key::Lifetime,
        Field::Collateral => per_month(Key::Collateral, Key::MonthHedges),
        Field::InitialMargin => per_month(Key::InitialMargin, Key::MonthHedges),
        Field::MaintenanceMargin => per_month(Key::MaintenanceMargin, Key::MonthHedges),
        Field::TouchProbability => per_month(Key::TouchTarget, Key::MonthHedges),
        Field::Correlation => Key::Correlation,
        Field::Coverage => per_month(Key::Coverage, Key::MonthCoverage),
        Field::Difficulty | Field::DifficultyChange | Field::DifficultyChanges => Key::Difficulty,
        Field::DifficultyGrowth | Field::DifficultyDrift => {
            per_month(Key::DifficultyGrowth, Key::MonthlyGrowth)
        }
        Field::DifficultyVolatility => Key::DifficultyVol,
        Field::Efficiency => Key::Efficiency,
        Field::PowerPrice | Field::PowerCost | Field::Energy => Key::Power,
        Field::OtherOpex => Key::Opex,
        Field::PoolFee => Key::PoolFee,
        Field::Uptime => Key::Uptime,
        Field::Hashrate => Key::Hashrate,
        Field::FeesPerBlock => Key::Fees,
        Field::HalvingDay | Field::HalvingDate => per_month(Key::Halving, Key::HalvingDate),
        Field::ExpectedOutput => Key::Qty,
        Field::PeriodCost => Key::Cost,
        // The program's curve forward follows spot (and basis); an override is `pfwd`'s.
        Field::Forward => per_month(Key::Forward, Key::Spot),
        Field::ForwardOverride | Field::ForwardOverrides => {
            per_month(Key::Forward, Key::MonthForwards)
        }
        Field::InverseQuote => per_month(Key::InverseQuote, Key::MonthForwards),
        Field::HashpriceFixed => per_month(Key::HashpriceFixed, Key::MonthHedges),
        Field::Hedge | Field::Hedges => per_month(Key::Hedge, Key::MonthHedges),
        Field::Months | Field::Month => per_month(Key::Days, Key::Months),
        Field::StartDate => per_month(Key::Days, Key::Start),
        Field::Paths => Key::Paths,
        Field::PeriodLength | Field::PeriodInYears | Field::Tenor => {
            per_month(Key::Days, Key::Months)
        }
        Field::Spot | Field::SpotPrice => Key::Spot,
        Field::Volatility => Key::Vol,
        Field::RiskFreeRate | Field::Rate => Key::Rate,
        Field::Settlement => per_month(Key::Settle, Key::MonthHedges),
        Field::FinalPrice => per_month(Key::Price, Key::Spot),
        Field::LowestPrice | Field::RangeLow => per_month(Key::Lo, Key::Spot),
        Field::HighestPrice | Field::RangeHigh => per_month(Key::Hi, Key::Spot),
        // Quantities the engine derives (and the chart's own sizes): the step's input.
        Field::Bins
        | Field::CallsSold
        | Field::CarriedPremium
        | Field::CarryFactor
        | Field::CashCost
        | Field::ChartHeight
        | Field::ChartWidth
        | Field::CoinsSoldForward
        | Field::DevicePixelRatio
        | Field::DiscountFactor
        | Field::DividendYield
        | Field::Drift
        | Field::ExpectedBlocks
        | Field::Expiry
        | Field::Floor
        | Field::ForwardPrice
        | Field::FullCost
        | Field::GridPoints
        | Field::Hashprice
        | Field::HeatMapValues
        | Field::HeatMapX
        | Field::HeatMapY
        | Field::HedgePayoff
        | Field::HedgedQuantity
        | Field::HedgedRevenue
        | Field::HistogramEdge
        | Field::HistogramEdges
        | Field::InverseNotional
        | Field::Legs
        | Field::Locked
        | Field::LockedUsd
        | Field::Margin
        | Field::Market
        | Field::NetCash
        | Field::NetPremium
        | Field::Notional
        | Field::Options
        | Field::Payoff
        | Field::PeriodReturn
        | Field::PlotAreaSize
        | Field::Premium
        | Field::PutsBought
        | Field::Quote
        | Field::Revenue
        | Field::RootBracket
        | Field::RootFunction
        | Field::RootTolerance
        | Field::Strategies
        | Field::Strike
        | Field::TargetReturn
        | Field::Total
        | Field::WorstPrice
        | Field::Years => at.step,
    }
}

/// The input a strategy is built from: the key its building errors are blamed on when they
/// name no input of their own.
///
/// ```
/// use minerhedge::link::Key;
/// use minerhedge::view::{keys::strategy_key, StrategyKind};
/// assert_eq!(strategy_key(StrategyKind::ZeroCostCollar), Key::CallStrike);
/// ```
pub fn strategy_key(kind: StrategyKind) -> Key {
    match kind {
        StrategyKind::Unhedged => Key::Coverage,
        StrategyKind::Forward => Key::Forward,
        StrategyKind::Inverse => Key::InverseQuote,
        StrategyKind::Put => Key::PutStrike,
        StrategyKind::Collar | StrategyKind::ZeroCostCollar => Key::CallStrike,
        StrategyKind::Hashprice => Key::HashpriceFixed,
    }
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
