//! The hour's power price chart (`chart::power`): the price-duration curve against values
//! computed here from the lognormal's own formulas (the median `m·exp(−s²/2)`, the 99th
//! percentile from `z₀.₉₉`, the run share `N(d)`), the curve's steps, the SVG the page draws
//! of it (the smile chart's drawing: the share of hours below each price, EHP marked, the run
//! share as a dashed level), and the edge cases: EHP below or above every price, negative
//! prices, a single price, bad inputs.
//!
//! Sample SVGs land in `$CARGO_TARGET_TMPDIR/charts/hour_*.svg`.

use minerhedge::chart::ChartError;
use minerhedge::chart::geometry::{Frame, Surface};
use minerhedge::chart::power::{HourPriceChart, MAX_SAMPLES};
use minerhedge::chart::smile;
use minerhedge::domain::power::HourPrices;
use minerhedge::domain::pricing::normal::cdf;
use minerhedge::domain::{DomainError, Field};
use plotters::prelude::*;
use proptest::prelude::*;

/// `N⁻¹(0.99)`, to 16 digits.
const Z99: f64 = 2.326_347_874_040_841;

fn lognormal(mean: f64, log_sd: f64) -> HourPrices {
    HourPrices::Lognormal { mean, log_sd }
}

/// `N(d)`, `d = (ln(EHP/m) + s²/2)/s`: the share of lognormal hours below EHP.
fn run_share(mean: f64, log_sd: f64, ehp: f64) -> f64 {
    cdf(((ehp / mean).ln() + 0.5 * log_sd * log_sd) / log_sd)
}

fn render(chart: &HourPriceChart, name: &str) -> (String, Frame) {
    let surface = Surface::new(420.0, 240.0, 1.0).expect("surface");
    let mut svg = String::new();
    let frame = {
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        smile::draw(&root, &chart.chart(), &surface).expect("the chart draws")
    };
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("charts");
    if std::fs::create_dir_all(&dir).is_ok() {
        // Best effort: a sample to look at, not part of the assertions.
        let _ = std::fs::write(dir.join(format!("hour_{name}.svg")), &svg);
    }
    (svg, frame)
}

/// Text contents of all `<text>` elements.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|e| {
            let body = &e[e.find('>')? + 1..e.find("</text>")?];
            Some(body.trim().to_string())
        })
        .collect()
}

fn is_invalid(r: Result<HourPriceChart, ChartError>, field: Field) -> bool {
    matches!(r, Err(ChartError::Invalid(DomainError::OutOfRange { field: f, .. })) if f == field)
}

#[test]
fn lognormal_points_are_the_distribution_function_sampled_by_price() {
    let (m, s) = (60.0, 0.5);
    let chart = HourPriceChart::from_prices(&lognormal(m, s), 55.0, 200).expect("chart");
    let pts = chart.points();
    // 201 samples, the point at EHP, and (1, top).
    assert_eq!(pts.len(), 203);
    assert_eq!(pts[0], (0.0, 0.0));
    let top = m * (-0.5 * s * s + s * Z99).exp();
    assert!((chart.top() - top).abs() < 1e-12 * top);
    for &(x, p) in &pts[..pts.len() - 1] {
        // Each point's share is N(d) at its price.
        let u = if p > 0.0 { run_share(m, s, p) } else { 0.0 };
        assert!((x - u).abs() < 1e-15, "{p}: {x} vs {u}");
    }
    let u = run_share(m, s, 55.0);
    assert!(pts.contains(&(chart.run_share(), 55.0)) && (chart.run_share() - u).abs() < 1e-15);
    assert_eq!(pts[pts.len() - 1], (1.0, chart.top()));
    assert!(pts.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1));
    // Half the hours cost less than the median m·exp(−s²/2); 99 % less than the top.
    assert!((run_share(m, s, m * (-0.5 * s * s).exp()) - 0.5).abs() < 1e-15);
    assert!((run_share(m, s, top) - 0.99).abs() < 1e-12);
}

