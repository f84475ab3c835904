//! One range per key: every value a link accepts, the engine accepts and computes. The links
//! below are values the engine used to refuse (or blamed on the wrong key); each opens as a
//! working page, or names the key that is wrong. A bounded, seeded fuzz test keeps it so for
//! generated links of both views.

use minerhedge::link::{KEYS, Key, KeySpec, Page, Scenario};
use minerhedge::view::Model;
use minerhedge::view::program::ProgramModel;
use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};
use rust_decimal::Decimal;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date")
}

/// The messages of the page a link opens (the program's build error, or the period model's
/// messages), as `(key, text)`.
fn messages(q: &str) -> Vec<(Option<Key>, String)> {
    let d = Scenario::from_query(q);
    let mut out: Vec<(Option<Key>, String)> = d
        .errors
        .iter()
        .map(|e| (Some(e.key), e.to_string()))
        .collect();
    if d.scenario.view.page == Page::Program {
        if let Err(m) = ProgramModel::build(&d.scenario, today()) {
            out.push((m.key, m.text));
        }
    } else {
        let m = Model::build(&d.scenario);
        out.extend(m.messages.iter().map(|m| (m.key, m.text.clone())));
        if m.chosen().is_none() {
            out.push((None, "no strategy".into()));
        }
    }
    out
}

#[test]
fn valid_values_open_a_working_page() {
    let mut refused = Vec::new();
    for q in [
        "v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&lo=0&hi=300&step=10",
        "v=2&rate=100&days=3650",
        // No volatility and a falling drift: the short is never liquidated.
        "v=2&vol=0&rate=-68",
        "v=2&lo=999999999.999999999",
        "v=1&lo=999999999.999999999&hi=1000000000&step=0.000000001",
        "v=2&view=program&halvdate=2000-02-29",
        "v=2&cov=1000e-30",
        "v=2&cov=100.000000000000000000000000000",
        "v=2&view=program&start=2027-01-01&pcov=1000e-30",
    ] {
        let m = messages(q);
        if !m.is_empty() {
            refused.push(format!("{q}: {m:?}"));
        }
    }
    assert!(refused.is_empty(), "{}", refused.join("\n"));
}

#[test]
fn errors_name_the_key_that_is_wrong() {
    for (q, key) in [
        ("v=2&view=program&bf25=-50", Key::Butterfly),
        ("v=2&bf25=-50", Key::Butterfly),
        // No zero-cost call under the engine's largest price: the month's call strike.
        (
            "v=2&view=program&ph=collar&pfwd=1000000000",
            Key::MonthCallStrikes,
        ),
        // Below the pricing models' smallest price (10⁻¹²): refused by the link's range.
        ("v=2&spot=0.000000000000000001", Key::Spot),
        ("v=2&hedge=put&kp=1e-27", Key::PutStrike),
        // A touch probability that rounds to 1 in `f64`: refused by the link's range.
        ("v=2&pliq=99.9999999999999999999999999", Key::TouchTarget),
        ("v=2&pliq=0.0000000000000000000000001", Key::TouchTarget),
        // A rig whose period costs nothing (free power) has no return on its cost: the
        // engine refuses a cost below $0.01, and the page names the power price.
        ("v=2&coin=BTC&mode=rig&pwr=0", Key::Power),
        ("v=2&coin=BTC&mode=rig&up=0.000000000000000001", Key::Power),
        ("v=2&view=program&coin=BTC&mode=rig&pwr=0", Key::Power),
        // The program's first forward on the curve passes the engine's largest price:
        // named on spot, which the curve follows (not on pfwd, which the link never set).
        ("v=2&view=program&spot=1000000000", Key::Spot),
        // The difficulty of the last month passes the engine's largest.
        (
            "v=2&view=program&mode=rig&diff=99999999999999999",
            Key::Difficulty,
        ),
    ] {
        let m = messages(q);
        assert!(!m.is_empty(), "{q}: opens");
        let named = m.iter().filter(|(_, text)| text != "no strategy");
        assert!(named.clone().count() > 0, "{q}: {m:?}");
        assert!(named.clone().all(|(k, _)| *k == Some(key)), "{q}: {m:?}");
    }
}

