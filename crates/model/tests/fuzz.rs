//! Hostile input never panics the parsers: property tests over the limit and
//! next-action readers and over whole feature files. A crasher the
//! properties find is kept as a named case in the last test (none so far;
//! the cases there are the edges a reviewer would try first).

use proptest::prelude::*;
use reglament_model::{load, parse_limit, parse_next};

/// Characters the acts use, plus the ones that break naive slicing.
fn act_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("сек".to_string()),
            Just("мин".to_string()),
            Just("жұмыс".to_string()),
            Just("күн".to_string()),
            Just("күнтізбелік".to_string()),
            Just("тен".to_string()),
            Just("дейін".to_string()),
            Just("артық емес".to_string()),
            Just("–".to_string()),
            Just("-".to_string()),
            Just("—".to_string()),
            Just(";".to_string()),
            Just(",".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just(" ".to_string()),
            Just("егер".to_string()),
            "[0-9]{1,12}",
            "[0-9],[0-9]",
            "\\PC{0,3}",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn limits_never_panic(s in act_text()) {
        let _ = parse_limit(&s);
    }

    #[test]
    fn limits_of_any_unicode_never_panic(s in "\\PC{0,40}") {
        let _ = parse_limit(&s);
    }

    #[test]
    fn next_actions_never_panic(s in act_text()) {
        let _ = parse_next(&s);
    }

    /// A readable range always has its minimum at or below its maximum.
    #[test]
    fn wall_clock_ranges_are_ordered(s in act_text()) {
        if let Some(reglament_model::Budget::WallClock { min_s, max_s }) = parse_limit(&s) {
            prop_assert!(min_s <= max_s, "{s}: {min_s} > {max_s}");
            prop_assert!(min_s >= 0.0);
        }
    }
}

/// Feature text mutated line by line still loads (with diagnostics, never a panic).
fn mutated_feature() -> impl Strategy<Value = String> {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../features/apostille-education-2012/portal.feature"
    ))
    .unwrap();
    let lines: Vec<String> = base.lines().map(str::to_string).collect();
    let n = lines.len();
    proptest::collection::vec((0..n, 0usize..4, "\\PC{0,8}"), 1..6).prop_map(move |edits| {
        let mut ls = lines.clone();
        for (i, op, junk) in edits {
            let i = i % ls.len().max(1);
            match op {
                0 => {
                    ls.remove(i);
                }
                1 => ls.insert(i, junk),
                2 => {
                    let cut = ls[i]
                        .char_indices()
                        .nth(ls[i].chars().count() / 2)
                        .map(|(b, _)| b)
                        .unwrap_or(0);
                    ls[i].truncate(cut);
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
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn mutated_feature_files_load_without_panicking(text in mutated_feature()) {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("apostille-education-2012");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("portal.feature"), &text).unwrap();
        let loaded = load(&[dir.path().to_path_buf()]);
        // Every diagnostic names a line inside the file.
        let lines = text.lines().count().max(1);
        for d in &loaded.diagnostics {
            prop_assert!(d.source.line <= lines + 1, "{d:?} beyond {lines} lines");
        }
    }
}

#[test]
fn edge_cases_a_reviewer_would_try_first() {
    for s in [
        "",
        "–",
        "- -",
        "(",
        ")",
        "((",
        "1 (",
        "жұ- ",
        "- мин",
        "30–1 мин",
        "0,",
        ",5 мин",
        "1,5,5 мин",
        "99999999999999999999 сек",
    ] {
        let _ = parse_limit(s);
        let _ = parse_next(s);
    }
}
