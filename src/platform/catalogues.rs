//! The catalogues this page knows: the core's [`Registry`] (bundled ones plus any a province's
//! file added), kept for the page's life and backed by storage so assessments made with a
//! loaded catalogue open on later visits.
//!
//! A loaded catalogue goes through the same validating loader as the bundled ones and may never
//! take a bundled id (both rules are the registry's). Catalogues live for the whole page
//! (leaked once each, here and nowhere else): open sessions borrow them.

use std::cell::RefCell;

use super::storage;
use thc_core::catalogue::{Catalogue, Registry};
use thc_core::i18n::Lang;

thread_local! {
    static REGISTRY: RefCell<Option<Registry>> = const { RefCell::new(None) };
}

/// Makes a catalogue live for the page (the one place catalogues are leaked).
pub fn keep(catalogue: Catalogue) -> &'static Catalogue {
    Box::leak(Box::new(catalogue))
}

/// Runs `f` on the page's registry, restored from storage on first use.
pub fn with_registry<R>(f: impl FnOnce(&mut Registry) -> R) -> R {
    REGISTRY.with(|cell| {
        let mut slot = cell.borrow_mut();
        let registry = slot.get_or_insert_with(|| {
            let texts = storage::loaded_catalogue_texts().unwrap_or_default();
            Registry::restore(texts.iter().map(|(_, text)| text.as_str()), &mut keep)
        });
        f(registry)
    })
}

/// Bundled catalogues first, then loaded ones.
pub fn all_catalogues() -> Vec<&'static Catalogue> {
    with_registry(|r| r.all())
}

pub fn find_catalogue(id: &str) -> Option<&'static Catalogue> {
    with_registry(|r| r.get(id))
}

/// Validates a catalogue file and keeps it. Errors come back as lines to show, in `lang`.
/// Nothing is kept (in the page or in storage) unless every check passed and it was stored.
pub fn add_catalogue(text: &str, lang: Lang) -> Result<&'static Catalogue, Vec<String>> {
    let catalogue = Catalogue::from_json(text)
        .map_err(|errors| errors.iter().map(|e| e.message(lang)).collect::<Vec<_>>())?;
    with_registry(|r| r.check_loadable(&catalogue)).map_err(|e| vec![e.message(lang)])?;
    storage::save_loaded_catalogue(&catalogue.id, text).map_err(|e| vec![e.message(lang)])?;
    let kept = keep(catalogue);
    with_registry(|r| r.add_loaded(kept))
        .map(|_| kept)
        .map_err(|e| vec![e.message(lang)])
}
