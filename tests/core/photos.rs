//! The photo assignment's files and events, with real-world-shaped files made here: JPEGs with each
//! EXIF orientation, a phone-sized JPEG, a truncated JPEG, a non-image called .jpg, a decompression
//! bomb PNG, a HEIC and a 0-byte file. The good ones come in upright and downscaled; the bad ones are
//! refused with a message and leave the journal and the photo folder as they were.

use std::path::Path;

use cultuurbarbarenspel_core::deck;
use cultuurbarbarenspel_core::photos::{
    self, Album, DISPLAY_MAX, PhotoError, Picture, apply_orientation, jpeg_with_exif_orientation,
};
use cultuurbarbarenspel_core::report::poster::{
    self, Format, PosterData, PosterPhoto, PosterValue,
};
use cultuurbarbarenspel_core::session::{Event, Session, SessionError};
use cultuurbarbarenspel_core::store::{self, Recorder};

use super::agreements::{mini, played};

const RED: [u8; 3] = [220, 30, 30];
const GREEN: [u8; 3] = [30, 200, 40];
const BLUE: [u8; 3] = [30, 40, 220];
const WHITE: [u8; 3] = [245, 245, 245];

/// A landscape picture as meant: red top left, green top right, blue bottom left, white bottom
/// right.
fn upright(w: u32, h: u32) -> Picture {
    let mut rgb = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            let c = match (x < w / 2, y < h / 2) {
                (true, true) => RED,
                (false, true) => GREEN,
                (true, false) => BLUE,
                (false, false) => WHITE,
            };
            rgb.extend_from_slice(&c);
        }
    }
    Picture {
        width: w,
        height: h,
        rgb,
    }
}

fn close(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) < 40)
}

/// The quadrant colours of a picture (sampled at the quadrants' centres).
fn quadrants(p: &Picture) -> [[u8; 3]; 4] {
    let (w, h) = (p.width, p.height);
    [
        p.pixel(w / 4, h / 4),
        p.pixel(3 * w / 4, h / 4),
        p.pixel(w / 4, 3 * h / 4),
        p.pixel(3 * w / 4, 3 * h / 4),
    ]
}

/// The pixels a phone stores for a picture meant as `pic` when it writes orientation `o`.
fn as_stored(pic: Picture, o: u8) -> Picture {
    let inverse = match o {
        6 => 8,
        8 => 6,
        o => o,
    };
    apply_orientation(pic, inverse)
}

#[test]
fn every_exif_orientation_comes_in_upright() {
    for o in 1..=8u8 {
        let stored = as_stored(upright(96, 64), o);
        let file = jpeg_with_exif_orientation(&stored, 95, u16::from(o));
        let p = photos::prepare(&format!("o{o}.jpg"), file).unwrap();
        assert_eq!(p.orientation, o);
        assert_eq!(p.source_size, (96, 64), "orientation {o}");
        let (display, format, _) = photos::decode("display.jpg", &p.display_jpeg).unwrap();
        assert_eq!(format, photos::Format::Jpeg);
        assert_eq!((display.width, display.height), (96, 64));
        let q = quadrants(&display);
        for (got, want) in q.iter().zip([RED, GREEN, BLUE, WHITE]) {
            assert!(close(*got, want), "orientation {o}: {q:?}");
        }
        let t = quadrants(&p.thumb);
        assert!(close(t[0], RED) && close(t[3], WHITE), "thumb {o}: {t:?}");
    }
}

