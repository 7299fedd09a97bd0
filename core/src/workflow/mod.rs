//! The app's workflows as pure state: which view is open (in the URL fragment), and the steps a
//! director or a reviewer takes, as transitions the shell applies.

pub mod home;
pub mod import;
pub mod route;
pub mod workspace;
