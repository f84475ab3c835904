//! Browser-only checks of the page's plumbing, run by wasm-bindgen-test-runner in headless
//! Chromium (`.ci/test`): the URL round trip without history entries, and the inputs' state
//! (edits through the link codec, inline errors, last valid scenario kept). The pure edit rules
//! and what the page shows are tested natively in `tests/present.rs`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;

use minerhedge::link::{Key, Scenario};
use minerhedge::ui::state::PageState;
use minerhedge::ui::url;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn replace_query_rewrites_the_url_without_a_history_entry() {
    let window = web_sys::window().expect("test runs in a browser");
    let before = window.history().expect("history").length().expect("length");
    url::replace_query("v=1&coin=BTC");
    assert_eq!(url::search(), "?v=1&coin=BTC");
    url::replace_query("v=1&coin=ETH");
    assert_eq!(url::search(), "?v=1&coin=ETH");
    let after = window.history().expect("history").length().expect("length");
    assert_eq!(before, after, "replaceState must not add history entries");
    assert!(url::link("v=1").ends_with("?v=1"));
}

#[wasm_bindgen_test]
fn an_invalid_edit_is_named_and_keeps_the_last_valid_value() {
    let owner = Owner::new();
    owner.set();
    let page = PageState::from_query("?v=1&cov=40");
    page.edit(Key::Coverage, "150".to_owned());
    let message = page
        .error(Key::Coverage)
        .get_untracked()
        .expect("150 % is refused");
    assert!(message.contains("Coverage"), "{message}");
    assert!(message.contains("cov = \"150\""), "{message}");
    assert!(message.contains("100"), "{message}");
    assert_eq!(page.scenario.get_untracked().get_key(Key::Coverage), "40");
    assert_eq!(page.text(Key::Coverage).get_untracked(), "150");

    page.edit(Key::Coverage, "75".to_owned());
    assert_eq!(page.error(Key::Coverage).get_untracked(), None);
    assert_eq!(page.scenario.get_untracked().get_key(Key::Coverage), "75");
}

#[wasm_bindgen_test]
fn a_cross_key_error_names_the_key_and_other_edits_still_apply() {
    let owner = Owner::new();
    owner.set();
    let page = PageState::from_query("v=1");
    page.edit(Key::Lo, "400".to_owned());
    assert!(page.error(Key::Lo).get_untracked().is_some());
    assert_eq!(page.scenario.get_untracked().get_key(Key::Lo), "200");
    page.edit(Key::Spot, "275".to_owned());
    assert_eq!(page.scenario.get_untracked().get_key(Key::Spot), "275");
    page.edit(Key::Lo, "150".to_owned());
    assert_eq!(page.error(Key::Lo).get_untracked(), None);
    assert_eq!(page.scenario.get_untracked().get_key(Key::Lo), "150");
}

#[wasm_bindgen_test]
fn bad_link_values_are_reported_with_their_keys() {
    let owner = Owner::new();
    owner.set();
    let page = PageState::from_query("?spot=abc&cov=250&hedge=swap&junk=1");
    let keys: Vec<&str> = page
        .link_errors
        .get_untracked()
        .iter()
        .map(|e| e.key.as_str())
        .collect();
    assert_eq!(keys, vec!["spot", "cov", "hedge"]);
    assert_eq!(page.scenario.get_untracked(), Scenario::default());
}
