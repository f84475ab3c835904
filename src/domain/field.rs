//! The fields an engine error can be about: every input of the engine and every quantity it
//! derives, each with the name the page shows.
//!
//! [`DomainError`](super::DomainError) carries a [`Field`], so the page maps an error to the
//! input it belongs to with one `match` (no text comparison); the name is for people.

use std::fmt;

/// Declares [`Field`] and its names, one row a field.
macro_rules! field_table {
    ($($variant:ident => $name:literal,)*) => {
        /// An input of the engine, or a quantity it derives, that an error is about.
        ///
        /// ```
        /// use minerhedge::domain::Field;
        /// assert_eq!(Field::PoolFee.name(), "pool fee");
        /// assert_eq!(Field::PoolFee.to_string(), "pool fee");
        /// ```
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Field {
            $(
                #[doc = concat!("“", $name, "”")]
                $variant,
            )*
        }

        impl Field {
            /// The name shown to people, e.g. `"pool fee"`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Field::$variant => $name,)*
                }
            }

            /// Every field, in the table's order.
            pub const ALL: &'static [Field] = &[$(Field::$variant,)*];
        }
    };
}

field_table! {
        ActualOutput => "actual output",
        ActualPrice => "actual price",
        Basis => "basis",
        Bins => "bins",
        BlockSubsidy => "block subsidy",
        Butterfly => "25-delta butterfly",
        CallPremium => "call premium",
        CallStrike => "call strike",
        CallsSold => "calls sold",
        Capex => "capex",
        CarriedPremium => "carried premium",
        CarryFactor => "carry factor",
        CashCost => "cash cost",
        ChartHeight => "chart height",
        ChartWidth => "chart width",
        CoinsHeld => "coins held",
        CoinsLent => "coins lent",
        CoinsSold => "coins sold",
        CoinsSoldForward => "coins sold forward",
        Collateral => "collateral",
        Correlation => "correlation",
        Coverage => "coverage",
        CoveredCalls => "covered calls",
        DevicePixelRatio => "device pixel ratio",
        Difficulty => "difficulty",
        DifficultyChange => "difficulty change",
        DifficultyChanges => "difficulty changes",
        DifficultyDrift => "difficulty drift",
        DifficultyGrowth => "difficulty growth",
        DifficultyVolatility => "difficulty volatility",
        DiscountFactor => "discount factor",
        DividendYield => "dividend yield",
        Drift => "drift",
        Efficiency => "efficiency",
        Energy => "energy",
        ExpectedBlocks => "expected blocks",
        ExpectedOutput => "expected output",
        Expiry => "expiry (years)",
        FeesPerBlock => "fees per block",
        FinalPrice => "final price",
        Floor => "floor",
        Forward => "forward",
        ForwardOverride => "forward override",
        ForwardOverrides => "forward overrides",
        ForwardPrice => "forward price",
        FullCost => "full cost",
        GridPoints => "grid points",
        HalvingDate => "halving date",
        HalvingDay => "halving day",
        HardwareCapex => "hardware capex",
        HardwareLifetime => "hardware lifetime",
        Hashprice => "hashprice",
        HashpriceFixed => "fixed hashprice",
        Hashrate => "hashrate",
        HeatMapValues => "heat map values",
        HeatMapX => "heat map x",
        HeatMapY => "heat map y",
        Hedge => "hedge",
        HedgePayoff => "hedge payoff",
        HedgedQuantity => "hedged quantity",
        HedgedRevenue => "hedged revenue",
        Hedges => "hedges",
        HighestPrice => "highest price",
        HistogramEdge => "histogram edge",
        HistogramEdges => "histogram edges",
        InitialMargin => "initial margin",
        InverseNotional => "inverse notional",
        InverseQuote => "inverse quote",
        Legs => "legs",
        LendingDefault => "lending default",
        LendingYield => "lending yield",
        Loan => "loan",
        LoanToValue => "loan-to-value",
        Locked => "locked",
        LockedUsd => "USD locked by the forward",
        LowestCallStrike => "lowest call strike",
        LowestPrice => "lowest price",
        MaintenanceMargin => "maintenance margin",
        Margin => "margin",
        MarginCallTarget => "target probability of a margin call",
        Market => "market",
        Month => "month",
        Months => "months",
        NetCash => "net cash",
        NetPremium => "net premium",
        Notional => "notional",
        Options => "options",
        OtherOpex => "other opex",
        Paths => "paths",
        Payoff => "payoff",
        PeriodCost => "period cost",
        PeriodInYears => "period in years",
        PeriodLength => "period length",
        PeriodReturn => "period return",
        PledgedCoins => "pledged coins",
        PlotAreaSize => "plot area size",
        PoolFee => "pool fee",
        PowerContract => "power contract",
        PowerCorrelation => "price–power correlation",
        PowerCost => "power cost",
        PowerPrice => "power price",
        PowerVolatility => "power price volatility",
        Premium => "premium",
        PutPremium => "put premium",
        PutStrike => "put strike",
        Put2Strike => "lower put strike",
        PutsBought => "puts bought",
        Quote => "quote",
        RangeHigh => "range high",
        RangeLow => "range low",
        Rate => "rate",
        Revenue => "revenue",
        RigCost => "the rig's period cost (power, other costs, hardware)",
        RiskReversal => "25-delta risk reversal",
        RiskFreeRate => "risk-free rate",
        RootBracket => "root bracket",
        RootFunction => "f(x)",
        RootTolerance => "root tolerance",
        Settlement => "settlement",
        Spot => "spot",
        SpotPrice => "spot price",
        StartDate => "start date",
        Strategies => "strategies",
        Strike => "strike",
        TargetReturn => "target return",
        Tenor => "tenor",
        TouchProbability => "target touch probability",
        Total => "total",
        TreasuryCash => "cash",
        Uptime => "uptime",
        Volatility => "volatility",
        WorstPrice => "worst price",
        Years => "years",
}

/// Debug output is the name too (`"pool fee"`): one set of strings in the page, not a second
/// one of variant names.
impl fmt::Debug for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.name(), f)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Field;
    use std::collections::HashSet;

    #[test]
    fn names_are_distinct_and_not_empty() {
        let names: HashSet<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names.len(), Field::ALL.len());
        assert!(Field::ALL.iter().all(|f| !f.name().trim().is_empty()));
    }
}
