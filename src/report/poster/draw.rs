//! Drawing a laid-out poster into an image, and encoding it as PNG.

use ab_glyph::{Font, PxScale, ScaleFont, point};
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

use super::layout::{LINE, Layout, Shape};
use super::{Format, font};
use crate::photos::Picture;
use crate::report::palette::Rgb;

fn colour(c: Rgb) -> Color {
    Color::from_rgba8(c[0], c[1], c[2], 255)
}

/// Draws a layout into an RGBA image.
pub fn render(l: &Layout) -> Pixmap {
    let mut pix = Pixmap::new(l.width as u32, l.height as u32).expect("a poster has a size");
    for shape in &l.shapes {
        draw_shape(&mut pix, shape);
    }
    draw_text(&mut pix, &l.lines);
    pix
}

/// Draws one shape.
fn draw_shape(pix: &mut Pixmap, shape: &Shape) {
    let mut paint = Paint {
        anti_alias: true,
        ..Default::default()
    };
    match *shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            colour: c,
        } => {
            if let Some(r) = Rect::from_xywh(x, y, w, h) {
                paint.set_color(colour(c));
                pix.fill_rect(r, &paint, Transform::identity(), None);
            }
        }
        Shape::Dot {
            x,
            y,
            r,
            colour: c,
            filled,
        } => {
            let mut pb = PathBuilder::new();
            pb.push_circle(x, y, r);
            if let Some(path) = pb.finish() {
                paint.set_color(colour(c));
                if filled {
                    pix.fill_path(
                        &path,
                        &paint,
                        FillRule::Winding,
                        Transform::identity(),
                        None,
                    );
                } else {
                    let stroke = tiny_skia::Stroke {
                        width: (r * 0.3).max(1.5),
                        ..Default::default()
                    };
                    pix.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
                }
            }
        }
        Shape::Photo {
            x,
            y,
            w,
            h,
            ref picture,
            colour: c,
        } => match picture {
            Some(pic) => draw_photo(pix, pic, x, y, w, h),
            None => {
                if let Some(r) = Rect::from_xywh(x, y, w, h) {
                    paint.set_color(colour(c));
                    pix.fill_rect(r, &paint, Transform::identity(), None);
                }
            }
        },
    }
}

/// Draws the lines of text over what is drawn, each glyph blended by its coverage.
fn draw_text(pix: &mut Pixmap, lines: &[super::layout::Line]) {
    let font = font();
    let (w, h) = (pix.width() as i32, pix.height() as i32);
    let data = pix.data_mut();
    for line in lines {
        let scaled = font.as_scaled(PxScale::from(line.px));
        // Centre the font's height in the line box.
        let baseline = line.y
            + (line.px * LINE - (scaled.ascent() - scaled.descent())) / 2.0
            + scaled.ascent();
        let mut caret = line.x;
        let mut prev = None;
        for c in line.text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = prev {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(line.px, point(caret, baseline));
            caret += scaled.h_advance(id);
            prev = Some(id);
            let Some(outlined) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outlined.px_bounds();
            outlined.draw(|gx, gy, cov| {
                let px = bounds.min.x as i32 + gx as i32;
                let py = bounds.min.y as i32 + gy as i32;
                if px < 0 || py < 0 || px >= w || py >= h {
                    return;
                }
                let i = ((py * w + px) * 4) as usize;
                let cov = cov.clamp(0.0, 1.0);
                for k in 0..3 {
                    let under = f32::from(data[i + k]);
                    data[i + k] =
                        (f32::from(line.colour[k]) * cov + under * (1.0 - cov)).round() as u8;
                }
                data[i + 3] = 255;
            });
        }
    }
}

/// Draws `pic` fitted into the box at (x, y, w, h) without distortion, centred.
fn draw_photo(pix: &mut Pixmap, pic: &Picture, x: f32, y: f32, w: f32, h: f32) {
    let (fw, fh) = crate::photos::box_size(pic.width, pic.height, w, h);
    if fw == 0 || fh == 0 {
        return;
    }
    let scaled = crate::photos::resize(pic, fw, fh);
    let ox = (x + (w - scaled.width as f32) / 2.0).round() as i64;
    let oy = (y + (h - scaled.height as f32) / 2.0).round() as i64;
    let (pw, ph) = (i64::from(pix.width()), i64::from(pix.height()));
    let data = pix.data_mut();
    for sy in 0..i64::from(scaled.height) {
        let ty = oy + sy;
        if ty < 0 || ty >= ph {
            continue;
        }
        for sx in 0..i64::from(scaled.width) {
            let tx = ox + sx;
            if tx < 0 || tx >= pw {
                continue;
            }
            let s = ((sy * i64::from(scaled.width) + sx) * 3) as usize;
            let d = ((ty * pw + tx) * 4) as usize;
            data[d..d + 3].copy_from_slice(&scaled.rgb[s..s + 3]);
            data[d + 3] = 255;
        }
    }
}

/// Encodes an opaque image as PNG, with its resolution (300 dpi for A4).
pub fn png_bytes(pix: &Pixmap, format: Format) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, pix.width(), pix.height());
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        if format == Format::A4 {
            // 300 dots per inch = 11,811 per metre.
            enc.set_pixel_dims(Some(png::PixelDimensions {
                xppu: 11_811,
                yppu: 11_811,
                unit: png::Unit::Meter,
            }));
        }
        let mut writer = enc.write_header().map_err(|e| e.to_string())?;
        // Everything is opaque, so premultiplied and straight alpha are the same bytes.
        writer
            .write_image_data(pix.data())
            .map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// A preview image: width, height and straight RGBA bytes.
pub type Preview = (u32, u32, Vec<u8>);

/// A smaller copy of an opaque image (box filter), as straight RGBA bytes: for previews.
pub fn thumbnail(pix: &Pixmap, width: u32) -> Preview {
    let (w, h) = (pix.width(), pix.height());
    let width = width.clamp(1, w);
    let height = ((h as u64 * width as u64) / w as u64).max(1) as u32;
    let data = pix.data();
    let mut out = Vec::with_capacity((width * height * 4) as usize);
    for ty in 0..height {
        let (y0, y1) = (
            ty * h / height,
            ((ty + 1) * h / height).max(ty * h / height + 1),
        );
        for tx in 0..width {
            let (x0, x1) = (
                tx * w / width,
                ((tx + 1) * w / width).max(tx * w / width + 1),
            );
            let mut sum = [0u64; 4];
            for y in y0..y1 {
                for x in x0..x1 {
                    let i = ((y * w + x) * 4) as usize;
                    for k in 0..4 {
                        sum[k] += u64::from(data[i + k]);
                    }
                }
            }
            let n = u64::from((y1 - y0) * (x1 - x0));
            out.extend(sum.iter().map(|v| (v / n) as u8));
        }
    }
    (width, height, out)
}
