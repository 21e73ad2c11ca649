//! Building requests for the agents, connectors, libraries and files operations from JavaScript
//! arguments: the official SDK's wrapped form and flat bodies, path and query parameters, the wire
//! body, and the rules checked before anything is sent.

use mistral_edge::request::ops::{self, accesses, agents, connectors, documents, files, libraries};
use mistral_edge::request::{build, HttpRequest, Method, MultipartFile, Operation, ParamKind};
use mistral_edge::Error;
use serde_json::{json, Value};

/// Builds `op` from `args`, panicking on error.
fn ok(op: &Operation, args: Value) -> HttpRequest {
    build(op, args.to_string().as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", op.name))
}

/// The message of the error building `op` from `args`.
fn err(op: &Operation, args: Value) -> String {
    match build(op, args.to_string().as_bytes()) {
        Ok(request) => panic!("{}: expected an error, built {request:?}", op.name),
        Err(Error::InvalidRequest { message }) => message,
        Err(other) => panic!("{}: expected InvalidRequest, got {other:?}", op.name),
    }
}

/// The request's JSON body.
fn body(request: &HttpRequest) -> Value {
    let bytes = request.body.as_deref().expect("a JSON body");
    serde_json::from_slice(bytes).expect("the body is JSON")
}

/// Checks method and path, and that there is no body.
fn bodiless(op: &Operation, args: Value, method: Method, path_and_query: &str) {
    let request = ok(op, args);
    assert_eq!(request.method, method, "{}", op.name);
    assert_eq!(request.path_and_query, path_and_query, "{}", op.name);
    assert!(
        request.body.is_none() && request.multipart.is_none(),
        "{}",
        op.name
    );
    assert_eq!(request.accept(), "application/json", "{}", op.name);
}

/// Checks method, path and wire body, built from both the wrapped and the flat form.
fn with_body(
    op: &Operation,
    params: Value,
    js_body: Value,
    method: Method,
    path_and_query: &str,
    wire: Value,
) {
    let key = op.body.as_ref().expect("the operation takes a body").key;
    let mut wrapped = params.clone();
    wrapped[key] = js_body.clone();
    let mut flat = params;
    for (k, v) in js_body.as_object().expect("an object body") {
        flat[k] = v.clone();
    }
    for (form, args) in [("wrapped", wrapped), ("flat", flat)] {
        let request = ok(op, args);
        assert_eq!(request.method, method, "{} ({form})", op.name);
        assert_eq!(
            request.path_and_query, path_and_query,
            "{} ({form})",
            op.name
        );
        assert_eq!(body(&request), wire, "{} ({form})", op.name);
    }
}

// ----- the table -----

#[test]
fn every_operation_fills_its_path_from_its_path_parameters() {
    let mut names: Vec<&str> = ops::ALL.iter().map(|op| op.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before, "operation names are unique");
    assert_eq!(before, 73);

    for op in ops::ALL {
        let placeholders: Vec<&str> = op
            .path
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        let path_params: Vec<&str> = op
            .params
            .iter()
            .filter(|p| p.kind == ParamKind::Path)
            .map(|p| p.wire)
            .collect();
        assert_eq!(placeholders, path_params, "{}", op.name);
        assert!(op.path.starts_with("/v1/"), "{}", op.name);
        for p in op.params {
            assert!(!p.js.contains('_'), "{}: `{}` is camelCase", op.name, p.js);
            assert!(p.kind != ParamKind::Path || p.required, "{}", op.name);
        }
    }
}

// ----- agents -----

#[test]
fn agents_create_and_update() {
    let tools = json!([{ "type": "web_search" }, { "type": "connector", "connectorId": "my_deepwiki", "toolConfiguration": { "exclude": ["read_wiki_structure"] } }]);
    with_body(
        &agents::CREATE,
        json!({}),
        json!({ "model": "mistral-medium-latest", "name": "Websearch Agent", "tools": tools, "completionArgs": { "temperature": 0.3, "topP": 0.95 }, "metadata": { "team_name": "growth" }, "versionMessage": "v1" }),
        Method::Post,
        "/v1/agents",
        json!({ "model": "mistral-medium-latest", "name": "Websearch Agent", "tools": [{ "type": "web_search" }, { "type": "connector", "connector_id": "my_deepwiki", "tool_configuration": { "exclude": ["read_wiki_structure"] } }], "completion_args": { "temperature": 0.3, "top_p": 0.95 }, "metadata": { "team_name": "growth" }, "version_message": "v1" }),
    );
    with_body(
        &agents::UPDATE,
        json!({ "agentId": "ag_1" }),
        json!({ "description": "Now with tides", "completionArgs": { "maxTokens": 100 }, "deploymentChat": true }),
        Method::Patch,
        "/v1/agents/ag_1",
        json!({ "description": "Now with tides", "completion_args": { "max_tokens": 100 }, "deployment_chat": true }),
    );
    // The rules on tools apply to agents too.
    let message = err(
        &agents::CREATE,
        json!({ "model": "m", "name": "n", "tools": [{ "type": "document_retrieval", "config": {} }] }),
    );
    assert!(message.contains("document_library"), "{message}");
    let message = err(&agents::CREATE, json!({ "name": "n" }));
    assert!(message.contains("`model`"), "{message}");
}

#[test]
fn agents_reads_versions_and_aliases() {
    bodiless(
        &agents::LIST,
        json!({ "page": 0, "pageSize": 20, "sources": ["api", "playground"], "deploymentChat": false, "metadata": { "team_name": "growth" } }),
        Method::Get,
        "/v1/agents?page=0&page_size=20&deployment_chat=false&sources=api&sources=playground&metadata=%7B%22team_name%22%3A%22growth%22%7D",
    );
    bodiless(
        &agents::LIST_PAGES,
        json!({ "pageSize": 50, "pageToken": "eyJ9", "search": "weather" }),
        Method::Get,
        "/v1/agents/pages?page_size=50&page_token=eyJ9&search=weather",
    );
    bodiless(
        &agents::GET,
        json!({ "agentId": "ag_1", "agentVersion": "production" }),
        Method::Get,
        "/v1/agents/ag_1?agent_version=production",
    );
    bodiless(
        &agents::GET,
        json!({ "agentId": "ag_1", "agentVersion": 3 }),
        Method::Get,
        "/v1/agents/ag_1?agent_version=3",
    );
    bodiless(
        &agents::DELETE,
        json!({ "agentId": "ag_1" }),
        Method::Delete,
        "/v1/agents/ag_1",
    );
    bodiless(
        &agents::UPDATE_VERSION,
        json!({ "agentId": "ag_1", "version": 2 }),
        Method::Patch,
        "/v1/agents/ag_1/version?version=2",
    );
    bodiless(
        &agents::LIST_VERSIONS,
        json!({ "agentId": "ag_1", "page": 1, "pageSize": 10 }),
        Method::Get,
        "/v1/agents/ag_1/versions?page=1&page_size=10",
    );
    bodiless(
        &agents::GET_VERSION,
        json!({ "agentId": "ag_1", "version": "2" }),
        Method::Get,
        "/v1/agents/ag_1/versions/2",
    );
    bodiless(
        &agents::CREATE_VERSION_ALIAS,
        json!({ "agentId": "ag_1", "alias": "production", "version": 2 }),
        Method::Put,
        "/v1/agents/ag_1/aliases?alias=production&version=2",
    );
    bodiless(
        &agents::LIST_VERSION_ALIASES,
        json!({ "agentId": "ag_1" }),
        Method::Get,
        "/v1/agents/ag_1/aliases",
    );
    bodiless(
        &agents::DELETE_VERSION_ALIAS,
        json!({ "agent_id": "ag_1", "alias": "old" }),
        Method::Delete,
        "/v1/agents/ag_1/aliases?alias=old",
    );
    let message = err(&agents::UPDATE_VERSION, json!({ "agentId": "ag_1" }));
    assert_eq!(message, "missing required field `version`");
    let message = err(
        &agents::CREATE_VERSION_ALIAS,
        json!({ "agentId": "ag_1", "version": 2 }),
    );
    assert_eq!(message, "missing required field `alias`");
    let message = err(&agents::GET, json!({ "agentId": "" }));
    assert_eq!(message, "`agentId` must not be empty");
}

// ----- connectors -----

#[test]
fn connectors_create_as_the_docs_write_it() {
    let docs = json!({ "name": "ephemeral_deepwiki", "description": "DeepWiki", "server": "https://mcp.deepwiki.com/mcp", "visibility": "private" });
    let request = ok(&connectors::CREATE, docs.clone());
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.path_and_query, "/v1/connectors");
    assert_eq!(
        String::from_utf8_lossy(request.body.as_deref().unwrap()),
        r#"{"description":"DeepWiki","name":"ephemeral_deepwiki","server":"https://mcp.deepwiki.com/mcp","visibility":"private","protocol":"mcp"}"#,
        "protocol is added when missing"
    );
    let request = ok(
        &connectors::CREATE,
        json!({ "createConnectorRequest": docs.clone() }),
    );
    assert_eq!(body(&request)["protocol"], "mcp");

    let mut http = docs;
    http["protocol"] = json!("http");
    http["iconUrl"] = json!("https://example.com/i.png");
    http["headers"] = json!({ "X-Api-Version": "2", "x_tenant": "eu" });
    http["globalHeaders"] = json!({ "X-Api-Key": { "isSecret": true, "value": "k" } });
    http["authMethods"] = json!([{ "methodType": "oauth2", "grantType": "client_credentials", "tokenEndpointAuthMethod": "client_secret_post", "oauth2ServerMetadata": { "issuer": "https://a", "authorizationEndpoint": "https://a/auth", "tokenEndpoint": "https://a/token" } }]);
    let wire = body(&ok(&connectors::CREATE, http));
    assert_eq!(wire["protocol"], "http", "a given protocol is kept");
    assert_eq!(wire["icon_url"], "https://example.com/i.png");
    assert_eq!(
        wire["headers"],
        json!({ "X-Api-Version": "2", "x_tenant": "eu" })
    );
    assert_eq!(
        wire["global_headers"],
        json!({ "X-Api-Key": { "is_secret": true, "value": "k" } })
    );
    assert_eq!(
        wire["auth_methods"][0]["oauth2_server_metadata"]["token_endpoint"],
        "https://a/token"
    );
    assert_eq!(
        wire["auth_methods"][0]["token_endpoint_auth_method"],
        "client_secret_post"
    );
}

