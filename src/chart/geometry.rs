//! Pure chart geometry: data ranges, "nice" ticks, the drawing surface (HiDPI) and the
//! data ↔ pixel mapping of a plotting area.
//!
//! Nothing here depends on a drawing backend, so the page can use it to turn a mouse position
//! into a price (hover crosshair, readout) and tests can check where marks were drawn.
//!
//! ## HiDPI contract
//!
//! Layout is specified in *CSS pixels* (logical size) and a *device pixel ratio* `dpr`
//! (`window.devicePixelRatio`). The caller:
//!
//! 1. builds a [`Surface`] from the CSS size of the chart element and `dpr`;
//! 2. sizes the canvas backing store to [`Surface::backing_size`] (`canvas.width`,
//!    `canvas.height` = CSS size × `dpr`, rounded) and keeps the element's CSS size at the
//!    logical size, so one drawn pixel is one device pixel and the chart is crisp;
//! 3. hands a drawing area of exactly the backing size to a draw function together with the
//!    surface. Fonts, line widths and margins are scaled by `dpr` inside.
//!
//! The [`Frame`] a draw function returns works in *device* pixels; [`Frame::css_to_x`] and
//! [`Frame::x_to_css`] convert from/to the CSS pixels of mouse events (`offsetX`).
//!
//! ```
//! use minerhedge::chart::geometry::{ticks, DataRange, Frame, PixelRect, Surface};
//! // A 600 × 300 CSS px chart on a 2× screen: the canvas backing store is 1200 × 600.
//! let surface = Surface::new(600.0, 300.0, 2.0).unwrap();
//! assert_eq!(surface.backing_size(), (1200, 600));
//! // Prices 200..300 with nice ticks every 20.
//! let x = DataRange::new(200.0, 300.0).unwrap();
//! assert_eq!(ticks(&x, 6), vec![200.0, 220.0, 240.0, 260.0, 280.0, 300.0]);
//! // A plotting area from device px 100 to 1100: a mouse at offsetX = 300 CSS px
//! // (device px 600) is halfway, at a price of 250.
//! let frame = Frame::new(PixelRect::new(100, 20, 1100, 520).unwrap(), x,
//!     DataRange::new(0.0, 1.0).unwrap(), surface.dpr()).unwrap();
//! assert_eq!(frame.css_to_x(300.0), Some(250.0));
//! ```

use super::ChartError;
use crate::domain::DomainError;
use crate::domain::Field;

/// Largest magnitude a data value may have to be plotted; larger values are skipped like
/// non-finite ones (so that spans and tick arithmetic stay finite).
///
/// ```
/// use minerhedge::chart::geometry::{is_plottable, MAX_ABS_VALUE};
/// assert!(is_plottable(MAX_ABS_VALUE));
/// assert!(!is_plottable(1e308));
/// assert!(!is_plottable(f64::NAN));
/// ```
pub const MAX_ABS_VALUE: f64 = 1e300;

/// `true` when `v` is finite and at most [`MAX_ABS_VALUE`] in magnitude.
///
/// ```
/// use minerhedge::chart::geometry::is_plottable;
/// assert!(is_plottable(-250.0));
/// assert!(!is_plottable(f64::INFINITY));
/// ```
pub fn is_plottable(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_ABS_VALUE
}

/// A closed interval `[lo, hi]` of data values with `lo < hi`, both finite.
///
/// ```
/// use minerhedge::chart::geometry::DataRange;
/// let r = DataRange::new(200.0, 300.0).unwrap();
/// assert_eq!(r.span(), 100.0);
/// assert!(DataRange::new(1.0, 1.0).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DataRange {
    lo: f64,
    hi: f64,
}

impl DataRange {
    /// The unit range `[0, 1]`, the fallback when there is no data.
    ///
    /// ```
    /// use minerhedge::chart::geometry::DataRange;
    /// assert_eq!(DataRange::UNIT.span(), 1.0);
    /// ```
    pub const UNIT: DataRange = DataRange { lo: 0.0, hi: 1.0 };

