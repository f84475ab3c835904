//! Number formatting against the seed's tables, plus properties.

use minerhedge::format::{
    NOT_AVAILABLE, coin, csv_field, group_thousands, number, percent, percent_f64, plain, usd,
    usd_cents, usd_cents_f64, usd_f64,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("bad test literal {s}: {e}"))
}

/// The seed's ProDerivatives tables, as printed there (the seed writes "$ 1,000" with a
/// space and the zero payoff as "$ -"; the page writes "$1,000" and "$0").
const SEED_ROWS: [(i64, &str, &str, &str); 11] = [
    (200, "$1,000", "-9%", "$300"),
    (210, "$1,050", "-5%", "$250"),
    (220, "$1,100", "0%", "$200"),
    (230, "$1,150", "5%", "$150"),
    (240, "$1,200", "9%", "$100"),
    (250, "$1,250", "14%", "$50"),
    (260, "$1,300", "18%", "$0"),
    (270, "$1,350", "23%", "$(50)"),
    (280, "$1,400", "27%", "$(100)"),
    (290, "$1,450", "32%", "$(150)"),
    (300, "$1,500", "36%", "$(200)"),
];

#[test]
fn seed_tables_format_exactly() {
    let cost = Decimal::from(1100);
    let qty = Decimal::from(5);
    let fwd = Decimal::from(260);
    for (price, revenue_txt, return_txt, payoff_txt) in SEED_ROWS {
        let s = Decimal::from(price);
        let revenue = qty * s;
        let ret = revenue / cost - Decimal::ONE;
        let payoff = qty * (fwd - s);
        assert_eq!(usd(revenue), revenue_txt, "revenue at {price}");
        assert_eq!(percent(ret, 0), return_txt, "return at {price}");
        assert_eq!(usd(payoff), payoff_txt, "forward payoff at {price}");
        // Hedged: revenue + payoff = 1,300 at every price, return 2/11.
        let hedged = (revenue + payoff) / cost - Decimal::ONE;
        assert_eq!(percent(hedged, 0), "18%");
        assert_eq!(percent(hedged, 1), "18.2%");
    }
}

#[test]
fn seed_inverse_forward_return() {
    // 5 ETH / 0.004 ETH/USD = $1,250 locked; 1,250 / 1,100 − 1 = 13.6 %.
    let notional = Decimal::from(5) / d("0.004");
    assert_eq!(usd(notional), "$1,250");
    assert_eq!(
        percent(notional / Decimal::from(1100) - Decimal::ONE, 1),
        "13.6%"
    );
    assert_eq!(
        percent(notional / Decimal::from(1100) - Decimal::ONE, 0),
        "14%"
    );
}

#[test]
fn money_forms() {
    assert_eq!(usd(Decimal::ZERO), "$0");
    assert_eq!(usd(d("-0")), "$0");
    assert_eq!(usd(d("-0.004")), "$0");
    assert_eq!(usd(d("1250.5")), "$1,250.50");
    assert_eq!(usd(d("-1250.5")), "$(1,250.50)");
    assert_eq!(usd(d("1234567.891")), "$1,234,567.89");
    assert_eq!(usd_cents(d("321")), "$321.00");
    assert_eq!(usd_cents(d("-50")), "$(50.00)");
    assert_eq!(usd_cents(Decimal::ZERO), "$0.00");
    assert_eq!(usd_cents(d("999.995")), "$1,000.00");
}

#[test]
fn rounding_is_half_away_from_zero() {
    assert_eq!(usd(d("0.005")), "$0.01");
    assert_eq!(usd(d("-0.005")), "$(0.01)");
    assert_eq!(usd(d("2.675")), "$2.68");
    assert_eq!(usd(d("2.665")), "$2.67");
    assert_eq!(percent(d("0.00125"), 1), "0.1%");
    assert_eq!(percent(d("-0.00125"), 1), "-0.1%");
    assert_eq!(number(d("0.5"), 0), "1");
    assert_eq!(number(d("-0.5"), 0), "-1");
}

