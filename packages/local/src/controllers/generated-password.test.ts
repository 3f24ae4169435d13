import { describe, expect, it } from 'vitest';
import { GENERATED_PASSWORD_LENGTH, generatedPassword } from './generated-password.js';

describe('generatedPassword', () => {
  it('makes 16 letters and digits, as Cozystack does', () => {
    expect(GENERATED_PASSWORD_LENGTH).toBe(16);
    for (let i = 0; i < 50; i++) expect(generatedPassword()).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('never repeats itself and uses the whole alphabet', () => {
    const many = Array.from({ length: 2000 }, () => generatedPassword());
    expect(new Set(many).size).toBe(many.length);
    const seen = new Set(many.join(''));
    expect(seen.size).toBe(62);
  });
});
