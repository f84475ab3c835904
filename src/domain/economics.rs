//! Period economics of a miner: what a period costs in USD and how many coins it is expected
//! to yield, entered directly or derived from a rig; and the unhedged P&L at a final price.
//!
//! All arithmetic is exact `Decimal` (quotients rounded at the 28th digit).
//!
//! # Rig model
//! - Hashes per second `H = hashrate_ths × 10¹²`, period seconds `t = days × 86 400`.
//! - **Average difficulty** under linear growth `g` over the period (`D_end = D·(1 + g)`):
//!   `D_avg = D·(1 + g/2)`. Expected output uses `D_avg`, the time average of the linear
//!   difficulty path. This is the simple, conservative choice: the exact mean rate
//!   `(1/t)∫ dt / D(t) = ln(1 + g) / (g·D)` is slightly higher (Jensen), so the output is
//!   understated by about `g²/12` relative for small `g` (0.08 % at g = 10 %).
//! - Expected blocks `B = H·t / (D_avg·2³²)`.
//! - Coins `Q = B × (subsidy + fees per block) × (1 − pool fee) × uptime`. A subsidy halving
//!   on day `h` of a `T`-day period enters as the period-average subsidy
//!   [`halving_subsidy`] `= subsidy × (1 + h/T)/2` (blocks arrive uniformly over the period
//!   under the average-difficulty model, so a fraction `h/T` of them pays the full subsidy).
//! - Energy `E = hashrate_ths × J/TH × uptime × t / 3.6·10⁶` kWh — **uptime scales power**: a
//!   rig that is down draws nothing. Power cost `E × $/kWh`.
//! - Amortization `capex × days / lifetime_days`.
//! - Total cost = power + other opex + amortization; all-in breakeven = total cost / Q.

use super::error::{DomainError, Result};
use super::field::Field;
use super::money::{self, MAX_MONEY, MAX_PRICE, MAX_QUANTITY, MIN_COST};
use super::validate::{dec_f64, dec_positive};
use crate::domain::range::{NumRange, int};
use rust_decimal::Decimal;

/// Checks a final coin price: `0 ≤ S ≤ MAX_PRICE` (1e9 USD per coin): a coin worth
/// nothing is a price the table and chart show (`lo=0`).
///
/// ```
/// use minerhedge::domain::economics::validate_price;
/// use rust_decimal::Decimal;
/// assert!(validate_price(Decimal::from(250)).is_ok());
/// use minerhedge::domain::Field;
/// assert!(validate_price(Decimal::ZERO).is_ok());
/// assert_eq!(validate_price(-Decimal::ONE).unwrap_err().field(), Some(Field::FinalPrice));
/// ```
pub fn validate_price(s: Decimal) -> Result<Decimal> {
    if s.is_zero() {
        Ok(s)
    } else {
        price_field(Field::FinalPrice, s)
    }
}

pub(crate) fn price_field(field: Field, s: Decimal) -> Result<Decimal> {
    if s > Decimal::ZERO && s <= MAX_PRICE {
        Ok(s)
    } else {
        Err(DomainError::out_of_range(
            field,
            dec_f64(s),
            format!("greater than 0 and at most {MAX_PRICE} USD per coin"),
        ))
    }
}