#[test]
fn connectors_update_call_tool_and_credentials() {
    with_body(
        &connectors::UPDATE,
        json!({ "connectorId": "0197a3c4" }),
        json!({ "protocol": "mcp", "systemPrompt": "Cite pages.", "server": "https://mcp.example.com/v2" }),
        Method::Patch,
        "/v1/connectors/0197a3c4",
        json!({ "protocol": "mcp", "system_prompt": "Cite pages.", "server": "https://mcp.example.com/v2" }),
    );
    let request = ok(
        &connectors::UPDATE,
        json!({ "connectorId": "0197a3c4", "description": "only this" }),
    );
    assert_eq!(
        body(&request),
        json!({ "description": "only this" }),
        "no protocol is invented on update"
    );
    with_body(
        &connectors::CALL_TOOL,
        json!({ "connectorIdOrName": "my_deepwiki", "toolName": "ask_question", "credentialsName": "team" }),
        json!({ "arguments": { "repo_name": "mistralai/client-ts", "question": "SSE?" } }),
        Method::Post,
        "/v1/connectors/my_deepwiki/tools/ask_question/call?credentials_name=team",
        json!({ "arguments": { "repo_name": "mistralai/client-ts", "question": "SSE?" } }),
    );
    with_body(
        &connectors::CREATE_CREDENTIALS,
        json!({ "connectorIdOrName": "acme", "consumerScope": "workspace" }),
        json!({ "name": "team_token", "isDefault": true, "credentials": { "headers": { "X-Api-Key": "k" }, "bearerToken": "t" } }),
        Method::Post,
        "/v1/connectors/acme/workspace/credentials",
        json!({ "name": "team_token", "is_default": true, "credentials": { "headers": { "X-Api-Key": "k" }, "bearer_token": "t" } }),
    );
    with_body(
        &connectors::UPDATE_CREDENTIALS,
        json!({ "connectorIdOrName": "acme", "consumerScope": "organization" }),
        json!({ "name": "svc", "credentials": { "oauth": { "grantType": "client_credentials", "clientId": "c", "clientSecret": "s" } } }),
        Method::Patch,
        "/v1/connectors/acme/organization/credentials",
        json!({ "name": "svc", "credentials": { "oauth": { "grant_type": "client_credentials", "client_id": "c", "client_secret": "s" } } }),
    );
    let message = err(
        &connectors::CREATE_CREDENTIALS,
        json!({ "connectorIdOrName": "acme", "consumerScope": "org", "name": "x" }),
    );
    assert!(
        message.contains("`consumerScope`") && message.contains("organization"),
        "{message}"
    );
}

