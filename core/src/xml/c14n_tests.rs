//! The W3C examples of Canonical XML 1.0 (§3) and Exclusive XML
//! Canonicalization (§2.2). Examples that rest on a DTD (attribute defaults,
//! attribute types, entities) are given without it, since DTDs are refused,
//! and their expected output is the one the recommendation's rules give for
//! CDATA attributes without defaults: the change is named at each example.

use super::*;
use crate::xml::{parse_bounded, XmlLimits};

const LIMITS: XmlLimits = XmlLimits {
    nodes: 10_000,
    depth: 64,
};

fn whole(xml: &str, mode: &C14nMode) -> String {
    let doc = parse_bounded(xml, LIMITS).unwrap();
    canonicalize(doc.root(), mode, &|_| false)
}

fn subtree(xml: &str, local: &str, mode: &C14nMode) -> String {
    let doc = parse_bounded(xml, LIMITS).unwrap();
    let apex = doc
        .descendants()
        .find(|n| n.tag_name().name() == local)
        .unwrap();
    canonicalize(apex, mode, &|_| false)
}

fn exclusive() -> C14nMode {
    C14nMode::Exclusive {
        inclusive_prefixes: Vec::new(),
    }
}

/// §3.1 PIs, comments and outside of document element; the DOCTYPE line removed.
#[test]
fn example_3_1_pis_and_comments() {
    let input = "<?xml version=\"1.0\"?>\n\n<?xml-stylesheet   href=\"doc.xsl\"\n   type=\"text/xsl\"   ?>\n\n<doc>Hello, world!<!-- Comment 1 --></doc>\n\n<?pi-without-data     ?>\n\n<!-- Comment 2 -->\n\n<!-- Comment 3 -->\n";
    let expected = "<?xml-stylesheet href=\"doc.xsl\"\n   type=\"text/xsl\"   ?>\n<doc>Hello, world!</doc>\n<?pi-without-data?>";
    assert_eq!(whole(input, &C14nMode::Inclusive), expected);
}

/// §3.2 Whitespace in document content: kept as is.
#[test]
fn example_3_2_whitespace() {
    let input = "<doc>\n   <clean>   </clean>\n   <dirty>   A   B   </dirty>\n   <mixed>\n      A\n      <clean>   </clean>\n      B\n      <dirty>   A   B   </dirty>\n      C\n   </mixed>\n</doc>";
    assert_eq!(whole(input, &C14nMode::Inclusive), input);
}

/// §3.3 Start and end tags; without the DTD, `e9` has no defaulted `attr`.
#[test]
fn example_3_3_start_end_tags_and_namespaces() {
    let input = r#"<doc>
   <e1   />
   <e2   ></e2>
   <e3   name = "elem3"   id="elem3"   />
   <e4   name="elem4"   id="elem4"   ></e4>
   <e5 a:attr="out" b:attr="sorted" attr2="all" attr="I'm"
      xmlns:b="http://www.ietf.org"
      xmlns:a="http://www.w3.org"
      xmlns="http://example.org"/>
   <e6 xmlns="" xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="" xmlns:a="http://www.w3.org">
            <e9 xmlns="" xmlns:a="http://www.ietf.org"/>
         </e8>
      </e7>
   </e6>
</doc>"#;
    let expected = r#"<doc>
   <e1></e1>
   <e2></e2>
   <e3 id="elem3" name="elem3"></e3>
   <e4 id="elem4" name="elem4"></e4>
   <e5 xmlns="http://example.org" xmlns:a="http://www.w3.org" xmlns:b="http://www.ietf.org" attr="I'm" attr2="all" b:attr="sorted" a:attr="out"></e5>
   <e6 xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="">
            <e9 xmlns:a="http://www.ietf.org"></e9>
         </e8>
      </e7>
   </e6>
</doc>"#;
    assert_eq!(whole(input, &C14nMode::Inclusive), expected);
}

