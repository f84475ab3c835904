//! Reading a price history: a file of hourly power prices becomes the price curve the power
//! contracts read (the link's `pcurve`), [`CURVE_POINTS`] bucket means of the sorted prices
//! (a price-duration curve, USD per MWh, negative prices allowed). The text is read in the
//! page; nothing leaves it.
//!
//! The file is CSV with a header:
//! - the first non-blank line names the columns; a blank name reads as `column N` (1-based);
//! - the delimiter is the one of tab, `;` and `,` the header holds most often (outside quotes;
//!   a header with none is one column);
//! - a field may be quoted (`"1,234.5"`, `""` for a quote inside); a quoted field does not
//!   run over a line's end;
//! - blank lines, and lines whose fields are all blank, are skipped;
//! - the prices come from the chosen column, or else from the last column whose field in the
//!   first data row is a number;
//! - a price is a decimal number (`-12.5`, `.5`, `1e3`), with an optional sign and `$` in
//!   front (`-$12.5`, `$-12.5`) and its whole part optionally grouped in thousands by commas
//!   or spaces (`1,234.56`, `1 234.56`: groups of three digits after the first; a comma
//!   inside a comma-delimited file needs quotes). A decimal comma (`12,5`) is not a number
//!   here rather than silently a hundred times the price;
//! - a price is read as a decimal (as the link reads its numbers), to the nearest `f64` up to
//!   16 significant digits and within an ulp beyond;
//! - each price is within ±1,000,000 USD/MWh ([`PRICE_RANGE`], as [`HourPrices::check`]);
//! - at most [`MAX_HOURS`] rows.
//!
//! Each refusal is an [`ImportError`] naming the line (1-based, as an editor counts), the
//! text found and what would be valid.

use super::HourPrices;
use crate::domain::range::Range;
use crate::format::group_thousands;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::fmt;

/// The most rows of prices a file may hold: a year of hours and more. The page reads a file
/// on its own thread; at about 1 µs a row (`cargo run --release`, natively: 100,000 rows in
/// 98 ms), this keeps the read well inside the 50 ms a task may take.
///
/// ```
/// use minerhedge::domain::power::import::MAX_HOURS;
/// assert!(MAX_HOURS > 8784);
/// ```
pub const MAX_HOURS: usize = 10_000;

/// The points of the curve a history becomes (fewer when it holds fewer hours).
///
/// ```
/// use minerhedge::domain::power::{MAX_CURVE_POINTS, import::CURVE_POINTS};
/// assert!(CURVE_POINTS <= MAX_CURVE_POINTS);
/// ```
pub const CURVE_POINTS: usize = 24;

/// The prices a history may hold, USD per MWh: the range [`HourPrices::check`] accepts.
///
/// ```
/// use minerhedge::domain::power::{HourPrices, import::PRICE_RANGE};
/// assert!(HourPrices::Curve(vec![PRICE_RANGE.min, PRICE_RANGE.max]).check().is_ok());
/// assert_eq!(PRICE_RANGE.to_string(), "between -1000000 and 1000000");
/// ```
pub const PRICE_RANGE: Range<f64> = Range::closed(-1e6, 1e6);

/// The separators that may group a price's whole part in thousands.
const GROUP_SEPARATORS: [char; 4] = [',', ' ', '\u{a0}', '\u{202f}'];

/// Why a file could not be read as a price history.
///
/// ```
/// use minerhedge::domain::power::import::{read_prices, ImportError};
/// let e = read_prices("time,price\n0,40\n", Some("lmp")).unwrap_err();
/// assert!(matches!(e, ImportError::UnknownColumn { .. }));
/// assert_eq!(e.to_string(), "no column \"lmp\" in the header: the columns are \"time\", \"price\"");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file holds no non-blank line.
    Empty,
    /// The file holds a header but no row of prices.
    NoRows,
    /// The column to read is a number (the file has no header line).
    HeaderIsNumber {
        /// The header's line.
        line: usize,
        /// The header's text in that column.
        text: String,
    },
    /// No column of the header has the name asked for.
    UnknownColumn {
        /// The name asked for.
        name: String,
        /// The header's column names.
        columns: Vec<String>,
    },
    /// No field of the first data row is a number, so no column could be chosen.
    NoNumericColumn {
        /// The first data row's line.
        line: usize,
    },
    /// A row ends before the chosen column.
    MissingField {
        /// The row's line.
        line: usize,
        /// The chosen column.
        column: String,
        /// The chosen column's position, 1-based.
        position: usize,
        /// How many fields the row holds.
        fields: usize,
    },
    /// A row's field in the chosen column is not a number.
    NotANumber {
        /// The row's line.
        line: usize,
        /// The chosen column.
        column: String,
        /// The field's text (trimmed).
        text: String,
    },
    /// A price that is not finite or lies outside [`PRICE_RANGE`].
    OutOfRange {
        /// The row's line.
        line: usize,
        /// The chosen column.
        column: String,
        /// The field's text (trimmed).
        text: String,
    },
    /// The file holds more than [`MAX_HOURS`] rows of prices.
    TooManyRows {
        /// The line of the first row past the limit.
        line: usize,
        /// The limit, [`MAX_HOURS`].
        limit: usize,
    },
}

