import { describe, expect, it } from 'vitest';
import { apiQuery, bars, duration, fileSize, percent } from '../dashboard/pages/conversations/format';

describe('dashboard conversations helpers', () => {
  it('passes only the filters and the token on to the API, empty ones left out', () => {
    expect(apiQuery('?status=waiting&q=%20norway%20&department=&evil=1&continuationToken=abc')).toBe('?status=waiting&q=norway&continuationToken=abc');
    expect(apiQuery('')).toBe('');
  });

  it('writes durations and shares as a person reads them', () => {
    expect([duration(undefined), duration(0.4), duration(42.4), duration(200), duration(120), duration(3 * 3600 + 300)]).toEqual(['–', 'under 1 s', '42 s', '3 min 20 s', '2 min', '3 h 5 min']);
    expect([percent(undefined), percent(0.5), percent(2 / 3)]).toEqual(['–', '50 %', '67 %']);
  });

  it('draws bars to the tallest day, and a stub for a day without chats', () => {
    const drawn = bars([{ date: '2026-12-01', chats: 0 }, { date: '2026-12-02', chats: 2 }, { date: '2026-12-03', chats: 4 }], 300, 100);

    expect(drawn.map((b) => Math.round(b.height))).toEqual([1, 50, 100]);
    expect(drawn.every((b) => b.y + b.height === 100)).toBe(true);
    expect(drawn[1].x).toBeGreaterThan(drawn[0].x + drawn[0].width);
  });
});

describe('fileSize', () => {
  it('says bytes, KB or MB', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(20 * 1024)).toBe('20 KB');
    expect(fileSize(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
});
