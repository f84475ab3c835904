//! Reading a price history (`domain::power::import`): CSV files of hourly prices with a
//! header (comma, semicolon and tab delimited, quoted fields, thousands separators, blank
//! lines, negative prices), the column picked by name or the last numeric one, each refusal
//! naming its line, and the curve: 24 bucket means of the sorted prices (one point an hour
//! below 24 hours), ascending, within the prices' range and, for a multiple of 24 hours, with
//! the prices' mean (property test).

use minerhedge::domain::power::HourPrices;
use minerhedge::domain::power::import::{
    CURVE_POINTS, ImportError, MAX_HOURS, PRICE_RANGE, PriceHistory, columns, read_prices,
};
use proptest::prelude::*;

fn read(text: &str) -> PriceHistory {
    read_prices(text, None).unwrap_or_else(|e| panic!("{text:?} should read: {e}"))
}

fn refusal(text: &str, column: Option<&str>) -> ImportError {
    match read_prices(text, column) {
        Ok(h) => panic!("{text:?} should be refused, read {h:?}"),
        Err(e) => e,
    }
}

#[test]
fn a_small_file_with_a_negative_price_a_blank_line_and_quoted_thousands() {
    let text = "time,price\n\
                2024-01-01 00:00,42.5\n\
                2024-01-01 01:00,-12.25\n\
                \n\
                2024-01-01 02:00,\"1,234.5\"\n\
                2024-01-01 03:00, 0 \n";
    let h = read(text);
    assert_eq!(h.column, "price");
    assert_eq!(h.hours, 4);
    assert_eq!((h.min, h.max), (-12.25, 1234.5));
    assert_eq!(h.mean, (42.5 - 12.25 + 1234.5 + 0.0) / 4.0);
    assert_eq!(h.curve, [-12.25, 0.0, 42.5, 1234.5]);
    assert_eq!(h.hour_prices(), HourPrices::Curve(h.curve.clone()));
    assert!(h.hour_prices().check().is_ok());
}

#[test]
fn semicolon_files_read_commas_as_thousands_separators_only() {
    let h = read("zeit;preis\n1;1,234.5\n2;-3\n3;\"2,000\"\n4;1 500.25\n");
    assert_eq!(h.column, "preis");
    assert_eq!(h.curve, [-3.0, 1234.5, 1500.25, 2000.0]);
    // A decimal comma is refused, not read as a hundred times the price.
    let e = refusal("zeit;preis\n1;40\n2;12,5\n", None);
    assert_eq!(
        e,
        ImportError::NotANumber {
            line: 3,
            column: "preis".into(),
            text: "12,5".into()
        }
    );
}

#[test]
fn tab_files() {
    let h = read("hour\tprice, USD/MWh\tzone\n0\t41.5\tN\n1\t1,041.5\tN\n2\t-0.5\tN\n");
    assert_eq!(h.column, "price, USD/MWh");
    assert_eq!(h.curve, [-0.5, 41.5, 1041.5]);
    assert_eq!(
        columns("hour\tprice, USD/MWh\tzone\n").expect("a header"),
        ["hour", "price, USD/MWh", "zone"]
    );
}

#[test]
fn the_column_picked_by_name() {
    let text = "hour,da,rt\n0,40,55\n1,30,-10\n";
    let da = read_prices(text, Some("da")).expect("da");
    assert_eq!((da.column.as_str(), da.min, da.max), ("da", 30.0, 40.0));
    assert_eq!(
        read(text).column,
        "rt",
        "the last numeric column by default"
    );
    // Trimmed, and any case when no name matches exactly.
    assert_eq!(read_prices(text, Some(" DA ")).expect("DA").column, "da");
    assert_eq!(
        refusal(text, Some("lmp")).to_string(),
        "no column \"lmp\" in the header: the columns are \"hour\", \"da\", \"rt\""
    );
}

#[test]
fn the_last_numeric_column_by_default() {
    let h = read("hour,lmp,zone\n1,40.5,NORTH\n2,-7,NORTH\n3,60,NORTH\n");
    assert_eq!(h.column, "lmp");
    assert_eq!((h.hours, h.min, h.max), (3, -7.0, 60.0));
    assert_eq!(
        refusal("time,zone\n2024-01-01,N\n", None),
        ImportError::NoNumericColumn { line: 2 }
    );
}