    /// A range `[lo, hi]`; both must be plottable ([`is_plottable`]) and `lo < hi`.
    ///
    /// ```
    /// use minerhedge::chart::geometry::DataRange;
    /// assert!(DataRange::new(0.0, 1.0).is_ok());
    /// assert!(DataRange::new(f64::NAN, 1.0).is_err());
    /// ```
    pub fn new(lo: f64, hi: f64) -> Result<DataRange, ChartError> {
        if !is_plottable(lo) {
            return Err(
                DomainError::out_of_range(Field::RangeLow, lo, "finite, |value| ≤ 1e300").into(),
            );
        }
        if !is_plottable(hi) || hi <= lo {
            return Err(DomainError::out_of_range(
                Field::RangeHigh,
                hi,
                format!("finite, |value| ≤ 1e300 and greater than the low end {lo}"),
            )
            .into());
        }
        Ok(DataRange { lo, hi })
    }

    /// The smallest range holding every plottable value of `values` (others are skipped),
    /// widened when it is degenerate (all values equal, or a span below 1e-9 of their
    /// magnitude): by ±10 % of the value, or ±1 around zero. `None` when no value is
    /// plottable.
    ///
    /// ```
    /// use minerhedge::chart::geometry::DataRange;
    /// let r = DataRange::from_values([3.0, f64::NAN, -1.0, f64::INFINITY]).unwrap();
    /// assert_eq!((r.lo(), r.hi()), (-1.0, 3.0));
    /// let flat = DataRange::from_values([50.0, 50.0]).unwrap();
    /// assert_eq!((flat.lo(), flat.hi()), (45.0, 55.0));
    /// assert!(DataRange::from_values([f64::NAN]).is_none());
    /// ```
    pub fn from_values<I: IntoIterator<Item = f64>>(values: I) -> Option<DataRange> {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for v in values.into_iter().filter(|v| is_plottable(*v)) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if lo > hi {
            return None;
        }
        Some(Self::widen(lo, hi))
    }

    fn widen(lo: f64, hi: f64) -> DataRange {
        let mid = lo / 2.0 + hi / 2.0;
        let scale = lo.abs().max(hi.abs());
        if hi - lo > scale * 1e-9 && hi > lo {
            return DataRange { lo, hi };
        }
        let half = if scale == 0.0 || scale < 1e-200 {
            1.0
        } else {
            scale * 0.1
        };
        DataRange {
            lo: mid - half,
            hi: mid + half,
        }
    }

    /// Low end.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::DataRange;
    /// assert_eq!(DataRange::new(1.0, 2.0).unwrap().lo(), 1.0);
    /// ```
    pub fn lo(&self) -> f64 {
        self.lo
    }

    /// High end.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::DataRange;
    /// assert_eq!(DataRange::new(1.0, 2.0).unwrap().hi(), 2.0);
    /// ```
    pub fn hi(&self) -> f64 {
        self.hi
    }

    /// `hi − lo` (always > 0 and finite).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::DataRange;
    /// assert_eq!(DataRange::new(-1.0, 2.0).unwrap().span(), 3.0);
    /// ```
    pub fn span(&self) -> f64 {
        self.hi - self.lo
    }

    /// `true` when `lo ≤ v ≤ hi`.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::DataRange;
    /// let r = DataRange::new(0.0, 1.0).unwrap();
    /// assert!(r.contains(1.0) && !r.contains(1.5) && !r.contains(f64::NAN));
    /// ```
    pub fn contains(&self, v: f64) -> bool {
        v >= self.lo && v <= self.hi
    }

    /// The range extended to hold `v` (ignored unless plottable).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::DataRange;
    /// let r = DataRange::new(0.0, 1.0).unwrap().including(-2.0).including(f64::NAN);
    /// assert_eq!((r.lo(), r.hi()), (-2.0, 1.0));
    /// ```
    pub fn including(&self, v: f64) -> DataRange {
        if !is_plottable(v) {
            return *self;
        }
        DataRange {
            lo: self.lo.min(v),
            hi: self.hi.max(v),
        }
    }

    /// The range extended by `fraction × span` on each side (`fraction` clamped to
    /// `[0, 1]`; non-finite → 0).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::DataRange;
    /// let r = DataRange::new(0.0, 100.0).unwrap().padded(0.05);
    /// assert_eq!((r.lo(), r.hi()), (-5.0, 105.0));
    /// ```
    pub fn padded(&self, fraction: f64) -> DataRange {
        let f = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let pad = self.span() * f;
        let (lo, hi) = (self.lo - pad, self.hi + pad);
        if is_plottable(lo) && is_plottable(hi) {
            DataRange { lo, hi }
        } else {
            *self
        }
    }

