package dev.workflowtracing.accounts;

/** A session just opened: the cookie's secret (given to the browser once, never stored) and who. */
public record OpenedSession(String secret, SessionIdentity identity) {}
