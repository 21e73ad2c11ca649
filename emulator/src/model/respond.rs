//! One turn of the scripted model, in the order of the module's rules: confirmations, function
//! results, function-calling loops, then the text (a handoff, the tools it triggers, or a plain
//! reply).

use std::sync::Arc;

use mistral_edge::model::wire::{self, Entry, Tool};
use serde_json::{json, Value};

use super::builder::{by, finish, Builder};
use super::{content_text, names_function, plain_reply, AgentRef, By, Output, Part, Reply};
use super::{Speaker, Turn, CODE_WORDS, HANDOFF_WORDS, IMAGE_WORDS, LIBRARY_WORDS, SEARCH_WORDS};
use crate::builtins::{self, Executed};
use crate::error::ApiError;
use crate::hooks::Hooks;
use crate::ids::Ids;
use crate::state::CallOrigin;

/// Answers one turn.
pub async fn respond(turn: Turn<'_>, hooks: &Hooks, ids: &Ids) -> Result<Reply, ApiError> {
    let mut b = Builder::new(ids);
    let mut speaker = &turn.speaker;
    let mut next_agent = None;

    // 1. Confirmed (or refused) pending calls.
    run_confirmed(&mut b, &turn, hooks).await?;
    // 2. Function results.
    acknowledge_results(&mut b, &turn);
    // 2b. Function-calling loops (script.rs): the next stage's calls, or the same calls again.
    for (name, arguments) in crate::script::follow_up(turn.history, turn.inputs, &speaker.tools) {
        b.call(&by(speaker), &name, arguments, false, CallOrigin::Function);
    }

    // 3. The text.
    let text = last_user_text(turn.inputs).or_else(|| {
        (turn.inputs.is_empty() && turn.confirmed.is_empty())
            .then(|| last_user_text(turn.history))
            .flatten()
    });
    let Some(text) = text else {
        if b.parts.is_empty() && b.outputs.is_empty() {
            // Inputs without a user message (assistant messages only): acknowledge them.
            b.push_text("OK.");
        }
        return Ok(finish(b, &turn, speaker, next_agent));
    };
    let lower = text.to_lowercase();
    if let Some((previous, target, next)) = handoff_target(speaker, &lower) {
        b.outputs.push(Output::Handoff {
            id: ids.next("handoff"),
            previous: previous.clone(),
            next: next.clone(),
        });
        next_agent = Some(next.id.clone());
        if turn.client_handoffs {
            return Ok(finish(b, &turn, speaker, next_agent));
        }
        speaker = target;
    }
    let said = Said {
        speaker,
        hooks,
        who: by(speaker),
        text: &text,
        lower: &lower,
    };
    if !use_tools(&mut b, &said).await? {
        let reply = plain_reply(speaker, &text);
        b.push_parts(vec![Part::Text(Arc::from(reply))]);
    }
    Ok(finish(b, &turn, speaker, next_agent))
}

/// Runs the pending calls the client allowed, and says which it refused.
async fn run_confirmed(
    b: &mut Builder<'_>,
    turn: &Turn<'_>,
    hooks: &Hooks,
) -> Result<(), ApiError> {
    let speaker = &turn.speaker;
    for c in &turn.confirmed {
        let args: Value = match &c.call.arguments.0 {
            Value::String(s) => serde_json::from_str(s).unwrap_or(Value::Null),
            other => other.clone(),
        };
        let args_string = match &c.call.arguments.0 {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if !c.allow {
            b.push_parts(vec![Part::Text(Arc::from(format!(
                "The call to {} was denied, so I did not run it.",
                c.call.name
            )))]);
            continue;
        }
        let who = by(speaker);
        match &c.origin {
            CallOrigin::BuiltIn(name) => {
                let ex = run_builtin(b, speaker, hooks, name, &args).await?;
                b.executed(&who, name, args_string, name, ex);
            }
            CallOrigin::Connector(connector) => {
                let auth = speaker.tools.iter().find_map(|t| match t {
                    Tool::Connector(ct) if &ct.connector_id == connector => {
                        ct.authorization.as_ref()
                    }
                    _ => None,
                });
                let result = hooks
                    .connectors
                    .call_tool(connector, &c.call.name, args, auth)
                    .await?;
                let ex = builtins::connector_result(&c.call.name, &result);
                b.executed(&who, &c.call.name, args_string, connector, ex);
            }
            CallOrigin::Function => {}
        }
    }
    Ok(())
}

/// "NAME returned RESULT." for each `function.result` input.
fn acknowledge_results(b: &mut Builder<'_>, turn: &Turn<'_>) {
    for entry in turn.inputs {
        if let Entry::FunctionResult(r) = entry {
            let name = turn
                .history
                .iter()
                .find_map(|e| match e {
                    Entry::FunctionCall(c) if c.tool_call_id == r.tool_call_id => {
                        Some(c.name.clone())
                    }
                    _ => None,
                })
                .unwrap_or_else(|| "the function".into());
            b.push_parts(vec![Part::Text(Arc::from(format!(
                "{name} returned {}.",
                r.result
            )))]);
        }
    }
}

/// The handoff a text asks an agent for: `(from, the target's configuration, to)`. The target is
/// the agent the text names, else the first one when the text has a handoff word.
fn handoff_target<'s>(
    speaker: &'s Speaker,
    lower: &str,
) -> Option<(&'s AgentRef, &'s Speaker, &'s AgentRef)> {
    let agent = speaker.agent.as_ref()?;
    let target = speaker
        .handoffs
        .iter()
        .find(|h| {
            h.agent
                .as_ref()
                .is_some_and(|a| !a.name.is_empty() && lower.contains(&a.name.to_lowercase()))
        })
        .or_else(|| {
            mentions(lower, HANDOFF_WORDS)
                .then(|| speaker.handoffs.first())
                .flatten()
        })?;
    Some((agent, target, target.agent.as_ref()?))
}

