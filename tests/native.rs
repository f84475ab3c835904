//! The native integration tests, as one test crate: one binary to build and link instead of
//! one per file. Each file of `tests/native/` is a module here; `tests/common/` holds the
//! property-test generators they share; `tests/wasm_ui.rs` is the other test crate (it runs
//! in the browser). A new test file goes into `tests/native/` with a `mod` line in
//! `mod native` below (`native::layout` checks both).
//!
//! The crate root is `tests/native.rs`, not `tests/native/main.rs`: proptest keeps a test
//! file's failure seeds beside it (`tests/native/link.proptest-regressions`) only when no
//! `main.rs` or `lib.rs` sits in its directory.
//!
//! Run one file's tests with a filter: `cargo test --test native link::`.

mod common;

/// The files of `tests/native/`.
mod native {
    mod actuals;
    mod architecture;
    mod chart_backend;
    mod chart_geometry;
    mod chart_svg;
    mod conventions;
    mod decide;
    mod decide_fixture;
    mod economics_props;
    mod format;
    mod frontier;
    mod hashprice;
    mod hedge_props;
    mod hour_chart;
    mod import;
    mod instruments;
    mod jobs;
    mod layout;
    mod link;
    mod margin;
    mod power;
    mod power_page;
    mod present;
    mod pricing;
    mod pricing_props;
    mod pricing_quantlib;
    mod program;
    mod program_link;
    mod program_power;
    mod ranges;
    mod readme;
    mod risk;
    mod seed_tables;
    mod smile;
    mod strategies;
    mod suggest;
    mod treasury;
    mod view;
    mod worker_fixture;
}
