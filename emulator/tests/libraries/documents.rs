//! Documents in a library: upload, processing step by step, listing, update, signed URLs,
//! reprocessing and deleting.

use serde_json::json;

use super::{new_library, upload};
use crate::common::*;

#[tokio::test]
async fn documents_upload_process_and_serve() {
    let s = start().await;
    let lib = new_library(&s, "Docs").await;
    let text = "# Refunds\n\nRefunds are paid within 14 days.\n\nShipping is free.";
    let r = upload(&s, &lib, "policy.md", "text/markdown", text.as_bytes()).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let doc = r.json();
    assert_eq!(doc["name"], "policy.md");
    assert_eq!(doc["library_id"], lib);
    assert_eq!(doc["mime_type"], "text/markdown");
    assert_eq!(doc["extension"], "md");
    assert_eq!(doc["size"], text.len());
    assert!(doc["hash"].is_string());
    assert!(doc["uploaded_by_id"].is_string());
    assert_eq!(doc["process_status"], "todo");
    assert_eq!(doc["processing_status"], "queued");
    assert_eq!(doc["tokens_processing_total"], 0);
    let id = doc["id"].as_str().unwrap().to_owned();

    processing_steps(&s, &lib, &id, text).await;
    let pdf_id = upload_a_pdf(&s, &lib).await;
    listing_sorting_searching(&s, &lib, &id, &pdf_id, text).await;
    update_a_document(&s, &lib, &id).await;
    signed_urls(&s, &lib, &id, &pdf_id, text).await;
    reprocess_and_delete(&s, &lib, &id).await;
}

/// queued → running → done, one step per read; then the summary and the text.
async fn processing_steps(s: &Server, lib: &str, id: &str, text: &str) {
    let status = |s: &Server| {
        let path = format!("/v1/libraries/{lib}/documents/{id}/status");
        let s = Server { addr: s.addr };
        async move { get(&s, &path).await.json() }
    };
    let st = status(s).await;
    assert_eq!(st["document_id"], id);
    assert_eq!(
        (
            st["process_status"].clone(),
            st["processing_status"].clone()
        ),
        (json!("in_progress"), json!("running"))
    );
    let st = status(s).await;
    assert_eq!(
        (
            st["process_status"].clone(),
            st["processing_status"].clone()
        ),
        (json!("done"), json!("done"))
    );
    let d = get(s, &format!("/v1/libraries/{lib}/documents/{id}"))
        .await
        .json();
    assert_eq!(d["process_status"], "done");
    assert!(d["tokens_processing_total"].as_i64().unwrap() > 0);
    assert!(d["last_processed_at"].is_string());
    assert_eq!(d["summary"], "# Refunds");

    let t = get(
        s,
        &format!("/v1/libraries/{lib}/documents/{id}/text_content"),
    )
    .await
    .json();
    assert_eq!(t["text"], text);
}

/// A PDF: a placeholder made from its name. Returns its id.
async fn upload_a_pdf(s: &Server, lib: &str) -> String {
    let pdf = upload(
        s,
        lib,
        "Annual-Report_2024.pdf",
        "application/octet-stream",
        b"%PDF-1.7 binary",
    )
    .await
    .json();
    assert_eq!(pdf["mime_type"], "application/pdf");
    let pdf_id = pdf["id"].as_str().unwrap().to_owned();
    let t = get(
        s,
        &format!("/v1/libraries/{lib}/documents/{pdf_id}/text_content"),
    )
    .await
    .json();
    let t = t["text"].as_str().unwrap();
    assert!(
        t.starts_with("Annual Report 2024\n\n[mistral-emulator placeholder]"),
        "{t}"
    );
    pdf_id
}

/// Listing, sorting, searching.
async fn listing_sorting_searching(s: &Server, lib: &str, id: &str, pdf_id: &str, text: &str) {
    let list = get(s, &format!("/v1/libraries/{lib}/documents"))
        .await
        .json();
    assert_eq!(list["pagination"]["total_items"], 2);
    assert_eq!(list["data"][0]["id"], pdf_id, "newest first by default");
    let asc = get(s, &format!("/v1/libraries/{lib}/documents?sort_order=asc"))
        .await
        .json();
    assert_eq!(asc["data"][0]["id"], id);
    let found = get(s, &format!("/v1/libraries/{lib}/documents?search=annual"))
        .await
        .json();
    assert_eq!(found["data"].as_array().unwrap().len(), 1);
    let l = get(s, &format!("/v1/libraries/{lib}")).await.json();
    assert_eq!(l["nb_documents"], 2);
    assert_eq!(l["total_size"], text.len() + 15);
}

/// Update, and attributes to filter by.
async fn update_a_document(s: &Server, lib: &str, id: &str) {
    let r = patch(
        s,
        &format!("/v1/libraries/{lib}/documents/{id}"),
        Some(&json!({"name": "refunds.md", "attributes": {"team": "ops", "year": 2024, "tags": ["a", "b"]}})),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["name"], "refunds.md");
    assert_eq!(r.json()["attributes"]["team"], "ops");
    let filtered = get(
        s,
        &format!("/v1/libraries/{lib}/documents?filters_attributes=%7B%22team%22%3A%22ops%22%7D"),
    )
    .await
    .json();
    assert_eq!(filtered["data"][0]["id"], id);
    let r = patch(
        s,
        &format!("/v1/libraries/{lib}/documents/{id}"),
        Some(&json!({"attributes": {"nested": {"no": 1}}})),
    )
    .await;
    assert_eq!(r.status, 422);
}

/// Signed URLs, served without a key.
async fn signed_urls(s: &Server, lib: &str, id: &str, pdf_id: &str, text: &str) {
    let url = get(s, &format!("/v1/libraries/{lib}/documents/{id}/signed-url"))
        .await
        .json();
    let url = url.as_str().expect("a JSON string");
    let path = &url[url.find("/signed/").unwrap()..];
    let r = request(s.addr, "GET", path, &[], None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/markdown"));
    assert_eq!(r.text(), text);
    let bad = path.replace("signature=", "signature=f");
    assert_eq!(request(s.addr, "GET", &bad, &[], None).await.status, 403);
    let url = get(
        s,
        &format!("/v1/libraries/{lib}/documents/{pdf_id}/extracted-text-signed-url"),
    )
    .await
    .json();
    let url = url.as_str().unwrap();
    let r = request(
        s.addr,
        "GET",
        &url[url.find("/signed/").unwrap()..],
        &[],
        None,
    )
    .await;
    assert!(r.text().starts_with("Annual Report 2024"));
}

/// Reprocess starts over; delete.
async fn reprocess_and_delete(s: &Server, lib: &str, id: &str) {
    let r = post(
        s,
        &format!("/v1/libraries/{lib}/documents/{id}/reprocess"),
        &json!({}),
    )
    .await;
    assert_eq!(r.status, 204);
    let d = get(s, &format!("/v1/libraries/{lib}/documents/{id}"))
        .await
        .json();
    assert_eq!(d["process_status"], "in_progress");

    // Delete.
    assert_eq!(
        delete(s, &format!("/v1/libraries/{lib}/documents/{id}"))
            .await
            .status,
        204
    );
    assert_eq!(
        get(s, &format!("/v1/libraries/{lib}/documents/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(
        get(s, &format!("/v1/libraries/{lib}")).await.json()["nb_documents"],
        1
    );
    let r = upload(s, "nope", "a.txt", "text/plain", b"x").await;
    assert_eq!(r.status, 404);
}