    /// The range widened outwards to the nearest multiples of the nice tick step for at most
    /// `max_ticks` ticks (see [`nice_step`]), so the axis starts and ends on a tick.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::DataRange;
    /// let r = DataRange::new(203.0, 297.0).unwrap().nice(5);
    /// assert_eq!((r.lo(), r.hi()), (200.0, 300.0));
    /// ```
    pub fn nice(&self, max_ticks: usize) -> DataRange {
        let Some(step) = nice_step(self.span(), max_ticks) else {
            return *self;
        };
        let lo = (self.lo / step).floor() * step;
        let hi = (self.hi / step).ceil() * step;
        if is_plottable(lo) && is_plottable(hi) && lo < hi {
            DataRange { lo, hi }
        } else {
            *self
        }
    }
}

/// The "nice" tick step for a span: the smallest of 1, 2, 5 × 10ᵏ that is at least
/// `span / max_ticks`. `None` when `span` is not positive and finite or the step would not be a
/// normal float.
///
/// ```
/// use minerhedge::chart::geometry::nice_step;
/// assert_eq!(nice_step(100.0, 5), Some(20.0));
/// assert_eq!(nice_step(100.0, 10), Some(10.0));
/// assert_eq!(nice_step(0.7, 5), Some(0.2));
/// assert_eq!(nice_step(0.0, 5), None);
/// ```
pub fn nice_step(span: f64, max_ticks: usize) -> Option<f64> {
    if !(span.is_finite() && span > 0.0) {
        return None;
    }
    let raw = span / max_ticks.max(1) as f64;
    // `libm`'s log10 (the link's rounding uses it too) and an integer power: one copy of
    // each in the page. `10ⁿ` by `powi` is exact for |n| ≤ 22 (correctly rounded below 0).
    let mag = 10f64.powi(libm::log10(raw).floor() as i32);
    if !mag.is_normal() {
        return None;
    }
    // 1 - 1e-9 guards against `raw` being 2.0000000001 × mag through rounding.
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .filter(|s| s.is_normal())
}

/// Tick positions inside `range`: multiples of [`nice_step`]`(range.span(), max_ticks)`,
/// ascending, with values within 1e-9 steps of zero snapped to exactly 0. At least two: when
/// the step leaves only one multiple inside, a finer 1-2-5 step is used (then there may be up
/// to `3 × max_ticks`; otherwise at most `max_ticks + 1`). Falls back to the two ends when no nice step exists.
///
/// ```
/// use minerhedge::chart::geometry::{ticks, DataRange};
/// let t = ticks(&DataRange::new(195.0, 305.0).unwrap(), 6);
/// assert_eq!(t, vec![200.0, 220.0, 240.0, 260.0, 280.0, 300.0]);
/// let t = ticks(&DataRange::new(-0.15, 0.32).unwrap(), 5);
/// assert_eq!(t, vec![-0.1, 0.0, 0.1, 0.2, 0.3]);
/// ```
pub fn ticks(range: &DataRange, max_ticks: usize) -> Vec<f64> {
    let max_ticks = max_ticks.max(1);
    // A step as large as the budget allows can leave a single multiple inside the range
    // (e.g. 0..4.4e9 with 2 ticks → step 5e9): then allow a finer step.
    for budget in max_ticks..=max_ticks * 3 {
        let t = ticks_with_budget(range, budget);
        if t.len() >= 2 {
            return t;
        }
    }
    vec![range.lo, range.hi]
}

fn ticks_with_budget(range: &DataRange, max_ticks: usize) -> Vec<f64> {
    let Some(step) = nice_step(range.span(), max_ticks) else {
        return Vec::new();
    };
    let k0 = (range.lo / step - 1e-9).ceil();
    let k1 = (range.hi / step + 1e-9).floor();
    if !(k0.is_finite() && k1.is_finite()) || k1 < k0 || k1 - k0 > (max_ticks as f64) + 2.0 {
        return Vec::new();
    }
    let n = (k1 - k0) as usize;
    let decimals = step_decimals(step);
    let mut out = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let k = k0 + i as f64;
        // k × step, rounded to the step's decimal places so labels read 0.3 rather than
        // 0.30000000000000004.
        let mut v = k * step;
        if decimals > 0 && decimals <= 15 {
            let p = 10f64.powi(decimals as i32);
            let r = (v * p).round() / p;
            if r.is_finite() {
                v = r;
            }
        }
        if v.abs() < step * 1e-9 {
            v = 0.0;
        }
        out.push(v);
    }
    // Near the limits of f64 precision (a span of a few hundred ulps) k × step can land just
    // outside the range, or repeat: the ticks outside are dropped, and repeated ones are
    // useless, so then this budget is given up.
    let slack = step * 1e-6;
    out.retain(|v| *v >= range.lo - slack && *v <= range.hi + slack);
    if out.windows(2).any(|w| w[0] >= w[1]) {
        return Vec::new();
    }
    out
}

