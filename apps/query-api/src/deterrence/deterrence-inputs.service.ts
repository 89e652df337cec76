import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { PresenceView } from '@poc/projections';
import { DeterrenceInputs as InputsFromReadModels, SelectionTooLarge, type EngineInputs } from '@poc/deterrence';
import { ReadModels } from '../shared/read-models.service';

/** A selection too large for one request is the client's to narrow: 422, its message the detail. */
const refusedAs422 = async <T>(fetch: Promise<T>): Promise<T> => {
  try {
    return await fetch;
  } catch (e) {
    throw e instanceof SelectionTooLarge ? new UnprocessableEntityException(e.message) : e;
  }
};

/**
 * The engine's inputs from this API's read models: the fetch plan's probes are
 * @poc/deterrence's (DeterrenceInputs); this provider gives them ReadModels and answers a
 * selection they refuse with 422. `maxIncidents`/`maxEpisodes` are theirs (a test lowers them).
 */
@Injectable()
export class DeterrenceInputs extends InputsFromReadModels {
  constructor(readModels: ReadModels) {
    super(readModels);
  }

  override forPresences(focal: readonly PresenceView[], options: { radiusKm: number; asOf: string }): Promise<EngineInputs> {
    return refusedAs422(super.forPresences(focal, options));
  }
}
