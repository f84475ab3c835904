#!/usr/bin/env python3
"""Independent reference values for the treasury (src/domain/program/treasury/): the loan's
call and liquidation prices, the chance the price touches each before the program ends, the
pledge that keeps a margin call's chance at a target, and the plan's ledger month by month.
Everything is written out again here from the conventions below, not from the engine.

Regenerate with (mpmath only; 1.3 or later; the Rust tests read the committed CSV, CI runs
no Python):

    python3 -m pip install mpmath
    python3 tests/data/treasury_reference.py > tests/data/treasury_reference.csv

Loan risk (kind `loan`)
-----------------------

A loan L against N pledged coins, margin call at LTV c, liquidation at LTV l (fractions):

    call price        S_c = L/(N c)
    liquidation price S_l = L/(N l)
    LTV at the start      = L/(N S0)

The price is a geometric Brownian motion from S0 with drift mu and volatility sigma (a year),
watched continuously over T years. With x_t = ln(S_t/S0) = nu t + sigma W_t, nu = mu - sigma^2/2,
and b = ln(B/S0) < 0 for a barrier B below S0, the first-passage time tau of x to b has the
density (inverse Gaussian, defective when nu > 0)

    f(t) = |b| / (sigma sqrt(2 pi t^3)) exp(-(b - nu t)^2 / (2 sigma^2 t)),

and the touch probability is P(tau <= T):

* `*_probability` (closed form): N((b - nu T)/(sigma sqrt T)) + exp(2 nu b / sigma^2)
  N((b + nu T)/(sigma sqrt T));
* `*_probability_quad` (the independent method): mpmath.quad of f over (0, T], split at
  T 10^-k (k = 1..6) and at the density's mode. The two are asserted to agree to 1e-30.

The pledge needed for a target p: the barrier B* < S0 with P(touch B*) = p, found by bisection
in ln(B/S0) (400 halvings at 50 digits) on the closed form; then N* = L/(B* c). The quadrature
at B* is asserted within 1e-30 of p. Rows: `barrier_<p>` (B*), `pledge_needed_<p>` (N*) for
p = 1 % and 5 %.

Inputs are rows too (`in_spot`, `in_years`, `in_drift`, `in_vol`, `in_loan`, `in_pledged`,
`in_ltv_call`, `in_ltv_liquidation`), T as the exact days/365 of a program's horizon.

The plan (kind `plan`)
----------------------

A program in direct economics (`qty` coins and `cost` USD a month), every month's forward
given (`pfwd`), hedged by a forward at the forward or unhedged: settled at its forward, the
month's cash besides the coins sold is `flow = -cost`. No option in the program: nothing is
paid upfront. Months of 2027 from 1 January: 31, 28, 31, 30, 31, 30 days.

At the start: held = hold0, cash = cash0 + loan, pledged = pledge (absent: hold0 with a loan),
loan = L. Month m (d days, S = F = F_m), in this order:

1. free = held - pledged; lent = lend free; calls = cc free; K = cck F; premium per coin
   = Black-76 call (forward F, strike K, vol, expiry d/365, discounted e^{-r d/365});
   cash += calls premium;
2. sold = sell qty; cash += sold S - cost - loan lrate d/365;
3. income = lent lendy d/365; loss = lent p_m lgd, p_m = 1 - (1 - lpd)^{d/365};
   held += qty - sold + income - loss;
4. calls > 0 and S > K: held -= calls, cash += calls K;
5. ltv = loan/(pledged S) (0 without a loan); margin call at ltv >= ltvmc, liquidation at
   ltv >= ltvliq (cash += pledged S, held -= pledged, then the loan is repaid from cash);
   the last month repays the loan from cash; a repaid loan frees the pledged coins;
6. cash < 0: sell min(-cash/S, held - pledged) coins at S; cash still < 0 is the shortfall.

value = held F + cash - loan after the month; `loan_before` is the loan before step 5.
(lend, cc, cck, sell, lendy, lpd, lgd, lrate as fractions: the link's percents / 100.)

Black-76 is checked against mpmath.quad of e^{-rT} (S - K)^+ on the lognormal density of mean
F (to 1e-30).

Every plan value is computed in Python `decimal` at 50 digits (Black-76 and p_m in mpmath at 50
digits), and again at 100 digits. Column `compare`:

* `exact`: the two runs agree (the value is a terminating decimal) and it fits a
  rust_decimal (at most 28 decimal places, coefficient below 2^96): the engine must give it
  exactly;
* `rel20`: the value is not a terminating decimal (a division by 365): the engine's 28-digit
  arithmetic rounds in its own order; compared within 1e-20 max(1, |value|);
* `f64`: the value depends on the call premium or the default probability, which the engine
  computes in f64: compared within 1e-9 max(1, |value|).

Booleans (`exercised`, `margin_call`, `liquidated`) are 0/1, `exact`. Month 0 is the start.

Cases (links in tests/native/treasury.rs):

* A (exact): a loan against 40 of 50 coins, forwards falling from 100,000 to 40,000: a margin
  call, a liquidation in month 4, forced sales, then a shortfall (every coin sold);
* B (exact): a loan against every coin held, 8 %, coins lent from the second month, repaid
  at the end of the last month by a forced sale;
* C (f64): covered calls struck at 90 % and 95 % (exercised) and 120 % and 130 % (not), coins
  lent to a borrower defaulting at 5 % a year with 60 % loss given default.

CSV layout: `#` comment lines, then `kind,case,month,quantity,value,compare`; values are
positional decimals (40 significant digits at most, never exponent form).
"""

