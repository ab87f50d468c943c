//! One language per session: the demo script played in English draws no Dutch on the projector or
//! in the facilitator's window, and played in Dutch no English.

use bevy_egui::egui;
use std::path::PathBuf;

use super::harness::Harness;
use cultuurbarbarenspel::app::{demo, facilitator, projector};
use cultuurbarbarenspel::lang::messages::Msg;
use cultuurbarbarenspel::lang::phones::PhoneText;
use cultuurbarbarenspel::lang::photos::PhotoText;
use cultuurbarbarenspel::lang::{Key, Lang, T};

/// Words of the one language that the catalogues do not hold on their own, as the game used to
/// write them (the session, the rounds, the photos, the poll).
const KNOWN_DUTCH: &[&str] = &[
    "sessie",
    "ronde",
    "rondes",
    "deelnemers",
    "waarden",
    "foto's",
    "Foto",
    "peiling",
    "Kies",
    "kies",
    "niet",
    "geen",
    "wordt",
    "Tijdstempel",
    "Subgroep",
    "Afspraak",
    "Voorstel",
];
const KNOWN_ENGLISH: &[&str] = &[
    "session",
    "round",
    "rounds",
    "respondents",
    "values",
    "photos",
    "Photo",
    "poll",
    "Choose",
    "choose",
    "the",
    "with",
    "Timestamp",
    "Subgroup",
    "Agreement",
    "Proposal",
];

/// Texts and words of the other language's catalogue entries that are real words in this one too;
/// they are not looked for.
const REAL_IN_BOTH: &[&str] = &["en", "of", "nu", "van", "stand", "want"];

/// The texts of every interface catalogue in `lang`; with `differing`, only those that read
/// differently in the other language.
fn catalogue_texts(lang: Lang, differing: bool) -> Vec<&'static str> {
    fn of<K: Key>(lang: Lang, differing: bool, out: &mut Vec<&'static str>) {
        for &k in K::ALL {
            let (nl, en) = k.pair();
            if nl != en || !differing {
                out.push(lang.pick(nl, en));
            }
        }
    }
    let mut out = Vec::new();
    of::<T>(lang, differing, &mut out);
    of::<Msg>(lang, differing, &mut out);
    of::<PhoneText>(lang, differing, &mut out);
    of::<PhotoText>(lang, differing, &mut out);
    out
}

/// The words of `text`: letters and digits, with the apostrophe of "foto's" inside.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
}

/// What must not appear in a session in `lang`: the other language's catalogue texts, each word
/// of them that no text of `lang` has (words of four letters or more), and the known words.
fn foreign(lang: Lang) -> Vec<&'static str> {
    let other = lang.pick(Lang::En, Lang::Nl);
    let own: std::collections::HashSet<String> = catalogue_texts(lang, false)
        .into_iter()
        .flat_map(words)
        .map(str::to_lowercase)
        .collect();
    let theirs = catalogue_texts(other, true);
    let unique_words = theirs
        .iter()
        .flat_map(|t| words(t))
        .filter(|w| w.chars().count() >= 4 && !own.contains(&w.to_lowercase()));
    let known = other.pick(KNOWN_DUTCH, KNOWN_ENGLISH);
    let mut found: Vec<&str> = theirs
        .iter()
        .copied()
        .filter(|t| t.chars().count() >= 3)
        .chain(unique_words)
        .chain(known.iter().copied())
        .filter(|t| !REAL_IN_BOTH.iter().any(|r| r.eq_ignore_ascii_case(t)))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Whether `needle` stands in `text` as words of its own (not inside a longer word).
/// Capitals do not matter ("Spatie" is "spatie").
fn contains_words(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.to_lowercase(), needle.to_lowercase());
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
    text.match_indices(&needle).any(|(at, _)| {
        !word(text[..at].chars().next_back()) && !word(text[at + needle.len()..].chars().next())
    })
}

/// The foreign strings in what the projector and the facilitator's window draw now.
fn foreign_drawn(h: &mut Harness, words: &[&str]) -> Vec<String> {
    let world = h.app.world_mut();
    let mut drawn = projector::drawn_texts(world, egui::vec2(1920.0, 1080.0));
    drawn.extend(facilitator::drawn_texts(world, egui::vec2(1000.0, 4000.0)));
    drawn
        .iter()
        .flat_map(|text| {
            // Paths are the file system's (the photo inbox is `…-fotos/nieuw` in any language).
            let words_only: Vec<&str> = text
                .split(' ')
                .filter(|t| !t.contains(['/', '\\']))
                .collect();
            let words_only = words_only.join(" ");
            words
                .iter()
                .filter(move |w| contains_words(&words_only, w))
                .map(move |w| format!("{w:?} in {text:?}"))
        })
        .collect()
}

fn posters_running(h: &Harness) -> bool {
    h.app
        .world()
        .resource::<cultuurbarbarenspel::app::poster_job::PosterJob>()
        .progress()
        .is_some()
}

