//! The hedge program's inputs: the calendar, the difficulty path, the forward curve and the
//! ladder (one hedge per month, link v2 lists).
//!
//! One `Scenario` type everywhere. The program page reads and checks its keys like every
//! other key; the period page, which never shows the program and is built without it, carries
//! each program key's text as the link wrote it ([`super::Place::Carried`]), so a link keeps
//! it on its way back to the program page.

use super::{CallStrike, HedgeChoice, List};
use super::{Key, LinkError};
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

/// Which of the page's two views a link opens (`view`).
///
/// ```
/// use minerhedge::link::Page;
/// assert_eq!(Page::parse("Program"), Some(Page::Program));
/// assert_eq!(Page::Period.as_str(), "period");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Page {
    /// One period: the payoff chart, the table and the decision panels.
    #[default]
    Period,
    /// The hedge program: a hedge per month over up to 36 months.
    Program,
}

impl Page {
    /// The word used in the link.
    pub fn as_str(self) -> &'static str {
        match self {
            Page::Period => "period",
            Page::Program => "program",
        }
    }

    /// The view of a link word (ignoring ASCII case).
    pub fn parse(word: &str) -> Option<Page> {
        [Page::Period, Page::Program]
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(word.trim()))
    }
}

/// The program: months, difficulty growth, halving, forward curve and ladder. Each per-month
/// value is a [`List`]: a list shorter than the horizon repeats its last value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ProgramInputs {
    /// `start`: first day of the first month; `None`: the first day of next month.
    pub start: Option<NaiveDate>,
    /// `months`: number of months, 1–36.
    pub months: u32,
    /// `dgm`: difficulty growth per month, %.
    pub difficulty_growth_pct: Decimal,
    /// `halvdate`: the date the subsidy halves; `None`: no halving.
    pub halving: Option<NaiveDate>,
    /// `basis`: forward basis, % per year, continuously compounded.
    pub basis_pct: Decimal,
    /// `pfwd`: forward price of each month, USD per coin; `None`: the curve.
    pub forwards: List<Option<Decimal>>,
    /// `ph`: hedge of each month.
    pub hedges: List<HedgeChoice>,
    /// `pcov`: coverage of each month, % of its expected output.
    pub coverage_pct: List<Decimal>,
    /// `pkp`: put strike of each month, % of its forward.
    pub put_strike_pct: List<Decimal>,
    /// `pkp2`: lower put strike of each month, % of its forward.
    pub put2_strike_pct: List<Decimal>,
    /// `pkc`: call strike of each month, % of its forward, or zero-cost.
    pub call_strike_pct: List<CallStrike>,
    /// `aq`: coins actually mined in each month that has passed (`None`, or a month beyond
    /// the list: not known yet; never repeated).
    pub actual_outputs: Vec<Option<Decimal>>,
    /// `apx`: the price each month that has passed settled at, USD per coin (as `aq`).
    pub actual_prices: Vec<Option<Decimal>>,
    /// `pneg`: the suggested ladder's largest chance of a month's net cash below 0, %.
    pub negative_target_pct: Decimal,
    /// `pmax`: the suggested ladder's cap on a month's coverage, %.
    pub max_coverage_pct: Decimal,
    /// The treasury: coins held, sold, lent, pledged and written as calls.
    pub treasury: super::TreasuryInputs,
    /// On a page built without the program (the period page): each program key's text as
    /// the link wrote it, in the key table's order ([`super::Place::Carried`]). Empty where
    /// the program is built (its keys are read into the fields above).
    pub carried: Vec<(Key, String)>,
}

impl ProgramInputs {
    /// The start: as set, or the first day of the month after `today`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use minerhedge::link::ProgramInputs;
    /// let today = NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("date")?;
    /// let next = NaiveDate::from_ymd_opt(2027, 1, 1).ok_or("date")?;
    /// assert_eq!(ProgramInputs::default().start_or(today), next);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn start_or(&self, today: NaiveDate) -> NaiveDate {
        self.start.unwrap_or_else(|| first_of_next_month(today))
    }

    /// The months' actuals, `(output, price)` where both are known, one per month of the
    /// longer list.
    pub fn actuals(&self) -> Vec<Option<(Decimal, Decimal)>> {
        let n = self.actual_outputs.len().max(self.actual_prices.len());
        let at = |v: &[Option<Decimal>], i: usize| v.get(i).copied().flatten();
        (0..n)
            .map(|i| at(&self.actual_outputs, i).zip(at(&self.actual_prices, i)))
            .collect()
    }

    /// The program's cross-key rule: the halving on or after the start.
    pub(super) fn cross_errors(&self) -> Vec<LinkError> {
        match (self.halving, self.start) {
            (Some(h), Some(start)) if h < start => vec![LinkError {
                key: Key::HalvingDate,
                value: date_text(h),
                reason: format!("must be on or after start = {}", date_text(start)),
            }],
            _ => Vec::new(),
        }
    }

    /// Puts back `base`'s halving date.
    pub(super) fn reset_halving(&mut self, base: &ProgramInputs) {
        self.halving = base.halving;
    }
}

/// The first day of the month after `d` (`d` itself at the end of the calendar).
pub fn first_of_next_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .unwrap_or(d)
}

/// Earliest date a link accepts.
pub(super) const MIN_DATE: (i32, u32, u32) = (2000, 1, 1);
/// Latest date a link accepts.
pub(super) const MAX_DATE: (i32, u32, u32) = (2199, 12, 31);

/// Reads `YYYY-MM-DD` (a real calendar date from 2000-01-01 to 2199-12-31).
///
/// ```
/// use minerhedge::link::parse_date;
/// assert!(parse_date("2028-02-29").is_ok());
/// assert_eq!(parse_date("2027-02-29"), Err("not a calendar date"));
/// assert_eq!(parse_date("1999-12-31"), Err("out of range"));
/// assert_eq!(parse_date("2027-1-5"), Err("not a date YYYY-MM-DD"));
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, &'static str> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err("not a date YYYY-MM-DD");
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
    let d = NaiveDate::from_ymd_opt(num(0..4) as i32, num(5..7), num(8..10))
        .ok_or("not a calendar date")?;
    let bound = |(y, m, day): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, day);
    match (bound(MIN_DATE), bound(MAX_DATE)) {
        (Some(lo), Some(hi)) if d >= lo && d <= hi => Ok(d),
        _ => Err("out of range"),
    }
}

/// The canonical text of a date: `YYYY-MM-DD`.
pub fn date_text(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}
