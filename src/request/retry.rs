//! The retry policy: which failures are retried, and how long to wait before the next attempt.
//!
//! Retries are on by default where they are safe: a connection error or a 408 / 409 / 429 /
//! 5xx response, always before any byte of a success body has been read (a stream that has
//! delivered an event is never retried). Waits grow exponentially with full jitter, capped, and
//! a server's `Retry-After` wins when it asks for longer. The configuration has the official
//! SDK's shape (`{ strategy: "backoff", backoff: {...}, retryConnectionErrors }`).

use super::seam::{failure, retry, strategy};

/// A failed attempt, as the policy tells failures apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No response: the connection failed, or dropped before the headers.
    Connection,
    /// No response headers within the timeout.
    HeadersTimeout,
    /// A response with this (failure) status.
    Status(u16),
}

impl Failure {
    /// The failure `js/transport.js` reports as a number: [`failure::CONNECTION`],
    /// [`failure::HEADERS_TIMEOUT`], else the response's status (see [`super::seam::failure`]).
    pub fn from_code(code: u32) -> Failure {
        match code {
            failure::CONNECTION => Failure::Connection,
            failure::HEADERS_TIMEOUT => Failure::HeadersTimeout,
            status => Failure::Status(status.min(u32::from(u16::MAX)) as u16),
        }
    }
}

/// Whether a response with this status may succeed if sent again: 408, 409, 429 and 5xx.
pub fn status_is_retryable(status: u16) -> bool {
    matches!(status, 408 | 409 | 429 | 500..=599)
}

/// How failed requests are retried.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Whether to retry at all (`strategy: "none"` turns it off).
    pub enabled: bool,
    /// The first wait, in ms.
    pub initial_interval_ms: u64,
    /// The longest wait between two attempts, in ms.
    pub max_interval_ms: u64,
    /// Growth factor of the wait per attempt.
    pub exponent: f64,
    /// No retry starts once this much time (ms) has passed since the first attempt.
    pub max_elapsed_ms: u64,
    /// At most this many retries after the first attempt.
    pub max_retries: u32,
    /// Whether connection errors (and timeouts waiting for headers) are retried.
    pub retry_connection_errors: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            enabled: true,
            initial_interval_ms: 500,
            max_interval_ms: 8_000,
            exponent: 2.0,
            max_elapsed_ms: 60_000,
            max_retries: 2,
            retry_connection_errors: true,
        }
    }
}

impl RetryPolicy {
    /// No retries.
    pub const NONE: RetryPolicy = RetryPolicy {
        enabled: false,
        initial_interval_ms: 0,
        max_interval_ms: 0,
        exponent: 1.0,
        max_elapsed_ms: 0,
        max_retries: 0,
        retry_connection_errors: false,
    };

    /// The policy a `RetryConfig` describes, as `js/options.js` reads one into numbers: the
    /// slots of [`super::seam::retry`]. `STRATEGY` [`strategy::NONE`] is no retries; a slot that
    /// is missing, NaN (unset), negative or infinite keeps the default (the JavaScript side has
    /// already refused such values by name).
    pub fn from_slots(slots: &[f64]) -> RetryPolicy {
        let slot = |i: u32| {
            slots
                .get(i as usize)
                .copied()
                .filter(|n| n.is_finite() && *n >= 0.0)
        };
        if slot(retry::STRATEGY) == Some(f64::from(strategy::NONE)) {
            return RetryPolicy::NONE;
        }
        let defaults = RetryPolicy::default();
        let ms = |i: u32, default: u64| slot(i).map_or(default, |n| n as u64);
        RetryPolicy {
            enabled: true,
            initial_interval_ms: ms(retry::INITIAL_INTERVAL, defaults.initial_interval_ms),
            max_interval_ms: ms(retry::MAX_INTERVAL, defaults.max_interval_ms),
            exponent: slot(retry::EXPONENT).unwrap_or(defaults.exponent),
            max_elapsed_ms: ms(retry::MAX_ELAPSED_TIME, defaults.max_elapsed_ms),
            max_retries: slot(retry::MAX_RETRIES).map_or(defaults.max_retries, |n| n as u32),
            retry_connection_errors: slot(retry::RETRY_CONNECTION_ERRORS)
                .map_or(defaults.retry_connection_errors, |n| n != 0.0),
        }
    }

