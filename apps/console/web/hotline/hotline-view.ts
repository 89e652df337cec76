import L from 'leaflet';
import { h } from '../shared/dom';
import { baseMap } from '../shared/base-map';
import { alertForm } from './alert-form';
import { myAlerts } from './my-alerts';
import { startOutbox } from './outbox';

let started = false;

/** The hotline operator's screen: the form first, a map to click a place on, then the operator's own alerts. */
export const hotlineView = (actor: string): HTMLElement => {
  const form = alertForm(actor);
  const mapBox = h('div', { class: 'map small', 'data-hotline-map': '' });
  const view = h('div', { class: 'view hotline', 'data-view-name': 'hotline' }, h('div', { class: 'columns' }, form.element, mapBox), myAlerts(actor));
  requestAnimationFrame(() => {
    const { map } = baseMap(mapBox);
    let marker: L.CircleMarker | undefined;
    map.on('click', (e: L.LeafletMouseEvent) => {
      form.setPoint(e.latlng.lat, e.latlng.lng);
      marker = (marker ?? L.circleMarker(e.latlng, { radius: 6, color: '#b00' }).addTo(map)).setLatLng(e.latlng);
    });
  });
  if (!started) {
    started = true;
    startOutbox();
  }
  return view;
};
