//! The API's rules for connector bodies, names, servers, ids and scopes (422 and 400 answers).

use super::*;

// ----- the API's rules -----

/// The name rule: 1 to 64 characters out of `[A-Za-z0-9_-]` (pydantic's spellings).
pub fn name_violations(name: &Value, at: Vec<Loc>) -> Vec<Violation> {
    let Some(s) = name.as_str() else {
        return Vec::new();
    };
    let n = s.chars().count();
    let mut out = Vec::new();
    if n == 0 {
        out.push(
            Violation::new(
                at.clone(),
                "string_too_short",
                "String should have at least 1 character",
            )
            .input(name)
            .ctx(json!({ "min_length": 1 })),
        );
    } else if n > MAX_NAME {
        out.push(
            Violation::new(
                at.clone(),
                "string_too_long",
                format!("String should have at most {MAX_NAME} characters"),
            )
            .input(name)
            .ctx(json!({ "max_length": MAX_NAME })),
        );
    }
    if n > 0
        && !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        out.push(
            Violation::new(
                at,
                "string_pattern_mismatch",
                "String should match pattern '^[a-zA-Z0-9_-]+$'",
            )
            .input(name)
            .ctx(json!({ "pattern": "^[a-zA-Z0-9_-]+$" })),
        );
    }
    out
}

/// The server rule: an absolute http(s) URL with a host, at most 2083 characters.
pub fn server_violations(server: &Value, at: Vec<Loc>) -> Vec<Violation> {
    let Some(s) = server.as_str() else {
        return Vec::new();
    };
    if s.chars().count() > MAX_URL {
        return vec![Violation::new(
            at,
            "url_too_long",
            format!("URL should have at most {MAX_URL} characters"),
        )
        .input(server)
        .ctx(json!({ "max_length": MAX_URL }))];
    }
    let Some((scheme, rest)) = s.split_once("://") else {
        return vec![Violation::new(
            at,
            "url_parsing",
            "Input should be a valid URL, relative URL without a base",
        )
        .input(server)
        .ctx(json!({ "error": "relative URL without a base" }))];
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return vec![
            Violation::new(at, "url_scheme", "URL scheme should be 'http' or 'https'")
                .input(server)
                .ctx(json!({ "expected_schemes": "'http' or 'https'" })),
        ];
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || s.chars().any(char::is_whitespace) {
        return vec![
            Violation::new(at, "url_parsing", "Input should be a valid URL, empty host")
                .input(server)
                .ctx(json!({ "error": "empty host" })),
        ];
    }
    Vec::new()
}

pub(super) fn enum_violation(at: Vec<Loc>, expected: &[&str], input: &Value) -> Violation {
    let list = expected
        .iter()
        .map(|e| format!("'{e}'"))
        .collect::<Vec<_>>();
    let expected = match list.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => list.join(""),
    };
    Violation::new(at, "enum", format!("Input should be {expected}"))
        .input(input)
        .ctx(json!({ "expected": expected }))
}

/// Checks a create or update body: shapes, `protocol`, `visibility`, name and server rules.
pub(super) fn check_body(body: &Value, create: bool) -> Vec<Violation> {
    let mut out = Vec::new();
    let shape = if create {
        <wire::CreateConnectorRequest as HasShape>::SHAPE
    } else {
        <wire::UpdateConnectorRequest as HasShape>::SHAPE
    };
    check_shape(body, shape, &[Loc::from("body")], &mut out);
    if !body.is_object() {
        return out;
    }
    if let Some(p) = body.get("protocol").filter(|p| !p.is_null()) {
        if p != "mcp" && p != "http" {
            out.push(
                Violation::new(
                    loc!["body"],
                    "union_tag_invalid",
                    format!(
                        "Input tag '{}' found using 'protocol' does not match any of the expected tags: 'mcp', 'http'",
                        p.as_str().unwrap_or_default()
                    ),
                )
                .input(body)
                .ctx(json!({ "discriminator": "'protocol'", "tag": p, "expected_tags": "'mcp', 'http'" })),
            );
        }
    }
    if let Some(v) = body.get("visibility").filter(|v| v.is_string()) {
        pub(super) const ALLOWED: [&str; 3] = ["shared_org", "shared_workspace", "private"];
        if !ALLOWED.iter().any(|a| v == a) {
            out.push(enum_violation(loc!["body", "visibility"], &ALLOWED, v));
        }
    }
    if let Some(name) = body.get("name") {
        out.extend(name_violations(name, loc!["body", "name"]));
    }
    if let Some(server) = body.get("server") {
        out.extend(server_violations(server, loc!["body", "server"]));
    }
    let has = |k: &str| body.get(k).is_some_and(|v| !v.is_null());
    if has("oauth2_server_metadata") && has("oauth2_server_metadata_url") {
        out.push(Violation::value_error(
            loc!["body"],
            "`oauth2_server_metadata` and `oauth2_server_metadata_url` are mutually exclusive",
            body,
        ));
    }
    out
}

pub(super) fn uuid_violation(at: Vec<Loc>, input: &str) -> Option<Violation> {
    let b = input.as_bytes();
    let ok = b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        });
    (!ok).then(|| {
        Violation::new(
            at,
            "uuid_parsing",
            "Input should be a valid UUID, invalid length or character",
        )
        .input(&json!(input))
    })
}

/// A `{connector_id}` path segment: a UUID (422 `uuid_parsing` otherwise).
pub(super) fn require_uuid(id: &str) -> Result<(), ApiError> {
    match uuid_violation(loc!["path", "connector_id"], id) {
        Some(v) => Err(ApiError::validation(vec![v])),
        None => Ok(()),
    }
}

/// A `{consumer_scope}` path segment, as the scope responses show (`organization` → `org`).
pub(super) fn scope(raw: &str) -> Result<&'static str, ApiError> {
    match raw {
        "user" => Ok("user"),
        "workspace" => Ok("workspace"),
        "organization" => Ok("org"),
        other => Err(ApiError::validation(vec![enum_violation(
            loc!["path", "consumer_scope"],
            &["user", "workspace", "organization"],
            &json!(other),
        )])),
    }
}

pub(super) fn scope_words(scope: &str) -> &'static str {
    match scope {
        "user" => "the user",
        "workspace" => "the workspace",
        _ => "the organization",
    }
}
