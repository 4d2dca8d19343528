-- The keyed anchor of a case's history and current data: the SHA-256 of state_json and an HMAC-SHA256 (key held
-- outside the database, named by anchor_key_id) over the case id, history_count, last_hash and state_hash.
-- Cases written before this version are anchored by the service on its first start.
ALTER TABLE cases ADD COLUMN state_hash TEXT NULL;
ALTER TABLE cases ADD COLUMN anchor_key_id TEXT NULL;
ALTER TABLE cases ADD COLUMN anchor_mac TEXT NULL;
