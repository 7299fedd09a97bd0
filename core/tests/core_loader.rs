// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! Loading a province's catalogue file: every kind of error is caught and named precisely.

use serde_json::{json, Value};
use thc_core::catalogue::{
    bundled, AddOutcome, Catalogue, CatalogueError, Lang, Location, Problem, Registry,
    RegistryError,
};

/// A small valid catalogue exercising every criterion kind and rule type.
fn valid() -> Value {
    json!({
        "format_version": 1,
        "id": "hebei-2024",
        "version": 3,
        "title": {"zh": "河北省转录", "en": "Hebei transcription"},
        "description": {"zh": "测试用", "en": "For testing"},
        "beds_input": "beds",
        "sources": [{"id": "src", "title": {"zh": "来源", "en": "Source"}, "tag": "provincial"}],
        "inputs": [
            {"id": "staff", "label": {"zh": "职工", "en": "Staff"}, "unit": {"zh": "人", "en": "persons"}, "kind": "count"},
            {"id": "tech", "label": {"zh": "卫技", "en": "Tech"}, "unit": {"zh": "人", "en": "persons"}, "kind": "count", "not_above": "staff"},
            {"id": "beds", "label": {"zh": "床位", "en": "Beds"}, "unit": {"zh": "张", "en": "beds"}, "kind": "count"},
            {"id": "rate", "label": {"zh": "接种率", "en": "Coverage"}, "unit": {"zh": "%", "en": "%"}, "kind": "percent"}
        ],
        "flags": [{"id": "ob", "label": {"zh": "产科", "en": "Obstetrics"}}],
        "sections": [
            {"id": "s1", "title": {"zh": "一", "en": "One"}, "criteria": [
                {"id": "c.inputs", "title": {"zh": "数据", "en": "Figures"}, "explanation": {"zh": "填", "en": "Fill"},
                 "provenance": {"source": "src", "section": "1", "tag": "provincial"},
                 "importance": "core", "kind": "numeric_inputs", "inputs": ["staff", "tech", "beds", "rate"]},
                {"id": "c.share", "title": {"zh": "占比", "en": "Share"}, "explanation": {"zh": "说明", "en": "Explained"},
                 "provenance": {"source": "src", "section": "2", "tag": {"seed": "001"}},
                 "importance": "core", "kind": "rule",
                 "rule": {"type": "ratio", "label": {"zh": "卫技占比", "en": "Tech share"},
                          "numerator": "tech", "denominator": "staff", "min": {"num": 80, "den": 100}, "display": "percent"}},
                {"id": "c.rate", "title": {"zh": "接种率", "en": "Coverage"}, "explanation": {"zh": "说明", "en": "Explained"},
                 "provenance": {"source": "src", "section": "3", "tag": "provincial"},
                 "importance": "core", "kind": "rule",
                 "rule": {"type": "threshold", "value": "rate", "min": 9500}},
                {"id": "c.beds", "title": {"zh": "床位", "en": "Beds"}, "explanation": {"zh": "说明", "en": "Explained"},
                 "provenance": {"source": "src", "section": "4", "tag": "provincial"},
                 "importance": "core", "kind": "rule", "rule": {"type": "bed_class", "beds": "beds", "warn_above": 50}},
                {"id": "c.area", "title": {"zh": "面积", "en": "Area"}, "explanation": {"zh": "说明", "en": "Explained"},
                 "provenance": {"source": "src", "section": "5", "tag": "national"},
                 "importance": "core", "kind": "rule",
                 "rule": {"type": "linear_minimum", "label": {"zh": "人员", "en": "Staff"}, "value": "staff", "base": 5,
                          "terms": [{"per": 1, "operand": "beds"}]}},
                {"id": "c.check", "title": {"zh": "制度", "en": "Rules"}, "explanation": {"zh": "说明", "en": "Explained"},
                 "provenance": {"source": "src", "section": "6", "tag": "decision"},
                 "applicability": {"flag": "ob", "has_beds": true},
                 "importance": "recommended", "kind": "checklist"},
                {"id": "c.dept", "title": {"zh": "内科", "en": "Medicine"}, "explanation": {"zh": "说明", "en": "Explained"},
                 "provenance": {"source": "src", "section": "7", "tag": "provincial"},
                 "importance": "core", "kind": "department",
                 "department": {"group": "clinical", "required_for": ["general", "central"]}}
            ]},
            {"id": "s2", "title": {"zh": "二", "en": "Two"}, "criteria": [
                {"id": "c.graded", "title": {"zh": "条款", "en": "Clause"}, "explanation": {"zh": "说明", "en": "Explained"},
                 "provenance": {"source": "src", "section": "8", "tag": "provincial"},
                 "importance": "core", "kind": "graded",
                 "graded": {"sub_items": [
                     {"id": "C-1", "level": "C", "text": {"zh": "有制度", "en": "Rules"}},
                     {"id": "B-1", "level": "B", "text": {"zh": "有监管", "en": "Supervised"}}
                 ]}}
            ]}
        ],
        "tiers": [
            {"id": "basic", "name": {"zh": "基本", "en": "Basic"},
             "provenance": {"source": "src", "section": "9", "tag": "national"},
             "basic": {"c": 95, "b": 50, "a": 20},
             "eligibility": {"all_below": [{"operand": "staff", "below": 10}]}}
        ]
    })
}

