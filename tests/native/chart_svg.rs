//! Charts rendered to SVG strings: content, mark positions, robustness.
//!
//! Sample SVGs land in `$CARGO_TARGET_TMPDIR/charts/` (e.g. `target/tmp/charts/payoff.svg`);
//! `rsvg-convert -o payoff.png payoff.svg` turns one into a picture to look at.

use minerhedge::chart::distribution::{self, DistributionChart, Histogram, HistogramSeries};
use minerhedge::chart::geometry::{Frame, Surface};
use minerhedge::chart::heatmap::{self, Grid, HeatmapChart, diverging_colour};
use minerhedge::chart::payoff::{self, PayoffChart, Series, SeriesStyle};
use minerhedge::chart::{ChartError, Theme, TickFormat};
use minerhedge::domain::Field;
use plotters::prelude::*;
use proptest::prelude::*;

// ---------- tiny SVG reader ----------

/// Every element `<tag .../>` or `<tag ...>` of the given name, as its attribute text.
fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        let end = after.find('>').unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = if element.starts_with(&key) {
        key.len()
    } else {
        element.find(&format!(" {key}"))? + key.len() + 1
    };
    let len = element[start..].find('"')?;
    Some(&element[start..start + len])
}

fn points(element: &str) -> Vec<(i32, i32)> {
    attr(element, "points")
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|p| {
            let (x, y) = p.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect()
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Polylines stroked in colour `c`.
fn polylines_in(svg: &str, c: RGBColor) -> Vec<&str> {
    elements(svg, "polyline")
        .into_iter()
        .filter(|e| attr(e, "stroke").is_some_and(|s| s.eq_ignore_ascii_case(&hex(c))))
        .collect()
}

/// Text contents of all `<text>` elements.
fn texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text ") {
        let after = &rest[i..];
        let Some(gt) = after.find('>') else { break };
        let Some(close) = after.find("</text>") else {
            break;
        };
        out.push(after[gt + 1..close].trim().replace("&amp;", "&"));
        rest = &after[close..];
    }
    out
}

fn render_payoff(chart: &PayoffChart, surface: &Surface) -> (String, Result<Frame, ChartError>) {
    let mut svg = String::new();
    let r = {
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        payoff::draw(&root, chart, surface)
    };
    (svg, r)
}

fn save(name: &str, svg: &str) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("charts");
    if std::fs::create_dir_all(&dir).is_ok() {
        // Best effort: a sample for people to look at, not part of the assertions.
        let _ = std::fs::write(dir.join(name), svg);
    }
}

// ---------- a realistic scenario (seed-like: cost 1,100, 5 coins, forward 260) ----------

fn grid(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| 100.0 + 300.0 * i as f64 / (n - 1) as f64)
        .collect()
}

fn seed_chart(n: usize) -> PayoffChart {
    let prices = grid(n);
    let line = |f: &dyn Fn(f64) -> f64| prices.iter().map(|p| (*p, f(*p))).collect::<Vec<_>>();
    let put = |p: f64| 5.0 * p + 5.0 * (240.0 - p).max(0.0) - 5.0 * 12.0;
    let collar = |p: f64| 5.0 * p.clamp(230.0, 290.0);
    PayoffChart {
        series: vec![
            Series::new("Unhedged", line(&|p| 5.0 * p), SeriesStyle::Secondary),
            Series::new("Forward", line(&|_| 1300.0), SeriesStyle::Primary),
            Series::new(
                "Inverse forward",
                line(&|p| 1300.0 + 0.2 * (p - 260.0)),
                SeriesStyle::Faint,
            ),
            Series::new("Put", line(&put), SeriesStyle::Faint),
            Series::new("Collar", line(&collar), SeriesStyle::Faint),
            Series::new(
                "Zero-cost collar",
                line(&|p| 5.0 * p.clamp(240.0, 275.0)),
                SeriesStyle::Faint,
            ),
        ],
        zero_line: Some(1100.0),
        zero_label: Some("Cost $1,100".to_string()),
        breakevens: vec![220.0],
        spot: Some(250.0),
        marker: Some(300.0),
        ..PayoffChart::default()
    }
}

// ---------- payoff ----------

