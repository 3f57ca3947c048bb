import { randomUUID } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A 16-character lowercase id like the sales platform's UIDs (`so6k0ydbizask6cu`). */
export function platformUid(): string {
  let id = '';
  for (let i = 0; i < 16; i++) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return id;
}

/** Synctera ids are UUIDs. */
export function uuid(): string {
  return randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
