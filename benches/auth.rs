//! Benchmarks of authentication.
fn main() {}
