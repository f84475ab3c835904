//! Margin and collateral of a margined short hedge: when it is liquidated, how likely the price
//! is to get there before settlement, and how much collateral keeps that chance at a target.
//!
//! A hedge that is right at settlement can be closed out on the way there: an exchange marks
//! the short to market and liquidates it when its equity falls below the maintenance margin.
//! For the three shorts a miner uses (prices in USD per coin, `mm` the maintenance margin as a
//! fraction of the notional at the current price `S`):
//!
//! ```text
//! linear forward, h coins sold at F, collateral C (USD):
//!     equity C + h·(F − S) < mm·h·S          ⇔  S > S_liq = (C + h·F) / (h·(1 + mm))
//! inverse forward (coin-margined), N USD sold at F, collateral c = C/S₀ coins:
//!     equity c + N·(1/S − 1/F) < mm·N/S      ⇔  S > S_liq = (1 − mm)·N / (N/F − c)
//!     (never, when c ≥ N/F: the collateral alone covers the contract)
//! hashprice forward, P PH/s for d days at the fixed hashprice H (USD per PH/s per day),
//! settled on HP = k·S (k = (subsidy + fees)·86,400·10¹⁵ / (D·2³²) at the difficulty D):
//!     equity C + P·d·(H − k·S) < mm·P·d·k·S  ⇔  the linear case with h = P·d·k, F = H/k
//! ```
//!
//! The hashprice forward's `k` holds the difficulty at its expected value: its liquidation
//! price is a price at that difficulty. The touch probability is the first-passage probability
//! of a geometric Brownian motion with drift `μ` and volatility `σ` (`ν = μ − σ²/2`,
//! `b = ln(B/S₀)`, `s = σ√T`): for a barrier above spot
//!
//! ```text
//! P(max S ≥ B before T) = N((νT − b)/s) + e^(2νb/σ²)·N((−b − νT)/s)
//! ```
//!
//! and the collateral needed is the collateral whose liquidation price is the barrier with the
//! target touch probability (never less than the initial margin the exchange asks).

use super::Field;
use super::error::Result;
use super::pricing::normal;
use super::pricing::root::{Bracket, brent};
use super::range::Range;
use super::tolerance::ROOT;
use super::validate::{finite, non_negative, positive};

/// An exchange's margin terms, as fractions of the notional (18 % is `0.18`).
///
/// ```
/// use minerhedge::domain::margin::MarginTerms;
/// assert!(MarginTerms::new(0.25, 0.10).is_ok());
/// assert!(MarginTerms::new(0.05, 0.10).is_err()); // maintenance above initial
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarginTerms {
    initial: f64,
    maintenance: f64,
}

impl MarginTerms {
    /// Initial margin (of the notional at entry) and maintenance margin (of the notional at
    /// the current price), each in `[0, 1]`, maintenance not above initial.
    pub fn new(initial: f64, maintenance: f64) -> Result<Self> {
        let unit = const { Range::closed(0.0, 1.0) };
        let initial = unit.check(Field::InitialMargin, initial)?;
        let maintenance = unit.check(Field::MaintenanceMargin, maintenance)?;
        let up_to_initial = Range::closed(0.0, initial);
        up_to_initial.check(Field::MaintenanceMargin, maintenance)?;
        Ok(MarginTerms {
            initial,
            maintenance,
        })
    }

    /// The initial margin, a fraction.
    pub fn initial(&self) -> f64 {
        self.initial
    }

    /// The maintenance margin, a fraction.
    pub fn maintenance(&self) -> f64 {
        self.maintenance
    }
}

/// A short hedge held on margin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Short {
    /// A linear (USD-margined) forward: `coins` sold at `price` USD per coin.
    Linear {
        /// Coins sold.
        coins: f64,
        /// Forward price, USD per coin.
        price: f64,
    },
    /// A coin-margined inverse forward: `usd` of contracts sold at `price` USD per coin; the
    /// collateral is held in coin.
    Inverse {
        /// Notional, USD.
        usd: f64,
        /// Forward price, USD per coin.
        price: f64,
    },
}

impl Short {
    /// A linear short of `coins` at `price` (both positive).
    pub fn linear(coins: f64, price: f64) -> Result<Self> {
        Ok(Short::Linear {
            coins: positive(Field::HedgedQuantity, coins)?,
            price: positive(Field::ForwardPrice, price)?,
        })
    }

    /// A coin-margined inverse short of `usd` notional at `price` (both positive).
    pub fn inverse(usd: f64, price: f64) -> Result<Self> {
        Ok(Short::Inverse {
            usd: positive(Field::InverseNotional, usd)?,
            price: positive(Field::ForwardPrice, price)?,
        })
    }

