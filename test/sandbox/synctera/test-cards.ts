/** The guide's sandbox test cards. A token `tok_<PAN>` stands for the card the iFrame would have tokenized. */
export interface TestCard {
  pan: string;
  network: 'VISA' | 'MASTERCARD';
  push: boolean;
  pull: boolean;
  productType: 'DEBIT' | 'CREDIT' | 'PREPAID';
}

export const TEST_CARDS: TestCard[] = [
  { pan: '4005519200000004', network: 'VISA', push: true, pull: true, productType: 'DEBIT' },
  { pan: '4217651111111119', network: 'VISA', push: true, pull: false, productType: 'DEBIT' },
  { pan: '4111111111111111', network: 'VISA', push: true, pull: true, productType: 'CREDIT' },
  { pan: '2223000048400011', network: 'MASTERCARD', push: false, pull: true, productType: 'DEBIT' },
  { pan: '5105105105105100', network: 'MASTERCARD', push: false, pull: false, productType: 'PREPAID' },
];

export const TOKEN_PREFIX = 'tok_';

export function cardForToken(token: string): TestCard | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const pan = token.slice(TOKEN_PREFIX.length);
  return TEST_CARDS.find((card) => card.pan === pan);
}

/** Every test card expires in April 2030 in the sandbox (a fixed date keeps responses predictable). */
export const TEST_EXPIRY = { month: '04', year: '2030' };
