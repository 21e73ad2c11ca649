//! The run loop's decisions: `client.beta.conversations.run` and `runStream` (js/run.js) run the
//! functions and send the requests; everything they decide comes from here, as plain JSON text
//! in and out (camelCase, as JavaScript holds it), so it is tested natively:
//!
//! * [`prepare`] — the first request (a start, or an append to a conversation that continues)
//!   and the registry of tools the loop runs: function tools with `execute`, and the tools of
//!   client-side MCP servers, filtered by their `include` / `exclude`; `outputFormat` becomes the
//!   response format.
//! * [`decide`] — after each step: which calls are open (client-side, and server-side calls the
//!   API marked `pending`), what to do with each (run it, ask for a confirmation, answer an
//!   error), whether to stop (`done`, `max_steps`, `requires_confirmation`), and the step's text.
//! * [`answer`] — the next input: every call's `function.result`, in call order, and the
//!   server-side calls' `toolConfirmations`, in one append.
//! * [`add_usage`] — the usage summed over steps.

mod answer;
mod calls;
mod prepare;
mod write;

pub use answer::{add_usage, answer, result_text};
pub use calls::{decide, open_calls, Action, Call, OpenCall, Stop};
pub use prepare::prepare;

use std::borrow::Cow;

use crate::error::Error;
use crate::json::Value;

// The readers below are not inlined: each inlined scan of a member or an item costs the whole
// client's wasm hundreds of bytes, and these decisions run a few times per step.

/// `value[key]`, unless it is absent or `null`.
#[inline(never)]
fn member<'a>(value: Value<'a>, key: &str) -> Option<Value<'a>> {
    value.get(key).filter(|v| !v.is_null())
}

/// The string `value[key]`, unescaped.
#[inline(never)]
fn string<'a>(value: Value<'a>, key: &str) -> Option<Cow<'a, str>> {
    value.get(key)?.as_str()
}

/// The boolean `value[key]`.
#[inline(never)]
fn flag(value: Value<'_>, key: &str) -> Option<bool> {
    value.get(key)?.as_bool()
}

/// The items of an array (none for anything else).
#[inline(never)]
fn list(value: Option<Value<'_>>) -> Vec<Value<'_>> {
    value.map(|v| v.items().collect()).unwrap_or_default()
}

/// The members of an object, in order (none for anything else).
#[inline(never)]
fn fields(value: Option<Value<'_>>) -> Vec<(Cow<'_, str>, Value<'_>)> {
    value.map(|v| v.members().collect()).unwrap_or_default()
}

/// `text` parsed as JSON, or what is wrong with it.
#[inline(never)]
fn read(text: &str) -> Result<Value<'_>, String> {
    Value::parse(text.as_bytes()).map_err(|e| e.to_string())
}

/// `text` parsed as JSON, or an `InvalidRequest` naming `what`.
fn parse<'a>(text: &'a str, what: &str) -> Result<Value<'a>, Error> {
    read(text).map_err(|e| invalid(format!("{what} is not JSON: {e}")))
}

/// An `InvalidRequest` error with this message.
#[inline(never)]
fn invalid(message: impl Into<String>) -> Error {
    Error::InvalidRequest {
        message: message.into(),
    }
}