    /// The hashprice forward as the linear short it margins like: `notional_ph` PH/s for
    /// `days` at the fixed hashprice `fixed` (USD per PH/s per day), settled on `k·S` with
    /// `k` = hashprice per USD of coin price at the expected difficulty.
    ///
    /// ```
    /// use minerhedge::domain::margin::Short;
    /// // 10 PH/s for 30 days at $50/PH/day, k = 0.0005 (hashprice $50 at $100,000):
    /// let s = Short::hashprice(10.0, 30.0, 50.0, 0.0005)?;
    /// assert_eq!(s, Short::Linear { coins: 0.15, price: 100_000.0 });
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hashprice(notional_ph: f64, days: f64, fixed: f64, k: f64) -> Result<Self> {
        let p = positive(Field::Notional, notional_ph)?;
        let d = positive(Field::PeriodLength, days)?;
        let h = positive(Field::Hashprice, fixed)?;
        let k = positive(Field::Hashprice, k)?;
        Short::linear(p * d * k, h / k)
    }

    /// The initial margin in USD at spot `spot`: of the notional at entry.
    pub fn initial_margin(&self, terms: MarginTerms) -> f64 {
        match *self {
            Short::Linear { coins, price } => terms.initial * coins * price,
            Short::Inverse { usd, .. } => terms.initial * usd,
        }
    }

    /// The price above which the short is liquidated with `collateral` USD posted at
    /// `spot` (an inverse short's collateral is that many USD of coin at `spot`); `None` when
    /// no price liquidates it.
    ///
    /// ```
    /// use minerhedge::domain::margin::{MarginTerms, Short};
    /// let s = Short::linear(10.0, 100_000.0)?;
    /// let t = MarginTerms::new(0.25, 0.10)?;
    /// // (250,000 + 1,000,000) / (10 · 1.1)
    /// let liq = s.liquidation_price(250_000.0, 100_000.0, t).unwrap();
    /// assert!((liq - 113_636.363_636_363_6).abs() < 1e-6);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn liquidation_price(&self, collateral: f64, spot: f64, terms: MarginTerms) -> Option<f64> {
        let mm = terms.maintenance;
        match *self {
            Short::Linear { coins, price } => {
                Some((collateral + coins * price) / (coins * (1.0 + mm)))
            }
            Short::Inverse { usd, price } => {
                let uncovered = usd / price - collateral / spot;
                (uncovered > 0.0 && mm < 1.0).then(|| (1.0 - mm) * usd / uncovered)
            }
        }
    }

    /// The collateral (USD at `spot`) whose liquidation price is `barrier`; 0 when none is
    /// needed for that.
    pub fn collateral_for(&self, barrier: f64, spot: f64, terms: MarginTerms) -> f64 {
        let mm = terms.maintenance;
        let coll = match *self {
            Short::Linear { coins, price } => coins * (barrier * (1.0 + mm) - price),
            Short::Inverse { usd, price } => spot * (usd / price - (1.0 - mm) * usd / barrier),
        };
        coll.max(0.0)
    }
}

/// The price process until settlement: spot, years to settlement, drift and volatility
/// (fractions a year).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PricePath {
    /// Spot, USD per coin (positive).
    pub spot: f64,
    /// Years to settlement (non-negative).
    pub years: f64,
    /// Drift `μ` of the price, a year.
    pub drift: f64,
    /// Volatility `σ` of the price, a year (non-negative).
    pub vol: f64,
}

impl PricePath {
    fn checked(self) -> Result<Self> {
        positive(Field::Spot, self.spot)?;
        non_negative(Field::Expiry, self.years)?;
        finite(Field::Drift, self.drift)?;
        non_negative(Field::Volatility, self.vol)?;
        Ok(self)
    }

