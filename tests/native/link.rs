//! The share-link codec: the seed link, every kind of bad value, the canonical form, the key
//! table, and properties (never panics; round trips; decoded scenarios are always valid).

use minerhedge::link::{
    CallStrike, HedgeChoice, KEYS, Key, KeySpec, Kind, MAX_TABLE_STEPS, Mode, PRESETS, Scenario,
    markdown_table,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

use crate::common::any_dec;

const SEED_LINK: &str = "?v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge=forward&fwd=260&cov=100&lo=200&hi=300&step=10";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("bad test literal {s}: {e}"))
}

#[test]
fn seed_link_decodes_without_errors() {
    let decoded = Scenario::from_query(SEED_LINK);
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    let s = decoded.scenario;
    assert_eq!(s.economics.coin, "ETH");
    assert_eq!(s.economics.mode, Mode::Direct);
    assert_eq!(s.economics.cost, d("1100"));
    assert_eq!(s.economics.qty, d("5"));
    assert_eq!(s.market.spot, d("250"));
    assert_eq!(s.hedge.choice, HedgeChoice::Forward);
    assert_eq!(s.hedge.forward, Some(d("260")));
    assert_eq!(s.hedge.coverage_pct, d("100"));
    assert_eq!(
        (s.view.lo, s.view.hi, s.view.step),
        (Some(d("200")), Some(d("300")), Some(d("10")))
    );
    assert_eq!(s.table_prices().len(), 11);
    // Without the '?' it is the same link.
    assert_eq!(Scenario::from_query(&SEED_LINK[1..]).scenario, s);
}

#[test]
fn defaults_are_the_seed_case() {
    let s = Scenario::default();
    assert_eq!(s.economics.days, 30);
    assert_eq!(s.market.vol_pct, d("80"));
    assert_eq!(s.market.rate_pct, d("5"));
    assert_eq!(s.view.price, Some(d("250")));
    assert_eq!(s.hedge.inverse_quote, Some(d("0.004")));
    assert_eq!(s.hedge.put_strike, Some(d("230")));
    assert_eq!(s.hedge.call_strike, CallStrike::Zero);
    assert_eq!(s.hedge.put_premium, None);
    assert_eq!(s.hedge.call_premium, None);
    assert_eq!(s.economics.rig.hashrate_ths, d("200"));
    assert_eq!(s.economics.rig.efficiency_j_per_th, d("17.5"));
    assert_eq!(s.economics.rig.power_usd_per_kwh, d("0.06"));
    assert_eq!(s.economics.rig.difficulty, d("120000000000000"));
    assert_eq!(s.economics.rig.subsidy, d("3.125"));
    assert_eq!(s.economics.rig.fees_per_block, d("0.02"));
    assert_eq!(s.economics.rig.lifetime_days, 1095);
    assert!(s.validate().is_empty());
}

#[test]
fn decimals_are_read_exactly() {
    let s =
        Scenario::from_query("inv=0.004&kp=229.99&qty=4.999999999999999999&diff=1.2e14").scenario;
    assert_eq!(s.hedge.inverse_quote, Some(Decimal::new(4, 3)));
    assert_eq!(
        s.hedge.inverse_quote.map(|q| q.to_string()).as_deref(),
        Some("0.004")
    );
    assert_eq!(s.hedge.put_strike, Some(Decimal::new(22999, 2)));
    assert_eq!(s.economics.qty.to_string(), "4.999999999999999999");
    assert_eq!(
        s.economics.rig.difficulty,
        Decimal::from(120_000_000_000_000_u64)
    );
    // Trailing zeros are dropped on reading, so equal values compare and print equal.
    let t = Scenario::from_query("inv=0.00400&cost=1100.000").scenario;
    assert_eq!(
        t.hedge.inverse_quote.map(|q| q.to_string()).as_deref(),
        Some("0.004")
    );
    assert_eq!(t.economics.cost.to_string(), "1100");
}

#[test]
fn percent_encoding_and_case() {
    let s = Scenario::from_query("coin=%42TC&hedge=Inverse&mode=RIG&kc=ZERO&cov=5%30").scenario;
    assert_eq!(s.economics.coin, "BTC");
    assert_eq!(s.hedge.choice, HedgeChoice::Inverse);
    assert_eq!(s.economics.mode, Mode::Rig);
    assert_eq!(s.hedge.coverage_pct, d("50"));
    // '+' is a space in a query string; surrounding spaces are trimmed.
    assert_eq!(
        Scenario::from_query("cost=+1200+").scenario.economics.cost,
        d("1200")
    );
}

