package dev.workflowtracing.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What model calls cost: per model, the price of a million input and of a million output tokens, in
 * one currency ({@code workflow.llm.prices}, {@code workflow.llm.currency}). A model not listed has
 * no cost, never a cost of zero. An entry that does not parse stops the deployment with the key and
 * the entry named.
 */
public record PriceTable(String currency, Map<String, ModelPrice> byModel) {

  public static final String PRICES_KEY = "workflow.llm.prices";
  public static final String CURRENCY_KEY = "workflow.llm.currency";
  private static final int MAX_MODELS = 1_000;
  private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final BigDecimal NANOS_PER_MILLIONTH = BigDecimal.valueOf(1_000);

  /** The prices of a million input and a million output tokens. */
  public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {}

  public PriceTable {
    byModel = Map.copyOf(byModel);
  }

  public static final PriceTable NONE = new PriceTable("USD", Map.of());

  /**
   * Reads {@code model=input/output} entries separated by commas, e.g. {@code
   * sim-small=0.15/0.60,sim-large=3/15}; the model is what comes before the entry's last {@code =}.
   */
  public static PriceTable parse(String prices, String currency) {
    if (!CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException(
          CURRENCY_KEY
              + " must be a three-letter currency code such as USD, not '"
              + currency
              + "'");
    }
    Map<String, ModelPrice> byModel = new LinkedHashMap<>();
    if (prices == null || prices.isBlank()) {
      return new PriceTable(currency, byModel);
    }
    for (String raw : prices.split(",")) {
      String entry = raw.strip();
      int equals = entry.lastIndexOf('=');
      int slash = entry.indexOf('/', equals + 1);
      if (equals <= 0 || slash < 0) {
        throw invalid(entry, "is not model=input/output");
      }
      String model = entry.substring(0, equals).strip();
      ModelPrice price =
          new ModelPrice(
              price(entry, entry.substring(equals + 1, slash)),
              price(entry, entry.substring(slash + 1)));
      if (byModel.put(model, price) != null) {
        throw invalid(entry, "prices model '" + model + "' a second time");
      }
      if (byModel.size() > MAX_MODELS) {
        throw new IllegalArgumentException(
            PRICES_KEY + " lists more than " + MAX_MODELS + " models");
      }
    }
    return new PriceTable(currency, byModel);
  }

  private static BigDecimal price(String entry, String text) {
    BigDecimal price;
    try {
      price = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw invalid(entry, "has '" + text.strip() + "' where a price is expected");
    }
    if (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0) {
      throw invalid(entry, "has a price outside 0 to " + MAX_PRICE.toPlainString());
    }
    return price;
  }

  private static IllegalArgumentException invalid(String entry, String what) {
    return new IllegalArgumentException(
        PRICES_KEY
            + ": the entry '"
            + entry
            + "' "
            + what
            + " (model=input/output, prices per million tokens, e.g. sim-small=0.15/0.60)");
  }

  /** A call's cost in billionths of the currency; empty when the model has no price. */
  public OptionalLong costNanos(String model, long inputTokens, long outputTokens) {
    ModelPrice price = model == null ? null : byModel.get(model);
    if (price == null) {
      return OptionalLong.empty();
    }
    // A price per million tokens times tokens is in millionths of the currency.
    BigDecimal millionths =
        price
            .inputPerMillion()
            .multiply(BigDecimal.valueOf(inputTokens))
            .add(price.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)));
    return OptionalLong.of(
        millionths
            .multiply(NANOS_PER_MILLIONTH)
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact());
  }
}