/// Number of decimals needed to print multiples of `step` (0 for steps ≥ 1).
///
/// ```
/// use minerhedge::chart::geometry::step_decimals;
/// assert_eq!(step_decimals(20.0), 0);
/// assert_eq!(step_decimals(0.5), 1);
/// assert_eq!(step_decimals(0.02), 2);
/// ```
pub fn step_decimals(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) || step >= 1.0 {
        return 0;
    }
    (-(libm::log10(step) + 1e-9).floor()).clamp(0.0, 20.0) as usize
}

/// The drawing surface: logical (CSS pixel) size and device pixel ratio.
///
/// Valid: CSS width and height in `[1, 16384]`, `dpr` in `[0.25, 8]`; see the
/// [module docs](self) for the HiDPI contract.
///
/// ```
/// use minerhedge::chart::geometry::Surface;
/// let s = Surface::new(640.0, 360.0, 2.0).unwrap();
/// assert_eq!(s.backing_size(), (1280, 720));
/// assert_eq!(s.px(1.5), 3.0);
/// assert!(Surface::new(640.0, 360.0, f64::NAN).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Surface {
    css_width: f64,
    css_height: f64,
    dpr: f64,
}

impl Surface {
    /// A surface of `css_width × css_height` CSS pixels at device pixel ratio `dpr`.
    ///
    /// ```
    /// use minerhedge::chart::geometry::Surface;
    /// assert!(Surface::new(0.0, 360.0, 1.0).is_err());
    /// assert!(Surface::new(375.0, 240.0, 3.0).is_ok());
    /// ```
    pub fn new(css_width: f64, css_height: f64, dpr: f64) -> Result<Surface, ChartError> {
        let size_ok = |v: f64| v.is_finite() && (1.0..=16384.0).contains(&v);
        if !size_ok(css_width) {
            return Err(DomainError::out_of_range(
                Field::ChartWidth,
                css_width,
                "between 1 and 16384 CSS px",
            )
            .into());
        }
        if !size_ok(css_height) {
            return Err(DomainError::out_of_range(
                Field::ChartHeight,
                css_height,
                "between 1 and 16384 CSS px",
            )
            .into());
        }
        if !(dpr.is_finite() && (0.25..=8.0).contains(&dpr)) {
            return Err(DomainError::out_of_range(
                Field::DevicePixelRatio,
                dpr,
                "between 0.25 and 8",
            )
            .into());
        }
        Ok(Surface {
            css_width,
            css_height,
            dpr,
        })
    }

    /// Logical width in CSS pixels.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::Surface;
    /// assert_eq!(Surface::new(640.0, 360.0, 2.0).unwrap().css_width(), 640.0);
    /// ```
    pub fn css_width(&self) -> f64 {
        self.css_width
    }

    /// Logical height in CSS pixels.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::Surface;
    /// assert_eq!(Surface::new(640.0, 360.0, 2.0).unwrap().css_height(), 360.0);
    /// ```
    pub fn css_height(&self) -> f64 {
        self.css_height
    }

    /// Device pixel ratio.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::Surface;
    /// assert_eq!(Surface::new(640.0, 360.0, 1.5).unwrap().dpr(), 1.5);
    /// ```
    pub fn dpr(&self) -> f64 {
        self.dpr
    }

    /// Backing-store size in device pixels: `(round(css_width × dpr), round(css_height × dpr))`,
    /// at least 1 each. The drawing area handed to a draw function must have this size.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::Surface;
    /// assert_eq!(Surface::new(333.0, 200.0, 1.5).unwrap().backing_size(), (500, 300));
    /// ```
    pub fn backing_size(&self) -> (u32, u32) {
        let f = |v: f64| (v * self.dpr).round().max(1.0) as u32;
        (f(self.css_width), f(self.css_height))
    }

    /// A length in CSS pixels converted to device pixels (`css × dpr`).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::Surface;
    /// assert_eq!(Surface::new(100.0, 100.0, 2.0).unwrap().px(12.0), 24.0);
    /// ```
    pub fn px(&self, css: f64) -> f64 {
        css * self.dpr
    }
}

