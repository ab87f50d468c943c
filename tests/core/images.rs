//! `check-images`, the check CI runs on the demo's screenshots and the report's pages: a blank
//! frame, a frame with one line of text, a picture saved twice or pictures out of sight in a
//! subfolder all fail it.

use cultuurbarbarenspel::commands::images::{self, examine};
use cultuurbarbarenspel::report::poster::{self, Format, PosterData, PosterValue};
use std::path::Path;

const DARK: [u8; 3] = [18, 21, 28];

/// An RGB picture of `w`×`h` in `DARK` with the rectangles given in white.
fn picture(w: u32, h: u32, rects: &[(u32, u32, u32, u32)]) -> Vec<u8> {
    let mut px: Vec<u8> = DARK.repeat((w * h) as usize);
    for &(x0, y0, rw, rh) in rects {
        for y in y0..y0 + rh {
            for x in x0..x0 + rw {
                let i = ((y * w + x) * 3) as usize;
                px[i..i + 3].copy_from_slice(&[255, 255, 255]);
            }
        }
    }
    encode(w, h, png::ColorType::Rgb, &px)
}

fn encode(w: u32, h: u32, colour: png::ColorType, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(colour);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(data).unwrap();
    out
}

/// A real poster, as a screen-sized PNG: plenty of text on a dark background.
fn a_poster(team: &str) -> Vec<u8> {
    let data = PosterData {
        team: team.into(),
        colour: [230, 159, 0],
        deck: "Klantcontact".into(),
        date: Some("2026-11-22".into()),
        language: cultuurbarbarenspel::deck::Language::Nl,
        values: vec![PosterValue {
            name: "Zorgvuldig".into(),
            weight: 2,
            meaning: "We doen het in een keer goed.".into(),
            agreements: Vec::new(),
            behaviours: vec![("Fatima meldt de fout".into(), "De fout".into())],
        }],
    };
    let pix = poster::render(&poster::layout(&data, Format::Screen));
    poster::png_bytes(&pix, Format::Screen).unwrap()
}

fn check(dir: &Path, min: usize) -> Result<String, String> {
    let mut out = Vec::new();
    images::run(dir, min, &mut out).map(|()| String::from_utf8(out).unwrap())
}

#[test]
fn ink_is_what_differs_from_the_commonest_colour() {
    // 1000×400 = 400,000 pixels: 1 % is 4,000.
    let just = examine(&picture(1000, 400, &[(0, 0, 100, 40)])).unwrap();
    assert_eq!((just.width, just.height, just.ink), (1000, 400, 4000));
    assert_eq!(just.problem(), None);
    let short = examine(&picture(1000, 400, &[(0, 0, 100, 39), (0, 39, 99, 1)])).unwrap();
    assert_eq!(short.ink, 3999);
    assert_eq!(
        short.problem().unwrap(),
        "looks blank: 3999 of 400000 pixels (0.99 %) differ from the background, less than 1 %"
    );
    // Grey pictures decode too; the commonest colour is the background, also when it is light.
    let grey: Vec<u8> = (0..640 * 360)
        .map(|i| if i % 10 == 0 { 0 } else { 250 })
        .collect();
    let g = examine(&encode(640, 360, png::ColorType::Grayscale, &grey)).unwrap();
    assert_eq!(g.ink, 640 * 36);
    // Shading within 16 of the background is not ink.
    let shade: Vec<u8> = (0..640 * 360 * 3)
        .map(|i| if (i / 3) % 2 == 0 { 100 } else { 116 })
        .collect();
    assert_eq!(
        examine(&encode(640, 360, png::ColorType::Rgb, &shade))
            .unwrap()
            .ink,
        0
    );
    assert!(examine(b"\x89PNG\r\n\x1a\nkapot").is_err());
}

#[test]
fn a_solid_frame_and_a_one_line_frame_fail_a_real_screen_passes() {
    let solid = examine(&picture(1920, 1080, &[])).unwrap();
    assert_eq!(solid.ink, 0);
    assert!(
        solid
            .problem()
            .unwrap()
            .starts_with("looks blank: 0 of 2073600")
    );
    // One line of text, generously 800×24 pixels of ink: 0.93 %.
    let line = examine(&picture(1920, 1080, &[(100, 500, 800, 24)])).unwrap();
    assert_eq!(line.ink, 800 * 24);
    assert!(line.problem().is_some());
    let real = examine(&a_poster("Balie")).unwrap();
    assert_eq!(real.problem(), None, "{real:?}");
    // Too small to be a screen.
    let small = examine(&picture(320, 200, &[(0, 0, 320, 100)])).unwrap();
    assert_eq!(small.problem().unwrap(), "320×200 is smaller than 640×360");
}

#[test]
fn the_folder_check_counts_what_it_checks_and_rejects_doubles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("01-a.png"), a_poster("Balie")).unwrap();
    std::fs::write(dir.path().join("02-b.png"), a_poster("KCC")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "geen plaatje").unwrap();
    let out = check(dir.path(), 2).unwrap();
    assert!(out.starts_with("01-a.png: 1920×1080, "), "{out}");
    assert!(
        out.ends_with(&format!(
            "2 picture(s) checked in {}\n",
            dir.path().display()
        )),
        "{out}"
    );
    assert_eq!(out.lines().count(), 3, "{out}");

    // PNGs in a subfolder are neither counted nor checked.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("03-c.png"), a_poster("Derde")).unwrap();
    assert_eq!(
        check(dir.path(), 3).unwrap_err(),
        format!(
            "expected at least 3 PNG files in {}, found 2",
            dir.path().display()
        )
    );

    // The same picture twice, under another name.
    std::fs::write(dir.path().join("03-c.png"), a_poster("Balie")).unwrap();
    assert_eq!(
        check(dir.path(), 3).unwrap_err(),
        "03-c.png: the same picture as 01-a.png"
    );

    // A blank one among them.
    std::fs::write(dir.path().join("03-c.png"), picture(1920, 1080, &[])).unwrap();
    let err = check(dir.path(), 3).unwrap_err();
    assert!(
        err.starts_with("03-c.png: looks blank: 0 of 2073600 pixels"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);

    // Not a PNG at all.
    std::fs::write(dir.path().join("03-c.png"), b"not a png").unwrap();
    let err = check(dir.path(), 3).unwrap_err();
    assert!(err.starts_with("03-c.png: not a PNG"), "{err}");
}
