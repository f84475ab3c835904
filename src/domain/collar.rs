//! Collars and floors that need an option pricer: the zero-cost call strike for a put strike,
//! the put strike that guarantees a target return (its premium depends on the strike), and the
//! zero-cost collar whose floor guarantees a target return.
//!
//! The pricer is the small trait [`OptionPricer`] (premium per coin, paid at the start of the
//! period, for a strike); the pricing models [`SpotModel`] (BSM) and [`ForwardModel`]
//! (Black-76) implement it, and so can a table of user quotes. Roots are found with the
//! engine's bracketing Brent solver ([`crate::domain::pricing::root::brent`]: it never leaves
//! its bracket, so no NaN and no runaway).

use super::economics::{PeriodEconomics, price_field};
use super::error::{DomainError, Result};
use super::field::Field;
use super::hedge::{Hedge, Target};
use super::money::{MAX_PRICE_F64, dec_from_f64};
use super::pricing::root::{self, Bracket};
use super::pricing::smile::SmileModel;
use super::pricing::{ForwardModel, OptionKind, SpotModel};
use super::tolerance::ZERO_COST;
use super::validate::dec_f64;
use crate::domain::range::Range;
use rust_decimal::Decimal;

/// A collar's call strike: given, or solved so that the collar costs nothing. The strike's unit
/// is its context's: USD per coin for the period's collar (link key `kc`), % of the month's
/// forward for a month of the hedge ladder (link key `pkc`, `program::MonthHedge`).
///
/// ```
/// use minerhedge::domain::collar::CallStrike;
/// assert_eq!(CallStrike::default(), CallStrike::Zero);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CallStrike {
    /// Solve the strike whose call premium equals the put premium ([`zero_cost_collar`]).
    #[default]
    Zero,
    /// This strike.
    Strike(Decimal),
}

/// Anything that prices a European option on the coin per coin for a strike, in USD paid at the
/// start of the period. Must be finite and ≥ 0 when `Ok`; a call premium non-increasing and a
/// put premium non-decreasing in the strike (true of every arbitrage-free model).
///
/// ```
/// use minerhedge::domain::collar::OptionPricer;
/// use minerhedge::domain::pricing::OptionKind;
/// use minerhedge::domain::Result;
/// /// Intrinsic value on a forward of 250, no discounting (a toy model).
/// struct Intrinsic;
/// impl OptionPricer for Intrinsic {
///     fn premium(&self, leg: OptionKind, k: f64) -> Result<f64> {
///         Ok(match leg { OptionKind::Put => (k - 250.0).max(0.0), OptionKind::Call => (250.0 - k).max(0.0) })
///     }
/// }
/// assert_eq!(Intrinsic.premium(OptionKind::Put, 260.0)?, 10.0);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub trait OptionPricer {
    /// Premium per coin of `leg` at `strike` (USD, paid at the start).
    fn premium(&self, leg: OptionKind, strike: f64) -> Result<f64>;
}

impl<P: OptionPricer + ?Sized> OptionPricer for &P {
    fn premium(&self, leg: OptionKind, strike: f64) -> Result<f64> {
        (**self).premium(leg, strike)
    }
}

/// Black–Scholes–Merton on spot prices the collar legs: `premium = SpotModel::price`.
///
/// ```
/// use minerhedge::domain::collar::{zero_cost_collar, OptionPricer, ZeroCostParams};
/// use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
/// use minerhedge::domain::daycount::Act365;
/// let m = SpotModel::new(SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: Act365::years(30) })?;
/// let z = zero_cost_collar(&m, ZeroCostParams { put_strike: 220.0, min_call_strike: 220.0 })?;
/// let gap = m.premium(OptionKind::Call, z.call_strike)? - m.premium(OptionKind::Put, 220.0)?;
/// assert!(gap.abs() <= 1e-9);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
impl OptionPricer for SpotModel {
    fn premium(&self, leg: OptionKind, strike: f64) -> Result<f64> {
        self.price(leg, strike)
    }
}

/// Black-76 on a quoted forward prices the collar legs: `premium = ForwardModel::price`.
///
/// ```
/// use minerhedge::domain::collar::OptionPricer;
/// use minerhedge::domain::pricing::{ForwardModel, ForwardParams, OptionKind};
/// let m = ForwardModel::new(ForwardParams { forward: 260.0, rate: 0.05, vol: 0.8, expiry_years: 0.25 })?;
/// // Put–call parity at K = F: equal premiums.
/// let gap = m.premium(OptionKind::Call, 260.0)? - m.premium(OptionKind::Put, 260.0)?;
/// assert!(gap.abs() < 1e-12);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
impl OptionPricer for ForwardModel {
    fn premium(&self, leg: OptionKind, strike: f64) -> Result<f64> {
        self.price(leg, strike)
    }
}

