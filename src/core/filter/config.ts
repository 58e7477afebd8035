import { BitextError } from '../errors.js';
import { DEDUPE_RULES, FILTER_RULES, RULE_NAMES } from './registry.js';

/** Which rules run, with what thresholds. */
export interface FilterConfig {
  rules: Record<string, { enabled: boolean; params: Record<string, number> }>;
}

/** Every rule on, with its default thresholds. */
export function defaultFilterConfig(): FilterConfig {
  const rules: FilterConfig['rules'] = {};
  for (const rule of FILTER_RULES) rules[rule.name] = { enabled: true, params: { ...rule.defaults } };
  for (const name of DEDUPE_RULES) rules[name] = { enabled: true, params: {} };
  return { rules };
}

/** The config file's form of the defaults: `{ "rules": { "numbers": { "maxUnmatched": 0 }, … } }`. */
export function configFileOf(config: FilterConfig): {
  rules: Record<string, Record<string, number | boolean>>;
} {
  const rules: Record<string, Record<string, number | boolean>> = {};
  for (const [name, rule] of Object.entries(config.rules))
    rules[name] = { enabled: rule.enabled, ...rule.params };
  return { rules };
}

/**
 * The defaults with a config file's changes: `{ "rules": { NAME: false | { "enabled": bool, PARAM:
 * number } } }`. An unknown rule or parameter, or a value of the wrong type, is refused naming it
 * (a misspelt rule must not silently leave the default in force).
 */
export function resolveFilterConfig(raw: unknown, file: string): FilterConfig {
  const config = defaultFilterConfig();
  if (!isObject(raw)) throw new BitextError('FILTER_CONFIG', 'expected a JSON object with "rules"', { file });
  for (const key of Object.keys(raw)) {
    if (key !== 'rules')
      throw new BitextError('FILTER_CONFIG', `unknown key "${key}" (expected "rules")`, { file });
  }
  const rules = raw['rules'] ?? {};
  if (!isObject(rules)) throw new BitextError('FILTER_CONFIG', '"rules" must be an object', { file });
  for (const [name, value] of Object.entries(rules)) {
    const rule = config.rules[name];
    if (!rule) {
      throw new BitextError('FILTER_CONFIG', `unknown rule "${name}" (rules: ${RULE_NAMES.join(', ')})`, {
        file,
      });
    }
    if (typeof value === 'boolean') {
      rule.enabled = value;
      continue;
    }
    if (!isObject(value)) {
      throw new BitextError(
        'FILTER_CONFIG',
        `rule "${name}": expected true, false or an object of thresholds`,
        { file },
      );
    }
    for (const [param, setting] of Object.entries(value)) {
      if (param === 'enabled') {
        if (typeof setting !== 'boolean')
          throw new BitextError('FILTER_CONFIG', `rule "${name}": "enabled" must be true or false`, { file });
        rule.enabled = setting;
      } else if (!(param in rule.params)) {
        const known = Object.keys(rule.params);
        throw new BitextError(
          'FILTER_CONFIG',
          `rule "${name}" has no threshold "${param}"${known.length ? ` (it has: ${known.join(', ')})` : ' (it has none)'}`,
          { file },
        );
      } else if (typeof setting !== 'number' || !Number.isFinite(setting)) {
        throw new BitextError('FILTER_CONFIG', `rule "${name}": "${param}" must be a number`, { file });
      } else {
        rule.params[param] = setting;
      }
    }
  }
  return config;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