#[test]
fn connectors_reads_and_scoped_calls() {
    let id = "0197a3c4-1d2e-7f30-8a4b-5c6d7e8f9a0b";
    bodiless(
        &connectors::LIST,
        json!({ "queryFilters": { "active": true }, "cursor": "Y3Vy", "pageSize": 50 }),
        Method::Get,
        "/v1/connectors?active=true&cursor=Y3Vy&page_size=50",
    );
    bodiless(
        &connectors::LIST,
        json!({ "queryFilters": { "fetchUserData": true } }),
        Method::Get,
        "/v1/connectors?fetch_user_data=true",
    );
    bodiless(
        &connectors::GET,
        json!({ "connectorIdOrName": "gmail", "fetchCustomerData": true }),
        Method::Get,
        "/v1/connectors/gmail?fetch_customer_data=true",
    );
    bodiless(
        &connectors::DELETE,
        json!({ "connectorId": id }),
        Method::Delete,
        &format!("/v1/connectors/{id}"),
    );
    bodiless(
        &connectors::GET_AUTH_URL,
        json!({ "connectorIdOrName": "gmail", "appReturnUrl": "https://app.example.com/done?x=1", "methodType": "oauth2" }),
        Method::Get,
        "/v1/connectors/gmail/auth_url?app_return_url=https%3A%2F%2Fapp.example.com%2Fdone%3Fx%3D1&method_type=oauth2",
    );
    bodiless(
        &connectors::LIST_TOOLS,
        json!({ "connectorIdOrName": "my_deepwiki", "page": 1, "pageSize": 100, "refresh": true, "pretty": false }),
        Method::Get,
        "/v1/connectors/my_deepwiki/tools?page=1&page_size=100&refresh=true&pretty=false",
    );
    bodiless(
        &connectors::GET_AUTHENTICATION_METHODS,
        json!({ "connectorIdOrName": "my_deepwiki" }),
        Method::Get,
        "/v1/connectors/my_deepwiki/authentication_methods",
    );
    for (op, scope) in [
        (&connectors::LIST_ORGANIZATION_CREDENTIALS, "organization"),
        (&connectors::LIST_WORKSPACE_CREDENTIALS, "workspace"),
        (&connectors::LIST_USER_CREDENTIALS, "user"),
    ] {
        bodiless(
            op,
            json!({ "connectorIdOrName": "acme", "authType": "bearer", "fetchDefault": true }),
            Method::Get,
            &format!("/v1/connectors/acme/{scope}/credentials?auth_type=bearer&fetch_default=true"),
        );
    }
    for (op, scope) in [
        (&connectors::DELETE_ORGANIZATION_CREDENTIALS, "organization"),
        (&connectors::DELETE_WORKSPACE_CREDENTIALS, "workspace"),
        (&connectors::DELETE_USER_CREDENTIALS, "user"),
    ] {
        bodiless(
            op,
            json!({ "connectorIdOrName": "acme", "credentialsName": "team token" }),
            Method::Delete,
            &format!("/v1/connectors/acme/{scope}/credentials/team%20token"),
        );
    }
    bodiless(
        &connectors::DELETE_ALL_USER_CREDENTIALS,
        json!({ "connectorIdOrName": "acme" }),
        Method::Delete,
        "/v1/connectors/acme/user/credentials",
    );
    for (op, method, path) in [
        (&connectors::SHARE, Method::Put, "share"),
        (&connectors::UNSHARE, Method::Delete, "share"),
        (
            &connectors::SHARE_TO_ORGANIZATION,
            Method::Put,
            "organization/share",
        ),
        (
            &connectors::UNSHARE_FROM_ORGANIZATION,
            Method::Delete,
            "organization/share",
        ),
        (
            &connectors::ACTIVATE_FOR_CONSUMER,
            Method::Post,
            "user/activate",
        ),
        (
            &connectors::DEACTIVATE_FOR_CONSUMER,
            Method::Post,
            "user/deactivate",
        ),
    ] {
        bodiless(
            op,
            json!({ "connectorId": id, "consumerScope": "user" }),
            method,
            &format!("/v1/connectors/{id}/{path}"),
        );
    }
    let message = err(&connectors::LIST, json!({ "queryFilters": "active" }));
    assert_eq!(message, "`queryFilters` must be an object");
}

