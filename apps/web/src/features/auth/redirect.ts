export const HOME_PATH = '/';

/** Where to go after login: a same-app path from `?redirect=`, never another site or /login. */
export function safeRedirect(value: unknown): string {
  const path = Array.isArray(value) ? (value[0] as unknown) : value;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) return HOME_PATH;
  if (path.includes('\\') || /^\/login(?:[/?#]|$)/.test(path)) return HOME_PATH;
  return path;
}
