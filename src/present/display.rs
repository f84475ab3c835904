//! What the page shows of one scenario, as text and chart data: the view model
//! ([`crate::view::Model`]) formatted with [`crate::format`] — the payoff table, the derived
//! figures, the final-price readout and the engine's messages. No computation here beyond
//! choosing what to show.

use rust_decimal::Decimal;

use super::payoff::payoff_chart;
use super::{DASH, Figure};
use crate::chart::payoff::PayoffChart;
use crate::domain::hedge::Row;
use crate::domain::leg::LegKind;
use crate::domain::strategy::StrikeInput;
use crate::format::{coin, number, percent, percent_f64, usd, usd_cents, usd_cents_f64, usd_f64};
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
    /// The exact row the texts show (`None` when the model has none at that price).
    pub row: Option<Row>,
}

/// The derived panel's group of the rig's power at final price `price` (rig mode; none in
/// direct mode): [`power_figures`], then the curtailment note ([`curtailment_note`],
/// `data-testid="curtailment-note"`) when the contract curtails and the position hedges. The
/// first paint shows none of it, so its module carries none of this.
///
/// ```
/// use minerhedge::{link::Scenario, present::display::power_group, view::Model};
/// use rust_decimal::Decimal;
/// assert!(power_group(&Model::build(&Scenario::default()), Decimal::from(250)).is_none());
/// let m = Model::build(&Scenario::from_query("mode=rig&ptype=index&spot=95000&hedge=forward").scenario);
/// let g = power_group(&m, Decimal::from(60000)).ok_or("rig mode")?;
/// assert_eq!(g.figures.last().map(|f| f.id), Some("curtailment-note"));
/// # Ok::<(), &str>(())
/// ```
pub fn power_group(m: &Model, price: Decimal) -> Option<FigureGroup> {
    let mut figures = power_figures(m, price);
    if figures.is_empty() {
        return None;
    }
    if let Some(note) = curtailment_note(m, price) {
        figures.push(Figure::new(
            "curtailment-note",
            "The hedge at this price",
            note,
        ));
    }
    Some(FigureGroup {
        heading: "Power at the final price",
        figures,
    })
}

impl Readout {
    /// The unrounded `data-value` of each figure, in the order price, revenue, hedge payoff,
    /// hedged total (USD) and return (in %); `None` where there is no row.
    pub fn values(&self) -> [Option<String>; 5] {
        let v = |d: Decimal| super::FigureValue::from(d).0;
        match &self.row {
            Some(r) => [
                v(r.price),
                v(r.revenue),
                v(r.hedge_payoff),
                v(r.hedged_revenue),
                v(r.period_return * Decimal::ONE_HUNDRED),
            ],
            None => Default::default(),
        }
    }
}

/// Everything the page displays for one scenario (its final price aside: see [`readout`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Display {
    /// The view model it was formatted from.
    pub model: Model,
    /// Table header.
    pub header: Vec<String>,
    /// Table rows, one cell per header column: the cell's `data-col` as its `id`, its text
    /// and its unrounded `data-value`.
    pub rows: Vec<Vec<Figure>>,
    /// The derived figures that apply to the chosen strategy, in the panel's order (every
    /// figure of [`Display::groups`]).
    pub derived: Vec<Figure>,
    /// The same figures under their headings.
    pub groups: Vec<FigureGroup>,
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

/// The headings of the derived panel, in the panel's order.
pub const GROUPS: [&str; 5] = ["Mining", "Hedge", "Options", "Margin", "Greeks"];

/// A heading of the derived panel and its figures (only the figures that apply to the
/// chosen strategy; a group without any is left out).
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    /// One of [`GROUPS`].
    pub heading: &'static str,
    /// Its figures, each with its `data-testid` and `data-value`.
    pub figures: Vec<Figure>,
}

/// What the chosen strategy holds, read from its legs' typed kinds (never from its label).
#[derive(Debug, Clone, Copy, Default)]
struct Holds {
    options: bool,
    inverse: bool,
    hashprice: bool,
}

