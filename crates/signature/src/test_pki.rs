//! A small test PKI made with rcgen (ECDSA P-256 / SHA-256): a CA and
//! end-entity certificates in the Kazakh national subject form. Shared by the
//! unit tests and, through `#[path]`, by `tests/`.
#![allow(dead_code)]

use rcgen::string::PrintableString;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, DnValue, IsCa, Issuer,
    KeyIdMethod, KeyPair, KeyUsagePurpose, SerialNumber,
};

const OID_SURNAME: &[u64] = &[2, 5, 4, 4];
const OID_SERIAL_NUMBER: &[u64] = &[2, 5, 4, 5];
const OID_GIVEN_NAME: &[u64] = &[2, 5, 4, 42];

/// The sample individual: `CN=ТЕСТОВ ТЕСТ, SURNAME=ТЕСТОВ, GIVENNAME=ТЕСТ,
/// SERIALNUMBER=IIN850314382048, C=KZ`.
pub const IIN: &str = "850314382048";
pub const BIN: &str = "080440885107";
pub const ORG: &str = "ТОО «Тест»";

pub struct TestCa {
    issuer: Issuer<'static, KeyPair>,
    pub cert_pem: String,
    pub cert_der: Vec<u8>,
    pub key_pem: String,
    pub key_der: Vec<u8>,
}

/// An end-entity certificate and its key.
pub struct TestCert {
    pub cert_pem: String,
    pub cert_der: Vec<u8>,
    /// PKCS#8.
    pub key_pem: String,
    pub key_der: Vec<u8>,
}

fn printable(s: &str) -> DnValue {
    DnValue::PrintableString(PrintableString::try_from(s).expect("printable"))
}

impl TestCa {
    pub fn new(common_name: &str) -> TestCa {
        let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).expect("CA key");
        let mut params = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, common_name);
        dn.push(DnType::OrganizationName, "reglament");
        dn.push(DnType::CountryName, printable("KZ"));
        params.distinguished_name = dn;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        params.key_identifier_method = KeyIdMethod::Sha256;
        params.not_before = rcgen::date_time_ymd(2020, 1, 1);
        params.not_after = rcgen::date_time_ymd(2040, 1, 1);
        params.serial_number = Some(SerialNumber::from_slice(&[0x01, 0x02, 0x03]));
        let cert = params.self_signed(&key).expect("self-signed CA");
        TestCa {
            cert_pem: cert.pem(),
            cert_der: cert.der().to_vec(),
            key_pem: key.serialize_pem(),
            key_der: key.serialize_der(),
            issuer: Issuer::new(params, key),
        }
    }

    /// An individual's signing certificate, with `OU=BIN…` and `O=…` when
    /// `entity` is true. Valid 2024-01-01 … 2039-12-31 (nothing here
    /// checks validity dates).
    pub fn issue(&self, entity: bool, serial: &[u8]) -> TestCert {
        let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).expect("key");
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, "ТЕСТОВ ТЕСТ");
        dn.push(DnType::CustomDnType(OID_SURNAME.to_vec()), "ТЕСТОВ");
        dn.push(DnType::CustomDnType(OID_GIVEN_NAME.to_vec()), "ТЕСТ");
        dn.push(
            DnType::CustomDnType(OID_SERIAL_NUMBER.to_vec()),
            printable(&format!("IIN{IIN}")),
        );
        dn.push(DnType::CountryName, printable("KZ"));
        if entity {
            dn.push(DnType::OrganizationName, ORG);
            dn.push(
                DnType::OrganizationalUnitName,
                printable(&format!("BIN{BIN}")),
            );
        }
        let mut params = CertificateParams::default();
        params.distinguished_name = dn;
        params.serial_number = Some(SerialNumber::from_slice(serial));
        params.not_before = rcgen::date_time_ymd(2024, 1, 1);
        params.not_after = rcgen::date_time_ymd(2039, 12, 31);
        params.is_ca = IsCa::ExplicitNoCa;
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::ContentCommitment,
        ];
        params.use_authority_key_identifier_extension = true;
        params.key_identifier_method = KeyIdMethod::Sha256;
        let cert = params.signed_by(&key, &self.issuer).expect("issue");
        TestCert {
            cert_pem: cert.pem(),
            cert_der: cert.der().to_vec(),
            key_pem: key.serialize_pem(),
            key_der: key.serialize_der(),
        }
    }
}