/// A value for `spec` a link may carry: its default, either end of its range, a point
/// inside it, or (for lists) one to three such items; words and dates from their sets.
fn value_of(spec: &'static KeySpec) -> BoxedStrategy<String> {
    use minerhedge::link::Kind;
    let number = |kind: Kind| -> BoxedStrategy<String> {
        match kind.range() {
            Some(r) => {
                let (lo, hi) = (r.min, r.max);
                (0u32..=1000)
                    .prop_map(move |i| {
                        // lo + (hi − lo)·i/1000, exact; the ends themselves when included.
                        let span = hi - lo;
                        let v = lo + span / Decimal::from(1000) * Decimal::from(i);
                        v.normalize().to_string()
                    })
                    .prop_filter("inside the range", move |t| {
                        t.parse::<Decimal>().is_ok_and(|v| r.contains(v))
                    })
                    .boxed()
            }
            None => Just(spec.default.to_string()).boxed(),
        }
    };
    let item = |kind: Kind| -> BoxedStrategy<String> {
        match kind {
            Kind::Choice(words) => prop::sample::select(words.to_vec())
                .prop_map(str::to_string)
                .boxed(),
            Kind::ZeroOrNumber(_) => prop_oneof![Just("zero".to_string()), number(kind)].boxed(),
            Kind::Date | Kind::OptionalDate => (2000i32..2199, 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
                .boxed(),
            _ => number(kind),
        }
    };
    match spec.kind {
        Kind::List(inner) | Kind::Series(inner) => prop::collection::vec(item(*inner), 1..4)
            .prop_map(|v| v.join(","))
            .boxed(),
        Kind::Version => Just("2".to_string()).boxed(),
        Kind::Label => Just("BTC".to_string()).boxed(),
        kind => prop_oneof![Just(spec.default.to_string()), item(kind)].boxed(),
    }
}

/// A link of 1–8 keys with values in their ranges, in either view.
fn link() -> impl Strategy<Value = String> {
    let pair = prop::sample::select(
        KEYS.iter()
            .filter(|k| ![Key::Version, Key::Page, Key::Start].contains(&k.id))
            .collect::<Vec<_>>(),
    )
    .prop_flat_map(|spec| value_of(spec).prop_map(move |v| format!("{}={v}", spec.key)));
    (
        prop::sample::select(vec!["period", "program"]),
        prop::collection::vec(pair, 1..8),
    )
        .prop_map(|(view, pairs)| format!("v=2&view={view}&start=2027-01-01&{}", pairs.join("&")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, rng_seed: RngSeed::Fixed(23), failure_persistence: None, ..ProptestConfig::default() })]

    /// Any link of values in range opens: its errors (link or engine) each name a key the
    /// view has, and the page's texts hold no NaN or infinity.
    #[test]
    fn links_in_range_open_or_name_their_key(q in link()) {
        let d = Scenario::from_query(&q);
        let page = d.scenario.view.page;
        let link_errors = d.errors.len();
        for (key, text) in messages(&q).into_iter().skip(link_errors) {
            if text == "no strategy" {
                continue;
            }
            let key = key.ok_or_else(|| TestCaseError::fail(format!("{q}: no key: {text}")))?;
            let spec = key.spec();
            let on_page = if page == Page::Program { spec.page.has_program() } else { spec.page.has_period() };
            prop_assert!(on_page, "{}: {} is not on the {:?} page: {}", q, key, page, text);
        }
        if page == Page::Period {
            let shown = format!("{:?}", minerhedge::present::display::display(&d.scenario));
            prop_assert!(!shown.contains("NaN") && !shown.contains("inf"), "{q}");
        }
    }
}
