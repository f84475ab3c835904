//! The cash-flow chart (`data-testid="program-chart"`): monthly net cash with its P5–P95 band
//! and median, program against unhedged, the $0 line and the halving month; cumulative
//! cash beside it. Before the simulation finishes its panels are empty and say so.

use leptos::prelude::*;

use crate::chart::program::{CashFlowChart, draw};
use crate::view::program::cash_flow_chart;

use super::super::canvas::use_canvas;
use super::super::chart::mark_drawn;
use super::app::Built;
use super::runner::RunState;

/// The chart panel.
#[component]
pub fn ProgramChart(
    /// The built program.
    built: Built,
    /// The simulation.
    run: RunState,
) -> impl IntoView {
    let canvas = use_canvas(
        move |theme| {
            built.with(|b| {
                let m = b.as_ref().ok()?;
                run.stats.with(|s| {
                    Some(CashFlowChart {
                        theme,
                        ..cash_flow_chart(m, s.as_ref())
                    })
                })
            })
        },
        draw,
    );
    // The browser benchmark times the first chart by this mark, as on the period page.
    Effect::new(move |_| {
        if canvas.drawn.get() > 0 {
            mark_drawn();
            // The app's chart is on screen: the first paint's skeleton goes.
            crate::web::first_paint::hand_over();
        }
    });
    let drawn = Signal::derive(move || canvas.drawn.get().to_string());
    let simulated = Signal::derive(move || run.stats.with(Option::is_some).to_string());
    view! {
        <section class="panel program-chart" aria-labelledby="program-chart-title"
            data-drawn=drawn data-simulated=simulated>
            <h2 id="program-chart-title">"Cash flow"</h2>
            <canvas node_ref=canvas.node class="program-canvas" data-testid="program-chart" role="img"
                aria-label="Monthly and cumulative net cash (after the cost) of the hedged program against unhedged: median and P5 to P95 band, with the $0 line and the halving month">
            </canvas>
        </section>
    }
}
