import { UnprocessableEntityException } from '@nestjs/common';
import type { PresenceView } from '@poc/projections';
import { SelectionTooLarge } from '@poc/deterrence';
import type { ReadModels } from '../shared/read-models.service';
import { DeterrenceInputs } from './deterrence-inputs.service';

const episode = { kind: 'patrol-stop', arrivedAt: '2020-01-01T18:00:00.000Z', point: { lat: 14, lon: -3.5 } };
const presence = { episodes: [episode, episode] } as unknown as PresenceView;

describe('DeterrenceInputs (query API)', () => {
  it('given a selection the fetch plan refuses, then a 422 whose detail is its message', async () => {
    // Refused on the episode count, before any read: no read model is needed.
    const inputs = Object.assign(new DeterrenceInputs({} as ReadModels), { maxEpisodes: 1 });
    const refused = inputs.forPresences([presence], { radiusKm: 10, asOf: '2021-01-01T00:00:00.000Z' });
    await expect(refused).rejects.toBeInstanceOf(UnprocessableEntityException);
    await expect(refused).rejects.toMatchObject({ status: 422, message: new SelectionTooLarge('presence episodes', 1).message });
  });

  it('given another failure, then it is left as it is', async () => {
    const failing = { find: () => Promise.reject(new Error('database gone')) } as unknown as ReadModels;
    await expect(new DeterrenceInputs(failing).forPresences([presence], { radiusKm: 10, asOf: '2021-01-01T00:00:00.000Z' })).rejects.toThrow('database gone');
  });
});
