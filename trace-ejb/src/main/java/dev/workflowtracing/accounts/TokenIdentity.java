package dev.workflowtracing.accounts;

import java.util.List;

/** Who a valid token acts as: {@code token:<name>}, in its role's container roles. */
public record TokenIdentity(String principal, List<String> roles) {}
