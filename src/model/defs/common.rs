// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

untagged! {
    /// One stop sequence or several.
    pub enum Stop {
        /// A single stop sequence.
        One(String),
        /// Several stop sequences.
        Many(Vec<String>),
    }
}

model! {
    /// Sampling and output settings for the model.
    pub struct CompletionArgs {
        /// Stop generating when one of these sequences appears.
        pub stop?: Stop,
        /// Penalises tokens that already appeared, to encourage new topics.
        pub presence_penalty?: f64,
        /// Penalises tokens by how often they appeared.
        pub frequency_penalty?: f64,
        /// Sampling temperature; lower is more deterministic.
        pub temperature?: f64,
        /// Nucleus sampling: consider only the tokens within this probability mass.
        pub top_p?: f64,
        /// The most tokens to generate.
        pub max_tokens?: i64,
        /// Seed for deterministic sampling.
        pub random_seed?: i64,
        /// Expected output, to speed up generation when most of it is known.
        pub prediction?: Prediction,
        /// Constrains the answer to text, any JSON object, or a JSON Schema.
        pub response_format?: ResponseFormat,
        /// How the model may pick tools.
        pub tool_choice?: ToolChoice,
        /// How much the model may reason before answering.
        pub reasoning_effort?: ReasoningEffort,
    }
}

model! {
    /// Expected output content.
    pub struct Prediction {
        /// Always `"content"`.
        pub r#type?: String,
        /// The predicted text.
        pub content?: String,
    }
}

model! {
    /// The format of the model's answer.
    pub struct ResponseFormat {
        /// `"text"` (default), `"json_object"` or `"json_schema"`.
        pub r#type?: ResponseFormatType,
        /// The schema, when `type` is `"json_schema"`.
        pub json_schema?: JsonSchema,
    }
}

model! {
    /// A named JSON Schema for structured output.
    pub struct JsonSchema {
        /// The schema's name.
        pub name: String,
        /// What the schema describes.
        pub description?: String,
        /// The JSON Schema itself, passed through untouched (`schema` on the wire; the official
        /// SDK names it `schemaDefinition`, and so does `responseFormatFromZodObject`).
        pub schema as "schemaDefinition": JsonObject,
        /// Whether the output must follow the schema exactly.
        pub strict?: bool,
    }
}

model! {
    /// A moderation guardrail.
    pub struct GuardrailConfig {
        /// Block the response when the guardrail itself fails.
        pub block_on_error?: bool,
        /// Settings for the first moderation model.
        pub moderation_llm_v1?: ModerationConfig,
        /// Settings for the second moderation model.
        pub moderation_llm_v2?: ModerationConfig,
    }
}

model! {
    /// Settings of one moderation model.
    pub struct ModerationConfig {
        /// The moderation model to use.
        pub model_name?: String,
        /// Per-category thresholds, keyed by category name.
        pub custom_category_thresholds?: JsonObject,
        /// Ignore the categories not listed in the thresholds.
        pub ignore_other_categories?: bool,
        /// What to do when the guardrail fires.
        pub action?: GuardrailAction,
    }
}

model! {
    /// Tokens used by one response.
    pub struct ConversationUsageInfo {
        /// Tokens in the prompt.
        pub prompt_tokens?: i64,
        /// Tokens generated.
        pub completion_tokens?: i64,
        /// Prompt plus completion tokens.
        pub total_tokens?: i64,
        /// Tokens spent by connectors and built-in tools.
        pub connector_tokens?: i64,
        /// Calls per connector or built-in tool, keyed by its name (such as `web_search`).
        pub connectors?: JsonObject,
    }
}
