//! The first paint: before the app (Leptos, every panel) has loaded, the small core module
//! decodes the page's link, builds the same view model the app will build, and draws the
//! page's first chart and its headline figures into the static skeleton the HTML already holds
//! (`<div id="first-paint" data-page="period|program">`). The app removes the skeleton once
//! its own chart is drawn ([`hand_over`]), so a reader sees the same chart, drawn by the same
//! code from the same numbers, a little earlier.
//!
//! - Period page: the payoff chart exactly as the app's two stacked canvases show it (the
//!   curves, then the final-price marker), the derived figures (each `dd` with
//!   `data-figure` and its unrounded `data-value`), the final-price readout, and a working
//!   final-price slider: it moves the marker and the readout, and writes the address, so the
//!   app opens at the price it was moved to.
//! - Program page: the cash-flow chart before the simulation (the app's first picture) and the
//!   summary's figures.
//!
//! Each page's core module carries its own page's first paint only ([`period_page`], and
//! `program_page` with the cargo feature `program`): the period page's would cost the
//! program page's first chart 46 KB gzipped.
//!
//! Nothing else is interactive: the skeleton says the other controls are loading, and it is
//! inert from the moment the app mounts ([`freeze`]) and gone once the app's chart is drawn.
//! Every step that can fail (no skeleton, no canvas, an invalid link) leaves the skeleton as
//! it is; the app draws the page either way.

use std::cell::RefCell;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element, HtmlCanvasElement};

use crate::chart::Theme;
use crate::chart::geometry::Surface;
use crate::chart::payoff::{PayoffChart, draw, draw_overlay};
use crate::link::{Key, Page, Scenario};
use crate::present::display::{
    Display, first_paint_display, price_step, readout, readout_sentence,
};
use crate::view::edit::{Texts, apply};

use super::canvas::{Layer, paint, surface_of};
use super::mark_drawn;
use super::theme::is_dark;
use super::url::{replace_query, search};

/// The skeleton's element id.
pub const SKELETON_ID: &str = "first-paint";

fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The chart colours of the remembered scheme; also written to `<html data-theme>` so the
/// skeleton's colours match before the app sets it.
fn theme(doc: &Document) -> Theme {
    let scheme = super::theme::remembered();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-theme", scheme.word());
    }
    if is_dark(scheme) {
        Theme::dark()
    } else {
        Theme::light()
    }
}

/// The first `<canvas>` inside `skeleton` with its chart surface (its CSS size now).
fn canvas_in(skeleton: &Element) -> Option<(HtmlCanvasElement, Surface)> {
    let canvas = skeleton
        .query_selector("canvas")
        .ok()
        .flatten()?
        .dyn_into::<HtmlCanvasElement>()
        .ok()?;
    let rect = canvas.get_bounding_client_rect();
    let surface = surface_of((rect.width(), rect.height()))?;
    Some((canvas, surface))
}

/// Appends one figure (`<div><dt>label</dt><dd data-figure data-value>text</dd></div>`) to
/// `list`.
fn figure(doc: &Document, list: &Element, id: &str, label: &str, text: &str, value: Option<&str>) {
    let (Ok(row), Ok(dt), Ok(dd)) = (
        doc.create_element("div"),
        doc.create_element("dt"),
        doc.create_element("dd"),
    ) else {
        return;
    };
    let _ = row.set_attribute("class", "figure");
    dt.set_text_content(Some(label));
    dd.set_text_content(Some(text));
    let _ = dd.set_attribute("data-figure", id);
    if let Some(v) = value {
        let _ = dd.set_attribute("data-value", v);
    }
    let _ = row.append_child(&dt);
    let _ = row.append_child(&dd);
    let _ = list.append_child(&row);
}

/// The element of `skeleton` marked `data-first="{slot}"`.
fn slot(skeleton: &Element, name: &str) -> Option<Element> {
    skeleton
        .query_selector(&format!("[data-first=\"{name}\"]"))
        .ok()
        .flatten()
}

/// What the period page's first paint keeps for its price slider: the scenario, the model
/// without its final price (as the app shows it), and where the chart is drawn.
struct Period {
    scenario: Scenario,
    shown: Display,
    canvas: HtmlCanvasElement,
    surface: Surface,
    theme: Theme,
}

impl Period {
    /// The scenario of `query` and its model, as the app builds them (`ui::app`: the model
    /// without the final price; the marker and the readout at it).
    fn new(query: &str, canvas: HtmlCanvasElement, surface: Surface, theme: Theme) -> Period {
        let scenario = Scenario::from_query(query).scenario;
        let mut without_price = scenario.clone();
        without_price.view.price = Some(Decimal::ZERO);
        Period {
            shown: first_paint_display(&without_price),
            scenario,
            canvas,
            surface,
            theme,
        }
    }

    /// Paints the chart as the app's two stacked canvases show it (the curves, then the
    /// final-price marker on top) at the scenario's final price.
    fn paint(&self) -> Option<()> {
        let base = PayoffChart {
            theme: self.theme,
            ..self.shown.chart.lean()
        };
        let frame = paint(&self.canvas, &self.surface, Layer::Base, |root, s| {
            draw(root, &base, s)
        })?;
        let moving = PayoffChart {
            series: self.shown.chart.series.clone(),
            y_format: self.shown.chart.y_format,
            marker: self.scenario.resolved().price.to_f64(),
            theme: self.theme,
            ..PayoffChart::default()
        };
        // Over the base without clearing it: the app's overlay canvas, composited.
        paint(&self.canvas, &self.surface, Layer::Base, |root, s| {
            draw_overlay(root, &moving, &frame, s)
        })?;
        mark_drawn();
        Some(())
    }

