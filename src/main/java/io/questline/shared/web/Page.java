package io.questline.shared.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a cursor-paginated list.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param nextCursor the cursor of the next page, or {@code null} on the last one
 */
public record Page<T>(List<T> items, String nextCursor) {

	/**
	 * Makes a page from rows fetched with {@code limit + 1}: the extra row only says that
	 * there is more.
	 * @param <T> the item type
	 * @param rows the rows, at most {@code limit + 1}
	 * @param limit the page size
	 * @param cursorOf the cursor that continues after an item
	 * @return the page
	 */
	public static <T> Page<T> of(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		List<T> items = rows.subList(0, limit);
		return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)).encode());
	}

}