#[test]
fn a_bad_row_is_named_with_its_line() {
    let text = "\ntime,price\n0,40\n\n1,n/a\n2,41\n";
    let e = refusal(text, None);
    assert_eq!(
        e,
        ImportError::NotANumber {
            line: 5,
            column: "price".into(),
            text: "n/a".into()
        }
    );
    assert_eq!(e.line(), Some(5));
    assert_eq!(
        e.to_string(),
        "line 5: \"n/a\" in column \"price\" is not a number"
    );
    assert_eq!(
        refusal("time,price\n0,40\n1,\n", None).to_string(),
        "line 3: column \"price\" is empty: expected a price in USD/MWh"
    );
    assert_eq!(
        refusal("time,zone,price\n0,N,40\n1,N\n", None).to_string(),
        "line 3: the row has 2 fields, so no column \"price\" (field 3)"
    );
    // Thousands separators group the whole part in threes, or the field is not a number.
    for bad in [
        "\"12,34\"",
        "\"1,2345\"",
        "1 23",
        "1.234.5",
        "inf",
        "NaN",
        "4O",
        "$",
    ] {
        assert!(
            matches!(
                refusal(&format!("t,p\n0,{bad}\n"), Some("p")),
                ImportError::NotANumber { line: 2, .. }
            ),
            "{bad}"
        );
    }
}

#[test]
fn signs_and_dollars() {
    let h = read("t,p\n0,$40\n1,-$12.5\n2,$-3\n3,\u{2212}7\n4,+2\n5,.5\n6,1e2\n");
    assert_eq!(h.curve, [-12.5, -7.0, -3.0, 0.5, 2.0, 40.0, 100.0]);
}

#[test]
fn empty_files_and_missing_rows() {
    assert_eq!(refusal("", None), ImportError::Empty);
    assert_eq!(refusal("\n  \r\n\t\n", None), ImportError::Empty);
    assert_eq!(columns(""), Err(ImportError::Empty));
    assert_eq!(refusal("time,price\n\n,\n", None), ImportError::NoRows);
    assert_eq!(refusal("time,price\n", Some("price")), ImportError::NoRows);
    assert_eq!(
        refusal("", None).to_string(),
        "the file is empty: expected a header line, then one hourly price a line"
    );
}

#[test]
fn a_file_without_a_header_is_refused() {
    let e = refusal("40.5\n41\n39\n", None);
    assert_eq!(
        e,
        ImportError::HeaderIsNumber {
            line: 1,
            text: "40.5".into()
        }
    );
    assert!(
        e.to_string()
            .contains("the first line must name the columns")
    );
}

#[test]
fn byte_order_mark_and_crlf() {
    let h = read("\u{feff}time,price\r\n0,40\r\n1,\"1,000\"\r\n");
    assert_eq!(h.column, "price");
    assert_eq!(h.curve, [40.0, 1000.0]);
}

#[test]
fn prices_within_the_range_of_the_power_contracts() {
    let h = read("t,p\n0,-1000000\n1,\"1,000,000\"\n");
    assert_eq!((h.min, h.max), (PRICE_RANGE.min, PRICE_RANGE.max));
    assert!(h.hour_prices().check().is_ok());
    for (bad, text) in [(1_000_000.5, "1000000.5"), (-1_000_001.0, "-1000001")] {
        assert!(HourPrices::Curve(vec![bad]).check().is_err());
        let e = refusal(&format!("t,p\n0,1\n1,{text}\n"), None);
        assert_eq!(
            e.to_string(),
            format!(
                "line 3: \"{text}\" in column \"p\" is out of range: must be between -1000000 \
                 and 1000000 USD/MWh"
            )
        );
    }
    assert!(matches!(
        refusal("t,p\n0,1e400\n", None),
        ImportError::OutOfRange { line: 2, .. }
    ));
}

#[test]
fn at_most_max_hours_rows() {
    let file = |rows: usize| {
        let mut text = String::from("hour,price\n");
        for i in 0..rows {
            text.push_str(&format!("{i},{}\n", i % 97));
        }
        text
    };
    assert_eq!(read(&file(MAX_HOURS)).hours, MAX_HOURS);
    let e = refusal(&file(MAX_HOURS + 1), None);
    assert_eq!(
        e,
        ImportError::TooManyRows {
            line: MAX_HOURS + 2,
            limit: MAX_HOURS
        }
    );
    assert!(e.to_string().contains("more than 10,000 rows"), "{e}");
}

/// A file of `prices` in column `price`, one an hour.
fn file_of(prices: &[f64]) -> String {
    let mut text = String::from("hour,price\n");
    for (i, p) in prices.iter().enumerate() {
        text.push_str(&format!("{i},{p}\n"));
    }
    text
}

