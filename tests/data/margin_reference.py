#!/usr/bin/env python3
"""Independent reference values for src/domain/margin.rs.

Two kinds of rows, printed as CSV to stdout:

* `touch`: the probability that a geometric Brownian motion (spot, drift mu, volatility
  sigma, both a year) touches a barrier before T years, by Monte Carlo of ln S on a grid of
  `STEPS` steps with the exact Brownian-bridge crossing probability inside each step
  (exp(-2 (b - x_i)(b - x_{i+1}) / (sigma^2 dt)) for an upper barrier, mirrored for a lower
  one), so the only error is the sampling error, reported as `se` (one standard error). No
  closed form is used.
* `liq`: the liquidation price of a margined short, found by bisection on the exchange's rule
  written out from first principles (equity below maintenance margin), with the margin,
  collateral and contract of the case:
    linear:    equity = C + h (F - S),               maintenance = mm h S
    inverse:   equity = c + N (1/S - 1/F) (coins),   maintenance = mm N / S (coins), c = C / S0
    hashprice: equity = C + P d (H - k S),           maintenance = mm P d k S
  `price` is empty when no price up to 1e12 liquidates the short.

Regenerate with (numpy from PyPI; seeded, so the output is the same each run):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy
    /tmp/venv/bin/python tests/data/margin_reference.py > tests/data/margin_reference.csv

Columns: kind,case,spot,years,drift,vol,barrier,probability,se,contract,size,price,k,collateral,mm,
liquidation (`size`: coins, USD notional, or PH/s-days; `price`: F, or H for the hashprice
forward)
"""

import math
import sys

import numpy as np

PATHS = 400_000
STEPS = 200
SEED = 20261203

TOUCH_CASES = [
    # spot, years, drift, vol, barrier
    (100_000.0, 0.25, 0.04, 0.50, 120_000.0),
    (100_000.0, 0.25, 0.04, 0.50, 150_000.0),
    (100_000.0, 1.00, 0.00, 0.80, 200_000.0),
    (100_000.0, 1.00, 0.10, 0.30, 130_000.0),
    (250.0, 0.50, 0.05, 0.80, 300.0),
    (250.0, 0.50, 0.05, 0.80, 180.0),
    (100_000.0, 0.0833, -0.05, 0.60, 90_000.0),
]


def touch(rng, spot, years, drift, vol, barrier):
    dt = years / STEPS
    b = math.log(barrier / spot)
    up = b > 0
    nu = drift - 0.5 * vol * vol
    x = np.zeros(PATHS)
    alive = np.ones(PATHS)  # probability of no touch so far, per path
    for _ in range(STEPS):
        x_next = x + nu * dt + vol * math.sqrt(dt) * rng.standard_normal(PATHS)
        if up:
            beyond = (x_next >= b) | (x >= b)
            gap = (b - x) * (b - x_next)
        else:
            beyond = (x_next <= b) | (x <= b)
            gap = (x - b) * (x_next - b)
        cross = np.where(beyond, 1.0, np.exp(-2.0 * np.maximum(gap, 0.0) / (vol * vol * dt)))
        alive *= 1.0 - cross
        x = x_next
    hit = 1.0 - alive
    return hit.mean(), hit.std(ddof=1) / math.sqrt(PATHS)


LIQ_CASES = [
    # case, contract, size, price (F or H), k (hashprice per USD of price), collateral USD, mm, spot
    ("linear-btc", "linear", 10.0, 100_000.0, 0.0, 250_000.0, 0.10, 100_000.0),
    ("linear-eth", "linear", 5.0, 260.0, 0.0, 325.0, 0.05, 250.0),
    ("linear-thin", "linear", 2.0, 95_000.0, 0.0, 0.0, 0.03, 95_000.0),
    ("inverse-btc", "inverse", 1_000_000.0, 100_000.0, 0.0, 250_000.0, 0.10, 100_000.0),
    ("inverse-eth", "inverse", 1_300.0, 260.0, 0.0, 500.0, 0.05, 250.0),
    ("inverse-covered", "inverse", 1_000_000.0, 100_000.0, 0.0, 1_000_000.0, 0.10, 100_000.0),
    # hashprice: size = P * d (PH/s-days), price = H (USD/PH/day)
    ("hashprice-btc", "hashprice", 300.0, 50.0, 0.0005, 4_000.0, 0.10, 100_000.0),
    ("hashprice-tight", "hashprice", 3_000.0, 48.0, 0.00052, 18_000.0, 0.20, 95_000.0),
]


def underwater(contract, size, price, k, coll, mm, spot, s):
    """True when the short is liquidated at price s (equity below maintenance)."""
    if contract == "linear":
        return coll + size * (price - s) < mm * size * s
    if contract == "inverse":
        c = coll / spot
        return c + size * (1.0 / s - 1.0 / price) < mm * size / s
    return coll + size * (price - k * s) < mm * size * k * s


def liquidation(contract, size, price, k, coll, mm, spot):
    hi = 1e12
    if not underwater(contract, size, price, k, coll, mm, spot, hi):
        return None
    lo = 1e-9
    for _ in range(400):
        mid = math.sqrt(lo * hi) if hi / lo > 4 else 0.5 * (lo + hi)
        if underwater(contract, size, price, k, coll, mm, spot, mid):
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)


def main():
    rng = np.random.default_rng(SEED)
    out = sys.stdout
    out.write("kind,case,spot,years,drift,vol,barrier,probability,se,contract,size,price,k,collateral,mm,liquidation\n")
    for i, (spot, years, drift, vol, barrier) in enumerate(TOUCH_CASES):
        p, se = (float(v) for v in touch(rng, spot, years, drift, vol, barrier))
        out.write(f"touch,{i},{spot!r},{years!r},{drift!r},{vol!r},{barrier!r},{p!r},{se!r},,,,,,,\n")
    for case, contract, size, price, k, coll, mm, spot in LIQ_CASES:
        s = liquidation(contract, size, price, k, coll, mm, spot)
        shown = "" if s is None else repr(s)
        out.write(f"liq,{case},{spot!r},,,,,,,{contract},{size!r},{price!r},{k!r},{coll!r},{mm!r},{shown}\n")


if __name__ == "__main__":
    main()
