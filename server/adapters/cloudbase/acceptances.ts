/** A person's WeChat acceptances as stored: one `acceptances` document per person (_id = OPENID). */
export interface AcceptancesDoc {
  /** Unspent acceptances per template id. */
  credits?: Record<string, number>;
}

/** The credits a person's acceptances document holds (none when there is no document). */
export function creditsIn(doc: AcceptancesDoc | null | undefined): Record<string, number> {
  return { ...doc?.credits };
}

/** `held` with `added` more acceptances of `templateId`, at most `max` of it. */
export function withCredits(
  held: Record<string, number>,
  templateId: string,
  added: number,
  max: number,
): Record<string, number> {
  return { ...held, [templateId]: Math.min((held[templateId] ?? 0) + added, max) };
}
