import { alertBody, nowText, toUtcIso, type AlertDraft } from './alert-body';

const draft = (over: Partial<AlertDraft> = {}): AlertDraft => ({
  channel: 'hotline', receivedAt: '2020-03-01 08:05', threatKind: 'attack-on-civilians', expectedAt: '', place: '', lat: '14.15', lon: '-3.62',
  precision: '2', cercle: 'Bankass', region: 'Mopti', description: '', callerName: '', callerPhone: '', ...over,
});

describe('alert body from what the operator typed', () => {
  it('reads times as UTC in the way they are typed, and leaves anything else for the API to judge', () => {
    expect(toUtcIso('2020-03-01 08:05')).toBe('2020-03-01T08:05:00Z');
    expect(toUtcIso('2020-03-01T08:05:30Z')).toBe('2020-03-01T08:05:30Z');
    expect(toUtcIso(' 2020-03-01 08:05 UTC ')).toBe('2020-03-01T08:05:00Z');
    expect(toUtcIso('tomorrow')).toBe('tomorrow');
    expect(nowText(new Date('2026-12-07T14:30:59Z'))).toBe('2026-12-07 14:30');
  });

  it('sends numbers as numbers and bad numbers as the text typed, so the API names the field', () => {
    expect(alertBody(draft()).location).toEqual({ lat: 14.15, lon: -3.62, precision: 2, cercle: 'Bankass', region: 'Mopti' });
    expect(alertBody(draft({ lat: 'abc' })).location).toMatchObject({ lat: 'abc' });
  });

  it('leaves out what was not typed, the caller included', () => {
    const body = alertBody(draft());
    expect(body).toEqual({ channel: 'hotline', receivedAt: '2020-03-01T08:05:00Z', threat: { kind: 'attack-on-civilians' }, location: expect.any(Object) });
    expect(alertBody(draft({ callerPhone: ' +223 70 ' })).caller).toEqual({ phone: '+223 70' });
  });

  it('keeps the expected time and the description', () => {
    const body = alertBody(draft({ expectedAt: '2020-03-02 04:00', description: '  armed men  ' }));
    expect(body).toMatchObject({ threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-02T04:00:00Z' }, description: 'armed men' });
  });
});
