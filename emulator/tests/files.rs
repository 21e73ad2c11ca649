//! Files: multipart upload, retrieve, list with filters and paging, download, signed URLs and
//! delete, with the SDK's wire shapes and the API's 422s.

mod common;

use common::*;
use serde_json::{json, Value};

const BOUNDARY: &str = "emulator-files-boundary-41c9";

/// One multipart part: a name, an optional file name and content type, the bytes.
struct Part<'a> {
    name: &'a str,
    filename: Option<&'a str>,
    mime: Option<&'a str>,
    bytes: &'a [u8],
}

fn text<'a>(name: &'a str, value: &'a str) -> Part<'a> {
    Part {
        name,
        filename: None,
        mime: None,
        bytes: value.as_bytes(),
    }
}

fn file<'a>(filename: &'a str, mime: &'a str, bytes: &'a [u8]) -> Part<'a> {
    Part {
        name: "file",
        filename: Some(filename),
        mime: Some(mime),
        bytes,
    }
}

fn multipart(parts: &[Part]) -> Vec<u8> {
    let mut body = Vec::new();
    for p in parts {
        let mut head = format!(
            "--{BOUNDARY}\r\ncontent-disposition: form-data; name=\"{}\"",
            p.name
        );
        if let Some(f) = p.filename {
            head.push_str(&format!("; filename=\"{f}\""));
        }
        head.push_str("\r\n");
        if let Some(m) = p.mime {
            head.push_str(&format!("content-type: {m}\r\n"));
        }
        head.push_str("\r\n");
        body.extend_from_slice(head.as_bytes());
        body.extend_from_slice(p.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(s: &Server, parts: &[Part<'_>]) -> Resp {
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    request_raw(
        s.addr,
        "POST",
        "/v1/files",
        &[KEY],
        Some((&content_type, &multipart(parts))),
    )
    .await
}

async fn upload_ok(s: &Server, parts: &[Part<'_>]) -> Value {
    let r = upload(s, parts).await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

fn ids(list: &Value) -> Vec<String> {
    list["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect()
}

fn detail(r: &Resp) -> Vec<(Value, String)> {
    assert_eq!(r.status, 422, "{}", r.text());
    r.json()["detail"]
        .as_array()
        .expect("detail")
        .iter()
        .map(|d| (d["loc"].clone(), d["type"].as_str().unwrap().to_owned()))
        .collect()
}

const LINES: &[u8] = b"{\"messages\":[]}\n{\"messages\":[]}\n{\"messages\":[]}\n";

#[tokio::test]
async fn upload_returns_the_file_and_download_returns_its_bytes() {
    let s = start().await;
    let up = upload_ok(
        &s,
        &[file("train.jsonl", "application/octet-stream", LINES)],
    )
    .await;
    let id = up["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    assert_eq!(up["object"], "file");
    assert_eq!(up["bytes"], LINES.len());
    assert!(up["created_at"].is_i64(), "unix seconds: {up}");
    assert_eq!(up["filename"], "train.jsonl");
    assert_eq!(up["purpose"], "fine-tune", "the default purpose");
    assert_eq!(up["sample_type"], "instruct");
    assert_eq!(up["source"], "upload");
    assert_eq!(
        up["mimetype"], "application/x-ndjson",
        "guessed from the name"
    );
    assert_eq!(up["num_lines"], 3);
    assert_eq!(up["visibility"], "workspace");
    assert!(up.get("deleted").is_none(), "CreateFileResponse has none");

    let got = get(&s, &format!("/v1/files/{id}")).await;
    assert_eq!(got.status, 200);
    let mut expected = up.clone();
    expected["deleted"] = json!(false);
    assert_eq!(got.json(), expected);

    let content = get(&s, &format!("/v1/files/{id}/content")).await;
    assert_eq!(content.status, 200);
    assert_eq!(
        content.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(content.body, LINES);

    // The signed URL serves the same bytes without a key, with the file's own type.
    let url = get(&s, &format!("/v1/files/{id}/url?expiry=1"))
        .await
        .json()["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = &url[url.find("/signed/").expect("served by the emulator")..];
    let signed = request(s.addr, "GET", path, &[], None).await;
    assert_eq!(signed.status, 200);
    assert_eq!(signed.header("content-type"), Some("application/x-ndjson"));
    assert_eq!(signed.body, LINES);
}

#[tokio::test]
async fn upload_takes_purpose_expiry_and_visibility() {
    let s = start().await;
    let pdf = b"%PDF-1.4 not really";
    let up = upload_ok(
        &s,
        &[
            text("purpose", "ocr"),
            text("expiry", "2"),
            text("visibility", "user"),
            file("scan.pdf", "application/pdf", pdf),
            text("unknown", "ignored"),
        ],
    )
    .await;
    assert_eq!(up["purpose"], "ocr");
    assert_eq!(up["sample_type"], "ocr_input");
    assert_eq!(up["mimetype"], "application/pdf");
    assert_eq!(up["visibility"], "user");
    assert_eq!(
        up["expires_at"].as_i64().unwrap(),
        up["created_at"].as_i64().unwrap() + 2 * 3600
    );
    assert!(up.get("num_lines").is_none_or(Value::is_null));

    let batch = upload_ok(
        &s,
        &[
            text("purpose", "batch"),
            text("visibility", ""),
            file("in.jsonl", "application/x-ndjson", LINES),
        ],
    )
    .await;
    assert_eq!(batch["sample_type"], "batch_request");
    assert_eq!(batch["visibility"], "workspace", "an empty part is absent");

    // A file over the 2 MiB JSON limit is fine here: uploads have their own limit.
    let big = vec![b'x'; 3 * 1024 * 1024];
    let up = upload_ok(&s, &[file("big.bin", "application/octet-stream", &big)]).await;
    let id = up["id"].as_str().unwrap();
    assert_eq!(up["mimetype"], "application/octet-stream");
    let content = get(&s, &format!("/v1/files/{id}/content")).await;
    assert_eq!(content.body.len(), big.len());
    assert!(content.body == big);
}

#[tokio::test]
async fn bad_uploads_are_422_like_the_api() {
    let s = start().await;
    let r = upload(&s, &[text("purpose", "ocr")]).await;
    assert_eq!(detail(&r), [(json!(["body", "file"]), "missing".into())]);

    let r = upload(
        &s,
        &[
            text("expiry", "soon"),
            text("visibility", "public"),
            text("purpose", "training"),
            text("file", "not a file"),
        ],
    )
    .await;
    assert_eq!(
        detail(&r),
        [
            (json!(["body", "expiry"]), "int_parsing".into()),
            (json!(["body", "visibility"]), "enum".into()),
            (json!(["body", "purpose"]), "enum".into()),
            (json!(["body", "file"]), "value_error".into()),
        ]
    );
    let purpose = &r.json()["detail"][2];
    assert_eq!(
        purpose["msg"],
        "Input should be 'fine-tune', 'batch' or 'ocr'"
    );
    assert_eq!(purpose["input"], "training");

    let r = upload(
        &s,
        &[text("expiry", "0"), file("a.txt", "text/plain", b"a")],
    )
    .await;
    assert_eq!(
        detail(&r),
        [(json!(["body", "expiry"]), "greater_than_equal".into())]
    );

    // A body that is not multipart has no parts at all.
    let r = post(&s, "/v1/files", &json!({"file": "a.txt"})).await;
    assert_eq!(detail(&r), [(json!(["body", "file"]), "missing".into())]);

    // A broken multipart body is a 400 in the error envelope, not axum's plain text.
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let r = request_raw(
        s.addr,
        "POST",
        "/v1/files",
        &[KEY],
        Some((&content_type, b"--nonsense\r\n")),
    )
    .await;
    assert_eq!(r.status, 400, "{}", r.text());
    assert_eq!(r.json()["object"], "error");

    // Nothing was stored.
    let list = get(&s, "/v1/files").await.json();
    assert_eq!(list["total"], 0);
    assert_eq!(
        request(s.addr, "POST", "/v1/files", &[], None).await.status,
        401
    );
}

#[tokio::test]
async fn list_filters_and_pages_newest_first() {
    let s = start().await;
    let mut made = Vec::new();
    for (name, mime, purpose) in [
        ("one.jsonl", "application/x-ndjson", "fine-tune"),
        ("Annual-Report.pdf", "application/pdf", "ocr"),
        ("two.jsonl", "application/x-ndjson", "batch"),
        ("notes.txt", "text/plain", "ocr"),
        ("report-draft.pdf", "application/pdf", "fine-tune"),
    ] {
        let up = upload_ok(&s, &[text("purpose", purpose), file(name, mime, b"x")]).await;
        made.push(up["id"].as_str().unwrap().to_owned());
    }
    let newest_first: Vec<String> = made.iter().rev().cloned().collect();

    let all = get(&s, "/v1/files").await.json();
    assert_eq!(all["object"], "list");
    assert_eq!(all["total"], 5);
    assert_eq!(ids(&all), newest_first);
    assert!(
        all["data"][0].get("deleted").is_none(),
        "FileSchema has none"
    );

    let page = get(&s, "/v1/files?page=1&page_size=2").await.json();
    assert_eq!(ids(&page), newest_first[2..4]);
    assert_eq!(page["total"], 5, "total counts every match");
    let past = get(&s, "/v1/files?page=9&page_size=2").await.json();
    assert!(ids(&past).is_empty());
    let untotalled = get(&s, "/v1/files?include_total=false").await.json();
    assert!(untotalled.get("total").is_none());
    assert_eq!(ids(&untotalled).len(), 5);

    let by = |q: &str| {
        let q = q.to_owned();
        let s = &s;
        async move { ids(&get(s, &format!("/v1/files?{q}")).await.json()) }
    };
    let pick = |idx: &[usize]| -> Vec<String> { idx.iter().map(|&i| made[i].clone()).collect() };
    assert_eq!(by("purpose=ocr").await, pick(&[3, 1]));
    assert_eq!(
        by("sample_type=batch_request&sample_type=ocr_input").await,
        pick(&[3, 2, 1])
    );
    assert_eq!(by("mimetypes=application%2Fpdf").await, pick(&[4, 1]));
    assert_eq!(by("search=REPORT").await, pick(&[4, 1]));
    assert_eq!(by("search=report&purpose=ocr").await, pick(&[1]));
    assert_eq!(by("source=upload").await.len(), 5);
    assert!(by("source=mistral&source=repository").await.is_empty());

    for (q, loc, kind) in [
        ("page_size=0", "page_size", "greater_than_equal"),
        ("page=-1", "page", "greater_than_equal"),
        ("page=x", "page", "int_parsing"),
        ("include_total=maybe", "include_total", "bool_parsing"),
    ] {
        let r = get(&s, &format!("/v1/files?{q}")).await;
        assert_eq!(
            detail(&r),
            [(json!(["query", loc]), kind.to_owned())],
            "{q}"
        );
    }
}

#[tokio::test]
async fn delete_then_404_everywhere() {
    let s = start().await;
    let keep = upload_ok(&s, &[file("keep.txt", "text/plain", b"keep")]).await;
    let gone = upload_ok(&s, &[file("gone.txt", "text/plain", b"gone")]).await;
    let id = gone["id"].as_str().unwrap();

    let r = delete(&s, &format!("/v1/files/{id}")).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json(),
        json!({"id": id, "object": "file", "deleted": true})
    );

    for path in [
        format!("/v1/files/{id}"),
        format!("/v1/files/{id}/content"),
        format!("/v1/files/{id}/url"),
    ] {
        let r = get(&s, &path).await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.json()["object"], "error");
        assert_eq!(r.json()["message"], format!("File not found: {id}"));
    }
    assert_eq!(delete(&s, &format!("/v1/files/{id}")).await.status, 404);
    let list = get(&s, "/v1/files").await.json();
    assert_eq!(ids(&list), [keep["id"].as_str().unwrap()]);
    assert_eq!(list["total"], 1);
}