    /// Whether this failure may succeed if the same request is sent again.
    pub fn retries(&self, failure: Failure) -> bool {
        self.retries_with(failure, None)
    }

    /// [`retries`](Self::retries), with a call's `retryCodes` deciding which statuses are retried
    /// when given: each is a status (`429`) or a status family's first digit (`5` for `"5XX"`),
    /// as the official SDK matches its `retryCodes` patterns. They are numbers as JavaScript
    /// hands them over (`retryCodes` in `js/options.js`).
    pub fn retries_with(&self, failure: Failure, codes: Option<&[f64]>) -> bool {
        self.enabled
            && match failure {
                Failure::Status(status) => match codes {
                    Some(codes) => {
                        let (status, family) = (f64::from(status), f64::from(status / 100));
                        codes.iter().any(|&c| c == status || c == family)
                    }
                    None => status_is_retryable(status),
                },
                Failure::Connection | Failure::HeadersTimeout => self.retry_connection_errors,
            }
    }

    /// The wait before retry number `retry` (1 for the first retry), or `None` to give up.
    ///
    /// `elapsed_ms` is the time since the first attempt, `retry_after_ms` what the server asked
    /// for, and `jitter` a random number in `[0, 1)`: the wait is drawn uniformly from half to
    /// all of the exponential step ("equal jitter"), so clients that failed together spread out.
    pub fn delay_ms(
        &self,
        retry: u32,
        elapsed_ms: u64,
        retry_after_ms: Option<u64>,
        jitter: f64,
    ) -> Option<u64> {
        if !self.enabled || retry == 0 || retry > self.max_retries {
            return None;
        }
        let step = self.initial_interval_ms as f64 * self.exponent.max(1.0).powi(retry as i32 - 1);
        let step = step.min(self.max_interval_ms as f64);
        let jitter = jitter.clamp(0.0, 1.0);
        let backoff = (step / 2.0 + step / 2.0 * jitter) as u64;
        let wait = backoff.max(retry_after_ms.unwrap_or(0));
        if elapsed_ms.saturating_add(wait) > self.max_elapsed_ms {
            return None;
        }
        Some(wait)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16) -> Failure {
        Failure::Status(status)
    }

    #[test]
    fn retries_only_what_may_succeed_later() {
        let policy = RetryPolicy::default();
        for status in [408, 409, 429, 500, 502, 503, 504] {
            assert!(policy.retries(api(status)), "{status}");
        }
        for status in [400, 401, 403, 404, 422] {
            assert!(!policy.retries(api(status)), "{status}");
        }
        assert!(policy.retries(Failure::Connection));
        assert!(policy.retries(Failure::HeadersTimeout));
        assert_eq!(Failure::from_code(failure::CONNECTION), Failure::Connection);
        assert_eq!(
            Failure::from_code(failure::HEADERS_TIMEOUT),
            Failure::HeadersTimeout
        );
        assert_eq!(Failure::from_code(503), api(503));
        let no_connection = RetryPolicy {
            retry_connection_errors: false,
            ..policy
        };
        assert!(!no_connection.retries(Failure::Connection));
        assert!(!no_connection.retries(Failure::HeadersTimeout));
        assert!(!RetryPolicy::NONE.retries(api(503)));
    }

    #[test]
    fn retry_codes_replace_the_retried_statuses() {
        let policy = RetryPolicy::default();
        // ["429", "5XX"]
        let codes: &[f64] = &[429.0, 5.0];
        for status in [429, 500, 502, 599] {
            assert!(policy.retries_with(api(status), Some(codes)), "{status}");
        }
        for status in [408, 409, 404, 430, 600] {
            assert!(!policy.retries_with(api(status), Some(codes)), "{status}");
        }
        // Only what is listed: a 4XX family takes 404 and 422 too; none means no status.
        assert!(policy.retries_with(api(422), Some(&[4.0])));
        assert!(!policy.retries_with(api(503), Some(&[])));
        // Connection errors follow retryConnectionErrors whatever the codes, and none retries nothing.
        assert!(policy.retries_with(Failure::Connection, Some(&[])));
        assert!(!RetryPolicy::NONE.retries_with(api(429), Some(codes)));
    }

