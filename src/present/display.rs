//! What the page shows of one scenario, as text and chart data: the view model
//! ([`crate::view::Model`]) formatted with [`crate::format`] — the payoff table, the derived
//! figures, the final-price readout and the engine's messages. No computation here beyond
//! choosing what to show.

use rust_decimal::Decimal;

use super::payoff::payoff_chart;
use super::{Figure, DASH};
use crate::chart::payoff::PayoffChart;
use crate::format::{coin, number, percent, percent_f64, usd, usd_cents, usd_cents_f64};
use crate::link::{LinkError, Scenario};
use crate::view::{Model, PremiumSource};

/// The final-price readout.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Readout {
    /// Final price, e.g. `$250`.
    pub price: String,
    /// Revenue of the period at that price.
    pub revenue: String,
    /// Hedge payoff at that price.
    pub hedge: String,
    /// Hedged total.
    pub total: String,
    /// Return on the period cost, one decimal, e.g. `18.2%`.
    pub ret: String,
}

/// Everything the page displays for one scenario (its final price aside: see [`readout`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Display {
    /// The view model it was formatted from.
    pub model: Model,
    /// Table header.
    pub header: Vec<String>,
    /// Table rows, one cell per header column.
    pub rows: Vec<Vec<String>>,
    /// Derived figures as `(testid, label, value)`.
    pub derived: Vec<Figure>,
    /// The payoff chart's data (the first series is the chosen strategy).
    pub chart: PayoffChart,
    /// The engine's messages, each prefixed with the link key it is about.
    pub errors: Vec<String>,
}

/// An engine `f64` with `dp` decimals and thousands separators; a dash when not finite.
fn number_f64(x: f64, dp: u32) -> String {
    use rust_decimal::prelude::FromPrimitive;
    Decimal::from_f64(x)
        .map(|d| number(d, dp))
        .unwrap_or_else(|| DASH.to_owned())
}

fn money_or_dash(v: Option<Decimal>) -> String {
    v.map(usd_cents).unwrap_or_else(|| DASH.to_owned())
}

