//! The strategy comparison: one row per strategy at the current coverage and inputs, and the
//! best value of each column.

use super::{Model, StrategyKind};
use crate::domain::montecarlo::McStats;
use crate::domain::risk::{Bounds, Outlook, PayoffProfile};
use rust_decimal::Decimal;

/// One strategy's figures. USD amounts are results at the end of the period; returns are
/// fractions of the all-in cost (0.1 = 10 %).
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    /// The strategy's registry key (`None` for a structure outside the page's registry).
    pub kind: Option<StrategyKind>,
    /// Its label.
    pub label: &'static str,
    /// Net option premium paid at the start, USD (negative: received).
    pub upfront_premium: Decimal,
    /// Lowest possible USD result, `None` when unbounded below.
    pub floor: Option<f64>,
    /// Highest possible USD result, `None` when unbounded above.
    pub cap: Option<f64>,
    /// Lowest final price at which the result covers the all-in cost; `None` when it always
    /// does (floor above cost) or never does.
    pub breakeven: Option<f64>,
    /// `true` when the floor covers the all-in cost: no final price makes a loss.
    pub never_loses: bool,
    /// Worst return on the chart's price range.
    pub worst_return: f64,
    /// Best return on the chart's price range.
    pub best_return: f64,
    /// Probability of a loss under the lognormal price (μ = r).
    pub prob_loss: Option<f64>,
    /// Probability that the result covers the cash (fiat) cost.
    pub prob_cover_cash: Option<f64>,
    /// Expected return under the lognormal price.
    pub expected_return: Option<f64>,
    /// Monte Carlo 95 % value at risk as a signed return: the 5th percentile of the simulated
    /// period return (negative = a loss; in USD `var95 · cost`).
    pub var95: Option<f64>,
    /// Monte Carlo 95 % conditional value at risk as a signed return: the mean return of the
    /// worst 5 % of simulated periods (negative = a loss).
    pub cvar95: Option<f64>,
    /// The period's all-in cost, USD: the base of every return (`result = return · cost`).
    pub cost: f64,
}

/// What a comparison row is made of: a strategy's label and key, its upfront premium and
/// its profile's floor, cap, breakevens, return range and lognormal outlook (a
/// [`Strategy`](super::Strategy) has them all; so can any structure built from a registry
/// entry).
#[derive(Debug, Clone, Copy)]
pub struct RowOf<'a> {
    /// Its label.
    pub label: &'static str,
    /// Its registry key, `None` outside the page's registry.
    pub kind: Option<StrategyKind>,
    /// Net option premium paid at the start, USD (negative: received).
    pub upfront_premium: Decimal,
    /// Its payoff profile.
    pub profile: &'a PayoffProfile,
    /// The profile's floor, cap and breakevens.
    pub bounds: &'a Bounds,
    /// Worst and best return on the chart's price range.
    pub return_range: (f64, f64),
    /// The lognormal outlook, when the market is valid.
    pub outlook: Option<Outlook>,
}

impl RowOf<'_> {
    /// The comparison row, with the simulation's statistics when given.
    pub fn row(self, stats: Option<&McStats>) -> ComparisonRow {
        let cost = self.profile.all_in_cost();
        ComparisonRow {
            kind: self.kind,
            label: self.label,
            upfront_premium: self.upfront_premium,
            floor: self.bounds.floor,
            cap: self.bounds.cap,
            breakeven: self.bounds.breakevens.first().copied(),
            never_loses: self.bounds.floor.is_some_and(|f| f >= cost),
            worst_return: self.return_range.0,
            best_return: self.return_range.1,
            prob_loss: self.outlook.map(|o| o.prob_loss),
            prob_cover_cash: self.outlook.map(|o| o.prob_cover_cash),
            expected_return: self.outlook.map(|o| o.expected_return),
            // The engine's statistics are losses (positive = a loss); the page shows results
            // (negative = a loss).
            var95: stats.map(|s| -s.var95),
            cvar95: stats.map(|s| -s.cvar95),
            cost,
        }
    }
}