#[test]
fn connector_names_and_servers_are_checked() {
    let create = |name: &str, server: &str| {
        build(
            &connectors::CREATE,
            json!({ "name": name, "description": "d", "server": server })
                .to_string()
                .as_bytes(),
        )
    };
    let message = |result: Result<HttpRequest, Error>| match result {
        Err(Error::InvalidRequest { message }) => message,
        other => panic!("expected InvalidRequest, got {other:?}"),
    };
    assert!(create(&"a".repeat(64), "https://x.example/mcp").is_ok());
    assert!(create("My-Connector_2", "http://localhost:8080/mcp").is_ok());
    assert!(create("ok", "HTTPS://MCP.EXAMPLE.COM").is_ok());

    let m = message(create(&"a".repeat(65), "https://x.example"));
    assert!(
        m.contains("`name`") && m.contains("at most 64") && m.contains("65"),
        "{m}"
    );
    let m = message(create("my deepwiki", "https://x.example"));
    assert!(
        m.contains("`name`") && m.contains("letters, digits, `_` and `-`"),
        "{m}"
    );
    assert!(m.contains("' '") && m.contains("\"my_deepwiki\""), "{m}");
    let m = message(create("café", "https://x.example"));
    assert!(m.contains("'é'"), "{m}");
    let m = message(create("", "https://x.example"));
    assert!(m.contains("must not be empty"), "{m}");

    for server in [
        "mcp.deepwiki.com/mcp",
        "ftp://files.example.com",
        "wss://mcp.example.com",
        "https://",
        "https:///path",
        "https://exa mple.com",
    ] {
        let m = message(create("ok", server));
        assert!(
            m.contains("`server`") && m.contains("http(s) URL"),
            "{server}: {m}"
        );
    }
    let m = message(create(
        "ok",
        &format!("https://x.example/{}", "a".repeat(2100)),
    ));
    assert!(m.contains("at most 2083"), "{m}");

    // On update, only what is given is checked; the wrapped form is checked the same way.
    let m = err(
        &connectors::UPDATE,
        json!({ "connectorId": "c", "requestBody": { "protocol": "mcp", "name": "has space" } }),
    );
    assert!(m.contains("`name`"), "{m}");
    let m = err(
        &connectors::UPDATE,
        json!({ "connectorId": "c", "server": "localhost:3000" }),
    );
    assert!(m.contains("`server`"), "{m}");
    ok(
        &connectors::UPDATE,
        json!({ "connectorId": "c", "title": "Any title, with spaces" }),
    );
    // Credentials have names too, without the connector rule.
    ok(
        &connectors::CREATE_CREDENTIALS,
        json!({ "connectorIdOrName": "c", "consumerScope": "user", "name": "my token" }),
    );
}

