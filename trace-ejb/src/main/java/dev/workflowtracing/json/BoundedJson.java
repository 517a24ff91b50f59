package dev.workflowtracing.json;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Reads JSON from outside with bounds that no valid request comes near, so hostile input gets a
 * clear message instead of exhausting the stack, the CPU or the parser's own limits (which answer
 * with exceptions that say nothing to the caller): nesting depth, and the size and exponent of
 * numbers. The length of the text is bounded before it gets here (the request size limit).
 */
public final class BoundedJson {

  public static final int MAX_DEPTH = 64;
  public static final int MAX_NUMBER_LENGTH = 100;
  public static final int MAX_EXPONENT = 1000;

  /** JSON that is malformed or beyond the bounds; the message says which and where. */
  public static final class InvalidJsonException extends IllegalArgumentException {
    InvalidJsonException(String message) {
      super(message);
    }
  }

  private BoundedJson() {}

  /** The one JSON value the reader holds; null when it holds nothing at all. */
  public static JsonValue read(Reader reader) {
    PushbackReader input = new PushbackReader(reader, 1);
    if (isEmpty(input)) {
      return null;
    }
    try (JsonParser parser = JsonFactory.createParser(input)) {
      JsonValue value = value(parser, parser.next(), 1);
      if (parser.hasNext()) {
        throw new InvalidJsonException("more than one JSON value: send exactly one");
      }
      return value;
    } catch (JsonParsingException e) {
      throw new InvalidJsonException("not valid JSON: " + e.getMessage());
    } catch (JsonException e) {
      if (e.getCause() instanceof CharConversionException
          || e.getCause() instanceof java.nio.charset.CharacterCodingException) {
        throw new InvalidJsonException("not valid text in its character set (UTF-8 by default)");
      }
      throw new InvalidJsonException("not valid JSON: " + e.getMessage());
    }
  }

  /** Whether only white space is left; the first other character stays to be read. */
  private static boolean isEmpty(PushbackReader input) {
    try {
      int c;
      do {
        c = input.read();
      } while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
      if (c < 0) {
        return true;
      }
      input.unread(c);
      return false;
    } catch (CharConversionException | java.nio.charset.CharacterCodingException e) {
      throw new InvalidJsonException("not valid text in its character set (UTF-8 by default)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonValue value(JsonParser parser, Event event, int depth) {
    switch (event) {
      case START_OBJECT -> {
        checkDepth(depth);
        var object = JsonFactory.createObjectBuilder();
        for (Event next = parser.next(); next != Event.END_OBJECT; next = parser.next()) {
          String key = parser.getString();
          object.add(key, value(parser, parser.next(), depth + 1));
        }
        return object.build();
      }
      case START_ARRAY -> {
        checkDepth(depth);
        var array = JsonFactory.createArrayBuilder();
        for (Event next = parser.next(); next != Event.END_ARRAY; next = parser.next()) {
          array.add(value(parser, next, depth + 1));
        }
        return array.build();
      }
      case VALUE_STRING -> {
        return JsonFactory.createValue(parser.getString());
      }
      case VALUE_NUMBER -> {
        return JsonFactory.createValue(number(parser.getString()));
      }
      case VALUE_TRUE -> {
        return JsonValue.TRUE;
      }
      case VALUE_FALSE -> {
        return JsonValue.FALSE;
      }
      case VALUE_NULL -> {
        return JsonValue.NULL;
      }
      default -> throw new InvalidJsonException("not valid JSON: unexpected " + event);
    }
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new InvalidJsonException(
          "nested more than " + MAX_DEPTH + " levels deep: flatten the structure");
    }
  }

  private static BigDecimal number(String text) {
    if (text.length() > MAX_NUMBER_LENGTH) {
      throw new InvalidJsonException(
          "a number of "
              + text.length()
              + " characters; at most "
              + MAX_NUMBER_LENGTH
              + " are accepted (send long numbers as text)");
    }
    try {
      BigDecimal number = new BigDecimal(text);
      long exponent = (long) number.precision() - number.scale() - 1;
      if (number.signum() != 0 && Math.abs(exponent) > MAX_EXPONENT) {
        throw new InvalidJsonException(outOfRange(text));
      }
      return number;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidJsonException(outOfRange(text));
    }
  }

  private static String outOfRange(String number) {
    return "a number out of range (" + number + "): at most 1e" + MAX_EXPONENT + " in size";
  }
}
