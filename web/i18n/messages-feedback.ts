// Staff app strings for participation workers (feedback, moderation, waiting list, loop measures). Merged into the catalogue in messages.ts.
export const feedbackMessages = {} as const;