// ----- libraries, documents, accesses -----

#[test]
fn libraries() {
    let lib = "0197c5d6-7e8f-7901-b2c3-d4e5f6a7b8c9";
    bodiless(
        &libraries::LIST,
        json!({ "pageSize": 10, "pageToken": "t", "search": "manuals", "filterOwnedByMe": true }),
        Method::Get,
        "/v1/libraries?page_size=10&page_token=t&search=manuals&filter_owned_by_me=true",
    );
    with_body(
        &libraries::CREATE,
        json!({}),
        json!({ "name": "Manuals", "description": "All of them", "ownerType": "Workspace", "chunkSize": 2048 }),
        Method::Post,
        "/v1/libraries",
        json!({ "name": "Manuals", "description": "All of them", "owner_type": "Workspace", "chunk_size": 2048 }),
    );
    bodiless(
        &libraries::GET,
        json!({ "libraryId": lib }),
        Method::Get,
        &format!("/v1/libraries/{lib}"),
    );
    for (op, method) in [
        (&libraries::UPDATE, Method::Patch),
        (&libraries::LIBRARIES_UPDATE_V1, Method::Put),
    ] {
        with_body(
            op,
            json!({ "libraryId": lib }),
            json!({ "name": "Manuals (EN)" }),
            method,
            &format!("/v1/libraries/{lib}"),
            json!({ "name": "Manuals (EN)" }),
        );
    }
    bodiless(
        &libraries::DELETE,
        json!({ "libraryId": lib }),
        Method::Delete,
        &format!("/v1/libraries/{lib}"),
    );
    let message = err(&libraries::CREATE, json!({ "description": "no name" }));
    assert_eq!(message, "missing required field `name`");
}

