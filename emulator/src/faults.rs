//! Fault injection, chosen per request by the `x-emulator-fault` header.
//!
//! The header holds comma-separated items (see `emulator/README.md`):
//! `drop-after=N`, `end-early[=N]`, `rate-limit[=SECONDS|date]`, `fail=N`, `status=CODE`,
//! `delay-ms=N`, `cut-delay-ms=N`, `malformed`, `unknown-event`, `huge[=BYTES]`, `error-event[=CODE]`, `key=WORD`.
//!
//! Request-level faults (`rate-limit`, `fail`, `status`) are answered by [`layer`] before any
//! handler runs. Body-level faults are carried to the handlers in the request's extensions:
//! streams apply them event by event (`sse.rs`); JSON bodies get `delay-ms`, `drop-after` and
//! `end-early` here, after the handler.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::AppState;

/// The header that carries the faults.
pub const HEADER: &str = "x-emulator-fault";

/// The default size of `huge`: 4 MiB.
pub const DEFAULT_HUGE: usize = 4 * 1024 * 1024;
/// The largest `huge`: 256 MiB.
pub const MAX_HUGE: usize = 256 * 1024 * 1024;

/// How `Retry-After` is spelled on an injected 429.
#[derive(Debug, Clone, PartialEq)]
pub enum RetryAfter {
    /// A number of seconds.
    Seconds(u64),
    /// An HTTP date this many seconds ahead.
    Date(u64),
}

/// The faults of one request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// Abort the connection after this many complete events (and half of the next one).
    pub drop_after: Option<usize>,
    /// End the body cleanly after this many complete events and half of the next;
    /// `Some(None)`: right before `conversation.response.done`.
    pub end_early: Option<Option<usize>>,
    /// Answer 429 with this `Retry-After`.
    pub rate_limit: Option<RetryAfter>,
    /// Fail only the first N requests carrying this header value.
    pub fail: Option<u32>,
    /// The status of injected failures (500, or 429 with `rate-limit`).
    pub status: Option<StatusCode>,
    /// Wait this long before each event but the first (before the body, for JSON).
    pub delay_ms: Option<u64>,
    /// With `drop-after` / `end-early`: wait this long after the last bytes before the cut,
    /// so that a client has read them (a browser may discard received data when the
    /// connection breaks at once).
    pub cut_delay_ms: Option<u64>,
    /// One event with truncated JSON.
    pub malformed: bool,
    /// One event of a type the API does not have.
    pub unknown_event: bool,
    /// One `message.output.delta` whose content is this many bytes.
    pub huge: Option<usize>,
    /// A `conversation.response.error` with this code, then a clean end.
    pub error_event: Option<i64>,
}

impl Faults {
    /// Whether any fault changes the body of a response.
    pub fn touches_body(&self) -> bool {
        self.drop_after.is_some() || self.end_early.is_some() || self.delay_ms.is_some()
    }
}

/// The largest `delay-ms` / `cut-delay-ms`: ten minutes.
pub const MAX_DELAY_MS: u64 = 600_000;
/// The largest `rate-limit` in seconds: a year.
pub const MAX_RETRY_AFTER: u64 = 365 * 86_400;
/// The largest `error-event` code: the largest integer JavaScript holds exactly (the SDK's
/// `z.int()` refuses larger ones).
pub const MAX_ERROR_CODE: u64 = (1 << 53) - 1;
/// The largest event count for `drop-after` / `end-early`, and the largest `fail`.
pub const MAX_COUNT: u64 = u32::MAX as u64;

/// The number of item `item` (`name=arg`): a whole number from 0 to `max`.
fn number(name: &str, arg: Option<&str>, item: &str, max: u64) -> Result<u64, String> {
    let arg = arg.ok_or_else(|| format!("`{name}` needs a number: `{name}=N`"))?;
    let n = match arg.parse::<u64>() {
        Ok(n) => n,
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => u64::MAX,
        Err(_) => return Err(format!("`{name}` needs a whole number, got `{item}`")),
    };
    if n > max {
        return Err(format!("`{name}` must be at most {max}, got `{item}`"));
    }
    Ok(n)
}