    /// The probability that the price touches `barrier` before settlement (continuously
    /// monitored; 1 when spot is already at or beyond it, from either side).
    ///
    /// ```
    /// use minerhedge::domain::margin::PricePath;
    /// let p = PricePath { spot: 100.0, years: 1.0, drift: 0.0, vol: 0.5 };
    /// // no drift in ln S (μ = σ²/2): the reflection principle, 2·N(−b/σ√T)
    /// let q = PricePath { drift: 0.125, ..p }.touch_probability(150.0)?;
    /// let b = (1.5f64).ln() / 0.5;
    /// assert!((q - 2.0 * minerhedge::domain::pricing::normal::cdf(-b)).abs() < 1e-15);
    /// assert_eq!(p.touch_probability(100.0)?, 1.0);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn touch_probability(&self, barrier: f64) -> Result<f64> {
        let p = self.checked()?;
        let barrier = positive(Field::Settlement, barrier)?;
        let b = (barrier / p.spot).ln();
        if b == 0.0 {
            return Ok(1.0);
        }
        let nu = p.drift - 0.5 * p.vol * p.vol;
        let s = p.vol * p.years.sqrt();
        if s == 0.0 {
            // A sure path: it touches iff its end (a monotone path) is beyond the barrier.
            let end = nu * p.years;
            return Ok(if (b > 0.0 && end >= b) || (b < 0.0 && end <= b) {
                1.0
            } else {
                0.0
            });
        }
        // Above spot: the maximum; below: the minimum (ω = −1 mirrors the formula).
        let w = b.signum();
        let first = normal::cdf(w * (nu * p.years - b) / s);
        let tail = normal::cdf(w * (-b - nu * p.years) / s);
        let second = if tail > 0.0 {
            (2.0 * nu * b / (p.vol * p.vol) + tail.ln()).exp()
        } else {
            0.0
        };
        Ok((first + second).clamp(0.0, 1.0))
    }

    /// The barrier above spot whose touch probability is `target` (in `(0, 1)`).
    ///
    /// ```
    /// use minerhedge::domain::margin::PricePath;
    /// let p = PricePath { spot: 100_000.0, years: 0.25, drift: 0.04, vol: 0.5 };
    /// let b = p.upper_barrier(0.01)?;
    /// assert!((p.touch_probability(b)? - 0.01).abs() < 1e-9);
    /// // No volatility and a falling drift: no barrier above spot is ever touched.
    /// let sure = PricePath { vol: 0.0, drift: -0.68, ..p };
    /// assert!(sure.upper_barrier(0.01)? <= 100_000.0 * (1.0 + 1e-9));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn upper_barrier(&self, target: f64) -> Result<f64> {
        self.barrier(target, 1.0)
    }

    /// The barrier below spot whose touch probability is `target` (in `(0, 1)`): the price a
    /// loan against coins should keep its margin call under.
    ///
    /// ```
    /// use minerhedge::domain::margin::PricePath;
    /// let p = PricePath { spot: 100_000.0, years: 2.0, drift: 0.05, vol: 0.6 };
    /// let b = p.lower_barrier(0.01)?;
    /// assert!(b < 100_000.0 && (p.touch_probability(b)? - 0.01).abs() < 1e-9);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn lower_barrier(&self, target: f64) -> Result<f64> {
        self.barrier(target, -1.0)
    }

    /// The barrier on side `w` of spot (`1`: above, `−1`: below) whose touch probability is
    /// `target`.
    fn barrier(&self, target: f64, w: f64) -> Result<f64> {
        let p = self.checked()?;
        let target = const { Range::above(0.0, 1.0) }
            .check(Field::TouchProbability, target)
            .and_then(|t| const { Range::below(0.0, 1.0) }.check(Field::TouchProbability, t))?;
        // In x = ±ln(B/S₀), from just beyond spot (probability → 1) out to 40 standard
        // deviations plus the drift (probability far below any target a page asks).
        let hi = 40.0 * (p.vol * p.years.sqrt()).max(1e-6) + p.drift.abs() * p.years + 1e-6;
        let gap = |x: f64| p.touch_probability(p.spot * (w * x).exp()).unwrap_or(0.0) - target;
        let lo = 1e-12;
        // A path that cannot move that way (no volatility, a drift the other way) touches no
        // barrier beyond spot: the nearest one already meets the target.
        if gap(lo) <= 0.0 {
            return Ok(p.spot * (w * lo).exp());
        }
        let x = brent(gap, Bracket { lo, hi }, ROOT, 200)?;
        Ok(p.spot * (w * x).exp())
    }
}

/// What margin does to a short hedge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarginRisk {
    /// Initial margin the exchange asks, USD.
    pub initial_margin: f64,
    /// Collateral posted, USD (the initial margin unless given).
    pub collateral: f64,
    /// Price above which the short is liquidated (`None`: never).
    pub liquidation_price: Option<f64>,
    /// Probability that the price touches the liquidation price before settlement.
    pub liquidation_probability: f64,
    /// Collateral that brings that probability down to the target (never below the initial
    /// margin), USD.
    pub collateral_needed: f64,
}

/// The margin risk of `short` under `terms` on `path`, with `collateral` USD posted (the
/// initial margin when `None`) and a target touch probability `target` (a fraction in
/// `(0, 1)`).
///
/// ```
/// use minerhedge::domain::margin::{margin_risk, MarginTerms, PricePath, Short};
/// let short = Short::linear(10.0, 100_000.0)?;
/// let path = PricePath { spot: 100_000.0, years: 0.25, drift: 0.04, vol: 0.5 };
/// let r = margin_risk(short, MarginTerms::new(0.25, 0.10)?, path, None, 0.01)?;
/// assert_eq!(r.collateral, 250_000.0);
/// assert!(r.liquidation_probability > 0.01);
/// assert!(r.collateral_needed > r.collateral);
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn margin_risk(
    short: Short,
    terms: MarginTerms,
    path: PricePath,
    collateral: Option<f64>,
    target: f64,
) -> Result<MarginRisk> {
    let path = path.checked()?;
    let initial_margin = short.initial_margin(terms);
    let collateral = match collateral {
        Some(c) => non_negative(Field::Collateral, c)?,
        None => initial_margin,
    };
    let liquidation_price = short.liquidation_price(collateral, path.spot, terms);
    // Prices above the liquidation price liquidate: at or below spot, the short is
    // liquidated at once.
    let liquidation_probability = match liquidation_price {
        Some(s) if s > path.spot => path.touch_probability(s)?,
        Some(_) => 1.0,
        None => 0.0,
    };
    let barrier = path.upper_barrier(target)?;
    let collateral_needed = short
        .collateral_for(barrier, path.spot, terms)
        .max(initial_margin);
    Ok(MarginRisk {
        initial_margin,
        collateral,
        liquidation_price,
        liquidation_probability,
        collateral_needed,
    })
}
