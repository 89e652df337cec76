import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNumber, IsString, Matches, MaxLength, MinLength, ValidateBy, ValidateIf } from 'class-validator';

/**
 * ISO 8601 allows forms that JavaScript's Date cannot read (2020-061, 2020-W10-1, 20200301T0930Z,
 * 09:30,5): the controllers would then fail on `toISOString()` with a 500. Only the extended
 * calendar form, and only an instant Date can hold.
 */
const CALENDAR_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;
export const isReadableTime = (value: unknown): value is string =>
  typeof value === 'string' && CALENDAR_TIME.test(value) && Number.isFinite(Date.parse(value));
const IsReadableTime = () =>
  ValidateBy({
    name: 'isReadableTime',
    validator: { validate: isReadableTime, defaultMessage: () => '$property must be a calendar date and time such as 2020-03-05T09:30:00Z' },
  });

/**
 * Optional means left out. class-validator's IsOptional also lets `null` through, which the
 * controllers then spread into the command: `note: null` crashed the retaliation decider
 * (500), and a stored null would reach projections that expect a string or an array.
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A time must say its offset: a bare local time is ambiguous when reports cross borders. */
export const IsUtcTime = (example: string, description?: string, optional = false) =>
  applyDecorators(
    ...(optional ? [IsOmittable(), ApiPropertyOptional({ example, description, format: 'date-time' })] : [ApiProperty({ example, description, format: 'date-time' })]),
    IsISO8601({ strict: true, strictSeparator: true }, { message: '$property must be an ISO 8601 time such as 2020-03-05T09:30:00Z' }),
    Matches(/([Zz]|[+-]\d\d:\d\d)$/, { message: '$property must end with Z or an offset such as +00:00' }),
    IsReadableTime(),
  );

/** Plain finite numbers only: no numeric strings, no NaN or Infinity. */
export const IsFiniteNumber = () => IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a finite number' });

export const IsShortText = (max: number, example: string, optional = true) =>
  applyDecorators(
    ...(optional ? [IsOmittable(), ApiPropertyOptional({ example, maxLength: max })] : [ApiProperty({ example, minLength: 1, maxLength: max })]),
    IsString(),
    MinLength(optional ? 0 : 1),
    MaxLength(max),
  );

/** Times leave the API normalised to UTC with milliseconds, so they sort as text. */
export const toUtc = (iso: string): string => new Date(iso).toISOString();
export const toUtcOpt = (iso: string | undefined): string | undefined => (iso === undefined ? undefined : toUtc(iso));
