//! The power contract's texts: what an imported price history became, and the link text of
//! its curve.

use crate::domain::power::import::PriceHistory;
use crate::format::usd_cents_f64;

/// The link text (`pcurve`) of an imported history's curve: each bucket mean with at most
/// six decimals (a millionth of a dollar per MWh), trailing zeros dropped.
///
/// ```
/// use minerhedge::domain::power::import::read_prices;
/// use minerhedge::present::power::curve_text;
/// let h = read_prices("hour,price\n1,10\n2,-5\n3,20.125\n", None)?;
/// assert_eq!(curve_text(&h), "-5,10,20.125");
/// # Ok::<(), minerhedge::domain::power::import::ImportError>(())
/// ```
pub fn curve_text(h: &PriceHistory) -> String {
    h.curve
        .iter()
        .map(|p| {
            let t = format!("{p:.6}");
            let t = t.trim_end_matches('0').trim_end_matches('.');
            if t == "-0" {
                "0".to_owned()
            } else {
                t.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// What the page says of an imported history: the hours read, the column, the range and
/// the mean, and the curve it became.
///
/// ```
/// use minerhedge::domain::power::import::read_prices;
/// use minerhedge::present::power::import_summary;
/// let h = read_prices("hour,price\n1,10\n2,-5\n3,20\n", None)?;
/// assert_eq!(import_summary(&h),
///     "Read 3 hours from column \"price\": $(5.00) to $20.00 per MWh, mean $8.33. \
///      The hour price curve (pcurve) is now 3 points.");
/// # Ok::<(), minerhedge::domain::power::import::ImportError>(())
/// ```
pub fn import_summary(h: &PriceHistory) -> String {
    let hours = if h.hours == 1 { "hour" } else { "hours" };
    format!(
        "Read {} {hours} from column \"{}\": {} to {} per MWh, mean {}. The hour price curve \
         (pcurve) is now {} points.",
        h.hours,
        h.column,
        usd_cents_f64(h.min),
        usd_cents_f64(h.max),
        usd_cents_f64(h.mean),
        h.curve.len()
    )
}
