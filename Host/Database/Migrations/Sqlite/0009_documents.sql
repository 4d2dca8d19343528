-- Documents an agency issues and the materials on file: the agency's settings and seal, its Word templates, the
-- document-number counters, the issued documents (every version) and the uploaded material files. File contents are
-- stored once each, addressed by their SHA-256 (file_blobs). Instants are UTC ticks.

CREATE TABLE agency_settings (
    id INTEGER NOT NULL PRIMARY KEY,
    json TEXT NOT NULL,
    seal BLOB NULL,
    seal_type TEXT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE document_templates (
    kind TEXT NOT NULL PRIMARY KEY,
    content BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE document_counters (
    counter_key TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (counter_key, year)
);

CREATE TABLE file_blobs (
    sha256 TEXT NOT NULL PRIMARY KEY,
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);

CREATE TABLE case_documents (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    version INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    docx_sha256 TEXT NOT NULL,
    pdf_sha256 TEXT NULL,
    issued_at INTEGER NOT NULL,
    issued_by TEXT NOT NULL,
    issued_by_name TEXT NOT NULL,
    UNIQUE (case_id, kind, sequence, version)
);
CREATE UNIQUE INDEX ix_case_documents_number ON case_documents (number);

CREATE TABLE material_files (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL,
    material_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at INTEGER NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_by_name TEXT NOT NULL
);
CREATE INDEX ix_material_files_case ON material_files (case_id, material_id);
