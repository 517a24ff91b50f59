package dev.workflowtracing.audit;

/**
 * Which rows: of one actor and/or one action, in [fromMillis, toMillis); nulls leave a bound out.
 */
public record AuditFilter(String actor, AuditAction action, Long fromMillis, Long toMillis) {}