fn load(v: &Value) -> Result<Catalogue, Vec<CatalogueError>> {
    Catalogue::from_json(&serde_json::to_string_pretty(v).unwrap())
}

fn errors(v: &Value) -> Vec<CatalogueError> {
    match load(v) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e,
    }
}

fn criterion(v: &mut Value, section: usize, index: usize) -> &mut Value {
    &mut v["sections"][section]["criteria"][index]
}

fn has(errors: &[CatalogueError], location: Location, field: &str, problem: Problem) {
    let wanted = CatalogueError::new(location, field, problem);
    assert!(
        errors.contains(&wanted),
        "expected {wanted:?}\n got {errors:#?}"
    );
}

#[test]
fn the_fixture_is_valid_and_round_trips() {
    let cat = load(&valid()).unwrap();
    assert_eq!(cat.criterion_count(), 8);
    assert_eq!(Catalogue::from_json(&cat.to_json()).unwrap(), cat);
}

#[test]
fn bundled_catalogues_round_trip_through_their_own_export() {
    for cat in bundled() {
        let again = Catalogue::from_json(&cat.to_json()).unwrap();
        assert_eq!(&again, cat, "{}", cat.id);
    }
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let text = "{\n  \"format_version\": 1,\n  \"id\": \"x\",,\n}";
    let e = Catalogue::from_json(text).unwrap_err();
    assert_eq!(e.len(), 1);
    match &e[0].problem {
        Problem::Syntax { line, column, .. } => assert_eq!((*line, *column), (3, 13)),
        other => panic!("{other:?}"),
    }
    assert!(
        e[0].message_zh().contains("第 3 行第 13 列"),
        "{}",
        e[0].message_zh()
    );
    assert!(
        e[0].message_en().contains("line 3, column 13"),
        "{}",
        e[0].message_en()
    );
}

#[test]
fn unsupported_format_version_is_refused_first() {
    let mut v = valid();
    v["format_version"] = json!(2);
    let e = errors(&v);
    assert_eq!(
        e,
        vec![CatalogueError::new(
            Location::Catalogue,
            "format_version",
            Problem::UnsupportedFormatVersion {
                found: 2,
                supported: 1
            }
        )]
    );
}

