//! Browser entry point: mounts the page. Natively there is nothing to run.

/// The page's allocator in the browser (single-threaded wasm): Talc, which grows the wasm
/// memory as it needs; it makes the page 571 bytes (gzipped) smaller than the default dlmalloc.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    minerhedge::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("minerhedge is a web page: serve it with Trunk (see README.md).");
}