#[test]
fn payoff_draws_one_path_per_series_with_every_point() {
    let chart = seed_chart(1001);
    let surface = Surface::new(800.0, 420.0, 1.0).unwrap();
    let (svg, frame) = render_payoff(&chart, &surface);
    let frame = frame.unwrap();
    save("payoff.svg", &svg);
    let theme = Theme::light();

    for (colour, label) in [(theme.primary, "Forward"), (theme.secondary, "Unhedged")] {
        let paths: Vec<_> = polylines_in(&svg, colour)
            .into_iter()
            .filter(|e| points(e).len() > 2)
            .collect();
        assert_eq!(paths.len(), 1, "{label}: one path");
        let pts = points(paths[0]);
        assert_eq!(pts.len(), 1001, "{label}: every point");
        // Extents: first and last points at the x range's ends.
        let (x0, x1) = (
            frame.x_to_px(100.0).round() as i32,
            frame.x_to_px(400.0).round() as i32,
        );
        assert_eq!(pts[0].0, x0);
        assert_eq!(pts[1000].0, x1);
    }
    // The unhedged line ends at 5 × 400 = 2,000 at the right edge.
    let unhedged = points(
        polylines_in(&svg, theme.secondary)
            .into_iter()
            .find(|e| points(e).len() > 2)
            .unwrap(),
    );
    assert!((unhedged[1000].1 - frame.y_to_px(2000.0).round() as i32).abs() <= 1);
    // Every faint series is one translucent path in its own colour.
    for c in &theme.faint[..4] {
        let paths: Vec<_> = polylines_in(&svg, *c)
            .into_iter()
            .filter(|e| points(e).len() > 2)
            .collect();
        assert_eq!(paths.len(), 1, "faint colour {}", hex(*c));
        assert_eq!(attr(paths[0], "opacity"), Some("0.6"));
    }
}

#[test]
fn payoff_marks_sit_at_the_frame_positions() {
    let chart = seed_chart(301);
    let surface = Surface::new(800.0, 420.0, 1.0).unwrap();
    let (svg, frame) = render_payoff(&chart, &surface);
    let frame = frame.unwrap();
    let theme = Theme::light();
    let vertical_at = |c: RGBColor| -> Vec<i32> {
        polylines_in(&svg, c)
            .iter()
            .flat_map(|e| points(e))
            .map(|p| p.0)
            .collect()
    };
    let spot_px = frame.x_to_px(250.0).round() as i32;
    let spot_xs = vertical_at(theme.spot);
    assert!(
        !spot_xs.is_empty() && spot_xs.iter().all(|x| (x - spot_px).abs() <= 1),
        "{spot_xs:?} vs {spot_px}"
    );
    let be_px = frame.x_to_px(220.0).round() as i32;
    let be_xs = vertical_at(theme.breakeven);
    assert!(!be_xs.is_empty() && be_xs.iter().all(|x| (x - be_px).abs() <= 1));
    let marker_px = frame.x_to_px(300.0).round() as i32;
    let m = polylines_in(&svg, theme.marker);
    assert_eq!(m.len(), 1);
    let mp = points(m[0]);
    assert!(mp.iter().all(|p| (p.0 - marker_px).abs() <= 1));
    assert_eq!(mp[0].1.min(mp[1].1), frame.plot().top);
    assert_eq!(mp[0].1.max(mp[1].1), frame.plot().bottom);
    // Cost line: horizontal at y = 1,100 across the plot.
    let z = polylines_in(&svg, theme.zero_line);
    let zp = points(z[0]);
    let zy = frame.y_to_px(1100.0).round() as i32;
    assert!(zp.iter().all(|p| (p.1 - zy).abs() <= 1));
    assert_eq!((zp[0].0, zp[1].0), (frame.plot().left, frame.plot().right));
    // Dots on the slider price: forward (1,300) and unhedged (1,500).
    let circles = elements(&svg, "circle");
    for v in [1300.0, 1500.0] {
        let cy = frame.y_to_px(v).round() as i32;
        assert!(
            circles
                .iter()
                .any(|c| attr(c, "cx") == Some(&marker_px.to_string())
                    && attr(c, "cy") == Some(&cy.to_string())),
            "dot at {v}"
        );
    }
}

