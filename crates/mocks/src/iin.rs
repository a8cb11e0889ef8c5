//! ЖСН (IIN) and БСН (BIN): the 12-digit identification numbers of
//! individuals and legal entities, with their check digit.
//!
//! The check digit (12th) is the weighted sum of the first eleven digits mod
//! 11, weights 1..=11; when that gives 10, a second pass uses weights
//! 3..=11,1,2; when that also gives 10 the number is never issued (a generator
//! must draw another serial).

use rand::Rng;
use std::fmt;

const PASS1: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const PASS2: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The check digit of the first eleven digits, or `None` when both passes
/// give 10 (no valid number has these eleven digits).
pub fn check_digit(first11: &[u8; 11]) -> Option<u8> {
    let pass = |w: &[u32; 11]| {
        first11
            .iter()
            .zip(w)
            .map(|(d, w)| *d as u32 * w)
            .sum::<u32>()
            % 11
    };
    match pass(&PASS1) {
        10 => match pass(&PASS2) {
            10 => None,
            d => Some(d as u8),
        },
        d => Some(d as u8),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("must be 12 digits")]
    Shape,
    #[error("check digit is {found}, expected {expected}")]
    CheckDigit { expected: u8, found: u8 },
    #[error("no valid number has these first eleven digits")]
    NeverIssued,
}

/// Validates a 12-digit IIN or BIN (the check digit is the same for both).
pub fn validate(id: &str) -> Result<(), IdError> {
    let digits: Vec<u8> = id.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    if digits.len() != 12 || digits.iter().any(|d| *d > 9) {
        return Err(IdError::Shape);
    }
    let first: [u8; 11] = digits[..11].try_into().expect("12 digits");
    match check_digit(&first) {
        None => Err(IdError::NeverIssued),
        Some(d) if d == digits[11] => Ok(()),
        Some(expected) => Err(IdError::CheckDigit {
            expected,
            found: digits[11],
        }),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// A valid 12-digit identification number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Iin(String);

impl Iin {
    pub fn parse(s: &str) -> Result<Self, IdError> {
        validate(s).map(|_| Iin(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Date of birth encoded in the first six digits and the century digit.
    pub fn birth_date(&self) -> Option<chrono::NaiveDate> {
        let d = self.0.as_bytes();
        let n = |i: usize| (d[i] - b'0') as u32;
        let yy = n(0) * 10 + n(1);
        let century = match n(6) {
            1 | 2 => 1800,
            3 | 4 => 1900,
            5 | 6 => 2000,
            _ => return None,
        };
        chrono::NaiveDate::from_ymd_opt((century + yy) as i32, n(2) * 10 + n(3), n(4) * 10 + n(5))
    }

    /// Draws a valid IIN for a birth date and sex; the serial is random and is
    /// drawn again whenever the eleven digits admit no check digit.
    pub fn generate(rng: &mut impl Rng, birth: chrono::NaiveDate, sex: Sex) -> Iin {
        use chrono::Datelike;
        let century = match (birth.year() / 100, sex) {
            (18, Sex::Male) => 1,
            (18, Sex::Female) => 2,
            (19, Sex::Male) => 3,
            (19, Sex::Female) => 4,
            (_, Sex::Male) => 5,
            (_, Sex::Female) => 6,
        };
        let prefix = format!(
            "{:02}{:02}{:02}{century}",
            birth.year() % 100,
            birth.month(),
            birth.day()
        );
        generate_with_prefix(rng, &prefix, 4)
    }
}

impl fmt::Display for Iin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Kinds of legal entity in the 5th digit of a BIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Resident = 4,
    NonResident = 5,
    JointVenture = 6,
}

/// Draws a valid BIN registered in `year`/`month` (head office, division digit 0).
pub fn generate_bin(rng: &mut impl Rng, year: i32, month: u32, kind: EntityKind) -> Iin {
    let prefix = format!("{:02}{:02}{}0", year % 100, month, kind as u8);
    generate_with_prefix(rng, &prefix, 5)
}

fn generate_with_prefix(rng: &mut impl Rng, prefix: &str, serial_len: u32) -> Iin {
    loop {
        let serial = rng.gen_range(0..10u32.pow(serial_len));
        let first = format!("{prefix}{serial:0width$}", width = serial_len as usize);
        let digits: [u8; 11] = first
            .bytes()
            .map(|b| b - b'0')
            .collect::<Vec<_>>()
            .try_into()
            .expect("11 digits");
        if let Some(check) = check_digit(&digits) {
            return Iin(format!("{first}{check}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn first_pass_check_digit() {
        // 9 0 0 1 0 1 3 0 0 0 1: 9*1 + 1*4 + 1*6 + 3*7 + 1*11 = 51 → 51 mod 11 = 7
        assert_eq!(check_digit(&[9, 0, 0, 1, 0, 1, 3, 0, 0, 0, 1]), Some(7));
        assert_eq!(validate("900101300017"), Ok(()));
        assert_eq!(
            validate("900101300018"),
            Err(IdError::CheckDigit {
                expected: 7,
                found: 8
            })
        );
    }

    #[test]
    fn second_pass_when_the_first_gives_ten() {
        // Every serial whose first pass gives 10 must take the second pass.
        let mut found = false;
        for serial in 0..10_000u32 {
            let s = format!("9001013{serial:04}");
            let d: [u8; 11] = s
                .bytes()
                .map(|b| b - b'0')
                .collect::<Vec<_>>()
                .try_into()
                .unwrap();
            let p1 = d.iter().zip(PASS1).map(|(d, w)| *d as u32 * w).sum::<u32>() % 11;
            if p1 == 10 {
                let p2 = d.iter().zip(PASS2).map(|(d, w)| *d as u32 * w).sum::<u32>() % 11;
                assert_eq!(check_digit(&d), (p2 != 10).then_some(p2 as u8));
                found = true;
            }
        }
        assert!(found);
    }

    #[test]
    fn never_issued_numbers_are_rejected() {
        let mut seen = 0;
        for serial in 0..10_000u32 {
            let s = format!("8502094{serial:04}");
            let d: [u8; 11] = s
                .bytes()
                .map(|b| b - b'0')
                .collect::<Vec<_>>()
                .try_into()
                .unwrap();
            if check_digit(&d).is_none() {
                seen += 1;
                for last in 0..10 {
                    assert_eq!(validate(&format!("{s}{last}")), Err(IdError::NeverIssued));
                }
            }
        }
        assert!(seen > 0, "some serials admit no check digit");
    }

    #[test]
    fn shape_errors() {
        assert_eq!(validate("12345"), Err(IdError::Shape));
        assert_eq!(validate("12345678901a"), Err(IdError::Shape));
    }

    #[test]
    fn generated_numbers_are_valid_and_encode_birth_and_sex() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let birth = chrono::NaiveDate::from_ymd_opt(1985, 2, 9).unwrap();
        for _ in 0..500 {
            let iin = Iin::generate(&mut rng, birth, Sex::Female);
            assert_eq!(validate(iin.as_str()), Ok(()));
            assert_eq!(&iin.as_str()[..7], "8502094");
            assert_eq!(iin.birth_date(), Some(birth));
        }
        let child = Iin::generate(
            &mut rng,
            chrono::NaiveDate::from_ymd_opt(2015, 6, 1).unwrap(),
            Sex::Male,
        );
        assert_eq!(&child.as_str()[6..7], "5");
        for _ in 0..200 {
            let bin = generate_bin(&mut rng, 2012, 3, EntityKind::Resident);
            assert_eq!(validate(bin.as_str()), Ok(()));
            assert_eq!(&bin.as_str()[..6], "120340");
        }
    }
}
