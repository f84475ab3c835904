//! Presets (`data-testid="presets"`): the built-in scenarios load with one click; the user's
//! own scenarios are saved by name in `localStorage` (deletable, never overwritten without a
//! confirmation) and listed after the built-ins.

use leptos::prelude::*;

use crate::link::{Scenario, PRESETS};
use crate::view::saved::{lists_html, SaveOutcome, Saved, STORAGE_KEY};
use wasm_bindgen::JsCast;

use super::state::{use_page, PageState, Texts};

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn read_saved() -> Saved {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|t| Saved::parse(&t))
        .unwrap_or_default()
}

fn write_saved(saved: &Saved) -> Result<(), String> {
    let s = storage().ok_or("this browser keeps no local storage")?;
    s.set_item(STORAGE_KEY, &saved.to_storage())
        .map_err(|_| "the browser refused to store it (storage full or disabled)".to_owned())
}

fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Replaces the whole page state by the scenario of `query` (a share-link query): inputs,
/// scenario, messages; a value the codec refuses is named in the link-error banner.
#[inline(never)]
pub fn load_query(page: PageState, query: &str) {
    let decoded = Scenario::from_query(query);
    page.texts.set(Texts::of(&decoded.scenario));
    page.field_errors.set(Vec::new());
    page.link_errors.set(decoded.errors);
    page.scenario.set(decoded.scenario);
}

/// Built-in presets, saved scenarios, and the save form.
#[component]
pub fn PresetsPanel() -> impl IntoView {
    let page = use_page();
    let saved = RwSignal::new(read_saved());
    let name = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());

    let save = move || {
        let n = name.get_untracked();
        let query = page.scenario.with_untracked(|s| s.to_query());
        let mut next = saved.get_untracked();
        let mut outcome = next.save(&n, &query, false);
        if outcome == SaveOutcome::Exists {
            let question = format!("A scenario named \"{}\" exists. Replace it?", n.trim());
            if confirm(&question) {
                outcome = next.save(&n, &query, true);
            } else {
                status.set(format!("Not saved: \"{}\" kept as it was.", n.trim()));
                return;
            }
        }
        match outcome {
            SaveOutcome::Added | SaveOutcome::Replaced => match write_saved(&next) {
                Ok(()) => {
                    saved.set(next);
                    status.set(format!(
                        "{} \"{}\".",
                        if outcome == SaveOutcome::Added {
                            "Saved"
                        } else {
                            "Replaced"
                        },
                        n.trim()
                    ));
                }
                Err(e) => status.set(format!("Not saved: {e}.")),
            },
            SaveOutcome::BadName(why) => status.set(why),
            SaveOutcome::Full => {
                status.set("Not saved: delete a saved scenario first (50 at most).".to_owned())
            }
            SaveOutcome::Exists => {}
        }
    };
    let delete = move |n: String| {
        if !confirm(&format!("Delete the saved scenario \"{n}\"?")) {
            return;
        }
        let mut next = saved.get_untracked();
        if next.remove(&n) {
            match write_saved(&next) {
                Ok(()) => {
                    saved.set(next);
                    status.set(format!("Deleted \"{n}\"."));
                }
                Err(e) => status.set(format!("Not deleted: {e}.")),
            }
        }
    };

    // One delegated handler for every preset, saved-scenario and delete button.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button").ok().flatten())
        else {
            return;
        };
        if let Some(p) = button
            .get_attribute("data-preset")
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| PRESETS.get(i))
        {
            load_query(page, p.query);
            status.set(format!("Loaded \"{}\".", p.name));
        } else if let Some(n) = button.get_attribute("data-saved") {
            let query = saved.with_untracked(|s| s.get(&n).map(str::to_owned));
            if let Some(q) = query {
                load_query(page, &q);
                status.set(format!("Loaded \"{n}\"."));
            }
        } else if let Some(n) = button.get_attribute("data-delete") {
            delete(n);
        }
    };
    let lists = Signal::derive(move || saved.with(lists_html));
    view! {
        <section class="panel presets" data-testid="presets" aria-labelledby="presets-title">
            <h2 id="presets-title">"Scenarios"</h2>
            <div class="preset-lists" inner_html=lists on:click=on_click></div>
            <form class="save-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                save();
            }>
                <label for="save-name">"Save this scenario as"</label>
                <input id="save-name" data-testid="save-name" type="text" maxlength="60"
                    autocomplete="off" prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit" data-testid="save-scenario">"Save"</button>
            </form>
            <p class="preset-status" role="status" data-testid="preset-status">{status}</p>
        </section>
    }
}
