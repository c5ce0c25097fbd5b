CREATE TABLE `safeguarding_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feedback_id` integer NOT NULL,
	`author_id` integer,
	`written_at` text NOT NULL,
	`text` text NOT NULL,
	`erased_at` text,
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safeguarding_notes_feedback_idx` ON `safeguarding_notes` (`feedback_id`,`written_at`);--> statement-breakpoint
ALTER TABLE `settings` ADD `safeguarding_lead_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `safeguarding_lead_role` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `safeguarding_lead_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `safeguarding_lead_email` text DEFAULT '' NOT NULL;