//! Greeks of a whole position today, and its value marked before expiry.

use super::PayoffProfile;
use crate::domain::daycount::Act365;
use crate::domain::error::Result;
use crate::domain::pricing::SpotModel;

/// Value and sensitivities of a whole position today, per the conventions of
/// [`Greeks`](crate::domain::pricing::Greeks) (QuantLib's: `vega`, `rho` per 1.00; `theta` per year of
/// calendar time, `theta_per_day` per day of [`Act365`]).
///
/// The expected output counts as a long forward position: `Q` coins delivered at the end of the
/// period are worth `Q·S·e^{−qT}` today. A forward sale of `l` coins for `L` USD is worth
/// `L·e^{−rT} − l·S·e^{−qT}` (an inverse forward has the same USD form, `L = N`, `l = N·p`).
/// Options add `P·put − C·call` from the Black–Scholes–Merton model. The premium is cash paid
/// today and carries no sensitivity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PositionGreeks {
    /// Present value of output and hedge, USD.
    pub value: f64,
    /// `∂V/∂S`, coins.
    pub delta: f64,
    /// `∂²V/∂S²`, coins per USD.
    pub gamma: f64,
    /// `∂V/∂σ`, USD per 1.00 of volatility.
    pub vega: f64,
    /// `∂V/∂t`, USD per year.
    pub theta: f64,
    /// `theta` per day ([`Act365::per_day`]), USD per day.
    pub theta_per_day: f64,
    /// `∂V/∂r`, USD per 1.00 of rate.
    pub rho: f64,
    /// Coins to sell forward (negative: buy) for a delta-neutral position:
    /// `delta / e^{−qT}`, since one coin sold forward has delta `−e^{−qT}`.
    pub delta_neutral_sale: f64,
}

impl PayoffProfile {
    /// Greeks of output plus hedge today under `model` (spot, rates, volatility and time to
    /// the end of the period).
    ///
    /// ```
    /// use minerhedge::domain::daycount::Act365;
    /// use minerhedge::domain::pricing::{SpotModel, SpotParams};
    /// use minerhedge::domain::risk::{PayoffProfile, ProfileParams};
    /// let m = SpotModel::new(SpotParams { spot: 250.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: Act365::years(30) }).unwrap();
    /// // Unhedged: long 5 coins, nothing else.
    /// let unhedged = PayoffProfile::new(ProfileParams { output: 5.0, all_in_cost: 1100.0, ..Default::default() }).unwrap();
    /// let g = unhedged.greeks(&m).unwrap();
    /// assert_eq!((g.delta, g.gamma, g.vega), (5.0, 0.0, 0.0));
    /// assert_eq!(g.delta_neutral_sale, 5.0);
    /// // Fully sold forward: delta-neutral.
    /// let fwd = PayoffProfile::new(ProfileParams { sold_coins: 5.0, locked_usd: 1300.0, ..unhedged.params() }).unwrap();
    /// assert_eq!(fwd.greeks(&m).unwrap().delta, 0.0);
    /// ```
    pub fn greeks(&self, model: &SpotModel) -> Result<PositionGreeks> {
        self.greeks_on_smile(model, &vec![*model; self.options.len()])
    }

