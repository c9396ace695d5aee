export { BrandingModule } from './branding.module';
export { BrandingService } from './branding.service';
