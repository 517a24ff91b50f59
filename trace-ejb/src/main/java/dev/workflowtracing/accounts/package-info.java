/**
 * Accounts beyond the server's own user store: the sessions of the Canvas's login page and the API
 * tokens admins hand to scripts. Both live in the database, known only by the SHA-256 of their
 * secret, so that every server of a cluster accepts them and a sign-out or a revocation holds on
 * all of them at once. Passwords are never here: they stay in the server's security realm.
 */
package dev.workflowtracing.accounts;