    /// [`PayoffProfile::greeks`] with option `i` of [`PayoffProfile::options`] valued on
    /// `leg_models[i]` (each at its strike's vol on a smile); spot, rate and time from
    /// `model`. A missing model is `model`.
    pub fn greeks_on_smile(
        &self,
        model: &SpotModel,
        leg_models: &[SpotModel],
    ) -> Result<PositionGreeks> {
        let p = model.params();
        let (s, r, q, t) = (p.spot, p.rate, p.dividend_yield, p.expiry_years);
        let df_q = (-q * t).exp();
        let df_r = (-r * t).exp();
        let coins = self.output - self.short_coins();
        let mut g = PositionGreeks {
            value: coins * s * df_q + self.locked_usd * df_r,
            delta: coins * df_q,
            gamma: 0.0,
            vega: 0.0,
            theta: q * coins * s * df_q + r * self.locked_usd * df_r,
            theta_per_day: 0.0,
            rho: -t * self.locked_usd * df_r,
            delta_neutral_sale: 0.0,
        };
        for (i, leg) in self.options.iter().enumerate() {
            let qty = leg.quantity;
            if qty == 0.0 {
                continue;
            }
            let m = leg_models.get(i).unwrap_or(model);
            let o = m.greeks(leg.kind, leg.strike)?;
            g.value += qty * o.price;
            g.delta += qty * o.delta;
            g.gamma += qty * o.gamma;
            g.vega += qty * o.vega;
            g.theta += qty * o.theta;
            g.rho += qty * o.rho;
        }
        g.theta_per_day = Act365::per_day(g.theta);
        g.delta_neutral_sale = g.delta / df_q;
        Ok(g)
    }

    /// Value of the position at the end of the period as marked at an earlier date, at spot
    /// `s`, with `model` giving rates, volatility and the time *remaining* `τ` (its spot is
    /// ignored): the position's present value carried forward at `r`,
    /// `Q·F + L − l·F + e^{rτ}·(P·put(s, τ) − C·call(s, τ)) − π` with `F = s·e^{(r−q)τ}`.
    /// At `τ = 0` it is [`PayoffProfile::value_at`]; the page draws it beside the expiry curve.
    ///
    /// ```
    /// use minerhedge::domain::daycount::Act365;
    /// use minerhedge::domain::pricing::{SpotModel, SpotParams};
    /// use minerhedge::domain::risk::{OptionHolding, PayoffProfile, ProfileParams};
    /// let put = PayoffProfile::new(ProfileParams {
    ///     output: 5.0, all_in_cost: 1100.0, options: vec![OptionHolding::put(5.0, 230.0)], premium: 60.0, ..Default::default()
    /// }).unwrap();
    /// let at_expiry = SpotModel::new(SpotParams { spot: 1.0, rate: 0.05, dividend_yield: 0.0, vol: 0.8, expiry_years: 0.0 }).unwrap();
    /// assert!((put.value_before_expiry(200.0, &at_expiry).unwrap() - put.value_at(200.0)).abs() < 1e-9);
    /// let early = SpotModel::new(SpotParams { expiry_years: Act365::years(20), ..at_expiry.params() }).unwrap();
    /// // With time left the put still has time value above its intrinsic value.
    /// assert!(put.value_before_expiry(230.0, &early).unwrap() > put.value_at(230.0));
    /// ```
    pub fn value_before_expiry(&self, s: f64, model: &SpotModel) -> Result<f64> {
        self.value_before_expiry_on_smile(s, model, &[])
    }

    /// [`PayoffProfile::value_before_expiry`] with option `i` of [`PayoffProfile::options`]
    /// at the vol `vols[i]` (each strike's vol on a smile; a missing one is `model`'s).
    pub fn value_before_expiry_on_smile(
        &self,
        s: f64,
        model: &SpotModel,
        vols: &[f64],
    ) -> Result<f64> {
        use crate::domain::pricing::SpotParams;
        let p = model.params();
        let at = |vol: f64| SpotModel::new(SpotParams { spot: s, vol, ..p });
        let m = at(p.vol)?;
        let tau = p.expiry_years;
        let fwd = m.forward();
        let growth = (p.rate * tau).exp();
        let mut v = (self.output - self.short_coins()) * fwd + self.locked_usd - self.premium;
        for (i, leg) in self.options.iter().enumerate() {
            if leg.quantity == 0.0 {
                continue;
            }
            let vol = vols.get(i).copied().unwrap_or(p.vol);
            let at_vol = if vol == p.vol { m } else { at(vol)? };
            v += growth * leg.quantity * at_vol.price(leg.kind, leg.strike)?;
        }
        Ok(v)
    }
}
