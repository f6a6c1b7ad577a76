//! `kabinet db checkpoint|checkpoint-key|prove|check-proof` and the
//! checkpoints of `kabinet db verify`: the journal as a transparency log.
//!
//! - `kabinet db checkpoint-key <file>` writes a new Ed25519 signing key
//!   (PKCS#8) and prints its public key; keep it away from the database.
//! - `kabinet db checkpoint <db> --key <file> [--at <time>]` verifies the
//!   whole journal and prints a signed checkpoint (JSON); keep it elsewhere.
//! - `kabinet db verify <db> --checkpoint <file>… [--trusted-key <hex>]`
//!   also proves the journal extends each checkpoint.
//! - `kabinet db prove <db> <seq> [--size <n>]` prints the inclusion proof
//!   of one entry (JSON); `kabinet db check-proof <proof> [--checkpoint
//!   <file>]` checks one without the database.
//!
//! Exit codes: 0 ok, 1 a proof or the journal fails, 2 usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kabinet::audit;
use kabinet::bounded_read::read_capped;
use kabinet::journal::checkpoint::{CheckpointKey, InclusionProof, SignedCheckpoint};
use kabinet::Coded;

/// The largest checkpoint, key or proof file read (a proof of a journal of
/// 2^64 entries is under 5 KB plus its entry).
const MAX_FILE: usize = 4 << 20;

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ExitCode> {
    let bytes = read_capped(path, MAX_FILE)
        .map_err(|e| crate::fail(e.code(), format!("{}: {}", path.display(), e.message_en())))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| crate::fail("checkpoint.malformed", format!("{}: {e}", path.display())))
}

/// Reads checkpoint files.
pub fn read_checkpoints(paths: &[PathBuf]) -> Result<Vec<SignedCheckpoint>, ExitCode> {
    paths.iter().map(|p| read_json(p)).collect()
}

/// `db checkpoint-key`.
pub fn new_key(out: &Path) -> ExitCode {
    let key = audit::new_checkpoint_key()
        .and_then(|pkcs8| CheckpointKey::from_pkcs8(&pkcs8).map(|key| (pkcs8, key)));
    let (pkcs8, key) = match key {
        Ok(k) => k,
        Err(e) => return crate::fail_coded(&e),
    };
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .and_then(|mut f| {
            use std::io::Write;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
            }
            f.write_all(&pkcs8)
        });
    match written {
        Ok(()) => {
            println!("{}", key.public_key());
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail("file.io", format!("{}: {e}", out.display())),
    }
}

/// `db checkpoint`.
pub fn checkpoint(path: &Path, key: &Path, at: Option<kabinet::Timestamp>) -> ExitCode {
    let der = match read_capped(key, MAX_FILE) {
        Ok(d) => d,
        Err(e) => return crate::fail(e.code(), format!("{}: {}", key.display(), e.message_en())),
    };
    let key = match CheckpointKey::from_pkcs8(&der) {
        Ok(k) => k,
        Err(e) => return crate::fail_coded(&e),
    };
    let store = match crate::db::open_existing(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let at = at.unwrap_or_else(kabinet::Kabinet::now);
    match audit::sign_checkpoint(&*store, &key, at) {
        Ok(Ok(signed)) => match serde_json::to_string_pretty(&signed) {
            Ok(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => crate::fail("output.json", e),
        },
        Ok(Err(e)) => {
            println!(
                "broken at entry {} [{}]: {} / {}",
                e.seq,
                e.code(),
                e.message_en(),
                e.message_ru()
            );
            ExitCode::from(1)
        }
        Err(e) => crate::fail_coded(&e),
    }
}

/// `db prove`.
pub fn prove(path: &Path, seq: u64, size: Option<u64>) -> ExitCode {
    let store = match crate::db::open_existing(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let size = match size {
        Some(s) => s,
        None => match store.entry_count() {
            Ok(n) => n,
            Err(e) => return crate::fail_coded(&e),
        },
    };
    match audit::prove_entry(&*store, seq, size) {
        Ok(Ok(proof)) => match serde_json::to_string_pretty(&proof) {
            Ok(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => crate::fail("output.json", e),
        },
        Ok(Err(e)) => crate::fail(
            e.code(),
            format!("entry {seq} of {size}: {}", e.message_en()),
        ),
        Err(e) => crate::fail_coded(&e),
    }
}

/// `db check-proof`: 0 the proof holds (and leads to the checkpoint), 1 it
/// does not, 2 unreadable files.
pub fn check_proof(
    proof: &Path,
    checkpoint: Option<&Path>,
    trusted: Option<&str>,
    json: bool,
) -> ExitCode {
    let proof: InclusionProof = match read_json(proof) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let signed: Option<SignedCheckpoint> = match checkpoint.map(read_json).transpose() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let refusal = match proof.verify() {
        Err(e) => Some((e.code(), e.message_en(), e.message_ru())),
        Ok(()) => match signed.map(|s| s.verify(trusted)) {
            Some(Err(e)) => Some((e.code(), e.message_en(), e.message_ru())),
            Some(Ok(cp)) if cp.size != proof.size || cp.root != proof.root => Some((
                "proof.other_checkpoint",
                format!(
                    "the proof is in the journal of {} entries, the checkpoint is of {} with another root",
                    proof.size, cp.size
                ),
                format!(
                    "доказательство относится к журналу из {} записей, контрольная точка — к журналу из {} с другим корнем",
                    proof.size, cp.size
                ),
            )),
            _ => None,
        },
    };
    if json {
        let mut v = serde_json::json!({
            "valid": refusal.is_none(),
            "seq": proof.seq,
            "size": proof.size,
            "root": proof.root.to_string(),
        });
        if let (Some((code, en, ru)), Some(o)) = (&refusal, v.as_object_mut()) {
            o.insert("code".into(), (*code).into());
            o.insert("message".into(), en.clone().into());
            o.insert("message_ru".into(), ru.clone().into());
        }
        println!("{v}");
    } else if let Some((code, en, ru)) = &refusal {
        println!("invalid: entry {} [{code}]: {en} / {ru}", proof.seq);
    } else {
        println!(
            "ok: entry {} is in the journal of {} entries, root {}",
            proof.seq, proof.size, proof.root
        );
    }
    ExitCode::from(u8::from(refusal.is_some()))
}
