//! The test certification authority: its self-signed certificate and key,
//! end-entity certificates in the Kazakh national subject form, and CRLs.
//!
//! Keys are ECDSA P-256 made by rcgen (ring backend). The CA key is also
//! loaded into a RustCrypto `p256` signing key, which signs OCSP responses.

use super::{Holder, PkiError, Reason};
use der::asn1::Ia5String;
use der::{Decode, Encode};
use p256::pkcs8::DecodePrivateKey;
use rand::RngCore;
use rcgen::string::PrintableString;
use rcgen::{
    BasicConstraints, CertificateParams, CertificateRevocationListParams, CrlDistributionPoint,
    CustomExtension, DistinguishedName, DnType, DnValue, IsCa, Issuer, KeyIdMethod, KeyPair,
    KeyUsagePurpose, RevocationReason, RevokedCertParams, SerialNumber,
};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{AccessDescription, AuthorityInfoAccessSyntax};

/// The CA's subject (rcgen writes the attributes in this order).
pub const CA_COMMON_NAME: &str = "ҰКО ТЕСТ (reglament mock)";
pub const CA_ORGANIZATION: &str = "reglament";

/// OIDs of the subject attributes of the national form.
const OID_SURNAME: &[u64] = &[2, 5, 4, 4];
const OID_SERIAL_NUMBER: &[u64] = &[2, 5, 4, 5];
const OID_GIVEN_NAME: &[u64] = &[2, 5, 4, 42];
/// id-pe-authorityInfoAccess
const OID_AIA: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 1, 1];
const ID_AD_OCSP: &str = "1.3.6.1.5.5.7.48.1";
const ID_AD_CA_ISSUERS: &str = "1.3.6.1.5.5.7.48.2";

/// Where the certificates point relying parties to.
pub struct Urls {
    pub ocsp: String,
    pub crl: String,
    pub ca_issuers: String,
}

/// A certificate just issued, with its private key (which the caller either
/// hands out once or keeps for a built-in sample: never logged).
pub struct Fresh {
    /// The serial's content octets (positive, minimal: 16 bytes).
    pub serial: Vec<u8>,
    pub der: Vec<u8>,
    pub pem: String,
    pub key_pem: String,
    /// The subject as text, `CN=…, SURNAME=…, …`.
    pub subject: String,
}

/// A revoked certificate as listed in a CRL.
pub struct RevokedEntry {
    pub serial: Vec<u8>,
    pub at: time::OffsetDateTime,
    pub reason: Option<Reason>,
}

pub struct Authority {
    issuer: Issuer<'static, KeyPair>,
    pub cert_der: Vec<u8>,
    pub cert_pem: String,
    pub cert: x509_cert::Certificate,
    /// The same key as the issuer's, for signing OCSP responses.
    pub ocsp_signer: p256::ecdsa::SigningKey,
}

impl Authority {
    /// The CA kept in `dir` (`ca.pem`, `ca.key.pem`) when it is there, else
    /// a fresh one written there: a contractor's system configured to trust
    /// the test CA keeps trusting it across runs. `None`: a fresh CA, kept
    /// nowhere.
    pub fn load_or_create(dir: Option<&std::path::Path>) -> Result<Authority, PkiError> {
        let Some(dir) = dir else {
            return Self::new();
        };
        let (cert_path, key_path) = (dir.join("ca.pem"), dir.join("ca.key.pem"));
        let io = |what: &str, e: std::io::Error| {
            PkiError::Crypto(format!("{what} {}: {e}", dir.display()))
        };
        if cert_path.exists() && key_path.exists() {
            let key_pem =
                std::fs::read_to_string(&key_path).map_err(|e| io("reading the CA key in", e))?;
            let cert_pem = std::fs::read_to_string(&cert_path)
                .map_err(|e| io("reading the CA certificate in", e))?;
            let key = KeyPair::from_pem(&key_pem).map_err(rc)?;
            return Self::from_parts(key, Some(cert_pem));
        }
        let ca = Self::new()?;
        std::fs::create_dir_all(dir).map_err(|e| io("creating", e))?;
        std::fs::write(&cert_path, &ca.cert_pem)
            .map_err(|e| io("writing the CA certificate to", e))?;
        write_private(&key_path, &ca.issuer.key().serialize_pem())
            .map_err(|e| io("writing the CA key to", e))?;
        Ok(ca)
    }