#[test]
fn unknown_keys_are_ignored() {
    let decoded = Scenario::from_query("utm_source=x&foo=&&=&=3&v=1&cov=40&COV=10");
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    assert_eq!(decoded.scenario.hedge.coverage_pct, d("40"));
}

#[test]
fn each_kind_of_bad_value_is_named_with_its_range() {
    let cases = [
        ("v=3", "v", "unsupported format version; valid: 1 or 2"),
        ("coin=ETH%2FUSD", "coin", "not a coin label"),
        ("coin=ABCDEFGHIJK", "coin", "1 to 10 letters or digits"),
        (
            "mode=cloud",
            "mode",
            "unknown word; valid: one of direct, rig",
        ),
        (
            "hedge=swap",
            "hedge",
            "valid: one of none, forward, inverse, put, putspread, collar, seagull, call, hashprice",
        ),
        ("vol=abc", "vol", "not a number; valid: between 0 and 500 %"),
        (
            "vol=500.1",
            "vol",
            "out of range; valid: between 0 and 500 %",
        ),
        ("rate=-101", "rate", "between -100 and 100 %"),
        ("cov=-1", "cov", "between 0 and 100 %"),
        (
            "spot=0",
            "spot",
            "between 0.000000000001 and 1,000,000,000 USD per coin",
        ),
        ("days=0", "days", "whole number between 1 and 3,650 days"),
        ("days=3651", "days", "out of range"),
        ("days=30.5", "days", "not a whole number"),
        ("kc=none", "kc", "`zero`, or between 0.000000000001 and"),
        (
            "pp=-1",
            "pp",
            "between 0 and 1,000,000,000 USD per coin, or absent",
        ),
        ("inv=1e-29", "inv", "too large or too small"),
        (
            "qty=0.00000000000000000000000000001",
            "qty",
            "too many digits",
        ),
        ("fwd=NaN", "fwd", "not a number"),
        ("fwd=inf", "fwd", "not a number"),
        ("cost=1%2C100", "cost", "not a number"),
        ("paths=0", "paths", "whole number between 1 and 1,000,000"),
        ("seed=-1", "seed", "out of range"),
        ("seed=18446744073709551616", "seed", "out of range"),
        ("up=0", "up", "greater than 0 and at most 100 %"),
        ("dg=-100", "dg", "greater than -100 and at most 1,000 %"),
        ("cost=", "cost", "empty value"),
    ];
    for (query, key, needle) in cases {
        let decoded = Scenario::from_query(query);
        assert_eq!(decoded.errors.len(), 1, "{query}: {:?}", decoded.errors);
        let e = &decoded.errors[0];
        assert_eq!(e.key, key, "{query}");
        let text = e.to_string();
        assert!(text.starts_with(&format!("{key} = ")), "{query}: {text}");
        assert!(text.contains(needle), "{query}: {text} lacks {needle:?}");
        let (_, value) = query.split_once('=').unwrap_or_default();
        let shown: String = serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .ok()
            .and_then(|v| v.into_iter().next())
            .map(|(_, v)| v)
            .unwrap_or_else(|| value.to_string());
        assert_eq!(e.value, shown, "{query}");
        // The field keeps its default; the other keys still apply.
        assert_eq!(decoded.scenario, Scenario::default(), "{query}");
    }
}

#[test]
fn bad_values_do_not_stop_good_ones() {
    let decoded = Scenario::from_query("vol=abc&cov=150&hedge=put&kp=220&pp=12.5&days=x");
    assert_eq!(decoded.bad_keys(), vec!["vol", "cov", "days"]);
    let s = &decoded.scenario;
    assert_eq!(s.hedge.choice, HedgeChoice::Put);
    assert_eq!(s.hedge.put_strike, Some(d("220")));
    assert_eq!(s.hedge.put_premium, Some(d("12.5")));
    assert_eq!(s.market.vol_pct, d("80"));
    assert_eq!(s.hedge.coverage_pct, d("100"));
    assert_eq!(s.economics.days, 30);
    let summary = decoded.summary().unwrap_or_default();
    for key in ["vol", "cov", "days"] {
        assert!(summary.contains(key), "{summary}");
    }
}