#[test]
fn payoff_has_legend_labels_and_dollar_ticks() {
    let chart = seed_chart(101);
    let surface = Surface::new(800.0, 420.0, 1.0).unwrap();
    let (svg, frame) = render_payoff(&chart, &surface);
    let frame = frame.unwrap();
    let t = texts(&svg);
    for label in [
        "Unhedged",
        "Forward",
        "Inverse forward",
        "Put",
        "Collar",
        "Zero-cost collar",
        "Spot $250",
        "Breakeven $220",
        "Cost $1,100",
    ] {
        assert!(t.iter().any(|s| s == label), "{label} missing in {t:?}");
    }
    assert!(t.iter().any(|s| s == "Final price (USD per coin)"));
    assert!(t.iter().any(|s| s == "Period result (USD)"));
    // Every x tick of the frame has a "$" label; ticks are 1-2-5 steps.
    assert!(frame.x_ticks().len() >= 3);
    let step = frame.x_ticks()[1] - frame.x_ticks()[0];
    for v in frame.x_ticks() {
        let label = TickFormat::Usd.format(*v, step);
        assert!(label.starts_with('$') || label.starts_with("-$"));
        assert!(t.contains(&label), "tick {label}");
    }
    for v in frame.y_ticks() {
        assert!(t.contains(&TickFormat::Usd.format(*v, frame.y_ticks()[1] - frame.y_ticks()[0])));
    }
}

#[test]
fn payoff_skips_non_finite_points_and_breaks_the_line() {
    let mut pts: Vec<(f64, f64)> = (0..=100).map(|i| (i as f64, i as f64)).collect();
    pts[40].1 = f64::NAN;
    pts[41].0 = f64::INFINITY;
    pts[70].1 = 1e308; // beyond the plottable magnitude: skipped as well
    let chart = PayoffChart {
        series: vec![Series::new("gappy", pts, SeriesStyle::Primary)],
        ..PayoffChart::default()
    };
    let surface = Surface::new(600.0, 300.0, 1.0).unwrap();
    let (svg, frame) = render_payoff(&chart, &surface);
    let frame = frame.unwrap();
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    let lens: Vec<usize> = polylines_in(&svg, Theme::light().primary)
        .iter()
        .map(|e| points(e).len())
        .filter(|n| *n > 2)
        .collect();
    assert_eq!(lens, vec![40, 28, 30]);
    // The 1e308 point did not stretch the y axis.
    assert!(frame.y_range().hi() < 200.0);
}

#[test]
fn payoff_hidpi_doubles_pixels_and_maps_css_back() {
    let chart = seed_chart(201);
    let s1 = Surface::new(640.0, 360.0, 1.0).unwrap();
    let s2 = Surface::new(640.0, 360.0, 2.0).unwrap();
    let (_, f1) = render_payoff(&chart, &s1);
    let (svg2, f2) = render_payoff(&chart, &s2);
    let (f1, f2) = (f1.unwrap(), f2.unwrap());
    assert!(svg2.contains("width=\"1280\""));
    let ratio = f64::from(f2.plot().width()) / f64::from(f1.plot().width());
    assert!((ratio - 2.0).abs() < 0.05, "{ratio}");
    // The same CSS column means the same price on both.
    let css = f1.x_to_css(275.0);
    let p2 = f2.css_to_x(css).unwrap();
    assert!((p2 - 275.0).abs() < 300.0 / 640.0 * 2.0, "{p2}");
    // Fonts scale with the ratio.
    assert!(
        svg2.contains("font-size=\"")
            && elements(&svg2, "text").iter().any(|e| attr(e, "font-size")
                .and_then(|v| v.parse::<f64>().ok())
                .is_some_and(|v| v > 15.0))
    );
}

#[test]
fn payoff_crosshair_draws_lines_and_readout() {
    let mut chart = seed_chart(101);
    chart.crosshair = Some((320.0, 1450.0));
    let surface = Surface::new(800.0, 420.0, 1.0).unwrap();
    let (svg, frame) = render_payoff(&chart, &surface);
    let frame = frame.unwrap();
    assert!(
        texts(&svg).iter().any(|t| t == "$320 · $1,450"),
        "{:?}",
        texts(&svg)
    );
    let lines = polylines_in(&svg, Theme::light().crosshair);
    let px = frame.x_to_px(320.0).round() as i32;
    assert!(lines.iter().any(|e| points(e).iter().all(|p| p.0 == px)));
}