/// Black-76 on a smile prices each collar leg at its strike's vol: `premium =
/// SmileModel::price`, so the zero-cost call is solved on the smile.
///
/// ```
/// use minerhedge::domain::collar::{zero_cost_collar, OptionPricer, ZeroCostParams};
/// use minerhedge::domain::pricing::smile::{Smile, SmileModel};
/// use minerhedge::domain::pricing::ForwardParams;
/// let p = ForwardParams { forward: 100_000.0, rate: 0.04, vol: 0.6, expiry_years: 0.25 };
/// let skewed = SmileModel::new(p, Smile::new(0.6, -0.05, 0.0)?)?;
/// let flat = SmileModel::new(p, Smile::flat(0.6)?)?;
/// let zc = |m: &SmileModel| zero_cost_collar(m, ZeroCostParams { put_strike: 85_000.0, min_call_strike: 85_000.0 });
/// // Puts dearer than calls: the call that pays for the put is nearer the money.
/// assert!(zc(&skewed)?.call_strike < zc(&flat)?.call_strike);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
impl OptionPricer for SmileModel {
    fn premium(&self, leg: OptionKind, strike: f64) -> Result<f64> {
        self.price(leg, strike)
    }
}

fn checked_premium<P: OptionPricer + ?Sized>(p: &P, leg: OptionKind, k: f64) -> Result<f64> {
    let v = p.premium(leg, k)?;
    if v.is_finite() && v >= 0.0 {
        Ok(v)
    } else {
        Err(DomainError::out_of_range(
            match leg {
                OptionKind::Put => Field::PutPremium,
                OptionKind::Call => Field::CallPremium,
            },
            v,
            "a finite number at least 0 (from the pricer)",
        ))
    }
}

fn model_premium<P: OptionPricer + ?Sized>(
    pricer: &P,
    leg: OptionKind,
    strike: Decimal,
) -> Result<Decimal> {
    let field = match leg {
        OptionKind::Put => Field::PutStrike,
        OptionKind::Call => Field::CallStrike,
    };
    price_field(field, strike)?;
    let v = checked_premium(pricer, leg, dec_f64(strike))?;
    dec_from_f64(
        match leg {
            OptionKind::Put => Field::PutPremium,
            OptionKind::Call => Field::CallPremium,
        },
        v,
    )
}

/// A bought put at `strike` with the pricer's premium: [`Hedge::bought_put`].
///
/// ```
/// use minerhedge::domain::collar::{priced_put, OptionPricer};
/// use minerhedge::domain::pricing::OptionKind;
/// use minerhedge::domain::hedge::Hedge;
/// use rust_decimal::Decimal;
/// struct Quote;
/// impl OptionPricer for Quote {
///     fn premium(&self, _: OptionKind, _: f64) -> minerhedge::domain::Result<f64> { Ok(12.5) }
/// }
/// assert_eq!(priced_put(&Quote, Decimal::from(230))?,
///            Hedge::bought_put(Decimal::from(230), Decimal::new(125, 1)));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn priced_put<P: OptionPricer + ?Sized>(pricer: &P, strike: Decimal) -> Result<Hedge> {
    Ok(Hedge::bought_put(
        strike,
        model_premium(pricer, OptionKind::Put, strike)?,
    ))
}

/// A sold call at `strike` with the pricer's premium: [`Hedge::sold_call`].
///
/// ```
/// use minerhedge::domain::collar::{priced_sold_call, OptionPricer};
/// use minerhedge::domain::pricing::OptionKind;
/// use minerhedge::domain::hedge::Hedge;
/// use rust_decimal::Decimal;
/// struct Quote;
/// impl OptionPricer for Quote {
///     fn premium(&self, _: OptionKind, _: f64) -> minerhedge::domain::Result<f64> { Ok(7.0) }
/// }
/// assert_eq!(priced_sold_call(&Quote, Decimal::from(300))?,
///            Hedge::sold_call(Decimal::from(300), Decimal::from(7)));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn priced_sold_call<P: OptionPricer + ?Sized>(pricer: &P, strike: Decimal) -> Result<Hedge> {
    Ok(Hedge::sold_call(
        strike,
        model_premium(pricer, OptionKind::Call, strike)?,
    ))
}

