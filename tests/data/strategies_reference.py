#!/usr/bin/env python3
"""Independent reference values for three option strategies: the put spread (`putspread`), the
seagull (`seagull`) and the covered call (`call`), period and program, in mpmath at 50 digits,
from the formulas below written out again, not from the engine.

Regenerate with (mpmath only; 1.3 or later):

    python3 -m pip install mpmath
    python3 tests/data/strategies_reference.py > tests/data/strategies_reference.csv

Conventions
-----------

Inputs are taken as the exact decimals written in CASES / PROGRAMS (0.05, 30/365, ...), not as
the doubles nearest them; every value is computed at 50 significant digits.

Strategies, on h = c * Q coins (coverage c of the expected output Q):

* `putspread`: put bought at kp, put sold at kp2 < kp.
* `seagull`: put bought at kp, put sold at kp2 < kp, call sold at kc. With kc "zero" the call
  strike is solved so that the call's premium (at kc's own smile vol) equals
  P(kp) - P(kp2) (each at its own smile vol), with kc >= kp: the call premium is then set to
  exactly P(kp) - P(kp2) (so the net premium is exactly 0; the solved C(kc) is asserted to
  match it within 1e-40). C is decreasing in the strike on these smiles (asserted on a grid),
  so the strike is unique; it is found by bisection on [kp, 2^n kp] to a width of 1e-40 * kp.
* `call` (covered call): call sold at kc.

Net premium per coin (positive = paid) = sum over legs of units * premium, with units +1 for a
bought option and -1 for a sold one (the `units_*` rows). Premiums are paid or received at
the start and carried to settlement by k = e^{r T}.

Hedged revenue at the final price S (USD):

    R(S) = Q S + h * sum(units * payoff(S)) - h * net * k
    payoff: put max(K - S, 0), call max(S - K, 0)

R is piecewise linear with breakpoints at the strikes, so on S >= 0:
  floor = min of R over {0, strikes} if R's slope beyond the highest strike is >= 0, else none;
  cap   = max of R over {0, strikes} if that slope is <= 0, else none;
  breakevens = the S >= 0 where R(S) = cost, the exact root of each linear segment, ascending
  (a segment equal to the cost throughout contributes its left end; a root on a breakpoint is
  listed once). Note: the floor is the minimum over ALL S >= 0, i.e. R(0) for these hedges
  (the spreads' protection stops below kp2), not the plateau Q kp - h net k on [kp2, kp].

Period cases (direct mode): Black-Scholes-Merton on spot S0, no dividend, T = days/365,
r = rate/100 continuously compounded (identical to Black-76 on F = S0 e^{rT} discounted by
e^{-rT}; asserted to 1e-40).

Smile (src/domain/pricing/smile.rs): with rr = rr25/100, bf = bf25/100 (vol points are
1/100) and atm = vol/100, a strike's vol is the fixed point

    sigma = atm - 2 rr x + 16 bf x^2,   x = clamp(N(d1(sigma)), 0.05, 0.95) - 1/2,
    d1(sigma) = ln(F/K)/(sigma sqrt(T)) + sigma sqrt(T)/2

(the option's forward call delta, for puts too, at its own vol; F the option's forward:
S0 e^{rT} in the period, F_m in the program). It is found here by bisection of
g(sigma) = sigma - smile(N(d1(sigma))) on the smile's range of vols [lo, hi] (where g changes
sign) to a width of 1e-45, after a 400-point scan of g on [lo, hi] asserts a single sign
change (a unique fixed point). With rr = bf = 0 every strike has the at-the-money vol.

Rounded premiums (`value_dp10` column): the engine turns its f64 model premium into a decimal
rounded half-even to 10 decimal places; `value_dp10` repeats each premium-dependent quantity
with every premium first rounded so (the seagull's zero-cost call premium is then
round(P(kp)) - round(P(kp2)), so its net stays exactly 0; that last choice is a guess at the
engine's convention, as the zero-cost collar's call premium is exactly its put's). The
strikes (the solved one too), vols and the carry factor are not rounded.

Program cases: month m (0-based) settles at the start of month m + 1: start + (m + 1)
calendar months (day clamped to the month's end); settle_days from the start, T_m =
settle_days/365 (Actual/365), F_m = spot e^{basis T_m}, strikes exactly F_m * pct/100 (`pkc`
"zero": solved as above), Black-76 on F_m with discount e^{-r T_m}, each strike at its own
smile vol with forward F_m and T_m; carry k_m = e^{r T_m}. Program rows have no `value_dp10`.

CSV layout
----------

`#` comment lines (generator, cases), then the header and one row per value:

    case,strategy,quantity,index,value,value_dp10

* case: flat | smile | partial | program-flat | program-smile
* strategy: putspread | seagull-zero (kc solved) | seagull-300 (kc = 300) | call; in the
  program the month's hedge: putspread | seagull (pkc zero) | call
* quantity (per strategy; legs: `put_kp` bought, `put_kp2` sold, `call` sold):
    units_put_kp, units_put_kp2, units_call    +1 bought / -1 sold, per hedged coin
    strike_*, vol_*, premium_*                 strike (USD), smile vol (fraction), premium
                                               per coin (USD, at the start)
    call_strike_solved                         the zero-cost strike (seagull with kc zero)
    net_premium                                per coin, positive = paid
    carry                                      k = e^{r T}
    hedged_coins                               h = c Q
    floor, cap                                 USD, or "none"
    breakeven_count, breakeven                 index = 1, 2, ... (ascending)
    hedged_revenue                             index = S = 200, 210, ..., 300
  program only (index = month m, 0-based): settle_days, years, forward, carry and the legs'
  units_*, strike_*, vol_*, premium_*, call_strike_solved, net_premium
* index: S, the breakeven's ordinal or the month; empty otherwise
* value: 20 significant digits, positional notation (or "none"); value_dp10: the same
  quantity with the premiums rounded to 10 dp (empty where rounding does not apply)

Cross-checked once (not part of this script): QuantLib 1.44's blackFormula and Brent solver with
an independent double-precision damped fixed-point smile agree to 4e-15 (relative) on every
vol, premium and solved strike; the engine at commit f76dc47 (view::pricing::Pricing,
SmileModel, zero_cost_collar) reproduces the vols to 1 ulp and the premiums to 2e-15.
"""

