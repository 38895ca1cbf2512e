/**
 * Referrals: invites, links from invitee to referrer, referral rewards and the referral
 * mining bonus.
 */
package io.questline.referrals;
