// Generated from the service's OpenAPI document by `npm run console:api`; do not edit.

export interface paths {
    "/api/v1/ai-systems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List AI systems
         * @description Newest first; filter by status, role, use case, risk class or text.
         */
        get: operations["AiSystemsController_list"];
        put?: never;
        /**
         * Register an AI system
         * @description Attributes are validated against the attribute schema; each error names its attribute.
         */
        post: operations["AiSystemsController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai-systems/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an AI system
         * @description The ETag header carries the version to send back as If-Match.
         */
        get: operations["AiSystemsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an AI system
         * @description Attributes are merged (null removes one). Optimistic concurrency via If-Match or `version`.
         */
        patch: operations["AiSystemsController_update"];
        trace?: never;
    };
    "/api/v1/ai-systems/{id}/controls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Controls an AI system needs
         * @description From the active required-controls rules: each control with the rules that require it, their justification and basis.
         */
        get: operations["ControlsController_forSystem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai-systems/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Decisions about an AI system
         * @description Newest first, each with its explanation.
         */
        get: operations["DecisionsController_forSystem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai-systems/{id}/model-versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Model version history of a system
         * @description Newest first, each with its change facts and reassessment decision.
         */
        get: operations["ModelChangesController_history"];
        put?: never;
        /**
         * Record a new model version of a system
         * @description Derives the change facts (semver bump, provider or model changed, declared changes) and evaluates reassessment-triggers.
         */
        post: operations["ModelChangesController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai-systems/{id}/obligations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * EU AI Act obligations of one AI system
         * @description From the eu-ai-act-obligations rules, given the organisation’s roles for the system and its risk class: each obligation with its article, the date it applies from and where that date comes from (Official Journal, or the Digital Omnibus deferral of the high-risk dates).
         */
        get: operations["ObligationsController_forSystem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai-systems/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire an AI system */
        post: operations["AiSystemsController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai-systems/attribute-schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The attribute schema
         * @description The JSON Schema that attributes of AI systems are validated against (AIMSFLOW_ATTRIBUTE_SCHEMA), e.g. to generate a registration form.
         */
        get: operations["AiSystemsController_attributeSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events, newest first
         * @description Every state change, with actor, before/after and its place in the hash chain (hash is null until sealed).
         */
        get: operations["AuditTrailController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the hash chain
         * @description Recomputes every sealed event: hash = sha256(previousHash + canonical JSON of the event). Events not yet sealed are counted as pending.
         */
        get: operations["AuditTrailController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-packs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit packs
         * @description Newest first, with status and progress.
         */
        get: operations["AuditPacksController_list"];
        put?: never;
        /**
         * Request an audit pack
         * @description A background job builds a ZIP of the documents, every evidence file uploaded in the period (with its index as CSV and JSON), the decisions with their explanations and the audit trail with its verification. Follow `GET /audit-packs/{id}`.
         */
        post: operations["AuditPacksController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-packs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One audit pack
         * @description Status and progress: files done of the total, bytes written.
         */
        get: operations["AuditPacksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-packs/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an audit pack
         * @description 409 `audit-pack-not-ready` while it is pending or building (or when it failed); 410 `audit-pack-expired` once kept past its retention.
         */
        get: operations["AuditPacksController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit register
         * @description Type, stage, dates, findings, linked nonconformities and the next due date.
         */
        get: operations["AuditsController_list"];
        put?: never;
        /**
         * Open an audit
         * @description Starts the internal-audit or certification-audit process.
         */
        post: operations["AuditsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One audit */
        get: operations["AuditsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OpenID provider's redirect back
         * @description Exchanges the code, validates the ID token, opens a session and redirects to `returnTo`. 400 `invalid-login-state` (unknown, used or expired state, or another browser), 401 `login-failed` (the provider refused, or its answer did not validate).
         */
        get: operations["AuthController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign in through the OpenID provider
         * @description Redirects to the provider (Authorization Code with PKCE). 404 `sign-in-unavailable` without AIMSFLOW_OIDC_ISSUER; 400 naming `returnTo` when it is not a path on this site.
         */
        get: operations["AuthController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session of the cookie (a valid one only with its `X-CSRF-Token`: 403 `csrf-mismatch` otherwise) and clears the cookie. For a session from the OpenID provider, `endSessionUrl` signs out there too.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How to sign in
         * @description Public: whether sign-in through the organisation's OpenID provider is on, so the console can offer it beside the API token.
         */
        get: operations["AuthController_providers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session of the cookie
         * @description Who is signed in, their roles now, and the CSRF token for writes. 401 without a valid session cookie.
         */
        get: operations["AuthController_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token-session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an API token for a session cookie
         * @description The console's token sign-in: a valid API token opens a session (cookie `aimsflow_session`, HttpOnly, SameSite=Lax); the token is not stored and the page need not keep it. 401 when the token is unknown, revoked or expired.
         */
        post: operations["AuthController_startWithToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/controls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ISO/IEC 42001 catalogue
         * @description Clauses and the 38 Annex A controls with their indicative EU AI Act mapping.
         */
        get: operations["ControlsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/controls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One Annex A control */
        get: operations["ControlsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stored decision
         * @description The rule set version, facts, outcome and explanation of a decision that changed state.
         */
        get: operations["DecisionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate facts with the active version
         * @description Outcome, fired events and the explanation of every rule and condition. Nothing is stored.
         */
        post: operations["DecisionsController_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Generate a document for auditors
         * @description Generated from current data each time, with the generation time, the rule set versions used and a verification footer (SHA-256 of the data it was built from, audit chain head). The format is chosen with `?format=`; a format the kind lacks is 406 `document-format-not-supported` naming the supported ones.
         */
        get: operations["DocumentsController_generate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Evidence register
         * @description Filter by each link, by expiry (`expiringBefore`), uploader and whether superseded; newest first.
         */
        get: operations["EvidenceController_list"];
        put?: never;
        /**
         * Upload evidence
         * @description multipart/form-data: one `file` part and the fields of UploadEvidenceDto (at least one link; link fields may repeat). Streamed into PostgreSQL in ~256 KiB chunks in one transaction with its audit event; the type is detected from the bytes against an allow-list. `supersedes` + `reason` correct an earlier item (both kept).
         */
        post: operations["EvidenceController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evidence item */
        get: operations["EvidenceController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the content
         * @description Streamed from the stored chunks; a range reads only the chunks it covers.
         */
        get: operations["EvidenceController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Camunda forms
         * @description Each form id with its latest version, by id. Filter with `search`.
         */
        get: operations["FormsController_list"];
        put?: never;
        /**
         * Store a Camunda form (next version of its id)
         * @description User tasks link it with `zeebe:formDefinition formId`; a task is bound to the latest version when it opens, and completions are validated against it. Patterns are RE2 syntax.
         */
        post: operations["FormsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{formId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A Camunda form: its latest version and the list of versions */
        get: operations["FormsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{formId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a Camunda form */
        get: operations["FormsController_getVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/impact-assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Impact assessment register
         * @description Versioned assessments per system: status, the four dimensions, FRIA answers, impact level, decision ids, approvers.
         */
        get: operations["ImpactAssessmentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/impact-assessments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One impact assessment */
        get: operations["ImpactAssessmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Incident register
         * @description Newest first. Filter by system, status, serious, late.
         */
        get: operations["IncidentsController_list"];
        put?: never;
        /**
         * Report an AI incident
         * @description ISO/IEC 42001 clause 10.2 and Annex A.8; EU AI Act Art. 73. Starts the incident lifecycle (triage, classification by the incident-reporting rules, report to the market surveillance authority for a serious incident, investigation, corrective action) and emits incident.reported. The reporting deadline counts from `awareAt`.
         */
        post: operations["IncidentsController_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One incident
         * @description With its classification, deadline, submission and whether it was late.
         */
        get: operations["IncidentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{key}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a job
         * @description The service task is left with the variables (through its output mappings) and the instance runs on. For a multi-instance task the job's item is done: the task is left when its last item is, or when its completion condition holds.
         */
        post: operations["ExternalJobsController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{key}/error": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Throw a BPMN error for a job
         * @description The error boundary event of the task (or of a sub-process around it) that catches `errorCode` takes over; when none does, the job gets an incident.
         */
        post: operations["ExternalJobsController_throwError"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{key}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fail a job
         * @description With retries left the job is available again after `retryBackOff` ms; with 0 it raises an incident naming the element (retry it to give the job another attempt).
         */
        post: operations["ExternalJobsController_fail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate jobs of a type
         * @description Hands up to `maxJobsToActivate` open jobs of the type to the worker, locked for `timeout` ms. With `requestTimeout` it waits (long polling) until jobs arrive or the time is up. Each job is handed to one worker at a time. A multi-instance service task has one job per open item, its variables holding the item (element variable, `loopCounter`).
         */
        post: operations["ExternalJobsController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Job types
         * @description The external job types of the deployed definitions (latest versions) and of open jobs, with how many jobs are open.
         */
        get: operations["ExternalJobsController_types"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/management-review-inputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Management review inputs
         * @description Newest first; filter by auditId.
         */
        get: operations["ManagementReviewController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/management-review-inputs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One management review input
         * @description ISO/IEC 42001 clause 9.3.2, compiled from the registers when the management review task was created (its id is the instance variable managementReviewInputId), with what the review decided.
         */
        get: operations["ManagementReviewController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I
         * @description The caller's person, the roles this request acts with, and their effective notification settings. An API token subject seen here first gets a person (source `token`).
         */
        get: operations["PeopleController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My in-app notifications
         * @description Newest first; `unread=true` lists only the unread ones.
         */
        get: operations["MyNotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of my notifications read
         * @description 404 for another person's notification.
         */
        post: operations["MyNotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: operations["MyNotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correlate a message
         * @description Delivered to every instance waiting for this name with this correlation key, and starts every definition with a message start event of this name. With a `timeToLive`, a message nobody waits for is buffered until it expires and taken by the first catch event that subscribes later with the same name and key (once, also when several subscribe at the same time). A repeated `messageId` with the same content has no second effect and returns the first result; with other content it is a 409.
         */
        post: operations["MessagesController_deliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/model-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A provider released a new model version
         * @description Fanned out to every system using provider + model name by a background worker; follow progress at GET /model-events/{id}.
         */
        post: operations["ModelChangesController_createEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/model-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress of a model event
         * @description total, processed, pending, reassessments started, failures.
         */
        get: operations["ModelChangesController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/nonconformities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Nonconformity register
         * @description Filter by status, severity, source, system or audit.
         */
        get: operations["NonconformitiesController_list"];
        put?: never;
        /**
         * Raise a nonconformity
         * @description Starts its corrective action process (clause 10.2) and emits nonconformity.raised.
         */
        post: operations["NonconformitiesController_raise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/nonconformities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One nonconformity */
        get: operations["NonconformitiesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * E-mail and chat deliveries
         * @description Newest first, with attempts and the last error; filter by status (e.g. `failed`), channel and person (identity or id).
         */
        get: operations["NotificationDeliveriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description A delivered, failed or skipped delivery is due again at once, from a fresh attempt count; 409 otherwise.
         */
        post: operations["NotificationDeliveriesController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objectives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Objectives and KPIs
         * @description Newest first, each with its series and trend. Filter by status.
         */
        get: operations["ObjectivesController_list"];
        put?: never;
        /**
         * Set an AI objective or KPI
         * @description ISO/IEC 42001 clauses 6.2 and 9.1. The first measurement is due one `frequency` from now.
         */
        post: operations["ObjectivesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objectives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One objective with its series of measurements and trend */
        get: operations["ObjectivesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objectives/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop monitoring an objective
         * @description Status closed; its monitoring process ends.
         */
        post: operations["ObjectivesController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objectives/{id}/measurements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a measurement
         * @description For integrations: send an Idempotency-Key so that a retried request records the value once. 409 `objective-not-monitored` once the objective is closed.
         */
        post: operations["ObjectivesController_measure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/obligations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Obligations calendar across the register
         * @description Every obligation of every AI system not retired, earliest first. Filter by appliesFrom (on or after), appliesBefore, systemId, role, source.
         */
        get: operations["ObligationsController_register"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List people
         * @description By display name; filter by part of the name, e-mail or identity (`q`), a role, or activation. Any role of a person may read; a machine client (`integration` alone) gets 403.
         */
        get: operations["PeopleController_list"];
        put?: never;
        /**
         * Register a person
         * @description Before they first sign in, or for an API token subject; assigned roles must be defined (400 `unknown-role`).
         */
        post: operations["PeopleController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One person
         * @description Any role of a person may read; a machine client (`integration` alone) gets 403.
         */
        get: operations["PeopleController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a person
         * @description Admins change anything (a deactivated person cannot act: 401 `person-inactive`). Everyone may change their own display name, e-mail, notification preferences and chat target (https; the webhook target rules apply: 400 `chat-target-refused`).
         */
        patch: operations["PeopleController_update"];
        trace?: never;
    };
    "/api/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Policy register
         * @description Every version, newest first. Filter by status, kind, seriesId.
         */
        get: operations["PoliciesController_list"];
        put?: never;
        /**
         * Draft an AI policy or its next version
         * @description ISO/IEC 42001 clause 5.2 and Annex A.2.2-A.2.4. With `supersedes` (a published version), a new version of the same policy, which replaces it once published. Unknown roles in `acknowledgedBy`: 400 `unknown-role`.
         */
        post: operations["PoliciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One policy version */
        get: operations["PoliciesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/{id}/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who must acknowledge the policy, and who did
         * @description The audience is everyone active in the people directory who holds one of the roles the policy names, now.
         */
        get: operations["PoliciesController_acknowledgements"];
        put?: never;
        /**
         * Acknowledge a published policy
         * @description The caller must hold one of the roles the policy names (403 `not-in-audience`); the policy must be published (409 `policy-not-published`). The last acknowledgement required lets the policy’s process go on.
         */
        post: operations["PoliciesController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List process definitions
         * @description The latest version of each definition, by key.
         */
        get: operations["DefinitionsController_list"];
        put?: never;
        /**
         * Deploy a process definition
         * @description Parsed, validated against the supported subset and the known handlers, and stored as the next immutable version of its key. Rule sets and linked forms are resolved when an instance reaches their task: one that does not exist yet is a warning, not a refusal. A file with several executable processes (a Camunda Modeler collaboration) deploys each as a definition of its own (key = process id, own version), all or none in one transaction: the answer is the first process in document order, the others are listed in `deployedWith`.
         */
        post: operations["DefinitionsController_deploy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-definitions/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a process definition
         * @description The latest version, with a summary of every version (newest first).
         */
        get: operations["DefinitionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-definitions/{key}/versions/{version}/xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The XML of a definition version
         * @description Exactly as deployed (line endings normalised), as application/xml: feed it to a BPMN diagram viewer.
         */
        get: operations["DefinitionsController_xml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List process instances
         * @description Newest first; filter by definition key, status, subject or parent instance.
         */
        get: operations["InstancesController_list"];
        put?: never;
        /**
         * Start a process instance
         * @description Runs the instance until it waits (user tasks, timers, messages, child instances), in one transaction. You become its initiator.
         */
        post: operations["InstancesController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-instances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a process instance
         * @description Status, definition version, active elements, variables, open tasks, pending timers with due times, message subscriptions, parent and children, incidents.
         */
        get: operations["InstancesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-instances/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a process instance
         * @description Cascades to its child instances, open tasks, timers and message subscriptions.
         */
        post: operations["InstancesController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-instances/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The history of an instance
         * @description Every step, oldest first: event, elements left and entered, actor, time, decision ids.
         */
        get: operations["InstancesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-instances/{id}/incidents/{incidentId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry the step of an incident
         * @description Runs the timer or message step that failed on every attempt once more, now; gives an external job another attempt; or runs a held task again (a service task whose handler threw an uncaught BPMN error, a business rule task whose rule set or a user task whose linked form was missing). Success resolves the incident and returns the instance; a held task that fails the same way again gets a new incident.
         */
        post: operations["InstancesController_retryIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-timers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List pending timers across instances
         * @description Timers not yet fired (periodic reviews, surveillance audits, effectiveness reviews, reminders), earliest due first, with the element name from the definition; filter by due time, definition key or subject.
         */
        get: operations["TimersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * AI risk register
         * @description Filter by system, rating, treatment, status.
         */
        get: operations["RisksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One risk with its full history
         * @description Every change (audit trail) and every step of its risk-treatment process.
         */
        get: operations["RisksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List roles
         * @description The built-in roles and those the organisation defined, by key. Any role may read them.
         */
        get: operations["RolesController_list"];
        put?: never;
        /**
         * Define a role
         * @description A role for tasks: BPMN candidate groups, tokens and people may name it once it exists. Route permissions stay with the built-in roles.
         */
        post: operations["RolesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One role */
        get: operations["RolesController_get"];
        put?: never;
        post?: never;
        /** Delete a role */
        delete: operations["RolesController_remove"];
        options?: never;
        head?: never;
        /**
         * Change a role
         * @description Name, description, notification defaults, and the key of an unused organisation-defined role.
         */
        patch: operations["RolesController_update"];
        trace?: never;
    };
    "/api/v1/rule-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List rule sets
         * @description Each rule set with its active and latest version and where the active one came from (file or api).
         */
        get: operations["RuleSetsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-sets/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The active version of a rule set
         * @description With the document, its source, and what the last start-up sync did with the file in rules/.
         */
        get: operations["RuleSetsController_getActive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-sets/{key}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the versions of a rule set
         * @description Newest first; each shows its source (file or api), who created and activated it.
         */
        get: operations["RuleSetsController_listVersions"];
        put?: never;
        /**
         * Create a draft version
         * @description Validated and stored as the next version; it decides nothing until activated.
         */
        post: operations["RuleSetsController_createVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-sets/{key}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a rule set */
        get: operations["RuleSetsController_getVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-sets/{key}/versions/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a version
         * @description Audited. Activating an older version is the rollback. Activating risk classification or required controls re-derives every system’s stored outcome.
         */
        post: operations["RuleSetsController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-sets/{key}/versions/{version}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Simulate a version
         * @description Never changes rule sets, decisions or AI systems.
         */
        post: operations["RuleSetsController_simulate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-simulations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List simulations against every system
         * @description Newest first, with status and progress; GET one for its result.
         */
        get: operations["RuleSimulationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-simulations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A simulation against every system
         * @description Status and progress while it is pending or running; the result (which outcomes would change, before and after) once completed.
         */
        get: operations["RuleSimulationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-task-handlers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List service task handlers
         * @description The names `aimsflow:handler` (or a Camunda task type) may use, with what each does.
         */
        get: operations["HandlersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Broadcast a signal
         * @description Delivered to **every** instance waiting for a signal of this name (intermediate signal catch events, signal boundary events) and starts every definition with a signal start event of this name, in one transaction. Signals have no correlation key and are not buffered: one nobody waits for is gone. Announced to webhooks as `signal.broadcast`.
         */
        post: operations["SignalsController_broadcast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statement-of-applicability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statement of Applicability
         * @description Always derived from the active rule versions and the current systems; never hand-maintained. Each control shows its evidence count and whether linked evidence has expired (`evidenceExpired=true` keeps only those).
         */
        get: operations["ControlsController_statementOfApplicability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statement-of-applicability/{controlId}/implementation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the implementation status of a control
         * @description Audited. Risk treatment sets it too when selected controls are implemented and verified.
         */
        put: operations["ControlsController_setImplementation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks (default: my inbox)
         * @description Without filters: open tasks assigned to you or claimable with one of your roles, earliest due first. With any of assignee, candidateRole, instanceId, subjectType, subjectId: all matching tasks.
         */
        get: operations["TasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task
         * @description With its form, candidate roles, assignee, due time, and for a completed task who completed it with what.
         */
        get: operations["TasksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a task
         * @description Assigns it to you; needs one of its candidate roles. Claiming your own task again changes nothing.
         */
        post: operations["TasksController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a task
         * @description Validates the variables against the form, then advances the process instance in the same transaction. An unclaimed task you may claim is claimed by completing it. Returns the task, the instance state and the tasks it opened.
         */
        post: operations["TasksController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/delegate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delegate a task
         * @description Assigns it to another subject who holds one of its candidate roles.
         */
        post: operations["TasksController_delegate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/unclaim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a claimed task
         * @description It becomes claimable by its candidate roles again.
         */
        post: operations["TasksController_unclaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tokens
         * @description Subjects, roles, prefixes, expiry, last use and revocation; never secrets.
         */
        get: operations["TokensController_list"];
        put?: never;
        /**
         * Create a token
         * @description Returns the secret once; only its SHA-256 hash is stored.
         */
        post: operations["TokensController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a token
         * @description The token stops working at once. Revoking twice is harmless.
         */
        delete: operations["TokensController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions
         * @description Without secrets.
         */
        get: operations["WebhooksController_list"];
        put?: never;
        /**
         * Subscribe to events
         * @description Deliveries are signed per Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature (v1, base64 HMAC-SHA256 of "id.timestamp.body"). See docs/integrations.md.
         */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription */
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a subscription
         * @description No further deliveries; pending ones are marked failed.
         */
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries of a subscription
         * @description Newest first, with attempts, last status code and error; filter by status.
         */
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeliver
         * @description Sends the event again from a fresh attempt count, with the same webhook-id.
         */
        post: operations["WebhooksController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Event types
         * @description Every event type with its meaning and an example of its data.
         */
        get: operations["WebhooksController_eventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness and database health
         * @description No token needed. 503 when the database does not answer.
         */
        get: operations["HealthController_check"];
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
        AcknowledgementDto: {
            /** Format: date-time */
            acknowledgedAt: string;
            /** @example olivia */
            identity: string;
            /** Format: uuid */
            policyId: string;
        };
        AcknowledgementsDto: {
            /** @example 2 */
            acknowledgedCount: number;
            /** @description Every acknowledgement, including by people who no longer hold the roles */
            acknowledgements: components["schemas"]["AcknowledgementDto"][];
            /** @description Everyone required, acknowledged or not, by identity */
            audience: components["schemas"]["AudienceMemberDto"][];
            /**
             * @description Everyone required has acknowledged
             * @example false
             */
            complete: boolean;
            /** Format: uuid */
            policyId: string;
            /**
             * @description Active people holding one of the roles now (people directory)
             * @example 3
             */
            required: number;
            /**
             * @example [
             *       "ai-owner"
             *     ]
             */
            roles: string[];
        };
        ActivatedJobDto: {
            /**
             * @description zeebe:taskHeaders
             * @example {
             *       "list": "EU"
             *     }
             */
            customHeaders: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description The lock ends then; afterwards another worker may get the job
             */
            deadline: string;
            /** @example Task_screen */
            elementId: string;
            /** @example Screen the supplier */
            elementName: string;
            /**
             * Format: uuid
             * @description The job (the same across activations and in incidents)
             */
            id: string;
            /**
             * @description This activation of the job: complete, fail or throw an error with it. A later activation (after the lock expired) gets a new key.
             * @example 0b9d3c8e-5a41-4f0e-9a55-1c3b7d2e8f10.1
             */
            key: string;
            /** @example supplier-onboarding */
            processDefinitionKey: string;
            /** @example 2 */
            processDefinitionVersion: number;
            /** Format: uuid */
            processInstanceId: string;
            /**
             * @description Attempts left
             * @example 3
             */
            retries: number;
            /** @example sanctions-screening */
            type: string;
            /**
             * @description The instance variables when the task was entered, overlaid with the task's input mappings
             * @example {
             *       "supplierId": "s-42",
             *       "name": "ACME"
             *     }
             */
            variables: {
                [key: string]: unknown;
            };
            /** @example screening-worker-1 */
            worker: string;
        };
        ActivatedJobsDto: {
            /** @description Empty when none was available within the request timeout */
            jobs: components["schemas"]["ActivatedJobDto"][];
        };
        ActivatedRuleSetVersionDto: {
            /**
             * Format: date-time
             * @description When it was last activated; null for a draft never activated
             */
            activatedAt: string | null;
            /**
             * @description Who last activated it
             * @example gina
             */
            activatedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Who created it (`system` for the start-up sync)
             * @example gina
             */
            createdBy: string;
            document: components["schemas"]["RuleSetDocumentDto"];
            /** Format: uuid */
            id: string;
            /** @example eu-ai-act-risk-class */
            key: string;
            /**
             * @description Systems whose stored classification or required controls were re-derived (classifying rule sets only)
             * @example 0
             */
            reclassifiedSystems: number;
            /**
             * @description Synced from a file in rules/ at start-up, or created through the API
             * @enum {string}
             */
            source: "file" | "api";
            /**
             * @description The file it was synced from
             * @example rules/eu-ai-act-risk-class.json
             */
            sourceFile: string | null;
            /**
             * @description Numbered 1, 2, … per key
             * @example 2
             */
            version: number;
        };
        ActivateJobsDto: {
            /**
             * @description At most this many jobs (1 to 100)
             * @example 10
             */
            maxJobsToActivate: number;
            /**
             * @description Long polling: when no job is available, wait up to this many ms (at most 60000) for one; 0 or absent answers at once
             * @example 20000
             */
            requestTimeout?: number;
            /**
             * @description Lock duration in ms: until then no other worker gets the job; afterwards it is handed out again and this worker's answer is refused (409)
             * @example 300000
             */
            timeout: number;
            /**
             * @description Job type: the `zeebe:taskDefinition type` of the service tasks to work on
             * @example sanctions-screening
             */
            type: string;
            /**
             * @description Name of the worker (shown on the job while it holds it)
             * @example screening-worker-1
             */
            worker: string;
        };
        ActiveOutcomeDto: {
            /**
             * @example {
             *       "interval": "P12M"
             *     }
             */
            outcome: {
                [key: string]: unknown;
            };
            /** @example 1 */
            version: number;
        };
        ActiveRuleSetDto: {
            /**
             * Format: date-time
             * @description When it was last activated; null for a draft never activated
             */
            activatedAt: string | null;
            /**
             * @description Who last activated it
             * @example gina
             */
            activatedBy: string | null;
            /**
             * @description Always true: this is the active version
             * @example true
             */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Who created it (`system` for the start-up sync)
             * @example gina
             */
            createdBy: string;
            document: components["schemas"]["RuleSetDocumentDto"];
            /** @description null when rules/ has no file of this key */
            fileSync: components["schemas"]["FileSyncResultDto"] | null;
            /** Format: uuid */
            id: string;
            /** @example eu-ai-act-risk-class */
            key: string;
            /**
             * @description Synced from a file in rules/ at start-up, or created through the API
             * @enum {string}
             */
            source: "file" | "api";
            /**
             * @description The file it was synced from
             * @example rules/eu-ai-act-risk-class.json
             */
            sourceFile: string | null;
            /**
             * @description Numbered 1, 2, … per key
             * @example 2
             */
            version: number;
        };
        AiIncidentDto: {
            /**
             * @description The market surveillance authority the report went to
             * @example Bundesnetzagentur
             */
            authority: string | null;
            /**
             * Format: date-time
             * @description When the organisation became aware of it; the deadline counts from here
             */
            awareAt: string;
            /**
             * @description Legal basis of the classification
             * @example [
             *       "Art. 3(49)",
             *       "Art. 73(2)"
             *     ]
             */
            basis: string[];
            /**
             * @example data
             * @enum {string|null}
             */
            causeCategory: "data" | "model" | "process" | "people" | "supplier" | "other" | null;
            /** Format: date-time */
            closedAt: string | null;
            /**
             * Format: date-time
             * @description When the complete report followed an initial one
             */
            completedAt: string | null;
            /** @description Reference of the complete report that followed an initial one */
            completionReference: string | null;
            /** @example Assistant switched to advisory mode; nurses re-triage every case */
            containment: string | null;
            /** @example Update the symptom list with every guideline change */
            correctiveAction: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Reporting deadline from awareness, from the rules (ISO 8601 duration)
             * @example P15D
             */
            deadline: string | null;
            /**
             * Format: date-time
             * @description When the report to the market surveillance authority is due: awareAt + deadline
             */
            deadlineAt: string | null;
            /** @description Rules decisions its process took (the classification), oldest first (GET /decisions/{id}) */
            decisionIds: string[];
            /**
             * @description What happened
             * @example Three patients with chest pain were ranked low priority.
             */
            description: string;
            /**
             * @example [
             *       "serious-harm-to-health"
             *     ]
             */
            effects: ("death" | "serious-harm-to-health" | "critical-infrastructure-disruption" | "fundamental-rights-infringement" | "property-or-environment-harm")[];
            /**
             * Format: date-time
             * @description When the deadline passed with no report submitted (escalated to top management)
             */
            escalatedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Its incident process instance (null when no incident process is deployed)
             */
            instanceId: string | null;
            /**
             * @description The report was submitted after deadlineAt, or is not submitted and deadlineAt has passed
             * @example false
             */
            late: boolean;
            /**
             * Format: uuid
             * @description The nonconformity its corrective action raised (GET /nonconformities/{id})
             */
            nonconformityId: string | null;
            /**
             * Format: date-time
             * @description When it happened
             */
            occurredAt: string;
            /**
             * Format: date-time
             * @description When the reminder before the deadline fell due
             */
            remindedAt: string | null;
            /** @description The report as approved by top management */
            report: string | null;
            /** @description false: an initial, incomplete report was submitted and is to be completed (Art. 73(5)) */
            reportComplete: boolean | null;
            /** @example olivia */
            reportedBy: string;
            /** @example Symptom list not updated after the guideline change */
            rootCause: string | null;
            /** @description A serious incident (Art. 3(49)), as the incident-reporting rules decided; null until classified */
            serious: boolean | null;
            /**
             * @description Set by the incident lifecycle at every step
             * @example submitted
             * @enum {string}
             */
            status: "open" | "triaged" | "dismissed" | "classified" | "report-drafted" | "report-changes-requested" | "report-approved" | "submitted" | "investigated" | "closed" | "withdrawn";
            /**
             * @description Reference of the submission
             * @example MSA-2027-0412
             */
            submissionReference: string | null;
            /**
             * Format: date-time
             * @description When the (first) report was submitted; the deadline is judged on it
             */
            submittedAt: string | null;
            /**
             * Format: uuid
             * @description The AI system concerned
             */
            systemId: string;
            /** @example Triage assistant under-prioritised chest pain */
            title: string;
            /** @example Confirmed: the model ranked on an outdated symptom list */
            triageNotes: string | null;
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description A widespread infringement (EU AI Act Art. 3(61))
             * @example false
             */
            widespread: boolean;
        };
        AiIncidentPageDto: {
            items: components["schemas"]["AiIncidentDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        AiSystemDto: {
            /**
             * @description Attributes, valid against the attribute schema (data/ai-system-attribute-schema.json)
             * @example {
             *       "useCases": [
             *         "recruitment"
             *       ],
             *       "profilesNaturalPersons": true,
             *       "processesPersonalData": true,
             *       "art6_3Derogation": "none"
             *     }
             */
            attributes: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description The decision that classified it (GET /decisions/{id})
             */
            classificationDecisionId: string | null;
            /**
             * Format: uuid
             * @description The decision that derived its required controls
             */
            controlsDecisionId: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Who registered it
             * @example olivia
             */
            createdBy: string;
            /** @example Ranks incoming job applications for recruiters */
            description: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description Impact level of its approved impact assessment
             * @example high
             */
            impactLevel: string | null;
            /** @example Shortlist applicants for open positions */
            intendedPurpose: string;
            /**
             * @description Legal basis of the risk class
             * @example [
             *       "Art. 6(2)",
             *       "Annex III(4)"
             *     ]
             */
            legalBasis: string[];
            /** @description The model it runs now (moves with each recorded model version) */
            model: components["schemas"]["ModelRefDto"] | null;
            /** @example CV screening assistant */
            name: string;
            /**
             * @description Subject (user id) accountable for the system
             * @example olivia
             */
            owner: string | null;
            /** @description Annex A controls the active required-controls rules require, each with the rules behind it */
            requiredControls: components["schemas"]["RequiredControlDto"][];
            /** Format: date-time */
            retiredAt: string | null;
            /**
             * @description EU AI Act risk class from the eu-ai-act-risk-class rules (prohibited, high, limited, minimal in the seeded rules)
             * @example high
             */
            riskClass: string | null;
            /**
             * @description The organisation's role(s) for this system (ISO 42001 clause 4; EU AI Act Art. 3)
             * @example [
             *       "deployer"
             *     ]
             */
            roles: ("developer" | "provider" | "deployer" | "importer" | "distributor")[];
            /**
             * @description Where it is in its lifecycle
             * @example in-assessment
             * @enum {string}
             */
            status: "registered" | "in-assessment" | "approved" | "reassessment-required" | "out-of-scope" | "prohibited" | "retired";
            /**
             * @description The system or its model is supplied by a third party
             * @example true
             */
            thirdParty: boolean;
            /**
             * @description EU AI Act Art. 50 transparency obligations that apply
             * @example [
             *       "Art. 50(1)"
             *     ]
             */
            transparencyObligations: string[];
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description Moves with every change; send it back as If-Match (the ETag) or `version`
             * @example 3
             */
            version: number;
        };
        AiSystemPageDto: {
            items: components["schemas"]["AiSystemDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        AssessmentApproverDto: {
            /**
             * @description Their decision
             * @example approve
             */
            decision?: string;
            /**
             * @description The role they approved for
             * @example compliance-officer
             */
            role?: string;
            /** @example carla */
            subject: string;
        };
        AudienceMemberDto: {
            /**
             * Format: date-time
             * @description null: still to acknowledge
             */
            acknowledgedAt: string | null;
            /** @example Olivia Owner */
            displayName: string;
            /** @example olivia */
            identity: string;
        };
        AuditDto: {
            /** @example olivia */
            areaOwner: string | null;
            /** @example Model operations */
            auditedArea: string | null;
            /** Format: date-time */
            certifiedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example ada */
            createdBy: string;
            /**
             * @description Certification cycle: 1, then one more per recertification
             * @example 1
             */
            cycle: number;
            /** @description Findings, each with the nonconformity it raised */
            findings: ({
                /**
                 * @description ISO/IEC 42001 clause ids
                 * @example [
                 *       "6.1.2"
                 *     ]
                 */
                clauseRefs?: string[] | null;
                /**
                 * @description Annex A control ids
                 * @example [
                 *       "A.6.2.8"
                 *     ]
                 */
                controlRefs?: string[] | null;
                /**
                 * Format: uuid
                 * @description The nonconformity it raised
                 */
                nonconformityId: string;
                /** @enum {string} */
                severity: "major" | "minor" | "observation";
                /**
                 * @description The audit stage that found it
                 * @example fieldwork
                 */
                stage: string;
                /** @example Risk acceptance criteria not approved */
                title: string;
            } & {
                [key: string]: unknown;
            })[];
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Its audit process instance
             */
            instanceId: string | null;
            /**
             * Format: date-time
             * @description The next surveillance or recertification date still ahead
             */
            nextDueAt: string | null;
            /** @description Nonconformities its findings raised, oldest first */
            nonconformities: components["schemas"]["AuditNonconformityDto"][];
            /**
             * Format: uuid
             * @description The previous certification cycle
             */
            previousAuditId: string | null;
            /**
             * Format: date-time
             * @description 36 months after certification
             */
            recertificationDue: string | null;
            /** @example Clauses 6.1 and 8.2–8.4 */
            scope: string | null;
            /**
             * @description internal: planning, fieldwork, reporting, management-review, completed; certification: stage-1, stage-2, decision, certified, surveillance-1, surveillance-2, recertification, refused
             * @example fieldwork
             */
            stage: string;
            /**
             * @description Set by its process, e.g. active, completed, certified, refused (withdrawn when its process was cancelled)
             * @example active
             */
            status: string;
            /**
             * Format: date-time
             * @description 12 months after certification
             */
            surveillance1Due: string | null;
            /**
             * Format: date-time
             * @description 24 months after certification
             */
            surveillance2Due: string | null;
            /** @example Internal audit Q1: AI risk management */
            title: string;
            /**
             * @description `internal`: clause 9.2 internal audit; `certification`: one certification cycle
             * @enum {string}
             */
            type: "internal" | "certification";
            /** Format: date-time */
            updatedAt: string;
        };
        AuditEventDto: {
            /** @example ai-system.updated */
            action: string;
            /**
             * @description Subject of the token that made the change (`system` for the service itself)
             * @example olivia
             */
            actor: string;
            /**
             * @description The changed fields after the change
             * @example {
             *       "description": "Ranks applications"
             *     }
             */
            after: {
                [key: string]: unknown;
            } | null;
            /**
             * @description The changed fields before the change
             * @example {
             *       "description": null
             *     }
             */
            before: {
                [key: string]: unknown;
            } | null;
            /** @description sha256(prevHash + canonical JSON of the event), hex; null until sealed */
            hash: string | null;
            /**
             * @description Event id (a 64-bit integer, as a decimal string)
             * @example 1042
             */
            id: string;
            /**
             * Format: date-time
             * @description When the change was made
             */
            occurredAt: string;
            /** @description Hash of the previous event in the chain; null until sealed */
            prevHash: string | null;
            /**
             * @description The request that made the change
             * @example 1c0f6d2e-4b8a-4f7e-9d3c-2a1b0c9d8e7f
             */
            requestId: string | null;
            /**
             * Format: date-time
             * @description When it was sealed into the chain
             */
            sealedAt: string | null;
            /**
             * @description Position in the chain (decimal string); null until sealed
             * @example 1041
             */
            seq: string | null;
            /** @example 3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d */
            subjectId: string;
            /** @example ai-system */
            subjectType: string;
        };
        AuditEventPageDto: {
            items: components["schemas"]["AuditEventDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        AuditNonconformityDto: {
            /** Format: date-time */
            closedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @example major
             * @enum {string}
             */
            severity: "major" | "minor" | "observation";
            /** @example closed */
            status: string;
            /** @example Risk acceptance criteria not approved */
            title: string;
        };
        AuditPackDto: {
            /**
             * @description Where to download it once `done` (409 before, 410 once expired)
             * @example /api/v1/audit-packs/3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d/content
             */
            contentUrl: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Why the build failed */
            error: string | null;
            /**
             * Format: date-time
             * @description When the ZIP is deleted (a `done` pack: finished + the retention) or was deleted (`expired`); null before it is done
             * @example 2026-02-14T09:00:00.000Z
             */
            expiresAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: date-time */
            from: string;
            /** Format: uuid */
            id: string;
            progress: components["schemas"]["AuditPackProgressDto"];
            /** @example audrey */
            requestedBy: string;
            /** @description SHA-256 of the finished ZIP (also its ETag) */
            sha256: string | null;
            /**
             * @description Size of the finished ZIP
             * @example 52428800
             */
            sizeBytes: number | null;
            /** Format: date-time */
            startedAt: string | null;
            /**
             * @description `pending`: queued; `building`: a worker is writing it; `done`: download it until `expiresAt`; `failed`: see `error`; `expired`: kept past the retention (AIMSFLOW_AUDIT_PACK_RETENTION_DAYS), its ZIP deleted (request a new pack)
             * @enum {string}
             */
            status: "pending" | "building" | "done" | "failed" | "expired";
            /** @description The AI systems it is limited to (empty: all) */
            systemIds: string[];
            /** Format: date-time */
            to: string;
        };
        AuditPackPageDto: {
            items: components["schemas"]["AuditPackDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        AuditPackProgressDto: {
            /**
             * @description Bytes of the ZIP written so far
             * @example 10485760
             */
            bytes: number;
            /**
             * @description Files written into the ZIP
             * @example 1200
             */
            filesDone: number;
            /**
             * @description Files the pack will hold (null until the build has listed them)
             * @example 5012
             */
            filesTotal: number | null;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        AuditVerificationDto: {
            /**
             * @description Sealed events recomputed (up to the first broken one)
             * @example 120
             */
            checked: number;
            /**
             * @description The first event that does not verify (when not valid)
             * @example 57
             */
            firstBrokenId?: string;
            /**
             * @description Events committed but not yet sealed (sealing runs in the background)
             * @example 2
             */
            pending: number;
            /**
             * @description Why it does not verify
             * @example content does not match its hash
             */
            reason?: string;
            /**
             * @description Events sealed into the chain
             * @example 120
             */
            sealed: number;
            /**
             * @description Every sealed event matches its hash and links to the one before
             * @example true
             */
            valid: boolean;
        };
        CancelInstanceDto: {
            /**
             * @description Why, for the history and the audit trail
             * @example Raised in error
             */
            reason?: string;
        };
        CandidateDecisionDto: {
            events: components["schemas"]["FiredEventDto"][];
            /** @description One entry per rule, in document order */
            explanation: components["schemas"]["RuleExplanationDto"][];
            /**
             * @example {
             *       "interval": "P6M"
             *     }
             */
            outcome: {
                [key: string]: unknown;
            };
            /** @example 2 */
            version: number;
        };
        ChangeFactsDto: {
            /** @example false */
            architectureChanged: boolean;
            /** @example false */
            intendedPurposeChanged: boolean;
            /** @example false */
            modelNameChanged: boolean;
            /** @example false */
            newAffectedPersons: boolean;
            /** @example false */
            newDeploymentRegion: boolean;
            /** @example false */
            newUseCase: boolean;
            /** @example false */
            providerChanged: boolean;
            /**
             * @description The largest semver part that moved; `none` when equal, backwards or not semver
             * @example major
             * @enum {string}
             */
            semverBump: "major" | "minor" | "patch" | "none";
            /** @example true */
            trainingDataChanged: boolean;
        };
        ChatTargetDto: {
            /**
             * @example slack
             * @enum {string}
             */
            format: "slack" | "teams";
            /**
             * @description The incoming-webhook URL: https, on a host that is neither private, loopback nor link-local (the webhook target rules)
             * @example https://hooks.slack.com/services/T000/B000/XXXX
             */
            url: string;
        };
        ChildInstanceDto: {
            /** @example impact-assessment */
            definitionKey: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "active" | "completed" | "cancelled" | "failed" | "terminated";
            /** @description The call activity wait of this instance it runs for (opaque) */
            waitKey: string | null;
        };
        ClauseDto: {
            /**
             * @description The clause it belongs to
             * @example Performance evaluation
             */
            clause: string;
            /** @example 9.2 */
            id: string;
            /** @example Internal audit */
            title: string;
        };
        CoDeployedDefinitionDto: {
            /**
             * @description `true`: a new version was stored; `false`: the same content was deployed before and that version is returned. 201 when a version of any process of the file was stored, else 200
             * @example true
             */
            created: boolean;
            /**
             * Format: uuid
             * @description Id of its version
             */
            id: string;
            /**
             * @description Its BPMN process id: the definition key
             * @example supplier-onboarding
             */
            key: string;
            /**
             * @description Its BPMN process name
             * @example Supplier onboarding
             */
            name: string | null;
            /**
             * @description Its version, numbered per key
             * @example 1
             */
            version: number;
            /** @description Its own warnings. Extensions deployed but without meaning here (execution and task listeners, properties, task headers on a built-in handler, …): listed, never silently dropped. Also each business rule task whose rule set, and each user task whose linked form, does not exist yet (resolved when an instance reaches the task, which raises an incident if it is still missing then), and joins a token may wait at forever */
            warnings: components["schemas"]["DefinitionWarningDto"][];
        };
        CompletedInstanceDto: {
            /**
             * @example [
             *       "Task_review"
             *     ]
             */
            activeElementIds: string[];
            /** Format: uuid */
            id: string;
            /** @example active */
            status: string;
        };
        CompleteJobDto: {
            /**
             * @description Result variables: through the task's output mappings when it has them, otherwise merged into the instance
             * @example {
             *       "hits": 0
             *     }
             */
            variables?: Record<string, never>;
        };
        CompleteTaskDto: {
            /**
             * @description The decision; stored as the task outcome and set as the process variable `outcome` (validated like a form field when the form has one)
             * @example approved
             */
            outcome?: string;
            /**
             * @description Form data, validated against the task's form (required fields, types, allowed values); merged into the process variables
             * @example {
             *       "severity": "major",
             *       "comment": "Plan covers all findings"
             *     }
             */
            variables?: Record<string, never>;
        };
        ConditionExplanationDto: {
            /**
             * @description `fact`: the fact value the operator saw; absent when the fact was undefined or not evaluated
             * @example [
             *       "recruitment"
             *     ]
             */
            actual?: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
            /** @description `all`, `any`, `not`: the children (exactly one for `not`) */
            conditions?: components["schemas"]["ConditionExplanationDto"][];
            /**
             * @description Whether it was evaluated at all
             * @example true
             */
            evaluated: boolean;
            /**
             * @description `fact`: the condition's value (resolved when it is a fact reference and was evaluated)
             * @example recruitment
             */
            expected?: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
            /** @description `fact`: set when the value is a `{ fact }` reference */
            expectedFact?: components["schemas"]["ExpectedFactDto"];
            /**
             * @description `fact`: the fact tested
             * @example useCases
             */
            fact?: string;
            /** @description The condition's name in the rule set, if it has one */
            name?: string;
            /**
             * @description `fact`: the operator
             * @example contains
             */
            operator?: string;
            /** @description `fact`: parameters passed to the fact */
            params?: {
                [key: string]: unknown;
            };
            /** @description `fact`: JSONPath into the fact value */
            path?: string;
            /**
             * @description Set when the node came from a `{ "condition": "<name>" }` reference
             * @example annex-iii-4-uses
             */
            reference?: string;
            /** @description true/false once evaluated; null when json-rules-engine short-circuited past it */
            result: boolean | null;
            /**
             * @example fact
             * @enum {string}
             */
            type: "all" | "any" | "not" | "fact";
        };
        ControlCatalogueDto: {
            clauses: components["schemas"]["ClauseDto"][];
            /** @description The 38 Annex A controls (those of one group with `group`) */
            controls: components["schemas"]["ControlDto"][];
            /** @description What the catalogue is (and is not) */
            note: string;
            /** @example Regulation (EU) 2024/1689 (Artificial Intelligence Act) */
            regulation: string;
            /** @example ISO/IEC 42001:2023 */
            standard: string;
        };
        ControlDto: {
            /** @description null where the reference data gives no mapping */
            euAiAct: components["schemas"]["EuAiActMappingDto"] | null;
            /**
             * @description Annex A group
             * @example A.6
             */
            group: string;
            /** @example A.6.2.8 */
            id: string;
            /**
             * @description The objective of its group
             * @example AI system life cycle
             */
            objective: string;
            /** @example AI system recording of event logs */
            title: string;
        };
        ControlImplementationDto: {
            /** @example A.6.2.8 */
            controlId: string;
            /**
             * @description Evidence or plan
             * @example Event logging enabled in all production deployments (ticket OPS-112)
             */
            note: string | null;
            /**
             * @example implemented
             * @enum {string}
             */
            status: "not-started" | "planned" | "in-progress" | "implemented" | "verified";
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description Who set it
             * @example gina
             */
            updatedBy: string;
        };
        CreateAiSystemDto: {
            /**
             * @description Attributes validated against the attribute schema (data/ai-system-attribute-schema.json); unknown attributes are refused
             * @example {
             *       "useCases": [
             *         "recruitment"
             *       ],
             *       "profilesNaturalPersons": true,
             *       "processesPersonalData": true,
             *       "affectedPersons": [
             *         "job-applicants"
             *       ]
             *     }
             */
            attributes?: Record<string, never>;
            /** @example Ranks incoming job applications for recruiters */
            description?: string;
            /** @example Shortlist applicants for open positions */
            intendedPurpose: string;
            /** @description The underlying model; model-version events match provider + name */
            model?: components["schemas"]["ModelRefDto"];
            /** @example CV screening assistant */
            name: string;
            /**
             * @description Subject accountable for the system, in canonical form (`Alice` is `alice`; an identity-provider `<issuer>#<sub>` is kept verbatim)
             * @example alice
             */
            owner?: string;
            /**
             * @description The organisation's role(s) for this system (ISO 42001 clause 4; EU AI Act Art. 3)
             * @example [
             *       "deployer"
             *     ]
             */
            roles: ("developer" | "provider" | "deployer" | "importer" | "distributor")[];
            /**
             * @description The system or its model is supplied by a third party
             * @example true
             */
            thirdParty?: boolean;
        };
        CreateAuditDto: {
            /** @example Clauses 6.1 and 8.2–8.4 */
            scope?: string;
            /** @example Internal audit Q1: AI risk management */
            title: string;
            /**
             * @description internal: clause 9.2 internal audit; certification: Stage 1, Stage 2, surveillance and recertification
             * @example internal
             * @enum {string}
             */
            type: "internal" | "certification";
        };
        CreateAuditPackDto: {
            /**
             * @description Start of the period (ISO 8601, inclusive): evidence uploaded, decisions taken and audit events from then
             * @example 2026-01-01
             */
            from: string;
            /** @description Only these AI systems: evidence linked to them, their decisions, impact assessments, risks and nonconformities (default: everything) */
            systemIds?: string[];
            /**
             * @description End of the period (ISO 8601, exclusive; a time after the request counts as the request time)
             * @example 2027-01-01
             */
            to: string;
        };
        CreatedTokenDto: {
            /**
             * Format: date-time
             * @description When it stops working; null: until revoked
             */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description The first characters of the secret
             * @example afw_x7Tq2a
             */
            prefix: string;
            /**
             * @description Roles the token carries (built-in or organisation-defined keys)
             * @example [
             *       "risk-officer",
             *       "dpo"
             *     ]
             */
            roles: string[];
            /**
             * @description Only on an `Idempotency-Key` replay: the secret was in the first response and is not shown again
             * @example true
             */
            secretShownOnce?: boolean;
            /** @example alice */
            subject: string;
            /**
             * @description The secret, for `Authorization: Bearer <token>`: shown once, only its SHA-256 hash is stored. Absent from an `Idempotency-Key` replay, which says `secretShownOnce: true` instead
             * @example afw_x7Tq2a9Lw0c…
             */
            token?: string;
        };
        CreatedWebhookSubscriptionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example gina */
            createdBy: string;
            /**
             * Format: date-time
             * @description Set once it is deleted (only the DELETE response shows a deleted subscription)
             */
            deletedAt: string | null;
            /** @example Ticketing bridge */
            description: string | null;
            /**
             * @description Event types or wildcards (`task.*`, `*`)
             * @example [
             *       "ai-system.*",
             *       "task.*",
             *       "nonconformity.raised"
             *     ]
             */
            eventTypes: string[];
            /** Format: uuid */
            id: string;
            /**
             * @description Signing secret (Standard Webhooks): verify `webhook-signature` with it. Shown only now; store it. Absent from an `Idempotency-Key` replay, which says `secretShownOnce: true` instead
             * @example whsec_2pR3p0YxG3OVnVJBue7LGo1tc8DddiFWfnSdTQu7ufU=
             */
            secret?: string;
            /**
             * @description Only on an `Idempotency-Key` replay: the secret was in the first response and is not shown again
             * @example true
             */
            secretShownOnce?: boolean;
            /**
             * @description Where deliveries are POSTed
             * @example https://hooks.example.com/aimsflow
             */
            url: string;
        };
        CreateObjectiveDto: {
            /**
             * @description Annex A controls it evidences
             * @example [
             *       "A.6.2.6"
             *     ]
             */
            controlIds?: string[];
            /**
             * @description at-least: the value must reach the target; at-most: it must not exceed it
             * @example at-least
             * @enum {string}
             */
            direction: "at-least" | "at-most";
            /**
             * @description How often it is measured (ISO 8601 duration); a measurement missing past it raises a reminder
             * @example P1M
             */
            frequency: string;
            /**
             * @description What is measured, and how
             * @example Share of shortlisting decisions confirmed by the recruiter, monthly sample of 200
             */
            measure: string;
            /**
             * @description Who owns the objective (default: the caller)
             * @example olivia
             */
            owner?: string;
            /**
             * @description AI systems it concerns (registered ids)
             * @example []
             */
            systemIds?: string[];
            /** @example 95 */
            target: number;
            /** @example Screening accuracy */
            title: string;
            /** @example % */
            unit: string;
        };
        CreatePersonDto: {
            /**
             * @description Roles an administrator gives the person; each must be defined. Role keys: a built-in role or one the organisation defined (`GET /roles`). The built-in ones:
             *     - `admin`: manages tokens and everything else
             *     - `governance`: edits, simulates and activates rule sets and process definitions
             *     - `ai-owner`: registers and maintains AI systems, drafts assessments
             *     - `risk-officer`: assesses and owns AI risks
             *     - `compliance-officer`: reviews assessments and corrective actions
             *     - `dpo`: data protection officer: FRIA and personal-data questions
             *     - `top-management`: accepts high residual risk, management review, certification sign-off
             *     - `auditor`: internal auditor: reads everything, raises findings
             *     - `external-auditor`: certification body auditor acting on audit stages
             *     - `integration`: machine client: model-version and attribute events
             * @example [
             *       "risk-officer"
             *     ]
             */
            assignedRoles?: string[];
            /** @example Alice Adams */
            displayName: string;
            /** @example alice@example.org */
            email?: string;
            /**
             * @description What actors, tasks and the audit trail name the person by: an API token subject (`alice`, stored in canonical form) or, for someone signing in through the identity provider, `<issuer>#<sub>` (kept verbatim)
             * @example alice
             */
            identity: string;
        };
        CreatePolicyDto: {
            /**
             * @description Roles whose holders must acknowledge the published policy (defined roles: GET /roles)
             * @example [
             *       "ai-owner",
             *       "risk-officer"
             *     ]
             */
            acknowledgedBy: string[];
            /**
             * @description The policy text, Markdown
             * @example # AI policy
             *
             *     We develop and use AI systems ...
             */
            body: string;
            /**
             * @description The policy governs high-risk AI systems (reviewed more often, per the rules)
             * @default false
             */
            coversHighRiskSystems: boolean;
            /**
             * @description The AI policy (clause 5.2, A.2.2) or a topic-specific policy (A.2.3)
             * @example ai-policy
             * @enum {string}
             */
            kind: "ai-policy" | "topic-specific";
            /**
             * @description Who owns the policy (a person’s identity); default: the caller
             * @example carla
             */
            owner?: string;
            /**
             * @description What the policy covers
             * @example All AI systems developed or used by the organisation
             */
            scope: string;
            /**
             * Format: uuid
             * @description The published version this draft will supersede once published
             */
            supersedes?: string;
            /** @example AI policy */
            title: string;
        };
        CreateRoleDto: {
            /** @example reviews high-impact AI use cases before deployment */
            description?: string;
            /**
             * @description The role's key, as tokens, people and BPMN candidate groups name it; must be a lowercase slug: letters and digits in words joined by single hyphens, starting with a letter (ethics-board)
             * @example ethics-board
             */
            key: string;
            /** @example Ethics board */
            name: string;
            /** @description How holders of the role hear of each kind of event unless they chose otherwise; null or absent: the built-in defaults */
            notificationDefaults?: components["schemas"]["NotificationPreferencesDto"] | null;
        };
        CreateSubscriptionDto: {
            /** @example Ticketing bridge */
            description?: string;
            /**
             * @description Event types, or wildcards such as `task.*` or `*`. Types: ai-system.registered, ai-system.status-changed, ai-system.reassessment-required, decision.recorded, rule-set.activated, process.started, process.completed, message.published, signal.broadcast, task.created, task.completed, task.assigned, task.due-soon, task.overdue, task.reminder, task.escalated, task.waiting-on-you, evidence.expiring, evidence.expired, nonconformity.raised, incident.reported, incident.classified, incident.report-due, incident.report-overdue, incident.submitted, policy.published, policy.acknowledgement-reminder, objective.breached, objective.measurement-missing, audit.stage-changed
             * @example [
             *       "ai-system.*",
             *       "task.*",
             *       "nonconformity.raised"
             *     ]
             */
            eventTypes: string[];
            /**
             * @description Where deliveries are POSTed (http or https)
             * @example https://hooks.example.com/aimsflow
             */
            url: string;
        };
        CreateTokenDto: {
            /**
             * @description What the token is for
             * @example MLflow webhook bridge
             */
            description?: string;
            /**
             * @description When the token stops working (ISO 8601 date-time, in the future); without it, the token lasts until revoked
             * @example 2027-06-30T00:00:00Z
             */
            expiresAt?: string;
            /**
             * @description Roles the token carries; each must be defined (400 `unknown-role` otherwise). Role keys: a built-in role or one the organisation defined (`GET /roles`). The built-in ones:
             *     - `admin`: manages tokens and everything else
             *     - `governance`: edits, simulates and activates rule sets and process definitions
             *     - `ai-owner`: registers and maintains AI systems, drafts assessments
             *     - `risk-officer`: assesses and owns AI risks
             *     - `compliance-officer`: reviews assessments and corrective actions
             *     - `dpo`: data protection officer: FRIA and personal-data questions
             *     - `top-management`: accepts high residual risk, management review, certification sign-off
             *     - `auditor`: internal auditor: reads everything, raises findings
             *     - `external-auditor`: certification body auditor acting on audit stages
             *     - `integration`: machine client: model-version and attribute events
             * @example [
             *       "risk-officer",
             *       "dpo"
             *     ]
             */
            roles: string[];
            /**
             * @description Who the token acts for (a user id or a client name); recorded as the actor of every change. Stored in canonical form (trimmed, Unicode NFKC, lower case): `Alice` and ` alice` are one person for segregation of duties; invisible and control characters are refused.
             * @example alice
             */
            subject: string;
        };
        DecisionDto: {
            /**
             * @description Subject of the token behind the change
             * @example olivia
             */
            actor: string;
            /** Format: date-time */
            createdAt: string;
            /** @description One entry per rule, in document order */
            explanation: components["schemas"]["RuleExplanationDto"][];
            /**
             * @description The facts the rules saw
             * @example {
             *       "useCases": [
             *         "recruitment"
             *       ],
             *       "profilesNaturalPersons": true
             *     }
             */
            facts: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /**
             * @description What they decided (shape set by the rule set’s outcome)
             * @example {
             *       "riskClass": "high",
             *       "basis": [
             *         "Art. 6(2)",
             *         "Annex III(4)"
             *       ],
             *       "transparencyObligations": []
             *     }
             */
            outcome: {
                [key: string]: unknown;
            };
            /** @example eu-ai-act-risk-class */
            ruleSetKey: string;
            /**
             * @description The rule set version that decided
             * @example 1
             */
            ruleSetVersion: number;
            /** @example 3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d */
            subjectId: string;
            /** @example ai-system */
            subjectType: string;
            /**
             * @description What asked for the decision: an event such as ai-system.registered, rule-set.activated:<key>@<version>, or process:<instance>/<element>
             * @example ai-system.registered
             */
            trigger: string;
        };
        DecisionPageDto: {
            items: components["schemas"]["DecisionDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        DeclaredChangesDto: {
            /**
             * @description The model architecture changed
             * @example false
             */
            architectureChanged?: boolean;
            /**
             * @description The intended purpose changed with this version
             * @example false
             */
            intendedPurposeChanged?: boolean;
            /**
             * @description Groups of persons newly affected
             * @example [
             *       "children"
             *     ]
             */
            newAffectedPersons?: string[];
            /**
             * @description Regions (ISO 3166 or EU) it is newly deployed in
             * @example [
             *       "US"
             *     ]
             */
            newDeploymentRegions?: string[];
            /**
             * @description Use cases it newly serves
             * @example []
             */
            newUseCases?: string[];
            /**
             * @description Retrained or fine-tuned on changed training data
             * @example true
             */
            trainingDataChanged?: boolean;
        };
        DefinitionVersionSummaryDto: {
            /**
             * @description sha256 of the XML (line endings normalised)
             * @example 5d729acd63fc0eb25b5f8b5d28f025f3dc5d8ee1912417616f5fe4dbd9948d21
             */
            contentHash: string;
            /** Format: date-time */
            deployedAt: string;
            /** @example system */
            deployedBy: string;
            /** @enum {string} */
            source: "file" | "api";
            /** @example processes/impact-assessment.bpmn */
            sourceFile: string | null;
            /** @example 1 */
            version: number;
        };
        DefinitionWarningDto: {
            /** @example Activity_review */
            elementId?: string;
            /** @example <zeebe:executionListeners> is ignored: it has no meaning in aimsflow */
            message: string;
        };
        DelegateTaskDto: {
            /**
             * @description Subject to hand the task to: must be able to act now with one of its candidate roles (a token neither revoked nor expired, or an active person in the directory holding the role), and not be barred by segregation of duties; a deactivated person is refused (409 `delegate-inactive`)
             * @example rosa
             */
            to: string;
        };
        DeployedDefinitionDto: {
            /**
             * @description sha256 of the XML (line endings normalised): deploying the same content again returns this version
             * @example 5d729acd63fc0eb25b5f8b5d28f025f3dc5d8ee1912417616f5fe4dbd9948d21
             */
            contentHash: string;
            /**
             * @description `true`: a new version was stored; `false`: the same content was deployed before and that version is returned. 201 when a version of any process of the file was stored, else 200
             * @example true
             */
            created: boolean;
            /** Format: date-time */
            deployedAt: string;
            /**
             * @description Who deployed it (`system` for files deployed at start-up)
             * @example gina
             */
            deployedBy: string;
            /**
             * @description The other executable processes of the same file, in document order, each deployed as a definition of its own in the same transaction (all or none); empty when the file holds one
             * @example [
             *       {
             *         "id": "0b6f3c55-2a7d-4a43-9a7e-4f1c2d8e9a10",
             *         "key": "supplier-onboarding",
             *         "version": 1,
             *         "name": "Supplier onboarding",
             *         "created": true,
             *         "warnings": []
             *       }
             *     ]
             */
            deployedWith: components["schemas"]["CoDeployedDefinitionDto"][];
            /** @description The BPMN documentation of the process: what it does and when it runs */
            documentation: string | null;
            /**
             * Format: uuid
             * @description Id of this version
             */
            id: string;
            /**
             * @description The BPMN process id: what POST /process-instances names as definitionKey
             * @example impact-assessment
             */
            key: string;
            /**
             * @description The BPMN process name
             * @example AI system impact assessment
             */
            name: string | null;
            /**
             * @description `file`: deployed from the processes folder at start-up; `api`: POST /process-definitions
             * @enum {string}
             */
            source: "file" | "api";
            /**
             * @description The file it was deployed from (source `file`)
             * @example processes/impact-assessment.bpmn
             */
            sourceFile: string | null;
            /** @description Its start events */
            startEvents: components["schemas"]["StartEventDto"][];
            /**
             * @description At most one running instance per subject (`aimsflow:uniquePerSubject`)
             * @example false
             */
            uniquePerSubject: boolean;
            /**
             * @description 1, 2, … per key; a running instance stays on the version it started with
             * @example 2
             */
            version: number;
            /** @description The warnings of this process. Extensions deployed but without meaning here (execution and task listeners, properties, task headers on a built-in handler, …): listed, never silently dropped. Also each business rule task whose rule set, and each user task whose linked form, does not exist yet (resolved when an instance reaches the task, which raises an incident if it is still missing then), and joins a token may wait at forever */
            warnings: components["schemas"]["DefinitionWarningDto"][];
        };
        EffectiveNotificationPreferencesDto: {
            /** @description How `approval-waiting-on-you` reaches the person */
            "approval-waiting-on-you": components["schemas"]["NotificationPreferenceDto"];
            /** @description How `evidence-expired` reaches the person */
            "evidence-expired": components["schemas"]["NotificationPreferenceDto"];
            /** @description How `evidence-expiring` reaches the person */
            "evidence-expiring": components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-assigned` reaches the person */
            "task-assigned": components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-available` reaches the person */
            "task-available": components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-due-soon` reaches the person */
            "task-due-soon": components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-escalated` reaches the person */
            "task-escalated": components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-overdue` reaches the person */
            "task-overdue": components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-reminder` reaches the person */
            "task-reminder": components["schemas"]["NotificationPreferenceDto"];
            /** @description How `work-returned` reaches the person */
            "work-returned": components["schemas"]["NotificationPreferenceDto"];
        };
        EffectiveNotificationSettingsDto: {
            chat: components["schemas"]["ChatTargetDto"] | null;
            /** @description Every kind: the person's choice, else their roles' default, else the built-in one */
            preferences: components["schemas"]["EffectiveNotificationPreferencesDto"];
        };
        EuAiActMappingDto: {
            /**
             * @example [
             *       "Art. 12"
             *     ]
             */
            articles: string[];
            /** @example Record-keeping (automatic logging) */
            theme: string;
        };
        EvaluationDto: {
            /** @description Fired events in json-rules-engine's order */
            events: components["schemas"]["FiredEventDto"][];
            /** @description One entry per rule, in document order */
            explanation: components["schemas"]["RuleExplanationDto"][];
            /**
             * @example {
             *       "riskClass": "high",
             *       "basis": [
             *         "Art. 6(2)",
             *         "Annex III(4)"
             *       ],
             *       "transparencyObligations": []
             *     }
             */
            outcome: {
                [key: string]: unknown;
            };
            /**
             * @description Rule set key
             * @example eu-ai-act-risk-class
             */
            ruleSet: string;
            /**
             * @description The active version that evaluated
             * @example 1
             */
            version: number;
        };
        EventTypeDto: {
            /** @example A user task is waiting for someone with one of its candidate roles. `barred`: subjects segregation of duties bars from completing it (the initiator, whoever completed a task it is separate from). */
            description: string;
            /**
             * @description An example of the `data` of its events
             * @example {
             *       "id": "41b0…",
             *       "name": "Review impact assessment",
             *       "candidateRoles": [
             *         "compliance-officer"
             *       ],
             *       "instanceId": "9a7e…",
             *       "dueAt": "2026-12-06T09:00:00.000Z",
             *       "barred": [
             *         "olivia"
             *       ]
             *     }
             */
            exampleData: {
                [key: string]: unknown;
            };
            /**
             * @example task.created
             * @enum {string}
             */
            type: "ai-system.registered" | "ai-system.status-changed" | "ai-system.reassessment-required" | "decision.recorded" | "rule-set.activated" | "process.started" | "process.completed" | "message.published" | "signal.broadcast" | "task.created" | "task.completed" | "task.assigned" | "task.due-soon" | "task.overdue" | "task.reminder" | "task.escalated" | "task.waiting-on-you" | "evidence.expiring" | "evidence.expired" | "nonconformity.raised" | "incident.reported" | "incident.classified" | "incident.report-due" | "incident.report-overdue" | "incident.submitted" | "policy.published" | "policy.acknowledgement-reminder" | "objective.breached" | "objective.measurement-missing" | "audit.stage-changed";
        };
        EvidenceDto: {
            /** @example carla */
            collectedBy: string;
            /**
             * @description Detected from the bytes (see docs/evidence.md for the allowed types)
             * @example application/pdf
             */
            contentType: string;
            /** @example /api/v1/evidence/3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d/content */
            contentUrl: string;
            /** Format: date-time */
            createdAt: string;
            /** @example Signed DPIA for the CV screening assistant, v2 */
            description: string;
            /** @description validUntil lies before now (the service clock) */
            expired: boolean;
            /**
             * @description The file name as sent, sanitised (no path, control or bidi characters; at most 200 characters)
             * @example dpia-v2.pdf
             */
            fileName: string;
            /** Format: uuid */
            id: string;
            links: components["schemas"]["EvidenceLinkDto"][];
            /**
             * @description SHA-256 of the content (hex); also in the audit event `evidence.uploaded`
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            sha256: string;
            /** @example 482113 */
            sizeBytes: number;
            /**
             * Format: uuid
             * @description The item that corrected this one (both are kept)
             */
            supersededBy: string | null;
            /**
             * @description Why it corrects it
             * @example The first scan missed page 3
             */
            supersedeReason: string | null;
            /**
             * Format: uuid
             * @description The item this one corrects
             */
            supersedes: string | null;
            /** @example olivia */
            uploadedBy: string;
            /**
             * Format: date-time
             * @description Valid until (null: no expiry)
             */
            validUntil: string | null;
        };
        EvidenceLinkDto: {
            /**
             * @description The linked record (a UUID, or an Annex A control id)
             * @example 3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d
             */
            id: string;
            /**
             * @example ai-system
             * @enum {string}
             */
            kind: "ai-system" | "task" | "control" | "risk" | "impact-assessment" | "nonconformity" | "audit" | "incident";
        };
        EvidencePageDto: {
            items: components["schemas"]["EvidenceDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        ExpectedFactDto: {
            /** @example deploymentRegion */
            fact: string;
            params?: {
                [key: string]: unknown;
            };
            /** @example $.code */
            path?: string;
        };
        FactsDto: {
            /**
             * @description The facts to evaluate, checked against the rule set’s factsSchema. For simulate: omit to queue a simulation against every registered AI system instead (202).
             * @example {
             *       "useCases": [
             *         "recruitment"
             *       ],
             *       "profilesNaturalPersons": true,
             *       "art6_3Derogation": "none"
             *     }
             */
            facts?: Record<string, never>;
        };
        FactsSimulationDto: {
            /** @description null when the rule set has no active version */
            active: components["schemas"]["ActiveOutcomeDto"] | null;
            candidate: components["schemas"]["CandidateDecisionDto"];
            /**
             * @description The candidate decides differently from the active version (or there is none)
             * @example true
             */
            changed: boolean;
            /**
             * @description Simulated on the facts of the request
             * @enum {string}
             */
            mode: "facts";
        };
        FailJobDto: {
            /**
             * @description Why it failed (kept on the job, and on the incident when retries are 0)
             * @example screening service unavailable
             */
            errorMessage?: string;
            /**
             * @description Attempts left (usually the job's `retries` minus one); 0 raises an incident naming the element
             * @example 2
             */
            retries: number;
            /**
             * @description Wait this many ms before the job can be activated again
             * @example 30000
             */
            retryBackOff?: number;
        };
        FileSyncResultDto: {
            /**
             * @description The file, relative to the folder above rules/
             * @example rules/eu-ai-act-risk-class.json
             */
            file: string;
            /** @description Why an invalid file was refused */
            issues?: components["schemas"]["ValidationIssueDto"][];
            /**
             * @description The key in the file (absent when the file has none)
             * @example eu-ai-act-risk-class
             */
            key?: string;
            /** @example version 3, created through the API, stays active; activate 4 to use the file */
            note?: string;
            /**
             * @description unchanged (a stored version has this content), activated, stored-not-activated (a version created through the API stays active) or invalid
             * @enum {string}
             */
            result: "unchanged" | "activated" | "stored-not-activated" | "invalid";
            /**
             * @description The version the file is stored as
             * @example 1
             */
            version?: number;
        };
        FiredEventDto: {
            /**
             * @example {
             *       "riskClass": "high",
             *       "basis": [
             *         "Art. 6(2)",
             *         "Annex III(4)"
             *       ]
             *     }
             */
            params?: {
                [key: string]: unknown;
            };
            /**
             * @description Name of the rule that fired
             * @example annex-iii-4-employment
             */
            rule: string;
            /** @example high-risk */
            type: string;
        };
        FormDetailDto: {
            /** @example model-approval */
            formId: string;
            /** @description The version tasks created from now on are bound to */
            latest: components["schemas"]["FormVersionDto"];
            /** @description Newest first */
            versions: components["schemas"]["FormVersionSummaryDto"][];
        };
        FormDocumentDto: {
            /**
             * @description form-js components (see docs/bpmn.md, "Camunda forms")
             * @example [
             *       {
             *         "type": "textfield",
             *         "key": "summary",
             *         "label": "Summary",
             *         "validate": {
             *           "required": true,
             *           "minLength": 10
             *         }
             *       },
             *       {
             *         "type": "select",
             *         "key": "decision",
             *         "label": "Decision",
             *         "values": [
             *           {
             *             "label": "Approve",
             *             "value": "approve"
             *           },
             *           {
             *             "label": "Reject",
             *             "value": "reject"
             *           }
             *         ],
             *         "validate": {
             *           "required": true
             *         }
             *       },
             *       {
             *         "type": "textarea",
             *         "key": "rejectionReason",
             *         "label": "Why rejected",
             *         "conditional": {
             *           "hide": "=decision != \"reject\""
             *         },
             *         "validate": {
             *           "required": true
             *         }
             *       }
             *     ]
             */
            components: {
                [key: string]: unknown;
            }[];
            /**
             * @description The form id user tasks link with `zeebe:formDefinition formId`
             * @example model-approval
             */
            id: string;
            /** @example default */
            type?: string;
        };
        FormFieldDto: {
            /** @example Severity */
            label?: string;
            /** @example severity */
            name: string;
            required: boolean;
            /** @enum {string} */
            type: "string" | "number" | "integer" | "boolean" | "date" | "enum" | "array" | "object" | "evidence";
            /** @description Allowed values of an enum field, or of each item of an array field */
            values?: string[];
        };
        FormPageDto: {
            items: components["schemas"]["FormSummaryDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        FormSummaryDto: {
            /** @example model-approval */
            formId: string;
            /** @example 2 */
            latestVersion: number;
            /** @example Model approval */
            name: string | null;
            /**
             * Format: date-time
             * @description When the latest version was stored
             */
            updatedAt: string;
        };
        FormVersionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example gina */
            createdBy: string;
            /** @example model-approval */
            formId: string;
            /**
             * @description The schema’s `name`, if it has one
             * @example Model approval
             */
            name: string | null;
            /**
             * @description The form-js JSON as stored
             * @example {
             *       "id": "model-approval",
             *       "type": "default",
             *       "components": [
             *         {
             *           "type": "textfield",
             *           "key": "summary",
             *           "label": "Summary",
             *           "validate": {
             *             "required": true,
             *             "minLength": 10
             *           }
             *         },
             *         {
             *           "type": "select",
             *           "key": "decision",
             *           "label": "Decision",
             *           "values": [
             *             {
             *               "label": "Approve",
             *               "value": "approve"
             *             },
             *             {
             *               "label": "Reject",
             *               "value": "reject"
             *             }
             *           ],
             *           "validate": {
             *             "required": true
             *           }
             *         },
             *         {
             *           "type": "textarea",
             *           "key": "rejectionReason",
             *           "label": "Why rejected",
             *           "conditional": {
             *             "hide": "=decision != \"reject\""
             *           },
             *           "validate": {
             *             "required": true
             *           }
             *         }
             *       ]
             *     }
             */
            schema: {
                [key: string]: unknown;
            };
            /**
             * @description Versions count from 1 per form id
             * @example 1
             */
            version: number;
        };
        FormVersionSummaryDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example gina */
            createdBy: string;
            /** @example 2 */
            version: number;
        };
        HealthDto: {
            /** @description Every indicator */
            details: components["schemas"]["HealthIndicatorsDto"];
            /** @description Indicators that are down (empty when all are up) */
            error?: components["schemas"]["HealthIndicatorsDto"];
            /** @description Indicators that are up (or degraded) */
            info?: components["schemas"]["HealthIndicatorsDto"];
            /**
             * @description Overall status: `ok`, or `degraded` when an indicator is degraded (a check that fails is answered 503 instead)
             * @example ok
             * @enum {string}
             */
            status: "ok" | "degraded";
        };
        HealthIndicatorDto: {
            /**
             * @description Why the indicator is down
             * @example no answer within 2000 ms
             */
            message?: string;
            /**
             * @description How long the database took to answer a ping (when up)
             * @example 2
             */
            responseTimeMs?: number;
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "degraded" | "down";
        };
        HealthIndicatorsDto: {
            /** @description The PostgreSQL database */
            database?: components["schemas"]["HealthIndicatorDto"];
        };
        HistoryStepDto: {
            /**
             * @description Who drove it (`system` for timers)
             * @example carla
             */
            actor: string;
            /** Format: date-time */
            at: string;
            /** @description Rules decisions business rule tasks took in this step (GET /decisions/{id}) */
            decisionIds: string[];
            /**
             * @description What drove the step: task id and outcome, message, timer job, the incident retried, the reason of a cancel
             * @example {
             *       "taskId": "41b0c6de-4c55-4c0e-9d4f-0b7bb0f1f0a2",
             *       "outcome": "approve"
             *     }
             */
            details: {
                [key: string]: unknown;
            } | null;
            /**
             * @example [
             *       "Gateway_reviewed",
             *       "Task_approve"
             *     ]
             */
            elementsEntered: string[];
            /**
             * @example [
             *       "Task_review"
             *     ]
             */
            elementsLeft: string[];
            /**
             * @description What drove the step: `start`, `task.complete`, `timer.fire`, `message`, `child.complete`, `job.complete`, `job.error`, `cancel`, `rule.result`, `service.result`, `bpmn.incident` (a task held by an incident: an uncaught BPMN error of its handler, or a rule set or linked form not deployed), `bpmn.retry`
             * @example task.complete
             */
            event: string;
            /**
             * @description Position in the history of every instance (a 64-bit integer, as text)
             * @example 1042
             */
            id: string;
            /** Format: uuid */
            instanceId: string;
            /** @description The wait the event closed (opaque) */
            waitKey: string | null;
        };
        HistoryStepPageDto: {
            items: components["schemas"]["HistoryStepDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        ImpactAssessmentDto: {
            /** Format: date-time */
            approvedAt: string | null;
            /** @description Who decided its approvals, in item order */
            approvers: components["schemas"]["AssessmentApproverDto"][];
            /** Format: date-time */
            createdAt: string;
            /** @description Rules decisions its process took, in order (GET /decisions/{id}) */
            decisionIds: string[];
            /**
             * @description Fundamental rights impact assessment (EU AI Act Art. 27), where it applies
             * @example {
             *       "processes": "credit decisions",
             *       "affectedCategories": "applicants",
             *       "humanOversight": "analyst review"
             *     }
             */
            fria: {
                [key: string]: unknown;
            } | null;
            /**
             * @description Impact on groups and communities (ISO/IEC 42001 Annex A.5), as drafted; null until the draft is submitted
             * @example {
             *       "description": "Qualified applicants rejected",
             *       "affectedParties": "applicants",
             *       "severity": 4,
             *       "likelihood": 2,
             *       "mitigations": "human review of every rejection"
             *     }
             */
            groups: ({
                /** @description Who is affected */
                affectedParties?: string;
                /** @description What could happen */
                description?: string;
                /** @description 1 rare … 5 almost certain */
                likelihood?: number;
                /** @description Mitigations in place or planned */
                mitigations?: string;
                /** @description 1 negligible … 5 severe or irreversible */
                severity?: number;
            } & {
                [key: string]: unknown;
            }) | null;
            /** Format: uuid */
            id: string;
            /**
             * @description Derived by the impact-level rules
             * @example high
             */
            impactLevel: string | null;
            /**
             * @description Impact on individuals (ISO/IEC 42001 Annex A.5), as drafted; null until the draft is submitted
             * @example {
             *       "description": "Qualified applicants rejected",
             *       "affectedParties": "applicants",
             *       "severity": 4,
             *       "likelihood": 2,
             *       "mitigations": "human review of every rejection"
             *     }
             */
            individuals: ({
                /** @description Who is affected */
                affectedParties?: string;
                /** @description What could happen */
                description?: string;
                /** @description 1 rare … 5 almost certain */
                likelihood?: number;
                /** @description Mitigations in place or planned */
                mitigations?: string;
                /** @description 1 negligible … 5 severe or irreversible */
                severity?: number;
            } & {
                [key: string]: unknown;
            }) | null;
            /**
             * Format: uuid
             * @description Its impact-assessment process instance
             */
            instanceId: string | null;
            /**
             * @description Impact on the organisation (ISO/IEC 42001 Annex A.5), as drafted; null until the draft is submitted
             * @example {
             *       "description": "Qualified applicants rejected",
             *       "affectedParties": "applicants",
             *       "severity": 4,
             *       "likelihood": 2,
             *       "mitigations": "human review of every rejection"
             *     }
             */
            organisation: ({
                /** @description Who is affected */
                affectedParties?: string;
                /** @description What could happen */
                description?: string;
                /** @description 1 rare … 5 almost certain */
                likelihood?: number;
                /** @description Mitigations in place or planned */
                mitigations?: string;
                /** @description 1 negligible … 5 severe or irreversible */
                severity?: number;
            } & {
                [key: string]: unknown;
            }) | null;
            /**
             * @description The changes that made it due
             * @example [
             *       "major-model-version"
             *     ]
             */
            reasons: string[];
            /**
             * @description Impact on society (ISO/IEC 42001 Annex A.5), as drafted; null until the draft is submitted
             * @example {
             *       "description": "Qualified applicants rejected",
             *       "affectedParties": "applicants",
             *       "severity": 4,
             *       "likelihood": 2,
             *       "mitigations": "human review of every rejection"
             *     }
             */
            society: ({
                /** @description Who is affected */
                affectedParties?: string;
                /** @description What could happen */
                description?: string;
                /** @description 1 rare … 5 almost certain */
                likelihood?: number;
                /** @description Mitigations in place or planned */
                mitigations?: string;
                /** @description 1 negligible … 5 severe or irreversible */
                severity?: number;
            } & {
                [key: string]: unknown;
            }) | null;
            /**
             * @description `review-required`: a material change made the approved assessment due for review; `superseded`: a later version was approved; `withdrawn`: its process was cancelled
             * @enum {string}
             */
            status: "draft" | "in-review" | "approved" | "rejected" | "superseded" | "review-required" | "withdrawn";
            /**
             * Format: uuid
             * @description The version that superseded it
             */
            supersededBy: string | null;
            /**
             * Format: uuid
             * @description The AI system assessed
             */
            systemId: string;
            /**
             * @description Why it was opened: onboarding, periodic-review, model-version, attribute-change, …
             * @example onboarding
             */
            trigger: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description 1, 2, … per system
             * @example 1
             */
            version: number;
        };
        ImpactAssessmentPageDto: {
            items: components["schemas"]["ImpactAssessmentDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        IncidentDto: {
            /**
             * @description Attempts made, retries through the API included
             * @example 5
             */
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** @example Wait */
            elementId: string;
            /**
             * Format: uuid
             * @description The external job (POST /jobs/activate) out of retries or ended by an uncaught BPMN error; retrying gives it one more attempt
             */
            externalJobId: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            instanceId: string;
            /**
             * Format: uuid
             * @description The timer or retry job that failed (`timers[].id` or `retries[].id` while it is open); null for an external job, for a service task whose handler threw a BPMN error nothing catches, and for a task whose rule set or linked form was not deployed
             */
            jobId: string | null;
            /**
             * @description The last error
             * @example service task Ticket (handler "ticketing.open") failed: ticketing system unavailable
             */
            message: string;
            /**
             * @description `retried`: a retry succeeded; `obsolete`: the wait was closed meanwhile; `cancelled`: the instance was
             * @enum {string|null}
             */
            resolution: "retried" | "obsolete" | "cancelled" | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /** @example gina */
            resolvedBy: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
        };
        InstanceDto: {
            /**
             * @description BPMN elements the instance is in now
             * @example [
             *       "Task_review"
             *     ]
             */
            activeElementIds: string[];
            /** @description Instances its call activities started */
            children: components["schemas"]["ChildInstanceDto"][];
            /**
             * @description Key of its process definition
             * @example impact-assessment
             */
            definitionKey: string;
            /**
             * @description The definition version it runs (it stays on it when newer versions are deployed)
             * @example 1
             */
            definitionVersion: number;
            /** Format: date-time */
            endedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Open and resolved incidents, oldest first */
            incidents: components["schemas"]["IncidentDto"][];
            /**
             * @description Who started it, for segregation of duties (`separateFrom: initiator`)
             * @example olivia
             */
            initiator: string | null;
            messageSubscriptions: components["schemas"]["InstanceMessageSubscriptionDto"][];
            openTasks: components["schemas"]["InstanceOpenTaskDto"][];
            /** @description The instance whose call activity started this one */
            parent: components["schemas"]["ParentInstanceDto"] | null;
            /**
             * Format: uuid
             * @description The instance whose call activity started this one
             */
            parentId: string | null;
            /** @description Message and signal deliveries and starts that failed and are retried */
            retries: components["schemas"]["InstanceRetryDto"][];
            signalSubscriptions: components["schemas"]["InstanceSignalSubscriptionDto"][];
            /** Format: date-time */
            startedAt: string;
            /**
             * @description Subject of the token (or `system`) that started it
             * @example olivia
             */
            startedBy: string;
            /**
             * @description `failed`: still running, but has an open incident (a timer- or message-driven step failed on every attempt, an external job failed, a BPMN error nothing caught holds a service task, or a rule set or linked form not deployed holds a task; see `incidents`); `terminated`: a terminate end event ended it, or (a called process) a BPMN error that its call activity received
             * @enum {string}
             */
            status: "active" | "completed" | "cancelled" | "failed" | "terminated";
            subject: components["schemas"]["InstanceSubjectDto"];
            /** @description Timer waits not yet fired, with due times (and attempts when a firing failed) */
            timers: components["schemas"]["InstanceTimerDto"][];
            /**
             * Format: date-time
             * @description Time of its last step
             */
            updatedAt: string;
            /**
             * @description The process variables
             * @example {
             *       "systemId": "3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d",
             *       "riskClass": "high"
             *     }
             */
            variables: {
                [key: string]: unknown;
            };
            /**
             * @description Moves with every step
             * @example 3
             */
            version: number;
        };
        InstanceMessageSubscriptionDto: {
            /**
             * @description Correlation key POST /messages must send (null: none)
             * @example sys-7
             */
            correlationKey: string | null;
            /** @example Wait_evidence */
            elementId: string;
            /**
             * @description Message name POST /messages must send
             * @example evidenceSubmitted
             */
            name: string;
        };
        InstanceOpenTaskDto: {
            /** @example carla */
            assignee: string | null;
            /**
             * @description Built-in or organisation-defined role keys (`GET /roles`)
             * @example [
             *       "compliance-officer"
             *     ]
             */
            candidateRoles: string[];
            /** Format: date-time */
            dueAt: string | null;
            /** @example Task_review */
            elementId: string;
            /** Format: uuid */
            id: string;
            /** @description The item of a multi-instance task */
            item: components["schemas"]["TaskItemDto"] | null;
            /** @example Review impact assessment */
            name: string;
        };
        InstanceRetryDto: {
            /** @example 1 */
            attempts: number;
            /** @example Wait_evidence */
            elementId: string;
            /**
             * Format: uuid
             * @description The retry job (an incident names it as `jobId`)
             */
            id: string;
            /**
             * @description `message`: a message delivery; `start-message` and `start-timer`: the start of this instance
             * @enum {string}
             */
            kind: "message" | "signal" | "start-message" | "start-timer";
            lastError: string | null;
            /**
             * Format: date-time
             * @description When the next attempt runs
             */
            runAt: string;
            /** @enum {string} */
            status: "pending" | "done" | "cancelled" | "failed";
        };
        InstanceSignalSubscriptionDto: {
            /** @example Wait_regulation */
            elementId: string;
            /**
             * @description Signal name
             * @example regulationChanged
             */
            name: string;
        };
        InstanceSubjectDto: {
            /** @example 3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d */
            id: string;
            /**
             * @description What the instance is about
             * @example ai-system
             */
            type: string;
        };
        InstanceSummaryDto: {
            /**
             * @description BPMN elements the instance is in now
             * @example [
             *       "Task_review"
             *     ]
             */
            activeElementIds: string[];
            /**
             * @description Key of its process definition
             * @example impact-assessment
             */
            definitionKey: string;
            /**
             * @description The definition version it runs (it stays on it when newer versions are deployed)
             * @example 1
             */
            definitionVersion: number;
            /** Format: date-time */
            endedAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description Who started it, for segregation of duties (`separateFrom: initiator`)
             * @example olivia
             */
            initiator: string | null;
            /**
             * Format: uuid
             * @description The instance whose call activity started this one
             */
            parentId: string | null;
            /** Format: date-time */
            startedAt: string;
            /**
             * @description Subject of the token (or `system`) that started it
             * @example olivia
             */
            startedBy: string;
            /**
             * @description `failed`: still running, but has an open incident (a timer- or message-driven step failed on every attempt, an external job failed, a BPMN error nothing caught holds a service task, or a rule set or linked form not deployed holds a task; see `incidents`); `terminated`: a terminate end event ended it, or (a called process) a BPMN error that its call activity received
             * @enum {string}
             */
            status: "active" | "completed" | "cancelled" | "failed" | "terminated";
            subject: components["schemas"]["InstanceSubjectDto"];
            /**
             * Format: date-time
             * @description Time of its last step
             */
            updatedAt: string;
            /**
             * @description Moves with every step
             * @example 3
             */
            version: number;
        };
        InstanceSummaryPageDto: {
            items: components["schemas"]["InstanceSummaryDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        InstanceTimerDto: {
            /**
             * @description Failed attempts so far
             * @example 0
             */
            attempts: number;
            /**
             * Format: date-time
             * @description When it is due
             */
            dueAt: string;
            /**
             * @description The timer event (or the task a boundary timer is attached to)
             * @example Timer_reminder
             */
            elementId: string;
            /**
             * Format: uuid
             * @description The timer job (an incident names it as `jobId`)
             */
            id: string;
            /** @description Error of the last failed attempt */
            lastError: string | null;
            /**
             * Format: date-time
             * @description When it fires next: its due time, later after a failed attempt
             */
            runAt: string;
            /**
             * @description `failed`: every attempt failed (see `incidents`)
             * @enum {string}
             */
            status: "pending" | "done" | "cancelled" | "failed";
        };
        JobErrorDto: {
            /**
             * @description The BPMN error code: caught by the task's (or a sub-process's) error boundary event, else an incident
             * @example SANCTIONED
             */
            errorCode: string;
            /** @example the supplier is on the EU sanctions list */
            errorMessage?: string;
            /**
             * @description Merged into the instance when an error boundary event catches the error
             * @example {
             *       "listedOn": "EU"
             *     }
             */
            variables?: Record<string, never>;
        };
        JobResultDto: {
            /**
             * Format: uuid
             * @description The incident raised (`incident`): POST /process-instances/{id}/incidents/{incidentId}/retry gives the job one more attempt
             */
            incidentId?: string;
            /** @example 0b9d3c8e-5a41-4f0e-9a55-1c3b7d2e8f10.1 */
            key: string;
            /**
             * @description `completed`; `error-caught`: an error boundary event took the BPMN error; `retry-scheduled`: available again after the back-off; `incident`: out of retries, or a BPMN error nothing caught
             * @enum {string}
             */
            outcome: "completed" | "error-caught" | "retry-scheduled" | "incident";
            /** Format: uuid */
            processInstanceId: string;
        };
        JobTypeDto: {
            /**
             * @description Latest deployed definitions with a service task of this type
             * @example [
             *       "supplier-onboarding"
             *     ]
             */
            definitionKeys: string[];
            /**
             * @description Jobs of this type waiting for a worker now (activated or not)
             * @example 4
             */
            open: number;
            /** @example sanctions-screening */
            type: string;
        };
        LogoutDto: {
            /**
             * @description Where to send the browser to sign out at the OpenID provider too (its end_session endpoint), or null: no provider session, or the provider has none
             * @example https://login.example.com/realms/acme/protocol/openid-connect/logout?client_id=aimsflow&id_token_hint=…
             */
            endSessionUrl: string | null;
        };
        ManagementReviewInputDto: {
            /**
             * Format: uuid
             * @description The internal audit whose management review it was compiled for
             */
            auditId: string | null;
            /** Format: date-time */
            compiledAt: string;
            /** @example audrey */
            compiledBy: string;
            content: components["schemas"]["ReviewInputContentDto"];
            /** Format: date-time */
            decidedAt: string | null;
            /** @example tess */
            decidedBy: string | null;
            /**
             * @description What the review decided (clause 9.3.3)
             * @example Fund drift monitoring
             */
            decisions: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description Improvement actions the review decided
             * @example [
             *       "monitor drift monthly"
             *     ]
             */
            improvementActions: unknown[];
            /**
             * Format: uuid
             * @description The process instance of that review
             */
            instanceId: string | null;
        };
        ManagementReviewInputPageDto: {
            items: components["schemas"]["ManagementReviewInputDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        MeasurementDto: {
            /**
             * @description The objective-breach rules found a breach (null: not judged, no process)
             * @example true
             */
            breach: boolean | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            measuredAt: string;
            /**
             * Format: uuid
             * @description The nonconformity the breach raised
             */
            nonconformityId: string | null;
            /** @example sample of 200 decisions */
            note: string | null;
            /** @example mlflow */
            recordedBy: string;
            /**
             * @example minor
             * @enum {string|null}
             */
            severity: "none" | "minor" | "major" | null;
            /** @example 93.5 */
            value: number;
        };
        MeDto: {
            /**
             * @description The roles this request acts with (an API token's own roles, or the signed-in person's)
             * @example [
             *       "risk-officer"
             *     ]
             */
            actingRoles: string[];
            /** @example true */
            active: boolean;
            /**
             * @description Given by an administrator
             * @example [
             *       "ethics-board"
             *     ]
             */
            assignedRoles: string[];
            /**
             * @description The format of their chat target, if they set one (the URL, a credential, only on GET /me)
             * @enum {string|null}
             */
            chatFormat: "slack" | "teams" | null;
            chatTarget: components["schemas"]["ChatTargetDto"] | null;
            /** Format: date-time */
            createdAt: string;
            /** @example Alice Adams */
            displayName: string;
            /** @example alice@example.org */
            email: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description What actors, tasks and the audit trail name the person by: an API token subject (`alice`, stored in canonical form) or, for someone signing in through the identity provider, `<issuer>#<sub>` (kept verbatim)
             * @example https://id.example.org#248289761001
             */
            identity: string;
            /**
             * @description Mapped from the identity provider's groups at the last sign-in
             * @example [
             *       "risk-officer"
             *     ]
             */
            idpRoles: string[];
            /** Format: date-time */
            lastSeenAt: string | null;
            /** @description The person's own choices by kind of event (the rest follows their roles) */
            notificationPreferences: components["schemas"]["NotificationPreferencesDto"];
            notificationSettings: components["schemas"]["EffectiveNotificationSettingsDto"];
            /**
             * @description The identity-provider roles and the assigned ones together (built-in or organisation-defined keys)
             * @example [
             *       "risk-officer",
             *       "ethics-board"
             *     ]
             */
            roles: string[];
            /**
             * @description How the person came into the directory: signed in, registered by an admin, or first seen with an API token
             * @enum {string}
             */
            source: "oidc" | "admin" | "token";
            /** Format: date-time */
            updatedAt: string;
        };
        MessageDeliveryDto: {
            /**
             * @description The catch event, boundary event or receive task that waited
             * @example Wait_evidence
             */
            elementId: string;
            /** @description Why the step failed (`retrying`) or the wait was gone (`closed`) */
            error?: string;
            /** Format: uuid */
            instanceId: string;
            /**
             * @description `delivered`; `retrying`: the step failed and is retried with backoff, then raises an incident; `closed`: another event closed the wait first
             * @enum {string}
             */
            status: "delivered" | "retrying" | "closed";
        };
        MessageDto: {
            /**
             * @description Delivered to waits whose correlation key equals it (a message without one reaches waits without one)
             * @example sys-7
             */
            correlationKey?: string;
            /**
             * @description De-duplication: a repeated id with the same content (name, correlationKey, variables, timeToLive) has no second effect and returns the first result; with other content it is refused (409 `message-id-conflict`)
             * @example mlflow-event-81723
             */
            messageId?: string;
            /**
             * @description Message name (the `name` of the BPMN message)
             * @example evidenceSubmitted
             */
            name: string;
            /** @description Subject of instances a message start event starts; default { type: "message", id: correlationKey or name } */
            subject?: components["schemas"]["SubjectDto"];
            /**
             * @description How long a message nobody waits for is kept (buffered) for the first catch event that subscribes to it later with the same name and correlation key: an ISO 8601 duration or milliseconds, as in Zeebe. Default 0: not kept (404 when nobody waits).
             * @example PT1H
             */
            timeToLive?: string | number;
            /**
             * @description Merged into the instance variables (or the variables of a started instance)
             * @example {
             *       "evidenceUrl": "https://dms/doc/42"
             *     }
             */
            variables?: Record<string, never>;
        };
        MessageResultDto: {
            /** @example sys-7 */
            correlationKey: string | null;
            /** @description Instances that waited for it (for a buffered message: the one that took it later) */
            deliveries: components["schemas"]["MessageDeliveryDto"][];
            /** @description `true`: an earlier message had this messageId; this is its result and nothing happened again */
            duplicate: boolean;
            /**
             * Format: date-time
             * @description Until when a buffered message is kept (buffered messages only)
             */
            expiresAt?: string;
            /**
             * Format: uuid
             * @description Id of the stored message
             */
            id: string;
            /**
             * @description The de-duplication id the sender gave
             * @example mlflow-event-81723
             */
            messageId: string | null;
            /** @example evidenceSubmitted */
            name: string;
            /**
             * Format: date-time
             * @description Service time it was received (of the first delivery, for a duplicate)
             */
            receivedAt: string;
            /** @description Definitions it starts */
            started: components["schemas"]["MessageStartDto"][];
            /**
             * @description `correlated`: it reached waiting instances or started some (for a buffered message: since taken by a catch event that subscribed later); `buffered`: nobody waited, it is kept until `expiresAt` for the first catch event that subscribes with this name and correlation key; `expired` (a repeat of a buffered message): nobody took it in time and it was dropped; `unmatched`: a message a process published that nobody waited for
             * @example correlated
             * @enum {string}
             */
            status: "correlated" | "buffered" | "expired" | "unmatched";
        };
        MessageStartDto: {
            /** @example incident-response */
            definitionKey: string;
            /** @example 1 */
            definitionVersion: number;
            /**
             * Format: uuid
             * @description The instance started (`started`)
             */
            instanceId?: string;
            /** @description Why it was skipped or is retried */
            reason?: string;
            /**
             * @description `started`; `skipped`: the definition runs once per subject and one is active; `retrying`: the start failed and is retried with backoff
             * @enum {string}
             */
            status: "started" | "skipped" | "retrying";
        };
        ModelEventAcceptedDto: {
            /**
             * @description Systems (not retired) that use provider + model name
             * @example 1250
             */
            affectedSystems: number;
            /**
             * Format: uuid
             * @description Follow progress at GET /model-events/{id}
             */
            id: string;
        };
        ModelEventProgressDto: {
            /**
             * Format: date-time
             * @description When the last system was done; null while any is pending
             */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Systems whose model version could not be recorded
             * @example 0
             */
            failures: number;
            /** Format: uuid */
            id: string;
            /** @example rank-large */
            modelName: string;
            /**
             * @description Systems still to do
             * @example 250
             */
            pending: number;
            /**
             * @description Systems done (recorded or failed)
             * @example 1000
             */
            processed: number;
            /** @example acme-ai */
            provider: string;
            /**
             * @description Impact-assessment instances started
             * @example 40
             */
            reassessmentsStarted: number;
            /**
             * @description Affected systems
             * @example 1250
             */
            total: number;
            /** @example 2.0.0 */
            version: string;
        };
        ModelRefDto: {
            /** @example gpt-4o */
            name?: string;
            /** @example openai */
            provider?: string;
            /**
             * @description semver where the provider uses it
             * @example 2024.8.6
             */
            version?: string;
        };
        ModelVersionDto: {
            declaredChanges?: components["schemas"]["DeclaredChangesDto"];
            /** @example rank-large */
            modelName: string;
            /** @example acme-ai */
            provider: string;
            /**
             * @description semver where the provider uses it
             * @example 2.0.0
             */
            version: string;
        };
        ModelVersionHistoryEntryDto: {
            changeFacts: components["schemas"]["ChangeFactsDto"];
            /** Format: date-time */
            createdAt: string;
            /** @example mlflow */
            createdBy: string;
            /**
             * Format: uuid
             * @description The reassessment-triggers decision
             */
            decisionId: string;
            declaredChanges: components["schemas"]["DeclaredChangesDto"];
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The impact-assessment instance it started or joined
             */
            instanceId: string | null;
            /**
             * Format: uuid
             * @description The model event it came from (POST /model-events); null when posted for this system
             */
            modelEventId: string | null;
            /** @example rank-large */
            modelName: string;
            /** @example acme-ai */
            provider: string;
            /**
             * @example [
             *       "major-model-version"
             *     ]
             */
            reasons: string[];
            /**
             * @description The change was material
             * @example true
             */
            reassess: boolean;
            /** @example 2.0.0 */
            version: string;
        };
        ModelVersionHistoryPageDto: {
            items: components["schemas"]["ModelVersionHistoryEntryDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        ModelVersionRecordDto: {
            /** @description The change facts derived from the previous model and the declared changes */
            changeFacts: components["schemas"]["ChangeFactsDto"];
            /** Format: date-time */
            createdAt: string;
            /** @description What the integration declared about it */
            declaredChanges: components["schemas"]["DeclaredChangesDto"];
            /** Format: uuid */
            id: string;
            /** @example rank-large */
            modelName: string;
            /** @example acme-ai */
            provider: string;
            /** Format: uuid */
            systemId: string;
            /** @example 2.0.0 */
            version: string;
        };
        NonconformityDto: {
            /**
             * Format: uuid
             * @description The audit whose finding raised it
             */
            auditId: string | null;
            /**
             * @description ISO/IEC 42001 clause ids
             * @example [
             *       "9.1"
             *     ]
             */
            clauseRefs: string[];
            /** Format: date-time */
            closedAt: string | null;
            /**
             * @description How it was contained
             * @example Logging re-enabled on all replicas
             */
            containment: string | null;
            /**
             * @description Annex A control ids
             * @example [
             *       "A.6.2.8"
             *     ]
             */
            controlRefs: string[];
            /** Format: date-time */
            createdAt: string;
            /** @description Rules decisions its corrective action process took (approvals, review delay), oldest first (GET /decisions/{id}) */
            decisionIds: string[];
            /** @example Logs of inference requests were not retained in March. */
            description: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Its corrective action process instance (null when no nonconformity process is deployed)
             */
            instanceId: string | null;
            /**
             * @description The corrective action plan
             * @example Ship logs before rotation; alert on gaps
             */
            plan: string | null;
            /** @example ada */
            raisedBy: string;
            /**
             * @description Times an effectiveness review sent it back to root cause
             * @example 0
             */
            reopened: number;
            /** @example Log rotation deleted files before shipping */
            rootCause: string | null;
            /**
             * @example major
             * @enum {string}
             */
            severity: "major" | "minor" | "observation";
            /**
             * @example internal-audit
             * @enum {string}
             */
            source: "internal-audit" | "certification-audit" | "incident" | "monitoring" | "complaint";
            /**
             * @description Set by the corrective action process: raised, contained, root-cause, planned, approved, implemented, effectiveness-review, closed, reopened (withdrawn when its process was cancelled)
             * @example root-cause
             */
            status: string;
            /**
             * Format: uuid
             * @description The AI system concerned
             */
            systemId: string | null;
            /** @example Event logs missing for the CV screening assistant */
            title: string;
            /** Format: date-time */
            updatedAt: string;
        };
        NonconformityPageDto: {
            items: components["schemas"]["NonconformityDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        NotificationDeliveryDto: {
            /** @example 3 */
            attempts: number;
            /**
             * @example email
             * @enum {string}
             */
            channel: "email" | "chat";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /**
             * Format: uuid
             * @description The digest it went out in
             */
            digestId: string | null;
            /**
             * Format: uuid
             * @description The outbox event it came from (null for a digest)
             */
            eventId: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description The notification kind, or `digest`
             * @example task-available
             */
            kind: string;
            /** @example Error: connect ECONNREFUSED 127.0.0.1:2525 */
            lastError: string | null;
            /** Format: date-time */
            nextAttemptAt: string;
            /**
             * @description The recipient's people-directory id
             * @example 0b7e…
             */
            personId: string;
            /**
             * @description The recipient's identity
             * @example carla
             */
            recipient: string;
            /**
             * @description `queued`: waits for the daily digest; `pending`/`sending`: due or being sent; `delivered`; `failed`: attempts used up (redeliverable); `skipped`: the channel cannot reach the person (`lastError` says why); `batched`: went out in the digest `digestId`
             * @example failed
             * @enum {string}
             */
            status: "queued" | "pending" | "sending" | "delivered" | "failed" | "skipped" | "batched";
            /**
             * @description The subject line or chat heading
             * @example [aimsflow] New task: Review impact assessment
             */
            subject: string;
            /**
             * @description Where it goes: the e-mail address, or the chat format (the webhook URL is not shown); null when the channel cannot reach the person
             * @example carla@example.com
             */
            target: string | null;
        };
        NotificationDeliveryPageDto: {
            items: components["schemas"]["NotificationDeliveryDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        NotificationDto: {
            /** @example "Review impact assessment" waits for someone with the role compliance-officer. */
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @example task-available
             * @enum {string}
             */
            kind: "task-available" | "task-assigned" | "task-due-soon" | "task-overdue" | "task-reminder" | "task-escalated" | "work-returned" | "approval-waiting-on-you" | "evidence-expiring" | "evidence-expired";
            /**
             * @description The task in the console
             * @example https://aimsflow.example.com/tasks/41b0c5de-…
             */
            link: string | null;
            /** @example false */
            read: boolean;
            /**
             * Format: date-time
             * @description When it was first marked read
             */
            readAt: string | null;
            /** Format: uuid */
            taskId: string | null;
            /** @example New task: Review impact assessment */
            title: string;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        NotificationPreferenceDto: {
            /**
             * @description Where it goes; empty: nowhere
             * @example [
             *       "in-app",
             *       "email"
             *     ]
             */
            channels: ("email" | "chat" | "in-app")[];
            /**
             * @description At once, or gathered in the daily digest
             * @example immediate
             * @enum {string}
             */
            digest: "immediate" | "daily";
        };
        NotificationPreferencesDto: {
            /** @description How `approval-waiting-on-you` reaches the person */
            "approval-waiting-on-you"?: components["schemas"]["NotificationPreferenceDto"];
            /** @description How `evidence-expired` reaches the person */
            "evidence-expired"?: components["schemas"]["NotificationPreferenceDto"];
            /** @description How `evidence-expiring` reaches the person */
            "evidence-expiring"?: components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-assigned` reaches the person */
            "task-assigned"?: components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-available` reaches the person */
            "task-available"?: components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-due-soon` reaches the person */
            "task-due-soon"?: components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-escalated` reaches the person */
            "task-escalated"?: components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-overdue` reaches the person */
            "task-overdue"?: components["schemas"]["NotificationPreferenceDto"];
            /** @description How `task-reminder` reaches the person */
            "task-reminder"?: components["schemas"]["NotificationPreferenceDto"];
            /** @description How `work-returned` reaches the person */
            "work-returned"?: components["schemas"]["NotificationPreferenceDto"];
        };
        ObjectiveDto: {
            /**
             * @example [
             *       "A.6.2.6"
             *     ]
             */
            controlIds: string[];
            /** Format: date-time */
            createdAt: string;
            /**
             * @example at-least
             * @enum {string}
             */
            direction: "at-least" | "at-most";
            /**
             * Format: date-time
             * @description When the next measurement is due
             */
            dueAt: string | null;
            /** @example P1M */
            frequency: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Its objective process instance
             */
            instanceId: string | null;
            /** @example Share of shortlisting decisions confirmed by the recruiter */
            measure: string;
            /** @example olivia */
            owner: string;
            /**
             * Format: date-time
             * @description When a missing measurement was last reminded
             */
            remindedAt: string | null;
            /** @description The series of measurements, oldest first */
            series: components["schemas"]["MeasurementDto"][];
            /**
             * @example active
             * @enum {string}
             */
            status: "active" | "closed" | "withdrawn";
            systemIds: string[];
            /** @example 95 */
            target: number;
            /** @example Screening accuracy */
            title: string;
            /**
             * @description The latest value against the mean of the (up to three) before it, in the objective’s direction; within 1 % of it: stable
             * @example worsening
             * @enum {string}
             */
            trend: "improving" | "worsening" | "stable" | "insufficient-data";
            /** @example % */
            unit: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ObjectivePageDto: {
            items: components["schemas"]["ObjectiveDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        ObligationDto: {
            /**
             * @description It applies today (appliesFrom is today or earlier, by the service clock)
             * @example false
             */
            applies: boolean;
            /**
             * Format: date
             * @description The date from which it applies
             * @example 2027-12-02
             */
            appliesFrom: string;
            /**
             * @description EU AI Act article(s)
             * @example Art. 26
             */
            article: string;
            /**
             * @description Stable id of the obligation in the rule set
             * @example annex-iii-deployer-obligations
             */
            id: string;
            /**
             * @description The operator roles it binds
             * @example [
             *       "deployer"
             *     ]
             */
            roles: ("developer" | "provider" | "deployer" | "importer" | "distributor")[];
            /**
             * @description Where the date comes from: `official-journal` — Regulation (EU) 2024/1689 Art. 113 as published; `digital-omnibus` — the deferral of the high-risk dates by the Digital Omnibus on AI, per the sources consulted (see docs/rules.md)
             * @example digital-omnibus
             * @enum {string}
             */
            source: "official-journal" | "digital-omnibus";
            /**
             * @description The provision that sets the date
             * @example Digital Omnibus on AI, amending Regulation (EU) 2024/1689 Art. 113
             */
            sourceRef: string;
            /** @example Obligations of deployers of high-risk AI systems */
            title: string;
        };
        OutcomeIndexDto: {
            /**
             * @description Event params copied into each entry's `sources` next to the rule name
             * @example [
             *       "justification",
             *       "basis"
             *     ]
             */
            carry?: string[];
            /**
             * @description Event param holding the id (or ids); the outcome field of the same name receives the entries
             * @example controls
             */
            from: string;
        };
        OutcomeSpecDto: {
            /**
             * @description The outcome before any event contributes; the whole outcome when nothing fires
             * @example {
             *       "riskClass": "minimal",
             *       "basis": []
             *     }
             */
            defaults?: {
                [key: string]: unknown;
            };
            /**
             * @description `highest`: the param that carries the level
             * @example riskClass
             */
            field?: string;
            /** @description Turns ids spread over several events into one `{ id, sources }` entry per id */
            index?: components["schemas"]["OutcomeIndexDto"];
            /**
             * @description Params concatenated (arrays flattened) into a de-duplicated list
             * @example [
             *       "basis"
             *     ]
             */
            lists?: string[];
            /**
             * @description `highest`: lists collected from every fired event, not only from the winning level
             * @example [
             *       "transparencyObligations"
             *     ]
             */
            listsFromAllLevels?: string[];
            /**
             * @description Params combined with a boolean or numeric operator instead of precedence
             * @example {
             *       "fourEyes": "or"
             *     }
             */
            merge?: {
                [key: string]: "or" | "and" | "max" | "min";
            };
            /**
             * @description `highest`: the levels, lowest first
             * @example [
             *       "minimal",
             *       "limited",
             *       "high",
             *       "prohibited"
             *     ]
             */
            scale?: string[];
            /**
             * @description `collect` every fired event, take the `highest` level on `scale`, or the `first` that fires
             * @example highest
             * @enum {string}
             */
            strategy: "collect" | "highest" | "first";
        };
        ParentInstanceDto: {
            /** @example ai-system-onboarding */
            definitionKey: string;
            /** Format: uuid */
            id: string;
            /** @description The parent's call activity wait this instance runs for (opaque) */
            waitKey: string | null;
        };
        PendingTimerDto: {
            /**
             * @description The task or sub-process a boundary timer is attached to
             * @example Task_review
             */
            attachedTo: string | null;
            /** @example nonconformity */
            definitionKey: string;
            /**
             * @description The definition version the instance runs
             * @example 1
             */
            definitionVersion: number;
            /**
             * Format: date-time
             * @description When it is due (in the past: overdue, e.g. when its firing failed)
             */
            dueAt: string;
            /**
             * @description The timer event
             * @example Timer_effectiveness
             */
            elementId: string;
            /**
             * @description Name of the timer event in the definition (null when it has none)
             * @example Effectiveness review due
             */
            elementName: string | null;
            /**
             * Format: uuid
             * @description The timer job (an incident names it as `jobId`)
             */
            id: string;
            /**
             * Format: uuid
             * @description The instance waiting for it (GET /process-instances/{id})
             */
            instanceId: string;
            /** @description Whether firing ends what it is attached to (its scope, for an event sub-process); false for a timer catch event */
            interrupting: boolean;
            /**
             * @description `timer-catch`: an intermediate timer catch event on the flow; `boundary-timer`: a timer on a task or sub-process; `event-sub-process-start`: the timer start event of an event sub-process
             * @enum {string}
             */
            kind: "timer-catch" | "boundary-timer" | "event-sub-process-start";
            /**
             * @description `failed`: every attempt to fire failed (the instance has an open incident)
             * @enum {string}
             */
            status: "pending" | "failed";
            /** @description What the instance is about */
            subject: components["schemas"]["InstanceSubjectDto"];
        };
        PendingTimerPageDto: {
            items: components["schemas"]["PendingTimerDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        PersonDto: {
            /** @example true */
            active: boolean;
            /**
             * @description Given by an administrator
             * @example [
             *       "ethics-board"
             *     ]
             */
            assignedRoles: string[];
            /**
             * @description The format of their chat target, if they set one (the URL, a credential, only on GET /me)
             * @enum {string|null}
             */
            chatFormat: "slack" | "teams" | null;
            /** Format: date-time */
            createdAt: string;
            /** @example Alice Adams */
            displayName: string;
            /** @example alice@example.org */
            email: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description What actors, tasks and the audit trail name the person by: an API token subject (`alice`, stored in canonical form) or, for someone signing in through the identity provider, `<issuer>#<sub>` (kept verbatim)
             * @example https://id.example.org#248289761001
             */
            identity: string;
            /**
             * @description Mapped from the identity provider's groups at the last sign-in
             * @example [
             *       "risk-officer"
             *     ]
             */
            idpRoles: string[];
            /** Format: date-time */
            lastSeenAt: string | null;
            /** @description The person's own choices by kind of event (the rest follows their roles) */
            notificationPreferences: components["schemas"]["NotificationPreferencesDto"];
            /**
             * @description The identity-provider roles and the assigned ones together (built-in or organisation-defined keys)
             * @example [
             *       "risk-officer",
             *       "ethics-board"
             *     ]
             */
            roles: string[];
            /**
             * @description How the person came into the directory: signed in, registered by an admin, or first seen with an API token
             * @enum {string}
             */
            source: "oidc" | "admin" | "token";
            /** Format: date-time */
            updatedAt: string;
        };
        PersonPageDto: {
            items: components["schemas"]["PersonDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        PolicyDto: {
            /**
             * @description Roles whose holders must acknowledge it
             * @example [
             *       "ai-owner"
             *     ]
             */
            acknowledgedBy: string[];
            /**
             * @description Markdown
             * @example # AI policy
             *
             *     We develop and use AI systems ...
             */
            body: string;
            /** @example false */
            coversHighRiskSystems: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @example gina */
            createdBy: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Its ai-policy process instance
             */
            instanceId: string | null;
            /**
             * @example ai-policy
             * @enum {string}
             */
            kind: "ai-policy" | "topic-specific";
            /** Format: date-time */
            nextReviewAt: string | null;
            /** @example carla */
            owner: string;
            /** Format: date-time */
            publishedAt: string | null;
            /**
             * @description From the policy-review-interval rules
             * @example P12M
             */
            reviewInterval: string | null;
            /** @example All AI systems developed or used by the organisation */
            scope: string;
            /**
             * Format: uuid
             * @description Shared by every version of the policy (the id of its first version)
             */
            seriesId: string;
            /**
             * @description Set by the ai-policy process at every step
             * @example published
             * @enum {string}
             */
            status: "in-review" | "changes-requested" | "awaiting-approval" | "published" | "revision-due" | "superseded" | "withdrawn";
            /**
             * Format: uuid
             * @description The version that replaced this one
             */
            supersededBy: string | null;
            /**
             * Format: uuid
             * @description The version this one replaces
             */
            supersedes: string | null;
            /** @example AI policy */
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** @example 1 */
            version: number;
        };
        PolicyPageDto: {
            items: components["schemas"]["PolicyDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        ProcessDefinitionDetailDto: {
            /**
             * @description sha256 of the XML (line endings normalised): deploying the same content again returns this version
             * @example 5d729acd63fc0eb25b5f8b5d28f025f3dc5d8ee1912417616f5fe4dbd9948d21
             */
            contentHash: string;
            /** Format: date-time */
            deployedAt: string;
            /**
             * @description Who deployed it (`system` for files deployed at start-up)
             * @example gina
             */
            deployedBy: string;
            /** @description The BPMN documentation of the process: what it does and when it runs */
            documentation: string | null;
            /**
             * Format: uuid
             * @description Id of this version
             */
            id: string;
            /**
             * @description The BPMN process id: what POST /process-instances names as definitionKey
             * @example impact-assessment
             */
            key: string;
            /**
             * @description The BPMN process name
             * @example AI system impact assessment
             */
            name: string | null;
            /**
             * @description `file`: deployed from the processes folder at start-up; `api`: POST /process-definitions
             * @enum {string}
             */
            source: "file" | "api";
            /**
             * @description The file it was deployed from (source `file`)
             * @example processes/impact-assessment.bpmn
             */
            sourceFile: string | null;
            /** @description Its start events */
            startEvents: components["schemas"]["StartEventDto"][];
            /**
             * @description At most one running instance per subject (`aimsflow:uniquePerSubject`)
             * @example false
             */
            uniquePerSubject: boolean;
            /**
             * @description 1, 2, … per key; a running instance stays on the version it started with
             * @example 2
             */
            version: number;
            /** @description Every version, newest first */
            versions: components["schemas"]["DefinitionVersionSummaryDto"][];
        };
        ProcessDefinitionDto: {
            /**
             * @description sha256 of the XML (line endings normalised): deploying the same content again returns this version
             * @example 5d729acd63fc0eb25b5f8b5d28f025f3dc5d8ee1912417616f5fe4dbd9948d21
             */
            contentHash: string;
            /** Format: date-time */
            deployedAt: string;
            /**
             * @description Who deployed it (`system` for files deployed at start-up)
             * @example gina
             */
            deployedBy: string;
            /** @description The BPMN documentation of the process: what it does and when it runs */
            documentation: string | null;
            /**
             * Format: uuid
             * @description Id of this version
             */
            id: string;
            /**
             * @description The BPMN process id: what POST /process-instances names as definitionKey
             * @example impact-assessment
             */
            key: string;
            /**
             * @description The BPMN process name
             * @example AI system impact assessment
             */
            name: string | null;
            /**
             * @description `file`: deployed from the processes folder at start-up; `api`: POST /process-definitions
             * @enum {string}
             */
            source: "file" | "api";
            /**
             * @description The file it was deployed from (source `file`)
             * @example processes/impact-assessment.bpmn
             */
            sourceFile: string | null;
            /** @description Its start events */
            startEvents: components["schemas"]["StartEventDto"][];
            /**
             * @description At most one running instance per subject (`aimsflow:uniquePerSubject`)
             * @example false
             */
            uniquePerSubject: boolean;
            /**
             * @description 1, 2, … per key; a running instance stays on the version it started with
             * @example 2
             */
            version: number;
        };
        ProcessDefinitionPageDto: {
            items: components["schemas"]["ProcessDefinitionDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        RaiseNonconformityDto: {
            /**
             * @description ISO 42001 clause ids
             * @example [
             *       "9.1"
             *     ]
             */
            clauseRefs?: string[];
            /**
             * @description Annex A control ids
             * @example [
             *       "A.6.2.8"
             *     ]
             */
            controlRefs?: string[];
            /** @example Logs of inference requests were not retained in March. */
            description: string;
            /**
             * @example major
             * @enum {string}
             */
            severity: "major" | "minor" | "observation";
            /**
             * @example monitoring
             * @enum {string}
             */
            source: "internal-audit" | "certification-audit" | "incident" | "monitoring" | "complaint";
            /** @description The AI system concerned */
            systemId?: string;
            /** @example Event logs missing for the CV screening assistant */
            title: string;
        };
        ReadAllResultDto: {
            /**
             * @description Notifications that were unread and now are read
             * @example 3
             */
            marked: number;
        };
        ReassessmentDecisionDto: {
            /**
             * Format: uuid
             * @description The stored decision (GET /decisions/{id} explains it)
             */
            decisionId: string;
            /**
             * @description Why, from the rules that fired
             * @example [
             *       "major-model-version",
             *       "training-data-changed"
             *     ]
             */
            reasons: string[];
            /**
             * @description The change is material: the system is reassessed
             * @example true
             */
            reassess: boolean;
            /**
             * @description What is reassessed
             * @example [
             *       "risk-assessment",
             *       "impact-assessment"
             *     ]
             */
            scope: string[];
        };
        RecordedModelVersionDto: {
            decision: components["schemas"]["ReassessmentDecisionDto"];
            /**
             * Format: uuid
             * @description The impact-assessment instance started, or the running one that got the new reasons; null when nothing is reassessed or the system is still onboarding
             */
            instanceId: string | null;
            /**
             * @description A new impact-assessment instance was started
             * @example true
             */
            instanceStarted: boolean;
            modelVersion: components["schemas"]["ModelVersionRecordDto"];
        };
        RecordMeasurementDto: {
            /**
             * Format: date-time
             * @description When it was measured (default: now); not in the future
             * @example 2027-02-01T00:00:00Z
             */
            measuredAt?: string;
            /** @example sample of 200 decisions */
            note?: string;
            /** @example 93.5 */
            value: number;
        };
        RegisterObligationDto: {
            /**
             * @description It applies today (appliesFrom is today or earlier, by the service clock)
             * @example false
             */
            applies: boolean;
            /**
             * Format: date
             * @description The date from which it applies
             * @example 2027-12-02
             */
            appliesFrom: string;
            /**
             * @description EU AI Act article(s)
             * @example Art. 26
             */
            article: string;
            /**
             * @description Stable id of the obligation in the rule set
             * @example annex-iii-deployer-obligations
             */
            id: string;
            /**
             * @description The operator roles it binds
             * @example [
             *       "deployer"
             *     ]
             */
            roles: ("developer" | "provider" | "deployer" | "importer" | "distributor")[];
            /**
             * @description Where the date comes from: `official-journal` — Regulation (EU) 2024/1689 Art. 113 as published; `digital-omnibus` — the deferral of the high-risk dates by the Digital Omnibus on AI, per the sources consulted (see docs/rules.md)
             * @example digital-omnibus
             * @enum {string}
             */
            source: "official-journal" | "digital-omnibus";
            /**
             * @description The provision that sets the date
             * @example Digital Omnibus on AI, amending Regulation (EU) 2024/1689 Art. 113
             */
            sourceRef: string;
            /** Format: uuid */
            systemId: string;
            /** @example CV screening assistant */
            systemName: string;
            /** @example Obligations of deployers of high-risk AI systems */
            title: string;
        };
        RegisterObligationPageDto: {
            items: components["schemas"]["RegisterObligationDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        ReportIncidentDto: {
            /**
             * Format: date-time
             * @description When the organisation became aware of it: the reporting deadline counts from here (EU AI Act Art. 73(2)); not before occurredAt, not in the future
             * @example 2027-03-02T10:00:00Z
             */
            awareAt: string;
            /**
             * @description What happened
             * @example Three patients with chest pain were ranked low priority; one was seen 4 hours late.
             */
            description: string;
            /**
             * @description What it led to, directly or indirectly (Art. 3(49)(a)-(d)); empty when none of these: not a serious incident
             * @example [
             *       "serious-harm-to-health"
             *     ]
             */
            effects: ("death" | "serious-harm-to-health" | "critical-infrastructure-disruption" | "fundamental-rights-infringement" | "property-or-environment-harm")[];
            /**
             * Format: date-time
             * @description When it happened (ISO 8601 with offset)
             * @example 2027-03-01T08:30:00Z
             */
            occurredAt: string;
            /**
             * Format: uuid
             * @description The AI system concerned (a registered one)
             */
            systemId: string;
            /** @example Triage assistant under-prioritised chest pain */
            title: string;
            /**
             * @description A widespread infringement (Art. 3(61)): harms the interests of individuals in several Member States
             * @default false
             */
            widespread: boolean;
        };
        RequiredControlDto: {
            /**
             * @description Annex A control id
             * @example A.6.2.8
             */
            id: string;
            /** @description The rules that require it */
            sources: components["schemas"]["RequiredControlSourceDto"][];
        };
        RequiredControlSourceDto: {
            /**
             * @description Where the requirement comes from: clauses of ISO/IEC 42001, articles of the EU AI Act
             * @example [
             *       "ISO/IEC 42001 A.6.2.8",
             *       "Art. 12"
             *     ]
             */
            basis?: string[] | string;
            /**
             * @description The rule's justification, for the Statement of Applicability
             * @example High-risk systems must keep event logs (Art. 12).
             */
            justification?: string;
            /**
             * @description Name of the rule that requires the control
             * @example high-risk-logging
             */
            rule: string;
        };
        RetireAiSystemDto: {
            /**
             * @description Why the system is retired
             * @example Replaced by vendor product
             */
            reason?: string;
        };
        ReviewInputContentDto: {
            /** @description 9.3.2 d) audit results: each audit with its stage, status and findings */
            audits: {
                [key: string]: unknown;
            }[];
            /** Format: date-time */
            compiledAt: string;
            /** @description AI incidents (Annex A.8.4): counts, serious ones, late reports, those still open */
            incidents: {
                [key: string]: unknown;
            };
            /** @description 9.3.2 d) nonconformities and corrective actions: counts by status and severity, the open ones */
            nonconformities: {
                [key: string]: unknown;
            };
            /** @description 9.3.2 d) monitoring and measurement results: each active objective with its latest value, breach and trend */
            objectives: {
                [key: string]: unknown;
            }[];
            /** @description 9.3.2 e) opportunities for continual improvement: observations not closed, objectives trending the wrong way */
            opportunitiesForImprovement: {
                [key: string]: unknown;
            }[];
            /** @description 9.3.2 a) actions from previous management reviews: each earlier review with its decisions and improvement actions */
            previousReviews: {
                [key: string]: unknown;
            }[];
        };
        RiskChangeDto: {
            /** @example risk.updated */
            action: string;
            /** @example rita */
            actor: string;
            /**
             * @description The changed fields after
             * @example {
             *       "status": "treatment-decided",
             *       "treatment": "mitigate"
             *     }
             */
            after: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            at: string;
            /**
             * @description The changed fields before
             * @example {
             *       "status": "open"
             *     }
             */
            before: {
                [key: string]: unknown;
            } | null;
        };
        RiskDetailDto: {
            /**
             * Format: date-time
             * @description When it was closed or accepted
             */
            closedAt: string | null;
            /**
             * @description Annex A controls selected to mitigate it
             * @example [
             *       "A.7.4",
             *       "A.6.2.6"
             *     ]
             */
            controls: string[];
            /** Format: date-time */
            createdAt: string;
            /** @description Rules decisions behind its ratings, in order (GET /decisions/{id}) */
            decisionIds: string[];
            /** @example The ranking model penalises gaps longer than a year. */
            description: string | null;
            history: components["schemas"]["RiskHistoryDto"];
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Its risk-treatment process instance
             */
            instanceId: string | null;
            /**
             * @description 1 rare … 5 almost certain
             * @example 3
             */
            likelihood: number;
            /**
             * @description Who decided the treatment (the risk owner)
             * @example rita
             */
            owner: string | null;
            /**
             * @description The treatment plan
             * @example Redact personal data before training
             */
            plan: string | null;
            /**
             * @description Rating by the risk-rating rules: low, medium, high, critical
             * @example high
             */
            rating: string;
            /** @description The rules require top management to accept the residual risk */
            requiresTopManagement: boolean;
            /**
             * @description Likelihood after treatment, 1 … 5
             * @example 2
             */
            residualLikelihood: number | null;
            /**
             * @description Rating of the residual risk by the risk-rating rules
             * @example medium
             */
            residualRating: string | null;
            /**
             * @description Severity after treatment, 1 … 5
             * @example 3
             */
            residualSeverity: number | null;
            /**
             * @description 1 negligible … 5 severe
             * @example 4
             */
            severity: number;
            /**
             * @description Set by the risk-treatment process: open, treatment-decided, awaiting-acceptance, accepted, in-implementation, verification, closed (withdrawn when its process was cancelled)
             * @example in-implementation
             */
            status: string;
            /**
             * Format: uuid
             * @description The AI system it belongs to
             */
            systemId: string;
            /** @example Applicants with career gaps ranked lower */
            title: string;
            /**
             * @description accept, mitigate, transfer or avoid
             * @example mitigate
             */
            treatment: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        RiskDto: {
            /**
             * Format: date-time
             * @description When it was closed or accepted
             */
            closedAt: string | null;
            /**
             * @description Annex A controls selected to mitigate it
             * @example [
             *       "A.7.4",
             *       "A.6.2.6"
             *     ]
             */
            controls: string[];
            /** Format: date-time */
            createdAt: string;
            /** @description Rules decisions behind its ratings, in order (GET /decisions/{id}) */
            decisionIds: string[];
            /** @example The ranking model penalises gaps longer than a year. */
            description: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Its risk-treatment process instance
             */
            instanceId: string | null;
            /**
             * @description 1 rare … 5 almost certain
             * @example 3
             */
            likelihood: number;
            /**
             * @description Who decided the treatment (the risk owner)
             * @example rita
             */
            owner: string | null;
            /**
             * @description The treatment plan
             * @example Redact personal data before training
             */
            plan: string | null;
            /**
             * @description Rating by the risk-rating rules: low, medium, high, critical
             * @example high
             */
            rating: string;
            /** @description The rules require top management to accept the residual risk */
            requiresTopManagement: boolean;
            /**
             * @description Likelihood after treatment, 1 … 5
             * @example 2
             */
            residualLikelihood: number | null;
            /**
             * @description Rating of the residual risk by the risk-rating rules
             * @example medium
             */
            residualRating: string | null;
            /**
             * @description Severity after treatment, 1 … 5
             * @example 3
             */
            residualSeverity: number | null;
            /**
             * @description 1 negligible … 5 severe
             * @example 4
             */
            severity: number;
            /**
             * @description Set by the risk-treatment process: open, treatment-decided, awaiting-acceptance, accepted, in-implementation, verification, closed (withdrawn when its process was cancelled)
             * @example in-implementation
             */
            status: string;
            /**
             * Format: uuid
             * @description The AI system it belongs to
             */
            systemId: string;
            /** @example Applicants with career gaps ranked lower */
            title: string;
            /**
             * @description accept, mitigate, transfer or avoid
             * @example mitigate
             */
            treatment: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        RiskHistoryDto: {
            /** @description Every change, oldest first */
            changes: components["schemas"]["RiskChangeDto"][];
            /** @description Every step of its risk-treatment process, oldest first */
            steps: components["schemas"]["HistoryStepDto"][];
        };
        RiskPageDto: {
            items: components["schemas"]["RiskDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        RoleDto: {
            /**
             * @description Shipped with aimsflow: route permissions name it; it cannot be deleted or re-keyed
             * @example false
             */
            builtIn: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @example reviews high-impact AI use cases before deployment */
            description: string;
            /** @example ethics-board */
            key: string;
            /** @example Ethics board */
            name: string;
            /** @description Holders' notification defaults by kind of event; null: the built-in defaults */
            notificationDefaults: components["schemas"]["NotificationPreferencesDto"] | null;
            /** Format: date-time */
            updatedAt: string;
        };
        RolePageDto: {
            items: components["schemas"]["RoleDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        RuleConditionDto: {
            /** @description Every one of these must hold */
            all?: components["schemas"]["RuleConditionDto"][];
            /** @description At least one of these must hold */
            any?: components["schemas"]["RuleConditionDto"][];
            /**
             * @description Name of an entry of `sharedConditions`
             * @example annex-iii-4-uses
             */
            condition?: string;
            /**
             * @description The fact to test (declared in `factsSchema`)
             * @example useCases
             */
            fact?: string;
            /** @description A name shown in explanations */
            name?: string;
            /** @description This must not hold */
            not?: components["schemas"]["RuleConditionDto"];
            /**
             * @description A json-rules-engine operator (see docs/rules.md)
             * @example contains
             */
            operator?: string;
            /** @description Parameters passed to the fact */
            params?: {
                [key: string]: unknown;
            };
            /**
             * @description JSONPath into the fact value
             * @example $.region
             */
            path?: string;
            /** @description Evaluation order among siblings (higher first) */
            priority?: number;
            /**
             * @description The value to compare with, or `{ "fact": … }` to compare with another fact
             * @example recruitment
             */
            value?: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
        };
        RuleDefinitionDto: {
            /** @description When the rule fires */
            conditions: components["schemas"]["RuleConditionDto"];
            /**
             * @description What the rule means, in plain words
             * @example AI systems used for recruitment or selection are high-risk (Annex III(4)).
             */
            description: string;
            /** @description What it contributes when it fires */
            event: components["schemas"]["RuleEventDto"];
            /**
             * @description Unique in the rule set; named in explanations and required-control sources
             * @example annex-iii-4-employment
             */
            name: string;
            /**
             * @description Rules of higher priority run first
             * @example 1
             */
            priority?: number;
        };
        RuleEventDto: {
            /**
             * @description What the rule contributes to the outcome
             * @example {
             *       "riskClass": "high",
             *       "basis": [
             *         "Annex III(4)"
             *       ]
             *     }
             */
            params?: {
                [key: string]: unknown;
            };
            /**
             * @description Event type; rules of one level share it
             * @example high-risk
             */
            type: string;
        };
        RuleExplanationDto: {
            /** @description The condition tree, evaluated */
            conditions: components["schemas"]["ConditionExplanationDto"];
            /** @example AI systems used for recruitment or selection are high-risk (Annex III(4)). */
            description: string;
            /** @example true */
            fired: boolean;
            /** @example annex-iii-4-employment */
            name: string;
            /** @example 1 */
            priority: number;
        };
        RuleSetDocumentDto: {
            /** @example Classifies an AI system under Regulation (EU) 2024/1689. */
            description: string;
            /**
             * @description JSON Schema (draft-07) of the facts: `type: object` with `properties`; facts not declared here cannot be used
             * @example {
             *       "type": "object",
             *       "properties": {
             *         "riskClass": {
             *           "type": "string",
             *           "enum": [
             *             "minimal",
             *             "limited",
             *             "high",
             *             "prohibited"
             *           ]
             *         }
             *       }
             *     }
             */
            factsSchema: {
                [key: string]: unknown;
            };
            /**
             * @description Kebab-case key; what processes and the API name it by
             * @example eu-ai-act-risk-class
             */
            key: string;
            /**
             * @description Kebab-case kind of decision
             * @example classification
             */
            kind: string;
            outcome: components["schemas"]["OutcomeSpecDto"];
            /** @description At least one rule */
            rules: components["schemas"]["RuleDefinitionDto"][];
            /** @description Named conditions that rules reference with `{ "condition": "<name>" }` */
            sharedConditions?: {
                [key: string]: components["schemas"]["RuleConditionDto"];
            };
            /** @example EU AI Act risk classification */
            title: string;
        };
        RuleSetSummaryDto: {
            /**
             * @description Where the active version came from: a file in rules/ or the API
             * @enum {string|null}
             */
            activeSource: "file" | "api" | null;
            /**
             * @description The version that decides; null when none is active
             * @example 1
             */
            activeVersion: number | null;
            /** @description Of the active version (or the latest, when none is active) */
            description: string;
            /** @example eu-ai-act-risk-class */
            key: string;
            /** @example classification */
            kind: string;
            /**
             * @description The newest version (possibly a draft not yet activated)
             * @example 2
             */
            latestVersion: number;
            /**
             * @description Of the active version (or the latest, when none is active)
             * @example EU AI Act risk classification
             */
            title: string;
        };
        RuleSetVersionDto: {
            /**
             * Format: date-time
             * @description When it was last activated; null for a draft never activated
             */
            activatedAt: string | null;
            /**
             * @description Who last activated it
             * @example gina
             */
            activatedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Who created it (`system` for the start-up sync)
             * @example gina
             */
            createdBy: string;
            document: components["schemas"]["RuleSetDocumentDto"];
            /** Format: uuid */
            id: string;
            /** @example eu-ai-act-risk-class */
            key: string;
            /**
             * @description Synced from a file in rules/ at start-up, or created through the API
             * @enum {string}
             */
            source: "file" | "api";
            /**
             * @description The file it was synced from
             * @example rules/eu-ai-act-risk-class.json
             */
            sourceFile: string | null;
            /**
             * @description Numbered 1, 2, … per key
             * @example 2
             */
            version: number;
        };
        RuleSetVersionListItemDto: {
            /**
             * Format: date-time
             * @description When it was last activated; null for a draft never activated
             */
            activatedAt: string | null;
            /**
             * @description Who last activated it
             * @example gina
             */
            activatedBy: string | null;
            /** @description It is the version that decides now */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Who created it (`system` for the start-up sync)
             * @example gina
             */
            createdBy: string;
            document: components["schemas"]["RuleSetDocumentDto"];
            /** Format: uuid */
            id: string;
            /** @example eu-ai-act-risk-class */
            key: string;
            /**
             * @description Synced from a file in rules/ at start-up, or created through the API
             * @enum {string}
             */
            source: "file" | "api";
            /**
             * @description The file it was synced from
             * @example rules/eu-ai-act-risk-class.json
             */
            sourceFile: string | null;
            /**
             * @description Numbered 1, 2, … per key
             * @example 2
             */
            version: number;
        };
        RuleSetVersionPageDto: {
            items: components["schemas"]["RuleSetVersionListItemDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        RuleSimulationDto: {
            /**
             * @description The version simulated (compared with the version active when the run starts)
             * @example 2
             */
            candidateVersion: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Subject of the token that asked for it
             * @example gina
             */
            createdBy: string;
            /**
             * @description Why it failed; null otherwise
             * @example The time budget of 600000 ms (AIMSFLOW_SIMULATION_TIMEOUT_MS) was exceeded after 1000 of 1250 systems were evaluated
             */
            error: string | null;
            /**
             * Format: date-time
             * @description When it completed or failed
             */
            finishedAt: string | null;
            /**
             * Format: uuid
             * @description GET /rule-simulations/{id} shows it
             */
            id: string;
            progress: components["schemas"]["RuleSimulationProgressDto"];
            /** @description Present only when `status` is `completed` */
            result?: components["schemas"]["SystemsSimulationDto"];
            /** @example eu-ai-act-risk-class */
            ruleSetKey: string;
            /**
             * Format: date-time
             * @description When its current (or last) run started; null while pending
             */
            startedAt: string | null;
            /**
             * @description `pending`: queued; `running`: a background worker is at it; `completed`: `result` is set; `failed`: `error` says why (e.g. the time budget ran out)
             * @example running
             * @enum {string}
             */
            status: "pending" | "running" | "completed" | "failed";
        };
        RuleSimulationPageDto: {
            items: components["schemas"]["RuleSimulationSummaryDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        RuleSimulationProgressDto: {
            /**
             * @description Systems gone through so far, those whose facts the candidate refuses included
             * @example 1000
             */
            evaluated: number;
            /**
             * @description Registered (not retired) systems when the run started; null until it starts. Once completed, the systems it went through.
             * @example 1250
             */
            total: number | null;
        };
        RuleSimulationSummaryDto: {
            /**
             * @description The version simulated (compared with the version active when the run starts)
             * @example 2
             */
            candidateVersion: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Subject of the token that asked for it
             * @example gina
             */
            createdBy: string;
            /**
             * @description Why it failed; null otherwise
             * @example The time budget of 600000 ms (AIMSFLOW_SIMULATION_TIMEOUT_MS) was exceeded after 1000 of 1250 systems were evaluated
             */
            error: string | null;
            /**
             * Format: date-time
             * @description When it completed or failed
             */
            finishedAt: string | null;
            /**
             * Format: uuid
             * @description GET /rule-simulations/{id} shows it
             */
            id: string;
            progress: components["schemas"]["RuleSimulationProgressDto"];
            /** @example eu-ai-act-risk-class */
            ruleSetKey: string;
            /**
             * Format: date-time
             * @description When its current (or last) run started; null while pending
             */
            startedAt: string | null;
            /**
             * @description `pending`: queued; `running`: a background worker is at it; `completed`: `result` is set; `failed`: `error` says why (e.g. the time budget ran out)
             * @example running
             * @enum {string}
             */
            status: "pending" | "running" | "completed" | "failed";
        };
        ServiceTaskHandlerDto: {
            /**
             * @description What it does, its inputs and outputs
             * @example Rates every risk of `risks` with the active risk-rating rules; returns `risks` with their rating and `risksToTreat`.
             */
            description: string;
            /**
             * @description What `aimsflow:handler` (or a Camunda task type) names, optionally with parameters: `set-variables?status=approved`
             * @example risk.rate-all
             */
            name: string;
        };
        SessionDto: {
            /**
             * @description Send it as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE made with the cookie
             * @example q1w2e3r4t5y6u7i8o9p0…
             */
            csrfToken: string;
            /**
             * Format: date-time
             * @description When the session ends however active (AIMSFLOW_SESSION_TTL_MS after sign-in, or the token expiry if earlier)
             */
            expiresAt: string;
            /**
             * @description The person: an API token subject, or `<issuer>#<sub>` for someone signed in through the OpenID provider; segregation of duties compares it
             * @example https://login.example.com/realms/acme#4f1c2a9e-…
             */
            identity: string;
            /**
             * @description A session unused this many seconds ends (AIMSFLOW_SESSION_IDLE_MS)
             * @example 1800
             */
            idleTimeoutSeconds: number;
            /**
             * @description Roles now, re-resolved on every request (revoking the token or deactivating the person ends the session). Role keys: a built-in role or one the organisation defined (`GET /roles`). The built-in ones:
             *     - `admin`: manages tokens and everything else
             *     - `governance`: edits, simulates and activates rule sets and process definitions
             *     - `ai-owner`: registers and maintains AI systems, drafts assessments
             *     - `risk-officer`: assesses and owns AI risks
             *     - `compliance-officer`: reviews assessments and corrective actions
             *     - `dpo`: data protection officer: FRIA and personal-data questions
             *     - `top-management`: accepts high residual risk, management review, certification sign-off
             *     - `auditor`: internal auditor: reads everything, raises findings
             *     - `external-auditor`: certification body auditor acting on audit stages
             *     - `integration`: machine client: model-version and attribute events
             * @example [
             *       "risk-officer"
             *     ]
             */
            roles: string[];
            /**
             * @description How the session was opened: an API token, the fixed admin token, or the OpenID provider
             * @example oidc
             * @enum {string}
             */
            source: "token" | "admin-token" | "oidc";
        };
        SetImplementationDto: {
            /**
             * @description Evidence or plan
             * @example Event logging enabled in all production deployments (ticket OPS-112)
             */
            note?: string;
            /**
             * @example implemented
             * @enum {string}
             */
            status: "not-started" | "planned" | "in-progress" | "implemented" | "verified";
        };
        SignalDto: {
            /**
             * @description Signal name (the `name` of the BPMN signal)
             * @example regulationChanged
             */
            name: string;
            /** @description Subject of instances a signal start event starts; default { type: "signal", id: name } */
            subject?: components["schemas"]["SubjectDto"];
            /**
             * @description Merged into the variables of every instance it reaches (through the outputs of the catching event, if any) and given to the instances it starts
             * @example {
             *       "regulation": "EU AI Act",
             *       "article": "6"
             *     }
             */
            variables?: Record<string, never>;
        };
        SignalResultDto: {
            /**
             * Format: date-time
             * @description Service time it was broadcast
             */
            broadcastAt: string;
            /** @description Every instance that waited for it (catch and boundary events) */
            deliveries: components["schemas"]["MessageDeliveryDto"][];
            /** @example regulationChanged */
            name: string;
            /** @description Definitions it starts (signal start events) */
            started: components["schemas"]["MessageStartDto"][];
        };
        SignInProvidersDto: {
            /**
             * @description Sign-in through the OpenID provider is configured (AIMSFLOW_OIDC_ISSUER): GET /api/v1/auth/login starts it
             * @example true
             */
            oidc: boolean;
            /**
             * @description What the console calls the provider on its button: the host of the provider's issuer; null when OIDC is off
             * @example login.example.com
             */
            oidcName: string | null;
        };
        SoaEntryDto: {
            /** @description The active rules require it for the AIMS as a whole or for at least one system in scope */
            applicable: boolean;
            /** @example A.6.2.8 */
            controlId: string;
            /**
             * @description Indicative EU AI Act articles
             * @example [
             *       "Art. 12"
             *     ]
             */
            euAiAct: string[];
            /**
             * @description Current evidence items linked to the control (superseded ones not counted; GET /evidence?controlId=…)
             * @example 3
             */
            evidence: number;
            /**
             * @description Some current evidence linked to the control has expired (valid until before now)
             * @example false
             */
            evidenceExpired: boolean;
            /** @example Logging rolled out to 3 of 5 deployments */
            implementationNote: string | null;
            /**
             * @example in-progress
             * @enum {string}
             */
            implementationStatus: "not-started" | "planned" | "in-progress" | "implemented" | "verified";
            /**
             * @description Why it is included (the justifications of the rules that require it) or excluded
             * @example High-risk systems must keep event logs (Art. 12).
             */
            justification: string;
            /** @example AI system life cycle */
            objective: string;
            /** @description The rules require it for the AIMS as a whole, whatever the systems */
            organisationWide: boolean;
            /** @description The rules that require it (empty when excluded) */
            rules: components["schemas"]["RequiredControlSourceDto"][];
            /** @description The systems in scope that need it */
            systems: components["schemas"]["SoaSystemDto"][];
            /** @example AI system recording of event logs */
            title: string;
        };
        SoaRuleSetVersionsDto: {
            /**
             * @description Active version of the EU AI Act risk classification
             * @example 1
             */
            "eu-ai-act-risk-class": number;
            /**
             * @description Active version of the required Annex A controls
             * @example 3
             */
            "required-controls": number;
        };
        SoaSystemDto: {
            /** Format: uuid */
            id: string;
            /** @example CV screening assistant */
            name: string;
        };
        StartEventDto: {
            /**
             * @description BPMN element id of the start event
             * @example Start_registered
             */
            id: string;
            /**
             * @description `none`: started through the API or by aimsflow; `timer`: started by its schedule; `message`: started by POST /messages (or a message a process throws) with this message name; `signal`: started by every broadcast of this signal (POST /signals or a signal a process throws)
             * @enum {string}
             */
            kind: "none" | "timer" | "message" | "signal";
            /**
             * @description The message that starts it (message start events only)
             * @example incident.reported
             */
            messageName?: string;
            /** @example AI system registered */
            name?: string;
            /**
             * @description The signal that starts it (signal start events only)
             * @example regulation.changed
             */
            signalName?: string;
            /** @description Its schedule (timer start events only) */
            timer?: components["schemas"]["TimerDefinitionDto"];
        };
        StartInstanceDto: {
            /**
             * @description Key (BPMN process id) of the definition
             * @example nonconformity
             */
            definitionKey: string;
            subject: components["schemas"]["SubjectDto"];
            /**
             * @description Initial process variables
             * @example {
             *       "systemId": "sys-7",
             *       "effectivenessReviewDelay": "P90D"
             *     }
             */
            variables?: Record<string, never>;
            /**
             * @description Definition version; default the latest
             * @example 2
             */
            version?: number;
        };
        StatementOfApplicabilityDto: {
            /**
             * @description How many controls are applicable
             * @example 31
             */
            applicable: number;
            /** @description All 38 Annex A controls (or those the filter keeps), in catalogue order */
            controls: components["schemas"]["SoaEntryDto"][];
            /**
             * Format: date-time
             * @description When it was derived (it is never stored)
             */
            generatedAt: string;
            ruleSets: components["schemas"]["SoaRuleSetVersionsDto"];
            /** @example ISO/IEC 42001:2023 */
            standard: string;
            /**
             * @description AI systems neither retired nor out of scope
             * @example 12
             */
            systemsInScope: number;
        };
        SubjectDto: {
            /** @example 3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d */
            id: string;
            /**
             * @description What the instance is about
             * @example ai-system
             */
            type: string;
        };
        SystemControlDto: {
            /**
             * @description Indicative EU AI Act articles
             * @example [
             *       "Art. 12"
             *     ]
             */
            euAiAct: string[];
            /** @example A.6.2.8 */
            id: string;
            /**
             * @description Organisation-wide implementation status (Statement of Applicability)
             * @enum {string}
             */
            implementationStatus: "not-started" | "planned" | "in-progress" | "implemented" | "verified";
            /**
             * @description The justifications of the rules that require it, joined
             * @example High-risk systems must keep event logs (Art. 12).
             */
            justification: string;
            /** @example AI system life cycle */
            objective: string | null;
            /** @description The rules that require it */
            sources: components["schemas"]["RequiredControlSourceDto"][];
            /**
             * @description null when the rules name a control the catalogue does not know
             * @example AI system recording of event logs
             */
            title: string | null;
        };
        SystemControlsDto: {
            controls: components["schemas"]["SystemControlDto"][];
            /**
             * Format: uuid
             * @description The required-controls decision (GET /decisions/{id} explains it)
             */
            decisionId: string | null;
            /**
             * @description EU AI Act risk class
             * @example high
             */
            riskClass: string | null;
            /** Format: uuid */
            systemId: string;
        };
        SystemObligationsDto: {
            /** @description Earliest first */
            obligations: components["schemas"]["ObligationDto"][];
            /** @example high */
            riskClass: string | null;
            /**
             * @example [
             *       "deployer"
             *     ]
             */
            roles: string[];
            /**
             * @description Version of the eu-ai-act-obligations rule set that gave them
             * @example 1
             */
            ruleSetVersion: number;
            /** Format: uuid */
            systemId: string;
            /** @example CV screening assistant */
            systemName: string;
        };
        SystemOutcomeChangeDto: {
            /**
             * @description The candidate's outcome
             * @example {
             *       "interval": "P6M"
             *     }
             */
            after: {
                [key: string]: unknown;
            };
            /**
             * @description The active version's outcome; null when none is active
             * @example {
             *       "interval": "P12M"
             *     }
             */
            before: {
                [key: string]: unknown;
            } | null;
            /** @example CV screening assistant */
            name: string;
            /** Format: uuid */
            systemId: string;
        };
        SystemsSimulationDto: {
            /**
             * @description null when the rule set has no active version
             * @example 1
             */
            activeVersion: number | null;
            /** @example 2 */
            candidateVersion: number;
            /** @description By system name; at most 1000 (see changesTruncated) */
            changes: components["schemas"]["SystemOutcomeChangeDto"][];
            /**
             * @description More systems changed than are listed
             * @example false
             */
            changesTruncated: boolean;
            /**
             * @description How long the simulation took
             * @example 840
             */
            durationMs: number;
            /**
             * @description Simulated on every registered AI system
             * @enum {string}
             */
            mode: "systems";
            /**
             * @description Systems whose outcome would change
             * @example 3
             */
            systemsChanged: number;
            /** @example 1250 */
            systemsEvaluated: number;
            systemsWithInvalidFacts: components["schemas"]["SystemWithInvalidFactsDto"][];
        };
        SystemWithInvalidFactsDto: {
            /** @description Where its facts fail the candidate's facts schema */
            errors: components["schemas"]["ValidationIssueDto"][];
            /** @example CV screening assistant */
            name: string;
            /** Format: uuid */
            systemId: string;
        };
        TaskCamundaFormDto: {
            /**
             * @description A linked form’s id (null for a form embedded in the process)
             * @example model-approval
             */
            formId: string | null;
            /**
             * @description An embedded form’s key (camunda-forms:bpmn:<id>)
             * @example null
             */
            formKey: string | null;
            /**
             * @example camunda
             * @enum {string}
             */
            kind: "camunda";
            /**
             * @description The form-js schema, to render with @bpmn-io/form-js
             * @example {
             *       "type": "default",
             *       "components": [
             *         {
             *           "type": "textfield",
             *           "key": "summary",
             *           "label": "Summary",
             *           "validate": {
             *             "required": true
             *           }
             *         }
             *       ]
             *     }
             */
            schema: {
                [key: string]: unknown;
            };
            /**
             * @description The linked form’s version the task is bound to: the latest when the task opened (GET /forms/{formId}/versions/{version})
             * @example 2
             */
            version: number | null;
        };
        TaskCompletionDto: {
            /** @example carla */
            assignee: string | null;
            /** @description The Camunda form of the task (zeebe:formDefinition), or null */
            camundaForm: components["schemas"]["TaskCamundaFormDto"] | null;
            /** Format: date-time */
            cancelledAt: string | null;
            /**
             * @description Roles that may claim and complete it: built-in or organisation-defined keys (`GET /roles`), in canonical form
             * @example [
             *       "compliance-officer"
             *     ]
             */
            candidateRoles: string[];
            /** Format: date-time */
            claimedAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            completedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example impact-assessment */
            definitionKey: string;
            definitionVersion: number;
            /** @description The BPMN documentation of the task: what to do */
            documentation: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** @example Task_review */
            elementId: string;
            /** @description The fields of an aimsflow form (aimsflow:formField); empty when the task has a Camunda form or none */
            form: components["schemas"]["FormFieldDto"][];
            /** Format: uuid */
            id: string;
            instance: components["schemas"]["CompletedInstanceDto"];
            /** Format: uuid */
            instanceId: string;
            /** @description The item of a multi-instance task */
            item: components["schemas"]["TaskItemDto"] | null;
            /**
             * @description API paths of what the step works on, by name (on GET /tasks and GET /tasks/{id}; empty when there is nothing). The management review: `reviewInput` (its compiled input as JSON) and `reviewInputPdf` (the same as a PDF).
             * @example {
             *       "reviewInput": "/api/v1/management-review-inputs/3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d",
             *       "reviewInputPdf": "/api/v1/documents/management-review?format=pdf&managementReviewInputId=3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d"
             *     }
             */
            links: {
                [key: string]: string;
            };
            /** @example Review the impact assessment */
            name: string;
            /** @description Tasks the completion opened (in this instance or instances it started) */
            nextTasks: components["schemas"]["TaskDto"][];
            /** @example approved */
            outcome: string | null;
            /** @description Segregation of duties: `initiator` or element ids whose completers may not complete this task */
            separateFrom: string[];
            /** @enum {string} */
            status: "open" | "completed" | "cancelled";
            subjectId: string;
            /** @example ai-system */
            subjectType: string;
            /** @description The variables it was completed with */
            variables: {
                [key: string]: unknown;
            } | null;
            /** @description Changes with every write */
            version: number;
            /** @description The engine's wait key (opaque) */
            waitKey: string;
        };
        TaskDto: {
            /** @example carla */
            assignee: string | null;
            /** @description The Camunda form of the task (zeebe:formDefinition), or null */
            camundaForm: components["schemas"]["TaskCamundaFormDto"] | null;
            /** Format: date-time */
            cancelledAt: string | null;
            /**
             * @description Roles that may claim and complete it: built-in or organisation-defined keys (`GET /roles`), in canonical form
             * @example [
             *       "compliance-officer"
             *     ]
             */
            candidateRoles: string[];
            /** Format: date-time */
            claimedAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            completedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example impact-assessment */
            definitionKey: string;
            definitionVersion: number;
            /** @description The BPMN documentation of the task: what to do */
            documentation: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** @example Task_review */
            elementId: string;
            /** @description The fields of an aimsflow form (aimsflow:formField); empty when the task has a Camunda form or none */
            form: components["schemas"]["FormFieldDto"][];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            instanceId: string;
            /** @description The item of a multi-instance task */
            item: components["schemas"]["TaskItemDto"] | null;
            /**
             * @description API paths of what the step works on, by name (on GET /tasks and GET /tasks/{id}; empty when there is nothing). The management review: `reviewInput` (its compiled input as JSON) and `reviewInputPdf` (the same as a PDF).
             * @example {
             *       "reviewInput": "/api/v1/management-review-inputs/3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d",
             *       "reviewInputPdf": "/api/v1/documents/management-review?format=pdf&managementReviewInputId=3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d"
             *     }
             */
            links: {
                [key: string]: string;
            };
            /** @example Review the impact assessment */
            name: string;
            /** @example approved */
            outcome: string | null;
            /** @description Segregation of duties: `initiator` or element ids whose completers may not complete this task */
            separateFrom: string[];
            /** @enum {string} */
            status: "open" | "completed" | "cancelled";
            subjectId: string;
            /** @example ai-system */
            subjectType: string;
            /** @description The variables it was completed with */
            variables: {
                [key: string]: unknown;
            } | null;
            /** @description Changes with every write */
            version: number;
            /** @description The engine's wait key (opaque) */
            waitKey: string;
        };
        TaskItemDto: {
            /** @description Which collection the item belongs to */
            collectionKey: string;
            /**
             * @description How many items the multi-instance activity has (the task is item index + 1 of count); absent on tasks opened before it was recorded
             * @example 3
             */
            count?: number;
            /** @description Position of the item in its collection */
            index: number;
            /**
             * @description The collection item this task works on: any JSON value, e.g. an approver role or a risk
             * @example compliance-officer
             */
            value: string | number | boolean | {
                [key: string]: unknown;
            } | unknown[];
        };
        TaskPageDto: {
            items: components["schemas"]["TaskDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        TimerDefinitionDto: {
            /**
             * @description ISO 8601 text as written in the BPMN, or FEEL when it starts with `=`
             * @example R/2027-01-01T00:00:00Z/P1M
             */
            expression: string;
            /**
             * @description BPMN timeDuration, timeDate or timeCycle
             * @example cycle
             * @enum {string}
             */
            type: "duration" | "date" | "cycle";
        };
        TokenDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Who created it (null for the bootstrap token)
             * @example admin
             */
            createdBy: string | null;
            /** @example MLflow webhook bridge */
            description: string | null;
            /**
             * Format: date-time
             * @description When it stops working; null: until revoked
             */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description About when it last authenticated a request (moved at most once a minute, and not while the token is served from the token cache)
             */
            lastUsedAt: string | null;
            /**
             * @description The first characters of the secret, to tell tokens apart
             * @example afw_x7Tq2a
             */
            prefix: string;
            /**
             * Format: date-time
             * @description When it was revoked; it no longer works
             */
            revokedAt: string | null;
            /**
             * @description Roles the token carries (see POST /tokens)
             * @example [
             *       "risk-officer",
             *       "dpo"
             *     ]
             */
            roles: string[];
            /**
             * @description Created at first start (bootstrap), through the API or with the CLI
             * @example api
             * @enum {string}
             */
            source: "bootstrap" | "api" | "cli";
            /**
             * @description Who the token acts for; recorded as the actor of every change
             * @example alice
             */
            subject: string;
        };
        TokenPageDto: {
            items: components["schemas"]["TokenDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        TokenSessionDto: {
            /**
             * @description An API token (the secret); it is checked, never stored, and the console keeps only the cookie
             * @example afw_x7Tq2a9Lw0c…
             */
            token: string;
        };
        UpdateAiSystemDto: {
            /**
             * @description Merged into the current attributes (JSON merge patch): a key set to null is removed
             * @example {
             *       "deploymentRegions": [
             *         "EU",
             *         "US"
             *       ]
             *     }
             */
            attributes?: Record<string, never>;
            /** @example Ranks incoming job applications for recruiters */
            description?: string;
            /** @example Shortlist applicants for open positions */
            intendedPurpose?: string;
            /** @description The underlying model; model-version events match provider + name */
            model?: components["schemas"]["ModelRefDto"];
            /** @example CV screening assistant */
            name?: string;
            /**
             * @description Subject accountable for the system, in canonical form (`Alice` is `alice`; an identity-provider `<issuer>#<sub>` is kept verbatim)
             * @example alice
             */
            owner?: string;
            /**
             * @description The organisation's role(s) for this system (ISO 42001 clause 4; EU AI Act Art. 3)
             * @example [
             *       "deployer"
             *     ]
             */
            roles?: ("developer" | "provider" | "deployer" | "importer" | "distributor")[];
            /**
             * @description The system or its model is supplied by a third party
             * @example true
             */
            thirdParty?: boolean;
            /**
             * @description The version you read; a stale one is refused with 409. Alternatively send If-Match.
             * @example 1
             */
            version?: number;
        };
        UpdatePersonDto: {
            /**
             * @description Admins only: a deactivated person cannot act (401 `person-inactive`) nor be handed tasks
             * @example false
             */
            active?: boolean;
            /**
             * @description Admins only: replaces the assigned roles; each must be defined. Role keys: a built-in role or one the organisation defined (`GET /roles`). The built-in ones:
             *     - `admin`: manages tokens and everything else
             *     - `governance`: edits, simulates and activates rule sets and process definitions
             *     - `ai-owner`: registers and maintains AI systems, drafts assessments
             *     - `risk-officer`: assesses and owns AI risks
             *     - `compliance-officer`: reviews assessments and corrective actions
             *     - `dpo`: data protection officer: FRIA and personal-data questions
             *     - `top-management`: accepts high residual risk, management review, certification sign-off
             *     - `auditor`: internal auditor: reads everything, raises findings
             *     - `external-auditor`: certification body auditor acting on audit stages
             *     - `integration`: machine client: model-version and attribute events
             * @example [
             *       "ethics-board"
             *     ]
             */
            assignedRoles?: string[];
            /** @description Where chat notifications go; null: nowhere */
            chatTarget?: components["schemas"]["ChatTargetDto"] | null;
            /** @example Alice Baker */
            displayName?: string;
            /** @example alice@example.org */
            email?: string | null;
            /** @description Replaces the person's own choices; kinds left out follow their roles' defaults */
            notificationPreferences?: components["schemas"]["NotificationPreferencesDto"];
        };
        UpdateRoleDto: {
            /** @example reviews high-impact AI use cases */
            description?: string;
            /**
             * @description A new key (not for built-in roles, nor while the role is in use); must be a lowercase slug: letters and digits in words joined by single hyphens, starting with a letter (ethics-board)
             * @example ai-ethics-board
             */
            key?: string;
            /** @example AI ethics board */
            name?: string;
            /** @description Replaces the defaults; null: the built-in defaults */
            notificationDefaults?: components["schemas"]["NotificationPreferencesDto"] | null;
        };
        ValidationIssueDto: {
            /** @example unknown fact "useCase"; declare it in factsSchema */
            message: string;
            /**
             * @description RFC 6901 JSON pointer to the offending value
             * @example /rules/0/conditions/all/0/fact
             */
            pointer: string;
        };
        WebhookDeliveryDto: {
            /**
             * @description Attempts made (reset to 0 by a redelivery)
             * @example 1
             */
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the receiver accepted it
             */
            deliveredAt: string | null;
            /**
             * Format: uuid
             * @description The event: also the `webhook-id` header of every attempt
             */
            eventId: string;
            /** Format: uuid */
            id: string;
            /** @example receiver answered 503 */
            lastError: string | null;
            /**
             * @description HTTP status of the receiver's last answer
             * @example 503
             */
            lastStatusCode: number | null;
            /**
             * Format: date-time
             * @description When the next attempt is due
             */
            nextAttemptAt: string;
            /**
             * @description `failed`: every attempt failed or the subscription was deleted (redeliverable)
             * @enum {string}
             */
            status: "pending" | "delivering" | "succeeded" | "failed";
            /** Format: uuid */
            subscriptionId: string;
        };
        WebhookDeliveryEntryDto: {
            /**
             * @description Attempts made (reset to 0 by a redelivery)
             * @example 1
             */
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the receiver accepted it
             */
            deliveredAt: string | null;
            /**
             * Format: uuid
             * @description The event: also the `webhook-id` header of every attempt
             */
            eventId: string;
            /**
             * @example task.created
             * @enum {string}
             */
            eventType: "ai-system.registered" | "ai-system.status-changed" | "ai-system.reassessment-required" | "decision.recorded" | "rule-set.activated" | "process.started" | "process.completed" | "message.published" | "signal.broadcast" | "task.created" | "task.completed" | "task.assigned" | "task.due-soon" | "task.overdue" | "task.reminder" | "task.escalated" | "task.waiting-on-you" | "evidence.expiring" | "evidence.expired" | "nonconformity.raised" | "incident.reported" | "incident.classified" | "incident.report-due" | "incident.report-overdue" | "incident.submitted" | "policy.published" | "policy.acknowledgement-reminder" | "objective.breached" | "objective.measurement-missing" | "audit.stage-changed";
            /** Format: uuid */
            id: string;
            /** @example receiver answered 503 */
            lastError: string | null;
            /**
             * @description HTTP status of the receiver's last answer
             * @example 503
             */
            lastStatusCode: number | null;
            /**
             * Format: date-time
             * @description When the next attempt is due
             */
            nextAttemptAt: string;
            /**
             * @description `failed`: every attempt failed or the subscription was deleted (redeliverable)
             * @enum {string}
             */
            status: "pending" | "delivering" | "succeeded" | "failed";
            /** @description What the event is about */
            subject: components["schemas"]["WebhookEventSubjectDto"];
            /** Format: uuid */
            subscriptionId: string;
        };
        WebhookDeliveryEntryPageDto: {
            items: components["schemas"]["WebhookDeliveryEntryDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
        WebhookEventSubjectDto: {
            /** @example 41b0c6de-4c55-4c0e-9d4f-0b7bb0f1f0a2 */
            id: string;
            /** @example task */
            type: string;
        };
        WebhookSubscriptionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example gina */
            createdBy: string;
            /**
             * Format: date-time
             * @description Set once it is deleted (only the DELETE response shows a deleted subscription)
             */
            deletedAt: string | null;
            /** @example Ticketing bridge */
            description: string | null;
            /**
             * @description Event types or wildcards (`task.*`, `*`)
             * @example [
             *       "ai-system.*",
             *       "task.*",
             *       "nonconformity.raised"
             *     ]
             */
            eventTypes: string[];
            /** Format: uuid */
            id: string;
            /**
             * @description Where deliveries are POSTed
             * @example https://hooks.example.com/aimsflow
             */
            url: string;
        };
        WebhookSubscriptionPageDto: {
            items: components["schemas"]["WebhookSubscriptionDto"][];
            /** @example 50 */
            limit: number;
            /** @example 0 */
            offset: number;
            /**
             * @description Items matching the filters, over all pages
             * @example 1
             */
            total: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AiSystemsController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Text search in name and intended purpose (case-insensitive) */
                q?: string;
                /** @description EU AI Act risk class */
                riskClass?: "prohibited" | "high" | "limited" | "minimal";
                /** @description The organisation's role */
                role?: "developer" | "provider" | "deployer" | "importer" | "distributor";
                status?: "registered" | "in-assessment" | "approved" | "reassessment-required" | "out-of-scope" | "prohibited" | "retired";
                /** @description Systems with this use case */
                useCase?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiSystemPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AiSystemsController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAiSystemDto"];
            };
        };
        responses: {
            /** @description Registered and classified; its onboarding lifecycle has started */
            201: {
                headers: {
                    /** @description The version, to send back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiSystemDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, ai-owner, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AiSystemsController_get: {
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
            /** @description The system; the ETag header carries its version */
            200: {
                headers: {
                    /** @description The version, to send back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiSystemDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AiSystemsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (version) you read; alternatively send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAiSystemDto"];
            };
        };
        responses: {
            /** @description The system as changed (re-classified when roles, thirdParty or attributes changed) */
            200: {
                headers: {
                    /** @description The version, to send back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiSystemDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, ai-owner, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The system changed since you read it (stale version), or it is retired */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ControlsController_forSystem: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemControlsDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DecisionsController_forSystem: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Only decisions of this rule set */
                ruleSet?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModelChangesController_history: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersionHistoryPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModelChangesController_record: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body return the first response and have no second effect (kept 24 h). */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModelVersionDto"];
            };
        };
        responses: {
            /** @description The model version, the reassessment decision and the impact-assessment instance if one started. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedModelVersionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, integration, ai-owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ObligationsController_forSystem: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemObligationsDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AiSystemsController_retire: {
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
                "application/json": components["schemas"]["RetireAiSystemDto"];
            };
        };
        responses: {
            /** @description Retired at once; or, for a system in operation, its decommissioning task is opened and its status becomes retired when that task is done */
            200: {
                headers: {
                    /** @description The version, to send back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiSystemDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, ai-owner, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AiSystemsController_attributeSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditTrailController_list: {
        parameters: {
            query?: {
                /** @description Action, e.g. ai-system.registered */
                action?: string;
                /** @description Subject (user id) of the token that made the change, compared in canonical form (`Alice` is `alice`) */
                actor?: string;
                /** @description Events at or after this time (ISO 8601) */
                from?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Subject id */
                subjectId?: string;
                /** @description Subject type, e.g. ai-system, api-token */
                subjectType?: string;
                /** @description Events before this time (ISO 8601) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, auditor, external-auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditTrailController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerificationDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, auditor, external-auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditPacksController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "pending" | "building" | "done" | "failed" | "expired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPackPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, auditor, external-auditor, compliance-officer, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditPacksController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAuditPackDto"];
            };
        };
        responses: {
            /** @description Queued; `Location` points at the pack to follow */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPackDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, auditor, external-auditor, compliance-officer, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditPacksController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPackDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, auditor, external-auditor, compliance-officer, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditPacksController_content: {
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
            /** @description The ZIP, streamed from its stored chunks; `ETag` is its SHA-256 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, auditor, external-auditor, compliance-officer, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditsController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: string;
                type?: "internal" | "certification";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAuditDto"];
            };
        };
        responses: {
            /** @description The audit; `instanceId` names the process that runs it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, auditor, external-auditor, governance, top-management, compliance-officer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in: redirect to returnTo with the session cookie */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: {
                /** @description Where to come back after sign-in: a path on this site (default `/`) */
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the provider's authorization endpoint */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogoutDto"];
                };
            };
        };
    };
    AuthController_providers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInProvidersDto"];
                };
            };
        };
    };
    AuthController_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
        };
    };
    AuthController_startWithToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenSessionDto"];
            };
        };
        responses: {
            /** @description The session; the cookie is in Set-Cookie */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
        };
    };
    ControlsController_list: {
        parameters: {
            query?: {
                /** @description Annex A group, e.g. A.6 */
                group?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlCatalogueDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ControlsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DecisionsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DecisionsController_evaluate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FactsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_generate: {
        parameters: {
            query?: {
                /** @description audit-report: the audit (required) */
                auditId?: string;
                /** @description `pdf`, `xlsx` or `docx`; default the kind's first format. A format the kind does not have is 406 naming the ones it has. */
                format?: string;
                /** @description impact-assessment: this version (instead of the latest of `systemId`) */
                impactAssessmentId?: string;
                /** @description management-review: this stored input (GET /management-review-inputs/{id}, linked from the review task as `links.reviewInputPdf`) as the review saw it, with what it decided; without it the input is compiled from the registers now */
                managementReviewInputId?: string;
                /** @description impact-assessment: the latest version of this system; risk-register, nonconformities: only this system */
                systemId?: string;
            };
            header?: never;
            path: {
                /** @description Kinds and their formats (the first is the default): `statement-of-applicability`: pdf, xlsx; `impact-assessment`: pdf, docx; `risk-register`: xlsx, pdf; `nonconformities`: pdf; `audit-report`: pdf; `management-review`: pdf */
                kind: "statement-of-applicability" | "impact-assessment" | "risk-register" | "nonconformities" | "audit-report" | "management-review";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document, streamed as it is generated, as an attachment; `X-Content-SHA256` is the hash of the data in its verification footer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EvidenceController_list: {
        parameters: {
            query?: {
                auditId?: string;
                controlId?: string;
                /** @description `true`: only items not superseded; `false`: only superseded ones */
                current?: "true" | "false";
                /** @description Valid until before this time (ISO 8601): what expires by then, or has expired */
                expiringBefore?: string;
                impactAssessmentId?: string;
                incidentId?: string;
                /** @description Items per page */
                limit?: number;
                nonconformityId?: string;
                /** @description Items to skip */
                offset?: number;
                riskId?: string;
                /** @description Linked to this AI system */
                systemId?: string;
                taskId?: string;
                /** @description Uploaded by this subject, compared in canonical form (`Olivia` is `olivia`) */
                uploadedBy?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidencePageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EvidenceController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description repeat the field for several links */
                    auditId?: string[];
                    collectedBy?: string;
                    /** @description repeat the field for several links */
                    controlId?: string[];
                    description: string;
                    /**
                     * Format: binary
                     * @description The content (one file part); its type is detected from the bytes
                     */
                    file: string;
                    /** @description repeat the field for several links */
                    impactAssessmentId?: string[];
                    /** @description repeat the field for several links */
                    incidentId?: string[];
                    /** @description repeat the field for several links */
                    nonconformityId?: string[];
                    reason?: string;
                    /** @description repeat the field for several links */
                    riskId?: string[];
                    /** Format: uuid */
                    supersedes?: string;
                    /** @description repeat the field for several links */
                    systemId?: string[];
                    /** @description repeat the field for several links */
                    taskId?: string[];
                    /** Format: date-time */
                    validUntil?: string;
                };
            };
        };
        responses: {
            /** @description Stored, with its SHA-256 (also in the audit event `evidence.uploaded`) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, ai-owner, risk-officer, compliance-officer, dpo, auditor, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `evidence-too-large` (AIMSFLOW_EVIDENCE_MAX_BYTES) or `evidence-quota-exceeded` (AIMSFLOW_EVIDENCE_QUOTA_BYTES); nothing stored */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `evidence-type-not-allowed` or `evidence-type-mismatch`, naming the declared and detected types */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `evidence-uploads-busy`: 4 uploads in flight on this replica; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EvidenceController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EvidenceController_content: {
        parameters: {
            query?: never;
            header?: {
                /** @description One byte range, e.g. `bytes=0-1023`, `bytes=1024-` or `bytes=-500` */
                Range?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The content with its stored type, `Content-Disposition: attachment` and `X-Content-Type-Options: nosniff` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The requested range, with `Content-Range` */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `range-not-satisfiable`, with `Content-Range: bytes *\/<size>` */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FormsController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Part of the form id or name (case-insensitive) */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FormsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The form-js JSON (a Camunda Modeler .form file); its `id` is the form id */
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormDocumentDto"];
            };
        };
        responses: {
            /** @description The stored version (the next one of its id) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormVersionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The schema cannot be used: each entry of `errors` points at the component at fault (e.g. /components/2/validate/pattern). Nothing is stored. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FormsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormDetailDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No form with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FormsController_getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formId: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormVersionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such form, or no such version of it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImpactAssessmentsController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "draft" | "in-review" | "approved" | "rejected" | "superseded" | "review-required" | "withdrawn";
                /** @description AI system id */
                systemId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImpactAssessmentPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImpactAssessmentsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImpactAssessmentDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IncidentsController_list: {
        parameters: {
            query?: {
                /** @description Only incidents whose report was submitted after its deadline or is still missing past it, or only the others */
                late?: "true" | "false";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Only serious incidents, or only the others (not serious, or not classified yet) */
                serious?: "true" | "false";
                status?: "open" | "triaged" | "dismissed" | "classified" | "report-drafted" | "report-changes-requested" | "report-approved" | "submitted" | "investigated" | "closed" | "withdrawn";
                /** @description Incidents of this AI system */
                systemId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiIncidentPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IncidentsController_report: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportIncidentDto"];
            };
        };
        responses: {
            /** @description The incident; `instanceId` names its lifecycle, which starts with triage */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiIncidentDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, ai-owner, compliance-officer, risk-officer, dpo, top-management, governance, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IncidentsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AiIncidentDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalJobsController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteJobDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResultDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No job with this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description This activation no longer holds the job (`job-handed-on`: its lock expired and another worker got it, or it was failed), or it was already answered (`job-not-active`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The step after the task failed (an output mapping, a handler, a gateway); nothing was stored */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalJobsController_throwError: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JobErrorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResultDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No job with this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description This activation no longer holds the job (`job-handed-on`: its lock expired and another worker got it, or it was failed), or it was already answered (`job-not-active`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalJobsController_fail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FailJobDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResultDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No job with this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description This activation no longer holds the job (`job-handed-on`: its lock expired and another worker got it, or it was failed), or it was already answered (`job-not-active`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalJobsController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivateJobsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivatedJobsDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalJobsController_types: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobTypeDto"][];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ManagementReviewController_list: {
        parameters: {
            query?: {
                auditId?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReviewInputPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ManagementReviewController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReviewInputDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyNotificationsController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description `true`: only unread ones; `false`: only read ones */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyNotificationsController_read: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyNotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllResultDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MessagesController_deliver: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageDto"];
            };
        };
        responses: {
            /** @description Where it went: `status` (`correlated` or `buffered`), `deliveries` (delivered, or retrying when the step failed) and `started` instances; `duplicate` for a repeated messageId. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageResultDto"];
                };
            };
            /** @description Invalid body, e.g. a timeToLive that is neither an ISO 8601 duration nor milliseconds (`invalid-duration`, pointer `/timeToLive`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, ai-owner, risk-officer, compliance-officer, dpo, top-management, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No instance waits for the message (name + correlation key), no process starts on it and it has no timeToLive; nothing is stored. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `message-id-conflict`: the messageId was used before for a message with other content (the problem names it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModelChangesController_createEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body return the first response and have no second effect (kept 24 h). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModelVersionDto"];
            };
        };
        responses: {
            /** @description Recorded; the systems are processed in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelEventAcceptedDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, integration, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModelChangesController_progress: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelEventProgressDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NonconformitiesController_list: {
        parameters: {
            query?: {
                auditId?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                severity?: "major" | "minor" | "observation";
                source?: "internal-audit" | "certification-audit" | "incident" | "monitoring" | "complaint";
                status?: "raised" | "contained" | "root-cause" | "planned" | "approved" | "implemented" | "effectiveness-review" | "closed" | "reopened" | "withdrawn";
                systemId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NonconformityPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NonconformitiesController_raise: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RaiseNonconformityDto"];
            };
        };
        responses: {
            /** @description The nonconformity; `instanceId` names its corrective action process */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NonconformityDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, compliance-officer, auditor, external-auditor, ai-owner, risk-officer, governance, dpo, top-management */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NonconformitiesController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NonconformityDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationDeliveriesController_list: {
        parameters: {
            query?: {
                channel?: "email" | "chat";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description The recipient's identity (in canonical form: `Carla` is `carla`; an identity-provider `<issuer>#<sub>` is kept verbatim) or people-directory id */
                person?: string;
                status?: "queued" | "pending" | "sending" | "delivered" | "failed" | "skipped" | "batched";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDeliveryPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationDeliveriesController_redeliver: {
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
            /** @description The delivery, pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDeliveryDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ObjectivesController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "active" | "closed" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectivePageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ObjectivesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateObjectiveDto"];
            };
        };
        responses: {
            /** @description The objective; `instanceId` names its monitoring process */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, compliance-officer, top-management, ai-owner, risk-officer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ObjectivesController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ObjectivesController_close: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, compliance-officer, top-management, ai-owner, risk-officer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ObjectivesController_measure: {
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
                "application/json": components["schemas"]["RecordMeasurementDto"];
            };
        };
        responses: {
            /** @description The measurement as the objective-breach rules judged it; a breach names the nonconformity it raised */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, compliance-officer, top-management, ai-owner, risk-officer, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ObligationsController_register: {
        parameters: {
            query?: {
                /** @description Only obligations that apply from before this date (ISO 8601 date) */
                appliesBefore?: string;
                /** @description Only obligations that apply from this date or later (ISO 8601 date): with today, the ones still ahead */
                appliesFrom?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Only obligations binding this role */
                role?: "developer" | "provider" | "deployer" | "importer" | "distributor";
                /** @description Only dates from this source */
                source?: "official-journal" | "digital-omnibus";
                /** @description Only this AI system */
                systemId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterObligationPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleController_list: {
        parameters: {
            query?: {
                /** @description Only active, or only deactivated, people */
                active?: "true" | "false";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Part of the display name, e-mail or identity (any case) */
                q?: string;
                /** @description People holding this role (from the identity provider or assigned) */
                role?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs a person's role: one of admin, governance, ai-owner, risk-officer, compliance-officer, dpo, top-management, auditor, external-auditor or an organisation-defined role (not integration alone) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePersonDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `person-exists`: the identity is in the directory already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs a person's role: one of admin, governance, ai-owner, risk-officer, compliance-officer, dpo, top-management, auditor, external-auditor or an organisation-defined role (not integration alone) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleController_update: {
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
                "application/json": components["schemas"]["UpdatePersonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not-your-person`, or `field-not-self-editable` naming `active` or `assignedRoles` (admins only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PoliciesController_list: {
        parameters: {
            query?: {
                kind?: "ai-policy" | "topic-specific";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Every version of one policy */
                seriesId?: string;
                status?: "in-review" | "changes-requested" | "awaiting-approval" | "published" | "revision-due" | "superseded" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PoliciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePolicyDto"];
            };
        };
        responses: {
            /** @description The draft version; `instanceId` names its ai-policy process (review, approval, publication, acknowledgement) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, compliance-officer, top-management */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PoliciesController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PoliciesController_acknowledgements: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgementsDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PoliciesController_acknowledge: {
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
            /** @description The caller’s acknowledgement (the first one, if they acknowledged before) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgementDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DefinitionsController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessDefinitionPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DefinitionsController_deploy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A BPMN 2.0 document with one or more executable processes (see docs/bpmn.md) */
        requestBody: {
            content: {
                "application/xml": string;
                "text/xml": string;
            };
        };
        responses: {
            /** @description The same content was deployed before: those versions are returned (`created: false`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeployedDefinitionDto"];
                };
            };
            /** @description A new version of a process of the file was stored (`created: true`) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeployedDefinitionDto"];
                };
            };
            /** @description The body is not a BPMN 2.0 document (malformed XML, wrong root, an illegal XML id, no executable process) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not XML (send Content-Type: application/xml) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A process falls outside the supported subset: `errors` names every issue with its element id and its process (`processId`); nothing of the file is stored */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DefinitionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessDefinitionDetailDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DefinitionsController_xml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The BPMN XML as deployed, for a diagram viewer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InstancesController_list: {
        parameters: {
            query?: {
                definitionKey?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Children of this instance (started by its call activities) */
                parentId?: string;
                status?: "active" | "completed" | "cancelled" | "failed" | "terminated";
                subjectId?: string;
                subjectType?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceSummaryPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InstancesController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartInstanceDto"];
            };
        };
        responses: {
            /** @description The instance as it waits now */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, ai-owner, risk-officer, compliance-officer, dpo, top-management, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The definition runs once per subject and an instance is active for this one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The first steps failed (a service task, a rule set, an expression); nothing was stored */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InstancesController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InstancesController_cancel: {
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
                "application/json": components["schemas"]["CancelInstanceDto"];
            };
        };
        responses: {
            /** @description The cancelled instance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The instance already ended, or it is a child (cancel its top-level instance) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InstancesController_history: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryStepPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InstancesController_retryIncident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance after the step, with the incident resolved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The incident is already resolved */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The step failed again; the incident stays open with the new error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TimersController_list: {
        parameters: {
            query?: {
                /** @description Timers of instances of this definition */
                definitionKey?: string;
                /** @description Timers due at or after this time (ISO 8601) */
                dueAfter?: string;
                /** @description Timers due before this time (ISO 8601) */
                dueBefore?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                subjectId?: string;
                subjectType?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingTimerPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RisksController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                rating?: "low" | "medium" | "high" | "critical";
                status?: "open" | "treatment-decided" | "awaiting-acceptance" | "accepted" | "in-implementation" | "verification" | "closed" | "withdrawn";
                /** @description AI system id */
                systemId?: string;
                treatment?: "accept" | "mitigate" | "transfer" | "avoid";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RisksController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskDetailDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RolesController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolePageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RolesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `role-exists`: the key is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RolesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RolesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted role */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `built-in-role`: built-in roles cannot be deleted; `role-in-use`: the role is still named by a process definition (any stored version), a token not revoked, an open task, a person it was assigned to or an identity-provider group mapping — `usedBy` lists where */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RolesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRoleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `built-in-role`: a built-in role cannot be re-keyed; `role-in-use`: nor can a role still named somewhere (`usedBy`); `role-exists` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RuleSetsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetSummaryDto"][];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RuleSetsController_getActive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActiveRuleSetDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RuleSetsController_listVersions: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetVersionPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RuleSetsController_createVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        /** @description A rule set document (see docs/rules.md); `key` must match the path. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleSetDocumentDto"];
            };
        };
        responses: {
            /** @description The stored draft version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetVersionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The document fails validation; `errors` has a JSON pointer for each issue. Nothing is stored. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RuleSetsController_getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetVersionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RuleSetsController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivatedRuleSetVersionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RuleSetsController_simulate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FactsDto"];
            };
        };
        responses: {
            /** @description With facts: the outcome and explanation of this version beside the active one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactsSimulationDto"];
                };
            };
            /** @description Without facts: a simulation against every registered AI system, queued (`pending`); a background worker runs it. Follow it at the Location (GET /rule-simulations/{id}) for progress and, once completed, every system whose outcome would change, with before and after. */
            202: {
                headers: {
                    /** @description The simulation: GET it until `status` is `completed` or `failed` */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSimulationDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, auditor, compliance-officer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such rule set or version; nothing is stored */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RuleSimulationsController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Only simulations of this rule set */
                ruleSetKey?: string;
                status?: "pending" | "running" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSimulationPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, auditor, compliance-officer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RuleSimulationsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSimulationDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, auditor, compliance-officer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HandlersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTaskHandlerDto"][];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SignalsController_broadcast: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalDto"];
            };
        };
        responses: {
            /** @description Every instance it reached (`deliveries`) and every instance it started (`started`); both may be empty. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalResultDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, integration */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ControlsController_statementOfApplicability: {
        parameters: {
            query?: {
                /** @description `true`: only controls with linked evidence that has expired (valid until before now); `false`: only controls without */
                evidenceExpired?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All 38 Annex A controls: applicable or not, justification, systems, rules, implementation status. `Accept: text/csv` for CSV. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementOfApplicabilityDto"];
                    /**
                     * @example controlId,title,objective,applicable,justification,systems,rules,implementationStatus,implementationNote,euAiAct,evidence,evidenceExpired
                     *     A.2.2,AI policy,Policies related to AI,yes,Organisation-wide: the AI policy applies to every AI system in the AIMS scope.,organisation-wide; CV screening assistant,ai-policy,planned,policy drafted,Art. 17,2,no
                     */
                    "text/csv": string;
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ControlsController_setImplementation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                controlId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetImplementationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlImplementationDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance, risk-officer, compliance-officer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                /** @description Tasks held by this subject (compared in canonical form: `Rosa` is `rosa`) */
                assignee?: string;
                /** @description Tasks this role may claim, built-in or organisation-defined (`risk_officer` and `risk-officer` are the same role) */
                candidateRole?: string;
                /** @description Tasks due before this ISO 8601 date-time (tasks without a due time never match) */
                dueBefore?: string;
                /** @description Tasks of this process instance */
                instanceId?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description `true`: open tasks past their due time (by the service clock), in the inbox too */
                overdue?: "true" | "false";
                /** @description Default: open in the inbox, any otherwise */
                status?: "open" | "completed" | "cancelled";
                subjectId?: string;
                subjectType?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_claim: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description You hold none of the candidate roles */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Someone else holds the task, or it is no longer open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_complete: {
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
                "application/json": components["schemas"]["CompleteTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskCompletionDto"];
                };
            };
            /** @description The variables do not match the form: `errors` points at each one (e.g. /variables/severity) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No candidate role, or segregation of duties (code `segregation-of-duties`, `rule` names it, e.g. "separateFrom: Draft") */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Already completed or cancelled, or claimed by someone else */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_delegate: {
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
                "application/json": components["schemas"]["DelegateTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description The target holds none of the candidate roles (or has no active token) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Only the assignee, a candidate (for an unclaimed task) or an admin may delegate */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_unclaim: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Someone else holds the task (only they or an admin may release it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TokensController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TokensController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTokenDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TokensController_revoke: {
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
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubscriptionDto"];
            };
        };
        responses: {
            /** @description The subscription with its signing secret (`whsec_…`), shown only in this response. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookSubscriptionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_get: {
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
            /** @description Without its secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_remove: {
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
            /** @description The deleted subscription (with `deletedAt`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                status?: "pending" | "delivering" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryEntryPageDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDto"];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_eventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeDto"][];
                };
            };
            /** @description No, unknown or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs one of the roles: admin, governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service and its database are up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description The database does not answer (application/problem+json) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsApiV1AiSystemsGetParametersQueryRiskClassValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/ai-systems"]["get"]["parameters"]["query"]["riskClass"]> = ["prohibited", "high", "limited", "minimal"];
export const pathsApiV1AiSystemsGetParametersQueryRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/ai-systems"]["get"]["parameters"]["query"]["role"]> = ["developer", "provider", "deployer", "importer", "distributor"];
export const pathsApiV1AiSystemsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/ai-systems"]["get"]["parameters"]["query"]["status"]> = ["registered", "in-assessment", "approved", "reassessment-required", "out-of-scope", "prohibited", "retired"];
export const pathsApiV1AuditPacksGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audit-packs"]["get"]["parameters"]["query"]["status"]> = ["pending", "building", "done", "failed", "expired"];
export const pathsApiV1AuditsGetParametersQueryTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/audits"]["get"]["parameters"]["query"]["type"]> = ["internal", "certification"];
export const pathsApiV1DocumentsKindGetParametersPathKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/documents/{kind}"]["get"]["parameters"]["path"]["kind"]> = ["statement-of-applicability", "impact-assessment", "risk-register", "nonconformities", "audit-report", "management-review"];
export const pathsApiV1EvidenceGetParametersQueryCurrentValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/evidence"]["get"]["parameters"]["query"]["current"]> = ["true", "false"];
export const pathsApiV1ImpactAssessmentsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/impact-assessments"]["get"]["parameters"]["query"]["status"]> = ["draft", "in-review", "approved", "rejected", "superseded", "review-required", "withdrawn"];
export const pathsApiV1IncidentsGetParametersQueryLateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["get"]["parameters"]["query"]["late"]> = ["true", "false"];
export const pathsApiV1IncidentsGetParametersQuerySeriousValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["get"]["parameters"]["query"]["serious"]> = ["true", "false"];
export const pathsApiV1IncidentsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/incidents"]["get"]["parameters"]["query"]["status"]> = ["open", "triaged", "dismissed", "classified", "report-drafted", "report-changes-requested", "report-approved", "submitted", "investigated", "closed", "withdrawn"];
export const pathsApiV1MeNotificationsGetParametersQueryUnreadValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/me/notifications"]["get"]["parameters"]["query"]["unread"]> = ["true", "false"];
export const pathsApiV1NonconformitiesGetParametersQuerySeverityValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/nonconformities"]["get"]["parameters"]["query"]["severity"]> = ["major", "minor", "observation"];
export const pathsApiV1NonconformitiesGetParametersQuerySourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/nonconformities"]["get"]["parameters"]["query"]["source"]> = ["internal-audit", "certification-audit", "incident", "monitoring", "complaint"];
export const pathsApiV1NonconformitiesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/nonconformities"]["get"]["parameters"]["query"]["status"]> = ["raised", "contained", "root-cause", "planned", "approved", "implemented", "effectiveness-review", "closed", "reopened", "withdrawn"];
export const pathsApiV1NotificationsDeliveriesGetParametersQueryChannelValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/notifications/deliveries"]["get"]["parameters"]["query"]["channel"]> = ["email", "chat"];
export const pathsApiV1NotificationsDeliveriesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/notifications/deliveries"]["get"]["parameters"]["query"]["status"]> = ["queued", "pending", "sending", "delivered", "failed", "skipped", "batched"];
export const pathsApiV1ObjectivesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/objectives"]["get"]["parameters"]["query"]["status"]> = ["active", "closed", "withdrawn"];
export const pathsApiV1ObligationsGetParametersQueryRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/obligations"]["get"]["parameters"]["query"]["role"]> = ["developer", "provider", "deployer", "importer", "distributor"];
export const pathsApiV1ObligationsGetParametersQuerySourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/obligations"]["get"]["parameters"]["query"]["source"]> = ["official-journal", "digital-omnibus"];
export const pathsApiV1PeopleGetParametersQueryActiveValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/people"]["get"]["parameters"]["query"]["active"]> = ["true", "false"];
export const pathsApiV1PoliciesGetParametersQueryKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/policies"]["get"]["parameters"]["query"]["kind"]> = ["ai-policy", "topic-specific"];
export const pathsApiV1PoliciesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/policies"]["get"]["parameters"]["query"]["status"]> = ["in-review", "changes-requested", "awaiting-approval", "published", "revision-due", "superseded", "withdrawn"];
export const pathsApiV1ProcessInstancesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/process-instances"]["get"]["parameters"]["query"]["status"]> = ["active", "completed", "cancelled", "failed", "terminated"];
export const pathsApiV1RisksGetParametersQueryRatingValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/risks"]["get"]["parameters"]["query"]["rating"]> = ["low", "medium", "high", "critical"];
export const pathsApiV1RisksGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/risks"]["get"]["parameters"]["query"]["status"]> = ["open", "treatment-decided", "awaiting-acceptance", "accepted", "in-implementation", "verification", "closed", "withdrawn"];
export const pathsApiV1RisksGetParametersQueryTreatmentValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/risks"]["get"]["parameters"]["query"]["treatment"]> = ["accept", "mitigate", "transfer", "avoid"];
export const pathsApiV1RuleSimulationsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/rule-simulations"]["get"]["parameters"]["query"]["status"]> = ["pending", "running", "completed", "failed"];
export const pathsApiV1StatementOfApplicabilityGetParametersQueryEvidenceExpiredValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/statement-of-applicability"]["get"]["parameters"]["query"]["evidenceExpired"]> = ["true", "false"];
export const pathsApiV1TasksGetParametersQueryOverdueValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tasks"]["get"]["parameters"]["query"]["overdue"]> = ["true", "false"];
export const pathsApiV1TasksGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tasks"]["get"]["parameters"]["query"]["status"]> = ["open", "completed", "cancelled"];
export const pathsApiV1WebhookSubscriptionsIdDeliveriesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/webhook-subscriptions/{id}/deliveries"]["get"]["parameters"]["query"]["status"]> = ["pending", "delivering", "succeeded", "failed"];
export const activatedRuleSetVersionDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ActivatedRuleSetVersionDto"]["source"]> = ["file", "api"];
export const activeRuleSetDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ActiveRuleSetDto"]["source"]> = ["file", "api"];
export const aiIncidentDtoCauseCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AiIncidentDto"]["causeCategory"]> = ["data", "model", "process", "people", "supplier", "other"];
export const aiIncidentDtoEffectsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AiIncidentDto"]["effects"]> = ["death", "serious-harm-to-health", "critical-infrastructure-disruption", "fundamental-rights-infringement", "property-or-environment-harm"];
export const aiIncidentDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AiIncidentDto"]["status"]> = ["open", "triaged", "dismissed", "classified", "report-drafted", "report-changes-requested", "report-approved", "submitted", "investigated", "closed", "withdrawn"];
export const aiSystemDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AiSystemDto"]["roles"]> = ["developer", "provider", "deployer", "importer", "distributor"];
export const aiSystemDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AiSystemDto"]["status"]> = ["registered", "in-assessment", "approved", "reassessment-required", "out-of-scope", "prohibited", "retired"];
export const auditDtoFindingsSeverityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditDto"]["findings"]["severity"]> = ["major", "minor", "observation"];
export const auditDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditDto"]["type"]> = ["internal", "certification"];
export const auditNonconformityDtoSeverityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditNonconformityDto"]["severity"]> = ["major", "minor", "observation"];
export const auditPackDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditPackDto"]["status"]> = ["pending", "building", "done", "failed", "expired"];
export const changeFactsDtoSemverBumpValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ChangeFactsDto"]["semverBump"]> = ["major", "minor", "patch", "none"];
export const chatTargetDtoFormatValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ChatTargetDto"]["format"]> = ["slack", "teams"];
export const childInstanceDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ChildInstanceDto"]["status"]> = ["active", "completed", "cancelled", "failed", "terminated"];
export const conditionExplanationDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ConditionExplanationDto"]["type"]> = ["all", "any", "not", "fact"];
export const controlImplementationDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ControlImplementationDto"]["status"]> = ["not-started", "planned", "in-progress", "implemented", "verified"];
export const createAiSystemDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateAiSystemDto"]["roles"]> = ["developer", "provider", "deployer", "importer", "distributor"];
export const createAuditDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateAuditDto"]["type"]> = ["internal", "certification"];
export const createObjectiveDtoDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateObjectiveDto"]["direction"]> = ["at-least", "at-most"];
export const createPolicyDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreatePolicyDto"]["kind"]> = ["ai-policy", "topic-specific"];
export const definitionVersionSummaryDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DefinitionVersionSummaryDto"]["source"]> = ["file", "api"];
export const deployedDefinitionDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeployedDefinitionDto"]["source"]> = ["file", "api"];
export const eventTypeDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EventTypeDto"]["type"]> = ["ai-system.registered", "ai-system.status-changed", "ai-system.reassessment-required", "decision.recorded", "rule-set.activated", "process.started", "process.completed", "message.published", "signal.broadcast", "task.created", "task.completed", "task.assigned", "task.due-soon", "task.overdue", "task.reminder", "task.escalated", "task.waiting-on-you", "evidence.expiring", "evidence.expired", "nonconformity.raised", "incident.reported", "incident.classified", "incident.report-due", "incident.report-overdue", "incident.submitted", "policy.published", "policy.acknowledgement-reminder", "objective.breached", "objective.measurement-missing", "audit.stage-changed"];
export const evidenceLinkDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EvidenceLinkDto"]["kind"]> = ["ai-system", "task", "control", "risk", "impact-assessment", "nonconformity", "audit", "incident"];
export const factsSimulationDtoModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FactsSimulationDto"]["mode"]> = ["facts"];
export const fileSyncResultDtoResultValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FileSyncResultDto"]["result"]> = ["unchanged", "activated", "stored-not-activated", "invalid"];
export const formFieldDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FormFieldDto"]["type"]> = ["string", "number", "integer", "boolean", "date", "enum", "array", "object", "evidence"];
export const healthDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["HealthDto"]["status"]> = ["ok", "degraded"];
export const healthIndicatorDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["HealthIndicatorDto"]["status"]> = ["up", "degraded", "down"];
export const impactAssessmentDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImpactAssessmentDto"]["status"]> = ["draft", "in-review", "approved", "rejected", "superseded", "review-required", "withdrawn"];
export const incidentDtoResolutionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IncidentDto"]["resolution"]> = ["retried", "obsolete", "cancelled"];
export const incidentDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IncidentDto"]["status"]> = ["open", "resolved"];
export const instanceDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InstanceDto"]["status"]> = ["active", "completed", "cancelled", "failed", "terminated"];
export const instanceRetryDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InstanceRetryDto"]["kind"]> = ["message", "signal", "start-message", "start-timer"];
export const instanceRetryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InstanceRetryDto"]["status"]> = ["pending", "done", "cancelled", "failed"];
export const instanceSummaryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InstanceSummaryDto"]["status"]> = ["active", "completed", "cancelled", "failed", "terminated"];
export const instanceTimerDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InstanceTimerDto"]["status"]> = ["pending", "done", "cancelled", "failed"];
export const jobResultDtoOutcomeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JobResultDto"]["outcome"]> = ["completed", "error-caught", "retry-scheduled", "incident"];
export const measurementDtoSeverityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeasurementDto"]["severity"]> = ["none", "minor", "major"];
export const meDtoChatFormatValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeDto"]["chatFormat"]> = ["slack", "teams"];
export const meDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeDto"]["source"]> = ["oidc", "admin", "token"];
export const messageDeliveryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MessageDeliveryDto"]["status"]> = ["delivered", "retrying", "closed"];
export const messageResultDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MessageResultDto"]["status"]> = ["correlated", "buffered", "expired", "unmatched"];
export const messageStartDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MessageStartDto"]["status"]> = ["started", "skipped", "retrying"];
export const nonconformityDtoSeverityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["NonconformityDto"]["severity"]> = ["major", "minor", "observation"];
export const nonconformityDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["NonconformityDto"]["source"]> = ["internal-audit", "certification-audit", "incident", "monitoring", "complaint"];
export const notificationDeliveryDtoChannelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["NotificationDeliveryDto"]["channel"]> = ["email", "chat"];
export const notificationDeliveryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["NotificationDeliveryDto"]["status"]> = ["queued", "pending", "sending", "delivered", "failed", "skipped", "batched"];
export const notificationDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["NotificationDto"]["kind"]> = ["task-available", "task-assigned", "task-due-soon", "task-overdue", "task-reminder", "task-escalated", "work-returned", "approval-waiting-on-you", "evidence-expiring", "evidence-expired"];
export const notificationPreferenceDtoChannelsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["NotificationPreferenceDto"]["channels"]> = ["email", "chat", "in-app"];
export const notificationPreferenceDtoDigestValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["NotificationPreferenceDto"]["digest"]> = ["immediate", "daily"];
export const objectiveDtoDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ObjectiveDto"]["direction"]> = ["at-least", "at-most"];
export const objectiveDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ObjectiveDto"]["status"]> = ["active", "closed", "withdrawn"];
export const objectiveDtoTrendValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ObjectiveDto"]["trend"]> = ["improving", "worsening", "stable", "insufficient-data"];
export const obligationDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ObligationDto"]["roles"]> = ["developer", "provider", "deployer", "importer", "distributor"];
export const obligationDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ObligationDto"]["source"]> = ["official-journal", "digital-omnibus"];
export const outcomeSpecDtoMergeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OutcomeSpecDto"]["merge"][string]> = ["or", "and", "max", "min"];
export const outcomeSpecDtoStrategyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OutcomeSpecDto"]["strategy"]> = ["collect", "highest", "first"];
export const pendingTimerDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PendingTimerDto"]["kind"]> = ["timer-catch", "boundary-timer", "event-sub-process-start"];
export const pendingTimerDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PendingTimerDto"]["status"]> = ["pending", "failed"];
export const personDtoChatFormatValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PersonDto"]["chatFormat"]> = ["slack", "teams"];
export const personDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PersonDto"]["source"]> = ["oidc", "admin", "token"];
export const policyDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PolicyDto"]["kind"]> = ["ai-policy", "topic-specific"];
export const policyDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PolicyDto"]["status"]> = ["in-review", "changes-requested", "awaiting-approval", "published", "revision-due", "superseded", "withdrawn"];
export const processDefinitionDetailDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProcessDefinitionDetailDto"]["source"]> = ["file", "api"];
export const processDefinitionDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProcessDefinitionDto"]["source"]> = ["file", "api"];
export const raiseNonconformityDtoSeverityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RaiseNonconformityDto"]["severity"]> = ["major", "minor", "observation"];
export const raiseNonconformityDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RaiseNonconformityDto"]["source"]> = ["internal-audit", "certification-audit", "incident", "monitoring", "complaint"];
export const registerObligationDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegisterObligationDto"]["roles"]> = ["developer", "provider", "deployer", "importer", "distributor"];
export const registerObligationDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegisterObligationDto"]["source"]> = ["official-journal", "digital-omnibus"];
export const reportIncidentDtoEffectsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReportIncidentDto"]["effects"]> = ["death", "serious-harm-to-health", "critical-infrastructure-disruption", "fundamental-rights-infringement", "property-or-environment-harm"];
export const ruleSetSummaryDtoActiveSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RuleSetSummaryDto"]["activeSource"]> = ["file", "api"];
export const ruleSetVersionDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RuleSetVersionDto"]["source"]> = ["file", "api"];
export const ruleSetVersionListItemDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RuleSetVersionListItemDto"]["source"]> = ["file", "api"];
export const ruleSimulationDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RuleSimulationDto"]["status"]> = ["pending", "running", "completed", "failed"];
export const ruleSimulationSummaryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RuleSimulationSummaryDto"]["status"]> = ["pending", "running", "completed", "failed"];
export const sessionDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SessionDto"]["source"]> = ["token", "admin-token", "oidc"];
export const setImplementationDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SetImplementationDto"]["status"]> = ["not-started", "planned", "in-progress", "implemented", "verified"];
export const soaEntryDtoImplementationStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SoaEntryDto"]["implementationStatus"]> = ["not-started", "planned", "in-progress", "implemented", "verified"];
export const startEventDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StartEventDto"]["kind"]> = ["none", "timer", "message", "signal"];
export const systemControlDtoImplementationStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SystemControlDto"]["implementationStatus"]> = ["not-started", "planned", "in-progress", "implemented", "verified"];
export const systemsSimulationDtoModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SystemsSimulationDto"]["mode"]> = ["systems"];
export const taskCamundaFormDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskCamundaFormDto"]["kind"]> = ["camunda"];
export const taskCompletionDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskCompletionDto"]["status"]> = ["open", "completed", "cancelled"];
export const taskDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskDto"]["status"]> = ["open", "completed", "cancelled"];
export const timerDefinitionDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TimerDefinitionDto"]["type"]> = ["duration", "date", "cycle"];
export const tokenDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TokenDto"]["source"]> = ["bootstrap", "api", "cli"];
export const updateAiSystemDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdateAiSystemDto"]["roles"]> = ["developer", "provider", "deployer", "importer", "distributor"];
export const webhookDeliveryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookDeliveryDto"]["status"]> = ["pending", "delivering", "succeeded", "failed"];
export const webhookDeliveryEntryDtoEventTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookDeliveryEntryDto"]["eventType"]> = ["ai-system.registered", "ai-system.status-changed", "ai-system.reassessment-required", "decision.recorded", "rule-set.activated", "process.started", "process.completed", "message.published", "signal.broadcast", "task.created", "task.completed", "task.assigned", "task.due-soon", "task.overdue", "task.reminder", "task.escalated", "task.waiting-on-you", "evidence.expiring", "evidence.expired", "nonconformity.raised", "incident.reported", "incident.classified", "incident.report-due", "incident.report-overdue", "incident.submitted", "policy.published", "policy.acknowledgement-reminder", "objective.breached", "objective.measurement-missing", "audit.stage-changed"];
export const webhookDeliveryEntryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookDeliveryEntryDto"]["status"]> = ["pending", "delivering", "succeeded", "failed"];
