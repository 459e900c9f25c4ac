import { describe, expect, it } from 'vitest';
import { validateCoordinates } from './validation';

describe('validateCoordinates', () => {
  it('accepts ordinary file names and versions', () => {
    expect(validateCoordinates('ubuntu-24.04.iso', '2024.1')).toEqual({});
    expect(validateCoordinates('Größe (final).wim', '23H2')).toEqual({});
  });

  it('refuses what the server refuses', () => {
    expect(Object.keys(validateCoordinates('', ' '))).toEqual(['name', 'version']);
    expect(validateCoordinates('../etc/passwd', '1').name).toMatch(/may hold/);
    expect(validateCoordinates('.hidden', '1').name).toMatch(/may hold/);
    expect(validateCoordinates('image.iso', '1 ').version).toMatch(/may hold/);
    expect(validateCoordinates('x'.repeat(201), '1').name).toBe('The name is at most 200 characters.');
  });
});
