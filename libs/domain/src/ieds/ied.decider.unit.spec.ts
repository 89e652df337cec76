import { DeciderSpecification } from '@poc/domain/testing';
import { toLocation } from '../shared/location';
import type { IedDetected, IedDetonated, IedNeutralized, IedStatus } from './ied.events';
import { iedDecider, iedStreamId } from './ied.decider';
import { iedDetectedV1toV2 } from './ied-detected.upcasters';

const now = '2020-03-20T12:00:00.000Z';
const context = { now };
const iedId = 'x1';
const spec = DeciderSpecification.for(iedDecider);
const detectedAt = '2020-03-10T07:30:00.000Z';
const later = '2020-03-10T11:00:00.000Z';
// Operation Sika: a convoy on the Gao–Ansongo–Labbezanga axis finds a device near Labbezanga.
const labbezanga = { lat: 14.95, lon: 0.72, precision: 2, place: 'Labbezanga', cercle: 'Ansongo', region: 'Gao' };
const report = { unit: 'EOD-1', convoyId: 'c-sika-7', method: 'visual' };

const detect = (status: IedStatus, extra: { casualties?: number; detectedAt?: string; axis?: string } = {}) =>
  ({ type: 'DetectIed', context, data: { iedId, detectedAt, location: labbezanga, status, ...report, ...extra } }) as const;
const neutralize = (at = later, casualties?: number) =>
  ({ type: 'NeutralizeIed', context, data: { iedId, at, ...(casualties !== undefined && { casualties }) } }) as const;
const detonation = (at = later, casualties?: number) =>
  ({ type: 'RecordIedDetonation', context, data: { iedId, at, ...(casualties !== undefined && { casualties }) } }) as const;

const detected: IedDetected = {
  type: 'IedDetected',
  occurredAt: detectedAt,
  data: { iedId, detectedAt, location: toLocation(labbezanga), ...report, axis: null },
};
const neutralized: IedNeutralized = { type: 'IedNeutralized', occurredAt: later, data: { iedId, at: later } };
const detonated: IedDetonated = { type: 'IedDetonated', occurredAt: later, data: { iedId, at: later, casualties: 3 } };

describe('IED decider', () => {
  it('names its stream ied-<id>', () => expect(iedStreamId(iedId)).toBe('ied-x1'));

  describe('DetectIed', () => {
    it('records a detection', () => spec.given([]).when(detect('detected')).then([detected]));

    it('records a device found already neutralized as two facts at the detection time', () =>
      spec
        .given([])
        .when(detect('neutralized'))
        .then([detected, { type: 'IedNeutralized', occurredAt: detectedAt, data: { iedId, at: detectedAt } }]));

    it('records a device reported after it went off, with its casualties', () =>
      spec
        .given([])
        .when(detect('detonated', { casualties: 2 }))
        .then([detected, { type: 'IedDetonated', occurredAt: detectedAt, data: { iedId, at: detectedAt, casualties: 2 } }]));

    it('records the axis the device was on', () =>
      spec
        .given([])
        .when(detect('detected', { axis: 'Gao–Ansongo–Labbezanga' }))
        .then([{ ...detected, data: { ...detected.data, axis: 'Gao–Ansongo–Labbezanga' } }]));

    it('neutralizes a device whose v1 detection went through the upcaster', () => {
      const { axis: _axis, ...v1 } = detected.data;
      return spec.given([{ ...detected, data: iedDetectedV1toV2(v1) }]).when(neutralize()).then([neutralized]);
    });

    it('refuses to detect twice', () => spec.given([detected]).when(detect('detected')).thenThrows('conflict', /already reported/));

    it('refuses a detection in the future', () =>
      spec
        .given([])
        .when(detect('detected', { detectedAt: '2020-03-21T00:00:00.000Z' }))
        .thenThrows('invalid', /detectedAt.*future/));

    it('refuses negative casualties', () =>
      spec.given([]).when(detect('detonated', { casualties: -1 })).thenThrows('invalid', /casualties must be a whole number/));
  });

  describe('NeutralizeIed', () => {
    it('records a neutralization', () => spec.given([detected]).when(neutralize()).then([neutralized]));

    it('refuses an unknown IED', () => spec.given([]).when(neutralize()).thenThrows('not-found', /IED x1/));

    it('refuses to neutralize twice', () =>
      spec.given([detected, neutralized]).when(neutralize()).thenThrows('conflict', /already neutralized/));

    it('refuses to neutralize a detonated IED', () =>
      spec.given([detected, detonated]).when(neutralize()).thenThrows('conflict', /already detonated/));

    it('refuses a time before the detection', () =>
      spec
        .given([detected])
        .when(neutralize('2020-03-10T07:00:00.000Z'))
        .thenThrows('invalid', /at .*before the IED was detected/));

    it('refuses a time in the future', () =>
      spec.given([detected]).when(neutralize('2020-03-21T00:00:00.000Z')).thenThrows('invalid', /at .*future/));

    it('refuses negative casualties', () =>
      spec.given([detected]).when(neutralize(later, -2)).thenThrows('invalid', /casualties/));
  });

  describe('RecordIedDetonation', () => {
    it('records a detonation with its casualties', () =>
      spec.given([detected]).when(detonation(later, 3)).then([detonated]));

    it('refuses an unknown IED', () => spec.given([]).when(detonation()).thenThrows('not-found', /IED x1/));

    it('refuses to detonate a neutralized IED', () =>
      spec.given([detected, neutralized]).when(detonation()).thenThrows('conflict', /already neutralized/));

    it('refuses to record a detonation twice', () =>
      spec.given([detected, detonated]).when(detonation()).thenThrows('conflict', /already detonated/));

    it('refuses a time before the detection', () =>
      spec.given([detected]).when(detonation('2020-03-09T00:00:00.000Z')).thenThrows('invalid', /before the IED was detected/));

    it('refuses a time in the future', () =>
      spec.given([detected]).when(detonation('2020-03-21T00:00:00.000Z')).thenThrows('invalid', /at .*future/));

    it('refuses negative casualties', () =>
      spec.given([detected]).when(detonation(later, -1)).thenThrows('invalid', /casualties/));
  });
});
