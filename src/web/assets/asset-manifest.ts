import { Injectable } from '@nestjs/common';
import type { AssetManifest } from './build-assets';

/** The content-hashed asset paths, filled at start by configureWeb, read by the layout. */
@Injectable()
export class AssetManifestHolder {
  private files: AssetManifest = {};

  set(files: AssetManifest): void {
    this.files = files;
  }

  /** What the layout links to. */
  frameAssets(): { css: string; quizTimer: string; jobProgress: string } {
    return { css: this.path('peercert.css'), quizTimer: this.path('quiz-timer.js'), jobProgress: this.path('job-progress.js') };
  }

  path(logical: string): string {
    const p = this.files[logical];
    if (!p) throw new Error(`No built asset named ${logical}`);
    return p;
  }
}
