//! Agents: versions, aliases, and agent conversations (tools, versions, handoffs).

mod common;

use common::*;
use serde_json::{json, Value};

async fn create(s: &Server, body: Value) -> Value {
    let r = post(s, "/v1/agents", &body).await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

#[tokio::test]
async fn create_get_list_update_and_delete() {
    let s = start().await;
    let a = create(&s, json!({"model": "mistral-medium-latest", "name": "Helper", "instructions": "v0", "tools": [{"type": "web_search"}], "metadata": {"team": "a"}})).await;
    assert_eq!(a["object"], "agent");
    assert!(a["id"].as_str().unwrap().starts_with("ag_"));
    assert_eq!(a["version"], 0);
    assert_eq!(a["versions"], json!([0]));
    assert_eq!(a["deployment_chat"], false);
    assert_eq!(a["source"], "api");
    assert!(a["created_at"].as_str().unwrap().ends_with('Z'));
    let id = a["id"].as_str().unwrap().to_owned();
    let b = create(&s, json!({"model": "m", "name": "Other"})).await;

    assert_eq!(get(&s, &format!("/v1/agents/{id}")).await.json(), a);
    let list = get(&s, "/v1/agents?page=0&page_size=20").await.json();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [b["id"].as_str().unwrap(), id.as_str()]);
    assert_eq!(
        get(&s, "/v1/agents?page_size=1&page=1").await.json()[0]["id"],
        id.as_str()
    );
    assert_eq!(
        get(&s, "/v1/agents?name=Helper")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        get(&s, "/v1/agents?search=oth").await.json()[0]["name"],
        "Other"
    );
    assert_eq!(
        get(&s, "/v1/agents?metadata=%7B%22team%22%3A%22a%22%7D")
            .await
            .json()[0]["id"],
        id.as_str()
    );
    let page = get(&s, "/v1/agents/pages?page_size=1").await.json();
    assert_eq!(page["object"], "list");
    assert_eq!(page["data"].as_array().unwrap().len(), 1);
    let token = page["next_page_token"].as_str().unwrap().to_owned();
    let page2 = get(
        &s,
        &format!("/v1/agents/pages?page_size=1&page_token={token}"),
    )
    .await
    .json();
    assert_eq!(page2["data"][0]["id"], id.as_str());
    assert!(page2.get("next_page_token").is_none());

    updates_are_new_versions(&s, &id).await;
    switch_the_active_version(&s, &id).await;
    aliases(&s, &id).await;
    delete_the_agent(&s, &id).await;
}

/// Every update is a new version.
async fn updates_are_new_versions(s: &Server, id: &str) {
    let u = patch(
        s,
        &format!("/v1/agents/{id}"),
        Some(&json!({"instructions": "v1", "version_message": "second"})),
    )
    .await
    .json();
    assert_eq!(u["version"], 1);
    assert_eq!(u["versions"], json!([0, 1]));
    assert_eq!(u["instructions"], "v1");
    assert_eq!(u["name"], "Helper", "unchanged fields are kept");
    assert_eq!(u["tools"], json!([{"type": "web_search"}]));
    let u = patch(
        s,
        &format!("/v1/agents/{id}"),
        Some(&json!({"name": "Helper 2", "tools": []})),
    )
    .await
    .json();
    assert_eq!(u["version"], 2);

    let v0 = get(s, &format!("/v1/agents/{id}?agent_version=0"))
        .await
        .json();
    assert_eq!(v0["instructions"], "v0");
    assert_eq!(v0["versions"], json!([0, 1, 2]));
    assert_eq!(
        get(s, &format!("/v1/agents/{id}/versions/1")).await.json()["instructions"],
        "v1"
    );
    let versions = get(s, &format!("/v1/agents/{id}/versions")).await.json();
    let numbers: Vec<i64> = versions
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [2, 1, 0]);
    assert_eq!(
        get(s, &format!("/v1/agents/{id}/versions?page_size=1&page=2"))
            .await
            .json()[0]["version"],
        0
    );
}

