import { ApiProperty } from '@nestjs/swagger';

export class WriteResultDto {
  @ApiProperty({ example: 'alert-6f1c2a8e-3b0d-4c55-9a11-2f4f8c7e9d10' }) streamId!: string;
  @ApiProperty({ example: 1, description: 'the stream version after this write' }) version!: number;
  @ApiProperty({ example: 42, description: 'global position; pass as ?minPosition= to read your own write' }) position!: number;
}

export class CreatedDto extends WriteResultDto {
  @ApiProperty({ example: '6f1c2a8e-3b0d-4c55-9a11-2f4f8c7e9d10' }) id!: string;
}
