import { AlertsGeoJsonController } from './alerts-geojson.controller';
import { BasesGeoJsonController } from './bases-geojson.controller';
import { FlightsGeoJsonController } from './flights-geojson.controller';
import { IedsGeoJsonController } from './ieds-geojson.controller';
import { IncidentsGeoJsonController } from './incidents-geojson.controller';
import { PatrolsGeoJsonController } from './patrols-geojson.controller';

/** The map layers (`/<layer>.geojson`): static paths, so no `/<layer>/:id` route can take them. */
export const GEOJSON_CONTROLLERS = [
  IncidentsGeoJsonController,
  AlertsGeoJsonController,
  PatrolsGeoJsonController,
  BasesGeoJsonController,
  IedsGeoJsonController,
  FlightsGeoJsonController,
];
