//! Charts: pure geometry plus drawing code generic over plotters' [`DrawingBackend`].
//!
//! The page hands a `CanvasBackend` (plotters-canvas; wrapped so the canvas measures text) to
//! the draw functions; native tests hand an `SVGBackend` writing into a `String`. Nothing in this module imports a web crate.
//!
//! - [`geometry`]: ranges, nice ticks, the [`geometry::Surface`] (CSS size × device pixel
//!   ratio) and the [`geometry::Frame`] mapping data ↔ pixels (for hover and marks).
//! - [`payoff`]: result or return vs final price, with cost line, breakevens, spot, slider
//!   marker and hover crosshair.
//! - [`distribution`]: overlaid histograms of period returns with optional VaR marks.
//! - [`frontier`]: the coverage frontier: expected return against CVaR 95 % and against the
//!   probability of not covering the cash cost, one line per hedge from 0 to 100 %.
//! - [`heatmap`]: hedged return over price × difficulty change, diverging colour scale.
//! - [`smile`]: the volatility smile: vol against strike, the option legs marked.
//! - [`power`]: the hour's power price as a price-duration curve against the energy-adjusted
//!   hashprice: the hours the rig runs and the hours it is off.
//! - [`program`]: the hedge program's monthly and cumulative net cash, P5–P95 bands.
//!
//! Every draw function has the shape
//! `draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &XChart, surface: &Surface)
//! -> Result<Frame, ChartError>`: it fills the whole area, draws, calls `present()` and returns
//! the plotting area's [`geometry::Frame`].
//!
//! In the browser (sketch, not compiled here: the canvas backend is a wasm-only crate):
//!
//! ```text
//! let surface = Surface::new(css_w, css_h, window.device_pixel_ratio())?;
//! let (w, h) = surface.backing_size();
//! canvas.set_width(w); canvas.set_height(h);            // backing store in device px
//! // keep the element's CSS width/height at css_w × css_h
//! let root = CanvasBackend::with_canvas_object(canvas).unwrap().into_drawing_area();
//! let frame = payoff::draw(&root, &chart, &surface)?;   // keep `frame` for hover:
//! let price = frame.css_to_x(mouse_event.offset_x() as f64);
//! ```
//!
//! Natively (what the tests do):
//!
//! ```
//! use minerhedge::chart::{geometry::Surface, payoff::{self, PayoffChart}};
//! use plotters::prelude::*;
//! let surface = Surface::new(480.0, 270.0, 1.0).unwrap();
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, surface.backing_size()).into_drawing_area();
//!     payoff::draw(&root, &PayoffChart::default(), &surface).unwrap();
//! }
//! assert!(svg.starts_with("<svg"));
//! ```
//!
//! ## Text
//! Plotters measures text through its font layer. On `wasm32-unknown-unknown` it measures and
//! draws through the canvas 2D context (no font feature, nothing embedded). Natively, with
//! neither the `ttf` nor the `ab_glyph` feature, plotters uses a built-in width estimate
//! (about 0.46 × the font size per byte of text) and the SVG backend writes `<text>` elements that the viewer
//! renders with its own fonts, so no font file is needed anywhere. Layout code here also falls
//! back to its own estimate if a backend cannot measure text. Backends that rasterise text
//! themselves (plotters' bitmap backend) are not supported without a font feature.
//!
//! [`DrawingBackend`]: plotters::prelude::DrawingBackend

use std::fmt;

use plotters::style::RGBColor;

use crate::domain::DomainError;

pub mod distribution;
pub mod frontier;
pub mod geometry;
pub mod heatmap;
pub mod payoff;
pub mod power;
pub mod program;
mod render;
pub mod smile;
#[cfg(feature = "program")]
pub mod treasury;

/// Why a chart could not be drawn.
///
/// ```
/// use minerhedge::domain::Field;
/// use minerhedge::chart::ChartError;
/// use minerhedge::domain::DomainError;
/// let e: ChartError = DomainError::out_of_range(Field::ChartWidth, 0.0, "at least 1").into();
/// assert!(e.to_string().contains("chart width"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum ChartError {
    /// An input (surface size, histogram bins, grid shape…) is invalid.
    Invalid(DomainError),
    /// The drawing area does not have the size the [`geometry::Surface`] promises.
    SurfaceMismatch {
        /// [`geometry::Surface::backing_size`].
        expected: (u32, u32),
        /// Size of the drawing area handed in.
        actual: (u32, u32),
    },
    /// The backend reported an error while drawing.
    Drawing(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Invalid(e) => write!(f, "{e}"),
            ChartError::SurfaceMismatch { expected, actual } => write!(
                f,
                "drawing area is {}×{} px but the surface needs {}×{} px (CSS size × device pixel ratio)",
                actual.0, actual.1, expected.0, expected.1
            ),
            ChartError::Drawing(m) => write!(f, "drawing failed: {m}"),
        }
    }
}