#[test]
fn documents() {
    let base = "/v1/libraries/lib_1/documents";
    let ids = json!({ "libraryId": "lib_1", "documentId": "doc_1" });
    bodiless(
        &documents::LIST,
        json!({ "libraryId": "lib_1", "search": "router", "pageSize": 2, "page": 3, "filtersAttributes": "{\"product_line\":\"routers\"}", "sortBy": "name", "sortOrder": "asc" }),
        Method::Get,
        &format!("{base}?search=router&page_size=2&page=3&filters_attributes=%7B%22product_line%22%3A%22routers%22%7D&sort_by=name&sort_order=asc"),
    );
    bodiless(
        &documents::GET,
        ids.clone(),
        Method::Get,
        &format!("{base}/doc_1"),
    );
    for (op, method) in [
        (&documents::UPDATE, Method::Patch),
        (&documents::LIBRARIES_DOCUMENTS_UPDATE_V1, Method::Put),
    ] {
        with_body(
            op,
            ids.clone(),
            json!({ "name": "v2.pdf", "attributes": { "product_line": "routers", "releaseYear": 2025 }, "expiresAt": "2026-01-01T00:00:00Z" }),
            method,
            &format!("{base}/doc_1"),
            json!({ "name": "v2.pdf", "attributes": { "product_line": "routers", "releaseYear": 2025 }, "expires_at": "2026-01-01T00:00:00Z" }),
        );
    }
    bodiless(
        &documents::DELETE,
        ids.clone(),
        Method::Delete,
        &format!("{base}/doc_1"),
    );
    bodiless(
        &documents::TEXT_CONTENT,
        json!({ "libraryId": "lib_1", "documentId": "doc_1", "pageStart": 2, "pageEnd": 5 }),
        Method::Get,
        &format!("{base}/doc_1/text_content?page_start=2&page_end=5"),
    );
    bodiless(
        &documents::STATUS,
        ids.clone(),
        Method::Get,
        &format!("{base}/doc_1/status"),
    );
    bodiless(
        &documents::GET_SIGNED_URL,
        ids.clone(),
        Method::Get,
        &format!("{base}/doc_1/signed-url"),
    );
    bodiless(
        &documents::EXTRACTED_TEXT_SIGNED_URL,
        ids.clone(),
        Method::Get,
        &format!("{base}/doc_1/extracted-text-signed-url"),
    );
    bodiless(
        &documents::REPROCESS,
        ids,
        Method::Post,
        &format!("{base}/doc_1/reprocess"),
    );
}

