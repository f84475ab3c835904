//! The inputs panel: economics (direct or rig), market, hedge and range, each group a fieldset.

use leptos::prelude::*;

use super::field::Field;
use super::state::use_page;
use crate::link::Key;

/// The fields of `keys`, in order (both pages' input panels).
pub fn fields(keys: &'static [Key]) -> impl IntoView {
    keys.iter()
        .map(|k| view! { <Field spec=k.spec() /> })
        .collect_view()
}

/// The market's fields: the at-the-money vol and the smile on it.
const MARKET: &[Key] = &[
    Key::Spot,
    Key::Vol,
    Key::Rate,
    Key::RiskReversal,
    Key::Butterfly,
];

/// The hashprice forward's and the margin's fields, each shown for the hedges it is about.
fn instrument_fields<F: Fn() -> bool + Send + Sync + 'static>(
    is: impl Fn(&'static [&'static str]) -> F,
) -> impl IntoView {
    view! {
        <div hidden=is(&["put", "collar"])>{fields(&[Key::Settle])}</div>
        <div hidden=is(&["hashprice"])>{fields(&[Key::HashpriceFixed])}</div>
        <div hidden=is(&["forward", "inverse", "hashprice"])>
            {fields(&[Key::InitialMargin, Key::MaintenanceMargin, Key::Collateral, Key::TouchTarget])}
        </div>
    }
}

/// Groups of fields; the rig or direct group shows according to `mode`, the hedge parameters
/// according to `hedge`.
#[component]
pub fn InputsPanel() -> impl IntoView {
    let page = use_page();
    let mode = page.text(Key::Mode);
    let hedge = page.text(Key::Hedge);
    let is = move |h: &'static [&'static str]| move || !h.contains(&hedge.get().as_str());
    view! {
        <section class="panel inputs" aria-label="Scenario inputs">
            <fieldset>
                <legend>"Mining period"</legend>
                {fields(&[Key::Coin, Key::Mode, Key::Days])}
                <div hidden=move || mode.get() != "direct">{fields(&[Key::Cost, Key::Qty])}</div>
                <div hidden=move || mode.get() != "rig">
                    {fields(&[Key::Hashrate, Key::Efficiency, Key::Power, Key::Opex, Key::PoolFee, Key::Uptime, Key::Difficulty, Key::DifficultyGrowth, Key::Subsidy, Key::Fees, Key::Capex, Key::Lifetime])}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Market"</legend>
                {fields(MARKET)}
            </fieldset>
            <fieldset>
                <legend>"Hedge"</legend>
                {fields(&[Key::Hedge])}
                <div hidden=is(&["forward"])>{fields(&[Key::Forward])}</div>
                <div hidden=is(&["inverse"])>{fields(&[Key::InverseQuote])}</div>
                <div hidden=is(&["put", "collar"])>{fields(&[Key::PutStrike, Key::PutPremium])}</div>
                <div hidden=is(&["collar"])>{fields(&[Key::CallStrike, Key::CallPremium])}</div>
                {instrument_fields(is)}
            </fieldset>
            <fieldset>
                <legend>"Price range"</legend>
                {fields(&[Key::Lo, Key::Hi, Key::Step])}
            </fieldset>
        </section>
    }
}
