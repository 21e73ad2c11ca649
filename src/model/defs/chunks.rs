// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

untagged! {
    /// Message content: plain text, or a list of chunks.
    pub enum Content {
        /// Plain text.
        Text(String),
        /// Text, images, documents, files, references and thinking.
        Chunks(Vec<ContentChunk>),
    }
}

union! {
    /// One piece of message content.
    pub enum ContentChunk tag "type" {
        /// Text.
        "text" => Text(TextChunk),
        /// An image, by URL or data URL.
        "image_url" => ImageUrl(ImageUrlChunk),
        /// A document, by URL.
        "document_url" => DocumentUrl(DocumentUrlChunk),
        /// A file made by a tool, such as a generated image: fetch it with the files API.
        "tool_file" => ToolFile(ToolFileChunk),
        /// A source a tool used, such as a web page found by web search.
        "tool_reference" => ToolReference(ToolReferenceChunk),
        /// The model's reasoning.
        "thinking" => Thinking(ThinkChunk),
    }
}

model! {
    /// A text chunk.
    pub struct TextChunk {
        /// The text.
        pub text: String,
    }
}

untagged! {
    /// An image URL, alone or with a detail level.
    pub enum ImageUrl {
        /// The URL (or a `data:` URL).
        Url(String),
        /// The URL and how closely to look at it.
        Detailed(ImageUrlDetail),
    }
}

model! {
    /// An image URL with a detail level.
    pub struct ImageUrlDetail {
        /// The URL (or a `data:` URL).
        pub url: String,
        /// `"low"`, `"auto"` or `"high"`.
        pub detail?: ImageDetail,
    }
}

model! {
    /// An image chunk.
    pub struct ImageUrlChunk {
        /// The image.
        pub image_url: ImageUrl,
    }
}

model! {
    /// A document chunk.
    pub struct DocumentUrlChunk {
        /// The document's URL.
        pub document_url: String,
        /// A name for the document.
        pub document_name?: String,
    }
}

model! {
    /// A file produced by a tool. Download it with `files.download({ fileId })` or show it through `files.getSignedUrl`.
    pub struct ToolFileChunk {
        /// The tool that made it (`"image_generation"`, `"code_interpreter"`, ...).
        pub tool: String,
        /// The file's id in the files API.
        pub file_id: String,
        /// The file's name.
        pub file_name?: String,
        /// The file's type, such as `"png"`.
        pub file_type?: String,
    }
}

model! {
    /// A source a tool used.
    pub struct ToolReferenceChunk {
        /// The tool that used it (`"web_search"`, ...).
        pub tool: String,
        /// The source's title.
        pub title: String,
        /// The source's URL.
        pub url?: String,
        /// The source's icon.
        pub favicon?: String,
        /// A short description of the source.
        pub description?: String,
    }
}

model! {
    /// The model's reasoning.
    pub struct ThinkChunk {
        /// The reasoning, as text and references.
        pub thinking: Vec<ThinkingPart>,
        /// An opaque signature of the reasoning, to send back unchanged.
        pub signature?: String,
        /// Whether the reasoning is complete.
        pub closed?: bool,
    }
}

union! {
    /// A piece of reasoning.
    pub enum ThinkingPart tag "type" {
        /// Text.
        "text" => Text(TextChunk),
        /// A source a tool used.
        "tool_reference" => ToolReference(ToolReferenceChunk),
        /// References to earlier sources.
        "reference" => Reference(ReferenceChunk),
    }
}

model! {
    /// References to earlier sources.
    pub struct ReferenceChunk {
        /// The referenced sources' ids.
        pub reference_ids: Vec<NumberOrString>,
    }
}
