//! TLS to the target with a private CA, and mutual TLS with a client
//! certificate (as the e-government gateway requires).

use axum::routing::get;
use axum::{Json, Router};
use reglament_driver::{ContractTarget, Target, Tls};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::sync::Arc;
use std::time::Duration;

struct Pki {
    ca_pem: String,
    client_pem: String,
    server_chain: Vec<CertificateDer<'static>>,
    server_key: PrivateKeyDer<'static>,
    ca_der: CertificateDer<'static>,
}

fn pki() -> Pki {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "target test CA");
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issuer = rcgen::Issuer::new(ca_params, ca_key);

    let server_key = KeyPair::generate().unwrap();
    let mut sp = CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    sp.subject_alt_names
        .push(rcgen::SanType::IpAddress("127.0.0.1".parse().unwrap()));
    let server = sp.signed_by(&server_key, &issuer).unwrap();

    let client_key = KeyPair::generate().unwrap();
    let mut cp = CertificateParams::new(Vec::<String>::new()).unwrap();
    cp.distinguished_name
        .push(rcgen::DnType::CommonName, "reglament harness");
    let client = cp.signed_by(&client_key, &issuer).unwrap();

    Pki {
        ca_pem: ca.pem(),
        client_pem: format!("{}{}", client.pem(), client_key.serialize_pem()),
        server_chain: vec![server.der().clone()],
        server_key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der())),
        ca_der: ca.der().clone(),
    }
}

/// An HTTPS target that demands a client certificate from the CA.
async fn serve(p: &Pki) -> String {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add(p.ca_der.clone()).unwrap();
    let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .build()
    .unwrap();
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_client_cert_verifier(verifier)
        .with_single_cert(p.server_chain.clone(), p.server_key.clone_key())
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let app = Router::new().route(
        "/reglament/v1/capabilities",
        get(|| async { Json(serde_json::json!({"contract_version": "1", "services": [], "clock_control": false})) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                continue;
            };
            let acceptor = acceptor.clone();
            let app = app.clone();
            tokio::spawn(async move {
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let service = hyper_util::service::TowerToHyperService::new(app);
                let _ = hyper_util::server::conn::auto::Builder::new(
                    hyper_util::rt::TokioExecutor::new(),
                )
                .serve_connection(hyper_util::rt::TokioIo::new(tls), service)
                .await;
            });
        }
    });
    format!("https://127.0.0.1:{}/reglament/v1", addr.port())
}

const T: Duration = Duration::from_secs(5);

#[tokio::test]
async fn mutual_tls_with_the_private_ca_and_a_client_certificate_works() {
    let p = pki();
    let url = serve(&p).await;
    let tls = Tls {
        ca_pem: Some(p.ca_pem.clone().into_bytes()),
        identity_pem: Some(p.client_pem.clone().into_bytes()),
    };
    let target = ContractTarget::with_tls(&url, T, &tls).unwrap();
    let caps = target.capabilities().await.unwrap();
    assert_eq!(caps.contract_version, "1");
    assert!(
        !format!("{tls:?}").contains("PRIVATE KEY"),
        "the key is never printed"
    );
}

#[tokio::test]
async fn without_the_client_certificate_the_target_refuses_and_it_is_said() {
    let p = pki();
    let url = serve(&p).await;
    let tls = Tls {
        ca_pem: Some(p.ca_pem.clone().into_bytes()),
        identity_pem: None,
    };
    let target = ContractTarget::with_tls(&url, T, &tls).unwrap();
    let e = target.capabilities().await.unwrap_err().to_string();
    assert!(!e.is_empty());
}

#[tokio::test]
async fn an_unknown_ca_is_refused_with_the_reason() {
    let p = pki();
    let url = serve(&p).await;
    let target = ContractTarget::new(&url, T);
    let e = target.capabilities().await.unwrap_err().to_string();
    assert!(e.to_lowercase().contains("certificate"), "{e}");
}

#[test]
fn unreadable_tls_material_is_refused_before_any_request() {
    let bad = Tls {
        ca_pem: Some(b"not a certificate".to_vec()),
        identity_pem: None,
    };
    assert!(ContractTarget::with_tls("https://127.0.0.1:1", T, &bad).is_err());
    let bad = Tls {
        ca_pem: None,
        identity_pem: Some(
            b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".to_vec(),
        ),
    };
    assert!(ContractTarget::with_tls("https://127.0.0.1:1", T, &bad).is_err());
}