#[test]
fn the_run_share_is_n_of_d() {
    for (m, s, ehp, n) in [
        (60.0, 0.5, 55.0, 200),
        (45.0, 1.2, 90.0, 100),
        (80.0, 0.3, 40.0, 64),
        (35.0, 2.5, 35.0, 1000),
        (120.0, 0.05, 121.0, 10),
    ] {
        let chart = HourPriceChart::from_prices(&lognormal(m, s), ehp, n).expect("chart");
        let u = run_share(m, s, ehp);
        assert!((chart.run_share() - u).abs() < 1e-15, "{m} {s} {ehp}");
        assert_eq!(chart.chart().atm, chart.run_share());
    }
}

#[test]
fn the_top_makes_room_for_ehp_when_it_is_above_the_99th_percentile() {
    let (m, s) = (40.0, 0.25);
    let chart = HourPriceChart::from_prices(&lognormal(m, s), 150.0, 100).expect("chart");
    assert!(m * (-0.5 * s * s + s * Z99).exp() < 150.0);
    assert_eq!(chart.top(), 180.0);
    // The last sample is at the top, then the hours above it, clipped to it.
    let at_top: Vec<_> = chart.points().iter().filter(|p| p.1 == 180.0).collect();
    assert_eq!(at_top, [&(run_share(m, s, 180.0), 180.0), &(1.0, 180.0)]);
    let (svg, frame) = render(&chart, "ehp_above_p99");
    // The price axis reaches the top, and EHP is marked.
    assert!(frame.x_range().hi() >= 180.0);
    assert!(svg.contains(&chart.ehp_label()), "EHP label");
    assert_eq!(chart.share_labels().0, "Runs 100% of hours");
}

#[test]
fn a_curve_is_the_sorted_prices_in_steps_one_nth_wide() {
    let chart =
        HourPriceChart::from_prices(&HourPrices::Curve(vec![40.0, -10.0, 90.0, 40.0]), 50.0, 0)
            .expect("chart");
    assert_eq!(
        chart.points(),
        &[
            (0.0, -10.0),
            (0.25, -10.0),
            (0.25, 40.0),
            (0.5, 40.0),
            (0.5, 40.0),
            (0.75, 40.0),
            (0.75, 90.0),
            (1.0, 90.0)
        ]
    );
    assert_eq!(chart.run_share(), 0.75);
    // An hour at exactly EHP does not run (P < EHP).
    let at =
        HourPriceChart::from_prices(&HourPrices::Curve(vec![40.0, -10.0, 90.0, 40.0]), 40.0, 0)
            .expect("chart");
    assert_eq!(at.run_share(), 0.25);
    // Top: the dearest price plus 5 % of 90 − (−10).
    assert_eq!(chart.top(), 95.0);
}

#[test]
fn the_svg_has_the_ehp_mark_the_run_share_and_its_axes() {
    let chart = HourPriceChart::from_prices(&lognormal(60.0, 0.6), 70.0, 200).expect("chart");
    let (svg, frame) = render(&chart, "lognormal");
    assert!(svg.contains("EHP $70.00/MWh"), "EHP label");
    let u = run_share(60.0, 0.6, 70.0);
    let c = chart.chart();
    // The share of hours below each price: the curve with its axes swapped, ascending.
    assert!(
        c.points
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1)
    );
    assert!(c.points.contains(&(70.0, chart.run_share())) && (c.atm - u).abs() < 1e-15);
    assert!(frame.x_range().contains(70.0) && frame.y_range().contains(u));
    let runs = format!("Runs {:.0}% of hours", u * 100.0);
    assert_eq!(chart.share_labels().0, runs);
    let texts = texts(&svg);
    for t in [
        "$0",
        "Power price of an hour (USD/MWh)",
        "Share of hours below",
    ] {
        assert!(texts.iter().any(|x| x == t), "{t} in {texts:?}");
    }
    assert!(texts.iter().any(|x| x.ends_with('%')), "{texts:?}");
}