impl Holds {
    fn of(m: &Model) -> Self {
        let mut h = Holds::default();
        for leg in m.chosen().map(|c| c.position.legs()).unwrap_or_default() {
            match leg.kind {
                LegKind::Option(_) => h.options = true,
                LegKind::InverseForward => h.inverse = true,
                LegKind::HashpriceForward => h.hashprice = true,
                LegKind::MinedCoins | LegKind::LinearForward => {}
            }
        }
        h
    }
}

/// The figures of the option struck at one input: `(data-testid, label)` of its strike,
/// premium and vol, and its strike's label when solved.
struct LegFigures {
    strike: (&'static str, &'static str),
    solved: &'static str,
    premium: (&'static str, &'static str),
    vol: (&'static str, &'static str),
}

/// The figures of the option struck at `input`: `put-…` (the put at `kp`; its strike is the
/// input's), `put2-…` (the lower put at `kp2`), `call-…` (the call at `kc`).
fn leg_figures(input: StrikeInput) -> LegFigures {
    match input {
        StrikeInput::Kp => LegFigures {
            strike: ("put-strike", "Put strike"),
            solved: "Put strike (solved)",
            premium: ("put-premium", "Put premium per coin"),
            vol: ("put-vol", "Put vol (smile)"),
        },
        StrikeInput::Kp2 => LegFigures {
            strike: ("put2-strike", "Lower put strike"),
            solved: "Lower put strike (solved)",
            premium: ("put2-premium", "Lower put premium per coin"),
            vol: ("put2-vol", "Lower put vol (smile)"),
        },
        StrikeInput::Kc => LegFigures {
            strike: ("call-strike", "Call strike"),
            solved: "Call strike (zero-cost, solved)",
            premium: ("call-premium", "Call premium per coin"),
            vol: ("call-vol", "Call vol (smile)"),
        },
    }
}

/// A USD amount with cents and its `data-value`.
fn usd_figure(id: &'static str, label: &'static str, d: Decimal) -> Figure {
    Figure::new(id, label, usd_cents(d)).with_value(d)
}

/// An engine `f64` with `dp` decimals and its `data-value`.
fn number_figure(id: &'static str, label: &'static str, x: f64, dp: u32) -> Figure {
    Figure::new(id, label, number_f64(x, dp)).with_value(x)
}

/// The period's economics: output, cost, breakeven, margin and the rig's figures.
fn mining_figures(m: &Model) -> Vec<Figure> {
    let Some(e) = &m.economics else {
        return Vec::new();
    };
    let coin_label = &m.scenario.economics.coin;
    let mut out = vec![
        Figure::new(
            "expected-output",
            "Expected output",
            coin(e.output, 6, coin_label),
        )
        .with_value(e.output),
        Figure::new("period-cost", "Period cost", usd(e.cost)).with_value(e.cost),
        usd_figure("breakeven", "Breakeven (cost per coin)", e.breakeven),
        Figure::new("margin-at-spot", "Margin at spot", usd(e.margin_at_spot))
            .with_value(e.margin_at_spot),
    ];
    if let Some(r) = &e.rig {
        // Quoted per PH/s per day, as the industry does (USD per TH/s per day is a number of
        // a few cents).
        let per_ph = r.hashprice * Decimal::ONE_THOUSAND;
        out.push(usd_figure("hashprice", "Hashprice (USD/PH/day)", per_ph));
    }
    out
}

/// The hedge's own figures: its order ticket, the hashprice forward's fixed hashprice and
/// locking coverage, the inverse forward's locked return.
fn hedge_figures(m: &Model, holds: Holds) -> Vec<Figure> {
    let mut out = Vec::new();
    if let (Some(t), Some(c)) = (&m.ticket, m.chosen()) {
        // Its number: the USD notional of an inverse forward's order, else the coins hedged.
        let value = c
            .position
            .inverse_notional()
            .unwrap_or_else(|| c.position.hedged_quantity());
        out.push(Figure::new("order-ticket", "Order ticket", t.clone()).with_value(value));
    }
    if holds.hashprice && m.economics.as_ref().is_some_and(|e| e.rig.is_some()) {
        hashprice_figures(m, &mut out);
    }
    if let Some(r) = m.locked_return.filter(|_| holds.inverse) {
        out.push(
            Figure::new(
                "locked-return",
                "Locked return (inverse forward)",
                percent(r, 1),
            )
            .with_value(r * Decimal::ONE_HUNDRED),
        );
    }
    out
}

