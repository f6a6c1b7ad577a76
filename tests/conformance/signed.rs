//! What a CMS signer's signature covers, read from a conformance message.
//!
//! With signed attributes a signer's signature covers their DER (as a SET);
//! without, the encapsulated content itself (RFC 5652 §5.4). The GOST tests
//! and benches verify the TC26 messages' signatures over exactly these bytes.
#![allow(clippy::unwrap_used)]

use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerInfo};
use der::{Decode, Encode};

/// The first signer of a PEM CMS SignedData and the bytes its signature covers.
pub fn first_signer(pem: &str) -> (SignerInfo, Vec<u8>) {
    let info = ContentInfo::from_der(&der::pem::decode_vec(pem.as_bytes()).unwrap().1).unwrap();
    let signed: SignedData = info.content.decode_as().unwrap();
    let signer = signed.signer_infos.0.get(0).unwrap().clone();
    let message = match &signer.signed_attrs {
        Some(attrs) => attrs.to_der().unwrap(),
        None => {
            let content = signed.encap_content_info.econtent.as_ref().unwrap();
            content
                .decode_as::<der::asn1::OctetString>()
                .unwrap()
                .as_bytes()
                .to_vec()
        }
    };
    (signer, message)
}
