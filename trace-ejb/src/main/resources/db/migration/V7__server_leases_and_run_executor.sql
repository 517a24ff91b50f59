-- Each server holds a lease it renews (renewals counts up): a server whose count stops moving is
-- gone, judged without comparing clocks. Runs say which server executes them and whether another
-- server asked that one to cancel them.
create table server_leases (
  instance_id varchar(200) not null,
  incarnation varchar(36) not null,
  started_at bigint not null,
  renewed_at bigint not null,
  renewals bigint not null,
  primary key (instance_id)
);
alter table runs add column executed_by varchar(200);
alter table runs add column cancel_request varchar(500);
create index runs_executed_by on runs (executed_by, status);
