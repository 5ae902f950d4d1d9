CREATE TABLE `practice` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_name` text NOT NULL,
	`provider_name` text NOT NULL,
	`provider_credentials` text NOT NULL,
	`individual_npi` text NOT NULL,
	`organization_npi` text,
	`ein` text NOT NULL,
	`license_number` text NOT NULL,
	`license_state` text NOT NULL,
	`address_line1` text NOT NULL,
	`address_line2` text,
	`city` text NOT NULL,
	`state` text NOT NULL,
	`postal_code` text NOT NULL,
	`phone` text NOT NULL,
	`default_place_of_service` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`legal_first_name` text NOT NULL,
	`legal_middle_name` text,
	`legal_last_name` text NOT NULL,
	`suffix` text,
	`preferred_name` text,
	`pronouns` text,
	`date_of_birth` text NOT NULL,
	`sex` text NOT NULL,
	`email` text,
	`phone` text,
	`address_line1` text,
	`address_line2` text,
	`city` text,
	`state` text,
	`postal_code` text,
	`emergency_contact_name` text,
	`emergency_contact_relationship` text,
	`emergency_contact_phone` text,
	`escort_name` text,
	`escort_relationship` text,
	`escort_phone` text,
	`prescriber_name` text,
	`prescriber_npi` text,
	`prescriber_phone` text,
	`referral_source` text,
	`status` text NOT NULL,
	`intake_date` text,
	`notes` text,
	`sort_name` text NOT NULL,
	`search_text` text NOT NULL,
	`archived_at` text,
	`archive_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `clients_sort_name_idx` ON `clients` (`sort_name`);--> statement-breakpoint
CREATE INDEX `clients_dob_idx` ON `clients` (`date_of_birth`);--> statement-breakpoint
CREATE INDEX `clients_status_idx` ON `clients` (`status`,`sort_name`);--> statement-breakpoint
CREATE INDEX `clients_intake_idx` ON `clients` (`intake_date`);--> statement-breakpoint
CREATE INDEX `clients_updated_idx` ON `clients` (`updated_at`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`version` text NOT NULL,
	`signed_on` text NOT NULL,
	`witness` text,
	`notes` text,
	`revoked_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `consents_client_idx` ON `consents` (`client_id`);--> statement-breakpoint
CREATE TABLE `diagnoses` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`code` text NOT NULL,
	`description` text,
	`position` integer NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	`added_at` text NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `diagnoses_client_idx` ON `diagnoses` (`client_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `diagnoses_current_code_uq` ON `diagnoses` (`client_id`,`code`) WHERE removed_at IS NULL;--> statement-breakpoint
CREATE TABLE `insurance_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`rank` text NOT NULL,
	`payer_name` text NOT NULL,
	`payer_id` text,
	`member_id` text NOT NULL,
	`group_number` text,
	`relationship` text NOT NULL,
	`subscriber_name` text,
	`subscriber_date_of_birth` text,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `insurance_client_idx` ON `insurance_policies` (`client_id`);--> statement-breakpoint
CREATE TABLE `screening_items` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`item_key` text NOT NULL,
	`answer` text NOT NULL,
	`note` text,
	`reviewed_by` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`superseded_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `screening_client_idx` ON `screening_items` (`client_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `screening_current_uq` ON `screening_items` (`client_id`,`item_key`) WHERE superseded_at IS NULL;