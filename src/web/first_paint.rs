//! The first paint: before the app (Leptos, every panel) has loaded, the small core module
//! decodes the page's link, builds the same view model the app will build, and draws the
//! page's first chart and its headline figures into the static skeleton the HTML already holds
//! (`<div id="first-paint" data-page="period|program">`). The app removes the skeleton once
//! its own chart is drawn ([`hand_over`]), so a reader sees the same chart, drawn by the same
//! code from the same numbers, a little earlier.
//!
//! - Period page: the payoff chart exactly as the app's two stacked canvases show it (the
//!   curves, then the final-price marker), the derived figures (each `dd` with
//!   `data-figure` and its unrounded `data-value`) and the final-price readout.
//! - Program page: the cash-flow chart before the simulation (the app's first picture) and the
//!   summary's figures.
//!
//! Nothing here is interactive: the skeleton says the controls are loading, and it is gone as
//! soon as they are there. Every step that can fail (no skeleton, no canvas, an invalid link)
//! leaves the skeleton as it is; the app draws the page either way.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement};

use crate::chart::payoff::{draw, draw_overlay, PayoffChart};
use crate::chart::Theme;
use crate::link::{Page, Scenario};
use crate::present::display::{display, readout, readout_sentence};

use super::canvas::{paint, surface_of, Layer};
use super::theme::is_dark_now;

/// The skeleton's element id.
pub const SKELETON_ID: &str = "first-paint";

fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The page's query string (`?a=1&b=2`, or empty).
fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The chart colours of the remembered scheme; also written to `<html data-theme>` so the
/// skeleton's colours match before the app sets it.
fn theme(doc: &Document) -> Theme {
    let scheme = super::theme::remembered();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-theme", scheme.word());
    }
    if is_dark_now() {
        Theme::dark()
    } else {
        Theme::light()
    }
}

/// The first `<canvas>` inside `skeleton` with its chart surface (its CSS size now).
fn canvas_in(skeleton: &Element) -> Option<(HtmlCanvasElement, crate::chart::geometry::Surface)> {
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

/// The period page: the payoff chart with the final-price marker, the derived figures and the
/// readout, computed as the app computes them (`ui::app`: the model without the final price,
/// the marker and the readout at it).
fn period(doc: &Document, skeleton: &Element, query: &str) -> Option<()> {
    let scenario = Scenario::from_query(query).scenario;
    let price = scenario.resolved().price;
    let mut without_price = scenario;
    without_price.view.price = Some(Decimal::ZERO);
    let shown = display(&without_price);
    if let Some(list) = slot(skeleton, "figures") {
        for f in &shown.derived {
            figure(doc, &list, f.id, f.label, &f.text, f.value.as_deref());
        }
    }
    if let Some(p) = slot(skeleton, "readout") {
        p.set_text_content(Some(&readout_sentence(&readout(&shown, price))));
    }
    let (canvas, surface) = canvas_in(skeleton)?;
    let theme = theme(doc);
    let base = PayoffChart {
        theme,
        ..shown.chart.lean()
    };
    let frame = paint(&canvas, &surface, Layer::Base, |root, s| {
        draw(root, &base, s)
    })?;
    let moving = PayoffChart {
        series: shown.chart.series.clone(),
        y_format: shown.chart.y_format,
        marker: price.to_f64(),
        theme,
        ..PayoffChart::default()
    };
    // The app's overlay canvas, painted here on the same canvas over the base.
    paint(&canvas, &surface, Layer::Base, |root, s| {
        draw_overlay(root, &moving, &frame, s)
    })?;
    Some(())
}

/// The program page: the cash-flow chart before the simulation and the summary's figures,
/// for the program the app builds (a link without `start` starts next month).
#[cfg(feature = "program")]
fn program(doc: &Document, skeleton: &Element, query: &str) -> Option<()> {
    use crate::present::program::summary;
    use crate::view::program::{cash_flow_chart, ProgramModel};
    let mut scenario = Scenario::from_query(query).scenario;
    scenario.view.page = Page::Program;
    let today = super::today();
    let start = scenario.program.start_or(today);
    scenario.program.start = Some(start);
    let model = ProgramModel::build(&scenario, start).ok()?;
    if let Some(list) = slot(skeleton, "figures") {
        for f in summary(&model, None) {
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
    Some(())
}

/// Draws the page's first chart and figures into the skeleton and sets the
/// [`super::DRAWN_MARK`]; `false` when there was nothing to draw on or the link could not
/// be drawn (the app then draws the page alone).
pub fn run() -> bool {
    let Some(doc) = document() else {
        return false;
    };
    let Some(skeleton) = doc.get_element_by_id(SKELETON_ID) else {
        return false;
    };
    let query = search();
    let drawn = match skeleton.get_attribute("data-page").as_deref() {
        Some("period") => {
            // A program link on the period page is on its way to the program page.
            let leaving = Scenario::from_query(&query).scenario.view.page == Page::Program;
            !leaving && period(&doc, &skeleton, &query).is_some()
        }
        #[cfg(feature = "program")]
        Some("program") => program(&doc, &skeleton, &query).is_some(),
        _ => false,
    };
    if drawn {
        let _ = skeleton.set_attribute("data-drawn", "1");
        super::mark_drawn();
    }
    drawn
}

/// Removes the skeleton (the app calls it once its own first chart is drawn).
pub fn hand_over() {
    if let Some(e) = document().and_then(|d| d.get_element_by_id(SKELETON_ID)) {
        e.remove();
    }
}
