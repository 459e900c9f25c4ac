import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field, fieldErrors } from './Field';

describe('Field', () => {
  it('labels its control and announces the error', () => {
    render(<Field label="Name" hint="Shown in the job list" error="name is required"><input /></Field>);
    const input = screen.getByLabelText('Name');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Shown in the job list', 'name is required']);
  });
});

describe('fieldErrors', () => {
  it('files server fields under the longest matching form key', () => {
    expect(fieldErrors({ 'targets.labels[1]': 'bad label', name: 'too long', other: 'x' }, ['targets', 'targets.labels', 'name']))
      .toEqual({ 'targets.labels': 'bad label', name: 'too long' });
  });
});