/// The option legs' premiums, vols and strikes and the net premium, for a strategy that
/// holds options.
fn option_figures(m: &Model, holds: Holds) -> Vec<Figure> {
    let mut out = Vec::new();
    let Some(o) = m.options.as_ref().filter(|_| holds.options) else {
        return out;
    };
    let source = |src: PremiumSource| match src {
        PremiumSource::Model => "",
        PremiumSource::Quoted => " (quoted)",
    };
    for leg in &o.legs {
        let Some((_, input)) = leg.spec.option_of() else {
            continue;
        };
        let f = leg_figures(input);
        if input != StrikeInput::Kp {
            let label = if leg.solved { f.solved } else { f.strike.1 };
            out.push(usd_figure(f.strike.0, label, leg.strike));
        }
        out.push(
            Figure::new(
                f.premium.0,
                f.premium.1,
                format!("{}{}", usd_cents(leg.premium), source(leg.source)),
            )
            .with_value(leg.premium),
        );
        out.push(
            Figure::new(f.vol.0, f.vol.1, percent_f64(leg.vol, 2)).with_value(leg.vol * 100.0),
        );
    }
    if let Some(c) = m
        .chosen()
        .map(|c| c.position.coin_premium())
        .filter(|c| !c.is_zero())
    {
        out.push(
            Figure::new(
                "premium-coin",
                "Net premium paid in coin (coin-settled)",
                coin(c.round_dp(8).normalize(), 8, &m.scenario.economics.coin),
            )
            .with_value(c),
        );
    }
    out.push(usd_figure(
        "net-premium",
        "Net premium per coin (paid)",
        o.net_per_coin,
    ));
    out.push(usd_figure(
        "net-premium-carried",
        "Net premium carried to the end",
        o.net_carried,
    ));
    out
}

/// The chosen position's Greeks.
fn greek_figures(m: &Model) -> Vec<Figure> {
    let Some(g) = &m.greeks else {
        return Vec::new();
    };
    // Gamma per 1 % move of spot (coins of delta), a readable size for any coin price.
    let spot = crate::domain::validate::dec_f64(m.scenario.market.spot);
    let vega = Figure::new(
        "position-vega",
        "Position vega (per 1.00)",
        usd_cents_f64(g.vega),
    )
    .with_value(g.vega);
    let theta = Figure::new(
        "position-theta",
        "Position theta per day",
        usd_cents_f64(g.theta_per_day),
    )
    .with_value(g.theta_per_day);
    vec![
        number_figure("position-delta", "Position delta (coins)", g.delta, 4),
        number_figure(
            "position-gamma",
            "Position gamma (delta change per 1 % move, coins)",
            g.gamma * spot * 0.01,
            4,
        ),
        vega,
        theta,
        number_figure(
            "delta-neutral",
            "Sell for delta-neutral (coins)",
            g.delta_neutral_sale,
            4,
        ),
    ]
}