/// A collar (long put `K_p`, short call `K_c ≥ K_p`) with the pricer's premiums:
/// [`Hedge::Collar`]. Errors name the strike fields; `"call strike"` when `K_c < K_p`.
///
/// ```
/// use minerhedge::domain::collar::{priced_collar, OptionPricer};
/// use minerhedge::domain::pricing::OptionKind;
/// use minerhedge::domain::hedge::Hedge;
/// use rust_decimal::Decimal;
/// struct Intrinsic;
/// impl OptionPricer for Intrinsic {
///     fn premium(&self, leg: OptionKind, k: f64) -> minerhedge::domain::Result<f64> {
///         Ok(match leg { OptionKind::Put => (k - 250.0).max(0.0), OptionKind::Call => (250.0 - k).max(0.0) })
///     }
/// }
/// let h = priced_collar(&Intrinsic, Decimal::from(220), Decimal::from(280))?;
/// assert_eq!(h, Hedge::Collar { put_strike: Decimal::from(220), put_premium: Decimal::ZERO,
///                               call_strike: Decimal::from(280), call_premium: Decimal::ZERO });
/// assert!(priced_collar(&Intrinsic, Decimal::from(280), Decimal::from(220)).is_err());
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn priced_collar<P: OptionPricer + ?Sized>(
    pricer: &P,
    put_strike: Decimal,
    call_strike: Decimal,
) -> Result<Hedge> {
    let put_premium = model_premium(pricer, OptionKind::Put, put_strike)?;
    let call_premium = model_premium(pricer, OptionKind::Call, call_strike)?;
    if call_strike < put_strike {
        return Err(DomainError::out_of_range(
            Field::CallStrike,
            dec_f64(call_strike),
            format!("at least the put strike {put_strike}"),
        ));
    }
    Ok(Hedge::Collar {
        put_strike,
        put_premium,
        call_strike,
        call_premium,
    })
}

/// A solved collar: strikes and per-coin premiums with `|call − put| ≤ ZERO_COST` (1e-9).
///
/// ```
/// use minerhedge::domain::collar::ZeroCostCollar;
/// let z = ZeroCostCollar { put_strike: 200.0, call_strike: 310.0, put_premium: 9.5, call_premium: 9.5 };
/// assert_eq!(z.net_premium(), 0.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZeroCostCollar {
    /// Put strike `K_p`.
    pub put_strike: f64,
    /// Call strike `K_c ≥ K_p`.
    pub call_strike: f64,
    /// Put premium per coin.
    pub put_premium: f64,
    /// Call premium per coin.
    pub call_premium: f64,
}

impl ZeroCostCollar {
    /// Put premium − call premium per coin (|·| ≤ 1e-9 for a solved collar).
    ///
    /// ```
    /// # use minerhedge::domain::collar::ZeroCostCollar;
    /// let z = ZeroCostCollar { put_strike: 1.0, call_strike: 2.0, put_premium: 0.5, call_premium: 0.25 };
    /// assert_eq!(z.net_premium(), 0.25);
    /// ```
    pub fn net_premium(&self) -> f64 {
        self.put_premium - self.call_premium
    }

    /// The collar as an exact [`Hedge::Collar`] (strikes and premiums converted with
    /// [`dec_from_f64`]).
    ///
    /// ```
    /// # use minerhedge::domain::collar::ZeroCostCollar; use minerhedge::domain::hedge::Hedge;
    /// use rust_decimal::Decimal;
    /// let z = ZeroCostCollar { put_strike: 200.0, call_strike: 310.5, put_premium: 9.5, call_premium: 9.5 };
    /// let Hedge::Collar { call_strike, .. } = z.hedge()? else { unreachable!() };
    /// assert_eq!(call_strike, Decimal::new(3105, 1));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hedge(&self) -> Result<Hedge> {
        Ok(Hedge::Collar {
            put_strike: dec_from_f64(Field::PutStrike, self.put_strike)?,
            put_premium: dec_from_f64(Field::PutPremium, self.put_premium)?,
            call_strike: dec_from_f64(Field::CallStrike, self.call_strike)?,
            call_premium: dec_from_f64(Field::CallPremium, self.call_premium)?,
        })
    }
}

