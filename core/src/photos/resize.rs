//! Downscaling by area: every output pixel is the average of the input pixels it covers (fractions
//! at the edges weighted), which keeps a phone picture's detail without aliasing. One output row at a
//! time, so the only large buffer is the picture itself.

use super::Picture;

/// For each output position: the first input position and the weights of the inputs it covers
/// (summing to 1).
fn contributions(src: usize, dst: usize) -> Vec<(usize, Vec<f32>)> {
    let scale = src as f64 / dst as f64;
    (0..dst)
        .map(|o| {
            let a = o as f64 * scale;
            let b = ((o + 1) as f64 * scale).min(src as f64);
            let first = a.floor() as usize;
            let last = (b.ceil() as usize).clamp(first + 1, src);
            let weights: Vec<f32> = (first..last)
                .map(|i| {
                    let lo = (i as f64).max(a);
                    let hi = ((i + 1) as f64).min(b);
                    ((hi - lo).max(0.0) / (b - a)) as f32
                })
                .collect();
            (first, weights)
        })
        .collect()
}

/// `pic` scaled to `width` × `height` (smaller or equal in both directions; a larger size is
/// taken as the same size).
pub fn resize(pic: &Picture, width: u32, height: u32) -> Picture {
    let (sw, sh) = (pic.width as usize, pic.height as usize);
    let (dw, dh) = (
        (width as usize).clamp(1, sw.max(1)),
        (height as usize).clamp(1, sh.max(1)),
    );
    if (dw, dh) == (sw, sh) {
        return pic.clone();
    }
    let cols = contributions(sw, dw);
    let rows = contributions(sh, dh);
    let mut out = vec![0u8; dw * dh * 3];
    // The last input row scaled horizontally, kept because neighbouring output rows share it.
    let mut cached: Option<(usize, Vec<f32>)> = None;
    let mut acc = vec![0f32; dw * 3];
    for (oy, (first, weights)) in rows.iter().enumerate() {
        acc.iter_mut().for_each(|v| *v = 0.0);
        for (k, &wy) in weights.iter().enumerate() {
            let sy = first + k;
            if cached.as_ref().map(|(y, _)| *y) != Some(sy) {
                let src = &pic.rgb[sy * sw * 3..(sy + 1) * sw * 3];
                let mut r = vec![0f32; dw * 3];
                for (ox, (fx, wxs)) in cols.iter().enumerate() {
                    let (mut cr, mut cg, mut cb) = (0f32, 0f32, 0f32);
                    for (j, &wx) in wxs.iter().enumerate() {
                        let i = (fx + j) * 3;
                        cr += f32::from(src[i]) * wx;
                        cg += f32::from(src[i + 1]) * wx;
                        cb += f32::from(src[i + 2]) * wx;
                    }
                    r[ox * 3] = cr;
                    r[ox * 3 + 1] = cg;
                    r[ox * 3 + 2] = cb;
                }
                cached = Some((sy, r));
            }
            let Some((_, row)) = &cached else {
                continue;
            };
            for (a, v) in acc.iter_mut().zip(row) {
                *a += v * wy;
            }
        }
        for (d, a) in out[oy * dw * 3..(oy + 1) * dw * 3].iter_mut().zip(&acc) {
            *d = a.round().clamp(0.0, 255.0) as u8;
        }
    }
    Picture {
        width: dw as u32,
        height: dh as u32,
        rgb: out,
    }
}

/// The size of `w` × `h` made to fit `max_w` × `max_h` without distortion (never larger).
pub fn fitted_size(w: u32, h: u32, max_w: u32, max_h: u32) -> (u32, u32) {
    if w <= max_w && h <= max_h {
        return (w, h);
    }
    let k = (f64::from(max_w) / f64::from(w)).min(f64::from(max_h) / f64::from(h));
    (
        ((f64::from(w) * k).round() as u32).clamp(1, max_w.max(1)),
        ((f64::from(h) * k).round() as u32).clamp(1, max_h.max(1)),
    )
}

/// The size of a `w` × `h` picture drawn into a `box_w` × `box_h` box without distortion: as large
/// as fits, never larger than the picture itself.
pub fn box_size(w: u32, h: u32, box_w: f32, box_h: f32) -> (u32, u32) {
    if w == 0 || h == 0 || box_w < 1.0 || box_h < 1.0 {
        return (0, 0);
    }
    let k = (box_w / w as f32).min(box_h / h as f32).min(1.0);
    (
        ((w as f32 * k).floor() as u32).max(1),
        ((h as f32 * k).floor() as u32).max(1),
    )
}

/// `pic` made to fit `max_w` × `max_h` without distortion; unchanged when it fits already.
pub fn fit_within(pic: &Picture, max_w: u32, max_h: u32) -> Picture {
    let (w, h) = fitted_size(pic.width, pic.height, max_w, max_h);
    resize(pic, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halving_averages_pairs() {
        let p = Picture {
            width: 4,
            height: 2,
            rgb: [0u8, 0, 0, 200, 200, 200, 100, 100, 100, 100, 100, 100].repeat(2),
        };
        let r = resize(&p, 2, 1);
        assert_eq!(r.pixel(0, 0), [100, 100, 100]);
        assert_eq!(r.pixel(1, 0), [100, 100, 100]);
    }

    #[test]
    fn keeps_the_aspect_ratio() {
        assert_eq!(fitted_size(4000, 3000, 2048, 2048), (2048, 1536));
        assert_eq!(fitted_size(3000, 4000, 2048, 2048), (1536, 2048));
        assert_eq!(fitted_size(800, 600, 2048, 2048), (800, 600));
        let flat = Picture::filled(300, 7, [9, 8, 7]);
        let r = fit_within(&flat, 100, 100);
        assert_eq!((r.width, r.height), (100, 2));
        assert_eq!(r.pixel(50, 1), [9, 8, 7]);
    }
}