/// Period-average block subsidy when the subsidy halves on day `h` of a `T`-day period:
/// `subsidy × (1 + h/T) / 2` (a fraction `h/T` of the blocks, arriving uniformly in time,
/// pays the full subsidy, the rest half). `h ∈ [0, T]`, `T ∈ (0, 3650]`, subsidy `[0, 1e6]`;
/// errors name `"halving day"`, `"period length"`, `"block subsidy"`. Pass the result as
/// [`RigParams::block_subsidy`].
///
/// ```
/// use minerhedge::domain::economics::halving_subsidy;
/// use rust_decimal::Decimal;
/// let d = Decimal::from;
/// assert_eq!(halving_subsidy(Decimal::new(3125, 3), d(15), d(30))?, Decimal::new(234375, 5));
/// assert_eq!(halving_subsidy(Decimal::new(3125, 3), d(30), d(30))?, Decimal::new(3125, 3));
/// assert!(halving_subsidy(Decimal::new(3125, 3), d(31), d(30)).is_err());
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
pub fn halving_subsidy(
    subsidy: Decimal,
    halving_day: Decimal,
    period_days: Decimal,
) -> Result<Decimal> {
    let d = Decimal::from;
    const { NumRange::closed(int(0), int(1_000_000)) }.check(Field::BlockSubsidy, subsidy)?;
    const { NumRange::above(int(0), int(3650)) }.check(Field::PeriodLength, period_days)?;
    NumRange::closed(d(0), period_days).check(Field::HalvingDay, halving_day)?;
    let share = money::div(Field::HalvingDay, halving_day, period_days)?;
    let full = money::mul(Field::BlockSubsidy, subsidy, Decimal::ONE + share)?;
    money::div(Field::BlockSubsidy, full, Decimal::TWO).map(|v| v.normalize())
}

/// Inputs of [`PeriodEconomics::direct`]: the seed's cloud-mining case.
///
/// ```
/// use minerhedge::domain::economics::DirectParams;
/// use rust_decimal::Decimal;
/// let p = DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) };
/// assert_eq!(p.period_cost, Decimal::from(1100));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectParams {
    /// Cost of the period in USD, `MIN_COST ≤ cost ≤ MAX_MONEY` (0.01 … 1e15).
    pub period_cost: Decimal,
    /// Expected coins mined over the period, `0 < Q ≤ MAX_QUANTITY` (1e12).
    pub expected_output: Decimal,
}

/// Cost and expected output of one mining period, validated.
///
/// Revenue at final price `S`: `R = Q·S`; return `R / cost − 1`.
///
/// ```
/// use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
/// use rust_decimal::Decimal;
/// let e = PeriodEconomics::direct(DirectParams {
///     period_cost: Decimal::from(1100),
///     expected_output: Decimal::from(5),
/// })?;
/// assert_eq!(e.revenue(Decimal::from(220))?, Decimal::from(1100));
/// assert_eq!(e.period_return(Decimal::from(220))?, Decimal::ZERO);
/// assert_eq!(e.breakeven_price(), Decimal::from(220));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodEconomics {
    cost: Decimal,
    cash_cost: Decimal,
    output: Decimal,
}

impl PeriodEconomics {
    /// Validated constructor from a cost and an expected output.
    ///
    /// Errors: `"period cost"` outside `[0.01, 1e15]` USD, `"expected output"` outside
    /// `(0, 1e12]` coins.
    ///
    /// ```
    /// use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
    /// use rust_decimal::Decimal;
    /// let bad = PeriodEconomics::direct(DirectParams {
    ///     period_cost: Decimal::from(1100),
    ///     expected_output: Decimal::ZERO,
    /// });
    /// use minerhedge::domain::Field;
    /// assert_eq!(bad.unwrap_err().field(), Some(Field::ExpectedOutput));
    /// ```
    pub fn direct(p: DirectParams) -> Result<Self> {
        const { NumRange::closed(MIN_COST, MAX_MONEY) }.check(Field::PeriodCost, p.period_cost)?;
        if !(p.expected_output > Decimal::ZERO && p.expected_output <= MAX_QUANTITY) {
            return Err(DomainError::out_of_range(
                Field::ExpectedOutput,
                dec_f64(p.expected_output),
                format!("greater than 0 and at most {MAX_QUANTITY} coins"),
            ));
        }
        Ok(Self {
            cost: p.period_cost.normalize(),
            cash_cost: p.period_cost.normalize(),
            output: p.expected_output.normalize(),
        })
    }

