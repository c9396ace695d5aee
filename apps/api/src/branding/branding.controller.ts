import { Controller, Get, Header, NotFoundException, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BRANDING_ROUTES, type BrandingDto } from '@hubble/contracts';
import { BrandingService } from './branding.service';
import { webManifest } from './web-manifest';

/**
 * Public: the café's look for the apps, and the board's manifest built from it. Both are
 * revalidated on every use (`no-cache`), so a changed BRAND_* setting shows after a restart;
 * the service worker does not cache the manifest for the same reason.
 */
@Controller()
export class BrandingController {
  constructor(private readonly service: BrandingService) {}

  @Get(BRANDING_ROUTES.branding)
  @Header('Cache-Control', 'no-cache')
  branding(): BrandingDto {
    return this.service.branding;
  }

  @Get(BRANDING_ROUTES.manifest)
  @Header('Content-Type', 'application/manifest+json; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  manifest(): string {
    return JSON.stringify(webManifest(this.service.branding));
  }

  @Get(BRANDING_ROUTES.logoFile)
  logo(@Res() response: Response): void {
    const file = this.service.logoFile;
    if (!file) throw new NotFoundException('No logo file in DATA_DIR');
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(file);
  }
}
