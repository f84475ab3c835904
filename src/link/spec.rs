//! The table of link keys: meaning, unit, valid range and default of each.
//!
//! The same table drives the decoder, [`Scenario::validate`](super::Scenario::validate), the
//! module documentation (checked by a test) and whatever the page shows next to an input.

pub use crate::domain::range::NumRange;
use rust_decimal::Decimal;
use std::fmt;

use super::value::{Place, place};
use crate::domain::range::{int, neg};

/// A [`Decimal`] from ten to the power `p` (`p ≤ 28`), usable in constants.
const fn pow10(p: u32) -> Decimal {
    let mut v: u128 = 1;
    let mut i = 0;
    while i < p {
        v *= 10;
        i += 1;
    }
    Decimal::from_parts(v as u32, (v >> 32) as u32, (v >> 64) as u32, false, 0)
}

/// What kind of value a key holds.
///
/// ```
/// use minerhedge::link::{KeySpec, Kind};
/// assert!(matches!(KeySpec::get("mode").map(|s| s.kind), Some(Kind::Choice(_))));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The format version: `1` or `2`.
    Version,
    /// A coin label: 1–10 ASCII letters or digits.
    Label,
    /// One of a fixed set of words (compared ignoring ASCII case, written in lower case).
    Choice(&'static [&'static str]),
    /// An exact decimal in a range.
    Number(NumRange),
    /// An exact decimal in a range, optionally followed by a suffix k, M, G, T or P (`120T`).
    Suffixed(NumRange),
    /// An exact decimal in a range, or absent (empty).
    OptionalNumber(NumRange),
    /// A whole number in a range.
    Whole(NumRange),
    /// A whole number in a range, or absent (empty).
    OptionalWhole(NumRange),
    /// The word `zero` or an exact decimal in a range.
    ZeroOrNumber(NumRange),
    /// A calendar date `YYYY-MM-DD` from 2000-01-01 to 2199-12-31.
    Date,
    /// A calendar date, or absent (empty).
    OptionalDate,
    /// A list of up to [`MAX_LIST_ITEMS`](super::MAX_LIST_ITEMS) items of the inner kind
    /// (`a,b,c`), one per month; a shorter list repeats its last value.
    List(&'static Kind),
    /// A list of up to [`MAX_LIST_ITEMS`](super::MAX_LIST_ITEMS) items of the inner kind,
    /// one per month from the first, that does **not** repeat: a month beyond the list (or an
    /// empty item) has no value yet (the actuals of the months that have passed).
    Series(&'static Kind),
    /// A list of 1 to [`MAX_CURVE_POINTS`](crate::domain::power::MAX_CURVE_POINTS) numbers in
    /// a range (`a,b,c`; negative allowed where the range allows): a price curve, not one item
    /// per month.
    Points(NumRange),
}

impl Kind {
    /// The numeric range of a value (of each item, for a list), when it is a number.
    pub fn range(self) -> Option<NumRange> {
        match self {
            Kind::Number(r)
            | Kind::Suffixed(r)
            | Kind::OptionalNumber(r)
            | Kind::Whole(r)
            | Kind::OptionalWhole(r)
            | Kind::ZeroOrNumber(r)
            | Kind::Points(r) => Some(r),
            Kind::List(inner) | Kind::Series(inner) => inner.range(),
            Kind::Version | Kind::Label | Kind::Choice(_) | Kind::Date | Kind::OptionalDate => None,
        }
    }
}

/// One key of the share link.
///
/// ```
/// use minerhedge::link::KeySpec;
/// let vol = KeySpec::get("vol").ok_or("no such key")?;
/// assert_eq!(vol.label, "Volatility");
/// assert_eq!(vol.unit, "%");
/// assert_eq!(vol.default, "80");
/// assert_eq!(vol.valid(), "between 0 and 500");
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct KeySpec {
    /// The typed key.
    pub id: Key,
    /// The key as written in the link.
    pub key: &'static str,
    /// Short label for the page's input (e.g. `Spot price`).
    pub label: &'static str,
    /// Unit of the value (empty when it has none).
    pub unit: &'static str,
    /// Kind and range of the value.
    pub kind: Kind,
    /// Canonical text of the default (empty: absent by default). For a key that follows the
    /// market ([`Self::auto`]) it is the version-1 default; in version 2 an absent key
    /// follows the market instead.
    pub default: &'static str,
    /// How the value follows the market when a version-2 link does not set it (empty: the key
    /// does not follow the market).
    pub auto: &'static str,
    /// The field of the [`Scenario`](super::Scenario) that holds the value: the key's read and
    /// write ([`Scenario::get_key`](super::Scenario::get_key),
    /// [`Scenario::set_key`](super::Scenario::set_key)) follow from its type and [`Self::kind`].
    pub at: Place,
    /// The pages that use the key.
    pub page: Pages,
    /// When a period link writes the key.
    pub written: Written,
}

/// The pages that use a key (README's key table has it as a column).
///
/// ```
/// use minerhedge::link::{Key, Pages};
/// assert_eq!(Key::MonthCoverage.spec().page, Pages::Program);
/// assert_eq!(Key::Correlation.spec().page, Pages::Both);
/// assert!(Pages::Both.has_period() && !Pages::Program.has_period());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// Both the period page and the program page.
    Both,
    /// The period page only.
    Period,
    /// The program page only.
    Program,
}

impl Pages {
    /// Whether the period page uses the key.
    pub fn has_period(self) -> bool {
        self != Pages::Program
    }

    /// Whether the program page uses the key.
    pub fn has_program(self) -> bool {
        self != Pages::Period
    }

    /// The table's text: `both`, `period` or `program`.
    pub fn as_str(self) -> &'static str {
        match self {
            Pages::Both => "both",
            Pages::Period => "period",
            Pages::Program => "program",
        }
    }
}

/// When a link of the period view writes a key ([`Scenario::to_query`](super::Scenario::to_query);
/// the program view writes every key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Always (a key of the period format as it was before the program view).
    Always,
    /// Only away from its default: the keys that came with the program view (`view`, `corr`,
    /// `ptarget` and the program's own), so period links written before them read the same.
    WhenSet,
}

