/**
 * The web side of the audit trail: who did an audited action and from where (the logged-in user,
 * the client's address), and failed logins seen on the container's error page. Below every other
 * web package that uses it.
 */
package dev.workflowtracing.web.audit;
