//! Number formatting for the page, the tables and CSV export.
//!
//! Pure functions from [`Decimal`] (or, for model outputs, `f64`) to text. Rounding is always
//! **half away from zero** ([`RoundingStrategy::MidpointAwayFromZero`]), the way money is
//! rounded on paper: `$0.005 → $0.01`, `−$0.005 → $(0.01)`.
//!
//! | function | example | use |
//! | --- | --- | --- |
//! | [`usd`] | `$1,250`, `$1,250.50`, `$(50)`, `$0` | table money: cents only when there are cents |
//! | [`usd_cents`] | `$321.00`, `$(50.00)` | premiums, readouts: always two decimals |
//! | [`percent`] | `13.6%`, `-9.1%`, `1,234.5%` | returns (1 dp on the page, 0 dp in the seed table) |
//! | [`coin`] | `5 ETH`, `1.25 ETH`, `-0.2 ETH` | coin quantities, trailing zeros dropped |
//! | [`number`] | `1,250.50`, `-3.00` | grouped number with a fixed number of decimals |
//! | [`plain`] | `1250.50`, `-50.00` | CSV export: no `$`, no separators, `-` sign |
//! | [`csv_field`] | `"a,b"` | quotes one CSV field when needed (RFC 4180) |
//!
//! Negative money is shown in accounting parentheses (`$(50)`); percents and coin amounts
//! use a leading minus. A value that rounds to zero is shown without a sign (`$0`, `0.0%`).
//! Thousands separators (`,`) are used everywhere except in [`plain`].
//!
//! The `*_f64` variants take engine outputs (premiums, probabilities) and show `n/a` for NaN,
//! ±∞ or magnitudes beyond what a [`Decimal`] holds (about 7.9 × 10²⁸), so no NaN ever
//! reaches the page.
//!
//! ```
//! use minerhedge::format::{percent, usd};
//! use rust_decimal::Decimal;
//! // The seed: $1,100 cost, 5 ETH at $200 → revenue $1,000, return −9 %.
//! let revenue = Decimal::from(5 * 200);
//! let ret = revenue / Decimal::from(1100) - Decimal::ONE;
//! assert_eq!(usd(revenue), "$1,000");
//! assert_eq!(percent(ret, 0), "-9%");
//! assert_eq!(percent(ret, 1), "-9.1%");
//! ```

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Largest number of decimals any formatter emits (a [`Decimal`] holds at most 28).
///
/// ```
/// use minerhedge::format::{plain, MAX_DP};
/// use rust_decimal::Decimal;
/// assert_eq!(plain(Decimal::ONE, 40).len(), 2 + MAX_DP as usize);
/// ```
pub const MAX_DP: u32 = 28;

/// Text shown by the `*_f64` formatters for NaN, ±∞ or values a [`Decimal`] cannot hold.
///
/// ```
/// use minerhedge::format::{usd_f64, NOT_AVAILABLE};
/// assert_eq!(usd_f64(f64::NAN), NOT_AVAILABLE);
/// ```
pub const NOT_AVAILABLE: &str = "n/a";

/// Rounds `d` to `dp` decimals, half away from zero, and returns `(negative, integer digits,
/// fraction digits)` with the fraction padded to exactly `dp` digits. A value that rounds to
/// zero is never negative.
fn split(d: Decimal, dp: u32) -> (bool, String, String) {
    let dp = dp.min(MAX_DP);
    let r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let negative = r.is_sign_negative() && !r.is_zero();
    // `Display` of a Decimal never uses an exponent: digits, optional point, digits.
    let text = r.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (text, String::new()),
    };
    let mut frac = frac;
    frac.truncate(dp as usize);
    while frac.len() < dp as usize {
        frac.push('0');
    }
    (negative, int, frac)
}

/// Inserts `,` between groups of three digits of a run of ASCII digits.
///
/// ```
/// use minerhedge::format::group_thousands;
/// assert_eq!(group_thousands("1250"), "1,250");
/// assert_eq!(group_thousands("1234567"), "1,234,567");
/// assert_eq!(group_thousands("999"), "999");
/// ```
pub fn group_thousands(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn join(int: &str, frac: &str, grouped: bool) -> String {
    let int = if grouped {
        group_thousands(int)
    } else {
        int.to_string()
    };
    if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    }
}

fn accounting(negative: bool, body: String) -> String {
    if negative {
        format!("$({body})")
    } else {
        format!("${body}")
    }
}

