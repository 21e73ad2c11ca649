//! The client's shape, as the official SDK has it: its resources (`beta.conversations`,
//! `beta.libraries.documents`, ...), their method names and docs, each method naming an
//! operation of [`ops`].
//!
//! The package's JavaScript classes (`js/resources.js`) and their declarations
//! (`js/resources.d.ts`) are generated from this table by `tests/operations_dts.rs`, which also
//! checks the committed files are current. A method calls the wasm export `call` with its
//! operation's index in [`ops::ALL`]; the names and docs here never reach the wasm.

use super::{ops, Operation};

/// A method of a resource.
#[derive(Debug, Clone, Copy)]
pub struct Method {
    /// The official SDK's name (`startStream`).
    pub name: &'static str,
    /// What it does, for the `.d.ts`.
    pub doc: &'static [&'static str],
    /// The operation it runs.
    pub op: &'static Operation,
    /// How it pages, if it does.
    pub pages: Pages,
}

/// How a paginated method returns its pages (see `js/pages.js`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// Not paginated: a promise of the response.
    No,
    /// A `PagePromise`: a promise of the first page, async-iterable over every page.
    Promise,
    /// A promise of the official SDK's `PageIterator`: `{ result, next() }`, async-iterable over
    /// `{ result }` for every page.
    Iterator,
}

/// A resource: a class of methods, reached from the client at `path`.
#[derive(Debug)]
pub struct Resource {
    /// The class name (`LibraryDocuments`).
    pub class: &'static str,
    /// Where it is reached from the client (`beta.libraries.documents`).
    pub path: &'static str,
    /// What the class is, for the `.d.ts`.
    pub doc: &'static [&'static str],
    /// What the property leading to it is, for the `.d.ts`.
    pub property_doc: &'static str,
    /// Its methods.
    pub methods: &'static [Method],
}

/// The official SDK's name of a method's standalone function, its path and name in camelCase
/// (`beta.libraries.documents` and `upload`: `betaLibrariesDocumentsUpload`): the name of the
/// generated `js/funcs/` module and, for a paginated method, of its rule in `js/pages.js`.
pub fn function_name(path: &str, method: &str) -> String {
    let mut name = String::new();
    for (i, part) in path.split('.').chain([method]).enumerate() {
        let mut chars = part.chars();
        match chars.next() {
            Some(first) if i > 0 => {
                name.extend(first.to_uppercase());
                name.push_str(chars.as_str());
            }
            _ => name.push_str(part),
        }
    }
    name
}

