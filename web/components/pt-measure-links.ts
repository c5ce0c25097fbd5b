// The promises a measure is shown on: its own, and any an administrator links it to (a figure
// for the whole council, such as children looked after, informs several promises). Admins link
// and unlink here; each change carries the measure's version, so a change made meanwhile is a
// 409 that reloads the list instead of overwriting it.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { MeasureDetail, MeasureLinks, PromiseSummary } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { FormController } from '../controllers/form-controller.js';
import './pt-select-field.js';
import './pt-error-summary.js';
import './pt-notification-banner.js';

const FIELDS = ['promiseId'] as const;

@customElement('pt-measure-links')
export class PtMeasureLinks extends PtLightElement {
  @property({ attribute: false }) measure: MeasureDetail | null = null;

  @state() private links: MeasureLinks | null = null;
  @state() private done = '';

  private formState = new FormController(this, {
    fields: FIELDS,
    labels: { promiseId: 'measureLinks.choose' },
    onConflict: () => {
      this.formState.formError = t('measureLinks.conflict');
      void this.reload();
      return true;
    },
  });

  private promises = new Task(this, {
    task: async (_args, { signal }) =>
      (await api.get<{ items: PromiseSummary[] }>('/promises?pageSize=200', signal)).items,
    args: () => [],
  });

  private get current(): MeasureLinks | null {
    if (this.links && this.links.measureId === this.measure?.id) return this.links;
    const m = this.measure;
    return m ? { measureId: m.id, version: m.version, linkedPromises: m.linkedPromises } : null;
  }

  private async reload() {
    const m = this.measure;
    if (!m) return;
    const fresh = await api.get<MeasureDetail>(`/measures/${m.id}`);
    this.links = { measureId: fresh.id, version: fresh.version, linkedPromises: fresh.linkedPromises };
  }

  private async link(e: SubmitEvent, links: MeasureLinks, options: PromiseSummary[]) {
    e.preventDefault();
    const value = String(new FormData(e.target as HTMLFormElement).get('promiseId') ?? '');
    this.done = '';
    this.formState.clear();
    if (!value) {
      this.formState.errors = { promiseId: t('measureLinks.chooseError') };
      return;
    }
    const promiseId = Number(value);
    await this.formState.submit(async () => {
      this.links = await api.post<MeasureLinks>(`/measures/${links.measureId}/promises`, {
        promiseId,
        version: links.version,
      });
      const name = options.find((p) => p.id === promiseId)?.staffText ?? '';
      this.done = t('measureLinks.linked', { promise: name });
    });
  }

  private async unlink(links: MeasureLinks, promise: { id: number; staffText: string }) {
    this.done = '';
    await this.formState.submit(async () => {
      this.links = await api.del<MeasureLinks>(
        `/measures/${links.measureId}/promises/${promise.id}?version=${links.version}`,
      );
      this.done = t('measureLinks.unlinked', { promise: promise.staffText });
    });
  }

  override render() {
    const m = this.measure;
    const links = this.current;
    if (!m || !links) return nothing;
    const taken = new Set([m.promiseId, ...links.linkedPromises.map((p) => p.id)]);
    const options = (this.promises.value ?? []).filter((p) => !taken.has(p.id));
    return html`<h2 class="govuk-heading-m">${t('measureLinks.heading')}</h2>
      ${
        this.done
          ? html`<pt-notification-banner
              type="success"
              heading=${t('actions.success')}
              text=${this.done}
            ></pt-notification-banner>`
          : nothing
      }
      <pt-error-summary .errors=${this.formState.summary()}></pt-error-summary>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">${t('measureLinks.own')}</dt>
          <dd class="govuk-summary-list__value">${m.promiseStaffText}</dd>
          <dd class="govuk-summary-list__actions"></dd>
        </div>
        ${links.linkedPromises.map(
          (p) =>
            html`<div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">${t('measure.councilWide.tag')}</dt>
              <dd class="govuk-summary-list__value">${p.staffText}</dd>
              <dd class="govuk-summary-list__actions">
                <button
                  type="button"
                  class="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                  ?disabled=${this.formState.busy}
                  @click=${() => void this.unlink(links, p)}
                >
                  ${t('measureLinks.remove')}<span class="govuk-visually-hidden">
                    ${t('measureLinks.removeHidden', { promise: p.staffText })}</span
                  >
                </button>
              </dd>
            </div>`,
        )}
      </dl>
      ${links.linkedPromises.length ? nothing : html`<p class="govuk-body">${t('measureLinks.none')}</p>`}
      ${
        options.length
          ? html`<form novalidate @submit=${(e: SubmitEvent) => void this.link(e, links, options)}>
              <pt-select-field
                name="promiseId"
                label=${t('measureLinks.add')}
                hint=${t('measureLinks.chooseHint')}
                error=${this.formState.errors.promiseId ?? ''}
                .options=${[
                  { value: '', label: t('measureLinks.choose') },
                  ...options.map((p) => ({ value: String(p.id), label: p.staffText })),
                ]}
              ></pt-select-field>
              <button type="submit" class="govuk-button govuk-button--secondary" ?disabled=${this.formState.busy}>
                ${t('measureLinks.submit')}
              </button>
            </form>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-measure-links': PtMeasureLinks;
  }
}
