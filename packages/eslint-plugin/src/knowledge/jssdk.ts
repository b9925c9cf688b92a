import type { UserDataKind } from './user-data.js';

/**
 * Purposes a consent prompt names (S1: users must be told the purpose); the `require-consent` suggestion passes
 * one to the project's consent function: `askConsent('location')`.
 */
export type ConsentPurpose = 'location' | 'photos' | 'camera' | 'microphone' | 'address' | 'invoice' | 'profile' | 'clipboard';

export interface PersonalDataCall {
  /** What the user is asked to agree to. */
  purpose: ConsentPurpose;
  /** The kind of data the call's result (its `success` callback argument) carries; none for clipboard text. */
  kind?: UserDataKind;
}

/**
 * JS-SDK (`wx.*`) calls that collect personal data. Their `success`/`complete` callback argument is a
 * user-data source of the given kind.
 */
export const JSSDK_PERSONAL_DATA_CALLS: Readonly<Record<string, PersonalDataCall>> = {
  getLocation: { purpose: 'location', kind: 'location' },
  startSearchBeacons: { purpose: 'location', kind: 'location' },
  chooseImage: { purpose: 'photos', kind: 'media' },
  uploadImage: { purpose: 'photos', kind: 'media' },
  getLocalImgData: { purpose: 'photos', kind: 'media' },
  startRecord: { purpose: 'microphone', kind: 'media' },
  stopRecord: { purpose: 'microphone', kind: 'media' },
  uploadVoice: { purpose: 'microphone', kind: 'media' },
  translateVoice: { purpose: 'microphone', kind: 'media' },
  openAddress: { purpose: 'address', kind: 'address' },
  chooseInvoice: { purpose: 'invoice', kind: 'address' },
  chooseCard: { purpose: 'profile', kind: 'profile' },
};

/** Callback properties of a JS-SDK call's options object that receive its result. */
export const JSSDK_RESULT_CALLBACKS: ReadonlySet<string> = new Set(['success', 'complete']);

/** Browser APIs that collect personal data, as member paths from the global object (docs/rules/require-consent.md). */
export const BROWSER_PERSONAL_DATA_CALLS: Readonly<Record<string, PersonalDataCall>> = {
  'navigator.geolocation.getCurrentPosition': { purpose: 'location', kind: 'location' },
  'navigator.geolocation.watchPosition': { purpose: 'location', kind: 'location' },
  'navigator.mediaDevices.getUserMedia': { purpose: 'camera', kind: 'media' },
  'navigator.getUserMedia': { purpose: 'camera', kind: 'media' },
  'navigator.clipboard.readText': { purpose: 'clipboard' },
  'navigator.clipboard.read': { purpose: 'clipboard' },
};
