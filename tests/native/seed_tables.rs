//! Acceptance data: the three tables of the ProDerivatives seed (5 ETH mined for $1,100, final
//! prices $200…$300), the rig arithmetic of a 200 TH/s, 17.5 J/TH miner worked by hand, and
//! zero-cost collars whose premiums match to 1e-9.
//!
//! Run: `cargo test --test native seed_tables::`.

use minerhedge::domain::DomainError;
use minerhedge::domain::Field;
use minerhedge::domain::collar::{
    OptionPricer, ZeroCostParams, required_put_strike, required_zero_cost_collar, zero_cost_collar,
};
use minerhedge::domain::economics::{
    DirectParams, PeriodEconomics, Rig, RigParams, halving_subsidy,
};
use minerhedge::domain::hedge::{
    Hedge, InverseQuote, Position, PositionParams, Target, TargetParams, required_forward_price,
    required_inverse_quote,
};
use minerhedge::domain::money::percent_rounded;
use minerhedge::domain::pricing::{OptionKind, SpotModel, SpotParams};
use minerhedge::domain::tolerance::ZERO_COST;
use rust_decimal::Decimal;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn seed() -> PeriodEconomics {
    PeriodEconomics::direct(DirectParams {
        period_cost: d(1100),
        expected_output: d(5),
    })
    .unwrap()
}

fn seed_position(hedge: Hedge) -> Position {
    Position::new(PositionParams {
        economics: seed(),
        hedge,
        coverage: Decimal::ONE,
        carry_factor: Decimal::ONE,
    })
    .unwrap()
}

fn prices() -> impl Iterator<Item = Decimal> {
    (0..=10).map(|i| d(200 + 10 * i))
}

/// Seed table 1: "ETH Price / Revenue / Return", returns rounded to whole percents half away
/// from zero.
#[test]
fn unhedged_table_is_the_seed() {
    let revenue = [
        1000, 1050, 1100, 1150, 1200, 1250, 1300, 1350, 1400, 1450, 1500,
    ];
    let returns = [-9, -5, 0, 5, 9, 14, 18, 23, 27, 32, 36];
    let rows = Position::unhedged(seed()).table(prices()).unwrap();
    assert_eq!(rows.len(), 11);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.price, d(200 + 10 * i as i64));
        assert_eq!(row.revenue, d(revenue[i]), "revenue at {}", row.price);
        assert_eq!(row.hedge_payoff, Decimal::ZERO);
        assert_eq!(row.settlement_coin, None);
        assert_eq!(row.hedged_revenue, d(revenue[i]));
        assert_eq!(
            percent_rounded(row.period_return, 0),
            d(returns[i]),
            "return at {}",
            row.price
        );
        // The unrounded return is the exact fraction (revenue − 1100) / 1100.
        assert_eq!(
            row.period_return,
            d(revenue[i]) / d(1100) - Decimal::ONE,
            "exact return at {}",
            row.price
        );
    }
}

/// Seed table 2: forward sold at $260 — payoffs 300, 250, …, 0, (50), …, (200); return 18 %
/// (exactly 2/11) at every price.
#[test]
fn forward_table_is_the_seed() {
    let payoffs = [300, 250, 200, 150, 100, 50, 0, -50, -100, -150, -200];
    let pos = seed_position(Hedge::Forward { price: d(260) });
    let rows = pos.table(prices()).unwrap();
    let two_elevenths = Decimal::TWO / d(11);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.hedge_payoff, d(payoffs[i]), "payoff at {}", row.price);
        assert_eq!(row.hedged_revenue, d(1300));
        assert_eq!(row.period_return, two_elevenths);
        assert_eq!(percent_rounded(row.period_return, 0), d(18));
    }
    // 2/11 to the last digit: 11 × r rounds to 2 at 27 decimals.
    assert_eq!((two_elevenths * d(11)).round_dp(27), Decimal::TWO);
}

