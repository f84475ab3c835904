//! What the inputs panel shows for each share-link key: label, unit, the input's bounds and its
//! default text. Presentation metadata only; the scenario's meaning lives in the engine and the
//! link codec.

/// How a field is edited.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A number between `min` and `max` (inclusive); `step` is the input's granularity.
    Number { min: f64, max: f64, step: f64 },
    /// One of a fixed list of `(value, label)` choices.
    Choice(&'static [(&'static str, &'static str)]),
    /// Free text up to `max_len` characters (the coin label).
    Text { max_len: usize },
}

/// One scenario field as the page presents it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    /// Share-link key (`spot`, `cov`, …).
    pub key: &'static str,
    /// Label next to the input.
    pub label: &'static str,
    /// Unit shown after the input (may be empty).
    pub unit: &'static str,
    /// Editing kind and bounds.
    pub kind: Kind,
    /// Text of the field when the link does not set it.
    pub default: &'static str,
}

/// Hedge choices, as in the share link.
pub const HEDGES: &[(&str, &str)] = &[
    ("none", "None (unhedged)"),
    ("forward", "Forward (linear, USD)"),
    ("inverse", "Inverse forward (COIN/USD)"),
    ("put", "Bought put"),
    ("collar", "Collar (put + short call)"),
];

/// Ways into the period economics.
pub const MODES: &[(&str, &str)] = &[
    ("direct", "Direct: period cost and expected output"),
    ("rig", "Rig: hashrate, power, difficulty"),
];

const fn num(
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    step: f64,
    default: &'static str,
) -> Spec {
    Spec {
        key,
        label,
        unit,
        kind: Kind::Number { min, max, step },
        default,
    }
}

/// Every field of the page, in share-link order.
pub const SPECS: &[Spec] = &[
    Spec {
        key: "coin",
        label: "Coin",
        unit: "",
        kind: Kind::Text { max_len: 10 },
        default: "ETH",
    },
    Spec {
        key: "mode",
        label: "Economics",
        unit: "",
        kind: Kind::Choice(MODES),
        default: "direct",
    },
    num("cost", "Period cost", "USD", 0.01, 1e9, 1.0, "1100"),
    num("qty", "Expected output", "coins", 1e-8, 1e9, 0.01, "5"),
    num("hr", "Hashrate", "TH/s", 0.001, 1e9, 1.0, "200"),
    num("eff", "Efficiency", "J/TH", 0.1, 1e4, 0.1, "17.5"),
    num("pwr", "Power price", "USD/kWh", 0.0, 10.0, 0.001, "0.06"),
    num("diff", "Network difficulty", "", 1.0, 1e20, 1.0, "1.2e14"),
    num("sub", "Block subsidy", "coins", 0.0, 1e9, 0.01, "3.125"),
    num("fee", "Fees per block", "coins", 0.0, 1e9, 0.01, "0.1"),
    num("days", "Period", "days", 1.0, 3650.0, 1.0, "30"),
    num("spot", "Spot price", "USD", 0.01, 1e9, 0.01, "250"),
    num("vol", "Volatility", "%", 0.0, 500.0, 0.1, "80"),
    num("rate", "Risk-free rate", "%", -10.0, 100.0, 0.01, "5"),
    Spec {
        key: "hedge",
        label: "Hedge",
        unit: "",
        kind: Kind::Choice(HEDGES),
        default: "forward",
    },
    num("cov", "Coverage", "%", 0.0, 100.0, 1.0, "100"),
    num("fwd", "Forward price", "USD", 0.01, 1e9, 0.01, "260"),
    num("inv", "Inverse quote", "coin/USD", 1e-12, 1e6, 0.0001, "0.004"),
    num("kp", "Put strike", "USD", 0.01, 1e9, 1.0, "220"),
    Spec {
        key: "kc",
        label: "Call strike",
        unit: "USD or zero",
        kind: Kind::Text { max_len: 24 },
        default: "zero",
    },
    num("px", "Final price", "USD", 0.01, 1e9, 1.0, "250"),
    num("lo", "Range from", "USD", 0.01, 1e9, 1.0, "200"),
    num("hi", "Range to", "USD", 0.01, 1e9, 1.0, "300"),
    num("step", "Table step", "USD", 0.01, 1e9, 1.0, "10"),
];

/// The spec of `key`, if the page has such a field.
pub fn spec(key: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.key == key)
}

/// Checks the text of a field against its spec; `Err` is the inline message, naming the
/// field, the value and the valid range.
pub fn check(spec: &Spec, text: &str) -> Result<(), String> {
    let shown = if text.chars().count() > 24 {
        format!("{}…", text.chars().take(24).collect::<String>())
    } else {
        text.to_owned()
    };
    match spec.kind {
        Kind::Number { min, max, .. } => match text.trim().parse::<f64>() {
            Ok(x) if x.is_finite() && x >= min && x <= max => Ok(()),
            Ok(_) => Err(format!(
                "{} ({}) = {shown} is out of range: must be between {min} and {max}",
                spec.label, spec.key
            )),
            Err(_) => Err(format!(
                "{} ({}) = \"{shown}\" is not a number: must be between {min} and {max}",
                spec.label, spec.key
            )),
        },
        Kind::Choice(options) => {
            if options.iter().any(|(v, _)| *v == text) {
                Ok(())
            } else {
                let names: Vec<&str> = options.iter().map(|(v, _)| *v).collect();
                Err(format!(
                    "{} ({}) = \"{shown}\" is not one of {}",
                    spec.label,
                    spec.key,
                    names.join(", ")
                ))
            }
        }
        Kind::Text { max_len } => {
            let n = text.chars().count();
            if n == 0 || n > max_len {
                Err(format!(
                    "{} ({}) = \"{shown}\" must be 1 to {max_len} characters",
                    spec.label, spec.key
                ))
            } else {
                Ok(())
            }
        }
    }
}
