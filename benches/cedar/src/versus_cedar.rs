//! kabinet beside Cedar: the organization of `benches/common/organization.rs`
//! (a head and N employees in built-in roles, a custom role, individual
//! grants) translated into Cedar entities and policies, then the same
//! requests, drawn at random (seeded) over the whole organization, decided
//! by both, every decision compared, each call timed on its own.
//!
//! The translation is read from kabinet's directory, not written twice: a
//! member is a `User` whose parents are its roles (`Role::"head"`, the
//! built-in roles by code, the custom role by number, `Role::"grant/…"` for
//! a right granted individually); each role is one `permit` naming its
//! rights as actions on the organization, under `principal.may_act` (the
//! account is active and confirmed, the membership active), which kabinet
//! checks too. The signature is the request's context: its level as a number
//! and the СНИЛС of its signer; a `forbid` per required level refuses a
//! weaker one (the levels kabinet's policy requires for each right), and a
//! `forbid` refuses a certified signature of someone else. Half the requests
//! carry a simple signature, half a qualified one of the person asking.
//!
//! Run: `cd benches/cedar && cargo bench -- [employees…]`
//! (default 10000 100000).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../../../tests/support/mod.rs"]
mod fixtures;
#[path = "../../common/latency.rs"]
mod latency;
#[allow(dead_code)]
#[path = "../../common/organization.rs"]
mod organization;

use cedar_policy::{Authorizer, Context, Decision, Entities, EntityUid, PolicySet, Request};
use kabinet::employees::{MembershipStatus, Standing};
use kabinet::*;
use latency::{per_call, timer_cost, Draw};
use organization::qes;
use serde_json::json;
use std::collections::BTreeMap;

const REQUESTS: usize = 200_000;

const RIGHTS: [Right; 6] = [
    Right::DocumentsView,
    Right::AccountingApprove,
    Right::ReportsView,
    Right::JournalView,
    Right::ApplicationsEdit,
    Right::UsersManage,
];

fn uid(kind: &str, id: &str) -> EntityUid {
    format!("{kind}::{}", json!(id))
        .parse()
        .expect("an entity name")
}

/// The organization as Cedar entities and policies, one policy per role.
fn to_cedar(dir: &Directory, org: OrgId) -> (Entities, PolicySet) {
    let o = dir.organization(org).expect("the organization");
    let mut roles: BTreeMap<String, RightSet> = BTreeMap::new();
    let mut users = Vec::new();
    for (account, m) in dir.members(org) {
        let mut parents = Vec::new();
        if m.standing == Standing::Head {
            roles.insert("head".into(), RightSet::all());
            parents.push("head".to_owned());
        }
        for role in m.roles.iter() {
            let (name, rights) = match role {
                RoleRef::BuiltIn(b) => (b.code().to_owned(), b.rights()),
                RoleRef::Custom(id) => (
                    format!("custom/{}", id.0),
                    o.custom_role(id).map(|r| r.rights).unwrap_or_default(),
                ),
            };
            roles.insert(name.clone(), rights);
            parents.push(name);
        }
        for right in m.grants.iter() {
            let name = format!("grant/{}", right.code());
            roles.insert(name.clone(), RightSet::of(&[right]));
            parents.push(name);
        }
        let may_act = dir.account(account).is_some_and(|a| a.may_act())
            && m.status == MembershipStatus::Active;
        let snils = dir
            .account(account)
            .and_then(|a| a.snils.as_ref())
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default();
        users.push(json!({
            "uid": {"type": "User", "id": account.0.to_string()},
            "attrs": {"may_act": may_act, "snils": snils},
            "parents": parents.iter().map(|p| json!({"type": "Role", "id": p})).collect::<Vec<_>>(),
        }));
    }
    for name in roles.keys() {
        users.push(json!({"uid": {"type": "Role", "id": name}, "attrs": {}, "parents": []}));
    }
    users
        .push(json!({"uid": {"type": "Org", "id": org.0.to_string()}, "attrs": {}, "parents": []}));
    let entities = Entities::from_json_value(json!(users), None).expect("entities");
    let mut policies: String = roles
        .iter()
        .map(|(name, rights)| {
            let actions: Vec<String> = rights
                .iter()
                .map(|r| format!("Action::{}", json!(r.code())))
                .collect();
            format!(
                "permit(principal in Role::{}, action in [{}], resource == Org::{}) when {{ principal.may_act }};\n",
                json!(name),
                actions.join(", "),
                json!(org.0.to_string())
            )
        })
        .collect();
    for level in [SignatureLevel::Enhanced, SignatureLevel::Qualified] {
        let needing: Vec<String> = Right::ALL
            .iter()
            .filter(|r| dir.policy().signatures.required(**r) == level)
            .map(|r| format!("Action::{}", json!(r.code())))
            .collect();
        if !needing.is_empty() {
            policies.push_str(&format!(
                "forbid(principal, action in [{}], resource) when {{ context.signature < {} }};\n",
                needing.join(", "),
                rank(level)
            ));
        }
    }
    policies.push_str(
        "forbid(principal, action, resource) when { context.signature > 0 && context.signer_snils != principal.snils };\n",
    );
    (entities, policies.parse().expect("policies"))
}