/// Seed text 3: inverse forward at 0.004 ETH/USD — notional 5 / 0.004 = 1,250 USD, the order
/// "Buy (Long) USD 1,250 at 0.004 ETH/USD", mined coins + settlement sold at S = 1,250 at every
/// S, locked return 1250/1100 − 1 = 13.6 % (1 dp), equivalent price 250 USD/ETH.
#[test]
fn inverse_forward_is_the_seed() {
    let quote = dec("0.004");
    let pos = seed_position(Hedge::InverseForward { quote });
    assert_eq!(pos.inverse_notional(), Some(d(1250)));
    assert_eq!(
        pos.order_ticket("ETH").as_deref(),
        Some("Buy (Long) USD 1,250 at 0.004 ETH/USD")
    );
    let q = InverseQuote::new(quote).unwrap();
    assert_eq!(q.usd_price().unwrap(), d(250));
    let locked = q.locked_return(&seed()).unwrap();
    assert_eq!(percent_rounded(locked, 1), dec("13.6"));
    assert_eq!(locked, d(1250) / d(1100) - Decimal::ONE);

    for row in pos.table(prices()).unwrap() {
        assert_eq!(row.hedged_revenue, d(1250), "total at {}", row.price);
        assert_eq!(row.period_return, locked);
        // Settlement in ETH: 1250·(1/S − 0.004); its USD value at S plus revenue = 1250.
        let coin = row.settlement_coin.unwrap();
        assert_eq!(coin, d(1250) / row.price - d(5));
        assert!((d(5) * row.price + coin * row.price - d(1250)).abs() < dec("1e-24"));
    }
    // At 200 the miner receives 1.25 ETH, at 250 nothing, at 300 pays 0.8333… ETH.
    assert_eq!(pos.settlement_coin(d(200)).unwrap(), Some(dec("1.25")));
    assert_eq!(pos.settlement_coin(d(250)).unwrap(), Some(Decimal::ZERO));
    assert!(pos.settlement_coin(d(300)).unwrap().unwrap() < Decimal::ZERO);
}

/// Ticket formatting for notionals that are not whole.
#[test]
fn ticket_groups_thousands_and_shows_cents_only_when_needed() {
    let q = InverseQuote::new(dec("0.003")).unwrap();
    // 5 / 0.003 = 1,666.666… → "1,666.67"
    let n = q.notional(d(5)).unwrap();
    assert_eq!(
        q.order_ticket(n, "ETH"),
        "Buy (Long) USD 1,666.67 at 0.003 ETH/USD"
    );
    let q = InverseQuote::new(dec("0.00002")).unwrap();
    let n = q.notional(d(25)).unwrap();
    assert_eq!(
        q.order_ticket(n, "BTC"),
        "Buy (Long) USD 1,250,000 at 0.00002 BTC/USD"
    );
}

/// A 200 TH/s, 17.5 J/TH rig, $0.06/kWh, 30 days, difficulty 1.2e14, subsidy 3.125 + fees 0.02,
/// pool fee 2 %, uptime 100 %. By hand:
/// - t = 30 × 86,400 = 2,592,000 s; H = 200e12 H/s; H·t = 5.184e20 hashes.
/// - D·2³² = 1.2e14 × 4,294,967,296 = 5.1539607552e23.
/// - blocks = 5.184e20 / (1.2e14 × 2³²) = 4,320,000 / 2³² = 0.001005828380584716796875
///   (a finite decimal: 1/2³² has 32 decimals).
/// - coins = blocks × 3.145 × 0.98 = 0.0031000636518001556396484375.
/// - power = 200 TH/s × 17.5 J/TH = 3,500 W; energy = 3.5 kW × 24 h × 30 d = 2,520 kWh;
///   × $0.06 = $151.20.
/// - breakeven = 151.20 / 0.0031000636518001556396484375 ≈ 48,773.19 USD/coin.
#[test]
fn rig_arithmetic_by_hand() {
    let rig = Rig::new(RigParams::example()).unwrap();
    assert_eq!(rig.average_difficulty(), d(120_000_000_000_000));
    assert_eq!(rig.expected_blocks(), dec("0.001005828380584716796875"));
    assert_eq!(rig.expected_output(), dec("0.0031000636518001556396484375"));
    assert_eq!(rig.energy_kwh(), d(2520));
    assert_eq!(rig.power_cost(), dec("151.2"));
    assert_eq!(rig.amortization(), Decimal::ZERO);
    assert_eq!(rig.total_cost(), dec("151.2"));
    let be = rig.cost_per_coin().unwrap();
    // 151.2 / 0.0031000636518001556396484375 = 48773.19…
    assert!(be > dec("48773.19") && be < dec("48773.20"), "{be}");
    let e = rig.economics().unwrap();
    assert_eq!(e.breakeven_price(), be);
    assert_eq!(e.period_return(be).unwrap().round_dp(20), Decimal::ZERO);
}

