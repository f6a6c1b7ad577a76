//! `kabinet db …`: a journal database — create it, verify its chain, export it.
//!
//! - `kabinet db init <path>` creates the database (or migrates an older
//!   one) and prints its schema version and number of entries.
//! - `kabinet db verify <path> [--checkpoint <file>…]` checks the whole
//!   hash chain, every column, the Merkle tree, every snapshot (re-derived
//!   by replay) and that the journal extends each checkpoint; exit 0 and
//!   `ok: N entries, head <hash>, root <hash>`, or exit 1 and the first bad
//!   entry with its code and why (see `audit.rs` for the checkpoints).
//! - `kabinet db drop-snapshots <path>` deletes the snapshots (recovery
//!   from an edited one: the next opening replays the journal).
//! - `kabinet db export <path> [--format csv|jsonl] [--actor <n>|system]
//!   [--org <n>] [--kind <kind>] [--from <time>] [--until <time>]` writes
//!   the entries (all, or those selected) to standard output.
//!
//! - `kabinet db backup <source> <dest>` copies a database into one new
//!   self-contained file, while writers go on.
//! - `kabinet db fold-wal <path>` folds the write-ahead log into the file
//!   (done anyway when the last handle closes).
//! - `kabinet db query <path> '<query JSON>' [--at <time>]` answers one
//!   question to the directory (`query.rs`).
//!
//! Every command takes a file or a `postgresql://` URL (with the
//! `postgres` feature); a PostgreSQL database is backed up with its own
//! tools (`pg_dump`), so `db backup` and `db fold-wal` are SQLite's.
//!
//! A file that holds no journal is refused (`store.not_a_journal`), and one
//! copied without its write-ahead log says so.
//!
//! Long operations show a progress bar on a terminal (standard error) and
//! stay quiet when piped. Exit codes: 0 ok, 1 verification failed, 2 usage
//! (including a missing database or one that cannot be read).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use kabinet::journal::{export, Filter};
use kabinet::store::{open_store, Opening, Store};
use kabinet::AccountCommand;
use kabinet::{Coded, Command, Context, Kabinet};

