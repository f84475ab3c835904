//! Power contracts and the rig's right to switch off: what a period of mining earns and pays
//! for power at a coin price `S`, when the rig buys at the hour's market price and runs only
//! in the hours its mining pays for its power.
//!
//! With the rig's full-run output `Q_full` (coins) and full-run energy `E_full = MW·N·up`
//! (MWh, `N = 24·days` hours) over the period:
//!
//! ```text
//! EHP(S) = S·Q_full / E_full                  energy-adjusted hashprice, USD per MWh
//! u(S)   = Pr(P < EHP(S))                     run share (index and ppa)
//! ```
//!
//! The hour's price `P` is lognormal with mean `pidx` and log-sd `psd`
//! (`ln P ~ N(ln pidx − psd²/2, psd²)`), or a curve of equally weighted prices (negative
//! allowed). The contracts ([`Contract`]):
//! - **fixed**: every hour at `pwr`: output `Q_full`, cost `E_full·1000·pwr`, no credits;
//! - **index**: each hour at its price, running iff `P < EHP`: output `Q_full·u`, cost
//!   `E_full·E[P; P < EHP]` (lognormal: `E_full·pidx·N(d − psd)`, `d = (ln(EHP/pidx) +
//!   psd²/2)/psd`, `u = N(d)`);
//! - **ppa**: a take-or-pay block of `MW` for all `N` hours at `pwr`, resold in the hours the
//!   rig does not run: output `Q_full·u`, cost `MW·N·1000·pwr`, credits
//!   `MW·N·[(1 − up)·m + up·E[P; P ≥ EHP]]` (`m` the mean price).
//!
//! Any contract may earn a capacity credit `drc` USD per MW per 30 days. The curtailment value
//! is what the right to switch off is worth against running every available hour,
//! `E_full·E[(P − EHP)⁺]`.
//!
//! Groundwork of the power issue (25): the engine's model, held to
//! `tests/data/power_reference.{py,csv}`; the page does not read power keys yet.

use super::error::{DomainError, Result};
use super::field::Field;
use super::pricing::normal::cdf;
use crate::domain::range::Range;

pub mod import;

/// The most points a price curve holds (an hour-of-day profile at half-hour resolution).
pub const MAX_CURVE_POINTS: usize = 48;

/// How the rig buys its power.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Contract {
    /// Every hour at the fixed price: no curtailment (the page's model before the power
    /// issue).
    #[default]
    Fixed,
    /// Each hour at the market's price; the rig runs when mining pays for the hour.
    Index,
    /// A take-or-pay block at the fixed price with the right to resell at the hour's price.
    Ppa,
}

impl Contract {
    /// The contracts' words in a link, in declaration order.
    pub const WORDS: &'static [&'static str] = &["fixed", "index", "ppa"];

    /// The word of the contract (`fixed`, `index`, `ppa`).
    ///
    /// ```
    /// use minerhedge::domain::power::Contract;
    /// assert_eq!(Contract::Ppa.as_str(), "ppa");
    /// assert_eq!(Contract::parse("INDEX"), Some(Contract::Index));
    /// ```
    pub fn as_str(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    /// The contract of a word (ignoring ASCII case).
    pub fn parse(word: &str) -> Option<Contract> {
        [Contract::Fixed, Contract::Index, Contract::Ppa]
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(word.trim()))
    }
}

/// The hour's power price over the period.
#[derive(Debug, Clone, PartialEq)]
pub enum HourPrices {
    /// Lognormal with mean `mean` (USD/MWh, `> 0`) and log-sd `log_sd` (`0 < psd ≤ 5`).
    Lognormal {
        /// Mean price, USD per MWh.
        mean: f64,
        /// Standard deviation of the log price.
        log_sd: f64,
    },
    /// Equally weighted prices, USD per MWh (negative allowed; 1 to
    /// [`MAX_CURVE_POINTS`]).
    Curve(Vec<f64>),
}

impl HourPrices {
    /// Checks the model: a positive mean and a log-sd in `(0, 5]`, or a curve of 1 to 48
    /// finite prices within ±1,000,000 USD/MWh.
    ///
    /// ```
    /// use minerhedge::domain::power::HourPrices;
    /// assert!(HourPrices::Lognormal { mean: 60.0, log_sd: 0.5 }.check().is_ok());
    /// assert!(HourPrices::Curve(vec![]).check().is_err());
    /// ```
    pub fn check(&self) -> Result<()> {
        match self {
            HourPrices::Lognormal { mean, log_sd } => {
                const { Range::above(0.0, 1e6) }.check(Field::PowerPrice, *mean)?;
                const { Range::above(0.0, 5.0) }.check(Field::Volatility, *log_sd)?;
            }
            HourPrices::Curve(points) => {
                if points.is_empty() || points.len() > MAX_CURVE_POINTS {
                    return Err(DomainError::out_of_range(
                        Field::PowerPrice,
                        points.len() as f64,
                        format!("1 to {MAX_CURVE_POINTS} prices"),
                    ));
                }
                for p in points {
                    const { Range::closed(-1e6, 1e6) }.check(Field::PowerPrice, *p)?;
                }
            }
        }
        Ok(())
    }

