//! The scenario lists' texts: built-in presets and the user's saved scenarios.

/// Accessible name of the button that deletes the saved scenario `name`.
///
/// ```
/// use minerhedge::{present::saved::delete_label, view::saved::Saved};
/// let mut s = Saved::default();
/// s.save("<mine>", "cov=5", false);
/// assert_eq!(s.entries()[0].0, "<mine>");
/// assert_eq!(delete_label(&s.entries()[0].0), "Delete <mine>");
/// assert!(!minerhedge::link::PRESETS.is_empty());
/// ```
pub fn delete_label(name: &str) -> String {
    format!("Delete {name}")
}

/// Text of the delete button.
pub const DELETE_MARK: &str = "×";
