//! The program view's page (program.html, its own wasm): Leptos components, one per file,
//! over [`crate::view::program`] and [`crate::present::program`].
//!
//! - [`app`]: layout, shared state (the same [`super::state::PageState`] as the period page:
//!   every input is a link key), URL sync, the built program.
//! - [`presets`]: the program presets; [`inputs`]: the program's fields by group; [`ladder`]: the per-month ladder editor and
//!   its quick fills.
//! - [`actuals`]: the months that have passed against the plan, the hedge's effectiveness and
//!   the rebalancing on the actual output.
//! - [`suggest`]: the suggested ladder (least coverage per month for a target chance of a
//!   negative month) and its apply and declining fills.
//! - [`report`]: the monthly report, printable and as CSV; [`cell_table`]: the table of
//!   cells both the actuals and the report show.
//! - [`table`]: the month table; [`chart`]: the cash-flow chart; [`summary`]: the totals and
//!   simulated risk; [`runner`]: the simulation, in the page's worker; [`export`]: the CSV.
//! - [`treasury`]: the treasury: coins held, lent, pledged and written as calls, the loan's
//!   risk, its chart and table.

pub mod actuals;
pub mod app;
pub mod cell_table;
pub mod chart;
pub mod export;
pub mod inputs;
pub mod ladder;
pub mod presets;
pub mod report;
pub mod runner;
pub mod suggest;
pub mod summary;
pub mod table;
pub mod treasury;

/// Installs the panic hook and mounts the program page on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    crate::web::first_paint::freeze();
    leptos::mount::mount_to_body(app::ProgramApp);
}
