//! Built-in starting scenarios, written in the share-link format itself.

use super::Scenario;

/// A named starting scenario for the page's preset menu. The scenario is stored as a
/// version-1 link query, so a preset is exactly what a shared link would open.
///
/// ```
/// use minerhedge::link::PRESETS;
/// let seed = &PRESETS[0];
/// assert_eq!(seed.scenario(), minerhedge::link::Scenario::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Short name for the menu.
    pub name: &'static str,
    /// One sentence on what the preset shows.
    pub description: &'static str,
    /// The scenario as a link query (without `?`).
    pub query: &'static str,
}

impl Preset {
    /// The preset's scenario (decoded from [`Preset::query`]; presets decode without errors,
    /// which a test checks).
    ///
    /// ```
    /// use minerhedge::link::{Mode, PRESETS};
    /// assert_eq!(PRESETS[1].scenario().economics.mode, Mode::Rig);
    /// ```
    pub fn scenario(&self) -> Scenario {
        Scenario::from_query(self.query).scenario
    }
}

/// The built-in presets: the seed's ProDerivatives ETH example, a Bitcoin rig, a hosted
/// (cloud) Bitcoin contract, a Bitcoin farm selling hashprice forward and a put-skewed
/// zero-cost collar. (The power contracts' presets are the program's.) Market figures of the Bitcoin presets are illustrative.
///
/// ```
/// use minerhedge::link::{Scenario, PRESETS};
/// for p in PRESETS {
///     assert!(Scenario::from_query(p.query).errors.is_empty(), "{}", p.name);
/// }
/// ```
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "ProDerivatives ETH example",
        description: "$1,100 of cloud hashpower for 5 ETH over a month, forward at $260.",
        query: "v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge=forward&fwd=260&cov=100\
                &lo=200&hi=300&step=10",
    },
    Preset {
        name: "Bitcoin rig, 200 TH/s",
        description: "A 200 TH/s, 17.5 J/TH rig on $0.06/kWh power for 30 days, half the \
                      output protected by a put.",
        query: "v=1&coin=BTC&mode=rig&hr=200&eff=17.5&pwr=0.06&opex=0&pool=2&up=97\
                &diff=120000000000000&dg=2&sub=3.125&fee=0.02&capex=3000&life=1095&days=30\
                &spot=100000&vol=50&rate=4&hedge=put&cov=50&fwd=100300&inv=0.00000997&kp=90000\
                &kc=zero&px=100000&lo=60000&hi=140000&step=5000",
    },
    Preset {
        name: "Hosted Bitcoin contract",
        description: "A 30-day hosted mining contract: $250 for an expected 0.003 BTC, locked \
                      with an inverse forward.",
        query: "v=1&coin=BTC&mode=direct&cost=250&qty=0.003&days=30&spot=100000&vol=50&rate=4\
                &hedge=inverse&cov=100&fwd=100300&inv=0.00000997&kp=90000&kc=zero&px=100000\
                &lo=60000&hi=140000&step=5000",
    },
    Preset {
        name: "Bitcoin farm, hashprice forward",
        description: "A 200 PH/s farm sells its month's hashrate at a fixed hashprice: at \
                      coverage (1 − pool)·uptime = 95.06 % its revenue moves with neither the \
                      price nor the difficulty.",
        query: "v=1&coin=BTC&mode=rig&hr=200000&eff=17.5&pwr=0.05&opex=0&pool=2&up=97\
                &diff=126000000000000&dg=3&sub=3.125&fee=0.03&capex=0&life=1095&days=30\
                &spot=95000&vol=50&rate=4&hedge=hashprice&cov=95.06&fwd=95300&inv=0.0000104932\
                &kp=85000&kc=zero&hpf=47.5&im=25&mm=10&pliq=1&dvol=30&px=95000&lo=55000\
                &hi=135000&step=5000",
    },
    Preset {
        name: "Put-skewed zero-cost collar",
        description: "A 200 TH/s rig protects its month with a zero-cost collar priced on a smile \
                      with puts 8 vol points over calls: the call strike the put pays for sits \
                      lower than a flat vol says.",
        query: "v=1&coin=BTC&mode=rig&hr=200&eff=17.5&pwr=0.06&opex=0&pool=2&up=97\
                &diff=120000000000000&dg=2&sub=3.125&fee=0.02&capex=3000&life=1095&days=30\
                &spot=100000&vol=50&rate=4&rr25=-8&bf25=2&hedge=collar&cov=80&fwd=100300\
                &inv=0.00000997&kp=90000&kc=zero&px=100000&lo=60000&hi=140000&step=5000",
    },
];

