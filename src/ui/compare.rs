//! The strategy comparison table: one row per strategy, the best value of each column
//! highlighted; the strategy's button (or a click anywhere on its row, or Enter/Space on the
//! focused row) selects that hedge. Rows are keyed by strategy and their cells update in
//! place, so a re-render (a new selection, a finished simulation) never moves the focus.

use leptos::prelude::*;

use crate::present::Figure;
use crate::present::compare::{
    BEST_DESCRIPTION, BEST_TITLE, ComparisonTable, choose_label, header,
};
use crate::present::montecarlo::RISK_CONVENTION;
use crate::view::StrategyKind;
use crate::view::compare::Column;
use crate::view::select::select_edits;

use super::state::use_page;

/// The comparison (`data-testid="strategy-compare"`) of `table`; `running` tells whether
/// VaR/CVaR are still being simulated.
#[component]
pub fn StrategyCompare(
    /// The table's texts.
    table: Memo<ComparisonTable>,
    /// `true` while the simulation for VaR/CVaR runs.
    running: Signal<bool>,
) -> impl IntoView {
    let page = use_page();
    let select = move |kind: StrategyKind| {
        for (key, value) in select_edits(kind) {
            page.edit(key, value.to_owned());
        }
    };
    // The rows change only when the set of strategies does (a memo: not on every input).
    let kinds = Memo::new(move |_| {
        table.with(|t| t.lines.iter().filter_map(|l| l.kind).collect::<Vec<_>>())
    });
    let tips = std::iter::once(None).chain(Column::ALL.iter().map(|c| Some(c.tip())));
    let head = header()
        .into_iter()
        .zip(tips)
        .map(|(text, tip)| view! { <th scope="col" title=tip>{text}</th> })
        .collect_view();
    let row = move |kind: StrategyKind| {
        let selected = Memo::new(move |_| table.with(|t| t.line(kind).is_some_and(|l| l.selected)));
        let cells = (0..Column::ALL.len())
            .map(|i| {
                let best = Memo::new(move |_| {
                    table.with(|t| {
                        t.line(kind)
                            .and_then(|l| l.best.get(i).copied())
                            .unwrap_or(false)
                    })
                });
                let cell = move |get: fn(&Figure) -> Option<String>| {
                    move || {
                        table.with(|t| t.line(kind).and_then(|l| l.cells.get(i)).and_then(get))
                    }
                };
                let text = cell(|c| Some(c.text.clone()));
                let value = cell(|c| c.value.clone());
                // VaR and CVaR: the return on cost next to the USD value.
                let ret = move || {
                    table.with(|t| t.line(kind).and_then(|l| l.returns.get(i).cloned().flatten()))
                };
                view! {
                    <td data-col=Column::ALL[i].id() data-value=value data-return=ret class:best=best
                        aria-description=move || best.get().then_some(BEST_DESCRIPTION)
                        title=move || best.get().then_some(BEST_TITLE)>{text}</td>
                }
            })
            .collect_view();
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            // Keys on the row's button reach it as a click; only the focused row itself is
            // handled here.
            let on_row = ev.target().is_some() && ev.target() == ev.current_target();
            let k = ev.key();
            if on_row && (k == "Enter" || k == " ") {
                ev.prevent_default();
                select(kind);
            }
        };
        view! {
            <tr tabindex="-1" class:selected=selected data-strategy=kind.label()
                aria-selected=move || selected.get().to_string()
                on:click=move |_| select(kind) on:keydown=on_key>
                <th scope="row">
                    <button type="button" class="choose" aria-label=choose_label(kind)
                        aria-pressed=move || selected.get().to_string()>{kind.label()}</button>
                </th>
                {cells}
            </tr>
        }
    };
    let note = Signal::derive(move || if running.get() { " (running…)" } else { "" });
    view! {
        <section class="panel compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Strategy comparison"</h2>
            <p class="hint">"At the current coverage and inputs. Click a row (or focus it and press Enter) to show that hedge; "
                <span class="best-key">"highlighted"</span>" = best in its column. P(·) and expected return: lognormal price; VaR/CVaR 95%: the simulation below"
                {note}". "{RISK_CONVENTION}" "{move || table.with(|t| t.note)}</p>
            <div class="table-scroll">
                <table data-testid="strategy-compare">
                    <thead><tr>{head}</tr></thead>
                    <tbody>
                        {move || kinds.get().into_iter().map(row).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