#[test]
fn repeated_key_uses_first_value() {
    let decoded = Scenario::from_query("cov=40&cov=60");
    assert_eq!(decoded.scenario.hedge.coverage_pct, d("40"));
    assert_eq!(decoded.bad_keys(), vec!["cov"]);
    assert!(decoded.errors[0].reason.contains("first value"));
}

#[test]
fn price_range_rules_reset_the_whole_range() {
    let decoded = Scenario::from_query("lo=350&step=5");
    assert_eq!(decoded.bad_keys(), vec!["lo"]);
    let s = &decoded.scenario;
    assert_eq!(
        (s.view.lo, s.view.hi, s.view.step),
        (Some(d("200")), Some(d("300")), Some(d("10")))
    );
    assert!(decoded.errors[0].to_string().contains("less than hi = 300"));

    let decoded = Scenario::from_query("lo=0&hi=1000&step=0.5");
    assert_eq!(decoded.bad_keys(), vec!["step"]);
    assert!(decoded.errors[0].to_string().contains("at most 1000"));
    assert_eq!(decoded.scenario.view.step, Some(d("10")));

    // Exactly MAX_TABLE_STEPS intervals is fine.
    let decoded = Scenario::from_query("lo=0&hi=1000&step=1");
    assert!(decoded.errors.is_empty());
    assert_eq!(
        decoded.scenario.table_prices().len(),
        MAX_TABLE_STEPS as usize + 1
    );
    // A step that does not divide the range stops below hi.
    let p = Scenario::from_query("lo=200&hi=300&step=30")
        .scenario
        .table_prices();
    assert_eq!(p, vec![d("200"), d("230"), d("260"), d("290")]);
}

#[test]
fn day_rules() {
    let decoded = Scenario::from_query("days=10&elapsed=11&halv=12");
    assert_eq!(decoded.bad_keys(), vec!["elapsed", "halv"]);
    assert_eq!(decoded.scenario.economics.days, 10);
    assert_eq!(decoded.scenario.view.elapsed_days, 0);
    assert_eq!(decoded.scenario.economics.rig.halving_day, None);
    let ok = Scenario::from_query("days=10&elapsed=10&halv=10");
    assert!(ok.errors.is_empty());
    assert_eq!(ok.scenario.economics.rig.halving_day, Some(10));
}

#[test]
fn block_reward_must_be_positive() {
    let decoded = Scenario::from_query("sub=0&fee=0");
    assert_eq!(decoded.bad_keys(), vec!["sub"]);
    assert_eq!(decoded.scenario.economics.rig.subsidy, d("3.125"));
    assert_eq!(decoded.scenario.economics.rig.fees_per_block, Decimal::ZERO);
    assert!(Scenario::from_query("sub=0").errors.is_empty());
}

#[test]
fn ranges_match_engine_limits() {
    // Values the engine refuses are refused by the link too.
    for q in [
        "cost=0.001",
        "pool=100",
        "eff=0",
        "diff=0.5",
        "diff=1e21",
        "hr=1e9",
        "inv=1e-10",
        "spot=1000000001",
        "rate=101",
        "days=3651",
        "diff=1.1e17",
    ] {
        assert_eq!(Scenario::from_query(q).errors.len(), 1, "{q}");
    }
    for q in [
        "cost=0.01",
        "pool=99.99",
        "diff=1",
        "diff=1e17",
        "inv=1e-9",
        "inv=1e9",
    ] {
        assert!(Scenario::from_query(q).errors.is_empty(), "{q}");
    }
}

#[test]
fn canonical_query_of_the_default() {
    let expected = "v=2&coin=ETH&mode=direct&cost=1100&qty=5&hr=200&eff=17.5&pwr=0.06&opex=0\
        &pool=2&up=97&diff=120000000000000&dg=0&sub=3.125&fee=0.02&capex=0&life=1095&days=30\
        &spot=250&vol=80&rate=5&hedge=forward&cov=100&fwd=260&inv=0.004&kp=230&kp2=190&kc=zero\
        &px=250\
        &lo=200&hi=300&step=10&seed=1&paths=10000&dvol=0&elapsed=0&rspot=0&rdg=0&rr25=0&bf25=0\
        &settle=usd&im=20&mm=10&pliq=1";
    assert_eq!(Scenario::default().to_query(), expected);
}