impl PartialEq for KeySpec {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for KeySpec {}

impl KeySpec {
    /// The row every entry of the table starts from.
    const BLANK: KeySpec = KeySpec {
        id: Key::Version,
        key: "",
        label: "",
        unit: "",
        kind: Kind::Version,
        default: "",
        auto: "",
        at: Place::Version,
        page: Pages::Both,
        written: Written::Always,
    };

    /// The row as this build's page uses it. A page without the program (the period page,
    /// built without the cargo feature `program`) never shows, reads or checks a program
    /// key: it carries the key's text as written ([`Place::Carried`]) to the program page,
    /// which does, so that build holds neither the program keys' labels nor their readers.
    const fn for_this_page(self) -> KeySpec {
        if cfg!(feature = "program") || !matches!(self.page, Pages::Program) {
            self
        } else {
            KeySpec {
                label: "",
                at: Place::Carried(self.id),
                ..self
            }
        }
    }

    /// Whether the key follows the market when a version-2 link leaves it out.
    pub fn follows_market(&self) -> bool {
        !self.auto.is_empty()
    }

    /// Whether a period link leaves the key out when it holds `value`: a key the period page
    /// does not use, or one written only when set, at its default.
    pub fn omitted_from_period_link(&self, value: &str) -> bool {
        (!self.page.has_period() || self.written == Written::WhenSet) && value == self.default
    }

    /// The spec of `key`, if it is a key of the format.
    ///
    /// ```
    /// use minerhedge::link::KeySpec;
    /// assert!(KeySpec::get("cov").is_some());
    /// assert!(KeySpec::get("nope").is_none());
    /// ```
    pub fn get(key: &str) -> Option<&'static KeySpec> {
        KEYS.iter().find(|s| s.key == key)
    }

    /// The numeric range of the key, when its value is a number.
    ///
    /// ```
    /// use minerhedge::link::KeySpec;
    /// use rust_decimal::Decimal;
    /// let cov = KeySpec::get("cov").and_then(|s| s.range()).ok_or("no range")?;
    /// assert_eq!((cov.min, cov.max), (Decimal::ZERO, Decimal::ONE_HUNDRED));
    /// # Ok::<(), &str>(())
    /// ```
    pub fn range(&self) -> Option<NumRange> {
        self.kind.range()
    }

    /// Human description of the valid values, as shown in the key table (no unit).
    ///
    /// ```
    /// use minerhedge::link::KeySpec;
    /// let kc = KeySpec::get("kc").ok_or("no kc")?;
    /// assert_eq!(kc.valid(), "`zero`, or between 0.000000000001 and 1,000,000,000");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn valid(&self) -> String {
        self.describe("")
    }

    /// [`Self::valid`] with the unit after the range, as shown in errors.
    ///
    /// ```
    /// use minerhedge::link::KeySpec;
    /// let spot = KeySpec::get("spot").ok_or("no spot")?;
    /// assert_eq!(spot.valid_with_unit(), "between 0.000000000001 and 1,000,000,000 USD per coin");
    /// let pp = KeySpec::get("pp").ok_or("no pp")?;
    /// assert_eq!(pp.valid_with_unit(), "between 0 and 1,000,000,000 USD per coin, or absent");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn valid_with_unit(&self) -> String {
        self.describe(self.unit)
    }

    fn describe(&self, unit: &str) -> String {
        let r = |r: NumRange| {
            if unit.is_empty() {
                r.to_string()
            } else {
                format!("{r} {unit}")
            }
        };
        match self.kind {
            Kind::Version => "1 or 2".to_string(),
            Kind::Label => "1 to 10 letters or digits (A-Z, a-z, 0-9)".to_string(),
            Kind::Choice(words) => format!("one of {}", words.join(", ")),
            Kind::Number(x) | Kind::Suffixed(x) => r(x),
            Kind::OptionalNumber(x) => format!("{}, or absent", r(x)),
            Kind::Whole(x) => format!("whole number {}", r(x)),
            Kind::OptionalWhole(x) => format!("whole number {}, or absent", r(x)),
            Kind::ZeroOrNumber(x) => format!("`zero`, or {}", r(x)),
            Kind::Date => "a date YYYY-MM-DD from 2000-01-01 to 2199-12-31".to_string(),
            Kind::OptionalDate => {
                "a date YYYY-MM-DD from 2000-01-01 to 2199-12-31, or absent".to_string()
            }
            Kind::List(inner) => {
                format!(
                    "a list a,b,c of 1 to {} items, one per month (a shorter list repeats its last \
                 value), each {}",
                    super::MAX_LIST_ITEMS,
                    KeySpec {
                        kind: *inner,
                        ..*self
                    }
                    .describe(unit)
                )
            }
            Kind::Points(x) => format!(
                "a list a,b,c of 1 to {} numbers, each {}",
                crate::domain::power::MAX_CURVE_POINTS,
                r(x)
            ),
            Kind::Series(inner) => {
                format!(
                    "a list a,b,c of up to {} items, one per month from the first (an empty item, or \
                 a month beyond the list: not known yet), each {}",
                    super::MAX_LIST_ITEMS,
                    KeySpec {
                        kind: *inner,
                        ..*self
                    }
                    .describe(unit)
                )
            }
        }
    }
}

/// Words of `ptype`, the power contract, in [`Contract`](crate::domain::power::Contract)'s
/// order.
///
/// ```
/// assert_eq!(minerhedge::link::POWER_WORDS, ["fixed", "index", "ppa"]);
/// ```
pub const POWER_WORDS: &[&str] = crate::domain::power::Contract::WORDS;

/// Words of `mode`.
///
/// ```
/// assert_eq!(minerhedge::link::MODE_WORDS, ["direct", "rig"]);
/// ```
pub const MODE_WORDS: &[&str] = &["direct", "rig"];
/// Words of `hedge`.
///
/// ```
/// assert!(minerhedge::link::HEDGE_WORDS.contains(&"inverse"));
/// ```
pub use crate::domain::strategy::HEDGE_WORDS;

