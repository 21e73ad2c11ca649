//! Libraries: CRUD, multipart document uploads whose processing moves queued → running →
//! done, extracted text, signed URLs, reprocessing, shares, and the `document_library` tool
//! searching what was uploaded.

mod common;

use common::*;
use serde_json::{json, Value};

// Documents: upload, processing, listing, update, signed URLs, reprocess, delete.
#[path = "libraries/documents.rs"]
mod documents;

const BOUNDARY: &str = "emulator-test-boundary-7d3f";

async fn upload(s: &Server, lib: &str, name: &str, mime: &str, content: &[u8]) -> Resp {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"{name}\"\r\ncontent-type: {mime}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    request_raw(
        s.addr,
        "POST",
        &format!("/v1/libraries/{lib}/documents"),
        &[KEY],
        Some((&content_type, &body)),
    )
    .await
}

async fn new_library(s: &Server, name: &str) -> String {
    let r = post(s, "/v1/libraries", &json!({"name": name})).await;
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["id"].as_str().unwrap().to_owned()
}

/// Reads a document's status until it is done (two reads, by the deterministic rule).
async fn process(s: &Server, lib: &str, doc: &str) {
    for _ in 0..2 {
        get(s, &format!("/v1/libraries/{lib}/documents/{doc}/status")).await;
    }
}

#[tokio::test]
async fn library_crud_and_listing() {
    let s = start().await;
    let r = post(
        &s,
        "/v1/libraries",
        &json!({"name": "Handbook", "description": "Company handbook"}),
    )
    .await;
    assert_eq!(r.status, 201);
    let lib = r.json();
    assert_eq!(lib["name"], "Handbook");
    assert_eq!(lib["owner_type"], "Workspace");
    assert!(lib["owner_id"].is_string());
    assert_eq!(lib["chunk_size"], Value::Null, "present, and null");
    assert_eq!(lib["nb_documents"], 0);
    assert_eq!(lib["total_size"], 0);
    let id = lib["id"].as_str().unwrap().to_owned();

    for (body, kind) in [
        (json!({}), "missing"),
        (json!({"name": ""}), "string_too_short"),
        (json!({"name": "x", "owner_type": "Org"}), "enum"),
        (json!({"name": "x", "chunk_size": 10}), "greater_than_equal"),
    ] {
        let r = post(&s, "/v1/libraries", &body).await;
        assert_eq!(r.status, 422, "{body}");
        assert_eq!(r.json()["detail"][0]["type"], kind, "{body}");
    }

    let mine = post(
        &s,
        "/v1/libraries",
        &json!({"name": "Private notes", "owner_type": "User", "chunk_size": 1024}),
    )
    .await
    .json();
    assert_eq!(mine["chunk_size"], 1024);
    new_library(&s, "Third").await;

    assert_eq!(
        get(&s, &format!("/v1/libraries/{id}")).await.json()["id"],
        id
    );
    assert_eq!(get(&s, "/v1/libraries/nope").await.status, 404);

    let all = get(&s, "/v1/libraries").await.json();
    assert_eq!(all["data"].as_array().unwrap().len(), 3);
    assert_eq!(all["data"][0]["name"], "Third", "newest first");
    assert_eq!(all["pagination"]["total_items"], 3);
    assert!(all.get("next_page_token").is_none());
    let page = get(&s, "/v1/libraries?page_size=2").await.json();
    assert_eq!(page["pagination"]["has_more"], true);
    let token = page["next_page_token"].as_str().unwrap();
    let next = get(&s, &format!("/v1/libraries?page_size=2&page_token={token}"))
        .await
        .json();
    assert_eq!(next["data"][0]["name"], "Handbook");
    assert_eq!(
        get(&s, "/v1/libraries?search=handbook").await.json()["data"][0]["id"],
        id
    );
    assert_eq!(
        get(&s, "/v1/libraries?filter_owned_by_me=true")
            .await
            .json()["data"][0]["id"],
        mine["id"]
    );

    update_and_delete(&s, &id).await;
}

/// Update (PATCH and PUT), then delete.
async fn update_and_delete(s: &Server, id: &str) {
    let r = patch(
        s,
        &format!("/v1/libraries/{id}"),
        Some(&json!({"name": "Staff handbook"})),
    )
    .await;
    assert_eq!(r.json()["name"], "Staff handbook");
    assert_eq!(r.json()["description"], "Company handbook");
    let r = request(
        s.addr,
        "PUT",
        &format!("/v1/libraries/{id}"),
        &[KEY],
        Some(&json!({"description": "v2"}).to_string()),
    )
    .await;
    assert_eq!(r.json()["description"], "v2");

    let r = delete(s, &format!("/v1/libraries/{id}")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["id"], id);
    assert_eq!(get(s, &format!("/v1/libraries/{id}")).await.status, 404);
}

#[tokio::test]
async fn processing_also_finishes_with_time() {
    let s = start().await;
    let lib = new_library(&s, "Timed").await;
    let doc = upload(&s, &lib, "a.txt", "text/plain", b"hello")
        .await
        .json();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let d = get(
        &s,
        &format!(
            "/v1/libraries/{lib}/documents/{}",
            doc["id"].as_str().unwrap()
        ),
    )
    .await
    .json();
    assert_eq!(d["process_status"], "done");
}

