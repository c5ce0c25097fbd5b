// The one reusable form controller: a form's busy flag, its field errors and its form-wide
// message, a submit wrapper that sets and clears them, and the error summary. An ApiError's
// field problems (paths like `dueDate` or `dueDate.year`) go against the form's known fields;
// when none matches, the problem's own message (or "no connection") is the form-wide message.
// What a 409 means differs by page (show their version, reload, …), so the page says it.
//
// Use:
//   private form = new FormController(this, { fields: FIELDS, labels: LABEL, onConflict: (err) => … });
//   await this.form.submit(async () => { await api.patch(…); navigate(…); });
//   html`<pt-error-summary .errors=${this.form.summary()}></pt-error-summary>
//        <pt-text-field error=${this.form.errors.name ?? ''}></pt-text-field>
//        <button ?disabled=${this.form.busy}>…</button>`
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ApiError } from '../api/client.js';
import { t, type MessageKey } from '../i18n/messages.js';
import type { SummaryError } from '../components/pt-error-summary.js';
import type { SummaryRow } from '../components/pt-summary-list.js';
import '../components/pt-notification-banner.js';
import '../components/pt-summary-list.js';

/** The banner a form shows after a 409: someone else changed this, and here is their version. */
/** A form's fields as strings, in the page's field order (a missing field reads as ''). */
export function readDraft<F extends string>(form: HTMLFormElement, fields: readonly F[]): Record<F, string> {
  const data = new FormData(form);
  const draft = {} as Record<F, string>;
  for (const f of fields) draft[f] = String(data.get(f) ?? '');
  return draft;
}

/** People as select options, named with their job title so two people of one name can be told apart. */
export function personOptions(people: readonly { id: number; name: string; jobTitle: string }[]) {
  return people.map((u) => ({ value: String(u.id), label: u.jobTitle ? `${u.name} (${u.jobTitle})` : u.name }));
}

/**
 * Who an owner picker offers: enabled people marked "can own actions" (the API refuses anyone
 * else), and the current owner, who stays listed so an edit does not silently drop them.
 */
export function actionOwners<P extends { id: number; disabled: boolean; canOwnActions: boolean }>(
  people: readonly P[],
  currentOwnerId: number | null | undefined,
): P[] {
  return people.filter((p) => p.id === currentOwnerId || (!p.disabled && p.canOwnActions));
}

export function theirVersionBanner(rows: SummaryRow[]) {
  return html`<pt-notification-banner
    heading=${t('form.conflictTitle')}
    text=${t('form.conflictBody')}
    .content=${html`<h3 class="govuk-heading-s">${t('form.theirVersion')}</h3>
      <pt-summary-list .rows=${rows}></pt-summary-list>`}
  ></pt-notification-banner>`;
}

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type FormControllerOptions<F extends string> = {
  /** The form's fields in form order, which is also the error summary's order. */
  fields: readonly F[];
  /** Each field's label, which starts its line in the error summary. */
  labels: Record<F, MessageKey>;
  /**
   * Called for a 409 (someone else saved first). Return true when the page has dealt with it;
   * false (or no callback) treats it as any other problem.
   */
  onConflict?: (err: ApiError) => boolean;
  /** Called with the field errors a failed request put against the form's fields, before they show. */
  onFieldErrors?: (errors: FieldErrors<F>) => void;
};

export class FormController<F extends string> implements ReactiveController {
  private fieldErrors: FieldErrors<F> = {};
  private message = '';
  private saving = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FormControllerOptions<F>,
  ) {
    host.addController(this);
  }

  hostConnected() {}

  /** Each field's message, for its `error` attribute. */
  get errors(): FieldErrors<F> {
    return this.fieldErrors;
  }
  set errors(errors: FieldErrors<F>) {
    this.fieldErrors = errors;
    this.host.requestUpdate();
  }

  /** A message for the whole form (no field matched, no connection, a 409 explained). */
  get formError(): string {
    return this.message;
  }
  set formError(message: string) {
    this.message = message;
    this.host.requestUpdate();
  }

  /** True while a submit runs: the page disables its save button. */
  get busy(): boolean {
    return this.saving;
  }

  /** Clears the field errors and the form-wide message. */
  clear() {
    this.fieldErrors = {};
    this.message = '';
    this.host.requestUpdate();
  }

  /**
   * Clears the errors, marks the form busy and runs `run` (the request and what follows a
   * success); a failure is shown against the form. Resolves when all is done, never rejects.
   */
  async submit(run: () => Promise<unknown>): Promise<void> {
    this.clear();
    this.saving = true;
    try {
      await run();
    } catch (err) {
      this.showError(err);
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  /** Shows a failed request's problems against the form's fields, or as the form-wide message. */
  showError(err: unknown) {
    if (!(err instanceof ApiError)) {
      this.formError = t('error.generic');
      return;
    }
    if (err.status === 409 && this.options.onConflict?.(err)) return;
    const errors: FieldErrors<F> = {};
    for (const [path, message] of Object.entries(err.fieldErrors)) {
      const field = this.options.fields.find((f) => path === f || path.startsWith(`${f}.`));
      if (field) errors[field] ??= message;
    }
    this.options.onFieldErrors?.(errors);
    this.errors = errors;
    if (!Object.keys(errors).length) this.formError = err.status === 0 ? t('error.network') : err.message;
  }

  /** The error summary: each field's message after its label, then the form-wide message. */
  summary(): SummaryError[] {
    const { fields, labels } = this.options;
    const list = fields
      .filter((f) => this.fieldErrors[f])
      .map((f) => ({ fieldId: `f-${f}`, message: `${t(labels[f])}: ${this.fieldErrors[f]}` }));
    // The form-wide message links to the first field, where the user starts again.
    if (this.message) list.push({ fieldId: `f-${fields[0]}`, message: this.message });
    return list;
  }
}
