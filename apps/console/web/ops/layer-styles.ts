import L from 'leaflet';
import { formatAge, formatTime, t, type MessageKey } from '../shared/i18n';

type Props = Record<string, unknown>;
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export const INCIDENT_KINDS = ['attack-on-civilians', 'clash', 'abduction', 'ied-explosion', 'looting', 'other'] as const;
const KIND_COLOURS: Record<string, string> = { 'attack-on-civilians': '#b3261e', clash: '#8e24aa', 'ied-explosion': '#ef6c00', abduction: '#6d4c41', looting: '#795548', other: '#546e7a' };
const PRIORITY_COLOURS: Record<string, string> = { flash: '#d50000', immediate: '#ff6d00', routine: '#fbc02d' };
// The API's spelling (`neutralized`), as the IED read model records it.
const IED_COLOURS: Record<string, string> = { detected: '#ff8f00', neutralized: '#2e7d32', detonated: '#b71c1c' };

const dot = (latlng: L.LatLng, colour: string, radius: number, extra: L.CircleMarkerOptions = {}): L.CircleMarker =>
  L.circleMarker(latlng, { radius, color: '#222', weight: 1, fillColor: colour, fillOpacity: 0.9, ...extra });

/** Civilian-targeting incidents get a thick red ring: they are what the deterrence figures count. */
export const incidentMarker = (p: Props, latlng: L.LatLng): L.Layer =>
  dot(latlng, KIND_COLOURS[text(p.kind)] ?? KIND_COLOURS.other!, 6, p.civilianTargeting ? { color: '#d50000', weight: 3 } : {}).bindPopup(
    `<b>${text(p.kind)}</b><br>${formatTime(text(p.occurredAt))}<br>${text(p.cercle)} ${text(p.region)}${p.civilianTargeting ? `<br><b>${t('ops.civilians')}</b>` : ''}${p.fatalities != null ? `<br>† ${text(p.fatalities)}` : ''}`,
  );

/** Open alerts by priority (untriaged: grey), bigger the older they are. */
export const alertMarker = (p: Props, latlng: L.LatLng): L.Layer => {
  const hours = (Date.now() - Date.parse(text(p.receivedAt))) / 3_600_000;
  return dot(latlng, PRIORITY_COLOURS[text(p.priority)] ?? '#9e9e9e', Math.min(12, 5 + Math.log2(1 + Math.max(0, hours))), { dashArray: '2' }).bindPopup(
    `<b>${p.threatKind ? t(`threat.${text(p.threatKind)}` as MessageKey) : ''}</b><br>${p.priority ? t(`priority.${text(p.priority)}` as MessageKey) : text(p.status)}<br>${formatAge(text(p.receivedAt))}`,
  );
};

export const iedMarker = (p: Props, latlng: L.LatLng): L.Layer =>
  dot(latlng, IED_COLOURS[text(p.status)] ?? '#ff8f00', 6, { color: '#000' }).bindPopup(`<b>IED</b> ${text(p.status)}<br>${formatTime(text(p.detectedAt))}`);

export const baseMarker = (p: Props, latlng: L.LatLng): L.Layer =>
  L.marker(latlng, { icon: L.divIcon({ className: 'tob-icon', html: '▲', iconSize: [16, 16] }), keyboard: true, title: text(p.name ?? p.id) }).bindPopup(
    `<b>TOB</b> ${text(p.name ?? p.unit ?? p.id)}<br>${formatTime(text(p.establishedAt))}${p.closedAt ? ` → ${formatTime(text(p.closedAt))}` : ''}`,
  );

/** A flight's target area as drawn: a circle of its radius around the point. */
export const flightMarker = (p: Props, latlng: L.LatLng): L.Layer =>
  L.circle(latlng, { radius: Number(p.radiusKm ?? 10) * 1000, color: '#1565c0', weight: 2, fillOpacity: 0.08 }).bindPopup(`<b>✈</b> ${text(p.status)}<br>${formatTime(text(p.dispatchedAt))}`);

export const patrolStyle = (): L.PathOptions => ({ color: '#2e7d32', weight: 3, opacity: 0.8 });
/** Overnight stops are small dots; a patrol with a single point (one stop, or still out with none) is its track, drawn larger. */
export const stopMarker = (p: Props, latlng: L.LatLng): L.Layer =>
  p.kind === 'track' ? dot(latlng, '#2e7d32', 7, { color: '#1b5e20', weight: 2 }).bindPopup(patrolPopup(p)) : dot(latlng, '#2e7d32', 4).bindPopup(`${text(p.unit ?? p.patrolId)}<br>${formatTime(text(p.at))}`);
export const patrolPopup = (p: Props): string => `<b>${text(p.unit ?? p.id)}</b><br>${formatTime(text(p.startedAt))}${p.endedAt ? ` → ${formatTime(text(p.endedAt))}` : ''}`;
