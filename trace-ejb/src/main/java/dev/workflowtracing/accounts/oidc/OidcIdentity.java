package dev.workflowtracing.accounts.oidc;

import java.util.List;

/** Who the provider says signed in, with our container roles mapped from theirs. */
public record OidcIdentity(String username, List<String> roles) {}