#[test]
fn edge_cases_draw_without_error() {
    let cases: [(&str, HourPrices, f64, f64); 7] = [
        ("none_run", HourPrices::Curve(vec![50.0, 60.0]), 10.0, 0.0),
        ("all_run", HourPrices::Curve(vec![50.0, 60.0]), 100.0, 1.0),
        ("lognormal_ehp_zero", lognormal(50.0, 0.8), 0.0, 0.0),
        ("lognormal_all_run", lognormal(50.0, 0.3), 1e6, 1.0),
        (
            "negative",
            HourPrices::Curve(vec![-40.0, -5.0, 10.0, 30.0]),
            20.0,
            0.75,
        ),
        ("single", HourPrices::Curve(vec![42.0]), 50.0, 1.0),
        ("single_zero", HourPrices::Curve(vec![0.0]), 0.0, 0.0),
    ];
    for (name, prices, ehp, u) in cases {
        let chart = HourPriceChart::from_prices(&prices, ehp, 100).expect(name);
        assert_eq!(chart.run_share(), u, "{name}");
        let (svg, frame) = render(&chart, name);
        assert!(frame.x_range().contains(ehp), "{name}");
        assert!(svg.contains(&chart.ehp_label()), "{name}");
        assert_eq!(chart.chart().atm, u, "{name}");
    }
}

#[test]
fn negative_prices_put_zero_inside_the_price_axis() {
    let chart =
        HourPriceChart::from_prices(&HourPrices::Curve(vec![-40.0, -5.0, 10.0, 30.0]), 20.0, 0)
            .expect("chart");
    let (svg, frame) = render(&chart, "negative_axis");
    let x = frame.x_range();
    assert!(x.lo() <= -40.0 && x.hi() >= 30.0);
    assert!(
        svg.contains("-$40")
            || svg.contains("-$20")
            || svg.contains("$(40)")
            || svg.contains("$(20)"),
        "negative tick labels"
    );
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let hours = lognormal(60.0, 0.5);
    for ehp in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 2e6] {
        assert!(
            is_invalid(
                HourPriceChart::from_prices(&hours, ehp, 100),
                Field::Hashprice
            ),
            "EHP {ehp}"
        );
        assert!(is_invalid(
            HourPriceChart::from_prices(&HourPrices::Curve(vec![10.0]), ehp, 0),
            Field::Hashprice
        ));
    }
    for n in [0, 1, MAX_SAMPLES + 1] {
        assert!(
            is_invalid(
                HourPriceChart::from_prices(&hours, 50.0, n),
                Field::GridPoints
            ),
            "{n}"
        );
    }
    assert!(HourPriceChart::from_prices(&hours, 50.0, MAX_SAMPLES).is_ok());
    for bad in [
        lognormal(60.0, 0.0),
        lognormal(f64::NAN, 0.5),
        HourPrices::Curve(vec![]),
        HourPrices::Curve(vec![1.0, f64::NAN]),
        HourPrices::Curve(vec![1.0; 49]),
    ] {
        assert!(
            matches!(
                HourPriceChart::from_prices(&bad, 50.0, 100),
                Err(ChartError::Invalid(_))
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn a_wrong_size_drawing_area_is_an_error() {
    let chart =
        HourPriceChart::from_prices(&HourPrices::Curve(vec![10.0]), 20.0, 0).expect("chart");
    let surface = Surface::new(300.0, 200.0, 2.0).expect("surface");
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, (300, 200)).into_drawing_area();
    assert!(matches!(
        smile::draw(&root, &chart.chart(), &surface),
        Err(ChartError::SurfaceMismatch { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any valid curve and EHP: the steps are sorted, each hour 1/n wide, the run share is
    /// the share of prices below EHP, and the chart draws (dark theme, small surface).
    #[test]
    fn any_curve_draws(
        prices in prop::collection::vec(-1000.0f64..5000.0, 1..=48),
        ehp in -100.0f64..6000.0,
    ) {
        let chart = HourPriceChart::from_prices(&HourPrices::Curve(prices.clone()), ehp, 0)
            .expect("chart");
        let n = prices.len();
        let pts = chart.points();
        prop_assert_eq!(pts.len(), 2 * n);
        prop_assert!(pts.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1));
        prop_assert_eq!(pts[2 * n - 1].0, 1.0);
        let below = prices.iter().filter(|p| **p < ehp).count();
        prop_assert_eq!(chart.run_share(), below as f64 / n as f64);
        let drawn = smile::SmileChart { theme: minerhedge::chart::Theme::dark(), ..chart.chart() };
        let surface = Surface::new(200.0, 120.0, 1.5).expect("surface");
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        prop_assert!(smile::draw(&root, &drawn, &surface).is_ok());
    }
}