    /// Economics of a rig: its total cost and expected output (same bounds as
    /// [`PeriodEconomics::direct`]).
    ///
    /// ```
    /// use minerhedge::domain::economics::{PeriodEconomics, Rig, RigParams};
    /// let rig = Rig::new(RigParams::example())?;
    /// let e = PeriodEconomics::from_rig(&rig)?;
    /// assert_eq!(e.cost(), rig.total_cost());
    /// assert_eq!(e.output(), rig.expected_output());
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn from_rig(rig: &Rig) -> Result<Self> {
        let mut e = Self::direct(DirectParams {
            period_cost: rig.total_cost(),
            expected_output: rig.expected_output(),
        })
        .map_err(|e| match e {
            // The rig's cost is not an input: its error is the rig's cost.
            DomainError::OutOfRange {
                field: Field::PeriodCost,
                value,
                range,
            } => DomainError::OutOfRange {
                field: Field::RigCost,
                value,
                range,
            },
            other => other,
        })?;
        e.cash_cost = rig.cash_cost();
        Ok(e)
    }

    /// Economics of a plan whose cost and output come from elsewhere (a power contract's
    /// plan): [`PeriodEconomics::direct`]'s bounds, and a cash cost of at most the cost.
    ///
    /// ```
    /// use minerhedge::domain::economics::{DirectParams, PeriodEconomics};
    /// use rust_decimal::Decimal;
    /// let p = DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) };
    /// let e = PeriodEconomics::planned(p, Decimal::from(900))?;
    /// assert_eq!((e.cost(), e.cash_cost()), (Decimal::from(1100), Decimal::from(900)));
    /// assert!(PeriodEconomics::planned(p, Decimal::from(1200)).is_err());
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn planned(p: DirectParams, cash_cost: Decimal) -> Result<Self> {
        let mut e = Self::direct(p)?;
        NumRange::closed(Decimal::ZERO, e.cost).check(Field::CashCost, cash_cost)?;
        e.cash_cost = cash_cost.normalize();
        Ok(e)
    }

    /// Cash (fiat) part of the period cost in USD: equal to [`PeriodEconomics::cost`] for
    /// direct economics, power + other opex (no amortization) for a rig.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let mut p = RigParams::example();
    /// p.hardware_capex = Decimal::from(3650);
    /// let e = Rig::new(p)?.economics()?;
    /// assert_eq!(e.cash_cost(), Decimal::new(1512, 1));
    /// assert_eq!(e.cost(), Decimal::new(2512, 1));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn cash_cost(&self) -> Decimal {
        self.cash_cost
    }

    /// Period cost in USD.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(e.cost(), Decimal::from(1100));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn cost(&self) -> Decimal {
        self.cost
    }

    /// Expected output `Q` in coins.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(e.output(), Decimal::from(5));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn output(&self) -> Decimal {
        self.output
    }

    /// Revenue `Q·S` at final price `S` (validated by [`validate_price`]). Exact.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(e.revenue(Decimal::from(200))?, Decimal::from(1000));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn revenue(&self, s: Decimal) -> Result<Decimal> {
        validate_price(s)?;
        money::mul(Field::Revenue, self.output, s)
    }

    /// Unhedged return `Q·S / cost − 1` (a fraction; 28 digits).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(e.period_return(Decimal::from(275))?, Decimal::new(25, 2));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn period_return(&self, s: Decimal) -> Result<Decimal> {
        self.return_of_total(self.revenue(s)?)
    }

    /// Return of any period total: `total / cost − 1`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(e.return_of_total(Decimal::from(1300))?, Decimal::TWO / Decimal::from(11));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn return_of_total(&self, total: Decimal) -> Result<Decimal> {
        let ratio = money::div(Field::PeriodReturn, total, self.cost)?;
        money::sub(Field::PeriodReturn, ratio, Decimal::ONE)
    }

    /// All-in breakeven price `cost / Q` (USD per coin): the final price at which the
    /// unhedged return is 0.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let e = PeriodEconomics::direct(DirectParams { period_cost: Decimal::from(1100), expected_output: Decimal::from(5) })?;
    /// assert_eq!(e.breakeven_price(), Decimal::from(220));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn breakeven_price(&self) -> Decimal {
        // cost ≤ 1e15 and Q ≥ 1e-28: the quotient fits unless Q is below ~1e-14; saturate.
        money::checked_div(self.cost, self.output).unwrap_or(Decimal::MAX)
    }
}

