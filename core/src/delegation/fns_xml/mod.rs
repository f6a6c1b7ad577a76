//! The machine-readable power of attorney as the FNS registry issues it:
//! an XML file of the single format EMCHD_1 (version 003, schema
//! `ON_EMCHD_1_928_00_01_01_01.xsd`, namespace `urn://x-artefacts/EMCHD_1`),
//! usually with the principal's detached CMS signature beside it.
//!
//! - [`parse_fns_power`] reads `Довер` (an original power) and `Передов` (a
//!   re-delegation) into an [`FnsPowerOfAttorney`]: the document's data,
//!   the principal of every kind (a Russian legal entity with its sole
//!   executive — a person, an entrepreneur or a managing organization —, a
//!   foreign organization, an entrepreneur, an individual), the
//!   representatives, the powers (classifier codes with their restrictions,
//!   or text). Every identifier is checked with the library's rules.
//! - [`export_fns_power`] writes it back as EMCHD_1 XML valid against the
//!   schema; parsing the export gives the same power.
//! - [`verify_signed_power`] checks the detached signature over the exact
//!   bytes of the file and that its signer is one who may sign for the
//!   principal.
//! - [`crate::Directory::power_evidence`] turns a verified power into the
//!   directory's evidence (the МЧД form registered by `ImportPower` or
//!   presented by `SubmitOrganizationByPower`), its classifier codes read
//!   through the host's [`PowerClassifier`].
//!
//! # Bounds
//! At most [`MAX_XML_BYTES`] bytes, [`MAX_NODES`] nodes and [`MAX_DEPTH`]
//! levels of nesting (checked before the tree is built); no DTD (and so
//! no entity but the five predefined ones); UTF-8 only (format 002, written
//! in windows-1251, is recognised and refused as unsupported). Work is
//! linear in the size of the file.
//!
//! # What is checked and what is not
//! Every element kabinet reads is checked against the schema: its attributes
//! (unknown ones refused), its children (names and order), the codes,
//! lengths and patterns of its values. The parts it does not interpret —
//! addresses, identity documents, notary data, the first principals of a
//! re-delegation — are bounded but not checked field by field; `xmllint
//! --schema` with the FNS schema checks those. The registry status (revoked
//! or not) cannot be known offline: [`FnsPowerOfAttorney::registry_url`]
//! says where to ask.

mod element;
mod error;
mod evidence;
mod export;
mod model;
mod parse;
mod parties;
mod signed;
mod values;

pub use error::FnsXmlError;
pub(crate) use evidence::FnsEvidence;
pub use evidence::{
    EvidenceError, MappedPower, PowerClassifier, PowerEvidence, MAX_CLASSIFIER_BYTES,
    MAX_CLASSIFIER_CODES,
};
pub use export::{export_fns_power, export_fns_power_json};
pub use model::{
    DocumentKind, Entrepreneur, Executive, FirstPower, FnsPowerOfAttorney, ForeignOrganization,
    FullName, MachinePower, Organization, Party, Person, Powers, Principal, Restriction,
    RestrictionValue, Signatory,
};
pub use parse::parse_fns_power;
pub use signed::{
    verify_signed_power, SignedPowerError, SignedPowerReport, SignerMatch, TermState,
};

/// The namespace of the format.
pub const NAMESPACE: &str = "urn://x-artefacts/EMCHD_1";
/// The format version read and written.
pub const FORMAT: &str = "EMCHD_1";
/// Largest file accepted, in bytes: a power with a thousand classifier
/// codes and restrictions takes about 300 KiB.
pub const MAX_XML_BYTES: usize = 1024 * 1024;
/// Most XML nodes (elements and texts) accepted.
pub const MAX_NODES: u32 = 20_000;
/// Most levels of element nesting: the format's deepest path has 11.
pub const MAX_DEPTH: usize = 32;
