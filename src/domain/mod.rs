//! The hedging engine: pure Rust, no web or UI crate.
//!
//! Money (costs, revenues, payoffs in USD, notionals, coin quantities) is `rust_decimal::Decimal`
//! and exact; option pricing, risk grids and Monte Carlo are `f64`.

pub mod daycount;
pub mod error;
pub mod field;
pub mod range;
pub mod tolerance;
pub mod validate;

pub mod pricing;

pub mod collar;
pub mod economics;
pub mod hedge;
pub mod leg;
pub mod margin;
pub mod money;
pub mod number;
pub mod power;
pub mod strategy;
pub mod ticket;

pub mod montecarlo;
pub mod program;
pub mod risk;

pub use error::{DomainError, Result};
pub use field::Field;
