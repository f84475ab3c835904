//! Actuals against the plan (`aq`, `apx`): the hedge's effect month by month, the
//! dollar-offset ratio and the reduction of the standard deviation of monthly net cash on a
//! hand-computed case, the rebalancing on the re-projected output, and the link.

use chrono::NaiveDate;
use minerhedge::link::Key;
use minerhedge::link::Scenario;
use minerhedge::present::program::{actuals_figures, actuals_table, rebalance_lines};
use minerhedge::view::program::ProgramModel;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn model(q: &str) -> ProgramModel {
    let s = Scenario::from_query(q).scenario;
    ProgramModel::build(&s, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap()
}

/// Three months of 5 ETH for $1,100, each sold forward in full at $260.
const FORWARDS: &str = "v=2&view=program&start=2027-01-01&months=3&qty=5&cost=1100&rate=0&basis=0&pfwd=260&ph=forward&pcov=100";

#[test]
fn two_months_by_hand() {
    // Month 1: 5 ETH at $200. Revenue 1,000; the forward pays 5·60 = 300: net cash 200,
    // unhedged −100, effect 300, revenue moved from the forward 5·(200 − 260) = −300.
    // Month 2: 4 ETH at $300. Revenue 1,200; the forward costs 5·40 = 200: net cash −100,
    // unhedged 100, effect −200, moved 4·(300 − 260) = 160.
    let m = model(&format!("{FORWARDS}&aq=5,4&apx=200,300"));
    let a = &m.actuals.as_ref().unwrap().actuals;
    let row = |i: usize| {
        let x = &a.months[i];
        (
            x.revenue,
            x.net_cash,
            x.unhedged,
            x.hedge_effect,
            x.item_change,
        )
    };
    assert_eq!(
        row(0),
        (d("1000"), d("200"), d("-100"), d("300"), d("-300"))
    );
    assert_eq!(
        row(1),
        (d("1200"), d("-100"), d("100"), d("-200"), d("160"))
    );
    // Dollar offset −(300 − 200)/(−300 + 160) = 100/140.
    assert_eq!(a.dollar_offset, Some(d("100") / d("140")));
    // sd(200, −100) = 150·√2, sd(−100, 100) = 100·√2: the hedge raised the variation by half
    // (the output fell in the month the price rose, and the forward was sized on the plan).
    assert!((a.sd_reduction.unwrap() + 0.5).abs() < 1e-12);
    assert_eq!(a.output_ratio, Some(d("0.9")));
    // Month 3 re-projected at 90 % of its plan: 4.5 ETH, so buy back 0.5 of the 5 sold.
    let r = m.actuals.as_ref().unwrap().rebalance.as_ref().unwrap();
    assert_eq!(r.trades, vec![(2, d("-0.5"))]);
    assert_eq!(r.coverage, vec![d("100"), d("100"), d("90")]);
    assert_eq!(
        rebalance_lines(&m),
        vec!["2027-03: buy back 0.5 ETH (Forward coverage 100.00% → 90.00%)"]
    );
    let f = actuals_figures(&m);
    assert_eq!(f[0].text, "71.4%");
    assert_eq!(f[1].text, "-50.0%");
    assert_eq!(f[3].value.as_deref(), Some("100"));
}

#[test]
fn a_put_month_counts_its_premium_in_the_effect() {
    let q = FORWARDS.replace("ph=forward", "ph=put&pkp=100");
    let m = model(&format!("{q}&aq=5&apx=300"));
    let a = &m.actuals.as_ref().unwrap().actuals.months[0];
    let row = &m.program.rows()[0];
    // Above the strike the put pays nothing: the effect is minus its carried premium.
    let premium = row.net_premium_per_coin * row.hedged_coins;
    assert!(premium > Decimal::ZERO);
    assert_eq!(a.hedge_effect, -premium.normalize());
}

#[test]
fn actuals_in_the_link_and_the_table() {
    // Month 2 not known yet: an empty item; months beyond the list are not known either.
    let q = format!("{FORWARDS}&aq=5,,4.5&apx=200,,250");
    let s = Scenario::from_query(&q).scenario;
    assert!(Scenario::from_query(&q).errors.is_empty());
    let out = s.to_query();
    assert!(out.contains("&aq=5,,4.5&apx=200,,250"), "{out}");
    assert_eq!(Scenario::from_query(&out).scenario, s);
    let m = model(&q);
    let t = actuals_table(&m, None);
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[0][0].text.as_str(), t[1][0].text.as_str()),
        ("2027-01", "2027-03")
    );
    // Trailing empty items are dropped; an empty list is no actual.
    let s = Scenario::from_query(&format!("{FORWARDS}&aq=5,,&apx=200")).scenario;
    assert!(s.to_query().contains("&aq=5&apx=200"));
    assert!(
        model(FORWARDS)
            .actuals
            .as_ref()
            .unwrap()
            .actuals
            .months
            .is_empty()
    );
}

#[test]
fn bad_actuals_are_named() {
    let e = Scenario::from_query(&format!("{FORWARDS}&aq=0")).errors;
    assert_eq!(e.len(), 1);
    assert!(e[0].to_string().contains("aq") && e[0].to_string().contains("greater than 0"));
    // An output without its price, and an actual beyond the horizon: the program still builds.
    let m = model(&format!("{FORWARDS}&aq=5,5&apx=200"));
    let msg = m.actuals.as_ref().unwrap_err();
    assert_eq!(msg.key, Some(Key::ActualPrices));
    assert!(msg.text.contains("month 2"), "{}", msg.text);
    let m = model(&format!("{FORWARDS}&aq=5,5,5,5&apx=200,200,200,200"));
    let msg = m.actuals.as_ref().unwrap_err();
    assert!(msg.text.contains("1 to 3"), "{}", msg.text);
    assert_eq!(m.program.rows().len(), 3);
}
