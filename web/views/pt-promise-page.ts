// One promise: "you said / we will / how we'll know / we did", with the board's RAG history.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { PromiseCard, PromiseSuggestion } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api } from '../api/client.js';
import { canSee, hasRole, session } from '../session.js';
import { day } from '../dates.js';
import { t } from '../i18n/messages.js';
import type { Column } from '../components/pt-data-table.js';
import '../components/pt-data-table.js';
import '../components/pt-summary-list.js';
import '../components/pt-status-tag.js';
import '../components/pt-words-tag.js';
import '../components/pt-trend.js';
import '../components/pt-progress-bar.js';
import '../components/pt-loading.js';
import '../components/pt-empty-state.js';
import '../components/pt-error-state.js';
import '../components/pt-board-suggestion.js';
import '../components/pt-archived-work.js';
import './pt-not-found-page.js';

type WeWill = PromiseCard['weWill'][number];
type Review = PromiseCard['rag']['history'][number];

const formatDate = (d: string | null) => (d ? day(d) : '');

@customElement('pt-promise-page')
export class PtPromisePage extends PtLightElement {
  @property({ type: Number }) promiseId = 0;

  private card = new Task(this, {
    task: ([id], { signal }) => api.get<PromiseCard>(`/promises/${id}/card`, signal),
    args: () => [this.promiseId] as const,
  });

  /** What the evidence suggests, with its reasons, beside the board's own rating. */
  private suggestion = new Task(this, {
    task: ([id], { signal }) => api.get<PromiseSuggestion>(`/board/promises/${id}/suggestion`, signal),
    args: () => [this.promiseId] as const,
  });

  private weWillColumns: Column<WeWill>[] = [
    { key: 'title', label: t('promise.col.commitment'), sortValue: (c) => c.title, render: (c) => c.title },
    {
      key: 'owner',
      label: t('promise.col.owner'),
      sortValue: (c) => c.ownerName ?? '',
      render: (c) => c.ownerName ?? '',
    },
    {
      key: 'due',
      label: t('promise.col.due'),
      sortValue: (c) => c.dueDate,
      render: (c) =>
        html`${formatDate(c.dueDate)}${
          c.overdue ? html` <strong class="govuk-tag govuk-tag--red">${t('promise.overdue')}</strong>` : nothing
        }`,
    },
    { key: 'status', label: t('promise.col.status'), render: (c) => t(`promise.status.${c.status}`) },
    {
      key: 'progress',
      label: t('promise.col.progress'),
      sortValue: (c) => c.progress,
      render: (c) => html`<pt-progress-bar .value=${c.progress}></pt-progress-bar>`,
    },
    // Admins change a commitment's wording, owner and dates from here.
    ...(hasRole('admin')
      ? [
          {
            key: 'edit',
            label: t('commitmentForm.col.change'),
            render: (c: WeWill) =>
              html`<a class="govuk-link" href="/actions/commitments/${c.id}/edit"
                >${t('commitmentForm.editLink')}<span class="govuk-visually-hidden"
                  >${t('commitmentForm.editHidden', { title: c.title })}</span
                ></a
              >`,
          },
        ]
      : []),
  ];

  private historyColumns: Column<Review>[] = [
    {
      key: 'date',
      label: t('promise.col.date'),
      sortValue: (r) => r.meetingDate,
      render: (r) => formatDate(r.meetingDate),
    },
    { key: 'meeting', label: t('promise.col.meeting'), render: (r) => r.meetingTitle },
    {
      key: 'rating',
      label: t('promise.col.rating'),
      render: (r) => html`<pt-status-tag .rating=${r.rating}></pt-status-tag>`,
    },
    { key: 'why', label: t('promise.col.rationale'), render: (r) => r.rationale },
  ];

