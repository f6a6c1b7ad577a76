//! Writing a power as EMCHD_1 XML: UTF-8, the schema's element order,
//! every value escaped; reading the result back gives the same power.

use super::model::{
    DocumentKind, Entrepreneur, Executive, FirstPower, FnsPowerOfAttorney, ForeignOrganization,
    FullName, Organization, Party, Person, Powers, Principal, RestrictionValue,
};
use super::{FORMAT, NAMESPACE};
use crate::delegation::Redelegation;
use crate::identifiers::Snils;

/// Writes a power given in its JSON form (the serde form of
/// [`FnsPowerOfAttorney`]) as EMCHD_1 XML, read back before it is returned,
/// so that every identifier, length and code is checked.
///
/// # Errors
/// `mchd_xml.json` for JSON of another shape (or over
/// [`super::MAX_XML_BYTES`]), else the error reading the XML back gives.
pub fn export_fns_power_json(json: &str) -> Result<String, super::FnsXmlError> {
    if json.len() > super::MAX_XML_BYTES {
        return Err(super::FnsXmlError::TooLarge {
            size: json.len(),
            max: super::MAX_XML_BYTES,
        });
    }
    let power: FnsPowerOfAttorney =
        serde_json::from_str(json).map_err(|e| super::FnsXmlError::Json {
            detail: e.to_string(),
        })?;
    let xml = export_fns_power(&power);
    let back = super::parse_fns_power(xml.as_bytes())?;
    if back != power {
        return Err(super::FnsXmlError::Json {
            detail: "the power does not read back the same".into(),
        });
    }
    Ok(xml)
}

/// The power as an EMCHD_1 document.
pub fn export_fns_power(p: &FnsPowerOfAttorney) -> String {
    let mut w = Writer::default();
    w.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut root = vec![
        ("xmlns", NAMESPACE.to_owned()),
        ("ВерсФорм", FORMAT.to_owned()),
    ];
    root.push(("ПрЭлФорм", p.element_flags.clone()));
    root.push(("ИдФайл", p.file_id.clone()));
    push_opt(&mut root, "ИдФайлНО", p.tax_file_id.as_deref());
    w.open("Доверенность", &root);
    let mut doc = Vec::new();
    push_opt(&mut doc, "КНД", p.form_code.as_deref());
    w.open("Документ", &doc);
    match &p.kind {
        DocumentKind::Original => {
            w.open("Довер", &[]);
            terms(&mut w, "СвДов", p);
            for principal in &p.principals {
                w.open(
                    "СвДоверит",
                    &[("ТипДоверит", principal_kind(principal).into())],
                );
                w.open("Доверит", &[]);
                principal_element(&mut w, principal, false);
                w.close("Доверит");
                w.close("СвДоверит");
            }
            representatives(&mut w, "СвУпПред", &p.representatives);
            powers(&mut w, &p.powers);
            w.close("Довер");
        }
        DocumentKind::Redelegation {
            first_power,
            from_redelegation,
            passed_by,
        } => {
            w.open(
                "Передов",
                &[("ПрНалПередов", flag(*from_redelegation, "1", "0"))],
            );
            first(&mut w, first_power);
            terms(&mut w, "СвПереДовер", p);
            for principal in passed_by {
                let kind = match principal {
                    Principal::RussianOrganization { .. } => "1",
                    Principal::Entrepreneur(_) => "2",
                    Principal::Individual(_) => "3",
                    Principal::ForeignOrganization { .. } => "5",
                };
                w.open("СвПередПолн", &[("ТипПерПолн", kind.into())]);
                w.open("ПередПолн", &[]);
                principal_element(&mut w, principal, true);
                w.close("ПередПолн");
                w.close("СвПередПолн");
            }
            representatives(&mut w, "СвПолучПолн", &p.representatives);
            powers(&mut w, &p.powers);
            w.close("Передов");
        }
    }
    w.close("Документ");
    w.close("Доверенность");
    w.out
}

