/**
 * Rate limits on every request: token buckets per user (or per client address), policy
 * headers, 429s.
 */
package io.questline.shared.ratelimit;
