//! The journal's Merkle tree against RFC 6962/9162's published vectors: the
//! eight-leaf reference tree of Certificate Transparency (the roots of every
//! size, the inclusion and consistency proofs its reference implementations
//! check), then every proof of every tree up to 70 leaves generated and
//! verified, and every corruption of them refused.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kabinet::journal::merkle::{
    consistency_proof, empty_root, inclusion_proof, leaf_hash, root, verify_consistency,
    verify_inclusion, LeafHashes, ProofError,
};
use kabinet::journal::Digest;

/// The reference leaves' inputs.
const LEAVES: [&str; 8] = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
];

/// The roots of the trees of 1..=8 of those leaves.
const ROOTS: [&str; 8] = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

/// (leaf number from 1, tree size, audit path).
const INCLUSION: [(u64, u64, &[&str]); 4] = [
    (
        1,
        8,
        &[
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        &[
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        3,
        3,
        &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
    ),
    (
        2,
        5,
        &[
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
];

/// (old size, new size, proof).
const CONSISTENCY: [(u64, u64, &[&str]); 3] = [
    (
        1,
        8,
        &[
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        &[
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        &[
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
];

fn d(hex: &str) -> Digest {
    Digest::from_hex(hex).unwrap()
}

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

fn reference() -> LeafHashes {
    LeafHashes(LEAVES.iter().map(|l| leaf_hash(&bytes(l))).collect())
}

fn tree(n: u64) -> LeafHashes {
    LeafHashes((0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect())
}

#[test]
fn the_reference_roots_are_reproduced() {
    let mut t = reference();
    assert_eq!(
        root(&mut t, 0).unwrap(),
        d("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    );
    assert_eq!(root(&mut t, 0).unwrap(), empty_root());
    for (n, expected) in ROOTS.iter().enumerate() {
        assert_eq!(
            root(&mut t, n as u64 + 1).unwrap(),
            d(expected),
            "size {}",
            n + 1
        );
    }
}

#[test]
fn the_reference_inclusion_proofs_are_produced_and_verify() {
    let mut t = reference();
    for (leaf, size, path) in INCLUSION {
        let expected: Vec<Digest> = path.iter().map(|h| d(h)).collect();
        let made = inclusion_proof(&mut t, leaf - 1, size).unwrap().unwrap();
        assert_eq!(made, expected, "leaf {leaf} of {size}");
        let leaf_h = t.0[leaf as usize - 1];
        let r = d(ROOTS[size as usize - 1]);
        verify_inclusion(leaf - 1, size, &leaf_h, &expected, &r).unwrap();
        // Another leaf, another size, another root: refused.
        assert!(verify_inclusion(leaf % size, size, &leaf_h, &expected, &r).is_err() || size == 1);
        assert!(verify_inclusion(leaf - 1, size * 2, &leaf_h, &expected, &r).is_err());
        assert_eq!(
            verify_inclusion(leaf - 1, size, &leaf_h, &expected, &empty_root()),
            Err(ProofError::RootMismatch)
        );
    }
}

#[test]
fn the_reference_consistency_proofs_are_produced_and_verify() {
    let mut t = reference();
    for (old, new, path) in CONSISTENCY {
        let expected: Vec<Digest> = path.iter().map(|h| d(h)).collect();
        let made = consistency_proof(&mut t, old, new).unwrap().unwrap();
        assert_eq!(made, expected, "{old} → {new}");
        let (r1, r2) = (d(ROOTS[old as usize - 1]), d(ROOTS[new as usize - 1]));
        verify_consistency(old, new, &r1, &r2, &expected).unwrap();
        assert!(verify_consistency(old, new, &r2, &r1, &expected).is_err());
        assert!(verify_consistency(old, new, &r1, &r2, &[]).is_err());
    }
}

#[test]
fn the_edge_cases_of_the_reference_verifiers() {
    let (r1, r2) = (d(ROOTS[0]), d(ROOTS[1]));
    // Always consistent: empty with anything, equal sizes with equal roots.
    verify_consistency(0, 0, &r1, &r1, &[]).unwrap();
    verify_consistency(0, 1, &r1, &r2, &[]).unwrap();
    verify_consistency(1, 1, &r2, &r2, &[]).unwrap();
    // Different roots of one size, time travel, a missing proof.
    assert!(verify_consistency(1, 1, &r1, &r2, &[]).is_err());
    assert!(verify_consistency(1, 0, &r1, &r2, &[]).is_err());
    assert!(verify_consistency(2, 1, &r1, &r2, &[]).is_err());
    assert!(verify_consistency(1, 2, &r1, &r2, &[]).is_err());
    // Equal roots but a proof where none belongs.
    let e = empty_root();
    assert!(verify_consistency(0, 0, &e, &e, &[e]).is_err());
    assert!(verify_consistency(1, 1, &e, &e, &[e]).is_err());
    // A leaf outside the tree.
    for (index, size) in [(0, 0), (1, 0), (2, 1)] {
        assert_eq!(
            verify_inclusion(index, size, &r1, &[], &e),
            Err(ProofError::OutOfRange)
        );
    }
    // A one-leaf tree: the leaf is the root, the proof is empty.
    verify_inclusion(0, 1, &r1, &[], &r1).unwrap();
    assert!(verify_inclusion(0, 1, &r1, &[], &r2).is_err());
}

/// Every proof the tree produces verifies; every bit flipped, hash removed,
/// hash added or index moved is refused.
#[test]
fn every_generated_proof_verifies_and_every_corruption_fails() {
    let mut big = tree(70);
    let roots: Vec<Digest> = (0..=70).map(|n| root(&mut big, n).unwrap()).collect();
    for size in 1..=70u64 {
        let r = roots[size as usize];
        for index in 0..size {
            let leaf = big.0[index as usize];
            let proof = inclusion_proof(&mut big, index, size).unwrap().unwrap();
            verify_inclusion(index, size, &leaf, &proof, &r).unwrap();
            for i in 0..proof.len() {
                let mut bad = proof.clone();
                bad[i].0[0] ^= 8;
                assert!(verify_inclusion(index, size, &leaf, &bad, &r).is_err());
            }
            if !proof.is_empty() {
                let short = &proof[..proof.len() - 1];
                assert!(verify_inclusion(index, size, &leaf, short, &r).is_err());
            }
            let mut long = proof.clone();
            long.push(r);
            assert!(verify_inclusion(index, size, &leaf, &long, &r).is_err());
            if size > 1 {
                let other = (index + 1) % size;
                assert!(verify_inclusion(other, size, &leaf, &proof, &r).is_err());
            }
        }
        for old in 0..=size {
            let proof = consistency_proof(&mut big, old, size).unwrap().unwrap();
            let r1 = roots[old as usize];
            verify_consistency(old, size, &r1, &r, &proof).unwrap();
            for i in 0..proof.len() {
                let mut bad = proof.clone();
                bad[i].0[0] ^= 16;
                assert!(verify_consistency(old, size, &r1, &r, &bad).is_err());
            }
            if !proof.is_empty() {
                let short = &proof[..proof.len() - 1];
                assert!(verify_consistency(old, size, &r1, &r, short).is_err());
                let mut long = proof.clone();
                long.push(r1);
                assert!(verify_consistency(old, size, &r1, &r, &long).is_err());
                assert!(verify_consistency(old, size, &r, &r1, &proof).is_err());
            }
        }
    }
    assert_eq!(
        inclusion_proof(&mut big, 5, 5).unwrap(),
        Err(ProofError::OutOfRange)
    );
    assert_eq!(
        consistency_proof(&mut big, 6, 5).unwrap(),
        Err(ProofError::OutOfRange)
    );
}
