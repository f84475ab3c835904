//! One input of the inputs panel: label, control, unit and the inline validation message.

use leptos::prelude::*;

use super::fields::{check, Kind, Spec};
use super::state::use_page;

/// An input bound to the field `spec.key`: edits go straight into the page state (so the link
/// follows), and an invalid value shows a message naming the field, the value and the range
/// while the rest of the page keeps the last valid scenario.
#[component]
pub fn Field(spec: &'static Spec) -> impl IntoView {
    let page = use_page();
    let text = page.text(spec.key);
    let error = Memo::new(move |_| check(spec, &text.get()).err());
    let id = format!("field-{}", spec.key);
    let error_id = format!("field-{}-error", spec.key);
    let on_input = move |ev: leptos::ev::Event| page.set(spec.key, event_target_value(&ev));
    let control = match spec.kind {
        Kind::Choice(options) => view! {
            <select id=id.clone() name=spec.key data-field=spec.key on:change=on_input
                aria-describedby=error_id.clone()>
                {options.iter().map(|(value, label)| view! {
                    <option value=*value selected=move || text.get() == *value>{*label}</option>
                }).collect_view()}
            </select>
        }
        .into_any(),
        Kind::Number { min, max, step } => view! {
            <input id=id.clone() name=spec.key data-field=spec.key type="text" inputmode="decimal"
                autocomplete="off" spellcheck="false"
                data-min=min data-max=max data-step=step
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || text.get() on:input=on_input />
        }
        .into_any(),
        Kind::Text { max_len } => view! {
            <input id=id.clone() name=spec.key data-field=spec.key type="text" maxlength=max_len
                autocomplete="off" spellcheck="false"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || text.get() on:input=on_input />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id>{spec.label}</label>
            {control}
            <span class="unit">{spec.unit}</span>
            <p class="field-error" id=error_id role="alert"
                data-testid=format!("error-{}", spec.key)
                hidden=move || error.get().is_none()>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}
