package io.questline.analytics;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code questline.analytics}.
 *
 * @param earningAccounts the system accounts whose payments to a user count as earned
 * (transfers received, coins bought and corrections do not)
 * @param activeDays a user is active when they mined in this many last days; the
 * percentile compares coins mined over the same window
 * @param distributionRefresh how old the cached distribution of active users may get
 * @param performanceDefaultDays the series length when {@code days} is not given
 * @param performanceMaxDays the longest series
 * @param exportMaxDays the longest export range, both ends included
 * @param exportFetchSize rows fetched per round trip while streaming an export
 * @param exportQueryTimeout how long one export query may run
 */
@ConfigurationProperties("questline.analytics")
record AnalyticsProperties(@DefaultValue( {
		"mining", "rewards", "referrals", "prizes" }) List<String> earningAccounts, @DefaultValue("30") int activeDays,
		@DefaultValue("5m") Duration distributionRefresh, @DefaultValue("30") int performanceDefaultDays,
		@DefaultValue("90") int performanceMaxDays, @DefaultValue("366") int exportMaxDays,
		@DefaultValue("1000") int exportFetchSize, @DefaultValue("30m") Duration exportQueryTimeout){

}
