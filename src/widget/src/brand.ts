// The customer's brand for this site (title, accent colour, launcher side, team name and avatar, reply-time line),
// set in the dashboard and handed over by the loader in the bundle's data-brand attribute: no request of its own.
// The server validated it; it is checked again here because the attribute is on the customer's page.

export interface WidgetBrand {
  title?: string;
  accentColor?: string;
  launcherPosition?: 'left' | 'right';
  teamName?: string;
  avatarUrl?: string;
  replyTime?: string;
}

interface AttributeSource {
  getAttribute?(name: string): string | null;
}

const HEX = /^#[0-9a-f]{6}$/i;

export function readBrand(script: AttributeSource | null): WidgetBrand {
  const raw = script?.getAttribute?.('data-brand');
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const b = parsed as Record<string, unknown>;
  const text = (v: unknown, max: number): string | undefined =>
    typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : undefined;
  const brand: WidgetBrand = {};
  const title = text(b.title, 60);
  if (title) brand.title = title;
  if (typeof b.accentColor === 'string' && HEX.test(b.accentColor)) brand.accentColor = b.accentColor;
  if (b.launcherPosition === 'left' || b.launcherPosition === 'right') brand.launcherPosition = b.launcherPosition;
  const team = text(b.teamName, 60);
  if (team) brand.teamName = team;
  const reply = text(b.replyTime, 80);
  if (reply) brand.replyTime = reply;
  if (typeof b.avatarUrl === 'string' && /^https:\/\/[^\s]+$/.test(b.avatarUrl) && b.avatarUrl.length <= 500) brand.avatarUrl = b.avatarUrl;
  return brand;
}
