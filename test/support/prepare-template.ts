/** Data every test database starts with (after migrations). Filled in as features arrive. */
export async function prepareTemplate(_templateUrl: string): Promise<void> {}
