//! Browser entry point: mounts the page. Natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    minerhedge::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("minerhedge is a web page: serve it with Trunk (see README.md).");
}
