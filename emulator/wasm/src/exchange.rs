//! One exchange with the core, as plain Rust: a request built from the parts JavaScript has,
//! the router called as a `tower::Service`, and the response's parts and body frames.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderName, HeaderValue, Method, Request, Response, Uri};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// Why a request could not be built from its parts (a `TypeError` in JavaScript, as `fetch`
/// throws for the same mistakes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRequest(pub String);

/// The request the router gets: `url` may be absolute (`https://api.mistral.ai/v1/...`, whose
/// host becomes the `Host` header unless one is given) or a path; `headers` as name and value.
pub fn request(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Vec<u8>,
) -> Result<Request<Body>, BadRequest> {
    let method = Method::from_bytes(method.as_bytes())
        .map_err(|_| BadRequest(format!("invalid method `{method}`")))?;
    let uri: Uri = url
        .parse()
        .map_err(|e| BadRequest(format!("invalid url `{url}`: {e}")))?;
    let mut builder = Request::builder().method(method).uri(
        uri.path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/")
            .to_owned(),
    );
    let mut has_host = false;
    for (name, value) in headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| BadRequest(format!("invalid header name `{name}`")))?;
        let value = HeaderValue::from_str(value)
            .map_err(|_| BadRequest(format!("invalid value for header `{name}`")))?;
        has_host |= name == header::HOST;
        builder = builder.header(name, value);
    }
    if !has_host {
        if let Some(authority) = uri.authority() {
            builder = builder.header(header::HOST, authority.as_str());
        }
    }
    builder
        .body(Body::from(body))
        .map_err(|e| BadRequest(e.to_string()))
}

/// The router's answer to `request`.
pub async fn respond(router: axum::Router, request: Request<Body>) -> Response<Body> {
    match router.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// The headers as name and value, in order (a repeated header appears once per value).
pub fn header_pairs(response: &Response<Body>) -> Vec<(String, String)> {
    response
        .headers()
        .iter()
        .filter_map(|(name, value)| Some((name.to_string(), value.to_str().ok()?.to_owned())))
        .collect()
}

/// The next chunk of a body: `Ok(None)` at its end; trailers are skipped; an `Err` is the
/// connection cut by a fault (`drop-after`, a body deadline).
pub async fn next_chunk(body: &mut Body) -> Result<Option<Bytes>, String> {
    loop {
        match body.frame().await {
            None => return Ok(None),
            Some(Err(e)) => return Err(e.to_string()),
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    if !data.is_empty() {
                        return Ok(Some(data));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    async fn body_text(mut body: Body) -> Result<String, String> {
        let mut out = Vec::new();
        while let Some(chunk) = next_chunk(&mut body).await? {
            out.extend_from_slice(&chunk);
        }
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn builds_requests_from_absolute_urls_and_paths() {
        let r = request(
            "POST",
            "https://api.mistral.ai/v1/conversations?x=1",
            &pairs(&[("authorization", "Bearer k")]),
            b"{}".to_vec(),
        )
        .unwrap();
        assert_eq!(r.uri(), "/v1/conversations?x=1");
        assert_eq!(r.headers()["host"], "api.mistral.ai");
        let r = request("GET", "/v1/agents", &[], Vec::new()).unwrap();
        assert!(r.headers().get("host").is_none());
        assert!(request("GE T", "/", &[], Vec::new()).is_err());
        assert!(request("GET", "/", &pairs(&[("bad name", "x")]), Vec::new()).is_err());
    }

    #[tokio::test]
    async fn a_conversation_streams_and_a_fault_cuts_it() {
        let router = mistral_emulator::router();
        let auth = [
            ("authorization", "Bearer test"),
            ("content-type", "application/json"),
        ];
        let body = br#"{"inputs":"hello","model":"mistral-medium-latest","stream":true}"#;
        let req = request(
            "POST",
            "http://e/v1/conversations",
            &pairs(&auth),
            body.to_vec(),
        );
        let response = respond(router.clone(), req.unwrap()).await;
        assert_eq!(response.status(), 200);
        let headers = header_pairs(&response);
        assert!(headers
            .iter()
            .any(|(k, v)| k == "content-type" && v == "text/event-stream"));
        let text = body_text(response.into_body()).await.unwrap();
        assert!(text.contains("conversation.response.done"), "{text}");

        let mut faulty = pairs(&auth);
        faulty.push(("x-emulator-fault".into(), "drop-after=2".into()));
        let req = request("POST", "http://e/v1/conversations", &faulty, body.to_vec());
        let response = respond(router.clone(), req.unwrap()).await;
        assert!(body_text(response.into_body()).await.is_err());

        let req = request("GET", "http://e/__emulator/requests", &[], Vec::new()).unwrap();
        let seen: Value = serde_json::from_str(
            &body_text(respond(router, req).await.into_body())
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(seen.to_string().contains("/v1/conversations"), "{seen}");
    }
}