#[test]
fn payoff_overlay_draws_exactly_the_moving_marks_of_the_full_chart() {
    // What the page paints on its overlay canvas is what `draw` paints for the marker and
    // the crosshair, and nothing else (no background, axes, series or legend).
    let mut chart = seed_chart(101);
    chart.crosshair = Some((320.0, 1450.0));
    let surface = Surface::new(800.0, 420.0, 2.0).unwrap();
    let (full, frame) = render_payoff(&chart, &surface);
    let frame = frame.unwrap();
    let mut overlay = String::new();
    {
        let root =
            SVGBackend::with_string(&mut overlay, surface.backing_size()).into_drawing_area();
        payoff::draw_overlay(&root, &chart, &frame, &surface).unwrap();
    }
    save("payoff-overlay.svg", &overlay);
    let theme = Theme::light();
    for colour in [theme.marker, theme.crosshair] {
        let want: Vec<Vec<(i32, i32)>> = polylines_in(&full, colour)
            .into_iter()
            .map(points)
            .collect();
        let got: Vec<Vec<(i32, i32)>> = polylines_in(&overlay, colour)
            .into_iter()
            .map(points)
            .collect();
        assert!(!got.is_empty());
        assert_eq!(got, want);
    }
    let dots = |svg: &str| -> Vec<(String, String)> {
        elements(svg, "circle")
            .into_iter()
            .filter_map(|c| Some((attr(c, "cx")?.to_owned(), attr(c, "cy")?.to_owned())))
            .collect()
    };
    let full_dots = dots(&full);
    let overlay_dots = dots(&overlay);
    // Two dots (fill and ring) on each of the two non-faint series.
    assert_eq!(overlay_dots.len(), 4);
    assert!(overlay_dots.iter().all(|d| full_dots.contains(d)));
    assert_eq!(texts(&overlay), vec!["$320 · $1,450".to_owned()]);
    assert!(
        elements(&overlay, "rect").len() <= 2,
        "only the readout box"
    );
    // Off the range: nothing at all.
    let mut off = chart.clone();
    off.marker = Some(1e6);
    off.crosshair = None;
    let mut empty = String::new();
    {
        let root = SVGBackend::with_string(&mut empty, surface.backing_size()).into_drawing_area();
        payoff::draw_overlay(&root, &off, &frame, &surface).unwrap();
    }
    assert!(elements(&empty, "polyline").is_empty() && elements(&empty, "circle").is_empty());
}

#[test]
fn payoff_degenerate_inputs_draw_without_error() {
    let surface = Surface::new(320.0, 200.0, 1.0).unwrap();
    let cases = vec![
        PayoffChart::default(),
        PayoffChart {
            series: vec![Series::new("empty", vec![], SeriesStyle::Primary)],
            ..PayoffChart::default()
        },
        PayoffChart {
            series: vec![Series::new(
                "one",
                vec![(250.0, 1000.0)],
                SeriesStyle::Primary,
            )],
            ..PayoffChart::default()
        },
        PayoffChart {
            series: vec![Series::new(
                "flat",
                vec![(200.0, 5.0), (300.0, 5.0)],
                SeriesStyle::Primary,
            )],
            ..PayoffChart::default()
        },
        PayoffChart {
            series: vec![Series::new(
                "vertical",
                vec![(250.0, 0.0), (250.0, 9.0)],
                SeriesStyle::Faint,
            )],
            ..PayoffChart::default()
        },
        PayoffChart {
            series: vec![Series::new(
                "nan",
                vec![(f64::NAN, f64::NAN); 3],
                SeriesStyle::Secondary,
            )],
            zero_line: Some(f64::INFINITY),
            breakevens: vec![f64::NAN, -1e308],
            spot: Some(f64::NEG_INFINITY),
            marker: Some(f64::NAN),
            crosshair: Some((f64::NAN, 1.0)),
            ..PayoffChart::default()
        },
    ];
    for chart in cases {
        let (svg, frame) = render_payoff(&chart, &surface);
        let frame = frame.unwrap_or_else(|e| panic!("{:?}: {e}", chart.series));
        assert!(frame.x_range().span() > 0.0 && frame.y_range().span() > 0.0);
        assert!(!svg.contains("NaN"));
    }
}

#[test]
fn payoff_rejects_a_drawing_area_of_the_wrong_size() {
    let surface = Surface::new(640.0, 360.0, 2.0).unwrap();
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
    let e = payoff::draw(&root, &PayoffChart::default(), &surface).unwrap_err();
    assert_eq!(
        e,
        ChartError::SurfaceMismatch {
            expected: (1280, 720),
            actual: (640, 360)
        }
    );
}

