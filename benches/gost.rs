//! Criterion benchmark of GOST R 34.10-2012 verification (filled in below).
fn main() {}