/// Inputs of [`zero_cost_collar`].
///
/// ```
/// use minerhedge::domain::collar::ZeroCostParams;
/// let p = ZeroCostParams { put_strike: 200.0, min_call_strike: 250.0 };
/// assert!(p.min_call_strike >= p.put_strike);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZeroCostParams {
    /// Put strike `K_p`, `(0, 1e9]`.
    pub put_strike: f64,
    /// Lowest call strike allowed, `K_p ≤ K_min ≤ 1e9` (e.g. the spot or the forward).
    pub min_call_strike: f64,
}

/// Zero-cost collar: the call strike `K_c ∈ [K_min, 1e9]` with `C(K_c) = P(K_p)` to
/// [`ZERO_COST`] (1e-9 per coin).
///
/// `f(K) = C(K) − P(K_p)` is non-increasing in `K`; the bracket starts at `[K_min, 2·K_min]`
/// and doubles its upper end (at most to 1e9) until `f ≤ 0`, then Brent's method solves it.
///
/// Errors: [`DomainError::NoZeroCostStrike`] when `f(K_min) < 0` (the put costs more than the
/// cheapest allowed call, e.g. `K_p` above the forward) or `f(1e9) > 0` (the put is worth
/// less than any call in range, e.g. a zero premium); `OutOfRange` for the strikes; pricer
/// errors pass through.
///
/// ```
/// use minerhedge::domain::collar::{zero_cost_collar, OptionPricer, ZeroCostParams};
/// use minerhedge::domain::pricing::OptionKind;
/// use minerhedge::domain::Result;
/// /// A toy pricer: call premium 100·e^{−K/100}, put premium K/10.
/// struct Toy;
/// impl OptionPricer for Toy {
///     fn premium(&self, leg: OptionKind, k: f64) -> Result<f64> {
///         Ok(match leg { OptionKind::Call => 100.0 * (-k / 100.0).exp(), OptionKind::Put => k / 10.0 })
///     }
/// }
/// let z = zero_cost_collar(&Toy, ZeroCostParams { put_strike: 10.0, min_call_strike: 10.0 })?;
/// assert!((z.call_strike - 100.0 * (100.0f64).ln()).abs() < 1e-7);
/// assert!(z.net_premium().abs() <= 1e-9);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn zero_cost_collar<P: OptionPricer + ?Sized>(
    pricer: &P,
    p: ZeroCostParams,
) -> Result<ZeroCostCollar> {
    let kp = const { Range::closed(0.0, MAX_PRICE_F64) }.check(Field::PutStrike, p.put_strike)?;
    if kp <= 0.0 {
        return Err(DomainError::out_of_range(
            Field::PutStrike,
            kp,
            format!("greater than 0 and at most {MAX_PRICE_F64}"),
        ));
    }
    let kmin =
        Range::closed(kp, MAX_PRICE_F64).check(Field::LowestCallStrike, p.min_call_strike)?;
    let put = checked_premium(pricer, OptionKind::Put, kp)?;
    let (call_strike, call_premium) = call_for_premium(pricer, put, kmin)?;
    Ok(ZeroCostCollar {
        put_strike: kp,
        call_strike,
        put_premium: put,
        call_premium,
    })
}

