//! Native throughput of the pure core, without JavaScript: the SSE decoder alone and the whole
//! conversation stream (decode, transcode, accumulate). `cargo bench --bench core -- FILE`
//! reads an SSE capture (make bench writes one); without a file it builds a synthetic stream.

use std::time::Instant;

use mistral_edge::sse::{DecoderOptions, SseDecoder};
use mistral_edge::stream::ConversationStream;

fn synthetic() -> Vec<u8> {
    let mut s = String::from("event: conversation.response.started\ndata: {\"type\":\"conversation.response.started\",\"conversation_id\":\"conv_1\"}\n\n");
    for _ in 0..100_000 {
        s.push_str("event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"output_index\":0,\"id\":\"msg_0123456789abcdef0123456789ab\",\"content_index\":0,\"created_at\":\"2026-01-01T00:00:00.000Z\",\"model\":\"mistral-medium-latest\",\"agent_id\":null,\"role\":\"assistant\",\"content\":\" token\"}\n\n");
    }
    s.push_str("event: conversation.response.done\ndata: {\"type\":\"conversation.response.done\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":100000,\"total_tokens\":100001}}\n\n");
    s.into_bytes()
}

fn main() {
    let input = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(|path| std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
        .unwrap_or_else(synthetic);
    let mb = input.len() as f64 / 1e6;
    for chunk in [65_536usize, 16_384, 64] {
        let best = (0..5)
            .map(|_| {
                let t = Instant::now();
                let mut decoder = SseDecoder::new(DecoderOptions::default());
                let mut n = 0usize;
                for piece in input.chunks(chunk) {
                    decoder
                        .feed_with(piece, &mut |_| n += 1)
                        .unwrap_or_else(|e| panic!("{e}"));
                }
                assert!(n > 0);
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "sse decoder        chunk {chunk:>6}: {:>8.1} MB/s",
            mb / best
        );
    }
    for chunk in [65_536usize, 16_384] {
        let mut events = 0;
        let best = (0..5)
            .map(|_| {
                let t = Instant::now();
                let mut stream = ConversationStream::new(DecoderOptions::default());
                events = 0;
                for piece in input.chunks(chunk) {
                    let feed = stream.feed(piece);
                    assert!(feed.error.is_none());
                    events += feed.count;
                }
                stream.finish().unwrap_or_else(|e| panic!("{e}"));
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "conversation stream chunk {chunk:>6}: {:>8.1} MB/s, {:>9.0} events/s, {:.3} µs/event",
            mb / best,
            events as f64 / best,
            best * 1e6 / events as f64
        );
    }
}