impl ImportError {
    /// The line the error is about, when it is about one (1-based).
    ///
    /// ```
    /// use minerhedge::domain::power::import::read_prices;
    /// let e = read_prices("time,price\n0,40\n1,n/a\n", None).unwrap_err();
    /// assert_eq!(e.line(), Some(3));
    /// ```
    pub fn line(&self) -> Option<usize> {
        match self {
            ImportError::Empty | ImportError::NoRows | ImportError::UnknownColumn { .. } => None,
            ImportError::HeaderIsNumber { line, .. }
            | ImportError::NoNumericColumn { line }
            | ImportError::MissingField { line, .. }
            | ImportError::NotANumber { line, .. }
            | ImportError::OutOfRange { line, .. }
            | ImportError::TooManyRows { line, .. } => Some(*line),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(
                f,
                "the file is empty: expected a header line, then one hourly price a line"
            ),
            ImportError::NoRows => write!(
                f,
                "the file has a header but no prices: expected one hourly price a line after it"
            ),
            ImportError::HeaderIsNumber { line, text } => write!(
                f,
                "line {line}: the header holds the number \"{text}\" where a column name belongs: \
                 the first line must name the columns (e.g. time,price)"
            ),
            ImportError::UnknownColumn { name, columns } => {
                write!(f, "no column \"{name}\" in the header: the columns are ")?;
                for (i, c) in columns.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    write!(f, "{sep}\"{c}\"")?;
                }
                Ok(())
            }
            ImportError::NoNumericColumn { line } => write!(
                f,
                "line {line}: no field is a number, so no price column could be chosen: pick \
                 the column of prices"
            ),
            ImportError::MissingField {
                line,
                column,
                position,
                fields,
            } => write!(
                f,
                "line {line}: the row has {fields} fields, so no column \"{column}\" (field \
                 {position})"
            ),
            ImportError::NotANumber { line, column, text } if text.is_empty() => write!(
                f,
                "line {line}: column \"{column}\" is empty: expected a price in USD/MWh"
            ),
            ImportError::NotANumber { line, column, text } => write!(
                f,
                "line {line}: \"{text}\" in column \"{column}\" is not a number"
            ),
            ImportError::OutOfRange { line, column, text } => write!(
                f,
                "line {line}: \"{text}\" in column \"{column}\" is out of range: must be \
                 {PRICE_RANGE} USD/MWh"
            ),
            ImportError::TooManyRows { line, limit } => write!(
                f,
                "line {line}: more than {} rows of prices: a file may hold at most that many \
                 hours (a year and more); import a shorter period",
                group_thousands(&limit.to_string()),
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// A file's hourly prices, summed up: what the page shows and the curve it keeps.
///
/// ```
/// use minerhedge::domain::power::import::read_prices;
/// let text: String = (1..=48).map(|h| format!("{h},{h}\n")).collect();
/// let h = read_prices(&format!("hour,price\n{text}"), Some("price")).unwrap();
/// assert_eq!((h.hours, h.min, h.max, h.mean), (48, 1.0, 48.0, 24.5));
/// assert_eq!(h.curve.len(), 24);
/// assert_eq!((h.curve[0], h.curve[23]), (1.5, 47.5));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PriceHistory {
    /// The column the prices came from.
    pub column: String,
    /// How many hours (rows of prices) the file holds.
    pub hours: usize,
    /// The lowest price, USD per MWh.
    pub min: f64,
    /// The highest price, USD per MWh.
    pub max: f64,
    /// The mean price, USD per MWh.
    pub mean: f64,
    /// The price-duration curve, ascending: the sorted prices cut into
    /// `k = min(24, hours)` buckets, bucket `i` holding the sorted indices
    /// `[i·hours/k, (i+1)·hours/k)` (integer division, so the sizes differ by at most one),
    /// each bucket's mean. Its mean is the history's mean when `hours` is a multiple of 24
    /// or below 24 (one bucket an hour), and close to it otherwise.
    pub curve: Vec<f64>,
}

impl PriceHistory {
    /// The curve as the power contracts read it (equally weighted prices).
    ///
    /// ```
    /// use minerhedge::domain::power::import::read_prices;
    /// let h = read_prices("time,price\n0,40\n1,-5\n", None).unwrap();
    /// let prices = h.hour_prices();
    /// assert!(prices.check().is_ok());
    /// assert_eq!(prices.mean(), 17.5);
    /// ```
    pub fn hour_prices(&self) -> HourPrices {
        HourPrices::Curve(self.curve.clone())
    }

    /// The history of a file's prices (at least one). The buckets are cut by successive
    /// selections (`select_nth_unstable_by`, the quickselect the simulations already use),
    /// which put each bucket's prices in place without sorting within it: the page carries
    /// no sort for this.
    fn of(column: String, mut prices: Vec<f64>) -> Self {
        let hours = prices.len();
        let k = hours.min(CURVE_POINTS);
        let mut curve = Vec::with_capacity(k);
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        let mut rest: &mut [f64] = &mut prices;
        for i in 0..k {
            let size = (i + 1) * hours / k - i * hours / k;
            let bucket: &mut [f64] = if size < rest.len() {
                // Every price below the bucket's last, at its place.
                rest.select_nth_unstable_by(size, f64::total_cmp);
                let (bucket, after) = std::mem::take(&mut rest).split_at_mut(size);
                rest = after;
                bucket
            } else {
                std::mem::take(&mut rest)
            };
            let (lo, hi) = bucket
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| {
                    (l.min(*p), h.max(*p))
                });
            min = min.min(lo);
            max = max.max(hi);
            curve.push(mean_within(bucket, lo, hi));
        }
        PriceHistory {
            column,
            hours,
            min,
            max,
            mean: mean_within(&prices, min, max),
            curve,
        }
    }
}

/// The mean of prices (at least one) whose lowest is `lo` and highest `hi`, held within
/// them: a rounded sum may stray past them by an ulp (three prices of 0.1 sum to
/// 0.30000000000000004), and the curve must stay ascending and within the history's range.
fn mean_within(prices: &[f64], lo: f64, hi: f64) -> f64 {
    if prices.is_empty() {
        return 0.0;
    }
    (prices.iter().sum::<f64>() / prices.len() as f64).clamp(lo, hi)
}

/// The header's column names, in order (blank names read as `column N`, 1-based), for the
/// page to offer a choice.
///
/// ```
/// use minerhedge::domain::power::import::columns;
/// assert_eq!(columns("\nhour;lmp;zone\n1;40;N\n").unwrap(), ["hour", "lmp", "zone"]);
/// assert_eq!(columns(",\"price, USD/MWh\"\n").unwrap(), ["column 1", "price, USD/MWh"]);
/// assert!(columns(" \n").is_err());
/// ```
pub fn columns(text: &str) -> Result<Vec<String>, ImportError> {
    Ok(Table::open(text)?.names)
}

/// Reads a file's hourly prices from `column` (a header name), or, with `None`, from the last
/// column whose field in the first data row is a number; the module's documentation gives
/// the format.
///
/// ```
/// use minerhedge::domain::power::import::read_prices;
/// let text = "time,price,zone\n2024-01-01 00:00,\"1,050.5\",N\n\n2024-01-01 01:00,-20,N\n";
/// let h = read_prices(text, None).unwrap();
/// assert_eq!((h.column.as_str(), h.hours, h.min, h.max), ("price", 2, -20.0, 1050.5));
/// assert_eq!(h.curve, [-20.0, 1050.5]);
/// let e = read_prices("time;price\n0;40\n1;n/a\n", Some("price")).unwrap_err();
/// assert_eq!(e.to_string(), "line 3: \"n/a\" in column \"price\" is not a number");
/// ```
pub fn read_prices(text: &str, column: Option<&str>) -> Result<PriceHistory, ImportError> {
    let table = Table::open(text)?;
    let asked = column.map(|name| table.index_of(name)).transpose()?;
    let mut rows = table.rows();
    let (first_line, first) = rows.next().ok_or(ImportError::NoRows)?;
    let index = match asked {
        Some(index) => index,
        None => last_numeric(&first, table.names.len())
            .ok_or(ImportError::NoNumericColumn { line: first_line })?,
    };
    let name = table.names.get(index).cloned().unwrap_or_default();
    if parse_price(&name).is_some() {
        return Err(ImportError::HeaderIsNumber {
            line: table.header_line,
            text: name,
        });
    }
    let mut prices = Vec::new();
    for (line, fields) in std::iter::once((first_line, first)).chain(rows) {
        if prices.len() == MAX_HOURS {
            return Err(ImportError::TooManyRows {
                line,
                limit: MAX_HOURS,
            });
        }
        prices.push(price_at(line, &fields, index, &name)?);
    }
    Ok(PriceHistory::of(name, prices))
}

/// The index of the last of the first `width` fields that is a number.
fn last_numeric(fields: &[String], width: usize) -> Option<usize> {
    fields
        .iter()
        .take(width)
        .rposition(|f| parse_price(f).is_some())
}

/// The price in a row's field `index`, checked.
fn price_at(
    line: usize,
    fields: &[String],
    index: usize,
    column: &str,
) -> Result<f64, ImportError> {
    let Some(text) = fields.get(index) else {
        return Err(ImportError::MissingField {
            line,
            column: column.to_string(),
            position: index + 1,
            fields: fields.len(),
        });
    };
    let refusal = |number: bool| {
        let (column, text) = (column.to_string(), text.clone());
        if number {
            ImportError::OutOfRange { line, column, text }
        } else {
            ImportError::NotANumber { line, column, text }
        }
    };
    let price = parse_price(text).ok_or_else(|| refusal(false))?;
    if PRICE_RANGE.contains(price) {
        Ok(price)
    } else {
        Err(refusal(true))
    }
}

/// A file's header and the lines after it.
struct Table<'a> {
    /// The header's line (1-based).
    header_line: usize,
    /// The delimiter; `None` when the header holds none (one column).
    delimiter: Option<char>,
    /// The column names (trimmed, unquoted; blank ones as `column N`).
    names: Vec<String>,
    /// The lines after the header, each with its number (1-based).
    rest: std::iter::Skip<std::iter::Enumerate<std::str::Lines<'a>>>,
}

