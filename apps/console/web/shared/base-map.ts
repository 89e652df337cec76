import L from 'leaflet';
import regions from '../geo/mali-regions.json';

export const MALI_BOUNDS = L.latLngBounds([10.1, -12.3], [25.1, 4.3]);

/**
 * Leaflet with no tile layer: the ops rooms have no tile server and no internet. The base
 * is Mali's ten regions, bundled (amCharts geodata, linkware: its credit stays on the map).
 * No package has Mali's cercles: they appear as their seat towns in the place search.
 */
export const baseMap = (container: HTMLElement): { map: L.Map; regions: L.GeoJSON } => {
  const map = L.map(container, { preferCanvas: false, zoomSnap: 0.25, keyboard: true, attributionControl: true, minZoom: 4, maxZoom: 14 });
  map.attributionControl.setPrefix(false).addAttribution('Regions: amCharts geodata (amcharts.com)');
  const layer = L.geoJSON(regions as GeoJSON.FeatureCollection, {
    style: { color: '#55606e', weight: 1, fillColor: '#eef0e6', fillOpacity: 1 },
    onEachFeature: (feature, l) => l.bindTooltip(String(feature.properties?.name ?? ''), { sticky: true }),
  }).addTo(map);
  map.fitBounds(MALI_BOUNDS);
  return { map, regions: layer };
};
