package dev.finflow.events;

import java.time.LocalDate;

/**
 * An event that takes effect on a business date (booking, trade, payment or bar date) which may differ from the
 * moment it was recorded. The event store copies it into the event's metadata as {@code effectiveDate}.
 */
public interface EffectiveDated {

    LocalDate effectiveDate();
}