impl std::error::Error for ChartError {}

impl From<DomainError> for ChartError {
    fn from(e: DomainError) -> Self {
        ChartError::Invalid(e)
    }
}

/// Colours of a chart for a light or dark page.
///
/// ```
/// use minerhedge::chart::Theme;
/// let t = Theme::dark();
/// assert_ne!(t.background, Theme::light().background);
/// assert_ne!(t.primary, t.secondary);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Canvas background.
    pub background: RGBColor,
    /// Axis labels, tick labels, legend text.
    pub text: RGBColor,
    /// Grid lines at the ticks.
    pub grid: RGBColor,
    /// Axis lines.
    pub axis: RGBColor,
    /// The chosen strategy ([`payoff::SeriesStyle::Primary`]) and the first histogram.
    pub primary: RGBColor,
    /// The comparison strategy (usually unhedged) and the second histogram.
    pub secondary: RGBColor,
    /// Colours cycled through for faint series and further histograms.
    pub faint: [RGBColor; 5],
    /// Cost / zero line.
    pub zero_line: RGBColor,
    /// Breakeven marks.
    pub breakeven: RGBColor,
    /// Spot mark.
    pub spot: RGBColor,
    /// Slider-price marker.
    pub marker: RGBColor,
    /// Hover crosshair.
    pub crosshair: RGBColor,
    /// Heat map: colour of the most negative value.
    pub negative: RGBColor,
    /// Heat map: colour of zero.
    pub neutral: RGBColor,
    /// Heat map: colour of the most positive value.
    pub positive: RGBColor,
    /// Heat map: colour of a cell without a finite value.
    pub missing: RGBColor,
}

impl Theme {
    /// Colours for a light page.
    ///
    /// ```
    /// use minerhedge::chart::Theme;
    /// assert_eq!(Theme::light().background, plotters::style::RGBColor(255, 255, 255));
    /// ```
    pub fn light() -> Theme {
        Theme {
            background: RGBColor(255, 255, 255),
            text: RGBColor(0x1f, 0x29, 0x33),
            grid: RGBColor(0xe4, 0xe7, 0xeb),
            axis: RGBColor(0x7b, 0x87, 0x94),
            primary: RGBColor(0x1c, 0x64, 0xd8),
            secondary: RGBColor(0xd9, 0x48, 0x0f),
            faint: [
                RGBColor(0x2f, 0x9e, 0x44),
                RGBColor(0x70, 0x48, 0xe8),
                RGBColor(0xc2, 0x25, 0x5c),
                RGBColor(0x0c, 0x85, 0x99),
                RGBColor(0xe6, 0x77, 0x00),
            ],
            zero_line: RGBColor(0x52, 0x60, 0x6d),
            breakeven: RGBColor(0xc9, 0x2a, 0x2a),
            spot: RGBColor(0x5f, 0x3d, 0xc4),
            marker: RGBColor(0x0b, 0x72, 0x85),
            crosshair: RGBColor(0x9a, 0xa5, 0xb1),
            negative: RGBColor(0xb2, 0x18, 0x2b),
            neutral: RGBColor(0xf7, 0xf7, 0xf7),
            positive: RGBColor(0x21, 0x66, 0xac),
            missing: RGBColor(0xbd, 0xbd, 0xbd),
        }
    }

    /// Colours for a dark page (`prefers-color-scheme: dark`).
    ///
    /// ```
    /// use minerhedge::chart::Theme;
    /// let t = Theme::dark();
    /// assert!(t.background.0 < 64 && t.text.0 > 192);
    /// ```
    pub fn dark() -> Theme {
        Theme {
            background: RGBColor(0x11, 0x18, 0x27),
            text: RGBColor(0xe5, 0xe7, 0xeb),
            grid: RGBColor(0x2d, 0x37, 0x48),
            axis: RGBColor(0x6b, 0x72, 0x80),
            primary: RGBColor(0x60, 0xa5, 0xfa),
            secondary: RGBColor(0xfb, 0x92, 0x3c),
            faint: [
                RGBColor(0x4a, 0xde, 0x80),
                RGBColor(0xa7, 0x8b, 0xfa),
                RGBColor(0xf4, 0x72, 0xb6),
                RGBColor(0x22, 0xd3, 0xee),
                RGBColor(0xfb, 0xbf, 0x24),
            ],
            zero_line: RGBColor(0x9c, 0xa3, 0xaf),
            breakeven: RGBColor(0xf8, 0x71, 0x71),
            spot: RGBColor(0xc4, 0xb5, 0xfd),
            marker: RGBColor(0x2d, 0xd4, 0xbf),
            crosshair: RGBColor(0x6b, 0x72, 0x80),
            negative: RGBColor(0xd6, 0x60, 0x4d),
            neutral: RGBColor(0x1f, 0x29, 0x37),
            positive: RGBColor(0x43, 0x93, 0xc3),
            missing: RGBColor(0x37, 0x41, 0x51),
        }
    }
}

