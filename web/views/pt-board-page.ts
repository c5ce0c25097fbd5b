// The board dashboard: every promise by theme with its decided and suggested RAG, trend,
// overdue and stale actions and the loop; matters needing attention first; RAG over time.
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { BoardMeeting, BoardSummaryAnswer, RagRating } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { navigate } from '../router.js';
import { hasRole } from '../session.js';
import { t } from '../i18n/messages.js';
import '../components/pt-download-link.js';
import '../components/pt-status-tag.js';
import '../components/pt-trend.js';
import { taskView } from '../components/task-view.js';
import '../components/pt-select-field.js';
import '../components/pt-text-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-board-suggestion.js';
import '../components/pt-board-rag-definitions.js';
import '../components/pt-board-rag-chart.js';
import '../components/pt-board-attention.js';
import '../components/pt-date-input.js';
import { dateWords } from '../../server/domain/date-words.js';

type SummaryPromise = BoardSummaryAnswer['themes'][number]['promises'][number];
type Filters = { theme: string; rag: string; owner: string; audience: string };
type Data = { summary: BoardSummaryAnswer; meetings: BoardMeeting[] };

@customElement('pt-board-page')
export class PtBoardPage extends PtLightElement {
  @state() private filters: Filters = { theme: '', rag: '', owner: '', audience: '' };
  @state() private reportErrors: Record<string, string> = {};

  private data = new Task(this, {
    task: async (_args, { signal }) => {
      const [summary, meetings] = await Promise.all([
        api.get<BoardSummaryAnswer>('/board/summary', signal),
        api.get<{ items: BoardMeeting[] }>('/board/meetings?pageSize=20', signal),
      ]);
      return { summary, meetings: meetings.items } satisfies Data;
    },
    args: () => [],
  });

  private applyFilters(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.filters = {
      theme: String(form.get('theme') ?? ''),
      rag: String(form.get('rag') ?? ''),
      owner: String(form.get('owner') ?? ''),
      audience: String(form.get('audience') ?? ''),
    };
  }

  private shows(themeId: number, p: SummaryPromise) {
    const f = this.filters;
    return (
      (!f.theme || String(themeId) === f.theme) &&
      (!f.rag || (f.rag === 'none' ? p.latest === null : p.latest?.rating === f.rag)) &&
      (!f.owner || String(p.ownerId ?? '') === f.owner) &&
      (!f.audience || p.audience === f.audience)
    );
  }

