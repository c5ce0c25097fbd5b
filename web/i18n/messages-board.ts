// Staff app strings for the Corporate Parenting Board (dashboard, meetings, board pack). Merged into the catalogue in messages.ts.
export const boardMessages = {} as const;