#[test]
fn document_upload_is_multipart() {
    // The official SDK's form; a Blob stringifies to `{}`, which is enough to see it is there.
    let request = ok(
        &documents::UPLOAD,
        json!({ "libraryId": "lib_1", "requestBody": { "file": {} } }),
    );
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.path_and_query, "/v1/libraries/lib_1/documents");
    assert!(request.body.is_none());
    assert_eq!(
        request.multipart,
        Some(MultipartFile {
            wrapper: Some("requestBody"),
            field: "file",
            parts: vec![],
        })
    );
    let request = ok(
        &documents::UPLOAD,
        json!({ "libraryId": "lib_1", "file": { "fileName": "a.pdf", "content": {} } }),
    );
    assert_eq!(
        request.multipart,
        Some(MultipartFile {
            wrapper: None,
            field: "file",
            parts: vec![],
        })
    );

    let message = err(&documents::UPLOAD, json!({ "libraryId": "lib_1" }));
    assert_eq!(message, "missing required field `file`");
    let message = err(
        &documents::UPLOAD,
        json!({ "libraryId": "lib_1", "requestBody": { "file": null } }),
    );
    assert_eq!(
        message,
        "`requestBody` is missing the required field `file`"
    );
    let message = err(
        &documents::UPLOAD,
        json!({ "libraryId": "lib_1", "file": {}, "name": "x" }),
    );
    assert!(message.contains("`name` is not an argument"), "{message}");
    let message = err(
        &documents::UPLOAD,
        json!({ "libraryId": "lib_1", "requestBody": { "file": {} }, "file": {} }),
    );
    assert!(message.contains("not both"), "{message}");
}

#[test]
fn accesses() {
    bodiless(
        &accesses::LIST,
        json!({ "libraryId": "lib_1" }),
        Method::Get,
        "/v1/libraries/lib_1/share",
    );
    with_body(
        &accesses::UPDATE_OR_CREATE,
        json!({ "libraryId": "lib_1" }),
        json!({ "orgId": "org_1", "level": "Editor", "shareWithUuid": "ws_1", "shareWithType": "Workspace" }),
        Method::Put,
        "/v1/libraries/lib_1/share",
        json!({ "org_id": "org_1", "level": "Editor", "share_with_uuid": "ws_1", "share_with_type": "Workspace" }),
    );
    with_body(
        &accesses::DELETE,
        json!({ "libraryId": "lib_1" }),
        json!({ "shareWithUuid": "ws_1", "shareWithType": "Workspace" }),
        Method::Delete,
        "/v1/libraries/lib_1/share",
        json!({ "share_with_uuid": "ws_1", "share_with_type": "Workspace" }),
    );
    let message = err(
        &accesses::UPDATE_OR_CREATE,
        json!({ "libraryId": "lib_1", "sharingRequest": { "level": "Editor", "shareWithType": "User" } }),
    );
    assert_eq!(message, "missing required field `shareWithUuid`");
}

// ----- files -----

#[test]
fn files() {
    bodiless(
        &files::RETRIEVE,
        json!({ "fileId": "0196f1bc" }),
        Method::Get,
        "/v1/files/0196f1bc",
    );
    bodiless(
        &files::GET_SIGNED_URL,
        json!({ "fileId": "0196f1bc", "expiry": 48 }),
        Method::Get,
        "/v1/files/0196f1bc/url?expiry=48",
    );
    let request = ok(&files::DOWNLOAD, json!({ "fileId": "0196f1bc" }));
    assert_eq!(request.path_and_query, "/v1/files/0196f1bc/content");
    assert!(request.binary);
    assert_eq!(request.accept(), "application/octet-stream");
    let message = err(&files::DOWNLOAD, json!({}));
    assert_eq!(message, "missing required field `fileId`");
}

