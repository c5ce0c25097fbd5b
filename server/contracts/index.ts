// Every API contract, for web/ and the routes alike.
export * from './common.js';
export * from './session.js';
export * from './themes.js';
export * from './settings.js';
