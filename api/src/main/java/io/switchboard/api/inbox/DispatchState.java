package io.switchboard.api.inbox;

/** Where an inbox event is on its way to its workflow. */
public enum DispatchState {
  /** Not yet handed on; the relay will try, in order per workflow, with backoff. */
  PENDING,
  /** Handed to its workflow. */
  DISPATCHED,
  /** A synchronous turn that could not be answered in time; the caller got fallback TwiML. */
  FAILED,
  /** No workflow exists to receive it (for example a callback for a call we never handled). */
  ORPHANED,
  /** Nothing in this version handles this kind of webhook yet; kept for replay once it does. */
  UNROUTED,
  /** Refused by the per-number rate limit; kept, not processed. */
  RATE_LIMITED
}
