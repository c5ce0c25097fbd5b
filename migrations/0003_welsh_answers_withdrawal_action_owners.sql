ALTER TABLE `feedback` ADD `response_text_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `cant_reason_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `withdrawn_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `withdrawn_at` text;--> statement-breakpoint
ALTER TABLE `feedback` ADD `withdrawn_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `users` ADD `can_own_actions` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Today's rule, made explicit: owners and admins may own actions.
UPDATE `users` SET `can_own_actions` = 1 WHERE `role` IN ('owner', 'admin');