macro_rules! surface {
    ($(
        $(#[doc = $class_doc:literal])*
        $class:ident at $path:literal, $property_doc:literal {
            $( $(#[doc = $doc:literal])* $name:ident = $op:path $(, $pages:ident)?; )*
        }
    )*) => {
        /// Every resource.
        pub const RESOURCES: &[Resource] = &[$(
            Resource {
                class: stringify!($class),
                path: $path,
                doc: &[$($class_doc),*],
                property_doc: $property_doc,
                methods: &[$(Method {
                    name: stringify!($name),
                    doc: &[$($doc),*],
                    op: &$op,
                    pages: surface!(@pages $($pages)?),
                }),*],
            }
        ),*];
    };
    (@pages pages) => { Pages::Promise };
    (@pages iterator) => { Pages::Iterator };
    (@pages) => { Pages::No };
}

surface! {
    /// Conversations: start, append to, branch and read them, streamed or not.
    Conversations at "beta.conversations", "Conversations with models and agents." {
        /// Starts a conversation with a model or an agent and resolves to the whole response.
        start = ops::conversations::START;
        /// Starts a conversation and resolves, as soon as the headers arrive, to a stream of events.
        /// HTTP errors reject here; later failures are thrown by the iteration.
        startStream = ops::conversations::START_STREAM;
        /// Appends inputs (messages, function results) to a conversation.
        append = ops::conversations::APPEND;
        /// Appends inputs and streams the response.
        appendStream = ops::conversations::APPEND_STREAM;
        /// Branches a conversation from one of its entries into a new conversation.
        restart = ops::conversations::RESTART;
        /// Branches a conversation and streams the response.
        restartStream = ops::conversations::RESTART_STREAM;
        /// Lists conversations, newest first.
        list = ops::conversations::LIST;
        /// Gets one conversation.
        get = ops::conversations::GET;
        /// Deletes a conversation.
        delete = ops::conversations::DELETE;
        /// Every entry of a conversation, tool executions and function calls included.
        getHistory = ops::conversations::GET_HISTORY;
        /// The messages of a conversation.
        getMessages = ops::conversations::GET_MESSAGES;
    }
    /// Agents: models with instructions and tools, versioned, with aliases.
    Agents at "beta.agents", "Agents: models with instructions and tools, versioned." {
        /// Creates an agent: a model with instructions, tools and completion arguments.
        create = ops::agents::CREATE;
        /// Lists agents (deprecated by Mistral in favour of `listPages`).
        list = ops::agents::LIST;
        /// One page of agents, as the official SDK's page iterator: the page is `result`,
        /// `next()` resolves to the next one (or returns `null` after the last), and the
        /// iterator is async-iterable over every page:
        /// `for await (const page of await client.beta.agents.listPages({ pageSize: 50 })) page.result.data`.
        listPages = ops::agents::LIST_PAGES, iterator;
        /// Gets an agent, at its active version or at `agentVersion` (a number or an alias).
        get = ops::agents::GET;
        /// Updates an agent; every update makes a new version.
        update = ops::agents::UPDATE;
        /// Deletes an agent.
        delete = ops::agents::DELETE;
        /// Switches the agent's active version.
        updateVersion = ops::agents::UPDATE_VERSION;
        /// Lists the agent's versions.
        listVersions = ops::agents::LIST_VERSIONS;
        /// Gets one version of an agent.
        getVersion = ops::agents::GET_VERSION;
        /// Points an alias (such as `production`) at a version, creating it if needed.
        createVersionAlias = ops::agents::CREATE_VERSION_ALIAS;
        /// Lists the agent's version aliases.
        listVersionAliases = ops::agents::LIST_VERSION_ALIASES;
        /// Deletes a version alias.
        deleteVersionAlias = ops::agents::DELETE_VERSION_ALIAS;
    }
    /// Connectors: MCP servers your conversations and agents can use as tools.
    Connectors at "beta.connectors", "Connectors to MCP servers." {
        /// Creates a connector to an MCP server (`protocol` defaults to `"mcp"`).
        create = ops::connectors::CREATE;
        /// One page of connectors. The result is also async-iterable over every page, following
        /// `pagination.nextCursor`: `for await (const page of client.beta.connectors.list())`.
        list = ops::connectors::LIST, pages;
        /// Gets a connector by id or name.
        get = ops::connectors::GET;
        /// Updates a connector.
        update = ops::connectors::UPDATE;
        /// Deletes a connector; resolves to `{ message }`.
        delete = ops::connectors::DELETE;
        /// The URL where a user authorises an OAuth connector.
        getAuthUrl = ops::connectors::GET_AUTH_URL;
        /// Calls one of the connector's tools directly.
        callTool = ops::connectors::CALL_TOOL;
        /// Lists the connector's tools, as its MCP server describes them.
        listTools = ops::connectors::LIST_TOOLS;
        /// The authentication methods the connector accepts.
        getAuthenticationMethods = ops::connectors::GET_AUTHENTICATION_METHODS;
        /// Lists the organisation's credentials for the connector.
        listOrganizationCredentials = ops::connectors::LIST_ORGANIZATION_CREDENTIALS;
        /// Lists the workspace's credentials for the connector.
        listWorkspaceCredentials = ops::connectors::LIST_WORKSPACE_CREDENTIALS;
        /// Lists your credentials for the connector.
        listUserCredentials = ops::connectors::LIST_USER_CREDENTIALS;
        /// Stores credentials for the connector at a scope (`user`, `workspace` or `organization`).
        createCredentials = ops::connectors::CREATE_CREDENTIALS;
        /// Updates stored credentials.
        updateCredentials = ops::connectors::UPDATE_CREDENTIALS;
        /// Deletes all your credentials for the connector.
        deleteAllUserCredentials = ops::connectors::DELETE_ALL_USER_CREDENTIALS;
        /// Deletes named organisation credentials.
        deleteOrganizationCredentials = ops::connectors::DELETE_ORGANIZATION_CREDENTIALS;
        /// Deletes named workspace credentials.
        deleteWorkspaceCredentials = ops::connectors::DELETE_WORKSPACE_CREDENTIALS;
        /// Deletes your named credentials.
        deleteUserCredentials = ops::connectors::DELETE_USER_CREDENTIALS;
        /// Shares the connector with the workspace.
        share = ops::connectors::SHARE;
        /// Stops sharing the connector with the workspace.
        unshare = ops::connectors::UNSHARE;
        /// Shares the connector with the organisation.
        shareToOrganization = ops::connectors::SHARE_TO_ORGANIZATION;
        /// Stops sharing the connector with the organisation.
        unshareFromOrganization = ops::connectors::UNSHARE_FROM_ORGANIZATION;
        /// Activates the connector for a scope (`user`, `workspace` or `organization`).
        activateForConsumer = ops::connectors::ACTIVATE_FOR_CONSUMER;
        /// Deactivates the connector for a scope.
        deactivateForConsumer = ops::connectors::DEACTIVATE_FOR_CONSUMER;
    }
    /// Document libraries, searched by the `document_library` tool.
    Libraries at "beta.libraries", "Document libraries, their documents and accesses." {
        /// Lists document libraries.
        list = ops::libraries::LIST;
        /// Creates a document library.
        create = ops::libraries::CREATE;
        /// Gets a library.
        get = ops::libraries::GET;
        /// Updates a library's name or description.
        update = ops::libraries::UPDATE;
        /// Replaces a library's name or description (deprecated: use `update`).
        librariesUpdateV1 = ops::libraries::LIBRARIES_UPDATE_V1;
        /// Deletes a library and its documents.
        delete = ops::libraries::DELETE;
    }
    /// The documents of a library.
    LibraryDocuments at "beta.libraries.documents", "The documents of a library." {
        /// Lists a library's documents.
        list = ops::documents::LIST;
        /// Uploads a document (a `Blob`, `File`, bytes, or `{ fileName, content }`) as multipart form data.
        upload = ops::documents::UPLOAD;
        /// Gets a document's metadata.
        get = ops::documents::GET;
        /// Updates a document's name or attributes.
        update = ops::documents::UPDATE;
        /// Replaces a document's name or attributes (deprecated: use `update`).
        librariesDocumentsUpdateV1 = ops::documents::LIBRARIES_DOCUMENTS_UPDATE_V1;
        /// Deletes a document.
        delete = ops::documents::DELETE;
        /// The text extracted from a document.
        textContent = ops::documents::TEXT_CONTENT;
        /// A document's processing status (queued, running, done, ...).
        status = ops::documents::STATUS;
        /// A temporary URL of the original document.
        getSignedUrl = ops::documents::GET_SIGNED_URL;
        /// A temporary URL of the extracted text.
        extractedTextSignedUrl = ops::documents::EXTRACTED_TEXT_SIGNED_URL;
        /// Processes a document again.
        reprocess = ops::documents::REPROCESS;
    }
    /// Who can use a library.
    LibraryAccesses at "beta.libraries.accesses", "Who can use a library." {
        /// Who can access a library.
        list = ops::accesses::LIST;
        /// Grants or changes access to a library.
        updateOrCreate = ops::accesses::UPDATE_OR_CREATE;
        /// Revokes access to a library.
        delete = ops::accesses::DELETE;
    }
    /// Files, such as the images `image_generation` makes.
    Files at "files", "Files, such as the images `image_generation` makes." {
        /// Uploads a file (a `Blob`, `File`, bytes, or `{ fileName, content }`) as multipart form
        /// data, with `purpose`, `expiry` (hours) and `visibility` (default `"workspace"`).
        upload = ops::files::UPLOAD;
        /// Lists files (`page`, `pageSize`, `includeTotal`, filters by `sampleType`, `source`,
        /// `search`, `purpose`, `mimetypes`).
        list = ops::files::LIST;
        /// A file's metadata (generated images arrive as `tool_file` chunks naming a file).
        retrieve = ops::files::RETRIEVE;
        /// A file's content as bytes (`new Blob([bytes])` makes a Blob of it).
        download = ops::files::DOWNLOAD;
        /// A temporary URL of the file, usable as an `<img src>`.
        getSignedUrl = ops::files::GET_SIGNED_URL;
        /// Deletes a file; resolves to `{ id, object, deleted }`.
        delete = ops::files::DELETE;
    }
}
