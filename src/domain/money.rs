//! Exact money helpers: bounds, checked `Decimal` arithmetic, conversion from `f64`, rounding
//! of returns to whole percents, grouped amounts for order tickets and the premium carry factor.
//!
//! Money (USD amounts, coin quantities, prices) is [`rust_decimal::Decimal`]: 96-bit mantissa,
//! up to 28 decimal digits. Sums, differences and products of the values this engine accepts
//! are exact; a quotient is rounded to the 28th digit (e.g. a return of 2/11).

use super::error::{DomainError, Result};
use super::field::Field;
use super::validate::dec_f64;
use crate::domain::range::NumRange;
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Largest accepted coin price (USD per coin): 1e9.
///
/// ```
/// use minerhedge::domain::money::MAX_PRICE;
/// assert_eq!(MAX_PRICE, rust_decimal::Decimal::from(1_000_000_000u64));
/// ```
pub const MAX_PRICE: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// [`MAX_PRICE`] as an `f64` (exactly 1e9), for the `f64` pricing, collar and risk paths;
/// derived from it at compile time.
///
/// ```
/// use minerhedge::domain::money::{MAX_PRICE, MAX_PRICE_F64};
/// assert_eq!(MAX_PRICE_F64, 1e9);
/// assert_eq!(rust_decimal::Decimal::try_from(MAX_PRICE_F64).unwrap(), MAX_PRICE);
/// ```
pub const MAX_PRICE_F64: f64 = integer_f64(MAX_PRICE);

/// An integral `Decimal` as an `f64`, at compile time (exact up to 2^53; a fractional or
/// larger constant fails the build).
const fn integer_f64(v: Decimal) -> f64 {
    assert!(v.scale() == 0 && v.mantissa().unsigned_abs() <= 1 << 53);
    v.mantissa() as f64
}

/// Largest accepted coin quantity per period: 1e12 coins.
///
/// ```
/// use minerhedge::domain::money::MAX_QUANTITY;
/// assert_eq!(MAX_QUANTITY, rust_decimal::Decimal::from(1_000_000_000_000u64));
/// ```
pub const MAX_QUANTITY: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// Largest accepted USD amount (costs, capex, opex): 1e15 USD.
///
/// ```
/// use minerhedge::domain::money::MAX_MONEY;
/// assert_eq!(MAX_MONEY, rust_decimal::Decimal::from(1_000_000_000_000_000u64));
/// ```
pub const MAX_MONEY: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// Smallest accepted period cost: one cent (USD 0.01), so a return `revenue / cost − 1` always
/// fits in a `Decimal`.
///
/// ```
/// use minerhedge::domain::money::MIN_COST;
/// assert_eq!(MIN_COST, rust_decimal::Decimal::new(1, 2));
/// ```
pub const MIN_COST: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// The error for a `Decimal` operation whose result does not fit (|x| > about 7.9e28).
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::money::overflow;
/// let e = overflow(Field::Revenue, rust_decimal::Decimal::ONE);
/// assert_eq!(e.field(), Some(Field::Revenue));
/// ```
pub fn overflow(field: Field, operand: Decimal) -> DomainError {
    DomainError::out_of_range(
        field,
        dec_f64(operand),
        "small enough for the result to fit in a decimal (|x| < 7.9e28)",
    )
}

/// `a × b`, or an [`overflow`] error naming `field`.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::money::mul;
/// use rust_decimal::Decimal;
/// assert_eq!(mul(Field::Revenue, Decimal::from(5), Decimal::from(220)).unwrap(), Decimal::from(1100));
/// assert!(mul(Field::Revenue, Decimal::MAX, Decimal::TWO).is_err());
/// ```
#[inline(never)]
pub fn mul(field: Field, a: Decimal, b: Decimal) -> Result<Decimal> {
    checked_mul(a, b).ok_or_else(|| overflow(field, a))
}

