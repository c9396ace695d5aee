import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule, type ServeStaticModuleOptions } from '@nestjs/serve-static';

/** Paths the API owns; the board's single-page fallback must never answer them. */
const API_PATHS = [
  '/api/{*path}',
  '/health',
  '/health/{*path}',
  '/metrics',
  '/admin/{*path}',
  '/login/{*path}',
  '/auth/{*path}',
];

/**
 * Serves the built web apps from `webRoot` (dist/apps): the back-office at /admin and the board
 * at /, so one process on one port is the whole product. An app that is not built is skipped
 * with a warning instead of failing the API.
 */
@Module({})
export class WebModule {
  static forRoot(webRoot: string | undefined): DynamicModule {
    const apps: ServeStaticModuleOptions[] = [];
    if (webRoot) {
      const admin = join(webRoot, 'admin', 'browser');
      const board = join(webRoot, 'board', 'browser');
      if (isBuilt(admin, 'admin')) apps.push({ rootPath: admin, serveRoot: '/admin' });
      if (isBuilt(board, 'board')) apps.push({ rootPath: board, exclude: API_PATHS });
    }
    return {
      module: WebModule,
      imports: apps.length > 0 ? [ServeStaticModule.forRoot(...apps)] : [],
    };
  }
}

function isBuilt(dir: string, name: string): boolean {
  if (existsSync(join(dir, 'index.html'))) return true;
  new Logger(WebModule.name).warn(`The ${name} app is not built (${dir}); it is not served`);
  return false;
}
