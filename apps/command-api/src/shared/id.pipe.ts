import { BadRequestException, type PipeTransform } from '@nestjs/common';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Ids become stream ids: keep them to a safe alphabet. */
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID.test(value)) throw new BadRequestException('id must be 1–64 letters, digits, - or _');
    return value;
  }
}