/// `a / b`, or an error naming `field` when `b = 0` or the quotient overflows.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::money::div;
/// use rust_decimal::Decimal;
/// assert_eq!(div(Field::Notional, Decimal::from(5), Decimal::new(4, 3)).unwrap(), Decimal::from(1250));
/// assert!(div(Field::Notional, Decimal::ONE, Decimal::ZERO).is_err());
/// ```
#[inline(never)]
pub fn div(field: Field, a: Decimal, b: Decimal) -> Result<Decimal> {
    checked_div(a, b).ok_or_else(|| overflow(field, a))
}

/// `a + b`, `None` on overflow. rust_decimal inlines its arithmetic at every call
/// (`#[inline(always)]`); the engine and the codec call these four instead, so the page's wasm
/// holds one copy of each operation.
///
/// ```
/// use minerhedge::domain::money::{checked_add, checked_div, checked_mul, checked_sub};
/// use rust_decimal::Decimal;
/// assert_eq!(checked_add(Decimal::ONE, Decimal::TWO), Some(Decimal::from(3)));
/// assert_eq!(checked_sub(Decimal::ONE, Decimal::TWO), Some(Decimal::NEGATIVE_ONE));
/// assert_eq!(checked_mul(Decimal::MAX, Decimal::TWO), None);
/// assert_eq!(checked_div(Decimal::ONE, Decimal::ZERO), None);
/// ```
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one outlined copy
pub fn checked_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a − b`, `None` on overflow (see [`checked_add`]).
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one outlined copy
pub fn checked_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// `a · b`, `None` on overflow (see [`checked_add`]).
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one outlined copy
pub fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a / b`, `None` when `b = 0` or on overflow (see [`checked_add`]).
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one outlined copy
pub fn checked_div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// `a + b`, or an [`overflow`] error naming `field`.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::money::add;
/// use rust_decimal::Decimal;
/// assert_eq!(add(Field::Total, Decimal::ONE, Decimal::TWO).unwrap(), Decimal::from(3));
/// ```
#[inline(never)]
pub fn add(field: Field, a: Decimal, b: Decimal) -> Result<Decimal> {
    checked_add(a, b).ok_or_else(|| overflow(field, a))
}

/// `a − b`, or an [`overflow`] error naming `field`.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::money::sub;
/// use rust_decimal::Decimal;
/// assert_eq!(sub(Field::Payoff, Decimal::ONE, Decimal::TWO).unwrap(), Decimal::NEGATIVE_ONE);
/// ```
#[inline(never)]
pub fn sub(field: Field, a: Decimal, b: Decimal) -> Result<Decimal> {
    checked_sub(a, b).ok_or_else(|| overflow(field, a))
}

/// Converts a user `f64` to a `Decimal`: the shortest decimal that rounds to the same `f64`
/// (so `0.1_f64` becomes exactly `0.1`). NaN, ±∞ and |v| ≥ 7.9e28 are rejected naming
/// `field`; |v| below 1e-28 becomes 0.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::money::dec_from_f64;
/// use rust_decimal::Decimal;
/// assert_eq!(dec_from_f64(Field::Quote, 0.004).unwrap(), Decimal::new(4, 3));
/// assert!(dec_from_f64(Field::Quote, f64::NAN).is_err());
/// assert!(dec_from_f64(Field::Quote, 1e300).is_err());
/// ```
pub fn dec_from_f64(field: Field, v: f64) -> Result<Decimal> {
    if !v.is_finite() || v.abs() >= 7.9e28 {
        return Err(DomainError::out_of_range(
            field,
            v,
            "a finite number with |x| < 7.9e28",
        ));
    }
    // Rust prints the shortest decimal that round-trips; parse it (rounding beyond 28
    // decimals), falling back to the binary conversion.
    format!("{v}")
        .parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::from_f64(v))
        .map(|d| d.normalize())
        .ok_or_else(|| DomainError::out_of_range(field, v, "a finite number with |x| < 7.9e28"))
}

