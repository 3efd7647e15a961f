/**
 * A fresh idempotency key for one submission attempt: kept for the life of a form, so a
 * double tap or a retry after a lost answer creates one opinion, not two.
 */
export function newRequestId(): string {
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x100000000).toString(36)).join('');
  return `r${Date.now().toString(36)}${random}`.slice(0, 40);
}
