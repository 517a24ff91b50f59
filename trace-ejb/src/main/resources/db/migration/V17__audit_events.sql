-- The audit trail: who did what to which target, when and from where (GET /api/admin/audit).
create table audit_events (
  event_id varchar(36) not null primary key,
  at_millis bigint not null,
  actor varchar(255) not null,
  address varchar(64),
  action varchar(64) not null,
  target varchar(255),
  detail varchar(2000)
);
create index audit_events_at on audit_events (at_millis, event_id);
create index audit_events_actor_at on audit_events (actor, at_millis);
create index audit_events_action_at on audit_events (action, at_millis);