/// The derived figures that apply to the chosen strategy, grouped under [`GROUPS`].
fn derived(m: &Model) -> Vec<FigureGroup> {
    let holds = Holds::of(m);
    let mut margin = Vec::new();
    margin_figures(m, &mut margin);
    let groups = [
        mining_figures(m),
        hedge_figures(m, holds),
        option_figures(m, holds),
        margin,
        greek_figures(m),
    ];
    GROUPS
        .into_iter()
        .zip(groups)
        .filter(|(_, f)| !f.is_empty())
        .map(|(heading, figures)| FigureGroup { heading, figures })
        .collect()
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

/// The payoff table's columns: `data-col` and the header (the settlement's header names the
/// coin). The settlement shows for a coin-settled hedge; output, power cost and credits in rig
/// mode.
const COLUMNS: [(&str, &str); 9] = [
    ("price", "Price"),
    ("revenue", "Revenue"),
    ("hedge_payoff", "Hedge payoff"),
    ("hedged_revenue", "Hedged revenue"),
    ("settlement", "Settlement"),
    ("return", "Return"),
    ("output", "Output"),
    ("power_cost", "Power cost"),
    ("credits", "Credits"),
];

/// Which of the optional columns the table has.
#[derive(Clone, Copy)]
struct Columns {
    settles: bool,
    power: bool,
}

impl Columns {
    fn has(self, id: &str) -> bool {
        match id {
            "settlement" => self.settles,
            "output" | "power_cost" | "credits" => self.power,
            _ => true,
        }
    }
}

/// One row of the payoff table: each cell's `data-col` as its id, its text and its unrounded
/// `data-value` (USD, coin, return in %).
fn table_row(r: &Row, cols: Columns, coin_label: &str) -> Vec<Figure> {
    let money =
        |i: usize, d: Decimal| Figure::new(COLUMNS[i].0, COLUMNS[i].1, usd(d)).with_value(d);
    let mut row = vec![
        money(0, r.price),
        money(1, r.revenue),
        money(2, r.hedge_payoff),
        money(3, r.hedged_revenue),
    ];
    if cols.settles {
        let (id, label) = COLUMNS[4];
        row.push(match r.settlement_coin {
            Some(c) => Figure::new(id, label, coin(c, 6, "")).with_value(c),
            None => Figure::new(id, label, DASH.to_owned()),
        });
    }
    let (id, label) = COLUMNS[5];
    row.push(
        Figure::new(id, label, percent(r.period_return, 1))
            .with_value(r.period_return * Decimal::ONE_HUNDRED),
    );
    if cols.power {
        let (id, label) = COLUMNS[6];
        row.push(Figure::new(id, label, coin(r.output, 6, coin_label)).with_value(r.output));
        for (i, v) in [(7, r.power_cost), (8, r.credits)] {
            let d = v.unwrap_or_default();
            row.push(money(i, d));
        }
    }
    row
}

/// Formats the view model of `scenario`.
///
/// ```
/// use minerhedge::{link::Scenario, present::display::display};
/// let d = display(&Scenario::default());
/// assert_eq!(d.row_texts(0), ["$200", "$1,000", "$300", "$1,300", "18.2%"]);
/// assert_eq!(d.rows[0][4].id, "return"); // its `data-col`
/// ```
pub fn display(scenario: &Scenario) -> Display {
    display_of::<true>(scenario, Model::build(scenario))
}

/// What the first paint shows of `scenario`: [`display`] of [`Model::first_paint`] (no
/// table, no Greeks, no outlooks).
///
/// ```
/// use minerhedge::{link::Scenario, present::display::{display, first_paint_display}};
/// let (d, f) = (display(&Scenario::default()), first_paint_display(&Scenario::default()));
/// assert_eq!(d.chart, f.chart);
/// assert!(f.rows.is_empty());
/// ```
pub fn first_paint_display(scenario: &Scenario) -> Display {
    display_of::<false>(scenario, Model::first_paint(scenario))
}

/// The texts of `model`, built from `scenario`; `TABLE = false`: without the table (the first
/// paint shows none).
fn display_of<const TABLE: bool>(scenario: &Scenario, model: Model) -> Display {
    // The inverse forward settles in coin: one more column before the return.
    let cols = Columns {
        settles: model.table.iter().any(|r| r.settlement_coin.is_some()),
        power: model.table.iter().any(|r| r.power_cost.is_some()),
    };
    let coin_label = &scenario.economics.coin;
    let header = COLUMNS
        .iter()
        .filter(|(id, _)| cols.has(id))
        .map(|(id, h)| match *id {
            "settlement" | "output" => format!("{h} ({coin_label})"),
            _ => (*h).to_owned(),
        })
        .collect();
    let rows = if TABLE {
        model
            .table
            .iter()
            .map(|r| table_row(r, cols, coin_label))
            .collect()
    } else {
        Vec::new()
    };
    let errors = model.messages.iter().map(super::message_text).collect();
    let groups = derived(&model);
    Display {
        header,
        rows,
        derived: groups.iter().flat_map(|g| g.figures.clone()).collect(),
        groups,
        chart: payoff_chart(&model),
        errors,
        model,
    }
}

impl Display {
    /// The texts of table row `i` (empty when there is no such row).
    pub fn row_texts(&self, i: usize) -> Vec<String> {
        self.rows
            .get(i)
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .unwrap_or_default()
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
            row: Some(row),
        },
        None => Readout {
            price: usd(price),
            ..Readout::default()
        },
    }
}

