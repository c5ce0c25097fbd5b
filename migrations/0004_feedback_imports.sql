CREATE TABLE `feedback_imports` (
	`audit_id` integer PRIMARY KEY NOT NULL,
	`first_id` integer NOT NULL,
	`last_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`rows` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_imports_first_unique` ON `feedback_imports` (`first_id`);