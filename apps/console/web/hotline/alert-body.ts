/** What the operator typed, as text, before it becomes a POST /alerts body. */
export type AlertDraft = Readonly<{
  channel: string;
  receivedAt: string;
  threatKind: string;
  expectedAt: string;
  place: string;
  lat: string;
  lon: string;
  precision: string;
  cercle: string;
  region: string;
  description: string;
  callerName: string;
  callerPhone: string;
}>;

/** `2026-12-07 14:30` (UTC), the way an operator types it; an ISO time passes as it is. */
export const toUtcIso = (text: string): string => {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*(?:Z|UTC)?$/i.exec(text.trim());
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z` : text.trim();
};

export const nowText = (now = new Date()): string => now.toISOString().slice(0, 16).replace('T', ' ');

/**
 * Numbers go as numbers, anything else as the text typed: the API then names the bad field,
 * the one judge of what is valid (the form repeats none of its rules).
 */
const numberOrText = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

export const alertBody = (d: AlertDraft): Record<string, unknown> => {
  const caller = { name: optional(d.callerName), phone: optional(d.callerPhone) };
  return {
    channel: d.channel,
    receivedAt: toUtcIso(d.receivedAt),
    threat: { kind: d.threatKind, ...(optional(d.expectedAt) && { expectedAt: toUtcIso(d.expectedAt) }) },
    location: {
      lat: numberOrText(d.lat),
      lon: numberOrText(d.lon),
      ...(optional(d.precision) && { precision: numberOrText(d.precision) }),
      ...(optional(d.place) && { place: d.place.trim() }),
      ...(optional(d.cercle) && { cercle: d.cercle.trim() }),
      ...(optional(d.region) && { region: d.region.trim() }),
    },
    ...(optional(d.description) && { description: d.description.trim() }),
    ...((caller.name || caller.phone) && { caller: Object.fromEntries(Object.entries(caller).filter(([, v]) => v)) }),
  };
};