/// A rectangle of device pixels, inclusive of both edges (`left ≤ right`, `top ≤ bottom`).
///
/// ```
/// use minerhedge::chart::geometry::PixelRect;
/// let r = PixelRect::new(10, 20, 110, 220).unwrap();
/// assert_eq!((r.width(), r.height()), (100, 200));
/// assert!(r.contains(10, 220) && !r.contains(9, 20));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PixelRect {
    /// Leftmost pixel column.
    pub left: i32,
    /// Topmost pixel row.
    pub top: i32,
    /// Rightmost pixel column.
    pub right: i32,
    /// Bottom pixel row.
    pub bottom: i32,
}

impl PixelRect {
    /// A rectangle; `None` unless `left ≤ right` and `top ≤ bottom`.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::PixelRect;
    /// assert!(PixelRect::new(5, 5, 4, 10).is_none());
    /// ```
    pub fn new(left: i32, top: i32, right: i32, bottom: i32) -> Option<PixelRect> {
        (left <= right && top <= bottom).then_some(PixelRect {
            left,
            top,
            right,
            bottom,
        })
    }

    /// `right − left`.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::PixelRect;
    /// assert_eq!(PixelRect::new(0, 0, 7, 3).unwrap().width(), 7);
    /// ```
    pub fn width(&self) -> i32 {
        self.right - self.left
    }

    /// `bottom − top`.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::PixelRect;
    /// assert_eq!(PixelRect::new(0, 0, 7, 3).unwrap().height(), 3);
    /// ```
    pub fn height(&self) -> i32 {
        self.bottom - self.top
    }

    /// `true` when pixel `(x, y)` lies inside (edges included).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::PixelRect;
    /// assert!(PixelRect::new(0, 0, 7, 3).unwrap().contains(7, 3));
    /// ```
    pub fn contains(&self, x: i32, y: i32) -> bool {
        (self.left..=self.right).contains(&x) && (self.top..=self.bottom).contains(&y)
    }
}

/// The geometry of a drawn plotting area: its pixel rectangle (device pixels), the data ranges
/// on the two axes, the ticks drawn and the device pixel ratio.
///
/// Mapping (linear, y grows upwards in data and downwards on screen):
/// `px = left + (x − x.lo) / x.span × (right − left)`,
/// `py = bottom − (y − y.lo) / y.span × (bottom − top)`. Plotters rounds the same expression
/// down to whole pixels, so drawn marks are within 1 px of these values.
///
/// ```
/// use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
/// let f = Frame::new(
///     PixelRect::new(50, 10, 650, 310).unwrap(),
///     DataRange::new(200.0, 300.0).unwrap(),
///     DataRange::new(-100.0, 200.0).unwrap(),
///     1.0,
/// )
/// .unwrap();
/// assert_eq!(f.x_to_px(250.0), 350.0);
/// assert_eq!(f.y_to_px(0.0), 210.0);
/// assert_eq!(f.px_to_x(350.0), Some(250.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    plot: PixelRect,
    x: DataRange,
    y: DataRange,
    dpr: f64,
    x_ticks: Vec<f64>,
    y_ticks: Vec<f64>,
}

impl Frame {
    /// A frame; `dpr` must lie in `[0.25, 8]` and the rectangle must have positive width
    /// and height.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let x = DataRange::new(0.0, 1.0).unwrap();
    /// assert!(Frame::new(PixelRect::new(0, 0, 0, 10).unwrap(), x, x, 1.0).is_err());
    /// ```
    pub fn new(plot: PixelRect, x: DataRange, y: DataRange, dpr: f64) -> Result<Frame, ChartError> {
        if plot.width() <= 0 || plot.height() <= 0 {
            return Err(DomainError::out_of_range(
                Field::PlotAreaSize,
                f64::from(plot.width().min(plot.height())),
                "at least 1 px wide and high",
            )
            .into());
        }
        if !(dpr.is_finite() && (0.25..=8.0).contains(&dpr)) {
            return Err(DomainError::out_of_range(
                Field::DevicePixelRatio,
                dpr,
                "between 0.25 and 8",
            )
            .into());
        }
        Ok(Frame {
            plot,
            x,
            y,
            dpr,
            x_ticks: Vec::new(),
            y_ticks: Vec::new(),
        })
    }

    /// The same frame, recording the ticks drawn on each axis.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let r = DataRange::new(0.0, 1.0).unwrap();
    /// let f = Frame::new(PixelRect::new(0, 0, 9, 9).unwrap(), r, r, 1.0).unwrap()
    ///     .with_ticks(vec![0.0, 0.5], vec![1.0]);
    /// assert_eq!(f.x_ticks(), &[0.0, 0.5]);
    /// ```
    pub fn with_ticks(mut self, x_ticks: Vec<f64>, y_ticks: Vec<f64>) -> Frame {
        self.x_ticks = x_ticks;
        self.y_ticks = y_ticks;
        self
    }

