import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { SubjectKeyStore } from './subject-key-store';

/**
 * A personal value as stored: AES-256-GCM under the subject's key, with the subject id bound in
 * as additional data so a sealed value cannot be moved to another subject.
 */
export interface SealedValue {
  readonly sealedWith: 'aes-256-gcm/v1';
  readonly subject: string;
  readonly iv: string;
  readonly data: string;
  readonly tag: string;
}

/**
 * What a sealed value reads as once its subject's key is destroyed. Marker keys never start with
 * `$`: document stores (MongoDB, FerretDB) refuse such field names.
 */
export const REDACTED = Object.freeze({ redacted: true as const });
export type Redacted = typeof REDACTED;

export function isSealed(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { sealedWith?: unknown }).sealedWith === 'aes-256-gcm/v1'
  );
}

export function isRedacted(value: unknown): value is Redacted {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { redacted?: unknown }).redacted === true
  );
}

/** Seals and opens personal values with per-subject keys (crypto-shredding). */
export class PersonalData {
  constructor(private readonly keys: SubjectKeyStore) {}

  /**
   * Erases a subject by destroying their key (idempotent): every value sealed for them reads
   * REDACTED from now on, and nothing personal about them can be sealed again.
   */
  async erase(subjectId: string): Promise<void> {
    await this.keys.destroy(subjectId);
  }

  /**
   * Seals a value. With a `nonceSeed` (e.g. event id and field) the IV is derived from it, so an
   * idempotent retry of the same event seals to the same bytes and the store sees no conflict.
   */
  async seal(subjectId: string, value: unknown, nonceSeed?: string): Promise<SealedValue> {
    const key = await this.keys.keyFor(subjectId);
    const iv =
      nonceSeed === undefined
        ? randomBytes(12)
        : createHmac('sha256', key).update(nonceSeed).digest().subarray(0, 12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(subjectId));
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return {
      sealedWith: 'aes-256-gcm/v1',
      subject: subjectId,
      iv: iv.toString('base64'),
      data: data.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** The value, or REDACTED when the subject was erased. A tampered value throws. */
  async open(sealed: SealedValue): Promise<unknown> {
    return openWith(await this.keys.find(sealed.subject), sealed);
  }

  /** The values, in order, with their subjects' keys read in one round trip (a list of people). */
  async openMany(sealed: readonly SealedValue[]): Promise<unknown[]> {
    if (sealed.length === 0) return [];
    const keys = await this.keys.findMany(sealed.map((value) => value.subject));
    return sealed.map((value) => openWith(keys.get(value.subject), value));
  }

  /** Seals the named fields of a record (the others stay readable: ids, dates, codes). */
  async sealFields<Record_ extends Record<string, unknown>>(
    subjectId: string,
    record: Record_,
    fields: readonly (keyof Record_)[],
    nonceSeed?: string,
  ): Promise<Record<string, unknown>> {
    const sealed: Record<string, unknown> = { ...record };
    for (const field of fields) {
      const value = record[field];
      if (value !== undefined && !isSealed(value))
        sealed[field as string] = await this.seal(
          subjectId,
          value,
          nonceSeed === undefined ? undefined : `${nonceSeed}\u0000${String(field)}`,
        );
    }
    return sealed;
  }

  /** Opens every sealed value anywhere in a JSON structure; erased subjects' values read REDACTED. */
  async openAll(value: unknown): Promise<unknown> {
    if (isSealed(value)) return this.open(value);
    if (Array.isArray(value)) return Promise.all(value.map((item) => this.openAll(item)));
    if (typeof value === 'object' && value !== null) {
      const opened: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) opened[key] = await this.openAll(item);
      return opened;
    }
    return value;
  }
}

/** Opens one value with its subject's key (REDACTED without one). A tampered value throws. */
function openWith(key: Buffer | undefined, sealed: SealedValue): unknown {
  if (!key) return REDACTED;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(sealed.subject));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([
    decipher.update(Buffer.from(sealed.data, 'base64')),
    decipher.final(),
  ]).toString('utf8');
  return JSON.parse(plain) as unknown;
}