fn flag(value: bool, yes: &str, no: &str) -> String {
    if value { yes } else { no }.to_owned()
}

fn push_opt(attrs: &mut Vec<(&'static str, String)>, name: &'static str, value: Option<&str>) {
    if let Some(v) = value {
        attrs.push((name, v.to_owned()));
    }
}

fn principal_kind(p: &Principal) -> &'static str {
    match p {
        Principal::RussianOrganization { .. } => "1",
        Principal::ForeignOrganization { .. } => "2",
        Principal::Entrepreneur(_) => "3",
        Principal::Individual(_) => "4",
    }
}

fn terms(w: &mut Writer, element: &str, p: &FnsPowerOfAttorney) {
    let redelegation = match p.redelegation {
        Redelegation::None => "1",
        Redelegation::Once => "2",
        Redelegation::Successive => "3",
    };
    let mut a = vec![
        ("ВидДовер", flag(p.irrevocable, "2", "1")),
        ("ПрПередов", redelegation.to_owned()),
        ("ВнНомДовер", p.internal_number.clone()),
        ("НомДовер", p.number.to_string()),
    ];
    push_opt(&mut a, "ДопИдДовер", p.additional_id.as_deref());
    a.push(("ДатаВыдДовер", p.issued_on.to_string()));
    a.push(("СрокДейст", p.valid_through.to_string()));
    push_opt(&mut a, "КодНО", p.tax_office.as_deref());
    w.open(element, &a);
    w.text("СведСист", &p.registry_url);
    w.close(element);
}

fn first(w: &mut Writer, f: &FirstPower) {
    let mut a = vec![
        ("ПрДовер", f.mark.to_string()),
        ("ФормДовер", f.form.to_string()),
        ("ДатаВыдДовер", f.issued_on.to_string()),
        ("СрокДейст", f.valid_through.to_string()),
    ];
    push_opt(
        &mut a,
        "НомДоверПерв",
        f.first.map(|n| n.to_string()).as_deref(),
    );
    push_opt(
        &mut a,
        "НомДоверN",
        f.parent.map(|n| n.to_string()).as_deref(),
    );
    w.empty("СвПервДовер", &a);
}

fn principal_element(w: &mut Writer, p: &Principal, passing: bool) {
    match p {
        Principal::RussianOrganization {
            organization: org,
            executives,
        } => {
            let by = |k: fn(&Executive) -> bool| flag(executives.iter().any(k), "1", "0");
            let element = if passing {
                "РосОргПерПолн"
            } else {
                "РосОргДовер"
            };
            w.open(
                element,
                &[
                    (
                        "ЕИОУК",
                        by(|e| matches!(e, Executive::ManagingOrganization { .. })),
                    ),
                    ("ЕИОФЛ", by(|e| matches!(e, Executive::Person { .. }))),
                    ("ЕИОИП", by(|e| matches!(e, Executive::Entrepreneur { .. }))),
                ],
            );
            organization(w, "СвРосОрг", org);
            for e in executives {
                executive(w, e);
            }
            w.close(element);
        }
        Principal::ForeignOrganization {
            organization,
            heads,
        } => {
            let element = if passing {
                "ИнПерПолн"
            } else {
                "ИнОргДовер"
            };
            w.open(element, &[]);
            foreign(w, "СвИнОрг", organization);
            for h in heads {
                person(w, "СвРукОП", h);
            }
            w.close(element);
        }
        Principal::Entrepreneur(e) => entrepreneur(
            w,
            if passing {
                "ИППерПолн"
            } else {
                "ИПДовер"
            },
            e,
        ),
        Principal::Individual(p) => {
            let element = if passing {
                "ФЛПерПолн"
            } else {
                "ФЛДовер"
            };
            let mut a = Vec::new();
            push_opt(&mut a, "ИННФЛ", p.inn.as_ref().map(|i| i.as_str()));
            push_opt(
                &mut a,
                "СНИЛС",
                p.snils.as_ref().map(shown_snils).as_deref(),
            );
            w.open(element, &a);
            person_data(w, &p.name, p.birth_date);
            w.close(element);
        }
    }
}

