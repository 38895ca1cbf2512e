/**
 * Paid products sold through Stripe: catalog, PaymentIntents, webhooks, refunds, boosts.
 */
package io.questline.checkout;