/// §3.4 Character modifications and character references; without the DTD
/// every attribute is CDATA, so `normNames` and `normId` are normalized like `norm`.
#[test]
fn example_3_4_character_modifications() {
    let input = r#"<doc>
   <text>First line&#x0d;&#10;Second line</text>
   <value>&#x32;</value>
   <compute><![CDATA[value>"0" && value<"10" ?"valid":"error"]]></compute>
   <compute expr='value>"0" &amp;&amp; value&lt;"10" ?"valid":"error"'>valid</compute>
   <norm attr=' &apos;   &#x20;&#13;&#xa;&#9;   &apos; '/>
   <normNames attr='   A   &#x20;&#13;&#xa;&#9;   B   '/>
   <normId id=' &apos;   &#x20;&#13;&#xa;&#9;   &apos; '/>
</doc>"#;
    let expected = "<doc>\n   <text>First line&#xD;\nSecond line</text>\n   <value>2</value>\n   <compute>value&gt;\"0\" &amp;&amp; value&lt;\"10\" ?\"valid\":\"error\"</compute>\n   <compute expr=\"value>&quot;0&quot; &amp;&amp; value&lt;&quot;10&quot; ?&quot;valid&quot;:&quot;error&quot;\">valid</compute>\n   <norm attr=\" '    &#xD;&#xA;&#x9;   ' \"></norm>\n   <normNames attr=\"   A    &#xD;&#xA;&#x9;   B   \"></normNames>\n   <normId id=\" '    &#xD;&#xA;&#x9;   ' \"></normId>\n</doc>";
    assert_eq!(whole(input, &C14nMode::Inclusive), expected);
}

const EXC_EXAMPLE: &str = r#"<n0:local xmlns:n0="foo:bar" xmlns:n3="ftp://example.org"><n1:elem2 xmlns:n1="http://example.net" xml:lang="en"><n3:stuff xmlns:n3="ftp://example.org"/></n1:elem2></n0:local>"#;

/// Exclusive C14N §2.2: the subtree keeps only the namespaces it uses.
#[test]
fn exclusive_example_drops_unused_ancestor_namespaces() {
    assert_eq!(
        subtree(EXC_EXAMPLE, "elem2", &exclusive()),
        r#"<n1:elem2 xmlns:n1="http://example.net" xml:lang="en"><n3:stuff xmlns:n3="ftp://example.org"></n3:stuff></n1:elem2>"#
    );
}

/// The same subtree inclusively: every namespace in scope lands on the apex.
#[test]
fn inclusive_subtree_renders_all_namespaces_in_scope() {
    assert_eq!(
        subtree(EXC_EXAMPLE, "elem2", &C14nMode::Inclusive),
        r#"<n1:elem2 xmlns:n0="foo:bar" xmlns:n1="http://example.net" xmlns:n3="ftp://example.org" xml:lang="en"><n3:stuff></n3:stuff></n1:elem2>"#
    );
}

/// The InclusiveNamespaces PrefixList forces an unused prefix out.
#[test]
fn exclusive_prefix_list_renders_listed_prefixes() {
    let mode = C14nMode::Exclusive {
        inclusive_prefixes: vec!["n0".into()],
    };
    assert_eq!(
        subtree(EXC_EXAMPLE, "elem2", &mode),
        r#"<n1:elem2 xmlns:n0="foo:bar" xmlns:n1="http://example.net" xml:lang="en"><n3:stuff xmlns:n3="ftp://example.org"></n3:stuff></n1:elem2>"#
    );
}

/// Canonical XML 1.0 §2.4: `xml:` attributes of omitted ancestors are
/// inherited by the apex; exclusive canonicalization does not.
#[test]
fn xml_attributes_are_inherited_only_inclusively() {
    let xml = r#"<a xml:lang="ru" xml:space="preserve"><b xml:lang="en"><c/></b></a>"#;
    assert_eq!(
        subtree(xml, "b", &C14nMode::Inclusive),
        r#"<b xml:lang="en" xml:space="preserve"><c></c></b>"#
    );
    assert_eq!(subtree(xml, "c", &exclusive()), "<c></c>");
}

/// Exclusive: a default namespace is undeclared where an unqualified
/// element sits below a qualified one, and not redeclared below.
#[test]
fn exclusive_default_namespace_is_rendered_where_used() {
    let xml = r#"<r xmlns="urn:a"><s xmlns=""><t/></s><u/></r>"#;
    assert_eq!(
        whole(xml, &exclusive()),
        r#"<r xmlns="urn:a"><s xmlns=""><t></t></s><u></u></r>"#
    );
}

/// An omitted subtree leaves no trace but the whitespace around it stays.
#[test]
fn omitted_subtrees_keep_surrounding_text() {
    let xml = "<r>\n  <keep/>\n  <drop><x/></drop>\n</r>";
    let doc = parse_bounded(xml, LIMITS).unwrap();
    let out = canonicalize(doc.root(), &C14nMode::Inclusive, &|n| {
        n.tag_name().name() == "drop"
    });
    assert_eq!(out, "<r>\n  <keep></keep>\n  \n</r>");
}
