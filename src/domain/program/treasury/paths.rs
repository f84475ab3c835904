//! The treasury on each simulated path of a program ([`super::super::ProgramRun::with_treasury`]).
//!
//! Each path runs the plan's ledger ([`super::ledger`]) in `f64` on its own prices: a month
//! settles at the path's `S_m`, mines the path's coins, and receives the program's month
//! net cash on the path (plus its carried premium, paid at the start). The calls are written at
//! the path's price at the month's start times `F_m/F_{m−1}` and priced at it (module docs of
//! [`super`]); a lent month's borrower defaults with the month's probability, drawn from a
//! generator of its own (seeded from the run's seed), so the treasury never changes the
//! program's paths. Beside it runs **sell every coin**: the same treasury selling each month's
//! mined coins in full.
//!
//! Margin calls and liquidations are counted at each month's end (monthly monitoring), the
//! closed-form touch probabilities of [`super::loan`] watch the price continuously: a path can
//! cross a barrier within a month and be back above it at the month's end, so the monthly count
//! is at most the continuous one (up to the simulation's noise).

use super::super::stats::{Quantiles, quantiles};
use super::Treasury;
use super::ledger::{Balances, LoanLimits, MonthMarket, MonthPolicy};
use crate::domain::validate::dec_f64;
use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use rust_decimal::Decimal;

/// The treasury's statistics of one month over the paths.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct TreasuryMonthStats {
    /// The treasury's value (coins × `S_m` + cash − loan), USD.
    pub value: Quantiles,
    /// The same with every mined coin sold in its month, USD.
    pub sell_all: Quantiles,
    /// Share of paths with a month-end margin call in this month or before.
    pub margin_call: f64,
    /// Share of paths liquidated in this month or before.
    pub liquidation: f64,
    /// Share of paths with a shortfall (cash missing after selling every unpledged coin) in
    /// this month or before.
    pub shortfall: f64,
}

/// The treasury over the paths.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct TreasuryStats {
    /// One entry per month.
    pub months: Vec<TreasuryMonthStats>,
}

/// One month's terms on the paths.
#[derive(Debug, Clone, Copy)]
struct PathMonth {
    policy: MonthPolicy<f64>,
    sell_all: MonthPolicy<f64>,
    call_ratio: f64,
    forward_ratio: f64,
    default_prob: f64,
    carried: f64,
}

/// A path's month as the program simulated it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PathStep {
    /// The month's settlement price.
    pub price: f64,
    /// The coins mined.
    pub mined: f64,
    /// The program's month net cash on the path.
    pub net_cash: f64,
}

/// The treasury's state over a run.
#[derive(Debug, Clone)]
pub(crate) struct TreasuryRun {
    months: Vec<PathMonth>,
    start: Balances<f64>,
    spot: f64,
    limits: LoanLimits<f64>,
    rng: Pcg64Mcg,
    stride: usize,
    /// Value per month and path, month-major, as the program's net cash.
    value: Vec<f64>,
    sell_all: Vec<f64>,
    /// Per month: paths whose first margin call (liquidation, shortfall) is in that month.
    first_call: Vec<u32>,
    first_liquidation: Vec<u32>,
    first_shortfall: Vec<u32>,
}

fn f64_policy(p: &MonthPolicy<Decimal>) -> MonthPolicy<f64> {
    MonthPolicy {
        sell: dec_f64(p.sell),
        lend: dec_f64(p.lend),
        lend_interest: dec_f64(p.lend_interest),
        loss_given_default: dec_f64(p.loss_given_default),
        calls: dec_f64(p.calls),
        call_strike: dec_f64(p.call_strike),
        loan_interest: dec_f64(p.loan_interest),
        repay: p.repay,
    }
}

fn f64_balances(b: Balances<Decimal>) -> Balances<f64> {
    Balances {
        held: dec_f64(b.held),
        pledged: dec_f64(b.pledged),
        cash: dec_f64(b.cash),
        loan: dec_f64(b.loan),
    }
}

