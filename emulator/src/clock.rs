//! Wall-clock times in the API's spellings (RFC 3339 with microseconds, unix seconds, HTTP
//! dates), from `chrono`: its `Utc::now()` reads `Date.now()` in wasm (feature `wasmbind`), where
//! `std::time::SystemTime::now()` would trap.

use chrono::{DateTime, SecondsFormat, Utc};

/// Microseconds since the unix epoch.
pub fn now_micros() -> i64 {
    Utc::now().timestamp_micros()
}

/// Seconds since the unix epoch.
pub fn unix_seconds() -> i64 {
    Utc::now().timestamp()
}

/// Now, as RFC 3339 with microseconds and a `Z` offset: `2026-01-01T00:00:00.000000Z`.
pub fn now_rfc3339() -> String {
    rfc3339(now_micros())
}

/// A time in microseconds since the epoch, as RFC 3339 (UTC); the epoch itself for a time
/// chrono cannot represent.
pub fn rfc3339(micros: i64) -> String {
    DateTime::from_timestamp_micros(micros)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A time in unix seconds as an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`), for `Retry-After`.
pub fn http_date(secs: i64) -> String {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(
            rfc3339(1_767_225_600_000_001),
            "2026-01-01T00:00:00.000001Z"
        );
        assert_eq!(rfc3339(951_782_400_000_000), "2000-02-29T00:00:00.000000Z");
        assert_eq!(http_date(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
    }

    #[test]
    fn now_is_after_this_code_was_written() {
        assert!(unix_seconds() > 1_780_000_000);
        assert!(now_rfc3339().ends_with('Z'));
    }
}
