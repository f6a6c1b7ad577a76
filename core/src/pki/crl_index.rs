//! An index of a CRL's entries by serial number, built once when the CRL is parsed.
//!
//! CRLs of large certification authorities list hundreds of thousands of
//! certificates; the index makes each revocation lookup a binary search
//! instead of a scan. Facts about all entries that make the CRL unusable (an
//! unknown critical entry extension) and the issuer of each entry of an
//! indirect CRL (certificateIssuer applies to its entry and the following
//! ones) are computed in the same single pass.

use der::Decode;
use x509_cert::crl::{CertificateList, RevokedCert};
use x509_cert::ext::pkix::name::{GeneralName, GeneralNames};
use x509_cert::name::Name;

use super::oids;

/// Entries sorted by serial number, and what the whole list says about them.
#[derive(Debug, Clone, Default)]
pub(crate) struct CrlIndex {
    /// Entry positions, sorted by serial number (stable: CRL order among equals).
    sorted: Vec<u32>,
    /// For indirect CRLs: per entry, 1 + the position in `issuers` of its issuer
    /// (0 = the CRL's own issuer). Empty for direct CRLs.
    entry_issuer: Vec<u32>,
    issuers: Vec<Name>,
    /// Why the CRL cannot be used, if an entry makes it so.
    problem: Option<String>,
}

fn entries(crl: &CertificateList) -> &[RevokedCert] {
    crl.tbs_cert_list
        .revoked_certificates
        .as_deref()
        .unwrap_or_default()
}

impl CrlIndex {
    /// Indexes the entries of `crl` (whose count the parser already bounded).
    pub(crate) fn build(crl: &CertificateList, indirect: bool) -> Self {
        let list = entries(crl);
        let mut index = Self::default();
        let mut current = 0u32;
        for entry in list {
            for ext in entry.crl_entry_extensions.iter().flatten() {
                if ext.extn_id == oids::CERTIFICATE_ISSUER && indirect {
                    let name = GeneralNames::from_der(ext.extn_value.as_bytes())
                        .ok()
                        .and_then(|names| {
                            names.into_iter().find_map(|n| match n {
                                GeneralName::DirectoryName(d) => Some(d),
                                _ => None,
                            })
                        });
                    match name {
                        Some(name) => {
                            index.issuers.push(name);
                            current = u32::try_from(index.issuers.len()).unwrap_or(u32::MAX);
                        }
                        None => {
                            index.problem.get_or_insert_with(|| {
                                "a crl entry has a malformed certificate issuer".into()
                            });
                        }
                    }
                } else if ext.critical
                    && ![
                        oids::REASON_CODE,
                        oids::INVALIDITY_DATE,
                        oids::HOLD_INSTRUCTION_CODE,
                    ]
                    .contains(&ext.extn_id)
                {
                    index.problem.get_or_insert_with(|| {
                        format!(
                            "a crl entry has an unknown critical extension {}",
                            ext.extn_id
                        )
                    });
                }
            }
            if indirect {
                index.entry_issuer.push(current);
            }
        }
        index.sorted = (0..list.len())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        index
            .sorted
            .sort_by(|&a, &b| serial_of(list, a).cmp(serial_of(list, b)));
        index
    }

    /// Why the CRL cannot be used at all, if an entry makes it so.
    pub(crate) fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// The entries with this serial number, in CRL order, with their issuer
    /// (`None` = the CRL's issuer).
    pub(crate) fn find<'a>(
        &'a self,
        crl: &'a CertificateList,
        serial: &'a [u8],
    ) -> impl Iterator<Item = (&'a RevokedCert, Option<&'a Name>)> + 'a {
        let list = entries(crl);
        let start = self
            .sorted
            .partition_point(|&i| serial_of(list, i) < serial);
        self.sorted
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&i| serial_of(list, i) == serial)
            .filter_map(move |&i| {
                let entry = list.get(usize::try_from(i).ok()?)?;
                let issuer = self
                    .entry_issuer
                    .get(usize::try_from(i).ok()?)
                    .and_then(|&n| n.checked_sub(1))
                    .and_then(|n| self.issuers.get(usize::try_from(n).ok()?));
                Some((entry, issuer))
            })
    }
}

fn serial_of(list: &[RevokedCert], i: u32) -> &[u8] {
    usize::try_from(i)
        .ok()
        .and_then(|i| list.get(i))
        .map_or(&[], |e| e.serial_number.as_bytes())
}
