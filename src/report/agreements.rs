//! The group's agreements in the report: the adopted ones by the value they serve, each with who
//! proposed it, the checklist questions it meets and its history across the trajectory; and the
//! proposals not (or not yet) adopted.

use crate::lang::{Key as _, R};
use crate::session::{Agreement, AgreementStatus, Session};

/// An adopted agreement: its kind, its text and one line of detail (who proposed it, the checklist
/// questions it meets, its history).
#[derive(Debug, Clone, PartialEq)]
pub struct Adopted {
    pub kind: String,
    pub text: String,
    pub detail: String,
}

/// A proposal that was not (or not yet) adopted.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub value: String,
    pub kind: String,
    pub text: String,
    pub dropped: bool,
    /// "; geschiedenis: …" for a proposal carried from an earlier session, else empty.
    pub history: String,
}

/// The adopted agreements grouped by the value they serve (values in deck order), and the other
/// proposals.
pub(super) fn agreements(s: &Session) -> (Vec<(String, Vec<Adopted>)>, Vec<Proposal>) {
    let lang = s.settings().language;
    let adopted = s
        .adopted_by_value()
        .into_iter()
        .map(|(v, list)| {
            let list = list
                .into_iter()
                .map(|a| Adopted {
                    kind: a.kind.name(lang).to_string(),
                    text: a.text.clone(),
                    detail: agreement_detail(s, a),
                })
                .collect();
            (v.name.clone(), list)
        })
        .collect();
    let proposals = s
        .agreements()
        .iter()
        .filter(|a| a.status != AgreementStatus::Adopted)
        .map(|a| Proposal {
            value: s.deck().value_name(&a.value).to_string(),
            kind: a.kind.name(lang).to_string(),
            text: a.text.clone(),
            dropped: a.status == AgreementStatus::Dropped,
            history: carried_history(s, a).map_or(String::new(), |h| format!("; {h}")),
        })
        .collect();
    (adopted, proposals)
}

/// Who proposed an agreement and which checklist questions it meets, as one line.
fn agreement_detail(s: &Session, a: &Agreement) -> String {
    let lang = s.settings().language;
    let mut parts = Vec::new();
    if !a.by.is_empty() {
        parts.push(format!("{} {}", R::ProposedBy.tr(lang), a.by));
    }
    if let Some(t) = a.team {
        parts.push(s.settings().team_name(t));
    }
    if !a.meets.is_empty() {
        let checklist = s.checklist();
        let met: Vec<&str> = a
            .meets
            .iter()
            .filter_map(|&q| checklist.get(q).map(String::as_str))
            .collect();
        parts.push(format!("{}: {}", R::Meets.tr(lang), met.join(" · ")));
    }
    // An agreement carried from an earlier session of the trajectory: what happened to it in each
    // session (its earlier wordings included); else the earlier wordings of this session.
    if let Some(h) = carried_history(s, a) {
        parts.push(h);
    } else if !a.history.is_empty() {
        parts.push(format!(
            "{}: {}",
            R::Earlier.tr(lang),
            a.history.join(" → ")
        ));
    }
    parts.join("; ")
}

/// For an agreement carried from an earlier session: its history across the trajectory, as one
/// line ("geschiedenis: aangenomen in sessie 1 · in sessie 2 besproken: deels").
fn carried_history(s: &Session, a: &Agreement) -> Option<String> {
    let i = s.agreements().iter().position(|x| std::ptr::eq(x, a))?;
    if !s.is_carried(i) {
        return None;
    }
    let lang = s.settings().language;
    let steps: Vec<String> = s.history_of(i).iter().map(|m| m.describe(lang)).collect();
    Some(format!("{}: {}", R::History.tr(lang), steps.join(" · ")))
}
