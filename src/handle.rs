//! The facade handle: one directory shared by many threads, and the clock.
//!
//! [`Kabinet`] is what hosts hold: `Send + Sync`, commands take the write
//! lock for the moment they run, checks share the read lock. It is the one
//! place of the library that reads the clock ([`Kabinet::now`]); the core
//! never does.

use kabinet_core::{
    AccessRequest, AccountId, Command, CommandError, Context, Decision, Directory, EffectiveRight,
    Event, OrgId, Policy, Timestamp,
};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

/// A directory shared by threads.
#[derive(Debug, Default)]
pub struct Kabinet {
    directory: RwLock<Directory>,
}

impl Kabinet {
    /// An empty directory in memory with the default policy.
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// An empty directory in memory with the given policy.
    pub fn with_policy(policy: Policy) -> Self {
        Self {
            directory: RwLock::new(Directory::with_policy(policy)),
        }
    }

    /// The current time from the system clock.
    pub fn now() -> Timestamp {
        Timestamp::now()
    }

    /// Executes a command and applies its events.
    ///
    /// # Errors
    /// The command's [`CommandError`]; nothing changes then.
    pub fn execute(&self, command: Command, context: &Context) -> Result<Vec<Event>, CommandError> {
        self.write().run(command, context)
    }

    /// Decides an access request.
    pub fn check(&self, request: &AccessRequest) -> Decision {
        self.read().check(request)
    }

    /// The rights a person can exercise for an organization at a time, with provenance.
    pub fn effective_rights(
        &self,
        actor: AccountId,
        org: OrgId,
        at: Timestamp,
    ) -> Vec<EffectiveRight> {
        self.read().effective_rights(actor, org, at)
    }

    /// Reads the directory under the shared lock.
    pub fn read(&self) -> RwLockReadGuard<'_, Directory> {
        // A panic while the lock was held cannot leave the directory half
        // changed: `run` applies events only after every rule passed, and
        // applying cannot fail. So a poisoned lock is still consistent.
        self.directory.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Directory> {
        self.directory.write().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_handle_is_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Kabinet>();
        let k = Kabinet::in_memory();
        let at = Kabinet::now();
        let d = k.check(&AccessRequest::new(
            AccountId(1),
            OrgId(1),
            kabinet_core::Right::UsersView,
            at,
        ));
        assert!(!d.allowed);
    }
}
