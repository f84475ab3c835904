//! # minerhedge — codemap
//!
//! A static web page (Rust → wasm32, Leptos) where a proof-of-work miner sees what a period of
//! mining earns at any final coin price, unhedged or hedged, and shares the scenario as a link.
//!
//! ## Where things live
//! - [`domain`]: the engine. Pure Rust; money in `rust_decimal`, pricing in `f64`. A position
//!   is a list of legs ([`domain::leg`], [`domain::hedge::Position`]); every strategy the page
//!   offers is one entry of [`domain::strategy::STRATEGIES`] (label, link word, builder of its
//!   legs, glossary text); [`domain::ticket`] writes every order; [`domain::daycount`] every
//!   year fraction; [`domain::risk`] is the `f64` payoff profile, grid, outlook and Greeks.
//! - `ui` (wasm32 only): the page — Leptos components, one per file, the URL/share-link
//!   plumbing and the chart canvas. The only reactive layer; it calls the engine, never the
//!   other way round.
//! - [`chart`]: chart geometry (ranges, ticks, HiDPI surface, data ↔ pixel frame) and the payoff,
//!   distribution and heat-map drawings, generic over plotters' `DrawingBackend` (canvas in the
//!   browser, SVG in native tests).
//! - [`link`]: the page state ([`link::Scenario`]) and its versioned share-link codec; pure.
//! - [`view`]: the view model — everything the page shows, computed from a
//!   [`link::Scenario`] ([`view::Model::build`]); [`view::compare`] the strategy comparison,
//!   [`view::rebalance`] the rebalancing ticket. Pure.
//! - [`export`]: CSV of the table and of the comparison. Pure.
//! - [`format`](mod@format): money, percent and coin text for the page, tables and CSV; pure.
//!
//! ## Invariants
//! - **The domain imports no web or UI crate** (leptos, web-sys, wasm-bindgen, js-sys,
//!   plotters-canvas). Those are wasm32-only dependencies in `Cargo.toml`, so a native
//!   `cargo test` that compiles proves it.
//! - Nothing a user or a link controls can panic: invalid input becomes a
//!   [`domain::DomainError`] naming the field, the value and the valid range.
//! - Pricing is held to independent references in `tests/data/`: QuantLib
//!   (`quantlib_reference.csv`, 1e−10 relative) and 50-digit mpmath values of the same cases
//!   (`mpmath_reference.csv`) and of `N(x)` (`normal_cdf_reference.csv`); each file names the
//!   script that regenerates it.

#![warn(missing_docs)]

pub mod chart;
pub mod domain;
pub mod export;
pub mod format;
pub mod link;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
