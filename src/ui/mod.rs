//! The page (browser only): Leptos components, one per file, over the engine.
//!
//! - [`app`]: layout, shared state, URL sync.
//! - [`state`], [`url`]: the scenario, the inputs' texts and errors (through the link codec),
//!   and the page's URL. What the page shows comes from [`crate::present`].
//! - [`canvas`]: the canvas plumbing every chart shares (backing store, repaint triggers),
//!   drawing on [`crate::web::canvas_text`]'s backend.
//! - Components: [`inputs`] and [`field`], [`coverage_slider`], [`price_slider`], [`chart`],
//!   [`table`], [`derived`], [`share`], [`link_error`].
//! - Decision panels: [`decide`] (owner of the [`monte_carlo`] runner) with [`compare`],
//!   [`distribution`], [`frontier`] (the runner's frontier), [`heatmap`], [`rebalance`],
//!   [`export_bar`]; [`presets`] and
//!   [`before_expiry`] (the days-elapsed slider).
//! - [`schedule`]: when slow work runs (after a drag pauses; below the first screen after the
//!   first paint), so every slider keeps the main chart live at 60 Hz.
//! - [`worker`]: the page's simulation worker (one per page): the runners' jobs and their
//!   responses, so no simulation runs on the page's thread.
//! - People: [`theme`] (light / dark / system, remembered), [`glossary`] tips and the
//!   [`glossary_panel`].
//! - [`program`]: the program view's page (program.html, its own wasm).
//! - `bench` (cargo feature `bench` only): entry points for the browser benchmark, not in the
//!   page's own build.

pub mod app;
pub mod before_expiry;
#[cfg(feature = "bench")]
pub mod bench;
pub mod canvas;
pub mod chart;
pub mod compare;
pub mod coverage_slider;
pub mod decide;
pub mod derived;
pub mod distribution;
pub mod export_bar;
pub mod field;
pub mod frontier;
pub mod glossary;
pub mod glossary_panel;
pub mod heatmap;
pub mod hour_prices;
pub mod inputs;
pub mod link_error;
pub mod monte_carlo;
pub mod presets;
pub mod price_import;
pub mod price_slider;
#[cfg(feature = "program")]
pub mod program;
pub mod rebalance;
pub mod schedule;
pub mod share;
pub mod smile;
pub mod state;
pub mod table;
pub mod theme;
pub mod url;
pub mod worker;

/// Installs the panic hook (a panic names its message in the console) and mounts the page on
/// `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    crate::web::first_paint::freeze();
    leptos::mount::mount_to_body(app::App);
}
