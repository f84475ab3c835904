//! Browser entry point of the coverage frontier's page (frontier.html). Natively there is
//! nothing to run.

/// The page's allocator in the browser, as in the period page (src/main.rs).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    minerhedge::ui::frontier_page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("minerhedge's coverage frontier is a web page: serve it with Trunk (see README.md).");
}
