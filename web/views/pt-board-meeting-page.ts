// One board meeting, run from start to finish: quorum and attendance (by role only), matters
// arising, the agenda of promises needing attention, RAG decisions, challenges, and the packs.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type {
  AttendanceRole,
  BoardMeetingFull,
  BoardSummaryAnswer,
  Person,
  RagRating,
} from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { ApiError, api, request } from '../api/client.js';
import { navigate } from '../router.js';
import { hasRole } from '../session.js';
import { welshInUse } from '../welsh-in-use.js';
import { day, today } from '../dates.js';
import { t } from '../i18n/messages.js';
import '../components/pt-escalated-list.js';
import '../components/pt-status-tag.js';
import '../components/pt-text-field.js';
import '../components/pt-date-input.js';
import '../components/pt-select-field.js';
import '../components/pt-radios-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';
import '../components/pt-board-suggestion.js';
import '../components/pt-board-rag-definitions.js';

type PackItem = { id: number; kind: 'board' | 'children' | 'progress'; asAt: string };
type Data = { meeting: BoardMeetingFull; summary: BoardSummaryAnswer; people: Person[]; packs: PackItem[] };
const ROLES: AttendanceRole[] = ['councillor', 'officer', 'partner', 'young_person', 'other'];
const RATINGS: RagRating[] = ['red', 'amber', 'green', 'blue'];
type Form = 'attendance' | 'decision' | 'challenge' | 'matters';

@customElement('pt-board-meeting-page')
export class PtBoardMeetingPage extends PtLightElement {
  @property({ type: Number }) meetingId = 0;
  @state() private errors: { form: Form; fields: Record<string, string> } | null = null;
  @state() private banner = '';
  @state() private chosenPromise = '';
  /** The Welsh children's pack is offered only where the council uses Welsh. */
  @state() private welsh = false;

  override connectedCallback() {
    super.connectedCallback();
    void welshInUse().then((w) => (this.welsh = w));
  }

  private data = new Task(this, {
    task: async ([id], { signal }) => {
      const [meeting, summary, people, packs] = await Promise.all([
        api.get<BoardMeetingFull>(`/board/meetings/${id}`, signal),
        api.get<BoardSummaryAnswer>('/board/summary', signal),
        api.get<{ items: Person[] }>('/people', signal),
        api.get<{ items: PackItem[] }>(`/board/packs?meetingId=${id}`, signal),
      ]);
      return { meeting, summary, people: people.items, packs: packs.items } satisfies Data;
    },
    args: () => [this.meetingId] as const,
  });

  private async run(form: Form, banner: string, action: () => Promise<unknown>) {
    try {
      await action();
      this.errors = null;
      this.banner = banner;
      await this.data.run();
      this.querySelector<HTMLElement>('pt-notification-banner .govuk-notification-banner')?.focus();
    } catch (e) {
      const fields =
        e instanceof ApiError && Object.keys(e.fieldErrors).length ? e.fieldErrors : { _: (e as Error).message };
      this.banner = '';
      this.errors = { form, fields };
    }
  }

  private fieldError(form: Form, name: string) {
    return this.errors?.form === form ? (this.errors.fields[name] ?? '') : '';
  }

  private summaryFor(form: Form, ids: Record<string, string>) {
    if (this.errors?.form !== form) return nothing;
    const list = Object.entries(this.errors.fields).map(([k, message]) => ({
      fieldId: ids[k] ?? Object.values(ids)[0]!,
      message,
    }));
    return html`<pt-error-summary .errors=${list}></pt-error-summary>`;
  }

