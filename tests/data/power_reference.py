#!/usr/bin/env python3
"""Independent reference values for the power-contract model (a rig buying its power fixed,
at the hourly index, or through a take-or-pay PPA with resale), in mpmath at 50 digits, from
the formulas below written out again, not from the engine.

Regenerate with (mpmath only; 1.3 or later):

    python3 -m pip install mpmath
    python3 tests/data/power_reference.py > tests/data/power_reference.csv

Conventions
-----------

Inputs are taken as the exact decimals written in RIGS / MODELS (0.97, 0.045, ...), not as the
doubles nearest them; every value is computed at 50 significant digits.

Rig: hashrate H (TH/s), efficiency eff (J/TH), uptime up and pool fee pool (fractions, not %),
difficulty D, block subsidy sub and fees fee (coins per block), a period of `days` days;
N = 24 days hours. No difficulty growth, no other costs (opex).

    load         MW     = H eff / 10^6                                         (MW)
    full output  Q_full = H 10^12 days 86,400 (sub + fee) (1 - pool) up / (D 2^32)   (coins)
    full energy  E_full = MW N up                                              (MWh)
    energy-adjusted hashprice  EHP(S) = S Q_full / E_full                      (USD/MWh)

at the coin price S (USD). The rig is down in a share (1 - up) of the hours, independently of
the power price; Q_full and E_full already carry `up`.

Hourly power price P (USD/MWh), one of:

* lognormal with mean pidx and log-sd psd: ln P ~ N(ln pidx - psd^2/2, psd^2); m = pidx;
* a curve: a list of n prices of equal weight (negative allowed) that replaces the lognormal;
  m = the curve's mean (it replaces pidx everywhere).

Write u = Pr(P < EHP) (strict), L = E[P; P < EHP] = E[P 1{P < EHP}] and
G = E[P; P >= EHP], so that L + G = m.

* lognormal: d = (ln(EHP/pidx) + psd^2/2)/psd, u = N(d), L = pidx N(d - psd),
  G = pidx N(psd - d); for EHP <= 0: u = 0, L = 0, G = m (never happens here: S > 0);
* curve: u = #{p_i < EHP}/n, L = (1/n) sum_{p_i < EHP} p_i, G = (1/n) sum_{p_i >= EHP} p_i.

Contracts (pwr in USD/kWh, 1000 pwr USD/MWh):

* `fixed`: every hour at pwr, no curtailment. output = Q_full, power_cost = E_full 1000 pwr,
  credits = 0 (+ capacity), run_share = 1. The price model does not enter: the `fixed` rows
  are repeated under every model (identical values).
* `index`: the rig pays each hour's price and runs iff P < EHP(S).
  run_share = u, output = Q_full u, power_cost = E_full L, credits = 0 (+ capacity).
* `ppa`: a take-or-pay block of MW for all N hours at pwr, with the right to resell at the
  hour's price. The rig runs when P < EHP (output = Q_full u) and resells otherwise; in the
  (1 - up) share of hours it is down it resells the whole block.
  run_share = u, power_cost = MW N 1000 pwr (independent of S and of the model),
  credits = MW N [(1 - up) m + up G] (+ capacity).

Capacity credit (any contract): drc USD per MW per 30 days, drc MW days / 30, added to
`credits` (drc = 0 or 5000).

Curtailment value at S (`index` and `ppa`; 0 for `fixed`): E_full E[(P - EHP)+].

* `curtailment_value` (closed form): lognormal E_full (pidx N(psd - d) - EHP N(-d)) (the
  brief's 1 - N(d) written N(-d): for d near 200, 1 - N(d) at 50 digits is pure cancellation
  noise); curve E_full (G - EHP (1 - u)).
* `curtailment_value_quad`: lognormal, mpmath.quad of (p - EHP) f(p) over p in [EHP, inf)
  with f the lognormal density, at 70 digits, on breakpoints p = exp(mu + psd z),
  mu = ln pidx - psd^2/2, placed at z0 + j/max(1, z0) (j = 1..120; z0 = (ln EHP - mu)/psd,
  so that a far right tail is resolved) and at the integers z in [-25, 25] (the bulk). As
  mpmath.quad stops on an absolute error estimate, the density is divided by
  exp(-max(z0, 0)^2/2) inside the integral and the result multiplied back (so the near-step
  tails, 1e-1800 and far below, are integrated to full relative precision); the quadrature's own
  error estimate is asserted below 1e-30 relative. Curve: the direct mean of (p_i - EHP)+.
  The two columns are asserted to agree to 1e-20 relative (they agree to 1.1e-39 or better).

Margin at S = output S + credits - power_cost (the period's revenue less power cost).

Asserted in the run (a failure stops the script):

* fixed output == Q_full (the same number);
* the psd = 0.001 lognormal's index run share is the step function: |u - 1{EHP > pidx}| <
  1e-12 at every S (each EHP lies more than 1 % from pidx, asserted);
* lognormal u and E_full L equal a quadrature of the normal density over z < z0 (scaled as
  above, breakpoints z0 - j/max(1, -z0) and the integers in [-25, 25]) to 1e-20 relative;
* 0 <= u <= 1; index margin (drc 0) equals E_full E[(EHP - P)+] computed independently (the
  quadratures above for a lognormal, a direct sum for a curve) to 1e-20, is never below
  Q_full S - E_full m (running every hour at the index), and is convex in S: its slopes are
  non-decreasing on the S grid and on S = 1000, 2000, ..., 200000;
* curtailment parity: index margin (drc 0) - curtailment value = Q_full S - E_full m;
* ppa: credits (drc 0) + index power cost = MW N m; power cost = MW N 1000 pwr; ppa margin -
  index margin = MW N (m - 1000 pwr) at equal drc;
* any contract: credits at drc 5000 - credits at drc 0 = 5000 MW days / 30.

A curve point within 1e-9 of an EHP (where the strict inequality would decide the result) is
reported as a warning on stderr (there is none: the nearest is 0.396 away).

CSV layout
----------

`#` comment lines (generator, rigs, models), then the header and one row per value:

    case,rig,model,contract,drc,S,quantity,value

* case: `<rig>-<model>-<contract>-drc<drc>`, e.g. `R1-ln-60-0.5-index-drc5000`
* rig: R1 (the link's default rig: hr 200, eff 17.5, up 97 %, pool 2 %, diff 120T,
  sub 3.125, fee 0.02, pwr 0.06; days 30) | R2 (H 2,857,143 TH/s so MW = 50.0000025,
  eff 17.5, up 0.95, pool 0.01, D 1.1e14, sub 3.125, fee 0.05, days 31, pwr 0.045)
* model: `ln-<pidx>-<psd>` lognormal (ln-60-0.5 / ln-45-0.5 are pidx = 1000 pwr of R1 / R2,
  ln-55-1.2, ln-60-0.001) | `curve-C1` (the 16 prices in MODELS)
* contract: fixed | index | ppa;  drc: 0 | 5000
* S: the coin price (USD) for the per-price quantities, empty for load_mw, q_full, e_full
* quantity (units): load_mw (MW), q_full (coins), e_full (MWh), ehp (USD/MWh), run_share
  (fraction), output (coins), power_cost, credits, curtailment_value, curtailment_value_quad,
  margin (USD)
* value: 20 significant digits in positional notation (never exponent form; an integral
  value as `151.2`, `1.0`, `0`). A value whose magnitude is below 1e-300 is written as 0:
  the only such values are the near-step (psd = 0.001) lognormal's far tails (u, output,
  index power cost and index margin when EHP < pidx; the curtailment values when
  EHP > pidx), all below 1.7e-1820 (the largest: R2 at S = 40000, d = -91.6; the smallest
  e.g. N(-2277.7), about 2.3e-1126588): far below any double and, in full, thousands to
  millions of digits long. R1's ppa margin there (m = 1000 pwr, so it is -E_full L) comes
  out exactly 0 at 50 digits (G rounds to m), the same 0. Every other nonzero value is above
  2.5e-8 in magnitude (R1's output at S = 5000 under ln-60-0.5).
"""

