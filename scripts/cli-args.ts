import { resolve } from 'node:path';

/** The FILE argument of `npm run backup|restore -- FILE`, relative to the folder npm was run from. */
export function fileArgument(usage: string): string {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) {
    console.error(usage);
    process.exit(2);
  }
  return resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
