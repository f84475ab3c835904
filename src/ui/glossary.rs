//! Short definitions of the page's terms, and the tip that shows one next to a label: a small
//! "?" button whose accessible description is the definition (`aria-describedby`), shown on
//! hover, on keyboard focus and on tap; Escape or moving focus away hides it.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use crate::domain::strategy::STRATEGIES;

/// `(id, term, definition)` of the page's terms but the strategies' ([`terms`] has every one).
const PAGE_TERMS: &[(&str, &str, &str)] = &[
    (
        "hashprice",
        "Hashprice",
        "What one unit of hashrate earns per day at the current price and difficulty, here in USD per PH/s per day (the network figure: no pool fee, full uptime).",
    ),
    (
        "coverage",
        "Coverage",
        "The share of the period's expected output that the hedge covers: 100 % hedges all of it, 0 % none.",
    ),
    (
        "breakeven",
        "Breakeven",
        "The final coin price at which revenue equals the period's cost (cost per coin mined).",
    ),
    (
        "smile",
        "Volatility smile",
        "Options at different strikes trade at different vols: the 25-delta risk reversal is the call's vol minus the put's (negative: puts dearer), the butterfly how much both wings sit above the at-the-money vol.",
    ),
    (
        "coin-settled",
        "Coin-settled option",
        "An option paid for and settled in the coin, as on Deribit: the premium is paid in coin at spot and the payoff is the intrinsic value divided by the settlement price, in coin; the USD result converts at the final price, so the premium's coin moves with the price.",
    ),
    (
        "margin",
        "Margin and liquidation",
        "An exchange marks a short forward to market: when the price rises until the collateral left is below the maintenance margin, the hedge is closed out (liquidated) before it pays.",
    ),
    (
        "frontier",
        "Coverage frontier",
        "What each coverage of a hedge gives on the same simulated outcomes: its expected return against its risk (the average of the worst 5 % of returns, and the chance that the period's revenue does not pay its cash cost). More coverage is not always less risk: when output is uncertain, a hedge sized on the expected output can sell coins that are never mined (volume risk).",
    ),
    (
        "curtailment",
        "Curtailment and energy-adjusted hashprice",
        "The energy-adjusted hashprice is what an hour of mining earns per MWh at the coin price: on the index the rig runs only in the hours priced below it (the run share); the curtailment value is what switching off is worth; a PPA resells the hours it does not use (credits).",
    ),
    (
        "delta",
        "Delta",
        "How much the position's value moves per $1 move of the coin price, in coins; selling that many coins makes it delta-neutral.",
    ),
    (
        "var",
        "VaR 95 %",
        "Value at risk: the period's result (revenue + hedge payoff − cost) that 95 % of simulated outcomes reach or beat, in USD and as a return on cost (negative is a loss); CVaR is the average result of the worst 5 %.",
    ),
];

/// `(id, term, definition)` of every glossary entry: the page's terms, then each strategy's
/// from its registry entry.
pub fn terms() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    let strategies = STRATEGIES
        .iter()
        .filter_map(|s| s.glossary.map(|(id, text)| (id, s.label, text)));
    PAGE_TERMS.iter().copied().chain(strategies)
}

/// The definition of the term `id`, if there is one.
pub fn definition(id: &str) -> Option<(&'static str, &'static str)> {
    terms()
        .find(|(i, _, _)| *i == id)
        .map(|(_, term, def)| (term, def))
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A "?" button explaining the term `id` (nothing for an unknown id). Its accessible name is
/// "What is …?", its description the definition.
#[component]
pub fn Tip(
    /// The glossary id of the term ([`terms`]).
    term: &'static str,
) -> impl IntoView {
    let entry = definition(term);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let tip_id = format!("tip-{term}-{n}");
    let open = RwSignal::new(false);
    entry.map(|(name, text)| {
        view! {
            <span class="tip" class:open=move || open.get()
                on:mouseleave=move |_| open.set(false)>
                <button type="button" class="tip-button" data-term=term
                    aria-label=format!("What is {name}?") aria-describedby=tip_id.clone()
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.set(true)
                    on:focus=move |_| open.set(true)
                    on:blur=move |_| open.set(false)
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            open.set(false);
                        }
                    }>"?"</button>
                <span class="tip-text" role="tooltip" id=tip_id>{text}</span>
            </span>
        }
    })
}
