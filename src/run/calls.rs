//! After each step: the open calls, what to do with each, and whether the loop stops.

use std::borrow::Cow;

use super::write::Writer;
use super::{flag, invalid, list, member, parse, read, string};
use crate::error::Error;
use crate::json::{Kind, Value};

/// A `function.call` that waits for an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenCall {
    /// Its `toolCallId`.
    pub tool_call_id: String,
    /// The function or tool it calls.
    pub name: String,
    /// Its `arguments` as JSON text: a JSON string (as the API sends them) or an object.
    pub arguments: String,
    /// A server-side call the API holds until it is confirmed (`confirmationStatus: "pending"`).
    pub server: bool,
}

/// The `function.call` entries of `entries` that nobody answered: client-side calls (no
/// `confirmationStatus`) without a `function.result` among `entries`, and server-side calls
/// still `pending`. The same rule reads one step's outputs and a whole history.
pub fn open_calls(entries: Value<'_>) -> Vec<OpenCall> {
    let entries = list(Some(entries));
    let answered: Vec<String> = entries
        .iter()
        .filter(|e| text(**e, "type").as_deref() == Some("function.result"))
        .filter_map(|e| text(*e, "toolCallId"))
        .collect();
    entries
        .into_iter()
        .filter(|e| text(*e, "type").as_deref() == Some("function.call"))
        .filter_map(|e| {
            let tool_call_id = text(e, "toolCallId")?;
            let status = text(e, "confirmationStatus");
            let server = match status.as_deref() {
                Some("pending") => true,
                None => false,
                Some(_) => return None, // allowed or denied: the server ran it, or did not
            };
            if !server && answered.contains(&tool_call_id) {
                return None;
            }
            Some(OpenCall {
                tool_call_id,
                name: text(e, "name").unwrap_or_default(),
                arguments: member(e, "arguments").map_or("{}", Value::raw).to_owned(),
                server,
            })
        })
        .collect()
}

/// A string member, unescaped.
fn text(value: Value<'_>, key: &str) -> Option<String> {
    string(value, key).map(Cow::into_owned)
}

/// What the loop does with an open call.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Runs the tool with the arguments.
    Execute,
    /// Asks `onConfirmation` (or stops for one).
    Confirm,
    /// Confirmed: a server-side call is allowed through `toolConfirmations`.
    Allow,
    /// Refused: a client-side call is answered as denied, a server-side one through
    /// `toolConfirmations`.
    Deny,
    /// Answered with this error without running anything.
    Fail(String),
}

/// An open call and what to do with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The call.
    pub call: OpenCall,
    /// The arguments to run it with, as a JSON object's text (`None` for a call that is not
    /// run here).
    pub arguments: Option<String>,
    /// What to do.
    pub action: Action,
}

/// Why the loop stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// No call is open: the conversation has nothing left to do.
    Done,
    /// `maxSteps` responses came and calls are still open.
    MaxSteps,
    /// Some calls need a confirmation and there is no `onConfirmation` to ask.
    RequiresConfirmation,
}

impl Stop {
    /// The result's `status`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stop::Done => "done",
            Stop::MaxSteps => "max_steps",
            Stop::RequiresConfirmation => "requires_confirmation",
        }
    }
}

/// A tool the loop knows: its name and whether its calls need a confirmation.
struct Known<'a> {
    name: std::borrow::Cow<'a, str>,
    confirm: bool,
    /// False for a function tool without `execute`: the loop cannot run it.
    execute: bool,
}

/// A decision given in advance (`confirmations`, when a run resumes).
struct Given<'a> {
    tool_call_id: std::borrow::Cow<'a, str>,
    allow: bool,
    arguments: Option<Value<'a>>,
}

