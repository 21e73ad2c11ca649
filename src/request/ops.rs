//! The operation table: method, path, parameters, body and response of every call, named as
//! in the official SDK. Adding an operation is adding an entry here and one binding method.

use super::Method;
use crate::model::shape::{HasShape, Shape};
use crate::model::wire;

/// One API operation.
#[derive(Debug)]
pub struct Operation {
    /// `resource.method`, as in the official SDK (`conversations.appendStream`).
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path, with `{wire_name}` placeholders for path parameters.
    pub path: &'static str,
    /// Path and query parameters.
    pub params: &'static [Param],
    /// The JSON body, if the operation takes one.
    pub body: Option<Body>,
    /// The method-owned `stream` flag, forced into the body.
    pub stream: Option<bool>,
    /// What a successful response carries.
    pub response: ResponseKind,
}

/// A path or query parameter.
#[derive(Debug)]
pub struct Param {
    /// The argument's JavaScript name (`conversationId`).
    pub js: &'static str,
    /// Its wire name (`conversation_id`).
    pub wire: &'static str,
    /// Where it goes.
    pub kind: ParamKind,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// Into the path, percent-encoded.
    Path,
    /// Into the query string; arrays repeat the key.
    Query,
    /// Into the query string as JSON text (`metadata` filters).
    QueryJson,
}

/// An operation's JSON body.
#[derive(Debug)]
pub struct Body {
    /// The key the official SDK wraps the body under (`conversationAppendRequest`).
    pub key: &'static str,
    /// The body's shape.
    pub shape: &'static Shape,
}

/// What a successful response carries.
#[derive(Debug)]
pub enum ResponseKind {
    /// JSON of this shape.
    Json(&'static Shape),
    /// Nothing (204).
    Empty,
    /// A conversation event stream.
    Events,
}

const fn path(js: &'static str, wire: &'static str) -> Param {
    Param {
        js,
        wire,
        kind: ParamKind::Path,
    }
}
const fn query(js: &'static str, wire: &'static str) -> Param {
    Param {
        js,
        wire,
        kind: ParamKind::Query,
    }
}
const CONVERSATION_ID: Param = path("conversationId", "conversation_id");

/// `beta.conversations` operations.
pub mod conversations {
    use super::*;

    const RESPONSE: ResponseKind =
        ResponseKind::Json(<wire::ConversationResponse as HasShape>::SHAPE);

    /// Starts a conversation and waits for the whole response.
    pub const START: Operation = Operation {
        name: "conversations.start",
        method: Method::Post,
        path: "/v1/conversations",
        params: &[],
        body: Some(Body {
            key: "conversationRequest",
            shape: <wire::ConversationRequest as HasShape>::SHAPE,
        }),
        stream: Some(false),
        response: RESPONSE,
    };
    /// Starts a conversation and streams its events.
    pub const START_STREAM: Operation = Operation {
        name: "conversations.startStream",
        stream: Some(true),
        response: ResponseKind::Events,
        ..START
    };
    /// Appends inputs to a conversation.
    pub const APPEND: Operation = Operation {
        name: "conversations.append",
        method: Method::Post,
        path: "/v1/conversations/{conversation_id}",
        params: &[CONVERSATION_ID],
        body: Some(Body {
            key: "conversationAppendRequest",
            shape: <wire::AppendConversationRequest as HasShape>::SHAPE,
        }),
        stream: Some(false),
        response: RESPONSE,
    };
    /// Appends inputs and streams the response.
    pub const APPEND_STREAM: Operation = Operation {
        name: "conversations.appendStream",
        body: Some(Body {
            key: "conversationAppendStreamRequest",
            shape: <wire::AppendConversationRequest as HasShape>::SHAPE,
        }),
        stream: Some(true),
        response: ResponseKind::Events,
        ..APPEND
    };
    /// Branches a conversation from an entry.
    pub const RESTART: Operation = Operation {
        name: "conversations.restart",
        method: Method::Post,
        path: "/v1/conversations/{conversation_id}/restart",
        params: &[CONVERSATION_ID],
        body: Some(Body {
            key: "conversationRestartRequest",
            shape: <wire::RestartConversationRequest as HasShape>::SHAPE,
        }),
        stream: Some(false),
        response: RESPONSE,
    };
    /// Branches a conversation and streams the response.
    pub const RESTART_STREAM: Operation = Operation {
        name: "conversations.restartStream",
        body: Some(Body {
            key: "conversationRestartStreamRequest",
            shape: <wire::RestartConversationRequest as HasShape>::SHAPE,
        }),
        stream: Some(true),
        response: ResponseKind::Events,
        ..RESTART
    };
    /// Lists conversations.
    pub const LIST: Operation = Operation {
        name: "conversations.list",
        method: Method::Get,
        path: "/v1/conversations",
        params: &[
            query("page", "page"),
            query("pageSize", "page_size"),
            Param {
                js: "metadata",
                wire: "metadata",
                kind: ParamKind::QueryJson,
            },
        ],
        body: None,
        stream: None,
        response: ResponseKind::Json(&Shape::Array(<wire::Conversation as HasShape>::SHAPE)),
    };
    /// Gets a conversation.
    pub const GET: Operation = Operation {
        name: "conversations.get",
        method: Method::Get,
        path: "/v1/conversations/{conversation_id}",
        params: &[CONVERSATION_ID],
        body: None,
        stream: None,
        response: ResponseKind::Json(<wire::Conversation as HasShape>::SHAPE),
    };
    /// Deletes a conversation.
    pub const DELETE: Operation = Operation {
        name: "conversations.delete",
        method: Method::Delete,
        response: ResponseKind::Empty,
        ..GET
    };
    /// Every entry of a conversation.
    pub const GET_HISTORY: Operation = Operation {
        name: "conversations.getHistory",
        path: "/v1/conversations/{conversation_id}/history",
        response: ResponseKind::Json(<wire::ConversationHistory as HasShape>::SHAPE),
        ..GET
    };
    /// The messages of a conversation.
    pub const GET_MESSAGES: Operation = Operation {
        name: "conversations.getMessages",
        path: "/v1/conversations/{conversation_id}/messages",
        response: ResponseKind::Json(<wire::ConversationMessages as HasShape>::SHAPE),
        ..GET
    };
}
