// Generated from the operation table (src/request/ops.rs) by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.

/** A file to upload: a `Blob` or `File`, bytes, or the official SDK's `{ fileName, content }`. */
export type FileInput = Blob | Uint8Array | ArrayBuffer | { fileName: string; content: Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> };

/** Arguments of `conversations.start` (POST `/v1/conversations`). */
export type ConversationsStartRequest =
    | ConversationRequest
    | { conversationRequest: ConversationRequest };
/** What `conversations.start` resolves to. */
export type ConversationsStartResponse = ConversationResponse;

/** Arguments of `conversations.startStream` (POST `/v1/conversations`). */
export type ConversationsStartStreamRequest =
    | ConversationRequest
    | { conversationRequest: ConversationRequest };
/** What `conversations.startStream` resolves to. */
export type ConversationsStartStreamResponse = EventStream;

/** Arguments of `conversations.append` (POST `/v1/conversations/{conversation_id}`). */
export type ConversationsAppendRequest =
    | ({ conversationId: string } & AppendConversationRequest)
    | { conversationId: string; conversationAppendRequest: AppendConversationRequest };
/** What `conversations.append` resolves to. */
export type ConversationsAppendResponse = ConversationResponse;

/** Arguments of `conversations.appendStream` (POST `/v1/conversations/{conversation_id}`). */
export type ConversationsAppendStreamRequest =
    | ({ conversationId: string } & AppendConversationRequest)
    | { conversationId: string; conversationAppendStreamRequest: AppendConversationRequest };
/** What `conversations.appendStream` resolves to. */
export type ConversationsAppendStreamResponse = EventStream;

/** Arguments of `conversations.restart` (POST `/v1/conversations/{conversation_id}/restart`). */
export type ConversationsRestartRequest =
    | ({ conversationId: string } & RestartConversationRequest)
    | { conversationId: string; conversationRestartRequest: RestartConversationRequest };
/** What `conversations.restart` resolves to. */
export type ConversationsRestartResponse = ConversationResponse;

/** Arguments of `conversations.restartStream` (POST `/v1/conversations/{conversation_id}/restart`). */
export type ConversationsRestartStreamRequest =
    | ({ conversationId: string } & RestartConversationRequest)
    | { conversationId: string; conversationRestartStreamRequest: RestartConversationRequest };
/** What `conversations.restartStream` resolves to. */
export type ConversationsRestartStreamResponse = EventStream;

/** Arguments of `conversations.list` (GET `/v1/conversations`). */
export interface ConversationsListRequest { page?: number | null; pageSize?: number | null; metadata?: Record<string, unknown> | null }
/** What `conversations.list` resolves to. */
export type ConversationsListResponse = Conversation[];

/** Arguments of `conversations.get` (GET `/v1/conversations/{conversation_id}`). */
export interface ConversationsGetRequest { conversationId: string }
/** What `conversations.get` resolves to. */
export type ConversationsGetResponse = Conversation;

/** Arguments of `conversations.delete` (DELETE `/v1/conversations/{conversation_id}`). */
export interface ConversationsDeleteRequest { conversationId: string }
/** What `conversations.delete` resolves to. */
export type ConversationsDeleteResponse = void;

/** Arguments of `conversations.getHistory` (GET `/v1/conversations/{conversation_id}/history`). */
export interface ConversationsGetHistoryRequest { conversationId: string }
/** What `conversations.getHistory` resolves to. */
export type ConversationsGetHistoryResponse = ConversationHistory;

/** Arguments of `conversations.getMessages` (GET `/v1/conversations/{conversation_id}/messages`). */
export interface ConversationsGetMessagesRequest { conversationId: string }
/** What `conversations.getMessages` resolves to. */
export type ConversationsGetMessagesResponse = ConversationMessages;

/** Arguments of `agents.create` (POST `/v1/agents`). */
export type AgentsCreateRequest =
    | CreateAgentRequest
    | { createAgentRequest: CreateAgentRequest };
/** What `agents.create` resolves to. */
export type AgentsCreateResponse = Agent;

/** Arguments of `agents.list` (GET `/v1/agents`). */
export interface AgentsListRequest { page?: number | null; pageSize?: number | null; deploymentChat?: boolean | null; sources?: string[] | null; name?: string | null; search?: string | null; id?: string | null; metadata?: Record<string, unknown> | null }
/** What `agents.list` resolves to. */
export type AgentsListResponse = Agent[];