/// Commands on a journal database.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Create a database, or migrate an older one to the current schema.
    Init {
        /// The database: an SQLite file or a `postgresql://` URL.
        path: PathBuf,
        /// Print `{"schema_version": …, "entries": …}`.
        #[arg(long)]
        json: bool,
    },
    /// Verify the hash chain of the whole journal, every column, the
    /// Merkle tree, and that the journal extends each checkpoint given.
    Verify {
        /// The database: an SQLite file or a `postgresql://` URL.
        path: PathBuf,
        /// A signed checkpoint kept elsewhere (`kabinet db checkpoint`);
        /// may be repeated.
        #[arg(long)]
        checkpoint: Vec<PathBuf>,
        /// The public key (hex) every checkpoint must be signed with.
        #[arg(long)]
        trusted_key: Option<String>,
        /// Print the verdict as one JSON object (`verdict`: `intact` or
        /// `broken`, with the entry, code and messages).
        #[arg(long)]
        json: bool,
    },
    /// Delete every snapshot, so that the next opening replays the whole
    /// journal (the recovery from an edited snapshot, `journal.snapshot`).
    DropSnapshots {
        /// The database: an SQLite file or a `postgresql://` URL.
        path: PathBuf,
    },
    /// Write a new Ed25519 checkpoint signing key (PKCS#8) and print its
    /// public key.
    CheckpointKey {
        /// The new key file (never overwritten).
        out: PathBuf,
    },
    /// Verify the journal and print a checkpoint of it signed with the key.
    Checkpoint {
        /// The database: an SQLite file or a `postgresql://` URL.
        path: PathBuf,
        /// The signing key (PKCS#8), kept away from the database.
        #[arg(long)]
        key: PathBuf,
        /// The checkpoint's time (RFC 3339; now by default).
        #[arg(long)]
        at: Option<kabinet::Timestamp>,
    },
    /// Print the proof that one entry is in the journal.
    Prove {
        /// The database: an SQLite file or a `postgresql://` URL.
        path: PathBuf,
        /// The entry's number.
        seq: u64,
        /// The size of the journal to prove it in (its current size by
        /// default; a checkpoint's size to check it against that).
        #[arg(long)]
        size: Option<u64>,
    },
    /// Check an entry's proof without the database.
    CheckProof {
        /// The proof (`kabinet db prove`).
        proof: PathBuf,
        /// A signed checkpoint the proof must lead to.
        #[arg(long)]
        checkpoint: Option<PathBuf>,
        /// The public key (hex) the checkpoint must be signed with.
        #[arg(long)]
        trusted_key: Option<String>,
        /// Print the verdict as one JSON object (`valid`, `seq`, `size`,
        /// `root`, and the code and messages of a refusal).
        #[arg(long)]
        json: bool,
    },
    /// Export the journal to standard output.
    Export(ExportArgs),
    /// Copy a database into one new self-contained file (SQLite's online
    /// backup: writers may go on meanwhile).
    Backup {
        /// The database to copy.
        source: PathBuf,
        /// The new file (never overwritten).
        dest: PathBuf,
    },
    /// Answer one question to the directory, given in its JSON form
    /// (`{"query": "powers_issued_by", "organization": 7}`), as JSON.
    Query {
        /// The database: an SQLite file or a `postgresql://` URL.
        path: PathBuf,
        /// The query in its JSON form.
        query: String,
        /// The time the question is asked (RFC 3339; now by default).
        #[arg(long)]
        at: Option<kabinet::Timestamp>,
    },
    /// Fold the write-ahead log into the database file, so the file alone
    /// holds every committed entry.
    FoldWal {
        /// The database: an SQLite file or a `postgresql://` URL.
        path: PathBuf,
    },
    /// Execute commands in a loop, printing each committed sequence number
    /// (used by the crash tests).
    #[command(hide = true)]
    WriteLoop {
        /// The database: an SQLite file or a `postgresql://` URL.
        path: PathBuf,
        /// How many commands to execute.
        #[arg(long, default_value_t = u64::MAX)]
        count: u64,
        /// Take a snapshot every this many entries.
        #[arg(long, default_value_t = 25)]
        snapshot_every: u64,
    },
}

/// Arguments of `kabinet db export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The database: an SQLite file or a `postgresql://` URL.
    path: PathBuf,
    /// The format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Only entries of this account (`system` for the portal itself).
    #[arg(long)]
    actor: Option<String>,
    /// Only entries concerning this organization.
    #[arg(long)]
    org: Option<u64>,
    /// Only entries of this command or event kind (`assign_role`, `role_assigned`).
    #[arg(long)]
    kind: Option<String>,
    /// Only entries at or after this time (RFC 3339).
    #[arg(long)]
    from: Option<kabinet::Timestamp>,
    /// Only entries before this time (RFC 3339).
    #[arg(long)]
    until: Option<kabinet::Timestamp>,
}