/// A fractional return as a percentage rounded to `dp` decimals, **half away from zero**
/// (`−4.5 % → −5 %`, `13.636… % → 14 %`): `round(r × 100, dp)`.
///
/// ```
/// use minerhedge::domain::money::percent_rounded;
/// use rust_decimal::Decimal;
/// let r = Decimal::from(1250) / Decimal::from(1100) - Decimal::ONE; // 0.13636…
/// assert_eq!(percent_rounded(r, 0), Decimal::from(14));
/// assert_eq!(percent_rounded(r, 1), Decimal::new(136, 1));
/// assert_eq!(percent_rounded(Decimal::new(-45, 3), 0), Decimal::from(-5));
/// ```
pub fn percent_rounded(ret: Decimal, dp: u32) -> Decimal {
    // |ret| ≤ 7.9e28 / 100 for every return this engine produces; saturate otherwise.
    let pct = checked_mul(ret, Decimal::ONE_HUNDRED).unwrap_or(if ret.is_sign_negative() {
        Decimal::MIN
    } else {
        Decimal::MAX
    });
    pct.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// An amount with thousands separators and decimals only when needed: rounded to cents (half
/// away from zero); whole amounts print without decimals, others with exactly two. The
/// grouping is [`crate::format::number`]'s.
///
/// ```
/// use minerhedge::domain::money::grouped;
/// use rust_decimal::Decimal;
/// assert_eq!(grouped(Decimal::from(1250)), "1,250");
/// assert_eq!(grouped(Decimal::new(123456789, 5)), "1,234.57");
/// assert_eq!(grouped(Decimal::new(-12345, 1)), "-1,234.50");
/// assert_eq!(grouped(Decimal::from(1_000_000)), "1,000,000");
/// ```
pub fn grouped(amount: Decimal) -> String {
    let cents = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let dp = if cents.fract().is_zero() { 0 } else { 2 };
    crate::format::number(cents, dp)
}

/// Carry factor `e^{r·T}` that moves a premium paid at the start of the period to its end
/// (continuous compounding, `r` a fraction per year, `T` years). `r ∈ [−1, 1]`,
/// `T ∈ [0, 10]`; computed in `Decimal` (28 digits).
///
/// ```
/// use minerhedge::domain::money::carry_factor;
/// use rust_decimal::Decimal;
/// let k = carry_factor(Decimal::new(5, 2), Decimal::ONE).unwrap(); // e^{0.05}
/// assert!((k - Decimal::new(1051271096376, 12)).abs() < Decimal::new(1, 12));
/// assert_eq!(carry_factor(Decimal::ZERO, Decimal::ONE).unwrap(), Decimal::ONE);
/// assert!(carry_factor(Decimal::TWO, Decimal::ONE).is_err());
/// ```
pub fn carry_factor(rate: Decimal, years: Decimal) -> Result<Decimal> {
    const { NumRange::closed(Decimal::NEGATIVE_ONE, Decimal::ONE) }
        .check(Field::RiskFreeRate, rate)?;
    const { NumRange::closed(Decimal::ZERO, Decimal::TEN) }.check(Field::Years, years)?;
    let x = mul(Field::RiskFreeRate, rate, years)?;
    if x.is_zero() {
        return Ok(Decimal::ONE);
    }
    exp(x).ok_or_else(|| overflow(Field::RiskFreeRate, rate))
}

/// `e^x` in `Decimal` for `|x| ≤ 10` (`None` beyond): `x` halved until `|x/2^m| ≤ 0.01`, the
/// Taylor series to 14 terms (the next is below 10⁻³⁹), squared back `m` times, with the
/// outlined operations above. About 25 significant digits (rust_decimal's own `exp`, the
/// reference in this module's tests, is far larger in the page's wasm).
///
/// ```
/// use minerhedge::domain::money::exp;
/// use rust_decimal::Decimal;
/// assert_eq!(exp(Decimal::ZERO), Some(Decimal::ONE));
/// let e = exp(Decimal::ONE).unwrap();
/// assert!((e - Decimal::new(2718281828459045235, 18)).abs() < Decimal::new(1, 17));
/// assert_eq!(exp(Decimal::from(11)), None);
/// ```
pub fn exp(x: Decimal) -> Option<Decimal> {
    if x.abs() > Decimal::TEN {
        return None;
    }
    let small = Decimal::new(1, 2);
    let (mut y, mut halvings) = (x, 0u32);
    while y.abs() > small {
        y = checked_div(y, Decimal::TWO)?;
        halvings += 1;
    }
    let (mut term, mut sum) = (Decimal::ONE, Decimal::ONE);
    for n in 1..=14u32 {
        term = checked_div(checked_mul(term, y)?, Decimal::from(n))?;
        sum = checked_add(sum, term)?;
    }
    for _ in 0..halvings {
        sum = checked_mul(sum, sum)?;
    }
    Some(sum)
}

/// [`carry_factor`] from `f64` inputs (rate a fraction per year, years), each converted with
/// [`dec_from_f64`] (fields `"risk-free rate"`, `"years"`).
///
/// ```
/// use minerhedge::domain::money::carry_factor_f64;
/// use minerhedge::domain::daycount::Act365;
/// let k = carry_factor_f64(0.05, Act365::years(30)).unwrap();
/// assert!((minerhedge::domain::validate::dec_f64(k) - (0.05f64 * Act365::years(30)).exp()).abs() < 1e-15);
/// use minerhedge::domain::Field;
/// assert_eq!(carry_factor_f64(f64::NAN, 1.0).unwrap_err().field(), Some(Field::RiskFreeRate));
/// ```
pub fn carry_factor_f64(rate: f64, years: f64) -> Result<Decimal> {
    carry_factor(
        dec_from_f64(Field::RiskFreeRate, rate)?,
        dec_from_f64(Field::Years, years)?,
    )
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // rust_decimal's own exp is the reference
mod tests {
    /// `exp` against rust_decimal's `checked_exp` (28 digits) over the carry factors' range.
    #[test]
    fn exp_matches_rust_decimal_to_24_digits() {
        use rust_decimal::MathematicalOps;
        for i in -100..=100 {
            let x = Decimal::new(i, 1); // -10.0 … 10.0
            let want = x.checked_exp().unwrap();
            let got = exp(x).unwrap();
            assert!(
                ((got - want) / want).abs() < Decimal::new(1, 24),
                "{x}: {got} vs {want}"
            );
        }
        for x in [
            "0.0041095890410958904109589041",
            "-0.000136986301369863",
            "0.05",
            "-1",
        ] {
            let x: Decimal = x.parse().unwrap();
            let want = x.checked_exp().unwrap();
            assert!(
                ((exp(x).unwrap() - want) / want).abs() < Decimal::new(1, 25),
                "{x}"
            );
        }
    }

    use super::*;

    #[test]
    fn constants_have_their_documented_values() {
        assert_eq!(MAX_QUANTITY, Decimal::from(1_000_000_000_000u64));
        assert_eq!(MAX_MONEY, Decimal::from(1_000_000_000_000_000u64));
        assert_eq!(MAX_PRICE, Decimal::from(1_000_000_000u64));
        assert_eq!(MAX_PRICE_F64, 1e9);
        assert_eq!(Decimal::from_f64(MAX_PRICE_F64), Some(MAX_PRICE));
        assert_eq!(MIN_COST, Decimal::new(1, 2));
    }

    #[test]
    fn grouping_edges() {
        assert_eq!(grouped(Decimal::ZERO), "0");
        assert_eq!(grouped(Decimal::new(5, 3)), "0.01");
        assert_eq!(grouped(Decimal::new(-4, 3)), "0");
        assert_eq!(grouped(Decimal::from(999)), "999");
        assert_eq!(grouped(Decimal::from(1000)), "1,000");
        assert_eq!(grouped(Decimal::new(100005, 2)), "1,000.05");
    }

    #[test]
    fn carry_matches_f64_exp() {
        let k = carry_factor(Decimal::new(-3, 2), Decimal::new(25, 2)).unwrap();
        let f = (-0.03f64 * 0.25).exp();
        assert!((dec_f64(k) - f).abs() < 1e-15);
    }
}
