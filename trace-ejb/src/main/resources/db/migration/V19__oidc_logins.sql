-- Sign-ins through the identity provider that have been started and not yet come back: the state
-- (by its SHA-256), the nonce and the PKCE verifier, so that the callback may reach any server.
create table oidc_logins (
  state_hash varchar(64) not null primary key,
  nonce varchar(64) not null,
  verifier varchar(128) not null,
  redirect_uri varchar(2000) not null,
  created_millis bigint not null
);
create index oidc_logins_created on oidc_logins (created_millis);
