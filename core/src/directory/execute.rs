//! The dispatch of commands to their rules.

use super::{Command, CommandError, Context, Directory, Event};

impl Directory {
    /// Checks every rule of a command against the current state and returns
    /// the events it causes. Nothing changes: apply the events (or use
    /// [`Directory::run`]) to change the directory.
    ///
    /// # Errors
    /// A [`CommandError`] naming the rule the command breaks: the actor may
    /// not do it (with every access refusal), the rights exceed the actor's
    /// own, the target does not exist or is in the wrong state, the input
    /// is invalid (with every field error).
    pub fn execute(&self, command: Command, ctx: &Context) -> Result<Vec<Event>, CommandError> {
        use Command as C;
        match command {
            C::Accounts(c) => crate::accounts::execute(self, c, ctx),
            C::Organizations(c) => crate::organizations::execute(self, c, ctx),
            C::Delegation(c) => crate::delegation::execute(self, c, ctx),
            C::Employees(c) => crate::employees::execute(self, c, ctx),
            C::Roles(c) => crate::roles::execute(self, c, ctx),
            C::Auth(c) => crate::auth::execute(self, c, ctx),
            C::Session(c) => crate::auth::execute_session(self, c, ctx),
            C::Notification(c) => crate::notifications::execute(self, c, ctx),
            C::Application(c) => crate::applications::execute(self, c, ctx),
            C::Certificate(c) => crate::certificates::execute(self, c, ctx),
        }
    }
}
