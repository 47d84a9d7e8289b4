package io.switchboard.api.recording;

import jakarta.validation.constraints.NotNull;

/**
 * Whether the caller consented to being recorded.
 *
 * @param granted true if they did; false withdraws it for recordings not yet processed
 */
public record ConsentRequest(@NotNull Boolean granted) {}