impl TreasuryRun {
    /// The treasury `t` on a run of `paths` paths from `spot`, seeded from `seed`.
    pub(crate) fn new(t: &Treasury, spot: f64, paths: usize, seed: u64) -> Self {
        let months: Vec<PathMonth> = t
            .months()
            .iter()
            .map(|m| {
                let policy = f64_policy(&m.policy);
                PathMonth {
                    policy,
                    sell_all: MonthPolicy {
                        sell: 1.0,
                        ..policy
                    },
                    call_ratio: m.call_ratio,
                    forward_ratio: m.forward_ratio,
                    default_prob: m.default_prob,
                    carried: dec_f64(m.carried_premium),
                }
            })
            .collect();
        let n = months.len();
        let limits = t.limits();
        TreasuryRun {
            start: f64_balances(t.start()),
            spot,
            limits: LoanLimits {
                call: dec_f64(limits.call),
                liquidation: dec_f64(limits.liquidation),
            },
            // Its own stream: the program's paths are the same with or without a treasury.
            rng: Pcg64Mcg::seed_from_u64(seed ^ 0x7472_6561_7375_7279),
            stride: paths,
            value: vec![0.0; n * paths],
            sell_all: vec![0.0; n * paths],
            first_call: vec![0; n],
            first_liquidation: vec![0; n],
            first_shortfall: vec![0; n],
            months,
        }
    }

    /// Runs path `path` (the next one) on the program's months `steps`.
    pub(crate) fn path(&mut self, path: usize, steps: &[PathStep]) {
        let (mut b, mut all) = (self.start, self.start);
        let (mut called, mut liquidated, mut short) = (false, false, false);
        let mut start_price = self.spot;
        for (i, (m, st)) in self.months.iter().zip(steps).enumerate() {
            let forward = start_price * m.forward_ratio;
            let defaulted = m.policy.lend > 0.0
                && m.default_prob > 0.0
                && self.rng.random::<f64>() < m.default_prob;
            let market = MonthMarket {
                price: st.price,
                forward,
                call_premium: m.call_ratio * forward,
                mined: st.mined,
                flow: st.net_cash + m.carried - st.mined * st.price,
                default_share: if defaulted { 1.0 } else { 0.0 },
            };
            let r = b.month(&m.policy, &market, self.limits);
            all.month(&m.sell_all, &market, self.limits);
            let cell = i * self.stride + path;
            self.value[cell] = b.value(st.price);
            self.sell_all[cell] = all.value(st.price);
            first(&mut called, r.margin_call, &mut self.first_call[i]);
            first(
                &mut liquidated,
                r.liquidated,
                &mut self.first_liquidation[i],
            );
            first(&mut short, r.shortfall > 0.0, &mut self.first_shortfall[i]);
            start_price = st.price;
        }
    }

    /// The statistics of the first `paths` paths (`None` before the first).
    pub(crate) fn stats(&self, paths: usize) -> Option<TreasuryStats> {
        if paths == 0 {
            return None;
        }
        let mut keys = Vec::with_capacity(paths);
        let n = paths as f64;
        let (mut calls, mut liqs, mut shorts) = (0u32, 0u32, 0u32);
        let months = (0..self.months.len())
            .map(|i| {
                let r = i * self.stride..i * self.stride + paths;
                calls += self.first_call[i];
                liqs += self.first_liquidation[i];
                shorts += self.first_shortfall[i];
                TreasuryMonthStats {
                    value: quantiles(&self.value[r.clone()], &mut keys),
                    sell_all: quantiles(&self.sell_all[r], &mut keys),
                    margin_call: f64::from(calls) / n,
                    liquidation: f64::from(liqs) / n,
                    shortfall: f64::from(shorts) / n,
                }
            })
            .collect();
        Some(TreasuryStats { months })
    }
}

/// Counts a path's first event: `count` gains one when `now` happens and `seen` had not.
fn first(seen: &mut bool, now: bool, count: &mut u32) {
    if now && !*seen {
        *seen = true;
        *count += 1;
    }
}
