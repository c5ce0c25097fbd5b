// The demo council's words as if people had approved them: the council's own wording of themes,
// promises, commitments and measures, and the feedback the demo marks approved. Other feedback
// with public words waits in the approval queue, so the demo shows one. Seed data only: real
// words go public through server/services/publishing.ts and nothing else.
import { sql } from 'drizzle-orm';
import type { Tx } from '../repositories/write.js';

export function publishDemoWords(tx: Pick<Tx, 'run'>): void {
  tx.run(sql`update feedback set live_public_text = public_text, live_response = response,
    live_response_text = response_text, live_cant_reason = cant_reason,
    live_response_text_cy = response_text_cy, live_cant_reason_cy = cant_reason_cy,
    live_responded_on = responded_on
    where publish_state = 'approved' and safeguarding = 0`);
  tx.run(sql`update themes set live_child_name = child_name, live_child_name_cy = child_name_cy`);
  tx.run(sql`update promises set live_child_text = child_text, live_child_text_cy = child_text_cy`);
  tx.run(sql`update measures set live_child_sentence = child_sentence, live_child_sentence_cy = child_sentence_cy`);
  tx.run(sql`update commitments set live_child_title = child_title, live_child_title_cy = child_title_cy,
    live_child_reason = child_reason, live_child_update = child_update, live_child_update_cy = child_update_cy`);
  tx.run(sql`insert into word_reviews (entity, entity_id, changed_by_id, changed_at)
    select 'feedback', id, logged_by_id, updated_at from feedback
    where publish_state = 'draft' and safeguarding = 0 and trim(public_text) <> ''
    on conflict (entity, entity_id) do nothing`);
}
