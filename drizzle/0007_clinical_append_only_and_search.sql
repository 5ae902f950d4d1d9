-- Signed notes never change, and no note is ever deleted: corrections are addenda, which are
-- append-only. These triggers hold whatever path writes (the app, a script, a SQL shell).
-- (A DROP TABLE drops them too: a migration that rebuilds notes or note_addenda must recreate them.)
CREATE TRIGGER `notes_signed_no_update` BEFORE UPDATE ON `notes`
WHEN OLD.`signed_at` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a signed note cannot be changed');
END;
--> statement-breakpoint
-- Signing stores the content hash in the same statement: a signature without it is refused.
CREATE TRIGGER `notes_sign_needs_hash` BEFORE UPDATE OF `signed_at` ON `notes`
WHEN NEW.`signed_at` IS NOT NULL AND (NEW.`content_hash` IS NULL OR NEW.`signer_name` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'a signature needs its signer and content hash');
END;
--> statement-breakpoint
CREATE TRIGGER `notes_no_delete` BEFORE DELETE ON `notes`
BEGIN
  SELECT RAISE(ABORT, 'notes are never deleted');
END;
--> statement-breakpoint
-- INSERT OR REPLACE deletes the row it collides with without firing DELETE triggers (unless
-- recursive_triggers is on), so an insert that would replace a row is refused before it runs.
CREATE TRIGGER `notes_no_replace` BEFORE INSERT ON `notes`
WHEN EXISTS (SELECT 1 FROM `notes` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'notes are never replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `note_addenda_no_update` BEFORE UPDATE ON `note_addenda`
BEGIN
  SELECT RAISE(ABORT, 'addenda are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `note_addenda_no_delete` BEFORE DELETE ON `note_addenda`
BEGIN
  SELECT RAISE(ABORT, 'addenda are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `note_addenda_no_replace` BEFORE INSERT ON `note_addenda`
WHEN EXISTS (SELECT 1 FROM `note_addenda` WHERE `id` = NEW.`id` OR (`note_id` = NEW.`note_id` AND `position` = NEW.`position`))
BEGIN
  SELECT RAISE(ABORT, 'addenda are append-only');
END;
--> statement-breakpoint
-- Full-text search over note content: an external-content FTS5 index on note_search (the body's
-- text and the addenda, written by the notes service, and the client as one token for a chart's
-- search). unicode61 with remove_diacritics 2 folds case and accents ("Jose" finds "José"); the
-- prefix indexes serve the short prefixes search-as-you-type makes ("ke", "ket"). The triggers
-- below keep the index in step with note_search on every insert, update and delete.
CREATE VIRTUAL TABLE `note_fts` USING fts5(
  `content`,
  `client_key`,
  content = 'note_search',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `note_search_ai` AFTER INSERT ON `note_search`
BEGIN
  INSERT INTO `note_fts` (rowid, `content`, `client_key`) VALUES (NEW.`id`, NEW.`content`, NEW.`client_key`);
END;
--> statement-breakpoint
CREATE TRIGGER `note_search_ad` AFTER DELETE ON `note_search`
BEGIN
  INSERT INTO `note_fts` (`note_fts`, rowid, `content`, `client_key`) VALUES ('delete', OLD.`id`, OLD.`content`, OLD.`client_key`);
END;
--> statement-breakpoint
CREATE TRIGGER `note_search_au` AFTER UPDATE ON `note_search`
BEGIN
  INSERT INTO `note_fts` (`note_fts`, rowid, `content`, `client_key`) VALUES ('delete', OLD.`id`, OLD.`content`, OLD.`client_key`);
  INSERT INTO `note_fts` (rowid, `content`, `client_key`) VALUES (NEW.`id`, NEW.`content`, NEW.`client_key`);
END;
--> statement-breakpoint
-- INSERT OR REPLACE would drop a row without the delete trigger and leave a stale index entry.
CREATE TRIGGER `note_search_no_replace` BEFORE INSERT ON `note_search`
WHEN EXISTS (SELECT 1 FROM `note_search` WHERE `id` = NEW.`id` OR `note_id` = NEW.`note_id`)
BEGIN
  SELECT RAISE(ABORT, 'note_search rows are updated, never replaced');
END;