import calendar
import datetime
import sys
from decimal import ROUND_HALF_EVEN, Decimal

import mpmath
from mpmath import mp, mpf

mp.dps = 50

ONE = mpf(1)
HALF = mpf(1) / 2
CLAMP = (mpf("0.05"), mpf("0.95"))
PRICES = list(range(200, 301, 10))

# name, cost USD, Q coins, days, spot, vol %, rate %, rr25, bf25, coverage %
CASES = [
    ("flat", "1100", "5", 30, "250", "80", "5", "0", "0", "100"),
    ("smile", "1100", "5", 30, "250", "80", "5", "-10", "3", "100"),
    ("partial", "1100", "5", 45, "240", "65", "3", "0", "0", "60"),
]

# strategy name, legs: (leg name, units, strike or "zero")
STRATEGIES = [
    ("putspread", [("put_kp", 1, "230"), ("put_kp2", -1, "190")]),
    ("seagull-zero", [("put_kp", 1, "230"), ("put_kp2", -1, "190"), ("call", -1, "zero")]),
    ("seagull-300", [("put_kp", 1, "230"), ("put_kp2", -1, "190"), ("call", -1, "300")]),
    ("call", [("call", -1, "290")]),
]

# name, start, months, spot, basis %, vol %, rate %, rr25, bf25,
# each month's hedge: (strategy, legs with strikes as % of the month's forward or "zero")
PROGRAM_HEDGES = [
    ("putspread", [("put_kp", 1, "90"), ("put_kp2", -1, "75")]),
    ("seagull", [("put_kp", 1, "90"), ("put_kp2", -1, "75"), ("call", -1, "zero")]),
    ("call", [("call", -1, "110")]),
]
PROGRAMS = [
    ("program-flat", "2027-01-01", 3, "250", "5", "80", "5", "0", "0"),
    ("program-smile", "2027-01-01", 3, "250", "5", "80", "5", "-10", "3"),
]


def kind_of(leg):
    return "call" if leg == "call" else "put"


# ---------------------------------------------------------------------------------- smile