impl Default for Theme {
    /// [`Theme::light`].
    ///
    /// ```
    /// use minerhedge::chart::Theme;
    /// assert_eq!(Theme::default(), Theme::light());
    /// ```
    fn default() -> Self {
        Theme::light()
    }
}

/// How tick labels and readouts print a value.
///
/// ```
/// use minerhedge::chart::TickFormat;
/// assert_eq!(TickFormat::Usd.format(1250.0, 250.0), "$1,250");
/// assert_eq!(TickFormat::Usd.format(-50.0, 10.0), "-$50");
/// assert_eq!(TickFormat::Percent.format(0.136, 0.001), "13.6%");
/// assert_eq!(TickFormat::Number.format(0.25, 0.05), "0.25");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TickFormat {
    /// US dollars: `$1,250`, `-$50`, `$0.25`.
    #[default]
    Usd,
    /// A fraction printed as percent: `0.136` → `13.6%`.
    Percent,
    /// A plain number with thousands separators.
    Number,
}

impl TickFormat {
    /// `v` printed with as many decimals as multiples of `step` need (a step of 0.5 → one
    /// decimal; for [`TickFormat::Percent`] the step is a fraction too). Magnitudes of 1e15 and
    /// more are printed in exponent form; non-finite values as `–`.
    ///
    /// ```
    /// use minerhedge::chart::TickFormat;
    /// assert_eq!(TickFormat::Usd.format(1_234_567.0, 1.0), "$1,234,567");
    /// assert_eq!(TickFormat::Number.format(-0.0, 1.0), "0");
    /// assert_eq!(TickFormat::Usd.format(f64::NAN, 1.0), "–");
    /// assert_eq!(TickFormat::Number.format(2e20, 1e20), "2.0e20");
    /// ```
    pub fn format(&self, v: f64, step: f64) -> String {
        if !v.is_finite() {
            return "–".to_string();
        }
        let (v, step) = match self {
            TickFormat::Percent => (v * 100.0, step * 100.0),
            _ => (v, step),
        };
        let decimals = geometry::step_decimals(step.abs()).min(8);
        let body = if v.abs() >= 1e15 {
            format!("{:.1e}", v.abs())
        } else {
            group_thousands(&format!("{:.*}", decimals, v.abs()))
        };
        let zero = body.chars().all(|c| matches!(c, '0' | '.' | ','));
        let sign = if v < 0.0 && !zero { "-" } else { "" };
        match self {
            TickFormat::Usd => format!("{sign}${body}"),
            TickFormat::Percent => format!("{sign}{body}%"),
            TickFormat::Number => format!("{sign}{body}"),
        }
    }

    /// A readout of a single value (crosshair, marks): dollars with cents below $100 and
    /// whole dollars above, percent with one decimal, numbers with up to 4 significant
    /// decimals.
    ///
    /// ```
    /// use minerhedge::chart::TickFormat;
    /// assert_eq!(TickFormat::Usd.readout(1234.56), "$1,235");
    /// assert_eq!(TickFormat::Usd.readout(12.345), "$12.35");
    /// assert_eq!(TickFormat::Percent.readout(-0.0512), "-5.1%");
    /// ```
    pub fn readout(&self, v: f64) -> String {
        let step = match self {
            TickFormat::Usd if v.abs() >= 100.0 => 1.0,
            TickFormat::Usd => 0.01,
            TickFormat::Percent => 0.001,
            TickFormat::Number if v.abs() >= 100.0 => 1.0,
            TickFormat::Number => 0.0001,
        };
        self.format(v, step)
    }
}

fn group_thousands(s: &str) -> String {
    let (int, frac) = match s.find('.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    if !int.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_grouping() {
        assert_eq!(group_thousands("1234567.25"), "1,234,567.25");
        assert_eq!(group_thousands("123"), "123");
        assert_eq!(group_thousands("1000"), "1,000");
    }

    #[test]
    fn formats_never_print_negative_zero() {
        assert_eq!(TickFormat::Usd.format(-0.001, 1.0), "$0");
        assert_eq!(TickFormat::Percent.format(-1e-9, 0.1), "0%");
    }
}