    /// Pixel rectangle of the plotting area (device pixels).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// # let r = DataRange::new(0.0, 1.0).unwrap();
    /// let f = Frame::new(PixelRect::new(1, 2, 30, 40).unwrap(), r, r, 1.0).unwrap();
    /// assert_eq!(f.plot().left, 1);
    /// ```
    pub fn plot(&self) -> PixelRect {
        self.plot
    }

    /// Data range of the x axis.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// # let r = DataRange::new(0.0, 1.0).unwrap();
    /// let f = Frame::new(PixelRect::new(1, 2, 30, 40).unwrap(), r, r, 1.0).unwrap();
    /// assert_eq!(f.x_range().hi(), 1.0);
    /// ```
    pub fn x_range(&self) -> DataRange {
        self.x
    }

    /// Data range of the y axis.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// # let r = DataRange::new(0.0, 1.0).unwrap();
    /// let f = Frame::new(PixelRect::new(1, 2, 30, 40).unwrap(), r, r, 1.0).unwrap();
    /// assert_eq!(f.y_range().lo(), 0.0);
    /// ```
    pub fn y_range(&self) -> DataRange {
        self.y
    }

    /// Device pixel ratio the chart was drawn at.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// # let r = DataRange::new(0.0, 1.0).unwrap();
    /// let f = Frame::new(PixelRect::new(1, 2, 30, 40).unwrap(), r, r, 2.0).unwrap();
    /// assert_eq!(f.dpr(), 2.0);
    /// ```
    pub fn dpr(&self) -> f64 {
        self.dpr
    }

    /// Ticks drawn on the x axis (data values).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// # let r = DataRange::new(0.0, 1.0).unwrap();
    /// let f = Frame::new(PixelRect::new(1, 2, 30, 40).unwrap(), r, r, 1.0).unwrap();
    /// assert!(f.x_ticks().is_empty());
    /// ```
    pub fn x_ticks(&self) -> &[f64] {
        &self.x_ticks
    }

    /// Ticks drawn on the y axis (data values).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// # let r = DataRange::new(0.0, 1.0).unwrap();
    /// let f = Frame::new(PixelRect::new(1, 2, 30, 40).unwrap(), r, r, 1.0).unwrap();
    /// assert!(f.y_ticks().is_empty());
    /// ```
    pub fn y_ticks(&self) -> &[f64] {
        &self.y_ticks
    }

    /// Device-pixel column of data value `x` (may lie outside the plot for `x` outside the
    /// range; NaN in → NaN out).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let f = Frame::new(PixelRect::new(0, 0, 100, 100).unwrap(),
    ///     DataRange::new(0.0, 10.0).unwrap(), DataRange::new(0.0, 1.0).unwrap(), 1.0).unwrap();
    /// assert_eq!(f.x_to_px(2.5), 25.0);
    /// ```
    pub fn x_to_px(&self, x: f64) -> f64 {
        f64::from(self.plot.left) + (x - self.x.lo) / self.x.span() * f64::from(self.plot.width())
    }

    /// Device-pixel row of data value `y` (top of the plot is `y.hi`).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let f = Frame::new(PixelRect::new(0, 0, 100, 100).unwrap(),
    ///     DataRange::new(0.0, 10.0).unwrap(), DataRange::new(0.0, 1.0).unwrap(), 1.0).unwrap();
    /// assert_eq!(f.y_to_px(1.0), 0.0);
    /// ```
    pub fn y_to_px(&self, y: f64) -> f64 {
        f64::from(self.plot.bottom)
            - (y - self.y.lo) / self.y.span() * f64::from(self.plot.height())
    }

    /// Data x at device-pixel column `px`, or `None` when `px` is not finite or lies outside
    /// the plot's columns.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let f = Frame::new(PixelRect::new(0, 0, 100, 100).unwrap(),
    ///     DataRange::new(0.0, 10.0).unwrap(), DataRange::new(0.0, 1.0).unwrap(), 1.0).unwrap();
    /// assert_eq!(f.px_to_x(50.0), Some(5.0));
    /// assert_eq!(f.px_to_x(101.0), None);
    /// ```
    pub fn px_to_x(&self, px: f64) -> Option<f64> {
        let (l, r) = (f64::from(self.plot.left), f64::from(self.plot.right));
        (px.is_finite() && px >= l && px <= r)
            .then(|| self.x.lo + (px - l) / (r - l) * self.x.span())
    }