#[test]
fn payoff_dark_theme_and_percent_axis() {
    let prices = grid(201);
    let chart = PayoffChart {
        series: vec![
            Series::new(
                "Unhedged",
                prices
                    .iter()
                    .map(|p| (*p, 5.0 * p / 1100.0 - 1.0))
                    .collect(),
                SeriesStyle::Secondary,
            ),
            Series::new(
                "Forward",
                prices.iter().map(|p| (*p, 1300.0 / 1100.0 - 1.0)).collect(),
                SeriesStyle::Primary,
            ),
        ],
        y_label: "Return".to_string(),
        y_format: TickFormat::Percent,
        zero_line: Some(0.0),
        marker: Some(260.0),
        crosshair: Some((180.0, -0.1)),
        theme: Theme::dark(),
        ..PayoffChart::default()
    };
    let surface = Surface::new(640.0, 360.0, 2.0).unwrap();
    let (svg, frame) = render_payoff(&chart, &surface);
    frame.unwrap();
    save("payoff-dark-return.svg", &svg);
    let t = texts(&svg);
    assert!(t.iter().any(|s| s.ends_with('%')));
    assert!(svg.contains(&hex(Theme::dark().background)));
}

// ---------- distribution ----------

fn normal_counts(mean: f64, sd: f64, edges: &[f64], n: f64) -> Vec<u64> {
    edges
        .windows(2)
        .map(|w| {
            let m = (w[0] + w[1]) / 2.0;
            (n * (-(m - mean).powi(2) / (2.0 * sd * sd)).exp()).round() as u64
        })
        .collect()
}

#[test]
fn distribution_overlays_histograms_with_legend_and_var() {
    let edges: Vec<f64> = (0..=40).map(|i| -0.8 + 0.04 * i as f64).collect();
    let chart = DistributionChart {
        series: vec![
            HistogramSeries::new(
                "Collar",
                Histogram::new(edges.clone(), normal_counts(0.05, 0.06, &edges, 900.0)).unwrap(),
            )
            .with_var(-0.06),
            HistogramSeries::new(
                "Unhedged",
                Histogram::new(edges.clone(), normal_counts(0.0, 0.25, &edges, 300.0)).unwrap(),
            )
            .with_var(-0.4),
        ],
        ..DistributionChart::default()
    };
    let surface = Surface::new(720.0, 360.0, 1.0).unwrap();
    let mut svg = String::new();
    let frame = {
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        distribution::draw(&root, &chart, &surface).unwrap()
    };
    save("distribution.svg", &svg);
    let theme = Theme::light();
    let t = texts(&svg);
    for l in [
        "Collar",
        "Unhedged",
        "VaR -6.0%",
        "VaR -40.0%",
        "Share of paths",
        "Period return",
    ] {
        assert!(t.iter().any(|s| s == l), "{l} in {t:?}");
    }
    // Each series: one filled step polygon and one outline of 2 points per bin.
    for c in [theme.primary, theme.secondary] {
        let polys: Vec<_> = elements(&svg, "polygon")
            .into_iter()
            .filter(|e| attr(e, "fill").is_some_and(|f| f.eq_ignore_ascii_case(&hex(c))))
            .collect();
        assert_eq!(polys.len(), 1);
        assert!(polylines_in(&svg, c).iter().any(|e| points(e).len() == 80));
    }
    // The tallest bar reaches the top share: y range is 8 % above it.
    let collar = chart.series[0].histogram.shares();
    let top = collar.iter().copied().fold(0.0, f64::max);
    assert!((frame.y_range().hi() - top * 1.08).abs() < 1e-12);
    // VaR mark of the collar at its pixel column.
    let px = frame.x_to_px(-0.06).round() as i32;
    assert!(polylines_in(&svg, theme.primary).iter().any(|e| {
        let p = points(e);
        p.len() == 2 && p.iter().all(|q| (q.0 - px).abs() <= 1)
    }));
}

#[test]
fn histogram_validation_and_empty_data() {
    assert!(Histogram::new(vec![0.0, 1.0, 1.0], vec![1, 2]).is_err());
    assert!(Histogram::new(vec![0.0, f64::INFINITY], vec![1]).is_err());
    assert!(Histogram::new(vec![], vec![]).is_err());
    let chart = DistributionChart {
        series: vec![
            HistogramSeries::new("zero", Histogram::new(vec![0.0, 1.0], vec![0]).unwrap())
                .with_var(f64::NAN),
        ],
        ..DistributionChart::default()
    };
    let surface = Surface::new(300.0, 200.0, 1.0).unwrap();
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
    assert!(distribution::draw(&root, &chart, &surface).is_ok());
}