fn derived(m: &Model) -> Vec<Figure> {
    let s = &m.scenario;
    let mut out = Vec::new();
    if let Some(e) = &m.economics {
        out.push(Figure::new(
            "expected-output",
            "Expected output",
            coin(e.output, 6, &s.economics.coin),
        ));
        out.push(Figure::new("period-cost", "Period cost", usd(e.cost)));
        out.push(Figure::new(
            "breakeven",
            "Breakeven (cost per coin)",
            usd_cents(e.breakeven),
        ));
        out.push(Figure::new(
            "margin-at-spot",
            "Margin at spot",
            usd(e.margin_at_spot),
        ));
        if let Some(r) = &e.rig {
            let per_ph = r.hashprice * Decimal::ONE_THOUSAND;
            out.push(
                Figure::new(
                    "hashprice",
                    // Quoted per PH/s per day, as the industry does (USD per TH/s per day is
                    // a number of a few cents).
                    "Hashprice (USD/PH/day)",
                    usd_cents(per_ph),
                )
                .with_value(per_ph),
            );
            hashprice_figures(m, &mut out);
            out.push(Figure::new("power-cost", "Power cost", usd(r.power_cost)));
        }
    }
    let opt = m.options.as_ref();
    let source = |src: PremiumSource| match src {
        PremiumSource::Model => "",
        PremiumSource::Quoted => " (quoted)",
    };
    out.push(Figure::new(
        "put-premium",
        "Put premium per coin",
        opt.map(|o| format!("{}{}", usd_cents(o.put.premium), source(o.put.source)))
            .unwrap_or_else(|| DASH.to_owned()),
    ));
    for (id, label, leg) in [
        ("put-vol", "Put vol (smile)", opt.map(|o| o.put)),
        ("call-vol", "Call vol (smile)", opt.and_then(|o| o.call)),
    ] {
        let vol = leg.map(|l| l.vol * 100.0);
        let f = Figure::new(
            id,
            label,
            vol.map(|v| percent_f64(v / 100.0, 2))
                .unwrap_or_else(|| DASH.to_owned()),
        );
        out.push(match vol {
            Some(v) => f.with_value(v),
            None => f,
        });
    }
    margin_figures(m, &mut out);
    if let Some(c) = m
        .chosen()
        .map(|c| c.position.coin_premium())
        .filter(|c| !c.is_zero())
    {
        out.push(
            Figure::new(
                "premium-coin",
                "Net premium paid in coin (coin-settled)",
                coin(c.round_dp(8).normalize(), 8, &s.economics.coin),
            )
            .with_value(c),
        );
    }
    out.push(Figure::new(
        "call-premium",
        "Call premium per coin",
        opt.and_then(|o| o.call)
            .map(|c| format!("{}{}", usd_cents(c.premium), source(c.source)))
            .unwrap_or_else(|| DASH.to_owned()),
    ));
    out.push(Figure::new(
        "call-strike",
        if opt.is_some_and(|o| o.call_solved) {
            "Call strike (zero-cost, solved)"
        } else {
            "Call strike"
        },
        money_or_dash(opt.and_then(|o| o.call).map(|c| c.strike)),
    ));
    out.push(Figure::new(
        "net-premium",
        "Net premium per coin (paid)",
        money_or_dash(opt.map(|o| o.net_per_coin)),
    ));
    out.push(Figure::new(
        "net-premium-carried",
        "Net premium carried to the end",
        money_or_dash(opt.map(|o| o.net_carried)),
    ));
    out.push(Figure::new(
        "order-ticket",
        "Order ticket (inverse forward)",
        m.ticket.clone().unwrap_or_else(|| DASH.to_owned()),
    ));
    out.push(Figure::new(
        "locked-return",
        "Locked return (inverse forward)",
        m.locked_return
            .map(|r| percent(r, 1))
            .unwrap_or_else(|| DASH.to_owned()),
    ));
    if let Some(g) = &m.greeks {
        out.push(Figure::new(
            "position-delta",
            "Position delta (coins)",
            number_f64(g.delta, 4),
        ));
        // Gamma per 1 % move of spot (coins of delta), a readable size for any coin price.
        let spot = crate::domain::validate::dec_f64(s.market.spot);
        out.push(Figure::new(
            "position-gamma",
            "Position gamma (delta change per 1 % move, coins)",
            number_f64(g.gamma * spot * 0.01, 4),
        ));
        out.push(Figure::new(
            "position-vega",
            "Position vega (per 1.00)",
            usd_cents_f64(g.vega),
        ));
        out.push(Figure::new(
            "position-theta",
            "Position theta per day",
            usd_cents_f64(g.theta_per_day),
        ));
        out.push(Figure::new(
            "delta-neutral",
            "Sell for delta-neutral (coins)",
            number_f64(g.delta_neutral_sale, 4),
        ));
    }
    out
}

/// The hashprice forward's figures (rig mode): its fixed hashprice and the coverage that
/// makes the period's revenue independent of price and difficulty, `(1 − pool)·uptime`.
fn hashprice_figures(m: &Model, out: &mut Vec<Figure>) {
    let s = &m.scenario;
    let fixed = s.resolved().hashprice_fixed;
    out.push(
        Figure::new(
            "hashprice-fixed",
            "Fixed hashprice sold (USD/PH/day)",
            usd_cents(fixed),
        )
        .with_value(fixed),
    );
    let r = &s.economics.rig;
    let locked = (Decimal::ONE_HUNDRED - r.pool_fee_pct) * r.uptime_pct / Decimal::ONE_HUNDRED;
    out.push(
        Figure::new(
            "hash-coverage",
            "Coverage that locks the revenue (hashprice forward)",
            percent(locked / Decimal::ONE_HUNDRED, 2),
        )
        .with_value(locked),
    );
}

/// Margin of the chosen forward hedge: the liquidation price, the probability of touching
/// it before settlement, and the collateral that brings it to `pliq`.
fn margin_figures(m: &Model, out: &mut Vec<Figure>) {
    let Some(r) = &m.margin else {
        return;
    };
    let liq = r.liquidation_price;
    let f = Figure::new(
        "liq-price",
        "Liquidation price",
        liq.map(usd_cents_f64).unwrap_or_else(|| "never".to_owned()),
    );
    out.push(match liq {
        Some(x) => f.with_value(x),
        None => f,
    });
    out.push(
        Figure::new(
            "liq-prob",
            "Chance of liquidation before settlement",
            percent_f64(r.liquidation_probability, 2),
        )
        .with_value(r.liquidation_probability * 100.0),
    );
    out.push(
        Figure::new(
            "coll-needed",
            "Collateral for the target chance",
            usd_cents_f64(r.collateral_needed),
        )
        .with_value(r.collateral_needed),
    );
    out.push(
        Figure::new(
            "collateral",
            "Collateral posted",
            usd_cents_f64(r.collateral),
        )
        .with_value(r.collateral),
    );
}