class Smile:
    def __init__(self, atm, rr, bf):
        self.atm, self.rr, self.bf = atm, rr, bf
        vols = [self.at_delta(CLAMP[0]), self.at_delta(CLAMP[1])]
        if bf != 0:
            x = rr / (16 * bf)  # the parabola's vertex in x
            if CLAMP[0] - HALF <= x <= CLAMP[1] - HALF:
                vols.append(self.at_delta(x + HALF))
        self.lo, self.hi = min(vols), max(vols)
        assert self.lo > 0

    def flat(self):
        return self.rr == 0 and self.bf == 0

    def at_delta(self, delta):
        x = min(max(delta, CLAMP[0]), CLAMP[1]) - HALF
        return self.atm - 2 * self.rr * x + 16 * self.bf * x * x

    def vol(self, f, k, t):
        if self.flat():
            return self.atm
        sqrt_t = mp.sqrt(t)
        ln_fk = mp.log(f / k)

        def g(sigma):
            s = sigma * sqrt_t
            return sigma - self.at_delta(mp.ncdf(ln_fk / s + s / 2))

        lo, hi = self.lo, self.hi
        glo, ghi = g(lo), g(hi)
        assert glo <= 0 <= ghi, (f, k, t)
        # A unique fixed point: one sign change of g over a 400-point scan.
        n, changes, prev = 400, 0, glo
        for i in range(1, n + 1):
            cur = g(lo + (hi - lo) * i / n)
            if (prev < 0) != (cur < 0):
                changes += 1
            prev = cur
        assert changes <= 1, ("several fixed points", f, k, t)
        if glo == 0:
            return lo
        while hi - lo > mpf("1e-45"):
            mid = (lo + hi) / 2
            if g(mid) <= 0:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2


# -------------------------------------------------------------------------------- pricing


def black76(kind, f, k, t, r, sigma):
    s = sigma * mp.sqrt(t)
    d1 = mp.log(f / k) / s + s / 2
    d2 = d1 - s
    df = mp.exp(-r * t)
    if kind == "call":
        return df * (f * mp.ncdf(d1) - k * mp.ncdf(d2))
    return df * (k * mp.ncdf(-d2) - f * mp.ncdf(-d1))


def bsm(kind, spot, k, t, r, sigma):
    s = sigma * mp.sqrt(t)
    d1 = (mp.log(spot / k) + (r + sigma * sigma / 2) * t) / s
    d2 = d1 - s
    dk = k * mp.exp(-r * t)
    if kind == "call":
        return spot * mp.ncdf(d1) - dk * mp.ncdf(d2)
    return dk * mp.ncdf(-d2) - spot * mp.ncdf(-d1)


class Market:
    """Options on one expiry: BSM on spot (`spot` given) or Black-76 on `forward`."""

    def __init__(self, forward, t, r, smile, spot=None):
        self.forward, self.t, self.r, self.smile, self.spot = forward, t, r, smile, spot

    def vol(self, k):
        return self.smile.vol(self.forward, k, self.t)

    def premium(self, kind, k):
        sigma = self.vol(k)
        b76 = black76(kind, self.forward, k, self.t, self.r, sigma)
        if self.spot is None:
            return b76
        p = bsm(kind, self.spot, k, self.t, self.r, sigma)
        assert abs(p - b76) <= mpf("1e-40") * max(ONE, p), (kind, k, p, b76)
        return p

    def zero_cost_call(self, target, kmin):
        """The call strike K >= kmin with C(K) = target (C decreasing in K)."""
        def f(k):
            return self.premium("call", k) - target

        lo, hi = kmin, 2 * kmin
        assert f(lo) > 0
        while f(hi) > 0:
            lo, hi = hi, 2 * hi
        # C decreasing on the bracket: a unique root.
        grid = [self.premium("call", kmin + (hi - kmin) * i / 40) for i in range(41)]
        assert all(a > b for a, b in zip(grid, grid[1:])), "call premium not decreasing"
        while hi - lo > mpf("1e-40") * kmin:
            mid = (lo + hi) / 2
            if f(mid) > 0:
                lo = mid
            else:
                hi = mid
        k = (lo + hi) / 2
        assert abs(f(k)) < mpf("1e-38"), f(k)
        return k


# ------------------------------------------------------------------------------ rounding


def dp10(x):
    """`x` rounded half-even to 10 decimal places (as an mpf, and its decimal text)."""
    d = Decimal(mp.nstr(x, 45, min_fixed=-mp.inf, max_fixed=mp.inf)).quantize(
        Decimal("1e-10"), rounding=ROUND_HALF_EVEN)
    return mpf(str(d)), d


def tie_margin(x):
    """How far `x` lies from a 10-dp rounding midpoint, in units of 1e-10."""
    u = x * mpf(10) ** 10
    return abs(u - mp.floor(u) - HALF)


# ------------------------------------------------------------------------------- payoff


