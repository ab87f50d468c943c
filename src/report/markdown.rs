//! `report.md`: the report to read and share, written from the [`Report`] model.

use std::fmt::Write as _;

use super::model::{Adjustment, Choice, Profile, Report, RoundKind, Weighted};
use super::text::{capitalise, md, signed, with_unit};
use crate::lang::R;

/// `report.md`.
pub fn render(r: &Report) -> String {
    let mut o = String::new();
    header(&mut o, r);
    if !r.before_rounds.is_empty() {
        let _ = writeln!(o, "\n## {}\n", r.tr(R::BeforeRounds));
        adjustments(&mut o, r, &r.before_rounds);
    }
    for round in &r.rounds {
        let title = md(&round.title);
        match &round.kind {
            RoundKind::Skipped { reason } => {
                let reason = if reason.is_empty() {
                    String::new()
                } else {
                    format!(": {}", md(reason))
                };
                let _ = writeln!(o, "\n## {} — {title}{reason}\n", r.tr(R::Skipped));
            }
            // No choices are shown before the reveal; points given meanwhile are.
            RoundKind::Open => {
                let _ = writeln!(
                    o,
                    "\n## {} {}: {title} — {}\n",
                    r.tr(R::Round),
                    round.number,
                    r.tr(R::NotRevealed)
                );
            }
            RoundKind::Revealed(v) => {
                let _ = writeln!(
                    o,
                    "\n## {} {}: {title}\n\n*{}: {}* · `{}`\n",
                    r.tr(R::Round),
                    round.number,
                    r.tr(R::Layer),
                    v.layer,
                    v.scenario_id
                );
                if !v.setting.is_empty() {
                    let _ = writeln!(o, "{}\n", md(&v.setting));
                }
                for c in &v.choices {
                    choice(&mut o, r, c);
                }
            }
        }
        adjustments(&mut o, r, &round.adjustments);
        if let RoundKind::Revealed(v) = &round.kind
            && !v.debrief.is_empty()
        {
            let _ = writeln!(o, "\n**{}**\n", r.tr(R::Debrief));
            for (q, note) in &v.debrief {
                let _ = writeln!(o, "- {}", md(q));
                if let Some(note) = note {
                    let _ = writeln!(o, "  > {}", md(note));
                }
            }
        }
    }
    agreements(&mut o, r);
    photos(&mut o, r);
    trajectory(&mut o, r);
    ranking(&mut o, r);
    for (t, p) in r.profiles.iter().enumerate() {
        profile(&mut o, r, t, p);
    }
    o
}

fn team(r: &Report, t: usize) -> String {
    r.teams.get(t).map_or(String::new(), |x| md(&x.name))
}

fn list(values: &[Weighted]) -> Vec<String> {
    values
        .iter()
        .map(|v| format!("{} ×{}", md(&v.name), v.weight))
        .collect()
}

fn header(o: &mut String, r: &Report) {
    let _ = writeln!(o, "# {}: {}\n", r.tr(R::Report), md(&r.title));
    if let Some(c) = &r.played {
        let _ = writeln!(o, "- {}: {c}", r.tr(R::Created));
    }
    let _ = writeln!(o, "- {}: {} (`{}`)", r.tr(R::Deck), md(&r.title), r.deck_id);
    let names: Vec<String> = (0..r.teams.len()).map(|t| team(r, t)).collect();
    let _ = writeln!(o, "- {}: {}", r.tr(R::Teams), names.join(", "));
    let _ = writeln!(o, "\n## {}\n", r.tr(R::Values));
    for (holder, values) in &r.value_sets {
        let holder = match holder {
            None => r.tr(R::Shared).to_string(),
            Some(t) => team(r, *t),
        };
        let values = list(values);
        let values = if values.is_empty() {
            r.tr(R::None).to_string()
        } else {
            values.join(", ")
        };
        let _ = writeln!(o, "- **{holder}**: {values}");
    }
}

fn adjustments(o: &mut String, r: &Report, list: &[Adjustment]) {
    for a in list {
        let _ = writeln!(
            o,
            "- {} — {}: {}{}",
            r.tr(R::Adjusted),
            team(r, a.team),
            with_unit(r.lang, a.points, true),
            if a.reason.is_empty() {
                String::new()
            } else {
                format!(" ({})", md(&a.reason))
            }
        );
    }
}