fn executive(w: &mut Writer, e: &Executive) {
    let alone = |a: bool| [("ПолнЮЛ", flag(a, "1", "2"))];
    match e {
        Executive::Person {
            acts_alone,
            person: p,
        } => {
            w.open("ЛицоБезДов", &alone(*acts_alone));
            person(w, "СвФЛ", p);
        }
        Executive::Entrepreneur {
            acts_alone,
            entrepreneur: ip,
        } => {
            w.open("ЛицоБезДов", &alone(*acts_alone));
            entrepreneur(w, "СвИП", ip);
        }
        Executive::ManagingOrganization {
            acts_alone,
            organization: org,
            persons,
        } => {
            w.open("ЛицоБезДов", &alone(*acts_alone));
            w.open("СВЮЛ", &[]);
            organization(w, "СвЮЛЕИО", org);
            for p in persons {
                person(w, "СвФЛ", p);
            }
            w.close("СВЮЛ");
        }
    }
    w.close("ЛицоБезДов");
}

fn organization(w: &mut Writer, element: &str, o: &Organization) {
    let mut a = vec![("НаимОрг", o.name.clone())];
    push_opt(&mut a, "ИННЮЛ", o.inn.as_ref().map(|i| i.as_str()));
    a.push(("КПП", o.kpp.as_str().to_owned()));
    push_opt(&mut a, "ОГРН", o.ogrn.as_ref().map(|g| g.as_str()));
    w.empty(element, &a);
}

fn foreign(w: &mut Writer, element: &str, o: &ForeignOrganization) {
    let mut a = vec![("НаимИО", o.name.clone())];
    push_opt(&mut a, "ИННЮЛ", o.inn.as_ref().map(|i| i.as_str()));
    push_opt(&mut a, "КПП", o.kpp.as_ref().map(|k| k.as_str()));
    push_opt(&mut a, "НЗА", o.accreditation.as_deref());
    w.empty(element, &a);
}

fn person(w: &mut Writer, element: &str, p: &Person) {
    let mut a = Vec::new();
    push_opt(&mut a, "ИННФЛ", p.inn.as_ref().map(|i| i.as_str()));
    push_opt(
        &mut a,
        "СНИЛС",
        p.snils.as_ref().map(shown_snils).as_deref(),
    );
    push_opt(&mut a, "Должность", p.position.as_deref());
    w.open(element, &a);
    person_data(w, &p.name, p.birth_date);
    w.close(element);
}

fn entrepreneur(w: &mut Writer, element: &str, e: &Entrepreneur) {
    let mut a = Vec::new();
    push_opt(&mut a, "НаимИП", e.trade_name.as_deref());
    a.push(("ОГРНИП", e.ogrnip.as_str().to_owned()));
    a.push(("ИННФЛ", e.inn.as_str().to_owned()));
    a.push(("СНИЛС", shown_snils(&e.snils)));
    w.open(element, &a);
    person_data(w, &e.name, None);
    w.close(element);
}

fn person_data(w: &mut Writer, name: &FullName, birth_date: Option<jiff::civil::Date>) {
    let mut a = Vec::new();
    push_opt(
        &mut a,
        "ДатаРожд",
        birth_date.map(|d| d.to_string()).as_deref(),
    );
    w.open("СведФЛ", &a);
    let mut fio = vec![
        ("Фамилия", name.surname.clone()),
        ("Имя", name.given.clone()),
    ];
    push_opt(&mut fio, "Отчество", name.patronymic.as_deref());
    w.empty("ФИО", &fio);
    w.close("СведФЛ");
}