/** Arguments of `agents.listPages` (GET `/v1/agents/pages`). */
export interface AgentsListPagesRequest { pageSize?: number | null; pageToken?: string | null; deploymentChat?: boolean | null; sources?: string[] | null; name?: string | null; search?: string | null; id?: string | null; metadata?: Record<string, unknown> | null }
/** What `agents.listPages` resolves to. */
export type AgentsListPagesResponse = AgentListPage;

/** Arguments of `agents.get` (GET `/v1/agents/{agent_id}`). */
export interface AgentsGetRequest { agentId: string; agentVersion?: number | string | null }
/** What `agents.get` resolves to. */
export type AgentsGetResponse = Agent;

/** Arguments of `agents.update` (PATCH `/v1/agents/{agent_id}`). */
export type AgentsUpdateRequest =
    | ({ agentId: string } & UpdateAgentRequest)
    | { agentId: string; updateAgentRequest: UpdateAgentRequest };
/** What `agents.update` resolves to. */
export type AgentsUpdateResponse = Agent;

/** Arguments of `agents.delete` (DELETE `/v1/agents/{agent_id}`). */
export interface AgentsDeleteRequest { agentId: string }
/** What `agents.delete` resolves to. */
export type AgentsDeleteResponse = void;

/** Arguments of `agents.updateVersion` (PATCH `/v1/agents/{agent_id}/version`). */
export interface AgentsUpdateVersionRequest { agentId: string; version: number }
/** What `agents.updateVersion` resolves to. */
export type AgentsUpdateVersionResponse = Agent;

/** Arguments of `agents.listVersions` (GET `/v1/agents/{agent_id}/versions`). */
export interface AgentsListVersionsRequest { agentId: string; page?: number | null; pageSize?: number | null }
/** What `agents.listVersions` resolves to. */
export type AgentsListVersionsResponse = Agent[];

/** Arguments of `agents.getVersion` (GET `/v1/agents/{agent_id}/versions/{version}`). */
export interface AgentsGetVersionRequest { agentId: string; version: string }
/** What `agents.getVersion` resolves to. */
export type AgentsGetVersionResponse = Agent;

/** Arguments of `agents.createVersionAlias` (PUT `/v1/agents/{agent_id}/aliases`). */
export interface AgentsCreateVersionAliasRequest { agentId: string; alias: string; version: number }
/** What `agents.createVersionAlias` resolves to. */
export type AgentsCreateVersionAliasResponse = AgentAliasResponse;

/** Arguments of `agents.listVersionAliases` (GET `/v1/agents/{agent_id}/aliases`). */
export interface AgentsListVersionAliasesRequest { agentId: string }
/** What `agents.listVersionAliases` resolves to. */
export type AgentsListVersionAliasesResponse = AgentAliasResponse[];

/** Arguments of `agents.deleteVersionAlias` (DELETE `/v1/agents/{agent_id}/aliases`). */
export interface AgentsDeleteVersionAliasRequest { agentId: string; alias: string }
/** What `agents.deleteVersionAlias` resolves to. */
export type AgentsDeleteVersionAliasResponse = void;

/** Arguments of `connectors.create` (POST `/v1/connectors`). */
export type ConnectorsCreateRequest =
    | CreateConnectorRequest
    | { createConnectorRequest: CreateConnectorRequest };
/** What `connectors.create` resolves to. */
export type ConnectorsCreateResponse = Connector;

/** Arguments of `connectors.list` (GET `/v1/connectors`). */
export interface ConnectorsListRequest { queryFilters?: Record<string, unknown> | null; active?: boolean | null; cursor?: string | null; pageSize?: number | null }
/** What `connectors.list` resolves to. */
export type ConnectorsListResponse = PaginatedConnectors;

/** Arguments of `connectors.get` (GET `/v1/connectors/{connector_id_or_name}`). */
export interface ConnectorsGetRequest { connectorIdOrName: string; fetchUserData?: boolean | null; fetchCustomerData?: boolean | null }
/** What `connectors.get` resolves to. */
export type ConnectorsGetResponse = Connector;

/** Arguments of `connectors.update` (PATCH `/v1/connectors/{connector_id}`). */
export type ConnectorsUpdateRequest =
    | ({ connectorId: string } & UpdateConnectorRequest)
    | { connectorId: string; requestBody: UpdateConnectorRequest };
