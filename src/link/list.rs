//! List values of link format version 2: `a,b,c`, one item per month; a list shorter than
//! needed repeats its last value.

use std::fmt;

/// A non-empty list of values, one per position (month); positions past the end repeat the
/// last value, so `80,80,60` reads as `80, 80, 60, 60, …`.
///
/// ```
/// use minerhedge::link::List;
/// let l = List::parse("80, 80,60", |t| t.parse::<u32>().map_err(|_| "not a number"))?;
/// assert_eq!((l.at(0), l.at(2), l.at(35)), (&80, &60, &60));
/// assert_eq!(l.to_string(), "80,80,60");
/// let bad = List::parse("80,x", |t| t.parse::<u32>().map_err(|_| "not a number"));
/// assert_eq!(bad.unwrap_err(), "item 2 (\"x\"): not a number");
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct List<T> {
    items: Vec<T>,
}

/// One item of the type's default.
impl<T: Default> Default for List<T> {
    fn default() -> Self {
        List::one(T::default())
    }
}

/// Most items a list holds (the longest program has 36 months).
pub const MAX_ITEMS: usize = 36;

impl<T> List<T> {
    /// A list of one value (every position holds it).
    pub fn one(value: T) -> Self {
        List { items: vec![value] }
    }

    /// A list of the given values; `None` when `items` is empty or longer than
    /// [`MAX_ITEMS`].
    pub fn new(items: Vec<T>) -> Option<Self> {
        (!items.is_empty() && items.len() <= MAX_ITEMS).then_some(List { items })
    }

    /// Reads `a,b,c` with `item` for each (trimmed) item. The error names the first bad
    /// item's position (from 1) and text; an empty list, an empty item or more than
    /// [`MAX_ITEMS`] items are refused.
    pub fn parse<E: fmt::Display>(
        text: &str,
        item: impl Fn(&str) -> Result<T, E>,
    ) -> Result<Self, String> {
        Self::read(text, false, item)
    }

    /// [`Self::parse`] for lists whose items may be empty (`98000,,97000`): `item` is given
    /// the empty text and says what it means.
    ///
    /// ```
    /// use minerhedge::link::List;
    /// let l = List::parse_allowing_empty("1,,3", |t| {
    ///     if t.is_empty() { Ok(None) } else { t.parse::<u32>().map(Some).map_err(|_| "not a number") }
    /// })?;
    /// assert_eq!(l.items(), &[Some(1), None, Some(3)]);
    /// # Ok::<(), String>(())
    /// ```
    pub fn parse_allowing_empty<E: fmt::Display>(
        text: &str,
        item: impl Fn(&str) -> Result<T, E>,
    ) -> Result<Self, String> {
        Self::read(text, true, item)
    }

    fn read<E: fmt::Display>(
        text: &str,
        empty_items: bool,
        item: impl Fn(&str) -> Result<T, E>,
    ) -> Result<Self, String> {
        let parts: Vec<&str> = text.split(',').map(str::trim).collect();
        if parts.len() > MAX_ITEMS {
            return Err(format!("more than {MAX_ITEMS} items"));
        }
        let mut items = Vec::with_capacity(parts.len());
        for (i, part) in parts.iter().enumerate() {
            if part.is_empty() && !empty_items {
                return Err(format!("item {} is empty", i + 1));
            }
            let v = item(part).map_err(|e| format!("item {} ({part:?}): {e}", i + 1))?;
            items.push(v);
        }
        List::new(items).ok_or_else(|| "empty list".to_string())
    }

    /// The value at position `i` (from 0): the last value past the end.
    pub fn at(&self, i: usize) -> &T {
        // `items` is never empty (checked by every constructor).
        &self.items[i.min(self.items.len() - 1)]
    }

    /// The values as written (without repeats).
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// The first `n` positions, the last value repeated past the end.
    ///
    /// ```
    /// use minerhedge::link::List;
    /// let l = List::new(vec![80, 60]).ok_or("empty")?;
    /// assert_eq!(l.expanded(4), vec![80, 60, 60, 60]);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn expanded(&self, n: usize) -> Vec<T>
    where
        T: Clone,
    {
        (0..n).map(|i| self.at(i).clone()).collect()
    }

    /// The list with position `i` set to `value` and every other position as it was (the
    /// list grows to hold `i` and the position after it); `None` past [`MAX_ITEMS`].
    ///
    /// ```
    /// use minerhedge::link::List;
    /// let l = List::one(80).with(2, 40).ok_or("too long")?;
    /// assert_eq!(l.items(), &[80, 80, 40, 80]);
    /// assert_eq!(l.to_string(), "80,80,40,80");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn with(&self, i: usize, value: T) -> Option<Self>
    where
        T: Clone,
    {
        if i >= MAX_ITEMS {
            return None;
        }
        let mut items = self.expanded(self.items.len().max(i + 2).min(MAX_ITEMS));
        items[i] = value;
        List::new(items)
    }
}

/// Canonical text: items joined by `,` with no spaces; trailing repeats of the last value
/// are dropped (`80,60,60` → `80,60`).
impl<T: fmt::Display + PartialEq> fmt::Display for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut n = self.items.len();
        while n > 1 && self.items[n - 1] == self.items[n - 2] {
            n -= 1;
        }
        for (i, v) in self.items[..n].iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(t: &str) -> Result<i32, &'static str> {
        t.parse().map_err(|_| "not a number")
    }

    #[test]
    fn repeats_the_last_value() {
        let l = List::parse("1,2,3", num).unwrap_or_else(|_| List::one(0));
        assert_eq!(
            (0..6).map(|i| *l.at(i)).collect::<Vec<_>>(),
            [1, 2, 3, 3, 3, 3]
        );
    }

    #[test]
    fn canonical_text_drops_trailing_repeats() {
        let l = List::new(vec![80, 60, 60, 60]).unwrap_or_else(|| List::one(0));
        assert_eq!(l.to_string(), "80,60");
        assert_eq!(List::one(5).to_string(), "5");
    }

    #[test]
    fn bad_lists_are_named() {
        assert_eq!(List::parse("", num).unwrap_err(), "item 1 is empty");
        assert_eq!(List::parse("1,,2", num).unwrap_err(), "item 2 is empty");
        assert_eq!(
            List::parse(&vec!["1"; 37].join(","), num).unwrap_err(),
            "more than 36 items"
        );
        assert!(List::parse(&vec!["1"; 36].join(","), num).is_ok());
        assert!(List::<i32>::new(Vec::new()).is_none());
    }
}