    /// The mean price `m`, USD per MWh.
    pub fn mean(&self) -> f64 {
        match self {
            HourPrices::Lognormal { mean, .. } => *mean,
            HourPrices::Curve(p) => p.iter().sum::<f64>() / p.len().max(1) as f64,
        }
    }

    /// The run share at an energy-adjusted hashprice `ehp`: `Pr(P < ehp)`, the share of the
    /// hours mining pays for its power (lognormal: `N(d)`; a curve: the share of its prices
    /// below `ehp`). The `u` of [`PowerTerms::at`].
    ///
    /// ```
    /// use minerhedge::domain::power::HourPrices;
    /// assert_eq!(HourPrices::Curve(vec![50.0, 150.0, -5.0, 80.0]).run_share(100.0), 0.75);
    /// // The median exp(−psd²/2)·pidx splits the lognormal's hours in half.
    /// let u = HourPrices::Lognormal { mean: 60.0, log_sd: 0.5 }.run_share(60.0 * (-0.125f64).exp());
    /// assert!((u - 0.5).abs() < 1e-15);
    /// ```
    pub fn run_share(&self, ehp: f64) -> f64 {
        self.split(ehp).below
    }

    /// The hours' split at `x`: `Pr(P < x)`, `Pr(P ≥ x)` (each computed on its own, so a
    /// far tail keeps its digits: `N(−d)`, not `1 − N(d)`), `E[P; P < x]`, `E[P; P ≥ x]`.
    fn split(&self, x: f64) -> Split {
        match self {
            HourPrices::Lognormal { mean, log_sd } => {
                if x <= 0.0 {
                    return Split {
                        below: 0.0,
                        above: 1.0,
                        cost_below: 0.0,
                        cost_above: *mean,
                    };
                }
                let d = (libm::log(x / mean) + 0.5 * log_sd * log_sd) / log_sd;
                Split {
                    below: cdf(d),
                    above: cdf(-d),
                    cost_below: mean * cdf(d - log_sd),
                    cost_above: mean * cdf(log_sd - d),
                }
            }
            HourPrices::Curve(points) => {
                let n = points.len().max(1) as f64;
                let mut s = Split {
                    below: 0.0,
                    above: 0.0,
                    cost_below: 0.0,
                    cost_above: 0.0,
                };
                for &p in points {
                    if p < x {
                        s.below += 1.0;
                        s.cost_below += p;
                    } else {
                        s.above += 1.0;
                        s.cost_above += p;
                    }
                }
                Split {
                    below: s.below / n,
                    above: s.above / n,
                    cost_below: s.cost_below / n,
                    cost_above: s.cost_above / n,
                }
            }
        }
    }
}

/// The hours on either side of a price: their shares and what they cost (means over all
/// hours).
struct Split {
    below: f64,
    above: f64,
    cost_below: f64,
    cost_above: f64,
}

/// The rig's full-run period figures the contracts read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RigRun {
    /// Coins mined running every available hour, `Q_full`.
    pub output: f64,
    /// Its load, MW.
    pub load_mw: f64,
    /// Hours of the period, `N = 24·days`.
    pub hours: f64,
    /// Uptime, a fraction.
    pub uptime: f64,
}

impl RigRun {
    /// Energy running every available hour, `E_full = MW·N·up`, MWh.
    pub fn energy_mwh(&self) -> f64 {
        self.load_mw * self.hours * self.uptime
    }

    /// The energy-adjusted hashprice at `s`: `S·Q_full / E_full`, USD per MWh (0 without
    /// energy).
    ///
    /// ```
    /// use minerhedge::domain::power::RigRun;
    /// let rig = RigRun { output: 1.0, load_mw: 1.0, hours: 720.0, uptime: 1.0 };
    /// assert_eq!(rig.ehp(72_000.0), 100.0);
    /// ```
    pub fn ehp(&self, s: f64) -> f64 {
        let e = self.energy_mwh();
        if e > 0.0 { s * self.output / e } else { 0.0 }
    }
}

/// A power contract's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerTerms {
    /// The contract.
    pub contract: Contract,
    /// The hour's price (index and ppa).
    pub prices: HourPrices,
    /// The fixed price (fixed and ppa), USD per MWh (`1000·pwr`).
    pub fixed_mwh: f64,
    /// Capacity credit, USD per MW per 30 days.
    pub capacity_credit: f64,
    /// Days of the period.
    pub days: f64,
}

