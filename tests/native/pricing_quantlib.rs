//! Prices and Greeks against QuantLib's AnalyticEuropeanEngine and 50-digit closed forms.
//!
//! `tests/data/quantlib_reference.csv` is produced by
//! `python3 tests/data/generate_quantlib_reference.py` (QuantLib from PyPI), and
//! `tests/data/mpmath_reference.csv` by the same script with `--mpmath`; see that script for
//! the cases and for how Black-76 rows are obtained from QuantLib.
//!
//! Every value must agree to `PRICING_RELATIVE` (1e−10) relative, or, for values near zero,
//! to an absolute floor of `1e−13 × scale`, where `scale` is the natural size of the column
//! (price, theta, vega, rho: `max(S, K)·max(1, T)`; delta: 1; gamma: `1/S`). Why a floor:
//! QuantLib computes `N(x)` as `½·(1 + erf(x/√2))`, which has an *absolute* (not relative)
//! error of about 1e−16, and switches to a truncated asymptotic series below `N = 1e−8`;
//! so a deep out-of-the-money value `≈ scale·N(d)` from QuantLib carries an absolute error of
//! order `1e−16·scale`, which can be large relative to the value itself. The floor is 1,000
//! times that, and still 1e−13 of the position's scale: far below a cent on any real notional.

use minerhedge::domain::pricing::{
    ForwardModel, ForwardParams, Greeks, OptionKind, SpotModel, SpotParams,
};
use minerhedge::domain::tolerance::{PRICING_RELATIVE, approx_eq};

const ABS_FLOOR: f64 = 1e-13;
/// Agreement with the 50-digit closed forms: the same 1e−10. The engine evaluates
/// `F·N(d1) − K·N(d2)` directly; far out of the money the two terms nearly cancel and a few
/// digits go (the worst case in the file is a call worth 7e−169 of its spot, off by 7e−11
/// relative); everything of practical size agrees to about 1e−14.
const EXACT_RELATIVE: f64 = PRICING_RELATIVE;

struct Row {
    line: usize,
    model: String,
    kind: OptionKind,
    underlying: f64,
    strike: f64,
    rate: f64,
    dividend_yield: f64,
    vol: f64,
    expiry_years: f64,
    expected: Greeks,
}

fn num(s: &str, line: usize) -> f64 {
    s.parse()
        .unwrap_or_else(|e| panic!("line {line}: cannot parse {s:?}: {e}"))
}

const QUANTLIB: &str = include_str!("../data/quantlib_reference.csv");
const MPMATH: &str = include_str!("../data/mpmath_reference.csv");

fn rows(text: &str) -> Vec<Row> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        if !header_seen {
            assert!(
                raw.starts_with("model,kind,underlying,strike"),
                "header: {raw}"
            );
            header_seen = true;
            continue;
        }
        let c: Vec<&str> = raw.split(',').collect();
        assert_eq!(c.len(), 17, "line {line}: {raw}");
        let kind = match c[1] {
            "call" => OptionKind::Call,
            "put" => OptionKind::Put,
            other => panic!("line {line}: kind {other}"),
        };
        let days = num(c[7], line);
        let expiry_years = num(c[8], line);
        assert_eq!(
            expiry_years,
            days / 365.0,
            "line {line}: T must be days/365"
        );
        out.push(Row {
            line,
            model: c[0].to_string(),
            kind,
            underlying: num(c[2], line),
            strike: num(c[3], line),
            rate: num(c[4], line),
            dividend_yield: if c[5].is_empty() {
                0.0
            } else {
                num(c[5], line)
            },
            vol: num(c[6], line),
            expiry_years,
            expected: Greeks {
                price: num(c[9], line),
                delta: num(c[10], line),
                gamma: num(c[11], line),
                vega: num(c[12], line),
                theta: num(c[13], line),
                theta_per_day: num(c[14], line),
                rho: num(c[15], line),
                dividend_rho: num(c[16], line),
            },
        });
    }
    out
}