impl<'a> Table<'a> {
    /// The header of `text`: its first non-blank line (a leading byte-order mark skipped).
    fn open(text: &'a str) -> Result<Self, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (index, header) = text
            .lines()
            .enumerate()
            .find(|(_, line)| !line.trim().is_empty())
            .ok_or(ImportError::Empty)?;
        let delimiter = delimiter_of(header);
        let names = split(header, delimiter)
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                if name.is_empty() {
                    format!("column {}", i + 1)
                } else {
                    name
                }
            })
            .collect();
        Ok(Table {
            header_line: index + 1,
            delimiter,
            names,
            rest: text.lines().enumerate().skip(index + 1),
        })
    }

    /// The index of the column named `name` (exactly after trimming, else ignoring case).
    fn index_of(&self, name: &str) -> Result<usize, ImportError> {
        let name = name.trim();
        self.names
            .iter()
            .position(|c| c == name)
            .or_else(|| self.names.iter().position(|c| c.eq_ignore_ascii_case(name)))
            .ok_or_else(|| ImportError::UnknownColumn {
                name: name.to_string(),
                columns: self.names.clone(),
            })
    }

    /// The data rows: each non-blank line after the header, split, with its number.
    fn rows(&self) -> impl Iterator<Item = (usize, Vec<String>)> + use<'a> {
        let delimiter = self.delimiter;
        self.rest
            .clone()
            .map(move |(i, line)| (i + 1, split(line, delimiter)))
            .filter(|(_, fields)| fields.iter().any(|f| !f.is_empty()))
    }
}

