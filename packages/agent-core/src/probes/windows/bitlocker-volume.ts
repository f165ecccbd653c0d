/** One volume as BitLocker reports it, whichever tool printed it. */
export interface BitLockerVolume {
  /** `C:`; null when the output held no volume header (an excerpt). */
  readonly mount: string | null;
  readonly sizeBytes?: number;
  readonly protection: 'on' | 'off' | 'unknown';
  readonly conversion: ConversionStatus;
  readonly percentEncrypted?: number;
  /** e.g. `XTS-AES 128`; absent when the volume is not encrypted. */
  readonly method?: string;
  readonly keyProtectors: readonly string[];
  /** True when the tool cut the protector list (`{RecoveryPassword, Pas...`). */
  readonly keyProtectorsTruncated?: boolean;
  readonly locked?: boolean;
}

export type ConversionStatus =
  | 'fully-decrypted'
  | 'fully-encrypted'
  | 'used-space-only-encrypted'
  | 'encrypting'
  | 'decrypting'
  | 'encryption-paused'
  | 'decryption-paused'
  | 'unknown';

/** Win32_EncryptableVolume.ConversionStatus codes. */
export const CONVERSION_BY_CODE: readonly ConversionStatus[] = [
  'fully-decrypted',
  'fully-encrypted',
  'encrypting',
  'decrypting',
  'encryption-paused',
  'decryption-paused',
];

/** Win32_EncryptableVolume.EncryptionMethod codes, named as manage-bde prints them. */
export const METHOD_BY_CODE: readonly (string | undefined)[] = [
  undefined,
  'AES 128 with Diffuser',
  'AES 256 with Diffuser',
  'AES 128',
  'AES 256',
  'Hardware Encryption',
  'XTS-AES 128',
  'XTS-AES 256',
];
