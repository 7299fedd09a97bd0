//! Placeholder: the core engine lands with issue 3.
