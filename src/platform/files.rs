//! Files in and out of the page: reading what the user picked or dropped, and offering bytes
//! as a download.

use leptos::prelude::*;
use thc_core::county::FileRefusal;
use thc_core::exchange::{ImportError, MAX_FILE_BYTES};
use thc_core::workflow::workspace::Picked;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// MIME types of the files the app offers for download.
pub const JSON_TYPE: &str = "application/json";
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV_TYPE: &str = "text/csv;charset=utf-8";

/// How long an object URL stays valid after its download started.
const REVOKE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Offers `bytes` as a download named `name`: a Blob, an object URL and a temporary
/// `<a download>` clicked from script (no inline script, so the CSP holds).
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        REVOKE_AFTER,
    );
    Ok(())
}

/// Calls `done` once `promise` settles. The callbacks free themselves when called.
pub fn on_settled(promise: &JsValue, done: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    let slot = Rc::new(RefCell::new(Some(done)));
    let slot_err = slot.clone();
    let ok = Closure::once_into_js(move |v: JsValue| {
        if let Some(f) = slot.borrow_mut().take() {
            f(Ok(v));
        }
    });
    let err = Closure::once_into_js(move |e: JsValue| {
        if let Some(f) = slot_err.borrow_mut().take() {
            f(Err(e));
        }
    });
    let then = js_sys::Reflect::get(promise, &JsValue::from_str("then"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match then {
        Some(then) => {
            if let Err(e) = then.call2(promise, &ok, &err) {
                if let Ok(f) = err.dyn_into::<js_sys::Function>() {
                    let _ = f.call1(&JsValue::NULL, &e);
                }
            }
        }
        None => {
            if let Ok(f) = err.dyn_into::<js_sys::Function>() {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_str("not a promise"));
            }
        }
    }
}

/// Reads every file of `list` and hands them to `done` together, in the order given. A file
/// over the size limit is refused before it is read into memory.
pub fn read_all(list: web_sys::FileList, done: impl FnOnce(Vec<Picked>) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    let results: Rc<RefCell<Vec<Option<Picked>>>> = Rc::new(RefCell::new(vec![None; files.len()]));
    let remaining = Rc::new(RefCell::new(files.len()));
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let results = results.clone();
        move |index: usize, picked: Picked| {
            if let Some(slot) = results.borrow_mut().get_mut(index) {
                *slot = Some(picked);
            }
            let left = {
                let mut r = remaining.borrow_mut();
                *r = r.saturating_sub(1);
                *r
            };
            if left == 0 {
                if let Some(f) = done.borrow_mut().take() {
                    let all = results.borrow_mut().drain(..).flatten().collect();
                    f(all);
                }
            }
        }
    };
    for (index, file) in files.into_iter().enumerate() {
        let name = file.name();
        let size = file.size();
        if size > MAX_FILE_BYTES as f64 {
            finish(
                index,
                (
                    name,
                    Err(FileRefusal::Import(ImportError::TooLarge {
                        bytes: size as usize,
                    })),
                ),
            );
            continue;
        }
        let promise: JsValue = file.array_buffer().into();
        let finish = finish.clone();
        on_settled(&promise, move |r| {
            let bytes = match r {
                Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
                // The browser could not read it (moved, deleted, permissions).
                Err(_) => Err(FileRefusal::Unreadable),
            };
            finish(index, (name, bytes));
        });
    }
}
