//! How one key's value is read from a link and written back, by the type of the field that
//! holds it: the key table ([`super::KEYS`]) names each key's field ([`Place`]) and its
//! [`Kind`] (range, words), and these impls do the rest. So a key's read, its write and its
//! default come from its one row: there is no per-key `match` to keep in step with the table.
//!
//! ```
//! use minerhedge::link::{Key, Scenario};
//! let mut s = Scenario::default();
//! s.set_key(Key::Difficulty, "120T")?;
//! assert_eq!(s.get_key(Key::Difficulty), "120000000000000");
//! assert!(s.set_key(Key::Coverage, "150").is_err());
//! # Ok::<(), minerhedge::link::LinkError>(())
//! ```

use super::list::List;
use super::number::{parse_decimal, parse_decimal_with_suffix};
use super::program::{Page, date_text, parse_date};
use super::spec::{Kind, NumRange};
use super::{CallStrike, HedgeChoice, Mode, Scenario, Settlement, VERSION, is_valid_coin};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::borrow::Cow;

/// Why a value was refused (the valid values are added by the caller).
pub type Why = Cow<'static, str>;

/// Where a key's value lives in the [`Scenario`]: its field, seen through the field type's
/// [`Slot`] (how that type is read from and written to link text). Each key holds only the
/// projection to its field; the reading and writing are one copy per field type.
#[derive(Clone, Copy)]
pub enum Place {
    /// A field of the scenario.
    Field {
        /// The field, to write its text.
        get: fn(&Scenario) -> &dyn Slot,
        /// The field, to set it from text.
        get_mut: fn(&mut Scenario) -> &mut dyn Slot,
    },
    /// The format version `v`: written as [`VERSION`]; `1` and `2` are read (the decoder
    /// reads the version before any other key), nothing is stored.
    Version,
    /// A program key on a page built without the program (the period page: cargo feature
    /// `program` off): its text is kept as written ([`ProgramInputs::carried`](super::ProgramInputs::carried))
    /// and written back, so a link keeps it on its way to the program page, which reads and
    /// checks it; that page's code is not in this build.
    Carried(super::Key),
}

impl std::fmt::Debug for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Place")
    }
}

impl Place {
    /// The canonical text of the value in `s`.
    pub(super) fn get(self, s: &Scenario) -> String {
        match self {
            Place::Field { get, .. } => get(s).write(),
            Place::Version => VERSION.to_string(),
            Place::Carried(key) => s
                .program
                .carried
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
        }
    }

    /// Sets the value in `s` from `text` (trimmed) read under `kind`; on error `s` is
    /// unchanged.
    pub(super) fn set(self, s: &mut Scenario, kind: Kind, text: &str) -> Result<(), Why> {
        match self {
            Place::Field { get_mut, .. } => get_mut(s).read_into(kind, text),
            Place::Version => match parse_decimal(text) {
                Ok(d) if d == Decimal::ONE || d == Decimal::from(VERSION) => Ok(()),
                _ => Err("unsupported format version".into()),
            },
            Place::Carried(key) => {
                let carried = &mut s.program.carried;
                match carried.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, v)) => *v = text.to_string(),
                    None => carried.push((key, text.to_string())),
                }
                Ok(())
            }
        }
    }
}

/// A field as the link sees it: written as text, set from text. Every [`Value`] is one.
pub trait Slot {
    /// The canonical text of the value.
    fn write(&self) -> String;
    /// Sets the value from `text` read under `kind`; on error it is unchanged.
    fn read_into(&mut self, kind: Kind, text: &str) -> Result<(), Why>;
}

impl<T: Value> Slot for T {
    fn write(&self) -> String {
        Value::write(self)
    }
    fn read_into(&mut self, kind: Kind, text: &str) -> Result<(), Why> {
        *self = T::read(kind, text)?;
        Ok(())
    }
}

/// The field of `Scenario` at a path, as a [`Place`].
macro_rules! place {
    ($($f:ident).+) => {
        $crate::link::value::Place::Field {
            get: |s| &s.$($f).+,
            get_mut: |s| &mut s.$($f).+,
        }
    };
}
pub(super) use place;

/// A field type's link text: read under the key's [`Kind`] (its range or words), written in
/// canonical form. `text` is trimmed.
pub trait Value: Sized {
    /// The value of `text` (trimmed) under the key's kind, or why it is refused.
    fn read(kind: Kind, text: &str) -> Result<Self, Why>;
    /// The canonical text.
    fn write(&self) -> String;
}

/// Canonical text of a decimal: normalized, no exponent.
pub(super) fn dec_text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// `v` when it lies in `range` (no range: any value).
fn in_range(v: Decimal, range: Option<NumRange>) -> Result<Decimal, Why> {
    match range {
        Some(r) if !r.contains(v) => Err("out of range".into()),
        _ => Ok(v),
    }
}

impl Value for Decimal {
    fn read(kind: Kind, text: &str) -> Result<Self, Why> {
        let d = match kind {
            Kind::Suffixed(_) => parse_decimal_with_suffix(text)?,
            _ => parse_decimal(text)?,
        };
        in_range(d, kind.range()).map(|d| d.normalize())
    }
    fn write(&self) -> String {
        dec_text(*self)
    }
}

/// A whole number, written as a decimal without fraction (`30`, `3e1`).
fn whole(kind: Kind, text: &str) -> Result<u64, Why> {
    let v = parse_decimal(text)?;
    if !v.is_integer() {
        return Err("not a whole number".into());
    }
    in_range(v, kind.range())?
        .to_u64()
        .ok_or_else(|| "out of range".into())
}

