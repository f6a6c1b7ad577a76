//! The journal as a Merkle tree (RFC 9162 §2.1, the tree of Certificate
//! Transparency): tree heads, inclusion proofs and consistency proofs, and
//! their verification.
//!
//! Leaf `i` (from 0) is journal entry `i + 1`; its input is that entry's
//! chain digest, which already binds the entry's number, its predecessor
//! and its canonical body ([`super::digest`]):
//!
//! ```text
//! leaf(i)   = SHA-256(0x00 ‖ hash of entry i + 1)
//! node(l,r) = SHA-256(0x01 ‖ l ‖ r)
//! MTH({})   = SHA-256("")
//! ```
//!
//! A tree is read through [`Subtrees`], which answers the hash of a
//! *perfect* subtree (2^k leaves starting at a multiple of 2^k); every
//! other range is split as RFC 9162 splits it. A store keeps the hashes of
//! large perfect subtrees and computes the small ones from the leaves, so a
//! proof in a tree of any size reads O(log n) stored hashes and a bounded
//! number of leaves. [`LeafHashes`] is the whole tree in memory.
//!
//! Verification ([`verify_inclusion`], [`verify_consistency`]) follows RFC
//! 9162 §2.1.3.2 and §2.1.4.2 and needs nothing but the proof.

use super::Digest;
use ring::digest::{Context, SHA256};

/// The root of the empty tree: SHA-256 of nothing.
pub fn empty_root() -> Digest {
    sha256(&[&[]])
}

/// The hash of a leaf whose input is `data`.
pub fn leaf_hash(data: &[u8]) -> Digest {
    sha256(&[&[0x00], data])
}

/// The hash of an interior node.
pub fn node_hash(left: &Digest, right: &Digest) -> Digest {
    sha256(&[&[0x01], &left.0, &right.0])
}

fn sha256(parts: &[&[u8]]) -> Digest {
    let mut ctx = Context::new(&SHA256);
    for p in parts {
        ctx.update(p);
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(ctx.finish().as_ref());
    Digest(out)
}

/// The largest power of two below `n` (for `n ≥ 2`): where RFC 9162 splits
/// a range of `n` leaves.
fn split(n: u64) -> u64 {
    let below = n.saturating_sub(1).max(1);
    1u64 << (63 - below.leading_zeros())
}

/// Where the hashes of perfect subtrees come from.
pub trait Subtrees {
    /// Why a hash could not be read.
    type Error;

    /// The hash of the perfect subtree of `size` leaves (a power of two)
    /// starting at leaf `start` (a multiple of `size`).
    ///
    /// # Errors
    /// When the hash cannot be read.
    fn perfect(&mut self, start: u64, size: u64) -> Result<Digest, Self::Error>;
}

/// MTH of the `size` leaves from `start` (any range RFC 9162's recursion
/// produces: a perfect subtree, or the right edge of the tree).
///
/// # Errors
/// The source's.
pub fn range_hash<S: Subtrees + ?Sized>(
    src: &mut S,
    start: u64,
    size: u64,
) -> Result<Digest, S::Error> {
    if size == 0 {
        return Ok(empty_root());
    }
    if size.is_power_of_two() {
        return src.perfect(start, size);
    }
    let k = split(size);
    let left = src.perfect(start, k)?;
    let right = range_hash(src, start.saturating_add(k), size - k)?;
    Ok(node_hash(&left, &right))
}

/// The tree head (root hash) of the first `size` leaves.
///
/// # Errors
/// The source's.
pub fn root<S: Subtrees + ?Sized>(src: &mut S, size: u64) -> Result<Digest, S::Error> {
    range_hash(src, 0, size)
}

/// What is wrong with a proof request or a proof.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::coded::Coded::message_en(self))]
#[non_exhaustive]
pub enum ProofError {
    /// The leaf is not in a tree of that size, or the sizes are out of order.
    OutOfRange,
    /// The proof has the wrong number of hashes for the sizes it claims.
    WrongLength,
    /// The proof does not lead to the expected root (or its entry's body
    /// is not the entry's).
    RootMismatch,
}

impl crate::coded::Coded for ProofError {
    fn code(&self) -> &'static str {
        match self {
            Self::OutOfRange => "proof.out_of_range",
            Self::WrongLength => "proof.wrong_length",
            Self::RootMismatch => "proof.root_mismatch",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::OutOfRange => {
                "записи нет в журнале такого размера, или размеры идут не по порядку"
            }
            Self::WrongLength => "в доказательстве не то число хешей для этих размеров",
            Self::RootMismatch => "доказательство не ведёт к ожидаемому корню дерева журнала",
        }
        .into()
    }

    fn message_en(&self) -> String {
        match self {
            Self::OutOfRange => {
                "the entry is not in a journal of that size, or the sizes are out of order"
            }
            Self::WrongLength => "the proof has the wrong number of hashes for those sizes",
            Self::RootMismatch => {
                "the proof does not lead to the expected root of the journal's tree"
            }
        }
        .into()
    }
}

