//! `check`: located diagnostics for deck files.
//!
//! Exit status: 0 without errors (warnings allowed unless `--deny-warnings`), 1 with errors,
//! 2 for usage errors (a path that does not exist).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::bi;
use crate::deck::{self, Severity, diag};
use crate::lang::Lang;

/// `check`'s options, as the command line gives them (see `commands::cli` for their descriptions).
#[derive(Debug, Clone, Default, PartialEq, clap::Args)]
pub struct CheckOptions {
    /// `--format json`: JSON lines for editors instead of text.
    #[arg(long = "format", value_name = "text|json", default_value = "text", action = clap::ArgAction::Set, value_parser = super::format_parser())]
    pub json: bool,
    #[arg(long)]
    pub deny_warnings: bool,
}

/// The folder checked when no path is given.
pub const DEFAULT_DIR: &str = "levels";

/// Every `*.ron` file under `dir`, sorted, recursively.
pub fn ron_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "ron") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// [`run_in`] in English, the language `check` spoke before it had one.
pub fn run(paths: &[PathBuf], opts: &CheckOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    run_in(paths, opts, Lang::En, out, err)
}

/// Check the given files and folders (or `levels/`), print the diagnostics in `lang`, return the
/// exit status. The codes (`unknown-value`) and the words `error` and `warning` after
/// `path:line:col:` are the same in every language, for editors.
pub fn run_in(
    paths: &[PathBuf],
    opts: &CheckOptions,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let default = [PathBuf::from(DEFAULT_DIR)];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            match ron_files_in(p) {
                Ok(found) => files.extend(found),
                Err(e) => {
                    let shown = p.display();
                    let m = bi!(
                        "error: kan de map {shown} niet lezen: {e}",
                        "error: cannot read folder {shown}: {e}"
                    );
                    let _ = writeln!(err, "{}", m.text(lang));
                    return 2;
                }
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            let shown = p.display();
            let m = bi!(
                "error: {shown} bestaat niet",
                "error: {shown} does not exist"
            );
            let _ = writeln!(err, "{}", m.text(lang));
            return 2;
        }
    }
    files.dedup();

    let mut checked: Vec<deck::CheckedFile> = files.iter().map(|p| deck::check_file(p)).collect();
    deck::check_across(&mut checked);

    let (mut errors, mut warnings) = (0usize, 0usize);
    for f in &checked {
        for d in f.located() {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
            let text = if opts.json {
                diag::render_json(&d, lang) + "\n"
            } else {
                diag::render_text(&d, &f.source, lang) + "\n"
            };
            let _ = out.write_all(text.as_bytes());
        }
    }
    if !opts.json {
        let n = checked.len();
        let m = bi!(
            "{n} bestand(en) nagekeken: {errors} fout(en), {warnings} waarschuwing(en)",
            "{n} file(s) checked: {errors} error(s), {warnings} warning(s)"
        );
        let _ = writeln!(out, "{}", m.text(lang));
    }
    if errors > 0 || (opts.deny_warnings && warnings > 0) {
        1
    } else {
        0
    }
}
