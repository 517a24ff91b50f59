-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
-- Times: runs in epoch milliseconds, spans in epoch nanoseconds (as OpenTelemetry records them).
-- Large text uses varchar(1000000): H2's maximum and well within PostgreSQL's, and mapped to
-- String by Hibernate on both (PostgreSQL "text" has no H2 twin, H2 "clob" no PostgreSQL one).

create table workflows (
  workflow_id varchar(100) not null,
  version integer not null,
  name varchar(200) not null,
  description varchar(2000),
  definition varchar(1000000) not null,
  created_at bigint not null,
  primary key (workflow_id, version)
);

create table runs (
  run_id varchar(36) not null,
  trace_id varchar(32),
  workflow_id varchar(100) not null,
  workflow_version integer not null,
  status varchar(16) not null,
  run_trigger varchar(32) not null,
  started_at bigint not null,
  ended_at bigint,
  duration_ms bigint,
  span_count integer default 0 not null,
  error_summary varchar(2000),
  inputs varchar(1000000),
  outputs varchar(1000000),
  primary key (run_id)
);
-- Keyset pagination walks (started_at, run_id) newest first, optionally within a workflow/status.
create index runs_started on runs (started_at, run_id);
create index runs_workflow_started on runs (workflow_id, started_at, run_id);
create index runs_status_started on runs (status, started_at, run_id);
create index runs_trace on runs (trace_id);

create table spans (
  trace_id varchar(32) not null,
  span_id varchar(16) not null,
  parent_span_id varchar(16),
  name varchar(500) not null,
  kind varchar(16) not null,
  status_code varchar(8) not null,
  status_message varchar(2000),
  start_nanos bigint not null,
  end_nanos bigint not null,
  node_id varchar(100),
  attributes varchar(1000000) not null,
  events varchar(1000000) not null,
  links varchar(100000) not null,
  primary key (trace_id, span_id)
);

-- Scalar attributes, one row each, so traces can be filtered by key=value.
create table span_attributes (
  trace_id varchar(32) not null,
  span_id varchar(16) not null,
  attr_key varchar(255) not null,
  attr_value varchar(1000) not null,
  primary key (trace_id, span_id, attr_key)
);
create index span_attributes_key_value on span_attributes (attr_key, attr_value);

create table artifacts (
  trace_id varchar(32) not null,
  span_id varchar(16) not null,
  seq integer not null,
  kind varchar(32) not null,
  content_type varchar(100) not null,
  content varchar(1000000) not null,
  original_length integer not null,
  truncated boolean not null,
  primary key (trace_id, span_id, seq)
);
