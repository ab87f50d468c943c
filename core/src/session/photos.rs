//! The photo assignment: each subgroup's picture of a team value. The journal holds a photo's hash,
//! caption and links; the picture itself is kept beside the journal (see `crate::photos`). Photos
//! are events like every other, so they fold, undo and replay.

use serde::Serialize;

use super::state::Inverse;
use super::{Session, SessionError, State};
use crate::bi;

/// The longest caption, in characters.
pub const MAX_CAPTION: usize = 200;

/// Whether `s` is a photo hash as the journal holds it (64 lowercase hex digits): a journal edited
/// by hand cannot name a path outside the photo folder.
pub fn is_photo_hash(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// One photo of the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Photo {
    /// SHA-256 of the original file (64 lowercase hex digits): the name it is kept under.
    pub hash: String,
    pub caption: String,
    /// The value it shows (a deck value id).
    pub value: String,
    /// The subgroup that made it (free text; may be empty).
    pub by: String,
    /// The team it belongs to in per-team mode; `None` for the whole group.
    pub team: Option<usize>,
    /// The agreement it illustrates, if any (index into [`Session::agreements`]).
    pub agreement: Option<usize>,
    /// Taken off the wall (the file stays until the session is archived).
    pub removed: bool,
}

impl Session {
    /// Every photo added, in order, removed ones included (the numbers the events use).
    pub fn photos(&self) -> &[Photo] {
        &self.state().photos
    }

    /// The photos on the wall (not removed), with their numbers.
    pub fn photos_shown(&self) -> Vec<(usize, &Photo)> {
        self.photos()
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.removed)
            .collect()
    }

    /// The photos that hold for `team` (its own in per-team mode, and the group's).
    pub fn photos_for(&self, team: usize) -> Vec<&Photo> {
        self.photos()
            .iter()
            .filter(|p| !p.removed && p.team.is_none_or(|t| t == team))
            .collect()
    }

    /// The photos on the wall grouped by the value they show, values in deck order; values without
    /// a photo are left out.
    pub fn photos_by_value(&self) -> Vec<(&crate::deck::ValueDef, Vec<(usize, &Photo)>)> {
        let shown = self.photos_shown();
        self.deck()
            .values
            .iter()
            .filter_map(|v| {
                let list: Vec<(usize, &Photo)> = shown
                    .iter()
                    .filter(|(_, p)| p.value == v.id)
                    .copied()
                    .collect();
                (!list.is_empty()).then_some((v, list))
            })
            .collect()
    }

    /// Whether a photo with this hash was ever added in this session (removed ones too): a watched
    /// folder does not bring it in again.
    pub fn photo_seen(&self, hash: &str) -> bool {
        self.events()
            .iter()
            .any(|e| matches!(e, super::Event::PhotoAdded { hash: h, .. } if h == hash))
    }

    fn photo_at(&self, i: usize) -> Result<&Photo, SessionError> {
        self.photos().get(i).ok_or_else(|| {
            let (n, all) = (i + 1, self.photos().len());
            SessionError::Invalid(bi!(
                "Foto {n} bestaat niet: er zijn er {all}.",
                "Photo {n} does not exist: there are {all}."
            ))
        })
    }

    /// The checks a photo's caption and links must pass.
    fn check_photo_links(
        &self,
        caption: &str,
        value: &str,
        by: &str,
        agreement: Option<usize>,
    ) -> Result<(), SessionError> {
        let n = caption.chars().count();
        if n > MAX_CAPTION {
            return Err(SessionError::Invalid(bi!(
                "Het bijschrift is {n} tekens lang; hoogstens {MAX_CAPTION}.",
                "The caption is {n} characters long; at most {MAX_CAPTION}."
            )));
        }
        if self.deck().value(value).is_none() {
            return Err(SessionError::UnknownValue(value.to_string()));
        }
        if by.chars().count() > super::MAX_SUBGROUP {
            let max = super::MAX_SUBGROUP;
            return Err(SessionError::Invalid(bi!(
                "De naam van de subgroep is hoogstens {max} tekens.",
                "The subgroup's name is at most {max} characters."
            )));
        }
        if let Some(a) = agreement {
            self.agreement_at(a)?;
        }
        Ok(())
    }

    pub(super) fn check_photo_added(
        &self,
        hash: &str,
        caption: &str,
        value: &str,
        by: &str,
        team: Option<usize>,
        agreement: Option<usize>,
    ) -> Result<(), SessionError> {
        if !is_photo_hash(hash) {
            let hash: String = hash.chars().take(80).collect();
            return Err(SessionError::Invalid(bi!(
                "\"{hash}\" is geen fotonaam (64 tekens 0-9 en a-f).",
                "\"{hash}\" is not a photo name (64 characters 0-9 and a-f)."
            )));
        }
        if let Some((i, _)) = self
            .photos()
            .iter()
            .enumerate()
            .find(|(_, p)| p.hash == hash && !p.removed)
        {
            let n = i + 1;
            return Err(SessionError::NotNow(bi!(
                "Deze foto hangt er al (foto {n}).",
                "This photo is already up (photo {n})."
            )));
        }
        if let Some(t) = team
            && t >= self.team_count()
        {
            return Err(SessionError::NoSuchTeam {
                team: t,
                teams: self.team_count(),
            });
        }
        self.check_photo_links(caption, value, by, agreement)
    }

    pub(super) fn check_photo_removed(&self, photo: usize) -> Result<(), SessionError> {
        if self.photo_at(photo)?.removed {
            let n = photo + 1;
            return Err(SessionError::NotNow(bi!(
                "Foto {n} is al weggehaald.",
                "Photo {n} has already been removed."
            )));
        }
        Ok(())
    }

    pub(super) fn check_photo_described(
        &self,
        photo: usize,
        caption: &str,
        value: &str,
        by: &str,
        agreement: Option<usize>,
    ) -> Result<(), SessionError> {
        let p = self.photo_at(photo)?;
        self.check_photo_links(caption, value, by, agreement)?;
        if p.caption == caption.trim()
            && p.value == value
            && p.by == by.trim()
            && p.agreement == agreement
        {
            return Err(SessionError::Invalid(bi!(
                "Er is niets veranderd aan de foto.",
                "Nothing about the photo has changed."
            )));
        }
        Ok(())
    }
}

