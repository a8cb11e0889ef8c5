//! Hostile *answers* never panic an adapter: whatever JSON a system returns
//! to `read`, the worked example's extract rules give a request view or a
//! named error.

use axum::routing::get;
use axum::Router;
use proptest::prelude::*;
use reglament_driver::adapter::AdapterTarget;
use reglament_driver::Target;
use serde_json::Value;
use std::sync::{Arc, Mutex};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/adapters/egov-like.toml"
);

/// Any JSON, biased towards the shapes the example's rules look into.
fn answer() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        Just(Value::String("12.03.2024 10:15:00".into())),
        Just(Value::String("IN_WORK".into())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("state".to_string()),
                    Just("labels".to_string()),
                    Just("history".to_string()),
                    Just("stage".to_string()),
                    Just("ts".to_string()),
                    Just("result".to_string()),
                    Just("needs".to_string()),
                    Just("bill".to_string()),
                    Just("appNo".to_string()),
                    "[a-z]{1,6}",
                ],
                inner,
                0..6,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn any_answer_to_read_gives_a_view_or_a_named_error() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let body: Arc<Mutex<String>> = Arc::new(Mutex::new("{}".into()));
    let served = body.clone();
    let url = rt.block_on(async move {
        let app = Router::new().route(
            "/api/applications/{no}",
            get(move || {
                let b = served.lock().unwrap().clone();
                async move { ([("content-type", "application/json")], b) }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        format!("http://{addr}")
    });
    let target = AdapterTarget::load(EXAMPLE).unwrap().with_base_url(&url);
    // A well-formed answer reads: the property below is not vacuous.
    *body.lock().unwrap() = serde_json::json!({
        "appNo": "A-1", "state": "IN_WORK", "labels": {"kz": "Өңделуде", "ru": "В работе"},
        "needs": null, "deadline": "19.03.2024", "rejectReason": null, "bill": null,
        "history": [{"stage": 1, "ts": "12.03.2024 10:15:00", "result": "OK"}],
    })
    .to_string();
    let view = rt
        .block_on(target.read("token", "A-1"))
        .expect("a well-formed answer reads");
    assert_eq!(view.events.len(), 1);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 300,
        ..ProptestConfig::default()
    });
    runner
        .run(&answer(), |v| {
            *body.lock().unwrap() = v.to_string();
            match rt.block_on(target.read("token", "A-1")) {
                Ok(_) => {}
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
            Ok(())
        })
        .unwrap();
}