class Payoff:
    """R(S) = Q S + h sum(units payoff) - h net k, and its floor, cap and breakevens."""

    def __init__(self, q, h, legs, net, carry, cost):
        # legs: (kind, units, strike)
        self.q, self.h, self.legs, self.net, self.carry, self.cost = q, h, legs, net, carry, cost

    def value(self, s):
        v = self.q * s
        for kind, units, k in self.legs:
            pay = max(k - s, 0) if kind == "put" else max(s - k, 0)
            v += self.h * units * pay
        return v - self.h * self.net * self.carry

    def breakpoints(self):
        return sorted({mpf(0)} | {k for _, _, k in self.legs})

    def final_slope(self):
        return self.q + self.h * sum(units for kind, units, _ in self.legs if kind == "call")

    def floor(self):
        if self.final_slope() < 0:
            return None
        return min(self.value(b) for b in self.breakpoints())

    def cap(self):
        if self.final_slope() > 0:
            return None
        return max(self.value(b) for b in self.breakpoints())

    def breakevens(self):
        pts = self.breakpoints()
        roots = []
        for a, b in zip(pts, pts[1:] + [None]):
            va = self.value(a) - self.cost
            if b is None:
                slope = self.final_slope()
                if va == 0:
                    roots.append(a)
                elif slope != 0 and (va < 0) != (slope < 0):
                    roots.append(a - va / slope)
                continue
            vb = self.value(b) - self.cost
            if va == 0:
                roots.append(a)
            elif vb != 0 and (va < 0) != (vb < 0):
                roots.append(a + (b - a) * va / (va - vb))
        out = []
        for r in sorted(roots):
            if not out or abs(r - out[-1]) > mpf("1e-35") * max(ONE, r):
                out.append(r)
        return out


# ----------------------------------------------------------------------------- printing


def fmt(x):
    if x is None:
        return "none"
    if isinstance(x, Decimal):
        return "0" if x == 0 else str(x)
    if isinstance(x, int):
        return str(x)
    if x == 0:
        return "0"
    return format(Decimal(mp.nstr(x, 20)), "f")


class Out:
    def __init__(self, stream):
        self.stream = stream

    def row(self, case, strategy, quantity, index, value, value_dp10=""):
        idx = "" if index is None else str(index)
        v10 = value_dp10 if isinstance(value_dp10, str) else fmt(value_dp10)
        self.stream.write(f"{case},{strategy},{quantity},{idx},{fmt(value)},{v10}\n")


def pct(s):
    return mpf(s) / 100


# ---------------------------------------------------------------------------- the cases


def priced_legs(market, legs, strike_of):
    """Each leg's (name, kind, units, strike, vol, premium, solved); the solved call's premium
    is exactly P(kp) - P(kp2)."""
    out = {}
    for name, units, spec in legs:
        if spec == "zero":
            continue
        k = strike_of(spec)
        out[name] = [kind_of(name), units, k, market.vol(k), market.premium(kind_of(name), k), False]
    for name, units, spec in legs:
        if spec != "zero":
            continue
        target = out["put_kp"][4] - out["put_kp2"][4]
        k = market.zero_cost_call(target, out["put_kp"][2])
        out[name] = [kind_of(name), units, k, market.vol(k), target, True]
    return [(name, *out[name]) for name, _, _ in legs]


