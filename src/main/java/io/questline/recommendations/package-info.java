/**
 * Strategy recommendations that learn from feedback, and the seam through which every
 * feature contributes candidate strategies.
 */
package io.questline.recommendations;
