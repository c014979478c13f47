-- migrate_fill.sql: a row in every table `copro demo` leaves empty, so that
-- tests/cli/test_migrate.sh copies a database with every table filled:
-- accents and emoji in text, bytes 0 to 255 in a file, a fraction in a
-- reading, a table of several pages. Run by sqlite3 on a demo database (organisation 1, its
-- evaluation 1, audit 1, area 1).
PRAGMA foreign_keys = ON;
INSERT INTO app_user (id, email, name, password_hash, created_at) VALUES
 (5, 'zoë@example.org', 'Zoë Ŵyn 🌱', '$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', '2026-11-01T09:00:00Z'),
 (9, 'sam@example.org', 'Sam O''Neill', '$argon2id$x', '2026-11-02T09:00:00Z');
INSERT INTO membership (id, user_id, organisation_id, role, partner_group, created_at) VALUES
 (3, 5, 1, 'lead', 'parent-carers', '2026-11-01T09:00:00Z');
INSERT INTO membership (id, user_id, area_id, role, created_at) VALUES (7, 9, 1, 'area-admin', '2026-11-02T09:00:00Z');
INSERT INTO activity (id, at, user_id, user_name, area_id, organisation_id, what, security) VALUES
 (11, '2026-11-03T10:00:00Z', 5, 'Zoë Ŵyn 🌱', NULL, 1, 'added evidence «café»', 0);
INSERT INTO api_token (id, area_id, name, token_hash, created_by, created_at, expires_at) VALUES
 (2, 1, 'Dashboard', 'th-api', 9, '2026-11-02T09:00:00Z', '2027-11-02T09:00:00Z');
INSERT INTO area_setting (area_id, score_min, score_max, outcome_rule, updated_at) VALUES (1, 0, 4, 'most-common-level', '2026-11-02T09:00:00Z');
INSERT INTO assessor (id, organisation_id, evaluation_id, user_id, name, email, token_hash, invite_expires_at, until, created_by, created_at) VALUES
 (4, 1, 1, NULL, 'Ada Assessor', 'ada@example.org', 'th-assessor', '2026-12-01T00:00:00Z', '2027-01-01', 5, '2026-11-04T09:00:00Z');
INSERT INTO device_cookie (token_hash, user_id, created_at) VALUES ('th-device', 5, '2026-11-05T09:00:00Z');
INSERT INTO evidence_file (id, evidence_id, organisation_id, name, media_type, size, sha256, uploaded_by, uploaded_by_name, created_at) VALUES
 (6, 1, 1, 'bytes.bin', 'application/octet-stream', 256, 'not-checked-here', 5, 'Zoë Ŵyn 🌱', '2026-11-05T09:00:00Z');