/// The one of tab, `;` and `,` that `header` holds most often outside quotes (on a tie the
/// first of these), or `None` when it holds none.
fn delimiter_of(header: &str) -> Option<char> {
    let mut best: Option<(char, usize)> = None;
    for d in ['\t', ';', ','] {
        let n = split(header, Some(d)).len() - 1;
        if n > 0 && best.is_none_or(|(_, most)| n > most) {
            best = Some((d, n));
        }
    }
    best.map(|(d, _)| d)
}

/// The fields of a line, trimmed and unquoted (`""` inside quotes is a quote); with no
/// delimiter, the line is one field.
fn split(line: &str, delimiter: Option<char>) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted && c == '"' {
            if chars.next_if_eq(&'"').is_some() {
                field.push('"');
            } else {
                quoted = false;
            }
        } else if !quoted && c == '"' {
            quoted = true;
        } else if !quoted && Some(c) == delimiter {
            fields.push(field.trim().to_string());
            field.clear();
        } else {
            field.push(c);
        }
    }
    fields.push(field.trim().to_string());
    fields
}

/// A price as people write it (the module's documentation gives the forms), or `None`.
///
/// Not a range check: `1e400` reads as infinity.
fn parse_price(text: &str) -> Option<f64> {
    let (mut negative, s) = strip_sign(text.trim());
    let s = s.strip_prefix('$').unwrap_or(s).trim_start();
    let s = if negative.is_none() {
        let (sign, rest) = strip_sign(s);
        negative = sign;
        rest
    } else {
        s
    };
    let body = ungroup(s)?;
    // The link's parser: exact decimals, an exponent allowed. Beyond what a decimal holds: a
    // tiny number is 0, a huge one out of every price's range, and a fraction of more than
    // 28 digits is cut to 28 (far below any price's precision).
    let v = match crate::domain::number::parse_decimal(&body) {
        Ok(d) => nearest_f64(d),
        Err("not a number" | "empty value" | "too long") => return None,
        Err(_) if body.bytes().any(|b| b == b'-') => 0.0,
        Err(_) => match body.split_once('.') {
            Some((whole, fraction)) if whole.trim_start_matches('0').len() < 28 => {
                let keep = 28 - whole.trim_start_matches('0').len();
                let cut = format!("{whole}.{}", &fraction[..keep.min(fraction.len())]);
                crate::domain::number::parse_decimal(&cut).map_or(f64::INFINITY, nearest_f64)
            }
            _ => f64::INFINITY,
        },
    };
    Some(if negative == Some(true) { -v } else { v })
}