/// The call strike `K ∈ [K_min, 1e9]` whose premium is `target` to [`ZERO_COST`] (1e-9 per
/// coin), and that premium: the call that pays for the other legs of a zero-cost structure
/// (a collar's put, a three-way collar's put spread).
///
/// `f(K) = C(K) − target` is non-increasing in `K`; the bracket starts at `[K_min, 2·K_min]`
/// and doubles its upper end (at most to 1e9) until `f ≤ 0`, then Brent's method solves it.
/// Errors: [`DomainError::NoZeroCostStrike`] when the target is negative, `f(K_min) < 0` (the
/// cheapest allowed call is worth less than the target) or `f(1e9) > 0`; pricer errors pass
/// through.
///
/// ```
/// use minerhedge::domain::collar::call_for_premium;
/// use minerhedge::domain::pricing::{SpotModel, SpotParams, OptionKind};
/// let m = SpotModel::new(SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: 30.0 / 365.0 })?;
/// let (k, c) = call_for_premium(&m, 5.0, 230.0)?;
/// assert!((m.price(OptionKind::Call, k)? - 5.0).abs() <= 1e-9 && (c - 5.0).abs() <= 1e-9);
/// // A worthless put (a pricer's `-0.0`) is paid for by a call worth as little; a negative
/// // target by none.
/// let (k0, c0) = call_for_premium(&m, -0.0, 230.0)?;
/// assert!(k0 > 250.0 && c0 <= 1e-9);
/// assert!(call_for_premium(&m, -1.0, 230.0).is_err());
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn call_for_premium<P: OptionPricer + ?Sized>(
    pricer: &P,
    target: f64,
    min_strike: f64,
) -> Result<(f64, f64)> {
    let kmin = const { Range::closed(0.0, MAX_PRICE_F64) }
        .check(Field::LowestCallStrike, min_strike)?
        .max(f64::MIN_POSITIVE);
    let searched = || format!("between {kmin} and {MAX_PRICE_F64}");
    let no_strike = || DomainError::NoZeroCostStrike {
        put_premium: target,
        searched: searched(),
    };
    // A target of 0 (a worthless put, `-0.0` from the pricer) is met by a call worth as
    // little; a negative one by no call.
    if !(target.is_finite() && target >= -ZERO_COST) {
        return Err(no_strike());
    }
    let target = target.max(0.0);
    let f = |k: f64| -> Result<f64> { Ok(checked_premium(pricer, OptionKind::Call, k)? - target) };
    let f_lo = f(kmin)?;
    if f_lo.abs() <= ZERO_COST {
        return Ok((kmin, f_lo + target));
    }
    if f_lo < 0.0 {
        return Err(no_strike());
    }
    // Expand the upper end until the call is cheaper than the target.
    let mut lo = kmin;
    let mut hi = (2.0 * kmin).min(MAX_PRICE_F64);
    let mut fhi = f(hi)?;
    while fhi > 0.0 {
        if fhi <= ZERO_COST {
            return Ok((hi, fhi + target));
        }
        if hi >= MAX_PRICE_F64 {
            return Err(no_strike());
        }
        lo = hi;
        hi = (2.0 * hi).min(MAX_PRICE_F64);
        fhi = f(hi)?;
    }
    let k = solve(f, lo, hi, "zero-cost call strike")?;
    let call = checked_premium(pricer, OptionKind::Call, k)?;
    if (call - target).abs() <= ZERO_COST {
        Ok((k, call))
    } else {
        Err(DomainError::NoConvergence {
            what: "zero-cost call strike",
        })
    }
}

/// Root of the fallible `f` on `[a, b]` (`f(a)·f(b) ≤ 0`) with the engine's Brent solver
/// ([`root::brent`], strike tolerance `ZERO_COST / 4`); an error from `f` (pricer) wins over
/// the solver's own.
fn solve<F>(mut f: F, a: f64, b: f64, what: &'static str) -> Result<f64>
where
    F: FnMut(f64) -> Result<f64>,
{
    let mut first_err: Option<DomainError> = None;
    let out = root::brent(
        |x| match f(x) {
            Ok(v) => v,
            Err(e) => {
                first_err.get_or_insert(e);
                f64::NAN
            }
        },
        Bracket { lo: a, hi: b },
        ZERO_COST / 4.0,
        200,
    );
    match (first_err, out) {
        (Some(e), _) => Err(e),
        (None, Ok(x)) => Ok(x),
        (None, Err(DomainError::NoConvergence { .. })) => Err(DomainError::NoConvergence { what }),
        (None, Err(e)) => Err(e),
    }
}

/// A bought put that floors the period's result.
///
/// ```
/// use minerhedge::domain::collar::PutFloor;
/// let f = PutFloor { strike: 250.0, premium: 12.0 };
/// assert_eq!(f.strike, 250.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PutFloor {
    /// Put strike `K_p`.
    pub strike: f64,
    /// Premium per coin at that strike.
    pub premium: f64,
}

impl PutFloor {
    /// As an exact [`Hedge::bought_put`].
    ///
    /// ```
    /// # use minerhedge::domain::collar::PutFloor; use minerhedge::domain::hedge::Hedge;
    /// use rust_decimal::Decimal;
    /// let h = PutFloor { strike: 250.0, premium: 12.5 }.hedge()?;
    /// assert_eq!(h, Hedge::bought_put(Decimal::from(250), Decimal::new(125, 1)));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hedge(&self) -> Result<Hedge> {
        Ok(Hedge::bought_put(
            dec_from_f64(Field::PutStrike, self.strike)?,
            dec_from_f64(Field::PutPremium, self.premium)?,
        ))
    }
}