/// The decision after a step. `input` is
/// `{"entries": [...], "tools": [{"name", "confirm"}], "steps", "maxSteps", "interactive",
/// "confirmations": [{"toolCallId", "allow", "arguments"?}]?}` (`entries`: the step's outputs,
/// or the history when a run resumes); the answer is
/// `{"calls": [{"toolCallId", "name", "arguments", "server", "action", "error"?}],
/// "stop": "done" | "max_steps" | "requires_confirmation" | null, "pending": [...], "text"}`.
///
/// # Errors
///
/// `input` is not such an object, or a confirmation names no open call.
pub fn decide(input: &str) -> Result<String, Error> {
    let input = parse(input, "the step")?;
    let entries = member(input, "entries");
    let tools: Vec<Known<'_>> = list(member(input, "tools"))
        .into_iter()
        .filter_map(|t| {
            Some(Known {
                name: string(t, "name")?,
                confirm: flag(t, "confirm") == Some(true),
                execute: flag(t, "execute") != Some(false),
            })
        })
        .collect();
    let given = confirmations(member(input, "confirmations"))?;
    let open = entries.map(open_calls).unwrap_or_default();
    for g in &given {
        if !open.iter().any(|c| c.tool_call_id == g.tool_call_id) {
            return Err(invalid(format!(
                "`confirmations`: no open call has the toolCallId `{}`",
                g.tool_call_id
            )));
        }
    }
    let calls = one_per_id(open.into_iter().map(|c| plan(c, &tools, &given)).collect());
    let number = |key| member(input, key).and_then(Value::as_i64).unwrap_or(0);
    let interactive = flag(input, "interactive") == Some(true);
    let stop = stop(&calls, number("steps"), number("maxSteps"), interactive);

    let mut w = Writer::default();
    w.open().key("calls").open_array();
    for c in &calls {
        write_call(&mut w, c);
    }
    w.close_array().key("stop");
    match stop {
        Some(s) => w.string(s.as_str()),
        None => w.raw("null"),
    };
    w.key("pending").open_array();
    for c in &calls {
        let waits = match stop {
            Some(Stop::MaxSteps) => true,
            Some(Stop::RequiresConfirmation) => c.action == Action::Confirm,
            _ => false,
        };
        if waits {
            w.open().key("toolCallId").string(&c.call.tool_call_id);
            w.key("name").string(&c.call.name);
            w.key("arguments")
                .raw(c.arguments.as_deref().unwrap_or(&c.call.arguments));
            w.key("server").bool(c.call.server).close();
        }
    }
    w.close_array().key("text");
    match entries.and_then(last_text) {
        Some(t) => w.string(&t),
        None => w.raw("null"),
    };
    w.close();
    Ok(w.finish())
}

fn confirmations<'a>(value: Option<Value<'a>>) -> Result<Vec<Given<'a>>, Error> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    if value.kind() != Kind::Array {
        return Err(invalid("`confirmations` must be an array"));
    }
    list(Some(value))
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let tool_call_id = string(c, "toolCallId").ok_or_else(|| {
                invalid(format!("`confirmations[{i}].toolCallId` must be a string"))
            })?;
            let allow = flag(c, "allow").ok_or_else(|| {
                invalid(format!("`confirmations[{i}].allow` must be true or false"))
            })?;
            let arguments = member(c, "arguments");
            if arguments.is_some_and(|a| a.kind() != Kind::Object) {
                return Err(invalid(format!(
                    "`confirmations[{i}].arguments` must be an object"
                )));
            }
            Ok(Given {
                tool_call_id,
                allow,
                arguments,
            })
        })
        .collect()
}

/// Calls that share a `toolCallId` get one answer, an error, at the first one's place: the API
/// takes one result per id, and which call it would answer is unclear, so none of them runs.
fn one_per_id(calls: Vec<Call>) -> Vec<Call> {
    let mut out: Vec<Call> = Vec::with_capacity(calls.len());
    for c in calls {
        match out
            .iter_mut()
            .find(|o| o.call.tool_call_id == c.call.tool_call_id)
        {
            Some(first) => {
                let message = format!(
                    "several calls have the toolCallId `{}`: none of them was run",
                    c.call.tool_call_id
                );
                first.arguments = None;
                first.action = Action::Fail(message);
            }
            None => out.push(c),
        }
    }
    out
}

