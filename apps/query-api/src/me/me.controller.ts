import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { API_ROLES, Roles, type AuthenticatedRequest, type Principal } from '@poc/platform/auth';

class MeDto {
  @ApiProperty({ enum: API_ROLES, example: 'ops' }) role!: string;
  @ApiProperty({ example: 'ops:1a2b3c4d#1', description: 'what the events this key writes record as their actor (never the key)' }) actor!: string;
}

/** Who the key belongs to: a console shows the role and hides what it may not do. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
@Roles('operator', 'ops', 'analyst')
export class MeController {
  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@Req() request: AuthenticatedRequest): Principal {
    // The guard has run and set it (no public route here); copy, never hand out the registry's object.
    const { role, actor } = request.principal!;
    return { role, actor };
  }
}
