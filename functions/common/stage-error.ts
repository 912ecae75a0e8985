/**
 * The input itself is bad (not a transient failure): retrying cannot help, so the object is
 * quarantined at once with this reason and the message is acknowledged.
 */
export class StageRejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StageRejection';
  }
}
