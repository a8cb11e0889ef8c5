//! A walk's steps and their durations, measured by the same rule as the
//! conformance judge ([`Walk::step_timings`]): the first step by the
//! harness's monotonic timing of its call, each later step as the difference
//! of consecutive target timestamps. Here any step off the expected path, or
//! unmeasurable, is an error of the flow.

use reglament_driver::walk::{Took, Walk};
use std::time::Duration;

/// What one flow's walk gave, against its expected path.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// Steps of the expected path done as expected, with their durations.
    pub samples: Vec<(u32, Duration)>,
    /// The step of the expected path that failed, and why.
    pub error: Option<(u32, String)>,
}

pub fn measure(w: &Walk, channel: &str, expected: &[u32]) -> Measured {
    let mut out = Measured {
        samples: Vec::new(),
        error: None,
    };
    let first_step = expected.first().copied().unwrap_or(1);
    if let Some(p) = &w.auth_refused {
        out.error = Some((first_step, format!("sign-in refused: {}", p.error)));
        return out;
    }
    let timings = w.step_timings(channel == "portal");
    for (i, n) in expected.iter().enumerate() {
        let Some(t) = timings.get(i) else {
            let why = if let Some(err) = &w.error {
                err.clone()
            } else if w.gave_up {
                "the request never ended: the harness gave up waiting".into()
            } else {
                "not done by the target".into()
            };
            out.error = Some((*n, why));
            return out;
        };
        if t.step != *n {
            out.error = Some((
                *n,
                format!("the target did step {} where the act has step {n}", t.step),
            ));
            return out;
        }
        let d = match t.took {
            Some(Took::Harness(d)) => Some(d),
            Some(Took::Target(d)) => {
                let us = d.num_microseconds().unwrap_or(i64::MAX);
                if us < 0 {
                    out.error = Some((*n, "timestamped before the step ahead of it".into()));
                    return out;
                }
                Some(Duration::from_micros(us as u64))
            }
            None => None,
        };
        let Some(d) = d else {
            let at = w
                .last
                .as_ref()
                .map(|v| v.events[i].at.as_str())
                .unwrap_or("");
            out.error = Some((*n, format!("\"{at}\" is not an RFC 3339 time")));
            return out;
        };
        out.samples.push((*n, d));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use reglament_driver::walk::Call;
    use reglament_driver::RequestView;
    use std::time::Instant;

    fn view(events: &[(u32, &str)]) -> RequestView {
        serde_json::from_value(serde_json::json!({
            "request_id": "r",
            "status": "completed",
            "status_text": {"kk": "", "ru": ""},
            "is_final": true,
            "events": events.iter().map(|(s, at)| serde_json::json!({"step": s, "at": at, "outcome": "done"})).collect::<Vec<_>>(),
        }))
        .unwrap()
    }

    #[test]
    fn durations_from_the_harness_then_the_target() {
        let w = Walk {
            calls: vec![Call {
                operation: "authenticate",
                started: Instant::now(),
                elapsed: Duration::from_millis(30),
                outcome: "ok".into(),
            }],
            last: Some(view(&[
                (1, "2024-01-01T10:00:00+06:00"),
                (2, "2024-01-01T10:00:01.5+06:00"),
                (3, "2024-01-01T10:00:17.5+06:00"),
            ])),
            ..Default::default()
        };
        let m = measure(&w, "portal", &[1, 2, 3]);
        assert_eq!(m.error, None);
        assert_eq!(
            m.samples,
            vec![
                (1, Duration::from_millis(30)),
                (2, Duration::from_millis(1500)),
                (3, Duration::from_secs(16))
            ]
        );
        let m = measure(&w, "portal", &[1, 2, 4, 5]);
        assert_eq!(m.samples.len(), 2);
        assert_eq!(m.error.unwrap().0, 4);
        let m = measure(&w, "portal", &[1, 2, 3, 5]);
        assert_eq!(m.error.unwrap(), (5, "not done by the target".to_string()));
    }
}
