ALTER TABLE `clients` ADD `single_legal_name` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `note_search` ADD `folded` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- note_fts gains the `folded` column (note_search.folded): FTS5 cannot add a column, so the index
-- and its triggers are made again and rebuilt from note_search. The JS backfill that runs once
-- after this file (src/main/db/backfills.ts) fills note_search.folded and recomputes every
-- client's sort_name and search_text with the new fold; the triggers keep the index in step.
DROP TRIGGER `note_search_ai`;
--> statement-breakpoint
DROP TRIGGER `note_search_ad`;
--> statement-breakpoint
DROP TRIGGER `note_search_au`;
--> statement-breakpoint
DROP TABLE `note_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `note_fts` USING fts5(
  `content`,
  `client_key`,
  `folded`,
  content = 'note_search',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `note_fts` (`note_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `note_search_ai` AFTER INSERT ON `note_search`
BEGIN
  INSERT INTO `note_fts` (rowid, `content`, `client_key`, `folded`) VALUES (NEW.`id`, NEW.`content`, NEW.`client_key`, NEW.`folded`);
END;
--> statement-breakpoint
CREATE TRIGGER `note_search_ad` AFTER DELETE ON `note_search`
BEGIN
  INSERT INTO `note_fts` (`note_fts`, rowid, `content`, `client_key`, `folded`) VALUES ('delete', OLD.`id`, OLD.`content`, OLD.`client_key`, OLD.`folded`);
END;
--> statement-breakpoint
CREATE TRIGGER `note_search_au` AFTER UPDATE ON `note_search`
BEGIN
  INSERT INTO `note_fts` (`note_fts`, rowid, `content`, `client_key`, `folded`) VALUES ('delete', OLD.`id`, OLD.`content`, OLD.`client_key`, OLD.`folded`);
  INSERT INTO `note_fts` (rowid, `content`, `client_key`, `folded`) VALUES (NEW.`id`, NEW.`content`, NEW.`client_key`, NEW.`folded`);
END;