fn representatives(w: &mut Writer, element: &str, parties: &[Party]) {
    for party in parties {
        let kind = match party {
            Party::Organization { .. } => "1",
            Party::Entrepreneur(_) => "2",
            Party::Person(_) => "3",
            Party::Branch { .. } => "4",
            Party::ForeignBranch { .. } => "5",
        };
        w.open(element, &[("ТипПред", kind.into())]);
        w.open("Пред", &[]);
        // the schema's order: СведОрг, СведИП, СведФизЛ, СведФилиал, СведИО
        match party {
            Party::Organization {
                organization: o,
                person: p,
            } => {
                organization(w, "СведОрг", o);
                p.iter().for_each(|p| person(w, "СведФизЛ", p));
            }
            Party::Entrepreneur(e) => entrepreneur(w, "СведИП", e),
            Party::Person(p) => person(w, "СведФизЛ", p),
            Party::Branch { branch, person: p } => {
                p.iter().for_each(|p| person(w, "СведФизЛ", p));
                organization(w, "СведФилиал", branch);
            }
            Party::ForeignBranch { branch, person: p } => {
                p.iter().for_each(|p| person(w, "СведФизЛ", p));
                foreign(w, "СведИО", branch);
            }
        }
        w.close("Пред");
        w.close(element);
    }
}

fn powers(w: &mut Writer, p: &Powers) {
    let mut a = vec![
        ("ТипПолн", flag(p.machine_readable, "1", "0")),
        ("ПрСовмПолн", flag(p.joint, "2", "1")),
    ];
    push_opt(
        &mut a,
        "ПрУтрПолн",
        p.lost_on_redelegation.map(|l| flag(l, "1", "2")).as_deref(),
    );
    w.open("СвПолн", &a);
    if let Some(t) = &p.text {
        w.text("ТекстПолн", t);
    }
    for m in &p.codes {
        let mut a = Vec::new();
        push_opt(&mut a, "МнПолн", m.mnemonic.as_deref());
        a.push(("КодПолн", m.code.clone()));
        a.push(("НаимПолн", m.name.clone()));
        if m.restrictions.is_empty() {
            w.empty("МашПолн", &a);
            continue;
        }
        w.open("МашПолн", &a);
        for r in &m.restrictions {
            let mut ra = vec![
                ("ИдОгр", r.id.to_string()),
                ("КодОгр", r.code.clone()),
                ("НаимОгр", r.name.clone()),
            ];
            push_opt(&mut ra, "НаимЗначОгр", r.value_name.as_deref());
            w.open("ОгрСвПолн", &ra);
            match &r.value {
                RestrictionValue::Code(c) => w.text("КодЗначОгр", c),
                RestrictionValue::Text(t) => w.text("ТексЗначОгр", t),
            }
            w.close("ОгрСвПолн");
        }
        w.close("МашПолн");
    }
    w.close("СвПолн");
}

/// A СНИЛС as the format writes it: `XXX-XXX-XXX YY`.
fn shown_snils(s: &Snils) -> String {
    let d = s.as_str();
    let part = |r: core::ops::Range<usize>| d.get(r).unwrap_or("");
    format!(
        "{}-{}-{} {}",
        part(0..3),
        part(3..6),
        part(6..9),
        part(9..11)
    )
}

/// An indenting writer of elements.
#[derive(Default)]
struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    fn start(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape(&mut self.out, v, true);
            self.out.push('"');
        }
    }

    fn open(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.start(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.start(name, attrs);
        self.out.push_str(" />\n");
    }

    fn text(&mut self, name: &str, text: &str) {
        self.start(name, &[]);
        self.out.push('>');
        escape(&mut self.out, text, false);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }
}

/// Escapes markup; in attributes also quotes and the whitespace that
/// attribute-value normalization would otherwise turn into spaces.
fn escape(out: &mut String, value: &str, attribute: bool) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
}
