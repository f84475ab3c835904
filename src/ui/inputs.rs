//! The inputs panel: economics (direct or rig), market, hedge and range, each group a fieldset.

use leptos::prelude::*;

use super::field::Field;
use super::state::use_page;
use crate::link::{Key, Mode};
use crate::view::keys::{hedge_inputs, input_shown, mode_inputs};

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

/// Groups of fields; each input shows when the chosen hedge and the mode read it
/// ([`input_shown`]).
#[component]
pub fn InputsPanel() -> impl IntoView {
    let page = use_page();
    let scenario = page.scenario;
    // A group of inputs shows as its first key does (every key of a mode's group is read in
    // that mode).
    let hide = move |k: Key| move || !scenario.with(|s| input_shown(s, k));
    view! {
        <section class="panel inputs" aria-label="Scenario inputs">
            <fieldset>
                <legend>"Mining period"</legend>
                {fields(&[Key::Coin, Key::Mode, Key::Days])}
                <div hidden=hide(Key::Cost)>{fields(mode_inputs(Mode::Direct))}</div>
                // The rig and its power contract (the import of hourly prices is on the
                // program page; the curve travels with the link).
                <div hidden=hide(Key::Hashrate)>{fields(mode_inputs(Mode::Rig))}</div>
            </fieldset>
            <fieldset>
                <legend>"Market"</legend>
                {fields(MARKET)}
            </fieldset>
            <fieldset>
                <legend>"Hedge"</legend>
                {fields(&[Key::Hedge])}
                // The inputs the chosen hedge's registry entry reads.
                {hedge_inputs()
                    .into_iter()
                    .map(|k| view! { <div hidden=hide(k)><Field spec=k.spec() /></div> })
                    .collect_view()}
            </fieldset>
            <fieldset>
                <legend>"Price range"</legend>
                {fields(&[Key::Lo, Key::Hi, Key::Step])}
            </fieldset>
        </section>
    }
}
