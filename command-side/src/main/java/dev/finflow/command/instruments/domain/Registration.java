package dev.finflow.command.instruments.domain;

import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.market.RegisterInstrumentCommand;

import java.util.Locale;

/** The rules of registering an instrument. */
final class Registration {

    private Registration() {
    }

    static void validate(RegisterInstrumentCommand command) {
        if (command.name() == null || command.name().isBlank() || command.name().length() > 200) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "name must be 1 to 200 characters", "name");
        }
        if (command.type() == null) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, "type is required", "type");
        }
        if (command.currency() == null) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, "currency is required", "currency");
        }
        if (command.type() == InstrumentType.FX_PAIR) {
            if (command.baseCurrency() == null) {
                throw new RuleViolation(RequestRule.MISSING_FIELD, "an FX pair needs the baseCurrency its price buys",
                        "baseCurrency");
            }
            if (command.baseCurrency().equals(command.currency())) {
                throw new RuleViolation(RequestRule.INVALID_FIELD, "an FX pair's baseCurrency must differ from its "
                        + "currency", "baseCurrency");
            }
        } else if (command.baseCurrency() != null) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "only an FX pair has a baseCurrency", "baseCurrency");
        }
        String exchange = exchange(command.exchange());
        if (exchange != null && !exchange.matches("[A-Z0-9_-]{1,20}")) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "exchange must be 1 to 20 letters, digits, _ or -",
                    "exchange");
        }
        if (command.registeredOn() == null) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, "registeredOn is required", "registeredOn");
        }
    }

    /** Exchanges are compared and stored upper case; blank means none. */
    static String exchange(String exchange) {
        return exchange == null || exchange.isBlank() ? null : exchange.strip().toUpperCase(Locale.ROOT);
    }
}
