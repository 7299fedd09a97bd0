//! Views of the app as URL fragments (`#/…`).
//!
//! Hash routing is deliberate: `dist/` must work on any static host, under any sub-path, and a
//! reload on any view must work without server rewrite rules. The fragment never reaches the
//! server, so every view is served by the same `index.html`.

/// A view of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The assessments kept in this browser.
    Home,
    /// One assessment, optionally opened at a section.
    Assessment { id: String, section: Option<String> },
    /// The printable gap report of one assessment.
    Report { id: String },
    /// A blank printable checklist of one assessment's catalogue, for walking the centre on paper.
    Checklist { id: String },
    /// The county reviewer's workspace, at one of its places.
    Review(ReviewPlace),
    /// About the tool, its sources and where data lives.
    About,
    /// A fragment that names no view; shown as "not found" with a link home.
    NotFound(String),
}

/// Where the reviewer is in the workspace, so a reload or Back returns there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewPlace {
    /// The roll-up across centres (`#/review`).
    Rollup,
    /// One criterion across centres (`#/review/criterion`).
    Criterion,
    /// Two files of one centre compared (`#/review/compare`).
    Compare,
    /// One centre's file under review (`#/review/f/<file id>`).
    File(String),
}

impl ReviewPlace {
    /// True for the overview tabs (not a file).
    pub fn is_tab(&self) -> bool {
        !matches!(self, ReviewPlace::File(_))
    }

    /// The file under review, if any.
    pub fn file(&self) -> Option<&str> {
        match self {
            ReviewPlace::File(id) => Some(id),
            _ => None,
        }
    }
}

impl Route {
    /// Reads a `location.hash` value (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let valid = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        match parts.as_slice() {
            [] => Route::Home,
            ["review"] => Route::Review(ReviewPlace::Rollup),
            ["review", "criterion"] => Route::Review(ReviewPlace::Criterion),
            ["review", "compare"] => Route::Review(ReviewPlace::Compare),
            ["review", "f", id] if valid(id) => Route::Review(ReviewPlace::File((*id).to_string())),
            ["about"] => Route::About,
            ["a", id] if valid(id) => Route::Assessment {
                id: (*id).to_string(),
                section: None,
            },
            ["a", id, section] if valid(id) && valid(section) => Route::Assessment {
                id: (*id).to_string(),
                section: Some((*section).to_string()),
            },
            ["report", id] if valid(id) => Route::Report {
                id: (*id).to_string(),
            },
            ["checklist", id] if valid(id) => Route::Checklist {
                id: (*id).to_string(),
            },
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The fragment for this view, to use as an `href`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Review(ReviewPlace::Rollup) => "#/review".to_string(),
            Route::Review(ReviewPlace::Criterion) => "#/review/criterion".to_string(),
            Route::Review(ReviewPlace::Compare) => "#/review/compare".to_string(),
            Route::Review(ReviewPlace::File(id)) => format!("#/review/f/{id}"),
            Route::About => "#/about".to_string(),
            Route::Assessment { id, section: None } => format!("#/a/{id}"),
            Route::Assessment {
                id,
                section: Some(s),
            } => format!("#/a/{id}/{s}"),
            Route::Report { id } => format!("#/report/{id}"),
            Route::Checklist { id } => format!("#/checklist/{id}"),
            Route::NotFound(_) => "#/".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_view_and_round_trips() {
        let views = [
            Route::Home,
            Route::Review(ReviewPlace::Rollup),
            Route::Review(ReviewPlace::Criterion),
            Route::Review(ReviewPlace::Compare),
            Route::Review(ReviewPlace::File("w-17k".into())),
            Route::About,
            Route::Assessment {
                id: "a1".into(),
                section: None,
            },
            Route::Assessment {
                id: "a1".into(),
                section: Some("staffing".into()),
            },
            Route::Report { id: "x-2".into() },
            Route::Checklist { id: "x-2".into() },
        ];
        for view in views {
            assert_eq!(Route::parse(&view.href()), view, "{}", view.href());
        }
    }

    #[test]
    fn tolerates_missing_hash_and_slashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("review"), Route::Review(ReviewPlace::Rollup));
        assert_eq!(
            Route::parse("#/review/"),
            Route::Review(ReviewPlace::Rollup)
        );
        assert_eq!(Route::parse("#/about?x=1"), Route::About);
    }

    #[test]
    fn rejects_unknown_and_unsafe_fragments() {
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
        assert!(matches!(Route::parse("#/a/<script>"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/a/x/y/z"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/report"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/review/f/<x>"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/review/f"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/review/other"), Route::NotFound(_)));
    }
}
