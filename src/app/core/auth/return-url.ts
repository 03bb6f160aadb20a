/**
 * The returnUrl query parameter is attacker-controlled: follow it only when it is a path inside
 * this app ('/' followed by neither '/' nor '\'), so '//evil.example', 'https://…' and
 * 'javascript:' all end at '/'.
 */
export function sanitizeReturnUrl(url: string | null | undefined): string {
  if (typeof url !== 'string' || !url.startsWith('/')) {
    return '/';
  }
  const second = url.charAt(1);
  if (second === '/' || second === '\\') {
    return '/';
  }
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  if ([...url].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    return '/';
  }
  return url;
}
