//! Writing a simulated session's journal under a name that says what was simulated.

use std::path::{Path, PathBuf};

use super::SimulateArgs;
use crate::lang::Bi;
use crate::session::Session;
use crate::store::{self, Journal, Recorder};

/// The journal's name says what was simulated. It is written under a temporary name and then given
/// its name without ever replacing a file: when a journal of that name is already there with the
/// same bytes (the same arguments again), that one is kept and named; when it holds another session
/// (the same deck id in another language, say), this one gets the first free name with a suffix
/// (`…_s42_2.jsonl`).
pub(super) fn write_journal(
    dir: &Path,
    args: &SimulateArgs,
    session: &Session,
) -> Result<PathBuf, Bi> {
    std::fs::create_dir_all(dir).map_err(|e| {
        let dir = dir.display();
        crate::bi!(
            "{dir}: kan de sessiemap niet maken: {e}",
            "{dir}: cannot make the sessions folder: {e}"
        )
    })?;
    let script = args
        .choices
        .as_deref()
        .and_then(Path::file_stem)
        .map(|s| format!("_{}", s.to_string_lossy()))
        .unwrap_or_default();
    let agreed = if args.agreements > 0 {
        format!("_a{}", args.agreements)
    } else {
        String::new()
    };
    let planned = if args.plan.is_empty() { "" } else { "_plan" };
    let stem = format!(
        "simulatie_{}_t{}_r{}_s{}{}{agreed}{planned}",
        session.settings().deck_id,
        args.teams,
        args.rounds,
        args.seed,
        script,
    );
    let tmp = dir.join(format!(".{stem}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let written = Journal::create_at(&tmp, session.settings(), session.played_deck(), None)
        .and_then(|j| Recorder::with_journal(session.clone(), j))
        .map_err(super::core_err);
    // Closed (and unlocked) before it is named.
    if let Err(e) = written.map(drop) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let result = name_journal(dir, &stem, &tmp);
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Gives the written journal `tmp` the name `STEM.jsonl`, or `STEM_2.jsonl`, `STEM_3.jsonl`, … when
/// that is taken by another file; a file of that name with the same bytes is the same journal.
fn name_journal(dir: &Path, stem: &str, tmp: &Path) -> Result<PathBuf, Bi> {
    use store::Fs as _;
    let bytes = std::fs::read(tmp).map_err(|e| {
        let tmp = tmp.display();
        crate::bi!(
            "{tmp}: kan het journaal niet teruglezen: {e}",
            "{tmp}: cannot read the journal back: {e}"
        )
    })?;
    for n in 1..=1000 {
        let name = if n == 1 {
            format!("{stem}.{}", store::EXTENSION)
        } else {
            format!("{stem}_{n}.{}", store::EXTENSION)
        };
        let path = dir.join(name);
        match store::RealFs.rename_new(tmp, &path) {
            Ok(()) => {
                let _ = store::RealFs.sync_dir(dir);
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if std::fs::read(&path).is_ok_and(|there| there == bytes) {
                    return Ok(path);
                }
            }
            Err(e) => {
                let path = path.display();
                return Err(crate::bi!(
                    "{path}: kan het journaal niet wegschrijven: {e}",
                    "{path}: cannot write the journal: {e}"
                ));
            }
        }
    }
    let dir = dir.display();
    Err(crate::bi!(
        "{dir}: er staan al 1000 journalen met de naam {stem}; kies een andere map met --sessions",
        "{dir}: there are already 1000 journals named {stem}; choose another folder with --sessions"
    ))
}
