import { describe, expect, it, jest } from '@jest/globals';
import { ApiError } from './ApiError';
import { applyServerErrors, issuesToFields, mapFieldErrors } from './fieldErrors';

const FORM = ['email', 'password', 'organization.country', 'organization.focusAreas'];

describe('mapFieldErrors', () => {
  it('puts dotted server paths on the form fields of the same path', () => {
    const result = mapFieldErrors(
      [
        { path: 'organization.country', message: 'Use a two-letter code.' },
        { path: 'email', message: 'Enter a valid email address.' },
      ],
      FORM,
    );
    expect(result.fieldErrors).toEqual({
      'organization.country': 'Use a two-letter code.',
      email: 'Enter a valid email address.',
    });
    expect(result.unmatched).toEqual([]);
  });

  it('maps an array item to its field and keeps the first message per field', () => {
    const result = mapFieldErrors(
      [
        { path: 'organization.focusAreas.2', message: 'Unknown focus area.' },
        { path: 'organization.focusAreas.3', message: 'Another one.' },
      ],
      FORM,
    );
    expect(result.fieldErrors).toEqual({ 'organization.focusAreas': 'Unknown focus area.' });
  });

  it('follows aliases and reports what belongs to no field', () => {
    const result = mapFieldErrors(
      [
        { path: 'inviteToken', message: 'This invitation is for another email address.' },
        { path: 'organization', message: 'Create an organization or use an invitation link.' },
        { path: '', message: 'Body must be an object.' },
      ],
      FORM,
      { inviteToken: 'email' },
    );
    expect(result.fieldErrors).toEqual({
      email: 'This invitation is for another email address.',
    });
    expect(result.unmatched.map((f) => f.path)).toEqual(['organization', '']);
  });
});

describe('applyServerErrors', () => {
  it('sets field errors on the form and returns only the unmatched rest', () => {
    const form = { setErrors: jest.fn() };
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Some fields are invalid.',
      fields: [
        { path: 'email', message: 'Taken.' },
        { path: 'slug', message: 'Bad slug.' },
      ],
    });
    const rest = applyServerErrors(form, error, FORM) as ApiError;
    expect(form.setErrors).toHaveBeenCalledWith({ email: 'Taken.' });
    expect(rest.fields).toEqual([{ path: 'slug', message: 'Bad slug.' }]);
  });

  it('returns null when every problem has a field, and other errors unchanged', () => {
    const form = { setErrors: jest.fn() };
    const fieldOnly = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid.',
      fields: [{ path: 'password', message: 'Too short.' }],
    });
    expect(applyServerErrors(form, fieldOnly, FORM)).toBeNull();
    const conflict = new ApiError({ status: 409, code: 'CONFLICT', message: 'Email taken.' });
    expect(applyServerErrors(form, conflict, FORM)).toBe(conflict);
  });
});

describe('issuesToFields', () => {
  it('joins zod issue paths with dots', () => {
    expect(issuesToFields([{ path: ['organization', 'focusAreas', 1], message: 'Bad.' }])).toEqual([
      { path: 'organization.focusAreas.1', message: 'Bad.' },
    ]);
  });
});
