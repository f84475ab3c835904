//! The day count of every year fraction: Act/365 Fixed, the convention of the page's tenors,
//! rates and option expiries (QuantLib's `Actual365Fixed`). Nothing else in the crate divides
//! by the length of a year.

use rust_decimal::Decimal;

/// Act/365 Fixed: a year is 365 days, whatever the calendar.
///
/// ```
/// use minerhedge::domain::daycount::Act365;
/// assert_eq!(Act365::years(73), 0.2);
/// assert_eq!(Act365::years_exact(73), rust_decimal::Decimal::new(2, 1));
/// assert_eq!(Act365::per_day(Act365::DAYS_PER_YEAR as f64), 1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Act365;

impl Act365 {
    /// Days in a year.
    pub const DAYS_PER_YEAR: u32 = 365;

    /// Year fraction of `days` days, `f64`.
    ///
    /// ```
    /// use minerhedge::domain::daycount::Act365;
    /// assert_eq!(Act365::years(Act365::DAYS_PER_YEAR), 1.0);
    /// ```
    pub fn years(days: u32) -> f64 {
        Self::years_f64(f64::from(days))
    }

    /// Year fraction of a (possibly fractional) number of days.
    ///
    /// ```
    /// use minerhedge::domain::daycount::Act365;
    /// assert_eq!(Act365::years_f64(36.5), 0.1);
    /// ```
    pub fn years_f64(days: f64) -> f64 {
        days / f64::from(Self::DAYS_PER_YEAR)
    }

    /// Year fraction of `days` days, exact to 28 digits.
    ///
    /// ```
    /// use minerhedge::domain::daycount::Act365;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Act365::years_exact(Act365::DAYS_PER_YEAR * 2), Decimal::TWO);
    /// ```
    pub fn years_exact(days: u32) -> Decimal {
        Decimal::from(days) / Decimal::from(Self::DAYS_PER_YEAR)
    }

    /// A per-year rate (e.g. theta) per day.
    ///
    /// ```
    /// use minerhedge::domain::daycount::Act365;
    /// assert_eq!(Act365::per_day(-73.0), -0.2);
    /// ```
    pub fn per_day(per_year: f64) -> f64 {
        per_year / f64::from(Self::DAYS_PER_YEAR)
    }

    /// Whole days in `years` years.
    ///
    /// ```
    /// use minerhedge::domain::daycount::Act365;
    /// assert_eq!(Act365::days_in_years(2), 2 * Act365::DAYS_PER_YEAR);
    /// ```
    pub const fn days_in_years(years: u32) -> u32 {
        years * Self::DAYS_PER_YEAR
    }
}

/// Longest period (and option tenor) the engine takes: 10 years, in days.
pub const MAX_PERIOD_DAYS: u32 = Act365::days_in_years(10);

/// Longest hardware lifetime the engine takes: 100 years, in days.
pub const MAX_LIFETIME_DAYS: u32 = Act365::days_in_years(100);
