//! The inputs panel: economics (direct or rig), market, hedge and range, each group a fieldset.

use leptos::prelude::*;

use super::field::Field;
use super::state::use_page;
use crate::link::KeySpec;

/// The fields of `keys`, in order (both pages' input panels).
pub fn fields(keys: &'static [&'static str]) -> impl IntoView {
    keys.iter()
        .filter_map(|k| KeySpec::get(k))
        .map(|s| view! { <Field spec=s /> })
        .collect_view()
}

/// Groups of fields; the rig or direct group shows according to `mode`, the hedge parameters
/// according to `hedge`.
#[component]
pub fn InputsPanel() -> impl IntoView {
    let page = use_page();
    let mode = page.text("mode");
    let hedge = page.text("hedge");
    let is = move |h: &'static [&'static str]| move || !h.contains(&hedge.get().as_str());
    view! {
        <section class="panel inputs" aria-label="Scenario inputs">
            <fieldset>
                <legend>"Mining period"</legend>
                {fields(&["coin", "mode", "days"])}
                <div hidden=move || mode.get() != "direct">{fields(&["cost", "qty"])}</div>
                <div hidden=move || mode.get() != "rig">
                    {fields(&["hr", "eff", "pwr", "opex", "pool", "up", "diff", "dg", "sub", "fee", "capex", "life"])}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Market"</legend>
                {fields(&["spot", "vol", "rate"])}
            </fieldset>
            <fieldset>
                <legend>"Hedge"</legend>
                {fields(&["hedge"])}
                <div hidden=is(&["forward"])>{fields(&["fwd"])}</div>
                <div hidden=is(&["inverse"])>{fields(&["inv"])}</div>
                <div hidden=is(&["put", "collar"])>{fields(&["kp", "pp"])}</div>
                <div hidden=is(&["collar"])>{fields(&["kc", "cp"])}</div>
            </fieldset>
            <fieldset>
                <legend>"Price range"</legend>
                {fields(&["lo", "hi", "step"])}
            </fieldset>
        </section>
    }
}
