//! The draw functions against a backend that only counts calls: how much work a repaint is
//! (one path per series run), and that a backend which cannot measure text still draws.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use minerhedge::chart::distribution::{self, DistributionChart, Histogram, HistogramSeries};
use minerhedge::chart::geometry::Surface;
use minerhedge::chart::heatmap::{self, Grid, HeatmapChart};
use minerhedge::chart::payoff::{self, PayoffChart, Series, SeriesStyle};
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

#[derive(Debug)]
struct Never;
impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("never")
    }
}
impl std::error::Error for Never {}

/// What a canvas would have been asked to do.
#[derive(Default, Debug)]
struct Counts {
    /// Points of every `draw_path` call, in call order.
    paths: Vec<usize>,
    polygons: usize,
    rects: usize,
    texts: Vec<String>,
    pixels: usize,
}

/// A backend that only counts, sharing its counts with the test.
struct Counter {
    size: (u32, u32),
    counts: Rc<RefCell<Counts>>,
    /// When true, text measurement fails like a backend without font metrics.
    cannot_measure: bool,
}

impl Counter {
    fn new(surface: &Surface, cannot_measure: bool) -> (Counter, Rc<RefCell<Counts>>) {
        let counts = Rc::new(RefCell::new(Counts::default()));
        (
            Counter {
                size: surface.backing_size(),
                counts: Rc::clone(&counts),
                cannot_measure,
            },
            counts,
        )
    }
}

type R = Result<(), DrawingErrorKind<Never>>;

impl DrawingBackend for Counter {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> R {
        Ok(())
    }
    fn present(&mut self) -> R {
        Ok(())
    }
    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> R {
        self.counts.borrow_mut().pixels += 1;
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> R {
        self.draw_path([a, b], s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
        _: bool,
    ) -> R {
        self.counts.borrow_mut().rects += 1;
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> R {
        let n = path.into_iter().count();
        self.counts.borrow_mut().paths.push(n);
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, _: BackendCoord, _: u32, _: &S, _: bool) -> R {
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> R {
        self.counts.borrow_mut().polygons += 1;
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, _: &T, _: BackendCoord) -> R {
        self.counts.borrow_mut().texts.push(text.to_string());
        Ok(())
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
        if self.cannot_measure {
            return Err(DrawingErrorKind::FontError(Box::new(Never)));
        }
        let em = style.size();
        Ok(((em * 0.55 * text.chars().count() as f64) as u32, em as u32))
    }
}

fn six_series(n: usize) -> PayoffChart {
    let styles = [
        SeriesStyle::Primary,
        SeriesStyle::Secondary,
        SeriesStyle::Faint,
        SeriesStyle::Faint,
        SeriesStyle::Faint,
        SeriesStyle::Faint,
    ];
    PayoffChart {
        series: styles
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let pts = (0..n)
                    .map(|i| {
                        let p = 100.0 + 300.0 * i as f64 / (n - 1) as f64;
                        (p, 5.0 * p.min(200.0 + 20.0 * k as f64))
                    })
                    .collect();
                Series::new(format!("Strategy {k}"), pts, *s)
            })
            .collect(),
        zero_line: Some(1100.0),
        breakevens: vec![220.0],
        spot: Some(250.0),
        marker: Some(275.0),
        ..PayoffChart::default()
    }
}

#[test]
fn payoff_repaint_is_six_long_paths_plus_a_few_decorations() {
    let surface = Surface::new(800.0, 400.0, 2.0).unwrap();
    let (backend, counts) = Counter::new(&surface, false);
    payoff::draw(&backend.into_drawing_area(), &six_series(1001), &surface).unwrap();
    let c = counts.borrow();
    let long: Vec<usize> = c.paths.iter().copied().filter(|n| *n > 2).collect();
    assert_eq!(long, vec![1001; 6], "one path of every point per series");
    // Everything else (grid, ticks, axes, marks, legend swatches, dashes) is short and few.
    let short = c.paths.len() - long.len();
    assert!(short < 200, "{short} short paths");
    assert!(c.texts.len() < 60, "{} texts", c.texts.len());
    assert_eq!(c.pixels, 0, "nothing is drawn pixel by pixel");
}

#[test]
fn charts_draw_when_the_backend_cannot_measure_text() {
    let surface = Surface::new(640.0, 360.0, 1.0).unwrap();

    let (backend, counts) = Counter::new(&surface, true);
    let r = payoff::draw(&backend.into_drawing_area(), &six_series(51), &surface);
    assert!(r.is_ok(), "{r:?}");
    assert!(counts.borrow().texts.iter().any(|t| t == "Strategy 0"));

    let edges: Vec<f64> = (0..=10).map(|i| i as f64 / 10.0).collect();
    let h = Histogram::new(edges, vec![1, 2, 3, 4, 5, 5, 4, 3, 2, 1]).unwrap();
    let chart = DistributionChart {
        series: vec![
            HistogramSeries::new("a", h.clone()),
            HistogramSeries::new("b", h).with_var(0.2),
        ],
        ..DistributionChart::default()
    };
    let (backend, counts) = Counter::new(&surface, true);
    assert!(distribution::draw(&backend.into_drawing_area(), &chart, &surface).is_ok());
    assert_eq!(counts.borrow().polygons, 2);

    let grid = Grid::new(
        vec![1.0, 2.0, 3.0],
        vec![0.0, 1.0],
        vec![-1.0, 0.0, 1.0, 2.0, f64::NAN, -2.0],
    )
    .unwrap();
    let (backend, counts) = Counter::new(&surface, true);
    assert!(
        heatmap::draw(
            &backend.into_drawing_area(),
            &HeatmapChart {
                grid,
                ..HeatmapChart::default()
            },
            &surface
        )
        .is_ok()
    );
    // 6 cells + 64 colour-bar steps + the bar's frame, at least.
    assert!(counts.borrow().rects >= 71, "{:?}", counts.borrow().rects);
}