import sys
from decimal import Decimal

import mpmath
from mpmath import mp, mpf

mp.dps = 50

PRICES = ["5000", "20000", "40000", "60000", "95000", "150000"]
DRCS = ["0", "5000"]
CONTRACTS = ["fixed", "index", "ppa"]
FLUSH = mpf("1e-300")

# name, H TH/s, eff J/TH, up, pool, D, sub, fee, days, pwr USD/kWh
RIGS = [
    ("R1", "200", "17.5", "0.97", "0.02", "120000000000000", "3.125", "0.02", 30, "0.06"),
    ("R2", "2857143", "17.5", "0.95", "0.01", "110000000000000", "3.125", "0.05", 31, "0.045"),
]

C1 = ["-20", "5", "18", "22", "25", "31", "35", "40", "44", "52", "60", "75", "90", "140",
      "260", "1200"]

# per rig: (model name, ("ln", pidx, psd) | ("curve", points)); "pwr" = 1000 pwr
MODELS = [
    ("pwr", "0.5"),
    ("55", "1.2"),
    ("60", "0.001"),
    ("curve-C1", C1),
]


def models_for(pwr):
    out = []
    for a, b in MODELS:
        if a.startswith("curve"):
            out.append((a, ("curve", [mpf(p) for p in b])))
            continue
        pidx = Decimal(pwr) * 1000 if a == "pwr" else Decimal(a)
        pidx_text = format(pidx.normalize(), "f")
        out.append((f"ln-{pidx_text}-{b}", ("ln", mpf(pidx_text), mpf(b))))
    return out


