import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { type FieldProblem, InvalidInputError } from './api.errors';

/** Deeper than any request the API takes; deeper input only serves to exhaust the stack. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Names that a plain copy (`target[key] = value`) turns into a prototype or a method instead of a
 * field: `__proto__`, `constructor`, `toString`, …
 */
const RESERVED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Refuses request bodies and queries that are not plain data before anything copies or validates
 * them: a reserved name as a key at any depth, or nesting past {@link MAX_INPUT_DEPTH}. Walks the
 * input with its own stack, so no input can overflow the call stack.
 */
@Injectable()
export class PlainJsonPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const errors = findHostileKeys(value);
    if (errors.length > 0) throw new InvalidInputError(errors);
    return value;
  }
}

export function findHostileKeys(input: unknown): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const pending: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: string[] };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      errors.push({
        field: path[0] ?? 'body',
        key: 'field.nestedTooDeep',
        params: { depth: MAX_INPUT_DEPTH },
      });
      break;
    }
    for (const key of Object.keys(value)) {
      const keyPath = [...path, key];
      if (RESERVED_NAMES.has(key)) {
        errors.push({ field: keyPath.join('.'), key: 'field.reservedName' });
        continue;
      }
      pending.push({ value: (value as Record<string, unknown>)[key], path: keyPath });
    }
  }
  return errors;
}
