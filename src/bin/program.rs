//! Browser entry point of the program view's page (program.html): mounts the page, or, loaded
//! by the page's simulation worker, answers its jobs. Natively there is nothing to run.

/// The page's allocator in the browser, as in the period page (src/main.rs).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts the page; in the page's simulation worker (the same module, loaded by `worker.js`)
/// it does nothing and [`worker_start`] installs the worker's handler instead.
#[cfg(target_arch = "wasm32")]
fn main() {
    if !minerhedge::web::in_worker() {
        minerhedge::ui::program::start();
    }
}

/// Starts the page's simulation worker in this module (`worker.js` calls it in the worker),
/// with this page's jobs only.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_start() {
    minerhedge::web::worker::start::<minerhedge::view::jobs::ProgramJob>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("minerhedge's program view is a web page: serve it with Trunk (see README.md).");
}
