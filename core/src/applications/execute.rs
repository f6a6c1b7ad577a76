//! Rules and folding of application commands.

use super::application::{Application, ApplicationId, Comment, Document, StatusChange};
use super::world::ApplicationWorld;
use super::{
    ApplicationCommand, ApplicationError, ApplicationEvent, ApplicationState, ApplicationStatus,
    Missing,
};
use crate::context::{Actor, Context};
use crate::rights::Right;

fn text(s: &str, max: usize) -> Result<String, ApplicationError> {
    let t = s.trim();
    if t.is_empty() || t.chars().count() > max {
        Err(ApplicationError::BadText { max })
    } else {
        Ok(t.to_owned())
    }
}

fn found(state: &ApplicationState, id: ApplicationId) -> Result<&Application, ApplicationError> {
    state
        .get(id)
        .ok_or(ApplicationError::NotFound { application: id.0 })
}

fn in_status(app: &Application, status: ApplicationStatus) -> Result<(), ApplicationError> {
    if app.status == status {
        Ok(())
    } else {
        Err(ApplicationError::WrongStatus { status: app.status })
    }
}

fn changed(
    app: &Application,
    status: ApplicationStatus,
    ctx: &Context,
    comment: Option<String>,
) -> ApplicationEvent {
    ApplicationEvent::StatusChanged {
        application: app.id,
        status,
        by: ctx.actor,
        at: ctx.at,
        comment,
    }
}

/// Executes an application command.
pub(crate) fn execute<W: ApplicationWorld>(
    dir: &W,
    command: ApplicationCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    let policy = dir.application_policy();
    let state = dir.application_state();
    match command {
        ApplicationCommand::Create { org, kind, title } => {
            let (by, _) = dir.authorize(org, ctx, Right::ApplicationsEdit)?;
            if policy.kind(&kind).is_none() {
                return Err(W::Error::from(ApplicationError::UnknownKind { kind }));
            }
            let title = text(&title, policy.max_text)?;
            let seq = state.sequences.get(&org).copied().unwrap_or(0) + 1;
            Ok(vec![W::Event::from(ApplicationEvent::Created {
                application: ApplicationId(state.next.max(1)),
                number: format!("{}-{}-{seq:06}", policy.number_prefix, org.0),
                org,
                kind,
                title,
                by,
                at: ctx.at,
            })])
        }
        ApplicationCommand::AttachDocument {
            application,
            slot,
            file_name,
            content,
            signature,
        } => {
            let app = found(state, application)?;
            let (by, _) = dir.authorize(app.org, ctx, Right::ApplicationsEdit)?;
            in_status(app, ApplicationStatus::Draft)?;
            let kind =
                policy
                    .kind(&app.kind)
                    .ok_or(W::Error::from(ApplicationError::UnknownKind {
                        kind: app.kind.clone(),
                    }))?;
            let s = kind
                .slot(&slot)
                .ok_or(W::Error::from(ApplicationError::UnknownSlot {
                    slot: slot.clone(),
                }))?;
            if content.size > policy.max_document_bytes {
                return Err(W::Error::from(ApplicationError::TooLarge {
                    size: content.size,
                    max: policy.max_document_bytes,
                }));
            }
            if !s.formats.contains(&content.format) {
                return Err(W::Error::from(ApplicationError::WrongFormat {
                    slot,
                    format: content.format.as_str(),
                }));
            }
            if app.documents.len() + app.replaced.len() >= policy.max_documents {
                return Err(W::Error::from(ApplicationError::TooManyDocuments {
                    max: policy.max_documents,
                }));
            }
            let file_name = text(&file_name, 255)?;
            let version = app
                .replaced
                .iter()
                .chain(&app.documents)
                .filter(|d| d.slot == slot)
                .map(|d| d.version)
                .max()
                .unwrap_or(0)
                + 1;
            Ok(vec![W::Event::from(ApplicationEvent::DocumentAttached {
                application,
                document: Document {
                    slot,
                    file_name,
                    format: content.format,
                    size: content.size,
                    sha256: content.sha256,
                    signature,
                    version,
                    by,
                    at: ctx.at,
                },
            })])
        }
        ApplicationCommand::Submit { application } => {
            let app = found(state, application)?;
            let (by, _) = dir.authorize(app.org, ctx, Right::ApplicationsApprove)?;
            in_status(app, ApplicationStatus::Draft)?;
            let mut missing = Vec::new();
            if let Some(kind) = policy.kind(&app.kind) {
                for s in &kind.slots {
                    match app.document(&s.slot) {
                        None if s.required => missing.push(Missing::Document {
                            slot: s.slot.clone(),
                        }),
                        None => {}
                        // An unsigned upload carries the session's simple signature (ПЭП).
                        Some(d)
                            if !d
                                .signature
                                .unwrap_or(crate::SignatureLevel::Simple)
                                .satisfies(s.signature) =>
                        {
                            missing.push(Missing::Signature {
                                slot: s.slot.clone(),
                                required: s.signature,
                                offered: d.signature,
                            });
                        }
                        Some(_) => {}
                    }
                }
            }
            if missing.is_empty() {
                Ok(vec![
                    changed(app, ApplicationStatus::Processing, ctx, None).into()
                ])
            } else {
                Ok(vec![W::Event::from(ApplicationEvent::Returned {
                    application,
                    missing,
                    by,
                    at: ctx.at,
                })])
            }
        }
        ApplicationCommand::SetStatus {
            application,
            status,
            comment,
        } => {
            if ctx.actor != Actor::System {
                return Err(W::system_only());
            }
            let app = found(state, application)?;
            if !app.status.agency_may_move_to(status) {
                return Err(W::Error::from(ApplicationError::WrongStatus {
                    status: app.status,
                }));
            }
            let comment = comment.map(|c| text(&c, policy.max_text)).transpose()?;
            Ok(vec![changed(app, status, ctx, comment).into()])
        }
        ApplicationCommand::Confirm { application } => {
            let app = found(state, application)?;
            dir.authorize(app.org, ctx, Right::ApplicationsApprove)?;
            in_status(app, ApplicationStatus::AwaitingConfirmation)?;
            Ok(vec![
                changed(app, ApplicationStatus::Processing, ctx, None).into()
            ])
        }
        ApplicationCommand::AddComment {
            application,
            text: t,
        } => {
            let app = found(state, application)?;
            if ctx.actor != Actor::System {
                dir.authorize(app.org, ctx, Right::ApplicationsView)?;
            }
            Ok(vec![W::Event::from(ApplicationEvent::Commented {
                application,
                by: ctx.actor,
                at: ctx.at,
                text: text(&t, policy.max_text)?,
            })])
        }
    }
}

