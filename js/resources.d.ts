// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type * as T from "./mistral_edge.js";

/**
 * The beta APIs: agents, conversations, connectors, libraries.
 */
export declare class Beta {
    private constructor();
    /**
     * Conversations with models and agents.
     */
    readonly conversations: Conversations;
    /**
     * Agents: models with instructions and tools, versioned.
     */
    readonly agents: Agents;
    /**
     * Connectors to MCP servers.
     */
    readonly connectors: Connectors;
    /**
     * Document libraries, their documents and accesses.
     */
    readonly libraries: Libraries;
}

/**
 * Conversations: start, append to, branch and read them, streamed or not.
 */
export declare class Conversations {
    private constructor();
    /**
     * Starts a conversation with a model or an agent and resolves to the whole response.
     */
    start(request: T.ConversationsStartRequest, options?: T.RequestOptions): Promise<T.ConversationsStartResponse>;
    /**
     * Starts a conversation and resolves, as soon as the headers arrive, to a stream of events.
     * HTTP errors reject here; later failures are thrown by the iteration.
     */
    startStream(request: T.ConversationsStartStreamRequest, options?: T.RequestOptions): Promise<T.ConversationsStartStreamResponse>;
    /**
     * Appends inputs (messages, function results) to a conversation.
     */
    append(request: T.ConversationsAppendRequest, options?: T.RequestOptions): Promise<T.ConversationsAppendResponse>;
    /**
     * Appends inputs and streams the response.
     */
    appendStream(request: T.ConversationsAppendStreamRequest, options?: T.RequestOptions): Promise<T.ConversationsAppendStreamResponse>;
    /**
     * Branches a conversation from one of its entries into a new conversation.
     */
    restart(request: T.ConversationsRestartRequest, options?: T.RequestOptions): Promise<T.ConversationsRestartResponse>;
    /**
     * Branches a conversation and streams the response.
     */
    restartStream(request: T.ConversationsRestartStreamRequest, options?: T.RequestOptions): Promise<T.ConversationsRestartStreamResponse>;
    /**
     * Lists conversations, newest first.
     */
    list(request?: T.ConversationsListRequest, options?: T.RequestOptions): Promise<T.ConversationsListResponse>;
    /**
     * Gets one conversation.
     */
    get(request: T.ConversationsGetRequest, options?: T.RequestOptions): Promise<T.ConversationsGetResponse>;
    /**
     * Deletes a conversation.
     */
    delete(request: T.ConversationsDeleteRequest, options?: T.RequestOptions): Promise<T.ConversationsDeleteResponse>;
    /**
     * Every entry of a conversation, tool executions and function calls included.
     */
    getHistory(request: T.ConversationsGetHistoryRequest, options?: T.RequestOptions): Promise<T.ConversationsGetHistoryResponse>;
    /**
     * The messages of a conversation.
     */
    getMessages(request: T.ConversationsGetMessagesRequest, options?: T.RequestOptions): Promise<T.ConversationsGetMessagesResponse>;
}

/**
 * Agents: models with instructions and tools, versioned, with aliases.
 */
