-- Sessions of the Canvas's login page and API tokens. Both are kept by the SHA-256 of their secret
-- only, in the database, so that every server of a cluster knows them and a revocation holds on all
-- servers at once.
create table login_sessions (
  secret_hash varchar(64) not null primary key,
  username varchar(255) not null,
  roles varchar(255) not null,
  csrf_token varchar(64) not null,
  method varchar(16) not null,
  address varchar(64),
  created_millis bigint not null,
  last_seen_millis bigint not null,
  expires_millis bigint not null
);
create index login_sessions_expires on login_sessions (expires_millis);
create index login_sessions_last_seen on login_sessions (last_seen_millis);

create table api_tokens (
  token_id varchar(36) not null primary key,
  name varchar(100) not null,
  role varchar(16) not null,
  secret_hash varchar(64) not null,
  created_by varchar(255) not null,
  created_millis bigint not null,
  expires_millis bigint not null,
  revoked_millis bigint,
  revoked_by varchar(255),
  last_used_millis bigint
);
create unique index api_tokens_secret on api_tokens (secret_hash);
create index api_tokens_created on api_tokens (created_millis);
