//! The smile chart (canvas `data-testid="smile-chart"`): the vol of each strike across the
//! chart's price range, the at-the-money vol dashed, the put and call strikes marked.

use leptos::prelude::*;

use crate::chart::smile::{SmileChart, draw};
use crate::present::display::Display;

use super::canvas::{ChartCanvas, use_canvas};
use super::glossary::Tip;

/// A canvas that paints `chart` with the smile chart's drawing in the page's colours (the
/// smile, and the hour-price chart: one canvas set-up for both).
pub fn smile_canvas(chart: Memo<Option<SmileChart>>) -> ChartCanvas {
    use_canvas(
        move |theme| chart.with(|c| c.as_ref().map(|c| SmileChart { theme, ..c.clone() })),
        draw,
    )
}

/// Strikes across the chart.
const POINTS: usize = 41;

/// The smile of the scenario's `vol`, `rr25` and `bf25`.
#[component]
pub fn SmilePanel(
    /// What the page shows (the view model of the scenario).
    display: Memo<Display>,
) -> impl IntoView {
    let chart = Memo::new(move |_| display.with(|d| d.model.smile_chart(POINTS)));
    let canvas = smile_canvas(chart);
    let drawn_text = Signal::derive(move || canvas.drawn.get().to_string());
    view! {
        <section class="panel smile" aria-labelledby="smile-title" data-drawn=drawn_text>
            <h2 id="smile-title">"Volatility smile"<Tip term="smile" /></h2>
            <p class="hint">"The vol each strike is priced at (rr25, bf25 around the at-the-money vol, dashed); the hedge's put and call are marked."</p>
            <canvas node_ref=canvas.node class="smile-canvas" data-testid="smile-chart" role="img"
                aria-label="Volatility against strike, with the option legs marked">
            </canvas>
        </section>
    }
}
