//! The behaviour profiles shipped in mocks/profiles/ are valid.

use reglament_mocks::profile::parse_profiles;

#[test]
fn every_shipped_profile_file_parses_and_names_known_mocks() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../mocks/profiles");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("mocks/profiles exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let set = parse_profiles(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(!set.is_empty(), "{}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 5, "only {seen} profile files");
}
