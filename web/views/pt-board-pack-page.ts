// A board pack on screen and on paper: the frozen snapshot, laid out for the A4 print
// stylesheet (page numbers and the "as at" date in the margins), with a link to the PDF.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type {
  BoardPackSnapshot,
  ChildrenPackSnapshot,
  Pack,
  PackPromise,
  ProgressReportSnapshot,
  RagRating,
} from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { api } from '../api/client.js';
import { t } from '../i18n/messages.js';
import '../components/pt-download-link.js';
import { day } from '../dates.js';
import { ragDefinitionList } from '../components/pt-board-rag-definitions.js';
import '../components/pt-status-tag.js';
import '../components/pt-trend.js';
import { taskView } from '../components/task-view.js';
import '../components/pt-board-pack-measure.js';
import { CHILDREN_PACK_WORDS } from '../../server/contracts/children-pack-words.js';

const STATUS: Record<string, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  done: 'Done',
  dropped: 'Dropped',
};

@customElement('pt-board-pack-page')
export class PtBoardPackPage extends PtLightElement {
  @property({ type: Number }) packId = 0;

  private pack = new Task(this, {
    task: ([id], { signal }) => api.get<Pack>(`/board/packs/${id}`, signal),
    args: () => [this.packId] as const,
  });

  private definitions(d: BoardPackSnapshot['definitions']) {
    return html`<h2 class="govuk-heading-l">What the colours mean</h2>
      ${ragDefinitionList(d)}`;
  }

