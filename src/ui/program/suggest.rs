//! The suggested ladder (`data-testid="suggested-ladder"`): for each hedged month, the least
//! coverage of its hedge (1 % steps, at most `pmax`) that keeps the chance of a negative net
//! cash at or under `pneg` on the simulation's paths; "apply" writes it to `pcov`, and the
//! quick fill writes a ladder in equal steps from the first month's suggestion to the last's
//! (declining when the near months need more cover, as they usually do).
//!
//! The scan runs in the page's worker after the simulation
//! ([`ProgramRun::least_coverage`](crate::domain::program::ProgramRun::least_coverage), the
//! runner's job), so no frame waits for it; a new target starts it again on the same paths.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::format::percent_f64;
use crate::link::Key;
use crate::present::FigureValue;
use crate::present::program::month_label;
use crate::view::edit::declining;
use crate::view::program::{Suggestion, suggested_coverage_text, suggestion_terms};

use super::super::inputs::fields;
use super::super::state::use_page;
use super::app::{Built, month_values};
use super::runner::RunState;

/// One month's row: its label, the coverage now, the suggestion and its chance of a negative
/// month (each number with its `data-value`, the chance in percent).
fn suggestion_row(s: &Suggestion, label: String, coverage: String) -> impl IntoView + use<> {
    // Without a suggestion the cell has no data-value, and says so in words (the cap is the
    // "pmax" input above).
    let (text, value) = match s.coverage_pct {
        Some(c) => (format!("{c}%"), Some(c.to_string())),
        None => ("none within the cap".to_string(), None),
    };
    let coverage_value = coverage.clone();
    let prob = FigureValue::from(s.prob_negative * 100.0).into_text();
    view! {
        <tr data-month=s.month + 1>
            <th scope="row">{label}</th>
            <td data-col="coverage" data-value=coverage_value>{coverage}"%"</td>
            <td data-col="suggested" data-value=value>{text}</td>
            <td data-col="prob_negative" data-value=prob>{percent_f64(s.prob_negative, 1)}</td>
        </tr>
    }
}

/// The panel.
#[component]
pub fn SuggestedLadder(
    /// The built program.
    built: Built,
    /// The simulation (its suggested ladder).
    run: RunState,
) -> impl IntoView {
    let page = use_page();
    let terms = Memo::new(move |_| page.scenario.with(suggestion_terms));
    let result = run.suggestions;
    let current_pcov = move || {
        built.track();
        month_values(built, |_, r| Some(r.coverage_pct.normalize().to_string()))
    };
    let rows = move || {
        let labels = month_values(built, |_, r| Some(month_label(r.start)));
        let now = current_pcov();
        result.with(|r| {
            r.iter()
                .flatten()
                .map(|s| {
                    let label = labels.get(s.month).cloned().unwrap_or_default();
                    let coverage = now.get(s.month).cloned().unwrap_or_default();
                    suggestion_row(s, label, coverage)
                })
                .collect_view()
        })
    };
    let apply = move |_| {
        let text = result.with_untracked(|r| {
            r.as_ref()
                .map(|r| suggested_coverage_text(&current_pcov(), r, terms.get_untracked().1))
        });
        if let Some(t) = text {
            page.edit(Key::MonthCoverage, t);
        }
    };
    let decline = move |_| {
        let ends = result.with_untracked(|r| {
            r.as_ref().and_then(|r| {
                let c = |s: &Suggestion| {
                    Decimal::from(s.coverage_pct.unwrap_or(terms.get_untracked().1))
                };
                Some((c(r.first()?), c(r.last()?)))
            })
        });
        let months = built.with_untracked(|b| b.as_ref().map_or(0, |m| m.program.rows().len()));
        if let Some((first, last)) = ends {
            page.edit(Key::MonthCoverage, declining(first, last, months as u32));
        }
    };
    let state = move || {
        if result.with(Option::is_some) {
            "done"
        } else {
            "running"
        }
    };
    view! {
        <section class="panel suggested-ladder" aria-labelledby="suggested-title" data-testid="suggested-ladder" data-state=state>
            <h2 id="suggested-title">"Suggested ladder"</h2>
            <p class="hint">"The least coverage of each month's hedge that keeps the chance of a negative month at or under the target, on the simulation's paths."</p>
            <div class="mc-inputs">{fields(&[Key::NegativeTarget, Key::MaxCoverage])}</div>
            <div class="table-scroll">
                <table data-testid="suggested-table">
                    <thead><tr><th scope="col">"Month"</th><th scope="col">"Coverage now"</th><th scope="col">"Suggested"</th><th scope="col">"P(net cash < 0)"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="report-actions">
                <button type="button" data-testid="apply-suggested" disabled=move || result.with(Option::is_none) on:click=apply>"Apply the suggested ladder"</button>
                <button type="button" data-testid="fill-declining-suggested" disabled=move || result.with(Option::is_none) on:click=decline>"A straight line from the first suggestion to the last"</button>
            </div>
        </section>
    }
}