/// US dollars for tables: whole dollars when the amount rounds to whole dollars, otherwise
/// cents; negatives in accounting parentheses; thousands separators.
///
/// The amount is first rounded to cents (half away from zero); the cents are shown only when
/// they are not `.00`.
///
/// ```
/// use minerhedge::format::usd;
/// use rust_decimal::Decimal;
/// assert_eq!(usd(Decimal::from(1250)), "$1,250");
/// assert_eq!(usd(Decimal::new(125050, 2)), "$1,250.50");
/// assert_eq!(usd(Decimal::from(-50)), "$(50)");
/// assert_eq!(usd(Decimal::ZERO), "$0");
/// assert_eq!(usd(Decimal::new(1_999_999, 3)), "$2,000"); // 1,999.999 → 2,000.00
/// ```
pub fn usd(d: Decimal) -> String {
    let (negative, int, frac) = split(d, 2);
    let frac = if frac == "00" { String::new() } else { frac };
    accounting(negative, join(&int, &frac, true))
}

/// US dollars, always with cents: `$321.00`, `$(50.00)`, thousands separators.
///
/// ```
/// use minerhedge::format::usd_cents;
/// use rust_decimal::Decimal;
/// assert_eq!(usd_cents(Decimal::from(321)), "$321.00");
/// assert_eq!(usd_cents(Decimal::new(-5000, 2)), "$(50.00)");
/// assert_eq!(usd_cents(Decimal::new(12_345_675, 4)), "$1,234.57"); // half away from zero
/// ```
pub fn usd_cents(d: Decimal) -> String {
    let (negative, int, frac) = split(d, 2);
    accounting(negative, join(&int, &frac, true))
}

/// A ratio shown as a percent with `dp` decimals (at most 26): `ratio × 100`, rounded half
/// away from zero, thousands separators, leading `-` for negatives.
///
/// ```
/// use minerhedge::format::percent;
/// use rust_decimal::Decimal;
/// assert_eq!(percent(Decimal::new(13636, 5), 1), "13.6%");
/// assert_eq!(percent(Decimal::new(-90909, 6), 1), "-9.1%");
/// assert_eq!(percent(Decimal::new(12345, 1), 1), "123,450.0%");
/// assert_eq!(percent(Decimal::new(-1, 5), 1), "0.0%"); // rounds to zero: no sign
/// ```
pub fn percent(ratio: Decimal, dp: u32) -> String {
    // Rounding ratio × 100 to dp decimals is rounding the ratio to dp + 2 decimals; then the
    // point moves two places right in the text, which is exact and cannot overflow.
    let dp = dp.min(MAX_DP - 2);
    let (negative, int, frac) = split(ratio, dp + 2);
    let (hundredths, rest) = frac.split_at(2);
    let joined = format!("{int}{hundredths}");
    let int = joined.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let sign = if negative { "-" } else { "" };
    format!("{sign}{}%", join(int, rest, true))
}

/// A coin quantity rounded to at most `dp` decimals (trailing zeros dropped), grouped, with
/// its label: `5 ETH`, `1.25 ETH`, `-0.2 ETH`. An empty label gives the bare number.
///
/// ```
/// use minerhedge::format::coin;
/// use rust_decimal::Decimal;
/// assert_eq!(coin(Decimal::from(5), 8, "ETH"), "5 ETH");
/// assert_eq!(coin(Decimal::new(125, 2), 8, "ETH"), "1.25 ETH");
/// assert_eq!(coin(Decimal::new(123_456_789, 8), 4, "BTC"), "1.2346 BTC");
/// assert_eq!(coin(Decimal::new(-2, 1), 4, "ETH"), "-0.2 ETH");
/// assert_eq!(coin(Decimal::from(12345), 2, ""), "12,345");
/// ```
pub fn coin(amount: Decimal, dp: u32, label: &str) -> String {
    let (negative, int, frac) = split(amount, dp);
    let frac = frac.trim_end_matches('0');
    let sign = if negative { "-" } else { "" };
    let number = join(&int, frac, true);
    if label.is_empty() {
        format!("{sign}{number}")
    } else {
        format!("{sign}{number} {label}")
    }
}