    /// Makes a fresh CA: key pair and a self-signed certificate valid from a
    /// day ago for ten years.
    pub fn new() -> Result<Authority, PkiError> {
        let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).map_err(rc)?;
        Self::from_parts(key, None)
    }

    /// The CA of `key`: with its stored certificate, or a new self-signed one.
    fn from_parts(key: KeyPair, stored_cert_pem: Option<String>) -> Result<Authority, PkiError> {
        let mut params = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, CA_COMMON_NAME);
        dn.push(DnType::OrganizationName, CA_ORGANIZATION);
        dn.push(DnType::CountryName, printable("KZ")?);
        params.distinguished_name = dn;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        params.key_identifier_method = KeyIdMethod::Sha256;
        let now = now_seconds();
        params.not_before = now - time::Duration::days(1);
        params.not_after = now + time::Duration::days(3650);
        params.serial_number = Some(SerialNumber::from_slice(&random_serial()));
        let (cert_der, cert_pem) = match stored_cert_pem {
            Some(pem) => {
                let der = x509_cert::Certificate::load_pem_chain(pem.as_bytes())
                    .ok()
                    .and_then(|mut v| (!v.is_empty()).then(|| v.remove(0)))
                    .ok_or_else(|| {
                        PkiError::Crypto("the stored ca.pem holds no certificate".into())
                    })?
                    .to_der()
                    .map_err(asn1)?;
                (der, pem)
            }
            None => {
                let cert = params.self_signed(&key).map_err(rc)?;
                (cert.der().to_vec(), cert.pem())
            }
        };
        let ocsp_signer = p256::ecdsa::SigningKey::from_pkcs8_der(key.serialized_der())
            .map_err(|e| PkiError::Crypto(format!("loading the CA key for OCSP: {e}")))?;
        let parsed = x509_cert::Certificate::from_der(&cert_der).map_err(asn1)?;
        Ok(Authority {
            issuer: Issuer::new(params, key),
            cert_der,
            cert_pem,
            cert: parsed,
            ocsp_signer,
        })
    }

    /// Issues an end-entity signing certificate for `holder`, valid over
    /// `[not_before, not_after]`.
    pub fn issue(
        &self,
        holder: &Holder,
        not_before: time::OffsetDateTime,
        not_after: time::OffsetDateTime,
        urls: &Urls,
    ) -> Result<Fresh, PkiError> {
        let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).map_err(rc)?;
        let serial = random_serial();
        let mut params = CertificateParams::default();
        params.distinguished_name = subject_dn(holder)?;
        params.serial_number = Some(SerialNumber::from_slice(&serial));
        params.not_before = not_before;
        params.not_after = not_after;
        params.is_ca = IsCa::ExplicitNoCa;
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::ContentCommitment,
        ];
        params.use_authority_key_identifier_extension = true;
        params.key_identifier_method = KeyIdMethod::Sha256;
        params.crl_distribution_points = vec![CrlDistributionPoint {
            uris: vec![urls.crl.clone()],
        }];
        params.custom_extensions = vec![CustomExtension::from_oid_content(
            OID_AIA,
            authority_info_access(urls)?,
        )];
        let cert = params.signed_by(&key, &self.issuer).map_err(rc)?;
        Ok(Fresh {
            serial,
            der: cert.der().to_vec(),
            pem: cert.pem(),
            key_pem: key.serialize_pem(),
            subject: subject_text(holder),
        })
    }

    /// Signs a CRL listing `revoked`, valid for a day from now.
    pub fn crl(
        &self,
        revoked: &[RevokedEntry],
        number: u64,
    ) -> Result<(Vec<u8>, String), PkiError> {
        let now = now_seconds();
        let params = CertificateRevocationListParams {
            this_update: now,
            next_update: now + time::Duration::days(1),
            crl_number: SerialNumber::from_slice(&number.to_be_bytes()),
            issuing_distribution_point: None,
            revoked_certs: revoked
                .iter()
                .map(|r| RevokedCertParams {
                    serial_number: SerialNumber::from_slice(&r.serial),
                    revocation_time: r.at,
                    reason_code: r.reason.map(Reason::to_rcgen),
                    invalidity_date: None,
                })
                .collect(),
            key_identifier_method: KeyIdMethod::Sha256,
        };
        let crl = params.signed_by(&self.issuer).map_err(rc)?;
        let pem = crl.pem().map_err(rc)?;
        Ok((crl.der().to_vec(), pem))
    }
}