export declare class Agents {
    private constructor();
    /**
     * Creates an agent: a model with instructions, tools and completion arguments.
     */
    create(request: T.AgentsCreateRequest, options?: T.RequestOptions): Promise<T.AgentsCreateResponse>;
    /**
     * Lists agents (deprecated by Mistral in favour of `listPages`).
     */
    list(request?: T.AgentsListRequest, options?: T.RequestOptions): Promise<T.AgentsListResponse>;
    /**
     * One page of agents. The result is also async-iterable over every page:
     * `for await (const page of client.beta.agents.listPages({ pageSize: 50 }))`.
     */
    listPages(request?: T.AgentsListPagesRequest, options?: T.RequestOptions): T.PagePromise<T.AgentsListPagesResponse>;
    /**
     * Gets an agent, at its active version or at `agentVersion` (a number or an alias).
     */
    get(request: T.AgentsGetRequest, options?: T.RequestOptions): Promise<T.AgentsGetResponse>;
    /**
     * Updates an agent; every update makes a new version.
     */
    update(request: T.AgentsUpdateRequest, options?: T.RequestOptions): Promise<T.AgentsUpdateResponse>;
    /**
     * Deletes an agent.
     */
    delete(request: T.AgentsDeleteRequest, options?: T.RequestOptions): Promise<T.AgentsDeleteResponse>;
    /**
     * Switches the agent's active version.
     */
    updateVersion(request: T.AgentsUpdateVersionRequest, options?: T.RequestOptions): Promise<T.AgentsUpdateVersionResponse>;
    /**
     * Lists the agent's versions.
     */
    listVersions(request: T.AgentsListVersionsRequest, options?: T.RequestOptions): Promise<T.AgentsListVersionsResponse>;
    /**
     * Gets one version of an agent.
     */
    getVersion(request: T.AgentsGetVersionRequest, options?: T.RequestOptions): Promise<T.AgentsGetVersionResponse>;
    /**
     * Points an alias (such as `production`) at a version, creating it if needed.
     */
    createVersionAlias(request: T.AgentsCreateVersionAliasRequest, options?: T.RequestOptions): Promise<T.AgentsCreateVersionAliasResponse>;
    /**
     * Lists the agent's version aliases.
     */
    listVersionAliases(request: T.AgentsListVersionAliasesRequest, options?: T.RequestOptions): Promise<T.AgentsListVersionAliasesResponse>;
    /**
     * Deletes a version alias.
     */
    deleteVersionAlias(request: T.AgentsDeleteVersionAliasRequest, options?: T.RequestOptions): Promise<T.AgentsDeleteVersionAliasResponse>;
}

/**
 * Connectors: MCP servers your conversations and agents can use as tools.
 */
