//! The hour's power price against the energy-adjusted hashprice at the final price: the share
//! of hours priced below each price (canvas `data-testid="hour-price-chart"`), how many hours
//! the rig runs.

use leptos::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::present::display::Display;

use super::glossary::Tip;
use super::smile::smile_canvas;
use super::state::use_page;

/// The chart for the final price `price` (index and ppa contracts only; hidden otherwise).
/// During a price drag it keeps its picture and repaints when the drag pauses or ends.
#[component]
pub fn HourPricesPanel(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
    /// The final price.
    price: Memo<Decimal>,
) -> impl IntoView {
    let dragging = use_page().dragging;
    let hours = move || {
        let s = price.get().to_f64()?;
        display.with(|d| d.model.power.as_ref().and_then(|p| p.hour_chart(s)))
    };
    // During a drag nothing new: the canvas keeps its picture.
    let chart = Memo::new(move |_| {
        if dragging.get() {
            return None;
        }
        hours().map(|c| c.chart())
    });
    let canvas = smile_canvas(chart);
    let drawn_text = Signal::derive(move || canvas.drawn.get().to_string());
    let shown = Signal::derive(move || {
        display.with(|d| d.model.power.as_ref().is_some_and(|p| p.curtails()))
    });
    let label = move || {
        hours().map(|c| {
            let (runs, off) = c.share_labels();
            format!(
                "The share of hours priced below each power price, against the {}: {runs}, {off}",
                c.ehp_label()
            )
        })
    };
    view! {
        <section class="panel hour-prices" aria-labelledby="hour-prices-title" data-drawn=drawn_text
            hidden=move || !shown.get()>
            <h2 id="hour-prices-title">"Hours the rig runs"<Tip term="curtailment" /></h2>
            <canvas node_ref=canvas.node class="hour-prices-canvas" data-testid="hour-price-chart" role="img"
                aria-label=label>
            </canvas>
        </section>
    }
}