/// Same rig with +5 % difficulty growth, 95 % uptime, $20 other opex and $3,000 capex over
/// 1,095 days. By hand:
/// - D_avg = 1.2e14 × (1 + 0.05/2) = 1.23e14.
/// - blocks = 5.184e20 / (1.23e14 × 2³²) = 0.00098129598105826028963414634146…
/// - coins = blocks × 3.145 × 0.98 × 0.95 = 0.00287322972605868083674733231707…
/// - energy = 2,520 × 0.95 = 2,394 kWh → $143.64 (a rig that is down draws no power).
/// - amortization = 3,000 × 30 / 1,095 = 82.1917808219178082191780821917…
/// - total = 143.64 + 20 + 82.19178… = 245.8317808219178082191780821917…
/// - breakeven = total / coins = 85,559.389349328036174079566…
/// - hashprice at $100,000 = 86,400e12 × 3.145 / (1.23e14 × 2³²) × 100,000
///   = 0.0514362643404704768483231707…  USD per TH/s per day.
#[test]
fn rig_with_growth_uptime_opex_capex_by_hand() {
    let mut p = RigParams::example();
    p.difficulty_growth = dec("0.05");
    p.uptime = dec("0.95");
    p.other_opex = d(20);
    p.hardware_capex = d(3000);
    p.hardware_lifetime_days = d(1095);
    let rig = Rig::new(p).unwrap();
    let close = |a: Decimal, b: &str, tol: &str| {
        let b = dec(b);
        assert!((a - b).abs() < dec(tol), "{a} vs {b}");
    };
    assert_eq!(rig.average_difficulty(), d(123_000_000_000_000));
    close(
        rig.expected_blocks(),
        "0.0009812959810582602896341463",
        "1e-27",
    );
    close(
        rig.expected_output(),
        "0.0028732297260586808367473323",
        "1e-27",
    );
    assert_eq!(rig.energy_kwh(), d(2394));
    assert_eq!(rig.power_cost(), dec("143.64"));
    close(
        rig.amortization(),
        "82.191780821917808219178082192",
        "1e-24",
    );
    close(rig.total_cost(), "245.83178082191780821917808219", "1e-24");
    assert_eq!(rig.cash_cost(), dec("163.64"));
    close(
        rig.cost_per_coin().unwrap(),
        "85559.389349328036174079566",
        "1e-19",
    );
    close(
        rig.hashprice(d(100_000)).unwrap(),
        "0.0514362643404704768483231707",
        "1e-26",
    );
    let m = rig.margin_at(d(100_000)).unwrap();
    close(m, "41.49119178395", "1e-10");
}

fn eth_model() -> SpotModel {
    SpotModel::new(SpotParams {
        spot: 250.0,
        rate: 0.05,
        dividend_yield: 0.0,
        vol: 0.8,
        expiry_years: 30.0 / 365.0,
    })
    .unwrap()
}

/// Zero-cost collars on ETH-like inputs (Black–Scholes–Merton, spot 250, r 5 %, σ 80 %,
/// 30 days): the call premium equals the put premium to 1e-9 for put strikes from 50 % to 99 %
/// of the forward.
#[test]
fn zero_cost_collar_premiums_match_to_1e9() {
    let m = eth_model();
    let fwd = 250.0 * (0.05f64 * 30.0 / 365.0).exp();
    for pct in (50..100).step_by(7).chain([99]) {
        let kp = fwd * pct as f64 / 100.0;
        let z = zero_cost_collar(
            &m,
            ZeroCostParams {
                put_strike: kp,
                min_call_strike: kp,
            },
        )
        .unwrap();
        let put = m.premium(OptionKind::Put, kp).unwrap();
        let call = m.premium(OptionKind::Call, z.call_strike).unwrap();
        assert!((call - put).abs() <= ZERO_COST, "Kp {kp}: {call} vs {put}");
        assert!(
            z.call_strike > fwd,
            "call strike {} ≤ forward",
            z.call_strike
        );
        // A zero-cost collar with the model's premiums has zero carried premium.
        let pos = seed_position(z.hedge().unwrap());
        assert!(pos.carried_net_premium().abs() <= Decimal::new(5, 9));
    }
}

#[test]
fn zero_cost_collar_with_put_above_forward_is_typed_error() {
    let m = eth_model();
    let e = zero_cost_collar(
        &m,
        ZeroCostParams {
            put_strike: 260.0,
            min_call_strike: 260.0,
        },
    )
    .unwrap_err();
    assert!(matches!(e, DomainError::NoZeroCostStrike { .. }), "{e}");
}