  private promise(p: PackPromise) {
    return html`<article class="pt-pack-promise">
      <h3 class="govuk-heading-m">${p.staffText}</h3>
      <p class="govuk-body">
        Board rating: <pt-status-tag .rating=${p.decided}></pt-status-tag>
        <pt-trend .trend=${p.trend}></pt-trend> ${p.decidedOn ? html`(${day(p.decidedOn)})` : nothing}
      </p>
      <p class="govuk-body">
        Suggested from the evidence: <pt-status-tag .rating=${p.suggested.rating}></pt-status-tag>
      </p>
      <ul class="govuk-list govuk-list--bullet">
        ${p.suggested.reasons.map((r) => html`<li>${r.text}</li>`)}
      </ul>
      ${
        p.verdicts
          ? html`<p class="govuk-body">
              Children’s verdict: ${p.verdicts.kept} kept, ${p.verdicts.gettingThere} getting there,
              ${p.verdicts.notYet} not
              yet.${p.childrenDisagree ? html` <strong>The children see this differently from the board.</strong>` : nothing}
            </p>`
          : nothing
      }
      ${p.ownerName ? html`<p class="govuk-body">Owner: ${p.ownerName}</p>` : nothing}
      <h4 class="govuk-heading-s">You said</h4>
      ${
        p.youSaid.length
          ? html`<ul class="govuk-list govuk-list--bullet">
              ${p.youSaid.map((y) => html`<li>“${y.text}” (${y.ageBand}, ${day(y.heardOn)})</li>`)}
            </ul>`
          : html`<p class="govuk-body">Nothing recorded yet.</p>`
      }
      <h4 class="govuk-heading-s">We will</h4>
      ${
        p.weWill.length
          ? html`<table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">
                Actions for this promise
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Action</th>
                  <th scope="col" class="govuk-table__header">Status</th>
                  <th scope="col" class="govuk-table__header">Due</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">Progress</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${p.weWill.map(
                  (c) =>
                    html`<tr class="govuk-table__row">
                      <td class="govuk-table__cell">
                        ${c.title}${c.note ? html`<br /><span class="govuk-body-s">${c.note}</span>` : nothing}
                      </td>
                      <td class="govuk-table__cell">${STATUS[c.status]}${c.overdue ? ' (overdue)' : ''}</td>
                      <td class="govuk-table__cell">${day(c.dueDate)}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${c.progress}%</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="govuk-body">No actions yet.</p>`
      }
      <h4 class="govuk-heading-s">How we’ll know</h4>
      ${p.howWeWillKnow.length ? p.howWeWillKnow.map((m) => html`<pt-board-pack-measure .measure=${m}></pt-board-pack-measure>`) : html`<p class="govuk-body">No measures yet.</p>`}
      <h4 class="govuk-heading-s">We did</h4>
      ${
        p.weDid.length
          ? html`<ul class="govuk-list govuk-list--bullet">
              ${p.weDid.map((w) => html`<li>${w.text}${w.on ? ` (${day(w.on)})` : ''}</li>`)}
            </ul>`
          : html`<p class="govuk-body">No answers recorded yet.</p>`
      }
      <p class="govuk-body">
        Closing the loop: ${p.loop.awaitingResponse} waiting for an answer, ${p.loop.awaitingOverTarget} past the
        target.
      </p>
    </article>`;
  }

  private board(s: BoardPackSnapshot) {
    return html`<h1 class="govuk-heading-xl">${s.meeting?.title ?? t('board.title')}: board pack</h1>
      <p class="govuk-body-l">
        ${s.councilName}. As at
        ${day(s.asAt)}${s.meeting ? `, for the meeting on ${day(s.meeting.meetingDate)}` : ''}${
          s.meeting?.focusTheme ? `, focusing on ${s.meeting.focusTheme}` : ''
        }.
        This period: ${day(s.periodFrom)} to ${day(s.periodTo)}.
      </p>
      ${s.quorum ? html`<p class="govuk-body">Quorum: ${s.quorum.quorate ? 'the meeting is quorate' : `not quorate: ${s.quorum.shortfalls.join('; ')}`}.</p>` : nothing}
      <h2 class="govuk-heading-l">RAG summary</h2>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          How many promises the board rated each colour
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Rating</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Promises</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${(['red', 'amber', 'green', 'blue'] as RagRating[]).map(
            (r) =>
              html`<tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  <pt-status-tag .rating=${r}></pt-status-tag> ${s.definitions[r].label}
                </th>
                <td class="govuk-table__cell govuk-table__cell--numeric">${s.ragCounts[r]}</td>
              </tr>`,
          )}
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">Not rated yet</th>
            <td class="govuk-table__cell govuk-table__cell--numeric">${s.ragCounts.notRated}</td>
          </tr>
        </tbody>
      </table>
      ${this.definitions(s.definitions)}
      <h2 class="govuk-heading-l">Exceptions: red or worse than last time</h2>
      ${
        s.exceptions.length
          ? html`<ol class="govuk-list govuk-list--number">
              ${s.exceptions.map(
                (e) =>
                  html`<li>
                    <strong>${e.staffText}</strong> <pt-status-tag .rating=${e.rating}></pt-status-tag>
                    <pt-trend .trend=${e.trend}></pt-trend> ${e.ownerName ? html`. Owner: ${e.ownerName}` : nothing}
                    ${
                      e.commentary.length
                        ? html`<ul class="govuk-list govuk-list--bullet">
                            ${e.commentary.map((c) => html`<li>${c}</li>`)}
                          </ul>`
                        : html`<p class="govuk-body">No commentary from the owner yet.</p>`
                    }
                  </li>`,
              )}
            </ol>`
          : html`<p class="govuk-body">No promise is red or worse than last time.</p>`
      }
      <h2 class="govuk-heading-l">Matters arising</h2>
      ${
        s.mattersArising.length
          ? html`<ul class="govuk-list govuk-list--bullet">
              ${s.mattersArising.map(
                (m) =>
                  html`<li>
                    ${m.text}${m.promise ? ` (${m.promise})` : ''}${m.ownerName ? `, for ${m.ownerName}` : ''}. Due
                    ${day(m.dueDate)}${m.overdue ? ' (overdue)' : ''}. Set on ${day(m.setAt)}.
                  </li>`,
              )}
            </ul>`
          : html`<p class="govuk-body">No open challenges.</p>`
      }
      ${this.atThisMeeting(s)}
      <h2 class="govuk-heading-l">Closing the loop</h2>
      <p class="govuk-body">
        ${
          // The same sentences as the printed pack, worked out once when the pack was made.
          s.loopWords ??
          `${s.loopTotals.awaitingResponse} things children said are waiting for an answer; ${s.loopTotals.awaitingOverTarget} have waited longer than the target.`
        }
      </p>
      <h2 class="govuk-heading-l">What children told us this period</h2>
      ${
        s.childrenToldUs.length
          ? html`<ul class="govuk-list govuk-list--bullet">
              ${s.childrenToldUs.map((c) => html`<li>“${c.text}” (${c.ageBand}, ${day(c.heardOn)})</li>`)}
            </ul>`
          : html`<p class="govuk-body">Nothing approved to share from this period.</p>`
      }
      ${s.themes.map(
        (th) =>
          html`<section class="pt-pack-theme">
            <h2 class="govuk-heading-l">${th.name}</h2>
            ${th.promises.map((p) => this.promise(p))}
          </section>`,
      )}`;
  }

  /** What the board decided and asked at this meeting: in a pack made after it. */
  private atThisMeeting(s: BoardPackSnapshot) {
    const decisions = s.decisions ?? [];
    const set = s.challengesSet ?? [];
    if (!decisions.length && !set.length) return nothing;
    return html`<h2 class="govuk-heading-l">At this meeting</h2>
      ${
        decisions.length
          ? html`<h3 class="govuk-heading-m">RAG ratings decided</h3>
              <ul class="govuk-list govuk-list--bullet">
                ${decisions.map(
                  (r) =>
                    html`<li>
                      ${r.promise}:
                      <pt-status-tag .rating=${r.rating}></pt-status-tag>${r.rationale ? `. ${r.rationale}` : ''}
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${
        set.length
          ? html`<h3 class="govuk-heading-m">Challenges set</h3>
              <ul class="govuk-list govuk-list--bullet">
                ${set.map(
                  (c) =>
                    html`<li>
                      ${c.text}${c.promise ? ` (${c.promise})` : ''}${c.ownerName ? `, for ${c.ownerName}` : ''}. Due
                      ${c.dueWords}.
                    </li>`,
                )}
              </ul>`
          : nothing
      }`;
  }

  private childrenPack(s: ChildrenPackSnapshot) {
    const w = CHILDREN_PACK_WORDS[s.lang ?? 'en'];
    return html`<div lang=${s.lang ?? 'en'}>
      <h1 class="govuk-heading-xl">${w.title}</h1>
      <p class="govuk-body-l">${w.from(s.councilName, s.asAtWords ?? s.asAt)}</p>
      <h2 class="govuk-heading-l">${w.toldUs}</h2>
      ${
        s.childrenToldUs.length
          ? html`<ul class="govuk-list govuk-list--bullet">
              ${s.childrenToldUs.map((c) => html`<li>“${c.text}” (${c.ageBand})</li>`)}
            </ul>`
          : html`<p class="govuk-body">${w.nothingNew}</p>`
      }
      ${s.themes.map(
        (th) =>
          html`<section class="pt-pack-theme">
            <h2 class="govuk-heading-l">${th.name}</h2>
            ${th.promises.map(
              (p) =>
                html`<article class="pt-pack-promise">
                  <h3 class="govuk-heading-m">${p.text}</h3>
                  ${
                    p.youSaid.length
                      ? html`<h4 class="govuk-heading-s">${w.youSaid}</h4>
                          <ul class="govuk-list govuk-list--bullet">
                            ${p.youSaid.map((y) => html`<li>“${y}”</li>`)}
                          </ul>`
                      : nothing
                  }
                  <h4 class="govuk-heading-s">${w.weWill}</h4>
                  ${
                    p.weWill.length
                      ? html`<ul class="govuk-list govuk-list--bullet">
                          ${p.weWill.map((c) => html`<li><strong>${w.status[c.status] ?? c.status}:</strong> ${c.text}${c.update ? `. ${c.update}` : ''}</li>`)}
                        </ul>`
                      : html`<p class="govuk-body">${w.stillWorking}</p>`
                  }
                  ${
                    p.weDid.length
                      ? html`<h4 class="govuk-heading-s">${w.weDid}</h4>
                          <ul class="govuk-list govuk-list--bullet">
                            ${p.weDid.map((d) => html`<li>${d}</li>`)}
                          </ul>`
                      : nothing
                  }
                </article>`,
            )}
          </section>`,
      )}
    </div>`;
  }

  private progress(s: ProgressReportSnapshot) {
    return html`<h1 class="govuk-heading-xl">Progress report: ${day(s.periodFrom)} to ${day(s.periodTo)}</h1>
      <p class="govuk-body-l">${s.councilName}, for the scrutiny committee and full council. As at ${day(s.asAt)}.</p>
      ${this.definitions(s.definitions)}
      ${s.themes.map(
        (th) =>
          html`<section class="pt-pack-theme">
            <h2 class="govuk-heading-l">${th.name}</h2>
            ${th.promises.map(
              (p) =>
                html`<article class="pt-pack-promise">
                  <h3 class="govuk-heading-m">${p.staffText}</h3>
                  <p class="govuk-body">
                    Board ratings in the period:
                    ${p.ratings.length ? p.ratings.map((r) => html`<pt-status-tag .rating=${r.rating}></pt-status-tag> ${day(r.decidedOn)} `) : 'none'}.
                    Suggested now: <pt-status-tag .rating=${p.suggested}></pt-status-tag>
                  </p>
                  <p class="govuk-body">
                    Actions: ${p.actionsDone} done, ${p.actionsOpen} open, ${p.actionsOverdue} overdue. Children’s views
                    heard in the period: ${p.heard}, of which ${p.answered} answered.
                  </p>
                  ${p.measures.map((m) => html`<pt-board-pack-measure .measure=${m}></pt-board-pack-measure>`)}
                </article>`,
            )}
          </section>`,
      )}`;
  }

  private view(pack: Pack) {
    const s = pack.snapshot;
    // The children's version says its date in words, as they would.
    const asAt = s.kind === 'children' ? (s.asAtWords ?? day(s.asAt)) : day(s.asAt);
    document.title = `${s.kind === 'board' ? 'Board pack' : s.kind === 'children' ? 'Children’s version' : 'Progress report'}, as at ${asAt} – ${t('app.name')}`;
    // The print stylesheet's page margin reads this for the running footer.
    document.documentElement.style.setProperty('--pt-pack-as-at', JSON.stringify(`As at ${asAt}`));
    return html`<div class="pt-pack-tools">
        ${pack.meetingId ? html`<a class="govuk-back-link" href="/board/meetings/${pack.meetingId}">${t('pack.back')}</a>` : html`<a class="govuk-back-link" href="/board">${t('pack.backBoard')}</a>`}
        <div class="govuk-button-group">
          <button class="govuk-button govuk-button--secondary" type="button" @click=${() => window.print()}>
            ${t('pack.print')}
          </button>
          <pt-download-link href="/api/v1/board/packs/${pack.id}/pdf" label=${t('pack.pdf')}></pt-download-link>
        </div>
      </div>
      <div class="pt-pack" data-as-at=${s.asAt}>
        <p class="pt-pack__as-at govuk-body-s">As at ${asAt}</p>
        ${s.kind === 'board' ? this.board(s) : s.kind === 'children' ? this.childrenPack(s) : this.progress(s)}
      </div>`;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.documentElement.style.removeProperty('--pt-pack-as-at');
  }

  override render() {
    return taskView(this.pack, (p) => this.view(p));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-board-pack-page': PtBoardPackPage;
  }
}
