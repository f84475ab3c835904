//! The hedge program's inputs: the calendar, the difficulty path, the forward curve and the
//! ladder (one hedge per month, link v2 lists).
//!
//! They are typed and checked like every other key, on both pages: one `Scenario` type
//! everywhere (the period page, which never shows the program, checks a program key a link
//! sets as the program page would).

use super::{
    checked_number, checked_whole, dec_text, CallStrike, HedgeChoice, KeySpec, List, HEDGE_WORDS,
};
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
    /// `aq`: coins actually mined in each month that has passed (`None`, or a month beyond
    /// the list: not known yet; never repeated).
    pub actual_outputs: Vec<Option<Decimal>>,
    /// `apx`: the price each month that has passed settled at, USD per coin (as `aq`).
    pub actual_prices: Vec<Option<Decimal>>,
    /// `pneg`: the suggested ladder's largest chance of a month's net cash below 0, %.
    pub negative_target_pct: Decimal,
    /// `pmax`: the suggested ladder's cap on a month's coverage, %.
    pub max_coverage_pct: Decimal,
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
            actual_outputs: Vec::new(),
            actual_prices: Vec::new(),
            negative_target_pct: Decimal::from(5),
            max_coverage_pct: Decimal::ONE_HUNDRED,
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

    /// The canonical text of one program key (a key of [`Key::is_program_section`]).
    pub(super) fn get(&self, key: Key) -> String {
        let p = self;
        match key {
            Key::Start => p.start.map(date_text).unwrap_or_default(),
            Key::Months => p.months.to_string(),
            Key::MonthlyGrowth => dec_text(p.difficulty_growth_pct),
            Key::HalvingDate => p.halving.map(date_text).unwrap_or_default(),
            Key::Basis => dec_text(p.basis_pct),
            Key::MonthForwards => list_text(&p.forwards, |f| f.map(dec_text).unwrap_or_default()),
            Key::MonthHedges => list_text(&p.hedges, |h| h.as_str().to_string()),
            Key::MonthCoverage => list_text(&p.coverage_pct, |d| dec_text(*d)),
            Key::MonthPutStrikes => list_text(&p.put_strike_pct, |d| dec_text(*d)),
            Key::MonthCallStrikes => list_text(&p.call_strike_pct, |c| c.to_string()),
            Key::ActualOutputs => series_text(&p.actual_outputs),
            Key::ActualPrices => series_text(&p.actual_prices),
            Key::NegativeTarget => dec_text(p.negative_target_pct),
            Key::MaxCoverage => dec_text(p.max_coverage_pct),
            _ => String::new(),
        }
    }

    /// Sets one program key from text, as the link decoder reads it; on error unchanged.
    pub(super) fn set(&mut self, key: Key, value: &str) -> Result<(), LinkError> {
        let spec: &KeySpec = key.spec();
        let text = value.trim();
        let err = |why: &str| LinkError::new(spec, value, why);
        let range = spec.range();
        let number = |t: &str| checked_number(t, range).map(|d| d.normalize());
        let list = |item: &dyn Fn(&str) -> Result<Decimal, &'static str>| {
            List::parse(text, item).map_err(|why| err(&why))
        };
        let date = || parse_date(text).map_err(err);
        let p = self;
        match key {
            Key::Start if text.is_empty() => p.start = None,
            Key::Start => p.start = Some(date()?),
            Key::Months => {
                p.months = checked_whole(text, range)
                    .map_err(err)
                    .and_then(|v| u32::try_from(v).map_err(|_| err("out of range")))?
            }
            Key::MonthlyGrowth => p.difficulty_growth_pct = number(text).map_err(err)?,
            Key::HalvingDate if text.is_empty() => p.halving = None,
            Key::HalvingDate => p.halving = Some(date()?),
            Key::Basis => p.basis_pct = number(text).map_err(err)?,
            Key::MonthForwards if text.is_empty() => p.forwards = List::one(None),
            Key::MonthForwards => {
                p.forwards = List::parse_allowing_empty(text, |t| match t {
                    "" => Ok(None),
                    t => number(t).map(Some),
                })
                .map_err(|why| err(&why))?
            }
            Key::MonthHedges => {
                p.hedges = List::parse(text, |t| {
                    HEDGE_WORDS
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(t))
                        .then(|| HedgeChoice::parse(t))
                        .flatten()
                        .ok_or("unknown word")
                })
                .map_err(|why| err(&why))?
            }
            Key::MonthCoverage => p.coverage_pct = list(&number)?,
            Key::MonthPutStrikes => p.put_strike_pct = list(&number)?,
            Key::MonthCallStrikes => {
                p.call_strike_pct = List::parse(text, |t| {
                    if t.eq_ignore_ascii_case("zero") {
                        Ok(CallStrike::Zero)
                    } else {
                        number(t).map(CallStrike::Strike)
                    }
                })
                .map_err(|why| err(&why))?
            }
            Key::ActualOutputs => p.actual_outputs = series(text, &number).map_err(|w| err(&w))?,
            Key::ActualPrices => p.actual_prices = series(text, &number).map_err(|w| err(&w))?,
            Key::NegativeTarget => p.negative_target_pct = number(text).map_err(err)?,
            Key::MaxCoverage => p.max_coverage_pct = number(text).map_err(err)?,
            _ => return Err(err("not a key of the program")),
        }
        Ok(())
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
                key: Key::HalvingDate.as_str(),
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

/// A series (`aq`, `apx`): items as written, empty ones `None`; an empty text is no item.
fn series(
    text: &str,
    item: &dyn Fn(&str) -> Result<Decimal, &'static str>,
) -> Result<Vec<Option<Decimal>>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let list = List::parse_allowing_empty(text, |t| match t {
        "" => Ok(None),
        t => item(t).map(Some),
    })?;
    let mut items = list.items().to_vec();
    while items.last() == Some(&None) {
        items.pop();
    }
    Ok(items)
}

/// The canonical text of a series: `,` between items, an empty item for `None`, trailing
/// empty items dropped.
fn series_text(items: &[Option<Decimal>]) -> String {
    items
        .iter()
        .map(|d| d.map(dec_text).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(",")
}

/// The canonical text of a list: items as `item` writes them, joined by `,`, trailing
/// repeats dropped.
fn list_text<T>(list: &List<T>, item: impl Fn(&T) -> String) -> String {
    List::new(list.items().iter().map(item).collect())
        .map(|l: List<String>| l.to_string())
        .unwrap_or_default()
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
