//! The core module (wasm32): the small, Leptos-free module that each page loads first: it
//! draws the first chart from the link before the app has loaded
//! (`minerhedge::web::first_paint`). Each page has its own build (`.ci/build`: the period
//! page's without the program feature). The
//! simulations run in a worker on the page's own app module (`src/main.rs`,
//! `src/bin/program.rs`), which the page has downloaded anyway. Natively there is nothing to
//! run.

/// The module's allocator (single-threaded wasm), as in the pages (src/main.rs).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Draws the page's first chart and figures into its skeleton; `false` when it drew
    /// nothing (the app draws the page alone).
    #[wasm_bindgen]
    pub fn first_paint() -> bool {
        minerhedge::web::first_paint::run()
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