#[tokio::test]
async fn document_library_searches_the_uploaded_text() {
    let s = start().await;
    let lib = new_library(&s, "Support").await;
    let a = upload(
        &s,
        &lib,
        "refunds.md",
        "text/markdown",
        b"# Refunds\n\nRefunds are paid within 14 days of a return.\n\nGift cards cannot be refunded.",
    )
    .await
    .json();
    let b = upload(
        &s,
        &lib,
        "shipping.json",
        "application/json",
        br#"{"shipping": "Orders ship in two days."}"#,
    )
    .await
    .json();
    let tools = json!([{"type": "document_library", "library_ids": [lib]}]);

    // Not processed yet: nothing to find.
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "What do the documents say about refunds?", "tools": tools})).await.json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);
    assert_eq!(v["outputs"][0]["info"]["results"], 0);

    process(&s, &lib, a["id"].as_str().unwrap()).await;
    process(&s, &lib, b["id"].as_str().unwrap()).await;
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "What do the documents say about refunds?", "tools": tools})).await.json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);
    assert_eq!(v["outputs"][0]["name"], "document_library");
    assert_eq!(v["outputs"][0]["info"]["results"], 3);
    let refs: Vec<&Value> = v["outputs"][1]["content"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "tool_reference")
        .collect();
    assert_eq!(refs.len(), 3);
    assert!(refs
        .iter()
        .all(|r| r["title"] == "refunds.md" && r["tool"] == "document_library"));
    let descriptions: Vec<&str> = refs
        .iter()
        .map(|r| r["description"].as_str().unwrap())
        .collect();
    assert_eq!(
        descriptions,
        [
            "# Refunds",
            "Refunds are paid within 14 days of a return.",
            "Gift cards cannot be refunded."
        ]
    );

    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Search the knowledge base: how fast do orders ship?", "tools": tools})).await.json();
    let refs: Vec<&Value> = v["outputs"][1]["content"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "tool_reference")
        .collect();
    assert_eq!(refs[0]["title"], "shipping.json");
    assert!(refs[0]["description"]
        .as_str()
        .unwrap()
        .contains("two days"));

    let r = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "documents about x", "tools": [{"type": "document_library", "library_ids": ["missing"]}]})).await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn accesses_share_and_unshare() {
    let s = start().await;
    let lib = new_library(&s, "Shared").await;
    let shares = get(&s, &format!("/v1/libraries/{lib}/share")).await.json();
    assert_eq!(shares["data"].as_array().unwrap().len(), 1);
    assert_eq!(shares["data"][0]["role"], "Owner");

    let put_share = |body: Value| {
        let s = Server { addr: s.addr };
        let path = format!("/v1/libraries/{lib}/share");
        async move { request(s.addr, "PUT", &path, &[KEY], Some(&body.to_string())).await }
    };
    let r =
        put_share(json!({"level": "Viewer", "share_with_uuid": "u-1", "share_with_type": "User"}))
            .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["role"], "Viewer");
    assert_eq!(r.json()["library_id"], lib);
    assert_eq!(r.json()["share_with_uuid"], "u-1");
    let r =
        put_share(json!({"level": "Editor", "share_with_uuid": "u-1", "share_with_type": "User"}))
            .await;
    assert_eq!(r.json()["role"], "Editor");
    put_share(json!({"level": "Viewer", "share_with_uuid": "w-1", "share_with_type": "Workspace"}))
        .await;
    let r =
        put_share(json!({"level": "Owner", "share_with_uuid": "u-2", "share_with_type": "User"}))
            .await;
    assert_eq!(r.status, 422);
    let r = put_share(json!({"level": "Viewer", "share_with_type": "User"})).await;
    assert_eq!(r.status, 422);

    let shares = get(&s, &format!("/v1/libraries/{lib}/share")).await.json();
    assert_eq!(shares["data"].as_array().unwrap().len(), 3);
    let l = get(&s, &format!("/v1/libraries/{lib}")).await.json();
    assert_eq!(l["explicit_user_members_count"], 1);
    assert_eq!(l["explicit_workspace_members_count"], 1);

    let body = json!({"share_with_uuid": "u-1", "share_with_type": "User"}).to_string();
    let path = format!("/v1/libraries/{lib}/share");
    let r = request(s.addr, "DELETE", &path, &[KEY], Some(&body)).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["share_with_uuid"], "u-1");
    let r = request(s.addr, "DELETE", &path, &[KEY], Some(&body)).await;
    assert_eq!(r.status, 404);
    assert_eq!(
        get(&s, &format!("/v1/libraries/{lib}/share")).await.json()["data"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn an_upload_that_is_not_multipart_has_no_file() {
    let s = start().await;
    let lib = new_library(&s, "l").await;
    let path = format!("/v1/libraries/{lib}/documents");
    let r = post(&s, &path, &json!({"file": "a.txt"})).await;
    assert_eq!(r.status, 422, "{}", r.text());
    let d = &r.json()["detail"][0];
    assert_eq!(d["type"], "missing");
    assert_eq!(d["loc"], json!(["body", "file"]));
    // A broken multipart body is the API's error JSON, not axum's plain text.
    let r = request_raw(
        s.addr,
        "POST",
        &path,
        &[KEY],
        Some(("multipart/form-data; boundary=b", b"--nonsense\r\n")),
    )
    .await;
    assert_eq!(r.status, 400, "{}", r.text());
    assert_eq!(r.json()["object"], "error");
}
