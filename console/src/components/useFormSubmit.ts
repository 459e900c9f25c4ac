import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/problem';
import { fieldErrors } from './Field';

/**
 * The submit cycle every form shares: check locally and show the messages next to the fields, else send; a refusal
 * from the server puts its field errors (problem `errors[]`) on the same fields and its message on top.
 *
 * @param validate the local check, keyed by request field
 * @param send     sends the valid form; resolves when the form's work is done
 * @param formKeys the request fields the form shows errors for
 */
export function useFormSubmit(validate: () => Record<string, string>, send: () => Promise<void>, formKeys: string[]) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      await send();
    } catch (error) {
      if (error instanceof ApiError) setErrors(fieldErrors(error.fields, formKeys));
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return { errors, failure, saving, submit };
}
