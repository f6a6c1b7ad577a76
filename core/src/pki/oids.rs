//! Object identifiers used by certificate validation and the Russian profile, in one place.

use const_oid::ObjectIdentifier as Oid;

macro_rules! oids {
    ($($(#[$doc:meta])* $name:ident = $value:literal;)*) => {
        $($(#[$doc])* pub const $name: Oid = Oid::new_unwrap($value);)*
    };
}

oids! {
    /// basicConstraints.
    BASIC_CONSTRAINTS = "2.5.29.19";
    /// keyUsage.
    KEY_USAGE = "2.5.29.15";
    /// extendedKeyUsage.
    EXT_KEY_USAGE = "2.5.29.37";
    /// anyPolicy.
    ANY_POLICY = "2.5.29.32.0";
    /// anyExtendedKeyUsage.
    ANY_EKU = "2.5.29.37.0";
    /// subjectKeyIdentifier.
    SUBJECT_KEY_ID = "2.5.29.14";
    /// authorityKeyIdentifier.
    AUTHORITY_KEY_ID = "2.5.29.35";
    /// nameConstraints.
    NAME_CONSTRAINTS = "2.5.29.30";
    /// subjectAltName.
    SUBJECT_ALT_NAME = "2.5.29.17";
    /// issuerAltName.
    ISSUER_ALT_NAME = "2.5.29.18";
    /// cRLDistributionPoints.
    CRL_DISTRIBUTION_POINTS = "2.5.29.31";
    /// certificatePolicies.
    CERTIFICATE_POLICIES = "2.5.29.32";
    /// policyMappings.
    POLICY_MAPPINGS = "2.5.29.33";
    /// policyConstraints.
    POLICY_CONSTRAINTS = "2.5.29.36";
    /// inhibitAnyPolicy.
    INHIBIT_ANY_POLICY = "2.5.29.54";
    /// freshestCRL.
    FRESHEST_CRL = "2.5.29.46";
    /// privateKeyUsagePeriod.
    PRIVATE_KEY_USAGE_PERIOD = "2.5.29.16";
    /// authorityInfoAccess.
    AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
    /// cRLNumber.
    CRL_NUMBER = "2.5.29.20";
    /// deltaCRLIndicator.
    DELTA_CRL_INDICATOR = "2.5.29.27";
    /// issuingDistributionPoint.
    ISSUING_DISTRIBUTION_POINT = "2.5.29.28";
    /// reasonCode (CRL entry).
    REASON_CODE = "2.5.29.21";
    /// invalidityDate (CRL entry).
    INVALIDITY_DATE = "2.5.29.24";
    /// holdInstructionCode (CRL entry).
    HOLD_INSTRUCTION_CODE = "2.5.29.23";
    /// certificateIssuer (CRL entry of an indirect CRL).
    CERTIFICATE_ISSUER = "2.5.29.29";

    /// rsaEncryption.
    RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    /// md2WithRSAEncryption.
    MD2_WITH_RSA = "1.2.840.113549.1.1.2";
    /// md5WithRSAEncryption.
    MD5_WITH_RSA = "1.2.840.113549.1.1.4";
    /// sha1WithRSAEncryption.
    SHA1_WITH_RSA = "1.2.840.113549.1.1.5";
    /// RSASSA-PSS.
    RSASSA_PSS = "1.2.840.113549.1.1.10";
    /// sha256WithRSAEncryption.
    SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    /// sha384WithRSAEncryption.
    SHA384_WITH_RSA = "1.2.840.113549.1.1.12";
    /// sha512WithRSAEncryption.
    SHA512_WITH_RSA = "1.2.840.113549.1.1.13";
    /// id-mgf1.
    MGF1 = "1.2.840.113549.1.1.8";
    /// SHA-1.
    SHA1 = "1.3.14.3.2.26";
    /// SHA-256.
    SHA256 = "2.16.840.1.101.3.4.2.1";
    /// SHA-384.
    SHA384 = "2.16.840.1.101.3.4.2.2";
    /// SHA-512.
    SHA512 = "2.16.840.1.101.3.4.2.3";
    /// id-ecPublicKey.
    EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    /// P-256.
    SECP256R1 = "1.2.840.10045.3.1.7";
    /// P-384.
    SECP384R1 = "1.3.132.0.34";
    /// ecdsa-with-SHA1.
    ECDSA_WITH_SHA1 = "1.2.840.10045.4.1";
    /// ecdsa-with-SHA256.
    ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    /// ecdsa-with-SHA384.
    ECDSA_WITH_SHA384 = "1.2.840.10045.4.3.3";
    /// ecdsa-with-SHA512.
    ECDSA_WITH_SHA512 = "1.2.840.10045.4.3.4";
    /// Ed25519.
    ED25519 = "1.3.101.112";
    /// id-dsa (key).
    DSA = "1.2.840.10040.4.1";
    /// id-dsa-with-sha1.
    DSA_WITH_SHA1 = "1.2.840.10040.4.3";
    /// dsa-with-sha224.
    DSA_WITH_SHA224 = "2.16.840.1.101.3.4.3.1";
    /// dsa-with-sha256.
    DSA_WITH_SHA256 = "2.16.840.1.101.3.4.3.2";
    /// GOST R 34.10-2012 with GOST R 34.11-2012 (256 bit) signature.
    GOST2012_256_SIGNATURE = "1.2.643.7.1.1.3.2";
    /// GOST R 34.10-2012 with GOST R 34.11-2012 (512 bit) signature.
    GOST2012_512_SIGNATURE = "1.2.643.7.1.1.3.3";
    /// GOST R 34.10-2012 256-bit key.
    GOST2012_256_KEY = "1.2.643.7.1.1.1.1";
    /// GOST R 34.10-2012 512-bit key.
    GOST2012_512_KEY = "1.2.643.7.1.1.1.2";
    /// GOST R 34.11/34.10-2001 signature.
    GOST2001_SIGNATURE = "1.2.643.2.2.3";
    /// GOST R 34.10-2001 key.
    GOST2001_KEY = "1.2.643.2.2.19";

    /// ИНН (of a person, or of a legal entity in older certificates).
    INN = "1.2.643.3.131.1.1";
    /// ИННЮЛ.
    INNLE = "1.2.643.100.4";
    /// ОГРН.
    OGRN = "1.2.643.100.1";
    /// ОГРНИП.
    OGRNIP = "1.2.643.100.5";
    /// СНИЛС.
    SNILS = "1.2.643.100.3";
    /// subjectSignTool.
    SUBJECT_SIGN_TOOL = "1.2.643.100.111";
    /// issuerSignTool.
    ISSUER_SIGN_TOOL = "1.2.643.100.112";
    /// Sign-tool class КС1.
    CLASS_KC1 = "1.2.643.100.113.1";
    /// Sign-tool class КС2.
    CLASS_KC2 = "1.2.643.100.113.2";
    /// Sign-tool class КС3.
    CLASS_KC3 = "1.2.643.100.113.3";
    /// Sign-tool class КВ1.
    CLASS_KB1 = "1.2.643.100.113.4";
    /// Sign-tool class КВ2.
    CLASS_KB2 = "1.2.643.100.113.5";
    /// Sign-tool class КА1.
    CLASS_KA1 = "1.2.643.100.113.6";

    /// commonName.
    CN = "2.5.4.3";
    /// surname.
    SURNAME = "2.5.4.4";
    /// serialNumber (attribute).
    SERIAL_NUMBER = "2.5.4.5";
    /// countryName.
    C = "2.5.4.6";
    /// localityName.
    L = "2.5.4.7";
    /// stateOrProvinceName.
    ST = "2.5.4.8";
    /// streetAddress.
    STREET = "2.5.4.9";
    /// organizationName.
    O = "2.5.4.10";
    /// organizationalUnitName.
    OU = "2.5.4.11";
    /// title.
    TITLE = "2.5.4.12";
    /// givenName.
    GIVEN_NAME = "2.5.4.42";
    /// emailAddress (PKCS#9).
    EMAIL = "1.2.840.113549.1.9.1";
    /// domainComponent.
    DC = "0.9.2342.19200300.100.1.25";
}

/// The name of a signature or public-key algorithm, for people
/// (`ecdsa-with-SHA256`, `GOST R 34.10-2012 256-bit with Streebog-256`);
/// `None` for an identifier kabinet does not know.
pub fn algorithm_name(oid: &Oid) -> Option<&'static str> {
    const NAMES: &[(Oid, &str)] = &[
        (RSA_ENCRYPTION, "RSA"),
        (MD2_WITH_RSA, "md2WithRSAEncryption"),
        (MD5_WITH_RSA, "md5WithRSAEncryption"),
        (SHA1_WITH_RSA, "sha1WithRSAEncryption"),
        (RSASSA_PSS, "RSASSA-PSS"),
        (SHA256_WITH_RSA, "sha256WithRSAEncryption"),
        (SHA384_WITH_RSA, "sha384WithRSAEncryption"),
        (SHA512_WITH_RSA, "sha512WithRSAEncryption"),
        (EC_PUBLIC_KEY, "EC public key"),
        (ECDSA_WITH_SHA1, "ecdsa-with-SHA1"),
        (ECDSA_WITH_SHA256, "ecdsa-with-SHA256"),
        (ECDSA_WITH_SHA384, "ecdsa-with-SHA384"),
        (ECDSA_WITH_SHA512, "ecdsa-with-SHA512"),
        (ED25519, "Ed25519"),
        (DSA, "DSA"),
        (DSA_WITH_SHA1, "dsa-with-SHA1"),
        (DSA_WITH_SHA224, "dsa-with-SHA224"),
        (DSA_WITH_SHA256, "dsa-with-SHA256"),
        (
            GOST2012_256_SIGNATURE,
            "GOST R 34.10-2012 256-bit with Streebog-256",
        ),
        (
            GOST2012_512_SIGNATURE,
            "GOST R 34.10-2012 512-bit with Streebog-512",
        ),
        (GOST2012_256_KEY, "GOST R 34.10-2012 256-bit"),
        (GOST2012_512_KEY, "GOST R 34.10-2012 512-bit"),
        (GOST2001_SIGNATURE, "GOST R 34.10-2001 with GOST R 34.11-94"),
        (GOST2001_KEY, "GOST R 34.10-2001"),
    ];
    NAMES.iter().find(|(o, _)| o == oid).map(|(_, n)| *n)
}

/// An algorithm as people read it: its name and identifier, or the
/// identifier alone when kabinet does not know it.
pub fn algorithm_text(oid: &Oid) -> String {
    match algorithm_name(oid) {
        Some(name) => format!("{name} ({oid})"),
        None => oid.to_string(),
    }
}
