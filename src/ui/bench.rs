//! Entry points for the browser benchmark (`npm run bench` in tests/e2e). The page never
//! calls them; they are exported from the wasm module so the benchmark can time the engine
//! from JavaScript in the same browser as the npm option pricers.

use wasm_bindgen::prelude::*;

use crate::domain::pricing::{OptionKind, SpotModel, SpotParams};

/// Prices `n` European calls with price and Greeks through the engine's Black–Scholes–Merton
/// model, each with its own spot, strike, volatility and expiry (the same inputs the benchmark
/// feeds the JavaScript packages: spot `100 + i mod 100`, strike `50 + i mod 101`, volatility
/// `0.2 + (i mod 50)/100`, expiry `0.1 + (i mod 30)/30` years, rate 5 %). Returns the sum of
/// price, delta, gamma, vega, theta and rho so the work cannot be skipped; NaN if any input
/// is refused.
#[wasm_bindgen]
pub fn bench_price_options(n: u32) -> f64 {
    let mut sum = 0.0;
    for i in 0..n {
        let params = SpotParams {
            spot: 100.0 + f64::from(i % 100),
            rate: 0.05,
            dividend_yield: 0.0,
            vol: 0.2 + f64::from(i % 50) / 100.0,
            expiry_years: 0.1 + f64::from(i % 30) / 30.0,
        };
        let strike = 50.0 + f64::from(i % 101);
        let greeks = SpotModel::new(params).and_then(|m| m.greeks(OptionKind::Call, strike));
        match greeks {
            Ok(g) => sum += g.price + g.delta + g.gamma + g.vega + g.theta + g.rho,
            Err(_) => return f64::NAN,
        }
    }
    sum
}

/// Prices `markets × strikes` European calls as option chains: `markets` markets (spot
/// `100 + j mod 100`, volatility `0.2 + (j mod 50)/100`, expiry `0.1 + (j mod 30)/30` years,
/// rate 5 %), each validated once with [`SpotModel::new`], and on each market the calls at
/// `strikes` strikes `50 + i mod 101`, each with price and all Greeks through
/// [`SpotModel::greeks`]. The benchmark feeds the JavaScript package the same
/// `markets × strikes` inputs option by option. Returns the sum of price, delta, gamma, vega,
/// theta and rho; NaN if any input is refused.
#[wasm_bindgen]
pub fn bench_price_chains(markets: u32, strikes: u32) -> f64 {
    let mut sum = 0.0;
    for j in 0..markets {
        let market = SpotModel::new(SpotParams {
            spot: 100.0 + f64::from(j % 100),
            rate: 0.05,
            dividend_yield: 0.0,
            vol: 0.2 + f64::from(j % 50) / 100.0,
            expiry_years: 0.1 + f64::from(j % 30) / 30.0,
        });
        let Ok(market) = market else {
            return f64::NAN;
        };
        for i in 0..strikes {
            match market.greeks(OptionKind::Call, 50.0 + f64::from(i % 101)) {
                Ok(g) => sum += g.price + g.delta + g.gamma + g.vega + g.theta + g.rho,
                Err(_) => return f64::NAN,
            }
        }
    }
    sum
}

/// The engine's price of one European call (for the benchmark's accuracy comparison); NaN if
/// an input is refused.
#[wasm_bindgen]
pub fn bench_call_price(spot: f64, strike: f64, vol: f64, expiry_years: f64, rate: f64) -> f64 {
    SpotModel::new(SpotParams {
        spot,
        rate,
        dividend_yield: 0.0,
        vol,
        expiry_years,
    })
    .and_then(|m| m.price(OptionKind::Call, strike))
    .unwrap_or(f64::NAN)
}

/// The floor of the engine's per-option cost: `n` evaluations of one building block, summed so
/// the work cannot be skipped. `what`: 0 `exp` (of `−(i mod 1000)/100`), 1 `ln` (of
/// `i mod 1000 + 0.5`), 2 the engine's `N(x)` with its own `exp` (Cody's rational times
/// `e^(−x²/2)`, the Black formula's path), 3 `N(x)` from `libm::erfc`; `x = (i mod 1000)/62.5 − 8`.
/// NaN for any other `what`.
#[wasm_bindgen]
pub fn bench_building_block(what: u32, n: u32) -> f64 {
    use crate::domain::pricing::normal;
    let x = |i: u32| f64::from(i % 1000) / 62.5 - 8.0;
    let mut sum = 0.0;
    match what {
        0 => (0..n).for_each(|i| sum += (-f64::from(i % 1000) / 100.0).exp()),
        1 => (0..n).for_each(|i| sum += (f64::from(i % 1000) + 0.5).ln()),
        2 => (0..n).for_each(|i| {
            let x = x(i);
            sum += normal::cdf_with_gauss(x, (-0.5 * x * x).exp());
        }),
        3 => (0..n).for_each(|i| sum += normal::cdf(x(i))),
        _ => return f64::NAN,
    }
    sum
}
