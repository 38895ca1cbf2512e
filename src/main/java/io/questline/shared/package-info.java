/**
 * Technical parts shared by every feature; no business rules and no dependency on a
 * feature.
 */
package io.questline.shared;