/// The inclusion proof (audit path) of leaf `index` in the tree of `size`
/// leaves, RFC 9162 §2.1.3.1, from the leaf upwards.
///
/// # Errors
/// [`ProofError::OutOfRange`] when `index ≥ size`; the source's errors.
pub fn inclusion_proof<S: Subtrees + ?Sized>(
    src: &mut S,
    index: u64,
    size: u64,
) -> Result<Result<Vec<Digest>, ProofError>, S::Error> {
    if index >= size {
        return Ok(Err(ProofError::OutOfRange));
    }
    let mut path = Vec::new();
    // Walk down from the root, collecting the sibling of each side taken;
    // the path is read leaf-first, so it is reversed at the end.
    let (mut start, mut n, mut m) = (0u64, size, index);
    while n > 1 {
        let k = split(n);
        if m < k {
            path.push(range_hash(src, start + k, n - k)?);
            n = k;
        } else {
            path.push(src.perfect(start, k)?);
            start += k;
            m -= k;
            n -= k;
        }
    }
    path.reverse();
    Ok(Ok(path))
}

/// The consistency proof between the tree of `old` leaves and the tree of
/// `new` leaves, RFC 9162 §2.1.4.1.
///
/// # Errors
/// [`ProofError::OutOfRange`] when `old > new`; the source's errors.
pub fn consistency_proof<S: Subtrees + ?Sized>(
    src: &mut S,
    old: u64,
    new: u64,
) -> Result<Result<Vec<Digest>, ProofError>, S::Error> {
    if old > new {
        return Ok(Err(ProofError::OutOfRange));
    }
    if old == 0 || old == new {
        return Ok(Ok(Vec::new()));
    }
    // SUBPROOF(m, D[start:start+n], b), unrolled: every step adds one hash
    // to the front-to-back proof in the order RFC 9162 lists them, so they
    // are collected and reversed.
    let mut proof = Vec::new();
    let (mut start, mut n, mut m, mut complete) = (0u64, new, old, true);
    loop {
        if m == n {
            if !complete {
                proof.push(range_hash(src, start, n)?);
            }
            break;
        }
        let k = split(n);
        if m <= k {
            proof.push(range_hash(src, start + k, n - k)?);
            n = k;
        } else {
            proof.push(src.perfect(start, k)?);
            start += k;
            m -= k;
            n -= k;
            complete = false;
        }
    }
    proof.reverse();
    Ok(Ok(proof))
}

