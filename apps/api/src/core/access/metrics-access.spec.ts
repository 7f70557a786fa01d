import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { AppError } from '../errors/app-error.js';
import { assertMetricsAccess } from './metrics-access.js';

function request(remoteAddress: string, headers: Record<string, string> = {}): Request {
  return { headers, socket: { remoteAddress } } as unknown as Request;
}

function refusal(req: Request, token: string | null): string | null {
  try {
    assertMetricsAccess(req, token);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
}

describe('assertMetricsAccess', () => {
  it('without a token, serves direct loopback requests only', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect({ address, refused: refusal(request(address), null) }).toEqual({
        address,
        refused: null,
      });
    for (const address of ['10.0.0.5', '172.18.0.3', '::ffff:192.168.1.2', '2001:db8::1', ''])
      expect(refusal(request(address), null)).toBe('FORBIDDEN');
    expect(refusal(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), null)).toBe(
      'FORBIDDEN',
    );
    expect(refusal(request('::1', { forwarded: 'for=203.0.113.9' }), null)).toBe('FORBIDDEN');
  });

  it('with a token, requires exactly that bearer token, from anywhere', () => {
    const token = 'scrape-token-0123456789';
    expect(refusal(request('127.0.0.1'), token)).toBe('UNAUTHENTICATED');
    expect(refusal(request('10.0.0.5', { authorization: `Bearer ${token}x` }), token)).toBe(
      'UNAUTHENTICATED',
    );
    expect(refusal(request('10.0.0.5', { authorization: `Bearer ${token}` }), token)).toBeNull();
    expect(
      refusal(
        request('10.0.0.5', { authorization: `bearer ${token}`, 'x-forwarded-for': '1.2.3.4' }),
        token,
      ),
    ).toBeNull();
  });
});
