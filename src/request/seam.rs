//! The names of the seam between the wasm and `js/`: every slot of an array that crosses it and
//! every code of a failure, written once, here.
//!
//! Rust reads and writes these arrays by the constants below; JavaScript by constants of the same
//! names (`OPTION_SERVER_URL`, `FAILURE_ABORTED`, ...) that `tests/seam_js.rs` generates from
//! [`GROUPS`] into the files that use them (between `// ---- seam:` markers in `js/transport.js`
//! and `js/options.js`) and checks are current. esbuild inlines them: a name costs no byte of the
//! bundle. No side reads a bare index.

/// One group of names: its JavaScript prefix, what it names, and each name with its value.
pub struct Group {
    /// The prefix of its JavaScript names (`OPTION` makes `OPTION_SERVER_URL`).
    pub prefix: &'static str,
    /// What the group names, as the generated comment says it.
    pub doc: &'static str,
    /// Each name (the Rust constant's) and its value.
    pub names: &'static [(&'static str, u32)],
}

/// Declares a module of `u32` constants and its [`Group`].
macro_rules! names {
    ($(#[doc = $doc:literal])* $module:ident, $group:ident, $prefix:literal {
        $( $(#[doc = $name_doc:literal])* $name:ident = $value:literal, )*
    }) => {
        $(#[doc = $doc])*
        pub mod $module {
            $( $(#[doc = $name_doc])* pub const $name: u32 = $value; )*
        }

        $(#[doc = $doc])*
        pub const $group: Group = Group {
            prefix: $prefix,
            doc: concat!($($doc, "\n"),*),
            names: &[$((stringify!($name), $module::$name)),*],
        };
    };
}

names! {
    /// The slots of the array `readOptions` (`js/options.js`) makes of `new Mistral(options)`,
    /// for `configure` (src/bindings/client.rs).
    option, OPTION_GROUP, "OPTION" {
        /// The settings object every call reads: `apiKey`, `fetch`, `http`, `log`, `headers`,
        /// `timeoutMs` (`configure` adds `serverURL` and `core`).
        CONFIG = 0,
        /// The `serverURL` option, a string or `undefined`.
        SERVER_URL = 1,
        /// The `server` option when there is no `serverURL` (`""` for one that is no string).
        SERVER = 2,
        /// The page's origin, where the client runs in a page.
        PAGE_ORIGIN = 3,
        /// Whether a key would be sent from a page without `dangerouslyAllowBrowser`.
        KEY_IN_BROWSER = 4,
        /// The `retryConfig` option as `RETRY_*` slots, or `undefined`.
        RETRY = 5,
    }
}

names! {
    /// The slots of a `RetryConfig` as numbers (`retrySlots` in `js/options.js`), which
    /// `RetryPolicy::from_slots` (src/request/retry.rs) reads. A slot left unset
    /// (`undefined` there, NaN here) keeps the default.
    retry, RETRY_GROUP, "RETRY" {
        /// `STRATEGY_NONE` or `STRATEGY_BACKOFF` (`super::strategy`).
        STRATEGY = 0,
        /// `backoff.initialInterval`, ms.
        INITIAL_INTERVAL = 1,
        /// `backoff.maxInterval`, ms.
        MAX_INTERVAL = 2,
        /// `backoff.exponent`.
        EXPONENT = 3,
        /// `backoff.maxElapsedTime`, ms.
        MAX_ELAPSED_TIME = 4,
        /// `maxRetries`.
        MAX_RETRIES = 5,
        /// `retryConnectionErrors`, 0 or 1.
        RETRY_CONNECTION_ERRORS = 6,
    }
}

names! {
    /// The values of the `RETRY_STRATEGY` slot.
    strategy, STRATEGY_GROUP, "STRATEGY" {
        /// `strategy: "none"`: no retries (the other slots are not read).
        NONE = 0,
        /// `strategy: "backoff"`, or none given.
        BACKOFF = 1,
    }
}

names! {
    /// What went wrong, as the fetch loop tells the core: the `kind` of `Core::error` (which makes
    /// the typed error), and the `failure` of `Core::delay` (which decides on a retry), where an
    /// HTTP status (100 and up) stands for a response with that status.
    failure, FAILURE_GROUP, "FAILURE" {
        /// No response: the connection failed (`detail`: the JavaScript error).
        CONNECTION = 0,
        /// No response headers within the timeout.
        HEADERS_TIMEOUT = 1,
        /// No whole body of a one-shot call within the timeout.
        BODY_TIMEOUT = 2,
        /// No next chunk of a stream or download within the timeout.
        CHUNK_TIMEOUT = 3,
        /// The caller's signal aborted the call.
        ABORTED = 4,
        /// A stream's connection dropped (`detail`: the JavaScript error).
        DROPPED = 5,
        /// A stream's body ended too soon, or is missing (`detail`: what was wrong).
        TRUNCATED = 6,
        /// The response is not what the operation returns (`detail`: what was wrong).
        DECODE = 7,
        /// A bad argument or option (`detail`: its message).
        INVALID = 8,
        /// An `httpClient` threw something that is no network error (`detail`: what it threw).
        UNEXPECTED = 9,
        /// A stream call's total deadline (`streamTimeoutMs`, `ms`) passed before its end.
        STREAM_TIMEOUT = 10,
    }
}

names! {
    /// What a response body becomes (`CALL_RESPONSE`): how `send` reads it and what it accepts.
    response, RESPONSE_GROUP, "RESPONSE" {
        /// No body is read (`undefined`).
        EMPTY = 0,
        /// A `ReadableStream` of the bytes.
        BYTES = 1,
        /// The camelCase value of a JSON body (`Core::decode`).
        JSON = 2,
        /// An `EventStream` (`Core::stream`).
        EVENTS = 3,
    }
}

names! {
    /// The slots of a prepared call, the array `call` (src/bindings/client.rs) hands to `send` in
    /// `js/transport.js`.
    call, CALL_GROUP, "CALL" {
        /// The operation's index in `ops::ALL`, for `Core::decode`.
        OP = 0,
        /// The HTTP method.
        METHOD = 1,
        /// The path and query, to append to the server's URL.
        PATH = 2,
        /// The JSON body; for an upload, its text parts as `[[name, value], ...]`; or `undefined`.
        BODY = 3,
        /// What the response body becomes: a `RESPONSE_*` value.
        RESPONSE = 4,
        /// An upload's file field, or `undefined`.
        UPLOAD = 5,
        /// The argument an upload's fields are wrapped in, if they are.
        UPLOAD_WRAPPER = 6,
    }
}

names! {
    /// The slots of the array the fetch loop hands to `Core::delay` (src/bindings/transport.rs)
    /// after a failed attempt: whether to retry, and after how long.
    delay, DELAY_GROUP, "DELAY" {
        /// The call's `retries` option as `RETRY_*` slots (`retrySlots` in `js/options.js`), or
        /// `undefined` for the client's policy.
        RETRIES = 0,
        /// The call's `retryCodes` as `retryCodes` in `js/options.js` reads them (a status, or a
        /// family's first digit), or `undefined` for the policy's statuses.
        CODES = 1,
        /// What failed: the response's HTTP status, `FAILURE_CONNECTION` or
        /// `FAILURE_HEADERS_TIMEOUT`.
        FAILURE = 2,
        /// The number of the retry asked for (1 for the first).
        RETRY = 3,
        /// The ms since the call's first attempt started.
        ELAPSED_MS = 4,
        /// The ms the response's `Retry-After` asks for, or `undefined`.
        RETRY_AFTER_MS = 5,
        /// A random number in `[0, 1)`, for the jitter.
        JITTER = 6,
    }
}

/// Every group, in the order the generated JavaScript lists them.
pub const GROUPS: &[&Group] = &[
    &OPTION_GROUP,
    &RETRY_GROUP,
    &STRATEGY_GROUP,
    &FAILURE_GROUP,
    &RESPONSE_GROUP,
    &CALL_GROUP,
    &DELAY_GROUP,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_and_codes_are_distinct_within_a_group() {
        for group in GROUPS {
            for (i, (name, value)) in group.names.iter().enumerate() {
                for (other, other_value) in &group.names[..i] {
                    assert_ne!(value, other_value, "{} {name} and {other}", group.prefix);
                }
            }
        }
        // The slots of an array are its indexes, with no hole.
        for group in [&OPTION_GROUP, &RETRY_GROUP, &CALL_GROUP, &DELAY_GROUP] {
            for (i, (name, value)) in group.names.iter().enumerate() {
                assert_eq!(*value as usize, i, "{} {name}", group.prefix);
            }
        }
        // A failure code is never an HTTP status, which `Core::delay` takes in the same place.
        assert!(FAILURE_GROUP.names.iter().all(|(_, code)| *code < 100));
    }
}
