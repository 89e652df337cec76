import { GAZETTEER, type GazetteerEntry, type PlaceKind } from './gazetteer';

/** Lower case without diacritics: "Segou" finds "Ségou", "MENAKA" finds "Ménaka". */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();

const KIND_ORDER: Readonly<Record<PlaceKind, number>> = { place: 0, cercle: 1, region: 2 };

/** 0: the name starts with the text; 1: the name, cercle or region contains it; undefined: no match. */
const rankOf = (entry: GazetteerEntry, text: string): number | undefined => {
  const name = foldText(entry.name);
  if (name.startsWith(text)) return 0;
  const fields = [name, foldText(entry.cercle ?? ''), foldText(entry.region)];
  return fields.some((field) => field.includes(text)) ? 1 : undefined;
};

/**
 * Entries whose name, cercle or region contains `query` (case and accents ignored): names
 * starting with it first, then the other matches, each alphabetically (a town before the
 * cercle and region of the same name), at most `limit`.
 */
export const searchPlaces = (query: string, limit: number, gazetteer: readonly GazetteerEntry[] = GAZETTEER): GazetteerEntry[] => {
  const text = foldText(query);
  return gazetteer
    .map((entry) => ({ entry, rank: rankOf(entry, text), key: foldText(entry.name) }))
    .filter((hit): hit is { entry: GazetteerEntry; rank: number; key: string } => hit.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key) || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind])
    .slice(0, Math.max(0, limit))
    .map((hit) => hit.entry);
};
