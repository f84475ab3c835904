//! # minerhedge — codemap
//!
//! A static web page (Rust → wasm32, Leptos) where a proof-of-work miner sees what a period of
//! mining earns at any final coin price, unhedged or hedged, and shares the scenario as a link.
//!
//! ## Where things live
//! - [`domain`]: the engine. Pure Rust; money in `rust_decimal`, pricing in `f64`. A position
//!   is a list of legs ([`domain::leg`], [`domain::hedge::Position`]); every strategy the page
//!   offers is one entry of [`domain::strategy::STRATEGIES`] (label, link word, glossary text,
//!   its legs — kind, side, share, the strike input `kp`/`kp2`/`kc` and how the strike is
//!   solved — and its strike order), priced on either page's option market through
//!   [`domain::strategy::LegPricer`]; the inputs panel, the derived panel's option figures, the
//!   comparison row, the chart legend, the order ticket and the program's strike columns
//!   follow from the entry. [`domain::ticket`] writes every order; [`domain::daycount`] every
//!   year fraction; [`domain::risk`] is the `f64` payoff profile (any list of options, kept as
//!   sorted kinks), grid, outlook and Greeks;
//!   [`domain::range::Range`] is the one interval type (the engine's limits and the link's key
//!   ranges) and its check; [`domain::Field`] names every input and derived quantity an error
//!   can be about; [`domain::margin`] is the margin of a short hedge (liquidation price, its
//!   first-passage probability, the collateral for a target) and
//!   [`domain::pricing::smile`] the volatility smile in delta (each strike at its own vol;
//!   the zero-cost call solved on it). The hashprice forward is a leg kind
//!   ([`domain::leg::LegKind::HashpriceForward`]: its coins follow the difficulty like the
//!   mined coins) and a registry entry; coin-settled options are options whose premium is in
//!   coin ([`domain::leg::Leg::settled_in_coin`]). [`domain::risk::frontier`] is the coverage
//!   frontier (every coverage 0–100 % of a strategy on the simulation's kept paths).
//!   [`domain::power`] is the power contracts' model (fixed, index-priced with curtailment,
//!   a PPA with resale, a capacity credit; the energy-adjusted hashprice, run share and
//!   curtailment value, at any power price level) and [`domain::power::import`] reads a file
//!   of hourly prices into a price-duration curve; a profile's mined coins follow a contract
//!   through [`domain::risk::PowerLeg`] (convex in the price: floor, breakevens and the
//!   outlook found numerically per piece between strikes); [`domain::number`] is the one
//!   exact decimal parser (links, fields and price files).
//!   [`domain::money`] holds the one outlined
//!   copy of each `Decimal` operation (`checked_add`, …) and `exp`: rust_decimal inlines its
//!   own at every call, which the page's size budget cannot carry.
//! - [`domain::program`]: the hedge program — up to 36 calendar months, each with its own
//!   production, forward, Black-76 premiums and registry-built position
//!   ([`domain::program::Program`]), their seeded monthly simulation
//!   ([`domain::program::ProgramRun`]; with every month's hedge also at full coverage on the
//!   same paths for the suggested ladder), the months that have passed against the plan
//!   ([`domain::program::actuals`]), and the treasury ([`domain::program::treasury`]: coins
//!   held, sold, lent, pledged to a loan and written as calls, month by month; one ledger runs
//!   the plan in exact decimals and every simulated path in `f64`; the loan's call and
//!   liquidation prices, touch probabilities and the pledge for a target).
//! - `ui` (wasm32 only): the page — Leptos components, one per file, the URL/share-link
//!   plumbing, the chart canvases (one canvas helper, `ui::canvas`, sized by a
//!   `ResizeObserver` so a paint never forces a layout) and the scheduling of slow work after a
//!   drag pauses and of panels below the first screen after the first paint (`ui::schedule`);
//!   `ui::worker` is the page's side of the simulation worker. The only reactive layer; it
//!   calls the engine, never the other way round.
//! - `web` (wasm32 only, no Leptos): browser plumbing shared by the app and the core module —
//!   the canvas backend and painting (`web::canvas`), the colour scheme, the address, the
//!   first paint (`web::first_paint`: the core module, `src/bin/core.rs`, draws the first
//!   chart and its figures from the link into the HTML's skeleton before the app loads; the
//!   app replaces it) and what runs in the simulation worker (`web::worker`, on the page's
//!   own app module: `src/main.rs` and `src/bin/program.rs` mount nothing in a worker).
//!   Each page's modules carry that page's code only: its core module its own first paint
//!   (`first_paint::period_page` or `program_page`), its worker its own jobs
//!   ([`view::jobs::PageJob`]). `docs/loading.md` says why the page loads this way.
//! - [`chart`]: chart geometry (ranges, ticks, HiDPI surface, data ↔ pixel frame) and the payoff,
//!   distribution, heat-map, smile and hour-price drawings, generic over plotters' `DrawingBackend` (canvas in the
//!   browser, SVG in native tests).
//! - [`link`]: the page state ([`link::Scenario`], nested by concern: economics, market, hedge,
//!   view, simulation) and its versioned share-link codec (format 2; version 1 still read).
//!   One key table generates the typed [`link::Key`] enum and [`link::KEYS`]: each row names
//!   the key's field, kind (range or words), default and page; reading and writing a field
//!   follow from its type ([`link::Place`]), so a key lives in its row alone. Values that follow
//!   the market are `None` in the scenario and derived by [`link::Scenario::resolved`]. Pure.
//! - [`view`]: the view model — everything the page shows, as data, computed from a
//!   [`link::Scenario`] ([`view::Model::build`]); [`view::compare`] the strategy comparison,
//!   [`view::distribution`], [`view::volume_risk`], [`view::montecarlo`] and
//!   [`view::rebalance`] the decision panels, [`view::frontier`] the coverage frontier (its
//!   job, stepped a few coverages at a time, and its figures), [`view::jobs`] the simulation
//!   worker's protocol and jobs (the period's simulation and frontier, the program's
//!   simulation and suggested ladder, as bytes both ways), [`view::pricing`] the page's option market
//!   (the flat model and the smile on it), [`view::margin`] the margin of a short hedge on
//!   either page, [`view::select`] choosing a strategy, [`view::keys`] which link key an
//!   engine error is about and which inputs a strategy and a mode read,
//!   [`view::edit`] the inputs' edit rules, [`view::saved`] the saved scenarios,
//!   [`view::power`] the period page's power contract (its plan at the forward, the figures
//!   at any price, the table's power columns). Pure.
//! - The program view (cargo feature `program`, on by default): [`view::program`] builds the
//!   engine's program from the scenario's per-month lists, [`present::program`] writes its
//!   table cells (text and unrounded `data-value`) and summary, [`chart::program`] draws the
//!   cash flow, `ui::program` is its page (program.html, its own wasm: `src/bin/program.rs`),
//!   with the actuals, the monthly report and the suggested ladder; on a power contract each
//!   month is planned at its forward (`domain::program::power`) and its simulated months draw
//!   a power price level (`pvol`, `pcorr`).
//!   [`view::treasury`], [`present::treasury`] and [`chart::treasury`] are the treasury's
//!   model, text and chart (`ui::program::treasury` its panel).
//!   The period page is built without the feature; one `Scenario` type serves both pages,
//!   and the period page carries the program keys' texts as written ([`link::Place`]'s
//!   `Carried`): the program page reads and checks them ([`link::ProgramInputs`]).
//! - [`present`]: the presentation layer — view-model data turned into text for people
//!   (labels, formatted numbers, status sentences) and the payoff chart's data. Pure.
//! - [`export`]: CSV of the table and of the comparison. Pure.
//! - [`format`](mod@format): money, percent and coin text for the page, tables and CSV; pure.
//!
//! ## Data flow
//! First paint (core module): URL → [`link::Scenario`] → [`present::display::display`] →
//! `web::first_paint` (the chart and the figures into the skeleton). Then the app:
//! URL → [`link::Scenario`] (codec) → [`view::Model`] (data) → [`present`] (text) → `ui`
//! components (Leptos `view!`, escaped by construction); no simulation runs on the page's
//! thread: the simulation runner (`ui`) sends the scenario's link query to the page's Web
//! Worker (`ui::worker` → `web::worker`, [`view::jobs`]), which steps
//! [`domain::montecarlo::McRun`] and then the frontier's job (`view::frontier::FrontierJob`)
//! on its kept paths, and posts the statistics and the frontier back, fed through `view` and
//! `present`. The program page: URL → [`link::Scenario`] →
//! [`view::program::ProgramModel`] →
//! [`present::program`] → `ui::program`; its runner's job in the worker steps
//! [`domain::program::ProgramRun`]'s paths (at most [`view::jobs::PROGRAM_MAX_PATHS`], or
//! [`view::jobs::TREASURY_MAX_PATHS`] with a treasury, which each path also runs), its
//! statistics a month at a time, then the suggested ladder.
//!
//! ## Invariants
//! - **No `Decimal` arithmetic is inlined outside `domain::money`**: code calls
//!   `money::checked_{add,sub,mul,div}` (and `money::exp`); rust_decimal's own are
//!   `disallowed-methods` in `clippy.toml`, so `cargo clippy -D warnings` refuses them.
//! - **No field is routed by a string**: a link word is looked up once, in the key table
//!   ([`link::KEYS`]); from there on a key is a [`link::Key`] (`set_key`, `get_key`, the
//!   page's edits, `LinkError::key`, `view::Message::key`). A key's read, write and default
//!   come from its row (its field and kind), so a new key is one row: the compiler checks the
//!   field exists and its type has a link form ([`link::Place`]).
//! - **Every engine field maps to a key**: [`view::keys`] has one row per [`domain::Field`],
//!   in their order, checked at compile time; a quantity the engine derives is blamed on the
//!   input of the step that derived it.
//! - **A strategy is its registry entry**: the page's strategies are the variants of
//!   [`domain::strategy::StrategyKind`], each with its entry in
//!   [`domain::strategy::STRATEGIES`] (a `const` check: entry *i* has key *i*); what the page
//!   shows of one is computed from its legs, and `tests/native/strategies.rs` prices, draws
//!   and compares a structure written only as an entry in that test.
//! - **What a link accepts the engine computes**: every example of `tests/native/ranges.rs`
//!   opens or names its key, and a seeded fuzz test of links in range keeps it so.
//! - **A decoded v1 link never follows the market**: its missing keys take the v1 defaults.
//! - **A program that sells every coin shows no treasury and the same numbers**: the treasury
//!   is built only when it holds, keeps, lends, borrows or writes anything
//!   ([`domain::program::treasury::TreasuryParams::is_active`]), and it draws its defaults
//!   from its own generator, so the program's paths are the same with or without it
//!   (`tests/native/treasury.rs`).
//! - **`ptype=fixed` without a capacity credit is the page as before**: the power model is
//!   built only when it changes something ([`link::PowerInputs::is_active`]);
//!   `tests/native/power_page.rs` and `tests/native/program_power.rs` compare every figure.
//! - **The domain imports no web or UI crate** (leptos, web-sys, wasm-bindgen, js-sys,
//!   plotters-canvas). Those are wasm32-only dependencies in `Cargo.toml`, so a native
//!   `cargo test` that compiles proves it.
//! - **The first paint and the app draw the same chart from the same code**: both paint
//!   through `web::canvas::paint` with the chart module's `draw`, from the same view model; a
//!   browser test (`tests/e2e/specs/load.spec.js`) compares their figures and pixels.
//! - **No simulation runs on the page's thread**: the runners only send jobs to the worker
//!   (`ui::worker`); a stale result is dropped by job id (`tests/e2e/specs/worker.spec.js`).
//! - Nothing a user or a link controls can panic: invalid input becomes a
//!   [`domain::DomainError`] naming the field, the value and the valid range. The field is a
//!   typed [`domain::Field`] (the error's type has no other), and the views map it to its
//!   link key through [`view::keys`].
//! - **No function runs over 80 lines**: clippy's `too_many_lines` at 80 (`clippy.toml`,
//!   `Cargo.toml`'s `[lints]`).
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
pub mod present;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
