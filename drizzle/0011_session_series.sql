CREATE TABLE `session_series` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`interval_weeks` integer NOT NULL,
	`first_date` text NOT NULL,
	`until_date` text,
	`occurrences` integer,
	`start_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `session_series_client_idx` ON `session_series` (`client_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `series_id` text REFERENCES session_series(id);--> statement-breakpoint
CREATE INDEX `sessions_series_idx` ON `sessions` (`series_id`,`date`) WHERE series_id IS NOT NULL;--> statement-breakpoint
-- A series is part of the clinical record (its sessions point to it): never deleted; a cancelled
-- series keeps its row and its sessions are marked cancelled.
CREATE TRIGGER `session_series_no_delete` BEFORE DELETE ON `session_series`
BEGIN
  SELECT RAISE(ABORT, 'session_series rows are never deleted');
END;
