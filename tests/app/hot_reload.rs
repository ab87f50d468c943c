//! Editing the deck file while the game runs: a good edit is picked up, a broken one shows its first
//! diagnostic and the game keeps the last good deck.

use std::time::Duration;

use super::harness::{Harness, demo_deck};

fn wait_and_update(h: &mut Harness) {
    // The watcher looks at most once a second (real time).
    std::thread::sleep(Duration::from_millis(1100));
    h.app.update();
}

/// A game on a copy of the demo deck in a temporary folder: (the folder, the copy, its text, the
/// game).
fn on_a_copy() -> (tempfile::TempDir, std::path::PathBuf, String, Harness) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deck.ron");
    let good = std::fs::read_to_string(demo_deck()).expect("demo deck");
    std::fs::write(&path, &good).expect("write");
    let h = Harness::with_deck(path.clone());
    (dir, path, good, h)
}

#[test]
fn a_changed_deck_is_reloaded_and_a_broken_one_keeps_the_last_good() {
    let (_dir, path, good, mut h) = on_a_copy();
    wait_and_update(&mut h);
    assert_eq!(
        h.game().deck.as_ref().map(|d| d.title.as_str()),
        Some("Klantcontact (demo)")
    );

    std::fs::write(
        &path,
        good.replace("Klantcontact (demo)", "Klantcontact (nieuw)"),
    )
    .expect("write");
    wait_and_update(&mut h);
    assert_eq!(
        h.game().deck.as_ref().map(|d| d.title.as_str()),
        Some("Klantcontact (nieuw)")
    );

    std::fs::write(
        &path,
        good.replace("title: \"Klantcontact (demo)\",", "title: \"kapot\""),
    )
    .expect("write");
    wait_and_update(&mut h);
    let banner = h.game().banner.clone().unwrap_or_default();
    assert!(
        banner.contains("deck.ron:"),
        "banner names the file and place: {banner}"
    );
    assert_eq!(
        h.game().deck.as_ref().map(|d| d.title.as_str()),
        Some("Klantcontact (nieuw)"),
        "the last good deck stays"
    );

    std::fs::write(&path, &good).expect("write");
    wait_and_update(&mut h);
    assert_eq!(
        h.game().banner,
        None,
        "the banner goes once the deck is fixed"
    );
    assert_eq!(
        h.game().deck.as_ref().map(|d| d.title.as_str()),
        Some("Klantcontact (demo)")
    );
}

#[test]
fn during_a_session_an_edit_reaches_the_scenarios_still_to_come_only() {
    let (_dir, path, good, mut h) = on_a_copy();
    wait_and_update(&mut h);
    h.play_to_first_round();
    let session = h.live().session.as_ref().unwrap();
    let current = session.current_scenario().unwrap().clone();
    let next = session.next_scenario().unwrap().clone();
    assert_ne!(current.id, next.id);

    // The trainer retitles both the scenario on the screen and the next one.
    let edited = good
        .replace(&current.title, &format!("{} (bewerkt)", current.title))
        .replace(&next.title, &format!("{} (bewerkt)", next.title));
    std::fs::write(&path, edited).expect("write");
    wait_and_update(&mut h);
    let session = h.live().session.as_ref().unwrap();
    assert_eq!(
        session.current_scenario().unwrap().title,
        current.title,
        "the round on the screen keeps its version"
    );
    assert_eq!(
        session.deck().scenario(&next.id).unwrap().title,
        format!("{} (bewerkt)", next.title),
        "the next scenario is the new version"
    );
    assert_eq!(h.game().banner, None);

    // A version that removes the agreed value cannot be taken: banner, and the game goes on.
    std::fs::write(&path, good.replace("\"klant\"", "\"klant2\"")).expect("write");
    wait_and_update(&mut h);
    let banner = h.game().banner.clone().unwrap_or_default();
    assert!(
        banner.contains("deck.ron") && banner.contains("lopende sessie"),
        "{banner}"
    );
    assert_eq!(
        h.live()
            .session
            .as_ref()
            .unwrap()
            .deck()
            .scenario(&next.id)
            .unwrap()
            .title,
        format!("{} (bewerkt)", next.title)
    );
}

#[test]
fn the_folder_watcher_brings_an_edit_in_without_waiting_for_the_next_check() {
    let (_dir, path, good, mut h) = on_a_copy();
    // The timed check has just run: the next one is a second away.
    wait_and_update(&mut h);
    let saved = std::time::Instant::now();
    std::fs::write(
        &path,
        good.replace("Klantcontact (demo)", "Klantcontact (live)"),
    )
    .expect("write");
    let title = |h: &Harness| h.game().deck.as_ref().map(|d| d.title.clone());
    while saved.elapsed() < Duration::from_millis(800)
        && title(&h).as_deref() != Some("Klantcontact (live)")
    {
        std::thread::sleep(Duration::from_millis(20));
        h.app.update();
    }
    assert_eq!(
        title(&h).as_deref(),
        Some("Klantcontact (live)"),
        "the edit arrives through the watcher, within {:?}",
        saved.elapsed()
    );
}