/// Inputs of a mining rig for one period. Percent-like inputs are **fractions**
/// (pool fee 0.02 = 2 %).
///
/// ```
/// use minerhedge::domain::economics::RigParams;
/// let p = RigParams::example();
/// assert_eq!(p.hashrate_ths, rust_decimal::Decimal::from(200));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RigParams {
    /// Hashrate in TH/s, `(0, 1e8]`.
    pub hashrate_ths: Decimal,
    /// Efficiency in J/TH, `(0, 1e6]`.
    pub efficiency_j_per_th: Decimal,
    /// Power price in USD per kWh, `[0, 1000]`.
    pub power_price_per_kwh: Decimal,
    /// Other fixed operating cost per period, USD, `[0, 1e15]`.
    pub other_opex: Decimal,
    /// Pool fee as a fraction, `[0, 1)`.
    pub pool_fee: Decimal,
    /// Uptime as a fraction, `(0, 1]`.
    pub uptime: Decimal,
    /// Network difficulty at the start of the period, `[1, 1e17]`.
    pub difficulty: Decimal,
    /// Difficulty growth over the period as a fraction, `(−1, 10]` (0.05 = +5 %).
    pub difficulty_growth: Decimal,
    /// Block subsidy in coins, `[0, 1e6]`.
    pub block_subsidy: Decimal,
    /// Average transaction fees per block in coins, `[0, 1e6]`; subsidy + fees > 0.
    pub fees_per_block: Decimal,
    /// Period length in days, `(0, 3650]`.
    pub period_days: Decimal,
    /// Hardware capital expenditure, USD, `[0, 1e15]`.
    pub hardware_capex: Decimal,
    /// Hardware lifetime in days, `(0, 36500]`.
    pub hardware_lifetime_days: Decimal,
}

impl RigParams {
    /// A 200 TH/s, 17.5 J/TH rig at $0.06/kWh over 30 days (difficulty 1.2e14, no growth,
    /// subsidy 3.125, fees 0.02, pool fee 2 %, uptime 100 %, no opex or capex).
    ///
    /// ```
    /// use minerhedge::domain::economics::{Rig, RigParams};
    /// assert!(Rig::new(RigParams::example()).is_ok());
    /// ```
    pub fn example() -> Self {
        Self {
            hashrate_ths: Decimal::from(200),
            efficiency_j_per_th: Decimal::new(175, 1),
            power_price_per_kwh: Decimal::new(6, 2),
            other_opex: Decimal::ZERO,
            pool_fee: Decimal::new(2, 2),
            uptime: Decimal::ONE,
            difficulty: Decimal::from(120_000_000_000_000u64),
            difficulty_growth: Decimal::ZERO,
            block_subsidy: Decimal::new(3125, 3),
            fees_per_block: Decimal::new(2, 2),
            period_days: Decimal::from(30),
            hardware_capex: Decimal::ZERO,
            hardware_lifetime_days: Decimal::from(1095),
        }
    }
}

/// A validated rig with its derived period figures (see the module docs for the formulas).
///
/// ```
/// use minerhedge::domain::economics::{Rig, RigParams};
/// use rust_decimal::Decimal;
/// let rig = Rig::new(RigParams::example())?;
/// // 200 TH/s × 17.5 J/TH × 24 h × 30 d / 1000 = 2,520 kWh at $0.06 = $151.20
/// assert_eq!(rig.energy_kwh(), Decimal::from(2520));
/// assert_eq!(rig.power_cost(), Decimal::new(15120, 2));
/// # Ok::<(), minerhedge::domain::DomainError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rig {
    params: RigParams,
    reward: Decimal,
    average_difficulty: Decimal,
    blocks: Decimal,
    coins: Decimal,
    energy_kwh: Decimal,
    power_cost: Decimal,
    amortization: Decimal,
    total_cost: Decimal,
}

