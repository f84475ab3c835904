//! Collars: zero-cost strike solver and required floors.
