//! A sealed line: the JSON of one header, event or deck, with its CRC-32 as a last member, so that a
//! reader can tell a whole line from a torn or zero-filled one:
//! `{"type":"Revealed","crc":"1c291ca3"}`. The checksum is over the JSON without that member
//! (`{"type":"Revealed"}`). The line stays plain JSON for any other tool.

/// `,"crc":"` + 8 hex digits + `"}`.
const SEAL: usize = 18;

/// The line for `json` (a JSON object), with its newline.
pub(super) fn seal(json: &str) -> String {
    debug_assert!(json.starts_with('{') && json.ends_with('}'));
    let body = &json[..json.len() - 1];
    let crc = crc32fast::hash(json.as_bytes());
    format!("{body},\"crc\":\"{crc:08x}\"}}\n")
}

/// The JSON a sealed line holds (without its checksum member), when the checksum holds.
pub(super) fn open(line: &[u8]) -> Option<Vec<u8>> {
    if line.len() < SEAL + 2 {
        return None;
    }
    let (body, seal) = line.split_at(line.len() - SEAL);
    let hex = seal.strip_prefix(b",\"crc\":\"")?.strip_suffix(b"\"}")?;
    let hex = std::str::from_utf8(hex).ok()?;
    if hex.len() != 8
        || !hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return None;
    }
    let crc = u32::from_str_radix(hex, 16).ok()?;
    let mut json = Vec::with_capacity(body.len() + 1);
    json.extend_from_slice(body);
    json.push(b'}');
    (crc32fast::hash(&json) == crc).then_some(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_line_opens_and_any_change_breaks_it() {
        let line = seal(r#"{"type":"Revealed"}"#);
        let crc = crc32fast::hash(br#"{"type":"Revealed"}"#);
        assert_eq!(
            line,
            format!("{{\"type\":\"Revealed\",\"crc\":\"{crc:08x}\"}}\n")
        );
        let bytes = line.trim_end().as_bytes();
        assert_eq!(open(bytes).unwrap(), br#"{"type":"Revealed"}"#);
        for i in 0..bytes.len() {
            let mut bad = bytes.to_vec();
            bad[i] ^= 0x20;
            assert!(
                open(&bad).is_none(),
                "a flip at byte {i} must break the line"
            );
            assert!(
                open(&bytes[..i]).is_none(),
                "a line torn at {i} must not open"
            );
        }
        assert!(open(&[0u8; 40]).is_none());
        assert!(open(br#"{"type":"Revealed"}"#).is_none());
    }
}
