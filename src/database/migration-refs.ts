import { migrations } from '../../migrations';

export interface MigrationRef { name: string; timestamp: number }

/** Name and timestamp of each migration class, as TypeORM records them in the migrations table. */
export function migrationRefs(classes: (new () => { name?: string })[] = migrations): MigrationRef[] {
  return classes.map((C) => {
    const name = new C().name ?? C.name;
    return { name, timestamp: Number(name.slice(-13)) };
  }).sort((a, b) => a.timestamp - b.timestamp);
}
