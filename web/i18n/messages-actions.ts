// Staff app strings for action owners (my actions, quick update, evidence, measure charts). Merged into the catalogue in messages.ts.
export const actionsMessages = {} as const;