import sys
from decimal import Decimal, localcontext

import mpmath
from mpmath import mp, mpf

mp.dps = 50

# --------------------------------------------------------------------------------- loan

# case, S0, mu, sigma, T (days/365), L, N, ltv call, ltv liquidation
LOANS = [
    ("L1", "100000", "0.05", "0.5", 181, "2000000", "40", "0.7", "0.85"),
    ("L2", "100000", "-0.3", "0.6", 365, "30000000", "1000", "0.7", "0.85"),
    ("L3", "95000", "0.1", "0.8", 730, "10000000", "300", "0.6", "0.8"),
    ("L4", "60000", "-0.05", "0.35", 90, "5000000", "200", "0.5", "0.75"),
    ("L5", "100000", "0", "0.5", 365, "3000000", "100", "0.7", "0.85"),
    # nu = 0: the reflection principle
    ("L6", "100000", "0.125", "0.5", 181, "2000000", "40", "0.7", "0.85"),
]
TARGETS = ["0.01", "0.05"]


def touch_closed(s0, mu, sigma, t, barrier):
    b = mp.log(barrier / s0)
    nu = mu - sigma**2 / 2
    s = sigma * mp.sqrt(t)
    return mp.ncdf((b - nu * t) / s) + mp.exp(2 * nu * b / sigma**2) * mp.ncdf((b + nu * t) / s)


def touch_quad(s0, mu, sigma, t, barrier):
    b = mp.log(barrier / s0)
    nu = mu - sigma**2 / 2

    def f(u):
        if u <= 0:
            return mpf(0)
        return abs(b) / (sigma * mp.sqrt(2 * mp.pi * u**3)) * mp.exp(
            -((b - nu * u) ** 2) / (2 * sigma**2 * u)
        )

    # mode of the density: d/du ln f = 0, -3/(2u) + (b^2/u^2 - nu^2)/(2 sigma^2) = 0
    mode = (-3 * sigma**2 + mp.sqrt(9 * sigma**4 + 4 * nu**2 * b**2)) / (2 * nu**2) if nu != 0 else b**2 / (3 * sigma**2)
    points = sorted({mpf(0)} | {t * mpf(10) ** -k for k in range(1, 7)} | {t} | ({mode} if 0 < mode < t else set()))
    with mp.workdps(70):
        v, err = mp.quad(f, points, error=True)
    assert err < mpf("1e-40"), (barrier, err)
    return v


def lower_barrier(s0, mu, sigma, t, p):
    lo, hi = mpf(0), mpf(-40) * sigma * mp.sqrt(t) - abs(mu) * t - 1  # x = ln(B/S0)
    assert touch_closed(s0, mu, sigma, t, s0 * mp.exp(hi)) < p
    for _ in range(400):
        mid = (lo + hi) / 2
        if touch_closed(s0, mu, sigma, t, s0 * mp.exp(mid)) > p:
            lo = mid
        else:
            hi = mid
    return s0 * mp.exp((lo + hi) / 2)


