//! Browser entry point: mounts the app. Natively this binary does nothing; the core is a library.

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(thc_assess::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "thc-assess runs in the browser: `bash tools/serve.sh` builds the release and serves it; \
         `bash tools/dev.sh` runs the live-reload loop."
    );
}
