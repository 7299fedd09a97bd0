//! The set of catalogues the app offers: the bundled ones plus any loaded from files.
//!
//! A loaded catalogue never silently replaces a bundled one: a file that reuses a bundled id is
//! refused, so an assessment made against the bundled standard always means that standard.

use super::bundled::bundled;
use super::model::Catalogue;
use crate::base::text::Lang;
use crate::i18n::catalogue::CatalogueStrings;
use crate::i18n::fill;

/// Why a catalogue was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryError {
    /// The loaded catalogue uses the id of a bundled one.
    IdOfBundled { id: String },
}

impl RegistryError {
    pub fn message(&self, lang: Lang) -> String {
        self.message_in(lang.strings().catalogue)
    }

    pub fn message_zh(&self) -> String {
        self.message_in(crate::i18n::ZH.catalogue)
    }

    pub fn message_en(&self) -> String {
        self.message_in(crate::i18n::EN.catalogue)
    }

    fn message_in(&self, s: &CatalogueStrings) -> String {
        match self {
            RegistryError::IdOfBundled { id } => fill(s.id_of_bundled, &[("id", id)]),
        }
    }
}

/// What adding a loaded catalogue did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    Added,
    /// A previously loaded catalogue with the same id was replaced (re-importing a corrected
    /// transcription). Bundled catalogues are never replaced.
    ReplacedLoaded {
        previous_version: u32,
    },
}

/// Bundled plus loaded catalogues, for the life of the page: assessments and sessions borrow
/// them as `&'static`. The caller decides how a loaded catalogue lives that long (the browser
/// shell leaks it once; it is never freed while the page is open).
#[derive(Debug, Clone, Default)]
pub struct Registry {
    bundled: &'static [Catalogue],
    loaded: Vec<&'static Catalogue>,
}

impl Registry {
    /// A registry holding the bundled catalogues.
    pub fn with_bundled() -> Self {
        Registry::new(bundled())
    }

    /// A registry over an explicit bundled set (for tests and embedding).
    pub fn new(bundled: &'static [Catalogue]) -> Self {
        Registry {
            bundled,
            loaded: Vec::new(),
        }
    }

    /// The registry of a returning visitor: the bundled catalogues plus each stored catalogue
    /// text that still loads and validates and does not take a bundled id (one that fails is
    /// skipped; its text stays stored). `keep` makes a catalogue live for the page.
    pub fn restore<'t>(
        texts: impl IntoIterator<Item = &'t str>,
        keep: &mut dyn FnMut(Catalogue) -> &'static Catalogue,
    ) -> Self {
        let mut registry = Registry::with_bundled();
        for text in texts {
            if let Ok(catalogue) = Catalogue::from_json(text) {
                if !registry.is_bundled(&catalogue.id) {
                    let _ = registry.add_loaded(keep(catalogue));
                }
            }
        }
        registry
    }

    pub fn is_bundled(&self, id: &str) -> bool {
        self.bundled.iter().any(|c| c.id == id)
    }

    /// Whether `catalogue` may be added: refused when its id is a bundled one's. Lets a caller
    /// check before it stores anything.
    pub fn check_loadable(&self, catalogue: &Catalogue) -> Result<(), RegistryError> {
        if self.is_bundled(&catalogue.id) {
            return Err(RegistryError::IdOfBundled {
                id: catalogue.id.clone(),
            });
        }
        Ok(())
    }

    /// Refuses a catalogue whose id is a bundled one's; otherwise adds it or replaces an
    /// earlier loaded one with the same id.
    pub fn add_loaded(
        &mut self,
        catalogue: &'static Catalogue,
    ) -> Result<AddOutcome, RegistryError> {
        self.check_loadable(catalogue)?;
        if let Some(existing) = self.loaded.iter_mut().find(|c| c.id == catalogue.id) {
            let previous_version = existing.version;
            *existing = catalogue;
            return Ok(AddOutcome::ReplacedLoaded { previous_version });
        }
        self.loaded.push(catalogue);
        Ok(AddOutcome::Added)
    }

    /// Removes a loaded catalogue; bundled ones cannot be removed. Returns whether one was.
    pub fn remove_loaded(&mut self, id: &str) -> bool {
        let before = self.loaded.len();
        self.loaded.retain(|c| c.id != id);
        before != self.loaded.len()
    }

    /// Looks a catalogue up by id; bundled ids always resolve to the bundled catalogue.
    pub fn get(&self, id: &str) -> Option<&'static Catalogue> {
        self.bundled
            .iter()
            .find(|c| c.id == id)
            .or_else(|| self.loaded.iter().find(|c| c.id == id).copied())
    }

    pub fn bundled(&self) -> &'static [Catalogue] {
        self.bundled
    }

    pub fn loaded(&self) -> &[&'static Catalogue] {
        &self.loaded
    }

    /// Bundled first, then loaded, each in insertion order.
    pub fn all(&self) -> Vec<&'static Catalogue> {
        self.bundled
            .iter()
            .chain(self.loaded.iter().copied())
            .collect()
    }
}
