package dev.workflowtracing.accounts;

/** A token just created, with its secret: the only time anyone sees it. */
public record CreatedToken(TokenView token, String secret) {}
