//! Storage benchmarks.
fn main() {}