/// Parses the header's value. Every number is range-checked: one out of range is an error
/// naming its fault (never a wrapped or silently clamped value).
pub fn parse(value: &str) -> Result<Faults, String> {
    let mut f = Faults::default();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (name, arg) = match item.split_once('=') {
            Some((n, a)) => (n.trim(), Some(a.trim())),
            None => (item, None),
        };
        let num = |max: u64| number(name, arg, item, max);
        match name {
            "drop-after" => f.drop_after = Some(num(MAX_COUNT)? as usize),
            "end-early" => {
                f.end_early = Some(match arg {
                    None => None,
                    Some(_) => Some(num(MAX_COUNT)? as usize),
                })
            }
            "rate-limit" => {
                f.rate_limit = Some(match arg {
                    None => RetryAfter::Seconds(1),
                    Some("date") => RetryAfter::Date(1),
                    Some(_) => RetryAfter::Seconds(num(MAX_RETRY_AFTER)?),
                })
            }
            "fail" => f.fail = Some(num(MAX_COUNT)? as u32),
            "status" => {
                let code = num(999)?;
                let status = u16::try_from(code)
                    .ok()
                    .and_then(|c| StatusCode::from_u16(c).ok())
                    .filter(|s| s.is_client_error() || s.is_server_error())
                    .ok_or_else(|| format!("`status` must be a 4xx or 5xx code, got {code}"))?;
                f.status = Some(status);
            }
            "delay-ms" => f.delay_ms = Some(num(MAX_DELAY_MS)?),
            "cut-delay-ms" => f.cut_delay_ms = Some(num(MAX_DELAY_MS)?),
            "malformed" => f.malformed = true,
            "unknown-event" => f.unknown_event = true,
            "huge" => {
                f.huge = Some(match arg {
                    None => DEFAULT_HUGE,
                    Some(_) => num(MAX_HUGE as u64)? as usize,
                })
            }
            "error-event" => {
                f.error_event = Some(match arg {
                    None => 3000,
                    Some(_) => num(MAX_ERROR_CODE)? as i64,
                })
            }
            "key" => {} // only makes the header value (the counting key) distinct
            _ => return Err(format!("unknown fault `{name}`")),
        }
    }
    if f.cut_delay_ms.is_some() && f.drop_after.is_none() && f.end_early.is_none() {
        return Err("`cut-delay-ms` needs `drop-after` or `end-early`".into());
    }
    Ok(f)
}

