#!/usr/bin/env python3
"""Independent reference values for src/domain/pricing/smile.rs (a second implementation).

The smile in forward call delta (delta = N(d1) with the option's own vol, clamped to
[0.05, 0.95], x = delta - 1/2):

    sigma(delta) = atm - 2 rr x + 16 bf x^2

A strike's vol is the fixed point sigma = sigma(N(d1(sigma))), found here by damped fixed-point
iteration (not Brent's method, which the engine uses) to 1e-15; premiums are Black-76 with
scipy.stats.norm; the zero-cost call strike (call premium = put premium, both at their own
smile vol) by scipy.optimize.brentq on the strike.

Regenerate with (scipy from PyPI):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scipy
    /tmp/venv/bin/python tests/data/smile_reference.py > tests/data/smile_reference.csv

Columns: case,forward,rate,years,atm,rr,bf,strike,vol,put,call,zc_put_strike,zc_call_strike
(`zc_*` on each case's first row only).
"""

import math
import sys

from scipy.optimize import brentq
from scipy.stats import norm

CASES = [
    # forward, rate, years, atm, rr, bf, strikes (the first is also the zero-cost put strike)
    (100_000.0, 0.04, 0.25, 0.60, -0.05, 0.01, [85_000.0, 70_000.0, 100_000.0, 120_000.0, 150_000.0]),
    (100_000.0, 0.04, 1.00, 0.55, -0.15, 0.03, [80_000.0, 50_000.0, 100_000.0, 130_000.0, 200_000.0]),
    (260.0, 0.05, 0.0822, 0.80, 0.05, 0.02, [230.0, 200.0, 260.0, 300.0, 400.0]),
    (95_000.0, 0.03, 0.5, 0.50, -0.08, -0.005, [80_000.0, 60_000.0, 95_000.0, 110_000.0, 140_000.0]),
    (3_000.0, 0.04, 0.1667, 0.70, 0.0, 0.04, [2_600.0, 2_000.0, 3_000.0, 3_500.0, 5_000.0]),
]


def smile_vol(f, k, t, atm, rr, bf):
    def at_delta(d):
        x = min(max(d, 0.05), 0.95) - 0.5
        return atm - 2.0 * rr * x + 16.0 * bf * x * x

    sigma = atm
    for _ in range(10_000):
        s = sigma * math.sqrt(t)
        d = norm.cdf(math.log(f / k) / s + 0.5 * s)
        nxt = 0.5 * sigma + 0.5 * at_delta(d)
        if abs(nxt - sigma) < 1e-15:
            return nxt
        sigma = nxt
    raise RuntimeError("no fixed point")


def black(kind, f, k, t, r, sigma):
    s = sigma * math.sqrt(t)
    d1 = math.log(f / k) / s + 0.5 * s
    d2 = d1 - s
    df = math.exp(-r * t)
    if kind == "call":
        return df * (f * norm.cdf(d1) - k * norm.cdf(d2))
    return df * (k * norm.cdf(-d2) - f * norm.cdf(-d1))


def premium(kind, f, k, t, r, atm, rr, bf):
    return black(kind, f, k, t, r, smile_vol(f, k, t, atm, rr, bf))


def main():
    out = sys.stdout
    out.write("case,forward,rate,years,atm,rr,bf,strike,vol,put,call,zc_put_strike,zc_call_strike\n")
    for i, (f, r, t, atm, rr, bf, strikes) in enumerate(CASES):
        kp = strikes[0]
        put = premium("put", f, kp, t, r, atm, rr, bf)
        kc = brentq(lambda k: premium("call", f, k, t, r, atm, rr, bf) - put, kp, 20 * f, xtol=1e-10, rtol=1e-15)
        for j, k in enumerate(strikes):
            v = float(smile_vol(f, k, t, atm, rr, bf))
            p = float(black("put", f, k, t, r, v))
            c = float(black("call", f, k, t, r, v))
            zc = f"{kp!r},{kc!r}" if j == 0 else ","
            out.write(f"{i},{f!r},{r!r},{t!r},{atm!r},{rr!r},{bf!r},{k!r},{v!r},{p!r},{c!r},{zc}\n")


if __name__ == "__main__":
    main()