INSERT INTO evidence_file_data (file_id, bytes) VALUES (6, X'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
INSERT INTO evidence_file_setting (area_id, quota_mb, updated_at) VALUES (1, 50, '2026-11-05T09:00:00Z');
INSERT INTO gold_area_setting (area_id, evidence_years, award_years, updated_at) VALUES (1, 3, 4, '2026-11-05T09:00:00Z');
INSERT INTO gold_comment (evaluation_id, element_key, comment, author, updated_at) VALUES (1, '1i', 'Strong — well evidenced', 'Ada Assessor', '2026-11-06T09:00:00Z');
INSERT INTO gold_decision (id, organisation_id, evaluation_id, decision, reasons, decided_on, due_on, assessor, created_at) VALUES
 (3, 1, 1, 'not-yet', 'More voices of children', '2026-11-06', NULL, 'Ada Assessor', '2026-11-06T09:00:00Z');
INSERT INTO invitation (token_hash, organisation_id, role, partner_group, name, created_by, created_at, expires_at, email) VALUES
 ('th-invite', 1, 'viewer', NULL, 'Governor', 5, '2026-11-06T09:00:00Z', '2026-11-20T09:00:00Z', 'gov@example.org');
INSERT INTO notification (id, user_id, kind, subject, text, path, created_at, digest) VALUES
 (8, 5, 'evidence', 'New evidence', 'Café morning', '/orgs/1/evidence/1', '2026-11-06T09:00:00Z', 1);
INSERT INTO notification_digest (user_id, sent_at) VALUES (5, '2026-11-07T09:00:00Z');
INSERT INTO notification_sent (user_id, event, at) VALUES (5, 'due:1', '2026-11-07T09:00:00Z');
INSERT INTO notification_setting (user_id, kind, how, updated_at) VALUES (5, 'evidence', 'weekly', '2026-11-07T09:00:00Z');
INSERT INTO notification_unsubscribe (token_hash, user_id, kind, created_at) VALUES ('th-unsub', 5, 'evidence', '2026-11-07T09:00:00Z');
INSERT INTO outbox (id, to_address, subject, body, kind, user_id, area_id, created_at, status, attempts, next_attempt_at, last_error) VALUES
 (12, 'zoë@example.org', 'Hello', 'Line one' || char(10) || 'Line two', 'evidence', 5, 1, '2026-11-07T09:00:00Z', 'failed', 3, '2026-11-07T10:00:00Z', '550 no');
INSERT INTO password_reset (token_hash, user_id, started_by, created_at, expires_at) VALUES ('th-reset', 5, 9, '2026-11-07T09:00:00Z', '2026-11-07T10:00:00Z');
INSERT INTO recovery_code (id, user_id, code_hash) VALUES (21, 5, 'th-recovery');
INSERT INTO setup_code (code_hash, created_at) VALUES ('th-setup', '2026-11-07T09:00:00Z');
INSERT INTO sign_in_failure (id, account_key, address, at) VALUES (31, 'zoë@example.org', '192.0.2.7', '2026-11-07T09:00:00Z');
INSERT INTO sign_in_pending (token_hash, user_id, created_at, failures) VALUES ('th-pending', 5, '2026-11-07T09:00:00Z', 1);
-- More rows than migrate reads in one page (256), with a gap in the ids.
WITH RECURSIVE n(i) AS (SELECT 41 UNION ALL SELECT i + 1 FROM n WHERE i < 640)
INSERT INTO throttle_hit (id, scope, address, at, scope_seq, address_seq)
 SELECT i, 'sign-in', '192.0.2.7', '2026-11-07T09:00:00Z', i - 40, i - 40 FROM n WHERE i % 7 <> 0;
INSERT INTO two_factor (user_id, secret, confirmed_at, last_step, created_at) VALUES (5, 'JBSWY3DPEHPK3PXP', '2026-11-07T09:00:00Z', 59000000, '2026-11-07T09:00:00Z');
INSERT INTO two_factor_area_setting (area_id, required, updated_at) VALUES (1, 1, '2026-11-07T09:00:00Z');
INSERT INTO user_session (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ('th-session', 5, 'csrf', '2026-11-07T09:00:00Z', '2026-11-07T09:05:00Z');
INSERT INTO view_area_setting (area_id, min_group, updated_at) VALUES (1, 3, '2026-11-07T09:00:00Z');
INSERT INTO view_org_setting (organisation_id, safeguarding_contact, retention_months, updated_at) VALUES (1, 'Ms Khan', 12, '2026-11-07T09:00:00Z');
INSERT INTO view_round (id, organisation_id, evaluation_id, framework_id, framework_hash, title, opens_on, created_by, created_at, updated_at) VALUES
 (2, 1, 1, 'four-cornerstones', (SELECT framework_hash FROM evaluation WHERE id = 1), 'Spring views', '2026-11-08', 5, '2026-11-08T09:00:00Z', '2026-11-08T09:00:00Z');
INSERT INTO view_round_element (round_id, position, element_key, easy_read) VALUES (2, 1, '1i', 'Do we listen?');
INSERT INTO view_link (id, round_id, partner_group, group_name, token_hash, created_at) VALUES (3, 2, 'cyp', '', 'th-link', '2026-11-08T09:00:00Z');
INSERT INTO view_response (id, round_id, link_id, cookie_hash, started_at, submitted_at) VALUES (4, 2, 3, 'th-cookie', '2026-11-08T10:00:00Z', '2026-11-08T10:10:00Z');
INSERT INTO view_answer (response_id, element_key, rating, good, better, updated_at) VALUES (4, '1i', 3, 'They ask us 😊', NULL, '2026-11-08T10:10:00Z');
INSERT INTO view_agreed (round_id, element_key, agreed, with_cyp, agreed_by, created_at, updated_at) VALUES (2, '1i', 'Agreed: more clubs', 1, 5, '2026-11-09T09:00:00Z', '2026-11-09T09:00:00Z');
INSERT INTO view_you_said (you_said_id, round_id, response_id, element_key) VALUES (1, 2, 4, '1i');
UPDATE reading SET value = 0.1 + 0.2 WHERE id = (SELECT MIN(id) FROM reading);
-- Half the revision log folded into the counters, as copro serve's
-- housekeeping folds it (store/revision.c), so that both hold rows.
CREATE TEMP TABLE folded AS SELECT * FROM revision_change WHERE id <= (SELECT MAX(id) / 2 FROM revision_change);
INSERT INTO org_revision (organisation_id, n) SELECT organisation_id, COUNT(*) FROM folded
 WHERE organisation_id IS NOT NULL GROUP BY organisation_id
 ON CONFLICT (organisation_id) DO UPDATE SET n = org_revision.n + excluded.n;
INSERT INTO area_revision (area_id, n) SELECT area_id, COUNT(*) FROM folded
 WHERE area_id IS NOT NULL GROUP BY area_id ON CONFLICT (area_id) DO UPDATE SET n = area_revision.n + excluded.n;
DELETE FROM revision_change WHERE id IN (SELECT id FROM folded);
