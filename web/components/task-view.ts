// How a page shows the Task that loads its data: "loading" while pending, the page when done,
// and on failure the page's heading (when it has one) above the error with its "Try again",
// which runs the task again. Not an element itself.
import { html, nothing } from 'lit';
import type { Task } from '@lit/task';
import './pt-loading.js';
import './pt-error-state.js';

export function taskView<R>(task: Task<readonly unknown[], R>, complete: (value: R) => unknown, heading?: string) {
  return task.render({
    pending: () => html`<pt-loading></pt-loading>`,
    complete,
    error: (err) =>
      html`${heading ? html`<h1 class="govuk-heading-l">${heading}</h1>` : nothing}
        <pt-error-state .error=${err} @pt-retry=${() => void task.run()}></pt-error-state>`,
  });
}