/** What `connectors.update` resolves to. */
export type ConnectorsUpdateResponse = Connector;

/** Arguments of `connectors.delete` (DELETE `/v1/connectors/{connector_id}`). */
export interface ConnectorsDeleteRequest { connectorId: string }
/** What `connectors.delete` resolves to. */
export type ConnectorsDeleteResponse = MessageResponse;

/** Arguments of `connectors.getAuthUrl` (GET `/v1/connectors/{connector_id_or_name}/auth_url`). */
export interface ConnectorsGetAuthUrlRequest { connectorIdOrName: string; appReturnUrl?: string | null; methodType?: string | null; credentialsName?: string | null; credentialsTitle?: string | null; githubInstallationLink?: boolean | null }
/** What `connectors.getAuthUrl` resolves to. */
export type ConnectorsGetAuthUrlResponse = AuthUrlResponse;

/** Arguments of `connectors.callTool` (POST `/v1/connectors/{connector_id_or_name}/tools/{tool_name}/call`). */
export type ConnectorsCallToolRequest =
    | ({ connectorIdOrName: string; toolName: string; credentialsName?: string | null } & ConnectorCallToolRequest)
    | { connectorIdOrName: string; toolName: string; credentialsName?: string | null; connectorCallToolRequest: ConnectorCallToolRequest };
/** What `connectors.callTool` resolves to. */
export type ConnectorsCallToolResponse = ConnectorToolCallResponse;

/** Arguments of `connectors.listTools` (GET `/v1/connectors/{connector_id_or_name}/tools`). */
export interface ConnectorsListToolsRequest { connectorIdOrName: string; page?: number | null; pageSize?: number | null; refresh?: boolean | null; pretty?: boolean | null; credentialsName?: string | null }
/** What `connectors.listTools` resolves to. */
export type ConnectorsListToolsResponse = McpTool[];

/** Arguments of `connectors.getAuthenticationMethods` (GET `/v1/connectors/{connector_id_or_name}/authentication_methods`). */
export interface ConnectorsGetAuthenticationMethodsRequest { connectorIdOrName: string }
/** What `connectors.getAuthenticationMethods` resolves to. */
export type ConnectorsGetAuthenticationMethodsResponse = PublicAuthenticationMethod[];

/** Arguments of `connectors.listOrganizationCredentials` (GET `/v1/connectors/{connector_id_or_name}/organization/credentials`). */
export interface ConnectorsListOrganizationCredentialsRequest { connectorIdOrName: string; authType?: string | null; fetchDefault?: boolean | null }
/** What `connectors.listOrganizationCredentials` resolves to. */
export type ConnectorsListOrganizationCredentialsResponse = CredentialsResponse;

/** Arguments of `connectors.listWorkspaceCredentials` (GET `/v1/connectors/{connector_id_or_name}/workspace/credentials`). */
export interface ConnectorsListWorkspaceCredentialsRequest { connectorIdOrName: string; authType?: string | null; fetchDefault?: boolean | null }
/** What `connectors.listWorkspaceCredentials` resolves to. */
export type ConnectorsListWorkspaceCredentialsResponse = CredentialsResponse;

/** Arguments of `connectors.listUserCredentials` (GET `/v1/connectors/{connector_id_or_name}/user/credentials`). */
export interface ConnectorsListUserCredentialsRequest { connectorIdOrName: string; authType?: string | null; fetchDefault?: boolean | null }
/** What `connectors.listUserCredentials` resolves to. */
export type ConnectorsListUserCredentialsResponse = CredentialsResponse;

/** Arguments of `connectors.createCredentials` (POST `/v1/connectors/{connector_id_or_name}/{consumer_scope}/credentials`). */
export type ConnectorsCreateCredentialsRequest =
    | ({ connectorIdOrName: string; consumerScope: string } & CredentialsCreateOrUpdate)
    | { connectorIdOrName: string; consumerScope: string; credentialsCreateOrUpdate: CredentialsCreateOrUpdate };
/** What `connectors.createCredentials` resolves to. */
export type ConnectorsCreateCredentialsResponse = MessageResponse;

/** Arguments of `connectors.updateCredentials` (PATCH `/v1/connectors/{connector_id_or_name}/{consumer_scope}/credentials`). */
export type ConnectorsUpdateCredentialsRequest =
    | ({ connectorIdOrName: string; consumerScope: string } & CredentialsCreateOrUpdate)
    | { connectorIdOrName: string; consumerScope: string; credentialsCreateOrUpdate: CredentialsCreateOrUpdate };
