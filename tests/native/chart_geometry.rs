//! Geometry properties: nice ticks and the data ↔ pixel mapping of a frame.

use minerhedge::chart::geometry::{
    DataRange, Frame, PixelRect, Surface, interpolate, plottable_runs, ticks,
};
use proptest::prelude::*;

fn mantissa(step: f64) -> f64 {
    step / 10f64.powf(step.log10().floor())
}

proptest! {
    #[test]
    fn ticks_are_nice_inside_and_few(lo in -1e12f64..1e12, span_exp in -6.0f64..12.0, max in 2usize..12) {
        let span = 10f64.powf(span_exp);
        let Ok(r) = DataRange::new(lo, lo + span) else { return Ok(()); };
        let t = ticks(&r, max);
        prop_assert!(t.len() >= 2 && (t.len() <= max + 1 || t.len() <= 3 * max), "{} ticks for max {}", t.len(), max);
        prop_assert!(t.windows(2).all(|w| w[0] < w[1]));
        if let [a, b, ..] = t[..] {
            let step = b - a;
            let m = mantissa(step);
            // Differences of large neighbouring ticks carry their rounding error.
            let tol = 1e-6 + (r.lo().abs() + r.hi().abs()) * 1e-15 / step * 10.0;
            prop_assert!([1.0, 2.0, 5.0, 10.0].iter().any(|x| (m - x).abs() < tol), "mantissa {m}");
            // Each tick lies in the range (allowing the rounding to the step's decimals).
            let slack = step * 1e-6;
            prop_assert!(t.iter().all(|v| *v >= r.lo() - slack && *v <= r.hi() + slack));
        }
    }

    #[test]
    fn px_to_data_to_px_round_trips(
        left in 0i32..500, top in 0i32..500, w in 1i32..4000, h in 1i32..3000,
        lo in -1e9f64..1e9, span in 1e-6f64..1e9, t in 0.0f64..=1.0, dpr in 0.5f64..4.0,
    ) {
        let x = DataRange::new(lo, lo + span).unwrap();
        let y = DataRange::new(-span, span).unwrap();
        let f = Frame::new(PixelRect::new(left, top, left + w, top + h).unwrap(), x, y, dpr).unwrap();
        let px = f64::from(left) + t * f64::from(w);
        let data = f.px_to_x(px).unwrap();
        prop_assert!((f.x_to_px(data) - px).abs() < 1e-6 * f64::from(w).max(1.0));
        let py = f64::from(top) + t * f64::from(h);
        let dy = f.px_to_y(py).unwrap();
        prop_assert!((f.y_to_px(dy) - py).abs() < 1e-6 * f64::from(h).max(1.0));
        // CSS pixels: the same column through the device pixel ratio.
        let css = f.x_to_css(data);
        prop_assert!((f.css_to_x(css).unwrap_or(f64::NAN) - data).abs() <= span * 1e-9 + 1e-9);
    }

    #[test]
    fn ranges_from_any_values_are_finite(values in prop::collection::vec(prop_oneof![
        any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(0.0), Just(1e300), Just(-1e300)], 0..20)) {
        if let Some(r) = DataRange::from_values(values.iter().copied()) {
            prop_assert!(r.span() > 0.0 && r.span().is_finite());
            prop_assert!(r.padded(0.1).span().is_finite());
            let t = ticks(&r, 8);
            prop_assert!(t.iter().all(|v| v.is_finite()));
        }
        let runs = plottable_runs(&values.iter().map(|v| (*v, *v)).collect::<Vec<_>>());
        prop_assert!(runs.iter().flatten().all(|p| p.0.is_finite()));
    }
}

#[test]
fn pixels_outside_the_plot_map_to_none() {
    let f = Frame::new(
        PixelRect::new(40, 10, 640, 310).unwrap(),
        DataRange::new(200.0, 300.0).unwrap(),
        DataRange::new(0.0, 1.0).unwrap(),
        2.0,
    )
    .unwrap();
    assert_eq!(f.px_to_x(39.0), None);
    assert_eq!(f.px_to_x(f64::NAN), None);
    assert_eq!(f.px_to_x(40.0), Some(200.0));
    assert_eq!(f.px_to_x(640.0), Some(300.0));
    assert_eq!(f.css_to_x(170.0), Some(250.0));
    assert_eq!(f.px_to_y(310.0), Some(0.0));
    assert_eq!(f.px_to_y(311.0), None);
}

#[test]
fn surface_contract() {
    let s = Surface::new(375.0, 240.0, 3.0).unwrap();
    assert_eq!(s.backing_size(), (1125, 720));
    for bad in [f64::NAN, 0.0, -1.0, 1e9] {
        assert!(Surface::new(bad, 100.0, 1.0).is_err());
        assert!(Surface::new(100.0, bad, 1.0).is_err());
        assert!(Surface::new(100.0, 100.0, bad).is_err());
    }
    let e = Surface::new(100.0, 100.0, 9.0).unwrap_err().to_string();
    assert!(e.contains("device pixel ratio") && e.contains('9'), "{e}");
}

#[test]
fn interpolation_follows_the_polyline() {
    let pts: Vec<(f64, f64)> = (0..=10)
        .map(|i| (i as f64 * 10.0, (i * i) as f64))
        .collect();
    assert_eq!(interpolate(&pts, 25.0), Some(6.5));
    assert_eq!(interpolate(&pts, -1.0), None);
    assert_eq!(interpolate(&pts, f64::NAN), None);
    assert_eq!(interpolate(&[], 1.0), None);
}

/// 2.7e−3 wide at 1e11, a few hundred ulps: the first and last multiples of the step land
/// just outside the range by rounding. They are dropped, and the ticks in between stay nice
/// (the ends of the range are not nice ticks).
#[test]
fn ticks_near_the_limits_of_precision_stay_nice() {
    let r = DataRange::new(99_269_129_864.844_01, 99_269_129_864.846_76).unwrap();
    let t = ticks(&r, 2);
    assert!(t.len() >= 2, "{t:?}");
    assert!(t.iter().all(|v| *v >= r.lo() && *v <= r.hi()), "{t:?}");
    assert!(((t[1] - t[0]) / 1e-3 - 1.0).abs() < 0.05, "{t:?}");
}
