import type { StoredEvent } from '@poc/domain';

const flatten = (value: unknown, prefix = ''): [string, unknown][] =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k))
    : [[prefix, value]];

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * One block per event: version, type, when it happened and when it was recorded (late
 * reports stand out), who did it, and the fields — only those that changed since the
 * stream's previous event, so corrections read as corrections.
 */
export const renderTimeline = (events: readonly StoredEvent[]): string => {
  const seen = new Map<string, string>();
  const lines: string[] = [`${events[0]!.streamId} — ${events.length} event(s)`, ''];
  for (const e of events) {
    const lagDays = (Date.parse(e.recordedAt) - Date.parse(e.occurredAt)) / 86_400_000;
    const late = lagDays >= 1 ? `  (recorded ${lagDays.toFixed(1)} days later)` : '';
    lines.push(`v${e.streamVersion}  #${e.position}  ${e.type} (schema v${e.schemaVersion})`);
    lines.push(`    occurred ${e.occurredAt}   recorded ${e.recordedAt}${late}`);
    lines.push(`    by ${e.metadata.actor} (${e.metadata.role})`);
    // A correction's `changes` are the same fields again: show them as edits of those fields.
    const data = e.data as Record<string, unknown>;
    const fields = 'changes' in data ? { ...data, ...(data.changes as object), changes: undefined } : data;
    for (const [field, value] of flatten(fields).filter(([, v]) => v !== undefined)) {
      const text = show(value);
      if (seen.get(field) === text) continue;
      lines.push(`    ${field}: ${seen.has(field) ? `${seen.get(field)} → ` : ''}${text}`);
      seen.set(field, text);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
};