#[test]
fn percents() {
    assert_eq!(percent(d("0.13636"), 1), "13.6%");
    assert_eq!(percent(d("-0.090909"), 1), "-9.1%");
    assert_eq!(percent(Decimal::ZERO, 1), "0.0%");
    assert_eq!(percent(d("12.345"), 1), "1,234.5%");
    assert_eq!(percent(d("0.5"), 0), "50%");
    // ×100 of the largest Decimal does not fit a Decimal; the text is still exact.
    assert_eq!(
        percent(Decimal::MAX, 0),
        "7,922,816,251,426,433,759,354,395,033,500%"
    );
    assert_eq!(
        percent(Decimal::new(-1, 28), 26),
        "-0.00000000000000000000000001%"
    );
    assert_eq!(percent_f64(0.13636, 1), "13.6%");
    assert_eq!(percent_f64(f64::NEG_INFINITY, 1), NOT_AVAILABLE);
    assert_eq!(percent_f64(1e300, 1), NOT_AVAILABLE);
}

#[test]
fn coins_and_plain() {
    assert_eq!(coin(d("5"), 8, "ETH"), "5 ETH");
    assert_eq!(coin(d("1.25"), 8, "ETH"), "1.25 ETH");
    assert_eq!(coin(d("0.0000000049"), 8, "BTC"), "0 BTC");
    assert_eq!(coin(d("-0.000000005"), 8, "BTC"), "-0.00000001 BTC");
    assert_eq!(plain(d("-1250.5"), 2), "-1250.50");
    assert_eq!(plain(d("1234567"), 0), "1234567");
    assert_eq!(plain(d("-0.001"), 2), "0.00");
    assert_eq!(group_thousands(""), "");
    assert_eq!(group_thousands("100000"), "100,000");
    assert_eq!(csv_field("a\nb"), "\"a\nb\"");
}

#[test]
fn f64_inputs() {
    assert_eq!(usd_f64(-50.0), "$(50)");
    assert_eq!(usd_cents_f64(321.0), "$321.00");
    assert_eq!(usd_cents_f64(f64::NAN), NOT_AVAILABLE);
    assert_eq!(usd_f64(f64::MAX), NOT_AVAILABLE);
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        0u32..=28,
    )
        .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale))
}

proptest! {
    #[test]
    fn formatters_never_panic_and_agree(x in any_decimal(), dp in 0u32..40) {
        let money = usd(x);
        let cents = usd_cents(x);
        let pct = percent(x, dp);
        let grouped = number(x, dp);
        let flat = plain(x, dp);
        let _ = coin(x, dp, "ETH");
        prop_assert!(money.starts_with('$') && cents.starts_with('$'));
        prop_assert!(pct.ends_with('%'));
        // Grouped and plain differ only by separators.
        prop_assert_eq!(grouped.replace(',', ""), flat.clone());
        // Plain text reads back as the value rounded half away from zero.
        let back = Decimal::from_str(&flat).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let rounded = x.round_dp_with_strategy(dp.min(28), rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        prop_assert_eq!(back, rounded);
        // Accounting parentheses exactly for negatives that do not round to zero.
        let negative_cents = x.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero) < Decimal::ZERO;
        prop_assert_eq!(cents.starts_with("$("), negative_cents);
        prop_assert_eq!(money.starts_with("$("), negative_cents);
        prop_assert!(!flat.contains('e') && !flat.contains('E'));
        // The percent is the plain text of ratio × 100 (when that fits a Decimal).
        if let Some(h) = minerhedge::domain::money::checked_mul(x, Decimal::ONE_HUNDRED) {
            let pdp = dp.min(26);
            prop_assert_eq!(pct.replace([',', '%'], ""), plain(h, pdp));
        }
    }

    #[test]
    fn f64_formatters_never_panic(x in any::<f64>(), dp in 0u32..40) {
        let outs = [usd_f64(x), usd_cents_f64(x), percent_f64(x, dp)];
        for o in outs {
            prop_assert!(!o.contains("NaN") && !o.contains("inf"));
            if !x.is_finite() {
                prop_assert_eq!(o, NOT_AVAILABLE);
            }
        }
    }

    #[test]
    fn usd_shows_cents_only_when_needed(cents in -10_000_000_000i64..10_000_000_000) {
        let x = Decimal::new(cents, 2);
        let text = usd(x);
        prop_assert_eq!(text.contains('.'), cents % 100 != 0);
        let digits: String = text.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
        let back = Decimal::from_str(&digits).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, x.abs());
    }
}
