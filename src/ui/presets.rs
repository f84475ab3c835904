//! Presets (`data-testid="presets"`): the built-in scenarios load with one click; the user's
//! own scenarios are saved by name in `localStorage` (deletable, never overwritten without a
//! confirmation) and listed after the built-ins.

use leptos::prelude::*;

use crate::link::{PRESETS, Scenario};
use crate::present::saved::{DELETE_MARK, delete_label};
use crate::view::edit::Texts;
use crate::view::saved::{STORAGE_KEY, SaveOutcome, Saved};

use super::state::{PageState, use_page};

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

/// The panel's state: the page, the saved scenarios, the name typed and the status line.
#[derive(Clone, Copy)]
struct Store {
    page: PageState,
    saved: RwSignal<Saved>,
    name: RwSignal<String>,
    status: RwSignal<String>,
}

impl Store {
    /// Saves the scenario under the name typed (asking before replacing one).
    fn save(self) {
        let Store {
            page,
            saved,
            name,
            status,
        } = self;
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
                    let done = if outcome == SaveOutcome::Added {
                        "Saved"
                    } else {
                        "Replaced"
                    };
                    status.set(format!("{done} \"{}\".", n.trim()));
                }
                Err(e) => status.set(format!("Not saved: {e}.")),
            },
            SaveOutcome::BadName(why) => status.set(why),
            SaveOutcome::Full => {
                status.set("Not saved: delete a saved scenario first (50 at most).".to_owned())
            }
            SaveOutcome::Exists => {}
        }
    }

    /// Deletes the saved scenario `n` once the user confirms.
    fn delete(self, n: String) {
        if !confirm(&format!("Delete the saved scenario \"{n}\"?")) {
            return;
        }
        let mut next = self.saved.get_untracked();
        if next.remove(&n) {
            match write_saved(&next) {
                Ok(()) => {
                    self.saved.set(next);
                    self.status.set(format!("Deleted \"{n}\"."));
                }
                Err(e) => self.status.set(format!("Not deleted: {e}.")),
            }
        }
    }

    /// Opens the saved scenario `n`.
    fn load(self, n: &str) {
        let query = self.saved.with_untracked(|s| s.get(n).map(str::to_owned));
        if let Some(q) = query {
            load_query(self.page, &q);
            self.status.set(format!("Loaded \"{n}\"."));
        }
    }
}

/// Built-in presets, saved scenarios, and the save form.
#[component]
pub fn PresetsPanel() -> impl IntoView {
    let page = use_page();
    let store = Store {
        page,
        saved: RwSignal::new(read_saved()),
        name: RwSignal::new(String::new()),
        status: RwSignal::new(String::new()),
    };
    let Store {
        saved,
        name,
        status,
        ..
    } = store;
    let presets = PRESETS
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let load = move |_| {
                load_query(page, p.query);
                status.set(format!("Loaded \"{}\".", p.name));
            };
            view! {
                <li><button type="button" class="preset" data-preset=i.to_string()
                    title=p.description on:click=load>{p.name}</button></li>
            }
        })
        .collect_view();
    let names =
        move || saved.with(|s| s.names().into_iter().map(str::to_owned).collect::<Vec<_>>());
    let saved_item = move |n: String| {
        let (a, b) = (n.clone(), n.clone());
        view! {
            <li class="saved">
                <button type="button" class="preset" data-saved=n.clone()
                    on:click=move |_| store.load(&a)>{n.clone()}</button>
                <button type="button" class="delete" data-delete=n.clone()
                    aria-label=delete_label(&n) on:click=move |_| store.delete(b.clone())>{DELETE_MARK}</button>
            </li>
        }
    };
    view! {
        <section class="panel presets" data-testid="presets" aria-labelledby="presets-title">
            <h2 id="presets-title">"Scenarios"</h2>
            <div class="preset-lists">
                <ul class="preset-list" aria-label="Built-in scenarios">{presets}</ul>
                <ul class="preset-list" aria-label="Your saved scenarios">
                    {move || names().into_iter().map(saved_item).collect_view()}
                </ul>
            </div>
            <form class="save-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                store.save();
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
