//! RFC 3339 date-times as JavaScript's `Date` holds them: milliseconds since the epoch.
//!
//! The transcoder writes a date-time field as this number, so JavaScript makes the `Date` from
//! a number (`new Date(ms)`, a few times cheaper than parsing the text) where the official SDK
//! parses the string.

/// The milliseconds since 1970-01-01T00:00:00Z of an RFC 3339 date-time such as
/// `2025-05-27T13:38:28.129185Z` or `2025-05-27T15:38:28+02:00`, truncated to the millisecond
/// as `Date.parse` does (and as loosely: a day past the month's end rolls over). Without an
/// offset the time is read as UTC (the API's). `None` for anything else, which is then left as
/// the string it was.
#[inline(never)]
pub fn epoch_ms(s: &[u8]) -> Option<i64> {
    // year, month, day, hour, minute, second, then the offset's hours and minutes
    let mut f = [0i64; 8];
    if !fields(s.get(..19)?, b"dddd-dd-ddTdd:dd:dd", &mut f[..6]) {
        return None;
    }
    let mut i = 19;
    let mut ms = 0;
    if s.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while let Some(c) = s.get(i).filter(|c| c.is_ascii_digit()) {
            if i - start < 3 {
                ms = ms * 10 + i64::from(c - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start)..3 {
            ms *= 10;
        }
    }
    let rest = s.get(i..).unwrap_or_default();
    let sign = match rest {
        [] | [b'Z' | b'z'] => 0,
        [b'+', offset @ ..] if fields(offset, b"dd:dd", &mut f[6..]) => 1,
        [b'-', offset @ ..] if fields(offset, b"dd:dd", &mut f[6..]) => -1,
        _ => return None,
    };
    let [year, month, day, hour, minute, second, off_h, off_m] = f;
    // As `Date.parse` in V8: February 30th is March 2nd.
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 59 || off_h > 23 || off_m > 59 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let minutes = (days * 24 + hour) * 60 + minute - sign * (off_h * 60 + off_m);
    Some((minutes * 60 + second) * 1000 + ms)
}

/// Reads `s`, which must be exactly as long as `template`, into `out`: a number for each run of
/// `d` (a digit) in it; any other byte must be there as it is (`T` may also be `t` or a space).
#[inline(never)]
fn fields(s: &[u8], template: &[u8], out: &mut [i64]) -> bool {
    if s.len() != template.len() {
        return false;
    }
    let mut k = 0;
    for (&t, &c) in template.iter().zip(s) {
        if t == b'd' {
            if !c.is_ascii_digit() {
                return false;
            }
            match out.get_mut(k) {
                Some(field) => *field = *field * 10 + i64::from(c - b'0'),
                None => return false,
            }
        } else if c == t || (t == b'T' && matches!(c, b't' | b' ')) {
            k += 1;
        } else {
            return false;
        }
    }
    true
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Appends `value` in decimal.
pub fn write_i64(out: &mut Vec<u8>, value: i64) {
    if value < 0 {
        out.push(b'-');
    }
    write_u64(out, value.unsigned_abs());
}

fn write_u64(out: &mut Vec<u8>, n: u64) {
    if n >= 10 {
        write_u64(out, n / 10);
    }
    out.push(b'0' + (n % 10) as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rfc3339_as_date_parse_does() {
        assert_eq!(epoch_ms(b"1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            epoch_ms(b"2025-05-27T13:38:28.129185Z"),
            Some(1_748_353_108_129)
        );
        assert_eq!(
            epoch_ms(b"2025-05-27T15:38:28.129+02:00"),
            Some(1_748_353_108_129)
        );
        assert_eq!(epoch_ms(b"2025-05-27T13:38:28.1Z"), Some(1_748_353_108_100));
        assert_eq!(epoch_ms(b"2025-05-27T13:38:28"), Some(1_748_353_108_000));
        assert_eq!(epoch_ms(b"1969-12-31T23:59:59.999Z"), Some(-1));
        assert_eq!(
            epoch_ms(b"2024-02-29T00:00:00-00:30"),
            Some(1_709_166_600_000)
        );
        assert_eq!(epoch_ms(b"2025-02-30T00:00:00Z"), Some(1_740_873_600_000));
        for bad in [
            &b""[..],
            b"2025-05-27",
            b"2025-02-32T00:00:00Z",
            b"2025-13-01T00:00:00Z",
            b"2025-05-27T24:00:00Z",
            b"2025-05-27T13:38:28.Z",
            b"2025-05-27T13:38:28Zjunk",
            b"2025-05-27T13:38:28+0200",
            b"2025-05-27X13:38:28Z",
            b"20a5-05-27T13:38:28Z",
        ] {
            assert_eq!(epoch_ms(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn writes_integers() {
        for n in [0, 7, -1, 1_748_353_108_129, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            write_i64(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }
}
