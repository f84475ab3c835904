//! The one range type: an interval with open or closed ends, and the one check of a value
//! against it.
//!
//! The engine's constructors and the link's key table both use it, so a link range and the
//! range the engine accepts are the same kind of value (a test compares them key by key).
//! Exact money and link values use [`NumRange`] (decimal ends); the pricing engine's `f64`
//! inputs use `Range<f64>`.

use super::error::{DomainError, Result};
use super::field::Field;
use super::validate::dec_f64;
use crate::format;
use rust_decimal::Decimal;
use std::fmt;

/// A [`Decimal`] from an integer, usable in constants (and in `const` ranges).
///
/// ```
/// use minerhedge::domain::range::int;
/// assert_eq!(int(3650), rust_decimal::Decimal::from(3650));
/// ```
pub const fn int(n: u64) -> Decimal {
    Decimal::from_parts(n as u32, (n >> 32) as u32, 0, false, 0)
}

/// A negative [`Decimal`] from an integer magnitude, usable in constants.
///
/// ```
/// use minerhedge::domain::range::neg;
/// assert_eq!(neg(100), rust_decimal::Decimal::from(-100));
/// ```
pub const fn neg(n: u64) -> Decimal {
    Decimal::from_parts(n as u32, (n >> 32) as u32, 0, true, 0)
}

/// A number a [`Range`] can hold: compared, shown to people, and reported in an error.
pub trait Bound: Copy + PartialOrd {
    /// Whether the value is a number at all (always true for decimals; not NaN nor ±∞ for
    /// `f64`).
    fn is_number(self) -> bool;
    /// The value as an `f64`, for [`DomainError::OutOfRange`].
    fn to_f64(self) -> f64;
    /// The value as people read it in a range ("1,000,000,000").
    fn text(self) -> String;
}

impl Bound for Decimal {
    fn is_number(self) -> bool {
        true
    }
    fn to_f64(self) -> f64 {
        dec_f64(self)
    }
    fn text(self) -> String {
        format::coin(self, 28, "")
    }
}

impl Bound for f64 {
    fn is_number(self) -> bool {
        self.is_finite()
    }
    fn to_f64(self) -> f64 {
        self
    }
    fn text(self) -> String {
        format!("{self}")
    }
}

/// An interval of allowed values with open or closed ends.
///
/// ```
/// use minerhedge::domain::range::{NumRange, Range};
/// use minerhedge::domain::Field;
/// use rust_decimal::Decimal;
/// let vol = NumRange::closed(Decimal::ZERO, Decimal::from(500));
/// assert!(vol.contains(Decimal::from(80)));
/// assert!(!vol.contains(Decimal::from(501)));
/// assert_eq!(vol.to_string(), "between 0 and 500");
/// let e = Range::closed(0.0, 1.0).check(Field::Coverage, 1.5).unwrap_err();
/// assert_eq!(e.to_string(), "coverage = 1.5 is out of range: must be between 0 and 1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range<T> {
    /// Lower end.
    pub min: T,
    /// Whether `min` itself is allowed.
    pub min_inclusive: bool,
    /// Upper end.
    pub max: T,
    /// Whether `max` itself is allowed.
    pub max_inclusive: bool,
}

/// A range with exact decimal ends: money, the link's keys.
pub type NumRange = Range<Decimal>;

impl<T: Copy> Range<T> {
    /// `[min, max]`.
    ///
    /// ```
    /// use minerhedge::domain::range::NumRange;
    /// use rust_decimal::Decimal;
    /// assert!(NumRange::closed(Decimal::ZERO, Decimal::ONE).contains(Decimal::ONE));
    /// ```
    pub const fn closed(min: T, max: T) -> Self {
        Range {
            min,
            min_inclusive: true,
            max,
            max_inclusive: true,
        }
    }

