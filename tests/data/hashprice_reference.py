#!/usr/bin/env python3
"""Independent reference values for the hashprice forward (src/domain/leg.rs, the registry's
`hashprice` entry) in exact decimals: Python's `decimal` at 60 significant digits, from the
formulas of the issue written out again, not from the engine.

    k   = (subsidy + fees) * 86,400 * 10^15 / (D * 2^32)     coins per PH/s per day
    HP  = S * k                                               USD per PH/s per day
    P   = coverage * hashrate_ths / 1000                      PH/s sold
    hedge payoff = P * days * (hpf - HP)                      USD, to the miner (seller)
    mined Q      = hashrate_ths / 1000 * days * k * (1 - pool) * uptime
    total        = Q * S + hedge payoff

D is the period's average difficulty `diff * (1 + dg / 2)`. No third-party package.

Regenerate with:

    python3 tests/data/hashprice_reference.py > tests/data/hashprice_reference.csv

Columns: case,hr,pool,up,diff,dg,sub,fee,days,spot,cov,hpf,price,hashprice,payoff,total
(`hr` TH/s, `pool`, `up`, `dg`, `cov` in %, `price` the final price S, `hashprice` HP at S)
"""

from decimal import Decimal as D, getcontext

getcontext().prec = 60

CASES = [
    # hr, pool, up, diff, dg, sub, fee, days, spot, cov, hpf, prices
    ("btc-farm", "200000", "2", "97", "120000000000000", "0", "3.125", "0.02", "30",
     "95000", "95.06", "49.5", ["60000", "95000", "140000"]),
    ("growing-difficulty", "50000", "1.5", "99", "126270000000000", "6", "3.125", "0.15", "90",
     "104000.5", "60", "51.2345", ["52000", "104000.5", "210000"]),
    ("small-rig", "200", "2", "97", "120000000000000", "0", "3.125", "0.02", "30",
     "250", "100", "0.13", ["100", "250", "400"]),
]


def row(case, hr, pool, up, diff, dg, sub, fee, days, spot, cov, hpf, s):
    pct = D(100)
    avg = D(diff) * (1 + D(dg) / pct / 2)
    k = (D(sub) + D(fee)) * D(86400) * D(10) ** 15 / (avg * D(2) ** 32)
    hp = D(s) * k
    ph = D(cov) / pct * D(hr) / D(1000)
    payoff = ph * D(days) * (D(hpf) - hp)
    mined = D(hr) / D(1000) * D(days) * k * (1 - D(pool) / pct) * (D(up) / pct)
    total = mined * D(s) + payoff
    return [case, hr, pool, up, diff, dg, sub, fee, days, spot, cov, hpf, s,
            f"{hp:.26g}", f"{payoff:.26g}", f"{total:.26g}"]


def main():
    print("case,hr,pool,up,diff,dg,sub,fee,days,spot,cov,hpf,price,hashprice,payoff,total")
    for c in CASES:
        *head, prices = c
        for s in prices:
            print(",".join(row(*head, s)))


if __name__ == "__main__":
    main()