# ------------------------------------------------------------------------------ the rig


class Rig:
    def __init__(self, name, h, eff, up, pool, diff, sub, fee, days, pwr):
        self.name = name
        self.h, self.eff, self.up, self.pool = mpf(h), mpf(eff), mpf(up), mpf(pool)
        self.diff, self.sub, self.fee = mpf(diff), mpf(sub), mpf(fee)
        self.days, self.pwr, self.pwr_text = mpf(days), mpf(pwr), pwr
        self.hours = 24 * self.days
        self.mw = self.h * self.eff / mpf(10) ** 6
        self.q_full = (self.h * mpf(10) ** 12 * self.days * 86400 * (self.sub + self.fee)
                       * (1 - self.pool) * self.up / (self.diff * mpf(2) ** 32))
        self.e_full = self.mw * self.hours * self.up

    def ehp(self, s):
        return s * self.q_full / self.e_full

    def capacity(self, drc):
        return drc * self.mw * self.days / 30


# ----------------------------------------------------------------------- the price models


class Lognormal:
    def __init__(self, pidx, psd):
        self.pidx, self.psd = pidx, psd
        self.mean = pidx
        self.mu = mp.log(pidx) - psd * psd / 2
        self.memo = {}

    def parts(self, e):
        """(u, L, G) = (Pr(P < e), E[P; P < e], E[P; P >= e])."""
        if e <= 0:
            return mpf(0), mpf(0), self.mean
        d = (mp.log(e / self.pidx) + self.psd ** 2 / 2) / self.psd
        return mp.ncdf(d), self.pidx * mp.ncdf(d - self.psd), self.pidx * mp.ncdf(self.psd - d)

    def curtail(self, e):
        """E[(P - e)+], closed form."""
        if e <= 0:
            return self.mean - e
        d = (mp.log(e / self.pidx) + self.psd ** 2 / 2) / self.psd
        return self.pidx * mp.ncdf(self.psd - d) - e * mp.ncdf(-d)  # 1 - N(d) = N(-d)

    # --- numerical integration of the density (independent of the closed forms)
    #
    # mpmath.quad stops on an absolute error estimate, so each integrand is divided by the
    # density's exponential factor exp(-zr^2/2) at the integration range's end nearest the
    # bulk (zr) and the result multiplied back: a far tail (1e-270000 and below here) is then
    # integrated to full relative precision.

    def pdf_scaled(self, p, zr):
        """The lognormal density at p divided by exp(-zr^2/2)."""
        z = (mp.log(p) - self.mu) / self.psd
        return mp.exp((zr * zr - z * z) / 2) / (p * self.psd * mp.sqrt(2 * mp.pi))

    def quad_curtail(self, e):
        """E[(P - e)+] = integral over p in [e, inf) of (p - e) f(p) dp (memoised)."""
        if e not in self.memo:
            self.memo[e] = self._quad_curtail(e)
        return self.memo[e]

    def _quad_curtail(self, e):
        with mp.workdps(70):
            z0 = (mp.log(e) - self.mu) / self.psd
            zr = max(z0, mpf(0))
            w = 1 / max(mpf(1), z0)
            zs = {z0 + j * w for j in range(1, 121)} | {mpf(k) for k in range(-25, 26)}
            pts = [e] + [mp.exp(self.mu + self.psd * z) for z in sorted(zs) if z > z0] + [mp.inf]
            v, err = mp.quad(lambda p: (p - e) * self.pdf_scaled(p, zr), pts, error=True)
            assert err <= mpf("1e-30") * abs(v), (e, v, err)
            return +(v * mp.exp(-zr * zr / 2))

    def quad_below(self, e):
        """(Pr(P < e), E[P; P < e]) by quadrature of the standard normal density over
        z = (ln P - mu)/psd < z0 (ln P = mu + psd z)."""
        with mp.workdps(70):
            z0 = (mp.log(e) - self.mu) / self.psd
            zr = min(z0, mpf(0))
            w = 1 / max(mpf(1), -z0)
            zs = {mpf(k) for k in range(-25, 26)} | {z0 - j * w for j in range(1, 121)}
            zs = [-mp.inf] + [z for z in sorted(zs) if z < z0] + [z0]
            phi = lambda z: mp.exp((zr * zr - z * z) / 2) / mp.sqrt(2 * mp.pi)
            u, eu = mp.quad(phi, zs, error=True)
            lo, el = mp.quad(lambda z: mp.exp(self.mu + self.psd * z) * phi(z), zs, error=True)
            assert eu <= mpf("1e-30") * u and el <= mpf("1e-30") * lo, (e, u, eu, lo, el)
            scale = mp.exp(-zr * zr / 2)
            return +(u * scale), +(lo * scale)