def loan_rows():
    out = []
    for case, s0, mu, sigma, days, loan, pledged, c, l in LOANS:
        S0, MU, SIG, T = mpf(s0), mpf(mu), mpf(sigma), mpf(days) / 365
        L, N, C, LQ = mpf(loan), mpf(pledged), mpf(c), mpf(l)
        rows = [
            ("in_spot", s0),
            ("in_years", mp.nstr(T, 45, strip_zeros=False)),
            ("in_days", str(days)),
            ("in_drift", mu),
            ("in_vol", sigma),
            ("in_loan", loan),
            ("in_pledged", pledged),
            ("in_ltv_call", c),
            ("in_ltv_liquidation", l),
        ]
        call, liq = L / (N * C), L / (N * LQ)
        assert call < S0
        vals = [("ltv_start", L / (N * S0)), ("call_price", call), ("liquidation_price", liq)]
        for name, barrier in (("call", call), ("liquidation", liq)):
            closed = touch_closed(S0, MU, SIG, T, barrier)
            quad = touch_quad(S0, MU, SIG, T, barrier)
            assert abs(closed - quad) < mpf("1e-30"), (case, name, closed, quad)
            assert 0 < closed < 1
            vals += [(f"{name}_probability", closed), (f"{name}_probability_quad", quad)]
        for p in TARGETS:
            P = mpf(p)
            b = lower_barrier(S0, MU, SIG, T, P)
            assert abs(touch_quad(S0, MU, SIG, T, b) - P) < mpf("1e-30"), (case, p)
            vals += [(f"barrier_{p}", b), (f"pledge_needed_{p}", L / (b * C))]
        rows += [(q, text(v)) for q, v in vals]
        out += [("loan", case, "", q, v, "") for q, v in rows]
    return out


# --------------------------------------------------------------------------------- plan

DAYS = [31, 28, 31, 30, 31, 30]

# per case: the link's values (percents as the link writes them); lists one per month
CASES = {
    "A": dict(
        months=6, qty="2", cost="850000", vol="50", rate="4",
        fwd=["100000", "80000", "70000", "55000", "50000", "40000"],
        hold0="50", cash0="100000", pledge="40", loan="2000000", lrate="10",
        ltvmc="70", ltvliq="85",
        sell=["50", "100", "25", "100", "100", "100"], lend=["20", "20", "0", "10", "0", "0"],
        lendy="5", lpd="0", lgd="100",
        cc=["0"] * 6, cck=["110"] * 6,
    ),
    "B": dict(
        months=4, qty="3", cost="250000", vol="60", rate="3",
        fwd=["100000", "110000", "120000", "125000"],
        hold0="30", cash0="0", pledge=None, loan="1000000", lrate="8",
        ltvmc="60", ltvliq="80",
        sell=["100", "60", "0", "0"], lend=["0", "50", "50", "25"],
        lendy="4", lpd="0", lgd="100",
        cc=["0"] * 4, cck=["110"] * 4,
    ),
    "C": dict(
        months=4, qty="4", cost="100000", vol="55", rate="4.5",
        fwd=["100000", "105000", "98000", "102000"],
        hold0="100", cash0="2000000", pledge=None, loan="0", lrate="0",
        ltvmc="70", ltvliq="85",
        sell=["0"] * 4, lend=["30", "30", "40", "40"],
        lendy="3", lpd="5", lgd="60",
        cc=["50", "40", "50", "60"], cck=["90", "120", "95", "130"],
    ),
}


def black76_call(f, k, vol, t, r):
    d1 = (mp.log(f / k) + vol**2 * t / 2) / (vol * mp.sqrt(t))
    d2 = d1 - vol * mp.sqrt(t)
    return mp.exp(-r * t) * (f * mp.ncdf(d1) - k * mp.ncdf(d2))


def black76_quad(f, k, vol, t, r):
    s = vol * mp.sqrt(t)
    mu = mp.log(f) - s * s / 2
    z0 = (mp.log(k) - mu) / s
    g = lambda z: (mp.exp(mu + s * z) - k) * mp.npdf(z)
    with mp.workdps(70):
        v = mp.quad(g, [z0, z0 + 1, z0 + 4, z0 + 10, z0 + 40])
    return mp.exp(-r * t) * v


def dec(x, prec):
    return Decimal(mp.nstr(x, prec + 10, strip_zeros=False))


