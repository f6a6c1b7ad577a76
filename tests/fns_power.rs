//! Conformance: the FNS machine-readable power of attorney (EMCHD_1) read
//! from the real files of `mchd/` (see its SOURCES.md): the six valid powers
//! parse, every invalid sample and pseudonymised shape is refused with the
//! code its defect calls for, format 002 is recognised and refused, hostile
//! XML is refused in milliseconds, and exports validate against the FNS
//! schema (`xmllint --schema`) and parse back to the same power.
//!
//! The files carry private persons' data: values are compared with what the
//! files themselves say, never written here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;
#[path = "support/snils.rs"]
mod snils;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kabinet::delegation::fns_xml::{
    export_fns_power, parse_fns_power, DocumentKind, Entrepreneur, Executive, FirstPower,
    FnsPowerOfAttorney, ForeignOrganization, FullName, Organization, Party, Person, Principal,
    RestrictionValue, MAX_XML_BYTES,
};
use kabinet::delegation::Redelegation;
use kabinet::identifiers::{Inn, Kpp, Ogrn, Ogrnip, Snils};
use kabinet::Coded;

fn mchd() -> PathBuf {
    conformance::folder("mchd", "SOURCES.md")
}

fn xml_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(mchd().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

fn file_named(folder: &str, prefix: &str) -> PathBuf {
    xml_files(folder)
        .into_iter()
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no {folder}/{prefix}* file"))
}

fn occurrences(bytes: &[u8], needle: &str) -> usize {
    bytes
        .windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

#[test]
fn the_six_real_powers_parse_with_what_their_files_say() {
    let files = xml_files("valid");
    assert_eq!(files.len(), 6);
    let expected_redelegation = [
        ("ON_EMCHD_20241203_c61a40df", Redelegation::None),
        ("ON_EMCHD_20250522_c52fc81d", Redelegation::None),
        ("ON_EMCHD_20250523_323e64bf", Redelegation::Successive),
        ("ON_EMCHD_20250523_46b84724", Redelegation::Successive),
        ("ON_EMCHD_20250523_472e846e", Redelegation::Successive),
        ("ON_EMCHD_20250523_c59126b9", Redelegation::Successive),
    ];
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let name = file.file_stem().unwrap().to_str().unwrap();
        let power = parse_fns_power(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        // the registry number is the UUID of the file name, the file id the name
        assert_eq!(power.file_id, name);
        assert!(name.ends_with(&power.number.to_string()), "{name}");
        assert!(power.registry_url.contains(&power.number.to_string()));
        assert_eq!(power.kind, DocumentKind::Original);
        assert!(!power.irrevocable);
        let (_, redelegation) = expected_redelegation
            .iter()
            .find(|(prefix, _)| name.starts_with(prefix))
            .unwrap();
        assert_eq!(power.redelegation, *redelegation, "{name}");
        // dates as written
        let issued = format!("ДатаВыдДовер=\"{}\"", power.issued_on);
        let through = format!("СрокДейст=\"{}\"", power.valid_through);
        assert_eq!(occurrences(&bytes, &issued), 1, "{name}");
        assert_eq!(occurrences(&bytes, &through), 1, "{name}");
        // a Russian legal entity whose general director acts alone
        let [Principal::RussianOrganization {
            organization,
            executives,
        }] = power.principals.as_slice()
        else {
            panic!("{name}: principal {:?}", power.principals)
        };
        assert!(organization.inn.is_some() && organization.ogrn.is_some());
        let [Executive::Person {
            acts_alone: true,
            person,
        }] = executives.as_slice()
        else {
            panic!("{name}: executives")
        };
        assert!(person.inn.is_some() && person.snils.is_some());
        let [Party::Person(representative)] = power.representatives.as_slice() else {
            panic!("{name}: representatives")
        };
        assert!(representative.inn.is_some());
        // every classifier power and restriction of the file, in order
        assert!(power.powers.machine_readable && !power.powers.joint);
        assert_eq!(
            power.powers.codes.len(),
            occurrences(&bytes, "<МашПолн "),
            "{name}"
        );
        let restrictions: usize = power
            .powers
            .codes
            .iter()
            .map(|c| c.restrictions.len())
            .sum();
        assert_eq!(restrictions, occurrences(&bytes, "<ОгрСвПолн "), "{name}");
        for code in &power.powers.codes {
            assert_eq!(
                occurrences(&bytes, &format!("КодПолн=\"{}\"", code.code)),
                1,
                "{}",
                code.code
            );
        }
    }
}

#[test]
fn the_restrictions_and_filing_marks_are_read() {
    let bytes = std::fs::read(file_named("valid", "ON_EMCHD_20250523_46b84724")).unwrap();
    let power = parse_fns_power(&bytes).unwrap();
    let restricted: Vec<_> = power
        .powers
        .codes
        .iter()
        .filter(|c| !c.restrictions.is_empty())
        .collect();
    assert!(!restricted.is_empty());
    for r in restricted.iter().flat_map(|c| &c.restrictions) {
        assert!(r.code.starts_with("LIM_"), "{}", r.code);
        let value = match &r.value {
            RestrictionValue::Code(c) => format!("<КодЗначОгр>{c}</КодЗначОгр>"),
            RestrictionValue::Text(t) => format!("<ТексЗначОгр>{t}</ТексЗначОгр>"),
        };
        assert!(occurrences(&bytes, &value) >= 1);
    }
    // filed through the tax office: the file id, form code and office are kept
    let filed =
        parse_fns_power(&std::fs::read(file_named("valid", "ON_EMCHD_20250522")).unwrap()).unwrap();
    assert!(filed.tax_file_id.is_some());
    assert_eq!(filed.form_code.as_deref(), Some("1110415"));
    assert_eq!(filed.tax_office.as_deref(), Some("7714"));
    assert!(filed.additional_id.is_some());
    assert_eq!(filed.element_flags, "00010000");
    // ПрУтрПолн of 323e64bf
    let lost =
        parse_fns_power(&std::fs::read(file_named("valid", "ON_EMCHD_20250523_323e64bf")).unwrap())
            .unwrap();
    assert_eq!(lost.powers.lost_on_redelegation, Some(true));
}

#[test]
fn every_invalid_sample_is_refused_with_the_code_of_its_defect() {
    let cases = [
        ("malformed_", "mchd_xml.malformed", " 9)"),
        (
            "delete_attr_6_",
            "mchd_xml.missing_attribute",
            "СвДоверит/@ТипДоверит",
        ),
        ("delete_field_3_", "mchd_xml.missing_element", "Довер/СвДов"),
        ("invalid_length_5_", "mchd_xml.bad_value", "СвДов/СведСист"),
        (
            "unexpcted_attr_7_",
            "mchd_xml.unexpected_attribute",
            "СвДоверит/@НезваныйГость",
        ),
        ("invalid_13_", "kpp.length", "СвРосОрг/@КПП"),
        (
            "invalid_20_",
            "snils.not_digits",
            "СвУпПред/Пред/СведФизЛ/@СНИЛС",
        ),
        (
            "invalid_12_",
            "mchd_xml.principal_inn_required",
            "РосОргДовер/СвРосОрг",
        ),
        ("invalid_15_", "mchd_xml.no_principal", "СвДоверит/Доверит"),
    ];
    assert_eq!(xml_files("invalid").len(), cases.len() + 1);
    for (prefix, code, place) in cases {
        let bytes = std::fs::read(file_named("invalid", prefix)).unwrap();
        let error = parse_fns_power(&bytes).expect_err(prefix);
        assert_eq!(error.code(), code, "{prefix}: {error}");
        assert!(
            error.message_en().contains(place),
            "{prefix}: {}",
            error.message_en()
        );
        assert!(
            error.message_ru().contains(place),
            "{prefix}: {}",
            error.message_ru()
        );
    }
    // ЛицоБезДов twice (the schema allows it): one signatory, not two
    let twice =
        parse_fns_power(&std::fs::read(file_named("invalid", "invalid_17_")).unwrap()).unwrap();
    let [Principal::RussianOrganization { executives, .. }] = twice.principals.as_slice() else {
        panic!()
    };
    assert_eq!(executives.len(), 1);
    assert_eq!(twice.principals[0].signatories().len(), 1);
}

#[test]
fn the_pseudonymised_shapes_are_refused_for_their_identifiers() {
    let cases = [
        ("grantorPerson_", "inn.checksum", "ФЛДовер/@ИННФЛ"),
        ("exec_ip_", "ogrnip.first_digit", "ЛицоБезДов/СвИП/@ОГРНИП"),
        ("foreign_comp_", "inn.checksum", "ИнОргДовер/СвРукОП/@ИННФЛ"),
    ];
    for (prefix, code, place) in cases {
        let error = parse_fns_power(&std::fs::read(file_named("synthetic", prefix)).unwrap())
            .expect_err(prefix);
        assert_eq!(error.code(), code, "{prefix}: {error}");
        assert!(error.message_en().contains(place), "{}", error.message_en());
    }
}

#[test]
fn format_002_is_recognised_and_refused() {
    let files = xml_files("format002");
    assert_eq!(files.len(), 1);
    let error = parse_fns_power(&std::fs::read(&files[0]).unwrap()).unwrap_err();
    assert_eq!(error.code(), "mchd_xml.unsupported");
    assert!(error.message_en().contains("002"), "{}", error.message_en());
}

fn refused_fast(bytes: &[u8], code: &str) {
    let started = Instant::now();
    let error = parse_fns_power(bytes).unwrap_err();
    let took = started.elapsed();
    assert_eq!(error.code(), code, "{error}");
    assert!(took < Duration::from_millis(200), "{code} took {took:?}");
}

#[test]
fn hostile_xml_is_refused_in_milliseconds() {
    // entity expansion needs a DTD
    let laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><Доверенность>&d;</Доверенность>";
    refused_fast(laughs.as_bytes(), "mchd_xml.dtd");
    let external =
        "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"file:///etc/passwd\"><Доверенность/>";
    refused_fast(external.as_bytes(), "mchd_xml.dtd");
    // 100,000 nested elements within the size limit
    let depth = 100_000;
    let deep = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
    assert!(deep.len() < MAX_XML_BYTES);
    refused_fast(deep.as_bytes(), "mchd_xml.too_complex");
    // a flat file of tiny elements
    let wide = format!("<r>{}</r>", "<a/>".repeat(200_000));
    refused_fast(wide.as_bytes(), "mchd_xml.too_complex");
    // 100 MB is refused by its size before anything is read
    let huge = vec![b' '; 100 * 1024 * 1024];
    refused_fast(&huge, "mchd_xml.too_large");
    // not UTF-8, not format 002
    refused_fast(&[0xff, 0xfe, 0x3c, 0x00], "mchd_xml.encoding");
    // another document altogether
    refused_fast(b"<html/>", "mchd_xml.unsupported");
}

/// Checks a document against the FNS schema with xmllint.
fn schema_valid(xml: &str) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("kabinet-fns-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{}.xml", uuid_like(xml)));
    std::fs::write(&file, xml).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(mchd().join("ON_EMCHD_1_928_00_01_01_01.xsd"))
        .arg(&file)
        .output()
        .expect("xmllint (Debian libxml2-utils; scripts/test installs it)");
    std::fs::remove_file(&file).ok();
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn uuid_like(xml: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    xml.hash(&mut h);
    format!("{:016x}", h.finish())
}

fn round_trip(power: &FnsPowerOfAttorney) {
    let xml = export_fns_power(power);
    if let Err(e) = schema_valid(&xml) {
        panic!("export of {} fails the schema: {e}", power.file_id);
    }
    let again =
        parse_fns_power(xml.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", power.file_id));
    assert_eq!(&again, power);
}

#[test]
fn the_schema_check_itself_refuses_the_invalid_samples() {
    for prefix in ["delete_attr_6_", "unexpcted_attr_7_", "invalid_13_"] {
        let xml = std::fs::read_to_string(file_named("invalid", prefix)).unwrap();
        assert!(schema_valid(&xml).is_err(), "{prefix}");
    }
}

#[test]
fn exports_of_the_real_powers_validate_and_read_back_the_same() {
    for file in xml_files("valid") {
        let power = parse_fns_power(&std::fs::read(&file).unwrap()).unwrap();
        round_trip(&power);
    }
}

fn name(surname: &str) -> FullName {
    FullName {
        surname: surname.into(),
        given: "Иван".into(),
        patronymic: None,
    }
}

fn someone(n: u32, inn: &str) -> Person {
    Person {
        inn: Some(Inn::parse(inn).unwrap()),
        snils: Some(Snils::parse(&snils::snils_of(n)).unwrap()),
        position: Some("Директор".into()),
        name: name("Петров"),
        birth_date: Some("1980-02-29".parse().unwrap()),
    }
}

fn company() -> Organization {
    Organization {
        name: "ООО \"Ромашка\" & <партнёры>".into(),
        inn: Some(Inn::parse("7707083893").unwrap()),
        kpp: Kpp::parse("773601001").unwrap(),
        ogrn: Some(Ogrn::parse("1027700132195").unwrap()),
    }
}

fn entrepreneur() -> Entrepreneur {
    Entrepreneur {
        trade_name: Some("ИП Сидоров".into()),
        ogrnip: Ogrnip::parse("304500116000157").unwrap(),
        inn: Inn::parse("500100732259").unwrap(),
        snils: Snils::parse(&snils::snils_of(7)).unwrap(),
        name: name("Сидоров"),
    }
}

#[test]
fn every_kind_of_principal_and_representative_exports_and_reads_back() {
    let base =
        parse_fns_power(&std::fs::read(file_named("valid", "ON_EMCHD_20241203")).unwrap()).unwrap();
    let principals = [
        Principal::Individual(Person {
            position: None,
            ..someone(1, "770712345633")
        }),
        Principal::Entrepreneur(entrepreneur()),
        Principal::ForeignOrganization {
            organization: ForeignOrganization {
                name: "Foreign Ltd".into(),
                inn: Some(Inn::parse("7707083893").unwrap()),
                kpp: Some(Kpp::parse("773601001").unwrap()),
                accreditation: Some("20150012345".into()),
            },
            heads: vec![someone(2, "770712345633")],
        },
        Principal::RussianOrganization {
            organization: company(),
            executives: vec![Executive::Entrepreneur {
                acts_alone: true,
                entrepreneur: entrepreneur(),
            }],
        },
        Principal::RussianOrganization {
            organization: company(),
            executives: vec![Executive::ManagingOrganization {
                acts_alone: false,
                organization: company(),
                persons: vec![someone(3, "500100732259"), someone(4, "770712345633")],
            }],
        },
    ];
    let parties = [
        Party::Organization {
            organization: company(),
            person: Some(someone(5, "770712345633")),
        },
        Party::Entrepreneur(entrepreneur()),
        Party::Branch {
            branch: company(),
            person: None,
        },
    ];
    for (i, principal) in principals.into_iter().enumerate() {
        let mut power = base.clone();
        power.principals = vec![principal];
        power.representatives = vec![parties[i % parties.len()].clone()];
        power.irrevocable = false;
        power.powers.text = Some("Представлять интересы\nв налоговых органах".into());
        round_trip(&power);
    }
    // a re-delegation passing the powers on
    let mut passed = base.clone();
    passed.kind = DocumentKind::Redelegation {
        first_power: FirstPower {
            mark: 1,
            form: 2,
            issued_on: base.issued_on,
            valid_through: base.valid_through,
            first: Some(base.number),
            parent: Some(base.number),
        },
        from_redelegation: false,
        passed_by: vec![Principal::Individual(Person {
            position: None,
            ..someone(6, "770712345633")
        })],
    };
    passed.principals = Vec::new();
    passed.redelegation = Redelegation::None;
    passed.powers.joint = true;
    round_trip(&passed);
}

#[test]
fn a_term_ending_before_the_issue_is_refused() {
    let mut power =
        parse_fns_power(&std::fs::read(file_named("valid", "ON_EMCHD_20241203")).unwrap()).unwrap();
    power.valid_through = power.issued_on.yesterday().unwrap();
    let error = parse_fns_power(export_fns_power(&power).as_bytes()).unwrap_err();
    assert_eq!(error.code(), "mchd_xml.term");
}

#[test]
fn the_term_runs_through_the_last_day_in_moscow_time() {
    let power =
        parse_fns_power(&std::fs::read(file_named("valid", "ON_EMCHD_20241203")).unwrap()).unwrap();
    let (from, until) = power.term();
    assert_eq!(
        from.to_string(),
        format!("{}T21:00:00Z", power.issued_on.yesterday().unwrap())
    );
    assert_eq!(
        until.to_string(),
        format!("{}T21:00:00Z", power.valid_through)
    );
}
