//! The link's rig as the engine's: the monthly rig of the program and the period view's rig,
//! one mapping for both.

use rust_decimal::Decimal;

use crate::domain::economics::RigParams;
use crate::domain::program::MonthlyRig;
use crate::link::RigInputs;

/// A rig of the link as the engine's monthly rig (`opex` per month; percents as fractions).
///
/// ```
/// use minerhedge::link::Scenario;
/// use minerhedge::view::rig::monthly_rig;
/// let r = monthly_rig(&Scenario::default().economics.rig);
/// assert_eq!(r.uptime, rust_decimal::Decimal::new(97, 2));
/// ```
pub fn monthly_rig(r: &RigInputs) -> MonthlyRig {
    let pct = |d: Decimal| d / Decimal::ONE_HUNDRED;
    MonthlyRig {
        hashrate_ths: r.hashrate_ths,
        efficiency_j_per_th: r.efficiency_j_per_th,
        power_price_per_kwh: r.power_usd_per_kwh,
        opex_per_month: r.opex,
        pool_fee: pct(r.pool_fee_pct),
        uptime: pct(r.uptime_pct),
        difficulty: r.difficulty,
        block_subsidy: r.subsidy,
        fees_per_block: r.fees_per_block,
        hardware_capex: r.capex,
        hardware_lifetime_days: Decimal::from(r.lifetime_days),
    }
}

/// The period view's rig for `days` days paying `subsidy` per block, with the link's growth
/// over the period (the same mapping as [`monthly_rig`]).
pub fn period_rig(r: &RigInputs, days: Decimal, subsidy: Decimal) -> RigParams {
    RigParams {
        difficulty_growth: r.difficulty_growth_pct / Decimal::ONE_HUNDRED,
        ..monthly_rig(r).rig_params(days, r.difficulty, subsidy)
    }
}