/// What to do with one call.
#[inline(never)]
fn plan(call: OpenCall, tools: &[Known<'_>], given: &[Given<'_>]) -> Call {
    let decision = given.iter().find(|g| g.tool_call_id == call.tool_call_id);
    if call.server {
        let action = match decision {
            Some(g) if g.allow => Action::Allow,
            Some(_) => Action::Deny,
            None => Action::Confirm,
        };
        return Call {
            call,
            arguments: None,
            action,
        };
    }
    let fail = |call, message| Call {
        call,
        arguments: None,
        action: Action::Fail(message),
    };
    let Some(tool) = tools.iter().find(|t| t.name == call.name) else {
        let message = format!("no tool is named `{}`", call.name);
        return fail(call, message);
    };
    if !tool.execute {
        let message = format!(
            "`{}` has no `execute` function: the run cannot call it",
            call.name
        );
        return fail(call, message);
    }
    let changed = decision
        .and_then(|g| g.arguments)
        .map(|a| a.raw().to_owned());
    let arguments = match changed.map_or_else(|| object_arguments(&call), Ok) {
        Ok(arguments) => arguments,
        Err(message) => return fail(call, message),
    };
    let action = match decision {
        Some(g) if !g.allow => Action::Deny,
        Some(_) => Action::Execute,
        None if tool.confirm => Action::Confirm,
        None => Action::Execute,
    };
    Call {
        call,
        arguments: Some(arguments),
        action,
    }
}

/// A call's arguments as a JSON object's text: the API sends them as a JSON string (empty for
/// a function without parameters), or as an object.
#[inline(never)]
fn object_arguments(call: &OpenCall) -> Result<String, String> {
    let bad = |why: &str| {
        format!(
            "the arguments of `{}` are not a JSON object: {why}",
            call.name
        )
    };
    let value = read(&call.arguments).map_err(|e| bad(&e))?;
    let value = match value.kind() {
        Kind::Object => value,
        Kind::String => {
            let text = value.as_str().unwrap_or_default();
            if text.trim().is_empty() {
                return Ok("{}".to_owned());
            }
            // Parsed again from a copy: the string's text, unescaped.
            let inner = read(&text).map_err(|e| bad(&e))?;
            if inner.kind() != Kind::Object {
                return Err(bad("they are not an object"));
            }
            return Ok(inner.to_compact().into_owned());
        }
        _ => return Err(bad("they are neither a string nor an object")),
    };
    Ok(value.to_compact().into_owned())
}

/// Whether (and why) the loop stops after a step that left `calls` open.
fn stop(calls: &[Call], steps: i64, max_steps: i64, interactive: bool) -> Option<Stop> {
    if calls.is_empty() {
        Some(Stop::Done)
    } else if steps >= max_steps {
        Some(Stop::MaxSteps)
    } else if !interactive && calls.iter().any(|c| c.action == Action::Confirm) {
        Some(Stop::RequiresConfirmation)
    } else {
        None
    }
}

fn write_call(w: &mut Writer, c: &Call) {
    w.open().key("toolCallId").string(&c.call.tool_call_id);
    w.key("name").string(&c.call.name);
    w.key("arguments")
        .raw(c.arguments.as_deref().unwrap_or(&c.call.arguments));
    w.key("server").bool(c.call.server);
    let action = match &c.action {
        Action::Execute => "execute",
        Action::Confirm => "confirm",
        Action::Allow => "allow",
        Action::Deny => "deny",
        Action::Fail(message) => {
            w.key("error").string(message);
            "fail"
        }
    };
    w.key("action").string(action).close();
}

/// The text of the last `message.output` of `entries`: its string content, or its text
/// chunks joined.
fn last_text(entries: Value<'_>) -> Option<String> {
    let message = list(Some(entries))
        .into_iter()
        .rfind(|e| text(*e, "type").as_deref() == Some("message.output"))?;
    let content = member(message, "content")?;
    match content.kind() {
        Kind::String => content.as_str().map(|s| s.into_owned()),
        Kind::Array => Some(
            list(Some(content))
                .into_iter()
                .filter(|c| text(*c, "type").as_deref() == Some("text"))
                .filter_map(|c| text(c, "text"))
                .collect(),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
