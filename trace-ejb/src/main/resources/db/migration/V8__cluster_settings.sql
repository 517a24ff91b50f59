-- Settings an admin changes at run time (the recording pause), for every server of the cluster:
-- each server reads them every 2 s.
create table cluster_settings (
  name varchar(100) not null,
  setting_value varchar(1000) not null,
  changed_at bigint not null,
  changed_by varchar(200),
  primary key (name)
);
