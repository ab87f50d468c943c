//! Text measurement and wrapping with the poster font.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

/// Text measurement and wrapping with the poster font.
pub(super) struct Measure {
    pub(super) font: FontRef<'static>,
}

impl Measure {
    /// Characters the font lacks are drawn as `?`.
    fn clean(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    ' '
                } else if self.font.glyph_id(c).0 == 0 {
                    '?'
                } else {
                    c
                }
            })
            .collect()
    }

    pub(super) fn width(&self, text: &str, px: f32) -> f32 {
        let f = self.font.as_scaled(PxScale::from(px));
        let mut w = 0.0;
        let mut prev = None;
        for c in text.chars() {
            let id = f.glyph_id(c);
            if let Some(p) = prev {
                w += f.kern(p, id);
            }
            w += f.h_advance(id);
            prev = Some(id);
        }
        w
    }

    /// Greedy word wrap to `max` pixels; a word longer than a line is broken between characters.
    pub(super) fn wrap(&self, text: &str, px: f32, max: f32) -> Vec<String> {
        let text = self.clean(text);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, px) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.width(word, px) <= max {
                    line = word.to_string();
                } else {
                    for c in word.chars() {
                        let next = format!("{line}{c}");
                        if self.width(&next, px) > max && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line.push(c);
                        } else {
                            line = next;
                        }
                    }
                }
            }
            if !line.is_empty() {
                lines.push(line);
            }
        }
        lines
    }
}
