//! Reading what a certificate says about its holder: the subject as text,
//! the IIN and BIN of the Kazakh national subject form, serial and dates.
//!
//! The national form (NCA RK) puts the individual's IIN in SERIALNUMBER
//! (2.5.4.5) as `IIN` + 12 digits and, on a legal entity's employee
//! certificate, the entity's BIN in OU (2.5.4.11) as `BIN` + 12 digits:
//! `CN=ТЕСТОВ ТЕСТ, SURNAME=ТЕСТОВ, GIVENNAME=ТЕСТ, SERIALNUMBER=IIN850314382048,
//! C=KZ, O=…, OU=BIN080440885107`.

use chrono::{DateTime, Utc};
use der::asn1::ObjectIdentifier;
use der::{Any, Tag, Tagged};
use x509_cert::name::Name;
use x509_cert::time::Time;

const OID_CN: &str = "2.5.4.3";
const OID_SERIAL_NUMBER: &str = "2.5.4.5";
const OID_OU: &str = "2.5.4.11";

/// Short names of the attribute types met in Kazakh certificates.
fn short_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    Some(match oid.to_string().as_str() {
        OID_CN => "CN",
        "2.5.4.4" => "SURNAME",
        OID_SERIAL_NUMBER => "SERIALNUMBER",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "STREET",
        "2.5.4.10" => "O",
        OID_OU => "OU",
        "2.5.4.12" => "T",
        "2.5.4.42" => "GIVENNAME",
        "2.5.4.43" => "INITIALS",
        "2.5.4.97" => "ORGANIZATIONIDENTIFIER",
        "1.2.840.113549.1.9.1" => "E",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        _ => return None,
    })
}

/// The text of a directory string, or `None` for a type that is not one.
pub(crate) fn directory_string(value: &Any) -> Option<String> {
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::VisibleString => {
            std::str::from_utf8(bytes).ok().map(str::to_string)
        }
        // T.61: good enough as Latin-1 for the ASCII range it is used for.
        Tag::TeletexString => Some(bytes.iter().map(|b| char::from(*b)).collect()),
        Tag::BmpString => {
            if bytes.len() % 2 != 0 {
                return None;
            }
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()
        }
        _ => None,
    }
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

/// The name as text in the order it is encoded (not RFC 4514's reversed
/// order), `CN=…, SURNAME=…, …`, multi-valued RDNs joined with `+`; the same
/// form the PKI mock uses for subjects. Values that are not strings are
/// written `#` + hex of their DER.
pub fn name_text(name: &Name) -> String {
    name.0
        .iter()
        .map(|rdn| {
            rdn.0
                .iter()
                .map(|atv| {
                    let key =
                        short_name(&atv.oid).map_or_else(|| atv.oid.to_string(), String::from);
                    let value = match directory_string(&atv.value) {
                        Some(s) => escape(&s),
                        None => {
                            let der = der::Encode::to_der(&atv.value).unwrap_or_default();
                            format!("#{}", crate::crypto::hex(&der))
                        }
                    };
                    format!("{key}={value}")
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The string values of every attribute of type `oid` in `name`.
fn values<'a>(name: &'a Name, oid: &'a str) -> impl Iterator<Item = String> + 'a {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(move |atv| atv.oid.to_string() == oid)
        .filter_map(|atv| directory_string(&atv.value))
}

/// `prefix` + exactly 12 ASCII digits → the digits.
fn tagged_number(value: &str, prefix: &str) -> Option<String> {
    let digits = value.trim().strip_prefix(prefix)?;
    (digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_string())
}

/// The IIN from `SERIALNUMBER=IIN<12 digits>`.
pub fn iin(subject: &Name) -> Option<String> {
    values(subject, OID_SERIAL_NUMBER).find_map(|v| tagged_number(&v, "IIN"))
}

/// The BIN from `OU=BIN<12 digits>`.
pub fn bin(subject: &Name) -> Option<String> {
    values(subject, OID_OU).find_map(|v| tagged_number(&v, "BIN"))
}

/// Upper-case hex of a serial number's content octets without leading zero
/// octets (the form the PKI mock and `openssl x509 -serial` use).
pub fn serial_hex(serial: &[u8]) -> String {
    let first = serial.iter().position(|b| *b != 0);
    match first {
        Some(i) => crate::crypto::hex(&serial[i..]),
        None => "00".to_string(),
    }
}

/// A certificate time as a chrono UTC time.
pub(crate) fn chrono_time(t: &Time) -> DateTime<Utc> {
    unix_to_chrono(t.to_unix_duration())
}

pub(crate) fn unix_to_chrono(d: std::time::Duration) -> DateTime<Utc> {
    let secs = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
    DateTime::from_timestamp(secs, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::Decode;

    fn any(tag: Tag, bytes: &[u8]) -> Any {
        Any::new(tag, bytes).unwrap()
    }

    #[test]
    fn tagged_numbers_need_exactly_twelve_digits() {
        assert_eq!(
            tagged_number("IIN850314382048", "IIN").as_deref(),
            Some("850314382048")
        );
        assert_eq!(tagged_number("IIN85031438204", "IIN"), None);
        assert_eq!(tagged_number("IIN8503143820481", "IIN"), None);
        assert_eq!(tagged_number("BIN08044088510X", "BIN"), None);
        assert_eq!(tagged_number("850314382048", "IIN"), None);
    }

    #[test]
    fn directory_strings_of_every_kind() {
        assert_eq!(
            directory_string(&any(Tag::Utf8String, "ТЕСТОВ".as_bytes())).as_deref(),
            Some("ТЕСТОВ")
        );
        assert_eq!(
            directory_string(&any(Tag::PrintableString, b"KZ")).as_deref(),
            Some("KZ")
        );
        let bmp: Vec<u8> = "Әл".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            directory_string(&any(Tag::BmpString, &bmp)).as_deref(),
            Some("Әл")
        );
        assert_eq!(directory_string(&any(Tag::Integer, &[1])), None);
    }

    #[test]
    fn serial_hex_strips_leading_zeros() {
        assert_eq!(serial_hex(&[0x00, 0x8f, 0x01]), "8F01");
        assert_eq!(serial_hex(&[0x00]), "00");
    }

    #[test]
    fn name_text_keeps_encoded_order_and_escapes() {
        use std::str::FromStr;
        // RFC 4514 text is in reverse order: C first when encoded.
        let name = Name::from_str("CN=a\\,b,O=Org,C=KZ").unwrap();
        let der = der::Encode::to_der(&name).unwrap();
        let name = Name::from_der(&der).unwrap();
        assert_eq!(name_text(&name), "C=KZ, O=Org, CN=a\\,b");
    }
}