/// Put strike that guarantees a target return: solves `K − k·P(K) = L` (`k` the carry factor,
/// `L` from [`Target::required_level`]) for `K`; then for every `S ≥ worst price`
/// `Q_u·S + h·max(K, S) − h·k·P(K) ≥ cost·(1 + target)`.
///
/// `g(K) = K − k·P(K)` is non-decreasing (`k·∂P/∂K ≤ 1`) and bounded by the forward
/// price, so a target above what the deepest put gives is an `OutOfRange` error on
/// `"target return"` naming the best reachable return. `Ok(None)`: `L ≤ 0`, no put needed.
///
/// ```
/// use minerhedge::domain::collar::{required_put_strike, OptionPricer};
/// use minerhedge::domain::pricing::OptionKind;
/// use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
/// use minerhedge::domain::hedge::Target;
/// use minerhedge::domain::Result;
/// use rust_decimal::Decimal;
/// /// Toy: put premium 0.1·K (so g(K) = 0.9·K at k = 1).
/// struct Toy;
/// impl OptionPricer for Toy {
///     fn premium(&self, leg: OptionKind, k: f64) -> Result<f64> {
///         Ok(match leg { OptionKind::Put => 0.1 * k, OptionKind::Call => 0.0 })
///     }
/// }
/// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
/// let put = required_put_strike(&Toy, &e, &Target::full_coverage(Decimal::ZERO)?, 1.0)?.unwrap();
/// assert!((put.strike - 220.0 / 0.9).abs() < 1e-9);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn required_put_strike<P: OptionPricer + ?Sized>(
    pricer: &P,
    economics: &PeriodEconomics,
    target: &Target,
    carry_factor: f64,
) -> Result<Option<PutFloor>> {
    let k = const { Range::closed(0.0, 100_000.0) }.check(Field::CarryFactor, carry_factor)?;
    if k <= 0.0 {
        return Err(DomainError::out_of_range(
            Field::CarryFactor,
            k,
            "greater than 0 and at most 100,000",
        ));
    }
    let level = dec_f64(target.required_level(economics)?);
    if level <= 0.0 {
        return Ok(None);
    }
    let g = |strike: f64| -> Result<f64> {
        Ok(strike - k * checked_premium(pricer, OptionKind::Put, strike)? - level)
    };
    let unreachable = |best_level: f64| -> DomainError {
        let p = target.params();
        let c = dec_f64(p.coverage);
        let q = dec_f64(economics.output());
        let cost = dec_f64(economics.cost());
        let best = ((1.0 - c) * q * dec_f64(p.worst_price) + c * q * best_level) / cost - 1.0;
        DomainError::out_of_range(
            Field::TargetReturn,
            dec_f64(p.target_return),
            format!("at most {best} (the best any put strike up to {MAX_PRICE_F64} guarantees)"),
        )
    };
    if level > MAX_PRICE_F64 {
        return Err(unreachable(g(MAX_PRICE_F64)? + level));
    }
    // g(K) ≤ K − L, so g(L) ≤ 0: the root lies at or above L.
    let lo = level;
    let glo = g(lo)?;
    if glo.abs() <= ZERO_COST * level.max(1.0) {
        let premium = checked_premium(pricer, OptionKind::Put, lo)?;
        return Ok(Some(PutFloor {
            strike: lo,
            premium,
        }));
    }
    let mut a = lo;
    let mut b = (2.0 * lo).min(MAX_PRICE_F64);
    let mut fb = g(b)?;
    while fb < 0.0 {
        if b >= MAX_PRICE_F64 {
            return Err(unreachable(fb + level));
        }
        a = b;
        b = (2.0 * b).min(MAX_PRICE_F64);
        fb = g(b)?;
    }
    let strike = solve(g, a, b, "required put strike")?;
    let premium = checked_premium(pricer, OptionKind::Put, strike)?;
    Ok(Some(PutFloor { strike, premium }))
}

