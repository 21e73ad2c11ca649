//! Identifiers: `conv_…`, `msg_…`, `ag_…` with 32 hex digits, UUIDs for files, and short
//! alphanumeric tool-call ids. They come from a counter mixed with a per-server seed, so they
//! look random, never repeat within one server, and differ between servers.

use std::sync::atomic::{AtomicU64, Ordering};

/// A source of fresh identifiers.
#[derive(Debug)]
pub struct Ids {
    seed: u64,
    counter: AtomicU64,
}

impl Ids {
    /// A source whose ids differ from those of other sources with another seed.
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            counter: AtomicU64::new(0),
        }
    }

    fn next_pair(&self) -> (u64, u64) {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let a = mix(self.seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let b = mix(a ^ n);
        (a, b)
    }

    /// `prefix_` followed by 32 hex digits, such as `conv_0a1b…`.
    pub fn next(&self, prefix: &str) -> String {
        let (a, b) = self.next_pair();
        format!("{prefix}_{a:016x}{b:016x}")
    }

    /// A version 4 style UUID.
    pub fn uuid(&self) -> String {
        let (a, b) = self.next_pair();
        let a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        let b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xFFFF,
            a & 0xFFFF,
            b >> 48,
            b & 0xFFFF_FFFF_FFFF
        )
    }

    /// A 9-character alphanumeric tool-call id, as Mistral's models produce them.
    pub fn tool_call_id(&self) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let (mut a, _) = self.next_pair();
        (0..9)
            .map(|_| {
                let c = ALPHABET[(a % ALPHABET.len() as u64) as usize] as char;
                a /= ALPHABET.len() as u64;
                c
            })
            .collect()
    }

    /// A random-looking 64-bit number (for signing keys).
    pub fn secret(&self) -> u64 {
        self.next_pair().0
    }
}

/// SplitMix64's finaliser.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a over bytes: a stable hash for deterministic choices (image colours, signatures).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_documented_forms_and_do_not_repeat() {
        let ids = Ids::new(7);
        let a = ids.next("conv");
        let b = ids.next("conv");
        assert_ne!(a, b);
        assert_eq!(a.len(), 5 + 32);
        assert!(a[5..].bytes().all(|c| c.is_ascii_hexdigit()));
        let u = ids.uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        let t = ids.tool_call_id();
        assert_eq!(t.len(), 9);
        assert!(t.bytes().all(|c| c.is_ascii_alphanumeric()));
    }
}