/// What the period earns and pays for power at a coin price.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PowerAt {
    /// Energy-adjusted hashprice, USD per MWh.
    pub ehp: f64,
    /// Share of the available hours the rig runs.
    pub run_share: f64,
    /// Coins mined.
    pub output: f64,
    /// Power paid, USD.
    pub power_cost: f64,
    /// Resale and capacity credits, USD.
    pub credits: f64,
    /// What switching off is worth against running every available hour, USD.
    pub curtailment_value: f64,
}

impl PowerAt {
    /// Revenue at `s` less power: `output·S + credits − power cost`.
    pub fn margin(&self, s: f64) -> f64 {
        self.output * s + self.credits - self.power_cost
    }
}

impl PowerTerms {
    /// The period at coin price `s ≥ 0` (see the module docs).
    ///
    /// ```
    /// use minerhedge::domain::power::{Contract, HourPrices, PowerTerms, RigRun};
    /// let rig = RigRun { output: 1.0, load_mw: 1.0, hours: 720.0, uptime: 1.0 };
    /// let terms = PowerTerms { contract: Contract::Index, prices: HourPrices::Curve(vec![50.0, 150.0]),
    ///     fixed_mwh: 60.0, capacity_credit: 0.0, days: 30.0 };
    /// // EHP 100: the rig runs in the $50 half of the hours only.
    /// let at = terms.at(&rig, 72_000.0);
    /// assert_eq!((at.run_share, at.output, at.power_cost), (0.5, 0.5, 720.0 * 25.0));
    /// assert_eq!(at.curtailment_value, 720.0 * 25.0);
    /// ```
    pub fn at(&self, rig: &RigRun, s: f64) -> PowerAt {
        self.at_level(rig, s, 1.0)
    }

    /// The period at coin price `s ≥ 0` when every hour's market price is `level > 0` times
    /// the model's (a simulated month's power price level): the hours split at `EHP/level`
    /// and their prices scaled, `Pr(L·P < x) = Pr(P < x/L)`, `E[L·P; L·P < x] =
    /// L·E[P; P < x/L]`. The fixed price (`fixed_mwh`) and the capacity credit are contract
    /// terms and do not move; `level = 1` is [`PowerTerms::at`] exactly.
    ///
    /// ```
    /// use minerhedge::domain::power::{Contract, HourPrices, PowerTerms, RigRun};
    /// let rig = RigRun { output: 1.0, load_mw: 1.0, hours: 720.0, uptime: 1.0 };
    /// let terms = PowerTerms { contract: Contract::Index, prices: HourPrices::Curve(vec![50.0, 150.0]),
    ///     fixed_mwh: 60.0, capacity_credit: 0.0, days: 30.0 };
    /// // Prices at 60 % ($30 and $90): below the EHP of 100 in every hour.
    /// let at = terms.at_level(&rig, 72_000.0, 0.6);
    /// assert_eq!((at.run_share, at.output), (1.0, 1.0));
    /// assert!((at.power_cost - 720.0 * 60.0).abs() < 1e-9);
    /// assert_eq!(terms.at_level(&rig, 72_000.0, 1.0), terms.at(&rig, 72_000.0));
    /// ```
    pub fn at_level(&self, rig: &RigRun, s: f64, level: f64) -> PowerAt {
        let ehp = rig.ehp(s);
        let e_full = rig.energy_mwh();
        let capacity = self.capacity_credit * rig.load_mw * self.days / 30.0;
        // A level that underflowed to 0 (or overflowed) stays a positive finite number.
        let level = level.clamp(f64::MIN_POSITIVE, f64::MAX);
        let hours = self.prices.split(ehp / level);
        let (u, below, above) = (
            hours.below,
            level * hours.cost_below,
            level * hours.cost_above,
        );
        // E[(P − EHP)⁺] = E[P; P ≥ EHP] − EHP·Pr(P ≥ EHP).
        let option = (above - ehp * hours.above).max(0.0);
        match self.contract {
            Contract::Fixed => PowerAt {
                ehp,
                run_share: 1.0,
                output: rig.output,
                power_cost: e_full * self.fixed_mwh,
                credits: capacity,
                curtailment_value: 0.0,
            },
            Contract::Index => PowerAt {
                ehp,
                run_share: u,
                output: rig.output * u,
                power_cost: e_full * below,
                credits: capacity,
                curtailment_value: e_full * option,
            },
            Contract::Ppa => {
                let block = rig.load_mw * rig.hours;
                let mean = level * self.prices.mean();
                let resale = block * ((1.0 - rig.uptime) * mean + rig.uptime * above);
                PowerAt {
                    ehp,
                    run_share: u,
                    output: rig.output * u,
                    power_cost: block * self.fixed_mwh,
                    credits: resale + capacity,
                    curtailment_value: e_full * option,
                }
            }
        }
    }
}
