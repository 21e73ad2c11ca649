//! A tiny PNG encoder: 8-bit RGB, one IDAT of zlib *stored* blocks, CRC-32 and Adler-32
//! written out here. Enough to hand a browser or a test a real image without a codec crate.

/// Encodes `width` × `height` RGB pixels (`rgb.len() == width * height * 3`) as a PNG file.
pub fn encode_rgb(width: u32, height: u32, rgb: &[u8]) -> Vec<u8> {
    let row = width as usize * 3;
    // Raw scanlines, each preceded by filter type 0 (None).
    let mut raw = Vec::with_capacity((row + 1) * height as usize);
    for y in 0..height as usize {
        raw.push(0);
        let start = (y * row).min(rgb.len());
        let end = (start + row).min(rgb.len());
        raw.extend_from_slice(&rgb[start..end]);
        raw.resize(raw.len() + (row - (end - start)), 0);
    }

    let mut out = Vec::with_capacity(raw.len() + raw.len() / 65_535 * 5 + 64);
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n");

    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // depth 8, colour type RGB, deflate, filter 0, no interlace
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A deterministic `size` × `size` picture for a prompt: a two-colour gradient with a disc,
/// colours derived from the prompt's hash.
pub fn picture_for(prompt: &str, size: u32) -> Vec<u8> {
    let h = crate::ids::hash64(prompt.as_bytes());
    let c1 = [(h >> 16) as u8, (h >> 24) as u8, (h >> 32) as u8];
    let c2 = [(h >> 40) as u8, (h >> 48) as u8, (h >> 56) as u8];
    let n = size as usize;
    let mut rgb = Vec::with_capacity(n * n * 3);
    let centre = n as i64 / 2;
    let radius2 = (n as i64 / 3).pow(2);
    for y in 0..n {
        for x in 0..n {
            let t = (x + y) * 255 / (2 * n.max(1) - 1).max(1);
            let inside = (x as i64 - centre).pow(2) + (y as i64 - centre).pow(2) <= radius2;
            for k in 0..3 {
                let v = (usize::from(c1[k]) * (255 - t) + usize::from(c2[k]) * t) / 255;
                rgb.push(if inside { 255 - v as u8 } else { v as u8 });
            }
        }
    }
    encode_rgb(size, size, &rgb)
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A zlib stream of stored (uncompressed) deflate blocks.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 65_535 * 5 + 11);
    out.extend_from_slice(&[0x78, 0x01]); // deflate, 32 KiB window, no dictionary, fastest
    let mut blocks = data.chunks(65_535).peekable();
    if blocks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(block) = blocks.next() {
        let last = u8::from(blocks.peek().is_none());
        let len = block.len() as u16;
        out.push(last);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

/// CRC-32 (IEEE 802.3, reflected, as PNG uses it).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// Adler-32, zlib's checksum.
pub fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for block in data.chunks(5552) {
        for &byte in block {
            a += u32::from(byte);
            b += a;
        }
        a %= 65_521;
        b %= 65_521;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_known_values() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        assert_eq!(crc32(b""), 0);
        assert_eq!(adler32(b""), 1);
    }

    #[test]
    fn png_structure_is_valid() {
        let png = encode_rgb(2, 1, &[255, 0, 0, 0, 255, 0]);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        // IHDR's CRC covers type + data.
        let crc = u32::from_be_bytes([png[29], png[30], png[31], png[32]]);
        assert_eq!(crc, crc32(&png[12..29]));
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]));
    }

    #[test]
    fn large_images_span_several_stored_blocks() {
        let png = picture_for("a lighthouse", 160); // 160 * (480 + 1) > 65 535
        assert!(png.len() > 65_535);
        let z = zlib_stored(&[7u8; 70_000]);
        assert_eq!(z[2], 0); // first block not final
        assert_eq!(z[2 + 5 + 65_535], 1); // second block final
    }
}
