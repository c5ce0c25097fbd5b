CREATE TABLE `measure_promises` (
	`measure_id` integer NOT NULL,
	`promise_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`measure_id`, `promise_id`),
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`promise_id`) REFERENCES `promises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `measure_promises_promise_idx` ON `measure_promises` (`promise_id`);--> statement-breakpoint
ALTER TABLE `measures` ADD `council_wide` integer DEFAULT false NOT NULL;