#[test]
fn canonical_query_follows_the_key_table() {
    let mut s = Scenario::default();
    s.hedge.put_premium = Some(d("12.50"));
    s.hedge.call_premium = Some(d("0"));
    s.economics.rig.halving_day = Some(7);
    s.hedge.call_strike = CallStrike::Strike(d("310.0"));
    s.economics.coin = "btc".to_string();
    s.hedge.hashprice_fixed = Some(d("55"));
    s.hedge.collateral = Some(d("100"));
    let q = s.to_query();
    let keys: Vec<&str> = q
        .split('&')
        .map(|kv| kv.split_once('=').map_or(kv, |(k, _)| k))
        .collect();
    // A period link leaves out the program's keys that are at their defaults.
    let table: Vec<&str> = KEYS
        .iter()
        .filter(|k| !k.omitted_from_period_link(k.default))
        .map(|k| k.key)
        .collect();
    assert_eq!(keys, table);
    assert!(q.contains("&kc=310&pp=12.5&cp=0&"));
    assert!(q.contains("&halv=7&rspot=0&rdg=0&"));
    assert!(q.contains("coin=btc"));
    assert_eq!(Scenario::from_query(&q).scenario, s);
}

#[test]
fn canonical_form_of_odd_spellings() {
    let q = Scenario::from_query("?cost=01100.50&inv=4e-3&diff=1.2E14&rate=-0&hedge=COLLAR")
        .scenario
        .to_query();
    assert!(q.contains("cost=1100.5&"), "{q}");
    assert!(q.contains("inv=0.004&"), "{q}");
    assert!(q.contains("diff=120000000000000&"), "{q}");
    assert!(q.contains("rate=0&"), "{q}");
    assert!(q.contains("hedge=collar&"), "{q}");
}

#[test]
fn key_table_defaults_match_the_default_scenario() {
    let s = Scenario::default();
    // `v`'s default says what a link without it means (version 1); writers write version 2.
    for spec in KEYS.iter().filter(|k| k.key != "v") {
        assert_eq!(s.get_key(spec.id), spec.default, "{}", spec.key);
        let mut t = Scenario::default();
        assert!(t.set_key(spec.id, spec.default).is_ok(), "{}", spec.key);
        assert_eq!(t, s, "{}", spec.key);
    }
}

