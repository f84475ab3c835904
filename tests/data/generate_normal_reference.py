"""Reference values of the standard normal distribution function N(x) for src/domain/pricing/normal.rs.

    python3 -m pip install mpmath
    python3 tests/data/generate_normal_reference.py > tests/data/normal_cdf_reference.csv

x runs over [-37, 37] in steps of 1/16, plus the same grid shifted by 1/(16*pi) (doubles
with full mantissas); N(x) is evaluated at 50 digits from the double x exactly and written to
17 significant digits.
"""
import sys
from mpmath import mp, mpf, ncdf
mp.dps = 50
print("# x, N(x) to 17 significant digits: mpmath %s at 50 digits, x taken exactly as the double written" % __import__("mpmath").__version__)
print("x,cdf")
k = -37*16
while k <= 37*16:
    for off in (0.0, 0.3183098861837907):
        x = (k + off) / 16.0
        if abs(x) <= 37.0:
            print("%r,%s" % (x, mp.nstr(ncdf(mpf(x)), 17, min_fixed=-1, max_fixed=-1)))
    k += 1