#[test]
fn files_list_and_delete() {
    // Arrays repeat their key; nothing is sent that the caller did not give.
    bodiless(
        &files::LIST,
        json!({ "page": 0, "pageSize": 10, "includeTotal": false, "sampleType": ["instruct", "pretrain"],
                "source": ["upload"], "search": "a b", "purpose": "ocr", "mimetypes": ["image/png"] }),
        Method::Get,
        "/v1/files?page=0&page_size=10&include_total=false&sample_type=instruct&sample_type=pretrain\
         &source=upload&search=a%20b&purpose=ocr&mimetypes=image%2Fpng",
    );
    bodiless(&files::LIST, json!({}), Method::Get, "/v1/files");
    assert_eq!(
        err(&files::LIST, json!({ "pageSize": 0 })),
        "`pageSize` of `files.list` must be a positive integer"
    );
    bodiless(
        &files::DELETE,
        json!({ "fileId": "f/1" }),
        Method::Delete,
        "/v1/files/f%2F1",
    );
}

#[test]
fn file_upload_sends_text_parts_after_the_file() {
    // The official SDK's call is flat; `visibility` defaults to "workspace", as it sends it.
    let request = ok(&files::UPLOAD, json!({ "file": {} }));
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.path_and_query, "/v1/files");
    assert!(request.body.is_none());
    assert_eq!(
        request.multipart,
        Some(MultipartFile {
            wrapper: None,
            field: "file",
            parts: vec![("visibility", "workspace".into())],
        })
    );
    // Given parts in the form's order whatever the arguments' order; `null` is no part.
    let request = ok(
        &files::UPLOAD,
        json!({ "visibility": "user", "purpose": "ocr", "expiry": 24, "file": { "fileName": "a.png", "content": {} } }),
    );
    let parts = request.multipart.map(|m| m.parts).unwrap_or_default();
    assert_eq!(
        parts,
        vec![
            ("expiry", "24".to_owned()),
            ("purpose", "ocr".to_owned()),
            ("visibility", "user".to_owned())
        ]
    );
    let request = ok(&files::UPLOAD, json!({ "file": {}, "expiry": null, "purpose": "batch" }));
    let parts = request.multipart.map(|m| m.parts).unwrap_or_default();
    assert_eq!(
        parts,
        vec![("purpose", "batch".to_owned()), ("visibility", "workspace".to_owned())]
    );

    assert_eq!(err(&files::UPLOAD, json!({ "purpose": "ocr" })), "missing required field `file`");
    assert_eq!(
        err(&files::UPLOAD, json!({ "file": {}, "expiry": 1.5 })),
        "`expiry` must be an integer"
    );
    assert_eq!(
        err(&files::UPLOAD, json!({ "file": {}, "purpose": 3 })),
        "`purpose` must be a string"
    );
    assert_eq!(
        err(&files::UPLOAD, json!({ "file": {}, "name": "x" })),
        "`name` is not an argument of `files.upload`: it takes `file`, `expiry`, `purpose`, `visibility`"
    );
    // No wrapped form: the official SDK has none for this call.
    assert_eq!(
        err(&files::UPLOAD, json!({ "requestBody": { "file": {} } })),
        "missing required field `file`"
    );
}

// ----- what did not change -----

#[test]
fn conversations_are_built_as_before() {
    use ops::conversations;
    let request = ok(
        &conversations::APPEND,
        json!({ "conversationId": "conv/1", "conversationAppendRequest": { "inputs": "more" } }),
    );
    assert_eq!(request.path_and_query, "/v1/conversations/conv%2F1");
    assert_eq!(body(&request), json!({ "inputs": "more", "stream": false }));
    let request = ok(
        &conversations::START_STREAM,
        json!({ "model": "m", "inputs": "hi" }),
    );
    assert_eq!(request.accept(), "text/event-stream");
    assert_eq!(
        body(&request),
        json!({ "model": "m", "inputs": "hi", "stream": true })
    );
    bodiless(
        &conversations::LIST,
        json!({ "page": 0, "pageSize": 100, "metadata": { "a": 1 } }),
        Method::Get,
        "/v1/conversations?page=0&page_size=100&metadata=%7B%22a%22%3A1%7D",
    );
    let message = err(&conversations::LIST, json!({ "pageSize": 0 }));
    assert!(message.contains("positive integer"), "{message}");
    let message = err(&conversations::START, json!({ "inputs": "hi" }));
    assert!(message.contains("`model` or `agentId`"), "{message}");
}
