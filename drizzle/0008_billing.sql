CREATE TABLE `adjustments` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`charge_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`date` text NOT NULL,
	`reason` text NOT NULL,
	`sliding_scale_id` text,
	`invoice_id` text,
	`voided_at` text,
	`void_reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`sliding_scale_id`) REFERENCES `sliding_scales`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `adjustments_client_idx` ON `adjustments` (`client_id`,`date`);--> statement-breakpoint
CREATE INDEX `adjustments_charge_idx` ON `adjustments` (`charge_id`);--> statement-breakpoint
CREATE INDEX `adjustments_invoice_idx` ON `adjustments` (`invoice_id`,`voided_at`,`amount_cents`) WHERE invoice_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`charge_id` text NOT NULL,
	`client_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`voided_at` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `allocations_payment_idx` ON `allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `allocations_invoice_idx` ON `allocations` (`invoice_id`,`voided_at`,`amount_cents`);--> statement-breakpoint
CREATE INDEX `allocations_charge_idx` ON `allocations` (`charge_id`);--> statement-breakpoint
CREATE INDEX `allocations_client_idx` ON `allocations` (`client_id`);--> statement-breakpoint
CREATE TABLE `billing_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`hold_until_signed` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `charges` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`session_id` text,
	`fee_item_id` text,
	`event` text,
	`date_of_service` text NOT NULL,
	`code` text NOT NULL,
	`modifiers` text NOT NULL,
	`description` text NOT NULL,
	`units` integer NOT NULL,
	`unit_fee_cents` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`place_of_service` text NOT NULL,
	`rendering_user_id` text,
	`diagnosis_ids` text NOT NULL,
	`held` integer NOT NULL,
	`invoice_id` text,
	`voided_at` text,
	`void_reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`fee_item_id`) REFERENCES `fee_items`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`rendering_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `charges_client_idx` ON `charges` (`client_id`,`date_of_service`);--> statement-breakpoint
CREATE INDEX `charges_session_idx` ON `charges` (`session_id`) WHERE session_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `charges_invoice_idx` ON `charges` (`invoice_id`) WHERE invoice_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `charges_unbilled_idx` ON `charges` (`date_of_service`) WHERE invoice_id IS NULL AND voided_at IS NULL;--> statement-breakpoint
CREATE TABLE `fee_defaults` (
	`id` text PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`position` integer NOT NULL,
	`fee_item_id` text NOT NULL,
	`units` integer NOT NULL,
	FOREIGN KEY (`fee_item_id`) REFERENCES `fee_items`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fee_defaults_event_position_uq` ON `fee_defaults` (`event`,`position`);--> statement-breakpoint
CREATE TABLE `fee_items` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`modifiers` text NOT NULL,
	`description` text NOT NULL,
	`unit_fee_cents` integer NOT NULL,
	`min_fee_cents` integer,
	`max_fee_cents` integer,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fee_items_code_idx` ON `fee_items` (`code`);--> statement-breakpoint
CREATE TABLE `invoice_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`charge_id` text NOT NULL,
	`position` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_lines_invoice_charge_uq` ON `invoice_lines` (`invoice_id`,`charge_id`);--> statement-breakpoint
CREATE INDEX `invoice_lines_charge_idx` ON `invoice_lines` (`charge_id`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`status` text NOT NULL,
	`issued_on` text,
	`total_cents` integer NOT NULL,
	`settled` integer DEFAULT false NOT NULL,
	`note` text,
	`voided_at` text,
	`void_reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_uq` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_year_seq_uq` ON `invoices` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `invoices_client_idx` ON `invoices` (`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `invoices_open_idx` ON `invoices` (`issued_on`) WHERE status = 'issued' AND settled = 0;--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`received_on` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`method` text NOT NULL,
	`reference` text,
	`note` text,
	`voided_at` text,
	`void_reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `payments_client_idx` ON `payments` (`client_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `payments_received_idx` ON `payments` (`received_on`);--> statement-breakpoint
CREATE TABLE `provider_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`npi` text NOT NULL,
	`license_number` text NOT NULL,
	`license_state` text NOT NULL,
	`taxonomy_code` text,
	`credentials` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `sliding_scales` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`mode` text NOT NULL,
	`percent_bp` integer,
	`fixed_cents` integer,
	`reason` text NOT NULL,
	`starts_on` text NOT NULL,
	`ended_on` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `sliding_scales_client_idx` ON `sliding_scales` (`client_id`,`starts_on`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `rendering_user_id` text REFERENCES users(id);