/// `CN=SURNAME NAME, SURNAME=…, GIVENNAME=…, SERIALNUMBER=IIN…, C=KZ[, O=…, OU=BIN…]`
fn subject_dn(h: &Holder) -> Result<DistinguishedName, PkiError> {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, format!("{} {}", h.surname, h.name));
    dn.push(
        DnType::CustomDnType(OID_SURNAME.to_vec()),
        h.surname.as_str(),
    );
    dn.push(
        DnType::CustomDnType(OID_GIVEN_NAME.to_vec()),
        h.name.as_str(),
    );
    dn.push(
        DnType::CustomDnType(OID_SERIAL_NUMBER.to_vec()),
        printable(&format!("IIN{}", h.iin))?,
    );
    dn.push(DnType::CountryName, printable("KZ")?);
    if let Some(org) = &h.org {
        dn.push(DnType::OrganizationName, org.name.as_str());
        dn.push(
            DnType::OrganizationalUnitName,
            printable(&format!("BIN{}", org.bin))?,
        );
    }
    Ok(dn)
}

/// The subject as text, in the order it is encoded.
pub fn subject_text(h: &Holder) -> String {
    let mut parts = vec![
        format!("CN={} {}", escape(&h.surname), escape(&h.name)),
        format!("SURNAME={}", escape(&h.surname)),
        format!("GIVENNAME={}", escape(&h.name)),
        format!("SERIALNUMBER=IIN{}", h.iin),
        "C=KZ".to_string(),
    ];
    if let Some(org) = &h.org {
        parts.push(format!("O={}", escape(&org.name)));
        parts.push(format!("OU=BIN{}", org.bin));
    }
    parts.join(", ")
}

/// The CA's subject as text.
pub fn ca_subject_text() -> String {
    format!("CN={CA_COMMON_NAME}, O={CA_ORGANIZATION}, C=KZ")
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The DER of AuthorityInfoAccessSyntax:
/// `SEQUENCE { SEQUENCE { id-ad-ocsp, [6] url }, SEQUENCE { id-ad-caIssuers, [6] url } }`.
fn authority_info_access(urls: &Urls) -> Result<Vec<u8>, PkiError> {
    let entry = |method: &str, url: &str| -> Result<AccessDescription, PkiError> {
        Ok(AccessDescription {
            access_method: der::oid::ObjectIdentifier::new(method)
                .map_err(|e| PkiError::Asn1(format!("bad OID {method}: {e}")))?,
            access_location: GeneralName::UniformResourceIdentifier(
                Ia5String::new(url).map_err(asn1)?,
            ),
        })
    };
    AuthorityInfoAccessSyntax(vec![
        entry(ID_AD_OCSP, &urls.ocsp)?,
        entry(ID_AD_CA_ISSUERS, &urls.ca_issuers)?,
    ])
    .to_der()
    .map_err(asn1)
}

fn printable(s: &str) -> Result<DnValue, PkiError> {
    PrintableString::try_from(s)
        .map(DnValue::PrintableString)
        .map_err(|e| PkiError::Invalid(format!("{s:?} is not a PrintableString: {e}")))
}

/// 16 random octets, first one in 0x01..=0x7f: positive and minimally encoded,
/// so the hex form is stable.
pub fn random_serial() -> Vec<u8> {
    let mut serial = vec![0u8; 16];
    rand::thread_rng().fill_bytes(&mut serial);
    serial[0] = (serial[0] & 0x7f).max(1);
    serial
}

/// Now, truncated to whole seconds (certificate times carry no fractions).
pub fn now_seconds() -> time::OffsetDateTime {
    let now = time::OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

fn rc(e: rcgen::Error) -> PkiError {
    PkiError::Crypto(e.to_string())
}

fn asn1(e: der::Error) -> PkiError {
    PkiError::Asn1(e.to_string())
}

impl Reason {
    fn to_rcgen(self) -> RevocationReason {
        match self {
            Reason::Unspecified => RevocationReason::Unspecified,
            Reason::KeyCompromise => RevocationReason::KeyCompromise,
            Reason::CaCompromise => RevocationReason::CaCompromise,
            Reason::AffiliationChanged => RevocationReason::AffiliationChanged,
            Reason::Superseded => RevocationReason::Superseded,
            Reason::CessationOfOperation => RevocationReason::CessationOfOperation,
            Reason::CertificateHold => RevocationReason::CertificateHold,
            Reason::PrivilegeWithdrawn => RevocationReason::PrivilegeWithdrawn,
            Reason::AaCompromise => RevocationReason::AaCompromise,
        }
    }
}

/// Writes a private key readable by its owner only.
fn write_private(path: &std::path::Path, pem: &str) -> std::io::Result<()> {
    std::fs::write(path, pem)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}
