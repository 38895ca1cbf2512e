/**
 * The audit log of admin writes.
 */
package io.questline.shared.audit;