/// The text of a turn and who answers it, as the tools see them.
struct Said<'a> {
    speaker: &'a Speaker,
    hooks: &'a Hooks,
    who: By,
    text: &'a str,
    lower: &'a str,
}

/// Runs, calls or asks to confirm every tool of the speaker the text triggers; whether any did.
async fn use_tools(b: &mut Builder<'_>, said: &Said<'_>) -> Result<bool, ApiError> {
    let mut used_tool = false;
    for tool in &said.speaker.tools {
        let config = tool_config(tool);
        used_tool |= if let Some(name) = builtin_name(tool) {
            use_builtin(b, said, name, config).await?
        } else {
            match tool {
                Tool::Function(f) => use_function(b, said, f),
                Tool::Connector(ct) => use_connector(b, said, ct, config).await?,
                _ => false,
            }
        };
    }
    if crate::script::calls_unknown(said.lower) {
        let name = crate::script::UNKNOWN_FUNCTION;
        b.call(
            &said.who,
            name,
            "{}".to_owned(),
            false,
            CallOrigin::Function,
        );
        used_tool = true;
    }
    Ok(used_tool)
}

/// A built-in tool, when the text has one of its words and its configuration allows it.
async fn use_builtin(
    b: &mut Builder<'_>,
    said: &Said<'_>,
    name: &str,
    config: Option<&wire::ToolConfiguration>,
) -> Result<bool, ApiError> {
    let words = match name {
        "code_interpreter" => CODE_WORDS,
        "image_generation" => IMAGE_WORDS,
        "document_library" => LIBRARY_WORDS,
        _ => SEARCH_WORDS,
    };
    if !mentions(said.lower, words) || !config_allows(config, name) {
        return Ok(false);
    }
    let args = builtin_arguments(name, said.text);
    if needs_confirmation(config, name) {
        let origin = CallOrigin::BuiltIn(name.into());
        b.call(&said.who, name, args.to_string(), true, origin);
    } else {
        let ex = run_builtin(b, said.speaker, said.hooks, name, &args).await?;
        b.executed(&said.who, name, args.to_string(), name, ex);
    }
    Ok(true)
}

/// A function the text names (in its current stage): a call the client answers.
fn use_function(b: &mut Builder<'_>, said: &Said<'_>, f: &wire::FunctionTool) -> bool {
    if !names_function(crate::script::stage(said.lower), &f.function.name) {
        return false;
    }
    let schema = Value::Object(f.function.parameters.0.clone());
    let args = crate::script::arguments(&schema, crate::script::stage(said.text), said.text);
    b.call(
        &said.who,
        &f.function.name,
        args,
        false,
        CallOrigin::Function,
    );
    true
}

