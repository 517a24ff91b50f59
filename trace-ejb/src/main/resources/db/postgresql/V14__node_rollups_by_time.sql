-- The per-node rollups (version 13) partitioned by their hour like spans and runs, so that
-- retention drops them with the days they belong to. Made empty in version 13, in the same
-- release: nothing is lost.
drop table node_rollups;
create table node_rollups (
  workflow_id varchar(100) not null,
  workflow_version integer not null,
  node_id varchar(200) not null,
  bucket_start bigint not null,
  executions bigint not null,
  failures bigint not null,
  cancellations bigint not null,
  attempts bigint not null,
  duration_histogram varchar(4000),
  input_tokens bigint not null,
  output_tokens bigint not null,
  cost_nanos bigint,
  slowest_ms bigint,
  slowest_trace_id varchar(32),
  latest_failed_at bigint,
  latest_failed_trace_id varchar(32),
  primary key (workflow_id, workflow_version, node_id, bucket_start)
) partition by range (bucket_start);
create table node_rollups_default partition of node_rollups default;
create index node_rollups_range on node_rollups (workflow_id, bucket_start);