export declare class Connectors {
    private constructor();
    /**
     * Creates a connector to an MCP server (`protocol` defaults to `"mcp"`).
     */
    create(request: T.ConnectorsCreateRequest, options?: T.RequestOptions): Promise<T.ConnectorsCreateResponse>;
    /**
     * One page of connectors. The result is also async-iterable over every page, following
     * `pagination.nextCursor`: `for await (const page of client.beta.connectors.list())`.
     */
    list(request?: T.ConnectorsListRequest, options?: T.RequestOptions): T.PagePromise<T.ConnectorsListResponse>;
    /**
     * Gets a connector by id or name.
     */
    get(request: T.ConnectorsGetRequest, options?: T.RequestOptions): Promise<T.ConnectorsGetResponse>;
    /**
     * Updates a connector.
     */
    update(request: T.ConnectorsUpdateRequest, options?: T.RequestOptions): Promise<T.ConnectorsUpdateResponse>;
    /**
     * Deletes a connector; resolves to `{ message }`.
     */
    delete(request: T.ConnectorsDeleteRequest, options?: T.RequestOptions): Promise<T.ConnectorsDeleteResponse>;
    /**
     * The URL where a user authorises an OAuth connector.
     */
    getAuthUrl(request: T.ConnectorsGetAuthUrlRequest, options?: T.RequestOptions): Promise<T.ConnectorsGetAuthUrlResponse>;
    /**
     * Calls one of the connector's tools directly.
     */
    callTool(request: T.ConnectorsCallToolRequest, options?: T.RequestOptions): Promise<T.ConnectorsCallToolResponse>;
    /**
     * Lists the connector's tools, as its MCP server describes them.
     */
    listTools(request: T.ConnectorsListToolsRequest, options?: T.RequestOptions): Promise<T.ConnectorsListToolsResponse>;
    /**
     * The authentication methods the connector accepts.
     */
    getAuthenticationMethods(request: T.ConnectorsGetAuthenticationMethodsRequest, options?: T.RequestOptions): Promise<T.ConnectorsGetAuthenticationMethodsResponse>;
    /**
     * Lists the organisation's credentials for the connector.
     */
    listOrganizationCredentials(request: T.ConnectorsListOrganizationCredentialsRequest, options?: T.RequestOptions): Promise<T.ConnectorsListOrganizationCredentialsResponse>;
    /**
     * Lists the workspace's credentials for the connector.
     */
    listWorkspaceCredentials(request: T.ConnectorsListWorkspaceCredentialsRequest, options?: T.RequestOptions): Promise<T.ConnectorsListWorkspaceCredentialsResponse>;
    /**
     * Lists your credentials for the connector.
     */
    listUserCredentials(request: T.ConnectorsListUserCredentialsRequest, options?: T.RequestOptions): Promise<T.ConnectorsListUserCredentialsResponse>;
    /**
     * Stores credentials for the connector at a scope (`user`, `workspace` or `organization`).
     */
    createCredentials(request: T.ConnectorsCreateCredentialsRequest, options?: T.RequestOptions): Promise<T.ConnectorsCreateCredentialsResponse>;
    /**
     * Updates stored credentials.
     */
    updateCredentials(request: T.ConnectorsUpdateCredentialsRequest, options?: T.RequestOptions): Promise<T.ConnectorsUpdateCredentialsResponse>;
    /**
     * Deletes all your credentials for the connector.
     */
    deleteAllUserCredentials(request: T.ConnectorsDeleteAllUserCredentialsRequest, options?: T.RequestOptions): Promise<T.ConnectorsDeleteAllUserCredentialsResponse>;
    /**
     * Deletes named organisation credentials.
     */
    deleteOrganizationCredentials(request: T.ConnectorsDeleteOrganizationCredentialsRequest, options?: T.RequestOptions): Promise<T.ConnectorsDeleteOrganizationCredentialsResponse>;
    /**
     * Deletes named workspace credentials.
     */
    deleteWorkspaceCredentials(request: T.ConnectorsDeleteWorkspaceCredentialsRequest, options?: T.RequestOptions): Promise<T.ConnectorsDeleteWorkspaceCredentialsResponse>;
    /**
     * Deletes your named credentials.
     */
    deleteUserCredentials(request: T.ConnectorsDeleteUserCredentialsRequest, options?: T.RequestOptions): Promise<T.ConnectorsDeleteUserCredentialsResponse>;
    /**
     * Shares the connector with the workspace.
     */
    share(request: T.ConnectorsShareRequest, options?: T.RequestOptions): Promise<T.ConnectorsShareResponse>;
    /**
     * Stops sharing the connector with the workspace.
     */
    unshare(request: T.ConnectorsUnshareRequest, options?: T.RequestOptions): Promise<T.ConnectorsUnshareResponse>;
    /**
     * Shares the connector with the organisation.
     */
    shareToOrganization(request: T.ConnectorsShareToOrganizationRequest, options?: T.RequestOptions): Promise<T.ConnectorsShareToOrganizationResponse>;
    /**
     * Stops sharing the connector with the organisation.
     */
    unshareFromOrganization(request: T.ConnectorsUnshareFromOrganizationRequest, options?: T.RequestOptions): Promise<T.ConnectorsUnshareFromOrganizationResponse>;
    /**
     * Activates the connector for a scope (`user`, `workspace` or `organization`).
     */
    activateForConsumer(request: T.ConnectorsActivateForConsumerRequest, options?: T.RequestOptions): Promise<T.ConnectorsActivateForConsumerResponse>;
    /**
     * Deactivates the connector for a scope.
     */
    deactivateForConsumer(request: T.ConnectorsDeactivateForConsumerRequest, options?: T.RequestOptions): Promise<T.ConnectorsDeactivateForConsumerResponse>;
}

/**
 * Document libraries, searched by the `document_library` tool.
 */
export declare class Libraries {
    private constructor();
    /**
     * The documents of a library.
     */
    readonly documents: LibraryDocuments;
    /**
     * Who can use a library.
     */
    readonly accesses: LibraryAccesses;
    /**
     * Lists document libraries.
     */
    list(request?: T.LibrariesListRequest, options?: T.RequestOptions): Promise<T.LibrariesListResponse>;
    /**
     * Creates a document library.
     */
    create(request: T.LibrariesCreateRequest, options?: T.RequestOptions): Promise<T.LibrariesCreateResponse>;
    /**
     * Gets a library.
     */
    get(request: T.LibrariesGetRequest, options?: T.RequestOptions): Promise<T.LibrariesGetResponse>;
    /**
     * Updates a library's name or description.
     */
    update(request: T.LibrariesUpdateRequest, options?: T.RequestOptions): Promise<T.LibrariesUpdateResponse>;
    /**
     * Replaces a library's name or description (deprecated: use `update`).
     */
    librariesUpdateV1(request: T.LibrariesLibrariesUpdateV1Request, options?: T.RequestOptions): Promise<T.LibrariesLibrariesUpdateV1Response>;
    /**
     * Deletes a library and its documents.
     */
    delete(request: T.LibrariesDeleteRequest, options?: T.RequestOptions): Promise<T.LibrariesDeleteResponse>;
}