/// Switching the active version.
async fn switch_the_active_version(s: &Server, id: &str) {
    let sw = patch(s, &format!("/v1/agents/{id}/version?version=0"), None)
        .await
        .json();
    assert_eq!(sw["version"], 0);
    assert_eq!(
        get(s, &format!("/v1/agents/{id}")).await.json()["instructions"],
        "v0"
    );
    assert_eq!(
        patch(s, &format!("/v1/agents/{id}/version?version=9"), None)
            .await
            .status,
        404
    );
    assert_eq!(
        patch(s, &format!("/v1/agents/{id}/version"), None)
            .await
            .status,
        422
    );
}

/// Aliases: set, move, list, delete.
async fn aliases(s: &Server, id: &str) {
    let al = put(s, &format!("/v1/agents/{id}/aliases?alias=prod&version=1"))
        .await
        .json();
    assert_eq!(al["alias"], "prod");
    assert_eq!(al["version"], 1);
    assert!(al["created_at"].is_string() && al["updated_at"].is_string());
    assert_eq!(
        get(s, &format!("/v1/agents/{id}?agent_version=prod"))
            .await
            .json()["instructions"],
        "v1"
    );
    put(s, &format!("/v1/agents/{id}/aliases?alias=prod&version=2")).await;
    put(
        s,
        &format!("/v1/agents/{id}/aliases?alias=canary&version=0"),
    )
    .await;
    let aliases = get(s, &format!("/v1/agents/{id}/aliases")).await.json();
    assert_eq!(aliases.as_array().unwrap().len(), 2);
    assert_eq!(
        get(s, &format!("/v1/agents/{id}?agent_version=prod"))
            .await
            .json()["version"],
        2
    );
    assert_eq!(
        put(s, &format!("/v1/agents/{id}/aliases?alias=bad&version=7"))
            .await
            .status,
        404
    );
    let d = request(
        s.addr,
        "DELETE",
        &format!("/v1/agents/{id}/aliases?alias=canary"),
        &[KEY],
        None,
    )
    .await;
    assert_eq!(d.status, 204);
    assert_eq!(
        get(s, &format!("/v1/agents/{id}?agent_version=canary"))
            .await
            .status,
        404
    );
    assert_eq!(
        get(s, &format!("/v1/agents/{id}/aliases"))
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// Deleting the agent.
async fn delete_the_agent(s: &Server, id: &str) {
    assert_eq!(delete(s, &format!("/v1/agents/{id}")).await.status, 204);
    assert_eq!(get(s, &format!("/v1/agents/{id}")).await.status, 404);
    assert_eq!(
        patch(s, &format!("/v1/agents/{id}"), Some(&json!({"name": "x"})))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn agent_requests_are_validated() {
    let s = start().await;
    let r = post(&s, "/v1/agents", &json!({"model": "m"})).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["detail"][0]["loc"], json!(["body", "name"]));
    assert_eq!(r.json()["detail"][0]["type"], "missing");
    let r = post(&s, "/v1/agents", &json!({"model": "m", "name": "n", "tools": [
        {"type": "connector", "connector_id": "c", "tool_configuration": {"include": ["a"], "exclude": ["b"]}}]})).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["detail"][0]["type"], "value_error");
    let a = create(&s, json!({"model": "m", "name": "n"})).await;
    let r = patch(
        &s,
        &format!("/v1/agents/{}", a["id"].as_str().unwrap()),
        Some(&json!({"tools": "web_search"})),
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(get(&s, "/v1/agents?page_size=0").await.status, 422);
}

#[tokio::test]
async fn agent_conversations_use_the_agent_and_its_versions() {
    let s = start().await;
    let a = create(&s, json!({"model": "mistral-large-latest", "name": "Searcher", "tools": [{"type": "web_search"}]})).await;
    let id = a["id"].as_str().unwrap().to_owned();
    put(&s, &format!("/v1/agents/{id}/aliases?alias=prod&version=0")).await;
    patch(&s, &format!("/v1/agents/{id}"), Some(&json!({"tools": []}))).await;

    // The active version (1) has no tools; the alias pins version 0, which searches.
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"agent_id": id, "inputs": "search for otters"}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["message.output"]);
    assert_eq!(v["outputs"][0]["agent_id"], id.as_str());
    assert_eq!(v["outputs"][0]["model"], "mistral-large-latest");
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"agent_id": id, "agent_version": "prod", "inputs": "search for otters"}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);
    let conv = v["conversation_id"].as_str().unwrap().to_owned();

    let c = get(&s, &format!("/v1/conversations/{conv}")).await.json();
    assert_eq!(c["agent_id"], id.as_str());
    assert_eq!(c["agent_version"], 0);
    assert!(
        c.get("model").is_none(),
        "an agent conversation has no model: {c}"
    );
    // Later turns keep the pinned version.
    let v = post(
        &s,
        &format!("/v1/conversations/{conv}"),
        &json!({"inputs": "search again"}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);

    assert_eq!(
        post(
            &s,
            "/v1/conversations",
            &json!({"agent_id": "ag_nope", "inputs": "x"})
        )
        .await
        .status,
        404
    );
    assert_eq!(
        post(
            &s,
            "/v1/conversations",
            &json!({"agent_id": id, "agent_version": 9, "inputs": "x"})
        )
        .await
        .status,
        404
    );
}

