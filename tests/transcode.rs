//! Unit tests of the transcoder: `to_wire` strictness and its error messages, `to_js`
//! leniency, malformed input, nesting limits, and the shape tables it walks.

use mistral_edge::json::{
    kind_mismatch, to_js, to_js_dated, to_wire, TranscodeError, TranscodeErrorKind,
};
use mistral_edge::model::shape::{HasShape, Shape, StructShape};
use mistral_edge::model::wire;

const REQUEST: &Shape = wire::ConversationRequest::SHAPE;
const APPEND: &Shape = wire::AppendConversationRequest::SHAPE;
const RESPONSE: &Shape = wire::ConversationResponse::SHAPE;
const EVENT: &Shape = wire::ConversationEvent::SHAPE;
const ANY: &Shape = &Shape::Any;

fn wire_with(
    js: &str,
    shape: &'static Shape,
    replace: &[(&str, &str)],
) -> Result<String, TranscodeError> {
    let mut out = Vec::new();
    to_wire(js.as_bytes(), shape, replace, &mut out)?;
    Ok(String::from_utf8(out).expect("to_wire writes UTF-8"))
}

fn wire_ok(js: &str, shape: &'static Shape) -> String {
    wire_with(js, shape, &[]).unwrap_or_else(|e| panic!("to_wire({js}) failed: {e}"))
}

fn wire_err(js: &str, shape: &'static Shape) -> TranscodeError {
    match wire_with(js, shape, &[]) {
        Ok(out) => panic!("to_wire({js}) should fail, gave {out}"),
        Err(e) => e,
    }
}

fn js_ok(wire: &str, shape: &'static Shape) -> String {
    let mut out = Vec::new();
    to_js(wire.as_bytes(), shape, &mut out).unwrap_or_else(|e| panic!("to_js({wire}) failed: {e}"));
    String::from_utf8(out).expect("to_js writes UTF-8")
}

fn js_err(wire: &[u8], shape: &'static Shape) -> TranscodeError {
    let mut out = Vec::new();
    match to_js(wire, shape, &mut out) {
        Ok(()) => panic!(
            "to_js({}) should fail, gave {}",
            String::from_utf8_lossy(wire),
            String::from_utf8_lossy(&out)
        ),
        Err(e) => e,
    }
}

// ----- required fields -----

