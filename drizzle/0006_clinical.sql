CREATE TABLE `courses` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`template_key` text NOT NULL,
	`name` text NOT NULL,
	`protocol` text NOT NULL,
	`started_on` text NOT NULL,
	`status` text NOT NULL,
	`ended_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `courses_client_idx` ON `courses` (`client_id`,`started_on`);--> statement-breakpoint
CREATE TABLE `measures` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`answers` text NOT NULL,
	`total` integer NOT NULL,
	`band` text NOT NULL,
	`safety_flag` integer NOT NULL,
	`administered_on` text NOT NULL,
	`session_id` text,
	`note_id` text,
	`acknowledged_at` text,
	`acknowledged_by` text,
	`voided_at` text,
	`void_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `measures_client_idx` ON `measures` (`client_id`,`kind`,`administered_on`);--> statement-breakpoint
CREATE INDEX `measures_session_idx` ON `measures` (`session_id`) WHERE session_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `measures_note_idx` ON `measures` (`note_id`) WHERE note_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `measures_flag_idx` ON `measures` (`administered_on`) WHERE safety_flag = 1 AND voided_at IS NULL AND acknowledged_at IS NULL;--> statement-breakpoint
CREATE TABLE `note_addenda` (
	`id` text PRIMARY KEY NOT NULL,
	`note_id` text NOT NULL,
	`client_id` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`signed_at` text NOT NULL,
	`signed_by_user_id` text,
	`signer_name` text NOT NULL,
	`signer_credentials` text,
	`content_hash` text NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `note_addenda_position_uq` ON `note_addenda` (`note_id`,`position`);--> statement-breakpoint
CREATE TABLE `note_search` (
	`id` integer PRIMARY KEY NOT NULL,
	`note_id` text NOT NULL,
	`content` text NOT NULL,
	`client_key` text NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `note_search_note_uq` ON `note_search` (`note_id`);--> statement-breakpoint
CREATE TABLE `note_terms` (
	`term` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`client_id` text NOT NULL,
	`template` text NOT NULL,
	`body` text NOT NULL,
	`revision` integer NOT NULL,
	`signed_at` text,
	`signed_by_user_id` text,
	`signer_name` text,
	`signer_credentials` text,
	`content_hash` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `notes_session_idx` ON `notes` (`session_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notes_client_idx` ON `notes` (`client_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `notes_unsigned_idx` ON `notes` (`created_at`) WHERE signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`course_id` text,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`kind` text NOT NULL,
	`place_of_service` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `sessions_date_idx` ON `sessions` (`date`,`start_time`);--> statement-breakpoint
CREATE INDEX `sessions_client_date_idx` ON `sessions` (`client_id`,`date`,`start_time`,`created_at`);--> statement-breakpoint
CREATE INDEX `sessions_course_idx` ON `sessions` (`course_id`) WHERE course_id IS NOT NULL;