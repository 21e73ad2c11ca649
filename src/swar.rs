//! Word-at-a-time byte search ("SIMD within a register"): eight bytes per step on every target,
//! wasm32 included, where a byte loop costs a bounds check and a branch per byte.
//!
//! Each test sets the high bit of every byte lane that matches. Lanes above the first match may
//! be set spuriously (a borrow), never lanes below it, so the lowest set bit is always exact.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Lanes equal to `byte`.
#[inline(always)]
fn eq(word: u64, byte: u8) -> u64 {
    let x = word ^ (LO * u64::from(byte));
    x.wrapping_sub(LO) & !x & HI
}

/// Lanes below `n` (for `n <= 0x80`).
#[inline(always)]
fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(LO * u64::from(n)) & !word & HI
}

#[inline(always)]
fn word(bytes: &[u8], at: usize) -> Option<u64> {
    let lanes: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(lanes))
}

/// The index of the first CR or LF in `bytes`.
#[inline(always)]
pub(crate) fn find_line_end(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(w) = word(bytes, i) {
        let m = eq(w, b'\n') | eq(w, b'\r');
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|p| i + p)
}

/// From `from`, the index of the first byte that ends the plain run of a JSON string body
/// (`"`, `\`, or a control character), or `bytes.len()`; and whether the bytes scanned on
/// the way might include non-ASCII (a conservative flag: it may be set by bytes past the stop).
#[inline(always)]
pub(crate) fn find_string_stop(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    let mut high = 0u64;
    while let Some(w) = word(bytes, i) {
        high |= w & HI;
        let m = eq(w, b'"') | eq(w, b'\\') | below(w, 0x20);
        if m != 0 {
            return (i + (m.trailing_zeros() / 8) as usize, high != 0);
        }
        i += 8;
    }
    for (offset, &b) in bytes[i..].iter().enumerate() {
        if b >= 0x80 {
            high = 1;
        }
        if b == b'"' || b == b'\\' || b < 0x20 {
            return (i + offset, high != 0);
        }
    }
    (bytes.len(), high != 0)
}

/// Whether every byte is ASCII.
#[inline]
pub(crate) fn is_ascii(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut high = 0u64;
    while let Some(w) = word(bytes, i) {
        high |= w;
        i += 8;
    }
    high & HI == 0 && bytes[i..].iter().all(|&b| b < 0x80)
}

/// Whether `a` and `b` hold the same bytes, compared a word at a time (on wasm32 `==` on
/// slices calls a byte-at-a-time `memcmp`).
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while let (Some(x), Some(y)) = (word(a, i), word(b, i)) {
        if x != y {
            return false;
        }
        i += 8;
    }
    a[i..].iter().zip(&b[i..]).all(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_stop(bytes: &[u8], from: usize) -> usize {
        bytes[from..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .map_or(bytes.len(), |p| from + p)
    }

    #[test]
    fn agrees_with_a_byte_loop_at_every_position() {
        let alphabet = [
            b'a', b'"', b'\\', b'\n', b'\r', 0x1f, 0x20, 0x7f, 0x80, 0xe9, b'0',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..40 {
            for _ in 0..200 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet[(seed % alphabet.len() as u64) as usize]
                    })
                    .collect();
                let line = bytes.iter().position(|&b| b == b'\n' || b == b'\r');
                assert_eq!(find_line_end(&bytes), line, "{bytes:?}");
                for from in 0..=len {
                    let (stop, high) = find_string_stop(&bytes, from);
                    assert_eq!(stop, naive_stop(&bytes, from), "{bytes:?} from {from}");
                    if bytes[from..stop].iter().any(|&b| b >= 0x80) {
                        assert!(high, "{bytes:?} from {from}");
                    }
                }
                assert_eq!(is_ascii(&bytes), bytes.is_ascii());
            }
        }
    }

    #[test]
    fn same_bytes_agrees_with_slice_equality() {
        let base: Vec<u8> = (0..40u8).collect();
        for len in 0..40 {
            for flip in 0..len {
                let a = &base[..len];
                let mut b = a.to_vec();
                assert!(same_bytes(a, &b));
                b[flip] ^= 1;
                assert!(!same_bytes(a, &b), "len {len}, flip {flip}");
            }
            assert!(!same_bytes(&base[..len], &base[..len + 1]));
        }
    }
}
