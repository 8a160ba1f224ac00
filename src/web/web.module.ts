import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AssetManifestHolder } from './assets/asset-manifest';
import { WebErrorResponder } from './errors/web-error-responder';
import { FrameService } from './views/frame.service';
import { readCatalogs, Translator } from './i18n/catalogs';
import { LanguageController } from './language/language.controller';
import { WebSessionStore } from './session/session-store';
import { PasswordController } from './signin/password.controller';
import { SignInController } from './signin/signin.controller';

/**
 * The foundation of the pages: catalogs, assets, sessions, error pages, sign-in. Global so
 * the app-wide guard and error filter (registered in AppModule) can reach its services.
 */
@Global()
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [SignInController, PasswordController, LanguageController],
  providers: [
    { provide: Translator, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Translator(readCatalogs(config.templatesDir)) },
    AssetManifestHolder,
    WebSessionStore,
    WebErrorResponder,
    FrameService,
  ],
  exports: [Translator, AssetManifestHolder, WebSessionStore, WebErrorResponder, FrameService],
})
export class WebModule {}
