import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** Serves the web console; imported by the apps that serve the read side (query-api, all-in-one). */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
