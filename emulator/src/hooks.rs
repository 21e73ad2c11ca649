//! Seams for the tools that reach outside the emulator: connectors (MCP servers) and document
//! libraries. The scripted model calls these traits; `connectors::Registry` (real MCP) and
//! `libraries::Libraries` (term search) implement them, and `AppState::default()` plugs them in.
//! [`Hooks::default`] knows no connector and no library (tests plug in fakes instead).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use mistral_edge::model::wire;
use serde_json::Value;

use crate::error::ApiError;

/// A boxed, sendable future (the traits below are object-safe).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Lists and calls the tools of connectors.
pub trait ConnectorHost: Send + Sync + 'static {
    /// The tools of a connector, by id or name. `authorization` is the per-request credential
    /// of the conversation's `connector` tool: forward it, never store it.
    fn list_tools<'a>(
        &'a self,
        connector: &'a str,
        authorization: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<Vec<wire::McpTool>, ApiError>>;

    /// Calls one tool of a connector with JSON arguments.
    fn call_tool<'a>(
        &'a self,
        connector: &'a str,
        tool: &'a str,
        arguments: Value,
        authorization: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<wire::ConnectorToolCallResponse, ApiError>>;
}

/// One passage of a library document that matched a search.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryHit {
    /// The library it is in.
    pub library_id: String,
    /// The document's id.
    pub document_id: String,
    /// The document's name.
    pub document_name: String,
    /// The matching text.
    pub snippet: String,
}

/// Searches the text of uploaded documents.
pub trait LibraryHost: Send + Sync + 'static {
    /// Passages of the libraries' documents that match `query`, best first.
    fn search<'a>(
        &'a self,
        library_ids: &'a [String],
        query: &'a str,
    ) -> BoxFuture<'a, Result<Vec<LibraryHit>, ApiError>>;
}

/// Knows no connector: every connector is a 404.
#[derive(Debug, Default)]
pub struct NoConnectors;

impl ConnectorHost for NoConnectors {
    fn list_tools<'a>(
        &'a self,
        connector: &'a str,
        _authorization: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<Vec<wire::McpTool>, ApiError>> {
        Box::pin(async move { Err(ApiError::not_found("Connector", connector)) })
    }

    fn call_tool<'a>(
        &'a self,
        connector: &'a str,
        _tool: &'a str,
        _arguments: Value,
        _authorization: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<wire::ConnectorToolCallResponse, ApiError>> {
        Box::pin(async move { Err(ApiError::not_found("Connector", connector)) })
    }
}

/// Knows no library: every library is a 404.
#[derive(Debug, Default)]
pub struct NoLibraries;

impl LibraryHost for NoLibraries {
    fn search<'a>(
        &'a self,
        library_ids: &'a [String],
        _query: &'a str,
    ) -> BoxFuture<'a, Result<Vec<LibraryHit>, ApiError>> {
        Box::pin(async move {
            Err(ApiError::not_found(
                "Library",
                library_ids.first().map(String::as_str).unwrap_or(""),
            ))
        })
    }
}

/// The implementations the model uses.
#[derive(Clone)]
pub struct Hooks {
    /// Connectors.
    pub connectors: Arc<dyn ConnectorHost>,
    /// Document libraries.
    pub libraries: Arc<dyn LibraryHost>,
}

impl Default for Hooks {
    fn default() -> Self {
        Self {
            connectors: Arc::new(NoConnectors),
            libraries: Arc::new(NoLibraries),
        }
    }
}

impl std::fmt::Debug for Hooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hooks")
    }
}