  private saveAttendance(event: Event, m: BoardMeetingFull) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const attendance = ROLES.map((role) => ({ role, count: Number(form.get(`count-${role}`) || 0) })).filter(
      (a) => a.count > 0,
    );
    void this.run('attendance', t('meeting.attendance.saved'), () =>
      api.patch(`/board/meetings/${m.id}`, { version: m.version, attendance }),
    );
  }

  private decide(event: Event, data: Data) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const promiseId = Number(form.get('promiseId'));
    const rating = String(form.get('rating') ?? '');
    const p = this.promises(data.summary).find((x) => x.id === promiseId);
    const existing = data.meeting.reviews.find((r) => r.promiseId === promiseId);
    const rationale = String(form.get('rationale') ?? '');
    if (!rating) {
      this.errors = { form: 'decision', fields: { rating: t('meeting.decide.rating') } };
      return;
    }
    void this.run('decision', t('meeting.decide.saved', { promise: p?.staffText ?? '' }), () =>
      request('PUT', `/board/meetings/${data.meeting.id}/reviews/${promiseId}`, {
        rating,
        suggestedRating: p?.suggested.rating ?? null,
        ...(rationale ? { rationale } : {}),
        ...(existing ? { version: existing.version } : {}),
      }),
    );
  }

  private setChallenge(event: Event, m: BoardMeetingFull) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const promise = String(form.get('challengePromise') ?? '');
    const owner = String(form.get('ownerId') ?? '');
    void this.run('challenge', t('meeting.challenge.saved'), () =>
      api.post(`/board/meetings/${m.id}/challenges`, {
        text: String(form.get('text') ?? ''),
        dueDate: String(form.get('dueDate') ?? '').trim(),
        promiseId: promise ? Number(promise) : null,
        ownerId: owner ? Number(owner) : null,
      }),
    );
  }

  private close(event: Event, c: BoardMeetingFull['mattersArising'][number]) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    void this.run('matters', t('meeting.matters.closed'), () =>
      api.patch(`/board/challenges/${c.id}`, {
        version: c.version,
        answer: String(form.get(`answer-${c.id}`) ?? ''),
        closedOn: today(),
      }),
    );
  }

  private async makePack(kind: 'board' | 'children', m: BoardMeetingFull, lang?: 'cy') {
    try {
      const pack = await api.post<{ id: number }>(`/board/meetings/${m.id}/packs`, { kind, ...(lang && { lang }) });
      navigate(`/board/packs/${pack.id}`);
    } catch (e) {
      this.errors = { form: 'decision', fields: { _: (e as Error).message } };
    }
  }

  private promises(summary: BoardSummaryAnswer) {
    return summary.themes.flatMap((th) => th.promises);
  }

  private view(data: Data) {
    const { meeting: m, summary, people } = data;
    document.title = `${m.title}, ${day(m.meetingDate)} – ${t('app.name')}`;
    const canRun = hasRole('board', 'admin');
    const all = this.promises(summary);
    const byId = new Map(all.map((p) => [p.id, p]));
    const agendaIds = new Set(m.agenda.map((a) => a.promiseId));
    const promiseOptions = [
      ...m.agenda.map((a) => ({ value: String(a.promiseId), label: a.staffText })),
      ...all.filter((p) => !agendaIds.has(p.id)).map((p) => ({ value: String(p.id), label: p.staffText })),
    ];
    const chosen = byId.get(Number(this.chosenPromise || promiseOptions[0]?.value || 0));
    const count = (role: AttendanceRole) => m.attendance.find((a) => a.role === role)?.count ?? 0;
    const name = (id: number | null) => people.find((p) => p.id === id)?.name ?? '';
    return html`<a class="govuk-back-link" href="/board">${t('meeting.back')}</a>
      ${this.banner ? html`<pt-notification-banner type="success" text=${this.banner}></pt-notification-banner>` : nothing}
      <span class="govuk-caption-l">${day(m.meetingDate)}</span>
      <h1 class="govuk-heading-l">${m.title}</h1>
      <pt-board-rag-definitions .definitions=${summary.definitions}></pt-board-rag-definitions>

      <h2 class="govuk-heading-m">${t('meeting.quorum')}</h2>
      <p class="govuk-body">
        <strong class="govuk-tag ${m.quorum.quorate ? 'govuk-tag--green' : 'govuk-tag--red'}"
          ><span aria-hidden="true">${m.quorum.quorate ? '✓ ' : '✕ '}</span
          >${m.quorum.quorate ? t('meeting.quorate') : t('meeting.notQuorate')}</strong
        >
        ${t('meeting.quorumRule', { c: m.quorum.rule.minCouncillors, p: m.quorum.rule.minPartners, t: m.quorum.rule.minTotal })}
      </p>
      ${
        m.quorum.shortfalls.length
          ? html`<ul class="govuk-list govuk-list--bullet">
              ${m.quorum.shortfalls.map((s) => html`<li>${s}</li>`)}
            </ul>`
          : nothing
      }
      ${
        canRun
          ? html`<form @submit=${(e: Event) => this.saveAttendance(e, m)} novalidate>
              ${this.summaryFor('attendance', { _: 'f-count-councillor', attendance: 'f-count-councillor' })}
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${t('meeting.attendance')}</legend>
                <div class="pt-board-attendance">
                  ${ROLES.map(
                    (r) =>
                      html`<pt-text-field
                        name="count-${r}"
                        type="number"
                        width="3"
                        label=${t(`meeting.attendance.${r}`)}
                        value=${String(count(r))}
                      ></pt-text-field>`,
                  )}
                </div>
              </fieldset>
              <button class="govuk-button govuk-button--secondary" type="submit">
                ${t('meeting.attendance.save')}
              </button>
            </form>`
          : nothing
      }

      <pt-escalated-list .items=${m.escalated}></pt-escalated-list>
      <h2 class="govuk-heading-m">${t('meeting.matters')}</h2>
      ${this.summaryFor('matters', { _: `f-answer-${m.mattersArising[0]?.id ?? 0}`, answer: `f-answer-${m.mattersArising[0]?.id ?? 0}` })}
      ${
        m.mattersArising.length
          ? m.mattersArising.map(
              (c) =>
                html`<div class="pt-board-matter">
                  <p class="govuk-body">
                    <strong>${c.text}</strong><br />
                    ${c.promiseId ? html`${byId.get(c.promiseId)?.staffText ?? ''}. ` : nothing}${name(c.ownerId)}
                    ${t('meeting.col.due')}: ${day(c.dueDate)}
                    ${c.overdue ? html`<strong class="govuk-tag govuk-tag--red">${t('meeting.matters.overdue')}</strong>` : nothing}
                    <br /><span class="govuk-body-s"
                      >${t('meeting.matters.setAt', { meeting: `${c.meetingTitle} (${day(c.meetingDate)})` })}</span
                    >
                  </p>
                  ${
                    canRun
                      ? html`<form @submit=${(e: Event) => this.close(e, c)} novalidate>
                          <pt-text-field
                            name="answer-${c.id}"
                            label=${`${t('meeting.matters.answer')}: ${c.text}`}
                            multiline
                            value=${c.answer}
                            error=${this.fieldError('matters', 'answer')}
                          ></pt-text-field>
                          <button class="govuk-button govuk-button--secondary" type="submit">
                            ${t('meeting.matters.close')}<span class="govuk-visually-hidden">: ${c.text}</span>
                          </button>
                        </form>`
                      : nothing
                  }
                </div>`,
            )
          : html`<p class="govuk-body">${t('meeting.matters.none')}</p>`
      }

      <h2 class="govuk-heading-m">${t('meeting.agenda')}</h2>
      ${
        m.agenda.length
          ? html`<ul class="govuk-list pt-board-agenda">
              ${m.agenda.map(
                (a) =>
                  html`<li class="pt-board-agenda__item">
                    <a class="govuk-link" href="/promises/${a.promiseId}">${a.staffText}</a> (${a.themeName})
                    <span class="pt-board-agenda__tags">
                      ${a.attention.map((x) => html`<strong class="govuk-tag govuk-tag--grey">${t(`board.attention.${x}`)}</strong>`)}
                    </span>
                  </li>`,
              )}
            </ul>`
          : html`<p class="govuk-body">${t('meeting.agenda.none')}</p>`
      }
      ${
        canRun && promiseOptions.length
          ? html`<form class="pt-board-decision" @submit=${(e: Event) => this.decide(e, data)} novalidate>
              <h3 class="govuk-heading-s">${t('meeting.decide')}</h3>
              ${this.summaryFor('decision', { _: 'f-promiseId', rating: 'f-rating', rationale: 'f-rationale' })}
              <pt-select-field
                name="promiseId"
                label=${t('meeting.col.promise')}
                .value=${String(chosen?.id ?? '')}
                .options=${promiseOptions}
                @change=${(e: Event) => (this.chosenPromise = (e.target as HTMLSelectElement).value)}
              ></pt-select-field>
              ${
                chosen
                  ? html`<p class="govuk-body">${t('meeting.col.suggested')}:</p>
                      <pt-board-suggestion .suggestion=${chosen.suggested}></pt-board-suggestion>`
                  : nothing
              }
              <pt-radios-field
                name="rating"
                legend=${t('meeting.decide.rating')}
                error=${this.fieldError('decision', 'rating')}
                .value=${chosen?.suggested.rating ?? ''}
                .options=${RATINGS.map((r) => ({ value: r, label: `${t(`rag.${r}`)}: ${summary.definitions[r].label}` }))}
              ></pt-radios-field>
              <pt-text-field
                name="rationale"
                label=${t('meeting.decide.rationale')}
                hint=${t('meeting.decide.rationaleHint')}
                multiline
                optional
                error=${this.fieldError('decision', 'rationale')}
              ></pt-text-field>
              <button class="govuk-button" type="submit">${t('meeting.decide.save')}</button>
            </form>`
          : nothing
      }

      <h2 class="govuk-heading-m">${t('meeting.decisions')}</h2>
      ${
        m.reviews.length
          ? html`<table class="govuk-table">
              <caption class="govuk-table__caption govuk-visually-hidden">
                ${t('meeting.decisions')}
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">${t('meeting.col.promise')}</th>
                  <th scope="col" class="govuk-table__header">${t('meeting.col.rating')}</th>
                  <th scope="col" class="govuk-table__header">${t('meeting.col.suggested')}</th>
                  <th scope="col" class="govuk-table__header">${t('meeting.col.rationale')}</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${m.reviews.map(
                  (r) =>
                    html`<tr class="govuk-table__row">
                      <td class="govuk-table__cell">${byId.get(r.promiseId)?.staffText ?? r.promiseId}</td>
                      <td class="govuk-table__cell"><pt-status-tag .rating=${r.rating}></pt-status-tag></td>
                      <td class="govuk-table__cell"><pt-status-tag .rating=${r.suggestedRating}></pt-status-tag></td>
                      <td class="govuk-table__cell">${r.rationale}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="govuk-body">${t('meeting.decisions.none')}</p>`
      }

      <h2 class="govuk-heading-m">${t('meeting.challenges')}</h2>
      ${
        m.challenges.length
          ? html`<ul class="govuk-list govuk-list--bullet">
              ${m.challenges.map(
                (c) =>
                  html`<li>
                    ${c.text} (${name(c.ownerId)}, ${t('meeting.col.due')} ${day(c.dueDate)}):
                    ${c.closedOn ? t('meeting.closed', { date: day(c.closedOn) }) : t('meeting.open')}
                  </li>`,
              )}
            </ul>`
          : html`<p class="govuk-body">${t('meeting.challenges.none')}</p>`
      }
      ${
        canRun
          ? html`<form @submit=${(e: Event) => this.setChallenge(e, m)} novalidate>
              <h3 class="govuk-heading-s">${t('meeting.challenge.new')}</h3>
              ${this.summaryFor('challenge', { _: 'f-text', text: 'f-text', dueDate: 'f-dueDate', ownerId: 'f-ownerId', promiseId: 'f-challengePromise' })}
              <pt-text-field
                name="text"
                label=${t('meeting.challenge.text')}
                multiline
                error=${this.fieldError('challenge', 'text')}
              ></pt-text-field>
              <pt-select-field
                name="challengePromise"
                label=${t('meeting.challenge.promise')}
                error=${this.fieldError('challenge', 'promiseId')}
                .options=${[{ value: '', label: t('meeting.challenge.none') }, ...promiseOptions]}
              ></pt-select-field>
              <pt-select-field
                name="ownerId"
                label=${t('meeting.challenge.owner')}
                error=${this.fieldError('challenge', 'ownerId')}
                .options=${[{ value: '', label: t('meeting.challenge.none') }, ...people.filter((p) => !p.disabled).map((p) => ({ value: String(p.id), label: `${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ''}` }))]}
              ></pt-select-field>
              <pt-date-input
                name="dueDate"
                legend=${t('meeting.challenge.due')}
                hint=${t('meeting.field.dateHint')}
                error=${this.fieldError('challenge', 'dueDate')}
              ></pt-date-input>
              <button class="govuk-button govuk-button--secondary" type="submit">${t('meeting.challenge.save')}</button>
            </form>`
          : nothing
      }

      <h2 class="govuk-heading-m">${t('meeting.packs')}</h2>
      ${
        data.packs.length
          ? html`<ul class="govuk-list">
              ${data.packs.map(
                (p) =>
                  html`<li>
                    <a class="govuk-link" href="/board/packs/${p.id}"
                      >${t('meeting.packs.asAt', { kind: t(`meeting.packs.kind.${p.kind}`), date: day(p.asAt) })}</a
                    >
                  </li>`,
              )}
            </ul>`
          : html`<p class="govuk-body">${t('meeting.packs.none')}</p>`
      }
      ${
        canRun
          ? html`<div class="govuk-button-group">
              <button class="govuk-button" type="button" @click=${() => this.makePack('board', m)}>
                ${t('meeting.packs.make')}
              </button>
              <button
                class="govuk-button govuk-button--secondary"
                type="button"
                @click=${() => this.makePack('children', m)}
              >
                ${t('meeting.packs.makeChildren')}
              </button>
              ${
                this.welsh
                  ? html`<button
                      class="govuk-button govuk-button--secondary"
                      type="button"
                      @click=${() => this.makePack('children', m, 'cy')}
                    >
                      ${t('meeting.packs.makeChildrenCy')}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }`;
  }

  override render() {
    return this.data.render({
      pending: () => (this.data.value ? this.view(this.data.value) : html`<pt-loading></pt-loading>`),
      complete: (d) => this.view(d),
      // Not taskView: a re-run keeps showing the meeting rather than "loading".
      error: (e) => html`<pt-error-state .error=${e} @pt-retry=${() => void this.data.run()}></pt-error-state>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-board-meeting-page': PtBoardMeetingPage;
  }
}