impl State {
    pub(super) fn add_photo(&mut self, photo: Photo) -> Inverse {
        self.photos.push(photo);
        Inverse::PopPhoto
    }

    pub(super) fn remove_photo(&mut self, i: usize) -> Inverse {
        match self.photos.get_mut(i) {
            Some(p) => {
                p.removed = true;
                Inverse::PhotoBack { index: i }
            }
            None => Inverse::Nothing,
        }
    }

    pub(super) fn describe_photo(
        &mut self,
        i: usize,
        caption: &str,
        value: &str,
        by: &str,
        agreement: Option<usize>,
    ) -> Inverse {
        match self.photos.get_mut(i) {
            Some(p) => {
                let old = p.clone();
                p.caption = caption.trim().to_string();
                p.value = value.to_string();
                p.by = by.trim().to_string();
                p.agreement = agreement;
                Inverse::PhotoText {
                    index: i,
                    old: Box::new(old),
                }
            }
            None => Inverse::Nothing,
        }
    }

    /// Takes back a photo event; returns the inverse when it was not one.
    pub(super) fn unfold_photo(&mut self, inverse: Inverse) -> Option<Inverse> {
        match inverse {
            Inverse::PopPhoto => {
                self.photos.pop();
            }
            Inverse::PhotoBack { index } => {
                if let Some(p) = self.photos.get_mut(index) {
                    p.removed = false;
                }
            }
            Inverse::PhotoText { index, old } => {
                if let Some(p) = self.photos.get_mut(index) {
                    *p = *old;
                }
            }
            other => return Some(other),
        }
        None
    }
}
