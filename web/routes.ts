// The staff app's pages: each address, who may open it, its view (most loaded on first visit),
// and the main navigation's sections. pt-app.ts shows the page for the current address.
import { html, type TemplateResult } from 'lit';
import type { WordEntity } from '../server/contracts/index.js';
import type { Section } from './session.js';
import { t } from './i18n/messages.js';
import './views/pt-sign-in-page.js';
import './views/pt-session-ended-page.js';

/** Pages that are loaded on first visit, to keep the initial bundle small. */
const lazy = {
  promises: () => import('./views/pt-promises-page.js'),
  promise: () => import('./views/pt-promise-page.js'),
  promiseForm: () => import('./views/pt-promise-form-page.js'),
  themeForm: () => import('./views/pt-theme-form-page.js'),
  admin: () => import('./views/pt-admin-page.js'),
  actions: () => import('./views/pt-actions-page.js'),
  actionsUpdate: () => import('./views/pt-actions-update-page.js'),
  actionsOverview: () => import('./views/pt-actions-overview-page.js'),
  measure: () => import('./views/pt-measure-page.js'),
  measureImport: () => import('./views/pt-measure-import-page.js'),
  evidence: () => import('./views/pt-evidence-page.js'),
  feedback: () => import('./views/pt-feedback-page.js'),
  feedbackSession: () => import('./views/pt-feedback-session-page.js'),
  feedbackWaiting: () => import('./views/pt-feedback-waiting-page.js'),
  feedbackImport: () => import('./views/pt-feedback-import-page.js'),
  feedbackMeasures: () => import('./views/pt-feedback-measures-page.js'),
  feedbackSheet: () => import('./views/pt-feedback-sheet-page.js'),
  feedbackItem: () => import('./views/pt-feedback-item-page.js'),
  commitmentForm: () => import('./views/pt-commitment-form-page.js'),
  measureForm: () => import('./views/pt-measure-form-page.js'),
};

export type Route = {
  pattern: string;
  /** Who may open it: 'public' (signed out too) or the section it belongs to. */
  section: Section | 'public';
  adminOnly?: boolean;
  load?: () => Promise<unknown>;
  view: (params: Record<string, string>) => TemplateResult;
};

