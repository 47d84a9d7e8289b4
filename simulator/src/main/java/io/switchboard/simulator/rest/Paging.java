package io.switchboard.simulator.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twilio's list envelopes: the 2010-04-01 API's ({@code page}, {@code next_page_uri}, … beside the
 * items) and the newer APIs' ({@code meta} with {@code next_page_url}). twilio-java follows the
 * next-page link, so it must be right.
 */
public final class Paging {

  private static final int DEFAULT_PAGE_SIZE = 50;
  private static final int MAX_PAGE_SIZE = 1000;

  private Paging() {}

  /**
   * One page of a 2010-04-01 list.
   *
   * @param uri the list's path below {@code https://api.twilio.com}, without query
   * @param key the items' key, such as {@code messages}
   */
  public static Map<String, Object> v2010(
      String uri, String key, List<Map<String, Object>> all, Form form) {
    int size = pageSize(form);
    int page = Math.max(0, form.integer("Page", 0));
    int start = Math.min(all.size(), page * size);
    int end = Math.min(all.size(), start + size);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("first_page_uri", link(uri, size, 0));
    body.put("end", Math.max(start, end - 1));
    body.put("previous_page_uri", page > 0 ? link(uri, size, page - 1) : null);
    body.put(key, all.subList(start, end));
    body.put("uri", link(uri, size, page));
    body.put("page_size", size);
    body.put("start", start);
    body.put("next_page_uri", end < all.size() ? link(uri, size, page + 1) : null);
    body.put("page", page);
    return body;
  }

  /** One page of a newer API's list, such as Video's Rooms. */
  public static Map<String, Object> meta(
      String url, String key, List<Map<String, Object>> all, Form form) {
    int size = pageSize(form);
    int page = Math.max(0, form.integer("Page", 0));
    int start = Math.min(all.size(), page * size);
    int end = Math.min(all.size(), start + size);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("page", page);
    meta.put("page_size", size);
    meta.put("first_page_url", link(url, size, 0));
    meta.put("previous_page_url", page > 0 ? link(url, size, page - 1) : null);
    meta.put("url", link(url, size, page));
    meta.put("next_page_url", end < all.size() ? link(url, size, page + 1) : null);
    meta.put("key", key);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(key, all.subList(start, end));
    body.put("meta", meta);
    return body;
  }

  private static int pageSize(Form form) {
    return Math.max(1, Math.min(MAX_PAGE_SIZE, form.integer("PageSize", DEFAULT_PAGE_SIZE)));
  }

  private static String link(String base, int size, int page) {
    return base + "?PageSize=" + size + "&Page=" + page;
  }
}
