//! Checks shared by every validated constructor of the engine (intervals are
//! [`Range`](super::range::Range)'s).
//!
//! Each returns the value unchanged when it is valid and a [`DomainError::OutOfRange`] naming
//! the field otherwise. NaN and ±∞ are always rejected.

use super::error::{DomainError, Result};
use super::field::Field;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A finite number.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::validate::finite;
/// assert!(finite(Field::Rate, 0.05).is_ok());
/// assert!(finite(Field::Rate, f64::NAN).is_err());
/// ```
pub fn finite(field: Field, v: f64) -> Result<f64> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(field, v, "a finite number"))
    }
}

/// A finite number strictly greater than zero.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::validate::positive;
/// assert!(positive(Field::Spot, 250.0).is_ok());
/// assert!(positive(Field::Spot, 0.0).is_err());
/// ```
pub fn positive(field: Field, v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(field, v, "greater than 0"))
    }
}

/// A finite number at least zero.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::validate::non_negative;
/// assert!(non_negative(Field::FeesPerBlock, 0.0).is_ok());
/// assert!(non_negative(Field::FeesPerBlock, -1.0).is_err());
/// ```
pub fn non_negative(field: Field, v: f64) -> Result<f64> {
    if v.is_finite() && v >= 0.0 {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(field, v, "at least 0"))
    }
}

/// A decimal strictly greater than zero.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::domain::validate::dec_positive;
/// use rust_decimal::Decimal;
/// assert!(dec_positive(Field::PeriodCost, Decimal::from(1100)).is_ok());
/// assert!(dec_positive(Field::PeriodCost, Decimal::ZERO).is_err());
/// ```
pub fn dec_positive(field: Field, v: Decimal) -> Result<Decimal> {
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
/// use minerhedge::domain::Field;
/// use minerhedge::domain::validate::dec_non_negative;
/// use rust_decimal::Decimal;
/// assert!(dec_non_negative(Field::Capex, Decimal::ZERO).is_ok());
/// assert!(dec_non_negative(Field::Capex, Decimal::NEGATIVE_ONE).is_err());
/// ```
pub fn dec_non_negative(field: Field, v: Decimal) -> Result<Decimal> {
    if v >= Decimal::ZERO {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(field, dec_f64(v), "at least 0"))
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

/// Largest coin quantity accepted anywhere.
pub const MAX_COINS: f64 = 1e12;
/// Largest USD amount accepted anywhere.
pub const MAX_USD: f64 = 1e15;