/// Middleware: parses the header, answers injected failures, and cuts or delays JSON bodies.
pub async fn layer(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let Some(raw) = request.headers().get(HEADER) else {
        request.extensions_mut().insert(Faults::default());
        return next.run(request).await;
    };
    let Ok(raw) = raw.to_str().map(str::to_owned) else {
        return ApiError::bad_request(format!("`{HEADER}` must be ASCII")).into_response();
    };
    let faults = match parse(&raw) {
        Ok(f) => f,
        Err(message) => {
            return ApiError::bad_request(format!("bad `{HEADER}`: {message}")).into_response()
        }
    };

    let failing = faults.fail.is_some() || faults.rate_limit.is_some() || faults.status.is_some();
    if failing {
        let before = state.fault_counters.hit(&raw);
        let fail_now = match faults.fail {
            Some(n) => before < u64::from(n),
            None => true,
        };
        if fail_now {
            if let Some(retry) = &faults.rate_limit {
                let value = match retry {
                    RetryAfter::Seconds(s) => s.to_string(),
                    RetryAfter::Date(s) => {
                        crate::clock::http_date(crate::clock::unix_seconds() + *s as i64 + 1)
                    }
                };
                let mut e = ApiError::rate_limited(value);
                if let Some(status) = faults.status {
                    e.status = status;
                }
                return e.into_response();
            }
            return ApiError::injected(faults.status.unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
                .into_response();
        }
    }

    request.extensions_mut().insert(faults.clone());
    let response = next.run(request).await;
    let is_stream = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/event-stream"));
    if is_stream || !faults.touches_body() {
        return response;
    }
    cut_json(response, &faults).await
}

/// Applies `delay-ms`, `drop-after` and `end-early` to a non-stream body: the delay before
/// the body; the cut after half of it (abruptly, or with a clean end).
async fn cut_json(response: Response, faults: &Faults) -> Response {
    if let Some(ms) = faults.delay_ms {
        crate::timer::sleep(std::time::Duration::from_millis(ms)).await;
    }
    if faults.drop_after.is_none() && faults.end_early.is_none() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return ApiError::internal("could not read the response body").into_response();
    };
    let half = bytes.slice(..bytes.len() / 2);
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert("x-emulator-cut", HeaderValue::from_static("half-body"));
    let abort = faults.drop_after.is_some();
    let pause = faults
        .cut_delay_ms
        .map(std::time::Duration::from_millis)
        .unwrap_or_default();
    Response::from_parts(parts, crate::sse::cut_body(half, abort, pause))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_item() {
        let f = parse("drop-after=3, end-early, rate-limit=2, fail=2, status=503, delay-ms=5, cut-delay-ms=300, malformed, unknown-event, huge=10, error-event=42, key=abc").unwrap();
        assert_eq!(f.cut_delay_ms, Some(300));
        assert_eq!(f.drop_after, Some(3));
        assert_eq!(f.end_early, Some(None));
        assert_eq!(f.rate_limit, Some(RetryAfter::Seconds(2)));
        assert_eq!(f.fail, Some(2));
        assert_eq!(f.status, Some(StatusCode::SERVICE_UNAVAILABLE));
        assert_eq!(f.delay_ms, Some(5));
        assert!(f.malformed && f.unknown_event);
        assert_eq!(f.huge, Some(10));
        assert_eq!(f.error_event, Some(42));
        assert_eq!(parse("end-early=4").unwrap().end_early, Some(Some(4)));
        assert_eq!(parse("huge").unwrap().huge, Some(DEFAULT_HUGE));
        assert_eq!(
            parse("rate-limit=date").unwrap().rate_limit,
            Some(RetryAfter::Date(1))
        );
    }

    #[test]
    fn rejects_nonsense() {
        assert!(parse("explode").is_err());
        assert!(parse("drop-after").is_err());
        assert!(parse("fail=x").is_err());
        assert!(parse("status=200").is_err());
        assert!(parse("huge=999999999999").is_err());
        assert!(parse("cut-delay-ms=100").is_err(), "nothing to delay");
        assert!(parse("cut-delay-ms=100,end-early").is_ok());
        assert!(parse("error-event=-1").is_err());
    }

    #[test]
    fn numbers_are_range_checked_and_the_error_names_the_fault() {
        for (item, fault) in [
            ("error-event=18446744073709551615", "error-event"),
            ("error-event=9007199254740992", "error-event"),
            ("error-event=99999999999999999999999", "error-event"),
            ("fail=4294967296", "fail"),
            ("drop-after=4294967296", "drop-after"),
            ("end-early=99999999999999999999", "end-early"),
            ("delay-ms=600001", "delay-ms"),
            ("cut-delay-ms=600001,end-early", "cut-delay-ms"),
            ("rate-limit=31536001", "rate-limit"),
            ("status=65936", "status"),
            ("huge=268435457", "huge"),
        ] {
            let e = parse(item).unwrap_err();
            assert!(e.contains(&format!("`{fault}`")), "{item}: {e}");
        }
        let f = parse("error-event=9007199254740991, fail=4294967295, delay-ms=600000").unwrap();
        assert_eq!(f.error_event, Some(9_007_199_254_740_991));
        assert_eq!(f.fail, Some(u32::MAX));
        assert_eq!(f.delay_ms, Some(600_000));
    }
}
