//! Exact parsing of the numbers written in a share link, typed into a field or read from a
//! price file: one number parser for the page.

use super::money;
use rust_decimal::Decimal;

/// Longest value text the codec reads; longer values are rejected without parsing.
pub const MAX_VALUE_LEN: usize = 64;

/// Parses a decimal number exactly (no `f64` on the way), normalized (no trailing zeros,
/// no negative zero).
///
/// Grammar, after trimming ASCII whitespace: `[+-]? digits? ('.' digits?)? ([eE] [+-]? d{1,3})?`
/// with at least one mantissa digit. Thousands separators, `_`, `inf` and `nan` are refused.
/// A value that a [`Decimal`] cannot hold exactly (more than 28 decimals, or beyond about
/// 7.9 × 10²⁸) is refused, never rounded.
pub fn parse_decimal(text: &str) -> Result<Decimal, &'static str> {
    let s = text.trim();
    if s.is_empty() {
        return Err("empty value");
    }
    if s.len() > MAX_VALUE_LEN {
        return Err("too long");
    }
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let unsigned = mantissa
        .strip_prefix('-')
        .or_else(|| mantissa.strip_prefix('+'))
        .unwrap_or(mantissa);
    let negative = mantissa.starts_with('-');
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) {
        return Err("not a number");
    }
    let exp: i32 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e
                .strip_prefix('-')
                .or_else(|| e.strip_prefix('+'))
                .unwrap_or(e);
            if digits.is_empty() || !all_digits(digits) {
                return Err("not a number");
            }
            if digits.len() > 3 {
                return Err("too large or too small to represent exactly");
            }
            let magnitude: i32 = digits.parse().map_err(|_| "not a number")?;
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    // Strip leading zeros of the integer part and trailing zeros of the fraction, so that
    // zero padding (`100.000000000000000000000000000`) cannot overflow.
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let canonical = format!(
        "{}{}.{}",
        if negative { "-" } else { "" },
        if int.is_empty() { "0" } else { int },
        if frac.is_empty() { "0" } else { frac }
    );
    let base = Decimal::from_str_exact(&canonical)
        .map_err(|_| "too many digits to represent exactly")?
        .normalize();
    scale_by_power_of_ten(base, exp)
        .map(|d| d.normalize())
        .ok_or("too large or too small to represent exactly")
}

/// [`parse_decimal`], also accepting a thousands-multiple suffix after the number, with or
/// without a space: `k` (10³), `M` (10⁶), `G` (10⁹), `T` (10¹²), `P` (10¹⁵), any case, so a
/// difficulty can be typed as `120 T`. Exact: `120.5T` is 120,500,000,000,000.
pub fn parse_decimal_with_suffix(text: &str) -> Result<Decimal, &'static str> {
    let s = text.trim();
    let power = match s.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => 3,
        Some('M') => 6,
        Some('G') => 9,
        Some('T') => 12,
        Some('P') => 15,
        _ => return parse_decimal(s),
    };
    let number = s[..s.len() - 1].trim_end();
    let base = parse_decimal(number)?;
    scale_by_power_of_ten(base, power)
        .map(|d| d.normalize())
        .ok_or("too large or too small to represent exactly")
}

/// `d × 10^exp`, exactly, or `None` when a [`Decimal`] cannot hold the result.
fn scale_by_power_of_ten(d: Decimal, exp: i32) -> Option<Decimal> {
    if d.is_zero() {
        return Some(Decimal::ZERO);
    }
    // The mantissa's trailing zeros (`1000e-30` is 1e-27) carry no digits: drop them.
    let mut mantissa = d.mantissa();
    let mut new_scale = i64::from(d.scale()) - i64::from(exp);
    while new_scale > i64::from(Decimal::MAX_SCALE) && mantissa % 10 == 0 {
        mantissa /= 10;
        new_scale -= 1;
    }
    let d = Decimal::try_from_i128_with_scale(mantissa, 0).ok()?;
    if (0..=i64::from(Decimal::MAX_SCALE)).contains(&new_scale) {
        let mut r = d;
        r.set_scale(u32::try_from(new_scale).ok()?).ok()?;
        return Some(r);
    }
    if new_scale > i64::from(Decimal::MAX_SCALE) {
        return None;
    }
    // new_scale < 0: the mantissa (the value at scale 0) times 10^(-new_scale).
    let steps = -new_scale;
    if steps > i64::from(Decimal::MAX_SCALE) + 1 {
        return None;
    }
    let mut r = d;
    r.set_scale(0).ok()?;
    for _ in 0..steps {
        r = money::checked_mul(r, Decimal::TEN)?;
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn plain_numbers_are_exact() {
        assert_eq!(parse_decimal("0.004"), Ok(d("0.004")));
        assert_eq!(parse_decimal("1100"), Ok(d("1100")));
        assert_eq!(parse_decimal(" 17.50 "), Ok(d("17.5")));
        assert_eq!(parse_decimal("-0"), Ok(Decimal::ZERO));
        assert_eq!(parse_decimal("+5"), Ok(d("5")));
        assert_eq!(parse_decimal(".5"), Ok(d("0.5")));
        assert_eq!(parse_decimal("5."), Ok(d("5")));
        assert_eq!(
            parse_decimal("0000000000000000000000000000000000001"),
            Ok(d("1"))
        );
    }

    #[test]
    fn exponents_are_exact() {
        assert_eq!(parse_decimal("1.2e14"), Ok(d("120000000000000")));
        assert_eq!(parse_decimal("4E-3"), Ok(d("0.004")));
        assert_eq!(
            parse_decimal("1e28"),
            Ok(d("10000000000000000000000000000"))
        );
        assert_eq!(parse_decimal("0e999"), Ok(Decimal::ZERO));
        assert!(parse_decimal("1e29").is_err());
        assert!(parse_decimal("1e-29").is_err());
        assert!(parse_decimal("1e9999").is_err());
    }

    #[test]
    fn suffixes_scale_exactly() {
        assert_eq!(parse_decimal_with_suffix("120 T"), Ok(d("120000000000000")));
        assert_eq!(
            parse_decimal_with_suffix("120.5t"),
            Ok(d("120500000000000"))
        );
        assert_eq!(parse_decimal_with_suffix("3k"), Ok(d("3000")));
        assert_eq!(
            parse_decimal_with_suffix("1.2e14"),
            Ok(d("120000000000000"))
        );
        assert!(parse_decimal_with_suffix("T").is_err());
        assert!(parse_decimal_with_suffix("12 X").is_err());
    }

    #[test]
    fn garbage_is_refused() {
        for bad in [
            "", " ", "abc", "1,000", "1_000", "NaN", "inf", "-", ".", "1e", "e5", "1.2.3", "--1",
            "0x10", "1e+", "١٢",
        ] {
            assert!(parse_decimal(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(parse_decimal("0.00000000000000000000000000001").is_err());
        assert!(parse_decimal(&"9".repeat(40)).is_err());
    }
}
