//! Sorting names as a Chinese reader expects: the browser's pinyin collation
//! (`Intl.Collator("zh-CN")`), with code-point order to break ties.

use wasm_bindgen::JsValue;

/// Orders names in pinyin order, as Excel on a Chinese PC does.
pub fn name_collation() -> impl Fn(&str, &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let locales = js_sys::Array::of1(&JsValue::from_str("zh-CN"));
    let compare = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new()).compare();
    move |a: &str, b: &str| {
        let collated = compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|n| n.as_f64())
            .map(|n| {
                if n < 0.0 {
                    Ordering::Less
                } else if n > 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                }
            })
            .unwrap_or(Ordering::Equal);
        collated.then_with(|| thc_core::county::code_point_order(a, b))
    }
}