#[test]
fn a_phone_sized_jpeg_is_turned_and_downscaled_once() {
    // 12 megapixels as the sensor stores them for a portrait picture (orientation 6).
    let meant = upright(3000, 4000);
    let stored = as_stored(meant, 6);
    assert_eq!((stored.width, stored.height), (4000, 3000));
    let file = jpeg_with_exif_orientation(&stored, 80, 6);
    let hash = photos::hash_of(&file);
    let p = photos::prepare("IMG_2041.JPG", file).unwrap();
    assert_eq!(p.hash, hash);
    assert_eq!(p.source_size, (3000, 4000));
    let (display, _, _) = photos::decode("d.jpg", &p.display_jpeg).unwrap();
    assert_eq!((display.width, display.height), (1536, DISPLAY_MAX));
    let q = quadrants(&display);
    assert!(
        close(q[0], RED) && close(q[1], GREEN) && close(q[2], BLUE),
        "{q:?}"
    );
    assert!(p.thumb.width.max(p.thumb.height) <= photos::THUMB_MAX);
    assert!(
        p.display_jpeg.len() < 2_000_000,
        "display copy {} bytes",
        p.display_jpeg.len()
    );
}

/// A PNG with the given IHDR and one small IDAT, with correct checksums.
fn png_with_header(width: u32, height: u32, idat: &[u8]) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.finalize().to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit greyscale, no interlace
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", idat);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A real (small) PNG, written with the png crate.
fn png_file(pic: &Picture) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, pic.width, pic.height);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header()
        .unwrap()
        .write_image_data(&pic.rgb)
        .unwrap();
    out
}

