import { ApiProperty } from '@nestjs/swagger';

/** An event as the store keeps it; a sealed caller appears only as its status. */
export class StoredEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'AlertReceived' }) type!: string;
  @ApiProperty({ type: 'integer', example: 3 }) schemaVersion!: number;
  @ApiProperty({ example: 'alert-6f1c2a8e-3b0d-4c55-9a11-2f4f8c7e9d10' }) streamId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) streamVersion!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) position!: number;
  @ApiProperty({ format: 'date-time', description: 'when it happened in the world, as reported' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when the store durably took it' }) recordedAt!: string;
  @ApiProperty({ type: Object }) data!: object;
  @ApiProperty({ type: Object, description: 'actor, role, correlationId, idempotencyKey' }) metadata!: object;
}