fn compute(r: &Row) -> Greeks {
    match r.model.as_str() {
        "bsm" => SpotModel::new(SpotParams {
            spot: r.underlying,
            rate: r.rate,
            dividend_yield: r.dividend_yield,
            vol: r.vol,
            expiry_years: r.expiry_years,
        })
        .and_then(|m| m.greeks(r.kind, r.strike)),
        "black76" => ForwardModel::new(ForwardParams {
            forward: r.underlying,
            rate: r.rate,
            vol: r.vol,
            expiry_years: r.expiry_years,
        })
        .and_then(|m| m.greeks(r.kind, r.strike)),
        other => panic!("line {}: model {other}", r.line),
    }
    .unwrap_or_else(|e| panic!("line {}: {e}", r.line))
}

#[test]
fn quantlib_reference_has_about_two_hundred_cases() {
    let ql = rows(QUANTLIB);
    let exact = rows(MPMATH);
    assert_eq!(exact.len(), ql.len());
    for (a, b) in ql.iter().zip(&exact) {
        assert_eq!(
            (a.underlying, a.strike, a.rate, a.vol, a.expiry_years),
            (b.underlying, b.strike, b.rate, b.vol, b.expiry_years),
            "line {}: both files must hold the same cases",
            a.line
        );
    }
    assert!(ql.len() >= 200, "{} rows", ql.len());
    assert!(ql.iter().any(|r| r.model == "black76"));
    assert!(ql.iter().any(|r| r.dividend_yield > 0.0));
}

/// Compares every row of `text`; returns the failures and the worst relative difference
/// among values above the absolute floor.
fn compare(text: &str, rel: f64, floor: f64) -> (Vec<String>, f64) {
    let mut failures = Vec::new();
    let mut worst_rel: f64 = 0.0;
    for r in rows(text) {
        let got = compute(&r);
        let e = r.expected;
        let big = r.underlying.max(r.strike) * r.expiry_years.max(1.0);
        let cols: [(&str, f64, f64, f64); 8] = [
            ("price", got.price, e.price, big),
            ("delta", got.delta, e.delta, 1.0),
            ("gamma", got.gamma, e.gamma, 1.0 / r.underlying),
            ("vega", got.vega, e.vega, big),
            ("theta", got.theta, e.theta, big),
            (
                "theta_per_day",
                got.theta_per_day,
                e.theta_per_day,
                big / 365.0,
            ),
            ("rho", got.rho, e.rho, big),
            ("dividend_rho", got.dividend_rho, e.dividend_rho, big),
        ];
        for (name, g, x, scale) in cols {
            if !approx_eq(g, x, rel, floor * scale) {
                failures.push(format!(
                    "line {} {} {:?} {name}: got {g:e}, reference {x:e} (rel {:e})",
                    r.line,
                    r.model,
                    r.kind,
                    ((g - x) / x).abs()
                ));
            }
            if x.abs() > floor * scale {
                worst_rel = worst_rel.max(((g - x) / x).abs());
            }
        }
    }
    (failures, worst_rel)
}

#[test]
fn prices_and_greeks_match_quantlib() {
    let (failures, worst) = compare(QUANTLIB, PRICING_RELATIVE, ABS_FLOOR);
    eprintln!("QuantLib: worst relative difference among values larger than the floor: {worst:e}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same cases from the closed forms in 50-digit arithmetic: the engine is accurate in
/// *relative* terms even where QuantLib is not (deep out of the money, `N(d) < 1e−8`). The
/// only floor is far below anything that matters (values of order 1e−200·scale, where
/// subnormal Greeks lose bits).
#[test]
fn prices_and_greeks_match_high_precision_closed_forms() {
    let (failures, worst) = compare(MPMATH, EXACT_RELATIVE, 1e-200);
    eprintln!("mpmath: worst relative difference: {worst:e}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
