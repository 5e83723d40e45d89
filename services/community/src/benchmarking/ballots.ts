import { createHmac, randomBytes } from 'node:crypto';

/**
 * The keyed hash that lets one person answer a campaign once without being named (decision
 * 0038): HMAC-SHA256 of the campaign and the person under a secret from the service's
 * configuration, never written to any store, topic, read model or log. Whoever holds the stores
 * but not the secret cannot compute a person's ballot, so cannot tell which answer is theirs;
 * a ballot differs between campaigns, so answers of one person cannot be linked across them.
 */
export class SurveyBallots {
  private constructor(private readonly secret: Buffer) {}

  /** At least 32 bytes of secret, as configured. */
  static fromSecret(secret: string): SurveyBallots {
    if (Buffer.byteLength(secret) < 32)
      throw new Error('The survey ballot secret must be at least 32 characters');
    return new SurveyBallots(Buffer.from(secret));
  }

  /**
   * A secret of this process only (development without a configured one): ballots then hold
   * while the process runs, and a restart lets a person answer again. Never in production.
   */
  static forThisProcess(): SurveyBallots {
    return new SurveyBallots(randomBytes(32));
  }

  ballotOf(campaignId: string, personId: string): string {
    return createHmac('sha256', this.secret)
      .update(`ebp-survey-ballot\u0000${campaignId}\u0000${personId}`)
      .digest('hex');
  }
}
