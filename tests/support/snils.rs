//! Valid СНИЛС numbers for generated people, with real check digits. Shared
//! by the integration tests, the benches and the binding's timing example.

/// Valid СНИЛС numbers for the n-th generated person (n < 10,000,000).
pub fn snils_of(n: u32) -> String {
    let base = format!("{:09}", 2_000_000 + n);
    let digits: Vec<u32> = base.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| d * (9 - i as u32))
        .sum();
    let check = match sum {
        s if s < 100 => s,
        100 | 101 => 0,
        s => match s % 101 {
            100 => 0,
            r => r,
        },
    };
    format!("{base}{check:02}")
}
