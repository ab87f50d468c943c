//! What the projector draws: only what the teams may see. Warnings, errors and paths go to the
//! facilitator's window (or its panel), never to the projected view.

use bevy::prelude::*;
use bevy_egui::egui;

use cultuurbarbarenspel::app::game::Action;
use cultuurbarbarenspel::app::projector::drawn_texts;
use cultuurbarbarenspel::app::screens::{Phase, Screen};

use super::harness::{DIGITS, Harness, demo_deck};
use super::hot_reload::save;

/// Every text the projected view draws at 1920×1080 and at 1280×720.
fn projected(h: &mut Harness) -> Vec<String> {
    let mut texts = drawn_texts(h.app.world_mut(), egui::vec2(1920.0, 1080.0));
    texts.extend(drawn_texts(h.app.world_mut(), egui::vec2(1280.0, 720.0)));
    texts
}

fn assert_clean(h: &mut Harness, forbidden: &[String], at: &str) {
    let texts = projected(h);
    assert!(!texts.is_empty(), "{at}: the projector draws something");
    for t in &texts {
        for f in forbidden {
            assert!(
                !t.contains(f.as_str()),
                "{at}: the projector shows {f:?} in {t:?}"
            );
        }
    }
}

#[test]
fn a_resume_with_a_recovered_journal_and_a_reload_error_leave_the_projector_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessies");
    let deck = tmp.path().join("deck.ron");
    let good = std::fs::read_to_string(demo_deck()).unwrap();
    std::fs::write(&deck, &good).unwrap();

    let mut h = Harness::with_deck_and_sessions(deck.clone(), dir.clone());
    h.play_to_first_round();
    let journal = h.live().journal_path().expect("a journal").to_path_buf();
    drop(h);
    // The power went while a line was written: the resume fences the torn tail off.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .unwrap();
    std::io::Write::write_all(&mut f, b"{\"type\":\"TeamChose\",\"te").unwrap();
    drop(f);

    let mut h = Harness::with_deck_and_sessions(deck.clone(), dir);
    h.click(Action::ResumeSession(journal.clone()));
    assert_eq!(h.screen(), Screen::Round);
    // A trainer saves a broken deck while the session runs.
    save(
        &mut h,
        &deck,
        &good.replace("title: \"Klantcontact (demo)\",", "title: \"kapot\""),
    );
    let banner = h
        .notices()
        .banner
        .clone()
        .expect("the reload error is kept");
    assert!(banner.contains(": error: "), "{banner}");
    let notice = h.notices().notice.clone().expect("the recovery is told");
    assert!(notice.contains("nooit bevestigd"), "{notice}");

    let forbidden: Vec<String> = [
        "⚠".to_string(),
        "error".to_string(),
        "nooit bevestigd".to_string(),
        "gaat verder in".to_string(),
        tmp.path().display().to_string(),
        journal.display().to_string(),
        deck.display().to_string(),
    ]
    .into();
    assert_clean(&mut h, &forbidden, "after the resume");
    for d in DIGITS {
        h.press(d);
        h.press(KeyCode::KeyA);
    }
    assert_clean(&mut h, &forbidden, "choosing");
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Reveal));
    assert_clean(&mut h, &forbidden, "the reveal");
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Debrief));
    assert_clean(&mut h, &forbidden, "the debrief");
    h.press(KeyCode::Space);
    assert_clean(&mut h, &forbidden, "after the debrief");

    // The facilitator still has both, until dismissed: Esc the notice, then the warning.
    assert!(h.notices().notice.is_some() && h.notices().banner.is_some());
    h.press(KeyCode::Escape);
    assert_eq!(h.notices().notice, None);
    assert!(h.notices().banner.is_some());
    h.press(KeyCode::Escape);
    assert_eq!(h.notices().banner, None);
}
