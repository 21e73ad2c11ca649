//! Target `validate`: building requests (`request::build`) for every operation from arbitrary
//! arguments: JSON the generator makes from the operation's parameters and body shape (in the
//! JavaScript spelling, mutated), or raw bytes. Never a panic; a refusal is always
//! `Error::InvalidRequest` with a lowercase message; a built request has an encoded path
//! under `/v1/` and a JSON body.

use mistral_edge::json::to_js;
use mistral_edge::request::build;
use mistral_edge::request::ops::{BodyKind, ALL};
use mistral_edge::Error;

use super::input::Input;
use super::shapes::{any, string, value};

/// The arguments for `op`, as JSON text.
fn arguments(input: &mut Input<'_>, op: &mistral_edge::request::ops::Operation) -> Vec<u8> {
    if input.one_in(16) {
        return input.rest().to_vec();
    }
    let mut out = String::from("{");
    let mut first = true;
    let member = |out: &mut String, first: &mut bool, key: &str| {
        if !std::mem::take(first) {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(key).unwrap_or_default());
        out.push(':');
    };
    for param in op.params {
        if input.one_in(5) {
            continue;
        }
        member(
            &mut out,
            &mut first,
            if input.one_in(4) {
                param.wire
            } else {
                param.js
            },
        );
        match input.below(8) {
            0 => any(input, 1, &mut out),
            1 => out.push_str(input.pick(&["\"user\"", "\"org\"", "\"organization\"", "\"\""])),
            2 => out.push_str(input.pick(&["0", "-1", "3", "1.5", "100", "\"2\""])),
            _ => string(input, &mut out),
        }
    }
    if let Some(body) = &op.body {
        if let BodyKind::Json(shape) = body.kind {
            let mut wire = String::new();
            value(input, shape, 0, &mut wire);
            let mut js = Vec::new();
            if to_js(wire.as_bytes(), shape, &mut js).is_ok() {
                let js = String::from_utf8_lossy(&js).into_owned();
                match (body.key.is_empty(), input.below(3)) {
                    (false, 0 | 1) => {
                        member(&mut out, &mut first, body.key);
                        out.push_str(&js);
                    }
                    _ => {
                        // Flat: the body's members among the arguments.
                        if let Some(inner) = js.strip_prefix('{').and_then(|j| j.strip_suffix('}'))
                        {
                            if !inner.is_empty() {
                                if !std::mem::take(&mut first) {
                                    out.push(',');
                                }
                                out.push_str(inner);
                            }
                        }
                    }
                }
            }
        }
    }
    if input.one_in(4) {
        member(
            &mut out,
            &mut first,
            input.pick(&["stream", "model", "agentId", "extra", "serverURL"]),
        );
        any(input, 1, &mut out);
    }
    out.push('}');
    out.into_bytes()
}

/// Checks one case; panics on a panic, an untyped refusal or a malformed request.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let op = input.pick(ALL);
    let args = arguments(&mut input, op);
    match build(op, &args) {
        Ok(request) => {
            assert!(
                request.path_and_query.starts_with("/v1/")
                    && request.path_and_query.bytes().all(|b| b.is_ascii_graphic()),
                "{}: path {:?} from {}",
                op.name,
                request.path_and_query,
                String::from_utf8_lossy(&args)
            );
            if let Some(body) = &request.body {
                // The crate's reader (fuzzed against serde_json by `json`), since lone surrogate
                // escapes, which serde_json refuses, pass through from the caller's strings.
                mistral_edge::json::Value::parse(body).unwrap_or_else(|e| {
                    panic!(
                        "{}: body {} is not JSON ({e}), from {}",
                        op.name,
                        String::from_utf8_lossy(body),
                        String::from_utf8_lossy(&args)
                    )
                });
            }
        }
        Err(Error::InvalidRequest { message }) => {
            // Lowercase, but for an acronym (`JSON nests deeper than 128 levels`).
            let first = message.split(' ').next().unwrap_or_default();
            let capitalised = first.starts_with(|c: char| c.is_ascii_uppercase())
                && first.chars().any(|c| c.is_ascii_lowercase());
            assert!(
                !message.is_empty() && !capitalised,
                "{}: message {message:?}",
                op.name
            );
        }
        Err(other) => panic!("{}: not an InvalidRequest: {other:?}", op.name),
    }
}
