//! The photo assignment in the headless app: files dropped onto the window are prepared off the
//! main thread, kept in the session's photo folder and journaled; a bad file gets a message and
//! nothing else; the watched folder brings photos in; the wall is driven by keys.

use bevy::prelude::*;
use bevy::window::FileDragAndDrop;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::harness::{Harness, demo_deck};
use cultuurbarbarenspel::app::game::Action;
use cultuurbarbarenspel::app::photos::Photos;
use cultuurbarbarenspel::app::screens::{Phase, Screen};
use cultuurbarbarenspel::photos::{self, Picture, jpeg_with_exif_orientation};
use cultuurbarbarenspel::session::Event;

fn drop_file(h: &mut Harness, path: &Path) {
    h.app
        .world_mut()
        .write_message(FileDragAndDrop::DroppedFile {
            window: Entity::PLACEHOLDER,
            path_buf: path.to_path_buf(),
        });
}

fn photos(h: &Harness) -> &Photos {
    h.app.world().resource::<Photos>()
}

/// Runs the app until `done` holds (at most about ten seconds of waiting).
fn run_until(h: &mut Harness, what: &str, done: impl Fn(&Harness) -> bool) {
    for _ in 0..1000 {
        h.app.update();
        if done(h) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("gave up waiting for {what}");
}

fn added_hashes(h: &Harness) -> Vec<String> {
    h.live()
        .session()
        .unwrap()
        .events()
        .iter()
        .filter_map(|e| match e {
            Event::PhotoAdded { hash, .. } => Some(hash.clone()),
            _ => None,
        })
        .collect()
}

fn picture(w: u32, h: u32, c: [u8; 3]) -> Picture {
    Picture::filled(w, h, c)
}

fn album_dir(h: &Harness) -> PathBuf {
    photos::dir_for_journal(h.live().journal_path().unwrap())
}

#[test]
fn dropped_files_are_kept_then_journaled_and_a_bad_one_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = Harness::with_deck_and_sessions(demo_deck(), tmp.path().join("sessies"));
    h.play_to_first_round();
    let a = tmp.path().join("IMG_0001.jpg");
    let b = tmp.path().join("schets.png");
    let bad = tmp.path().join("kapot.jpg");
    std::fs::write(
        &a,
        jpeg_with_exif_orientation(&picture(120, 80, [200, 20, 20]), 90, 6),
    )
    .unwrap();
    let mut png_bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png_bytes, 50, 40);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header()
            .unwrap()
            .write_image_data(&picture(50, 40, [20, 200, 20]).rgb)
            .unwrap();
    }
    std::fs::write(&b, &png_bytes).unwrap();
    std::fs::write(&bad, b"geen foto").unwrap();
    let journal = h.live().journal_path().unwrap().to_path_buf();
    let events_before = h.live().session().unwrap().events().len();

    drop_file(&mut h, &a);
    drop_file(&mut h, &bad);
    drop_file(&mut h, &b);
    run_until(&mut h, "the batch", |h| photos(h).busy() == 0);

    let hashes = added_hashes(&h);
    assert_eq!(
        hashes,
        vec![
            photos::hash_of(&std::fs::read(&a).unwrap()),
            photos::hash_of(&png_bytes)
        ],
        "the good files, in the order dropped"
    );
    let s = h.live().session().unwrap();
    assert_eq!(s.events().len(), events_before + 2);
    let dir = album_dir(&h);
    for hash in &hashes {
        assert!(dir.join(format!("{hash}.jpg")).is_file());
    }
    assert!(
        dir.join("originelen")
            .join(format!("{}.jpg", hashes[0]))
            .is_file()
    );
    assert!(
        dir.join("originelen")
            .join(format!("{}.png", hashes[1]))
            .is_file()
    );
    // The portrait JPEG (orientation 6) is upright in the thumbnail.
    match photos(&h).thumbs.get(&hashes[0]) {
        Some(cultuurbarbarenspel::app::photos::Thumb::Ready(p)) => {
            assert_eq!((p.width, p.height), (80, 120))
        }
        other => panic!("{other:?}"),
    }
    let msgs = &photos(&h).messages;
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].nl.starts_with("kapot.jpg"), "{msgs:?}");
    let text = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(text.matches("\"PhotoAdded\"").count(), 2);
    // New photos get the first agreed value.
    assert_eq!(s.photos()[0].value, "klant");

    // Ctrl+Z takes the last photo back.
    h.ctrl(KeyCode::KeyZ);
    assert_eq!(h.live().session().unwrap().photos().len(), 1);
}

#[test]
fn dropping_before_a_session_says_why_and_keeps_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = Harness::with_deck_and_sessions(demo_deck(), tmp.path().join("sessies"));
    let a = tmp.path().join("a.jpg");
    std::fs::write(
        &a,
        jpeg_with_exif_orientation(&picture(20, 20, [1, 2, 3]), 90, 1),
    )
    .unwrap();
    drop_file(&mut h, &a);
    h.app.update();
    assert_eq!(photos(&h).busy(), 0);
    assert!(photos(&h).messages[0].nl.contains("sessie"));
}

#[test]
fn the_watched_folder_brings_photos_in_and_the_wall_follows_the_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = Harness::with_deck_and_sessions(demo_deck(), tmp.path().join("sessies"));
    h.play_to_first_round();
    h.reveal_all_choosing(KeyCode::KeyA);
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Debrief));
    h.press(KeyCode::KeyG);
    assert_eq!(h.screen(), Screen::Agreements);
    h.app.update();
    let inbox = album_dir(&h).join(photos::INBOX);
    assert!(
        inbox.is_dir(),
        "the watched folder is made for the photo assignment"
    );
    assert_eq!(photos(&h).inbox(), Some(inbox.as_path()));

    // A colleague copies two pictures in (under a temporary name first, as copy tools do).
    for (i, c) in [[200u8, 30, 30], [30, 30, 200]].into_iter().enumerate() {
        let part = inbox.join(format!(".foto{i}.jpg.part"));
        std::fs::write(
            &part,
            jpeg_with_exif_orientation(&picture(64, 48, c), 90, 1),
        )
        .unwrap();
        std::fs::rename(&part, inbox.join(format!("foto{i}.jpg"))).unwrap();
    }
    run_until(&mut h, "the watched folder", |h| added_hashes(h).len() == 2);
    // Seen once: the same files are not taken again.
    for _ in 0..5 {
        h.app.update();
    }
    assert_eq!(added_hashes(&h).len(), 2);

    h.press(KeyCode::KeyW);
    assert!(photos(&h).wall);
    h.press(KeyCode::ArrowRight);
    assert_eq!(photos(&h).selected, 1);
    h.press(KeyCode::ArrowRight);
    assert_eq!(photos(&h).selected, 0, "it wraps around");
    h.press(KeyCode::Enter);
    assert!(photos(&h).full_screen);
    run_until(&mut h, "the large picture", |h| photos(h).large.is_some());
    h.press(KeyCode::Escape);
    assert!(!photos(&h).full_screen && photos(&h).wall);
    h.press(KeyCode::Escape);
    assert!(!photos(&h).wall);

    // The facilitator's form: a caption for photo 2, then removing photo 1.
    h.click(Action::SelectPhoto(1));
    h.click(Action::DraftPhoto(
        cultuurbarbarenspel::app::photos::PhotoEdit::Caption("Samen aan de balie".into()),
    ));
    h.click(Action::DescribePhoto);
    h.click(Action::RemovePhoto(0));
    let s = h.live().session().unwrap();
    assert_eq!(s.photos()[1].caption, "Samen aan de balie");
    assert_eq!(s.photos_shown().len(), 1);
}