/// A bad file: its name, its bytes, and the refusal it must get.
type BadFile = (&'static str, Vec<u8>, fn(&PhotoError) -> bool);

/// What each bad file is refused with.
fn bad_files() -> Vec<BadFile> {
    let good = jpeg_with_exif_orientation(&upright(200, 150), 90, 1);
    let truncated = good[..good.len() * 6 / 10].to_vec();
    // A zlib stream of a few zero bytes: whatever it holds, the header says 30,000 × 30,000.
    let bomb = png_with_header(
        30_000,
        30_000,
        &[0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01],
    );
    let mut heic = vec![0, 0, 0, 0x18];
    heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    heic.extend_from_slice(&[0; 64]);
    vec![
        ("leeg.jpg", Vec::new(), |e| {
            matches!(e, PhotoError::Empty { .. })
        }),
        ("afgebroken.jpg", truncated, |e| {
            matches!(e, PhotoError::Truncated { .. })
        }),
        (
            "verslag.jpg",
            b"Dit is een tekstbestand, geen foto.\n".to_vec(),
            |e| matches!(e, PhotoError::NotAnImage { .. }),
        ),
        ("bom.png", bomb, |e| {
            matches!(
                e,
                PhotoError::TooLarge {
                    width: 30_000,
                    height: 30_000,
                    ..
                }
            )
        }),
        ("IMG_0001.HEIC", heic, |e| {
            matches!(e, PhotoError::Heic { .. })
        }),
    ]
}

#[test]
fn bad_files_are_refused_with_a_message() {
    for (name, bytes, expected) in bad_files() {
        let e = photos::prepare(name, bytes).unwrap_err();
        assert!(expected(&e), "{name}: {e:?}");
        let msg = e.to_string();
        assert!(msg.starts_with(name), "{msg}");
        assert!(
            msg.len() > name.len() + 20,
            "a sentence that says what to do: {msg}"
        );
    }
    let not_image = photos::prepare("verslag.jpg", b"hallo".to_vec()).unwrap_err();
    assert!(not_image.to_string().contains(".jpg"), "{not_image}");
    let heic = photos::prepare("IMG.HEIC", {
        let mut h = vec![0, 0, 0, 0x18];
        h.extend_from_slice(b"ftypheic");
        h
    })
    .unwrap_err();
    assert!(
        heic.to_string().contains("JPEG"),
        "says how to convert: {heic}"
    );
}

#[test]
fn a_png_with_transparency_comes_in_over_white() {
    let p = photos::prepare("plaatje.png", png_file(&upright(40, 30))).unwrap();
    assert_eq!(p.format, photos::Format::Png);
    let (display, _, _) = photos::decode("d", &p.display_jpeg).unwrap();
    assert!(close(quadrants(&display)[0], RED));
    // A truncated PNG says so.
    let whole = png_file(&upright(400, 300));
    let cut = whole[..whole.len() / 2].to_vec();
    let e = photos::prepare("half.png", cut).unwrap_err();
    assert!(
        matches!(e, PhotoError::Truncated { .. } | PhotoError::Damaged { .. }),
        "{e:?}"
    );
}

/// What the app does with a file: prepare it, keep it in the album's folder, then journal it.
fn import(rec: &mut Recorder, dir: &Path, file: &Path, value: &str) -> Result<String, String> {
    let p = photos::prepare_file(file).map_err(|e| e.to_string())?;
    let ev = Event::PhotoAdded {
        hash: p.hash.clone(),
        caption: String::new(),
        value: value.into(),
        by: "Subgroep 1".into(),
        team: None,
        agreement: None,
    };
    rec.session().check(&ev).map_err(|e| e.to_string())?;
    photos::store(&p, dir).map_err(|e| e.to_string())?;
    rec.apply(ev).map_err(|e| e.to_string())?;
    Ok(p.hash)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walk(dir)
        .iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .collect();
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn good_files_are_kept_before_they_are_journaled_and_bad_ones_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut rec = Recorder::create(tmp.path(), played()).unwrap();
    let journal = rec.path().to_path_buf();
    let album = Album::beside(&journal);
    let dir = album.dir().unwrap().to_path_buf();
    assert_eq!(dir, photos::dir_for_journal(&journal));
    let incoming = tmp.path().join("binnen");
    std::fs::create_dir_all(&incoming).unwrap();

    for (name, bytes, _) in bad_files() {
        let path = incoming.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let before = std::fs::read(&journal).unwrap();
        let e = import(&mut rec, &dir, &path, "klant").unwrap_err();
        assert!(e.starts_with(name), "{e}");
        assert_eq!(std::fs::read(&journal).unwrap(), before, "{name}");
        assert!(files_in(&dir).is_empty(), "{name}: {:?}", files_in(&dir));
    }

    let good = incoming.join("IMG_1001.jpg");
    std::fs::write(
        &good,
        jpeg_with_exif_orientation(&as_stored(upright(300, 200), 3), 90, 3),
    )
    .unwrap();
    let hash = import(&mut rec, &dir, &good, "klant").unwrap();
    assert_eq!(
        files_in(&dir),
        vec![format!("{hash}.jpg"), format!("originelen/{hash}.jpg")]
    );
    assert_eq!(
        std::fs::read(dir.join("originelen").join(format!("{hash}.jpg"))).unwrap(),
        std::fs::read(&good).unwrap()
    );
    // The journal holds the hash and the links, never the image.
    let text = std::fs::read_to_string(&journal).unwrap();
    let line = text.lines().last().unwrap();
    assert!(
        line.contains("\"PhotoAdded\"") && line.contains(&hash),
        "{line}"
    );
    assert!(line.len() < 400, "{line}");
    // The same photo again is refused; the journal stays as it was.
    let before = std::fs::read(&journal).unwrap();
    let again = import(&mut rec, &dir, &good, "team").unwrap_err();
    assert!(again.contains("hangt er al"), "{again}");
    assert_eq!(std::fs::read(&journal).unwrap(), before);
    // The picture reads back upright from the album.
    let pic = album.load(&hash).unwrap();
    assert!(close(quadrants(&pic)[0], RED), "{:?}", quadrants(&pic));
    let (live, j) = rec.into_parts();
    drop(j);
    let (replayed, _) = store::read(&journal).unwrap().replay(None).unwrap();
    assert_eq!(replayed.state(), live.state());
    assert_eq!(replayed.photos()[0].hash, hash);
}

fn added(hash: &str, value: &str, caption: &str) -> Event {
    Event::PhotoAdded {
        hash: hash.into(),
        caption: caption.into(),
        value: value.into(),
        by: "Subgroep 2".into(),
        team: None,
        agreement: None,
    }
}

#[test]
fn photo_events_fold_undo_and_are_checked() {
    let mut s = played();
    let (a, b) = (photos::hash_of(b"a"), photos::hash_of(b"b"));
    s.apply(added(&a, "klant", "  De balie zonder drempel  "))
        .unwrap();
    s.apply(added(&b, "team", "")).unwrap();
    assert_eq!(s.photos()[0].caption, "De balie zonder drempel");
    assert_eq!(s.photos_by_value().len(), 2);
    s.apply(Event::PhotoDescribed {
        photo: 1,
        caption: "Samen koffie".into(),
        value: "klant".into(),
        by: "Subgroep 3".into(),
        agreement: None,
    })
    .unwrap();
    assert_eq!(s.photos_by_value().len(), 1);
    s.apply(Event::PhotoRemoved { photo: 0 }).unwrap();
    assert_eq!(s.photos_shown().len(), 1);
    assert!(s.photo_seen(&a));
    assert_eq!(s.state(), &s.fold_from_scratch());
    // Undo brings the photo back, then the old caption.
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.photos_shown().len(), 2);
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.photos()[1].caption, "");
    assert_eq!(s.photos()[1].value, "team");
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.photos().len(), 1);
    assert_eq!(s.state(), &s.fold_from_scratch());

    let refused = |s: &Session, ev: Event| s.check(&ev).unwrap_err();
    assert!(matches!(
        refused(&s, added("../../etc/passwd", "klant", "")),
        SessionError::Invalid(_)
    ));
    assert!(matches!(
        refused(&s, added(&b, "geen-waarde", "")),
        SessionError::UnknownValue(_)
    ));
    assert!(matches!(
        refused(&s, added(&a, "klant", "")),
        SessionError::NotNow(_)
    ));
    assert!(matches!(
        refused(&s, added(&b, "klant", &"x".repeat(201))),
        SessionError::Invalid(_)
    ));
    assert!(matches!(
        refused(&s, Event::PhotoRemoved { photo: 5 }),
        SessionError::Invalid(_)
    ));
    assert!(matches!(
        refused(
            &s,
            Event::PhotoAdded {
                hash: b.clone(),
                caption: String::new(),
                value: "klant".into(),
                by: String::new(),
                team: None,
                agreement: Some(3),
            }
        ),
        SessionError::Invalid(_)
    ));
    // A journal from before photos loads as before.
    let old = store::read(Path::new("tests/fixtures/journals/format-1.jsonl")).unwrap();
    let (s, _) = old.replay(mini()).unwrap();
    assert!(s.photos().is_empty());
}

