//! Browser plumbing without reactivity (wasm32 only; web-sys, no Leptos): what both the
//! page's app ([`crate::ui`]) and the small first-paint and worker module (`src/bin/core.rs`)
//! need, so the two draw and mark alike.
//!
//! - [`canvas_text`]: plotters' canvas backend with text measured by the canvas.
//! - [`canvas`]: painting a chart on a canvas sized to its CSS size and the pixel ratio.
//! - [`theme`]: the remembered colour scheme; [`url`]: the page's query, read and replaced.
//! - [`first_paint`]: the payoff chart (or the program's cash-flow chart) and its figures,
//!   drawn from the link into the page's static skeleton before the app has loaded.
//! - [`worker`]: what runs inside the simulation worker (the jobs of
//!   [`crate::view::jobs`], in slices, answering the page's requests).

pub mod canvas;
pub mod canvas_text;
pub mod first_paint;
pub mod theme;
pub mod url;
pub mod worker;

/// Name of the performance mark set after every paint of a page's first chart (the payoff
/// chart, the program's cash-flow chart), whichever module drew it: the browser benchmark and
/// checks outside this repository read it as "the first chart is on screen".
pub const DRAWN_MARK: &str = "minerhedge:chart-drawn";

/// Sets the [`DRAWN_MARK`] performance mark.
pub fn mark_drawn() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(DRAWN_MARK);
    }
}

/// Whether this code runs in a dedicated Web Worker (the page's simulation worker) rather
/// than on a page.
pub fn in_worker() -> bool {
    use wasm_bindgen::JsCast;
    js_sys::global()
        .dyn_into::<web_sys::DedicatedWorkerGlobalScope>()
        .is_ok()
}

/// Today in the browser's time zone (a program without `start` starts next month).
pub fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}