/// A connector's tool the text names (or its first allowed one when the text names the connector).
async fn use_connector(
    b: &mut Builder<'_>,
    said: &Said<'_>,
    ct: &wire::ConnectorTool,
    config: Option<&wire::ToolConfiguration>,
) -> Result<bool, ApiError> {
    let connectors = &said.hooks.connectors;
    let listed = connectors
        .list_tools(&ct.connector_id, ct.authorization.as_ref())
        .await?;
    let allowed: Vec<&wire::McpTool> = listed
        .iter()
        .filter(|t| config_allows(config, &t.name))
        .collect();
    let chosen = allowed
        .iter()
        .find(|t| names_function(said.lower, &t.name))
        .or_else(|| {
            said.lower
                .contains(&ct.connector_id.to_lowercase())
                .then(|| allowed.first())
                .flatten()
        });
    let Some(mcp) = chosen else { return Ok(false) };
    let schema = Value::Object(mcp.inputSchema.0.clone());
    let args = crate::fill::fill(&schema, said.text);
    let origin = CallOrigin::Connector(ct.connector_id.clone());
    if needs_confirmation(config, &mcp.name) {
        b.call(&said.who, &mcp.name, args.to_string(), true, origin);
    } else {
        let auth = ct.authorization.as_ref();
        let result = connectors
            .call_tool(&ct.connector_id, &mcp.name, args.clone(), auth)
            .await?;
        let ex = builtins::connector_result(&mcp.name, &result);
        b.executed(&said.who, &mcp.name, args.to_string(), &ct.connector_id, ex);
    }
    Ok(true)
}

fn last_user_text(entries: &[Entry]) -> Option<String> {
    entries.iter().rev().find_map(|e| match e {
        Entry::MessageInput(m) if m.role.as_str() == "user" => Some(content_text(&m.content)),
        _ => None,
    })
}

fn mentions(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

fn config_allows(config: Option<&wire::ToolConfiguration>, name: &str) -> bool {
    let Some(c) = config else { return true };
    if let Some(include) = &c.include {
        if !include.iter().any(|n| n == name) {
            return false;
        }
    }
    if let Some(exclude) = &c.exclude {
        if exclude.iter().any(|n| n == name) {
            return false;
        }
    }
    true
}

fn needs_confirmation(config: Option<&wire::ToolConfiguration>, name: &str) -> bool {
    config
        .and_then(|c| c.requires_confirmation.as_ref())
        .is_some_and(|names| names.iter().any(|n| n == name))
}

fn builtin_name(tool: &Tool) -> Option<&'static str> {
    Some(match tool {
        Tool::WebSearch(_) => "web_search",
        Tool::WebSearchPremium(_) => "web_search_premium",
        Tool::CodeInterpreter(_) => "code_interpreter",
        Tool::ImageGeneration(_) => "image_generation",
        Tool::DocumentLibrary(_) => "document_library",
        _ => return None,
    })
}

fn tool_config(tool: &Tool) -> Option<&wire::ToolConfiguration> {
    match tool {
        Tool::WebSearch(t)
        | Tool::WebSearchPremium(t)
        | Tool::CodeInterpreter(t)
        | Tool::ImageGeneration(t) => t.tool_configuration.as_ref(),
        Tool::DocumentLibrary(t) => t.tool_configuration.as_ref(),
        Tool::Connector(t) => t.tool_configuration.as_ref(),
        _ => None,
    }
}

/// Runs a built-in tool with its arguments.
async fn run_builtin(
    b: &mut Builder<'_>,
    speaker: &Speaker,
    hooks: &Hooks,
    name: &str,
    args: &Value,
) -> Result<Executed, ApiError> {
    let arg = |k: &str| {
        args.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    Ok(match name {
        "web_search" | "web_search_premium" => builtins::web_search(name, &arg("query")),
        "code_interpreter" => builtins::code_interpreter(&arg("code")),
        "image_generation" => {
            let ex = builtins::image_generation(&arg("prompt"), b.ids, b.images);
            b.images += 1;
            ex
        }
        "document_library" => {
            let library_ids: Vec<String> = speaker
                .tools
                .iter()
                .filter_map(|t| match t {
                    Tool::DocumentLibrary(d) => Some(d.library_ids.clone()),
                    _ => None,
                })
                .flatten()
                .collect();
            let query = arg("query");
            let hits = hooks.libraries.search(&library_ids, &query).await?;
            builtins::document_library(&query, &hits)
        }
        _ => Executed::default(),
    })
}

fn builtin_arguments(name: &str, text: &str) -> Value {
    match name {
        "code_interpreter" => json!({ "code": builtins::code_for(text) }),
        "image_generation" => json!({ "prompt": text }),
        _ => json!({ "query": text }),
    }
}
