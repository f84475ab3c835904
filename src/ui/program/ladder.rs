//! The ladder editor (`data-testid="ladder-editor"`): each month's hedge, coverage, put
//! strike, lower put strike and call strike, edited in place (each edit rewrites that month's item of the
//! link's list, through the same codec as a link), and the quick fills: one hedge for every
//! month, a flat coverage, or a coverage declining from the first month to the last.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::link::{HEDGE_WORDS, HedgeChoice, Key};
use crate::present::program::month_label;
use crate::view::edit::{declining, with_item};

use super::super::state::{PageState, use_page};
use super::app::{Built, month_values};

/// Rewrites month `i` of the list of `key` with `text`.
fn edit_month(page: PageState, key: Key, i: usize, text: String) {
    let list = page.scenario.with_untracked(|s| s.get_key(key));
    page.edit(key, with_item(&list, i, &text));
}

/// One month's row of the editor.
fn month_row(page: PageState, i: usize, label: String) -> impl IntoView {
    let s = page.scenario;
    let item = move |key: Key| {
        s.with(|s| {
            let text = s.get_key(key);
            let items: Vec<&str> = text.split(',').collect();
            items
                .get(i)
                .or(items.last())
                .map(|t| t.to_string())
                .unwrap_or_default()
        })
    };
    let input = move |key: Key, name: &'static str| {
        view! {
            <td data-col=key.as_str()><input type="text" inputmode="decimal" autocomplete="off"
                aria-label=format!("{name}, {}", label_for(i))
                data-testid=format!("ladder-{}-{}", key.as_str(), i + 1)
                prop:value=move || item(key)
                on:change=move |ev| edit_month(page, key, i, event_target_value(&ev)) /></td>
        }
    };
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td data-col="hedge"><select aria-label=format!("Hedge, {}", label_for(i))
                data-testid=format!("ladder-ph-{}", i + 1)
                on:change=move |ev| edit_month(page, Key::MonthHedges, i, event_target_value(&ev))>
                {HEDGE_WORDS.iter().map(|w| view! {
                    <option value=*w selected=move || item(Key::MonthHedges) == *w>
                        {HedgeChoice::parse(w).map(HedgeChoice::label).unwrap_or(w)}
                    </option>
                }).collect_view()}
            </select></td>
            {input(Key::MonthCoverage, "Coverage %")}
            {input(Key::MonthPutStrikes, "Put strike % of forward")}
            {input(Key::MonthPut2Strikes, "Lower put strike % of forward")}
            {input(Key::MonthCallStrikes, "Call strike % of forward or zero")}
        </tr>
    }
}

fn label_for(i: usize) -> String {
    format!("month {}", i + 1)
}

/// The quick fills.
fn quick_fills(page: PageState) -> impl IntoView {
    let first = RwSignal::new("80".to_string());
    let last = RwSignal::new("40".to_string());
    let parse = |t: String| t.trim().parse::<Decimal>().ok();
    let flat = move |_| page.edit(Key::MonthCoverage, first.get_untracked());
    let decline = move |_| {
        let months = page.scenario.with_untracked(|s| s.program.months);
        match (parse(first.get_untracked()), parse(last.get_untracked())) {
            (Some(f), Some(l)) => page.edit(Key::MonthCoverage, declining(f, l, months)),
            // Not numbers: the codec names the bad value at the coverage field.
            _ => page.edit(
                Key::MonthCoverage,
                format!("{},{}", first.get_untracked(), last.get_untracked()),
            ),
        }
    };
    view! {
        <div class="quick-fills" role="group" aria-label="Quick fills">
            <label>"Every month: "
                <select data-testid="fill-hedge" on:change=move |ev| page.edit(Key::MonthHedges, event_target_value(&ev))>
                    <option value="" selected>"(choose a hedge)"</option>
                    {HEDGE_WORDS.iter().map(|w| view! {
                        <option value=*w>{HedgeChoice::parse(w).map(HedgeChoice::label).unwrap_or(w)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"First month coverage % "
                <input type="text" inputmode="decimal" data-testid="fill-first" size="5"
                    prop:value=move || first.get() on:input=move |ev| first.set(event_target_value(&ev)) />
            </label>
            <label>"Last month coverage % "
                <input type="text" inputmode="decimal" data-testid="fill-last" size="5"
                    prop:value=move || last.get() on:input=move |ev| last.set(event_target_value(&ev)) />
            </label>
            <button type="button" data-testid="fill-flat" on:click=flat>"Flat (first month's %)"</button>
            <button type="button" data-testid="fill-declining" on:click=decline>"Declining, first to last"</button>
        </div>
    }
}

/// The editor.
#[component]
pub fn LadderEditor(
    /// The built program (its months label the rows).
    built: Built,
) -> impl IntoView {
    let page = use_page();
    let labels = Memo::new(move |_| {
        built.track();
        month_values(built, |_, r| Some(month_label(r.start)))
    });
    view! {
        <section class="panel ladder" aria-labelledby="ladder-title" data-testid="ladder-editor">
            <h2 id="ladder-title">"Hedge ladder"</h2>
            {quick_fills(page)}
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">"Month"</th><th scope="col">"Hedge"</th>
                        <th scope="col">"Coverage %"</th><th scope="col">"Put strike, % of forward"</th>
                        <th scope="col">"Lower put strike, % of forward"</th>
                        <th scope="col">"Call strike, % of forward or zero"</th>
                    </tr></thead>
                    <tbody>
                        {move || labels.get().into_iter().enumerate()
                            .map(|(i, l)| month_row(page, i, l)).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
