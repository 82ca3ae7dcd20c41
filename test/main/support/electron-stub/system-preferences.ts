// The stub's systemPreferences: Touch ID as a test sets it up (a sensor or none; confirmed or cancelled).

export class FakeSystemPreferences {
  /** Whether this "Mac" has an enrolled sensor. */
  canPrompt = false;
  /** What the next prompts answer: resolve (confirmed) or reject (cancelled / failed). */
  answer: 'confirm' | 'cancel' = 'confirm';
  readonly prompts: string[] = [];
  canPromptTouchID(): boolean {
    return this.canPrompt;
  }
  async promptTouchID(reason: string): Promise<void> {
    this.prompts.push(reason);
    if (this.answer === 'cancel') throw new Error('Touch ID operation was cancelled by the user');
  }
}
