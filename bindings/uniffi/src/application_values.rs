//! The values of applications and reports: statuses, document formats,
//! attached documents, the history and comments, what a returned
//! application lacks. They are the library's own
//! (`kabinet::applications`), crossing as they are.

pub use kabinet::applications::{
    Application, ApplicationStatus, Comment as ApplicationComment, Document as AttachedDocument,
    DocumentContent, DocumentFormat, Missing, StatusChange,
};