impl ExportArgs {
    /// The filter the options describe; `None` for an actor that is neither
    /// a number nor `system`.
    fn filter(&self) -> Option<Filter> {
        let actor = match self.actor.as_deref() {
            None => None,
            Some("system") => Some(kabinet::Actor::System),
            Some(n) => Some(kabinet::Actor::Account(kabinet::AccountId(n.parse().ok()?))),
        };
        Some(Filter {
            actor,
            organization: self.org.map(kabinet::OrgId),
            kind: self.kind.clone(),
            from: self.from,
            until: self.until,
        })
    }
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// CSV (RFC 4180) with a header line.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Runs a `db` command.
pub fn run(command: DbCommand) -> ExitCode {
    match command {
        DbCommand::Init { path, json } => init(&path, json),
        DbCommand::Verify {
            path,
            checkpoint,
            trusted_key,
            json,
        } => verify(&path, &checkpoint, trusted_key.as_deref(), json),
        DbCommand::DropSnapshots { path } => on_store(
            &path,
            |store| store.drop_snapshots().map(|_| ()),
            || "every snapshot is deleted: the next opening replays the journal".to_owned(),
        ),
        DbCommand::CheckpointKey { out } => crate::audit::new_key(&out),
        DbCommand::Checkpoint { path, key, at } => crate::audit::checkpoint(&path, &key, at),
        DbCommand::Prove { path, seq, size } => crate::audit::prove(&path, seq, size),
        DbCommand::CheckProof {
            proof,
            checkpoint,
            trusted_key,
            json,
        } => crate::audit::check_proof(&proof, checkpoint.as_deref(), trusted_key.as_deref(), json),
        DbCommand::Export(args) => export_all(&args),
        DbCommand::Backup { source, dest } => backup(&source, &dest),
        DbCommand::FoldWal { path } => fold_wal(&path),
        DbCommand::Query { path, query, at } => crate::query::run(&path, &query, at),
        DbCommand::WriteLoop {
            path,
            count,
            snapshot_every,
        } => write_loop(&path, count, snapshot_every),
    }
}

/// Opens an existing database (a file, or a `postgresql://` URL); a missing
/// file is a usage error.
pub fn open_existing(target: &Path) -> Result<Box<dyn Store>, ExitCode> {
    let url = target.to_str().is_some_and(|t| t.contains("://"));
    if !url && !target.is_file() {
        return Err(crate::fail(
            "store.not_found",
            format!("no database at {}", target.display()),
        ));
    }
    open_store(target, Opening::Existing).map_err(|e| crate::fail_coded(&e))
}

/// A progress bar on standard error; drawn only on a terminal.
pub fn progress(len: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({per_sec})") {
        bar.set_style(style);
    }
    bar.set_message(what.to_owned());
    bar
}

