//! Calendar months of a hedge program and their Actual/365 settlement tenors.
//!
//! Month `m` (`m = 0, 1, …`) runs from `start + m` calendar months to `start + (m + 1)`
//! calendar months (the same day of the month, clamped to the month's last day; every date is
//! computed from `start`, never chained, so a start on the 31st returns to the 31st). A month
//! settles when the next one begins: `T_m = (days from start to the start of month m + 1) /
//! 365` ([`Act365`]).

use crate::domain::Field;
use crate::domain::daycount::Act365;
use crate::domain::error::{DomainError, Result};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

/// Longest program, in months.
pub const MAX_MONTHS: u32 = 36;

/// Inputs of [`Calendar::new`].
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::domain::program::CalendarParams;
/// let p = CalendarParams { start: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), months: 12, halving: None };
/// assert_eq!(p.months, 12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CalendarParams {
    /// First day of the program.
    pub start: NaiveDate,
    /// Number of months, `1 ..= 36`.
    pub months: u32,
    /// Date the block subsidy halves, on or after `start` (`None`: no halving).
    pub halving: Option<NaiveDate>,
}

/// One calendar month of the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CalendarMonth {
    /// Index `m`, 0 for the first month.
    pub index: u32,
    /// First day of the month.
    pub start: NaiveDate,
    /// First day of the next month (exclusive end; the settlement date).
    pub end: NaiveDate,
    /// Length of the month in days, `end − start`.
    pub days: u32,
    /// Days from the program's start to this month's settlement (`end`).
    pub settle_days: u32,
}

impl CalendarMonth {
    /// `T_m` in years, Actual/365 from the program's start.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use minerhedge::domain::program::{Calendar, CalendarParams};
    /// let c = Calendar::new(CalendarParams { start: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), months: 2, halving: None })?;
    /// assert_eq!(c.months()[0].years(), 31.0 / 365.0);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn years(&self) -> f64 {
        Act365::years(self.settle_days)
    }

    /// `T_m` in years, exact to 28 digits.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use minerhedge::domain::program::{Calendar, CalendarParams};
    /// use rust_decimal::Decimal;
    /// let c = Calendar::new(CalendarParams { start: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), months: 1, halving: None })?;
    /// assert_eq!(c.months()[0].years_exact(), Decimal::from(31) / Decimal::from(365));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn years_exact(&self) -> Decimal {
        Act365::years_exact(self.settle_days)
    }

    /// Days of this month before `date` (clamped to `0 ..= days`): the days that pay the full
    /// subsidy when the subsidy halves on `date`.
    pub(crate) fn days_before(&self, date: NaiveDate) -> u32 {
        let d = date.signed_duration_since(self.start).num_days();
        d.clamp(0, i64::from(self.days)) as u32
    }
}

/// The validated months of a program.
///
/// ```
/// use chrono::NaiveDate;
/// use minerhedge::domain::program::{Calendar, CalendarParams};
/// let c = Calendar::new(CalendarParams { start: NaiveDate::from_ymd_opt(2028, 1, 31).unwrap(), months: 3, halving: None })?;
/// let ends: Vec<String> = c.months().iter().map(|m| m.end.to_string()).collect();
/// assert_eq!(ends, ["2028-02-29", "2028-03-31", "2028-04-30"]);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Calendar {
    params: CalendarParams,
    months: Vec<CalendarMonth>,
}

impl Calendar {
    /// Validates `"months"` (1 ..= 36) and `"halving date"` (on or after the start; its value
    /// in the error is its offset in days from the start) and lays out the months. A date
    /// beyond the calendar's range is an error on `"start date"`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use minerhedge::domain::program::{Calendar, CalendarParams};
    /// let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    /// let bad = Calendar::new(CalendarParams { start, months: 37, halving: None });
    /// use minerhedge::domain::Field;
    /// assert_eq!(bad.unwrap_err().field(), Some(Field::Months));
    /// ```
    pub fn new(params: CalendarParams) -> Result<Self> {
        if !(1..=MAX_MONTHS).contains(&params.months) {
            return Err(DomainError::out_of_range(
                Field::Months,
                f64::from(params.months),
                format!("between 1 and {MAX_MONTHS}"),
            ));
        }
        if let Some(h) = params.halving {
            let offset = h.signed_duration_since(params.start).num_days();
            if offset < 0 {
                return Err(DomainError::out_of_range(
                    Field::HalvingDate,
                    offset as f64,
                    format!(
                        "on or after the start {} (days from the start)",
                        params.start
                    ),
                ));
            }
        }
        let bound = |m: u32| {
            params
                .start
                .checked_add_months(Months::new(m))
                .ok_or_else(|| {
                    DomainError::out_of_range(
                        Field::StartDate,
                        f64::from(m),
                        "a date whose program ends within the calendar (year 262,143)",
                    )
                })
        };
        let mut months = Vec::with_capacity(params.months as usize);
        let mut begin = bound(0)?;
        for m in 0..params.months {
            let end = bound(m + 1)?;
            months.push(CalendarMonth {
                index: m,
                start: begin,
                end,
                days: day_count(begin, end),
                settle_days: day_count(params.start, end),
            });
            begin = end;
        }
        Ok(Self { params, months })
    }

    /// The validated inputs.
    pub fn params(&self) -> &CalendarParams {
        &self.params
    }

    /// Every month, in order.
    pub fn months(&self) -> &[CalendarMonth] {
        &self.months
    }
}

/// Days from `a` to `b` (`b ≥ a`; at most 36 months apart, so it fits a `u32`).
fn day_count(a: NaiveDate, b: NaiveDate) -> u32 {
    b.signed_duration_since(a).num_days().max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn settlement_is_cumulative_days() {
        let c = Calendar::new(CalendarParams {
            start: date(2027, 1, 1),
            months: 36,
            halving: None,
        })
        .unwrap();
        let mut total = 0;
        for m in c.months() {
            total += m.days;
            assert_eq!(m.settle_days, total);
        }
        assert_eq!(total, day_count(date(2027, 1, 1), date(2030, 1, 1)));
    }

    #[test]
    fn halving_before_start_is_named() {
        let e = Calendar::new(CalendarParams {
            start: date(2027, 1, 1),
            months: 3,
            halving: Some(date(2026, 12, 31)),
        })
        .unwrap_err();
        assert_eq!(e.field(), Some(Field::HalvingDate));
    }

    #[test]
    fn far_dates_are_an_error_not_a_panic() {
        let e = Calendar::new(CalendarParams {
            start: NaiveDate::MAX,
            months: 1,
            halving: None,
        })
        .unwrap_err();
        assert_eq!(e.field(), Some(Field::StartDate));
    }
}
