//! Hostile adapter files never panic the loader: the worked example, mutated
//! line by line, either loads or is refused with a located error.

use proptest::prelude::*;
use reglament_driver::adapter::AdapterTarget;

fn mutated_example() -> impl Strategy<Value = String> {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/adapters/egov-like.toml"
    ))
    .unwrap();
    let lines: Vec<String> = base.lines().map(str::to_string).collect();
    let n = lines.len();
    let junk = prop_oneof![
        "\\PC{0,12}",
        Just("{{".to_string()),
        Just("}}".to_string()),
        Just("{{ input.nope }}".to_string()),
        Just("$.a[".to_string()),
        Just("$..x".to_string()),
        Just("| map:".to_string()),
        Just("\"".to_string()),
        Just("[operations.read.extract]".to_string()),
    ];
    proptest::collection::vec((0..n, 0usize..4, junk), 1..5).prop_map(move |edits| {
        let mut ls = lines.clone();
        for (i, op, junk) in edits {
            let i = i % ls.len().max(1);
            match op {
                0 => {
                    ls.remove(i);
                }
                1 => ls.insert(i, junk),
                2 => {
                    let keep = ls[i].chars().count() / 2;
                    ls[i] = ls[i].chars().take(keep).collect();
                }
                _ => ls[i].push_str(&junk),
            }
            if ls.is_empty() {
                ls.push(String::new());
            }
        }
        ls.join("\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn mutated_adapter_files_load_or_fail_with_a_location(text in mutated_example()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("adapter.toml");
        std::fs::write(&path, &text).unwrap();
        if let Err(e) = AdapterTarget::load(&path) {
            let msg = e.to_string();
            prop_assert!(msg.contains("adapter.toml"), "{msg}");
        }
    }
}