    /// Data y at device-pixel row `py`, or `None` outside the plot's rows.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let f = Frame::new(PixelRect::new(0, 0, 100, 100).unwrap(),
    ///     DataRange::new(0.0, 10.0).unwrap(), DataRange::new(0.0, 1.0).unwrap(), 1.0).unwrap();
    /// assert_eq!(f.px_to_y(25.0), Some(0.75));
    /// ```
    pub fn px_to_y(&self, py: f64) -> Option<f64> {
        let (t, b) = (f64::from(self.plot.top), f64::from(self.plot.bottom));
        (py.is_finite() && py >= t && py <= b)
            .then(|| self.y.lo + (b - py) / (b - t) * self.y.span())
    }

    /// Data x under a CSS-pixel column (e.g. a mouse event's `offsetX`): `px_to_x(css × dpr)`.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let f = Frame::new(PixelRect::new(0, 0, 200, 200).unwrap(),
    ///     DataRange::new(0.0, 10.0).unwrap(), DataRange::new(0.0, 1.0).unwrap(), 2.0).unwrap();
    /// assert_eq!(f.css_to_x(50.0), Some(5.0));
    /// ```
    pub fn css_to_x(&self, css_x: f64) -> Option<f64> {
        self.px_to_x(css_x * self.dpr)
    }

    /// Data y under a CSS-pixel row (`offsetY`).
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let f = Frame::new(PixelRect::new(0, 0, 200, 200).unwrap(),
    ///     DataRange::new(0.0, 10.0).unwrap(), DataRange::new(0.0, 1.0).unwrap(), 2.0).unwrap();
    /// assert_eq!(f.css_to_y(100.0), Some(0.0));
    /// ```
    pub fn css_to_y(&self, css_y: f64) -> Option<f64> {
        self.px_to_y(css_y * self.dpr)
    }

    /// CSS-pixel column of data value `x`: `x_to_px(x) / dpr`.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let f = Frame::new(PixelRect::new(0, 0, 200, 200).unwrap(),
    ///     DataRange::new(0.0, 10.0).unwrap(), DataRange::new(0.0, 1.0).unwrap(), 2.0).unwrap();
    /// assert_eq!(f.x_to_css(5.0), 50.0);
    /// ```
    pub fn x_to_css(&self, x: f64) -> f64 {
        self.x_to_px(x) / self.dpr
    }

    /// CSS-pixel row of data value `y`.
    ///
    /// ```
    /// # use minerhedge::chart::geometry::{DataRange, Frame, PixelRect};
    /// let f = Frame::new(PixelRect::new(0, 0, 200, 200).unwrap(),
    ///     DataRange::new(0.0, 10.0).unwrap(), DataRange::new(0.0, 1.0).unwrap(), 2.0).unwrap();
    /// assert_eq!(f.y_to_css(1.0), 0.0);
    /// ```
    pub fn y_to_css(&self, y: f64) -> f64 {
        self.y_to_px(y) / self.dpr
    }
}

/// Linear interpolation of a polyline at `x`: the y of the first segment (in point order)
/// whose x-interval contains `x`, skipping non-plottable points. `None` when no segment
/// covers `x`.
///
/// ```
/// use minerhedge::chart::geometry::interpolate;
/// let pts = [(0.0, 0.0), (10.0, 100.0), (f64::NAN, 1.0), (20.0, 0.0)];
/// assert_eq!(interpolate(&pts, 5.0), Some(50.0));
/// assert_eq!(interpolate(&pts, 15.0), None); // the NaN point breaks the line
/// assert_eq!(interpolate(&pts, 10.0), Some(100.0));
/// ```
pub fn interpolate(points: &[(f64, f64)], x: f64) -> Option<f64> {
    if !is_plottable(x) {
        return None;
    }
    let ok = |p: &(f64, f64)| is_plottable(p.0) && is_plottable(p.1);
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !(ok(&a) && ok(&b)) {
            continue;
        }
        let (x0, x1) = if a.0 <= b.0 { (a, b) } else { (b, a) };
        if x < x0.0 || x > x1.0 {
            continue;
        }
        if x1.0 == x0.0 {
            return Some(x0.1);
        }
        let t = (x - x0.0) / (x1.0 - x0.0);
        let y = x0.1 + t * (x1.1 - x0.1);
        if y.is_finite() {
            return Some(y);
        }
    }
    if points.len() == 1 && ok(&points[0]) && points[0].0 == x {
        return Some(points[0].1);
    }
    None
}

