// Staff app strings for staff-side kiosk tools (reading age, Welsh parity, rating sessions). Merged into the catalogue in messages.ts.
export const kioskAdminMessages = {} as const;