class Curve:
    def __init__(self, points):
        self.points = points
        self.n = len(points)
        self.mean = sum(points) / self.n

    def parts(self, e):
        below = [p for p in self.points if p < e]
        above = [p for p in self.points if p >= e]
        return mpf(len(below)) / self.n, sum(below, mpf(0)) / self.n, sum(above, mpf(0)) / self.n

    def curtail(self, e):
        u, _, g = self.parts(e)
        return g - e * (1 - u)

    def quad_curtail(self, e):
        return sum((max(p - e, mpf(0)) for p in self.points), mpf(0)) / self.n


# ------------------------------------------------------------------------------ the model


def evaluate(rig, model, contract, drc, s):
    """The per-price quantities, as an ordered dict."""
    e = rig.ehp(s)
    u, lo, g = model.parts(e)
    cap = rig.capacity(drc)
    if contract == "fixed":
        share, out, cost, credits = mpf(1), rig.q_full, rig.e_full * 1000 * rig.pwr, cap
        cv = cvq = mpf(0)
    else:
        share, out = u, rig.q_full * u
        if contract == "index":
            cost, credits = rig.e_full * lo, cap
        else:
            cost = rig.mw * rig.hours * 1000 * rig.pwr
            credits = rig.mw * rig.hours * ((1 - rig.up) * model.mean + rig.up * g) + cap
        cv = rig.e_full * model.curtail(e)
        cvq = rig.e_full * model.quad_curtail(e)
    return {
        "ehp": e,
        "run_share": share,
        "output": out,
        "power_cost": cost,
        "credits": credits,
        "curtailment_value": cv,
        "curtailment_value_quad": cvq,
        "margin": out * s + credits - cost,
    }


def rel_close(a, b, tol, scale=0):
    """|a - b| <= tol max(|a|, |b|, scale)."""
    return abs(a - b) <= tol * max(abs(a), abs(b), scale)


# --------------------------------------------------------------------------------- checks


