// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

union! {
    /// A tool an agent or conversation may use. `type` keeps the API's spelling (`"web_search"`).
    pub enum Tool tag "type" {
        /// A function that your code runs: the model answers with a `function.call` entry.
        "function" => Function(FunctionTool),
        /// Web search.
        "web_search" => WebSearch(BuiltInTool),
        /// Web search with news agencies' sources.
        "web_search_premium" => WebSearchPremium(BuiltInTool),
        /// Runs Python code in a sandbox.
        "code_interpreter" => CodeInterpreter(BuiltInTool),
        /// Generates images, returned as `tool_file` chunks.
        "image_generation" => ImageGeneration(BuiltInTool),
        /// Searches the documents of your libraries.
        "document_library" => DocumentLibrary(DocumentLibraryTool),
        /// The MCP tools of a connector.
        "connector" => Connector(ConnectorTool),
    }
}

model! {
    /// A function tool.
    pub struct FunctionTool {
        /// The function's name, description and argument schema.
        pub function: FunctionSpec,
    }
}

model! {
    /// Name, purpose and argument schema of a function the model may call.
    pub struct FunctionSpec {
        /// The function's name.
        pub name: String,
        /// What the function does; the model reads this.
        pub description?: String,
        /// Whether the arguments must follow the schema exactly.
        pub strict?: bool,
        /// JSON Schema of the arguments, passed through untouched, keys and all.
        pub parameters: JsonObject,
    }
}

model! {
    /// A built-in tool: web search, code interpreter or image generation.
    pub struct BuiltInTool {
        /// Which of the tool's functions to expose, and which need confirmation.
        pub tool_configuration?: ToolConfiguration,
    }
}

model! {
    /// Searches the documents of the given libraries.
    pub struct DocumentLibraryTool {
        /// Ids of the libraries to search.
        pub library_ids: Vec<String>,
        /// Which of the tool's functions to expose, and which need confirmation.
        pub tool_configuration?: ToolConfiguration,
    }
}

model! {
    /// The MCP tools of one connector.
    pub struct ConnectorTool {
        /// The connector's id or name (built-in connectors such as `gmail` go by name).
        pub connector_id: String,
        /// A credential used for this request only and never stored.
        pub authorization?: Authorization,
        /// Which of the connector's tools to expose, and which need confirmation.
        pub tool_configuration?: ToolConfiguration,
    }
}

model! {
    /// Narrows a tool's functions. Give `include` or `exclude`, not both.
    pub struct ToolConfiguration {
        /// Expose only these tools.
        pub include?: Vec<String>,
        /// Expose every tool but these.
        pub exclude?: Vec<String>,
        /// These tools wait for your confirmation (`toolConfirmations` on append) before they run.
        pub requires_confirmation?: Vec<String>,
    }
}

union! {
    /// A credential passed with one request.
    pub enum Authorization tag "type" {
        /// An OAuth 2 access token.
        "oauth2-token" => OAuth2Token(AuthorizationValue),
        /// An API key.
        "api-key" => ApiKey(AuthorizationValue),
    }
}

model! {
    /// The credential's value.
    pub struct AuthorizationValue {
        /// The token or key. It is sent to Mistral for this request only and never logged.
        pub value: Secret,
    }
}
