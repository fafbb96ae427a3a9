import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/http';
import { passwordChangeErrorText } from './password-change-error';

const t = (key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key;

describe('passwordChangeErrorText', () => {
  it('says which password was refused', () => {
    const wrong = new ApiError('http', 400, 'Invalid input', {
      errors: [{ field: 'currentPassword', message: 'is not your current password' }],
    });
    expect(passwordChangeErrorText(wrong, t)).toBe('password.wrongCurrent');
    const weak = new ApiError('http', 400, 'Invalid input', {
      errors: [{ field: 'newPassword', message: 'must be at least 10 characters' }],
    });
    expect(passwordChangeErrorText(weak, t)).toBe(
      'password.weak {"message":"must be at least 10 characters"}',
    );
  });

  it('falls back to the general texts', () => {
    expect(passwordChangeErrorText(new ApiError('network', 0, 'offline'), t)).toBe(
      'common.networkError',
    );
  });
});