  private async makeReport(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const pack = await api.post<{ id: number }>('/board/progress-reports', {
        from: String(form.get('from') ?? ''),
        to: String(form.get('to') ?? ''),
      });
      navigate(`/board/packs/${pack.id}`);
    } catch (e) {
      const err = e as { fieldErrors?: Record<string, string>; message: string };
      this.reportErrors =
        err.fieldErrors && Object.keys(err.fieldErrors).length ? err.fieldErrors : { from: err.message };
    }
  }

  private verdict(p: SummaryPromise) {
    if (!p.verdicts) return t('board.verdict.none');
    return html`${t('board.verdict.counts', { kept: p.verdicts.kept, gettingThere: p.verdicts.gettingThere, notYet: p.verdicts.notYet })}${
      p.attention.includes('children_disagree')
        ? html` <strong class="govuk-tag govuk-tag--purple">${t('board.verdict.differs')}</strong>`
        : nothing
    }`;
  }

  private row(p: SummaryPromise) {
    return html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">
        <a class="govuk-link" href="/promises/${p.id}">${p.staffText}</a>
        ${p.ownerName ? html`<span class="govuk-body-s pt-board-owner">${p.ownerName}</span>` : nothing}
      </th>
      <td class="govuk-table__cell">
        <pt-status-tag .rating=${p.latest?.rating ?? null}></pt-status-tag> <pt-trend .trend=${p.trend}></pt-trend>
      </td>
      <td class="govuk-table__cell"><pt-board-suggestion .suggestion=${p.suggested}></pt-board-suggestion></td>
      <td class="govuk-table__cell">${this.verdict(p)}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${p.overdueCommitments}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${p.staleCommitments}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${p.awaitingResponse}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${p.awaitingOverTarget}</td>
    </tr>`;
  }

  /**
   * One theme's promises, folded away until opened (or a filter is applied): the board reads the
   * few that need attention first, and 17 promises' rows made the page 10,900 px tall.
   */
  private theme(name: string, rows: SummaryPromise[], open: boolean) {
    const red = rows.filter((p) => p.latest?.rating === 'red').length;
    return html`<details class="govuk-details pt-board-theme" ?open=${open}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text"
          >${name}:
          ${rows.length === 1 ? t('board.themeCountOne', { red }) : t('board.themeCount', { total: rows.length, red })}</span
        >
      </summary>
      <div class="govuk-details__text">${this.table(name, rows)}</div>
    </details>`;
  }

  private table(caption: string, rows: SummaryPromise[]) {
    return html`<div class="pt-board-table">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">
          ${caption}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">${t('board.col.promise')}</th>
            <th scope="col" class="govuk-table__header">${t('board.col.decided')}</th>
            <th scope="col" class="govuk-table__header">${t('board.col.suggested')}</th>
            <th scope="col" class="govuk-table__header">${t('board.col.verdict')}</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('board.col.overdue')}</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('board.col.stale')}</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('board.col.waiting')}</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">${t('board.col.overTarget')}</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${rows.map((p) => this.row(p))}
        </tbody>
      </table>
    </div>`;
  }

  private view({ summary, meetings }: Data) {
    document.title = `${t('board.title')} – ${t('app.name')}`;
    const any = { value: '', label: t('board.filter.any') };
    const owners = new Map<number, string>();
    for (const th of summary.themes)
      for (const p of th.promises) if (p.ownerId) owners.set(p.ownerId, p.ownerName ?? '');
    const attention = summary.themes.flatMap((th) => th.promises);
    const filtering = Object.values(this.filters).some(Boolean);
    const filtered = summary.themes
      .map((th) => ({ ...th, promises: th.promises.filter((p) => this.shows(th.id, p)) }))
      .filter((th) => th.promises.length > 0);
    const canRun = hasRole('board', 'admin');
    const totals = summary.totals;
    return html`<h1 class="govuk-heading-xl">${t('board.title')}</h1>
      <p class="govuk-body-l">${t('board.lede')}</p>
      <pt-board-rag-definitions .definitions=${summary.definitions}></pt-board-rag-definitions>
      <p class="govuk-body"><a class="govuk-link" href="/board/rules">${t('board.rulesLink')}</a></p>

      <h2 class="govuk-heading-l">${t('board.attention')}</h2>
      <pt-board-attention .promises=${attention}></pt-board-attention>

      <h2 class="govuk-heading-l">${t('board.meetings')}</h2>
      ${canRun ? html`<a class="govuk-button" href="/board/meetings/new">${t('board.meetings.new')}</a>` : nothing}
      ${
        meetings.length
          ? html`<ul class="govuk-list">
              ${meetings.map(
                (m) =>
                  html`<li>
                    <a class="govuk-link" href="/board/meetings/${m.id}">${dateWords(m.meetingDate)}: ${m.title}</a>
                  </li>`,
              )}
            </ul>`
          : html`<p class="govuk-body">${t('board.meetings.none')}</p>`
      }

      <h2 class="govuk-heading-l">${t('board.chart.title')}</h2>
      <pt-board-rag-chart .points=${summary.ragOverTime}></pt-board-rag-chart>

      <h2 class="govuk-heading-l">${t('board.loop')}</h2>
      <p class="govuk-body">
        ${t('board.loop.text', {
          waiting: totals.awaitingResponse,
          over: totals.awaitingOverTarget,
          days: summary.answerTargetDays,
        })}
      </p>

      <form class="pt-board-filters" @submit=${this.applyFilters}>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${t('board.filters')}</legend>
          <pt-select-field
            name="theme"
            label=${t('board.filter.theme')}
            .value=${this.filters.theme}
            .options=${[any, ...summary.themes.map((th) => ({ value: String(th.id), label: th.name }))]}
          ></pt-select-field>
          <pt-select-field
            name="rag"
            label=${t('board.filter.rag')}
            .value=${this.filters.rag}
            .options=${[
              any,
              ...(['red', 'amber', 'green', 'blue'] as RagRating[]).map((r) => ({ value: r, label: t(`rag.${r}`) })),
              { value: 'none', label: t('rag.none') },
            ]}
          ></pt-select-field>
          <pt-select-field
            name="owner"
            label=${t('board.filter.owner')}
            .value=${this.filters.owner}
            .options=${[any, ...[...owners].map(([id, name]) => ({ value: String(id), label: name }))]}
          ></pt-select-field>
          <pt-select-field
            name="audience"
            label=${t('board.filter.audience')}
            .value=${this.filters.audience}
            .options=${[
              any,
              ...(['children_in_care', 'care_leavers', 'both'] as const).map((a) => ({
                value: a,
                label: t(`board.audience.${a}`),
              })),
            ]}
          ></pt-select-field>
          <button class="govuk-button govuk-button--secondary" type="submit">${t('board.filter.apply')}</button>
        </fieldset>
      </form>
      ${
        filtered.length
          ? filtered.map((th) => this.theme(th.name, th.promises, filtering))
          : html`<p class="govuk-body">${t('board.noPromises')}</p>`
      }

      <h2 class="govuk-heading-l">${t('board.exports')}</h2>
      <ul class="govuk-list">
        <li>
          <pt-download-link
            href="/api/v1/board/export.csv?table=promises"
            label=${t('board.export.csv')}
          ></pt-download-link>
        </li>
        <li>
          <a class="govuk-link" href="/api/v1/board/export.csv?table=actions" download
            >${t('board.export.actionsCsv')}</a
          >
        </li>
        <li>
          <a class="govuk-link" href="/api/v1/board/export.csv?table=measures" download
            >${t('board.export.measuresCsv')}</a
          >
        </li>
        <li><pt-download-link href="/api/v1/board/export.xlsx" label=${t('board.export.xlsx')}></pt-download-link></li>
      </ul>
      ${
        canRun
          ? html`<form @submit=${this.makeReport} novalidate>
              <h3 class="govuk-heading-m">${t('board.progress.title')}</h3>
              <pt-error-summary
                .errors=${Object.entries(this.reportErrors).map(([k, m]) => ({ fieldId: `f-${k}`, message: m }))}
              ></pt-error-summary>
              <pt-date-input
                name="from"
                legend=${t('board.progress.from')}
                hint=${t('board.progress.dateHint')}
                error=${this.reportErrors.from ?? ''}
              ></pt-date-input>
              <pt-date-input
                name="to"
                legend=${t('board.progress.to')}
                hint=${t('board.progress.dateHint')}
                error=${this.reportErrors.to ?? ''}
              ></pt-date-input>
              <button class="govuk-button" type="submit">${t('board.progress.make')}</button>
            </form>`
          : nothing
      }`;
  }

  override render() {
    return taskView(this.data, (d) => this.view(d));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-board-page': PtBoardPage;
  }
}
