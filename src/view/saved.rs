//! The user's saved scenarios: named share-link queries, kept by the page in one
//! `localStorage` entry. Pure: parsing, the storage text and the edit rules (a name is never
//! overwritten without the caller saying so).
//!
//! The storage text is itself a URL-encoded query, one pair per scenario (`name=query`,
//! percent-encoded), in the order the user saved them.

/// The `localStorage` key the page keeps the saved scenarios under.
pub const STORAGE_KEY: &str = "minerhedge.saved.v1";

/// Longest accepted name, in characters.
pub const MAX_NAME: usize = 60;

/// Most scenarios kept.
pub const MAX_SAVED: usize = 50;

/// The outcome of [`Saved::save`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Stored under a new name.
    Added,
    /// A scenario of that name existed and was replaced (only with `overwrite = true`).
    Replaced,
    /// A scenario of that name exists and `overwrite` was `false`: nothing changed.
    Exists,
    /// The name is empty (after trimming) or longer than [`MAX_NAME`]; nothing changed.
    BadName(String),
    /// [`MAX_SAVED`] scenarios are stored already; nothing changed.
    Full,
}

/// Saved scenarios, in saving order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved(Vec<(String, String)>);

impl Saved {
    /// Reads the storage text; anything unreadable gives an empty list (a damaged entry never
    /// stops the page), entries with a bad name or no query are dropped, a repeated name keeps
    /// the first.
    ///
    /// ```
    /// use minerhedge::view::saved::Saved;
    /// let s = Saved::parse("mine=v%3D1%26cov%3D50&other=v%3D1");
    /// assert_eq!(s.names(), vec!["mine", "other"]);
    /// assert_eq!(s.get("mine"), Some("v=1&cov=50"));
    /// assert!(Saved::parse("%%%").names().is_empty());
    /// ```
    pub fn parse(text: &str) -> Saved {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(text).unwrap_or_default();
        let mut out = Saved::default();
        for (name, query) in pairs {
            let name = name.trim().to_owned();
            if valid_name(&name).is_ok()
                && !query.is_empty()
                && out.get(&name).is_none()
                && out.0.len() < MAX_SAVED
            {
                out.0.push((name, query));
            }
        }
        out
    }

    /// The storage text ([`Saved::parse`] reads it back).
    ///
    /// ```
    /// use minerhedge::view::saved::Saved;
    /// let mut s = Saved::default();
    /// s.save("a & b", "v=1&cov=50", false);
    /// assert_eq!(Saved::parse(&s.to_storage()), s);
    /// ```
    pub fn to_storage(&self) -> String {
        serde_urlencoded::to_string(&self.0).unwrap_or_default()
    }

    /// Names, in saving order.
    pub fn names(&self) -> Vec<&str> {
        self.0.iter().map(|(n, _)| n.as_str()).collect()
    }

    /// Every `(name, query)`, in saving order.
    pub fn entries(&self) -> &[(String, String)] {
        &self.0
    }

    /// The query saved under `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name.trim())
            .map(|(_, q)| q.as_str())
    }

    /// Saves `query` under `name` (trimmed). An existing name is replaced only when
    /// `overwrite` is `true`; otherwise [`SaveOutcome::Exists`] and nothing changes, so the
    /// page can ask the user first.
    ///
    /// ```
    /// use minerhedge::view::saved::{SaveOutcome, Saved};
    /// let mut s = Saved::default();
    /// assert_eq!(s.save("plan", "cov=50", false), SaveOutcome::Added);
    /// assert_eq!(s.save("plan", "cov=80", false), SaveOutcome::Exists);
    /// assert_eq!(s.get("plan"), Some("cov=50"));
    /// assert_eq!(s.save("plan", "cov=80", true), SaveOutcome::Replaced);
    /// assert_eq!(s.get("plan"), Some("cov=80"));
    /// assert!(matches!(s.save("  ", "cov=1", true), SaveOutcome::BadName(_)));
    /// ```
    pub fn save(&mut self, name: &str, query: &str, overwrite: bool) -> SaveOutcome {
        let name = name.trim();
        if let Err(why) = valid_name(name) {
            return SaveOutcome::BadName(why);
        }
        if let Some(slot) = self.0.iter_mut().find(|(n, _)| n == name) {
            if !overwrite {
                return SaveOutcome::Exists;
            }
            slot.1 = query.to_owned();
            return SaveOutcome::Replaced;
        }
        if self.0.len() >= MAX_SAVED {
            return SaveOutcome::Full;
        }
        self.0.push((name.to_owned(), query.to_owned()));
        SaveOutcome::Added
    }

    /// Deletes `name`; `true` when it existed.
    ///
    /// ```
    /// use minerhedge::view::saved::Saved;
    /// let mut s = Saved::parse("a=cov%3D1");
    /// assert!(s.remove("a"));
    /// assert!(!s.remove("a"));
    /// ```
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|(n, _)| n != name.trim());
        self.0.len() != before
    }
}

/// `Ok` for a name the list accepts: not empty after trimming, at most [`MAX_NAME`]
/// characters; `Err` says why not.
///
/// ```
/// use minerhedge::view::saved::valid_name;
/// assert!(valid_name("June plan").is_ok());
/// assert!(valid_name("").is_err());
/// ```
pub fn valid_name(name: &str) -> Result<(), String> {
    let n = name.trim().chars().count();
    if n == 0 {
        Err("Give the scenario a name.".to_owned())
    } else if n > MAX_NAME {
        Err(format!(
            "A name has at most {MAX_NAME} characters (this one has {n})."
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_order_and_odd_characters() {
        let mut s = Saved::default();
        for (n, q) in [
            ("zeta", "v=1&cov=10"),
            ("a=b&c", "v=1"),
            ("€ plan", "hedge=put"),
        ] {
            assert_eq!(s.save(n, q, false), SaveOutcome::Added);
        }
        let back = Saved::parse(&s.to_storage());
        assert_eq!(back, s);
        assert_eq!(back.names(), vec!["zeta", "a=b&c", "€ plan"]);
    }

    #[test]
    fn full_list_refuses_new_names_but_replaces() {
        let mut s = Saved::default();
        for i in 0..MAX_SAVED {
            assert_eq!(s.save(&format!("n{i}"), "v=1", false), SaveOutcome::Added);
        }
        assert_eq!(s.save("extra", "v=1", true), SaveOutcome::Full);
        assert_eq!(s.save("n3", "cov=5", true), SaveOutcome::Replaced);
    }

    #[test]
    fn damaged_storage_is_empty_or_filtered() {
        assert!(Saved::parse("").names().is_empty());
        let long = "x".repeat(MAX_NAME + 1);
        let s = Saved::parse(&format!("{long}=v%3D1&ok=v%3D1&ok=cov%3D3"));
        assert_eq!(s.names(), vec!["ok"]);
        assert_eq!(s.get("ok"), Some("v=1"));
    }
}
