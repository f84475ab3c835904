//! The power contract of a link (`ptype`, `pidx`, `psd`, `pcurve`, `drc`) and the engine's
//! terms it stands for, per period or per month of a program.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::list::List;
use super::number::parse_decimal;
use super::spec::Kind;
use super::value::{Value, Why, dec_text};
use super::{Key, LinkError, Mode, Scenario};
use crate::domain::power::{Contract, HourPrices, MAX_CURVE_POINTS, PowerTerms};

/// The power contract and the hour's price (rig mode).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PowerInputs {
    /// `ptype`: how the rig buys its power.
    pub contract: Contract,
    /// `pidx`: mean hourly price per month, USD/MWh; an empty item: `1000·pwr`.
    pub index: List<Option<Decimal>>,
    /// `psd`: log-sd of the hour's price per month.
    pub log_sd: List<Decimal>,
    /// `pcurve`: the hours' prices, USD/MWh (empty: the lognormal).
    pub curve: PriceCurve,
    /// `drc`: capacity credit, USD per MW per 30 days.
    pub capacity_credit: Decimal,
}

/// A price curve: 0 (not given) to [`MAX_CURVE_POINTS`] prices, USD/MWh, as written.
///
/// ```
/// use minerhedge::link::{Key, Scenario};
/// let d = Scenario::from_query("mode=rig&ptype=index&pcurve=-5,20,1e2");
/// assert!(d.errors.is_empty(), "{:?}", d.errors);
/// assert_eq!(d.scenario.get_key(Key::PowerCurve), "-5,20,100");
/// let long = vec!["30"; 49].join(",");
/// let e = Scenario::from_query(&format!("mode=rig&pcurve={long}")).errors;
/// assert!(e[0].to_string().contains("more than 48 prices"), "{}", e[0]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PriceCurve(pub Vec<Decimal>);

impl Value for PriceCurve {
    fn read(kind: Kind, text: &str) -> Result<Self, Why> {
        if text.is_empty() {
            return Ok(PriceCurve(Vec::new()));
        }
        let parts: Vec<&str> = text.split(',').map(str::trim).collect();
        if parts.len() > MAX_CURVE_POINTS {
            return Err(format!(
                "{} prices: more than {MAX_CURVE_POINTS} prices (24 hour buckets, or 48 \
                 half-hours, describe a month's hours)",
                parts.len()
            )
            .into());
        }
        let mut points = Vec::with_capacity(parts.len());
        for (i, p) in parts.iter().enumerate() {
            let d = parse_decimal(p)
                .map_err(|why| format!("price {} (\"{p}\"): {why}", i + 1))?
                .normalize();
            if kind.range().is_some_and(|r| !r.contains(d)) {
                return Err(format!("price {} ({p}) is out of range", i + 1).into());
            }
            points.push(d);
        }
        Ok(PriceCurve(points))
    }

    fn write(&self) -> String {
        self.0
            .iter()
            .map(|d| dec_text(*d))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// `d` as `f64` (0 when it does not fit, which a validated input never is).
fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

impl PowerInputs {
    /// Whether the power model changes anything: a contract other than `fixed`, or a capacity
    /// credit. With neither, the page is the fixed-power page exactly.
    pub fn is_active(&self) -> bool {
        self.contract != Contract::Fixed || self.capacity_credit > Decimal::ZERO
    }

    /// Whether any power key differs from its default (what direct mode refuses).
    pub fn any_set(&self) -> bool {
        *self != Scenario::default().economics.power
    }

    /// The hour's price of month `m` (0 for the period page): the curve when given, else the
    /// lognormal of `pidx` (or `1000·pwr`) and `psd`.
    pub fn prices(&self, m: usize, power_usd_per_kwh: Decimal) -> HourPrices {
        if !self.curve.0.is_empty() {
            return HourPrices::Curve(self.curve.0.iter().map(|d| f(*d)).collect());
        }
        let mean = self
            .index
            .at(m)
            .to_owned()
            .unwrap_or(power_usd_per_kwh * Decimal::ONE_THOUSAND);
        HourPrices::Lognormal {
            mean: f(mean),
            log_sd: f(*self.log_sd.at(m)),
        }
    }

    /// The engine's terms for month `m` (0 for the period page) of `days` days.
    pub fn terms(&self, m: usize, power_usd_per_kwh: Decimal, days: f64) -> PowerTerms {
        PowerTerms {
            contract: self.contract,
            prices: self.prices(m, power_usd_per_kwh),
            fixed_mwh: f(power_usd_per_kwh * Decimal::ONE_THOUSAND),
            capacity_credit: f(self.capacity_credit),
            days,
        }
    }
}

impl Scenario {
    /// The period page's power terms, when the power model changes anything (rig mode and a
    /// contract other than `fixed` or a capacity credit).
    ///
    /// ```
    /// use minerhedge::link::Scenario;
    /// use minerhedge::domain::power::{Contract, HourPrices};
    /// assert!(Scenario::from_query("mode=rig").scenario.power_terms().is_none());
    /// let t = Scenario::from_query("mode=rig&ptype=index&pwr=0.05").scenario.power_terms().ok_or("none")?;
    /// assert_eq!(t.contract, Contract::Index);
    /// assert_eq!(t.prices, HourPrices::Lognormal { mean: 50.0, log_sd: 0.5 });
    /// # Ok::<(), &str>(())
    /// ```
    pub fn power_terms(&self) -> Option<PowerTerms> {
        let e = &self.economics;
        (e.mode == Mode::Rig && e.power.is_active())
            .then(|| e.power.terms(0, e.rig.power_usd_per_kwh, f64::from(e.days)))
    }

    /// The power keys' cross-key rules: none of them in direct mode.
    pub(super) fn power_errors(&self) -> Vec<LinkError> {
        let e = &self.economics;
        let mut errors = Vec::new();
        if e.mode == Mode::Direct && e.power.any_set() {
            let key = [
                (Key::PowerContract, e.power.contract != Contract::Fixed),
                (Key::PowerCurve, !e.power.curve.0.is_empty()),
                (Key::CapacityCredit, e.power.capacity_credit > Decimal::ZERO),
                (Key::PowerIndex, true),
            ]
            .into_iter()
            .find(|(_, set)| *set)
            .map_or(Key::PowerContract, |(k, _)| k);
            errors.push(LinkError {
                key,
                value: self.get_key(key),
                reason: "power keys need mode=rig (direct mode gives the cost and output); \
                         ignored"
                    .to_string(),
            });
        }
        errors
    }
}
