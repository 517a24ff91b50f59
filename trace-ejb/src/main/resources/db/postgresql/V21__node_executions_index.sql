-- A node's executions read from the index alone (PostgreSQL only): only node spans are in it (a
-- partial index, about half of the engine's spans and none of the foreign ones), and it carries
-- what choosing and ordering them needs (end, status, version, trace and span ids), so the slowest
-- of a range are picked without visiting the span rows; the 20 chosen are read by primary key.
-- It replaces version 20's index of every span, which H2 keeps.
drop index if exists spans_workflow_node;
create index spans_node_executions on spans (workflow_id, node_id, start_nanos)
  include (end_nanos, status_code, workflow_version, trace_id, span_id)
  where span_role = 'node';