/// Plays the demo script on `deck` in `lang` and returns, per step, the foreign strings drawn.
fn play_demo(deck: &str, lang: Lang) -> Vec<String> {
    let deck_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(deck);
    let deck = cultuurbarbarenspel::deck::load_deck(&deck_path).expect("demo deck");
    assert_eq!(deck.language, lang);
    let dir = tempfile::tempdir().expect("temp dir");
    let poll = dir.path().join(lang.pick("peiling.csv", "poll.csv"));
    std::fs::write(&poll, demo::poll_csv(&deck)).expect("poll");
    demo::write_photos(&poll).expect("photos");
    let sessions = dir.path().join(lang.pick("sessies", "sessions"));
    let mut h = Harness::with_deck_and_sessions(deck_path, sessions);
    // As `play --deck`: the deck given sets the language.
    cultuurbarbarenspel::app::init_lang(&mut h.app, None, true);
    h.update();
    let words = foreign(lang);
    let mut found = foreign_drawn(&mut h, &words);
    for (i, step) in demo::script(&deck, &poll).into_iter().enumerate() {
        for a in step.actions {
            h.app.world_mut().write_message(a);
        }
        h.update();
        h.update();
        assert_eq!((h.screen(), h.phase()), step.expect, "step {}", i + 1);
        // The posters are made on another thread; what they say when done is drawn too.
        let started = std::time::Instant::now();
        while posters_running(&h) && started.elapsed() < std::time::Duration::from_secs(60) {
            std::thread::sleep(std::time::Duration::from_millis(20));
            h.update();
        }
        found.extend(
            foreign_drawn(&mut h, &words)
                .into_iter()
                .map(|f| format!("step {} {:?}: {f}", i + 1, step.shots)),
        );
    }
    found
}

#[test]
fn an_english_session_draws_no_dutch() {
    let found = play_demo("tests/fixtures/app-demo.en.ron", Lang::En);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_dutch_session_draws_no_english() {
    let found = play_demo("tests/fixtures/app-demo.ron", Lang::Nl);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_dictionaries_hold_what_the_game_used_to_say() {
    let dutch = foreign(Lang::En);
    for said in [
        "Er is nog niets om ongedaan te maken.",
        "Onze foto's",
        "Telefoons",
    ] {
        assert!(dutch.contains(&said), "{said}");
    }
    assert!(contains_words(
        "De deckmap is x; openen lukte niet (y).",
        "niet"
    ));
    assert!(!contains_words("Internet", "net"));
}

#[test]
fn the_language_is_lang_else_the_deck_given_else_the_title_screens() {
    use cultuurbarbarenspel::app::i18n::UiLang;
    use cultuurbarbarenspel::app::init_lang;
    let levels = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("levels");
    let lang_of = |h: &Harness| h.app.world().resource::<UiLang>().0;

    // `--deck klantcontact.en.ron`: English.
    let mut h = Harness::with_deck(levels.join("klantcontact.en.ron"));
    init_lang(&mut h.app, None, true);
    h.update();
    assert_eq!(lang_of(&h), Lang::En);

    // `--lang nl --deck klantcontact.en.ron`: Dutch, and the deck follows to its Dutch version.
    let mut h = Harness::with_deck(levels.join("klantcontact.en.ron"));
    init_lang(&mut h.app, Some(Lang::Nl), true);
    h.update();
    assert_eq!(lang_of(&h), Lang::Nl);
    let game = h.draft();
    assert_eq!(game.deck.as_ref().map(|d| d.language), Some(Lang::Nl));
    assert!(
        game.deck_path
            .as_ref()
            .unwrap()
            .ends_with("klantcontact.nl.ron")
    );

    // No deck given and no `--lang`: the Title screen decides (Dutch until then).
    let mut h = Harness::with_deck(levels.join("klantcontact.en.ron"));
    init_lang(&mut h.app, None, false);
    h.update();
    assert_eq!(lang_of(&h), Lang::Nl);
    h.click(cultuurbarbarenspel::app::game::Action::SetLanguage(
        Lang::En,
    ));
    assert_eq!(lang_of(&h), Lang::En);
}

/// A Dutch deck without a translation, played with an English interface: the session core's
/// refusals and "no session" are told in English, the interface's language, not the deck's.
#[test]
fn refusals_speak_the_interfaces_language_not_the_decks() {
    use cultuurbarbarenspel::app::i18n::UiLang;
    use cultuurbarbarenspel::app::session_link::Live;
    use cultuurbarbarenspel::session::Event;

    let tmp = tempfile::tempdir().unwrap();
    let deck = tmp.path().join("decks").join("alleen-nederlands.ron");
    std::fs::create_dir_all(deck.parent().unwrap()).unwrap();
    std::fs::copy(super::harness::demo_deck(), &deck).unwrap();
    let mut h = Harness::with_deck(deck);
    h.app.insert_resource(UiLang(Lang::En));
    h.update();
    let apply = |h: &mut Harness, ev| h.app.world_mut().resource_mut::<Live>().apply(ev);
    assert_eq!(
        apply(&mut h, Event::Revealed).unwrap_err(),
        Msg::NoSession.tr(Lang::En)
    );
    h.play_to_first_round_on_any_deck();
    let s = h.live().session().expect("a session");
    assert_eq!(s.deck().language, Lang::Nl, "the deck stays Dutch");
    h.press(bevy::input::keyboard::KeyCode::Space);
    h.press(bevy::input::keyboard::KeyCode::Space);
    let why = apply(&mut h, Event::Revealed).unwrap_err();
    assert!(why.starts_with("Not every team has chosen yet"), "{why}");
}
