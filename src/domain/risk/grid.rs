//! Evenly spaced final prices for the curves.

use crate::domain::Field;
use crate::domain::error::{DomainError, Result};
use crate::domain::money::MAX_PRICE_F64;
use crate::domain::range::Range;

/// Evenly spaced final prices `lo = s₀ < s₁ < … < s_{n−1} = hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriceGrid {
    pub(super) lo: f64,
    pub(super) hi: f64,
    n: usize,
}

impl PriceGrid {
    /// The default number of points of the page's curves.
    pub const DEFAULT_POINTS: usize = 1001;
    /// The largest grid accepted.
    pub const MAX_POINTS: usize = 100_001;

    /// Validated grid: `0 ≤ lo < hi ≤ 1e9`, `2 ≤ n ≤ 100,001`.
    ///
    /// ```
    /// use minerhedge::domain::risk::PriceGrid;
    /// let g = PriceGrid::new(100.0, 200.0, 3).unwrap();
    /// assert_eq!(g.prices().collect::<Vec<_>>(), vec![100.0, 150.0, 200.0]);
    /// assert!(PriceGrid::new(200.0, 100.0, 3).is_err());
    /// ```
    pub fn new(lo: f64, hi: f64, n: usize) -> Result<Self> {
        const { Range::closed(0.0, MAX_PRICE_F64) }.check(Field::LowestPrice, lo)?;
        const { Range::closed(0.0, MAX_PRICE_F64) }.check(Field::HighestPrice, hi)?;
        if hi <= lo {
            return Err(DomainError::out_of_range(
                Field::HighestPrice,
                hi,
                format!("greater than the lowest price {lo}"),
            ));
        }
        if !(2..=Self::MAX_POINTS).contains(&n) {
            return Err(DomainError::out_of_range(
                Field::GridPoints,
                n as f64,
                format!("between 2 and {}", Self::MAX_POINTS),
            ));
        }
        Ok(PriceGrid { lo, hi, n })
    }

    /// Lowest price.
    ///
    /// ```
    /// # use minerhedge::domain::risk::PriceGrid;
    /// assert_eq!(PriceGrid::new(1.0, 2.0, 2).unwrap().lo(), 1.0);
    /// ```
    pub fn lo(&self) -> f64 {
        self.lo
    }

    /// Highest price.
    ///
    /// ```
    /// # use minerhedge::domain::risk::PriceGrid;
    /// assert_eq!(PriceGrid::new(1.0, 2.0, 2).unwrap().hi(), 2.0);
    /// ```
    pub fn hi(&self) -> f64 {
        self.hi
    }

    /// Number of points.
    ///
    /// ```
    /// # use minerhedge::domain::risk::PriceGrid;
    /// assert_eq!(PriceGrid::new(1.0, 2.0, 5).unwrap().len(), 5);
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.n
    }

    /// The prices, `sᵢ = lo + i·(hi − lo)/(n − 1)`, with the last one exactly `hi`.
    ///
    /// ```
    /// # use minerhedge::domain::risk::PriceGrid;
    /// let g = PriceGrid::new(0.0, 1.0, 4).unwrap();
    /// assert_eq!(g.prices().last(), Some(1.0));
    /// ```
    pub fn prices(&self) -> impl Iterator<Item = f64> + '_ {
        let step = (self.hi - self.lo) / (self.n - 1) as f64;
        let (lo, hi, last) = (self.lo, self.hi, self.n - 1);
        (0..self.n).map(move |i| if i == last { hi } else { lo + step * i as f64 })
    }
}