#[test]
fn posters_and_pages_show_the_photos_and_a_missing_file_is_a_placeholder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("fotos");
    // A wide photo: drawn into its box without distortion.
    let wide = photos::prepare("breed.png", png_file(&Picture::filled(400, 100, RED))).unwrap();
    photos::store(&wide, &dir).unwrap();
    let album = Album::in_dir(&dir);
    let mut s = played();
    s.apply(added(&wide.hash, "klant", "Breed")).unwrap();
    let missing = photos::hash_of(b"weg");
    s.apply(added(&missing, "klant", "Verdwenen")).unwrap();

    let pics = poster::photos_for_values(&s, &poster::value_order(&s, 0), Some(0), &album);
    assert_eq!(pics[0].len(), 2);
    assert!(pics[0][0].picture.is_ok());
    let why = pics[0][1].picture.clone().unwrap_err();
    assert!(why.contains("ontbreekt"), "{why}");
    // The album says it in both languages.
    let missing_en = album.load(&missing).unwrap_err();
    assert!(missing_en.en.contains("is missing"), "{missing_en:?}");
    assert!(missing_en.nl.contains("ontbreekt"), "{missing_en:?}");
    let data = poster::data_for(&s, 0, None);
    for format in [Format::Screen, Format::A4] {
        let l = poster::layout_with_photos(&data, &pics, format);
        assert!(!l.overflow, "{format:?}");
        assert!(l.lines.iter().any(|t| t.text.contains("foto ontbreekt")));
        let pix = poster::render(&l);
        // The red photo's drawn area keeps its 4 : 1 shape.
        let (w, h) = (pix.width(), pix.height());
        let d = pix.data();
        let (mut x0, mut x1, mut y0, mut y1) = (w, 0, h, 0);
        for y in 0..h {
            for x in 0..w {
                let i = ((y * w + x) * 4) as usize;
                if close([d[i], d[i + 1], d[i + 2]], RED) {
                    x0 = x0.min(x);
                    x1 = x1.max(x);
                    y0 = y0.min(y);
                    y1 = y1.max(y);
                }
            }
        }
        assert!(x1 > x0 && y1 > y0, "{format:?}: the photo is drawn");
        let ratio = (x1 - x0 + 1) as f32 / (y1 - y0 + 1) as f32;
        assert!((ratio - 4.0).abs() < 0.3, "{format:?}: {ratio}");
    }

    let html = cultuurbarbarenspel_core::report::html::render(
        &cultuurbarbarenspel_core::report::Report::new(&s, None, &[]),
        Some(&album),
    );
    assert!(html.contains("data:image/jpeg;base64,"));
    assert!(html.contains("foto ontbreekt") && html.contains("Verdwenen"));
    let manners =
        cultuurbarbarenspel_core::report::manners::html_with_photos(&s, None, Some(&album));
    assert!(manners.contains("data:image/jpeg;base64,") && manners.contains("Breed"));
    let out = tmp.path().join("manieren");
    cultuurbarbarenspel_core::report::manners::write_with_photos(&s, None, &out, false, &album)
        .unwrap();
    assert!(out.join("manieren-a4.png").is_file());
    // A poster without photos is as before.
    let plain = PosterData {
        team: "T".into(),
        colour: [1, 2, 3],
        deck: "D".into(),
        date: None,
        language: deck::Language::Nl,
        values: vec![PosterValue {
            name: "Klant".into(),
            weight: 3,
            meaning: String::new(),
            agreements: Vec::new(),
            behaviours: Vec::new(),
        }],
    };
    assert_eq!(
        poster::layout(&plain, Format::Screen),
        poster::layout_with_photos(&plain, &[Vec::<PosterPhoto>::new()], Format::Screen)
    );
}

