import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import { AssetManifestHolder } from '../assets/asset-manifest';
import { cookieValue, resolveLocale } from '../i18n/locale';
import type { Locale } from '../i18n/locale';
import { layoutModel } from './layout-model';
import type { LayoutModel } from './layout-model';

export const LANG_COOKIE = 'peercert.lang';

/** The layout's part of a page (res.locals.frame), for signed-in and anonymous pages alike. */
@Injectable()
export class FrameService {
  constructor(private readonly assets: AssetManifestHolder, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The page language: the user's saved choice, else the switch's cookie, else the browser's. */
  localeOf(req: Request, saved?: string | null): Locale {
    return resolveLocale({ saved, cookie: cookieValue(req.headers.cookie, LANG_COOKIE), acceptLanguage: req.get('accept-language') });
  }

  frame(req: Request, lang: Locale, csrf: string | null): LayoutModel {
    return layoutModel(req, lang, csrf, { providerName: this.config.trainingProviderName, timezone: this.config.timezone }, this.assets.frameAssets());
  }
}
