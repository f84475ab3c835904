//! The core module (wasm32): the small, Leptos-free module that each page loads first: it
//! draws the first chart from the link before the app has loaded
//! (`minerhedge::web::first_paint`). Each page has its own build (`.ci/build`), which
//! carries that page's first paint only: the period page's without the cargo feature
//! `program`, the program page's with it. The simulations run in a worker on the page's own
//! app module (`src/main.rs`, `src/bin/program.rs`), which the page has downloaded anyway.
//! Natively there is nothing to run.

/// The module's allocator (single-threaded wasm), as in the pages (src/main.rs).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Draws the program page's first chart and figures into its skeleton; `false` when it
    /// drew nothing (the app draws the page alone). The program page's build (feature
    /// `program`) carries the program page's first paint only.
    #[cfg(feature = "program")]
    #[wasm_bindgen]
    pub fn first_paint() -> bool {
        minerhedge::web::first_paint::program_page()
    }

    /// Draws the period page's first chart and figures into its skeleton; `false` when it
    /// drew nothing (the app draws the page alone). The period page's build (without the
    /// feature `program`).
    #[cfg(not(feature = "program"))]
    #[wasm_bindgen]
    pub fn first_paint() -> bool {
        minerhedge::web::first_paint::period_page()
    }
}

/// Runs when the module is instantiated: installs the panic hook (a panic names its message
/// in the console).
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("minerhedge's core module runs in the browser: serve the page (see README.md).");
}
