#!/usr/bin/env python3
"""Independent reference values for src/domain/pricing from QuantLib.

Prints a CSV (to stdout) of European option prices and Greeks computed by QuantLib's
AnalyticEuropeanEngine with flat curves, continuous compounding and Actual365Fixed, so that
T = days / 365 exactly as the engine takes it (the expiry is `days` after the evaluation
date; QuantLib's year fraction is then days/365.0, the same double as in the CSV).

Regenerate with:

    python3 -m pip install QuantLib mpmath
    python3 tests/data/generate_quantlib_reference.py > tests/data/quantlib_reference.csv
    python3 tests/data/generate_quantlib_reference.py --mpmath > tests/data/mpmath_reference.csv

With --mpmath the same cases are evaluated instead from the closed-form formulas in 50-digit
arithmetic (mpmath), taking the CSV's double inputs exactly. That second file shows how
accurate the doubles themselves are: QuantLib computes N(x) as (1 + erf(x/sqrt 2))/2 and,
below 1e-8, with a truncated asymptotic series, so its far-out-of-the-money values are only
accurate in absolute terms (e.g. a put worth 7.4097e-11 comes out 7.4097185e-11 instead of
7.4096840e-11).

Columns (QuantLib's conventions: vega and rho per 1.00, theta per year, thetaPerDay =
theta/365):

    model,kind,underlying,strike,rate,dividend_yield,vol,days,expiry_years,
    price,delta,gamma,vega,theta,theta_per_day,rho,dividend_rho

model = bsm: underlying is the spot S; all Greeks are QuantLib's as they are.
model = black76: underlying is the forward F. QuantLib has no separate Black-76 vanilla
engine, so the row is priced as a spot S = F with dividend yield q = r (then the forward is F
for every T, and delta/gamma with respect to S are those with respect to F, theta holds F
fixed). rho of Black-76 (derivative with respect to r, F held fixed) moves r and q together,
so the row's rho is QuantLib's rho + dividendRho, and dividend_rho is 0. The dividend_yield
column of a black76 row is empty.

The cases are a fixed hand-picked list (Hull's example, at/in/out of the money, short and long
expiries, low and high volatility, negative rates, q > r) plus a seeded pseudo-random sample.
"""

import random
import sys

import QuantLib as ql

TODAY = ql.Date(2, 1, 2025)
DC = ql.Actual365Fixed()


def quantlib_row(spot, strike, rate, div, vol, days, kind):
    ql.Settings.instance().evaluationDate = TODAY
    spot_h = ql.QuoteHandle(ql.SimpleQuote(spot))
    r_ts = ql.YieldTermStructureHandle(ql.FlatForward(TODAY, rate, DC, ql.Continuous))
    q_ts = ql.YieldTermStructureHandle(ql.FlatForward(TODAY, div, DC, ql.Continuous))
    v_ts = ql.BlackVolTermStructureHandle(
        ql.BlackConstantVol(TODAY, ql.NullCalendar(), vol, DC))
    process = ql.BlackScholesMertonProcess(spot_h, q_ts, r_ts, v_ts)
    option_type = ql.Option.Call if kind == "call" else ql.Option.Put
    option = ql.VanillaOption(ql.PlainVanillaPayoff(option_type, strike),
                              ql.EuropeanExercise(TODAY + days))
    option.setPricingEngine(ql.AnalyticEuropeanEngine(process))
    t = DC.yearFraction(TODAY, TODAY + days)
    assert t == days / 365.0
    return t, [option.NPV(), option.delta(), option.gamma(), option.vega(), option.theta(),
               option.thetaPerDay(), option.rho(), option.dividendRho()]


def exact_row(model, spot, strike, rate, div, vol, days, kind):
    """Closed-form price and Greeks in 50-digit arithmetic (same conventions as QuantLib)."""
    from mpmath import mp, mpf, exp, log, sqrt, ncdf, npdf
    mp.dps = 50
    S, K, r, sig = mpf(spot), mpf(strike), mpf(rate), mpf(vol)
    T = mpf(days / 365.0)
    q = r if model == "black76" else mpf(div)
    w = 1 if kind == "call" else -1
    D, Q = exp(-r * T), exp(-q * T)
    F = S * Q / D
    s = sig * sqrt(T)
    d1 = log(F / K) / s + s / 2
    d2 = d1 - s
    n1, c1, c2 = npdf(d1), ncdf(w * d1), ncdf(w * d2)
    price = D * w * (F * c1 - K * c2)
    delta = w * Q * c1
    gamma = Q * n1 / (S * s)
    vega = S * Q * n1 * sqrt(T)
    theta = -S * Q * n1 * sig / (2 * sqrt(T)) + w * (q * S * Q * c1 - r * K * D * c2)
    if model == "black76":
        rho, drho = -T * price, mpf(0)
    else:
        rho, drho = w * K * T * D * c2, -w * S * T * Q * c1
    return [price, delta, gamma, vega, theta, theta / 365, rho, drho]