def period(out, warnings):
    for name, cost, q, days, spot, vol, rate, rr, bf, cov in CASES:
        cost, q, spot, c = mpf(cost), mpf(q), mpf(spot), pct(cov)
        t, r = mpf(days) / 365, pct(rate)
        smile = Smile(pct(vol), pct(rr), pct(bf))
        market = Market(spot * mp.exp(r * t), t, r, smile, spot=spot)
        carry = mp.exp(r * t)
        h = c * q
        for strategy, legs in STRATEGIES:
            priced = priced_legs(market, legs, mpf)
            rounded = {}
            for leg, kind, units, k, sigma, prem, solved in priced:
                rounded[leg] = dp10(prem)
                if not solved and tie_margin(prem) < mpf("1e-3"):
                    warnings.append(f"{name} {strategy} {leg}: premium within 1e-13 of a 10-dp midpoint")
            if any(p[6] for p in priced):  # the solved call's premium: round(P(kp)) - round(P(kp2))
                d = rounded["put_kp"][1] - rounded["put_kp2"][1]
                rounded["call"] = (mpf(str(d)), d)
            net = sum(units * prem for _, _, units, _, _, prem, _ in priced)
            net10 = sum(units * rounded[leg][0] for leg, _, units, _, _, _, _ in priced)
            net10_text = sum(units * rounded[leg][1] for leg, _, units, _, _, _, _ in priced)
            shape = [(kind, units, k) for _, kind, units, k, _, _, _ in priced]
            exact = Payoff(q, h, shape, net, carry, cost)
            tens = Payoff(q, h, shape, net10, carry, cost)

            row = lambda qty, idx, v, v10="": out.row(name, strategy, qty, idx, v, v10)
            for leg, kind, units, k, sigma, prem, solved in priced:
                row(f"units_{leg}", None, units)
                row(f"strike_{leg}", None, k)
                row(f"vol_{leg}", None, sigma)
                row(f"premium_{leg}", None, prem, fmt(rounded[leg][1]))
                if solved:
                    row("call_strike_solved", None, k)
            row("net_premium", None, net, fmt(net10_text))
            row("carry", None, carry)
            row("hedged_coins", None, h)
            row("floor", None, exact.floor(), tens.floor() if tens.floor() is not None else "none")
            row("cap", None, exact.cap(), tens.cap() if tens.cap() is not None else "none")
            be, be10 = exact.breakevens(), tens.breakevens()
            assert len(be) == len(be10), (name, strategy)
            row("breakeven_count", None, len(be), str(len(be10)))
            for i, (x, x10) in enumerate(zip(be, be10), start=1):
                row("breakeven", i, x, x10)
            for s in PRICES:
                row("hedged_revenue", s, exact.value(mpf(s)), tens.value(mpf(s)))


def add_months(d, k):
    """`d` plus `k` calendar months, the day clamped to the month's last day."""
    y, m = divmod(d.month - 1 + k, 12)
    year, month = d.year + y, m + 1
    return datetime.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def program(out):
    for name, start, months, spot, basis, vol, rate, rr, bf in PROGRAMS:
        start_d = datetime.date.fromisoformat(start)
        spot, b, r = mpf(spot), pct(basis), pct(rate)
        smile = Smile(pct(vol), pct(rr), pct(bf))
        for m in range(months):
            strategy, legs = PROGRAM_HEDGES[m % len(PROGRAM_HEDGES)]
            days = (add_months(start_d, m + 1) - start_d).days
            t = mpf(days) / 365
            forward = spot * mp.exp(b * t)
            market = Market(forward, t, r, smile)
            priced = priced_legs(market, legs, lambda p: forward * mpf(p) / 100)
            net = sum(units * prem for _, _, units, _, _, prem, _ in priced)
            row = lambda qty, v: out.row(name, strategy, qty, m, v)
            row("settle_days", days)
            row("years", t)
            row("forward", forward)
            row("carry", mp.exp(r * t))
            for leg, kind, units, k, sigma, prem, solved in priced:
                row(f"units_{leg}", units)
                row(f"strike_{leg}", k)
                row(f"vol_{leg}", sigma)
                row(f"premium_{leg}", prem)
                if solved:
                    row("call_strike_solved", k)
            row("net_premium", net)


def main():
    w = sys.stdout.write
    w(f"# mpmath {mpmath.__version__} reference at {mp.dps} digits for the put spread, seagull and "
      "covered call; generated by tests/data/strategies_reference.py (see its docstring)\n")
    w("# value_dp10: the same quantity with every premium first rounded half-even to 10 dp; "
      "legs: put_kp bought, put_kp2 sold, call sold; none = unbounded\n")
    for name, cost, q, days, spot, vol, rate, rr, bf, cov in CASES:
        w(f"# case {name}: cost={cost} Q={q} days={days} spot={spot} vol={vol}% rate={rate}% "
          f"rr25={rr} bf25={bf} cov={cov}%; putspread kp=230 kp2=190, seagull-zero kp=230 "
          "kp2=190 kc=zero, seagull-300 kp=230 kp2=190 kc=300, call kc=290\n")
    for name, start, months, spot, basis, vol, rate, rr, bf in PROGRAMS:
        w(f"# case {name}: start={start} months={months} spot={spot} basis={basis}% vol={vol}% "
          f"rate={rate}% rr25={rr} bf25={bf}; month 0 putspread pkp=90 pkp2=75, month 1 seagull "
          "pkp=90 pkp2=75 pkc=zero, month 2 call pkc=110 (% of F_m)\n")
    w("case,strategy,quantity,index,value,value_dp10\n")
    warnings = []
    out = Out(sys.stdout)
    period(out, warnings)
    program(out)
    for text in warnings:
        sys.stderr.write(f"warning: {text}\n")


if __name__ == "__main__":
    main()
