/**
 * User analytics (dashboard, performance, percentile among active users) and the streamed
 * admin export of daily aggregates and ledger activity.
 */
package io.questline.analytics;