    /// `(min, max]`: greater than `min`, at most `max`.
    ///
    /// ```
    /// use minerhedge::domain::range::NumRange;
    /// use rust_decimal::Decimal;
    /// let r = NumRange::above(Decimal::ZERO, Decimal::ONE);
    /// assert!(!r.contains(Decimal::ZERO));
    /// assert_eq!(r.to_string(), "greater than 0 and at most 1");
    /// ```
    pub const fn above(min: T, max: T) -> Self {
        Range {
            min,
            min_inclusive: false,
            max,
            max_inclusive: true,
        }
    }

    /// `(min, max)`: greater than `min`, less than `max`.
    ///
    /// ```
    /// use minerhedge::domain::range::NumRange;
    /// use rust_decimal::Decimal;
    /// let r = NumRange::open(Decimal::ZERO, Decimal::ONE);
    /// assert!(!r.contains(Decimal::ZERO) && !r.contains(Decimal::ONE));
    /// assert_eq!(r.to_string(), "greater than 0 and less than 1");
    /// ```
    pub const fn open(min: T, max: T) -> Self {
        Range {
            min,
            min_inclusive: false,
            max,
            max_inclusive: false,
        }
    }

    /// `[min, max)`: at least `min`, less than `max`.
    ///
    /// ```
    /// use minerhedge::domain::range::NumRange;
    /// use rust_decimal::Decimal;
    /// let r = NumRange::below(Decimal::ZERO, Decimal::ONE);
    /// assert!(r.contains(Decimal::ZERO) && !r.contains(Decimal::ONE));
    /// assert_eq!(r.to_string(), "at least 0 and less than 1");
    /// ```
    pub const fn below(min: T, max: T) -> Self {
        Range {
            min,
            min_inclusive: true,
            max,
            max_inclusive: false,
        }
    }
}

impl<T: Bound> Range<T> {
    /// Whether `v` lies in the interval (never for NaN or ±∞).
    ///
    /// ```
    /// use minerhedge::domain::range::Range;
    /// assert!(Range::closed(-1.0, 1.0).contains(0.0));
    /// assert!(!Range::closed(-1.0, 1.0).contains(f64::NAN));
    /// ```
    pub fn contains(&self, v: T) -> bool {
        let lo_ok = if self.min_inclusive {
            v >= self.min
        } else {
            v > self.min
        };
        let hi_ok = if self.max_inclusive {
            v <= self.max
        } else {
            v < self.max
        };
        v.is_number() && lo_ok && hi_ok
    }

    /// `v` unchanged when it lies in the interval, else a [`DomainError::OutOfRange`] naming
    /// `field`, `v` and this range.
    ///
    /// ```
    /// use minerhedge::domain::range::NumRange;
    /// use minerhedge::domain::Field;
    /// use rust_decimal::Decimal;
    /// let fee = NumRange::below(Decimal::ZERO, Decimal::ONE);
    /// assert_eq!(fee.check(Field::PoolFee, Decimal::ZERO), Ok(Decimal::ZERO));
    /// let e = fee.check(Field::PoolFee, Decimal::ONE).unwrap_err();
    /// assert_eq!(e.to_string(), "pool fee = 1 is out of range: must be at least 0 and less than 1");
    /// ```
    #[inline(never)]
    pub fn check(&self, field: Field, v: T) -> Result<T> {
        if self.contains(v) {
            Ok(v)
        } else {
            Err(self.refusal(field, v))
        }
    }

    /// The error of [`Self::check`], out of line: it formats a message.
    #[cold]
    #[inline(never)]
    fn refusal(&self, field: Field, v: T) -> DomainError {
        DomainError::out_of_range(field, v.to_f64(), self.to_string())
    }
}

/// "between 0 and 500", "greater than 0 and at most 1,000,000,000", …
impl<T: Bound> fmt::Display for Range<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let min = self.min.text();
        let max = self.max.text();
        match (self.min_inclusive, self.max_inclusive) {
            (true, true) => write!(f, "between {min} and {max}"),
            (false, true) => write!(f, "greater than {min} and at most {max}"),
            (true, false) => write!(f, "at least {min} and less than {max}"),
            (false, false) => write!(f, "greater than {min} and less than {max}"),
        }
    }
}
