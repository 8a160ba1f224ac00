import { enableCompileCache, flushCompileCache } from 'node:module';

/**
 * Node's on-disk cache of compiled code (V8 bytecode) for every module the app loads, so a
 * start after the first one skips parsing and compiling most of node_modules. Imported by
 * main.ts before anything else. The cache lives in the system's temporary folder (Node's
 * default, one entry per file and content) or in NODE_COMPILE_CACHE; a cache that cannot be
 * written only costs time, never the start.
 */
enableCompileCache();

/** Writes what this start compiled now, not only at exit (a killed process keeps it too). */
export function saveCompileCache(): void {
  flushCompileCache();
}
