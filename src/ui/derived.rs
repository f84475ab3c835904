//! The derived panel: premiums, net premium, strikes, order ticket and the other figures the
//! engine derives from the inputs.

use leptos::prelude::*;

use super::display::Display;

/// One `<dt>/<dd>` pair per derived figure, each value carrying its `data-testid`.
#[component]
pub fn DerivedPanel(
    /// What the page shows.
    display: Memo<Display>,
) -> impl IntoView {
    view! {
        <section class="panel derived" aria-label="Derived figures">
            <dl>
                {move || display.with(|d| d.derived.iter().map(|(id, label, value)| view! {
                    <div><dt>{*label}</dt><dd data-testid=*id>{value.clone()}</dd></div>
                }).collect_view())}
            </dl>
            <ul class="engine-errors" hidden=move || display.with(|d| d.errors.is_empty())>
                {move || display.with(|d| d.errors.iter().map(|e| view! { <li role="alert">{e.clone()}</li> }).collect_view())}
            </ul>
        </section>
    }
}
