//! The implementation's clock: real time plus an offset the harness may set
//! (`PUT /clock`), so day-scale limits can be judged without waiting days.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
pub struct Clock {
    offset: Arc<Mutex<Duration>>,
}

impl Clock {
    pub fn now_utc(&self) -> DateTime<Utc> {
        Utc::now() + *self.offset.lock().expect("clock lock")
    }
    /// Now on the legal (Astana) clock.
    pub fn now(&self) -> DateTime<FixedOffset> {
        reglament_calendar::to_legal(&self.now_utc())
    }
    /// Sets the clock to `to` from now on (time keeps running from there).
    pub fn set(&self, to: DateTime<Utc>) {
        *self.offset.lock().expect("clock lock") = to - Utc::now();
    }
}
