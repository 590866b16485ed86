// Which control a field gets on the page, and its choices from 設定 or fields.ts.
import type { FieldDef } from '../../src/domain/fields';
import { sourceValues, type Settings } from '../../src/domain/settings';
import { MULTILINE_KEYS } from './caseLayout';

export type ControlSpec =
  | { readonly kind: 'text' | 'textarea' | 'date' | 'number' }
  | { readonly kind: 'select'; readonly options: readonly string[]; readonly labels?: readonly string[] }
  | { readonly kind: 'checks'; readonly options: readonly string[] };

/** The allowed values of a choice or list field, or null when any value goes. */
export function allowedValues(field: FieldDef, settings: Settings): readonly string[] | null {
  if (!field.source) return null;
  const values = sourceValues(field.source, settings);
  // An empty 設定 list (圏域 until the town fills it) accepts any value: free text.
  return values.length ? values : null;
}

export function controlSpecOf(field: FieldDef, settings: Settings): ControlSpec {
  switch (field.type) {
    case 'date': return { kind: 'date' };
    case 'integer': return { kind: 'number' };
    case 'choice':
    case 'list': {
      const options = allowedValues(field, settings);
      if (!options) return { kind: 'text' };
      return { kind: field.type === 'choice' ? 'select' : 'checks', options };
    }
    default:
      return { kind: MULTILINE_KEYS.has(field.key) ? 'textarea' : 'text' };
  }
}
