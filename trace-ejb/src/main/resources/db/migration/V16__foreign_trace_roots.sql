-- The roots of traces other services sent (GET /api/traces/foreign), newest first, by service.
create index spans_foreign_roots on spans (foreign_span, service_name, start_nanos);