fn choice(o: &mut String, r: &Report, c: &Choice) {
    let _ = writeln!(
        o,
        "- **{}** {} **{}**: {}",
        team(r, c.team),
        r.tr(R::Chose),
        c.key,
        md(&c.text)
    );
    let changes: Vec<String> = c
        .changes
        .iter()
        .map(|(v, p)| format!("{} {}", md(v), signed(*p)))
        .collect();
    let barbarian = if c.barbarian.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = c.barbarian.iter().map(|v| md(v)).collect();
        format!(" · ⚠ {}: {}", r.tr(R::Barbarian), names.join(", "))
    };
    let _ = writeln!(
        o,
        "  - {} ({}: {}) · {}{barbarian}",
        with_unit(r.lang, c.score, true),
        r.tr(R::Best),
        signed(c.best),
        if changes.is_empty() {
            r.tr(R::None).to_string()
        } else {
            changes.join(", ")
        }
    );
    if !c.consequence.is_empty() {
        let _ = writeln!(o, "  - *{}*", md(&c.consequence));
    }
}

fn agreements(o: &mut String, r: &Report) {
    let _ = writeln!(o, "\n## {}\n", r.tr(R::Manners));
    if r.adopted.is_empty() {
        let _ = writeln!(o, "*{}*", r.tr(R::NoAgreements));
    }
    for (value, list) in &r.adopted {
        let _ = writeln!(o, "\n**{}**\n", md(value));
        for a in list {
            let _ = writeln!(
                o,
                "- *{}* {}{}",
                a.kind,
                md(&a.text),
                if a.detail.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", md(&a.detail))
                }
            );
        }
    }
    if !r.proposals.is_empty() {
        let _ = writeln!(o, "\n**{}**\n", r.tr(R::Proposals));
        for p in &r.proposals {
            let status = r.tr(if p.dropped { R::Dropped } else { R::Open });
            let _ = writeln!(
                o,
                "- {} — {}: {} ({status}{})",
                md(&p.value),
                p.kind,
                md(&p.text),
                md(&p.history)
            );
        }
    }
}

/// The photos: captions and the files they are kept in.
fn photos(o: &mut String, r: &Report) {
    if r.photos.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n## {}", r.tr(R::Photos));
    for (value, list) in &r.photos {
        let _ = writeln!(o, "\n### {value}\n");
        for p in list {
            let text = if p.caption.is_empty() {
                "—"
            } else {
                &p.caption
            };
            let _ = writeln!(o, "- {text} (`{}.jpg`)", p.hash);
        }
    }
}

fn trajectory(o: &mut String, r: &Report) {
    if r.stages.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n## {}\n", r.tr(R::Trajectory));
    for st in &r.stages {
        let _ = writeln!(o, "- **{}**", md(&st.label));
        for (team, total, values) in &st.teams {
            let _ = writeln!(
                o,
                "  - {}: {} ({})",
                md(team),
                with_unit(r.lang, *total, false),
                list(values).join(", ")
            );
        }
    }
}

fn ranking(o: &mut String, r: &Report) {
    let _ = writeln!(o, "\n## {}\n", r.tr(R::Ranking));
    if !r.finished {
        let _ = writeln!(o, "*{}*\n", r.tr(R::Unfinished));
    }
    for x in &r.ranking {
        let percent = match (r.by_alignment, x.percent) {
            (false, _) => String::new(),
            (true, Some(p)) => format!(" · {p} %"),
            (true, None) => " · – %".to_string(),
        };
        let _ = writeln!(
            o,
            "{}. **{}** — {}{percent}",
            x.rank,
            team(r, x.team),
            with_unit(r.lang, x.total, false)
        );
    }
    let by = if r.by_alignment {
        R::ByAlignment
    } else {
        R::ByPoints
    };
    let _ = writeln!(o, "\n*{}*", r.tr(by));
}

fn profile(o: &mut String, r: &Report, t: usize, p: &Profile) {
    let _ = writeln!(o, "\n### {}\n", team(r, t));
    let _ = writeln!(o, "**{}**\n", r.tr(R::Profile));
    for v in &p.values {
        let name = md(&v.name);
        match v.weight {
            Some(w) => {
                let _ = writeln!(
                    o,
                    "- {name} ({} {w}): {}",
                    r.tr(R::Weight),
                    with_unit(r.lang, v.points, true)
                );
            }
            None if v.effect != 0 => {
                let _ = writeln!(o, "- {name} ({}): {}", r.tr(R::NotAgreed), signed(v.effect));
            }
            None => {}
        }
    }
    if !p.moves.is_empty() {
        let _ = writeln!(o, "\n**{}**\n", capitalise(r.tr(R::Barbarian)));
        for (number, title, value, points) in &p.moves {
            let _ = writeln!(
                o,
                "- {} {number} ({}), {}: {}",
                r.tr(R::Round),
                md(title),
                md(value),
                signed(*points)
            );
        }
    }
    if !p.served.is_empty() {
        let _ = writeln!(o, "\n**{}**\n", r.tr(R::Played));
        for (value, texts) in &p.served {
            let texts: Vec<String> = texts.iter().map(|t| md(t)).collect();
            let _ = writeln!(o, "- **{}**: {}", md(value), texts.join(" · "));
        }
    }
}
