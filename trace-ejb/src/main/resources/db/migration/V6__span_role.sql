-- Every span says what it stands for (workflow.span.role: run, node, attempt), so that readers
-- never parse span names. Spans stored before this version get their role from what they hold:
-- attempts carry workflow.node.attempt, nodes a node id, the root neither.
alter table spans add column span_role varchar(16);
update spans set span_role = 'attempt'
  where span_role is null and attributes like '%"workflow.node.attempt":%';
update spans set span_role = 'node' where span_role is null and node_id is not null;
update spans set span_role = 'run' where span_role is null and name like 'run %';