/// A number with exactly `dp` decimals, thousands separators and a leading `-`.
///
/// ```
/// use minerhedge::format::number;
/// use rust_decimal::Decimal;
/// assert_eq!(number(Decimal::new(125050, 2), 2), "1,250.50");
/// assert_eq!(number(Decimal::from(-3), 2), "-3.00");
/// assert_eq!(number(Decimal::new(4, 3), 3), "0.004");
/// ```
pub fn number(d: Decimal, dp: u32) -> String {
    let (negative, int, frac) = split(d, dp);
    let sign = if negative { "-" } else { "" };
    format!("{sign}{}", join(&int, &frac, true))
}

/// CSV-safe plain number: exactly `dp` decimals, `-` sign, no currency sign, no thousands
/// separators, never an exponent. Spreadsheets read it as a number in any locale that uses
/// `.` as the decimal point.
///
/// ```
/// use minerhedge::format::plain;
/// use rust_decimal::Decimal;
/// assert_eq!(plain(Decimal::new(125050, 2), 2), "1250.50");
/// assert_eq!(plain(Decimal::from(-50), 2), "-50.00");
/// assert_eq!(plain(Decimal::new(13636, 5), 4), "0.1364");
/// assert_eq!(plain(Decimal::from(1_000_000), 0), "1000000");
/// ```
pub fn plain(d: Decimal, dp: u32) -> String {
    let (negative, int, frac) = split(d, dp);
    let sign = if negative { "-" } else { "" };
    format!("{sign}{}", join(&int, &frac, false))
}

/// One CSV field per RFC 4180: returned unchanged unless it contains `,`, `"`, CR or LF, in
/// which case it is wrapped in double quotes with inner quotes doubled.
///
/// ```
/// use minerhedge::format::csv_field;
/// assert_eq!(csv_field("1250.50"), "1250.50");
/// assert_eq!(csv_field("Price, USD"), "\"Price, USD\"");
/// assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
/// ```
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Converts an engine `f64` to a [`Decimal`] for display; `None` for NaN, ±∞ or magnitudes
/// beyond the Decimal range.
fn from_f64(x: f64) -> Option<Decimal> {
    if x.is_finite() {
        Decimal::from_f64(x)
    } else {
        None
    }
}

/// [`usd`] for an engine `f64`; [`NOT_AVAILABLE`] for NaN, ±∞ or out-of-range values.
///
/// ```
/// use minerhedge::format::usd_f64;
/// assert_eq!(usd_f64(1250.5), "$1,250.50");
/// assert_eq!(usd_f64(f64::NAN), "n/a");
/// ```
pub fn usd_f64(x: f64) -> String {
    from_f64(x).map_or_else(|| NOT_AVAILABLE.to_string(), usd)
}

/// [`usd_cents`] for an engine `f64` (e.g. a model premium); [`NOT_AVAILABLE`] for NaN, ±∞
/// or out-of-range values.
///
/// ```
/// use minerhedge::format::usd_cents_f64;
/// assert_eq!(usd_cents_f64(320.996), "$321.00");
/// assert_eq!(usd_cents_f64(-0.5), "$(0.50)");
/// assert_eq!(usd_cents_f64(f64::INFINITY), "n/a");
/// ```
pub fn usd_cents_f64(x: f64) -> String {
    from_f64(x).map_or_else(|| NOT_AVAILABLE.to_string(), usd_cents)
}

/// [`percent`] for an engine `f64` ratio (probabilities, VaR); [`NOT_AVAILABLE`] for NaN,
/// ±∞ or out-of-range values.
///
/// ```
/// use minerhedge::format::percent_f64;
/// assert_eq!(percent_f64(0.13636, 1), "13.6%");
/// assert_eq!(percent_f64(-0.0909, 1), "-9.1%");
/// assert_eq!(percent_f64(f64::NAN, 1), "n/a");
/// ```
pub fn percent_f64(ratio: f64, dp: u32) -> String {
    from_f64(ratio).map_or_else(|| NOT_AVAILABLE.to_string(), |d| percent(d, dp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_pads_and_rounds() {
        assert_eq!(
            split(Decimal::new(5, 3), 2),
            (false, "0".into(), "01".into())
        );
        assert_eq!(
            split(Decimal::new(-5, 3), 2),
            (true, "0".into(), "01".into())
        );
        assert_eq!(
            split(Decimal::new(-4, 3), 2),
            (false, "0".into(), "00".into())
        );
        assert_eq!(split(Decimal::from(7), 0), (false, "7".into(), "".into()));
    }
}
