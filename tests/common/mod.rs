//! What the native test crate's files share (`tests/native.rs`): the property tests'
//! generators, and the browser fixtures' JSON text and check.

use proptest::prelude::*;
use rust_decimal::Decimal;

/// Any decimal: raw 96-bit mantissas at every scale, plus the edges.
pub fn any_dec() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale)),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::new(1, 28)),
        Just(Decimal::NEGATIVE_ONE),
    ]
}

/// Decimals `m·10^−scale` for `m` in `lo..=hi`: realistic ranges, so valid inputs come often.
pub fn sane_dec(lo: i64, hi: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    (lo..=hi).prop_map(move |m| Decimal::new(m, scale))
}

/// Any `f64`, with the awkward values well represented: NaN, ±∞, ±0, ±1e308, the smallest
/// normal, a wide range of both signs and a realistic positive range.
pub fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        Just(1e308),
        Just(-1e308),
        Just(f64::MIN_POSITIVE),
        -1e6..1e6f64,
        0.0..1e4f64,
        any::<f64>(),
    ]
}

/// `s` as a JSON string literal.
pub fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A browser test's fixture (`tests/e2e/specs/NAME`) holds `want`, what the engine gives
/// today; with `UPDATE_FIXTURES` set it is written first. `filter` is the test filter that
/// regenerates it.
pub fn check_fixture(name: &str, want: &str, filter: &str) {
    let path = format!("{}/tests/e2e/specs/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, want).expect("write fixture");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        have, want,
        "{path} is out of date: run UPDATE_FIXTURES=1 cargo test --test native {filter}"
    );
}
