//! The program's inputs by group: the months, the mining (direct or rig), the market and
//! the simulation. The ladder has its own editor ([`super::ladder`]).

use leptos::prelude::*;

use super::super::inputs::fields;
use super::super::state::use_page;

/// Groups of fields; the direct or rig group shows according to `mode`.
#[component]
pub fn ProgramInputsPanel() -> impl IntoView {
    let mode = use_page().text("mode");
    view! {
        <section class="panel inputs" aria-label="Program inputs">
            <fieldset>
                <legend>"Program"</legend>
                {fields(&["start", "months", "dgm", "halvdate"])}
            </fieldset>
            <fieldset>
                <legend>"Mining, per month"</legend>
                {fields(&["coin", "mode"])}
                <div hidden=move || mode.get() != "direct">{fields(&["cost", "qty"])}</div>
                <div hidden=move || mode.get() != "rig">
                    {fields(&["hr", "eff", "pwr", "opex", "pool", "up", "diff", "sub", "fee", "capex", "life"])}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Market"</legend>
                {fields(&["spot", "vol", "rate", "basis", "pfwd"])}
            </fieldset>
            <fieldset>
                <legend>"Ladder (per-month lists)"</legend>
                {fields(&["ph", "pcov", "pkp", "pkc"])}
            </fieldset>
            <fieldset>
                <legend>"Simulation"</legend>
                {fields(&["paths", "seed", "dvol", "corr"])}
            </fieldset>
        </section>
    }
}
