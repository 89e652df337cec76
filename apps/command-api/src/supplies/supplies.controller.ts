import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { supplyDeliveryDecider, supplyDeliveryStreamId } from '@poc/domain';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { toUtc } from '../shared/validators';
import { CreatedDto } from '../shared/write-result.dto';
import { RecordSupplyDeliveryDto } from './record-supply-delivery.dto';

/** Deliveries of supplies to justice institutions (courts, prisons). */
@ApiTags('supplies')
@ApiBearerAuth()
@Controller('supplies')
export class SuppliesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto })
  record(@Body() body: RecordSupplyDeliveryDto, @Write() write: WriteContext) {
    const deliveryId = randomUUID();
    const data = { ...body, deliveryId, deliveredAt: toUtc(body.deliveredAt) };
    return this.commands.execute(
      new DecideCommand(supplyDeliveryDecider, supplyDeliveryStreamId(deliveryId), { type: 'RecordSupplyDelivery', data, context: commandContext() }, write, true),
    );
  }
}