#[test]
fn forty_eight_hours_make_24_buckets_of_two() {
    // 1..=48 in a shuffled order: bucket i holds 2i + 1 and 2i + 2.
    let prices: Vec<f64> = (0..48).map(|i| f64::from((i * 29) % 48 + 1)).collect();
    let h = read(&file_of(&prices));
    assert_eq!(h.hours, 48);
    let expected: Vec<f64> = (0..24).map(|i| f64::from(2 * i) + 1.5).collect();
    assert_eq!(h.curve, expected);
    assert_eq!(h.mean, 24.5);
    assert_eq!(h.hour_prices().mean(), 24.5);
}

#[test]
fn twenty_five_hours_leave_the_last_bucket_two() {
    // Bucket i holds the sorted indices [i·25/24, (i+1)·25/24): one each, then 24 and 25.
    let prices: Vec<f64> = (1..=25).rev().map(f64::from).collect();
    let h = read(&file_of(&prices));
    let mut expected: Vec<f64> = (1..=23).map(f64::from).collect();
    expected.push(24.5);
    assert_eq!(h.curve, expected);
}

#[test]
fn fewer_than_24_hours_make_one_point_an_hour_sorted() {
    let h = read(&file_of(&[30.0, -5.0, 120.0, 41.0, 41.0]));
    assert_eq!(h.hours, 5);
    assert_eq!(h.curve, [-5.0, 30.0, 41.0, 41.0, 120.0]);
    assert_eq!(read(&file_of(&[17.0])).curve, [17.0]);
}

#[test]
fn the_example_file_for_the_page() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/hourly_prices_example.csv"
    );
    let text = std::fs::read_to_string(path).expect("the example file");
    assert_eq!(columns(&text).expect("a header"), ["time", "price_usd_mwh"]);
    let h = read(&text);
    assert_eq!(h.column, "price_usd_mwh");
    assert_eq!((h.hours, h.min, h.max), (30, -3.25, 124.5));
    assert!((h.mean - 1247.0 / 30.0).abs() < 1e-12);
    assert_eq!(h.curve.len(), CURVE_POINTS);
    assert_eq!(h.curve.first(), Some(&-3.25));
    assert_eq!(h.curve.last(), Some(&((96.35 + 124.5) / 2.0)));
}

fn price() -> impl Strategy<Value = f64> {
    prop_oneof![-1e6..=1e6, -50.0..250.0, Just(0.1), Just(-0.0)]
}

fn hours() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prop::collection::vec(price(), 1..200),
        (1usize..8).prop_flat_map(|m| prop::collection::vec(price(), 24 * m)),
    ]
}

proptest! {
    /// The curve is ascending, has min(24, n) points within the prices' range, and for a
    /// multiple of 24 hours its mean is the prices' mean (within 1e-9 of the larger of that
    /// mean and the largest price in size: a mean near zero of large prices of both signs
    /// keeps only the sums' absolute precision).
    #[test]
    fn the_curve_is_a_price_duration_curve(prices in hours()) {
        let h = read(&file_of(&prices));
        let n = prices.len();
        let lo = prices.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = prices.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        prop_assert_eq!(h.hours, n);
        // Each price is read to the nearest f64 up to 16 significant digits, and within an
        // ulp beyond (a 17-digit price: the page reads numbers as decimals).
        let ulp = |x: f64| 2.3e-16 * x.abs();
        prop_assert!((h.min - lo).abs() <= ulp(lo) && (h.max - hi).abs() <= ulp(hi), "{} {} {} {}", h.min, lo, h.max, hi);
        prop_assert_eq!(h.curve.len(), n.min(24));
        prop_assert!(h.curve.windows(2).all(|w| w[0] <= w[1]), "{:?}", h.curve);
        prop_assert!(h.curve.iter().all(|c| (h.min..=h.max).contains(c)), "{:?}", h.curve);
        prop_assert!((h.min..=h.max).contains(&h.mean));
        prop_assert!(h.hour_prices().check().is_ok());
        if n % 24 == 0 {
            let mean = prices.iter().sum::<f64>() / n as f64;
            let curve_mean = h.curve.iter().sum::<f64>() / 24.0;
            let scale = mean.abs().max(lo.abs()).max(hi.abs());
            prop_assert!((curve_mean - mean).abs() <= 1e-9 * scale, "{} {}", curve_mean, mean);
            prop_assert!((h.mean - mean).abs() <= 1e-9 * scale, "{} {}", h.mean, mean);
        }
    }
}
