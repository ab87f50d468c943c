//! `demo --screenshots DIR`: a short scripted session through every screen, one PNG per screen.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use super::DemoOptions;
use super::GameSystems;
use super::action::Action;
use super::facilitator::FacilitatorWindow;
use super::screens::{Phase, Screen};
use crate::bi;
use crate::deck::{Deck, Key};
use crate::lang::cli::CliText;
use crate::lang::{Bi, Key as _, Lang};

/// The demo's deck when no default deck can be found or written.
pub const FALLBACK_DECK: &str = "tests/fixtures/app-demo.ron";
/// The scripted session plays this many rounds, so the deck needs at least as many scenarios.
pub const ROUNDS: usize = 2;

/// Which window a step photographs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shot {
    Projector,
    Facilitator,
}

/// One step of the script: actions, then pictures of the screen they must lead to.
#[derive(Debug, Clone)]
pub struct Step {
    pub actions: Vec<Action>,
    /// The screen (and round phase) the actions lead to; the demo fails when it is not showing.
    pub expect: (Screen, Option<Phase>),
    pub shots: Vec<(&'static str, Shot)>,
    /// Switch to one window with the controls in a side panel (as `--single-window`).
    pub single_window: bool,
}

fn step(
    actions: Vec<Action>,
    expect: (Screen, Option<Phase>),
    shots: &[(&'static str, Shot)],
) -> Step {
    Step {
        actions,
        expect,
        shots: shots.to_vec(),
        single_window: false,
    }
}

/// A pre-session poll for `deck`: its first three values rated 5, 4 and 3 by two respondents, so
/// the proposal is weights 3, 2 and 1 (the same values the script would pick by hand), plus a
/// timestamp column that matches no value.
pub fn poll_csv(deck: &crate::deck::Deck) -> String {
    let names: Vec<&str> = deck
        .values
        .iter()
        .take(3)
        .map(|v| v.name.as_str())
        .collect();
    let stamp = deck.language.pick("Tijdstempel", "Timestamp");
    let mut csv = format!("{stamp};{}\n", names.join(";"));
    for (i, minute) in ["09:01", "09:04"].iter().enumerate() {
        let ratings: Vec<String> = (0..names.len()).map(|v| (5 - v).to_string()).collect();
        csv.push_str(&format!("2026-11-22 {minute}:0{i};{}\n", ratings.join(";")));
    }
    csv
}

/// The scripted session: two rounds with four teams, one of them with a 40-character name. The
/// values come from the poll at `poll` (see [`poll_csv`]).
pub fn script(deck: &crate::deck::Deck, poll: &std::path::Path) -> Vec<Step> {
    use super::photos::PhotoEdit;
    use crate::app::action::DraftEdit;
    let nl_deck = deck.language == crate::deck::Language::Nl;
    let subgroup = |i: usize| {
        if nl_deck {
            format!("Subgroep {i}")
        } else {
            format!("Subgroup {i}")
        }
    };
    use crate::session::{AgreementKind, AgreementStatus, Went};
    use Action::*;
    use Shot::*;
    // The draw decides which scenarios come, so the script chooses among the keys that every
    // scenario of the deck has; the choices cycle through them, so the reveal shows several.
    let keys: Vec<Key> = Key::ALL
        .into_iter()
        .filter(|k| {
            deck.scenarios
                .iter()
                .all(|s| s.behaviours.iter().any(|b| b.key == *k))
        })
        .collect();
    // The last two teams choose alike, so one behaviour stays unchosen: the reveal can show its
    // consequence on request (W).
    let plan: Vec<String> = deck
        .start
        .iter()
        .cloned()
        .chain(deck.scenarios.last().map(|s| s.id.clone()))
        .fold(Vec::new(), |mut v, id| {
            if !v.contains(&id) {
                v.push(id);
            }
            v
        });
    let choose_all = |round: usize, teams: usize| -> Vec<Action> {
        (0..teams)
            .filter(|_| !keys.is_empty())
            .map(|t| Choose {
                team: t,
                key: keys[(t.min(teams.saturating_sub(2)) + round) % keys.len()],
            })
            .collect()
    };
    let nl = deck.language == crate::deck::Language::Nl;
    let note = if nl {
        "Herkenbaar: bij ons gebeurt dit aan de telefoon vaker dan aan de balie."
    } else {
        "Familiar: with us this happens more often on the phone than at the desk."
    };
    let proposals: [(AgreementKind, &str, &str); 3] = if nl {
        [
            (
                AgreementKind::Behaviour,
                "Subgroep 1",
                "Bij ons belt wie een klacht aanneemt de burger binnen twee werkdagen zelf terug.",
            ),
            (
                AgreementKind::Ritual,
                "Subgroep 2",
                "Elke maandag tien minuten: welk klantgesprek ging goed, en waarom?",
            ),
            (
                AgreementKind::Symbol,
                "Subgroep 3",
                "Een bordje bij de balie: \"Vraag het ons gewoon.\"",
            ),
        ]
    } else {
        [
            (
                AgreementKind::Behaviour,
                "Subgroup 1",
                "Whoever takes a complaint calls the resident back personally within two working days.",
            ),
            (
                AgreementKind::Ritual,
                "Subgroup 2",
                "Every Monday, ten minutes: which customer conversation went well, and why?",
            ),
            (
                AgreementKind::Symbol,
                "Subgroup 3",
                "A sign at the desk: \"Just ask us.\"",
            ),
        ]
    };
    // The second name has 40 characters.
    let team_names = if nl {
        [
            "De Klantvrienden",
            "Het team met een naam van veertig tekens",
            "Backoffice",
            "Balie",
        ]
    } else {
        [
            "The Customer Friends",
            "The team whose name has forty characters",
            "Back Office",
            "Front Desk",
        ]
    };
    let revised = if nl {
        "Elke maandag tien minuten staan: welk klantgesprek ging goed, en wat nemen we mee?"
    } else {
        "Every Monday, ten minutes standing: which customer conversation went well, and what do we keep?"
    };
    vec![
        step(
            vec![],
            (Screen::Title, None),
            &[
                ("01-title", Projector),
                ("01-title-facilitator", Facilitator),
            ],
        ),
        step(
            vec![
                Next,
                AddTeam,
                RenameTeam(0, team_names[0].into()),
                RenameTeam(1, team_names[1].into()),
                RenameTeam(2, team_names[2].into()),
                RenameTeam(3, team_names[3].into()),
                SetRounds(ROUNDS),
                SetDiscussSeconds(150),
            ],
            (Screen::Setup, None),
            &[
                ("02-setup", Projector),
                ("02-setup-facilitator", Facilitator),
            ],
        ),
        // The rules for the participants, once at the start.
        step(
            vec![ToggleRules],
            (Screen::Setup, None),
            &[("02a-rules", Projector)],
        ),
        // The session plan: the deck's recommended start, then the last scenario of the deck.
        step(
            std::iter::once(ToggleRules)
                .chain(plan.iter().map(|id| PlanToggle(id.clone())))
                .collect(),
            (Screen::Setup, None),
            &[("02b-plan-facilitator", Facilitator)],
        ),
        step(
            vec![
                Next,
                SetPollPath(poll.display().to_string()),
                ImportPoll,
                ShowPoll(true),
            ],
            (Screen::Values, None),
            &[("03a-poll", Projector)],
        ),
        step(
            [vec![ShowPoll(false), ApplyPoll(0)], own_value(deck)].concat(),
            (Screen::Values, None),
            &[
                ("03-values", Projector),
                ("03-values-facilitator", Facilitator),
            ],
        ),
        step(
            vec![
                // The group's own value (added in the step before) is agreed too.
                ToggleValue {
                    set: 0,
                    value: "eigen-1".into(),
                },
                Next,
            ],
            (Screen::Round, Some(Phase::Scenario)),
            &[
                ("04-scenario", Projector),
                ("04-scenario-facilitator", Facilitator),
            ],
        ),
        // The teams' phones: the QR code on the projector, the phones window for the facilitator
        // (on loopback: the demo opens nothing to the network), then off again.
        step(
            vec![Phones(super::phones::PhonesAction::StartOn(
                std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            ))],
            (Screen::Round, Some(Phase::Scenario)),
            &[
                ("04b-phones", Projector),
                ("04b-phones-facilitator", Facilitator),
            ],
        ),
        step(
            vec![Phones(super::phones::PhonesAction::Toggle)],
            (Screen::Round, Some(Phase::Scenario)),
            &[],
        ),
        step(
            vec![Next],
            (Screen::Round, Some(Phase::Discuss)),
            &[("05-discuss", Projector)],
        ),
        step(
            [vec![Next], choose_all(0, 4).into_iter().take(2).collect()].concat(),
            (Screen::Round, Some(Phase::Choose)),
            &[
                ("06-choose", Projector),
                ("06-choose-facilitator", Facilitator),
            ],
        ),
        step(
            [choose_all(0, 4), vec![Next]].concat(),
            (Screen::Round, Some(Phase::Reveal)),
            &[
                ("07-reveal", Projector),
                ("07-reveal-facilitator", Facilitator),
            ],
        ),
        step(
            vec![ToggleAllConsequences],
            (Screen::Round, Some(Phase::Reveal)),
            &[("07b-reveal-all-consequences", Projector)],
        ),
        step(
            vec![
                Next,
                DraftAgreement(DraftEdit::Note {
                    round: 0,
                    question: 0,
                    text: note.into(),
                }),
                SaveNote {
                    round: 0,
                    question: 0,
                },
            ],
            (Screen::Round, Some(Phase::Debrief)),
            &[
                ("08-debrief", Projector),
                ("08-debrief-facilitator", Facilitator),
            ],
        ),
        step(
            vec![Next],
            (Screen::Scoreboard, None),
            &[("09-scoreboard", Projector)],
        ),
        step(
            [
                vec![Next, Next, Next],
                choose_all(1, 4),
                vec![Next, Next, Next],
            ]
            .concat(),
            (Screen::Agreements, None),
            &[("10a-checklist", Projector)],
        ),
        step(
            proposals
                .iter()
                .enumerate()
                .flat_map(|(i, (kind, by, text))| {
                    // The values the poll put first, one per proposal.
                    let value = deck.values[i % deck.values.len()].id.clone();
                    [
                        DraftAgreement(DraftEdit::Value(value)),
                        DraftAgreement(DraftEdit::Text((*text).into())),
                        DraftAgreement(DraftEdit::Kind(*kind)),
                        DraftAgreement(DraftEdit::By((*by).into())),
                        DraftAgreement(DraftEdit::Meets(0, true)),
                        DraftAgreement(DraftEdit::Meets(2, true)),
                        ProposeAgreement,
                    ]
                })
                .collect(),
            (Screen::Agreements, None),
            &[
                ("10b-proposals", Projector),
                ("10b-proposals-facilitator", Facilitator),
            ],
        ),
        step(
            vec![
                DecideAgreement(0, AgreementStatus::Adopted),
                DraftAgreement(DraftEdit::Text(revised.into())),
                ReviseAgreement(1),
                DecideAgreement(1, AgreementStatus::Adopted),
                DecideAgreement(2, AgreementStatus::Dropped),
            ],
            (Screen::Agreements, None),
            &[("10c-adopted", Projector)],
        ),
        // The photo assignment: four generated pictures dropped in, captioned per value, the wall
        // and one photo full screen.
        step(
            vec![
                DraftPhoto(PhotoEdit::By(subgroup(1))),
                ImportPhotos(photo_files(poll)),
            ],
            (Screen::Agreements, None),
            &[],
        ),
        step(
            photo_captions(deck)
                .into_iter()
                .enumerate()
                .flat_map(|(i, (value, caption, by))| {
                    [
                        SelectPhoto(i),
                        DraftPhoto(PhotoEdit::Caption(caption)),
                        DraftPhoto(PhotoEdit::Value(value)),
                        DraftPhoto(PhotoEdit::By(by)),
                        DescribePhoto,
                    ]
                })
                .chain([TogglePhotoWall])
                .collect(),
            (Screen::Agreements, None),
            &[
                ("10d-photo-wall", Projector),
                ("10d-photo-wall-facilitator", Facilitator),
            ],
        ),
        step(
            vec![PhotoStep(1), TogglePhotoFull],
            (Screen::Agreements, None),
            &[("10e-photo-full", Projector)],
        ),
        step(
            vec![TogglePhotoFull, TogglePhotoWall],
            (Screen::Agreements, None),
            &[],
        ),
        step(
            vec![Next],
            (Screen::Final, None),
            &[("10-final", Projector)],
        ),
        step(
            vec![SavePosters],
            (Screen::Final, None),
            &[("10-final-facilitator", Facilitator)],
        ),
        step(
            vec![ToggleHelp],
            (Screen::Final, None),
            &[("11-help-facilitator", Facilitator)],
        ),
        Step {
            single_window: true,
            ..step(
                vec![ToggleHelp],
                (Screen::Final, None),
                &[("12-single-window", Projector)],
            )
        },
        // The next session of the trajectory, on another deck: it opens with a look back at the
        // agreements in force.
        step(
            [vec![ContinueCurrent], other_deck(deck)].concat(),
            (Screen::Setup, None),
            &[("13-continue", Projector)],
        ),
        step(
            vec![
                Next,
                ReviewAgreement(0, Went::Done),
                ReviewAgreement(1, Went::Partly),
            ],
            (Screen::Review, None),
            &[("14-review", Projector)],
        ),
    ]
}

/// The group's own value in the demo: in its own words, linked to the deck's fourth value.
fn own_value(deck: &crate::deck::Deck) -> Vec<Action> {
    use crate::app::action::ValueEdit;
    let nl = deck.language == crate::deck::Language::Nl;
    let (name, meaning) = if nl {
        (
            "Menselijk",
            "We zien eerst de mens en dan pas het formulier.",
        )
    } else {
        ("Human", "We see the person first, and the form second.")
    };
    vec![
        Action::DraftValue(ValueEdit::Name(name.into())),
        Action::DraftValue(ValueEdit::Meaning(meaning.into())),
        Action::DraftValue(ValueEdit::Link(
            deck.values
                .get(3)
                .or(deck.values.last())
                .map(|v| v.id.clone()),
        )),
        Action::AddOwnValue,
    ]
}

/// Another deck of the demo deck's folder in its language, when there is one (the trajectory's
/// next session plays it); else the session continues on the same deck.
fn other_deck(deck: &crate::deck::Deck) -> Vec<Action> {
    let code = match deck.language {
        crate::deck::Language::Nl => "nl",
        crate::deck::Language::En => "en",
    };
    let other = PathBuf::from(format!("levels/rituelen.{code}.ron"));
    if deck.id != "rituelen" && other.exists() {
        vec![Action::PickDeck(other)]
    } else {
        Vec::new()
    }
}

/// The demo's photos: generated pictures beside the poll file (see [`write_photos`]).
pub fn photo_files(poll: &Path) -> Vec<PathBuf> {
    (1..=4)
        .map(|i| poll.with_file_name(format!("IMG_{:04}.jpg", 2040 + i)))
        .collect()
}

/// A caption, value and subgroup for each demo photo (values the poll put first).
fn photo_captions(deck: &crate::deck::Deck) -> Vec<(String, String, String)> {
    let nl = deck.language == crate::deck::Language::Nl;
    let captions: [(&str, &str); 4] = if nl {
        [
            ("De balie zonder drempel", "Subgroep 1"),
            ("Even bellen in plaats van mailen", "Subgroep 2"),
            ("Samen de maandagstart", "Subgroep 2"),
            ("Het bordje bij de ingang", "Subgroep 3"),
        ]
    } else {
        [
            ("The desk without a threshold", "Subgroup 1"),
            ("A call instead of an email", "Subgroup 2"),
            ("Monday's start together", "Subgroup 2"),
            ("The sign at the entrance", "Subgroup 3"),
        ]
    };
    captions
        .iter()
        .enumerate()
        .map(|(i, (c, by))| {
            let value = deck.values[[0, 1, 1, 2][i] % deck.values.len()].id.clone();
            (value, c.to_string(), by.to_string())
        })
        .collect()
}

/// Draws the demo's photos (simple scenes: a sky, a floor, a sun, a table and people as circles)
/// and writes them as JPEGs, one of them stored turned as a phone does (EXIF orientation 6).
pub fn write_photos(poll: &Path) -> std::io::Result<()> {
    use crate::photos::{Picture, apply_orientation, jpeg_with_exif_orientation};
    let palettes: [([u8; 3], [u8; 3], [u8; 3]); 4] = [
        ([120, 170, 220], [200, 180, 150], [230, 159, 0]),
        ([90, 140, 200], [160, 170, 160], [0, 158, 115]),
        ([250, 200, 150], [140, 110, 90], [213, 94, 0]),
        ([180, 210, 235], [120, 150, 110], [86, 180, 233]),
    ];
    for (i, path) in photo_files(poll).iter().enumerate() {
        let (sky, floor, accent) = palettes[i % palettes.len()];
        let (w, h) = if i == 2 {
            (900u32, 1200u32)
        } else {
            (1600, 1200)
        };
        let mut rgb = Vec::with_capacity((w * h * 3) as usize);
        let people: Vec<(f32, f32, f32)> = (0..3 + i)
            .map(|k| {
                let x = w as f32 * (0.2 + 0.6 * k as f32 / (2 + i) as f32);
                (x, h as f32 * 0.62, h as f32 * 0.07)
            })
            .collect();
        for y in 0..h {
            for x in 0..w {
                let (xf, yf) = (x as f32, y as f32);
                let horizon = h as f32 * 0.55;
                let mut c = if yf < horizon {
                    let t = yf / horizon;
                    [
                        (f32::from(sky[0]) * (1.0 - 0.3 * t)) as u8,
                        (f32::from(sky[1]) * (1.0 - 0.2 * t)) as u8,
                        sky[2],
                    ]
                } else {
                    floor
                };
                let sun = ((xf - w as f32 * 0.8).powi(2) + (yf - h as f32 * 0.18).powi(2)).sqrt();
                if sun < h as f32 * 0.08 {
                    c = [250, 220, 90];
                }
                let table = yf > h as f32 * 0.7 && yf < h as f32 * 0.76;
                if table && xf > w as f32 * 0.15 && xf < w as f32 * 0.85 {
                    c = accent;
                }
                for &(px, py, r) in &people {
                    let head = ((xf - px).powi(2) + (yf - py).powi(2)).sqrt() < r;
                    let body = (xf - px).abs() < r * 1.3 && yf > py + r && yf < py + r * 4.0;
                    if head {
                        c = [240, 200, 170];
                    } else if body {
                        c = [accent[2], accent[0], accent[1]];
                    }
                }
                rgb.extend_from_slice(&c);
            }
        }
        let pic = Picture {
            width: w,
            height: h,
            rgb,
        };
        let bytes = if i == 1 {
            // The phone keeps the sensor's pixels and says "turn a quarter to the right".
            jpeg_with_exif_orientation(&apply_orientation(pic, 8), 90, 6)
        } else {
            jpeg_with_exif_orientation(&pic, 90, 1)
        };
        std::fs::write(path, bytes)?;
    }
    Ok(())
}

/// Copies the first team's 1920×1080 poster (saved on the final screen) into the screenshots
/// folder, so the demo shows a poster with its photos.
fn copy_poster(sessions: &Path, screenshots: &Path) -> Result<PathBuf, String> {
    let poster = std::fs::read_dir(sessions)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir() && p.to_string_lossy().ends_with("-posters"))
        .flat_map(|d| {
            std::fs::read_dir(d)
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
        })
        .map(|e| e.path())
        .find(|p| {
            let n = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            n.starts_with("poster-1-") && n.ends_with("-1920x1080.png")
        })
        .ok_or("no poster-1-…-1920x1080.png")?;
    let to = screenshots.join("13-poster-photos.png");
    std::fs::copy(&poster, &to).map_err(|e| e.to_string())?;
    Ok(to)
}

#[derive(Resource)]
struct DemoState {
    dir: PathBuf,
    steps: Vec<Step>,
    index: usize,
    /// When the current step's actions were sent.
    since: Option<Duration>,
    frames: u32,
    pending: usize,
    total_frames: u32,
}

#[derive(Resource, Default, Clone)]
struct Saved(std::sync::Arc<std::sync::atomic::AtomicUsize>);

/// Frames and time to let a step settle (state change, layout, animations) before the picture.
const SETTLE_FRAMES: u32 = 6;
const SETTLE_TIME: Duration = Duration::from_millis(1200);
const MAX_FRAMES: u32 = 5000;

#[allow(clippy::too_many_arguments)]
fn drive(
    mut commands: Commands,
    mut state: ResMut<DemoState>,
    saved: Res<Saved>,
    time: Res<Time<Real>>,
    mut actions: MessageWriter<Action>,
    facilitator: Query<Entity, (With<Window>, With<FacilitatorWindow>)>,
    mut exit: MessageWriter<AppExit>,
    mut layout: ResMut<super::facilitator::Layout>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<Phase>>>,
    photos: Res<super::photos::Photos>,
    posters: Res<super::poster_job::PosterJob>,
) {
    state.total_frames += 1;
    if state.total_frames > MAX_FRAMES {
        error!(
            "demo: gave up after {MAX_FRAMES} frames at step {}",
            state.index + 1
        );
        exit.write(AppExit::error());
        return;
    }
    let now = time.elapsed();
    let done = saved.0.load(std::sync::atomic::Ordering::SeqCst);
    if state.pending > 0 {
        if done >= state.pending {
            state.pending = 0;
            state.index += 1;
            state.since = None;
        }
        return;
    }
    let Some(step) = state.steps.get(state.index).cloned() else {
        exit.write(AppExit::Success);
        return;
    };
    let Some(since) = state.since else {
        for a in step.actions {
            actions.write(a);
        }
        if step.single_window {
            layout.single_window = true;
        }
        state.since = Some(now);
        state.frames = 0;
        return;
    };
    state.frames += 1;
    // Posters being made on another thread: the picture waits for them.
    if posters.progress().is_some() {
        state.since = Some(now);
        return;
    }
    // Photos being prepared settle too (the pictures show what was dropped).
    if state.frames < SETTLE_FRAMES
        || now - since < SETTLE_TIME
        || photos.busy() + photos.loading() > 0
    {
        return;
    }
    let showing = (*screen.get(), phase.map(|p| *p.get()));
    if showing != step.expect {
        error!(
            "demo: step {} should show {:?} but shows {:?}",
            state.index + 1,
            step.expect,
            showing
        );
        exit.write(AppExit::error());
        return;
    }
    let mut expected = done;
    for (name, which) in &step.shots {
        let path = state.dir.join(format!("{name}.png"));
        let shot = match which {
            Shot::Projector => Screenshot::primary_window(),
            Shot::Facilitator => match facilitator.single() {
                Ok(w) => Screenshot::window(w),
                Err(_) => continue,
            },
        };
        let counter = saved.0.clone();
        let mut save = save_to_disk(path);
        commands.spawn(shot).observe(
            move |ev: On<bevy::render::view::screenshot::ScreenshotCaptured>| {
                save(ev);
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            },
        );
        expected += 1;
    }
    state.pending = expected.max(1);
    if expected == done {
        state.pending = 0;
        state.index += 1;
        state.since = None;
    }
}

fn parse_size(s: &str) -> Option<(u32, u32)> {
    let (w, h) = s.split_once(['x', 'X'])?;
    let (w, h) = (w.trim().parse().ok()?, h.trim().parse().ok()?);
    ((320..=8192).contains(&w) && (240..=8192).contains(&h)).then_some((w, h))
}

pub fn demo_deck() -> PathBuf {
    if let Ok(deck) = crate::deck::builtin::default_deck() {
        deck
    } else {
        PathBuf::from(FALLBACK_DECK)
    }
}

/// The demo's window size, deck file and deck.
type Prepared = ((u32, u32), PathBuf, Deck);

/// The demo's size, deck file and deck, or the exit status and why not.
fn prepare(opts: &DemoOptions) -> Result<Prepared, (u8, Bi)> {
    let Some(size) = parse_size(&opts.size) else {
        let size = &opts.size;
        return Err((
            2,
            bi!(
                "--size moet BREEDTExHOOGTE zijn, bijvoorbeeld 1920x1080 (niet {size:?})",
                "--size must be WIDTHxHEIGHT, for example 1920x1080 (not {size:?})"
            ),
        ));
    };
    if let Err(e) = std::fs::create_dir_all(&opts.screenshots) {
        return Err((1, Bi::same(format!("{}: {e}", opts.screenshots.display()))));
    }
    let mut deck_path = opts.deck.clone().unwrap_or_else(demo_deck);
    // In another language than the deck's: the same deck in that language, when there is one.
    if let Some(lang) = opts.lang
        && let Some(other) = super::decks::DeckList::scan(&super::levels_folder(Some(&deck_path)))
            .translation_of(&deck_path, lang)
    {
        deck_path = other.path.clone();
    }
    let deck = super::decks::load(&deck_path).map_err(|e| (1, e))?;
    if deck.scenarios.len() < ROUNDS {
        let (path, n) = (deck_path.display(), deck.scenarios.len());
        return Err((
            1,
            bi!(
                "de demo speelt {ROUNDS} rondes en heeft een deck met minstens {ROUNDS} scenario's nodig; {path} heeft er {n}",
                "the demo plays {ROUNDS} rounds and needs a deck with at least {ROUNDS} scenarios; {path} has {n}"
            ),
        ));
    }
    Ok((size, deck_path, deck))
}

pub fn run(opts: DemoOptions) -> ExitCode {
    // The terminal's messages: `--lang`, else the environment's language.
    let lang = opts.lang.unwrap_or_else(Lang::from_env);
    let error = CliText::Error.tr(lang);
    let (size, deck_path, deck) = match prepare(&opts) {
        Ok(ready) => ready,
        Err((code, why)) => {
            eprintln!("{error}: {}", why.text(lang));
            return ExitCode::from(code);
        }
    };
    let sizes = super::windows::WindowSizes {
        projector: size,
        facilitator: (1000, 900),
        exact: true,
    };
    let mut app = match super::open_windowed_app(sizes, false, lang) {
        Ok(app) => app,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::from(1);
        }
    };
    let sessions =
        std::env::temp_dir().join(format!("cultuurbarbarenspel-demo-{}", std::process::id()));
    let poll = sessions.join(deck.language.pick("peiling.csv", "poll.csv"));
    if let Err(e) = std::fs::create_dir_all(&sessions)
        .and_then(|()| std::fs::write(&poll, poll_csv(&deck)))
        .and_then(|()| write_photos(&poll))
    {
        eprintln!("{error}: {}: {e}", poll.display());
        return ExitCode::from(1);
    }
    super::init_game(&mut app, Some(deck_path), Some(sessions.clone()));
    super::init_lang(&mut app, opts.lang, true);
    // The render policy would put the demo to sleep between steps; keep it rendering.
    app.insert_resource(super::render::KeepRendering)
        .insert_resource(Saved::default())
        .insert_resource(DemoState {
            dir: opts.screenshots.clone(),
            steps: script(&deck, &poll),
            index: 0,
            since: None,
            frames: 0,
            pending: 0,
            total_frames: 0,
        })
        .add_systems(Update, drive.in_set(GameSystems::Input));
    let code = super::exit_code(app.run());
    if code == ExitCode::SUCCESS {
        if let Err(e) = copy_poster(&sessions, &opts.screenshots) {
            let why = bi!("de poster met foto's: {e}", "the poster with photos: {e}");
            eprintln!("{error}: {}", why.text(lang));
            return ExitCode::from(1);
        }
        println!("{}", opts.screenshots.display());
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1920x1080"), Some((1920, 1080)));
        assert_eq!(parse_size("1280X720"), Some((1280, 720)));
        assert_eq!(parse_size("big"), None);
        assert_eq!(parse_size("0x0"), None);
    }
}
