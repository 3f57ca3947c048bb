/**
 * Sets a plain own property, even for a key named `__proto__`: keys that come from outside (a JSON
 * body, response headers, a rendered template) must never set an object's prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
