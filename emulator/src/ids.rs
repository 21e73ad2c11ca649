//! Identifiers: `conv_…`, `msg_…`, `ag_…` with 32 hex digits, UUIDs for files, and short
//! alphanumeric tool-call ids, all from the system's random source (`getrandom`: the OS natively,
//! `crypto.getRandomValues` in wasm) shaped by `uuid`; and `hash64`, a stable SHA-256-based hash
//! for deterministic choices (image colours, signatures, document hashes).

use sha2::{Digest, Sha256};
use uuid::{Builder, Uuid};

/// A source of fresh identifiers (random: they never repeat in practice, within one emulator or
/// across emulators).
#[derive(Debug, Default)]
pub struct Ids;

impl Ids {
    /// A source of identifiers.
    pub fn new() -> Self {
        Self
    }

    /// 16 random bytes. A random source that fails (no `crypto` in the runtime) falls back to
    /// the clock's microseconds hashed with a counter: still unique within one emulator.
    fn random_bytes(&self) -> [u8; 16] {
        let mut bytes = [0u8; 16];
        if getrandom::fill(&mut bytes).is_err() {
            use std::sync::atomic::{AtomicU64, Ordering};
            static COUNTER: AtomicU64 = AtomicU64::new(0);
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let seed = format!("{}:{n}", crate::clock::now_micros());
            bytes.copy_from_slice(&Sha256::digest(seed.as_bytes())[..16]);
        }
        bytes
    }

    fn random_uuid(&self) -> Uuid {
        Builder::from_random_bytes(self.random_bytes()).into_uuid()
    }

    /// `prefix_` followed by 32 hex digits, such as `conv_0a1b…`.
    pub fn next(&self, prefix: &str) -> String {
        format!(
            "{prefix}_{:x}",
            Uuid::from_bytes(self.random_bytes()).simple()
        )
    }

    /// A version 4 UUID.
    pub fn uuid(&self) -> String {
        self.random_uuid().hyphenated().to_string()
    }

    /// A 9-character alphanumeric tool-call id, as Mistral's models produce them.
    pub fn tool_call_id(&self) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let mut a = u128::from_le_bytes(self.random_bytes());
        (0..9)
            .map(|_| {
                let c = ALPHABET[(a % ALPHABET.len() as u128) as usize] as char;
                a /= ALPHABET.len() as u128;
                c
            })
            .collect()
    }

    /// A random 64-bit number (for signing keys).
    pub fn secret(&self) -> u64 {
        let b = self.random_bytes();
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    }
}

/// The first 64 bits of the SHA-256 of `bytes`: stable across runs and platforms.
pub fn hash64(bytes: &[u8]) -> u64 {
    let d = Sha256::digest(bytes);
    u64::from_be_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_documented_forms_and_do_not_repeat() {
        let ids = Ids::new();
        let a = ids.next("conv");
        let b = ids.next("conv");
        assert_ne!(a, b);
        assert_eq!(a.len(), 5 + 32);
        assert!(a[5..].bytes().all(|c| c.is_ascii_hexdigit()));
        let u = ids.uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
        let t = ids.tool_call_id();
        assert_eq!(t.len(), 9);
        assert!(t.bytes().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(ids.secret(), ids.secret());
    }

    #[test]
    fn hash64_is_stable() {
        assert_eq!(hash64(b"abc"), 0xba78_16bf_8f01_cfea);
        assert_ne!(hash64(b"abc"), hash64(b"abd"));
    }
}
