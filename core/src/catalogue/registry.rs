//! The set of catalogues the app offers: the bundled ones plus any loaded from files.
//!
//! A loaded catalogue never silently replaces a bundled one: a file that reuses a bundled id is
//! refused, so an assessment made against the bundled standard always means that standard.

use super::bundled::bundled;
use super::model::Catalogue;
use crate::base::text::Lang;

/// Why a catalogue was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryError {
    /// The loaded catalogue uses the id of a bundled one.
    IdOfBundled { id: String },
}

impl RegistryError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            RegistryError::IdOfBundled { id } => {
                format!("导入的目录编号“{id}”与内置目录相同，已拒绝；请在文件中改用其他编号")
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            RegistryError::IdOfBundled { id } => format!(
                "the loaded catalogue uses the id \"{id}\" of a bundled catalogue and was refused; give it another id in the file"
            ),
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

/// Bundled plus loaded catalogues.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    bundled: Vec<Catalogue>,
    loaded: Vec<Catalogue>,
}

impl Registry {
    /// A registry holding the bundled catalogues.
    pub fn with_bundled() -> Self {
        Registry {
            bundled: bundled().to_vec(),
            loaded: Vec::new(),
        }
    }

    /// A registry over an explicit bundled set (for tests and embedding).
    pub fn new(bundled: Vec<Catalogue>) -> Self {
        Registry {
            bundled,
            loaded: Vec::new(),
        }
    }

    pub fn is_bundled(&self, id: &str) -> bool {
        self.bundled.iter().any(|c| c.id == id)
    }

    /// Refuses a catalogue whose id is a bundled one's; otherwise adds it or replaces an
    /// earlier loaded one with the same id.
    pub fn add_loaded(&mut self, catalogue: Catalogue) -> Result<AddOutcome, RegistryError> {
        if self.is_bundled(&catalogue.id) {
            return Err(RegistryError::IdOfBundled { id: catalogue.id });
        }
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
    pub fn get(&self, id: &str) -> Option<&Catalogue> {
        self.bundled
            .iter()
            .find(|c| c.id == id)
            .or_else(|| self.loaded.iter().find(|c| c.id == id))
    }

    pub fn bundled(&self) -> &[Catalogue] {
        &self.bundled
    }

    pub fn loaded(&self) -> &[Catalogue] {
        &self.loaded
    }

    /// Bundled first, then loaded, each in insertion order.
    pub fn all(&self) -> impl Iterator<Item = &Catalogue> {
        self.bundled.iter().chain(self.loaded.iter())
    }
}
