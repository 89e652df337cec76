import { Controller, Get, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { consoleBundle, type ConsoleAsset } from './build-console';
import { Public } from '@poc/platform/auth';

const send = (reply: FastifyReply, asset: ConsoleAsset, acceptEncoding: string | undefined, cache: string): Buffer => {
  void reply.header('content-type', asset.contentType).header('cache-control', cache).header('vary', 'accept-encoding');
  if (acceptEncoding?.includes('gzip')) {
    void reply.header('content-encoding', 'gzip');
    return asset.gzip;
  }
  return asset.body;
};

/** The web console: its page at `/`, its bundle under `/console/`. The API key is typed in the page, never sent here. */
@ApiExcludeController()
@Public()
@Controller()
export class ConsoleController {
  @Get()
  async page(@Headers('accept-encoding') encoding: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    // The page names the bundle's current hash: always fetch it anew.
    return send(reply, (await consoleBundle()).html, encoding, 'no-cache');
  }

  @Get('console/:file')
  async file(@Param('file') file: string, @Headers('accept-encoding') encoding: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const asset = (await consoleBundle()).assets.get(file);
    if (!asset) throw new NotFoundException(`console file ${file} not found`);
    return send(reply, asset, encoding, 'public, max-age=31536000, immutable');
  }
}
