//! The period page's power contract: the rig's full-run figures, the plan (the contract at
//! the model's forward, what coverage is a share of) and the figures at any final price.

use rust_decimal::Decimal;

use super::Message;
use crate::chart::power::HourPriceChart;
use crate::domain::economics::Rig;
use crate::domain::hedge::Row;
use crate::domain::power::{Contract, HourPrices, PowerAt, PowerTerms, RigRun};
use crate::domain::risk::PowerLeg;
use crate::domain::validate::dec_f64;
use crate::domain::{Field, money};
use crate::link::{Key, Scenario};

/// Points of the hour-price chart's lognormal curve.
const HOUR_CHART_SAMPLES: usize = 200;

/// The power contract of the period page (rig mode, `ptype` other than `fixed` or a `drc`).
#[derive(Debug, Clone, PartialEq)]
pub struct PowerView {
    /// The contract's terms.
    pub terms: PowerTerms,
    /// The rig running every available hour.
    pub rig: RigRun,
    /// The model's forward `S·e^{rT}`, where the plan is valued.
    pub plan_price: f64,
    /// The contract at the plan's price: its output is what coverage is a share of.
    pub plan: PowerAt,
    /// Costs other than power over the period (other costs and amortization), USD.
    pub other_cost: f64,
    /// Cash costs other than power (other costs), USD.
    pub other_cash_cost: f64,
}

/// `x` as a decimal, through the engine's one conversion ([`money::dec_from_f64`]: the
/// shortest decimal that reads back as `x`); 0 for a value a decimal cannot hold, which the
/// contracts' finite figures never are.
pub(super) fn dec(x: f64) -> Decimal {
    money::dec_from_f64(Field::PowerPrice, x)
        .unwrap_or_default()
        .normalize()
}

impl PowerView {
    /// The power view of `s` on `rig`, when the power model changes anything; an error names
    /// the key at fault.
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::power::PowerView, domain::economics::{Rig, RigParams}};
    /// let rig = Rig::new(RigParams::example()).unwrap();
    /// let s = Scenario::from_query("mode=rig&ptype=index").scenario;
    /// let p = PowerView::of(&s, &rig).unwrap().unwrap();
    /// assert!(p.plan.run_share > 0.0 && p.plan.run_share < 1.0);
    /// ```
    pub fn of(s: &Scenario, rig: &Rig) -> Result<Option<PowerView>, Message> {
        let Some(terms) = s.power_terms() else {
            return Ok(None);
        };
        let key = match terms.prices {
            HourPrices::Curve(_) => Key::PowerCurve,
            HourPrices::Lognormal { .. } => Key::PowerIndex,
        };
        terms.prices.check().map_err(|e| Message {
            key: Some(key),
            text: e.to_string(),
        })?;
        let p = rig.params();
        let run = RigRun {
            output: dec_f64(rig.expected_output()),
            load_mw: dec_f64(p.hashrate_ths * p.efficiency_j_per_th) / 1e6,
            hours: 24.0 * f64::from(s.economics.days),
            uptime: dec_f64(p.uptime),
        };
        let plan_price = dec_f64(s.market.spot) * libm::exp(s.rate() * s.years());
        let plan = terms.at(&run, plan_price);
        let other_cash_cost = dec_f64(p.other_opex);
        Ok(Some(PowerView {
            plan,
            rig: run,
            plan_price,
            other_cost: other_cash_cost + dec_f64(rig.amortization()),
            other_cash_cost,
            terms,
        }))
    }

    /// Whether the contract has hour prices the rig responds to (index and ppa; fixed power
    /// with a capacity credit has none).
    pub fn curtails(&self) -> bool {
        self.terms.contract != Contract::Fixed
    }

    /// The contract at final price `s`.
    pub fn at(&self, s: f64) -> PowerAt {
        self.terms.at(&self.rig, s)
    }

    /// The profile's mined leg.
    pub fn leg(&self) -> PowerLeg {
        PowerLeg {
            terms: self.terms.clone(),
            rig: self.rig,
            plan_power_cost: self.plan.power_cost,
        }
    }

    /// The plan's all-in cost: other costs and the plan's power, USD.
    pub fn plan_cost(&self) -> f64 {
        self.other_cost + self.plan.power_cost
    }

    /// The plan's cash cost: other cash costs and the plan's power, USD.
    pub fn plan_cash_cost(&self) -> f64 {
        self.other_cash_cost + self.plan.power_cost
    }

    /// The chart of the hour's price against the energy-adjusted hashprice at final price
    /// `s` (index and ppa; `None` on fixed power, which has no hour prices).
    ///
    /// ```
    /// use minerhedge::{link::Scenario, view::Model};
    /// let m = Model::build(&Scenario::from_query("mode=rig&ptype=index&spot=95000").scenario);
    /// let c = m.power.as_ref().and_then(|p| p.hour_chart(95_000.0)).ok_or("no chart")?;
    /// assert!(c.run_share() > 0.0 && c.run_share() < 1.0);
    /// # Ok::<(), &str>(())
    /// ```
    pub fn hour_chart(&self, s: f64) -> Option<HourPriceChart> {
        if !self.curtails() {
            return None;
        }
        HourPriceChart::from_prices(&self.terms.prices, self.rig.ehp(s), HOUR_CHART_SAMPLES).ok()
    }

    /// A table row of the position on the plan's output, revalued with the contract at its
    /// price: output, revenue (coins mined × price + credits), hedged revenue, power cost,
    /// credits and the return `(hedged revenue − cost at S) / the plan's cost`.
    pub fn adjust(&self, row: &mut Row) {
        let s = dec_f64(row.price);
        let at = self.at(s);
        row.output = dec(at.output);
        row.revenue = dec(at.output * s + at.credits);
        row.hedged_revenue = (row.revenue + row.hedge_payoff).normalize();
        row.power_cost = Some(dec(at.power_cost));
        row.credits = Some(dec(at.credits));
        let cost = self.other_cost + at.power_cost;
        let ret = (dec_f64(row.hedged_revenue) - cost) / self.plan_cost();
        row.period_return = dec(ret);
    }

    /// A message for a curve the index rig never (or always) runs on over the chart's range:
    /// what the rig would do, rather than failing silently.
    pub fn curve_warning(&self, hi: f64) -> Option<Message> {
        let (Contract::Index, HourPrices::Curve(points)) =
            (self.terms.contract, &self.terms.prices)
        else {
            return None;
        };
        let ehp = self.rig.ehp(hi);
        let text = if points.iter().all(|p| *p < 0.0) {
            "pcurve: every hour's price is negative: the rig runs every hour, paid for its power"
                .to_string()
        } else if points.iter().all(|p| *p >= ehp) {
            format!(
                "pcurve: every hour's price is at or above the energy-adjusted hashprice at the \
                 chart's highest price ({}/MWh at {} per coin): on the index the rig stays off",
                crate::format::usd_cents_f64(ehp),
                crate::format::usd_f64(hi)
            )
        } else {
            return None;
        };
        Some(Message {
            key: Some(Key::PowerCurve),
            text,
        })
    }
}
