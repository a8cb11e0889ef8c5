//! The journal: every call a mock received, with when it arrived and when it
//! was answered. It is the evidence of *when* an implementation called a
//! registry, the PKI or the payment gateway.
//!
//! It is a ring buffer: a long load run keeps the newest `capacity` entries
//! and counts what it dropped, so memory stays bounded.

use serde::Serialize;
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// One call to a mock.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Position in the journal of this mock (1, 2, …), never reused.
    pub seq: u64,
    pub mock: String,
    /// The operation's stable name (`person.lookup`, `invoice.create`, …).
    pub operation: String,
    /// The caller's socket address.
    pub caller: String,
    /// Wall-clock time the request arrived (UTC, RFC 3339 with microseconds).
    pub received_at: String,
    /// Wall-clock time the answer was sent.
    pub answered_at: String,
    /// Monotonic time from the mock's start to arrival / answer, in
    /// microseconds: durations computed from these never go backwards.
    pub received_us: u64,
    pub answered_us: u64,
    pub status: u16,
    /// Key fields of the call (IIN, BIN, invoice id, certificate serial …).
    pub fields: BTreeMap<String, String>,
}

#[derive(Debug)]
struct Ring {
    entries: VecDeque<Entry>,
    next_seq: u64,
    dropped: u64,
}

/// A bounded, shareable journal.
#[derive(Debug, Clone)]
pub struct Journal {
    ring: Arc<Mutex<Ring>>,
    capacity: usize,
    epoch: Instant,
}

/// What [`Journal::query`] returns.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub entries: Vec<Entry>,
    /// Entries dropped because the journal was full.
    pub dropped: u64,
    /// The seq the next entry will get: pass it as `since` to page on.
    pub next_seq: u64,
}

/// What a caller hands to the journal once a call is answered.
pub struct Call {
    pub operation: String,
    pub caller: String,
    pub received: (chrono::DateTime<chrono::Utc>, Instant),
    pub status: u16,
    pub fields: BTreeMap<String, String>,
}

impl Journal {
    pub fn new(capacity: usize, epoch: Instant) -> Self {
        Journal {
            ring: Arc::new(Mutex::new(Ring {
                entries: VecDeque::with_capacity(capacity.min(4096)),
                next_seq: 1,
                dropped: 0,
            })),
            capacity: capacity.max(1),
            epoch,
        }
    }

    pub fn record(&self, mock: &str, call: Call) -> u64 {
        let answered = (chrono::Utc::now(), Instant::now());
        let us = |t: Instant| t.saturating_duration_since(self.epoch).as_micros() as u64;
        let mut ring = self.ring.lock().expect("journal lock");
        let seq = ring.next_seq;
        ring.next_seq += 1;
        if ring.entries.len() == self.capacity {
            ring.entries.pop_front();
            ring.dropped += 1;
        }
        ring.entries.push_back(Entry {
            seq,
            mock: mock.to_string(),
            operation: call.operation,
            caller: call.caller,
            received_at: rfc3339(call.received.0),
            answered_at: rfc3339(answered.0),
            received_us: us(call.received.1),
            answered_us: us(answered.1),
            status: call.status,
            fields: call.fields,
        });
        seq
    }

    /// Entries with `seq >= since`, optionally of one operation, optionally
    /// having a field with a value (e.g. `iin=…`), oldest first, at most `limit`.
    pub fn query(
        &self,
        since: u64,
        operation: Option<&str>,
        field: Option<(&str, &str)>,
        limit: usize,
    ) -> Page {
        let ring = self.ring.lock().expect("journal lock");
        let entries = ring
            .entries
            .iter()
            .filter(|e| e.seq >= since)
            .filter(|e| operation.is_none_or(|op| e.operation == op))
            .filter(|e| field.is_none_or(|(k, v)| e.fields.get(k).is_some_and(|x| x == v)))
            .take(limit)
            .cloned()
            .collect();
        Page {
            entries,
            dropped: ring.dropped,
            next_seq: ring.next_seq,
        }
    }

    pub fn len(&self) -> usize {
        self.ring.lock().expect("journal lock").entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(op: &str, iin: &str) -> Call {
        Call {
            operation: op.into(),
            caller: "127.0.0.1:1".into(),
            received: (chrono::Utc::now(), Instant::now()),
            status: 200,
            fields: BTreeMap::from([("iin".to_string(), iin.to_string())]),
        }
    }

    #[test]
    fn the_ring_keeps_the_newest_and_counts_the_dropped() {
        let j = Journal::new(3, Instant::now());
        for i in 0..10 {
            j.record("registry", call("person.lookup", &i.to_string()));
        }
        let page = j.query(0, None, None, 100);
        assert_eq!(
            page.entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
            vec![8, 9, 10]
        );
        assert_eq!(page.dropped, 7);
        assert_eq!(page.next_seq, 11);
        assert_eq!(j.len(), 3);
    }

    #[test]
    fn queries_filter_by_seq_operation_and_field() {
        let j = Journal::new(100, Instant::now());
        j.record("r", call("person.lookup", "1"));
        j.record("r", call("entity.lookup", "2"));
        j.record("r", call("person.lookup", "3"));
        assert_eq!(j.query(2, None, None, 100).entries.len(), 2);
        assert_eq!(
            j.query(0, Some("person.lookup"), None, 100).entries.len(),
            2
        );
        let one = j.query(0, None, Some(("iin", "3")), 100);
        assert_eq!(one.entries.len(), 1);
        assert_eq!(one.entries[0].seq, 3);
        assert_eq!(j.query(0, None, None, 1).entries.len(), 1);
    }

    #[test]
    fn answered_is_never_before_received() {
        let j = Journal::new(10, Instant::now());
        j.record("r", call("x", "1"));
        let e = &j.query(0, None, None, 1).entries[0];
        assert!(e.answered_us >= e.received_us);
    }
}