/// Checks that `leaf` (a leaf hash) is leaf `index` of the tree of `size`
/// leaves whose root is `root`, RFC 9162 §2.1.3.2.
///
/// # Errors
/// Why the proof fails.
pub fn verify_inclusion(
    index: u64,
    size: u64,
    leaf: &Digest,
    proof: &[Digest],
    root: &Digest,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::OutOfRange);
    }
    let (mut f_n, mut s_n) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s_n == 0 {
            return Err(ProofError::WrongLength);
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    if s_n != 0 {
        return Err(ProofError::WrongLength);
    }
    if r != *root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// Checks that the tree of `old` leaves with root `old_root` is a prefix
/// of the tree of `new` leaves with root `new_root`, RFC 9162 §2.1.4.2.
///
/// # Errors
/// Why the proof fails.
pub fn verify_consistency(
    old: u64,
    new: u64,
    old_root: &Digest,
    new_root: &Digest,
    proof: &[Digest],
) -> Result<(), ProofError> {
    if old > new {
        return Err(ProofError::OutOfRange);
    }
    if old == new {
        return match (proof.is_empty(), old_root == new_root) {
            (false, _) => Err(ProofError::WrongLength),
            (true, true) => Ok(()),
            (true, false) => Err(ProofError::RootMismatch),
        };
    }
    if old == 0 {
        // The empty tree is a prefix of every tree.
        return if proof.is_empty() {
            Ok(())
        } else {
            Err(ProofError::WrongLength)
        };
    }
    let (first, rest): (Digest, &[Digest]) = if old.is_power_of_two() {
        (*old_root, proof)
    } else {
        match proof.split_first() {
            Some((first, rest)) => (*first, rest),
            None => return Err(ProofError::WrongLength),
        }
    };
    let (mut f_n, mut s_n) = (old - 1, new - 1);
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    let (mut fr, mut sr) = (first, first);
    for c in rest {
        if s_n == 0 {
            return Err(ProofError::WrongLength);
        }
        if f_n & 1 == 1 || f_n == s_n {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    if s_n != 0 {
        return Err(ProofError::WrongLength);
    }
    if fr != *old_root || sr != *new_root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// A whole tree in memory: the leaf hashes, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeafHashes(pub Vec<Digest>);

impl Subtrees for LeafHashes {
    type Error = ProofError;

    fn perfect(&mut self, start: u64, size: u64) -> Result<Digest, ProofError> {
        let from = usize::try_from(start).map_err(|_| ProofError::OutOfRange)?;
        let to = usize::try_from(start.saturating_add(size)).map_err(|_| ProofError::OutOfRange)?;
        let leaves = self.0.get(from..to).ok_or(ProofError::OutOfRange)?;
        Ok(perfect_hash(leaves))
    }
}

/// The root of a perfect run of leaf hashes (a power of two of them),
/// computed level by level; any other count is hashed as RFC 9162 splits it.
pub fn perfect_hash(leaves: &[Digest]) -> Digest {
    match leaves {
        [] => empty_root(),
        [one] => *one,
        _ => {
            let k = usize::try_from(split(leaves.len() as u64)).unwrap_or(leaves.len());
            let (left, right) = leaves.split_at(k.min(leaves.len()));
            node_hash(&perfect_hash(left), &perfect_hash(right))
        }
    }
}

/// Stores keep the hashes of perfect subtrees of at least 2^`STORED_LEVEL`
/// leaves (256): one stored hash per 128 entries, so a proof reads at most
/// about 255 leaves of one block besides O(log n) stored hashes.
pub const STORED_LEVEL: u32 = 8;

/// How many stored hashes a tree of `size` leaves has: one per perfect
/// subtree of 2^`STORED_LEVEL` leaves or more.
pub fn stored_node_count(size: u64) -> u64 {
    (STORED_LEVEL..64).map(|level| size >> level).sum()
}

/// The right edge of a tree being grown leaf by leaf (a compact range): the
/// perfect subtrees it is made of, largest first. It gives the root of the
/// leaves so far and every perfect subtree as it completes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frontier {
    size: u64,
    /// (level, hash) of each perfect subtree on the right edge.
    edge: Vec<(u32, Digest)>,
}

/// A perfect subtree completed by a leaf: its level (2^level leaves), its
/// index among the subtrees of that level, and its hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completed {
    /// 2^level leaves.
    pub level: u32,
    /// Which subtree of that level, from 0.
    pub index: u64,
    /// Its hash.
    pub hash: Digest,
}

impl Frontier {
    /// An empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many leaves so far.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Adds a leaf hash; `each` is told of every perfect subtree of at least
    /// 2^`min_level` leaves it completes, smallest first.
    pub fn push(&mut self, leaf: Digest, min_level: u32, each: &mut dyn FnMut(Completed)) {
        self.size = self.size.saturating_add(1);
        let mut current = (0u32, leaf);
        while let Some(&(level, left)) = self.edge.last() {
            if level != current.0 {
                break;
            }
            self.edge.pop();
            current = (level + 1, node_hash(&left, &current.1));
            if current.0 >= min_level {
                each(Completed {
                    level: current.0,
                    index: (self.size >> current.0).saturating_sub(1),
                    hash: current.1,
                });
            }
        }
        self.edge.push(current);
    }

    /// The root of the leaves so far.
    pub fn root(&self) -> Digest {
        let mut it = self.edge.iter().rev();
        let Some(&(_, mut acc)) = it.next() else {
            return empty_root();
        };
        for (_, left) in it {
            acc = node_hash(left, &acc);
        }
        acc
    }
}
