// Every API contract, for web/ and the routes alike.
export * from './common.js';
export * from './session.js';
export * from './themes.js';
export * from './feedback.js';
export * from './forum-sessions.js';
export * from './promises.js';
export * from './settings.js';
export * from './commitments.js';
export * from './measures.js';
export * from './evidence.js';
export * from './my-actions.js';
export * from './users.js';
export * from './audit.js';
export * from './board.js';
export * from './board-pack.js';
export * from './public.js';
export * from './rating-sessions.js';