fn init(path: &Path, json: bool) -> ExitCode {
    match open_store(path, Opening::CreateOrMigrate) {
        Ok(store) => {
            let version = store.schema_version().unwrap_or(0);
            let entries = store.entry_count().unwrap_or(0);
            if json {
                println!(
                    "{}",
                    serde_json::json!({ "schema_version": version, "entries": entries })
                );
                return ExitCode::SUCCESS;
            }
            println!(
                "{}: schema version {version}, {entries} journal entries",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail_coded(&e),
    }
}

fn verify(path: &Path, checkpoints: &[PathBuf], trusted: Option<&str>, json: bool) -> ExitCode {
    let checkpoints = match crate::audit::read_checkpoints(checkpoints) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let store = match open_existing(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let bar = progress(store.entry_count().unwrap_or(0), "verifying");
    let result =
        kabinet::audit::verify_against_checkpoints(&*store, &checkpoints, trusted, &mut |n| {
            bar.set_position(n)
        });
    bar.finish_and_clear();
    let result = match result {
        Ok(Ok(found)) => {
            let bar = progress(found.0.seq, "checking snapshots");
            let snapshots =
                kabinet::audit::verify_snapshots(&*store, &kabinet::Policy::default(), &mut |n| {
                    bar.set_position(n)
                });
            bar.finish_and_clear();
            match snapshots {
                Ok(Ok(_)) => Ok(Ok(found)),
                Ok(Err(e)) => Ok(Err(kabinet::journal::checkpoint::AuditError::Journal(e))),
                Err(e) => Err(e),
            }
        }
        other => other,
    };
    let (report, code) = match result {
        Ok(Ok((head, root))) => (
            Verdict::Intact {
                entries: head.seq,
                head: head.hash.to_string(),
                root: root.to_string(),
                checkpoints: checkpoints.len(),
            },
            ExitCode::SUCCESS,
        ),
        Ok(Err(e)) => {
            let seq = match &e {
                kabinet::journal::checkpoint::AuditError::Journal(v) => Some(v.seq),
                _ => None,
            };
            let verdict = Verdict::Broken {
                seq,
                code: e.code().to_owned(),
                message_ru: e.message_ru(),
                message_en: e.message_en(),
            };
            (verdict, ExitCode::from(1))
        }
        Err(e) => return crate::fail_coded(&e),
    };
    if json {
        match serde_json::to_string(&report) {
            Ok(line) => println!("{line}"),
            Err(e) => return crate::fail("output.json", e),
        }
    } else {
        println!("{report}");
    }
    code
}

/// What `db verify` found, as text or (`--json`) one JSON object.
#[derive(serde::Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
enum Verdict {
    /// Everything holds.
    Intact {
        entries: u64,
        head: String,
        root: String,
        checkpoints: usize,
    },
    /// The first thing that does not, with its code.
    Broken {
        seq: Option<u64>,
        code: String,
        message_ru: String,
        message_en: String,
    },
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Intact {
                entries,
                head,
                root,
                checkpoints,
            } => {
                write!(f, "ok: {entries} entries, head {head}, root {root}")?;
                if *checkpoints > 0 {
                    write!(f, ", extends {checkpoints} checkpoint(s)")?;
                }
                Ok(())
            }
            Self::Broken {
                seq: Some(seq),
                code,
                message_ru,
                message_en,
            } => write!(
                f,
                "broken at entry {seq} [{code}]: {message_en} / {message_ru}"
            ),
            Self::Broken {
                seq: None,
                code,
                message_ru,
                message_en,
            } => write!(
                f,
                "checkpoint refused [{code}]: {message_en} / {message_ru}"
            ),
        }
    }
}

fn backup(source: &Path, dest: &Path) -> ExitCode {
    on_store(
        source,
        |store| store.backup_to(dest),
        || format!("backed up {} to {}", source.display(), dest.display()),
    )
}

fn fold_wal(path: &Path) -> ExitCode {
    on_store(
        path,
        |store| store.fold_log(),
        || {
            format!(
                "the write-ahead log of {} is folded into it",
                path.display()
            )
        },
    )
}

/// Runs one store operation on an existing database: its line on success
/// (exit 0), `error: CODE: message` otherwise (exit 2).
fn on_store(
    path: &Path,
    operation: impl FnOnce(&dyn Store) -> Result<(), kabinet::store::StoreError>,
    done: impl FnOnce() -> String,
) -> ExitCode {
    let store = match open_existing(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match operation(&*store) {
        Ok(()) => {
            println!("{}", done());
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail_coded(&e),
    }
}

fn export_all(args: &ExportArgs) -> ExitCode {
    let store = match open_existing(&args.path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let Some(filter) = args.filter() else {
        return crate::fail("usage.actor", "--actor takes an account number or `system`");
    };
    let bar = progress(store.entry_count().unwrap_or(0), "exporting");
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = None;
    if let Format::Csv = args.format {
        failed = writeln!(out, "{}", export::CSV_HEADER).err();
    }
    let scanned = store.scan(&filter, &mut |entry| {
        let line = match args.format {
            Format::Csv => export::csv_row(&entry),
            Format::Jsonl => export::json_line(&entry),
        };
        bar.inc(1);
        match writeln!(out, "{line}") {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    });
    bar.finish_and_clear();
    if let Err(e) = scanned {
        return crate::fail_coded(&e);
    }
    match failed.or_else(|| out.flush().err()) {
        // A closed pipe (`| head`) ends the export quietly, a full disk
        // with the error: as every `println!` of the tool.
        Some(e) => crate::output::closed(&e),
        None => ExitCode::SUCCESS,
    }
}

/// Registers accounts (and, every fifth time, tries a command that is
/// refused) and prints each committed sequence number on its own line.
fn write_loop(path: &Path, count: u64, snapshot_every: u64) -> ExitCode {
    let k = match Kabinet::open(path) {
        Ok(k) => k.snapshot_every(snapshot_every),
        Err(e) => return crate::fail_coded(&e),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for i in 0..count {
        let ctx = Context::system(Kabinet::now());
        let command = if i % 5 == 4 {
            Command::Accounts(AccountCommand::DisableAccount {
                account: kabinet::AccountId(u64::MAX),
            })
        } else {
            Command::Accounts(AccountCommand::RegisterAccount {
                name: kabinet::accounts::PersonName::new("Тестов", "Тест", None),
                snils: None,
                inn: None,
                email: None,
                phone: None,
            })
        };
        if let Err(kabinet::CommandError::NotRecorded { reason }) = k.execute(command, &ctx) {
            eprintln!("error: command.not_recorded: {reason}");
            return ExitCode::from(1);
        }
        if writeln!(out, "{}", k.journal_head().seq)
            .and_then(|()| out.flush())
            .is_err()
        {
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