/// Folds an application event.
pub(crate) fn apply(state: &mut ApplicationState, event: &ApplicationEvent) {
    match event {
        ApplicationEvent::Created {
            application,
            number,
            org,
            kind,
            title,
            by,
            at,
        } => {
            let seq = state.sequences.entry(*org).or_insert(0);
            *seq += 1;
            state.next = state.next.max(application.0 + 1);
            state.applications.insert(
                *application,
                Application {
                    id: *application,
                    number: number.clone(),
                    org: *org,
                    kind: kind.clone(),
                    title: title.clone(),
                    created_by: *by,
                    status: ApplicationStatus::Draft,
                    documents: Vec::new(),
                    replaced: Vec::new(),
                    history: vec![StatusChange {
                        status: ApplicationStatus::Draft,
                        by: Actor::Account(*by),
                        at: *at,
                        comment: None,
                    }],
                    comments: Vec::new(),
                },
            );
        }
        ApplicationEvent::DocumentAttached {
            application,
            document,
        } => {
            if let Some(app) = state.applications.get_mut(application) {
                if let Some(i) = app.documents.iter().position(|d| d.slot == document.slot) {
                    let old = app.documents.swap_remove(i);
                    app.replaced.push(old);
                }
                app.documents.push(document.clone());
            }
        }
        ApplicationEvent::Returned { .. } => {}
        ApplicationEvent::StatusChanged {
            application,
            status,
            by,
            at,
            comment,
        } => {
            if let Some(app) = state.applications.get_mut(application) {
                app.status = *status;
                app.history.push(StatusChange {
                    status: *status,
                    by: *by,
                    at: *at,
                    comment: comment.clone(),
                });
            }
        }
        ApplicationEvent::Commented {
            application,
            by,
            at,
            text,
        } => {
            if let Some(app) = state.applications.get_mut(application) {
                app.comments.push(Comment {
                    by: *by,
                    at: *at,
                    text: text.clone(),
                });
            }
        }
    }
}