#[test]
fn missing_required_field() {
    let e = wire_err(r#"{"model":"mistral-medium-latest"}"#, REQUEST);
    assert_eq!(
        e.kind,
        TranscodeErrorKind::MissingField {
            field: "inputs".into()
        }
    );
    assert_eq!(e.path, "");
    assert_eq!(e.to_string(), "missing required field `inputs`");

    let e = wire_err(r#"{"inputs":"hi"}"#, &Shape::Struct(<wire::RestartConversationRequest as mistral_edge::model::shape::HasStructShape>::STRUCT));
    assert_eq!(e.to_string(), "missing required field `fromEntryId`");

    // Optional-only objects need nothing.
    assert_eq!(wire_ok("{}", APPEND), "{}");
}

#[test]
fn nested_missing_field_names_the_path() {
    let e = wire_err(
        r#"{"inputs":"hi","tools":[{"type":"web_search"},{"type":"connector","toolConfiguration":{"include":["a"]}}]}"#,
        REQUEST,
    );
    assert_eq!(
        e.kind,
        TranscodeErrorKind::MissingField {
            field: "connectorId".into()
        }
    );
    assert_eq!(e.path, "tools[1]");
    let message = e.to_string();
    assert!(
        message.contains("tools[1]") && message.contains("connectorId"),
        "{message}"
    );
    assert_eq!(
        message,
        "`tools[1]` is missing the required field `connectorId`"
    );

    let e = wire_err(
        r#"{"inputs":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"image_url"}]}]}"#,
        REQUEST,
    );
    assert_eq!(
        e.to_string(),
        "`inputs[0].content[1]` is missing the required field `imageUrl`"
    );

    let e = wire_err(
        r#"{"inputs":"hi","tools":[{"type":"function","function":{"name":"f"}}]}"#,
        REQUEST,
    );
    assert_eq!(
        e.to_string(),
        "`tools[0].function` is missing the required field `parameters`"
    );

    let e = wire_err(
        r#"{"inputs":"hi","tools":[{"type":"connector","connectorId":"gmail","authorization":{"type":"oauth2-token"}}]}"#,
        REQUEST,
    );
    assert_eq!(
        e.to_string(),
        "`tools[0].authorization` is missing the required field `value`"
    );

    let e = wire_err(
        r#"{"inputs":"hi","completionArgs":{"responseFormat":{"type":"json_schema","jsonSchema":{"name":"x"}}}}"#,
        REQUEST,
    );
    assert_eq!(
        e.to_string(),
        "`completionArgs.responseFormat.jsonSchema` is missing the required field `schemaDefinition`"
    );

    let e = wire_err(r#"{"toolConfirmations":[{"toolCallId":"a"}]}"#, APPEND);
    assert_eq!(
        e.to_string(),
        "`toolConfirmations[0]` is missing the required field `confirmation`"
    );
}

// ----- kinds -----

#[test]
fn wrong_kind() {
    let e = wire_err(
        r#"{"inputs":"hi","completionArgs":{"maxTokens":"x"}}"#,
        REQUEST,
    );
    assert_eq!(
        e.kind,
        TranscodeErrorKind::Type {
            expected: "an integer",
            found: "a string"
        }
    );
    assert_eq!(e.path, "completionArgs.maxTokens");
    assert_eq!(
        e.to_string(),
        "`completionArgs.maxTokens` must be an integer, got a string"
    );

    let e = wire_err(r#"{"inputs":"hi","store":"yes"}"#, REQUEST);
    assert_eq!(e.to_string(), "`store` must be a boolean, got a string");

    let e = wire_err(
        r#"{"inputs":"hi","completionArgs":{"temperature":true}}"#,
        REQUEST,
    );
    assert_eq!(
        e.to_string(),
        "`completionArgs.temperature` must be a number, got a boolean"
    );

    let e = wire_err(r#"{"inputs":42}"#, REQUEST);
    assert_eq!(
        e.kind,
        TranscodeErrorKind::Type {
            expected: "one of the documented forms",
            found: "a number"
        }
    );
    assert_eq!(e.path, "inputs");

    let e = wire_err(r#"{"inputs":null}"#, REQUEST);
    assert_eq!(
        e.kind,
        TranscodeErrorKind::Type {
            expected: "one of the documented forms",
            found: "null"
        }
    );

    let e = wire_err(r#"{"inputs":"hi","tools":{"type":"web_search"}}"#, REQUEST);
    assert_eq!(e.to_string(), "`tools` must be an array, got an object");

    let e = wire_err(r#"{"inputs":"hi","tools":["web_search"]}"#, REQUEST);
    assert_eq!(e.to_string(), "`tools[0]` must be an object, got a string");

    let e = wire_err(
        r#"{"inputs":[{"role":"user","content":"x","prefix":1}]}"#,
        REQUEST,
    );
    assert_eq!(
        e.to_string(),
        "`inputs[0].prefix` must be a boolean, got a number"
    );

    let e = wire_err("[]", REQUEST);
    assert_eq!(e.to_string(), "expected an object, got an array");

    // Opaque values take anything; nullable fields take null.
    assert_eq!(
        wire_ok(
            r#"{"inputs":"hi","metadata":{"a_b":[1,{"c_d":null}]},"store":null,"completionArgs":null}"#,
            REQUEST
        ),
        r#"{"inputs":"hi","metadata":{"a_b":[1,{"c_d":null}]},"store":null,"completion_args":null}"#
    );
}

#[test]
fn fractional_integer() {
    for number in ["1.5", "2.0", "1e3", "-0.1", "10E-1"] {
        let e = wire_err(
            &format!(r#"{{"inputs":"hi","completionArgs":{{"maxTokens":{number}}}}}"#),
            REQUEST,
        );
        assert_eq!(
            e.kind,
            TranscodeErrorKind::Type {
                expected: "an integer",
                found: "a fraction"
            },
            "{number}"
        );
        assert_eq!(e.path, "completionArgs.maxTokens");
    }
    assert_eq!(
        wire_ok(
            r#"{"inputs":"hi","completionArgs":{"maxTokens":-0,"randomSeed":9007199254740991}}"#,
            REQUEST
        ),
        r#"{"inputs":"hi","completion_args":{"max_tokens":-0,"random_seed":9007199254740991}}"#
    );
    // Past 2^53 - 1 (either way) a JavaScript number is not the integer it reads as: refused, as
    // the official SDK's `z.int()` refuses it. 2^64 is what `JSON.stringify(2 ** 64)` writes.
    for number in [
        "9007199254740992",
        "-9007199254740992",
        "18446744073709552000",
        "100000000000000000000000",
    ] {
        let e = wire_err(
            &format!(r#"{{"inputs":"hi","completionArgs":{{"randomSeed":{number}}}}}"#),
            REQUEST,
        );
        assert_eq!(e.path, "completionArgs.randomSeed", "{number}");
        assert_eq!(
            e.to_string(),
            "`completionArgs.randomSeed` must be an integer, got one past 2^53 - 1"
        );
    }
    assert_eq!(
        wire_ok(
            r#"{"inputs":"hi","agentVersion":-9007199254740991}"#,
            REQUEST
        ),
        r#"{"inputs":"hi","agent_version":-9007199254740991}"#
    );
    // A float field takes integers and fractions alike.
    assert_eq!(
        wire_ok(
            r#"{"inputs":"hi","completionArgs":{"temperature":1,"topP":0.9e0}}"#,
            REQUEST
        ),
        r#"{"inputs":"hi","completion_args":{"temperature":1,"top_p":0.9e0}}"#
    );
    // Agent versions are an integer or a string.
    let e = wire_err(r#"{"inputs":"hi","agentVersion":1.5}"#, REQUEST);
    assert_eq!(
        e.kind,
        TranscodeErrorKind::Type {
            expected: "an integer",
            found: "a fraction"
        }
    );
    assert_eq!(e.path, "agentVersion");
}

// ----- replace -----

#[test]
fn replace_owns_stream() {
    let stream = [("stream", "true")];
    assert_eq!(
        wire_with(
            r#"{"inputs":"hi","stream":false,"model":"m"}"#,
            REQUEST,
            &stream
        )
        .unwrap(),
        r#"{"inputs":"hi","model":"m","stream":true}"#
    );
    assert_eq!(
        wire_with(r#"{"stream":false,"inputs":"hi"}"#, REQUEST, &stream).unwrap(),
        r#"{"inputs":"hi","stream":true}"#
    );
    assert_eq!(
        wire_with(r#"{"inputs":"hi"}"#, REQUEST, &stream).unwrap(),
        r#"{"inputs":"hi","stream":true}"#
    );
    assert_eq!(
        wire_with(
            r#"{"stream":1,"inputs":"hi","stream":"x"}"#,
            REQUEST,
            &stream
        )
        .unwrap(),
        r#"{"inputs":"hi","stream":true}"#,
        "every `stream` the caller gave is dropped, whatever its value"
    );
    assert_eq!(
        wire_with("{}", APPEND, &stream).unwrap(),
        r#"{"stream":true}"#
    );
    assert_eq!(
        wire_with(r#"{"stream":false}"#, APPEND, &[("stream", "false")]).unwrap(),
        r#"{"stream":false}"#
    );
    assert_eq!(
        wire_with(
            r#"{"inputs":"hi"}"#,
            APPEND,
            &[("stream", "false"), ("store", "true")]
        )
        .unwrap(),
        r#"{"inputs":"hi","stream":false,"store":true}"#
    );
    // Members left out take their commas with them, whatever the whitespace.
    for (input, expected) in [
        (
            r#"{ "stream" : false , "inputs" : "hi" , "stream":1 }"#,
            r#"{ "inputs" : "hi" ,"stream":true}"#,
        ),
        ("{\n\t\"stream\": false\n}", "{\n\"stream\":true}"),
        (
            r#"{"stream":0,"stream":1,"inputs":"hi"}"#,
            r#"{"inputs":"hi","stream":true}"#,
        ),
        (
            r#"{"inputs":"hi","stream":0,"stream":1}"#,
            r#"{"inputs":"hi","stream":true}"#,
        ),
    ] {
        let out = wire_with(input, APPEND, &stream).unwrap();
        assert_eq!(out, expected, "{input}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap();
    }
    // Only the top level is replaced.
    assert_eq!(
        wire_with(
            r#"{"inputs":"hi","metadata":{"stream":false}}"#,
            REQUEST,
            &stream
        )
        .unwrap(),
        r#"{"inputs":"hi","metadata":{"stream":false},"stream":true}"#
    );
    // A missing required field is still reported.
    assert_eq!(
        wire_with(r#"{"stream":false}"#, REQUEST, &stream)
            .unwrap_err()
            .kind,
        TranscodeErrorKind::MissingField {
            field: "inputs".into()
        }
    );
}

// ----- spellings -----

#[test]
fn snake_case_keys_are_accepted_on_input() {
    assert_eq!(
        wire_ok(
            r#"{"inputs":"hi","agent_id":"ag_1","agentVersion":2,"completion_args":{"max_tokens":5,"topP":0.5},"handoff_execution":"client"}"#,
            REQUEST
        ),
        r#"{"inputs":"hi","agent_id":"ag_1","agent_version":2,"completion_args":{"max_tokens":5,"top_p":0.5},"handoff_execution":"client"}"#
    );
    assert_eq!(
        wire_ok(
            r#"{"tool_confirmations":[{"tool_call_id":"a","confirmation":"allow"}]}"#,
            APPEND
        ),
        r#"{"tool_confirmations":[{"tool_call_id":"a","confirmation":"allow"}]}"#
    );
    // A snake_case required field counts as present.
    assert_eq!(
        wire_ok(
            r#"{"inputs":"hi","tools":[{"type":"connector","connector_id":"gmail"}]}"#,
            REQUEST
        ),
        r#"{"inputs":"hi","tools":[{"type":"connector","connector_id":"gmail"}]}"#
    );
    // Escaped keys are read by their value.
    assert_eq!(
        wire_ok(r#"{"inputs":"hi","agent\u0049d":"a"}"#, REQUEST),
        r#"{"inputs":"hi","agent_id":"a"}"#
    );
}

#[test]
fn entry_without_type_is_a_message_input() {
    assert_eq!(
        wire_ok(
            r#"{"inputs":[{"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","imageUrl":{"url":"https://x/y.png","detail":"low"}},{"type":"document_url","documentUrl":"https://x/d.pdf","documentName":"d"}]}]}"#,
            REQUEST
        ),
        r#"{"inputs":[{"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","image_url":{"url":"https://x/y.png","detail":"low"}},{"type":"document_url","document_url":"https://x/d.pdf","document_name":"d"}]}]}"#
    );
    let e = wire_err(r#"{"inputs":[{"content":"hi"}]}"#, REQUEST);
    assert_eq!(
        e.to_string(),
        "`inputs[0]` is missing the required field `role`"
    );
    // The same on the way in.
    assert_eq!(
        js_ok(
            r#"{"inputs":[{"role":"user","content":[{"type":"tool_file","tool":"t","file_id":"f"}]}]}"#,
            REQUEST
        ),
        r#"{"inputs":[{"role":"user","content":[{"type":"tool_file","tool":"t","fileId":"f"}]}]}"#
    );
}

#[test]
fn tag_need_not_come_first() {
    assert_eq!(
        wire_ok(
            r#"{"inputs":"hi","tools":[{"connectorId":"gmail","toolConfiguration":{"requiresConfirmation":["send"]},"type":"connector"}]}"#,
            REQUEST
        ),
        r#"{"inputs":"hi","tools":[{"connector_id":"gmail","tool_configuration":{"requires_confirmation":["send"]},"type":"connector"}]}"#
    );
    assert_eq!(
        wire_ok(
            r#"{"inputs":[{"toolCallId":"c1","result":"{}","object":"entry","type":"function.result"}]}"#,
            APPEND
        ),
        r#"{"inputs":[{"tool_call_id":"c1","result":"{}","object":"entry","type":"function.result"}]}"#
    );
    assert_eq!(
        js_ok(
            r#"{"id":"x","output_index":2,"content":{"title":"t","tool":"web_search","type":"tool_reference"},"type":"message.output.delta"}"#,
            EVENT
        ),
        r#"{"id":"x","outputIndex":2,"content":{"title":"t","tool":"web_search","type":"tool_reference"},"type":"message.output.delta"}"#
    );
    // A tag after a nested object that itself has a `type`.
    assert_eq!(
        wire_ok(
            r#"{"inputs":"hi","tools":[{"function":{"name":"f","parameters":{"type":"object"}},"type":"function"}]}"#,
            REQUEST
        ),
        r#"{"inputs":"hi","tools":[{"function":{"name":"f","parameters":{"type":"object"}},"type":"function"}]}"#
    );
}

#[test]
fn unknown_members_and_keys_pass_through_to_wire() {
    // Unknown union members are copied whole, keys untouched; unknown snake_case fields too.
    assert_eq!(
        wire_ok(
            r#"{"inputs":"hi","tools":[{"type":"quantum_search","someOption":{"nestedKey":1}}],"future_field":{"aB":1}}"#,
            REQUEST
        ),
        r#"{"inputs":"hi","tools":[{"type":"quantum_search","someOption":{"nestedKey":1}}],"future_field":{"aB":1}}"#
    );
}

#[test]
fn a_camel_case_key_must_match_a_field_exactly() {
    // One letter more or less than `agentId` is not `agent_id`: it is an unknown camelCase key.
    for key in ["agentIdX", "agentI", "agentid"] {
        let js = format!(r#"{{"inputs":"hi","{key}":"a"}}"#);
        if key == "agentid" {
            // No uppercase letter: an unknown key the wire gets as written.
            assert_eq!(wire_ok(&js, REQUEST), js);
        } else {
            let e = wire_err(&js, REQUEST);
            assert!(
                matches!(e.kind, TranscodeErrorKind::CamelCaseKey { .. }),
                "{key}: {e}"
            );
        }
    }
    assert_eq!(
        wire_ok(r#"{"inputs":"hi","agentId":"a"}"#, REQUEST),
        r#"{"inputs":"hi","agent_id":"a"}"#
    );
}

#[test]
fn escaped_keys_are_matched_and_written_plain() {
    // `agent\u0049d` is `agentId`; `conversation\u005fid` is `conversation_id`.
    assert_eq!(
        wire_ok(r#"{"inputs":"hi","agentId":"a"}"#, REQUEST),
        r#"{"inputs":"hi","agent_id":"a"}"#
    );
    assert_eq!(
        wire_ok(r#"{"inputs":"hi","agent_id":"a"}"#, REQUEST),
        r#"{"inputs":"hi","agent_id":"a"}"#
    );
    let js = js_ok(
        r#"{"object":"conversation.response","conversation_id":"c","outputs":[],"usage":{}}"#,
        RESPONSE,
    );
    assert!(js.contains(r#""conversationId":"c""#), "{js}");
    let js = js_ok(
        r#"{"object":"conversation.response","object2":1,"outputs":[],"usage":{}}"#,
        RESPONSE,
    );
    assert!(
        js.contains(r#""object2":1"#),
        "unknown keys stay as written: {js}"
    );
}

#[test]
fn unknown_camel_case_keys_are_rejected_with_the_wire_spelling() {
    let e = wire_err(r#"{"inputs":"hi","completionArgs":{"topK":5}}"#, REQUEST);
    assert_eq!(e.path, "completionArgs");
    assert_eq!(
        e.kind,
        TranscodeErrorKind::CamelCaseKey {
            key: "topK".into(),
            snake: "top_k".into()
        }
    );
    assert!(e.to_string().contains("`top_k`"), "{e}");
    let top = wire_err(r#"{"inputs":"hi","futureField":1}"#, REQUEST);
    assert_eq!(top.path, "");
    assert!(top.to_string().contains("`future_field`"), "{top}");
    // Opaque values keep any key.
    wire_ok(r#"{"inputs":"hi","metadata":{"myKey":1}}"#, REQUEST);
}

// ----- malformed input -----

fn assert_syntax(input: &[u8], shape: &'static Shape) {
    for (side, result) in [
        ("to_js", to_js(input, shape, &mut Vec::new())),
        ("to_wire", to_wire(input, shape, &[], &mut Vec::new())),
    ] {
        match result {
            Err(TranscodeError {
                kind: TranscodeErrorKind::Syntax { offset, .. },
                ..
            }) => {
                assert!(
                    offset <= input.len(),
                    "{side}: offset {offset} past the end"
                );
            }
            other => panic!(
                "{side}({}) must be a syntax error, got {other:?}",
                String::from_utf8_lossy(input)
            ),
        }
    }
}

#[test]
fn invalid_json_is_a_syntax_error() {
    let cases: &[&[u8]] = &[
        br#"{"inputs":"unterminated"#,
        br#"{"inputs":"bad \q escape"}"#,
        br#"{"inputs":"bad \u12 escape"}"#,
        b"{\"inputs\":\"control \x01 char\"}",
        b"{\"inputs\":\"raw\nnewline\"}",
        br#"{"inputs":"a"} trailing"#,
        br#"{"inputs":"a"}}"#,
        br#"{"a" 1}"#,
        br#"{"inputs":"a",}"#,
        br#"{"inputs":"a" "model":"m"}"#,
        br#"{inputs:"a"}"#,
        br#"{"inputs":'a'}"#,
        br#"{"inputs":["a",]}"#,
        br#"{"inputs":["a" "b"]}"#,
        br#"{"inputs":"a","store":tru}"#,
        br#"{"inputs":"a","store":nul}"#,
        br#"{"inputs":"a","store":True}"#,
        br#"{"inputs":"a","completion_args":{"max_tokens":01}}"#,
        br#"{"inputs":"a","completion_args":{"max_tokens":-}}"#,
        br#"{"inputs":"a","completion_args":{"temperature":1.}}"#,
        br#"{"inputs":"a","completion_args":{"temperature":.5}}"#,
        br#"{"inputs":"a","completion_args":{"temperature":1e}}"#,
        br#"{"inputs":"a","completion_args":{"temperature":+1}}"#,
        br#"{"inputs":"a","metadata":{"k":NaN}}"#,
        br#"{"inputs":"a","metadata":{"k":[1,2}}"#,
        br#"{"inputs":"a","tools":[{"type":"web_search",}]}"#,
        br#"{"inputs":"a","tools":[{"type":"web_search"]}"#,
        br#"{"inputs":"a","tools":[{"type":"quantum","x":[}]}"#,
        br#"{"inputs":"a","tools":[{"connector_id":"x","type":"connector""#,
        b"",
        b"   ",
        b"{",
        b"{\"",
        b"\"",
        b"{\"inputs\":\"\xff\xfe\"}",
        b"{\"inputs\":\"\xc3\"}",
        b"{\"inputs\":\"\xed\xa0\x80\"}",
        b"\xef\xbb\xbf{\"inputs\":\"a\"}",
    ];
    for &case in cases {
        assert_syntax(case, REQUEST);
        assert_syntax(case, ANY);
    }
    assert_syntax(
        br#"{"type":"message.output.delta","id":"x","content":{"type":"text","text":"a"#,
        EVENT,
    );
    assert_syntax(br#"{"type":"quantum","a":"\x"}"#, EVENT);
}

#[test]
fn syntax_error_message_and_offset() {
    let e = js_err(br#"{"a" 1}"#, ANY);
    assert_eq!(
        e.kind,
        TranscodeErrorKind::Syntax {
            offset: 5,
            message: "expected `:`"
        }
    );
    assert_eq!(e.to_string(), "invalid JSON at byte 5: expected `:`");

    let e = wire_err(
        r#"{"inputs":"hi","completionArgs":{"stop":["a",]}}"#,
        REQUEST,
    );
    assert!(matches!(e.kind, TranscodeErrorKind::Syntax { .. }));
    assert_eq!(e.path, "completionArgs.stop[1]");
    assert!(
        e.to_string().ends_with(" at `completionArgs.stop[1]`"),
        "{e}"
    );
}

/// Every strict prefix of a document is invalid, and never panics.
#[test]
fn truncated_documents_are_syntax_errors() {
    let docs = [
        js_ok(
            include_str!("fixtures/wire/ConversationResponse.chunks_tools.json"),
            RESPONSE,
        ),
        js_ok(
            include_str!("fixtures/wire/ConversationRequest.all_tools.json"),
            REQUEST,
        ),
        js_ok(
            include_str!(
                "fixtures/wire/ConversationEvent.message_output_delta_tool_reference.json"
            ),
            EVENT,
        ),
    ];
    for (doc, shape) in docs.iter().zip([RESPONSE, REQUEST, EVENT]) {
        let bytes = doc.as_bytes();
        for end in 0..bytes.len() {
            assert_syntax(&bytes[..end], shape);
        }
    }
}

/// Single-byte damage anywhere never panics, and whatever comes out is valid JSON.
#[test]
fn damaged_documents_never_give_broken_output() {
    let doc = include_str!("fixtures/wire/ConversationResponse.chunks_tools.json").as_bytes();
    let js = js_ok(
        include_str!("fixtures/wire/ConversationRequest.all_tools.json"),
        REQUEST,
    );
    for (input, shape) in [(doc, RESPONSE), (js.as_bytes(), REQUEST)] {
        for i in 0..input.len() {
            for b in [
                b'"', b'\\', b'{', b'}', b'[', b']', b',', b':', b'0', b'n', b' ', 0x01, 0x80, 0xff,
            ] {
                let mut damaged = input.to_vec();
                damaged[i] = b;
                for from_js in [false, true] {
                    let mut out = Vec::new();
                    let result = if from_js {
                        to_wire(&damaged, shape, &[("stream", "true")], &mut out)
                    } else {
                        to_js(&damaged, shape, &mut out)
                    };
                    if result.is_ok() {
                        assert!(
                            serde_json::from_slice::<serde_json::Value>(&out).is_ok(),
                            "byte {i} set to {b:#04x}: output is not JSON: {}",
                            String::from_utf8_lossy(&out)
                        );
                    }
                }
            }
        }
    }
}

// ----- nesting -----

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn nesting_limit() {
    // 128 levels pass, 129 do not, whether copied opaquely or walked.
    assert_eq!(js_ok(&nested(128), ANY), nested(128));
    assert_eq!(
        js_err(nested(129).as_bytes(), ANY).kind,
        TranscodeErrorKind::TooDeep
    );
    assert_eq!(
        wire_with(&nested(129), ANY, &[]).unwrap_err().kind,
        TranscodeErrorKind::TooDeep
    );

    let deep = format!(r#"{{"inputs":"hi","metadata":{}}}"#, nested(200));
    let e = wire_err(&deep, REQUEST);
    assert_eq!(e.kind, TranscodeErrorKind::TooDeep);
    assert_eq!(
        e.to_string(),
        "JSON nests deeper than 128 levels at `metadata`"
    );
    assert_eq!(
        js_err(deep.as_bytes(), REQUEST).kind,
        TranscodeErrorKind::TooDeep
    );

    let objects = format!("{}1{}", r#"{"a":"#.repeat(300), "}".repeat(300));
    assert_eq!(
        js_err(objects.as_bytes(), ANY).kind,
        TranscodeErrorKind::TooDeep
    );

    // Deep inside an unknown union member, and deep before a union's tag.
    let member = format!(r#"{{"type":"quantum","x":{}}}"#, nested(200));
    assert_eq!(
        js_err(member.as_bytes(), EVENT).kind,
        TranscodeErrorKind::TooDeep
    );
    let before_tag = format!(r#"{{"x":{},"type":"tool.execution.done"}}"#, nested(200));
    assert_eq!(
        js_err(before_tag.as_bytes(), EVENT).kind,
        TranscodeErrorKind::TooDeep
    );

    // Absurd depth is an error, not a stack overflow.
    let huge = nested(100_000);
    assert_eq!(
        js_err(huge.as_bytes(), ANY).kind,
        TranscodeErrorKind::TooDeep
    );
    assert_eq!(
        js_err(format!(r#"{{"inputs":{huge}}}"#).as_bytes(), REQUEST).kind,
        TranscodeErrorKind::TooDeep
    );
}

// ----- to_js leniency -----

#[test]
fn to_js_is_lenient() {
    // A number where a string is expected, and the reverse, are copied through.
    assert_eq!(
        js_ok(
            r#"{"conversation_id":42,"outputs":[],"usage":{"prompt_tokens":"12","connector_tokens":1.5}}"#,
            RESPONSE
        ),
        r#"{"conversationId":42,"outputs":[],"usage":{"promptTokens":"12","connectorTokens":1.5}}"#
    );
    // Wrong containers are copied verbatim, keys and all.
    assert_eq!(
        js_ok(
            r#"{"conversation_id":"c","outputs":{"tool_call_id":"x"},"usage":[{"prompt_tokens":1}]}"#,
            RESPONSE
        ),
        r#"{"conversationId":"c","outputs":{"tool_call_id":"x"},"usage":[{"prompt_tokens":1}]}"#
    );
    // Missing required fields are not an error on the way in.
    assert_eq!(js_ok("{}", RESPONSE), "{}");
    assert_eq!(
        js_ok(r#"{"type":"function.call.delta"}"#, EVENT),
        r#"{"type":"function.call.delta"}"#
    );
    // A non-object where a union is expected.
    assert_eq!(
        js_ok(
            r#"{"conversation_id":"c","outputs":["x",1,null],"usage":{}}"#,
            RESPONSE
        ),
        r#"{"conversationId":"c","outputs":["x",1,null],"usage":{}}"#
    );
    // The output is the input with its keys patched: whitespace inside is kept as written,
    // whitespace around the document dropped.
    assert_eq!(
        js_ok(" {\n \"conversation_id\" : \"c\" ,\"outputs\":[ ],\"usage\":{ \"connectors\" : { \"web_search\" : 1 } } }\n", RESPONSE),
        "{\n \"conversationId\" : \"c\" ,\"outputs\":[ ],\"usage\":{ \"connectors\" : { \"web_search\" : 1 } } }"
    );
    // Escapes in strings are copied as written.
    assert_eq!(
        js_ok(
            r#"{"type":"message.output.delta","id":"\u006d","content":"caf\u00e9 \"\ud83d\ude00\" \/"}"#,
            EVENT
        ),
        r#"{"type":"message.output.delta","id":"\u006d","content":"caf\u00e9 \"\ud83d\ude00\" \/"}"#
    );
    // A known tag that is not a string: the member is unknown, so it is copied verbatim.
    assert_eq!(
        js_ok(r#"{"type":7,"output_index":1}"#, EVENT),
        r#"{"type":7,"output_index":1}"#
    );
}

/// A tag that is present but not a string makes the member unknown, as in the serde model,
/// even where a missing tag would pick the default member.
#[test]
fn non_string_tag_is_unknown_even_with_a_default() {
    let entries = [
        r#"{"type":null,"role":"user","content":[{"type":"tool_file","tool":"t","file_id":"f"}],"created_at":"t"}"#,
        r#"{"role":"user","type":3,"content":"x","created_at":"t"}"#,
    ];
    for entry in entries {
        let parsed: wire::Entry = serde_json::from_str(entry).unwrap();
        assert!(
            matches!(parsed, wire::Entry::Unknown(_)),
            "serde keeps {entry} as Unknown"
        );
        assert_eq!(
            js_ok(entry, wire::Entry::SHAPE),
            entry,
            "to_js must copy {entry} verbatim"
        );
        assert_eq!(
            wire_ok(entry, wire::Entry::SHAPE),
            entry,
            "to_wire must copy {entry} verbatim"
        );
    }
    // Without a tag, the default member applies on both sides.
    let entry = r#"{"role":"user","content":"x","created_at":"t"}"#;
    assert!(matches!(
        serde_json::from_str::<wire::Entry>(entry).unwrap(),
        wire::Entry::MessageInput(_)
    ));
    assert_eq!(
        js_ok(entry, wire::Entry::SHAPE),
        r#"{"role":"user","content":"x","createdAt":"t"}"#
    );
}

// ----- shape tables -----

/// Walks every shape reachable from `shape`, calling `visit` on each struct once per path.
fn each_struct(
    shape: &'static Shape,
    seen: &mut Vec<&'static str>,
    visit: &mut dyn FnMut(&'static StructShape),
) {
    match shape {
        Shape::Nullable(inner) | Shape::Array(inner) | Shape::Record(inner) => {
            each_struct(inner, seen, visit)
        }
        Shape::OneOf(branches) => {
            assert!(branches.len() >= 2, "a OneOf needs branches");
            for branch in *branches {
                each_struct(branch, seen, visit);
            }
        }
        Shape::Struct(s) => struct_and_fields(s, seen, visit),
        Shape::Union(u) => {
            assert!(!u.variants.is_empty(), "union {} has no variants", u.name);
            for variant in u.variants {
                assert!(
                    !variant.shape.fields.is_empty(),
                    "{} variant `{}` ({}) has no fields",
                    u.name,
                    variant.tag,
                    variant.shape.name
                );
                assert!(
                    variant.shape.fields.iter().all(|f| f.wire != u.tag),
                    "{} variant `{}` declares its own tag",
                    u.name,
                    variant.tag
                );
                struct_and_fields(variant.shape, seen, visit);
            }
        }
        Shape::String
        | Shape::DateTime
        | Shape::Number
        | Shape::Integer
        | Shape::Bool
        | Shape::Any => {}
    }
}

fn struct_and_fields(
    s: &'static StructShape,
    seen: &mut Vec<&'static str>,
    visit: &mut dyn FnMut(&'static StructShape),
) {
    if !seen.contains(&s.name) {
        seen.push(s.name);
        visit(s);
        for field in s.fields {
            each_struct(field.shape, seen, visit);
        }
    }
}

#[test]
fn every_event_variant_resolves() {
    let Shape::Union(events) = EVENT else {
        panic!("ConversationEvent must be a union, is {EVENT:?}")
    };
    assert_eq!(events.tag, "type");
    assert_eq!(events.default, None);
    let tags: Vec<&str> = events.variants.iter().map(|v| v.tag).collect();
    assert_eq!(
        tags,
        [
            "conversation.response.started",
            "conversation.response.done",
            "conversation.response.error",
            "message.output.delta",
            "tool.execution.started",
            "tool.execution.delta",
            "tool.execution.done",
            "function.call.delta",
            "agent.handoff.started",
            "agent.handoff.done",
        ]
    );
    for variant in events.variants {
        assert!(
            !variant.shape.fields.is_empty(),
            "event `{}` has no fields",
            variant.tag
        );
        assert!(
            variant.shape.fields.iter().any(|f| f.wire == "created_at"),
            "event `{}` lacks created_at",
            variant.tag
        );
        assert!(
            variant.shape.fields.iter().any(|f| f.required),
            "event `{}` has no required field",
            variant.tag
        );
    }
}

/// Serde's `rename_all = "camelCase"`, written independently: `_` dropped, the letter after one
/// uppercased, except the first letter of the result (`_meta` stays `meta`).
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper && !out.is_empty() {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn every_shape_resolves() {
    let roots: [&'static Shape; 8] = [
        REQUEST,
        APPEND,
        wire::RestartConversationRequest::SHAPE,
        RESPONSE,
        wire::ConversationHistory::SHAPE,
        wire::ConversationMessages::SHAPE,
        wire::Conversation::SHAPE,
        EVENT,
    ];
    let mut seen = Vec::new();
    let mut structs = 0;
    for root in roots {
        each_struct(root, &mut seen, &mut |s| {
            structs += 1;
            assert!(!s.fields.is_empty(), "struct {} has no fields", s.name);
            for field in s.fields {
                // Camel case of the wire name, but for the official SDK's own renames.
                let renamed = [("bytes", "sizeBytes"), ("schema", "schemaDefinition")];
                match renamed.iter().find(|(wire, _)| *wire == field.wire) {
                    Some((_, js)) => assert_eq!(field.js(), *js, "{}.{}", s.name, field.wire),
                    None => assert_eq!(field.js(), camel(field.wire), "{}.{}", s.name, field.wire),
                }
                assert!(
                    !field.wire.starts_with("r#")
                        && !field.wire.chars().any(|c| c.is_ascii_uppercase())
                );
            }
            let mut names: Vec<String> = s
                .fields
                .iter()
                .flat_map(|f| [f.wire.to_owned(), f.js()])
                .collect();
            names.sort_unstable();
            let before = names.len();
            names.dedup();
            let same_spelling = s.fields.iter().filter(|f| f.wire == f.js()).count();
            assert_eq!(
                before - names.len(),
                same_spelling,
                "{}: two fields share a spelling",
                s.name
            );
        });
    }
    assert!(structs > 30, "only {structs} structs reached");
    for name in [
        "ConnectorTool",
        "ThinkChunk",
        "ReferenceChunk",
        "JsonSchema",
        "ModerationConfig",
        "ToolCallConfirmation",
    ] {
        assert!(seen.contains(&name), "{name} is not reachable");
    }
}

#[test]
fn required_fields_match_the_reference() {
    fn required(shape: &'static Shape) -> Vec<&'static str> {
        let Shape::Struct(s) = shape else {
            panic!("{shape:?}")
        };
        s.fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.wire)
            .collect()
    }
    fn variant(shape: &'static Shape, tag: &str) -> Vec<&'static str> {
        let Shape::Union(u) = shape else {
            panic!("{shape:?}")
        };
        let v = u
            .variants
            .iter()
            .find(|v| v.tag == tag)
            .unwrap_or_else(|| panic!("{} has no {tag}", u.name));
        v.shape
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.wire)
            .collect()
    }
    assert_eq!(required(REQUEST), ["inputs"]);
    assert!(required(APPEND).is_empty());
    assert_eq!(
        required(wire::RestartConversationRequest::SHAPE),
        ["from_entry_id"]
    );
    assert_eq!(required(RESPONSE), ["conversation_id", "outputs", "usage"]);
    let tool = wire::Tool::SHAPE;
    assert_eq!(variant(tool, "function"), ["function"]);
    assert_eq!(variant(tool, "document_library"), ["library_ids"]);
    assert_eq!(variant(tool, "connector"), ["connector_id"]);
    let entry = wire::Entry::SHAPE;
    assert_eq!(variant(entry, "message.input"), ["role", "content"]);
    assert_eq!(variant(entry, "message.output"), ["content"]);
    assert_eq!(
        variant(entry, "function.call"),
        ["tool_call_id", "name", "arguments"]
    );
    assert_eq!(
        variant(entry, "function.result"),
        ["tool_call_id", "result"]
    );
    assert_eq!(variant(entry, "tool.execution"), ["name", "arguments"]);
    assert_eq!(
        variant(entry, "agent.handoff"),
        [
            "previous_agent_id",
            "previous_agent_name",
            "next_agent_id",
            "next_agent_name"
        ]
    );
    let chunk = wire::ContentChunk::SHAPE;
    assert_eq!(variant(chunk, "image_url"), ["image_url"]);
    assert_eq!(variant(chunk, "tool_file"), ["tool", "file_id"]);
    assert_eq!(variant(chunk, "tool_reference"), ["tool", "title"]);
    assert_eq!(variant(chunk, "thinking"), ["thinking"]);
    assert_eq!(
        variant(EVENT, "conversation.response.error"),
        ["message", "code"]
    );
    assert_eq!(
        variant(EVENT, "function.call.delta"),
        ["id", "name", "tool_call_id", "arguments"]
    );
    assert_eq!(
        variant(EVENT, "tool.execution.delta"),
        ["id", "name", "arguments"]
    );
}

// ----- dates and renamed fields -----

/// Whether a date-time can be found anywhere in values of this shape.
fn holds_dates(shape: &'static Shape, seen: &mut Vec<*const Shape>) -> bool {
    if seen.contains(&(shape as *const Shape)) {
        return false;
    }
    seen.push(shape);
    let fields = |s: &'static StructShape, seen: &mut Vec<*const Shape>| {
        s.fields.iter().any(|f| holds_dates(f.shape, seen))
    };
    match shape {
        Shape::DateTime => true,
        Shape::Nullable(inner) | Shape::Array(inner) | Shape::Record(inner) => {
            holds_dates(inner, seen)
        }
        Shape::Struct(s) => fields(s, seen),
        Shape::Union(u) => u.variants.iter().any(|v| fields(v.shape, seen)),
        Shape::OneOf(branches) => branches.iter().any(|b| holds_dates(b, seen)),
        _ => false,
    }
}

#[test]
fn an_events_only_date_is_its_top_level_created_at() {
    // js/event-stream.js makes a `Date` of `createdAt` and looks nowhere else.
    let Shape::Union(events) = EVENT else {
        panic!("events are a union")
    };
    for variant in events.variants {
        for field in variant.shape.fields {
            let dated = holds_dates(field.shape, &mut Vec::new());
            assert_eq!(
                dated,
                field.wire == "created_at",
                "{}.{}: an event's dates are its `created_at`",
                variant.shape.name,
                field.wire
            );
            if dated {
                assert!(
                    field.shape.is_date(),
                    "{}.created_at is a date",
                    variant.shape.name
                );
            }
        }
    }
}

fn dated(wire: &str, shape: &'static Shape) -> (String, String) {
    let (mut out, mut dates) = (Vec::new(), Vec::new());
    to_js_dated(wire.as_bytes(), shape, &mut out, &mut dates).expect("to_js_dated");
    (
        String::from_utf8(out).expect("UTF-8"),
        String::from_utf8(dates).expect("UTF-8"),
    )
}

#[test]
fn dates_become_milliseconds_at_listed_paths() {
    let wire = concat!(
        r#"{"conversation_id":"c","outputs":["#,
        r#"{"type":"message.output","created_at":"2025-01-01T00:00:00.250Z","completed_at":null,"content":"a"},"#,
        r#"{"type":"function.call","created_at":"not a date","completed_at":"2025-01-01T01:00:00+01:00","tool_call_id":"t","name":"f","arguments":"{}"},"#,
        r#"{"type":"something.new","created_at":"2025-01-01T00:00:00Z"}"#,
        r#"],"usage":{}}"#
    );
    let (js, dates) = dated(wire, RESPONSE);
    assert_eq!(
        js,
        concat!(
            r#"{"conversationId":"c","outputs":["#,
            r#"{"type":"message.output","createdAt":1735689600250,"completedAt":null,"content":"a"},"#,
            r#"{"type":"function.call","createdAt":"not a date","completedAt":1735689600000,"toolCallId":"t","name":"f","arguments":"{}"},"#,
            r#"{"type":"something.new","created_at":"2025-01-01T00:00:00Z"}"#,
            r#"],"usage":{}}"#
        )
    );
    // Null dates are not listed, nor is a string that is not a date-time (it stays a string,
    // where the official SDK fails the whole response); unknown members are verbatim.
    assert_eq!(
        dates,
        r#"3,"outputs",0,"createdAt",3,"outputs",1,"completedAt""#
    );
    // Without asking for dates, they stay as they are: the text round-trips.
    assert!(js_ok(wire, RESPONSE).contains("2025-01-01T00:00:00.250Z"));
}

#[test]
fn a_list_of_agents_lists_each_date() {
    let agent = |id: &str| {
        format!(
            r#"{{"id":"{id}","name":"n","model":"m","version":1,"versions":[1],"created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-02T00:00:00Z","deployment_chat":false,"source":"api"}}"#
        )
    };
    let wire = format!("[{},{}]", agent("a"), agent("b"));
    let (js, dates) = dated(&wire, &Shape::Array(wire::Agent::SHAPE));
    assert!(
        js.contains(r#""createdAt":1735689600000,"updatedAt":1735776000000"#),
        "{js}"
    );
    assert_eq!(
        dates,
        r#"2,0,"createdAt",2,0,"updatedAt",2,1,"createdAt",2,1,"updatedAt""#
    );
}

#[test]
fn a_renamed_field_has_the_sdks_name_in_javascript_and_the_wires_on_the_wire() {
    let file = r#"{"id":"f","bytes":12,"created_at":1700000000,"filename":"a.png","purpose":"ocr","sample_type":"image","source":"mistral","deleted":false}"#;
    let js = js_ok(file, wire::GetFileResponse::SHAPE);
    assert!(
        js.contains(r#""sizeBytes":12"#) && !js.contains("bytes\""),
        "{js}"
    );
    // `created_at` here is unix seconds, as the official SDK keeps it: a number, not a date.
    let (dated_js, dates) = dated(file, wire::GetFileResponse::SHAPE);
    assert!(
        dated_js.contains(r#""createdAt":1700000000"#) && dates.is_empty(),
        "{dates}"
    );

    let format = |schema_key: &str| {
        format!(
            r#"{{"type":"json_schema","jsonSchema":{{"name":"w","{schema_key}":{{"type":"object","properties":{{"city_name":{{"type":"string"}}}}}},"strict":true}}}}"#
        )
    };
    let shape = wire::ResponseFormat::SHAPE;
    let expected = r#"{"type":"json_schema","json_schema":{"name":"w","schema":{"type":"object","properties":{"city_name":{"type":"string"}}},"strict":true}}"#;
    assert_eq!(wire_ok(&format("schemaDefinition"), shape), expected);
    assert_eq!(wire_ok(&format("schema"), shape), expected);
    let back = js_ok(expected, shape);
    assert_eq!(back, format("schemaDefinition"));
    // A missing schema is named as JavaScript spells it.
    let e = wire_err(r#"{"type":"json_schema","jsonSchema":{"name":"w"}}"#, shape);
    assert_eq!(
        e.to_string(),
        "`jsonSchema` is missing the required field `schemaDefinition`"
    );
}

#[test]
fn dates_from_javascript_are_sent_as_written() {
    // `JSON.stringify` writes a `Date` as its ISO string; the wire gets it unchanged.
    let js = r#"{"expiresAt":"2025-01-01T00:00:00.000Z"}"#;
    assert_eq!(
        wire_ok(js, wire::UpdateDocumentRequest::SHAPE),
        r#"{"expires_at":"2025-01-01T00:00:00.000Z"}"#
    );
    assert_eq!(
        wire_ok(r#"{"expiresAt":null}"#, wire::UpdateDocumentRequest::SHAPE),
        r#"{"expires_at":null}"#
    );
    let e = wire_err(r#"{"expiresAt":5}"#, wire::UpdateDocumentRequest::SHAPE);
    assert!(e.to_string().contains("must be a date"), "{e}");
}

#[test]
fn a_response_of_another_kind_is_named_before_transcoding() {
    let list: &'static Shape = &Shape::Array(RESPONSE);
    for (body, shape, expected) in [
        (
            &b""[..],
            RESPONSE,
            Some("expected an object, got an empty body"),
        ),
        (
            b" \n ",
            RESPONSE,
            Some("expected an object, got an empty body"),
        ),
        (
            b"[1,2,3]",
            RESPONSE,
            Some("expected an object, got an array"),
        ),
        (b"null", RESPONSE, Some("expected an object, got null")),
        (b"42", RESPONSE, Some("expected an object, got a number")),
        (
            b"<html>",
            RESPONSE,
            Some("expected an object, got invalid JSON"),
        ),
        (b"{\"unknown\":1}", RESPONSE, None),
        (b" [] ", list, None),
        (b"{}", list, Some("expected an array, got an object")),
        (b"\"x\"", ANY, None),
    ] {
        assert_eq!(kind_mismatch(body, shape).as_deref(), expected, "{body:?}");
    }
}
