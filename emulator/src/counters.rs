//! How many requests each `x-emulator-fault` value has seen (for `fail=N`), for the
//! [`CAPACITY`] values used most recently: a value unused for that long is forgotten (its count
//! starts afresh), so a client sending ever new values cannot grow the emulator without bound.
//! Values are kept as 128-bit digests, so a long header costs no more than a short one.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

/// How many distinct header values are remembered.
pub const CAPACITY: usize = 10_000;

type Key = [u8; 16];

#[derive(Debug)]
struct Lru {
    capacity: usize,
    /// Count and last use, by digest.
    counts: HashMap<Key, (u64, u64)>,
    /// Digests by last use, oldest first.
    by_use: BTreeMap<u64, Key>,
    clock: u64,
}

/// The fault counters.
#[derive(Debug)]
pub struct Counters(Mutex<Lru>);

impl Default for Counters {
    fn default() -> Self {
        Self::with_capacity(CAPACITY)
    }
}

fn digest(value: &str) -> Key {
    let full = Sha256::digest(value.as_bytes());
    let mut key = [0u8; 16];
    key.copy_from_slice(&full[..16]);
    key
}

impl Counters {
    /// Counters that remember at most `capacity` values (at least one).
    pub fn with_capacity(capacity: usize) -> Self {
        Self(Mutex::new(Lru {
            capacity: capacity.max(1),
            counts: HashMap::new(),
            by_use: BTreeMap::new(),
            clock: 0,
        }))
    }

    /// Counts one more request for `value`; returns how many came before it.
    pub fn hit(&self, value: &str) -> u64 {
        let key = digest(value);
        let mut lru = self.0.lock().unwrap_or_else(|e| e.into_inner());
        lru.clock += 1;
        let now = lru.clock;
        let before = match lru.counts.get_mut(&key) {
            Some((count, used)) => {
                let (before, last) = (*count, *used);
                *count += 1;
                *used = now;
                lru.by_use.remove(&last);
                before
            }
            None => {
                if lru.counts.len() >= lru.capacity {
                    if let Some((_, oldest)) = lru.by_use.pop_first() {
                        lru.counts.remove(&oldest);
                    }
                }
                lru.counts.insert(key, (1, now));
                0
            }
        };
        lru.by_use.insert(now, key);
        before
    }

    /// How many values are remembered now.
    pub fn len(&self) -> usize {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .counts
            .len()
    }

    /// Whether no value is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_value() {
        let c = Counters::default();
        assert_eq!(
            [c.hit("a"), c.hit("a"), c.hit("b"), c.hit("a")],
            [0, 1, 0, 2]
        );
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn forgets_the_least_recently_used_value_past_the_capacity() {
        let c = Counters::with_capacity(3);
        c.hit("old");
        c.hit("kept");
        c.hit("other");
        c.hit("kept"); // now "old" is the least recently used
        c.hit("new");
        assert_eq!(c.len(), 3);
        assert_eq!(c.hit("kept"), 2, "still counted");
        assert_eq!(c.hit("old"), 0, "forgotten: counts afresh");
    }

    #[test]
    fn stays_bounded_under_many_distinct_values() {
        let c = Counters::default();
        for i in 0..3 * CAPACITY {
            c.hit(&format!("fail=1,key={i}"));
            assert!(c.len() <= CAPACITY);
        }
        assert_eq!(c.len(), CAPACITY);
        let lru = c.0.lock().unwrap();
        assert_eq!(lru.by_use.len(), CAPACITY, "both indexes agree");
        drop(lru);
        // The most recent values are the ones remembered.
        assert_eq!(c.hit(&format!("fail=1,key={}", 3 * CAPACITY - 1)), 1);
        assert_eq!(c.hit("fail=1,key=0"), 0);
    }
}