#[test]
fn a_report_with_twenty_photos_stays_a_few_megabytes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("fotos");
    let mut s = played();
    let mut noise = 0x2545_f491_u32;
    for i in 0..20u32 {
        // Busy pictures (a gradient with noise) compress worse than most phone photos.
        let (w, h) = (800u32, 600u32);
        let mut rgb = Vec::with_capacity((w * h * 3) as usize);
        for y in 0..h {
            for x in 0..w {
                noise ^= noise << 13;
                noise ^= noise >> 17;
                noise ^= noise << 5;
                let n = (noise & 63) as u8;
                rgb.extend_from_slice(&[
                    ((x * 200 / w) as u8).wrapping_add(n),
                    ((y * 200 / h) as u8).wrapping_add(n / 2),
                    ((i * 12) as u8).wrapping_add(n),
                ]);
            }
        }
        let pic = Picture {
            width: w,
            height: h,
            rgb,
        };
        let p =
            photos::prepare(&format!("{i}.jpg"), jpeg_with_exif_orientation(&pic, 90, 1)).unwrap();
        photos::store(&p, &dir).unwrap();
        let value = if i % 2 == 0 { "klant" } else { "team" };
        s.apply(added(&p.hash, value, &format!("Foto {i}")))
            .unwrap();
    }
    let album = Album::in_dir(&dir);
    let html = cultuurbarbarenspel_core::report::html::render(
        &cultuurbarbarenspel_core::report::Report::new(&s, None, &[]),
        Some(&album),
    );
    assert_eq!(html.matches("data:image/jpeg;base64,").count(), 20);
    assert!(
        html.len() < 5_000_000,
        "report.html is {} bytes with twenty photos",
        html.len()
    );
}
