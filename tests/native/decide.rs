//! Decision features: comparison, Monte Carlo wiring, rebalancing, value before expiry, CSV.

use minerhedge::domain::montecarlo::McRun;
use minerhedge::domain::risk::{Lognormal, LognormalParams};
use minerhedge::export::{comparison_csv, table_csv};
use minerhedge::format;
use minerhedge::link::Scenario;
use minerhedge::view::compare::{Column, best, comparison};
use minerhedge::view::rebalance::rebalance;
use minerhedge::view::{Model, StrategyKind};
use rust_decimal::Decimal;

fn model(q: &str) -> Model {
    let d = Scenario::from_query(q);
    assert!(d.errors.is_empty(), "{:?}", d.errors);
    Model::build(&d.scenario)
}

#[test]
fn comparison_matches_the_engine_for_the_seed() {
    let m = model("hedge=collar&kc=zero");
    let rows = comparison(&m, None);
    // Every strategy but the hashprice forward, which needs a rig (direct mode here), the
    // collar, which with `kc=zero` is the zero-cost collar (one row, not two alike), and the
    // covered call, which needs a call strike (`kc=zero` has nothing to pay for).
    assert_eq!(rows.len(), 7);
    let kinds: Vec<StrategyKind> = rows.iter().filter_map(|r| r.kind).collect();
    use StrategyKind::*;
    assert_eq!(
        kinds,
        [
            Unhedged,
            Forward,
            Inverse,
            Put,
            PutSpread,
            ZeroCostCollar,
            Seagull
        ]
    );
    let unhedged = &rows[0];
    // Unhedged: loss exactly when S_T < 1,100/5 = 220 under the lognormal with μ = r.
    let d = Lognormal::new(LognormalParams {
        spot: 250.0,
        drift: 0.05,
        vol: 0.8,
        years: 30.0 / 365.0,
    })
    .expect("valid");
    assert!((unhedged.prob_loss.expect("p") - d.cdf(220.0)).abs() < 1e-15);
    assert_eq!(unhedged.breakeven, Some(220.0));
    assert_eq!(unhedged.cap, None);
    // Forward at 260: 1,300 for sure.
    assert_eq!((rows[1].floor, rows[1].cap), (Some(1300.0), Some(1300.0)));
    assert!(rows[1].never_loses);
    // Inverse at 0.004: 1,250 for sure.
    assert_eq!(rows[2].floor, Some(1250.0));
    // Zero-cost collar: nothing paid upfront.
    assert_eq!(rows[5].upfront_premium, Decimal::ZERO);
    // The three-way collar with `kc=zero`: its call pays for the put spread.
    assert_eq!(rows[6].upfront_premium, Decimal::ZERO);
    // Best floor and lowest loss probability: the forward.
    assert_eq!(best(&rows, Column::Floor), vec![1]);
    assert!(best(&rows, Column::ProbLoss).contains(&1));
    // Best upside: unhedged (uncapped).
    assert!(best(&rows, Column::Cap).contains(&0));
}

#[test]
fn monte_carlo_feeds_var_into_the_comparison() {
    let m = model("hedge=put&paths=20000&dvol=40");
    let (params, profiles) = m.monte_carlo().expect("mc inputs");
    let mut run = McRun::new(params, profiles).expect("valid run");
    while !run.step(5000).finished() {}
    let stats = run.stats();
    let rows = comparison(&m, Some(&stats));
    for (st, s) in m.strategies.iter().zip(&stats) {
        let Some(r) = rows.iter().find(|r| r.kind == Some(st.kind)) else {
            continue; // the collar, shown as the zero-cost collar
        };
        // A signed result: the 5th percentile of the return (the engine's loss, negated).
        assert_eq!(r.var95, Some(-s.var95));
        assert!(r.cvar95.expect("cvar") <= r.var95.expect("var") + 1e-12);
        assert_eq!(r.cost, st.profile.all_in_cost());
    }
    // The put floors the loss: its VaR (the result 95 % of paths reach) is above the
    // unhedged one.
    assert!(rows[3].var95 > rows[0].var95);
}

#[test]
fn rebalancing_tickets() {
    let r = rebalance(&model("hedge=inverse&rdg=25")).expect("rebalance");
    assert_eq!(r.output_now, Decimal::from(4));
    assert_eq!(
        r.ticket.as_deref(),
        Some("Sell (Short) USD 250.00 at 0.004 ETH/USD")
    );
    let r = rebalance(&model("hedge=put&cov=50&rdg=-20")).expect("rebalance");
    // 5/0.8 = 6.25 coins now expected; half of them = 3.125; 2.5 were hedged.
    assert_eq!(r.trade, Decimal::new(625, 3));
    assert_eq!(
        r.ticket.as_deref(),
        Some("Buy puts on 0.625 ETH at strike $230")
    );
    let r = rebalance(&model("hedge=none")).expect("rebalance");
    assert_eq!(r.ticket, None);
    // Unhedged at spot: sell the whole output forward to be delta-neutral.
    assert!((r.delta_neutral_sale.expect("delta") - 5.0).abs() < 1e-12);
}

#[test]
fn value_before_expiry_tends_to_the_expiry_curve() {
    let m = model("hedge=collar&kc=300&elapsed=30");
    let late = m.curve_before_expiry().expect("curve");
    let chosen = m.chosen().expect("collar").kind;
    let expiry = &m
        .curves
        .iter()
        .find(|(k, _)| *k == chosen)
        .expect("curve")
        .1;
    for (a, b) in late.iter().zip(expiry) {
        assert!((a.1 - b.1).abs() < 1e-9, "{a:?} vs {b:?}");
    }
}

#[test]
fn csv_equals_the_table() {
    let m = model("hedge=inverse");
    let csv = table_csv(&m);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), m.table.len() + 1);
    for (line, row) in lines[1..].iter().zip(&m.table) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[0].parse::<Decimal>().expect("price"), row.price);
        assert_eq!(
            cells[4].parse::<Decimal>().expect("total"),
            row.hedged_revenue.round_dp(2)
        );
        assert_eq!(
            cells[3].parse::<Decimal>().expect("settlement"),
            row.settlement_coin
                .expect("inverse settles in coin")
                .round_dp(8)
        );
    }
    let cmp = comparison_csv(&comparison(&m, None));
    assert_eq!(cmp.lines().count(), 8);
    assert!(cmp.contains("Zero-cost collar,0.00,"));
    assert_eq!(
        format::percent(m.locked_return.expect("locked"), 1),
        "13.6%"
    );
}

#[test]
fn heat_map_warns_of_over_hedging() {
    let m = model("hedge=forward&cov=100");
    let h = m.heatmap(11).expect("heat map");
    assert!(h.max_realized_coverage > 1.0);
    let m = model("hedge=forward&cov=50");
    assert!(m.heatmap(11).expect("heat map").max_realized_coverage <= 1.0);
}

#[test]
fn the_zero_cost_row_is_there_whatever_kc_says() {
    let m = model("hedge=collar&kc=300");
    let rows = comparison(&m, None);
    // Both collars, the put spread, the three-way collar and the covered call at kc = 300.
    assert_eq!(rows.len(), 9);
    let zc = rows
        .iter()
        .find(|r| r.kind == Some(StrategyKind::ZeroCostCollar))
        .expect("zero-cost row");
    assert_eq!(zc.upfront_premium, Decimal::ZERO);
    // The chosen collar keeps the user's call strike.
    assert_eq!(
        m.chosen().and_then(|c| c.call_strike),
        Some(Decimal::from(300))
    );
}