/// The rig's power at final price `price` (rig mode; none in direct mode): the
/// energy-adjusted hashprice (`ehp`, USD/MWh), the run share (`run-share`, % of the available
/// hours), the power cost (`power-cost`), the credits (`power-credits`) and what switching off
/// is worth (`curtailment-value`), each with its unrounded `data-value`.
///
/// ```
/// use minerhedge::{link::Scenario, present::display::power_figures, view::Model};
/// use rust_decimal::Decimal;
/// let m = Model::build(&Scenario::from_query("mode=rig&ptype=index&spot=95000").scenario);
/// let f = power_figures(&m, Decimal::from(95000));
/// let ids: Vec<&str> = f.iter().map(|f| f.id).collect();
/// assert_eq!(ids, ["ehp", "run-share", "power-cost", "power-credits", "curtailment-value"]);
/// ```
pub fn power_figures(m: &Model, price: Decimal) -> Vec<Figure> {
    let Some(at) = m.power_at(price) else {
        return Vec::new();
    };
    vec![
        Figure::new(
            "ehp",
            "Energy-adjusted hashprice (USD/MWh)",
            usd_cents_f64(at.ehp),
        )
        .with_value(at.ehp),
        Figure::new("run-share", "Run share", percent_f64(at.run_share, 1))
            .with_value(at.run_share * 100.0),
        Figure::new("power-cost", "Power cost", usd_cents_f64(at.power_cost))
            .with_value(at.power_cost),
        Figure::new("power-credits", "Power credits", usd_cents_f64(at.credits))
            .with_value(at.credits),
        Figure::new(
            "curtailment-value",
            "Curtailment value",
            usd_cents_f64(at.curtailment_value),
        )
        .with_value(at.curtailment_value),
    ]
}

/// Why a hedge sized on the planned output over-hedges when the price falls, with the numbers
/// at `price`: the hours the rig runs there, the coins it mines against the plan's, and the
/// share of them the hedge covers. `None` without a contract that curtails or without a hedge.
///
/// ```
/// use minerhedge::{link::Scenario, present::display::curtailment_note, view::Model};
/// use rust_decimal::Decimal;
/// let q = "v=2&mode=rig&ptype=index&hedge=forward&cov=100&spot=95000&hr=200000&pwr=0.05";
/// let m = Model::build(&Scenario::from_query(q).scenario);
/// let note = curtailment_note(&m, Decimal::from(40000)).ok_or("no note")?;
/// assert!(note.starts_with("At $40,000 the rig runs "), "{note}");
/// assert!(note.contains("over-hedges"), "{note}");
/// # Ok::<(), &str>(())
/// ```
pub fn curtailment_note(m: &Model, price: Decimal) -> Option<String> {
    let p = m.power.as_ref().filter(|p| p.curtails())?;
    let hedged = crate::domain::validate::dec_f64(m.chosen()?.position.hedged_quantity());
    if hedged <= 0.0 {
        return None;
    }
    let at = p.at(crate::domain::validate::dec_f64(price));
    let coin_label = &m.scenario.economics.coin;
    let coins = |x: f64| format!("{} {coin_label}", number_f64(x, 4));
    let share = if at.output > 0.0 {
        format!("{} of what it mines", percent_f64(hedged / at.output, 1))
    } else {
        "coins it does not mine at all".to_owned()
    };
    let tail = if hedged > at.output {
        format!(
            "Sized on the planned output, it over-hedges as the price falls and the rig runs \
             fewer hours: the {} sold but not mined are a short position.",
            coins(hedged - at.output)
        )
    } else {
        "It stays within what the rig mines here.".to_owned()
    };
    Some(format!(
        "At {} the rig runs {} of its hours and mines {}, against the plan's {} at the forward \
         {}; the hedge covers {}, {share}. {tail}",
        usd(price),
        percent_f64(at.run_share, 1),
        coins(at.output),
        coins(p.plan.output),
        usd_f64(p.plan_price),
        coins(hedged),
    ))
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
