//! `Retry-After`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).

/// The wait a `Retry-After` value asks for, in ms, given the current time in ms since the epoch.
/// Returns `None` for values that are neither form; a date in the past gives `Some(0)`.
///
/// Parsed byte by byte: `str::parse`, `trim` and `split_whitespace` would bring their generic
/// searchers into the wasm for one header.
pub fn retry_after_ms(value: &str, now_ms: f64) -> Option<u64> {
    let value = trim(value.as_bytes());
    if let Some(seconds) = number(value) {
        return Some(seconds.saturating_mul(1000));
    }
    let at = http_date_ms(value)?;
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

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into ms since the epoch.
fn http_date_ms(value: &[u8]) -> Option<f64> {
    let mut parts = value
        .split(|&b| is_space(b))
        .filter(|part| !part.is_empty());
    let _weekday = parts.next()?;
    let day = number(parts.next()?)? as i64;
    let month_name = parts.next()?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| m.as_bytes() == month_name)? as i64
        + 1;
    let year = number(parts.next()?)? as i64;
    let mut time = parts.next()?.split(|&b| b == b':').map(number);
    let (h, m, s) = (
        time.next()?? as i64,
        time.next()?? as i64,
        time.next()?? as i64,
    );
    if parts.next()? != b"GMT"
        || !(1..=31).contains(&day)
        || !(1..=9999).contains(&year)
        || h > 23
        || m > 59
        || s > 60
    {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 86_400 + h * 3600 + m * 60 + s) * 1000) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds() {
        assert_eq!(retry_after_ms("2", 0.0), Some(2000));
        assert_eq!(retry_after_ms(" 0 ", 0.0), Some(0));
        assert_eq!(retry_after_ms("\t120\r\n", 0.0), Some(120_000));
        assert_eq!(retry_after_ms("007", 0.0), Some(7000));
        // Longer than anyone will wait: still a wait, which the retry policy turns down.
        assert_eq!(retry_after_ms("9999999999999999999", 0.0), Some(u64::MAX));
        assert_eq!(
            retry_after_ms("99999999999999999999999", 0.0),
            Some(u64::MAX)
        );
    }

    #[test]
    fn http_date() {
        // 1994-11-06T08:49:37Z = 784111777 s
        assert_eq!(
            http_date_ms(b"Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000.0)
        );
        assert_eq!(
            retry_after_ms("Sun, 06 Nov 1994 08:49:39 GMT", 784_111_777_000.0),
            Some(2000)
        );
        assert_eq!(
            retry_after_ms("Sun, 06 Nov 1994 08:49:30 GMT", 784_111_777_000.0),
            Some(0)
        );
    }

    #[test]
    fn garbage() {
        assert_eq!(retry_after_ms("", 0.0), None);
        assert_eq!(retry_after_ms("+5", 0.0), None);
        assert_eq!(retry_after_ms("1.5", 0.0), None);
        assert_eq!(
            retry_after_ms("Sun, 06 Nov 999999999 08:49:37 GMT", 0.0),
            None
        );
        assert_eq!(retry_after_ms("Sun, 06 Nov 1994 08:49:37 UTC", 0.0), None);
        assert_eq!(retry_after_ms("Sun, 06 Foo 1994 08:49:37 GMT", 0.0), None);
        assert_eq!(retry_after_ms("Sun, 32 Nov 1994 08:49:37 GMT", 0.0), None);
        assert_eq!(retry_after_ms("Sun, 06 Nov 1994 24:00:00 GMT", 0.0), None);
        assert_eq!(retry_after_ms("soon", 0.0), None);
        assert_eq!(retry_after_ms("Sun, 06 Nov 1994 08:49 GMT", 0.0), None);
        assert_eq!(retry_after_ms("-1", 0.0), None);
    }
}
