import { describe, expect, it } from 'vitest';
import { readClaims } from '../agent/agent';

const b64url = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('agent console readClaims', () => {
  it('reads the agent, name and departments of an agent token', () => {
    const token = `agent.${b64url(JSON.stringify({ A: 'ann', N: 'Ann Løkke', D: ['sales', 'support'], E: 1 }))}.sig`;

    expect(readClaims(token)).toEqual({ agentId: 'ann', name: 'Ann Løkke', departments: ['sales', 'support'] });
  });

  it('refuses a visitor session token and garbage', () => {
    expect(readClaims(`${b64url('s1.v1.123')}.sig`)).toBeNull();
    expect(readClaims('agent.not-json.sig')).toBeNull();
    expect(readClaims('')).toBeNull();
  });
});
