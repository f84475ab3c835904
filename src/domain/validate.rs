//! Checks shared by every validated constructor of the engine.
//!
//! Each returns the value unchanged when it is valid and a [`DomainError::OutOfRange`] naming
//! the field otherwise. NaN and ±∞ are always rejected.

use super::error::{DomainError, Result};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A finite number.
///
/// ```
/// use minerhedge::domain::validate::finite;
/// assert!(finite("rate", 0.05).is_ok());
/// assert!(finite("rate", f64::NAN).is_err());
/// ```
pub fn finite(field: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(field, v, "a finite number"))
    }
}

/// A finite number strictly greater than zero.
///
/// ```
/// use minerhedge::domain::validate::positive;
/// assert!(positive("spot", 250.0).is_ok());
/// assert!(positive("spot", 0.0).is_err());
/// ```
pub fn positive(field: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(field, v, "greater than 0"))
    }
}

/// A finite number at least zero.
///
/// ```
/// use minerhedge::domain::validate::non_negative;
/// assert!(non_negative("fees per block", 0.0).is_ok());
/// assert!(non_negative("fees per block", -1.0).is_err());
/// ```
pub fn non_negative(field: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v >= 0.0 {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(field, v, "at least 0"))
    }
}

/// A finite number in the closed interval `[lo, hi]`.
///
/// ```
/// use minerhedge::domain::validate::in_range;
/// assert!(in_range("coverage", 0.5, 0.0, 1.0).is_ok());
/// let e = in_range("coverage", 1.5, 0.0, 1.0).unwrap_err();
/// assert_eq!(e.to_string(), "coverage = 1.5 is out of range: must be between 0 and 1");
/// ```
pub fn in_range(field: &'static str, v: f64, lo: f64, hi: f64) -> Result<f64> {
    if v.is_finite() && v >= lo && v <= hi {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(
            field,
            v,
            format!("between {lo} and {hi}"),
        ))
    }
}

/// A decimal strictly greater than zero.
///
/// ```
/// use minerhedge::domain::validate::dec_positive;
/// use rust_decimal::Decimal;
/// assert!(dec_positive("period cost", Decimal::from(1100)).is_ok());
/// assert!(dec_positive("period cost", Decimal::ZERO).is_err());
/// ```
pub fn dec_positive(field: &'static str, v: Decimal) -> Result<Decimal> {
    if v > Decimal::ZERO {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(
            field,
            dec_f64(v),
            "greater than 0",
        ))
    }
}

/// A decimal at least zero.
///
/// ```
/// use minerhedge::domain::validate::dec_non_negative;
/// use rust_decimal::Decimal;
/// assert!(dec_non_negative("capex", Decimal::ZERO).is_ok());
/// assert!(dec_non_negative("capex", Decimal::NEGATIVE_ONE).is_err());
/// ```
pub fn dec_non_negative(field: &'static str, v: Decimal) -> Result<Decimal> {
    if v >= Decimal::ZERO {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(field, dec_f64(v), "at least 0"))
    }
}

/// A decimal in the closed interval `[lo, hi]`.
///
/// ```
/// use minerhedge::domain::validate::dec_in_range;
/// use rust_decimal::Decimal;
/// assert!(dec_in_range("coverage", Decimal::ONE, Decimal::ZERO, Decimal::ONE).is_ok());
/// assert!(dec_in_range("coverage", Decimal::TWO, Decimal::ZERO, Decimal::ONE).is_err());
/// ```
pub fn dec_in_range(field: &'static str, v: Decimal, lo: Decimal, hi: Decimal) -> Result<Decimal> {
    if v >= lo && v <= hi {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(
            field,
            dec_f64(v),
            format!("between {lo} and {hi}"),
        ))
    }
}

/// Converts a decimal to the nearest `f64` (every `Decimal` is within `f64` range).
///
/// ```
/// use minerhedge::domain::validate::dec_f64;
/// use rust_decimal::Decimal;
/// assert_eq!(dec_f64(Decimal::new(4, 3)), 0.004);
/// ```
pub fn dec_f64(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

/// Largest coin price accepted anywhere, USD per coin.
pub const MAX_PRICE: f64 = 1e9;
/// Largest coin quantity accepted anywhere.
pub const MAX_COINS: f64 = 1e12;
/// Largest USD amount accepted anywhere.
pub const MAX_USD: f64 = 1e15;
