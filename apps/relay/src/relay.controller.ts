import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RelayService } from './relay.service';
import { Roles } from '@poc/platform/auth';

@ApiTags('relay')
@Controller('relay')
@Roles('ops', 'analyst')
export class RelayController {
  constructor(private readonly relay: RelayService) {}

  /** Whether this instance holds the lease, and the last position the broker acknowledged. */
  @Get()
  status() {
    return this.relay.status;
  }
}