/// `points` without the ones that lie on the straight line between their neighbours (within
/// `1e−9` of the series' largest `|y|`): the same line with fewer segments. A payoff is
/// piecewise linear in the price, so its grid of 1,001 points comes down to its ends and the
/// grid points beside each kink, and a repaint hands the canvas a few segments instead of a
/// thousand. Points that are not plottable are kept (they break the line), and so is a point
/// that is not strictly between its neighbours in `x` (the line turns back there).
///
/// ```
/// use minerhedge::chart::geometry::without_collinear;
/// let put: Vec<(f64, f64)> = (0..=100).map(|i| (f64::from(i), f64::from(i.max(40)) * 2.0)).collect();
/// assert_eq!(without_collinear(&put), vec![(0.0, 80.0), (40.0, 80.0), (100.0, 200.0)]);
/// let gap = [(0.0, 0.0), (1.0, 1.0), (2.0, f64::NAN), (3.0, 3.0), (4.0, 4.0), (5.0, 5.0)];
/// assert_eq!(without_collinear(&gap).len(), 5); // only (4, 4) goes
/// ```
pub fn without_collinear(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let ok = |p: (f64, f64)| is_plottable(p.0) && is_plottable(p.1);
    let scale = points
        .iter()
        .filter(|p| ok(**p))
        .fold(0.0_f64, |m, p| m.max(p.1.abs()));
    let tolerance = 1e-9 * scale;
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len().min(64));
    for (i, &b) in points.iter().enumerate() {
        let (Some(&a), Some(&c)) = (out.last(), points.get(i + 1)) else {
            out.push(b);
            continue;
        };
        let between = (b.0 - a.0) * (c.0 - b.0) > 0.0;
        let on_line = || {
            let cross = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
            cross.abs() <= tolerance * (c.0 - a.0).abs()
        };
        if !(ok(a) && ok(b) && ok(c) && between && on_line()) {
            out.push(b);
        }
    }
    out
}

/// Splits a series into runs of consecutive plottable points; a non-plottable point ends a
/// run (the line has a gap there rather than joining its neighbours).
///
/// ```
/// use minerhedge::chart::geometry::plottable_runs;
/// let runs = plottable_runs(&[(0.0, 1.0), (1.0, f64::NAN), (2.0, 3.0), (3.0, 4.0)]);
/// assert_eq!(runs, vec![vec![(0.0, 1.0)], vec![(2.0, 3.0), (3.0, 4.0)]]);
/// ```
pub fn plottable_runs(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let mut runs = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    for &(x, y) in points {
        if is_plottable(x) && is_plottable(y) {
            cur.push((x, y));
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_one_two_five_multiples() {
        for (lo, hi) in [
            (0.0, 1.0),
            (-3.7, 12.2),
            (1e6, 1.3e6),
            (0.001, 0.0042),
            (-5e9, 5e9),
        ] {
            let r = DataRange::new(lo, hi).unwrap();
            let t = ticks(&r, 6);
            assert!(t.len() >= 2, "{lo}..{hi}: {t:?}");
            let step = nice_step(r.span(), 6).unwrap();
            let mant = step / 10f64.powf(step.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (mant - m).abs() < 1e-9),
                "{step}"
            );
            for w in t.windows(2) {
                assert!(((w[1] - w[0]) - step).abs() <= step * 1e-6);
            }
            assert!(t.iter().all(|v| r.contains(*v)));
        }
    }

    #[test]
    fn degenerate_ranges_are_widened() {
        let r = DataRange::from_values([0.0, 0.0]).unwrap();
        assert_eq!((r.lo(), r.hi()), (-1.0, 1.0));
        let r = DataRange::from_values([1e300]).unwrap();
        assert!(r.span() > 0.0 && r.span().is_finite());
        let r = DataRange::from_values([5e-324]).unwrap();
        assert!(r.span() > 0.0);
    }

    #[test]
    fn nice_step_rejects_bad_spans() {
        assert_eq!(nice_step(f64::NAN, 5), None);
        assert_eq!(nice_step(f64::INFINITY, 5), None);
        assert_eq!(nice_step(-1.0, 5), None);
        assert_eq!(nice_step(5e-324, 5), None);
    }
}
