//! `Retry-After`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
//!
//! The seconds are read here; a date is read by JavaScript's `Date.parse`, which knows all three
//! forms RFC 9110 asks recipients to accept (IMF-fixdate, RFC 850, asctime) for no wasm bytes,
//! and handed in as ms since the epoch. The decision stays here.

/// The wait a `Retry-After` value asks for, in ms, given the current time in ms since the epoch
/// and `date_ms`, the value read as a date (`Date.parse(value)`; `None` or NaN when it is not one).
/// Returns `None` for values that are neither form; a date in the past gives `Some(0)`.
///
/// Every date form starts with a day name, so only a value that starts with a letter counts as a
/// date: `Date.parse` is lenient (it reads `"1.5"` as a day of 2001).
pub fn retry_after_ms(value: &str, date_ms: Option<f64>, now_ms: f64) -> Option<u64> {
    let value = trim(value.as_bytes());
    if let Some(seconds) = number(value) {
        return Some(seconds.saturating_mul(1000));
    }
    let at = date_ms.filter(|ms| ms.is_finite())?;
    if !value.first()?.is_ascii_alphabetic() {
        return None;
    }
    Some(if at > now_ms { (at - now_ms) as u64 } else { 0 })
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn trim(mut bytes: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = bytes {
        if !is_space(*first) {
            break;
        }
        bytes = rest;
    }
    while let [rest @ .., last] = bytes {
        if !is_space(*last) {
            break;
        }
        bytes = rest;
    }
    bytes
}

/// ASCII digits only (one or more), as a number; a number too large for `u64` is `u64::MAX`
/// (a server asking for longer than anyone will wait still means "not now").
fn number(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds() {
        assert_eq!(retry_after_ms("2", None, 0.0), Some(2000));
        assert_eq!(retry_after_ms(" 0 ", None, 0.0), Some(0));
        assert_eq!(retry_after_ms("\t120\r\n", None, 0.0), Some(120_000));
        assert_eq!(retry_after_ms("007", None, 0.0), Some(7000));
        // Seconds win over whatever a lenient date reader makes of them.
        assert_eq!(retry_after_ms("7", Some(1.0e12), 0.0), Some(7000));
        // Longer than anyone will wait: still a wait, which the retry policy turns down.
        assert_eq!(
            retry_after_ms("9999999999999999999", None, 0.0),
            Some(u64::MAX)
        );
        assert_eq!(
            retry_after_ms("99999999999999999999999", None, 0.0),
            Some(u64::MAX)
        );
    }

    #[test]
    fn http_date() {
        // 1994-11-06T08:49:37Z = 784111777 s, as Date.parse reads each of the three forms.
        let now = 784_111_777_000.0;
        for form in [
            "Sun, 06 Nov 1994 08:49:39 GMT",
            "Sunday, 06-Nov-94 08:49:39 GMT",
            "Sun Nov  6 08:49:39 1994",
        ] {
            assert_eq!(
                retry_after_ms(form, Some(now + 2000.0), now),
                Some(2000),
                "{form}"
            );
        }
        assert_eq!(
            retry_after_ms("Sun, 06 Nov 1994 08:49:30 GMT", Some(now - 7000.0), now),
            Some(0)
        );
    }

    #[test]
    fn garbage() {
        assert_eq!(retry_after_ms("", None, 0.0), None);
        assert_eq!(retry_after_ms("soon", None, 0.0), None);
        assert_eq!(retry_after_ms("soon", Some(f64::NAN), 0.0), None);
        // What Date.parse reads as dates but is no date form: not a day name first.
        assert_eq!(retry_after_ms("+5", Some(9.8e11), 0.0), None);
        assert_eq!(retry_after_ms("1.5", Some(9.8e11), 0.0), None);
        assert_eq!(retry_after_ms("-1", Some(9.8e11), 0.0), None);
        assert_eq!(retry_after_ms("2026-12-07", Some(1.8e12), 0.0), None);
    }
}
