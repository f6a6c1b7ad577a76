//! Hand-made DER for hostile inputs: shapes the `der` encoder refuses to
//! build (or builds slowly, sorting as it goes), written TLV by TLV.
#![allow(dead_code, clippy::indexing_slicing)]

/// One TLV with a definite length.
pub fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = body.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(body);
    out
}

/// A SEQUENCE of the given parts.
pub fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

/// An OBJECT IDENTIFIER from its DER body bytes.
pub fn oid(body: &[u8]) -> Vec<u8> {
    tlv(0x06, body)
}

/// A distinguished name of one RDN holding `parts` common names, sorted in
/// reverse of DER order (the worst case of an insertion sort).
pub fn name_with_one_rdn_of(parts: usize) -> Vec<u8> {
    let mut atvs: Vec<Vec<u8>> = (0..parts)
        .map(|i| {
            seq(&[
                &oid(&[0x55, 0x04, 0x03]),
                &tlv(0x0C, format!("part {i:06}").as_bytes()),
            ])
        })
        .collect();
    atvs.sort();
    atvs.reverse();
    seq(&[&tlv(0x31, &atvs.concat())])
}

/// A positive INTEGER, minimally encoded.
pub fn integer(value: u32) -> Vec<u8> {
    let bytes = value.to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count().min(3);
    let mut body = bytes[skip..].to_vec();
    if body[0] & 0x80 != 0 {
        body.insert(0, 0);
    }
    tlv(0x02, &body)
}

/// ecdsa-with-SHA256.
pub fn ecdsa_sha256() -> Vec<u8> {
    seq(&[&oid(&[0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02])])
}

/// A UTCTime.
pub fn utc(s: &str) -> Vec<u8> {
    tlv(0x17, s.as_bytes())
}

/// An unsigned CRL (a zero signature) issued by `issuer` (an encoded Name).
pub fn crl_issued_by(issuer: &[u8]) -> Vec<u8> {
    let tbs = seq(&[
        &tlv(0x02, &[1]),
        &ecdsa_sha256(),
        issuer,
        &utc("260101000000Z"),
        &utc("270101000000Z"),
    ]);
    seq(&[&tbs, &ecdsa_sha256(), &tlv(0x03, &[0, 0])])
}

/// An unsigned certificate with the given serial and subject (an encoded Name).
pub fn certificate_with_subject(serial: u32, subject: &[u8]) -> Vec<u8> {
    let issuer = seq(&[&tlv(
        0x31,
        &seq(&[&oid(&[0x55, 0x04, 0x03]), &tlv(0x0C, b"issuer")]),
    )]);
    // id-ecPublicKey, prime256v1, the uncompressed generator point of P-256
    let spki = seq(&[
        &seq(&[
            &oid(&[0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]),
            &oid(&[0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]),
        ]),
        &tlv(0x03, &[&[0u8, 4][..], &[0x11; 64]].concat()),
    ]);
    let tbs = seq(&[
        &tlv(0xA0, &tlv(0x02, &[2])),
        &integer(serial),
        &ecdsa_sha256(),
        &issuer,
        &seq(&[&utc("260101000000Z"), &utc("270101000000Z")]),
        subject,
        &spki,
    ]);
    seq(&[&tbs, &ecdsa_sha256(), &tlv(0x03, &[0, 0])])
}

/// A CMS ContentInfo of SignedData carrying `certificates` (encoded) and no signer.
pub fn cms_with_certificates(certificates: &[Vec<u8>]) -> Vec<u8> {
    cms_with_signers(certificates, &[])
}

/// A SignerInfo naming its certificate by `issuer` (an encoded Name) and
/// `serial` (the INTEGER's content bytes), with a signature of zeros.
pub fn signer_info(issuer: &[u8], serial: &[u8]) -> Vec<u8> {
    let sha256 = seq(&[&oid(&[
        0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
    ])]);
    seq(&[
        &tlv(0x02, &[1]),
        &seq(&[issuer, &tlv(0x02, serial)]),
        &sha256,
        &ecdsa_sha256(),
        &tlv(0x04, &[0; 64]),
    ])
}

/// A CMS ContentInfo of SignedData (detached data) carrying `certificates`
/// and the given SignerInfos.
pub fn cms_with_signers(certificates: &[Vec<u8>], signers: &[Vec<u8>]) -> Vec<u8> {
    let data = oid(&[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01]);
    let signed_data = oid(&[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]);
    let body = seq(&[
        &tlv(0x02, &[1]),
        &tlv(0x31, &[]),
        &seq(&[&data]),
        &tlv(0xA0, &certificates.concat()),
        &tlv(0x31, &signers.concat()),
    ]);
    seq(&[&signed_data, &tlv(0xA0, &body)])
}
