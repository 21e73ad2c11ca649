//! `POST /v1/files`: multipart uploads with the parts `file`, `purpose`, `expiry` and
//! `visibility`, validated as the API validates its forms (FastAPI: a 422 per bad part, an
//! empty optional part counts as absent, the last of repeated parts wins), then stored with
//! the other files.

use axum::body::Bytes;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use axum::response::Response;
use mistral_edge::model::wire;
use serde_json::{json, Value};

use crate::error::{ApiError, Violation};
use crate::json::ok;
use crate::libraries::mime_for;
use crate::state::{AppState, FileRecord};
use crate::{body, clock, files, loc};

/// The purposes a file may be uploaded for (`fine-tune` when the part is absent).
pub const PURPOSES: &[&str] = &["fine-tune", "batch", "ocr"];
/// Who may see an uploaded file (`workspace` when the part is absent).
pub const VISIBILITIES: &[&str] = &["workspace", "user"];

/// The `file` part as it came.
#[derive(Debug, Clone, PartialEq)]
pub enum FilePart {
    /// A file: its name, its declared content type and its bytes.
    File {
        /// The part's `filename`.
        name: String,
        /// The part's `content-type`, if any.
        mime: Option<String>,
        /// The content.
        bytes: Bytes,
    },
    /// A plain form value (no `filename`): not a file.
    Text(String),
}

/// The form's parts, unvalidated (the last of repeated parts; other parts are ignored).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Form {
    /// `file`.
    pub file: Option<FilePart>,
    /// `purpose`.
    pub purpose: Option<String>,
    /// `expiry`.
    pub expiry: Option<String>,
    /// `visibility`.
    pub visibility: Option<String>,
}

/// A valid upload.
#[derive(Debug, Clone, PartialEq)]
pub struct Upload {
    /// The file's name.
    pub name: String,
    /// Its MIME type: the part's, or guessed from the name when the part says nothing useful.
    pub mime: String,
    /// The content.
    pub bytes: Bytes,
    /// `fine-tune`, `batch` or `ocr`.
    pub purpose: String,
    /// Hours until the file expires, when given.
    pub expiry_hours: Option<i64>,
    /// `workspace` or `user`.
    pub visibility: String,
}

/// What the API files an upload under: `instruct` for fine-tuning data, `batch_request` for
/// batch input, `ocr_input` for documents to read.
pub fn sample_type(purpose: &str) -> &'static str {
    match purpose {
        "batch" => "batch_request",
        "ocr" => "ocr_input",
        _ => "instruct",
    }
}

/// The number of non-blank lines of a JSON Lines file (`None` for other files).
pub fn num_lines(name: &str, bytes: &[u8]) -> Option<i64> {
    let lower = name.to_ascii_lowercase();
    if !(lower.ends_with(".jsonl") || lower.ends_with(".ndjson")) {
        return None;
    }
    let lines = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    Some(lines as i64)
}

fn enum_violation(key: &str, allowed: &[&str], input: &str) -> Violation {
    let quoted: Vec<String> = allowed.iter().map(|a| format!("'{a}'")).collect();
    let expected = match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    };
    Violation::new(
        loc!["body", key],
        "enum",
        format!("Input should be {expected}"),
    )
    .input(&json!(input))
    .ctx(json!({ "expected": expected }))
}

fn expiry_hours(raw: &str, out: &mut Vec<Violation>) -> Option<i64> {
    let Ok(n) = raw.trim().parse::<i64>() else {
        out.push(
            Violation::new(
                loc!["body", "expiry"],
                "int_parsing",
                "Input should be a valid integer, unable to parse string as an integer",
            )
            .input(&json!(raw)),
        );
        return None;
    };
    if n < 1 {
        out.push(
            Violation::new(
                loc!["body", "expiry"],
                "greater_than_equal",
                "Input should be greater than or equal to 1",
            )
            .input(&json!(raw))
            .ctx(json!({ "ge": 1 })),
        );
        return None;
    }
    Some(n)
}

