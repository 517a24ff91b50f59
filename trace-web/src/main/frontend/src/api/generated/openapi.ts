// Generated from docs/openapi.yaml by scripts/api-types.mjs (openapi-typescript). Do not edit:
// change the document and run `npm run generate:api-types`; src/api/types.ts names these types.

export interface paths {
    "/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest version of every workflow */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workflows, by id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowSummary"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** The latest definition of a workflow, or the version asked for */
        get: {
            parameters: {
                query?: {
                    /** @description A saved version; default: the latest */
                    version?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The definition as saved, with the version it was saved as */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SavedWorkflowDefinition"];
                    };
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
            };
        };
        /** Save a definition as the next version of the workflow */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WorkflowDefinition"];
                };
            };
            responses: {
                /** @description Saved; the body gives the new version */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowSummary"];
                    };
                };
                400: components["responses"]["Problem"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workflow's saved versions, newest first (at most 1,000) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Its versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            name: string;
                            /** Format: date-time */
                            savedAt: string;
                        }[];
                    };
                };
                404: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/runs": {
        parameters: {
            query?: never;
            header?: {
                /** @description W3C trace context; the run's root span becomes a child of this span. */
                traceparent?: string;
                /** @description RFC 7240. respond-async answers 202 at once with the run QUEUED and its Location; the run executes from the run queue (Jakarta Messaging). Without it the call waits for the end. */
                Prefer?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the latest version, waiting until the run ends or (Prefer respond-async) not
         * @description Answers 201 also when the run FAILED (the run exists; its trace says why); 202 with the run QUEUED when the caller prefers respond-async; 503 with Retry-After while the run queue is full (as the broker counts it, for the whole cluster) or the broker is unavailable, or while the server is short of heap (nothing was accepted).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description W3C trace context; the run's root span becomes a child of this span. */
                    traceparent?: string;
                    /** @description RFC 7240. respond-async answers 202 at once with the run QUEUED and its Location; the run executes from the run queue (Jakarta Messaging). Without it the call waits for the end. */
                    Prefer?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        inputs?: {
                            [key: string]: unknown;
                        };
                        /** @default api */
                        trigger?: string;
                    };
                };
            };
            responses: {
                /** @description The run, ended */
                201: {
                    headers: {
                        /** @description /api/runs/{runId} */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description The run, queued (Prefer respond-async); follow its Location */
                202: {
                    headers: {
                        /** @description /api/runs/{runId} */
                        Location?: string;
                        "Preference-Applied"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                /** @description The body is over 1 MiB, or the inputs over tracing.api.max-input-chars */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                415: components["responses"]["Problem"];
                /** @description The run queue is full or its broker unavailable, or the server is short of heap; try again after Retry-After seconds */
                503: {
                    headers: {
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Two runs of one workflow compared node by node
         * @description Nodes are aligned by id across the two runs' versions (any versions): each has its presence (both versions, left only, right only), what it did on each side (status, attempts, duration, tokens, cost; null where it did not run) and the difference (right minus left). With node, that node's texts (input, request, prompt, response, output, error) are diffed line by line (JSON one member per line). Figures are read from the stored spans: a run still executing compares as far as it has got.
         */
        get: {
            parameters: {
                query: {
                    left: string;
                    right: string;
                    /** @description A node whose texts to diff */
                    node?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The comparison */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunComparison"];
                    };
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{runId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a queued or running run (runner, admin)
         * @description A queued run ends CANCELLED at once and never starts. A running run has its running attempts interrupted, starts no other node and ends CANCELLED; its spans end with status ERROR and workflow.run.cancelled=true. Any server takes the cancel: a run executing on another server is asked to stop through its record, and that server stops it within about a second. The answer is the run once it has ended (200), or as it stands if it is still stopping after 10 s (202).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The run, ended */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description The run, still stopping */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                400: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                /** @description The run has ended already */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{runId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The run's events as Server-Sent Events, as they happen
         * @description Events RunQueued, RunStarted, NodeAttemptStarted, NodeAttemptEnded, NodeEnded and RunEnded, each with an id (numbered from 1 within the run) and JSON data (schemas RunQueuedEvent … RunEndedEvent); the stream ends after RunEnded. Send Last-Event-ID to resume after an event: the events after it come when they are a few (up to 200) back, otherwise one RunSnapshot event (RunSnapshotEvent: the whole run as it stands, numbered as the last event it accounts for) and then the events after it. A watcher that joins a run late gets the same snapshot first; a run that has ended answers with its final snapshot and RunEnded at once. A client more than 1,000 events behind is disconnected; resuming gets a snapshot. A run this server does not have in flight gets its stored end (RunEnded, without an id) when it has ended, otherwise one RunStatus event (RunStatusEvent) with its stored status and a reconnection delay of 2 s.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "Last-Event-ID"?: number;
                };
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Runs (one trace each), newest first, filtered, a page at a time
         * @description Keyset pagination: pass `nextCursor` back as `cursor` for the next page. Runs added while
         *     a client pages are newer, so they neither repeat nor shift later pages. With `attribute`
         *     or `name` (filters on the runs' spans) one page looks at no more than 5,000 runs: a
         *     filter that few runs match may answer fewer than `limit` runs, even none, with a
         *     `nextCursor` to search on from; no `nextCursor` means the end.
         */
        get: {
            parameters: {
                query?: {
                    workflowId?: string;
                    status?: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "ABORTED";
                    /** @description Started at or after (ISO-8601 instant) */
                    from?: string;
                    /** @description Started before (ISO-8601 instant) */
                    to?: string;
                    minDurationMs?: number;
                    maxDurationMs?: number;
                    /** @description key=value; some span has this attribute */
                    attribute?: string;
                    /** @description Some span's name contains this text (any case) */
                    name?: string;
                    /** @description The run's model calls cost at least this, in the prices' currency (workflow.llm.currency) */
                    minCost?: number;
                    /** @description The run's model calls used at least this many tokens, input and output */
                    minTokens?: number;
                    limit?: number;
                    /** @description startedAt: newest first; duration: longest first; cost: most expensive first; tokens: most tokens first (runs still going, or without a cost, last) */
                    sort?: "startedAt" | "duration" | "cost" | "tokens";
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunPage"];
                    };
                };
                400: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traces/{traceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                traceId: string;
            };
            cookie?: never;
        };
        /**
         * A whole trace, spans depth first
         * @description A finished trace (its run ended and every span is stored) never changes: it is served with a strong ETag and Cache-Control "private, no-cache", so a client revalidates with If-None-Match and gets 304 while it is current. A trace still growing is "no-store", without an ETag. Bodies from 1,400 bytes go gzipped to clients that accept gzip. A client that asks for application/x-ndjson (Accept) gets the same trace as JSON lines: first its head (the Trace object without "spans"), then one Span per line, each line ending in a newline; the head's spanCount says how many lines follow. A browser can parse these a slice at a time, where one huge document is one long parse. Each encoding has its own ETag.
         */
        get: {
            parameters: {
                query?: {
                    /** @description omit sends the spans without attributes and events (the tree and timings only); all (the default) sends them whole up to tracing.api.max-trace-detail-chars */
                    details?: "all" | "omit";
                };
                header?: {
                    "If-None-Match"?: string;
                    "Accept-Encoding"?: string;
                    Accept?: string;
                };
                path: {
                    traceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The trace */
                200: {
                    headers: {
                        /** @description only on a finished trace */
                        ETag?: string;
                        "Cache-Control"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Trace"];
                        "application/x-ndjson": string;
                    };
                };
                /** @description The client's copy (If-None-Match) is current */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                406: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        /** Delete a run with its spans and artifacts (role admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    traceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traces/foreign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Traces made only of spans other services sent (no run of ours), newest first
         * @description Listed by their root span (a trace whose root span never arrived is not listed), of one service (service.name) or any, in a time range of at most 366 days (the last 7 days by default). Each one opens with GET /traces/{traceId}.
         */
        get: {
            parameters: {
                query?: {
                    service?: string;
                    from?: string;
                    to?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The traces */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ForeignTraceList"];
                    };
                };
                400: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traces/{traceId}/otlp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The trace as one OTLP JSON file (ExportTraceServiceRequest), to take elsewhere
         * @description Every span, ours and those other services sent, grouped by resource and scope, with its attributes, events and links; each span's artifacts (prompts, responses, inputs, outputs) come as its workflow.artifact events, so that POST /traces/import stores them as artifacts again. Any OTLP/HTTP JSON receiver takes the file as it is.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    traceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The trace as OTLP JSON (Content-Disposition names a file) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traces/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load an OTLP JSON file (role admin)
         * @description One ExportTraceServiceRequest, or JSON Lines of them or of ResourceSpans objects (as the Java agent's logging-otlp exporter writes them; a log's prefix before the JSON is skipped). The engine's spans (those with workflow.span.role) are stored as ours, a trace with the engine's root span also gets its run, marked imported; other spans are foreign. Every span passes the same redaction as any other. A file holding a trace that is stored already is refused whole (409), one that is no OTLP JSON or holds no usable span is 400. Bodies are bounded like every request (web.max-request-bytes).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "application/x-ndjson": string;
                    "text/plain": string;
                };
            };
            responses: {
                /** @description What was imported */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportResult"];
                    };
                };
                400: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                503: components["responses"]["Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traces/{traceId}/spans/{spanId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One span with its artifacts (inputs, outputs, prompts, responses) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    traceId: string;
                    spanId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The span */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SpanDetail"];
                    };
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ui/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Canvas's switches */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UiConfig"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is logged in, and with which roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tracing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Effective tracing configuration (secrets masked) and pipeline health (role admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Settings and per-exporter counters */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminView"];
                    };
                };
                403: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tracing/recording": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Pause or resume recording new traces on every server of the cluster, until resumed (role admin)
         * @description While paused, new runs are not traced (as with tracing.enabled=false); runs already recording finish their traces and queued spans are still exported.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        recording: boolean;
                    };
                };
            };
            responses: {
                /** @description The admin view after the switch */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminView"];
                    };
                };
                400: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Purge now what retention would later (role admin)
         * @description Every run started before olderThan, with its spans and artifacts; then, with maxSpans, the oldest runs that have ended while more than maxSpans spans are stored. At least one of the two is required.
         */
        post: {
            parameters: {
                query?: {
                    olderThan?: string;
                    maxSpans?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What was deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description partitions of runs and spans dropped whole, every row older than olderThan (PostgreSQL; 0 on H2) */
                            droppedPartitions?: number;
                            /** @description runs older than olderThan deleted row by row */
                            deletedRuns?: number;
                            /** @description spans of the oldest runs deleted to get under maxSpans */
                            evictedSpans?: number;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per-node statistics of a workflow over a time range
         * @description Added up from hourly rollups written once per run end, so a range counts whole hours. Only runs this deployment executed count (per-node figures are kept as runs end). Percentiles follow the documented definition (docs/api.md): the upper bound of the duration bucket holding the sample of rank ceil(p/100 n); buckets grow by 2^(1/4).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the range (ISO-8601 instant); default: 7 days before to */
                    from?: string;
                    /** @description End of the range (ISO-8601 instant); default: now. At most workflow.stats.max-range-days (93) after from */
                    to?: string;
                    /** @description Only runs of this workflow version; default: every version */
                    version?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workflow's nodes that ran in the range, by node id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowStats"];
                    };
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{id}/nodes/{nodeId}/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One node's executions across runs, latest or slowest first
         * @description Read from the node spans by their workflow, node and role columns (one index range), each with its trace and span to open the trace at the node. The node must be in the workflow's latest version, or in the version asked for. Foreign spans (OTLP, import) are never executions of a node.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the range (ISO-8601 instant); default: 7 days before to */
                    from?: string;
                    /** @description End of the range (ISO-8601 instant); default: now. At most workflow.stats.max-range-days (93) after from */
                    to?: string;
                    /** @description Only executions in this workflow version; default: every version */
                    version?: number;
                    /** @description failed: only executions whose node span ended in error */
                    status?: "all" | "failed";
                    order?: "latest" | "slowest";
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                    nodeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The node's executions that started in the range */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NodeExecutions"];
                    };
                };
                400: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, newest first, a page at a time (role admin)
         * @description Who deleted a trace, imported or purged traces, paused or resumed recording, saved a workflow version, cancelled a run or failed to log in (and, with tracing.audit.artifact-reads, who opened a span's artifacts): time, user, address, action, target. Filters combine; nextCursor is null on the last page.
         */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    action?: "trace.deleted" | "traces.imported" | "traces.purged" | "recording.paused" | "recording.resumed" | "workflow.saved" | "run.cancelled" | "login.failed" | "login" | "logout" | "token.created" | "token.revoked" | "artifacts.opened";
                    from?: string;
                    to?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditPage"];
                    };
                };
                400: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/storage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How spans and runs are stored, their time partitions and sizes, the last purge (role admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The store */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StorageView"];
                    };
                };
                403: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/storage/partitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make the missing time partitions now, instead of at the next check (role admin)
         * @description What partition maintenance does every 30 minutes, now: after mending what made a partition fail (say, the database user's CREATE privilege). Answers the store as it is then; a partition that still cannot be made is in partitionFailures and lastPartitionFailure.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The store after the check */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StorageView"];
                    };
                };
                403: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How one may sign in (the login page asks); open to anyone */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Always with a password; through the identity provider when tracing.oidc.issuer is set */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignInOptions"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Sign in (the Canvas's login page); open to anyone
         * @description Checks the password against the server's realm, like HTTP Basic, and throttles failed logins the same way (429 with Retry-After). Answers the user, roles and the CSRF token, and sets two cookies: wt_session (HttpOnly, SameSite=Strict, Secure over HTTPS) and wt_csrf. Every state-changing request of the session must carry X-CSRF-Token with the wt_csrf value (403 otherwise). The session ends after tracing.session.idle-timeout without a request, at tracing.session.max-age, or at DELETE /session. The body is at most 4 KiB.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                429: components["responses"]["Problem"];
            };
        };
        /**
         * Sign out; ends the session of the wt_session cookie, on every server
         * @description A session opened through the identity provider answers 200 with the provider's logout address (RP-initiated logout), where the Canvas sends the browser so that the provider's own session ends too; it comes back to the Canvas.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out here; the provider's session ends at logoutUrl */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedOut"];
                    };
                };
                /** @description Signed out (also when there was no session) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                403: components["responses"]["Problem"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/oidc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start single sign-on; redirects (303) to the identity provider's login page
         * @description The authorization-code flow with PKCE; the state, nonce and verifier are kept in the database for 10 minutes, so that the callback may reach any server. 404 when single sign-on is not configured, 503 when the provider cannot be reached.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To the identity provider */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                404: components["responses"]["Problem"];
                503: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the identity provider sends the browser back; opens a session, redirects (303) to the Canvas */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed in; to the Canvas */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                503: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API tokens, newest first, without their secrets (role admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tokens */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenList"];
                    };
                };
                403: components["responses"]["Problem"];
            };
        };
        put?: never;
        /**
         * Create an API token (role admin); its secret is in this answer only
         * @description The token is sent as Authorization Bearer. Its role is one of viewer, runner, admin or ingest (the OTLP receiver only). expiresAt is in the future and at most tracing.tokens.max-lifetime-days ahead; at most tracing.tokens.max-active tokens are active at once (409).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedToken"];
                    };
                };
                400: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (role admin); refused at once by every server */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The token, revoked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiToken"];
                    };
                };
                400: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pipeline metrics in Prometheus text format (role admin; see docs/monitoring.md) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus exposition format 0.0.4 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": unknown;
                    };
                };
                403: components["responses"]["Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 3 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/yaml": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The tracing settings in force and the pipeline's health */
        AdminView: {
            settings: components["schemas"]["TracingSetting"][];
            pipeline: components["schemas"]["TracingPipeline"];
        };
        WorkflowStats: {
            workflowId: string;
            /** @description null for every version */
            version: number | null;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            nodes: components["schemas"]["NodeStats"][];
            /** @description of the costs (workflow.llm.currency) */
            currency: string;
        };
        NodeStats: {
            nodeId: string;
            /** @description times the node ran in the range */
            executions: number;
            succeeded: number;
            failed: number;
            /** @description stopped because their run was cancelled */
            cancelled: number;
            /** @description failed executions per execution */
            errorRate: number;
            /** @description attempts beyond the first per execution */
            retryRate: number;
            p50Ms: number | null;
            p95Ms: number | null;
            p99Ms: number | null;
            inputTokens: number;
            outputTokens: number;
            /** @description null when none of its calls had a price */
            cost: number | null;
            costNanos: number | null;
            slowestMs: number | null;
            /** @description the trace of its slowest execution */
            slowestTraceId: string | null;
            /** @description the trace of its latest failed execution */
            latestFailedTraceId: string | null;
        };
        NodeExecutions: {
            workflowId: string;
            nodeId: string;
            /** @description null for every version */
            version: number | null;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            executions: components["schemas"]["NodeExecution"][];
        };
        NodeExecution: {
            traceId: string;
            /** @description the node's span in the trace */
            spanId: string;
            /** @description the workflow version it ran in */
            version: number | null;
            /** Format: date-time */
            startedAt: string;
            durationMs: number;
            /** @description its node span ended in error */
            failed: boolean;
            /** @description the node span's status message when it failed */
            error: string | null;
        };
        RunComparison: {
            workflowId: string;
            left: components["schemas"]["Run"];
            right: components["schemas"]["Run"];
            /** @description how many nodes have each change */
            changes: {
                [key: string]: number;
            };
            total: components["schemas"]["NodeDifference"];
            nodes: components["schemas"]["NodeComparison"][];
            edges: {
                from: string;
                to: string;
                when: string | null;
                /** @enum {string} */
                presence: "both" | "left" | "right";
            }[];
            /** @description null unless node was asked for */
            texts: {
                nodeId: string;
                texts: components["schemas"]["TextDiff"][];
            } | null;
        };
        NodeComparison: {
            nodeId: string;
            type: string;
            label: string;
            /**
             * @description where the node is defined: both versions, the left run's only (removed since), the right run's only (added)
             * @enum {string}
             */
            presence: "both" | "left" | "right";
            /**
             * @description status: it ended differently; changed: same status, other attempts, tokens or cost; durations alone are no change
             * @enum {string}
             */
            change: "added" | "removed" | "notRunLeft" | "notRunRight" | "notRun" | "status" | "changed" | "same";
            left: components["schemas"]["NodeSide"];
            right: components["schemas"]["NodeSide"];
            difference: components["schemas"]["NodeDifference"];
        };
        /** @description what the node did in one run; null where it did not run */
        NodeSide: {
            /** @enum {string} */
            status: "SUCCEEDED" | "FAILED" | "CANCELLED";
            attempts: number;
            durationMs: number;
            inputTokens: number;
            outputTokens: number;
            totalTokens: number;
            cost: number | null;
            costNanos: number | null;
            /** @description its node span */
            spanId: string | null;
        } | null;
        /** @description right minus left; null unless the node ran on both sides */
        NodeDifference: {
            durationMs: number;
            attempts: number;
            totalTokens: number;
            cost: number | null;
            costNanos: number | null;
        } | null;
        TextDiff: {
            /** @description input, request, prompt, response, output or error */
            kind: string;
            changed: boolean;
            /** @description either text was cut before it was stored */
            truncated: boolean;
            /** @description a text had more than 2,000 lines: the diff covers its first 2,000 */
            cut: boolean;
            lines: {
                /**
                 * @description kept, left only, right only
                 * @enum {string}
                 */
                op: " " | "-" | "+";
                text: string;
            }[];
        };
        /** @description How spans and runs are stored; the counters are this server's since it started */
        StorageView: {
            /** @description spans and runs are partitioned by time (PostgreSQL); false on H2, with no tables listed */
            partitioned: boolean;
            tables: components["schemas"]["StoredTable"][];
            /** @description partitions this server made ahead of need */
            partitionsCreated: number;
            /** @description partitions this server could not make (their rows went to the default partition) */
            partitionFailures: number;
            /** @description what the last of those failed with */
            lastPartitionFailure?: string | null;
            /** Format: date-time */
            lastPartitionCheck?: string | null;
            /** @description partitions retention dropped whole on this server */
            partitionsDropped: number;
            /**
             * Format: date-time
             * @description when retention last purged on this server
             */
            lastPurge?: string | null;
        };
        StoredTable: {
            /** @description spans or runs */
            table: string;
            /** @description its size on disk, indices included */
            bytes: number;
            partitions: components["schemas"]["StoredPartition"][];
            /** @description rows in the default partition (no time partition held them when written), counted up to 10,000 */
            defaultRows: number;
        };
        StoredPartition: {
            name: string;
            /**
             * Format: date-time
             * @description start of its range; null for the default partition
             */
            from?: string | null;
            /**
             * Format: date-time
             * @description end of its range (exclusive); null for the default partition
             */
            to?: string | null;
            bytes: number;
            /** @description PostgreSQL's estimate from the last analyze; -1 before the first */
            estimatedRows: number;
        };
        TracingSetting: {
            key: string;
            /** @description null when not set; **** when secret */
            value: string | null;
            secret: boolean;
        };
        TracingPipeline: {
            /** @description tracing.enabled: the SDK is built */
            enabled: boolean;
            /** @description new runs are traced now (false while paused) */
            recording: boolean;
            exporters: components["schemas"]["ExporterHealth"][];
            queues: components["schemas"]["QueueHealth"][];
            /** @description spans held for another export attempt */
            retryBufferSpans: number;
            runJournal: components["schemas"]["RunJournalHealth"];
            runQueue: components["schemas"]["RunQueueHealth"];
        };
        /** @description Runs this server accepted with Prefer respond-async and has not started yet */
        RunQueueHealth: {
            depth: number;
            /** @description how long the oldest of them has waited */
            oldestAgeSeconds: number;
        };
        /** @description One exporter's counters since startup */
        ExporterHealth: {
            /** @enum {string} */
            name: "otlp" | "database";
            exported: number;
            failed: number;
            dropped: number;
            /** @description spans the destination refused for good, set aside so that the others go on */
            rejected: number;
            lastError: string | null;
            /** Format: date-time */
            lastErrorAt: string | null;
        };
        /** @description A span processor's queue */
        QueueHealth: {
            name: string;
            size: number;
            capacity: number;
            /** @description spans dropped since startup because the queue was full (of spans or of bytes) */
            dropped: number;
            /** @description bytes its spans hold, queued or being exported (estimated) */
            bytes: number;
            /** @description its bound in bytes (tracing.queue.max-bytes) */
            capacityBytes: number;
        };
        /** @description Run rows: waiting for the database (pending), dropped because the journal was full, stored without inputs or outputs (repaired), refused by the database for good and set aside (rejected) */
        RunJournalHealth: {
            pending: number;
            dropped: number;
            repaired: number;
            rejected: number;
        };
        Problem: {
            /** @example about:blank */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            errors?: string[];
        };
        SignedOut: {
            /** @description the identity provider's end-session address, back to the Canvas */
            logoutUrl: string;
        };
        SignInOptions: {
            oidc?: {
                /** @description tracing.oidc.display-name, for the button */
                name: string;
                /** @description where the browser goes to sign in: /api/session/oidc */
                start: string;
            } | null;
        };
        LoginRequest: {
            username: string;
            password: string;
        };
        SignedIn: {
            user: string;
            roles: ("viewer" | "runner" | "admin")[];
            /** @description send it as X-CSRF-Token on every POST, PUT and DELETE of the session */
            csrfToken: string;
        };
        TokenRequest: {
            name: string;
            /** @enum {string} */
            role: "viewer" | "runner" | "admin" | "ingest";
            /** Format: date-time */
            expiresAt: string;
        };
        ApiToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "viewer" | "runner" | "admin" | "ingest";
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            revokedAt?: string | null;
            revokedBy?: string | null;
            /**
             * Format: date-time
             * @description to the minute
             */
            lastUsedAt?: string | null;
            /** @enum {string} */
            state: "active" | "revoked" | "expired";
        };
        CreatedToken: {
            token: components["schemas"]["ApiToken"];
            /** @description wt_ and 43 characters: shown this once, stored only as its SHA-256 */
            secret: string;
        };
        TokenList: {
            items: components["schemas"]["ApiToken"][];
        };
        Me: {
            user: string;
            roles: ("viewer" | "runner" | "admin")[];
        };
        UiConfig: {
            traceTabEnabled: boolean;
            monitoringLinks: components["schemas"]["MonitoringLink"][];
        };
        /** @description A dashboard link; the Canvas fills {traceId}, {runId}, {workflowId}, {startMs} and {endMs} */
        MonitoringLink: {
            name: string;
            urlTemplate: string;
        };
        WorkflowSummary: {
            id: string;
            version: number;
            name: string;
            description: string | null;
        };
        WorkflowDefinition: {
            id: string;
            version?: number;
            /** @description the id when absent */
            name?: string;
            description?: string | null;
            /** @description limit for a whole run; workflow.run.timeout-ms when absent */
            timeoutMs?: number;
            nodes: components["schemas"]["WorkflowNode"][];
            edges?: components["schemas"]["WorkflowEdge"][];
        };
        /** @description A definition exactly as it was saved, with the version it was saved as */
        SavedWorkflowDefinition: components["schemas"]["WorkflowDefinition"] & {
            version: number;
        };
        WorkflowNode: {
            id: string;
            /** @enum {string} */
            type: "llm" | "http" | "transform" | "branch" | "delay" | "fail";
            /** @description the id when absent */
            label?: string | null;
            config?: {
                [key: string]: unknown;
            };
            /** @description no retries when absent */
            retry?: components["schemas"]["RetryPolicy"] | null;
            timeoutMs?: number;
        };
        /** @description When absent: maxAttempts 1, backoffMs 0, multiplier 2 */
        RetryPolicy: {
            maxAttempts?: number;
            backoffMs?: number;
            multiplier?: number;
        };
        WorkflowEdge: {
            from: string;
            to: string;
            /**
             * @description only on edges leaving a branch
             * @enum {string|null}
             */
            when?: "true" | "false" | null;
        };
        RunQueuedEvent: {
            runId: string;
            workflowId: string;
            /** Format: date-time */
            at: string;
        };
        RunStartedEvent: {
            runId: string;
            workflowId: string;
            /** Format: date-time */
            at: string;
            nodeIds: string[];
            /** @description absent when the run records no trace */
            traceId?: string;
            /** @description the run's root span */
            rootSpanId?: string;
        };
        NodeAttemptStartedEvent: {
            runId: string;
            nodeId: string;
            attempt: number;
            /** Format: date-time */
            at: string;
            /** @description the node's span */
            nodeSpanId?: string;
        };
        NodeAttemptEndedEvent: {
            runId: string;
            nodeId: string;
            attempt: number;
            /** Format: date-time */
            at: string;
            /** @description absent when the attempt succeeded */
            error?: string;
            /** @description the attempt was stopped by a cancel */
            cancelled?: boolean;
        };
        /** @description A node's execution ended, all its attempts done, with the figures the per-node statistics keep */
        NodeEndedEvent: {
            runId: string;
            nodeId: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            outcome: "succeeded" | "failed" | "cancelled";
            /** @description its attempts and the backoffs between them */
            durationMs: number;
            /** @description 0 when it failed before any attempt */
            attempts: number;
            inputTokens: number;
            outputTokens: number;
            /** @description absent when none of its model calls had a price; in workflow.llm.currency, 1e-9 units */
            costNanos?: number;
        };
        RunEndedEvent: {
            runId: string;
            /** @enum {string} */
            status: "SUCCEEDED" | "FAILED" | "CANCELLED" | "ABORTED";
            /** Format: date-time */
            at: string;
            error?: string;
        };
        RunSnapshotEvent: {
            runId: string;
            workflowId?: string;
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "ABORTED";
            /** @description absent when the run records no trace */
            traceId?: string;
            /** @description the run's root span */
            rootSpanId?: string;
            /**
             * Format: date-time
             * @description absent while queued
             */
            startedAt?: string;
            /**
             * Format: date-time
             * @description absent while it goes on
             */
            endedAt?: string;
            error?: string;
            nodes: {
                nodeId: string;
                /** @enum {string} */
                state: "queued" | "running" | "succeeded" | "failed" | "skipped" | "cancelled";
                /** @description the attempt running or last run; 0 before the first */
                attempt: number;
                /**
                 * Format: date-time
                 * @description its first attempt's start
                 */
                startedAt?: string;
                /**
                 * Format: date-time
                 * @description its last attempt's end; absent while running
                 */
                endedAt?: string;
                /** @description the node's span */
                spanId?: string;
            }[];
        };
        RunStatusEvent: {
            runId: string;
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "ABORTED";
        };
        LiveRun: {
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "ABORTED";
            /** @description a running node is flagged past this many times its usual p95 (workflow.stats.longer-than-usual.factor) */
            longerThanUsualFactor: number | null;
            nodes: {
                nodeId: string;
                /** @enum {string} */
                state: "queued" | "running" | "succeeded" | "failed" | "skipped" | "cancelled";
                /** @description the attempt running or last run; 0 before the first */
                attempt: number;
                /** Format: date-time */
                startedAt: string | null;
                /** @description since its first attempt */
                elapsedMs: number | null;
                /** @description its p95 over the last window-days of this version; null with fewer than min-executions there */
                usualP95Ms: number | null;
                /** @description while it runs past the factor times its usual p95: elapsed over p95 (3.4: running 3.4x its usual p95); null otherwise */
                timesUsualP95: number | null;
            }[];
        };
        Run: {
            /** Format: uuid */
            runId: string;
            /** @description null when the run was not traced */
            traceId: string | null;
            workflowId: string;
            workflowVersion: number;
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "ABORTED";
            trigger: string;
            /** Format: date-time */
            startedAt: string;
            durationMs: number | null;
            spanCount: number;
            /** @description spans the run produced (root, nodes, attempts); null while running or untraced */
            expectedSpanCount: number | null;
            /** @description all expectedSpanCount spans are stored */
            complete: boolean;
            /** @description every node's state while this server executes the run (and shortly after); null otherwise */
            live?: components["schemas"]["LiveRun"] | null;
            error: string | null;
            /** @description null when stored without them */
            inputs: {
                [key: string]: unknown;
            } | null;
            outputs: {
                [key: string]: unknown;
            } | null;
            /** @description the server that executes or executed the run (its service.instance.id); null while queued */
            executedBy?: string | null;
            /** @description spans other services sent for this run's trace (OTLP) */
            foreignSpans?: number;
            /** @description loaded from an OTLP file (POST /traces/import) */
            imported?: boolean;
            /** @description what its model calls used and cost; null until it has ended (and for runs stored before usage was kept) */
            usage?: components["schemas"]["RunUsage"] | null;
        };
        /** @description Tokens and cost of a run's model calls over every attempt, retries included, and of that what went to attempts that failed. Equal to the sum of its attempt spans' gen_ai.usage.input_tokens, gen_ai.usage.output_tokens and workflow.cost.nanos. */
        RunUsage: {
            inputTokens: number;
            outputTokens: number;
            totalTokens: number;
            /** @description in currency; null when no model it called has a price (workflow.llm.prices) */
            cost: number | null;
            /** @description the same in billionths of the currency */
            costNanos: number | null;
            /** @example USD */
            currency: string;
            /** @description tokens of attempts that failed (retried or not) */
            failedAttemptTokens: number;
            /** @description cost of attempts that failed */
            failedAttemptCost: number;
        };
        RunPage: {
            items: components["schemas"]["Run"][];
            /** @description null on the last page */
            nextCursor: string | null;
        };
        Trace: {
            traceId: string;
            run: components["schemas"]["Run"] | null;
            /**
             * Format: date-time
             * @description null while no span is stored
             */
            startTime: string | null;
            durationMicros: number;
            spanCount: number;
            errorCount: number;
            completeness: components["schemas"]["TraceCompleteness"];
            /** @description The spans come without their attributes and events (empty): the client asked (details=omit), or they exceed tracing.api.max-trace-detail-chars. Each span's own read (/traces/{traceId}/spans/{spanId}) has them. */
            detailsOmitted: boolean;
            /** @description depth first */
            spans: components["schemas"]["Span"][];
        };
        /** @description Whether every span of the run is stored; spans reach the database a moment after a run ends */
        TraceCompleteness: {
            /** @description every span of our own is stored (foreign spans are counted apart) */
            complete: boolean;
            expectedSpans: number | null;
            storedSpans: number;
            rootPresent: boolean;
            orphanSpans: number;
            /** @description what is missing, in words (for an aborted run, the spans open when its server stopped); empty when complete */
            missing: string[];
            /** @description spans other services sent for this trace (OTLP receiver or import) */
            foreignSpans: number;
            /** @description the services those came from (service.name) */
            foreignServices: string[];
        };
        AuditPage: {
            items: {
                eventId: string;
                /** Format: date-time */
                at: string;
                /** @description the user; for a failed login */
                actor: string;
                /** @description the client's address */
                address: string | null;
                action: string;
                /** @description the trace */
                target: string | null;
                detail: string | null;
            }[];
            nextCursor: string | null;
        };
        ForeignTraceList: {
            items: {
                traceId: string;
                rootName: string;
                service: string | null;
                /** Format: date-time */
                startTime: string;
                /** @description the root span's */
                durationMicros: number;
                spanCount: number;
                errorCount: number;
            }[];
        };
        ImportResult: {
            traces: {
                traceId: string;
                /** @description the imported run; null for a trace of foreign spans only */
                runId: string | null;
                ownSpans: number;
                foreignSpans: number;
            }[];
            /** @description spans of the file that could not be stored (invalid ids */
            rejected: number;
            rejectionMessage: string;
        };
        Span: {
            spanId: string;
            parentSpanId: string | null;
            name: string;
            /** @enum {string} */
            kind: "INTERNAL" | "SERVER" | "CLIENT" | "PRODUCER" | "CONSUMER";
            /** @enum {string} */
            status: "UNSET" | "OK" | "ERROR";
            statusMessage: string | null;
            nodeId: string | null;
            /**
             * @description What the span stands for (attribute workflow.span.role); null for a span from elsewhere
             * @enum {string|null}
             */
            role?: "run" | "node" | "attempt" | null;
            /** Format: date-time */
            startTime: string;
            /** @description from the trace's start */
            offsetMicros: number;
            durationMicros: number;
            depth: number;
            childCount: number;
            attributes: {
                [key: string]: components["schemas"]["AttributeValue"];
            };
            events: components["schemas"]["SpanEvent"][];
            /** @description the service that made the span (service.name); null for spans stored before schema version 15 */
            service: string | null;
            /** @description its service.instance.id */
            serviceInstance: string | null;
            /** @description sent by another service (OTLP) or imported as such */
            foreign: boolean;
        };
        SpanEvent: {
            name: string;
            /** @description epoch nanoseconds, beyond a JavaScript number's exact range */
            timeNanos: number;
            attributes: {
                [key: string]: components["schemas"]["AttributeValue"];
            };
        };
        /** @description An OpenTelemetry attribute value */
        AttributeValue: string | number | boolean | (string | number | boolean)[];
        SpanDetail: {
            traceId: string;
            span: components["schemas"]["Span"];
            artifacts: components["schemas"]["Artifact"][];
        };
        Artifact: {
            seq: number;
            /** @enum {string} */
            kind: "input" | "output" | "prompt" | "response" | "request";
            contentType: string;
            /** @description redacted and capped */
            content: string;
            originalLength: number;
            truncated: boolean;
        };
    };
    responses: {
        /** @description RFC 9457 problem detail */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