/** What `connectors.updateCredentials` resolves to. */
export type ConnectorsUpdateCredentialsResponse = MessageResponse;

/** Arguments of `connectors.deleteAllUserCredentials` (DELETE `/v1/connectors/{connector_id_or_name}/user/credentials`). */
export interface ConnectorsDeleteAllUserCredentialsRequest { connectorIdOrName: string }
/** What `connectors.deleteAllUserCredentials` resolves to. */
export type ConnectorsDeleteAllUserCredentialsResponse = MessageResponse;

/** Arguments of `connectors.deleteOrganizationCredentials` (DELETE `/v1/connectors/{connector_id_or_name}/organization/credentials/{credentials_name}`). */
export interface ConnectorsDeleteOrganizationCredentialsRequest { connectorIdOrName: string; credentialsName: string }
/** What `connectors.deleteOrganizationCredentials` resolves to. */
export type ConnectorsDeleteOrganizationCredentialsResponse = MessageResponse;

/** Arguments of `connectors.deleteWorkspaceCredentials` (DELETE `/v1/connectors/{connector_id_or_name}/workspace/credentials/{credentials_name}`). */
export interface ConnectorsDeleteWorkspaceCredentialsRequest { connectorIdOrName: string; credentialsName: string }
/** What `connectors.deleteWorkspaceCredentials` resolves to. */
export type ConnectorsDeleteWorkspaceCredentialsResponse = MessageResponse;

/** Arguments of `connectors.deleteUserCredentials` (DELETE `/v1/connectors/{connector_id_or_name}/user/credentials/{credentials_name}`). */
export interface ConnectorsDeleteUserCredentialsRequest { connectorIdOrName: string; credentialsName: string }
/** What `connectors.deleteUserCredentials` resolves to. */
export type ConnectorsDeleteUserCredentialsResponse = MessageResponse;

/** Arguments of `connectors.share` (PUT `/v1/connectors/{connector_id}/share`). */
export interface ConnectorsShareRequest { connectorId: string }
/** What `connectors.share` resolves to. */
export type ConnectorsShareResponse = MessageResponse;

/** Arguments of `connectors.unshare` (DELETE `/v1/connectors/{connector_id}/share`). */
export interface ConnectorsUnshareRequest { connectorId: string }
/** What `connectors.unshare` resolves to. */
export type ConnectorsUnshareResponse = MessageResponse;

/** Arguments of `connectors.shareToOrganization` (PUT `/v1/connectors/{connector_id}/organization/share`). */
export interface ConnectorsShareToOrganizationRequest { connectorId: string }
/** What `connectors.shareToOrganization` resolves to. */
export type ConnectorsShareToOrganizationResponse = MessageResponse;

/** Arguments of `connectors.unshareFromOrganization` (DELETE `/v1/connectors/{connector_id}/organization/share`). */
export interface ConnectorsUnshareFromOrganizationRequest { connectorId: string }
/** What `connectors.unshareFromOrganization` resolves to. */
export type ConnectorsUnshareFromOrganizationResponse = MessageResponse;

/** Arguments of `connectors.activateForConsumer` (POST `/v1/connectors/{connector_id}/{consumer_scope}/activate`). */
export interface ConnectorsActivateForConsumerRequest { connectorId: string; consumerScope: string }
/** What `connectors.activateForConsumer` resolves to. */
export type ConnectorsActivateForConsumerResponse = MessageResponse;

/** Arguments of `connectors.deactivateForConsumer` (POST `/v1/connectors/{connector_id}/{consumer_scope}/deactivate`). */
export interface ConnectorsDeactivateForConsumerRequest { connectorId: string; consumerScope: string }
/** What `connectors.deactivateForConsumer` resolves to. */
export type ConnectorsDeactivateForConsumerResponse = MessageResponse;

/** Arguments of `libraries.list` (GET `/v1/libraries`). */
export interface LibrariesListRequest { pageSize?: number | null; pageToken?: string | null; page?: number | null; search?: string | null; filterOwnedByMe?: boolean | null }
/** What `libraries.list` resolves to. */
export type LibrariesListResponse = ListLibrariesResponse;