impl Value for u64 {
    fn read(kind: Kind, text: &str) -> Result<Self, Why> {
        whole(kind, text)
    }
    fn write(&self) -> String {
        self.to_string()
    }
}

impl Value for u32 {
    fn read(kind: Kind, text: &str) -> Result<Self, Why> {
        u32::try_from(whole(kind, text)?).map_err(|_| "out of range".into())
    }
    fn write(&self) -> String {
        self.to_string()
    }
}

/// An optional value: empty text is "not set".
impl<T: Value> Value for Option<T> {
    fn read(kind: Kind, text: &str) -> Result<Self, Why> {
        if text.is_empty() {
            Ok(None)
        } else {
            T::read(kind, text).map(Some)
        }
    }
    fn write(&self) -> String {
        self.as_ref().map(Value::write).unwrap_or_default()
    }
}

/// The coin label.
impl Value for String {
    fn read(_: Kind, text: &str) -> Result<Self, Why> {
        if is_valid_coin(text) {
            Ok(text.to_string())
        } else {
            Err("not a coin label".into())
        }
    }
    fn write(&self) -> String {
        self.clone()
    }
}

impl Value for NaiveDate {
    fn read(_: Kind, text: &str) -> Result<Self, Why> {
        Ok(parse_date(text)?)
    }
    fn write(&self) -> String {
        date_text(*self)
    }
}

impl Value for CallStrike {
    fn read(kind: Kind, text: &str) -> Result<Self, Why> {
        if text.eq_ignore_ascii_case("zero") {
            Ok(CallStrike::Zero)
        } else {
            Decimal::read(kind, text).map(CallStrike::Strike)
        }
    }
    fn write(&self) -> String {
        self.to_string()
    }
}

/// The position of `text` among a choice key's words (ignoring ASCII case).
fn word_index(kind: Kind, text: &str) -> Result<usize, Why> {
    match kind {
        Kind::Choice(words) => words.iter().position(|w| w.eq_ignore_ascii_case(text)),
        _ => None,
    }
    .ok_or_else(|| "unknown word".into())
}

/// Enums written as one word of the key's [`Kind::Choice`].
macro_rules! word_value {
    ($($t:ty),*) => {$(
        impl Value for $t {
            fn read(kind: Kind, text: &str) -> Result<Self, Why> {
                word_index(kind, text)?;
                <$t>::parse(text).ok_or_else(|| "unknown word".into())
            }
            fn write(&self) -> String {
                self.as_str().to_string()
            }
        }
    )*};
}
word_value!(
    Mode,
    HedgeChoice,
    Page,
    Settlement,
    crate::domain::power::Contract
);

/// The kind of one item of a list or series key.
fn item_kind(kind: Kind) -> Kind {
    match kind {
        Kind::List(inner) | Kind::Series(inner) => *inner,
        other => other,
    }
}

/// A list of one value per month (`a,b,c`; a shorter list repeats its last value). Items may
/// be empty only when the item type reads empty text (`pfwd`: the curve); an empty value is
/// then the one-item list of that.
impl<T: Value + Clone> Value for List<T> {
    fn read(kind: Kind, text: &str) -> Result<Self, Why> {
        let inner = item_kind(kind);
        let item = |t: &str| T::read(inner, t);
        let empty_items = T::read(inner, "").is_ok();
        let list = if empty_items {
            List::parse_allowing_empty(text, item)
        } else {
            List::parse(text, item)
        };
        list.map_err(Cow::Owned)
    }
    fn write(&self) -> String {
        let items: Vec<String> = self.items().iter().map(Value::write).collect();
        List::new(items).map(|l| l.to_string()).unwrap_or_default()
    }
}

/// A series of one value per month from the first that does not repeat (the actuals): an
/// empty item, or a month beyond the list, has no value yet.
impl Value for Vec<Option<Decimal>> {
    fn read(kind: Kind, text: &str) -> Result<Self, Why> {
        if text.is_empty() {
            return Ok(Vec::new());
        }
        let inner = item_kind(kind);
        let list = List::parse_allowing_empty(text, |t| Option::<Decimal>::read(inner, t))
            .map_err(Cow::Owned)?;
        let mut items = list.items().to_vec();
        while items.last() == Some(&None) {
            items.pop();
        }
        Ok(items)
    }
    fn write(&self) -> String {
        self.iter().map(Value::write).collect::<Vec<_>>().join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::Key;

    #[test]
    fn a_carried_key_keeps_its_text_in_place() {
        // Built without the program (`cargo test --no-default-features`), the defaults already
        // carry every program key; with it, nothing is carried until a carried place is set.
        let mut s = Scenario::default();
        let keys =
            |s: &Scenario| -> Vec<Key> { s.program.carried.iter().map(|(k, _)| *k).collect() };
        let before = keys(&s);
        let (months, pcov) = (
            Place::Carried(Key::Months),
            Place::Carried(Key::MonthCoverage),
        );
        assert!(months.set(&mut s, Kind::Version, "99 ").is_ok());
        assert!(pcov.set(&mut s, Kind::Version, "80,x").is_ok());
        // Set again: replaced where it was, so equal scenarios hold the same list.
        assert!(months.set(&mut s, Kind::Version, "12").is_ok());
        assert_eq!(months.get(&s), "12");
        assert_eq!(pcov.get(&s), "80,x");
        let after = keys(&s);
        for k in [Key::Months, Key::MonthCoverage] {
            assert_eq!(after.iter().filter(|x| **x == k).count(), 1, "{k}");
        }
        if !before.is_empty() {
            assert_eq!(after, before);
        }
    }
}