const SECONDS_PER_DAY: Decimal = Decimal::from_parts(86_400, 0, 0, false, 0);
const TWO_POW_32: Decimal = Decimal::from_parts(0, 1, 0, false, 0);
const TERA: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
const JOULES_PER_KWH: Decimal = Decimal::from_parts(3_600_000, 0, 0, false, 0);

impl Rig {
    /// Validates every input (errors name the field, see [`RigParams`] for ranges) and
    /// computes the period figures.
    ///
    /// ```
    /// use minerhedge::domain::economics::{Rig, RigParams};
    /// use rust_decimal::Decimal;
    /// let mut p = RigParams::example();
    /// p.uptime = Decimal::ZERO;
    /// use minerhedge::domain::Field;
    /// assert_eq!(Rig::new(p).unwrap_err().field(), Some(Field::Uptime));
    /// ```
    pub fn new(p: RigParams) -> Result<Self> {
        const { NumRange::above(int(0), int(100_000_000)) }
            .check(Field::Hashrate, p.hashrate_ths)?;
        const { NumRange::above(int(0), int(1_000_000)) }
            .check(Field::Efficiency, p.efficiency_j_per_th)?;
        const { NumRange::closed(int(0), int(1000)) }
            .check(Field::PowerPrice, p.power_price_per_kwh)?;
        const { NumRange::closed(int(0), MAX_MONEY) }.check(Field::OtherOpex, p.other_opex)?;
        const { NumRange::below(int(0), int(1)) }.check(Field::PoolFee, p.pool_fee)?;
        const { NumRange::above(int(0), int(1)) }.check(Field::Uptime, p.uptime)?;
        const { NumRange::closed(int(1), int(100_000_000_000_000_000u64)) }
            .check(Field::Difficulty, p.difficulty)?;
        const { NumRange::above(Decimal::NEGATIVE_ONE, int(10)) }
            .check(Field::DifficultyGrowth, p.difficulty_growth)?;
        const { NumRange::closed(int(0), int(1_000_000)) }
            .check(Field::BlockSubsidy, p.block_subsidy)?;
        const { NumRange::closed(int(0), int(1_000_000)) }
            .check(Field::FeesPerBlock, p.fees_per_block)?;
        dec_positive(Field::BlockSubsidy, p.block_subsidy + p.fees_per_block)?;
        const { NumRange::above(int(0), int(3650)) }.check(Field::PeriodLength, p.period_days)?;
        let reward = p.block_subsidy + p.fees_per_block;
        const { NumRange::closed(int(0), MAX_MONEY) }
            .check(Field::HardwareCapex, p.hardware_capex)?;
        const { NumRange::above(int(0), int(36500)) }
            .check(Field::HardwareLifetime, p.hardware_lifetime_days)?;

        let seconds = money::mul(Field::PeriodLength, p.period_days, SECONDS_PER_DAY)?;
        // D_avg = D·(1 + g/2)
        let growth_half = money::div(Field::DifficultyGrowth, p.difficulty_growth, Decimal::TWO)?;
        let average_difficulty =
            money::mul(Field::Difficulty, p.difficulty, Decimal::ONE + growth_half)?;
        // B = H·t / (D_avg·2³²), H = TH/s × 1e12
        let hashes = money::mul(
            Field::Hashrate,
            money::mul(Field::Hashrate, p.hashrate_ths, TERA)?,
            seconds,
        )?;
        let denom = money::mul(Field::Difficulty, average_difficulty, TWO_POW_32)?;
        let blocks = money::div(Field::ExpectedBlocks, hashes, denom)?;
        // Q = B × (subsidy + fees) × (1 − pool fee) × uptime. One rounding when the
        // numerator H·t·reward·(1 − fee)·uptime fits, else via the rounded B.
        let keep = (Decimal::ONE - p.pool_fee) * p.uptime;
        let coins = match money::checked_mul(hashes, reward)
            .and_then(|x| money::checked_mul(x, keep))
            .and_then(|x| money::checked_div(x, denom))
        {
            Some(c) => c,
            None => money::mul(
                Field::ExpectedOutput,
                money::mul(Field::ExpectedOutput, blocks, reward)?,
                keep,
            )?,
        };
        // E = TH/s × J/TH × uptime × t / 3.6e6  (kWh)
        let joules = money::mul(
            Field::Energy,
            money::mul(
                Field::Energy,
                money::mul(Field::Energy, p.hashrate_ths, p.efficiency_j_per_th)?,
                p.uptime,
            )?,
            seconds,
        )?;
        let energy_kwh = money::div(Field::Energy, joules, JOULES_PER_KWH)?;
        let power_cost = money::mul(Field::PowerCost, energy_kwh, p.power_price_per_kwh)?;
        let amortization = money::div(
            Field::HardwareCapex,
            money::mul(Field::HardwareCapex, p.hardware_capex, p.period_days)?,
            p.hardware_lifetime_days,
        )?;
        let total_cost = money::add(
            Field::PeriodCost,
            money::add(Field::PeriodCost, power_cost, p.other_opex)?,
            amortization,
        )?;
        Ok(Self {
            params: p,
            reward: reward.normalize(),
            average_difficulty: average_difficulty.normalize(),
            blocks: blocks.normalize(),
            coins: coins.normalize(),
            energy_kwh: energy_kwh.normalize(),
            power_cost: power_cost.normalize(),
            amortization: amortization.normalize(),
            total_cost: total_cost.normalize(),
        })
    }

