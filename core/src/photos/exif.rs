//! EXIF orientation: the one tag a phone sets instead of turning the pixels, read from the TIFF
//! structure of an EXIF block, and applied to the pixels.

use super::Picture;

/// The orientation (1–8) in an EXIF block that starts with its TIFF header (`II*\0` or `MM\0*`);
/// 1 (as stored) when there is none or the block is damaged.
pub fn orientation_from_tiff(tiff: &[u8]) -> u8 {
    read_orientation(tiff)
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1)
}

fn read_orientation(t: &[u8]) -> Option<u8> {
    let little = match t.get(0..4)? {
        b"II*\0" => true,
        b"MM\0*" => false,
        _ => return None,
    };
    let u16_at = |i: usize| -> Option<u16> {
        let b = t.get(i..i + 2)?;
        Some(if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |i: usize| -> Option<u32> {
        let b = t.get(i..i + 4)?;
        Some(if little {
            u32::from_le_bytes([b[0], b[1], b[2], b[3]])
        } else {
            u32::from_be_bytes([b[0], b[1], b[2], b[3]])
        })
    };
    let ifd = u32_at(4)? as usize;
    let count = u16_at(ifd)? as usize;
    for e in 0..count.min(512) {
        let at = ifd + 2 + e * 12;
        if u16_at(at)? == 0x0112 {
            // SHORT (3), one value, kept in the first two bytes of the value field.
            return match u16_at(at + 2)? {
                3 => u16_at(at + 8).and_then(|v| u8::try_from(v).ok()),
                4 => u32_at(at + 8).and_then(|v| u8::try_from(v).ok()),
                _ => None,
            };
        }
    }
    None
}

/// Turns a picture as stored into the picture as meant, for EXIF orientation `o` (1: as stored,
/// 2: mirrored, 3: upside down, 4: mirrored upside down, 5: mirrored and turned, 6: turned a quarter
/// to the right, 7: mirrored and turned the other way, 8: turned a quarter to the left).
pub fn apply_orientation(p: Picture, o: u8) -> Picture {
    if !(2..=8).contains(&o) {
        return p;
    }
    let (w, h) = (p.width as usize, p.height as usize);
    let swap = o >= 5;
    let (ow, oh) = if swap { (h, w) } else { (w, h) };
    let mut out = vec![0u8; w * h * 3];
    for y in 0..oh {
        for x in 0..ow {
            // Where the pixel shown at (x, y) is stored.
            let (sx, sy) = match o {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                _ => (w - 1 - y, x),
            };
            let s = (sy * w + sx) * 3;
            let d = (y * ow + x) * 3;
            out[d..d + 3].copy_from_slice(&p.rgb[s..s + 3]);
        }
    }
    Picture {
        width: ow as u32,
        height: oh as u32,
        rgb: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiff(little: bool, orientation: u16) -> Vec<u8> {
        let mut t = Vec::new();
        let u16b = |v: u16| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let u32b = |v: u32| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        t.extend_from_slice(if little { b"II*\0" } else { b"MM\0*" });
        t.extend_from_slice(&u32b(8));
        t.extend_from_slice(&u16b(1));
        t.extend_from_slice(&u16b(0x0112));
        t.extend_from_slice(&u16b(3));
        t.extend_from_slice(&u32b(1));
        t.extend_from_slice(&u16b(orientation));
        t.extend_from_slice(&[0, 0]);
        t.extend_from_slice(&u32b(0));
        t
    }

    #[test]
    fn reads_both_byte_orders() {
        for o in 1..=8 {
            assert_eq!(orientation_from_tiff(&tiff(true, o)), o as u8);
            assert_eq!(orientation_from_tiff(&tiff(false, o)), o as u8);
        }
        assert_eq!(orientation_from_tiff(&tiff(true, 9)), 1);
        assert_eq!(orientation_from_tiff(b"II*\0\xff\xff\xff\xff"), 1);
        assert_eq!(orientation_from_tiff(b""), 1);
    }

    #[test]
    fn turning_right_puts_the_bottom_left_at_the_top_left() {
        // 2 × 1: left red, right blue. Turned a quarter to the right: 1 × 2, red on top.
        let p = Picture {
            width: 2,
            height: 1,
            rgb: vec![255, 0, 0, 0, 0, 255],
        };
        let r = apply_orientation(p.clone(), 6);
        assert_eq!((r.width, r.height), (1, 2));
        assert_eq!(r.pixel(0, 0), [255, 0, 0]);
        let l = apply_orientation(p, 8);
        assert_eq!(l.pixel(0, 0), [0, 0, 255]);
    }
}