#[test]
fn duplicate_ids_are_named() {
    let mut v = valid();
    let copy = criterion(&mut v, 0, 1).clone();
    v["sections"][1]["criteria"]
        .as_array_mut()
        .unwrap()
        .push(copy);
    let copy = v["sections"][0].clone();
    v["sections"].as_array_mut().unwrap().push(json!({"id": "s1", "title": copy["title"], "criteria": [{
        "id": "c.other", "title": {"zh": "x", "en": "x"}, "explanation": {"zh": "x", "en": "x"},
        "provenance": {"source": "src", "section": "1", "tag": "provincial"}, "importance": "core", "kind": "checklist"}]}));
    let input = v["inputs"][0].clone();
    v["inputs"].as_array_mut().unwrap().push(input);
    let e = errors(&v);
    has(
        &e,
        Location::Criterion("c.share".into()),
        "id",
        Problem::DuplicateId {
            id: "c.share".into(),
        },
    );
    has(
        &e,
        Location::Section("s1".into()),
        "id",
        Problem::DuplicateId { id: "s1".into() },
    );
    has(
        &e,
        Location::Input("staff".into()),
        "id",
        Problem::DuplicateId { id: "staff".into() },
    );
}

#[test]
fn unknown_kinds_are_named_with_the_criterion() {
    let mut v = valid();
    criterion(&mut v, 0, 5)["kind"] = json!("questionnaire");
    criterion(&mut v, 0, 2)["rule"]["type"] = json!("median");
    let e = errors(&v);
    assert_eq!(e.len(), 2, "{e:#?}");
    match &e[0] {
        CatalogueError {
            location: Location::Criterion(id),
            field,
            problem: Problem::UnknownKind { kind, expected },
        } => {
            assert_eq!(id, "c.rate");
            assert_eq!(field, "rule.type");
            assert_eq!(kind, "median");
            assert!(expected.contains(&"threshold".to_string()));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(e[1].location, Location::Criterion("c.check".into()));
    assert_eq!(e[1].field, "kind");
    assert!(
        e[1].message_zh().contains("条目“c.check”"),
        "{}",
        e[1].message_zh()
    );
    assert!(
        e[1].message_zh().contains("未知类型“questionnaire”"),
        "{}",
        e[1].message_zh()
    );
    assert!(
        e[1].message_en().contains("unknown kind \"questionnaire\""),
        "{}",
        e[1].message_en()
    );
}

#[test]
fn broken_references_are_named() {
    let mut v = valid();
    criterion(&mut v, 0, 1)["rule"]["numerator"] = json!({"sum": ["tech", "nurses"]});
    criterion(&mut v, 0, 0)["inputs"] = json!(["staff", "doctors"]);
    criterion(&mut v, 0, 5)["applicability"]["flag"] = json!("maternity");
    criterion(&mut v, 0, 6)["provenance"]["source"] = json!("nowhere");
    v["inputs"][1]["not_above"] = json!("everyone");
    let e = errors(&v);
    has(
        &e,
        Location::Criterion("c.share".into()),
        "rule.numerator",
        Problem::UnknownInput {
            id: "nurses".into(),
        },
    );
    has(
        &e,
        Location::Criterion("c.inputs".into()),
        "inputs",
        Problem::UnknownInput {
            id: "doctors".into(),
        },
    );
    has(
        &e,
        Location::Criterion("c.check".into()),
        "applicability.flag",
        Problem::UnknownFlag {
            id: "maternity".into(),
        },
    );
    has(
        &e,
        Location::Criterion("c.dept".into()),
        "provenance.source",
        Problem::UnknownSource {
            id: "nowhere".into(),
        },
    );
    has(
        &e,
        Location::Input("tech".into()),
        "not_above",
        Problem::UnknownInput {
            id: "everyone".into(),
        },
    );
    assert_eq!(e.len(), 5, "{e:#?}");
}

#[test]
fn impossible_thresholds_are_refused() {
    let mut v = valid();
    let r = &mut criterion(&mut v, 0, 1)["rule"];
    r["max"] = json!({"num": 70, "den": 100}); // min 80% > max 70%
    r["soft_max"] = json!({"num": 1, "den": 0}); // zero denominator
    let t = &mut criterion(&mut v, 0, 2)["rule"];
    t["min"] = json!(10_050); // 100.5%
    let e = errors(&v);
    has(
        &e,
        Location::Criterion("c.share".into()),
        "rule.min",
        Problem::MinAboveMax {
            min: "80/100".into(),
            max: "70/100".into(),
        },
    );
    has(
        &e,
        Location::Criterion("c.share".into()),
        "rule.soft_max",
        Problem::ZeroDenominator,
    );
    has(
        &e,
        Location::Criterion("c.rate".into()),
        "rule.min",
        Problem::PercentAbove100 {
            value: "100.5%".into(),
        },
    );

    let mut v = valid();
    criterion(&mut v, 0, 1)["rule"]["min"] = json!({"num": 120, "den": 100});
    has(
        &errors(&v),
        Location::Criterion("c.share".into()),
        "rule.min",
        Problem::PercentAbove100 {
            value: "120%".into(),
        },
    );

    let mut v = valid();
    let t = &mut criterion(&mut v, 0, 2)["rule"];
    t["min"] = json!(5);
    t["max"] = json!(3);
    has(
        &errors(&v),
        Location::Criterion("c.rate".into()),
        "rule.min",
        Problem::MinAboveMax {
            min: "5".into(),
            max: "3".into(),
        },
    );

    let mut v = valid();
    criterion(&mut v, 0, 2)["rule"] = json!({"type": "threshold", "value": "rate"});
    has(
        &errors(&v),
        Location::Criterion("c.rate".into()),
        "rule",
        Problem::NoThreshold,
    );

    let mut v = valid();
    v["tiers"][0]["basic"] = json!({"c": 101, "b": 50, "a": 60});
    let e = errors(&v);
    has(
        &e,
        Location::Tier("basic".into()),
        "basic.c",
        Problem::PercentAbove100 {
            value: "101%".into(),
        },
    );
    has(
        &e,
        Location::Tier("basic".into()),
        "basic",
        Problem::BarsRise,
    );
}

#[test]
fn missing_translations_are_named_by_field_and_language() {
    let mut v = valid();
    criterion(&mut v, 0, 1)["title"]["en"] = json!("");
    criterion(&mut v, 1, 0)["graded"]["sub_items"][1]["text"]["zh"] = json!("  ");
    v["inputs"][2]["unit"]["zh"] = json!("");
    let e = errors(&v);
    has(
        &e,
        Location::Criterion("c.share".into()),
        "title.en",
        Problem::MissingTranslation { lang: Lang::En },
    );
    has(
        &e,
        Location::SubItem {
            criterion: "c.graded".into(),
            sub_item: "B-1".into(),
        },
        "text.zh",
        Problem::MissingTranslation { lang: Lang::Zh },
    );
    has(
        &e,
        Location::Input("beds".into()),
        "unit.zh",
        Problem::MissingTranslation { lang: Lang::Zh },
    );
    let msg = e[0].message_zh();
    assert!(msg.contains("缺少"), "{msg}");
}

#[test]
fn shape_errors_and_unknown_fields_name_the_criterion() {
    let mut v = valid();
    criterion(&mut v, 0, 1)["importance"] = json!("urgent");
    criterion(&mut v, 0, 2)["aplicability"] = json!({});
    criterion(&mut v, 0, 3)["rule"]["warn_abov"] = json!(50);
    let e = errors(&v);
    assert!(
        e.iter()
            .any(|x| x.location == Location::Criterion("c.share".into())
                && matches!(&x.problem, Problem::Shape { detail } if detail.contains("urgent"))),
        "{e:#?}"
    );
    has(
        &e,
        Location::Criterion("c.rate".into()),
        "aplicability",
        Problem::UnknownField {
            name: "aplicability".into(),
        },
    );
    assert!(
        e.iter()
            .any(|x| x.location == Location::Criterion("c.beds".into())
                && matches!(&x.problem, Problem::Shape { detail } if detail.contains("warn_abov"))),
        "{e:#?}"
    );

    // A criterion without a readable id is located by its path.
    let mut v = valid();
    criterion(&mut v, 1, 0)["id"] = json!(7);
    let e = errors(&v);
    assert_eq!(
        e[0].location,
        Location::Element("sections[1].criteria[0]".into())
    );
}

#[test]
fn graded_sub_item_levels_must_start_at_c_without_gaps() {
    let mut v = valid();
    criterion(&mut v, 1, 0)["graded"]["sub_items"] = json!([
        {"id": "C-1", "level": "C", "text": {"zh": "a", "en": "a"}},
        {"id": "A-1", "level": "A", "text": {"zh": "b", "en": "b"}}
    ]);
    has(
        &errors(&v),
        Location::Criterion("c.graded".into()),
        "graded.sub_items",
        Problem::SubItemLevels {
            missing: thc_core::catalogue::Grade::B,
        },
    );
}

#[test]
fn department_lists_must_not_conflict() {
    let mut v = valid();
    criterion(&mut v, 0, 6)["department"]["optional_for"] = json!(["central"]);
    has(
        &errors(&v),
        Location::Criterion("c.dept".into()),
        "department.optional_for",
        Problem::RequiredAndOptional {
            centre_type: "central".into(),
        },
    );
}

#[test]
fn every_error_renders_in_both_languages() {
    let mut v = valid();
    criterion(&mut v, 0, 1)["rule"]["numerator"] = json!("ghost");
    v["title"]["zh"] = json!("");
    v["beds_input"] = json!("cots");
    for e in errors(&v) {
        assert!(!e.message_zh().is_empty() && !e.message_en().is_empty());
        assert_ne!(e.message_zh(), e.message_en());
        assert_eq!(e.message(Lang::En), e.to_string());
    }
}

#[test]
fn a_loaded_catalogue_never_replaces_a_bundled_one() {
    let mut registry = Registry::with_bundled();
    let mut v = valid();
    v["id"] = json!("thc-standard");
    let impostor = load(&v).unwrap();
    let err = registry
        .add_loaded(Box::leak(Box::new(impostor)))
        .unwrap_err();
    assert_eq!(
        err,
        RegistryError::IdOfBundled {
            id: "thc-standard".into()
        }
    );
    assert!(err.message_zh().contains("thc-standard"));
    assert!(err.message_en().contains("refused"));
    // The bundled catalogue is still the one returned.
    assert_eq!(registry.get("thc-standard").unwrap().sections.len(), 10);

    let province = load(&valid()).unwrap();
    assert_eq!(
        registry
            .add_loaded(Box::leak(Box::new(province.clone())))
            .unwrap(),
        AddOutcome::Added
    );
    let mut newer = province;
    newer.version = 4;
    assert_eq!(
        registry.add_loaded(Box::leak(Box::new(newer))).unwrap(),
        AddOutcome::ReplacedLoaded {
            previous_version: 3
        }
    );
    assert_eq!(registry.get("hebei-2024").unwrap().version, 4);
    assert_eq!(registry.all().len(), 4);
    assert!(!registry.remove_loaded("thc-standard"));
    assert!(registry.remove_loaded("hebei-2024"));
    assert!(registry.get("hebei-2024").is_none());
}

#[test]
fn a_returning_visitor_gets_back_every_stored_catalogue_that_still_validates() {
    let province = serde_json::to_string(&valid()).unwrap();
    let mut impostor = valid();
    impostor["id"] = json!("thc-standard");
    let impostor = serde_json::to_string(&impostor).unwrap();
    let mut kept = 0;
    let registry = Registry::restore(
        [province.as_str(), "{\"id\": broken", impostor.as_str()],
        &mut |c| {
            kept += 1;
            Box::leak(Box::new(c))
        },
    );
    assert_eq!(kept, 1, "only the valid, non-bundled catalogue is kept");
    assert_eq!(registry.loaded().len(), 1);
    assert_eq!(registry.get("hebei-2024").unwrap().version, 3);
    // The bundled catalogue is never shadowed by a stored one with its id.
    assert_eq!(registry.get("thc-standard").unwrap().sections.len(), 10);
}
