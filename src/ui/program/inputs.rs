//! The program's inputs by group: the months, the mining (direct or rig, with the rig's
//! power contract), the market and the simulation (with the power price's volatility and
//! correlation) and the treasury. The ladder has its own editor ([`super::ladder`]).

use leptos::prelude::*;

use crate::link::Key;

use super::super::inputs::fields;
use super::super::price_import::PriceImport;
use super::super::state::use_page;

/// Groups of fields; the direct or rig group shows according to `mode`.
#[component]
pub fn ProgramInputsPanel() -> impl IntoView {
    let mode = use_page().text(Key::Mode);
    view! {
        <section class="panel inputs" aria-label="Program inputs">
            <fieldset>
                <legend>"Program"</legend>
                {fields(&[Key::Start, Key::Months, Key::MonthlyGrowth, Key::HalvingDate])}
            </fieldset>
            <fieldset>
                <legend>"Mining, per month"</legend>
                {fields(&[Key::Coin, Key::Mode])}
                <div hidden=move || mode.get() != "direct">{fields(&[Key::Cost, Key::Qty])}</div>
                <div hidden=move || mode.get() != "rig">
                    {fields(&[Key::Hashrate, Key::Efficiency, Key::Power, Key::Opex, Key::PoolFee, Key::Uptime, Key::Difficulty, Key::Subsidy, Key::Fees, Key::Capex, Key::Lifetime])}
                    {fields(&[Key::PowerContract, Key::PowerIndex, Key::PowerSpread, Key::PowerCurve, Key::CapacityCredit])}
                    <PriceImport />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Market"</legend>
                {fields(&[Key::Spot, Key::Vol, Key::Rate, Key::Basis, Key::MonthForwards])}
            </fieldset>
            <fieldset>
                <legend>"Ladder (per-month lists)"</legend>
                {fields(&[Key::MonthHedges, Key::MonthCoverage, Key::MonthPutStrikes, Key::MonthPut2Strikes, Key::MonthCallStrikes])}
            </fieldset>
            <fieldset>
                <legend>"Treasury"</legend>
                {fields(&[Key::Hold0, Key::Cash0, Key::Sell, Key::Lend, Key::LendYield, Key::LendDefault, Key::LossGivenDefault])}
                {fields(&[Key::Loan, Key::LoanRate, Key::Pledge, Key::LtvCall, Key::LtvLiquidation, Key::CallTarget, Key::CoveredCalls, Key::CoveredCallStrike])}
            </fieldset>
            <fieldset>
                <legend>"Simulation"</legend>
                {fields(&[Key::Paths, Key::Seed, Key::DifficultyVol, Key::Correlation, Key::PowerVol, Key::PowerCorrelation])}
            </fieldset>
        </section>
    }
}