    /// The validated inputs.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*;
    /// let rig = Rig::new(RigParams::example())?;
    /// assert_eq!(rig.params(), &RigParams::example());
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn params(&self) -> &RigParams {
        &self.params
    }

    /// Average difficulty over the period, `D_avg = D·(1 + g/2)` (linear growth).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let mut p = RigParams::example();
    /// p.difficulty_growth = Decimal::new(1, 1); // +10 % over the period
    /// let rig = Rig::new(p)?;
    /// assert_eq!(rig.average_difficulty(), Decimal::from(126_000_000_000_000u64));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn average_difficulty(&self) -> Decimal {
        self.average_difficulty
    }

    /// Expected blocks found, `B = H·t / (D_avg·2³²)`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let rig = Rig::new(RigParams::example())?;
    /// assert!(rig.expected_blocks() > Decimal::new(1005, 6) && rig.expected_blocks() < Decimal::new(1006, 6));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn expected_blocks(&self) -> Decimal {
        self.blocks
    }

    /// Reward per block, coins: `subsidy + fees`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// assert_eq!(Rig::new(RigParams::example())?.reward_per_block(), Decimal::new(3145, 3));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn reward_per_block(&self) -> Decimal {
        self.reward
    }

    /// Expected coins, `Q = B × (subsidy + fees) × (1 − pool fee) × uptime`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let rig = Rig::new(RigParams::example())?;
    /// let q = rig.expected_blocks() * Decimal::new(3145, 3) * Decimal::new(98, 2);
    /// assert!((rig.expected_output() - q).abs() < Decimal::new(1, 24));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn expected_output(&self) -> Decimal {
        self.coins
    }

    /// Energy drawn over the period in kWh, `TH/s × J/TH × uptime × t / 3.6e6`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// assert_eq!(Rig::new(RigParams::example())?.energy_kwh(), Decimal::from(2520));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn energy_kwh(&self) -> Decimal {
        self.energy_kwh
    }

    /// Power cost of the period in USD, `energy_kwh × $/kWh`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// assert_eq!(Rig::new(RigParams::example())?.power_cost(), Decimal::new(1512, 1));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn power_cost(&self) -> Decimal {
        self.power_cost
    }

    /// Hardware amortization for the period, `capex × days / lifetime_days`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let mut p = RigParams::example();
    /// p.hardware_capex = Decimal::from(3650);
    /// p.hardware_lifetime_days = Decimal::from(1095);
    /// assert_eq!(Rig::new(p)?.amortization(), Decimal::from(100));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn amortization(&self) -> Decimal {
        self.amortization
    }

    /// Total period cost: power + other opex + amortization (USD).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let mut p = RigParams::example();
    /// p.other_opex = Decimal::from(20);
    /// assert_eq!(Rig::new(p)?.total_cost(), Decimal::new(1712, 1));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn total_cost(&self) -> Decimal {
        self.total_cost
    }

    /// Cash cost of the period: power + other opex (USD, no amortization).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let mut p = RigParams::example();
    /// p.other_opex = Decimal::from(20);
    /// p.hardware_capex = Decimal::from(3650);
    /// assert_eq!(Rig::new(p)?.cash_cost(), Decimal::new(1712, 1));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn cash_cost(&self) -> Decimal {
        (self.power_cost + self.params.other_opex).normalize()
    }

    /// All-in cost per coin mined (breakeven price), `total cost / Q`, USD per coin.
    /// Errors (`"expected output"`) when the output is too small for the quotient to fit.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let rig = Rig::new(RigParams::example())?;
    /// let c = rig.cost_per_coin()?;
    /// assert!((c * rig.expected_output() - rig.total_cost()).abs() < Decimal::new(1, 20));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn cost_per_coin(&self) -> Result<Decimal> {
        dec_positive(Field::ExpectedOutput, self.coins)?;
        money::div(Field::ExpectedOutput, self.total_cost, self.coins)
    }

    /// Network hashprice at spot `S`: USD earned per TH/s per day, gross of pool fee and at
    /// 100 % uptime (the market convention), at the period's average difficulty:
    /// `S × (subsidy + fees) × 86 400 × 10¹² / (D_avg × 2³²)`.
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let rig = Rig::new(RigParams::example())?;
    /// let hp = rig.hashprice(Decimal::from(100_000))?;
    /// // 3.145 × 86 400e12 / (1.2e14 × 2³²) × 100 000 ≈ 0.0527 USD/TH/day
    /// assert!(hp > Decimal::new(527, 4) && hp < Decimal::new(528, 4));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn hashprice(&self, spot: Decimal) -> Result<Decimal> {
        price_field(Field::SpotPrice, spot)?;
        let reward = self.reward;
        let denom = money::mul(Field::Hashprice, self.average_difficulty, TWO_POW_32)?;
        // One rounding when the numerator fits, else via the rounded per-TH figure.
        let exact = money::checked_mul(SECONDS_PER_DAY * TERA, reward)
            .and_then(|x| money::checked_mul(x, spot))
            .and_then(|x| money::checked_div(x, denom));
        if let Some(v) = exact {
            return Ok(v.normalize());
        }
        let per_th_day = money::div(Field::Hashprice, SECONDS_PER_DAY * TERA, denom)?;
        money::mul(
            Field::Hashprice,
            money::mul(Field::Hashprice, per_th_day, reward)?,
            spot,
        )
        .map(|v| v.normalize())
    }

    /// Coins one PH/s earns a day at the period's average difficulty, gross of pool fee and
    /// at 100 % uptime: `k = (subsidy + fees) × 86 400 × 10¹⁵ / (D_avg × 2³²)`, so the
    /// hashprice index in USD per PH/s per day is `HP = k·S` (what a hashprice forward
    /// settles on).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let rig = Rig::new(RigParams::example())?;
    /// let k = rig.coins_per_ph_day()?;
    /// let per_th = rig.hashprice(Decimal::from(100_000))?;
    /// assert!((k * Decimal::from(100_000) - per_th * Decimal::ONE_THOUSAND).abs() < Decimal::new(1, 20));
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn coins_per_ph_day(&self) -> Result<Decimal> {
        let denom = money::mul(Field::Hashprice, self.average_difficulty, TWO_POW_32)?;
        let num = money::mul(
            Field::Hashprice,
            SECONDS_PER_DAY * TERA * Decimal::ONE_THOUSAND,
            self.reward,
        )?;
        money::div(Field::Hashprice, num, denom).map(|v| v.normalize())
    }

    /// Margin at spot for the period: `Q × S − total cost` (USD).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*; use rust_decimal::Decimal;
    /// let rig = Rig::new(RigParams::example())?;
    /// let m = rig.margin_at(Decimal::from(100_000))?;
    /// assert_eq!(m, rig.expected_output() * Decimal::from(100_000) - rig.total_cost());
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn margin_at(&self, spot: Decimal) -> Result<Decimal> {
        price_field(Field::SpotPrice, spot)?;
        let rev = money::mul(Field::Revenue, self.coins, spot)?;
        money::sub(Field::Margin, rev, self.total_cost)
    }

    /// The period economics of this rig (see [`PeriodEconomics::from_rig`]).
    ///
    /// ```
    /// # use minerhedge::domain::economics::*;
    /// let e = Rig::new(RigParams::example())?.economics()?;
    /// assert!(e.breakeven_price() > rust_decimal::Decimal::ZERO);
    /// # Ok::<(), minerhedge::domain::DomainError>(())
    /// ```
    pub fn economics(&self) -> Result<PeriodEconomics> {
        PeriodEconomics::from_rig(self)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The seed's economics: $1,100 for 5 ETH (shared with the hedge module's tests).
    pub(crate) fn seed() -> PeriodEconomics {
        PeriodEconomics::direct(DirectParams {
            period_cost: Decimal::from(1100),
            expected_output: Decimal::from(5),
        })
        .unwrap()
    }

    #[test]
    fn breakeven_of_seed_is_220() {
        assert_eq!(seed().breakeven_price(), Decimal::from(220));
        assert_eq!(
            seed().period_return(Decimal::from(220)).unwrap(),
            Decimal::ZERO
        );
    }

    #[test]
    fn price_bounds() {
        assert!(seed().revenue(MAX_PRICE).is_ok());
        assert!(seed().revenue(MAX_PRICE + Decimal::ONE).is_err());
        assert!(seed().revenue(Decimal::NEGATIVE_ONE).is_err());
    }

    #[test]
    fn uptime_scales_power_and_output() {
        let mut p = RigParams::example();
        let full = Rig::new(p).unwrap();
        p.uptime = Decimal::new(5, 1);
        let half = Rig::new(p).unwrap();
        assert_eq!(half.energy_kwh() * Decimal::TWO, full.energy_kwh());
        let diff = (half.expected_output() * Decimal::TWO - full.expected_output()).abs();
        assert!(diff < Decimal::new(1, 26), "{diff}");
    }

    #[test]
    fn zero_reward_is_rejected_on_subsidy() {
        let mut p = RigParams::example();
        p.block_subsidy = Decimal::ZERO;
        p.fees_per_block = Decimal::ZERO;
        assert_eq!(Rig::new(p).unwrap_err().field(), Some(Field::BlockSubsidy));
    }

    #[test]
    fn free_rig_has_no_valid_economics() {
        let mut p = RigParams::example();
        p.power_price_per_kwh = Decimal::ZERO;
        let rig = Rig::new(p).unwrap();
        assert_eq!(rig.economics().unwrap_err().field(), Some(Field::RigCost));
    }
}
