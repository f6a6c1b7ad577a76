//! Email addresses: a local part, `@`, a domain that is a host name.
//!
//! Sizes follow RFC 5321 §4.5.3.1: the local part at most 64 octets, the
//! whole address at most 254 (the 256-octet path minus its angle brackets),
//! a domain label at most 63. The local part is a dot-atom of RFC 5322
//! §3.2.3: ASCII letters, digits and ``!#$%&'*+/=?^_`{|}~-``, with dots only
//! between them. The domain is two or more labels of letters, digits and
//! inner hyphens, the last not all digits (so no bare IP addresses).
//!
//! Not accepted, on purpose: quoted local parts (`"a b"@x.ru`), address
//! literals (`x@[192.0.2.1]`) and non-ASCII addresses — an internationalised
//! domain such as `почта.рф` is entered in its ASCII form `xn--80a1acny.xn--p1ai`.
//! Normalisation: the domain is lowercased (domains are case-insensitive);
//! the local part is kept as given (its case may matter to the receiving
//! server).

use core::fmt;

use serde::{Deserialize, Serialize};

use super::input::prepare;
use super::{IdentifierError, IdentifierKind};

/// The longest address (RFC 5321 §4.5.3.1.3, 256-octet path less `<` and `>`).
const MAX_TOTAL: usize = 254;
/// The longest local part (RFC 5321 §4.5.3.1.1).
const MAX_LOCAL: usize = 64;
/// The longest domain label (RFC 1035 §2.3.4).
const MAX_LABEL: usize = 63;

/// A valid email address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(Box<str>);

string_identifier!(Email);

fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c)
}

fn is_valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= MAX_LABEL
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

