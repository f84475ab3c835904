//! The coverage frontier's figures and the sentence that says why its least-CVaR coverage is
//! where it is.

use super::Figure;
use super::montecarlo::RiskResult;
use crate::format::percent_f64;
use crate::view::frontier::FrontierSummary;

/// A coverage as the page writes it: `83%`.
fn coverage(pct: u32) -> String {
    format!("{pct}%")
}

/// The coverages the simulation cannot tell from the least CVaR: `74–79%`, or `77%` alone.
fn coverage_range((lo, hi): (u32, u32)) -> String {
    if lo == hi {
        coverage(lo)
    } else {
        format!("{lo}–{hi}%")
    }
}

/// The least-CVaR coverage (`frontier-min-cvar`) with the range of coverages whose CVaR is
/// within the simulation's noise of it (one standard error of its CVaR estimate: the worst
/// 5 %'s sample standard deviation over √k, [`crate::domain::risk::frontier::FrontierPoint`])
/// and the least coverage reaching the target (`frontier-target`), each with its coverage
/// in % as `data-value`. CVaR is a signed result ([`super::montecarlo::RISK_CONVENTION`]).
///
/// ```
/// use minerhedge::domain::risk::frontier::FrontierPoint;
/// use minerhedge::present::frontier::figures;
/// use minerhedge::view::{frontier::FrontierSummary, StrategyKind};
/// let p = |c, cvar, short| FrontierPoint { coverage_pct: c, expected_return: 0.05, cvar95: cvar, prob_short_of_cash: short, cvar95_se: 0.01 };
/// let s = FrontierSummary {
///     kind: StrategyKind::Forward, current_pct: 50.0, current: p(50, 0.2, 0.1),
///     min_cvar: p(83, 0.12, 0.04), min_cvar_range: (80, 86), cost: 1000.0, target: 0.95,
///     reaching: Some(p(61, 0.15, 0.05)), difficulty_vol: 0.3, correlation: 0.5,
/// };
/// let f = figures(&s);
/// assert_eq!((f[0].id, f[0].value.as_deref()), ("frontier-min-cvar", Some("83")));
/// assert_eq!(f[0].text, "83% (80–86% within the simulation's noise; CVaR 95% $(120) (-12.0%), expected return 5.0%)");
/// assert_eq!(f[1].text, "61% (P(covering the cash cost) 95.0%)");
/// ```
pub fn figures(s: &FrontierSummary) -> Vec<Figure> {
    let m = &s.min_cvar;
    let least = Figure::new(
        "frontier-min-cvar",
        "Least CVaR 95%",
        format!(
            "{} ({} within the simulation's noise; CVaR 95% {}, expected return {})",
            coverage(m.coverage_pct),
            coverage_range(s.min_cvar_range),
            RiskResult::of_loss(m.cvar95, s.cost).text(),
            percent_f64(m.expected_return, 1)
        ),
    )
    .with_value(f64::from(m.coverage_pct));
    let target = match s.reaching {
        Some(r) => Figure::new(
            "frontier-target",
            "Least coverage reaching the target",
            format!(
                "{} (P(covering the cash cost) {})",
                coverage(r.coverage_pct),
                percent_f64(1.0 - r.prob_short_of_cash, 1)
            ),
        )
        .with_value(f64::from(r.coverage_pct)),
        None => Figure::new(
            "frontier-target",
            "Least coverage reaching the target",
            // No number here (the target is the input above): nothing to carry a value.
            format!(
                "none: no coverage of the {} reaches the target",
                s.kind.label()
            ),
        ),
    };
    vec![least, target]
}

/// Why the least CVaR lies where it does, in one sentence.
///
/// ```
/// use minerhedge::domain::risk::frontier::FrontierPoint;
/// use minerhedge::present::frontier::why;
/// use minerhedge::view::{frontier::FrontierSummary, StrategyKind};
/// let p = |c| FrontierPoint { coverage_pct: c, expected_return: 0.05, cvar95: 0.1, prob_short_of_cash: 0.0, cvar95_se: 0.0 };
/// let mut s = FrontierSummary {
///     kind: StrategyKind::Forward, current_pct: 100.0, current: p(100), min_cvar: p(100),
///     min_cvar_range: (100, 100), cost: 1100.0, target: 0.95, reaching: None,
///     difficulty_vol: 0.0, correlation: 0.0,
/// };
/// assert!(why(&s).contains("full coverage"));
/// s.min_cvar = p(84);
/// s.difficulty_vol = 0.3;
/// assert!(why(&s).contains("volume risk"));
/// ```
pub fn why(s: &FrontierSummary) -> String {
    let at = coverage(s.min_cvar.coverage_pct);
    let (lo, hi) = s.min_cvar_range;
    let least = if lo == hi {
        at.clone()
    } else {
        format!("{at} ({} within noise)", coverage_range(s.min_cvar_range))
    };
    let label = s.kind.label();
    if s.min_cvar.coverage_pct >= 100 {
        return format!(
            "The {label}'s worst 5% of outcomes shrink all the way to full coverage: at these \
             inputs the output is known well enough that hedging all of it removes the most risk."
        );
    }
    if s.difficulty_vol > 0.0 {
        let corr = if s.correlation > 0.0 {
            format!(
                ", more so as difficulty rises with the price (correlation {})",
                percent_f64(s.correlation, 0)
            )
        } else {
            String::new()
        };
        format!(
            "Least CVaR at {least}, not 100%: with difficulty volatility of {} the output itself is \
             uncertain, and a {label} sized on the expected output sells coins that are not mined \
             when difficulty rises{corr}. Beyond {at} that volume risk adds more to the worst \
             outcomes than the hedge removes.",
            percent_f64(s.difficulty_vol, 0)
        )
    } else {
        format!(
            "Least CVaR at {least}, not 100%: beyond it the {label}'s cost weighs more on the worst \
             5% of outcomes than its protection removes."
        )
    }
}
