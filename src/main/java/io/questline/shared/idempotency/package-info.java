/**
 * {@code Idempotency-Key} on every POST: the first response is stored for 24 h and
 * replayed for repeats.
 */
package io.questline.shared.idempotency;