fn rank(level: SignatureLevel) -> usize {
    SignatureLevel::ALL
        .iter()
        .position(|l| *l == level)
        .unwrap_or(0)
}

/// The request's signature as Cedar's context.
fn context(request: &AccessRequest) -> Context {
    let evidence = &request.signature;
    let signer = evidence
        .signer
        .as_ref()
        .and_then(|s| s.snils.as_ref())
        .map(|s| s.as_str().to_owned())
        .unwrap_or_default();
    Context::from_json_value(
        json!({"signature": rank(evidence.level), "signer_snils": signer}),
        None,
    )
    .expect("a context")
}

fn main() {
    let sizes: Vec<u32> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(|a| a.parse().expect("a number of employees"))
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    let timer = timer_cost();
    println!("timer (an empty pair of Instant::now): {timer}");
    for employees in sizes {
        let (dir, org, people) = organization::organization(employees);
        let (entities, policies) = to_cedar(&dir, org);
        let at: Timestamp = "2026-03-02T10:00:00Z".parse().expect("a time");
        let mut draw = Draw::seeded(0x6365_6461_72 ^ u64::from(employees));
        let ours: Vec<AccessRequest> = (0..REQUESTS)
            .map(|_| {
                let actor = people[draw.below(people.len())];
                let request = AccessRequest::new(actor, org, RIGHTS[draw.below(RIGHTS.len())], at);
                if draw.below(2) == 0 {
                    request
                } else {
                    request.signed(qes(&dir, actor))
                }
            })
            .collect();
        let resource = uid("Org", &org.0.to_string());
        let theirs: Vec<Request> = ours
            .iter()
            .map(|r| {
                Request::new(
                    uid("User", &r.actor.0.to_string()),
                    uid("Action", r.right.code()),
                    resource.clone(),
                    context(r),
                    None,
                )
                .expect("a request")
            })
            .collect();
        let authorizer = Authorizer::new();
        let mut allowed = 0;
        for (a, b) in ours.iter().zip(&theirs) {
            let kabinet = dir.check(a).allowed;
            let cedar =
                authorizer.is_authorized(b, &policies, &entities).decision() == Decision::Allow;
            assert_eq!(kabinet, cedar, "the two disagree on {a:?}");
            allowed += usize::from(kabinet);
        }
        println!(
            "\n{employees} employees: {REQUESTS} random requests, {allowed} allowed, the same decisions from both"
        );
        for round in 1..=2 {
            let k = per_call(&ours, &timer, |r| dir.check(r));
            let c = per_call(&theirs, &timer, |r| {
                authorizer.is_authorized(r, &policies, &entities)
            });
            println!("  round {round}: kabinet {k}");
            println!("  round {round}: Cedar   {c}");
            println!(
                "  round {round}: ratio at p50 {:.4}, at p99 {:.4}",
                k.p50 as f64 / c.p50.max(1) as f64,
                k.p99 as f64 / c.p99.max(1) as f64
            );
        }
    }
}
