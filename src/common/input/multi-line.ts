/**
 * Free-text fields (a reason, a note, an activity) may span lines; every other string the
 * API accepts is single-line. The input guard reads the names registered here: a property
 * name marked multi-line in one DTO is multi-line wherever it appears.
 */
const multiLineFields = new Set<string>();

/** Marks a DTO property as free text that may hold line breaks and tabs. */
export function MultiLine(): PropertyDecorator {
  return (_target, property) => {
    multiLineFields.add(String(property));
  };
}

export function isMultiLineField(name: string): boolean {
  return multiLineFields.has(name);
}
