//! The core module (wasm32): the small, Leptos-free module that each page loads first. On the
//! page's thread it draws the first chart from the link before the app has loaded
//! ([`minerhedge::web::first_paint`]); in a Web Worker it runs the page's simulations
//! ([`minerhedge::web::worker`]). One build serves both pages and both roles (`.ci/build`).
//! Natively there is nothing to run.

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

    /// Starts the simulation worker: installs its message handler (`worker.js` calls it in
    /// the worker once the module has loaded).
    #[wasm_bindgen]
    pub fn worker_start() {
        minerhedge::web::worker::start()
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
