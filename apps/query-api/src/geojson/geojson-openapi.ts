import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { GEOJSON } from './feature-collection';

const POSITION: SchemaObject = { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' }, description: '[lon, lat]' };
const GEOMETRIES: Record<'Point' | 'LineString', SchemaObject> = {
  Point: { type: 'object', required: ['type', 'coordinates'], properties: { type: { type: 'string', enum: ['Point'] }, coordinates: POSITION } },
  LineString: { type: 'object', required: ['type', 'coordinates'], properties: { type: { type: 'string', enum: ['LineString'] }, coordinates: { type: 'array', minItems: 2, items: POSITION } } },
};

export const text = (extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...extra });
export const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });

/**
 * The published shape of a layer: an RFC 7946 FeatureCollection with `total` and
 * `nextCursor` as foreign members; `properties` lists what each feature may carry.
 */
export const ApiFeatureCollection = (
  description: string,
  geometries: readonly (keyof typeof GEOMETRIES)[],
  properties: Record<string, SchemaObject>,
  required: readonly string[],
) => {
  const geometry = geometries.length === 1 ? GEOMETRIES[geometries[0]!] : { oneOf: geometries.map((g) => GEOMETRIES[g]) };
  const feature: SchemaObject = {
    type: 'object',
    required: ['type', 'id', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string' },
      geometry,
      properties: { type: 'object', required: [...required], properties },
    },
  };
  const schema: SchemaObject = {
    type: 'object',
    required: ['type', 'features', 'total', 'nextCursor'],
    properties: {
      type: { type: 'string', enum: ['FeatureCollection'] },
      features: { type: 'array', items: feature },
      total: { type: 'integer', minimum: 0, description: 'features matching the filters, on every page' },
      nextCursor: { type: 'string', nullable: true, description: 'pass as cursor for the next page; null on the last' },
    },
  };
  return applyDecorators(ApiOkResponse({ description, content: { [GEOJSON]: { schema } } }));
};
