//! The treasury panel (`data-testid="treasury"`): the loan's figures (each with its
//! `data-testid`, `data-figure` and unrounded `data-value`), the treasury chart
//! (`treasury-chart`: value against selling every coin, the price fan with the loan's
//! prices) and the treasury table (`treasury-table`, each cell with `data-col` and
//! `data-value`). Without a treasury it says how to keep one; a treasury input the engine
//! refuses is named (`treasury-error`) and the rest of the page keeps working.

use leptos::prelude::*;

use crate::chart::treasury::{TreasuryChart, draw};
use crate::domain::program::ProgramStats;
use crate::present::Figure;
use crate::present::message_text;
use crate::present::treasury::{TREASURY_COLUMNS, loan_figures, treasury_table};
use crate::view::program::ProgramModel;
use crate::view::treasury::{TreasuryView, treasury_chart};

use super::super::canvas::use_canvas;
use super::app::Built;
use super::cell_table::CellTable;
use super::runner::RunState;

/// `f` of the built treasury and the simulation's statistics; `None` without a treasury (or
/// with one the engine refused). Tracks both.
fn with_treasury<T>(
    built: Built,
    run: RunState,
    f: impl Fn(&ProgramModel, &TreasuryView, Option<&ProgramStats>) -> T,
) -> Option<T> {
    built.with(|b| {
        let m = b.as_ref().ok()?;
        let Some(Ok(t)) = &m.treasury else {
            return None;
        };
        run.stats.with(|s| Some(f(m, t, s.as_ref())))
    })
}

/// The loan's figures, each with its `data-testid`, `data-figure` and `data-value`.
fn figure_list(figures: impl Fn() -> Vec<Figure> + Send + Sync + 'static) -> impl IntoView {
    view! {
        <dl class="figures">
            {move || figures().into_iter().map(|f| {
                let value = f.value.clone();
                view! {
                    <div class="figure" data-figure=f.id data-testid=f.id data-value=value>
                        <dt>{f.label}</dt>
                        <dd data-value=f.value>{f.text}</dd>
                    </div>
                }
            }).collect_view()}
        </dl>
    }
}

/// The treasury panel.
#[component]
pub fn TreasuryPanel(
    /// The built program.
    built: Built,
    /// The simulation (the value bands, the month-end margin calls).
    run: RunState,
    /// Whether the table is mounted yet (the page mounts it a frame after the panel).
    table: Signal<bool>,
) -> impl IntoView {
    let state = Memo::new(move |_| {
        built.with(
            |b| match b.as_ref().ok().and_then(|m| m.treasury.as_ref()) {
                None => "none",
                Some(Err(_)) => "error",
                Some(Ok(_)) => "ready",
            },
        )
    });
    let error = move || {
        built.with(|b| {
            let m = b.as_ref().ok()?;
            let Some(Err(e)) = &m.treasury else { return None };
            Some(view! { <p class="field-error" role="alert" data-testid="treasury-error">{message_text(e)}</p> })
        })
    };
    let figures = move || with_treasury(built, run, loan_figures).unwrap_or_default();
    let rows = move || with_treasury(built, run, treasury_table).unwrap_or_default();
    let canvas = use_canvas(
        move |theme| {
            with_treasury(built, run, |m, t, s| TreasuryChart {
                theme,
                ..treasury_chart(m, t, s)
            })
        },
        draw,
    );
    let drawn = Signal::derive(move || canvas.drawn.get().to_string());
    view! {
        <section class="panel treasury" aria-labelledby="treasury-title" data-testid="treasury"
            data-state=move || state.get() data-drawn=drawn>
            <h2 id="treasury-title">"Treasury"</h2>
            <p class="hint" hidden=move || state.get() != "none">
                "Every mined coin is sold in its month. Keep some (sell below 100 %), start with coins (hold0), lend them, borrow against them or write calls on them to see the treasury month by month."
            </p>
            {error}
            <div hidden=move || state.get() != "ready">
                {figure_list(figures)}
                <canvas node_ref=canvas.node class="program-canvas" data-testid="treasury-chart" role="img"
                    aria-label="The treasury's value month by month (median and P5 to P95) against selling every coin, and the price's median and P5 to P95 with the loan's margin-call and liquidation prices">
                </canvas>
                <p class="hint">"Continuous: the chance the price touches the price before the end (closed form). Simulated: the share of paths whose LTV at a month's end reached the limit (monthly monitoring, never above the continuous figure but for noise). The plan's columns are at each month's forward; the P5, P50 and P95 are simulated."</p>
                {move || table.get().then(|| view! {
                    <CellTable testid="treasury-table" columns=&TREASURY_COLUMNS rows=Signal::derive(rows) />
                })}
            </div>
        </section>
    }
}