export const ROUTES: Route[] = [
  { pattern: '/sign-in', section: 'public', view: () => html`<pt-sign-in-page></pt-sign-in-page>` },
  { pattern: '/session-ended', section: 'public', view: () => html`<pt-session-ended-page></pt-session-ended-page>` },
  {
    pattern: '/forgot-password',
    section: 'public',
    load: () => import('./views/pt-forgot-password-page.js'),
    view: () => html`<pt-forgot-password-page></pt-forgot-password-page>`,
  },
  {
    pattern: '/reset-password',
    section: 'public',
    load: () => import('./views/pt-set-password-page.js'),
    view: () => html`<pt-set-password-page purpose="reset"></pt-set-password-page>`,
  },
  {
    pattern: '/invitation',
    section: 'public',
    load: () => import('./views/pt-set-password-page.js'),
    view: () => html`<pt-set-password-page purpose="invitation"></pt-set-password-page>`,
  },
  {
    pattern: '/promises',
    section: 'promises',
    load: lazy.promises,
    view: () => html`<pt-promises-page></pt-promises-page>`,
  },
  {
    pattern: '/promises/new',
    section: 'promises',
    adminOnly: true,
    load: lazy.promiseForm,
    view: () => html`<pt-promise-form-page></pt-promise-form-page>`,
  },
  {
    pattern: '/promises/:id',
    section: 'promises',
    load: lazy.promise,
    view: (p) => html`<pt-promise-page .promiseId=${Number(p.id)}></pt-promise-page>`,
  },
  {
    pattern: '/promises/:id/edit',
    section: 'promises',
    adminOnly: true,
    load: lazy.promiseForm,
    view: (p) => html`<pt-promise-form-page .promiseId=${Number(p.id)}></pt-promise-form-page>`,
  },
  {
    pattern: '/promises/:id/commitments/new',
    // Admins, and owners on promises they lead: the API refuses anyone else.
    section: 'promises',
    load: lazy.commitmentForm,
    view: (p) => html`<pt-commitment-form-page .promiseId=${Number(p.id)}></pt-commitment-form-page>`,
  },
  {
    pattern: '/promises/:id/measures/new',
    section: 'promises',
    adminOnly: true,
    load: lazy.measureForm,
    view: (p) => html`<pt-measure-form-page .promiseId=${Number(p.id)}></pt-measure-form-page>`,
  },
  {
    pattern: '/feedback',
    section: 'feedback',
    load: lazy.feedback,
    view: () => html`<pt-feedback-page></pt-feedback-page>`,
  },
  {
    pattern: '/feedback/sessions/new',
    section: 'feedback',
    load: lazy.feedbackSession,
    view: () => html`<pt-feedback-session-page></pt-feedback-session-page>`,
  },
  {
    pattern: '/feedback/sessions/:id',
    section: 'feedback',
    load: () => import('./views/pt-feedback-worklist-page.js'),
    view: (p) => html`<pt-feedback-worklist-page .sessionId=${Number(p.id)}></pt-feedback-worklist-page>`,
  },
  {
    pattern: '/feedback/waiting',
    section: 'feedback',
    load: lazy.feedbackWaiting,
    view: () => html`<pt-feedback-waiting-page></pt-feedback-waiting-page>`,
  },
  {
    pattern: '/feedback/import',
    section: 'feedback',
    load: lazy.feedbackImport,
    view: () => html`<pt-feedback-import-page></pt-feedback-import-page>`,
  },
  {
    pattern: '/feedback/measures',
    section: 'feedback',
    load: lazy.feedbackMeasures,
    view: () => html`<pt-feedback-measures-page></pt-feedback-measures-page>`,
  },
  {
    pattern: '/feedback/you-said-we-did',
    section: 'feedback',
    load: lazy.feedbackSheet,
    view: () => html`<pt-feedback-sheet-page></pt-feedback-sheet-page>`,
  },
  {
    pattern: '/feedback/approvals',
    section: 'feedback',
    load: () => import('./views/pt-feedback-approvals-page.js'),
    view: () => html`<pt-feedback-approvals-page></pt-feedback-approvals-page>`,
  },
  {
    pattern: '/feedback/approvals/:entity/:id',
    section: 'feedback',
    load: () => import('./views/pt-words-review-page.js'),
    view: (p) =>
      html`<pt-words-review-page .entity=${p.entity as WordEntity} .recordId=${Number(p.id)}></pt-words-review-page>`,
  },
  {
    pattern: '/feedback/:id',
    section: 'feedback',
    load: lazy.feedbackItem,
    view: (p) => html`<pt-feedback-item-page .feedbackId=${Number(p.id)}></pt-feedback-item-page>`,
  },
  {
    pattern: '/actions',
    section: 'actions',
    load: lazy.actions,
    view: () => html`<pt-actions-page></pt-actions-page>`,
  },
  {
    pattern: '/actions/overview',
    section: 'actions',
    adminOnly: true,
    load: lazy.actionsOverview,
    view: () => html`<pt-actions-overview-page></pt-actions-overview-page>`,
  },
  {
    pattern: '/actions/commitments/:id',
    section: 'actions',
    load: lazy.actionsUpdate,
    view: (p) => html`<pt-actions-update-page .commitmentId=${Number(p.id)}></pt-actions-update-page>`,
  },
  {
    pattern: '/actions/measures/:id',
    section: 'actions',
    load: lazy.measure,
    view: (p) => html`<pt-measure-page .measureId=${Number(p.id)}></pt-measure-page>`,
  },
  {
    pattern: '/actions/measures/:id/import',
    section: 'actions',
    load: lazy.measureImport,
    view: (p) => html`<pt-measure-import-page .measureId=${Number(p.id)}></pt-measure-import-page>`,
  },
  {
    pattern: '/actions/commitments/:id/edit',
    section: 'actions',
    adminOnly: true,
    load: lazy.commitmentForm,
    view: (p) => html`<pt-commitment-form-page .commitmentId=${Number(p.id)}></pt-commitment-form-page>`,
  },
  {
    pattern: '/actions/measures/:id/edit',
    section: 'actions',
    adminOnly: true,
    load: lazy.measureForm,
    view: (p) => html`<pt-measure-form-page .measureId=${Number(p.id)}></pt-measure-form-page>`,
  },
  {
    pattern: '/actions/promises/:id/evidence',
    section: 'actions',
    load: lazy.evidence,
    view: (p) => html`<pt-evidence-page .promiseId=${Number(p.id)}></pt-evidence-page>`,
  },
  {
    pattern: '/board',
    section: 'board',
    load: () => import('./views/pt-board-page.js'),
    view: () => html`<pt-board-page></pt-board-page>`,
  },
  {
    pattern: '/board/rules',
    section: 'board',
    load: () => import('./views/pt-rag-rules-page.js'),
    view: () => html`<pt-rag-rules-page></pt-rag-rules-page>`,
  },
  {
    pattern: '/board/meetings/new',
    section: 'board',
    load: () => import('./views/pt-board-meeting-form-page.js'),
    view: () => html`<pt-board-meeting-form-page></pt-board-meeting-form-page>`,
  },
  {
    pattern: '/board/meetings/:id',
    section: 'board',
    load: () => import('./views/pt-board-meeting-page.js'),
    view: (p) => html`<pt-board-meeting-page .meetingId=${Number(p.id)}></pt-board-meeting-page>`,
  },
  {
    pattern: '/board/packs/:id',
    section: 'board',
    load: () => import('./views/pt-board-pack-page.js'),
    view: (p) => html`<pt-board-pack-page .packId=${Number(p.id)}></pt-board-pack-page>`,
  },
  {
    // /kiosk itself is the children's kiosk (its own page, no sign-in); staff tools live here.
    pattern: '/admin/kiosk',
    section: 'kiosk',
    load: () => import('./views/pt-kiosk-admin-page.js'),
    view: () => html`<pt-kiosk-admin-page></pt-kiosk-admin-page>`,
  },
  { pattern: '/admin', section: 'admin', load: lazy.admin, view: () => html`<pt-admin-page></pt-admin-page>` },
  {
    pattern: '/admin/settings',
    section: 'admin',
    load: () => import('./views/pt-admin-settings-page.js'),
    view: () => html`<pt-admin-settings-page></pt-admin-settings-page>`,
  },
  {
    pattern: '/admin/users',
    section: 'admin',
    load: () => import('./views/pt-admin-users-page.js'),
    view: () => html`<pt-admin-users-page></pt-admin-users-page>`,
  },
  {
    pattern: '/admin/users/new',
    section: 'admin',
    load: () => import('./views/pt-admin-users-page.js'),
    view: () => html`<pt-admin-users-page mode="new"></pt-admin-users-page>`,
  },
  {
    pattern: '/admin/users/invite',
    section: 'admin',
    load: () => import('./views/pt-admin-invite-page.js'),
    view: () => html`<pt-admin-invite-page></pt-admin-invite-page>`,
  },
  {
    pattern: '/admin/sign-in',
    section: 'admin',
    load: () => import('./views/pt-admin-sign-in-page.js'),
    view: () => html`<pt-admin-sign-in-page></pt-admin-sign-in-page>`,
  },
  {
    pattern: '/admin/outbox',
    section: 'admin',
    load: () => import('./views/pt-admin-outbox-page.js'),
    view: () => html`<pt-admin-outbox-page></pt-admin-outbox-page>`,
  },
  {
    pattern: '/admin/users/:id',
    section: 'admin',
    load: () => import('./views/pt-admin-users-page.js'),
    view: (p) => html`<pt-admin-users-page mode="edit" .userId=${Number(p.id)}></pt-admin-users-page>`,
  },
  {
    pattern: '/admin/audit',
    section: 'admin',
    load: () => import('./views/pt-admin-audit-page.js'),
    view: () => html`<pt-admin-audit-page></pt-admin-audit-page>`,
  },
  {
    pattern: '/my/notifications',
    section: 'promises',
    load: () => import('./views/pt-my-notifications-page.js'),
    view: () => html`<pt-my-notifications-page></pt-my-notifications-page>`,
  },
  {
    pattern: '/update',
    section: 'public',
    load: () => import('./views/pt-update-link-page.js'),
    view: () => html`<pt-update-link-page></pt-update-link-page>`,
  },
  {
    pattern: '/admin/themes/new',
    section: 'admin',
    load: lazy.themeForm,
    view: () => html`<pt-theme-form-page></pt-theme-form-page>`,
  },
  {
    pattern: '/admin/themes/:id/edit',
    section: 'admin',
    load: lazy.themeForm,
    view: (p) => html`<pt-theme-form-page .themeId=${Number(p.id)}></pt-theme-form-page>`,
  },
];

export const NAV: { section: Section; href: string; label: () => string }[] = [
  { section: 'promises', href: '/promises', label: () => t('nav.promises') },
  { section: 'feedback', href: '/feedback', label: () => t('nav.feedback') },
  { section: 'actions', href: '/actions', label: () => t('nav.actions') },
  { section: 'board', href: '/board', label: () => t('nav.board') },
  { section: 'kiosk', href: '/admin/kiosk', label: () => t('nav.kiosk') },
  { section: 'admin', href: '/admin', label: () => t('nav.admin') },
];
