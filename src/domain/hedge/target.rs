//! Target returns: the price level per hedged coin a target needs, and the forward price and
//! inverse quote that meet it.

use crate::domain::Field;
use crate::domain::economics::PeriodEconomics;
use crate::domain::error::{DomainError, Result};
use crate::domain::money::{self, MAX_PRICE};
use crate::domain::range::NumRange;
use crate::domain::validate::dec_f64;
use rust_decimal::Decimal;

/// Inputs of a required-price question: "what hedge gives at least `target_return` for every
/// final price ≥ `worst_price`, hedging a fraction `coverage` of output?"
///
/// At full coverage `worst_price` plays no role. With partial coverage the unhedged part
/// `(1 − c)·Q` is valued at `worst_price` (0 = the strict worst case), so the answer is a
/// guarantee, not a hedged-part-only figure.
///
/// ```
/// use minerhedge::domain::hedge::TargetParams;
/// use rust_decimal::Decimal;
/// let t = TargetParams { target_return: Decimal::new(15, 2), coverage: Decimal::ONE, worst_price: Decimal::ZERO };
/// assert_eq!(t.coverage, Decimal::ONE);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetParams {
    /// Target period return as a fraction, `[−1, 100]` (0.15 = 15 %).
    pub target_return: Decimal,
    /// Coverage `c ∈ (0, 1]`.
    pub coverage: Decimal,
    /// Lowest final price guarded against, `[0, 1e9]` USD per coin.
    pub worst_price: Decimal,
}

/// A validated [`TargetParams`].
///
/// ```
/// use minerhedge::domain::hedge::{Target, TargetParams};
/// use rust_decimal::Decimal;
/// let bad = Target::new(TargetParams { target_return: Decimal::ZERO, coverage: Decimal::ZERO, worst_price: Decimal::ZERO });
/// use minerhedge::domain::Field;
/// assert_eq!(bad.unwrap_err().field(), Some(Field::Coverage));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    params: TargetParams,
}

impl Target {
    /// Validates `"target return"` ∈ [−1, 100], `"coverage"` ∈ (0, 1], `"worst price"` ∈
    /// [0, 1e9].
    ///
    /// ```
    /// use minerhedge::domain::hedge::{Target, TargetParams};
    /// use rust_decimal::Decimal;
    /// assert!(Target::new(TargetParams { target_return: Decimal::new(15, 2), coverage: Decimal::ONE, worst_price: Decimal::ZERO }).is_ok());
    /// ```
    pub fn new(p: TargetParams) -> Result<Self> {
        const { NumRange::closed(Decimal::NEGATIVE_ONE, Decimal::ONE_HUNDRED) }
            .check(Field::TargetReturn, p.target_return)?;
        if !(p.coverage > Decimal::ZERO && p.coverage <= Decimal::ONE) {
            return Err(DomainError::out_of_range(
                Field::Coverage,
                dec_f64(p.coverage),
                "greater than 0 and at most 1",
            ));
        }
        const { NumRange::closed(Decimal::ZERO, MAX_PRICE) }
            .check(Field::WorstPrice, p.worst_price)?;
        Ok(Self { params: p })
    }

    /// A full-coverage target (worst price irrelevant).
    ///
    /// ```
    /// use minerhedge::domain::hedge::Target;
    /// use rust_decimal::Decimal;
    /// assert!(Target::full_coverage(Decimal::new(15, 2)).is_ok());
    /// ```
    pub fn full_coverage(target_return: Decimal) -> Result<Self> {
        Self::new(TargetParams {
            target_return,
            coverage: Decimal::ONE,
            worst_price: Decimal::ZERO,
        })
    }

    /// The validated inputs.
    ///
    /// ```
    /// # use minerhedge::domain::hedge::Target; use rust_decimal::Decimal;
    /// assert_eq!(Target::full_coverage(Decimal::ZERO)?.params().coverage, Decimal::ONE);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn params(&self) -> &TargetParams {
        &self.params
    }

    /// Required price level per hedged coin
    /// `L = (cost·(1 + t) − (1 − c)·Q·S_w) / (c·Q)`: the effective sale price (forward price,
    /// collar floor, put strike net of carried premium) that guarantees the target. `L ≤ 0`
    /// means the unhedged part alone already meets it.
    ///
    /// Then the return at any `S ≥ S_w` is at least `c·(Q·L/cost − 1) + …`; at `c = 1`,
    /// `L = cost·(1 + t)/Q` and the return is exactly `t`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
    /// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// let t = Target::full_coverage(Decimal::TWO / Decimal::from(11))?;
    /// assert!((t.required_level(&e)? - Decimal::from(260)).abs() < Decimal::new(1, 20));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn required_level(&self, economics: &PeriodEconomics) -> Result<Decimal> {
        let p = &self.params;
        let f = Field::TargetReturn;
        let need = money::mul(f, economics.cost(), Decimal::ONE + p.target_return)?;
        let unhedged = money::mul(
            Field::WorstPrice,
            money::mul(
                Field::WorstPrice,
                Decimal::ONE - p.coverage,
                economics.output(),
            )?,
            p.worst_price,
        )?;
        let hedged = money::mul(Field::Coverage, p.coverage, economics.output())?;
        if hedged.is_zero() {
            return Err(DomainError::out_of_range(
                Field::Coverage,
                dec_f64(p.coverage),
                "large enough that coverage × output is not 0",
            ));
        }
        money::div(Field::Coverage, money::sub(f, need, unhedged)?, hedged).map(|d| d.normalize())
    }
}

/// Required forward price for a target: `F = max(L, 0)` with `L` from
/// [`Target::required_level`]; at full coverage `F = cost·(1 + t) / Q`. A quoted forward
/// below `F` means the target is out of reach: "forego the investment".
///
/// ```
/// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
/// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
/// let f = required_forward_price(&e, &Target::full_coverage(Decimal::new(25, 2))?)?;
/// assert_eq!(f, Decimal::from(275));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn required_forward_price(economics: &PeriodEconomics, target: &Target) -> Result<Decimal> {
    Ok(target.required_level(economics)?.max(Decimal::ZERO))
}

/// Highest inverse quote (COIN/USD) that meets the target: `p = 1 / L`; any quote ≤ `p` is
/// at least as good. `None` when `L ≤ 0` (every quote meets it).
///
/// ```
/// # use minerhedge::domain::economics::*; use minerhedge::domain::hedge::*; use rust_decimal::Decimal;
/// # let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
/// let p = required_inverse_quote(&e, &Target::full_coverage(Decimal::new(25, 2))?)?;
/// assert_eq!(p, Some(Decimal::ONE / Decimal::from(275)));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn required_inverse_quote(
    economics: &PeriodEconomics,
    target: &Target,
) -> Result<Option<Decimal>> {
    let level = target.required_level(economics)?;
    if level <= Decimal::ZERO {
        return Ok(None);
    }
    money::div(Field::TargetReturn, Decimal::ONE, level).map(|d| Some(d.normalize()))
}