def run(case, prec):
    c = CASES[case]
    with localcontext() as ctx, mp.workdps(prec + 10):
        ctx.prec = prec
        D = Decimal
        pct = lambda s: D(s) / 100
        n = c["months"]
        qty, cost = D(c["qty"]), D(c["cost"])
        vol, r = mpf(c["vol"]) / 100, mpf(c["rate"]) / 100
        held, cash = D(c["hold0"]), D(c["cash0"]) + D(c["loan"])
        loan = D(c["loan"])
        if c["pledge"] is not None:
            pledged = D(c["pledge"])
        else:
            pledged = D(c["hold0"]) if loan > 0 else D(0)
        rows = [(0, "held", held), (0, "pledged", pledged), (0, "cash", cash), (0, "loan", loan)]
        for m in range(n):
            d = DAYS[m]
            year = D(d) / D(365)
            S = D(c["fwd"][m])
            free = held - pledged
            lent = pct(c["lend"][m]) * free
            calls = pct(c["cc"][m]) * free
            K = pct(c["cck"][m]) * S
            if calls > 0:
                per = black76_call(mpf(c["fwd"][m]), mpf(str(K)), vol, mpf(d) / 365, r)
                check = black76_quad(mpf(c["fwd"][m]), mpf(str(K)), vol, mpf(d) / 365, r)
                assert abs(per - check) < mpf("1e-30") * per, (case, m, per, check)
                per = dec(per, prec)
            else:
                per = D(0)
            premium = calls * per
            cash += premium
            sold = pct(c["sell"][m]) * qty
            cash += sold * S - cost - loan * pct(c["lrate"]) * year
            income = lent * pct(c["lendy"]) * year
            pm = 1 - (1 - mpf(c["lpd"]) / 100) ** (mpf(d) / 365)
            loss = lent * dec(pm, prec) * pct(c["lgd"])
            held += qty - sold + income - loss
            exercised = calls > 0 and S > K
            if exercised:
                assert calls <= held - pledged
                held -= calls
                cash += calls * K
            ltv = loan / (pledged * S) if loan > 0 else D(0)
            margin_call = loan > 0 and ltv >= pct(c["ltvmc"])
            liquidated = loan > 0 and ltv >= pct(c["ltvliq"])
            loan_before = loan
            if liquidated:
                cash += pledged * S
                held -= pledged
            if liquidated or m == n - 1:
                cash -= loan
                loan = D(0)
                pledged = D(0)
            forced, shortfall = D(0), D(0)
            if cash < 0:
                need = -cash / S
                avail = max(held - pledged, D(0))
                forced = min(need, avail)
                held -= forced
                cash = D(0) if forced == need else cash + forced * S
                if cash < 0:
                    shortfall = -cash
            value = held * S + cash - loan
            mm = m + 1
            rows += [
                (mm, "forward", S),
                (mm, "lent", lent),
                (mm, "income", income),
                (mm, "default_share", dec(pm, prec)),
                (mm, "default_loss", loss),
                (mm, "sold", sold),
                (mm, "calls", calls),
                (mm, "strike", K),
                (mm, "call_premium_per_coin", per),
                (mm, "call_premium", premium),
                (mm, "exercised", D(int(exercised))),
                (mm, "ltv", ltv),
                (mm, "margin_call", D(int(margin_call))),
                (mm, "liquidated", D(int(liquidated))),
                (mm, "loan_before", loan_before),
                (mm, "forced", forced),
                (mm, "shortfall", shortfall),
                (mm, "held", held),
                (mm, "pledged", pledged),
                (mm, "cash", cash),
                (mm, "loan", loan),
                (mm, "value", value),
            ]
        return rows


def fits_rust_decimal(v):
    with localcontext() as ctx:
        ctx.prec = 200
        v = v.normalize()
    sign, digits, exp = v.as_tuple()
    coeff = int("".join(map(str, digits))) if digits else 0
    if exp > 0:
        coeff *= 10**exp
        exp = 0
    return -exp <= 28 and coeff < 2**96


def text(v, digits=40):
    if not isinstance(v, Decimal):
        v = Decimal(mp.nstr(v, digits, strip_zeros=False))
    with localcontext() as ctx:
        ctx.prec = digits
        v = (+v).normalize()
    return "0" if v == 0 else format(v, "f")


def plan_rows():
    out = []
    for case in CASES:
        c = CASES[case]
        lo, hi = run(case, 50), run(case, 100)
        f64_inputs = any(x != "0" for x in c["cc"]) or c["lpd"] != "0"
        for (m, q, v), (m2, q2, v2) in zip(lo, hi):
            assert (m, q) == (m2, q2)
            # the two precisions agree to 45 digits in any case
            assert abs(v - v2) <= Decimal("1e-44") * max(1, abs(v2)), (case, m, q, v, v2)
            if v == v2 and fits_rust_decimal(v):
                how = "exact"
            elif f64_inputs:
                how = "f64"
            else:
                how = "rel20"
            out.append(("plan", case, str(m), q, text(v), how))
    return out


def main():
    w = sys.stdout.write
    w(f"# mpmath {mpmath.__version__} and Python decimal reference at 50 digits for the treasury; "
      "generated by tests/data/treasury_reference.py (see its docstring)\n")
    w("# loan: touch probabilities in closed form and by quadrature of the first-passage density; "
      "pledge needed by bisection\n")
    w("# plan: the ledger month by month (month 0: the start); compare = exact | rel20 | f64\n")
    for name, c in CASES.items():
        keys = " ".join(f"{k}={';'.join(v) if isinstance(v, list) else v}" for k, v in c.items())
        w(f"# case {name}: {keys}\n")
    w("kind,case,month,quantity,value,compare\n")
    for row in loan_rows() + plan_rows():
        w(",".join(row) + "\n")


if __name__ == "__main__":
    main()