// ---------- heat map ----------

fn heat_chart() -> HeatmapChart {
    let prices: Vec<f64> = (0..=20).map(|i| 150.0 + 10.0 * i as f64).collect();
    let diffs: Vec<f64> = (0..=12).map(|j| -0.2 + 0.05 * j as f64).collect();
    let mut values = Vec::new();
    for d in &diffs {
        for p in &prices {
            // Forward on 5 coins at 260, output 5 / (1 + d): over-hedged when difficulty rises.
            let output = 5.0 / (1.0 + d);
            values.push((5.0 * 260.0 + (output - 5.0) * p) / 1100.0 - 1.0);
        }
    }
    HeatmapChart {
        grid: Grid::new(prices, diffs, values).unwrap(),
        marker: Some((250.0, 0.0)),
        ..HeatmapChart::default()
    }
}

#[test]
fn heatmap_cells_colour_bar_and_labels() {
    let chart = heat_chart();
    let surface = Surface::new(720.0, 400.0, 1.0).unwrap();
    let mut svg = String::new();
    let frame = {
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        heatmap::draw(&root, &chart, &surface).unwrap()
    };
    save("heatmap.svg", &svg);
    let theme = Theme::light();
    let vmax = chart.grid.max_abs();
    // The bottom-left cell (150, −20 %) has its diverging colour at its pixel position.
    let v00 = chart.grid.value(0, 0).unwrap();
    let c00 = hex(diverging_colour(&theme, v00 / vmax));
    let x_px = frame.x_to_px(145.0).round() as i32;
    let rects = elements(&svg, "rect");
    assert!(
        rects.iter().any(
            |r| attr(r, "fill").is_some_and(|f| f.eq_ignore_ascii_case(&c00))
                && attr(r, "x") == Some(&x_px.to_string())
        ),
        "cell (0,0) colour {c00} at x={x_px}"
    );
    // 21 × 13 cells plus 64 colour-bar steps are filled rectangles.
    let filled = rects
        .iter()
        .filter(|r| attr(r, "fill").is_some_and(|f| f != "none"))
        .count();
    assert!(filled >= 21 * 13 + 64, "{filled}");
    let t = texts(&svg);
    for l in [
        "Hedged return",
        "Difficulty change",
        "Final price (USD per coin)",
        "0%",
    ] {
        assert!(t.iter().any(|s| s == l), "{l} in {t:?}");
    }
    assert!(t.iter().any(|s| s.starts_with('-') && s.ends_with('%')));
}

#[test]
fn heatmap_missing_values_and_validation() {
    assert!(Grid::new(vec![1.0, 2.0], vec![1.0], vec![0.0]).is_err());
    assert!(Grid::new(vec![1.0, f64::NAN], vec![1.0], vec![0.0, 0.0]).is_err());
    let g = Grid::new(vec![1.0, 2.0], vec![1.0], vec![f64::NAN, f64::INFINITY]).unwrap();
    let chart = HeatmapChart {
        grid: g,
        ..HeatmapChart::default()
    };
    let surface = Surface::new(300.0, 200.0, 1.0).unwrap();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        heatmap::draw(&root, &chart, &surface).unwrap();
    }
    let missing = hex(Theme::light().missing);
    let n = elements(&svg, "rect")
        .iter()
        .filter(|r| attr(r, "fill").is_some_and(|f| f.eq_ignore_ascii_case(&missing)))
        .count();
    assert_eq!(n, 2);
}

// ---------- properties ----------

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -1e4f64..1e4,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(0.0),
        1 => Just(1e308),
        1 => Just(-1e308),
        1 => Just(1e-300),
        1 => any::<f64>(),
    ]
}

