/**
 * Single sign-on with OpenID Connect: the authorization-code flow with PKCE against one identity
 * provider (Keycloak, Entra ID, Okta…), whose ID token opens the same database session as the login
 * page; the provider's access tokens are accepted as API credentials too. Tokens are verified with
 * jose4j against the provider's published keys.
 */
package dev.workflowtracing.accounts.oidc;
