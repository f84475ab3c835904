//! The one error type of the engine.
//!
//! Every message names the field, the offending value and what would have been valid, so the
//! page can show it next to the input as it is.

use super::field::Field;
use std::fmt;

/// Why the engine refused an input or could not produce a value.
#[derive(Debug, Clone, PartialEq)]
pub enum DomainError {
    /// A numeric input that is not finite or lies outside its valid range.
    ///
    /// `field` is the input or derived quantity (shown by its name, e.g. `volatility`),
    /// `value` the rejected value and `range` a human description of the valid set (e.g.
    /// `"between 0 % and 100 %"`).
    OutOfRange {
        /// The field, typed; [`Field::name`] is what people read.
        field: Field,
        /// The rejected value (may be NaN or infinite).
        value: f64,
        /// Description of the valid range.
        range: String,
    },
    /// No strike in the searched range makes the collar zero-cost.
    NoZeroCostStrike {
        /// Premium per coin the call had to match: the net premium of the legs it pays for
        /// (a collar's put, a three-way collar's put spread).
        put_premium: f64,
        /// Description of the call-strike range that was searched.
        searched: String,
    },
    /// A premium outside the no-arbitrage bounds, so no implied volatility exists.
    PremiumOutOfBounds {
        /// The quoted premium.
        premium: f64,
        /// Lowest arbitrage-free premium (discounted intrinsic value).
        lower: f64,
        /// Highest arbitrage-free premium.
        upper: f64,
    },
    /// An iterative method did not reach its tolerance.
    NoConvergence {
        /// What was being solved for.
        what: &'static str,
    },
}

impl DomainError {
    /// Builds an [`DomainError::OutOfRange`].
    ///
    /// ```
    /// use minerhedge::domain::{DomainError, Field};
    /// let e = DomainError::out_of_range(Field::Volatility, -0.2, "at least 0");
    /// assert_eq!(e.to_string(), "volatility = -0.2 is out of range: must be at least 0");
    /// ```
    pub fn out_of_range(field: Field, value: f64, range: impl Into<String>) -> Self {
        DomainError::OutOfRange {
            field,
            value,
            range: range.into(),
        }
    }

    /// The field the error is about, when it is about one input or derived quantity.
    ///
    /// ```
    /// use minerhedge::domain::{DomainError, Field};
    /// let e = DomainError::out_of_range(Field::Uptime, 0.0, "greater than 0");
    /// assert_eq!(e.field(), Some(Field::Uptime));
    /// ```
    pub fn field(&self) -> Option<Field> {
        match self {
            DomainError::OutOfRange { field, .. } => Some(*field),
            // The zero-cost call could not be solved: the call strike's input.
            DomainError::NoZeroCostStrike { .. } => Some(Field::CallStrike),
            // A quote outside its arbitrage bounds: the premium's input (put or call, the
            // step that priced it knows which).
            DomainError::PremiumOutOfBounds { .. } | DomainError::NoConvergence { .. } => None,
        }
    }
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainError::OutOfRange {
                field,
                value,
                range,
            } => write!(f, "{field} = {value} is out of range: must be {range}"),
            DomainError::NoZeroCostStrike {
                put_premium,
                searched,
            } => write!(
                f,
                "no call strike {searched} has a premium equal to {put_premium}, the net premium \
                 of the legs it pays for (the put's, or the put spread's)"
            ),
            DomainError::PremiumOutOfBounds {
                premium,
                lower,
                upper,
            } => write!(
                f,
                "premium = {premium} is out of range: must be between {lower} and {upper} \
                 (no-arbitrage bounds), so no implied volatility exists"
            ),
            DomainError::NoConvergence { what } => write!(f, "{what} did not converge"),
        }
    }
}

impl std::error::Error for DomainError {}

/// Result type of the engine.
pub type Result<T> = std::result::Result<T, DomainError>;