#[test]
fn module_docs_carry_the_key_table() {
    let source = include_str!("../../src/link.rs");
    let doc_table: String = source
        .lines()
        .filter_map(|l| l.strip_prefix("//! "))
        .filter(|l| l.starts_with('|'))
        .skip_while(|l| !l.starts_with("| key | meaning | unit"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(doc_table, markdown_table());
}

#[test]
fn the_table_has_exactly_the_keys_the_format_names() {
    let named = [
        "v", "coin", "mode", "cost", "qty", "hr", "eff", "pwr", "diff", "sub", "fee", "days",
        "spot", "vol", "rate", "hedge", "cov", "fwd", "inv", "kp", "kp2", "kc", "px", "lo", "hi",
        "step", "opex", "pool", "up", "dg", "capex", "life", "pp", "cp", "seed", "paths", "dvol",
        "elapsed", "halv", "rspot", "rdg", "view", "start", "months", "dgm", "halvdate", "basis",
        "pfwd", "ph", "pcov", "pkp", "pkp2", "pkc", "corr", "drift", "hpf", "rr25", "bf25",
        "settle", "im", "mm", "coll", "pliq", "ptarget", "aq", "apx", "pneg", "pmax", "ptype",
        "pidx", "psd", "pcurve", "drc", "pvol", "pcorr", "hold0", "cash0", "sell", "lend", "lendy",
        "lpd", "lgd", "loan", "lrate", "pledge", "ltvmc", "ltvliq", "pcall", "cc", "cck",
    ];
    for key in named {
        assert!(KeySpec::get(key).is_some(), "{key} is not in the table");
    }
    // No key in the table that the format (module docs, README) does not name, none twice.
    for spec in KEYS {
        assert!(named.contains(&spec.key), "{} is not named", spec.key);
        assert_eq!(
            KEYS.iter().filter(|s| s.key == spec.key).count(),
            1,
            "{}",
            spec.key
        );
    }
    let mut labels: Vec<&str> = KEYS.iter().map(|k| k.label).collect();
    labels.sort_unstable();
    labels.dedup();
    assert_eq!(labels.len(), KEYS.len(), "labels are unique");
    assert!(
        KEYS.iter()
            .all(|k| !k.label.is_empty() && !k.id.meaning().contains('|'))
    );
}

#[test]
fn set_mirrors_the_decoder() {
    let mut s = Scenario::default();
    assert!(s.set_key(Key::PutPremium, "3.2").is_ok());
    assert_eq!(s.hedge.put_premium, Some(d("3.2")));
    assert!(s.set_key(Key::PutPremium, "").is_ok());
    assert_eq!(s.hedge.put_premium, None);
    assert!(s.set_key(Key::Halving, " ").is_ok());
    let e = s.set_key(Key::Cost, "").unwrap_err();
    assert_eq!(e.key, Key::Cost);
    assert_eq!(s, Scenario::default());
}

#[test]
fn validate_reports_fields_set_directly() {
    let mut s = Scenario::default();
    s.economics.coin = "ETH USD".to_string();
    s.market.spot = Decimal::ZERO;
    s.economics.days = 0;
    s.view.elapsed_days = 5;
    s.view.hi = Some(d("100"));
    let keys: Vec<&str> = s.validate().iter().map(|e| e.key.as_str()).collect();
    // `days` is invalid, so `elapsed ≤ days` is checked against 0 as well.
    assert_eq!(keys, vec!["coin", "days", "spot", "lo", "elapsed"]);
}

#[test]
fn ranges_are_exposed_for_the_page() {
    let cov = KeySpec::get("cov").and_then(|k| k.range());
    assert_eq!(cov.map(|r| (r.min, r.max)), Some((d("0"), d("100"))));
    assert!(matches!(
        KeySpec::get("hedge").map(|k| k.kind),
        Some(Kind::Choice(_))
    ));
    assert_eq!(KeySpec::get("mode").and_then(|k| k.range()), None);
}

#[test]
fn presets_decode_cleanly_and_canonically() {
    assert_eq!(PRESETS[0].scenario(), Scenario::default());
    for p in PRESETS {
        let decoded = Scenario::from_query(p.query);
        assert!(
            decoded.errors.is_empty(),
            "{}: {:?}",
            p.name,
            decoded.errors
        );
        let q = decoded.scenario.to_query();
        assert_eq!(
            Scenario::from_query(&q).scenario,
            decoded.scenario,
            "{}",
            p.name
        );
    }
    let rig = PRESETS[1].scenario();
    assert_eq!(rig.economics.mode, Mode::Rig);
    assert_eq!(rig.hedge.inverse_quote, Some(d("0.00000997")));
    assert_eq!(rig.table_prices().len(), 17);
}

// ---------------------------------------------------------------- properties

/// A value text for a key: valid-looking or garbage.
fn value_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[-+]?[0-9]{0,12}(\\.[0-9]{0,30})?([eE][-+]?[0-9]{0,4})?",
        Just("zero".to_string()),
        Just("NaN".to_string()),
        Just("1e308".to_string()),
        prop::sample::select(vec![
            "direct", "rig", "none", "forward", "inverse", "put", "collar"
        ])
        .prop_map(str::to_string),
        any::<f64>().prop_map(|x| x.to_string()),
        any::<i64>().prop_map(|x| x.to_string()),
        any::<u64>().prop_map(|x| x.to_string()),
    ]
}

