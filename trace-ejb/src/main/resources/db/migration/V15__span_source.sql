-- Where each span comes from: the service that made it (service.name, service.instance.id), its
-- instrumentation scope, and whether it is foreign (received over OTLP or imported) rather than
-- made by this application's engine. The resource's other attributes are kept for foreign spans
-- only: ours are the same on every span of a server. Existing rows are our own.
alter table spans add column service_name varchar(255);
alter table spans add column service_instance_id varchar(255);
alter table spans add column scope_name varchar(255);
alter table spans add column scope_version varchar(100);
alter table spans add column resource varchar(100000);
alter table spans add column foreign_span boolean default false not null;

-- A run loaded from an OTLP file (POST /api/traces/import) rather than executed here.
alter table runs add column imported boolean default false not null;

-- Foreign spans stored for the run's trace: they arrive after the run may have ended, so a cached
-- finished trace is served only while this count is the one it was rendered with, on any server.
alter table runs add column foreign_spans integer default 0 not null;
