//! The strategy comparison table: one row per strategy, the best value of each column
//! highlighted, a click (or Enter/Space on a focused row) selects that hedge.

use leptos::prelude::*;

use crate::view::decide::{select_edits, ComparisonTable};
use crate::view::StrategyKind;

use super::state::use_page;

/// The comparison (`data-testid="strategy-compare"`); `table` comes from
/// [`crate::view::decide::comparison_table`], `running` tells whether VaR/CVaR are still being
/// simulated.
#[component]
pub fn StrategyCompare(table: Memo<ComparisonTable>, running: Signal<bool>) -> impl IntoView {
    let page = use_page();
    let select = move |kind: StrategyKind| {
        for (key, value) in select_edits(kind) {
            page.edit(key, value.to_owned());
        }
    };
    let rows = move || {
        table.with(|t| {
            t.lines
                .iter()
                .map(|line| {
                    let kind = line.kind;
                    let label = kind.label();
                    let cells = line
                        .cells
                        .iter()
                        .zip(&line.best)
                        .map(|(text, best)| {
                            view! {
                                <td class:best=*best
                                    aria-description=best.then_some("best in this column")
                                    title=best.then_some("Best in this column")>
                                    {text.clone()}
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr tabindex="0" class:selected=line.selected
                            aria-selected=line.selected.to_string()
                            data-strategy=label
                            aria-label=format!("{label}: select this hedge")
                            on:click=move |_| select(kind)
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                let k = ev.key();
                                if k == "Enter" || k == " " {
                                    ev.prevent_default();
                                    select(kind);
                                }
                            }>
                            <th scope="row">{label}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Strategy comparison"</h2>
            <p class="hint">"At the current coverage and inputs. Click a row (or focus it and press Enter) to show that hedge; "
                <span class="best-key">"highlighted"</span>" = best in its column. P(·) and expected return: lognormal price; VaR/CVaR 95%: the simulation below"
                {move || running.get().then_some(" (running…)")}"."</p>
            <div class="table-scroll">
                <table data-testid="strategy-compare" role="grid" aria-readonly="true">
                    <thead>
                        <tr>{move || table.with(|t| t.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