    /// Slots as `js/options.js` writes them: each named one set, the rest unset (NaN).
    fn slots(set: &[(u32, f64)]) -> Vec<f64> {
        let mut slots = vec![f64::NAN; 7];
        for &(slot, value) in set {
            slots[slot as usize] = value;
        }
        slots
    }

    #[test]
    fn reads_a_retry_config_from_slots() {
        let none = f64::from(strategy::NONE);
        let backoff = f64::from(strategy::BACKOFF);
        assert_eq!(
            RetryPolicy::from_slots(&slots(&[(retry::STRATEGY, none)])),
            RetryPolicy::NONE
        );
        assert_eq!(RetryPolicy::from_slots(&[]), RetryPolicy::default());
        assert_eq!(RetryPolicy::from_slots(&slots(&[])), RetryPolicy::default());
        assert_eq!(
            RetryPolicy::from_slots(&slots(&[(retry::STRATEGY, backoff)])),
            RetryPolicy::default()
        );
        assert_eq!(
            RetryPolicy::from_slots(&slots(&[
                (retry::STRATEGY, backoff),
                (retry::INITIAL_INTERVAL, 10.0),
                (retry::MAX_INTERVAL, 50.5),
                (retry::EXPONENT, 1.5),
                (retry::MAX_ELAPSED_TIME, 1_000.0),
                (retry::MAX_RETRIES, 4.9),
                (retry::RETRY_CONNECTION_ERRORS, 0.0),
            ])),
            RetryPolicy {
                enabled: true,
                initial_interval_ms: 10,
                max_interval_ms: 50,
                exponent: 1.5,
                max_elapsed_ms: 1_000,
                max_retries: 4,
                retry_connection_errors: false,
            }
        );
        // Values the JavaScript side refuses keep the defaults here rather than misbehave.
        let odd = RetryPolicy::from_slots(&slots(&[
            (retry::STRATEGY, backoff),
            (retry::INITIAL_INTERVAL, -1.0),
            (retry::MAX_INTERVAL, f64::INFINITY),
            (retry::MAX_ELAPSED_TIME, 1e300),
            (retry::MAX_RETRIES, 1e12),
            (retry::RETRY_CONNECTION_ERRORS, 1.0),
        ]));
        assert_eq!(odd.initial_interval_ms, 500);
        assert_eq!(odd.max_interval_ms, 8_000);
        assert_eq!(odd.max_elapsed_ms, u64::MAX);
        assert_eq!(odd.max_retries, u32::MAX);
        assert!(odd.retry_connection_errors);
    }

    #[test]
    fn waits_grow_with_jitter_and_stop() {
        let policy = RetryPolicy {
            max_retries: 10,
            ..RetryPolicy::default()
        };
        assert_eq!(policy.delay_ms(1, 0, None, 0.0), Some(250));
        assert_eq!(policy.delay_ms(1, 0, None, 0.999_999), Some(499));
        assert_eq!(policy.delay_ms(2, 0, None, 0.0), Some(500));
        assert_eq!(policy.delay_ms(3, 0, None, 0.0), Some(1_000));
        // Capped by maxInterval.
        assert_eq!(policy.delay_ms(9, 0, None, 0.0), Some(4_000));
        assert!(policy.delay_ms(9, 0, None, 1.0).unwrap() <= 8_000);
        // Retry-After wins when it asks for longer.
        assert_eq!(policy.delay_ms(1, 0, Some(3_000), 0.0), Some(3_000));
        assert_eq!(policy.delay_ms(1, 0, Some(10), 0.0), Some(250));
        // Past maxElapsedTime, or past maxRetries: give up.
        assert_eq!(policy.delay_ms(1, 59_900, None, 0.0), None);
        assert_eq!(policy.delay_ms(1, 0, Some(61_000), 0.0), None);
        assert_eq!(RetryPolicy::default().delay_ms(3, 0, None, 0.0), None);
        assert_eq!(RetryPolicy::NONE.delay_ms(1, 0, None, 0.0), None);
        assert_eq!(policy.delay_ms(0, 0, None, 0.0), None);
    }
}
