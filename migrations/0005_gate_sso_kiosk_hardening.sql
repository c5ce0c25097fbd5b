CREATE TABLE `account_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_links_identity_unique` ON `account_links` (`issuer`,`subject`);--> statement-breakpoint
CREATE INDEX `account_links_user_idx` ON `account_links` (`user_id`);--> statement-breakpoint
CREATE TABLE `account_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_tokens_hash_unique` ON `account_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_tokens_user_idx` ON `account_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `word_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`state` text DEFAULT 'to_check' NOT NULL,
	`words` text,
	`findings` text DEFAULT '[]' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`first_by_id` integer,
	`first_at` text,
	`changed_by_id` integer,
	`changed_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`first_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `word_reviews_entity_unique` ON `word_reviews` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `word_reviews_state_idx` ON `word_reviews` (`state`);--> statement-breakpoint
ALTER TABLE `commitments` ADD `live_child_title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `commitments` ADD `live_child_title_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `commitments` ADD `live_child_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `commitments` ADD `live_child_update` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `commitments` ADD `live_child_update_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `live_public_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `live_response_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `live_cant_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `live_response_text_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `live_cant_reason_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `live_response` text;--> statement-breakpoint
ALTER TABLE `feedback` ADD `live_responded_on` text;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `request_hash` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `live_child_sentence` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `measures` ADD `live_child_sentence_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `promises` ADD `live_child_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `promises` ADD `live_child_text_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `rating_sessions` ADD `members` integer;--> statement-breakpoint
ALTER TABLE `settings` ADD `sso_group_roles` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `local_passwords` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `themes` ADD `live_child_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `themes` ADD `live_child_name_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `local_always` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Words a person already approved stay live: feedback approved for the kiosk, and the council's own
-- promise, theme and measure wording (written by admins).
UPDATE `feedback` SET `live_public_text` = `public_text`, `live_response_text` = `response_text`, `live_cant_reason` = `cant_reason`, `live_response_text_cy` = `response_text_cy`, `live_cant_reason_cy` = `cant_reason_cy`, `live_response` = `response`, `live_responded_on` = `responded_on` WHERE `publish_state` = 'approved' AND `safeguarding` = 0;--> statement-breakpoint
UPDATE `promises` SET `live_child_text` = `child_text`, `live_child_text_cy` = `child_text_cy`;--> statement-breakpoint
UPDATE `themes` SET `live_child_name` = `child_name`, `live_child_name_cy` = `child_name_cy`;--> statement-breakpoint
UPDATE `measures` SET `live_child_sentence` = `child_sentence`, `live_child_sentence_cy` = `child_sentence_cy`;--> statement-breakpoint
-- Commitments' children's words were never checked: they wait for a participation worker.
INSERT INTO `word_reviews` (`entity`, `entity_id`, `changed_at`) SELECT 'commitment', `id`, `updated_at` FROM `commitments` WHERE `child_title` <> '' OR `child_title_cy` <> '' OR `child_reason` <> '' OR `child_update` <> '' OR `child_update_cy` <> '';