fn key_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS.iter().map(|k| k.key).collect::<Vec<_>>()).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn query_from_pairs(pairs: &[(String, String)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

fn dec_in(min_units: i64, max_units: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    (min_units..=max_units).prop_map(move |m| Decimal::new(m, scale).normalize())
}

fn positive_price() -> impl Strategy<Value = Decimal> {
    (1i64..=1_000_000_000_000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s + 3).normalize())
}

prop_compose! {
    fn valid_scenario()(
        coin in "[A-Za-z0-9]{1,10}",
        mode in prop::sample::select(Mode::ALL.to_vec()),
        hedge in prop::sample::select(HedgeChoice::choices().collect::<Vec<_>>()),
        cost in (1i64..=100_000_000_000_000).prop_map(|m| Decimal::new(m, 2).normalize()),
        qty in (1i64..=1_000_000_000, 0u32..=12).prop_map(|(m, s)| Decimal::new(m, s).normalize()),
        hr in (1i64..=100_000_000_000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s + 3).normalize()),
        eff in dec_in(1, 1_000_000, 3),
        pwr in dec_in(0, 100_000, 4),
        opex in dec_in(0, 1_000_000_000, 2),
        pool in dec_in(0, 999, 1),
        up in dec_in(1, 1000, 1),
        diff in (5u64..=100_000_000_000_000_000, 0u32..=1).prop_map(|(m, s)| Decimal::from(m) / Decimal::from(if s == 1 { 5 } else { 1 })),
        dg in dec_in(-999, 10_000, 1),
        sub in dec_in(1, 100_000_000, 8),
        fee in dec_in(0, 100_000_000, 8),
        capex in dec_in(0, 1_000_000_000, 2),
        life in 1u32..=36_500,
        days in 1u32..=3650,
        spot in positive_price(),
        vol in dec_in(0, 5000, 1),
        rate in dec_in(-1000, 1000, 1),
        cov in dec_in(0, 10_000, 2),
        fwd in positive_price(),
        inv in (1i64..=1_000_000_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s + 3).normalize()),
        kp in positive_price(),
        kc in prop::option::of(positive_price()),
        pp in prop::option::of(dec_in(0, 1_000_000, 2)),
        cp in prop::option::of(dec_in(0, 1_000_000, 2)),
        px in dec_in(0, 1_000_000_000, 2),
        lo in dec_in(0, 100_000_000, 2),
        step in dec_in(1, 100_000, 2),
        steps in 1u32..=1000,
        seed in any::<u64>(),
        paths in 1u32..=1_000_000,
        dvol in dec_in(0, 5000, 1),
        elapsed_frac in 0.0f64..=1.0,
        halv in prop::option::of(0.0f64..=1.0),
        rspot in dec_in(0, 1_000_000_000, 2),
        rdg in dec_in(-999, 10_000, 1),
    ) -> Scenario {
        let clamp_day = |f: f64| ((f64::from(days) * f).floor() as u32).min(days);
        let mut s = Scenario::default();
        let r = &mut s.economics.rig;
        r.hashrate_ths = hr; r.efficiency_j_per_th = eff; r.power_usd_per_kwh = pwr; r.opex = opex;
        r.pool_fee_pct = pool; r.uptime_pct = up; r.difficulty = diff; r.difficulty_growth_pct = dg;
        r.subsidy = sub; r.fees_per_block = fee; r.capex = capex; r.lifetime_days = life;
        r.halving_day = halv.map(clamp_day);
        s.economics.coin = coin; s.economics.mode = mode; s.economics.cost = cost;
        s.economics.qty = qty; s.economics.days = days;
        s.market.spot = spot; s.market.vol_pct = vol; s.market.rate_pct = rate;
        s.hedge.choice = hedge; s.hedge.coverage_pct = cov; s.hedge.forward = Some(fwd);
        s.hedge.inverse_quote = Some(inv); s.hedge.put_strike = Some(kp);
        s.hedge.call_strike = kc.map_or(CallStrike::Zero, CallStrike::Strike);
        s.hedge.put_premium = pp; s.hedge.call_premium = cp; s.view.price = Some(px);
        s.view.lo = Some(lo); s.view.hi = Some((lo + step * Decimal::from(steps)).normalize());
        s.view.step = Some(step);
        s.simulation.seed = seed; s.simulation.paths = paths; s.simulation.difficulty_vol_pct = dvol;
        s.view.elapsed_days = clamp_day(elapsed_frac);
        s.view.rebalance_spot = rspot; s.view.rebalance_difficulty_pct = rdg;
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_field_values_never_panic(
        lo in any_dec(), hi in any_dec(), step in any_dec(),
        sub in any_dec(), fee in any_dec(), spot in any_dec(), vol in any_dec(),
        days in any::<u32>(), elapsed in any::<u32>(), halv in any::<Option<u32>>(),
        coin in any::<String>(),
    ) {
        let mut s = Scenario::default();
        (s.view.lo, s.view.hi, s.view.step) = (Some(lo), Some(hi), Some(step));
        (s.economics.rig.subsidy, s.economics.rig.fees_per_block) = (sub, fee);
        (s.market.spot, s.market.vol_pct) = (spot, vol);
        (s.economics.days, s.view.elapsed_days, s.economics.rig.halving_day) = (days, elapsed, halv);
        s.economics.coin = coin;
        let errors = s.validate();
        let prices = s.table_prices();
        prop_assert!(prices.len() <= MAX_TABLE_STEPS as usize + 1);
        prop_assert!(prices.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(s.vol().is_finite() && s.rate().is_finite() && s.years().is_finite());
        // Whatever validate() accepts survives the link unchanged.
        let decoded = Scenario::from_query(&s.to_query());
        prop_assert_eq!(decoded.errors.is_empty(), errors.is_empty());
        if errors.is_empty() {
            prop_assert_eq!(decoded.scenario, s);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(q in any::<String>()) {
        let decoded = Scenario::from_query(&q);
        prop_assert!(decoded.scenario.validate().is_empty());
        let _ = decoded.scenario.to_query();
    }

    #[test]
    fn arbitrary_pairs_never_panic_and_decode_valid(
        pairs in prop::collection::vec((key_text(), value_text()), 0..40)
    ) {
        let q = query_from_pairs(&pairs);
        let decoded = Scenario::from_query(&q);
        // Whatever the link, the scenario is valid and every error names a key of the format.
        prop_assert!(decoded.scenario.validate().is_empty(), "{:?}", decoded.scenario.validate());
        for e in &decoded.errors {
            prop_assert!(e.to_string().starts_with(e.key.as_str()));
        }
        // Canonical text is stable: encoding what was decoded, and decoding that, is a fixed point.
        let canonical = decoded.scenario.to_query();
        let again = Scenario::from_query(&canonical);
        prop_assert!(again.errors.is_empty(), "{:?}", again.errors);
        prop_assert_eq!(&again.scenario, &decoded.scenario);
        prop_assert_eq!(again.scenario.to_query(), canonical);
    }

    #[test]
    fn single_key_set_agrees_with_decoder(key in key_text(), value in value_text()) {
        // The decoder starts from the defaults of the version it reads: version 1 for a key
        // of the format without `v`, version 2 for `v` other than 1 and for a link without
        // any key of the format; a bad `v` keeps its default, version 1.
        let is_key = KeySpec::get(&key).is_some();
        let v1 = is_key && (key != "v" || value.trim().parse::<Decimal>().ok() != Some(Decimal::TWO));
        let base = if v1 { Scenario::default() } else { Scenario::following_market() };
        let mut s = base.clone();
        let direct = match KeySpec::get(&key) {
            Some(spec) => s.set_key(spec.id, &value).map_err(Some),
            None => Err(None),
        };
        let decoded = Scenario::from_query(&query_from_pairs(&[(key.clone(), value.clone())]));
        let follows = KeySpec::get(&key).is_some_and(|k| k.follows_market());
        match direct {
            Ok(()) if v1 && follows && value.trim().is_empty() => {
                // Version 1 has no market-following values: an empty one is refused.
                prop_assert_eq!(decoded.bad_keys().iter().map(|k| k.as_str()).collect::<Vec<_>>(), vec![key.as_str()]);
                prop_assert_eq!(decoded.scenario, base);
            }
            Err(Some(e)) => {
                prop_assert_eq!(decoded.errors, vec![e]);
                prop_assert_eq!(decoded.scenario, base);
            }
            Err(_) => {
                // Not a key of the format: the decoder ignores it.
                prop_assert!(decoded.errors.is_empty());
                prop_assert_eq!(decoded.scenario, base);
            }
            Ok(()) => {
                // Accepted alone; the decoder may still apply a cross-key rule, which
                // validate() reports the same way.
                prop_assert_eq!(decoded.errors, s.validate());
                if s.validate().is_empty() {
                    prop_assert_eq!(decoded.scenario, s);
                }
            }
        }
    }

    #[test]
    fn valid_scenarios_round_trip(s in valid_scenario()) {
        prop_assert!(s.validate().is_empty(), "{:?}", s.validate());
        let q = s.to_query();
        let decoded = Scenario::from_query(&q);
        prop_assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
        prop_assert_eq!(&decoded.scenario, &s);
        prop_assert_eq!(decoded.scenario.to_query(), q.clone());
        prop_assert!(q.starts_with("v=2&"));
        // Numbers are written plainly: digits, at most one point, a leading minus.
        for (key, value) in serde_urlencoded::from_str::<Vec<(String, String)>>(&q).unwrap_or_default() {
            let numeric = KeySpec::get(&key).and_then(|k| k.range()).is_some() && value != "zero";
            if numeric {
                prop_assert!(value.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-'), "{}={}", key, value);
                let trailing_zero = value.contains('.') && value.ends_with('0');
                prop_assert!(!value.ends_with('.') && !trailing_zero, "{}={}", key, value);
            }
        }
    }

    #[test]
    fn decimal_text_is_read_exactly(m in 1i64..=1_000_000_000_000, scale in 0u32..=12) {
        let x = Decimal::new(m, scale);
        let text = x.to_string();
        let decoded = Scenario::from_query(&format!("inv={text}"));
        if x >= Decimal::new(1, 9) && x <= Decimal::from(1_000_000_000) {
            prop_assert!(decoded.errors.is_empty());
            prop_assert_eq!(decoded.scenario.hedge.inverse_quote, Some(x));
            prop_assert_eq!(decoded.scenario.get_key(Key::InverseQuote), x.normalize().to_string());
        } else {
            prop_assert_eq!(decoded.bad_keys(), vec!["inv"]);
        }
    }
}

/// Version-1 links never follow the market: every key a v1 link leaves out takes its v1
/// default, and writing the scenario as version 2 and reading it back gives it unchanged.
fn v1_reads_as_v1(query: &str) -> Result<(), TestCaseError> {
    let d = Scenario::from_query(query);
    let s = &d.scenario;
    prop_assert!(
        s.hedge.forward.is_some() && s.hedge.inverse_quote.is_some(),
        "{}",
        query
    );
    prop_assert!(
        s.hedge.put_strike.is_some() && s.view.price.is_some(),
        "{}",
        query
    );
    prop_assert!(s.view.lo.is_some() && s.view.hi.is_some() && s.view.step.is_some());
    let v2 = s.to_query();
    prop_assert!(v2.starts_with("v=2&"));
    let again = Scenario::from_query(&v2);
    prop_assert!(again.errors.is_empty(), "{:?}", again.errors);
    prop_assert_eq!(&again.scenario, s);
    Ok(())
}

#[test]
fn v1_corpus_reads_as_before() -> Result<(), TestCaseError> {
    // README's seed link, the presets, and the links the browser tests open.
    let readme = concat!(
        "v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge=forward&fwd=260&cov=100",
        "&lo=200&hi=300&step=10"
    );
    assert_eq!(Scenario::from_query(readme).scenario, Scenario::default());
    v1_reads_as_v1(readme)?;
    for p in PRESETS {
        v1_reads_as_v1(p.query)?;
    }
    for q in [
        "v=1&mode=rig",
        "coin=BTC&spot=95000",
        "v=1&spot=abc&cov=250&hedge=swap&vol=-5&unknownkey=7",
        "v=1&coin=ETH&mode=direct&cost=1100000&qty=5000&spot=2500&hedge=put&kp=2400&cov=100&lo=1000&hi=4000&step=500&px=3000",
    ] {
        v1_reads_as_v1(q)?;
    }
    // Without `v` a link with keys is version 1: `coin=BTC&spot=95000` keeps the v1 range.
    let s = Scenario::from_query("coin=BTC&spot=95000").scenario;
    assert_eq!((s.view.lo, s.view.hi), (Some(d("200")), Some(d("300"))));
    // The same with `v=2` follows the market.
    let s = Scenario::from_query("v=2&coin=BTC&spot=95000").scenario;
    let r = s.resolved();
    assert!(r.lo < d("95000") && d("95000") < r.hi, "{r:?}");
    assert!((r.forward / d("95000") - Decimal::ONE).abs() < d("0.1"));
    assert_eq!(r.price, d("95000"));
    Ok(())
}

proptest! {
    #[test]
    fn generated_v1_links_read_as_v1(pairs in prop::collection::vec((key_text(), value_text()), 0..12)) {
        let mut all = vec![("v".to_string(), "1".to_string())];
        all.extend(pairs);
        v1_reads_as_v1(&query_from_pairs(&all))?;
    }
}

#[test]
fn market_warnings_name_only_the_watched_keys() {
    let mut s = Scenario::default();
    s.market.spot = d("100000");
    s.hedge.call_strike = CallStrike::Strike(d("5"));
    let keys: Vec<_> = s.market_warnings().into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys.len(), 5);
    assert!(keys.iter().all(|k| Scenario::WARNED_KEYS.contains(k)));
}

#[test]
fn a_table_whose_interval_count_rounds_up_ends_at_hi() {
    // (hi − lo)/step rounds to 1 in 28 digits: the second price would overflow.
    let mut s = Scenario::default();
    let max = Decimal::MAX;
    (s.view.lo, s.view.hi, s.view.step) = (Some(Decimal::new(5, 1)), Some(max), Some(max));
    assert_eq!(s.table_prices(), vec![Decimal::new(5, 1)]);
}