/// Validates a form: every bad part is reported, in the API's field order.
pub fn validate(form: Form) -> Result<Upload, ApiError> {
    let mut out = Vec::new();
    let expiry = form
        .expiry
        .as_deref()
        .and_then(|e| expiry_hours(e, &mut out));
    let visibility = form
        .visibility
        .unwrap_or_else(|| VISIBILITIES[0].to_owned());
    if !VISIBILITIES.contains(&visibility.as_str()) {
        out.push(enum_violation("visibility", VISIBILITIES, &visibility));
    }
    let purpose = form.purpose.unwrap_or_else(|| PURPOSES[0].to_owned());
    if !PURPOSES.contains(&purpose.as_str()) {
        out.push(enum_violation("purpose", PURPOSES, &purpose));
    }
    let file = match form.file {
        None => {
            out.push(Violation::missing(loc!["body", "file"], &Value::Null));
            None
        }
        Some(FilePart::Text(text)) => {
            out.push(Violation::value_error(
                loc!["body", "file"],
                "Expected UploadFile, received: <class 'str'>",
                &json!(text),
            ));
            None
        }
        Some(FilePart::File { name, mime, bytes }) => Some((name, mime, bytes)),
    };
    match file {
        Some((name, mime, bytes)) if out.is_empty() => {
            let mime = match mime {
                Some(m) if !m.is_empty() && m != "application/octet-stream" => m,
                _ => mime_for(&extension(&name)).to_owned(),
            };
            Ok(Upload {
                name,
                mime,
                bytes,
                purpose,
                expiry_hours: expiry,
                visibility,
            })
        }
        _ => Err(ApiError::validation(out)),
    }
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Reads the parts of a multipart body (an empty value counts as absent, as FastAPI has it).
pub async fn read_form(mut multipart: Multipart) -> Result<Form, ApiError> {
    let mut form = Form::default();
    while let Some(field) = multipart.next_field().await.map_err(body::part_error)? {
        let key = field.name().unwrap_or_default().to_owned();
        if key == "file" {
            if let Some(name) = field.file_name().map(str::to_owned) {
                let mime = field.content_type().map(str::to_owned);
                let bytes = field.bytes().await.map_err(body::part_error)?;
                form.file = Some(FilePart::File { name, mime, bytes });
                continue;
            }
        }
        let text = field.text().await.map_err(body::part_error)?;
        let slot = match key.as_str() {
            "file" => {
                form.file = Some(FilePart::Text(text));
                continue;
            }
            "purpose" => &mut form.purpose,
            "expiry" => &mut form.expiry,
            "visibility" => &mut form.visibility,
            _ => continue,
        };
        *slot = (!text.is_empty()).then_some(text);
    }
    Ok(form)
}

/// `POST /v1/files`. A body that is not multipart has no parts: `file` is then missing.
pub async fn upload(
    State(state): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let form = match multipart {
        Ok(m) => read_form(m).await?,
        Err(_) => Form::default(),
    };
    let up = validate(form)?;
    let created_at = clock::unix_seconds();
    let meta = wire::GetFileResponse {
        id: state.ids.uuid(),
        object: Some("file".into()),
        bytes: up.bytes.len() as i64,
        created_at,
        num_lines: num_lines(&up.name, &up.bytes),
        filename: up.name,
        sample_type: sample_type(&up.purpose).into(),
        purpose: up.purpose.as_str().into(),
        source: "upload".into(),
        mimetype: Some(up.mime),
        signature: None,
        expires_at: up
            .expiry_hours
            .map(|h| created_at.saturating_add(h.saturating_mul(3600))),
        visibility: Some(up.visibility.as_str().into()),
        deleted: false,
    };
    let body = files::listed(&meta);
    let mut store = state.store();
    let seq = store.next_seq();
    store.files.insert(
        meta.id.clone(),
        FileRecord {
            seq,
            meta,
            bytes: up.bytes,
        },
    );
    Ok(ok(&body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    fn file(name: &str, mime: Option<&str>) -> Option<FilePart> {
        Some(FilePart::File {
            name: name.into(),
            mime: mime.map(str::to_owned),
            bytes: Bytes::from_static(b"{}\n{}\n"),
        })
    }

    fn details(e: ApiError) -> Vec<(String, String)> {
        e.body["detail"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["loc"][1].as_str().unwrap().to_owned(),
                    d["type"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn defaults_and_guessed_types() {
        let up = validate(Form {
            file: file("data.jsonl", Some("application/octet-stream")),
            ..Form::default()
        })
        .unwrap();
        assert_eq!(up.purpose, "fine-tune");
        assert_eq!(up.visibility, "workspace");
        assert_eq!(up.mime, "application/x-ndjson");
        assert_eq!(up.expiry_hours, None);
        let up = validate(Form {
            file: file("scan.pdf", Some("application/pdf")),
            purpose: Some("ocr".into()),
            expiry: Some(" 48 ".into()),
            visibility: Some("user".into()),
        })
        .unwrap();
        assert_eq!(
            (up.mime.as_str(), up.expiry_hours, up.visibility.as_str()),
            ("application/pdf", Some(48), "user")
        );
    }

    #[test]
    fn every_bad_part_is_reported_in_field_order() {
        let e = validate(Form {
            file: None,
            purpose: Some("training".into()),
            expiry: Some("soon".into()),
            visibility: Some("public".into()),
        })
        .unwrap_err();
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            details(e.clone()),
            [
                ("expiry".into(), "int_parsing".into()),
                ("visibility".into(), "enum".into()),
                ("purpose".into(), "enum".into()),
                ("file".into(), "missing".into()),
            ]
        );
        assert_eq!(
            e.body["detail"][2]["msg"],
            "Input should be 'fine-tune', 'batch' or 'ocr'"
        );
        let e = validate(Form {
            file: Some(FilePart::Text("not a file".into())),
            expiry: Some("0".into()),
            ..Form::default()
        })
        .unwrap_err();
        assert_eq!(
            details(e),
            [
                ("expiry".into(), "greater_than_equal".into()),
                ("file".into(), "value_error".into()),
            ]
        );
    }

    #[test]
    fn sample_types_and_lines() {
        assert_eq!(sample_type("fine-tune"), "instruct");
        assert_eq!(sample_type("batch"), "batch_request");
        assert_eq!(sample_type("ocr"), "ocr_input");
        assert_eq!(num_lines("a.JSONL", b"{}\n\n{}\n{}"), Some(3));
        assert_eq!(num_lines("a.txt", b"x\ny"), None);
    }
}