/// The example rig with the subsidy halving on day 10 of 30. By hand: a third of the blocks
/// pays 3.125, two thirds pay 1.5625, so the period-average subsidy is
/// 3.125 × (1 + 10/30) / 2 = 25/12; reward = 25/12 + 0.02 = 631/300; blocks = 4,320,000 / 2³²,
/// so coins = 4,320,000 × 631 / 300 / 2³² × 0.98 = 9,086,400 / 2³² × 0.98
/// = 0.002073280513286590576171875 (a finite decimal).
#[test]
fn rig_with_halving_by_hand() {
    let mut p = RigParams::example();
    p.block_subsidy = halving_subsidy(dec("3.125"), d(10), d(30)).unwrap();
    let rig = Rig::new(p).unwrap();
    assert_eq!(rig.expected_blocks(), dec("0.001005828380584716796875"));
    let q = rig.expected_output();
    assert!(
        (q - dec("0.002073280513286590576171875")).abs() < dec("1e-27"),
        "{q}"
    );
    // Halving on the last day changes nothing; on day 0 the whole period pays half.
    assert_eq!(
        halving_subsidy(dec("3.125"), d(30), d(30)).unwrap(),
        dec("3.125")
    );
    assert_eq!(
        halving_subsidy(dec("3.125"), d(0), d(30)).unwrap(),
        dec("1.5625")
    );
    assert_eq!(
        halving_subsidy(dec("3.125"), d(31), d(30))
            .unwrap_err()
            .field(),
        Some(Field::HalvingDay)
    );
}

/// "If the rate of return provided by the forward contract is insufficient then the miner has
/// the option to forego the investment": the forward price a target needs, against the $260
/// forward on offer. 18.18… % (2/11) needs exactly $260; 20 % needs 1,100 × 1.2 / 5 = $264,
/// above the offer; the inverse quote for 20 % is 1/264 ETH/USD, below the offered 0.004.
#[test]
fn required_prices_show_when_to_forego() {
    let e = seed();
    let two_elevenths = Decimal::TWO / d(11);
    let f = required_forward_price(&e, &Target::full_coverage(two_elevenths).unwrap()).unwrap();
    assert!((f - d(260)).abs() < dec("1e-24"), "{f}");
    let t20 = Target::full_coverage(dec("0.2")).unwrap();
    assert_eq!(required_forward_price(&e, &t20).unwrap(), d(264));
    assert!(required_forward_price(&e, &t20).unwrap() > d(260)); // forego
    let p = required_inverse_quote(&e, &t20).unwrap().unwrap();
    assert_eq!(p, Decimal::ONE / d(264));
    assert!(p < dec("0.004")); // 0.004 ETH/USD locks only 13.6 %: forego
    // With 60 % covered and the rest valued at a worst case of $150:
    // (1,320 − 0.4 × 5 × 150) / (0.6 × 5) = 1,020 / 3 = $340.
    let t = Target::new(TargetParams {
        target_return: dec("0.2"),
        coverage: dec("0.6"),
        worst_price: d(150),
    })
    .unwrap();
    assert_eq!(required_forward_price(&e, &t).unwrap(), d(340));
}

/// A put floor for the seed under BSM (spot 250, r 5 %, σ 80 %, 30 days): a 0 % target
/// needs K − e^{rT}·P(K) = 220; a 20 % target exceeds what any put can floor (at most the
/// forward, 251.03), so the answer is a typed "target return" error naming the best return.
#[test]
fn required_put_floor_under_bsm() {
    let m = eth_model();
    let carry = (0.05f64 * 30.0 / 365.0).exp();
    let t0 = Target::full_coverage(Decimal::ZERO).unwrap();
    let floor = required_put_strike(&m, &seed(), &t0, carry)
        .unwrap()
        .unwrap();
    let put = m.premium(OptionKind::Put, floor.strike).unwrap();
    assert!(
        (floor.strike - carry * put - 220.0).abs() < 1e-9,
        "{floor:?}"
    );
    // The position with that put returns ≥ 0 at every final price.
    let pos = Position::new(PositionParams {
        economics: seed(),
        hedge: floor.hedge().unwrap(),
        coverage: Decimal::ONE,
        carry_factor: minerhedge::domain::money::carry_factor_f64(0.05, 30.0 / 365.0).unwrap(),
    })
    .unwrap();
    for s in [1, 100, 200, 220, 240, 300, 1000] {
        let r = pos.period_return(d(s)).unwrap();
        assert!(r >= dec("-1e-12"), "return {r} at {s}");
    }
    let t20 = Target::full_coverage(dec("0.2")).unwrap();
    let e = required_put_strike(&m, &seed(), &t20, carry).unwrap_err();
    assert_eq!(e.field(), Some(Field::TargetReturn), "{e}");
    // And a zero-cost collar floor for 0 %: put strike 220, call premium = put premium.
    let z = required_zero_cost_collar(&m, &seed(), &t0, 0.0)
        .unwrap()
        .unwrap();
    assert!((z.put_strike - 220.0).abs() < 1e-12);
    assert!(z.net_premium().abs() <= ZERO_COST);
}
