package io.switchboard.api.messaging;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * E.164 through libphonenumber: a number must carry its country code and be valid for its region (a
 * regex accepts numbers that no carrier can reach). Errors never repeat the number, so that they
 * can be logged.
 */
@Component
class PhoneNumbers {

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  /** The number in canonical E.164 form, or a clear refusal naming the field. */
  String e164(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidMessageException("'" + field + "' is required.");
    }
    if (!value.trim().startsWith("+")) {
      throw new InvalidMessageException(
          "'"
              + field
              + "' must be in E.164 form: '+', country code and number, e.g. +14155550100.");
    }
    PhoneNumber number = parse(field, value);
    if (!util.isValidNumber(number)) {
      throw new InvalidMessageException(
          "'" + field + "' is not a valid phone number for its country code.");
    }
    return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
  }

  /** The ISO region of a valid E.164 number, such as {@code US}. */
  String region(String e164) {
    return util.getRegionCodeForNumber(parse("number", e164));
  }

  private PhoneNumber parse(String field, String value) {
    try {
      return util.parse(value.trim(), null);
    } catch (NumberParseException e) {
      throw new InvalidMessageException(
          "'" + field + "' is not a phone number in E.164 form, e.g. +14155550100.");
    }
  }
}