/// Formats the view model of `scenario`.
///
/// ```
/// use minerhedge::{link::Scenario, present::display::display};
/// let d = display(&Scenario::default());
/// assert_eq!(d.rows[0], ["$200", "$1,000", "$300", "$1,300", "18.2%"]);
/// ```
pub fn display(scenario: &Scenario) -> Display {
    let model = Model::build(scenario);
    // The inverse forward settles in coin: one more column before the return.
    let settles = model.table.iter().any(|r| r.settlement_coin.is_some());
    let mut header: Vec<String> = ["Price", "Revenue", "Hedge payoff", "Hedged revenue"]
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
    if settles {
        header.push(format!("Settlement ({})", scenario.economics.coin));
    }
    header.push("Return".to_owned());
    let rows = model
        .table
        .iter()
        .map(|r| {
            let mut row = vec![
                usd(r.price),
                usd(r.revenue),
                usd(r.hedge_payoff),
                usd(r.hedged_revenue),
            ];
            if settles {
                row.push(
                    r.settlement_coin
                        .map(|c| coin(c, 6, ""))
                        .unwrap_or_else(|| DASH.to_owned()),
                );
            }
            row.push(percent(r.period_return, 1));
            row
        })
        .collect();
    let errors = model.messages.iter().map(super::message_text).collect();
    Display {
        header,
        rows,
        derived: derived(&model),
        chart: payoff_chart(&model),
        errors,
        model,
    }
}

/// The final-price slider's `step` over `[lo, hi]`: a thousandth of the range (`any` for an
/// empty range).
///
/// ```
/// use minerhedge::present::display::price_step;
/// use rust_decimal::Decimal;
/// assert_eq!(price_step(Decimal::from(100), Decimal::from(400)), "0.3");
/// assert_eq!(price_step(Decimal::from(5), Decimal::from(5)), "any");
/// ```
pub fn price_step(lo: Decimal, hi: Decimal) -> String {
    let s = (hi - lo) / Decimal::from(1000);
    if s > Decimal::ZERO {
        s.normalize().to_string()
    } else {
        "any".to_owned()
    }
}

/// The readout at the final price `price`, from the built model (one exact table row).
///
/// ```
/// use minerhedge::{link::Scenario, present::display::{display, readout}};
/// use rust_decimal::Decimal;
/// let r = readout(&display(&Scenario::default()), Decimal::from(230));
/// assert_eq!((r.price.as_str(), r.ret.as_str()), ("$230", "18.2%"));
/// ```
pub fn readout(d: &Display, price: Decimal) -> Readout {
    match d.model.readout(price) {
        Some(row) => Readout {
            price: usd(row.price),
            revenue: usd(row.revenue),
            hedge: usd(row.hedge_payoff),
            total: usd(row.hedged_revenue),
            ret: percent(row.period_return, 1),
        },
        None => Readout {
            price: usd(price),
            ..Readout::default()
        },
    }
}

/// One sentence for the price slider's live region, e.g.
/// `At $250: hedged total $1,300, return 18.2%`.
///
/// ```
/// use minerhedge::{link::Scenario, present::display::{display, readout, readout_sentence}};
/// use rust_decimal::Decimal;
/// let r = readout(&display(&Scenario::default()), Decimal::from(250));
/// assert_eq!(readout_sentence(&r), "At $250: hedged total $1,300, return 18.2%");
/// ```
pub fn readout_sentence(r: &Readout) -> String {
    if r.total.is_empty() {
        format!("At {}", r.price)
    } else {
        format!("At {}: hedged total {}, return {}", r.price, r.total, r.ret)
    }
}

/// A link or input error as the page shows it: `Volatility: vol = "-3": out of range; …`.
///
/// ```
/// use minerhedge::{link::Scenario, present::display::describe};
/// let decoded = Scenario::from_query("cov=150");
/// assert!(describe(&decoded.errors[0]).starts_with("Coverage: cov = \"150\""));
/// ```
pub fn describe(e: &LinkError) -> String {
    format!("{}: {e}", e.key.spec().label)
}
