//! Editing the deck file while the game runs: a good edit is picked up, a broken one shows its first
//! diagnostic and the game keeps the last good deck.

use std::path::Path;
use std::time::{Duration, SystemTime};

use cultuurbarbarenspel::app::decks::DeckWatcher;

use super::harness::{Harness, demo_deck};

/// How long the operating system may take to report a saved file: generous, since a loaded
/// two-core machine is slow, not wrong. A passing test does not wait for it.
const WATCH_TIMEOUT: Duration = Duration::from_secs(30);

fn watcher(h: &Harness) -> &DeckWatcher {
    h.app.world().resource::<DeckWatcher>()
}

/// Saves `text` as the deck the way an editor does, a second later than the last save (so the
/// modification time differs even on a file system with coarse timestamps), waits until the folder
/// watcher reports it, and lets the app run once.
pub(super) fn save(h: &mut Harness, path: &Path, text: &str) {
    let before = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let seen = watcher(h).signals();
    std::fs::write(path, text).expect("write");
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(before + Duration::from_secs(1)))
        .expect("set the modification time");
    let now = watcher(h).wait_for_more_than(seen, WATCH_TIMEOUT);
    assert!(
        now > seen,
        "the folder watcher reported no change within {WATCH_TIMEOUT:?}"
    );
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
    assert_eq!(
        h.draft().deck.as_ref().map(|d| d.title.as_str()),
        Some("Klantcontact (demo)")
    );

    save(
        &mut h,
        &path,
        &good.replace("Klantcontact (demo)", "Klantcontact (nieuw)"),
    );
    assert_eq!(
        h.draft().deck.as_ref().map(|d| d.title.as_str()),
        Some("Klantcontact (nieuw)")
    );

    save(
        &mut h,
        &path,
        &good.replace("title: \"Klantcontact (demo)\",", "title: \"kapot\""),
    );
    let banner = h.notices().banner.clone().unwrap_or_default();
    assert!(
        banner.starts_with(&format!("{}:", path.display())) && banner.contains(": error: "),
        "banner names the file and place: {banner}"
    );
    assert_eq!(
        h.draft().deck.as_ref().map(|d| d.title.as_str()),
        Some("Klantcontact (nieuw)"),
        "the last good deck stays"
    );

    save(&mut h, &path, &good);
    assert_eq!(
        h.notices().banner,
        None,
        "the banner goes once the deck is fixed"
    );
    assert_eq!(
        h.draft().deck.as_ref().map(|d| d.title.as_str()),
        Some("Klantcontact (demo)")
    );
}

#[test]
fn during_a_session_an_edit_reaches_the_scenarios_still_to_come_only() {
    let (_dir, path, good, mut h) = on_a_copy();
    h.play_to_first_round();
    let session = h.live().session().unwrap();
    let current = session.current_scenario().unwrap().clone();
    let next = session.next_scenario().unwrap().clone();
    assert_ne!(current.id, next.id);

    // The trainer retitles both the scenario on the screen and the next one.
    let edited = good
        .replace(&current.title, &format!("{} (bewerkt)", current.title))
        .replace(&next.title, &format!("{} (bewerkt)", next.title));
    save(&mut h, &path, &edited);
    let session = h.live().session().unwrap();
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
    assert_eq!(h.notices().banner, None);

    // A version that removes the agreed value cannot be taken: banner, and the game goes on.
    save(&mut h, &path, &good.replace("\"klant\"", "\"klant2\""));
    let banner = h.notices().banner.clone().unwrap_or_default();
    assert!(
        banner.contains("deck.ron") && banner.contains("lopende sessie"),
        "{banner}"
    );
    assert_eq!(
        h.live()
            .session()
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
    // The timed check ran when the app started: the next one is a second away, so the edit can
    // only arrive in the one update after the watcher's report through the watcher.
    let title = |h: &Harness| h.draft().deck.as_ref().map(|d| d.title.clone());
    assert_eq!(title(&h).as_deref(), Some("Klantcontact (demo)"));
    let started = std::time::Instant::now();
    save(
        &mut h,
        &path,
        &good.replace("Klantcontact (demo)", "Klantcontact (live)"),
    );
    assert_eq!(
        title(&h).as_deref(),
        Some("Klantcontact (live)"),
        "the edit arrives through the watcher ({:?} after saving)",
        started.elapsed()
    );
}