  private view(card: PromiseCard) {
    const p = card.promise;
    document.title = `${p.staffText} – ${t('app.name')}`;
    return html`<a class="govuk-back-link" href="/promises">${t('promise.back')}</a>
      <span class="govuk-caption-l">${card.theme.name}</span>
      <h1 class="govuk-heading-l">${p.staffText}</h1>
      ${p.childText.trim() ? html`<p class="govuk-body-l">${t('promise.childWording')}: “${p.childText}”</p>` : nothing}
      <p class="govuk-body">
        <pt-status-tag .rating=${card.rag.latest}></pt-status-tag> <pt-trend .trend=${card.rag.trend}></pt-trend>
      </p>
      ${
        hasRole('admin')
          ? html`<a class="govuk-button govuk-button--secondary" href="/promises/${p.id}/edit">${t('promise.edit')}</a>`
          : nothing
      }

      <h2 class="govuk-heading-m">${t('promise.details')}</h2>
      <pt-summary-list
        .rows=${[
          { key: t('promise.theme'), value: card.theme.name },
          { key: t('promise.owner'), value: card.owner?.name ?? t('promise.noOwner') },
          { key: t('promise.audience'), value: t(`audience.${p.audience}`) },
          { key: t('promise.linkChampion'), value: p.linkChampion || t('promise.none') },
          { key: t('promise.strategyPeriod'), value: p.strategyPeriod || t('promise.none') },
          { key: t('promise.principles'), value: p.principles.join(', ') || t('promise.none') },
        ]}
      ></pt-summary-list>

      <section class="pt-promise-section" aria-labelledby="you-said">
        <h2 class="govuk-heading-m" id="you-said">${t('promise.youSaid')}</h2>
        ${
          card.youSaid.items.length
            ? html`<ul class="govuk-list govuk-list--bullet">
                  ${card.youSaid.items.map(
                    (f) =>
                      html`<li>
                        ${f.text.trim() ? html`“${f.text}”` : t('promise.wordsNotShown')}
                        <pt-words-tag shown=${f.wordsShown}></pt-words-tag>
                        <span class="govuk-hint">(${f.ageBand}, ${formatDate(f.heardOn)})</span>
                      </li>`,
                  )}
                </ul>
                ${
                  card.youSaid.total > card.youSaid.items.length
                    ? html`<p class="govuk-body">
                        ${t('promise.youSaidMore', { shown: card.youSaid.items.length, total: card.youSaid.total })}
                      </p>`
                    : nothing
                }`
            : html`<p class="govuk-body">${t('promise.youSaidEmpty')}</p>`
        }
      </section>

      <section class="pt-promise-section" aria-labelledby="we-will">
        <h2 class="govuk-heading-m" id="we-will">${t('promise.weWill')}</h2>
        ${
          card.weWill.length
            ? html`<pt-data-table
                caption=${t('promise.weWillCaption')}
                .columns=${this.weWillColumns}
                .rows=${card.weWill}
              ></pt-data-table>`
            : html`<p class="govuk-body">${t('promise.weWillEmpty')}</p>`
        }
        ${
          hasRole('admin') || (hasRole('owner') && p.ownerId === session()?.user.id)
            ? html`<a class="govuk-button govuk-button--secondary" href="/promises/${p.id}/commitments/new"
                >${t('commitmentForm.add')}</a
              >`
            : nothing
        }
      </section>

      <section class="pt-promise-section" aria-labelledby="how-we-will-know">
        <h2 class="govuk-heading-m" id="how-we-will-know">${t('promise.howWeWillKnow')}</h2>
        ${
          card.howWeWillKnow.measures.length || card.howWeWillKnow.evidence.length
            ? html`${card.howWeWillKnow.measures.map((m) => {
                const latest = m.values.at(-1);
                // A heading that opens the measure: its figures, chart and (for its owner or the
                // promise's lead) the form to enter the next one.
                return html`<h3 class="govuk-heading-s">
                    ${
                      canSee('actions')
                        ? html`<a class="govuk-link" href="/actions/measures/${m.id}">${m.name}</a>`
                        : m.name
                    }
                    ${
                      m.councilWide
                        ? html`<strong class="govuk-tag govuk-tag--grey">${t('measure.councilWide.tag')}</strong>`
                        : nothing
                    }
                  </h3>
                  <pt-summary-list
                    .rows=${[
                      { key: t('promise.measure.baseline'), value: m.baseline === null ? '–' : String(m.baseline) },
                      { key: t('promise.measure.target'), value: m.target === null ? '–' : String(m.target) },
                      {
                        key: t('promise.measure.latest'),
                        value: !latest
                          ? '–'
                          : latest.suppressed || latest.value === null
                            ? t('promise.measure.suppressed')
                            : `${latest.value} (${latest.period})`,
                      },
                    ]}
                  ></pt-summary-list>
                  ${
                    hasRole('admin')
                      ? html`<p class="govuk-body">
                          <a class="govuk-link" href="/actions/measures/${m.id}/edit"
                            >${t('measureForm.editLink')}<span class="govuk-visually-hidden"
                              >${t('measureForm.editHidden', { name: m.name })}</span
                            ></a
                          >
                        </p>`
                      : nothing
                  }`;
              })}
              ${card.howWeWillKnow.evidence.map(
                (e) =>
                  html`<div class="govuk-inset-text">
                    <h3 class="govuk-heading-s">${e.title}</h3>
                    <p class="govuk-body">${e.body}</p>
                  </div>`,
              )}`
            : html`<p class="govuk-body">${t('promise.howWeWillKnowEmpty')}</p>`
        }
        ${
          hasRole('admin')
            ? html`<a class="govuk-button govuk-button--secondary" href="/promises/${p.id}/measures/new"
                >${t('measureForm.add')}</a
              >`
            : nothing
        }
      </section>

      ${
        hasRole('admin')
          ? html`<pt-archived-work
              .promiseId=${p.id}
              @pt-archive-change=${() => void this.card.run()}
            ></pt-archived-work>`
          : nothing
      }

      <section class="pt-promise-section" aria-labelledby="we-did">
        <h2 class="govuk-heading-m" id="we-did">${t('promise.weDid')}</h2>
        ${
          card.weDid.items.length
            ? html`<ul class="govuk-list">
                ${card.weDid.items.map(
                  (d) =>
                    html`<li>
                      <strong>${t(`promise.response.${d.response}`)}${d.responseText.trim() ? ':' : ''}</strong>
                      ${d.responseText} ${d.cantReason.trim() ? html`<br />${d.cantReason}` : nothing}
                      ${d.publicText.trim() ? html`<span class="govuk-hint">(“${d.publicText}”)</span>` : nothing}
                    </li>`,
                )}
              </ul>`
            : html`<p class="govuk-body">${t('promise.weDidEmpty')}</p>`
        }
      </section>

      <section class="pt-promise-section" aria-labelledby="rag-suggested">
        <h2 class="govuk-heading-m" id="rag-suggested">${t('promise.ragSuggested')}</h2>
        ${this.suggestion.render({
          pending: () => html`<pt-loading></pt-loading>`,
          complete: (s) =>
            html`<p class="govuk-body">${t('promise.ragSuggestedLede')}</p>
              <pt-board-suggestion .suggestion=${s}></pt-board-suggestion>
              ${s.disagrees ? html`<p class="govuk-body"><strong>${t('promise.ragDisagrees')}</strong></p>` : nothing}`,
          error: () => html`<p class="govuk-body">${t('promise.ragSuggestedError')}</p>`,
        })}
      </section>

      <section class="pt-promise-section" aria-labelledby="rag-history">
        <h2 class="govuk-heading-m" id="rag-history">${t('promise.ragHistory')}</h2>
        ${
          card.rag.history.length
            ? html`<pt-data-table
                caption=${t('promise.ragHistory')}
                .columns=${this.historyColumns}
                .rows=${card.rag.history}
              ></pt-data-table>`
            : html`<p class="govuk-body">${t('promise.ragHistoryEmpty')}</p>`
        }
      </section>`;
  }

  override render() {
    return this.card.render({
      // A reload (after a restore) keeps the page in place rather than flashing "Loading".
      pending: () => (this.card.value ? this.view(this.card.value) : html`<pt-loading></pt-loading>`),
      complete: (card) => this.view(card),
      error: (e) =>
        e instanceof ApiError && e.status === 404
          ? html`<pt-not-found-page></pt-not-found-page>`
          : html`<h1 class="govuk-heading-l">${t('promises.title')}</h1>
              <pt-error-state .error=${e} @pt-retry=${() => void this.card.run()}></pt-error-state>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-promise-page': PtPromisePage;
  }
}
