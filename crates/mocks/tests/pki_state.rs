//! A test CA kept in a folder survives restarts: a system configured once to
//! trust it keeps verifying the certificates of later runs.

use reglament_mocks::{Mocks, MocksConfig};
use std::process::Command;

// Multi-threaded: `openssl ocsp` (a blocking child process) calls the mock
// served by this same runtime.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ca_kept_in_a_folder_is_the_same_after_a_restart() {
    let state = tempfile::tempdir().unwrap();
    let cfg = || MocksConfig {
        pki_state_dir: Some(state.path().to_path_buf()),
        ..MocksConfig::default()
    };
    let first = Mocks::start(cfg()).await.unwrap();
    let ca_first = first.authority.ca_pem();
    first.stop().await;
    let key = state.path().join("ca.key.pem");
    assert!(key.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the CA key is private");
    }

    let second = Mocks::start(cfg()).await.unwrap();
    assert_eq!(second.authority.ca_pem(), ca_first);
    // The second run's certificate verifies against the first run's CA.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ca.pem"), &ca_first).unwrap();
    let good = second.authority.sample("good").unwrap();
    std::fs::write(dir.path().join("good.pem"), &good.cert_pem).unwrap();
    let out = Command::new("openssl")
        .args(["verify", "-CAfile", "ca.pem", "good.pem"])
        .current_dir(dir.path())
        .output()
        .expect("openssl is needed (.ci/run installs it)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("good.pem: OK"),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // And its OCSP answers are signed by the same key.
    let url = format!("{}/ocsp", second.pki.base_url());
    let out = Command::new("openssl")
        .args([
            "ocsp", "-issuer", "ca.pem", "-cert", "good.pem", "-url", &url, "-CAfile", "ca.pem",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Response verify OK") && text.contains("good.pem: good"),
        "{text}"
    );
    second.stop().await;
}

#[tokio::test]
async fn a_damaged_ca_folder_is_an_error_not_a_new_ca() {
    let state = tempfile::tempdir().unwrap();
    std::fs::write(state.path().join("ca.pem"), "not a certificate").unwrap();
    std::fs::write(state.path().join("ca.key.pem"), "not a key").unwrap();
    let cfg = MocksConfig {
        pki_state_dir: Some(state.path().to_path_buf()),
        ..MocksConfig::default()
    };
    assert!(Mocks::start(cfg).await.is_err());
}
