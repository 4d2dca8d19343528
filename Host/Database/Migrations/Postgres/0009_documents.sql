-- Documents an agency issues and the materials on file: the agency's settings and seal, its Word templates, the
-- document-number counters, the issued documents (every version) and the uploaded material files. File contents are
-- stored once each, addressed by their SHA-256 (file_blobs). Instants are UTC ticks.

CREATE TABLE agency_settings (
    id bigint NOT NULL PRIMARY KEY,
    json text NOT NULL,
    seal bytea NULL,
    seal_type text NULL,
    updated_at bigint NOT NULL,
    updated_by text NOT NULL
);

CREATE TABLE document_templates (
    kind text NOT NULL PRIMARY KEY,
    content bytea NOT NULL,
    sha256 text NOT NULL,
    updated_at bigint NOT NULL,
    updated_by text NOT NULL
);

CREATE TABLE document_counters (
    counter_key text NOT NULL,
    year bigint NOT NULL,
    last_number bigint NOT NULL,
    PRIMARY KEY (counter_key, year)
);

CREATE TABLE file_blobs (
    sha256 text NOT NULL PRIMARY KEY,
    size bigint NOT NULL,
    content bytea NOT NULL
);

CREATE TABLE case_documents (
    id text NOT NULL PRIMARY KEY,
    case_id text NOT NULL,
    kind text NOT NULL,
    sequence bigint NOT NULL,
    version bigint NOT NULL,
    number text NOT NULL,
    title text NOT NULL,
    docx_sha256 text NOT NULL,
    pdf_sha256 text NULL,
    issued_at bigint NOT NULL,
    issued_by text NOT NULL,
    issued_by_name text NOT NULL,
    UNIQUE (case_id, kind, sequence, version)
);
CREATE UNIQUE INDEX ix_case_documents_number ON case_documents (number);

CREATE TABLE material_files (
    id text NOT NULL PRIMARY KEY,
    case_id text NOT NULL,
    material_id text NOT NULL,
    file_name text NOT NULL,
    content_type text NOT NULL,
    size bigint NOT NULL,
    sha256 text NOT NULL,
    uploaded_at bigint NOT NULL,
    uploaded_by text NOT NULL,
    uploaded_by_name text NOT NULL
);
CREATE INDEX ix_material_files_case ON material_files (case_id, material_id);