fn any_style() -> impl Strategy<Value = SeriesStyle> {
    prop_oneof![
        Just(SeriesStyle::Primary),
        Just(SeriesStyle::Secondary),
        Just(SeriesStyle::Faint)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn payoff_never_panics_and_writes_no_nan(
        series in prop::collection::vec((prop::collection::vec((any_f64(), any_f64()), 0..40), any_style()), 0..7),
        zero in prop::option::of(any_f64()),
        spot in prop::option::of(any_f64()),
        marker in prop::option::of(any_f64()),
        cross in prop::option::of((any_f64(), any_f64())),
        breakevens in prop::collection::vec(any_f64(), 0..3),
        css_w in 40.0f64..1600.0,
        css_h in 40.0f64..900.0,
        dpr in prop_oneof![Just(1.0), Just(1.5), Just(2.0), Just(3.0)],
    ) {
        let chart = PayoffChart {
            series: series.into_iter().enumerate().map(|(i, (p, s))| Series::new(format!("s{i}"), p, s)).collect(),
            zero_line: zero, spot, marker, crosshair: cross, breakevens,
            ..PayoffChart::default()
        };
        let surface = Surface::new(css_w, css_h, dpr).unwrap();
        let (svg, frame) = render_payoff(&chart, &surface);
        match frame {
            Ok(f) => {
                prop_assert!(f.x_range().span().is_finite() && f.x_range().span() > 0.0);
                prop_assert!(f.y_range().span().is_finite() && f.y_range().span() > 0.0);
                prop_assert!(!svg.contains("NaN") && !svg.contains("inf"));
            }
            // A surface too small for a plotting area is the only acceptable failure: the
            // backend's refusal, or the typed "plot area size" error found by a 158 x 54 case.
            Err(ChartError::Drawing(_)) => prop_assert!(css_w < 120.0 || css_h < 120.0),
            Err(ChartError::Invalid(e)) if e.field() == Some(Field::PlotAreaSize) => {
                prop_assert!(css_w < 120.0 || css_h < 120.0, "{}", e)
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn heatmap_never_panics(values in prop::collection::vec(any_f64(), 12), w in 60.0f64..1000.0) {
        let g = Grid::new(vec![1.0, 2.0, 3.0, 4.0], vec![-0.1, 0.0, 0.1], values).unwrap();
        let chart = HeatmapChart { grid: g, ..HeatmapChart::default() };
        let surface = Surface::new(w, 300.0, 1.0).unwrap();
        let mut svg = String::new();
        let r = {
            let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
            heatmap::draw(&root, &chart, &surface)
        };
        prop_assert!(r.is_ok() || w < 200.0);
        prop_assert!(!svg.contains("NaN"));
    }

    #[test]
    fn distribution_never_panics(counts in prop::collection::vec(any::<u64>(), 1..20), lo in -1e6f64..1e6, width in 1e-6f64..1e3) {
        let edges: Vec<f64> = (0..=counts.len()).map(|i| lo + width * i as f64).collect();
        let Ok(h) = Histogram::new(edges, counts) else { return Ok(()); };
        let chart = DistributionChart { series: vec![HistogramSeries::new("a", h.clone()), HistogramSeries::new("b", h)], ..DistributionChart::default() };
        let surface = Surface::new(500.0, 300.0, 1.0).unwrap();
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
        prop_assert!(distribution::draw(&root, &chart, &surface).is_ok());
    }
}

#[test]
fn payoff_at_phone_width_wraps_the_legend_inside_the_canvas() {
    let chart = seed_chart(1001);
    let surface = Surface::new(375.0, 260.0, 3.0).unwrap();
    let (svg, frame) = render_payoff(&chart, &surface);
    let frame = frame.unwrap();
    save("payoff-375px.svg", &svg);
    let (w, _) = surface.backing_size();
    // Legend entries start inside the canvas and above the plot.
    let legend: Vec<_> = elements(&svg, "text")
        .into_iter()
        .zip(texts(&svg))
        .filter(|(_, t)| chart.series.iter().any(|s| &s.label == t))
        .collect();
    assert_eq!(legend.len(), chart.series.len());
    for (e, t) in &legend {
        let x: i32 = attr(e, "x").unwrap().parse().unwrap();
        let y: i32 = attr(e, "y").unwrap().parse().unwrap();
        assert!(x >= 0 && y < frame.plot().top, "{t} at ({x}, {y})");
        // Its text ends inside the canvas (12 CSS px font, under 0.6 em per character).
        let end = x + (12.0 * 3.0 * 0.6 * t.chars().count() as f64) as i32;
        assert!(end <= w as i32, "{t} ends at {end} > {w}");
    }
    // More than one legend row at this width.
    let rows: std::collections::BTreeSet<&str> =
        legend.iter().map(|(e, _)| attr(e, "y").unwrap()).collect();
    assert!(rows.len() >= 2);
    assert!(frame.plot().width() > (w as i32) / 2);
}
