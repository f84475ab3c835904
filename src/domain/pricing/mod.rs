//! Option pricing: Black–Scholes–Merton, Black-76, Greeks, implied volatility.