impl Email {
    /// Parses an email address, surrounding whitespace allowed.
    ///
    /// # Errors
    ///
    /// `email.too_long` (over 254 bytes), `email.empty`, `email.no_at`,
    /// `email.local_empty`, `email.local_too_long` (over 64),
    /// `email.local_char` (a character or dot out of place before `@`),
    /// `email.domain_missing`, `email.domain_no_dot` or `email.domain_label`.
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let kind = IdentifierKind::Email;
        let value = prepare(kind, input)?;
        if value.len() > MAX_TOTAL {
            return Err(IdentifierError::TooLong {
                kind,
                max: MAX_TOTAL,
                found: value.len(),
            });
        }
        let (local, domain) = value.rsplit_once('@').ok_or(IdentifierError::EmailNoAt)?;
        if local.is_empty() {
            return Err(IdentifierError::EmailLocalEmpty);
        }
        let mut previous_dot = true; // a dot may not open the local part
        for (index, c) in local.chars().enumerate() {
            let bad_dot = c == '.' && previous_dot;
            if !(is_atext(c) || c == '.') || bad_dot {
                return Err(IdentifierError::EmailLocalChar {
                    position: index + 1,
                    found: c,
                });
            }
            previous_dot = c == '.';
        }
        if previous_dot {
            let position = local.chars().count();
            return Err(IdentifierError::EmailLocalChar {
                position,
                found: '.',
            });
        }
        // All ASCII from here: bytes are characters.
        if local.len() > MAX_LOCAL {
            return Err(IdentifierError::EmailLocalTooLong {
                max: MAX_LOCAL,
                found: local.len(),
            });
        }
        if domain.is_empty() {
            return Err(IdentifierError::EmailDomainMissing);
        }
        let domain = domain.to_ascii_lowercase();
        // One label without a dot is a local host name, not an address on the internet.
        if !domain.contains('.') {
            return if is_valid_label(&domain) {
                Err(IdentifierError::EmailDomainNoDot { domain })
            } else {
                Err(IdentifierError::EmailDomainLabel { label: domain })
            };
        }
        if let Some(label) = domain.split('.').find(|l| !is_valid_label(l)) {
            return Err(IdentifierError::EmailDomainLabel {
                label: label.to_owned(),
            });
        }
        if let Some(top) = domain
            .rsplit('.')
            .next()
            .filter(|l| l.chars().all(|c| c.is_ascii_digit()))
        {
            return Err(IdentifierError::EmailDomainLabel {
                label: top.to_owned(),
            });
        }
        Ok(Self(format!("{local}@{domain}").into_boxed_str()))
    }

    /// The address with its domain lowercased.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before `@`, as given.
    pub fn local_part(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(local, _)| local)
    }

    /// The domain, lowercased.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, domain)| domain)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    #[test]
    fn accepts_and_normalises_the_domain_only() {
        let e = Email::parse("  Ivan.Petrov+gu@Example.RU ").unwrap();
        assert_eq!(e.as_str(), "Ivan.Petrov+gu@example.ru");
        assert_eq!(e.local_part(), "Ivan.Petrov+gu");
        assert_eq!(e.domain(), "example.ru");
        assert!(Email::parse("a@xn--80a1acny.xn--p1ai").is_ok());
        assert!(Email::parse("o'brien@mail-1.example.com").is_ok());
    }

    #[test]
    fn refusals() {
        let code = |s: &str| Email::parse(s).unwrap_err().code();
        assert_eq!(code("ivan.example.ru"), "email.no_at");
        assert_eq!(code("@example.ru"), "email.local_empty");
        assert_eq!(code("ivan@"), "email.domain_missing");
        assert_eq!(code("ivan@localhost"), "email.domain_no_dot");
        assert_eq!(code("ivan@почта.рф"), "email.domain_label");
        assert_eq!(code("ivan@-x.ru"), "email.domain_label");
        assert_eq!(code("ivan@x-.ru"), "email.domain_label");
        assert_eq!(code("ivan@x..ru"), "email.domain_label");
        assert_eq!(code("ivan@192.0.2.1"), "email.domain_label");
        assert_eq!(code("ivan@[192.0.2.1]"), "email.domain_label");
        assert_eq!(code("a b@x.ru"), "email.local_char");
        assert_eq!(code("a@b@x.ru"), "email.local_char");
        assert_eq!(code("иван@x.ru"), "email.local_char");
        assert_eq!(
            Email::parse(".ivan@x.ru").unwrap_err(),
            IdentifierError::EmailLocalChar {
                position: 1,
                found: '.'
            }
        );
        assert_eq!(
            Email::parse("iv..an@x.ru").unwrap_err(),
            IdentifierError::EmailLocalChar {
                position: 4,
                found: '.'
            }
        );
        assert_eq!(
            Email::parse("ivan.@x.ru").unwrap_err(),
            IdentifierError::EmailLocalChar {
                position: 5,
                found: '.'
            }
        );
    }

    #[test]
    fn rfc_5321_sizes() {
        let local64 = "a".repeat(64);
        assert!(Email::parse(&format!("{local64}@x.ru")).is_ok());
        assert_eq!(
            Email::parse(&format!("{local64}b@x.ru")).unwrap_err(),
            IdentifierError::EmailLocalTooLong { max: 64, found: 65 }
        );
        let label63 = "d".repeat(63);
        assert!(Email::parse(&format!("a@{label63}.ru")).is_ok());
        assert_eq!(
            Email::parse(&format!("a@{label63}d.ru"))
                .unwrap_err()
                .code(),
            "email.domain_label"
        );
        // 254 in all is accepted, 255 refused.
        let domain = format!(
            "{}.{}.{}.{}",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(60)
        );
        let at_limit = format!("a@{domain}");
        assert_eq!(at_limit.len(), 254);
        assert!(Email::parse(&at_limit).is_ok());
        assert_eq!(
            Email::parse(&format!("ab@{domain}")).unwrap_err(),
            IdentifierError::TooLong {
                kind: IdentifierKind::Email,
                max: 254,
                found: 255
            }
        );
    }
}