/// The program view's presets: a Bitcoin farm hedging twelve months through the halving
/// with a layered forward ladder, the same farm with a zero-cost collar ladder, and two 50 MW
/// farms on power contracts (the index with curtailment, a PPA with resale) through the
/// halving. Market figures are illustrative.
///
/// ```
/// use minerhedge::link::{Page, Scenario, PROGRAM_PRESETS};
/// for p in PROGRAM_PRESETS {
///     let d = Scenario::from_query(p.query);
///     assert!(d.errors.is_empty(), "{}", p.name);
///     assert_eq!(d.scenario.view.page, Page::Program);
/// }
/// ```
pub const PROGRAM_PRESETS: &[Preset] = &[
    Preset {
        name: "Bitcoin farm: forward ladder through the halving",
        description: "A 50 PH/s farm hedges twelve months from November 2027, through the April \
                      2028 halving: forwards on 80 % of the first quarter's output, 60 % of the \
                      second's, 40 % after.",
        query: "v=2&view=program&coin=BTC&mode=rig&hr=50000&eff=17.5&pwr=0.05&opex=20000&pool=2\
                &up=97&diff=120000000000000&sub=3.125&fee=0.02&capex=1000000&life=1095\
                &spot=95000&vol=50&rate=4&seed=1&paths=10000&dvol=20&start=2027-11-01\
                &months=12&dgm=2&halvdate=2028-04-15&basis=5&ph=forward\
                &pcov=80,80,80,60,60,60,40&pkp=90&pkc=zero&corr=0",
    },
    Preset {
        name: "Bitcoin farm: zero-cost collar ladder through the halving",
        description: "The same farm and months, each month's output protected by a put at 85 % \
                      of its forward and paid for by a call sold at the zero-cost strike.",
        query: "v=2&view=program&coin=BTC&mode=rig&hr=50000&eff=17.5&pwr=0.05&opex=20000&pool=2\
                &up=97&diff=120000000000000&sub=3.125&fee=0.02&capex=1000000&life=1095\
                &spot=95000&vol=50&rate=4&seed=1&paths=10000&dvol=20&start=2027-11-01\
                &months=12&dgm=2&halvdate=2028-04-15&basis=5&ph=collar\
                &pcov=80,80,80,60,60,60,40&pkp=85&pkc=zero&corr=0",
    },
    Preset {
        name: "Texas farm on the index through the halving",
        description: "A 50 MW farm buys every hour at a spiky Texas-style market price and \
                      switches off when mining does not pay for the hour, twelve months through \
                      the April 2028 halving (after it, fewer hours pay); forwards on 60 % of \
                      each month's planned output, the power level simulated at 60 % a year.",
        query: "v=2&view=program&coin=BTC&mode=rig&hr=2857143&eff=17.5&pwr=0.045&opex=250000\
                &pool=1&up=97&diff=126000000000000&sub=3.125&fee=0.03&capex=0&life=1095\
                &ptype=index&pcurve=-15,-5,0,8,12,15,18,20,22,24,25,27,28,30,32,35,38,42,48,55,\
                70,110,250,1800&drc=2000&spot=95000&vol=50&rate=4&seed=1&paths=10000&dvol=20\
                &pvol=60&pcorr=0&start=2027-11-01&months=12&dgm=2&halvdate=2028-04-15&basis=5\
                &ph=forward&pcov=60&pkp=90&pkc=zero&corr=0",
    },
    Preset {
        name: "PPA farm with resale through the halving",
        description: "A 50 MW farm on a take-or-pay block at $42/MWh resells the hours the \
                      market pays more than mining earns (a power forward curve from $45 to \
                      $55/MWh), twelve months through the April 2028 halving; zero-cost collars \
                      on 70 % of each month's planned output.",
        query: "v=2&view=program&coin=BTC&mode=rig&hr=2857143&eff=17.5&pwr=0.042&opex=250000\
                &pool=1&up=97&diff=126000000000000&sub=3.125&fee=0.03&capex=0&life=1095\
                &ptype=ppa&pidx=45,45,48,50,52,55&psd=0.8&spot=95000&vol=50&rate=4&seed=1\
                &paths=10000&dvol=20&pvol=40&pcorr=-20&start=2027-11-01&months=12&dgm=2\
                &halvdate=2028-04-15&basis=5&ph=collar&pcov=70&pkp=85&pkc=zero&corr=0",
    },
    Preset {
        name: "Bitcoin treasury: coins kept, lent and borrowed against through the halving",
        description: "The forward-ladder farm also holds 1,000 BTC: it keeps half of each \
                      month's coins, pledges 500 BTC to a $14.25M loan at 9 % (30 % LTV at \
                      $95,000; margin call at 70 %, liquidation at 85 %) and lends half of \
                      its other coins at 2 % a year to a borrower with a 1 % annual default \
                      risk (60 % lost in a default).",
        query: "v=2&view=program&coin=BTC&mode=rig&hr=50000&eff=17.5&pwr=0.05&opex=20000&pool=2\
                &up=97&diff=120000000000000&sub=3.125&fee=0.02&capex=1000000&life=1095\
                &spot=95000&vol=50&rate=4&seed=1&paths=10000&dvol=20&start=2027-11-01\
                &months=12&dgm=2&halvdate=2028-04-15&basis=5&ph=forward\
                &pcov=80,80,80,60,60,60,40&pkp=90&pkc=zero&corr=0&hold0=1000&sell=50&lend=50\
                &lendy=2&lpd=1&lgd=60&loan=14250000&lrate=9&pledge=500&ltvmc=70&ltvliq=85",
    },
    Preset {
        name: "Bitcoin treasury with covered calls through the halving",
        description: "The same treasury also writes one-month calls at 110 % of each month's \
                      forward on a quarter of its unpledged coins: their premium is income, and \
                      a month that ends above the strike delivers the coins.",
        query: "v=2&view=program&coin=BTC&mode=rig&hr=50000&eff=17.5&pwr=0.05&opex=20000&pool=2\
                &up=97&diff=120000000000000&sub=3.125&fee=0.02&capex=1000000&life=1095\
                &spot=95000&vol=50&rate=4&seed=1&paths=10000&dvol=20&start=2027-11-01\
                &months=12&dgm=2&halvdate=2028-04-15&basis=5&ph=forward\
                &pcov=80,80,80,60,60,60,40&pkp=90&pkc=zero&corr=0&hold0=1000&sell=50&lend=50\
                &lendy=2&lpd=1&lgd=60&loan=14250000&lrate=9&pledge=500&ltvmc=70&ltvliq=85\
                &cc=25&cck=110",
    },
];