    /// The readout (sentence and price) at the scenario's final price, into the skeleton.
    fn write_readout(&self, skeleton: &Element) {
        let r = readout(&self.shown, self.scenario.resolved().price);
        if let Some(p) = slot(skeleton, "readout") {
            p.set_text_content(Some(&readout_sentence(&r)));
        }
        if let Some(o) = slot(skeleton, "price") {
            o.set_text_content(Some(&r.price));
        }
    }

    /// The slider moved to `text`: the final price through the inputs' edit rules (as the
    /// app's slider), the chart, the readout and the address (so the app opens at it).
    fn slide(&mut self, skeleton: &Element, text: String) {
        let mut texts = Texts::of(&self.scenario);
        texts.set(Key::Price, text);
        let (next, errors) = apply(&self.scenario, &texts);
        if !errors.is_empty() || next == self.scenario {
            return;
        }
        self.scenario = next;
        self.write_readout(skeleton);
        let _ = self.paint();
        replace_query(&self.scenario.to_query());
    }
}

/// Sets the skeleton's price slider to the scenario's range and price, and has it move the
/// chart until the app takes over.
fn wire_slider(skeleton: &Element, period: Period) {
    let Some(input) =
        slot(skeleton, "price-slider").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let r = period.scenario.resolved();
    let _ = input.set_attribute("min", &r.lo.to_string());
    let _ = input.set_attribute("max", &r.hi.to_string());
    let _ = input.set_attribute("step", &price_step(r.lo, r.hi));
    input.set_value(&r.price.to_string());
    input.set_disabled(false);
    let state = RefCell::new(period);
    let target = input.clone();
    let on_input = Closure::<dyn FnMut()>::new({
        let skeleton = skeleton.clone();
        move || state.borrow_mut().slide(&skeleton, target.value())
    });
    let _ = input.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
    // Lives as long as the skeleton (removed with it when the app takes over).
    on_input.forget();
}

/// The period page: the payoff chart with the final-price marker, the derived figures, the
/// readout and a working price slider.
fn period(doc: &Document, skeleton: &Element, query: &str) -> Option<()> {
    let (canvas, surface) = canvas_in(skeleton)?;
    let period = Period::new(query, canvas, surface, theme(doc));
    if let Some(list) = slot(skeleton, "figures") {
        for f in &period.shown.derived {
            figure(doc, &list, f.id, f.label, &f.text, f.value.as_deref());
        }
    }
    period.write_readout(skeleton);
    period.paint()?;
    wire_slider(skeleton, period);
    Some(())
}

/// The program page: the cash-flow chart before the simulation and the summary's figures,
/// for the program the app builds (a link without `start` starts next month).
#[cfg(feature = "program")]
fn program(doc: &Document, skeleton: &Element, query: &str) -> Option<()> {
    use crate::present::program::summary;
    use crate::view::program::{ProgramModel, cash_flow_chart};
    let mut scenario = Scenario::from_query(query).scenario;
    scenario.view.page = Page::Program;
    let today = super::today();
    let start = scenario.program.start_or(today);
    scenario.program.start = Some(start);
    let model = ProgramModel::first_paint(&scenario, start).ok()?;
    if let Some(list) = slot(skeleton, "figures") {
        for f in summary(&model, None).into_iter().map(|f| f.figure) {
            figure(doc, &list, f.id, f.label, &f.text, f.value.as_deref());
        }
    }
    let (canvas, surface) = canvas_in(skeleton)?;
    let chart = crate::chart::program::CashFlowChart {
        theme: theme(doc),
        ..cash_flow_chart(&model, None)
    };
    paint(&canvas, &surface, Layer::Base, |root, s| {
        crate::chart::program::draw(root, &chart, s)
    })?;
    mark_drawn();
    Some(())
}

/// Draws the period page's first chart and figures into its skeleton and sets the
/// [`super::DRAWN_MARK`]; `false` when there was nothing to draw on (no skeleton, or the
/// skeleton of another page) or the link could not be drawn (the app then draws the page
/// alone). The period page's core module calls it (`src/bin/core.rs`, built without the
/// feature `program`).
pub fn period_page() -> bool {
    run("period", |doc, skeleton, query| {
        // A program link on the period page is on its way to the program page.
        let leaving = Scenario::from_query(query).scenario.view.page == Page::Program;
        if leaving {
            return None;
        }
        period(doc, skeleton, query)
    })
}

/// [`period_page`] for the program page: its core module (built with the feature `program`)
/// carries this page's first paint only.
#[cfg(feature = "program")]
pub fn program_page() -> bool {
    run("program", program)
}

/// Draws with `draw` into the skeleton when it is `page`'s (`data-page`); marks it drawn.
fn run(page: &str, draw: impl FnOnce(&Document, &Element, &str) -> Option<()>) -> bool {
    let Some(doc) = document() else {
        return false;
    };
    let Some(skeleton) = doc.get_element_by_id(SKELETON_ID) else {
        return false;
    };
    if skeleton.get_attribute("data-page").as_deref() != Some(page) {
        return false;
    }
    let drawn = draw(&doc, &skeleton, &search()).is_some();
    if drawn {
        let _ = skeleton.set_attribute("data-drawn", "1");
    }
    drawn
}

/// Makes the skeleton inert (the app calls it as it mounts: from then on the app's inputs
/// are the page's, and the skeleton's slider could only be moved in vain).
pub fn freeze() {
    if let Some(e) = document().and_then(|d| d.get_element_by_id(SKELETON_ID)) {
        let _ = e.set_attribute("inert", "");
    }
}

/// Removes the skeleton (the app calls it once its own first chart is drawn).
pub fn hand_over() {
    if let Some(e) = document().and_then(|d| d.get_element_by_id(SKELETON_ID)) {
        e.remove();
    }
}