/** Arguments of `libraries.create` (POST `/v1/libraries`). */
export type LibrariesCreateRequest =
    | CreateLibraryRequest
    | { createLibraryRequest: CreateLibraryRequest };
/** What `libraries.create` resolves to. */
export type LibrariesCreateResponse = Library;

/** Arguments of `libraries.get` (GET `/v1/libraries/{library_id}`). */
export interface LibrariesGetRequest { libraryId: string }
/** What `libraries.get` resolves to. */
export type LibrariesGetResponse = Library;

/** Arguments of `libraries.update` (PATCH `/v1/libraries/{library_id}`). */
export type LibrariesUpdateRequest =
    | ({ libraryId: string } & UpdateLibraryRequest)
    | { libraryId: string; updateLibraryRequest: UpdateLibraryRequest };
/** What `libraries.update` resolves to. */
export type LibrariesUpdateResponse = Library;

/** Arguments of `libraries.librariesUpdateV1` (PUT `/v1/libraries/{library_id}`). */
export type LibrariesLibrariesUpdateV1Request =
    | ({ libraryId: string } & UpdateLibraryRequest)
    | { libraryId: string; updateLibraryRequest: UpdateLibraryRequest };
/** What `libraries.librariesUpdateV1` resolves to. */
export type LibrariesLibrariesUpdateV1Response = Library;

/** Arguments of `libraries.delete` (DELETE `/v1/libraries/{library_id}`). */
export interface LibrariesDeleteRequest { libraryId: string }
/** What `libraries.delete` resolves to. */
export type LibrariesDeleteResponse = Library;

/** Arguments of `libraries.documents.list` (GET `/v1/libraries/{library_id}/documents`). */
export interface LibrariesDocumentsListRequest { libraryId: string; search?: string | null; pageSize?: number | null; page?: number | null; filtersAttributes?: string | null; sortBy?: string | null; sortOrder?: string | null }
/** What `libraries.documents.list` resolves to. */
export type LibrariesDocumentsListResponse = ListDocumentsResponse;

/** Arguments of `libraries.documents.upload` (POST `/v1/libraries/{library_id}/documents`). */
export type LibrariesDocumentsUploadRequest =
    | ({ libraryId: string } & { file: FileInput })
    | { libraryId: string; requestBody: { file: FileInput } };
/** What `libraries.documents.upload` resolves to. */
export type LibrariesDocumentsUploadResponse = Document;

/** Arguments of `libraries.documents.get` (GET `/v1/libraries/{library_id}/documents/{document_id}`). */
export interface LibrariesDocumentsGetRequest { libraryId: string; documentId: string }
/** What `libraries.documents.get` resolves to. */
export type LibrariesDocumentsGetResponse = Document;

/** Arguments of `libraries.documents.update` (PATCH `/v1/libraries/{library_id}/documents/{document_id}`). */
export type LibrariesDocumentsUpdateRequest =
    | ({ libraryId: string; documentId: string } & UpdateDocumentRequest)
    | { libraryId: string; documentId: string; updateDocumentRequest: UpdateDocumentRequest };
/** What `libraries.documents.update` resolves to. */
export type LibrariesDocumentsUpdateResponse = Document;

/** Arguments of `libraries.documents.librariesDocumentsUpdateV1` (PUT `/v1/libraries/{library_id}/documents/{document_id}`). */
export type LibrariesDocumentsLibrariesDocumentsUpdateV1Request =
    | ({ libraryId: string; documentId: string } & UpdateDocumentRequest)
    | { libraryId: string; documentId: string; updateDocumentRequest: UpdateDocumentRequest };
/** What `libraries.documents.librariesDocumentsUpdateV1` resolves to. */
export type LibrariesDocumentsLibrariesDocumentsUpdateV1Response = Document;

/** Arguments of `libraries.documents.delete` (DELETE `/v1/libraries/{library_id}/documents/{document_id}`). */
export interface LibrariesDocumentsDeleteRequest { libraryId: string; documentId: string }
/** What `libraries.documents.delete` resolves to. */
export type LibrariesDocumentsDeleteResponse = void;

/** Arguments of `libraries.documents.textContent` (GET `/v1/libraries/{library_id}/documents/{document_id}/text_content`). */
export interface LibrariesDocumentsTextContentRequest { libraryId: string; documentId: string; pageStart?: number | null; pageEnd?: number | null }
/** What `libraries.documents.textContent` resolves to. */
export type LibrariesDocumentsTextContentResponse = DocumentTextContent;