/// Words of `settle`: how options are paid for and settled.
///
/// ```
/// assert_eq!(minerhedge::link::SETTLE_WORDS, ["usd", "coin"]);
/// ```
pub const SETTLE_WORDS: &[&str] = &["usd", "coin"];

/// Words of `view`: the page's two views.
///
/// ```
/// assert_eq!(minerhedge::link::PAGE_WORDS, ["period", "program"]);
/// ```
pub const PAGE_WORDS: &[&str] = &["period", "program"];

/// Most months of a hedge program.
///
/// ```
/// use minerhedge::link::{Scenario, MAX_MONTHS};
/// assert_eq!(Scenario::from_query("v=2&months=36").scenario.program.months, MAX_MONTHS);
/// assert_eq!(Scenario::from_query("v=2&months=37").errors.len(), 1);
/// ```
pub const MAX_MONTHS: u32 = 36;

/// Longest period (and option tenor), days.
///
/// ```
/// use minerhedge::link::{Scenario, MAX_DAYS};
/// assert!(Scenario::from_query(&format!("days={}", MAX_DAYS + 1)).errors.len() == 1);
/// ```
pub const MAX_DAYS: u32 = 3650;
/// Most intervals of the price table: `(hi − lo) / step ≤ MAX_TABLE_STEPS`, so at most
/// `MAX_TABLE_STEPS + 1` rows.
///
/// ```
/// use minerhedge::link::{Scenario, MAX_TABLE_STEPS};
/// let s = Scenario::from_query("lo=0&hi=2000&step=2").scenario;
/// assert_eq!(s.table_prices().len(), MAX_TABLE_STEPS as usize + 1);
/// ```
pub const MAX_TABLE_STEPS: u32 = 1000;
/// Most Monte Carlo paths.
///
/// ```
/// use minerhedge::link::{Scenario, MAX_PATHS};
/// assert_eq!(Scenario::from_query("paths=1000000").scenario.simulation.paths, MAX_PATHS);
/// ```
pub const MAX_PATHS: u32 = 1_000_000;

/// A price: from the engine's smallest (10⁻¹², below which spot and strikes are refused by
/// the pricing models) to 1e9 USD per coin.
const PRICE: NumRange = NumRange::closed(Decimal::from_parts(1, 0, 0, false, 12), pow10(9));
const PRICE_OR_ZERO: NumRange = NumRange::closed(Decimal::ZERO, pow10(9));
const QUANTITY: NumRange = NumRange::above(Decimal::ZERO, pow10(12));
const COINS_OR_ZERO: NumRange = NumRange::closed(Decimal::ZERO, pow10(9));
const MONEY_OR_ZERO: NumRange = NumRange::closed(Decimal::ZERO, pow10(12));
const PERCENT: NumRange = NumRange::closed(Decimal::ZERO, Decimal::ONE_HUNDRED);
const VOL: NumRange = NumRange::closed(Decimal::ZERO, int(500));
const PERCENT_OF_FORWARD: NumRange = NumRange::above(Decimal::ZERO, int(1000));
const DAYS_IN_PERIOD: NumRange = NumRange::closed(Decimal::ZERO, int(MAX_DAYS as u64));

/// Generates, from one list, the typed [`Key`] enum and the [`KEYS`] table in the same order,
/// so that `KEYS[key as usize]` is the spec of `key` and no key can be routed by a string
/// that the table does not have.
macro_rules! key_table {
    ($($id:ident = $key:literal {
        label: $label:expr, meaning: $meaning:expr, $($field:ident: $value:expr),* $(,)?
    }),* $(,)?) => {
        /// A key of the share link, typed. Generated with [`KEYS`] from one list, in the
        /// canonical order of [`Scenario::to_query`](super::Scenario::to_query).
        ///
        /// ```
        /// use minerhedge::link::{Key, KEYS};
        /// assert_eq!(Key::Forward.as_str(), "fwd");
        /// assert_eq!(Key::parse("fwd"), Some(Key::Forward));
        /// // Each key is its own row of the table.
        /// assert!(Key::ALL.iter().all(|k| k.spec().id == *k));
        /// assert_eq!(Key::Coverage.spec().label, "Coverage");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key {
            $(
                #[doc = concat!("Link key `", $key, "`.")]
                $id,
            )*
        }

        impl Key {
            /// Every key, in the canonical order.
            pub const ALL: &'static [Key] = &[$(Key::$id),*];

            /// What the key's value means, as the key table says (documentation and README;
            /// a method rather than a field of [`KeySpec`], so a page that never shows it
            /// does not carry the text).
            ///
            /// ```
            /// use minerhedge::link::Key;
            /// assert_eq!(Key::Vol.meaning(), "price volatility, annualized");
            /// ```
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Key::$id => $meaning,)*
                }
            }
        }

        /// Every key of the format, in the canonical order of
        /// [`Scenario::to_query`](super::Scenario::to_query).
        ///
        /// ```
        /// use minerhedge::link::KEYS;
        /// assert_eq!(KEYS[0].key, "v");
        /// assert!(KEYS.iter().any(|k| k.key == "kc" && k.default == "zero"));
        /// ```
        #[allow(clippy::needless_update)] // rows that set every field (`auto`) are alike
        pub const KEYS: &[KeySpec] = &[$(KeySpec {
            id: Key::$id,
            key: $key,
            label: $label,
            $($field: $value,)*
            ..KeySpec::BLANK
        }.for_this_page()),*];
    };
}

