//! `report.html` in a real browser: a run with a budget failure, opened from
//! disk in Debian's headless Chromium with no network, must show the failed
//! scenario first, step 7 marked failed, the step graph with the walked path,
//! and the step's budget bar over 100 %; and it must render (a screenshot that
//! is not blank).
//!
//! Needs `chromium` on PATH (Debian: `apt-get install -y chromium`; CI's
//! .ci/run installs it). Without it the test fails, saying so.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> PathBuf {
    if let Some(p) = std::env::var_os("REGLAMENT_CHROMIUM") {
        return PathBuf::from(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "chromium is not installed: this test opens report.html in headless Chromium. \
         Install it with `apt-get install -y chromium` (Debian), or point \
         REGLAMENT_CHROMIUM at a Chromium binary"
    );
}

/// Runs headless Chromium on `page` with `extra` flags; stdout goes to
/// `stdout`. Gives up after two minutes.
fn headless(profile: &Path, page: &Path, extra: &[String], stdout: &Path) {
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(format!("file://{}", page.display()))
    .stdin(Stdio::null())
    .stdout(File::create(stdout).unwrap())
    .stderr(File::create(stdout.with_extension("stderr")).unwrap());
    let mut child = cmd.spawn().expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let err = std::fs::read_to_string(stdout.with_extension("stderr")).unwrap_or_default();
            assert!(status.success(), "chromium failed ({status}): {err}");
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The opening tag of the first element whose opening tag contains `needle`.
fn tag_with<'a>(dom: &'a str, needle: &str) -> Option<&'a str> {
    let at = dom.find(needle)?;
    let start = dom[..at].rfind('<')?;
    let end = at + dom[at..].find('>')?;
    Some(&dom[start..=end])
}

#[test]
fn report_html_in_headless_chromium() {
    let browser = chromium();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("run");
    let o = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args([
            "run",
            "--fault",
            "slow-registration",
            "--service",
            "apostille-education-2012",
            "--tags",
            "main",
            "--out",
        ])
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("reglament runs");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "a budget failure: {err}");
    let page = out.join("report.html");
    let html = std::fs::read_to_string(&page).expect("report.html is written");

    // Self-contained: nothing to fetch.
    for bad in ["src=", "href=", "<link", "@import", "url(http", "<script"] {
        assert!(!html.contains(bad), "report.html has {bad:?}");
    }

    // The DOM as Chromium builds it.
    let profile = tmp.path().join("profile");
    let dom_file = tmp.path().join("dom.html");
    headless(&profile, &page, &["--dump-dom".into()], &dom_file);
    let dom = std::fs::read_to_string(&dom_file).unwrap();
    assert!(
        dom.contains("<svg class=\"graph\""),
        "{} has no step graph: {dom}",
        browser.display()
    );

    // The verdict, and the failed scenario listed first.
    assert!(
        tag_with(&dom, "id=\"verdict\"").is_some_and(|t| t.contains("fails")),
        "{dom}"
    );
    assert!(dom.contains(">does not conform<"));
    let first = tag_with(&dom, "<details class=\"scenario").expect("a scenario section");
    assert!(
        first.contains("data-status=\"failed\""),
        "first scenario: {first}"
    );
    let first_at = dom.find("<details class=\"scenario").unwrap();
    assert!(dom[first_at..].contains("Main flow"));

    // Step 7 is marked failed: in the failures list, in the timeline and in the graph.
    assert!(
        dom.contains("<li class=\"failed-step\" data-step=\"7\">"),
        "{dom}"
    );
    assert!(
        dom.contains("<tr class=\"step fail\" data-step=\"7\">"),
        "{dom}"
    );
    assert!(dom.contains("<tr class=\"step pass\" data-step=\"6\">"));
    let node7 = tag_with(&dom, "data-step=\"7\"><title>").expect("node 7 in the graph");
    assert!(
        node7.contains("node") && node7.contains("walked") && node7.contains("failed"),
        "{node7}"
    );

    // The walked path 1 → 3 → 4 → 6 → 7 → 9 → 11 is highlighted; 7 → 8 is not walked.
    for (a, b) in [(1, 3), (3, 4), (4, 6), (6, 7), (7, 9), (9, 11)] {
        let edge = tag_with(&dom, &format!("data-from=\"{a}\" data-to=\"{b}\""))
            .unwrap_or_else(|| panic!("no edge {a} → {b}"));
        assert!(edge.contains("class=\"edge walked\""), "{edge}");
    }
    let other = tag_with(&dom, "data-from=\"7\" data-to=\"8\"").expect("edge 7 → 8");
    assert!(other.contains("class=\"edge\""), "{other}");
    for n in [2, 5, 8, 10] {
        let node = tag_with(&dom, &format!("data-step=\"{n}\"><title>")).unwrap();
        assert!(!node.contains("walked"), "{node}");
    }

    // Step 7's budget bar: over 100 %, drawn red.
    let row = &dom[dom
        .find("<tr class=\"step fail\" data-step=\"7\">")
        .unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("class=\"fill over\""), "{row}");
    let cell = "class=\"num use over\">";
    let use_at = row.find(cell).expect("use cell marked over") + cell.len();
    let pct: f64 = row[use_at..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|e| panic!("{e}: {row}"));
    assert!(pct > 100.0, "{pct} %");

    // It renders: a 1280 × 2000 PNG with content (a blank page is ~10 KB).
    let shot = tmp.path().join("shot.png");
    headless(
        &profile,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".into(),
        ],
        &tmp.path().join("shot.out"),
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 2000));
    assert!(png.len() > 50_000, "{} bytes: a blank page?", png.len());
}
