/**
 * Paid products sold through Stripe PaymentIntents: catalog, checkout, verification,
 * signed webhooks, refunds, and the mining boosts they grant.
 */
package io.questline.checkout;
