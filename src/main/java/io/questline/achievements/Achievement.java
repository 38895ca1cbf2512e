package io.questline.achievements;

/**
 * One achievement of the catalog.
 *
 * @param code its stable code
 * @param name its name
 * @param description what it takes
 * @param metric what it measures ({@link Metric#code()})
 * @param threshold the value of the metric that reaches it
 * @param reward millicoins paid when claimed
 */
record Achievement(String code, String name, String description, String metric, long threshold, long reward) {

}
