//! Browser-only checks of the page's plumbing, run by wasm-bindgen-test-runner in headless
//! Chromium (`.ci/test`): the URL round trip and the field validation messages.
#![cfg(target_arch = "wasm32")]

use minerhedge::ui::fields::{check, spec};
use minerhedge::ui::state::Fields;
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
fn fields_round_trip_through_the_query() {
    let (fields, errors) = Fields::from_query("?v=1&coin=BTC&spot=300&cov=50&junk=1");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(fields.get("coin"), "BTC");
    assert_eq!(fields.get("spot"), "300");
    let (again, errors) = Fields::from_query(&fields.to_query());
    assert!(errors.is_empty());
    assert_eq!(again, fields);
}

#[wasm_bindgen_test]
fn bad_link_values_are_named_and_keep_their_defaults() {
    let (fields, errors) = Fields::from_query("spot=abc&cov=250&hedge=swap");
    let defaults = Fields::defaults();
    for key in ["spot", "cov", "hedge"] {
        assert_eq!(fields.get(key), defaults.get(key));
        assert!(
            errors.iter().any(|e| e.contains(&format!("({key})"))),
            "{key} not named in {errors:?}"
        );
    }
}

#[wasm_bindgen_test]
fn validation_messages_name_field_value_and_range() {
    let cov = spec("cov").expect("coverage field");
    let message = check(cov, "150").expect_err("150 % is out of range");
    assert!(message.contains("Coverage (cov) = 150"), "{message}");
    assert!(message.contains("between 0 and 100"), "{message}");
    assert!(check(cov, "NaN").is_err());
    assert!(check(cov, "inf").is_err());
    assert!(check(cov, "40").is_ok());
}