def check(rig, mname, model, table, warnings):
    """table[(contract, drc, s)] = the evaluate() dict."""
    m = model.mean
    n_mw = rig.mw * rig.hours
    for s_text in PRICES:
        s = mpf(s_text)
        e = rig.ehp(s)
        fx = table[("fixed", "0", s_text)]
        assert fx["output"] == rig.q_full, (rig.name, mname)
        assert table[("fixed", "5000", s_text)]["output"] == rig.q_full
        ix, pp = table[("index", "0", s_text)], table[("ppa", "0", s_text)]
        assert 0 <= ix["run_share"] <= 1
        for c in ("index", "ppa"):
            for drc in DRCS:
                r = table[(c, drc, s_text)]
                assert rel_close(r["curtailment_value"], r["curtailment_value_quad"],
                                 mpf("1e-20")), (rig.name, mname, c, s_text, r)
        # index margin = E_full E[(EHP - P)+] >= Q_full S - E_full m; parity
        call = ix["margin"]
        intrinsic = rig.q_full * s - rig.e_full * m
        assert call >= intrinsic - mpf("1e-40") * abs(intrinsic), (rig.name, mname, s_text)
        assert rel_close(call - ix["curtailment_value"], intrinsic, mpf("1e-40"),
                         abs(call) + rig.e_full * m), (rig.name, mname, s_text)
        if isinstance(model, Curve):
            direct = rig.e_full * sum((max(e - p, mpf(0)) for p in model.points), mpf(0)) / model.n
            for p in model.points:
                if abs(p - e) < mpf("1e-9"):
                    warnings.append(f"{rig.name} {mname} S={s_text}: EHP within 1e-9 of {p}")
        else:
            qu, ql = model.quad_below(e)
            assert rel_close(qu, ix["run_share"], mpf("1e-20")), (rig.name, mname, s_text)
            assert rel_close(ql * rig.e_full, ix["power_cost"], mpf("1e-20")), (rig.name, mname)
            direct = rig.e_full * (e * qu - ql)
        assert rel_close(call, direct, mpf("1e-20")), (rig.name, mname, s_text, call, direct)
        # ppa identities
        assert rel_close(pp["credits"] + ix["power_cost"], n_mw * m, mpf("1e-40"), n_mw * abs(m))
        assert pp["power_cost"] == n_mw * 1000 * rig.pwr
        for drc in DRCS:
            a, b = table[("ppa", drc, s_text)], table[("index", drc, s_text)]
            assert rel_close(a["margin"] - b["margin"], n_mw * (m - 1000 * rig.pwr),
                             mpf("1e-40"), abs(a["margin"]) + abs(b["margin"]) + n_mw * m), \
                (rig.name, mname, drc, s_text)
        for c in CONTRACTS:
            d = table[(c, "5000", s_text)]["credits"] - table[(c, "0", s_text)]["credits"]
            assert rel_close(d, 5000 * rig.mw * rig.days / 30, mpf("1e-40"))
        # the near-step lognormal
        if isinstance(model, Lognormal) and model.psd == mpf("0.001"):
            assert abs(mp.log(e / model.pidx)) > mpf("0.01"), (rig.name, s_text)
            step = 1 if e > model.pidx else 0
            assert abs(ix["run_share"] - step) < mpf("1e-12"), (rig.name, s_text)
    # convexity of the index margin in S: on the grid and on a fine grid
    def index_margin(s):
        u, lo, _ = model.parts(rig.ehp(s))
        return rig.q_full * s * u - rig.e_full * lo

    for grid in ([mpf(x) for x in PRICES], [mpf(1000) * k for k in range(1, 201)]):
        vals = [index_margin(s) for s in grid]
        if grid[0] == mpf(PRICES[0]):
            assert all(rel_close(v, table[("index", "0", p)]["margin"], mpf("1e-45"), rig.e_full)
                       for v, p in zip(vals, PRICES))
        slopes = [(b - a) / (y - x) for a, b, x, y in zip(vals, vals[1:], grid, grid[1:])]
        tol = mpf("1e-35") * max(abs(x) for x in slopes)
        assert all(b >= a - tol for a, b in zip(slopes, slopes[1:])), (rig.name, mname)


# ----------------------------------------------------------------------------- printing


def fmt(x):
    if isinstance(x, int):
        return str(x)
    if x == 0 or abs(x) < FLUSH:
        return "0"
    return format(Decimal(mp.nstr(x, 20)), "f")


def main():
    w = sys.stdout.write
    w(f"# mpmath {mpmath.__version__} reference at {mp.dps} digits for the power contracts "
      "(fixed, index, ppa); generated by tests/data/power_reference.py (see its docstring)\n")
    w("# EHP = S Q_full / E_full; ln P ~ N(ln pidx - psd^2/2, psd^2) or a curve of equal-weight "
      "prices; the rig runs iff P < EHP\n")
    w("# capacity credit drc MW days / 30 in credits; margin = output S + credits - power_cost; "
      "|value| < 1e-300 written as 0\n")
    for name, h, eff, up, pool, diff, sub, fee, days, pwr in RIGS:
        w(f"# rig {name}: H={h} TH/s eff={eff} J/TH up={up} pool={pool} D={diff} sub={sub} "
          f"fee={fee} days={days} pwr={pwr} USD/kWh\n")
    w(f"# models: ln-<pidx>-<psd> lognormal (pidx USD/MWh); curve-C1 = [{' '.join(C1)}] "
      "USD/MWh\n")
    w("case,rig,model,contract,drc,S,quantity,value\n")
    warnings = []
    for spec in RIGS:
        rig = Rig(*spec)
        for mname, (kind, *args) in models_for(spec[-1]):
            model = Lognormal(*args) if kind == "ln" else Curve(*args)
            table = {}
            for contract in CONTRACTS:
                for drc in DRCS:
                    case = f"{rig.name}-{mname}-{contract}-drc{drc}"
                    head = f"{case},{rig.name},{mname},{contract},{drc}"
                    w(f"{head},,load_mw,{fmt(rig.mw)}\n")
                    w(f"{head},,q_full,{fmt(rig.q_full)}\n")
                    w(f"{head},,e_full,{fmt(rig.e_full)}\n")
                    for s in PRICES:
                        row = evaluate(rig, model, contract, mpf(drc), mpf(s))
                        table[(contract, drc, s)] = row
                        for q, v in row.items():
                            w(f"{head},{s},{q},{fmt(v)}\n")
            check(rig, mname, model, table, warnings)
    for text in warnings:
        sys.stderr.write(f"warning: {text}\n")


if __name__ == "__main__":
    main()
