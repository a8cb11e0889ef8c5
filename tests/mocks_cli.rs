//! `reglament mocks` as a user runs it: URLs on stdout, PKI samples on disk,
//! real HTTP, a clean stop on SIGTERM, and clear errors for bad input.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_reglament"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// A plain HTTP/1.1 GET (no client library: this is what any system sees).
fn http_get(base_url: &str, path: &str) -> String {
    let host = base_url.trim_start_matches("http://");
    let mut s = TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn mocks_print_their_urls_write_pki_samples_answer_and_stop_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = bin()
        .args(["mocks", "--pki-out"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut urls = std::collections::BTreeMap::new();
    for _ in 0..3 {
        let v: serde_json::Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
        urls.insert(
            v["mock"].as_str().unwrap().to_string(),
            v["base_url"].as_str().unwrap().to_string(),
        );
    }
    for mock in ["registry", "payment", "pki"] {
        assert!(
            urls[mock].starts_with("http://127.0.0.1:"),
            "{mock} on loopback: {urls:?}"
        );
    }
    for f in [
        "ca.pem",
        "good.pem",
        "good.key.pem",
        "revoked.pem",
        "expired.pem",
        "iin-mismatch.pem",
        "manifest.json",
    ] {
        assert!(dir.path().join(f).exists(), "{f} written");
    }
    let answer = http_get(&urls["registry"], "/persons/850314382048");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let answer = http_get(&urls["pki"], "/ca.pem");
    assert!(answer.contains("BEGIN CERTIFICATE"), "{answer}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "a requested stop is a clean exit");
}

#[test]
fn bad_profile_files_are_refused_before_any_port_opens() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[registy]\nerror_rate = 0.5\n").unwrap();
    let o = bin()
        .args(["mocks", "--profiles"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.toml") && err.contains("registy"), "{err}");
    assert!(
        o.stdout.is_empty(),
        "no URL printed for mocks that never started"
    );

    let o = bin()
        .args(["mocks", "--profiles", "/nonexistent/p.toml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}
