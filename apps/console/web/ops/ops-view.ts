import L from 'leaflet';
import { h } from '../shared/dom';
import { baseMap } from '../shared/base-map';
import { t, type MessageKey } from '../shared/i18n';
import { alertQueue } from './alert-queue';
import { filterBar } from './filter-bar';
import { followLive, type LiveEvent } from './live-feed';
import { LAYERS, loadLayer, type Filters, type LayerName } from './map-layers';
import { weeklyTable } from './weekly-table';
import { beep } from './notice-sound';

/** Which layers an event can change; an event of another kind redraws nothing. */
const LAYERS_OF: Record<string, readonly LayerName[]> = {
  Incident: ['incidents'], Alert: ['alerts'], Caller: [], Patrol: ['patrols'], Flight: ['flights', 'alerts'], Base: ['bases'], Ied: ['ieds'],
};
const layersOf = (type: string): readonly LayerName[] => Object.entries(LAYERS_OF).find(([prefix]) => type.startsWith(prefix))?.[1] ?? LAYERS;

/** The operations centre: where things are (map), what waits (queue), what is getting worse (per cercle). */
export const opsView = (canAct: boolean, openPatrolCurve: (patrolId: string) => void): HTMLElement => {
  const flash = h('div', { class: 'flash', 'data-flash': '', role: 'alert', hidden: true });
  const notice = h('p', { class: 'notice', 'data-notice': '', role: 'status' });
  const live = h('span', { class: 'live', 'data-live': 'off' }, t('ops.live.off'));
  const counts = h('p', { class: 'counts', 'data-counts': '' });
  const mapBox = h('div', { class: 'map', 'data-map': '', tabindex: 0, 'aria-label': t('ops.map') });
  const notify = (message: string, isFlash = false): void => {
    if (!isFlash) return void (notice.textContent = message);
    flash.textContent = message;
    flash.hidden = false;
    beep();
  };
  const queue = alertQueue(canAct, notify);
  const weekly = weeklyTable();
  let filters: Filters = {};
  let map: L.Map | undefined;
  let control: L.Control.Layers | undefined;
  const shown = new Map<LayerName, L.Layer>();

  const load = async (names: readonly LayerName[], minPosition?: number): Promise<void> => {
    await Promise.all(names.map(async (name) => {
      const loaded = await loadLayer(name, filters, minPosition).catch((error: unknown) => void notify(t('error.generic', { detail: String(error) })));
      if (!loaded) return;
      const old = shown.get(name);
      const visible = !old || map!.hasLayer(old);
      if (old) {
        map!.removeLayer(old);
        control!.removeLayer(old);
      }
      shown.set(name, loaded.layer);
      control!.addOverlay(loaded.layer, t(`ops.layer.${name}` as MessageKey));
      if (visible) loaded.layer.addTo(map!);
      mapBox.setAttribute(`data-${name}-count`, String(loaded.shown));
      mapBox.setAttribute(`data-${name}-total`, String(loaded.total));
    }));
    counts.textContent = LAYERS.map((n) => `${t(`ops.layer.${n}` as MessageKey)}: ${mapBox.getAttribute(`data-${n}-count`) ?? 0}`).join(' · ');
  };
  let pending: LiveEvent[] = [];
  const onLive = (event: LiveEvent): void => {
    pending.push(event);
    // Events come in bursts (a patrol's stops, a batch): one redraw for the burst.
    if (pending.length === 1) setTimeout(() => {
      const burst = pending;
      pending = [];
      const position = Math.max(...burst.map((e) => e.position));
      const names = [...new Set(burst.flatMap((e) => layersOf(e.type)))];
      void load(names, position).then(() => mapBox.setAttribute('data-position', String(position)));
      if (burst.some((e) => e.type.startsWith('Alert') || e.type.startsWith('Flight'))) queue.refresh(position).catch(() => undefined);
      if (burst.some((e) => e.type.startsWith('Incident'))) weekly.refresh().catch(() => undefined);
    }, 100);
  };

  const view = h('div', { class: 'view ops', 'data-view-name': 'ops' },
    flash,
    filterBar((f) => ((filters = f), void load(LAYERS))),
    h('div', { class: 'columns' }, h('div', { class: 'map-column' }, mapBox, h('div', { class: 'map-footer' }, live, counts)), queue.element),
    notice,
    weekly.element);
  flash.addEventListener('click', () => (flash.hidden = true));

  requestAnimationFrame(() => {
    const base = baseMap(mapBox);
    map = base.map;
    control = L.control.layers(undefined, { [t('ops.layer.regions')]: base.regions }, { collapsed: false }).addTo(map);
    map.on('popupopen', (e: L.PopupEvent) => {
      const patrolId = (e.popup as unknown as { _source?: { feature?: GeoJSON.Feature } })._source?.feature?.properties?.id;
      const kind = (e.popup as unknown as { _source?: { feature?: GeoJSON.Feature } })._source?.feature?.properties?.kind;
      if (kind !== 'track' || !patrolId) return;
      const button = h('button', { type: 'button', 'data-patrol-curve': String(patrolId), onclick: () => openPatrolCurve(String(patrolId)) }, t('ops.patrolCurve'));
      e.popup.getElement()?.querySelector('.leaflet-popup-content')?.append(button);
    });
    void load(LAYERS).then(() => mapBox.setAttribute('data-ready', 'true'));
    const report = (error: unknown) => notify(t('error.generic', { detail: String(error) }));
    queue.refresh().catch(report);
    weekly.refresh().catch(report);
    followLive(onLive, (on) => {
      live.setAttribute('data-live', on ? 'on' : 'off');
      live.textContent = t(on ? 'ops.live.on' : 'ops.live.off');
    });
  });
  return view;
};
