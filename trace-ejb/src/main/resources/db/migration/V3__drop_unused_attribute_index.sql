-- The attribute filter looks attributes up per trace through the primary key
-- (trace_id, span_id, attr_key); the (attr_key, attr_value) index was never used and cost
-- an index update per attribute row written.
drop index span_attributes_key_value;
