//! The hedge program's inputs: the calendar, the difficulty path, the forward curve and the
//! ladder (one hedge per month, link v2 lists).

use super::{CallStrike, HedgeChoice, List};
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    /// `pkc`: call strike of each month, % of its forward, or zero-cost.
    pub call_strike_pct: List<CallStrike>,
}

impl Default for ProgramInputs {
    /// Twelve months of a layered forward ladder (80 % of the first quarter's output, 60 %
    /// of the second's, 40 % after), difficulty +2 % a month, forward basis 5 %.
    fn default() -> Self {
        let pct = |v: &[i64]| {
            List::new(v.iter().map(|x| Decimal::from(*x)).collect())
                .unwrap_or_else(|| List::one(Decimal::ZERO))
        };
        ProgramInputs {
            start: None,
            months: 12,
            difficulty_growth_pct: Decimal::from(2),
            halving: None,
            basis_pct: Decimal::from(5),
            forwards: List::one(None),
            hedges: List::one(HedgeChoice::Forward),
            coverage_pct: pct(&[80, 80, 80, 60, 60, 60, 40]),
            put_strike_pct: pct(&[90]),
            call_strike_pct: List::one(CallStrike::Zero),
        }
    }
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

/// Reads `YYYY-MM-DD` (a real calendar date between [`MIN_DATE`] and [`MAX_DATE`]).
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