def cases():
    fixed = [
        # Hull, Options, Futures and Other Derivatives (T = 182/365, near 0.5).
        ("bsm", 42.0, 40.0, 0.10, 0.0, 0.20, 182),
        ("bsm", 250.0, 250.0, 0.05, 0.0, 0.80, 30),
        ("bsm", 250.0, 200.0, 0.05, 0.0, 0.80, 30),
        ("bsm", 250.0, 300.0, 0.05, 0.0, 0.80, 30),
        ("bsm", 100.0, 100.0, 0.03, 0.07, 0.25, 365),
        ("bsm", 100.0, 100.0, -0.01, 0.02, 0.25, 730),
        ("bsm", 100.0, 60.0, 0.02, 0.0, 0.15, 1),
        ("bsm", 100.0, 140.0, 0.02, 0.0, 0.15, 1),
        ("bsm", 100.0, 100.0, 0.02, 0.0, 0.15, 1),
        ("bsm", 100.0, 100.0, 0.05, 0.0, 0.01, 365),
        ("bsm", 100.0, 100.0, 0.05, 0.0, 3.0, 365),
        ("bsm", 100.0, 20.0, 0.05, 0.0, 1.2, 3650),
        ("bsm", 100.0, 500.0, 0.05, 0.0, 1.2, 3650),
        ("bsm", 30000.0, 25000.0, 0.045, 0.0, 0.65, 90),
        ("bsm", 30000.0, 40000.0, 0.045, 0.0, 0.65, 90),
        ("bsm", 0.25, 0.2, 0.04, 0.0, 1.5, 60),
        ("bsm", 1.0, 1.0, 0.5, 0.3, 0.5, 10950),
        ("bsm", 100.0, 80.0, 0.10, 0.0, 0.05, 180),
        ("bsm", 100.0, 125.0, 0.10, 0.0, 0.05, 180),
        ("black76", 260.0, 260.0, 0.05, None, 0.80, 182),
        ("black76", 260.0, 200.0, 0.05, None, 0.80, 182),
        ("black76", 260.0, 330.0, 0.05, None, 0.80, 182),
        ("black76", 50.0, 50.0, 0.0, None, 0.30, 365),
        ("black76", 50.0, 45.0, -0.02, None, 0.30, 7),
        ("black76", 3000.0, 9000.0, 0.08, None, 1.0, 1825),
        ("black76", 3000.0, 1000.0, 0.08, None, 1.0, 1825),
    ]
    rng = random.Random(20250102)
    drawn = []
    while len(fixed) + len(drawn) < 100:
        model = "bsm" if rng.random() < 0.7 else "black76"
        s = round(10 ** rng.uniform(-1, 5), 4)
        k = round(s * 10 ** rng.uniform(-0.35, 0.35), 4)
        r = round(rng.uniform(-0.02, 0.15), 4)
        q = round(rng.uniform(0.0, 0.1), 4) if model == "bsm" else None
        vol = round(10 ** rng.uniform(-1.5, 0.4), 4)
        days = rng.choice([1, 3, 7, 14, 30, 45, 60, 90, 120, 182, 270, 365, 548, 730, 1095,
                           1825, 3650])
        drawn.append((model, s, k, r, q, vol, days))
    return fixed + drawn


def main():
    out = sys.stdout
    exact = "--mpmath" in sys.argv[1:]
    if exact:
        import mpmath
        out.write("# mpmath %s 50-digit closed-form reference; generated by "
                  "tests/data/generate_quantlib_reference.py --mpmath (see its docstring)\n"
                  % mpmath.__version__)
    else:
        out.write("# QuantLib %s AnalyticEuropeanEngine reference; generated by "
                  "tests/data/generate_quantlib_reference.py (see its docstring)\n"
                  % ql.__version__)
    out.write("model,kind,underlying,strike,rate,dividend_yield,vol,days,expiry_years,"
              "price,delta,gamma,vega,theta,theta_per_day,rho,dividend_rho\n")
    for (model, s, k, r, q, vol, days) in cases():
        for kind in ("call", "put"):
            if exact:
                t = days / 365.0
                v = [float(x) for x in exact_row(model, s, k, r, q, vol, days, kind)]
                q_col = repr(q) if model == "bsm" else ""
            elif model == "bsm":
                t, v = quantlib_row(s, k, r, q, vol, days, kind)
                q_col = repr(q)
            else:
                t, v = quantlib_row(s, k, r, r, vol, days, kind)
                v = v[:6] + [v[6] + v[7], 0.0]
                q_col = ""
            cols = [model, kind, repr(s), repr(k), repr(r), q_col, repr(vol), str(days),
                    repr(t)] + [repr(x) for x in v]
            out.write(",".join(cols) + "\n")


if __name__ == "__main__":
    main()