/// A column of the comparison whose best value is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Upfront premium: lower is better.
    Upfront,
    /// Floor: higher is better (none = unbounded below = worst).
    Floor,
    /// Cap: higher is better (none = unbounded = best).
    Cap,
    /// Breakeven price: lower is better (none because never a loss = best).
    Breakeven,
    /// Worst return on the range: higher is better.
    Worst,
    /// Best return on the range: higher is better.
    Best,
    /// Probability of loss: lower is better.
    ProbLoss,
    /// Probability of covering the cash cost: higher is better.
    ProbCover,
    /// Expected return: higher is better.
    Expected,
    /// VaR 95 % (a signed result): higher is better.
    Var,
    /// CVaR 95 % (a signed result): higher is better.
    Cvar,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 11] = [
        Column::Upfront,
        Column::Floor,
        Column::Cap,
        Column::Breakeven,
        Column::Worst,
        Column::Best,
        Column::ProbLoss,
        Column::ProbCover,
        Column::Expected,
        Column::Var,
        Column::Cvar,
    ];

    /// The column's `data-col`.
    ///
    /// ```
    /// use minerhedge::view::compare::Column;
    /// assert_eq!(Column::ProbCover.id(), "prob-cover");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Column::Upfront => "upfront",
            Column::Floor => "floor",
            Column::Cap => "cap",
            Column::Breakeven => "breakeven",
            Column::Worst => "worst-return",
            Column::Best => "best-return",
            Column::ProbLoss => "prob-loss",
            Column::ProbCover => "prob-cover",
            Column::Expected => "expected-return",
            Column::Var => "var95",
            Column::Cvar => "cvar95",
        }
    }

    /// Header text.
    ///
    /// ```
    /// use minerhedge::view::compare::Column;
    /// assert_eq!(Column::Var.header(), "VaR 95%");
    /// ```
    pub fn header(self) -> &'static str {
        match self {
            Column::Upfront => "Upfront premium",
            Column::Floor => "Floor",
            Column::Cap => "Cap",
            Column::Breakeven => "Breakeven price",
            Column::Worst => "Worst return",
            Column::Best => "Best return",
            Column::ProbLoss => "P(loss)",
            Column::ProbCover => "P(cover fiat cost)",
            Column::Expected => "Expected return",
            Column::Var => "VaR 95%",
            Column::Cvar => "CVaR 95%",
        }
    }

    /// A one-sentence definition, shown as the header's tooltip.
    ///
    /// ```
    /// use minerhedge::view::compare::Column;
    /// assert!(Column::Var.tip().starts_with("Value at risk"));
    /// ```
    pub fn tip(self) -> &'static str {
        match self {
            Column::Upfront => {
                "Net option premium paid when the hedge is placed (negative: received)."
            }
            Column::Floor => "The lowest the period can end with, in USD, at any final price.",
            Column::Cap => "The highest the period can end with, in USD, at any final price.",
            Column::Breakeven => {
                "The lowest final price at which the period covers its all-in cost."
            }
            Column::Worst => "The worst period return over the chart's price range.",
            Column::Best => "The best period return over the chart's price range.",
            Column::ProbLoss => {
                "Probability of a loss, with a lognormal final price drifting at the risk-free rate."
            }
            Column::ProbCover => {
                "Probability that the period pays its cash (fiat) costs, same lognormal price."
            }
            Column::Expected => "Expected period return under the same lognormal price.",
            Column::Var => {
                "Value at risk: the period's result (USD and return on cost) that 95 % of simulated periods (price and difficulty) reach or beat; negative is a loss."
            }
            Column::Cvar => {
                "Conditional value at risk: the average result of the worst 5 % of simulated periods; negative is a loss."
            }
        }
    }

    /// The value used to rank rows, larger = better; `None` when the row has no value.
    fn score(self, r: &ComparisonRow) -> Option<f64> {
        use crate::domain::validate::dec_f64;
        match self {
            Column::Upfront => Some(-dec_f64(r.upfront_premium)),
            Column::Floor => Some(r.floor.unwrap_or(f64::NEG_INFINITY)),
            Column::Cap => Some(r.cap.unwrap_or(f64::INFINITY)),
            Column::Breakeven => match r.breakeven {
                Some(b) => Some(-b),
                // No breakeven: best when no price makes a loss, worst when none covers the cost.
                None if r.never_loses => Some(f64::INFINITY),
                None => Some(f64::NEG_INFINITY),
            },
            Column::Worst => Some(r.worst_return),
            Column::Best => Some(r.best_return),
            Column::ProbLoss => r.prob_loss.map(|p| -p),
            Column::ProbCover => r.prob_cover_cash,
            Column::Expected => r.expected_return,
            Column::Var => r.var95,
            Column::Cvar => r.cvar95,
        }
    }
}

