// Whether the council uses Welsh: staff forms show their Welsh fields only when it does. The
// fields are hidden, not removed, so what they already hold is sent back unchanged.
import type { Settings } from '../server/contracts/index.js';
import { api } from './api/client.js';

export async function welshInUse(): Promise<boolean> {
  try {
    return (await api.get<Settings>('/settings')).useWelsh;
  } catch {
    // Unknown: show the Welsh fields rather than hide words someone may need to edit.
    return true;
  }
}
