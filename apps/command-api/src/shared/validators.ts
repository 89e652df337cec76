import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNumber, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** A time must say its offset: a bare local time is ambiguous when reports cross borders. */
export const IsUtcTime = (example: string, description?: string, optional = false) =>
  applyDecorators(
    ...(optional ? [IsOptional(), ApiPropertyOptional({ example, description, format: 'date-time' })] : [ApiProperty({ example, description, format: 'date-time' })]),
    IsISO8601({ strict: true, strictSeparator: true }, { message: '$property must be an ISO 8601 time such as 2020-03-05T09:30:00Z' }),
    Matches(/(Z|[+-]\d\d:\d\d)$/, { message: '$property must end with Z or an offset such as +00:00' }),
  );

/** Plain finite numbers only: no numeric strings, no NaN or Infinity. */
export const IsFiniteNumber = () => IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a finite number' });

export const IsShortText = (max: number, example: string, optional = true) =>
  applyDecorators(
    ...(optional ? [IsOptional(), ApiPropertyOptional({ example, maxLength: max })] : [ApiProperty({ example, maxLength: max })]),
    IsString(),
    MinLength(optional ? 0 : 1),
    MaxLength(max),
  );

/** Times leave the API normalised to UTC with milliseconds, so they sort as text. */
export const toUtc = (iso: string): string => new Date(iso).toISOString();
export const toUtcOpt = (iso: string | undefined): string | undefined => (iso === undefined ? undefined : toUtc(iso));