/**
 * The documents of a library.
 */
export declare class LibraryDocuments {
    private constructor();
    /**
     * Lists a library's documents.
     */
    list(request: T.LibrariesDocumentsListRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsListResponse>;
    /**
     * Uploads a document (a `Blob`, `File`, bytes, or `{ fileName, content }`) as multipart form data.
     */
    upload(request: T.LibrariesDocumentsUploadRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsUploadResponse>;
    /**
     * Gets a document's metadata.
     */
    get(request: T.LibrariesDocumentsGetRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsGetResponse>;
    /**
     * Updates a document's name or attributes.
     */
    update(request: T.LibrariesDocumentsUpdateRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsUpdateResponse>;
    /**
     * Replaces a document's name or attributes (deprecated: use `update`).
     */
    librariesDocumentsUpdateV1(request: T.LibrariesDocumentsLibrariesDocumentsUpdateV1Request, options?: T.RequestOptions): Promise<T.LibrariesDocumentsLibrariesDocumentsUpdateV1Response>;
    /**
     * Deletes a document.
     */
    delete(request: T.LibrariesDocumentsDeleteRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsDeleteResponse>;
    /**
     * The text extracted from a document.
     */
    textContent(request: T.LibrariesDocumentsTextContentRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsTextContentResponse>;
    /**
     * A document's processing status (queued, running, done, ...).
     */
    status(request: T.LibrariesDocumentsStatusRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsStatusResponse>;
    /**
     * A temporary URL of the original document.
     */
    getSignedUrl(request: T.LibrariesDocumentsGetSignedUrlRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsGetSignedUrlResponse>;
    /**
     * A temporary URL of the extracted text.
     */
    extractedTextSignedUrl(request: T.LibrariesDocumentsExtractedTextSignedUrlRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsExtractedTextSignedUrlResponse>;
    /**
     * Processes a document again.
     */
    reprocess(request: T.LibrariesDocumentsReprocessRequest, options?: T.RequestOptions): Promise<T.LibrariesDocumentsReprocessResponse>;
}

/**
 * Who can use a library.
 */
export declare class LibraryAccesses {
    private constructor();
    /**
     * Who can access a library.
     */
    list(request: T.LibrariesAccessesListRequest, options?: T.RequestOptions): Promise<T.LibrariesAccessesListResponse>;
    /**
     * Grants or changes access to a library.
     */
    updateOrCreate(request: T.LibrariesAccessesUpdateOrCreateRequest, options?: T.RequestOptions): Promise<T.LibrariesAccessesUpdateOrCreateResponse>;
    /**
     * Revokes access to a library.
     */
    delete(request: T.LibrariesAccessesDeleteRequest, options?: T.RequestOptions): Promise<T.LibrariesAccessesDeleteResponse>;
}

/**
 * Files, such as the images `image_generation` makes.
 */
export declare class Files {
    private constructor();
    /**
     * A file's metadata (generated images arrive as `tool_file` chunks naming a file).
     */
    retrieve(request: T.FilesRetrieveRequest, options?: T.RequestOptions): Promise<T.FilesRetrieveResponse>;
    /**
     * A file's content as bytes (`new Blob([bytes])` makes a Blob of it).
     */
    download(request: T.FilesDownloadRequest, options?: T.RequestOptions): Promise<T.FilesDownloadResponse>;
    /**
     * A temporary URL of the file, usable as an `<img src>`.
     */
    getSignedUrl(request: T.FilesGetSignedUrlRequest, options?: T.RequestOptions): Promise<T.FilesGetSignedUrlResponse>;
}