/** Arguments of `libraries.documents.status` (GET `/v1/libraries/{library_id}/documents/{document_id}/status`). */
export interface LibrariesDocumentsStatusRequest { libraryId: string; documentId: string }
/** What `libraries.documents.status` resolves to. */
export type LibrariesDocumentsStatusResponse = DocumentStatus;

/** Arguments of `libraries.documents.getSignedUrl` (GET `/v1/libraries/{library_id}/documents/{document_id}/signed-url`). */
export interface LibrariesDocumentsGetSignedUrlRequest { libraryId: string; documentId: string }
/** What `libraries.documents.getSignedUrl` resolves to. */
export type LibrariesDocumentsGetSignedUrlResponse = string;

/** Arguments of `libraries.documents.extractedTextSignedUrl` (GET `/v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url`). */
export interface LibrariesDocumentsExtractedTextSignedUrlRequest { libraryId: string; documentId: string }
/** What `libraries.documents.extractedTextSignedUrl` resolves to. */
export type LibrariesDocumentsExtractedTextSignedUrlResponse = string;

/** Arguments of `libraries.documents.reprocess` (POST `/v1/libraries/{library_id}/documents/{document_id}/reprocess`). */
export interface LibrariesDocumentsReprocessRequest { libraryId: string; documentId: string }
/** What `libraries.documents.reprocess` resolves to. */
export type LibrariesDocumentsReprocessResponse = void;

/** Arguments of `libraries.accesses.list` (GET `/v1/libraries/{library_id}/share`). */
export interface LibrariesAccessesListRequest { libraryId: string }
/** What `libraries.accesses.list` resolves to. */
export type LibrariesAccessesListResponse = ListSharingResponse;

/** Arguments of `libraries.accesses.updateOrCreate` (PUT `/v1/libraries/{library_id}/share`). */
export type LibrariesAccessesUpdateOrCreateRequest =
    | ({ libraryId: string } & SharingRequest)
    | { libraryId: string; sharingRequest: SharingRequest };
/** What `libraries.accesses.updateOrCreate` resolves to. */
export type LibrariesAccessesUpdateOrCreateResponse = Sharing;

/** Arguments of `libraries.accesses.delete` (DELETE `/v1/libraries/{library_id}/share`). */
export type LibrariesAccessesDeleteRequest =
    | ({ libraryId: string } & SharingDelete)
    | { libraryId: string; sharingDelete: SharingDelete };
/** What `libraries.accesses.delete` resolves to. */
export type LibrariesAccessesDeleteResponse = Sharing;

/** Arguments of `files.retrieve` (GET `/v1/files/{file_id}`). */
export interface FilesRetrieveRequest { fileId: string }
/** What `files.retrieve` resolves to. */
export type FilesRetrieveResponse = GetFileResponse;

/** Arguments of `files.download` (GET `/v1/files/{file_id}/content`). */
export interface FilesDownloadRequest { fileId: string }
/** What `files.download` resolves to. */
export type FilesDownloadResponse = ReadableStream<Uint8Array>;

/** Arguments of `files.getSignedUrl` (GET `/v1/files/{file_id}/url`). */
export interface FilesGetSignedUrlRequest { fileId: string; expiry?: number | null }
/** What `files.getSignedUrl` resolves to. */
export type FilesGetSignedUrlResponse = FileSignedUrl;

/** Arguments of `files.upload` (POST `/v1/files`). */
export type FilesUploadRequest = { file: FileInput; expiry?: number | null; purpose?: string | null; visibility?: string | null };
/** What `files.upload` resolves to. */
export type FilesUploadResponse = FileSchema;

/** Arguments of `files.list` (GET `/v1/files`). */
export interface FilesListRequest { page?: number | null; pageSize?: number | null; includeTotal?: boolean | null; sampleType?: string[] | null; source?: string[] | null; search?: string | null; purpose?: string | null; mimetypes?: string[] | null }
/** What `files.list` resolves to. */
export type FilesListResponse = ListFilesResponse;

/** Arguments of `files.delete` (DELETE `/v1/files/{file_id}`). */
export interface FilesDeleteRequest { fileId: string }
/** What `files.delete` resolves to. */
export type FilesDeleteResponse = DeleteFileResponse;