/// Zero-cost collar whose floor guarantees a target return: put strike `K_p = L` (the net
/// premium is 0, so the floor per hedged coin is `K_p` itself), call strike from
/// [`zero_cost_collar`] with the lowest call strike `max(K_p, min_call_strike)`.
/// `Ok(None)` when `L ≤ 0`; `NoZeroCostStrike` when `L` is so high that no call pays for
/// the put (the target is out of reach with a zero-cost collar: "forego the investment").
///
/// ```
/// use minerhedge::domain::collar::{required_zero_cost_collar, OptionPricer};
/// use minerhedge::domain::pricing::OptionKind;
/// use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
/// use minerhedge::domain::hedge::Target;
/// use minerhedge::domain::Result;
/// use rust_decimal::Decimal;
/// struct Toy;
/// impl OptionPricer for Toy {
///     fn premium(&self, leg: OptionKind, k: f64) -> Result<f64> {
///         Ok(match leg { OptionKind::Call => 100.0 * (-k / 100.0).exp(), OptionKind::Put => k / 1000.0 })
///     }
/// }
/// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
/// let z = required_zero_cost_collar(&Toy, &e, &Target::full_coverage(Decimal::ZERO)?, 0.0)?.unwrap();
/// assert!((z.put_strike - 220.0).abs() < 1e-9);
/// assert!(z.net_premium().abs() <= 1e-9);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn required_zero_cost_collar<P: OptionPricer + ?Sized>(
    pricer: &P,
    economics: &PeriodEconomics,
    target: &Target,
    min_call_strike: f64,
) -> Result<Option<ZeroCostCollar>> {
    const { Range::closed(0.0, MAX_PRICE_F64) }.check(Field::LowestCallStrike, min_call_strike)?;
    let level = dec_f64(target.required_level(economics)?);
    if level <= 0.0 {
        return Ok(None);
    }
    if level > MAX_PRICE_F64 {
        return Err(DomainError::out_of_range(
            Field::TargetReturn,
            dec_f64(target.params().target_return),
            format!("low enough that the required floor is at most {MAX_PRICE_F64}"),
        ));
    }
    zero_cost_collar(
        pricer,
        ZeroCostParams {
            put_strike: level,
            min_call_strike: min_call_strike.max(level),
        },
    )
    .map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Linear;
    impl OptionPricer for Linear {
        fn premium(&self, leg: OptionKind, k: f64) -> Result<f64> {
            Ok(match leg {
                OptionKind::Call => (300.0 - k).max(0.0),
                OptionKind::Put => (k - 200.0).max(0.0),
            })
        }
    }

    #[test]
    fn linear_pricer_solves_exactly() {
        // P(250) = 50 → C(K) = 50 at K = 250.
        let z = zero_cost_collar(
            &Linear,
            ZeroCostParams {
                put_strike: 250.0,
                min_call_strike: 250.0,
            },
        )
        .unwrap();
        assert!((z.call_strike - 250.0).abs() < 1e-9);
        let z = zero_cost_collar(
            &Linear,
            ZeroCostParams {
                put_strike: 220.0,
                min_call_strike: 220.0,
            },
        )
        .unwrap();
        assert!((z.call_strike - 280.0).abs() < 1e-9, "{z:?}");
    }

    #[test]
    fn put_above_cheapest_call_is_typed_error() {
        let e = zero_cost_collar(
            &Linear,
            ZeroCostParams {
                put_strike: 260.0,
                min_call_strike: 260.0,
            },
        )
        .unwrap_err();
        assert!(matches!(e, DomainError::NoZeroCostStrike { .. }), "{e}");
    }

    #[test]
    fn worthless_put_has_no_zero_cost_call_below_cap() {
        struct Flat;
        impl OptionPricer for Flat {
            fn premium(&self, leg: OptionKind, _k: f64) -> Result<f64> {
                Ok(match leg {
                    OptionKind::Call => 1.0,
                    OptionKind::Put => 0.0,
                })
            }
        }
        let e = zero_cost_collar(
            &Flat,
            ZeroCostParams {
                put_strike: 100.0,
                min_call_strike: 100.0,
            },
        )
        .unwrap_err();
        assert!(matches!(e, DomainError::NoZeroCostStrike { .. }));
    }

    #[test]
    fn bad_pricer_output_is_an_error_not_a_nan() {
        struct Nan;
        impl OptionPricer for Nan {
            fn premium(&self, _: OptionKind, _: f64) -> Result<f64> {
                Ok(f64::NAN)
            }
        }
        let e = zero_cost_collar(
            &Nan,
            ZeroCostParams {
                put_strike: 100.0,
                min_call_strike: 100.0,
            },
        )
        .unwrap_err();
        assert_eq!(e.field(), Some(Field::PutPremium));
    }
}
