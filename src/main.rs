//! Browser entry point of the period page: mounts the page, or, loaded by the page's
//! simulation worker, answers its jobs. Natively there is nothing to run.

/// The page's allocator in the browser (single-threaded wasm): Talc, which grows the wasm
/// memory as it needs; it makes the page 571 bytes (gzipped) smaller than the default dlmalloc.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts the page; in the page's simulation worker (the same module, loaded by `worker.js`)
/// it does nothing and [`worker_start`] installs the worker's handler instead.
#[cfg(target_arch = "wasm32")]
fn main() {
    if !minerhedge::web::in_worker() {
        minerhedge::ui::start();
    }
}

/// Starts the page's simulation worker in this module (`worker.js` calls it in the worker),
/// with this page's jobs only.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_start() {
    minerhedge::web::worker::start::<minerhedge::view::jobs::PeriodJob>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("minerhedge is a web page: serve it with Trunk (see README.md).");
}