#[tokio::test]
async fn handoffs_run_on_the_server_or_come_back_to_the_client() {
    let s = start().await;
    let billing = create(
        &s,
        json!({"model": "mistral-small-latest", "name": "Billing", "instructions": "bills"}),
    )
    .await;
    let billing_id = billing["id"].as_str().unwrap().to_owned();
    let front = create(
        &s,
        json!({"model": "mistral-medium-latest", "name": "Front desk", "handoffs": [billing_id]}),
    )
    .await;
    let front_id = front["id"].as_str().unwrap().to_owned();

    // Server: the handoff and the next agent's answer, in one response.
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"agent_id": front_id, "inputs": "I have a billing question"}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["agent.handoff", "message.output"]);
    let h = &v["outputs"][0];
    assert_eq!(h["previous_agent_id"], front_id.as_str());
    assert_eq!(h["previous_agent_name"], "Front desk");
    assert_eq!(h["next_agent_id"], billing_id.as_str());
    assert_eq!(h["next_agent_name"], "Billing");
    assert_eq!(v["outputs"][1]["agent_id"], billing_id.as_str());
    assert_eq!(v["outputs"][1]["model"], "mistral-small-latest");

    // Streamed: agent.handoff.started / done.
    let r = post(
        &s,
        "/v1/conversations",
        &json!({"agent_id": front_id, "inputs": "transfer me please", "stream": true}),
    )
    .await;
    let events = r.events();
    assert_eq!(events[1].event, "agent.handoff.started");
    assert_eq!(events[1].json()["previous_agent_name"], "Front desk");
    assert_eq!(events[2].event, "agent.handoff.done");
    assert_eq!(events[2].json()["next_agent_id"], billing_id.as_str());
    assert_eq!(events[1].json()["output_index"], 0);
    assert_eq!(events[3].json()["output_index"], 1);
    let mut folded = fold_stream(&r.body);
    strip_volatile(&mut folded);
    assert_eq!(folded["outputs"][0]["type"], "agent.handoff");
    assert_eq!(folded["outputs"][0]["nextAgentName"], "Billing");

    client_handoffs(&s, &front_id, &billing_id).await;
}

/// Client: the response stops at the handoff; the next turn is the next agent's.
async fn client_handoffs(s: &Server, front_id: &str, billing_id: &str) {
    let v = post(
        s,
        "/v1/conversations",
        &json!({"agent_id": front_id, "inputs": "billing please", "handoff_execution": "client"}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["agent.handoff"]);
    let conv = v["conversation_id"].as_str().unwrap().to_owned();
    let v = post(
        s,
        &format!("/v1/conversations/{conv}"),
        &json!({"inputs": "hello?"}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["message.output"]);
    assert_eq!(v["outputs"][0]["agent_id"], billing_id);

    // No handoff without a reason.
    let v = post(
        s,
        "/v1/conversations",
        &json!({"agent_id": front_id, "inputs": "hello"}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["message.output"]);
    assert_eq!(v["outputs"][0]["agent_id"], front_id);
}