/// `true` when the collar and the zero-cost collar are the same position: the collar's call
/// strike is the zero-cost collar's (`kc=zero`, the default). The comparison then has one
/// row for both, the zero-cost collar's.
///
/// ```
/// use minerhedge::{link::Scenario, view::{compare::collar_is_zero_cost, Model}};
/// assert!(collar_is_zero_cost(&Model::build(&Scenario::from_query("kc=zero").scenario)));
/// assert!(!collar_is_zero_cost(&Model::build(&Scenario::from_query("kc=300").scenario)));
/// ```
pub fn collar_is_zero_cost(model: &Model) -> bool {
    let strike = |k| model.strategy(k).and_then(|s| s.call_strike);
    strike(StrategyKind::Collar).is_some()
        && strike(StrategyKind::Collar) == strike(StrategyKind::ZeroCostCollar)
}

/// Rows of the comparison for every strategy of `model` (the collar left out when it is the
/// zero-cost collar, [`collar_is_zero_cost`]), with Monte Carlo statistics when given
/// (`mc[i]` belongs to `model.strategies[i]`).
///
/// ```
/// use minerhedge::{link::Scenario, view::{compare::comparison, Model, StrategyKind}};
/// let m = Model::build(&Scenario::default());
/// let rows = comparison(&m, None);
/// let fwd = rows.iter().find(|r| r.kind == Some(StrategyKind::Forward)).unwrap();
/// assert_eq!(fwd.floor, Some(1300.0));
/// assert_eq!(fwd.prob_loss, Some(0.0));
/// ```
pub fn comparison(model: &Model, mc: Option<&[McStats]>) -> Vec<ComparisonRow> {
    let merged = collar_is_zero_cost(model);
    model
        .strategies
        .iter()
        .enumerate()
        .filter(|(_, st)| !(merged && st.kind == StrategyKind::Collar))
        .map(|(i, st)| {
            RowOf {
                label: st.kind.label(),
                kind: Some(st.kind),
                upfront_premium: st.upfront_premium,
                profile: &st.profile,
                bounds: &st.bounds,
                return_range: st.return_range,
                outlook: st.outlook,
            }
            .row(mc.and_then(|m| m.get(i)))
        })
        .collect()
}

/// Indices of the rows holding the best value of `column` (all of them on a tie, within
/// 1e-12 relative); empty when no row has a value.
///
/// ```
/// use minerhedge::{link::Scenario, view::{compare::{best, comparison, Column}, Model, StrategyKind}};
/// let m = Model::build(&Scenario::default());
/// let rows = comparison(&m, None);
/// // The forward at 260 locks the highest floor of the seed's strategies.
/// let top = best(&rows, Column::Floor);
/// assert_eq!(rows[top[0]].kind, Some(StrategyKind::Forward));
/// // Uncapped strategies (unhedged, put, put spread) share the best cap; a capped one does not.
/// let caps: Vec<StrategyKind> = best(&rows, Column::Cap).iter().filter_map(|&i| rows[i].kind).collect();
/// assert_eq!(caps, vec![StrategyKind::Unhedged, StrategyKind::Put, StrategyKind::PutSpread]);
/// ```
pub fn best(rows: &[ComparisonRow], column: Column) -> Vec<usize> {
    let scores: Vec<Option<f64>> = rows.iter().map(|r| column.score(r)).collect();
    let Some(top) = scores
        .iter()
        .flatten()
        .copied()
        .filter(|x| !x.is_nan())
        .reduce(f64::max)
    else {
        return Vec::new();
    };
    scores
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            // An infinite top (an unbounded cap, no possible loss) ties only with itself.
            s.is_some_and(|x| {
                x == top || (top.is_finite() && (x - top).abs() <= 1e-12 * top.abs().max(1.0))
            })
        })
        .map(|(i, _)| i)
        .collect()
}