/// The `f64` nearest to a decimal: exact division of two exact values when the digits fit
/// (`m < 2⁵³`, `10^scale ≤ 10²²`: every price written to a cent or to 15 digits), else the
/// decimal's own conversion.
fn nearest_f64(d: Decimal) -> f64 {
    let (m, scale) = (d.mantissa(), d.scale());
    if m.unsigned_abs() < 1 << 53 && scale <= 22 {
        m as f64 / 10f64.powi(scale as i32)
    } else {
        d.to_f64().unwrap_or(f64::INFINITY)
    }
}

/// A leading sign (`-`, `−` or `+`): whether it was a minus, and the rest (trimmed).
fn strip_sign(s: &str) -> (Option<bool>, &str) {
    let mut chars = s.chars();
    match chars.next() {
        Some('-' | '\u{2212}') => (Some(true), chars.as_str().trim_start()),
        Some('+') => (Some(false), chars.as_str().trim_start()),
        _ => (None, s),
    }
}

/// The number with its thousands separators taken out of the whole part, or `None` when
/// they do not group it in threes (one kind of separator; the first group one to three
/// digits, each other three).
fn ungroup(s: &str) -> Option<String> {
    let end = s.find(['.', 'e', 'E']).unwrap_or(s.len());
    let (whole, rest) = s.split_at(end);
    let Some(sep) = whole.chars().find(|c| GROUP_SEPARATORS.contains(c)) else {
        return Some(s.to_string());
    };
    let mut groups = whole.split(sep);
    let first = groups.next()?;
    let digits = |g: &str| g.chars().all(|c| c.is_ascii_digit());
    if !(1..=3).contains(&first.len()) || !digits(first) {
        return None;
    }
    let mut out = first.to_string();
    for g in groups {
        if g.len() != 3 || !digits(g) {
            return None;
        }
        out.push_str(g);
    }
    out.push_str(rest);
    Some(out)
}
