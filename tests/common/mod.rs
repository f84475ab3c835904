//! Generators shared by the property tests.

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
