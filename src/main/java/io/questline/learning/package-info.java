/**
 * Learning paths, their modules and quizzes.
 */
package io.questline.learning;
