//! One input of the inputs panel: label, control, unit and the inline validation message.

use leptos::prelude::*;

use crate::link::{HedgeChoice, Key, KeySpec, Kind, Mode, Scenario};

/// The words of a choice field as the page shows them.
fn choice_label(key: Key, word: &'static str) -> &'static str {
    match key {
        Key::Mode => Mode::parse(word).map(Mode::label).unwrap_or(word),
        Key::Hedge => HedgeChoice::parse(word)
            .map(HedgeChoice::label)
            .unwrap_or(word),
        _ => word,
    }
}

use super::glossary::Tip;
use super::state::use_page;

/// The glossary term explained next to the field of `key`.
fn term_of(key: Key) -> Option<&'static str> {
    match key {
        Key::Hedge => Some("collar"),
        Key::Forward => Some("forward"),
        Key::InverseQuote => Some("inverse"),
        Key::PutStrike => Some("put"),
        Key::Put2Strike => Some("putspread"),
        Key::CallStrike => Some("zero-cost"),
        Key::HashpriceFixed => Some("hashprice-forward"),
        Key::RiskReversal | Key::Butterfly => Some("smile"),
        Key::Settle => Some("coin-settled"),
        Key::InitialMargin | Key::MaintenanceMargin | Key::Collateral | Key::TouchTarget => {
            Some("margin")
        }
        _ => None,
    }
}

/// An input bound to the share-link key `spec.key`. Edits go through the link codec, so an
/// input accepts exactly what a link accepts; an invalid value shows a message naming the
/// field, the value and the valid range, and the page keeps the last valid value meanwhile.
#[component]
pub fn Field(
    /// The link key the input edits (label, unit and range come from it).
    spec: &'static KeySpec,
) -> impl IntoView {
    let page = use_page();
    let (id_key, key) = (spec.id, spec.key);
    let text = page.text(id_key);
    let error = page.error(id_key);
    let id = format!("field-{key}");
    let error_id = format!("field-{key}-error");
    // A value that follows the market: the empty field shows what it resolves to.
    let scenario = page.scenario;
    let placeholder = move || {
        if spec.follows_market() {
            scenario.with(|s| {
                s.resolved()
                    .get(spec.id)
                    .map(|v| format!("auto: {}", v.normalize()))
            })
        } else {
            None
        }
    };
    // Only the four fields a warning can name follow it: every slider frame changes the
    // scenario, and forty fields each resolving the market would be work done for nothing.
    let watched = Scenario::WARNED_KEYS.contains(&spec.id);
    let warning = Memo::new(move |_| {
        if !watched {
            return None;
        }
        scenario.with(|s| {
            s.market_warnings()
                .into_iter()
                .find(|(k, _)| *k == spec.id)
                .map(|(_, text)| text)
        })
    });
    let on_input = move |ev: leptos::ev::Event| page.edit(id_key, event_target_value(&ev));
    let control = match spec.kind {
        Kind::Choice(words) => view! {
            <select id=id.clone() name=key data-field=key on:change=on_input
                aria-describedby=error_id.clone()>
                {words.iter().map(|w| view! {
                    <option value=*w selected=move || text.get() == *w>{choice_label(id_key, w)}</option>
                }).collect_view()}
            </select>
        }
        .into_any(),
        _ => view! {
            <input id=id.clone() name=key data-field=key type="text"
                inputmode=if matches!(spec.kind, Kind::Label) { "text" } else { "decimal" }
                autocomplete="off" spellcheck="false" title=spec.valid_with_unit()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                placeholder=placeholder
                prop:value=move || text.get() on:input=on_input />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <span class="field-label">
                <label for=id>{spec.label}</label>
                {term_of(id_key).map(|t| view! { <Tip term=t /> })}
            </span>
            {control}
            <span class="unit">{spec.unit}</span>
            <p class="field-error" id=error_id role="alert" data-testid=format!("error-{key}")
                hidden=move || error.get().is_none()>
                {move || error.get().unwrap_or_default()}
            </p>
            <p class="field-warning" data-testid=format!("warning-{key}")
                hidden=move || warning.get().is_none()>
                {move || warning.get().unwrap_or_default()}
            </p>
        </div>
    }
}
