//! `Retry-After`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).

/// The wait a `Retry-After` value asks for, in ms, given the current time in ms since the epoch.
/// Returns `None` for values that are neither form; a date in the past gives `Some(0)`.
pub fn retry_after_ms(value: &str, now_ms: f64) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.saturating_mul(1000));
    }
    let at = http_date_ms(value)?;
    Some(if at > now_ms { (at - now_ms) as u64 } else { 0 })
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into ms since the epoch.
fn http_date_ms(value: &str) -> Option<f64> {
    let mut parts = value.split_whitespace();
    let _weekday = parts.next()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == month_name)? as i64
        + 1;
    let year: i64 = parts.next()?.parse().ok()?;
    let mut time = parts.next()?.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (time.next()??, time.next()??, time.next()??);
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
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
    }

    #[test]
    fn http_date() {
        // 1994-11-06T08:49:37Z = 784111777 s
        assert_eq!(
            http_date_ms("Sun, 06 Nov 1994 08:49:37 GMT"),
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
        assert_eq!(retry_after_ms("soon", 0.0), None);
        assert_eq!(retry_after_ms("Sun, 06 Nov 1994 08:49 GMT", 0.0), None);
        assert_eq!(retry_after_ms("-1", 0.0), None);
    }
}
