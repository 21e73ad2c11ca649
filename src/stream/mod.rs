//! Conversation streams, sans IO: bytes in, batches of camelCase events out, and the deltas
//! folded into the response a non-streaming call would have returned.

mod accumulate;
mod conversation;
mod patch;

pub use accumulate::{Accumulator, FOLD_LIMIT, MAX_OUTPUTS};
pub use conversation::{ConversationStream, Feed};
