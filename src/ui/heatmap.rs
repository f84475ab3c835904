//! Volume risk: the heat map of the hedged return over final price × difficulty change
//! (canvas `data-testid="volume-heatmap"`), the over-hedging warning
//! (`data-testid="overhedge-warning"`) and the halving-day input (rig mode).

use leptos::prelude::*;

use crate::chart::heatmap::{HeatmapChart, draw};
use crate::link::Key;
use crate::present::display::Display;
use crate::present::volume_risk::{NO_HEATMAP, overhedge_warning};
use crate::view::volume_risk::volume_risk;

use super::canvas::use_canvas;
use super::field::Field;
use super::state::use_page;

/// Prices across the heat map.
const PRICE_POINTS: usize = 41;

/// Heat map, warning and halving day.
#[component]
pub fn VolumeRiskPanel(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
) -> impl IntoView {
    let page = use_page();
    let mode = page.text(Key::Mode);
    let risk = Memo::new(move |_| display.with(|d| volume_risk(&d.model, PRICE_POINTS)));
    let canvas = use_canvas(
        move |theme| {
            risk.with(|r| {
                r.as_ref().map(|r| HeatmapChart {
                    theme,
                    ..r.chart.clone()
                })
            })
        },
        draw,
    );

    let message = move || {
        risk.with(|r| match r {
            Some(r) => overhedge_warning(r).map(|w| {
                view! {
                    <p class="overhedge-warning" data-testid="overhedge-warning" role="alert">{w}</p>
                }
                .into_any()
            }),
            None => Some(view! { <p class="hint">{NO_HEATMAP}</p> }.into_any()),
        })
    };
    let not_rig = Signal::derive(move || mode.with(|m| m != "rig"));
    let drawn_text = Signal::derive(move || canvas.drawn.get().to_string());
    let halving = view! { <Field spec=Key::Halving.spec() /> };
    view! {
        <section class="panel heatmap" aria-labelledby="heatmap-title" data-drawn=drawn_text>
            <h2 id="heatmap-title">"Volume risk: difficulty × price"</h2>
            <p class="hint">"A coin hedge is a fixed quantity of coin; when difficulty rises, fewer coins are mined (a hashprice forward shrinks with them). Hedged return of the chosen hedge for each final price and difficulty change over the period (−20% … +50%); the ring marks spot at the expected difficulty."</p>
            <div class="heatmap-messages">{message}</div>
            <canvas node_ref=canvas.node class="decide-canvas" data-testid="volume-heatmap" role="img"
                aria-label="Heat map of the hedged period return over final price and difficulty change">
            </canvas>
            <div class="halving" hidden=not_rig>{halving}</div>
        </section>
    }
}