impl Key {
    /// The key's row of [`KEYS`].
    pub fn spec(self) -> &'static KeySpec {
        &KEYS[self as usize]
    }

    /// The key as written in the link.
    pub fn as_str(self) -> &'static str {
        self.spec().key
    }

    /// The typed key of a link word, if the format has it (exact, case-sensitive).
    pub fn parse(word: &str) -> Option<Key> {
        KEYS.iter().find(|s| s.key == word).map(|s| s.id)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `Key::Coverage == "cov"`: compares with the link word.
impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// `"cov" == Key::Coverage`.
impl PartialEq<Key> for &str {
    fn eq(&self, other: &Key) -> bool {
        *self == other.as_str()
    }
}

key_table! {
    Version = "v" {
        label: "Format version",
        meaning: "format version",
        at: Place::Version,
        page: Pages::Both,
        unit: "",
        kind: Kind::Version,
        default: "1",
    },
    Coin = "coin" {
        label: "Coin",
        meaning: "coin label",
        at: place!(economics.coin),
        page: Pages::Both,
        unit: "",
        kind: Kind::Label,
        default: "ETH",
    },
    Mode = "mode" {
        label: "Economics",
        meaning: "direct: period cost and expected output given; rig: derived from the rig",
        at: place!(economics.mode),
        page: Pages::Both,
        unit: "",
        kind: Kind::Choice(MODE_WORDS),
        default: "direct",
    },
    Cost = "cost" {
        label: "Period cost",
        meaning: "period cost (direct mode)",
        at: place!(economics.cost),
        page: Pages::Both,
        unit: "USD",
        kind: Kind::Number(NumRange::closed(
            Decimal::from_parts(1, 0, 0, false, 2),
            pow10(12),
        )),
        default: "1100",
    },
    Qty = "qty" {
        label: "Expected output",
        meaning: "expected output over the period (direct mode)",
        at: place!(economics.qty),
        page: Pages::Both,
        unit: "coins",
        kind: Kind::Number(QUANTITY),
        default: "5",
    },
    Hashrate = "hr" {
        label: "Hashrate",
        meaning: "hashrate (rig)",
        at: place!(economics.rig.hashrate_ths),
        page: Pages::Both,
        unit: "TH/s",
        kind: Kind::Number(NumRange::above(Decimal::ZERO, pow10(8))),
        default: "200",
    },
    Efficiency = "eff" {
        label: "Efficiency",
        meaning: "efficiency (rig)",
        at: place!(economics.rig.efficiency_j_per_th),
        page: Pages::Both,
        unit: "J/TH",
        kind: Kind::Number(NumRange::above(Decimal::ZERO, pow10(6))),
        default: "17.5",
    },
    Power = "pwr" {
        label: "Power price",
        meaning: "power price (rig)",
        at: place!(economics.rig.power_usd_per_kwh),
        page: Pages::Both,
        unit: "USD/kWh",
        kind: Kind::Number(NumRange::closed(Decimal::ZERO, Decimal::ONE_HUNDRED)),
        default: "0.06",
    },
    Opex = "opex" {
        label: "Other costs",
        meaning: "other fixed costs over the period (rig)",
        at: place!(economics.rig.opex),
        page: Pages::Both,
        unit: "USD",
        kind: Kind::Number(MONEY_OR_ZERO),
        default: "0",
    },
    PoolFee = "pool" {
        label: "Pool fee",
        meaning: "pool fee (rig)",
        at: place!(economics.rig.pool_fee_pct),
        page: Pages::Both,
        unit: "%",
        kind: Kind::Number(NumRange {
            min: Decimal::ZERO,
            min_inclusive: true,
            max: Decimal::ONE_HUNDRED,
            max_inclusive: false,
        }),
        default: "2",
    },
    Uptime = "up" {
        label: "Uptime",
        meaning: "uptime (rig)",
        at: place!(economics.rig.uptime_pct),
        page: Pages::Both,
        unit: "%",
        kind: Kind::Number(NumRange::above(Decimal::ZERO, Decimal::ONE_HUNDRED)),
        default: "97",
    },
    Difficulty = "diff" {
        label: "Network difficulty",
        meaning: "network difficulty at the start (rig); a suffix k, M, G, T or P may follow (`120T`)",
        at: place!(economics.rig.difficulty),
        page: Pages::Both,
        unit: "",
        kind: Kind::Suffixed(NumRange::closed(Decimal::ONE, pow10(17))),
        default: "120000000000000",
    },
    DifficultyGrowth = "dg" {
        label: "Difficulty growth",
        meaning: "difficulty growth over the period (rig)",
        at: place!(economics.rig.difficulty_growth_pct),
        page: Pages::Period,
        unit: "%",
        kind: Kind::Number(NumRange::above(neg(100), int(1000))),
        default: "0",
    },
    Subsidy = "sub" {
        label: "Block subsidy",
        meaning: "block subsidy (rig); `sub` + `fee` greater than 0",
        at: place!(economics.rig.subsidy),
        page: Pages::Both,
        unit: "coins per block",
        kind: Kind::Number(NumRange::closed(Decimal::ZERO, pow10(6))),
        default: "3.125",
    },
    Fees = "fee" {
        label: "Fees per block",
        meaning: "average fees per block (rig)",
        at: place!(economics.rig.fees_per_block),
        page: Pages::Both,
        unit: "coins per block",
        kind: Kind::Number(NumRange::closed(Decimal::ZERO, pow10(6))),
        default: "0.02",
    },
    Capex = "capex" {
        label: "Hardware cost",
        meaning: "hardware cost, amortized over its lifetime (rig)",
        at: place!(economics.rig.capex),
        page: Pages::Both,
        unit: "USD",
        kind: Kind::Number(MONEY_OR_ZERO),
        default: "0",
    },
    Lifetime = "life" {
        label: "Hardware lifetime",
        meaning: "hardware lifetime (rig)",
        at: place!(economics.rig.lifetime_days),
        page: Pages::Both,
        unit: "days",
        kind: Kind::Whole(NumRange::closed(Decimal::ONE, int(36_500))),
        default: "1095",
    },
    PowerContract = "ptype" {
        label: "Power contract",
        meaning: "power contract (rig): `fixed`, every hour at `pwr`; `index`, each hour at the \
                  market's price, running only when mining pays for the hour; `ppa`, a \
                  take-or-pay block at `pwr` resold at the hour's price when the rig is off",
        at: place!(economics.power.contract),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "",
        kind: Kind::Choice(POWER_WORDS),
        default: "fixed",
    },
    PowerIndex = "pidx" {
        label: "Mean hourly power price",
        meaning: "index and ppa (rig): the mean of the hour's market power price; the program \
                  reads one per month (the power forward curve); an empty item: `1000·pwr`",
        at: place!(economics.power.index),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "USD/MWh",
        kind: Kind::List(&Kind::OptionalNumber(NumRange::above(Decimal::ZERO, pow10(6)))),
        default: "",
    },
    PowerSpread = "psd" {
        label: "Hourly price spread",
        meaning: "index and ppa (rig): standard deviation of the log of the hour's power price \
                  within a period (lognormal); the program reads one per month",
        at: place!(economics.power.log_sd),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "",
        kind: Kind::List(&Kind::Number(NumRange::above(Decimal::ZERO, int(5)))),
        default: "0.5",
    },
    PowerCurve = "pcurve" {
        label: "Hourly price curve",
        meaning: "index and ppa (rig): the hours' power prices, equally weighted (a \
                  price-duration curve, negative prices allowed); replaces the lognormal and \
                  `pidx`",
        at: place!(economics.power.curve),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "USD/MWh",
        kind: Kind::Points(NumRange::closed(neg(1_000_000), pow10(6))),
        default: "",
    },
    CapacityCredit = "drc" {
        label: "Capacity credit",
        meaning: "capacity or demand-response credit (rig), any contract",
        at: place!(economics.power.capacity_credit),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "USD per MW per 30 days",
        kind: Kind::Number(NumRange::closed(Decimal::ZERO, pow10(9))),
        default: "0",
    },
    Days = "days" {
        label: "Period",
        meaning: "period and option tenor",
        at: place!(economics.days),
        page: Pages::Period,
        unit: "days",
        kind: Kind::Whole(NumRange::closed(Decimal::ONE, int(MAX_DAYS as u64))),
        default: "30",
    },
    Spot = "spot" {
        label: "Spot price",
        meaning: "coin price today",
        at: place!(market.spot),
        page: Pages::Both,
        unit: "USD per coin",
        kind: Kind::Number(PRICE),
        default: "250",
    },
    Vol = "vol" {
        label: "Volatility",
        meaning: "price volatility, annualized",
        at: place!(market.vol_pct),
        page: Pages::Both,
        unit: "%",
        kind: Kind::Number(VOL),
        default: "80",
    },
    Rate = "rate" {
        label: "Risk-free rate",
        meaning: "risk-free rate, continuously compounded, annualized",
        at: place!(market.rate_pct),
        page: Pages::Both,
        unit: "%",
        kind: Kind::Number(NumRange::closed(neg(100), Decimal::ONE_HUNDRED)),
        default: "5",
    },
    Hedge = "hedge" {
        label: "Hedge",
        meaning: "hedge shown",
        at: place!(hedge.choice),
        page: Pages::Period,
        unit: "",
        kind: Kind::Choice(HEDGE_WORDS),
        default: "forward",
    },
    Coverage = "cov" {
        label: "Coverage",
        meaning: "coverage, share of expected output hedged",
        at: place!(hedge.coverage_pct),
        page: Pages::Period,
        unit: "%",
        kind: Kind::Number(PERCENT),
        default: "100",
    },
    Forward = "fwd" {
        label: "Forward price",
        meaning: "forward price",
        at: place!(hedge.forward),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::Number(PRICE),
        default: "260",
        auto: "the model's forward spot·e^(rate·days/365)",
    },
    InverseQuote = "inv" {
        label: "Inverse quote",
        meaning: "inverse forward quote",
        at: place!(hedge.inverse_quote),
        page: Pages::Period,
        unit: "coin per USD",
        kind: Kind::Number(NumRange::closed(
            Decimal::from_parts(1, 0, 0, false, 9),
            pow10(9),
        )),
        default: "0.004",
        auto: "the reciprocal of the forward, 1 / fwd",
    },
    PutStrike = "kp" {
        label: "Put strike",
        meaning: "put strike",
        at: place!(hedge.put_strike),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::Number(PRICE),
        default: "230",
        auto: "a round strike below spot, about 90 % of spot",
    },
    Put2Strike = "kp2" {
        label: "Lower put strike",
        meaning: "the sold put's strike of a put spread or three-way collar; below `kp`",
        at: place!(hedge.put2_strike),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::Number(PRICE),
        default: "190",
        auto: "a round strike below spot, about 75 % of spot",
    },
    CallStrike = "kc" {
        label: "Call strike",
        meaning: "call strike, or `zero` to solve the call that pays for the other legs (zero-cost \
                  collar, three-way collar)",
        at: place!(hedge.call_strike),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::ZeroOrNumber(PRICE),
        default: "zero",
    },
    PutPremium = "pp" {
        label: "Put premium (quoted)",
        meaning: "quoted put premium; absent: priced by the model",
        at: place!(hedge.put_premium),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::OptionalNumber(PRICE_OR_ZERO),
        default: "",
    },
    CallPremium = "cp" {
        label: "Call premium (quoted)",
        meaning: "quoted call premium; absent: priced by the model",
        at: place!(hedge.call_premium),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::OptionalNumber(PRICE_OR_ZERO),
        default: "",
    },
    Price = "px" {
        label: "Final price",
        meaning: "final price on the price slider",
        at: place!(view.price),
        page: Pages::Both,
        unit: "USD per coin",
        kind: Kind::Number(PRICE_OR_ZERO),
        default: "250",
        auto: "spot",
    },
    Lo = "lo" {
        label: "Range from",
        meaning: "lowest price of chart and table; less than `hi`",
        at: place!(view.lo),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::Number(PRICE_OR_ZERO),
        default: "200",
        auto: "spot less 3 standard deviations of the period's price, on the step grid, at least 0",
    },
    Hi = "hi" {
        label: "Range to",
        meaning: "highest price of chart and table",
        at: place!(view.hi),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::Number(PRICE),
        default: "300",
        auto: "spot plus 3 standard deviations of the period's price, on the step grid",
    },
    Step = "step" {
        label: "Table step",
        meaning: "price step of the table; (hi - lo) / step at most 1,000",
        at: place!(view.step),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::Number(PRICE),
        default: "10",
        auto: "a round step (1, 2 or 5 × 10ⁿ) giving 10 to 20 rows",
    },
    Seed = "seed" {
        label: "Simulation seed",
        meaning: "Monte Carlo seed",
        at: place!(simulation.seed),
        page: Pages::Both,
        unit: "",
        kind: Kind::Whole(NumRange::closed(Decimal::ZERO, int(u64::MAX))),
        default: "1",
    },
    Paths = "paths" {
        label: "Simulation paths",
        meaning: "Monte Carlo paths",
        at: place!(simulation.paths),
        page: Pages::Both,
        unit: "",
        kind: Kind::Whole(NumRange::closed(Decimal::ONE, int(MAX_PATHS as u64))),
        default: "10000",
    },
    DifficultyVol = "dvol" {
        label: "Difficulty volatility",
        meaning: "difficulty volatility, annualized",
        at: place!(simulation.difficulty_vol_pct),
        page: Pages::Both,
        unit: "%",
        kind: Kind::Number(VOL),
        default: "0",
    },
    Elapsed = "elapsed" {
        label: "Days elapsed",
        meaning: "days elapsed, for the value before expiry; at most `days`",
        at: place!(view.elapsed_days),
        page: Pages::Period,
        unit: "days",
        kind: Kind::Whole(DAYS_IN_PERIOD),
        default: "0",
    },
    Halving = "halv" {
        label: "Halving day",
        meaning:
            "day of the period on which the subsidy halves; absent: no halving; at most `days`",
        at: place!(economics.rig.halving_day),
        page: Pages::Period,
        unit: "days",
        kind: Kind::OptionalWhole(DAYS_IN_PERIOD),
        default: "",
    },
    RebalanceSpot = "rspot" {
        label: "Spot now",
        meaning: "rebalancing: the coin price now; 0: the same as `spot`",
        at: place!(view.rebalance_spot),
        page: Pages::Period,
        unit: "USD per coin",
        kind: Kind::Number(NumRange::closed(Decimal::ZERO, pow10(9))),
        default: "0",
    },
    RebalanceDifficulty = "rdg" {
        label: "Difficulty change since the hedge",
        meaning: "rebalancing: change of the expected difficulty since the hedge was placed",
        at: place!(view.rebalance_difficulty_pct),
        page: Pages::Period,
        unit: "%",
        kind: Kind::Number(NumRange::above(neg(100), int(1000))),
        default: "0",
    },
    HashpriceFixed = "hpf" {
        label: "Fixed hashprice",
        meaning: "hashprice forward: the fixed hashprice sold (rig mode); the notional is \
                  coverage × the rig's hashrate",
        at: place!(hedge.hashprice_fixed),
        page: Pages::Period,
        unit: "USD per PH/s per day",
        kind: Kind::OptionalNumber(PRICE),
        default: "",
        auto: "the hashprice at the forward price and the period's average difficulty",
    },
    RiskReversal = "rr25" {
        label: "25-delta risk reversal",
        meaning: "volatility smile: 25-delta call vol minus 25-delta put vol (negative: puts \
                  richer); 0 with bf25 = 0: one flat vol",
        at: place!(market.risk_reversal_pts),
        page: Pages::Both,
        unit: "vol points",
        kind: Kind::Number(NumRange::closed(neg(50), int(50))),
        default: "0",
    },
    Butterfly = "bf25" {
        label: "25-delta butterfly",
        meaning: "volatility smile: average of the 25-delta vols minus the at-the-money vol \
                  (`vol`)",
        at: place!(market.butterfly_pts),
        page: Pages::Both,
        unit: "vol points",
        kind: Kind::Number(NumRange::closed(neg(50), int(50))),
        default: "0",
    },
    Settle = "settle" {
        label: "Option settlement",
        meaning: "options: usd (premium and payoff in USD) or coin (premium paid in coin at \
                  spot, payoff max(K − S, 0)/S coins, as on Deribit)",
        at: place!(hedge.settlement),
        page: Pages::Period,
        unit: "",
        kind: Kind::Choice(SETTLE_WORDS),
        default: "usd",
    },
    InitialMargin = "im" {
        label: "Initial margin",
        meaning: "margin: initial margin of a forward hedge, share of the notional at entry",
        at: place!(hedge.initial_margin_pct),
        page: Pages::Period,
        unit: "%",
        kind: Kind::Number(PERCENT),
        default: "20",
    },
    MaintenanceMargin = "mm" {
        label: "Maintenance margin",
        meaning: "margin: maintenance margin, share of the notional at the current price; at \
                  most `im`",
        at: place!(hedge.maintenance_margin_pct),
        page: Pages::Period,
        unit: "%",
        kind: Kind::Number(PERCENT),
        default: "10",
    },
    Collateral = "coll" {
        label: "Collateral",
        meaning: "margin: collateral posted for a forward hedge; absent: the initial margin",
        at: place!(hedge.collateral),
        page: Pages::Period,
        unit: "USD",
        kind: Kind::OptionalNumber(MONEY_OR_ZERO),
        default: "",
    },
    TouchTarget = "pliq" {
        label: "Target liquidation probability",
        meaning: "margin: the probability of touching the liquidation price before settlement \
                  that the collateral needed is sized for",
        at: place!(hedge.liquidation_target_pct),
        page: Pages::Period,
        unit: "%",
        // Within (0, 100) and away from both ends by more than `f64` rounding: a probability
        // of touching that rounds to 0 or 1 has no collateral that reaches it.
        kind: Kind::Number(NumRange::closed(
            Decimal::from_parts(1, 0, 0, false, 6),
            Decimal::from_parts(999, 0, 0, false, 1),
        )),
        default: "1",
    },
    Page = "view" {
        label: "View",
        meaning: "the page's view: period (one period) or program (a hedge per month)",
        at: place!(view.page),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "",
        kind: Kind::Choice(PAGE_WORDS),
        default: "period",
    },
    Start = "start" {
        label: "Program start",
        meaning: "program: first day of the first month; absent: the first day of next month \
                  (the share link always carries it)",
        at: place!(program.start),
        page: Pages::Program,
        unit: "",
        kind: Kind::OptionalDate,
        default: "",
    },
    Months = "months" {
        label: "Months",
        meaning: "program: number of months",
        at: place!(program.months),
        page: Pages::Program,
        unit: "months",
        kind: Kind::Whole(NumRange::closed(Decimal::ONE, int(MAX_MONTHS as u64))),
        default: "12",
    },
    MonthlyGrowth = "dgm" {
        label: "Difficulty growth per month",
        meaning: "program: difficulty growth per month, compounded (month m: diff·(1 + dgm)^m)",
        at: place!(program.difficulty_growth_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::Number(NumRange::above(neg(50), Decimal::ONE_HUNDRED)),
        default: "2",
    },
    HalvingDate = "halvdate" {
        label: "Halving date",
        meaning: "program: date the block subsidy halves (on or after `start`); absent: none",
        at: place!(program.halving),
        page: Pages::Program,
        unit: "",
        kind: Kind::OptionalDate,
        default: "",
    },
    Basis = "basis" {
        label: "Forward basis",
        meaning: "program: forward curve F = spot·e^(basis·T), annualized, continuously \
                  compounded",
        at: place!(program.basis_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::Number(NumRange::closed(neg(100), Decimal::ONE_HUNDRED)),
        default: "5",
    },
    MonthForwards = "pfwd" {
        label: "Forward per month",
        meaning: "program: forward price of each month, overriding the curve where given; an \
                  empty item takes the curve",
        at: place!(program.forwards),
        page: Pages::Program,
        unit: "USD per coin",
        kind: Kind::List(&Kind::OptionalNumber(PRICE)),
        default: "",
    },
    MonthHedges = "ph" {
        label: "Hedge per month",
        meaning: "program: hedge of each month",
        at: place!(program.hedges),
        page: Pages::Program,
        unit: "",
        kind: Kind::List(&Kind::Choice(HEDGE_WORDS)),
        default: "forward",
    },
    MonthCoverage = "pcov" {
        label: "Coverage per month",
        meaning: "program: coverage of each month, share of that month's expected output",
        at: place!(program.coverage_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::List(&Kind::Number(PERCENT)),
        default: "80,80,80,60,60,60,40",
    },
    MonthPutStrikes = "pkp" {
        label: "Put strike per month",
        meaning: "program: put strike of each month, share of that month's forward",
        at: place!(program.put_strike_pct),
        page: Pages::Program,
        unit: "% of forward",
        kind: Kind::List(&Kind::Number(PERCENT_OF_FORWARD)),
        default: "90",
    },
    MonthPut2Strikes = "pkp2" {
        label: "Lower put strike per month",
        meaning: "program: the sold put's strike of each month's put spread or three-way collar, \
                  share of that month's forward; below `pkp`",
        at: place!(program.put2_strike_pct),
        page: Pages::Program,
        unit: "% of forward",
        kind: Kind::List(&Kind::Number(PERCENT_OF_FORWARD)),
        default: "75",
    },
    MonthCallStrikes = "pkc" {
        label: "Call strike per month",
        meaning: "program: call strike of each month, share of that month's forward, or `zero` \
                  for the zero-cost call on that month's premiums",
        at: place!(program.call_strike_pct),
        page: Pages::Program,
        unit: "% of forward",
        kind: Kind::List(&Kind::ZeroOrNumber(PERCENT_OF_FORWARD)),
        default: "zero",
    },
    Correlation = "corr" {
        label: "Price–difficulty correlation",
        meaning: "simulation: correlation of price and difficulty shocks",
        at: place!(simulation.correlation_pct),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "%",
        kind: Kind::Number(NumRange::closed(neg(100), Decimal::ONE_HUNDRED)),
        default: "0",
    },
    PowerVol = "pvol" {
        label: "Power price volatility",
        meaning: "simulation (index and ppa): volatility of the period's (each month's) mean \
                  power price around `pidx`, annualized",
        at: place!(simulation.power_vol_pct),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "%",
        kind: Kind::Number(VOL),
        default: "0",
    },
    PowerCorrelation = "pcorr" {
        label: "Price–power correlation",
        meaning: "simulation: correlation of the coin price's and the power price's shocks",
        at: place!(simulation.power_corr_pct),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "%",
        kind: Kind::Number(NumRange::closed(neg(100), Decimal::ONE_HUNDRED)),
        default: "0",
    },
    Drift = "drift" {
        label: "Price drift (your view)",
        meaning: "simulation: the coin price's expected growth, annualized, continuously \
                  compounded, as the treasurer's own view; absent: the market's (the period's \
                  rate, the program's forward curve)",
        at: place!(simulation.drift_pct),
        page: Pages::Both,
        written: Written::WhenSet,
        unit: "% a year",
        kind: Kind::OptionalNumber(NumRange::closed(neg(1000), int(1000))),
        default: "",
    },
    ActualOutputs = "aq" {
        label: "Actual output per month",
        meaning: "program: coins actually mined in each month that has passed",
        at: place!(program.actual_outputs),
        page: Pages::Program,
        unit: "coins",
        kind: Kind::Series(&Kind::Number(QUANTITY)),
        default: "",
    },
    ActualPrices = "apx" {
        label: "Actual price per month",
        meaning: "program: the price each month that has passed settled at",
        at: place!(program.actual_prices),
        page: Pages::Program,
        unit: "USD per coin",
        kind: Kind::Series(&Kind::Number(PRICE)),
        default: "",
    },
    NegativeTarget = "pneg" {
        label: "Target P(net cash < 0) per month",
        meaning: "program: the suggested ladder's target, the largest chance of a month's net \
                  cash below 0",
        at: place!(program.negative_target_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::Number(PERCENT),
        default: "5",
    },
    MaxCoverage = "pmax" {
        label: "Largest suggested coverage",
        meaning: "program: the suggested ladder's cap on each month's coverage",
        at: place!(program.max_coverage_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::Number(PERCENT),
        default: "100",
    },
    Hold0 = "hold0" {
        label: "Coins held at the start",
        meaning: "treasury: coins held at the start",
        at: place!(program.treasury.hold0),
        page: Pages::Program,
        unit: "coins",
        kind: Kind::Number(COINS_OR_ZERO),
        default: "0",
    },
    Cash0 = "cash0" {
        label: "Cash at the start",
        meaning: "treasury: cash at the start (before the loan and the premiums)",
        at: place!(program.treasury.cash0),
        page: Pages::Program,
        unit: "USD",
        kind: Kind::Number(MONEY_OR_ZERO),
        default: "0",
    },
    Sell = "sell" {
        label: "Mined coins sold per month",
        meaning: "treasury: share of each month's mined coins sold at its settlement; the rest \
                  is kept",
        at: place!(program.treasury.sell_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::List(&Kind::Number(PERCENT)),
        default: "100",
    },
    Lend = "lend" {
        label: "Coins lent per month",
        meaning: "treasury: share of the unpledged coins held at each month's start that is lent",
        at: place!(program.treasury.lend_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::List(&Kind::Number(PERCENT)),
        default: "0",
    },
    LendYield = "lendy" {
        label: "Lending yield",
        meaning: "treasury: interest on coins lent, paid in coin at each month's end \
                  (lent·lendy·days/365)",
        at: place!(program.treasury.lend_yield_pct),
        page: Pages::Program,
        unit: "% a year",
        kind: Kind::Number(PERCENT),
        default: "0",
    },
    LendDefault = "lpd" {
        label: "Borrower default probability",
        meaning: "treasury: the coin borrower's default probability (month: 1 − (1 − lpd)^(days/365))",
        at: place!(program.treasury.default_pct),
        page: Pages::Program,
        unit: "% a year",
        kind: Kind::Number(PERCENT),
        default: "0",
    },
    LossGivenDefault = "lgd" {
        label: "Loss given default",
        meaning: "treasury: share of the lent coins a default loses",
        at: place!(program.treasury.loss_given_default_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::Number(PERCENT),
        default: "100",
    },
    Loan = "loan" {
        label: "Loan against coins",
        meaning: "treasury: USD borrowed at the start against pledged coins, repaid at the end \
                  of the last month",
        at: place!(program.treasury.loan),
        page: Pages::Program,
        unit: "USD",
        kind: Kind::Number(MONEY_OR_ZERO),
        default: "0",
    },
    LoanRate = "lrate" {
        label: "Loan rate",
        meaning: "treasury: the loan's interest, paid monthly from cash (loan·lrate·days/365)",
        at: place!(program.treasury.loan_rate_pct),
        page: Pages::Program,
        unit: "% a year",
        kind: Kind::Number(PERCENT),
        default: "0",
    },
    Pledge = "pledge" {
        label: "Coins pledged",
        meaning: "treasury: coins pledged to the loan (neither sold nor lent), at most `hold0`; \
                  absent: all the coins held at the start with a loan, none without",
        at: place!(program.treasury.pledge),
        page: Pages::Program,
        unit: "coins",
        kind: Kind::OptionalNumber(COINS_OR_ZERO),
        default: "",
    },
    LtvCall = "ltvmc" {
        label: "Margin-call LTV",
        meaning: "treasury: loan-to-value, loan / (pledge·price), of the margin call",
        at: place!(program.treasury.ltv_call_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::Number(NumRange::above(Decimal::ZERO, Decimal::ONE_HUNDRED)),
        default: "70",
    },
    LtvLiquidation = "ltvliq" {
        label: "Liquidation LTV",
        meaning: "treasury: loan-to-value of the liquidation (the pledged coins sold), above \
                  `ltvmc`",
        at: place!(program.treasury.ltv_liquidation_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::Number(NumRange::above(Decimal::ZERO, Decimal::ONE_HUNDRED)),
        default: "85",
    },
    CallTarget = "pcall" {
        label: "Target P(margin call)",
        meaning: "treasury: the chance of a margin call before the end that the pledge needed \
                  keeps to",
        at: place!(program.treasury.call_target_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::Number(NumRange::open(Decimal::ZERO, Decimal::ONE_HUNDRED)),
        default: "1",
    },
    CoveredCalls = "cc" {
        label: "Calls written per month",
        meaning: "treasury: share of the unpledged coins held at each month's start written as \
                  one-month calls",
        at: place!(program.treasury.calls_pct),
        page: Pages::Program,
        unit: "%",
        kind: Kind::List(&Kind::Number(PERCENT)),
        default: "0",
    },
    CoveredCallStrike = "cck" {
        label: "Covered-call strike per month",
        meaning: "treasury: each month's covered-call strike, share of its one-month forward",
        at: place!(program.treasury.call_strike_pct),
        page: Pages::Program,
        unit: "% of forward",
        kind: Kind::List(&Kind::Number(PERCENT_OF_FORWARD)),
        default: "110",
    },
    CashTarget = "ptarget" {
        label: "Target P(covering cash cost)",
        meaning: "coverage frontier: the probability of covering the period's cash cost that the \
                  suggested coverage reaches",
        at: place!(simulation.cash_target_pct),
        page: Pages::Period,
        written: Written::WhenSet,
        unit: "%",
        kind: Kind::Number(PERCENT),
        default: "95",
    },
}

/// The key table as Markdown (the same table as in the module docs), for the README.
///
/// ```
/// let table = minerhedge::link::markdown_table();
/// assert!(table.starts_with("| key | meaning | unit | valid values | default | page |"));
/// assert!(table.contains("| `vol` | price volatility, annualized | % | between 0 and 500 | 80 | both |"));
/// ```
pub fn markdown_table() -> String {
    let mut out = String::from("| key | meaning | unit | valid values | default | page |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    for s in KEYS {
        let unit = if s.unit.is_empty() { "-" } else { s.unit };
        let default = match (s.default.is_empty(), s.follows_market()) {
            (_, true) => format!("follows the market: {} (version 1: {})", s.auto, s.default),
            (true, false) => "absent".to_string(),
            (false, false) => s.default.to_string(),
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            s.key,
            s.id.meaning(),
            unit,
            s.valid(),
            default,
            s.page.as_str()
        ));
    }
    out
}
